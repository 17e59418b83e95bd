# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:build_dossier (DESIGN.md Processing contract): a thin wrapper over services.dossier.dossier."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from .. import compat
from ..domain.errors import AtelierError
from ..infra.i18n import error_text, tr
from ..services.dossier.dossier import build_data, finish_dossier
from .base import AtelierAlgorithm, on_main_thread


class BuildDossier(AtelierAlgorithm):
    ID = "build_dossier"

    def display_name(self) -> str:
        return tr("Build a commune dossier")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Builds the cartographic dossier of one commune: a GeoPackage (commune, "
            "neighbouring communes, study area = commune + buffer, every source clipped to "
            "the study area in Lambert-93, styles) and a QGIS project grouped by theme. "
            "Only features inside the study area are read. Online IGN and Géorisques "
            "layers are added when asked; they stay in the project even offline. An "
            "existing dossier of the same commune is only replaced with Overwrite."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                "COMMUNES", tr("Communes layer"), [compat.SOURCE_VECTOR_ANY_GEOMETRY]
            )
        )
        self.addParameter(QgsProcessingParameterString("CODE_INSEE", tr("INSEE code")))
        self.addParameter(
            QgsProcessingParameterField(
                "CODE_FIELD",
                tr("INSEE code field (detected when empty)"),
                parentLayerParameterName="COMMUNES",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "BUFFER",
                tr("Buffer around the commune (m)"),
                compat.NUMBER_DOUBLE,
                500.0,
                minValue=0.0,
                maxValue=50000.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                "SOURCES",
                tr("Source layers to clip"),
                compat.SOURCE_VECTOR_ANY_GEOMETRY,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                "ONLINE_LAYERS", tr("Add online layers (IGN, Géorisques)"), True
            )
        )
        overwrite = QgsProcessingParameterBoolean(
            "OVERWRITE", tr("Overwrite an existing dossier of this commune"), False
        )
        overwrite.setFlags(overwrite.flags() | compat.PARAMETER_FLAG_ADVANCED)
        self.addParameter(overwrite)
        self.addParameter(
            QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Output folder"))
        )
        self.addOutput(QgsProcessingOutputFile("DOSSIER", tr("Dossier GeoPackage")))
        self.addOutput(QgsProcessingOutputFile("PROJECT", tr("Dossier project")))
        self.addOutput(QgsProcessingOutputString("COMMUNE_NAME", tr("Commune name")))
        self.addOutput(QgsProcessingOutputNumber("AREA_KM2", tr("Commune area (km²)")))

    def _dossier_parameter(self, parameters, context) -> str:
        """The dossier a rebuild replaces: its pending edits are saved and carried over."""
        from ..services.dossier.dossier import dossier_files

        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        code = (self.parameterAsString(parameters, "CODE_INSEE", context) or "").strip()
        if not folder or not code:
            return ""
        return str(dossier_files(folder, code)[0])

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Main thread (in the dialog): the layers are looked up in the project here."""
        if not super().prepareAlgorithm(parameters, context, feedback):
            return False
        self._layers = (
            self.parameterAsVectorLayer(parameters, "COMMUNES", context),
            self.parameterAsLayerList(parameters, "SOURCES", context) or [],
        )
        return True

    def process(self, parameters, context, feedback) -> dict:
        """The GeoPackage, in the worker thread; its project waits for postProcessAlgorithm."""
        layers, self._layers = getattr(self, "_layers", None), None
        communes, sources = layers or (
            self.parameterAsVectorLayer(parameters, "COMMUNES", context),
            self.parameterAsLayerList(parameters, "SOURCES", context) or [],
        )
        code = self.parameterAsString(parameters, "CODE_INSEE", context)
        code_field = self.parameterAsString(parameters, "CODE_FIELD", context)
        buffer_m = self.parameterAsDouble(parameters, "BUFFER", context)
        online = self.parameterAsBool(parameters, "ONLINE_LAYERS", context)
        overwrite = self.parameterAsBool(parameters, "OVERWRITE", context)
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        self._pending = None
        self._pending = build_data(
            communes,
            code,
            folder,
            code_field=code_field or None,
            buffer_m=buffer_m,
            sources=sources,
            online=online,
            overwrite=overwrite,
            progress=self._progress(feedback),
            cancelled=feedback.isCanceled,
            transform_context=context.transformContext(),
        )
        self._folder = folder
        if on_main_thread():  # processing.run, the model builder, FlagNoThreading callers
            pending, self._pending = self._pending, None
            return self._finish(pending, feedback)
        return self._results(self._pending.result, folder)

    @staticmethod
    def _progress(feedback):
        def progress(percent: float, message: str) -> None:
            feedback.setProgress(percent)
            if message:
                feedback.pushInfo(message)

        return progress

    @staticmethod
    def _results(result, folder: str) -> dict:
        from ..services.dossier.dossier import dossier_files

        gpkg, qgz = dossier_files(folder, result.insee)
        return {
            "DOSSIER": str(gpkg),
            "PROJECT": str(qgz),
            "OUTPUT_FOLDER": folder,
            "COMMUNE_NAME": result.commune_name,
            "AREA_KM2": result.area_km2,
        }

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """Main thread, after a background run: the project is built and moved in place here.

        QGIS calls this on the main thread when the dialog (or a QgsProcessingAlgRunnerTask)
        ran the algorithm in a worker thread: a QgsProject is not built in a worker thread.
        QGIS only logs an exception raised here and keeps processAlgorithm's results, so a
        failure is reported and the results lose DOSSIER and PROJECT.
        """
        pending, self._pending = getattr(self, "_pending", None), None
        if pending is None:
            return super().postProcessAlgorithm(context, feedback)
        try:
            results = self._finish(pending, feedback)
        except AtelierError as exc:
            feedback.reportError(error_text(exc), True)
            return {"OUTPUT_FOLDER": self._folder}
        super().postProcessAlgorithm(context, feedback)  # layers on the dossier reread it
        return results

    def _finish(self, pending, feedback) -> dict:
        result = finish_dossier(pending, self._progress(feedback))
        feedback.pushInfo(
            tr("{name}: {area:.2f} km², {n} neighbouring communes.").format(
                name=result.commune_name, area=result.area_km2, n=len(result.neighbours)
            )
        )
        for stats in result.sources:
            feedback.pushInfo(
                tr("{layer}: {written} features kept.").format(
                    layer=stats.name, written=stats.written
                )
            )
        for warning in result.warnings:
            feedback.pushWarning(warning)
        if result.kept_tables:
            feedback.pushInfo(
                tr("Kept from the previous dossier: {tables}.").format(
                    tables=", ".join(result.kept_tables)
                )
            )
        for backup in result.backups:
            feedback.pushInfo(tr("Previous file kept as {path}.").format(path=backup))
        return self._results(result, self._folder)
