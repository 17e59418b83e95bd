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
from ..infra.i18n import tr
from ..services.dossier.dossier import build_dossier
from .base import AtelierAlgorithm


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

    def process(self, parameters, context, feedback) -> dict:
        communes = self.parameterAsVectorLayer(parameters, "COMMUNES", context)
        code = self.parameterAsString(parameters, "CODE_INSEE", context)
        code_field = self.parameterAsString(parameters, "CODE_FIELD", context)
        buffer_m = self.parameterAsDouble(parameters, "BUFFER", context)
        sources = self.parameterAsLayerList(parameters, "SOURCES", context) or []
        online = self.parameterAsBool(parameters, "ONLINE_LAYERS", context)
        overwrite = self.parameterAsBool(parameters, "OVERWRITE", context)
        folder = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)

        def progress(percent: float, message: str) -> None:
            feedback.setProgress(percent)
            if message:
                feedback.pushInfo(message)

        result = build_dossier(
            communes,
            code,
            folder,
            code_field=code_field or None,
            buffer_m=buffer_m,
            sources=sources,
            online=online,
            overwrite=overwrite,
            progress=progress,
            cancelled=feedback.isCanceled,
        )
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
        return {
            "DOSSIER": result.gpkg,
            "PROJECT": result.project,
            "OUTPUT_FOLDER": folder,
            "COMMUNE_NAME": result.commune_name,
            "AREA_KM2": result.area_km2,
        }
