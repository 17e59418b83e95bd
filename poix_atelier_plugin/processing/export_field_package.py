# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:export_field_package (DESIGN.md Processing contract)."""

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingOutputFolder,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import compat
from ..domain.errors import AtelierError
from ..infra.i18n import error_text, tr
from ..services.field import field_package
from .base import AtelierAlgorithm, DossierParameter, on_main_thread


class ExportFieldPackage(AtelierAlgorithm):
    ID = "export_field_package"

    def flags(self):
        # builds the package's project and renders its basemap: main thread only
        return super().flags() | compat.ALGORITHM_FLAG_NO_THREADING

    def display_name(self) -> str:
        return tr("Export a field package")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Writes a folder to copy to a phone or tablet (QField, Mergin Maps): a GeoPackage "
            "with the group's editable layers and the dossier's layers (read only), a project "
            "with relative paths and photo forms, the group's photos under DCIM/ and an "
            "offline basemap (MBTiles) rendered from the dossier's own layers. "
            "An existing package is never overwritten."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(DossierParameter("DOSSIER", tr("Dossier (GeoPackage)")))
        self.addParameter(QgsProcessingParameterString("GROUP", tr("Group")))
        self.addParameter(
            QgsProcessingParameterFolderDestination("OUTPUT_FOLDER", tr("Output folder"))
        )
        basemap = QgsProcessingParameterBoolean(
            "BASEMAP", tr("Render an offline basemap (MBTiles)"), defaultValue=True
        )
        zoom = QgsProcessingParameterNumber(
            "ZOOM_MAX",
            tr("Basemap maximum zoom level"),
            defaultValue=16,
            minValue=12,
            maxValue=19,
        )
        for param in (basemap, zoom):
            param.setFlags(param.flags() | compat.PARAMETER_FLAG_ADVANCED)
            self.addParameter(param)
        self.addOutput(QgsProcessingOutputFolder("PACKAGE", tr("Field package")))
        self.addOutput(QgsProcessingOutputFile("PROJECT", tr("Field project")))

    def process(self, parameters, context, feedback) -> dict:
        self._pending = None
        dossier = self.gpkg_dossier(parameters, context)
        group = self.parameterAsString(parameters, "GROUP", context)
        output = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        basemap = self.parameterAsBoolean(parameters, "BASEMAP", context)
        zoom_max = self.parameterAsInt(parameters, "ZOOM_MAX", context)
        package, gpkg = field_package.export_field_data(dossier, group, output, feedback)
        self._pending = (package, gpkg, group, basemap, zoom_max)
        self._pending_folder = output
        if on_main_thread():  # processing.run, models, FlagNoThreading callers
            return self._finish(feedback)
        return {
            "PACKAGE": str(package),
            "PROJECT": str(package / f"{field_package.package_name(group)}.qgz"),
        }

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """Main thread, after a background run: the basemap and the project are made here.

        Both build a QgsProject (the basemap renders one through a nested processing.run),
        which is not done in a worker thread. QGIS only logs an exception raised here, so
        a failure is reported and the results lose PACKAGE and PROJECT.
        """
        if getattr(self, "_pending", None) is None:
            return super().postProcessAlgorithm(context, feedback)
        try:
            results = self._finish(feedback)
        except AtelierError as exc:
            feedback.reportError(error_text(exc), True)
            return {"OUTPUT_FOLDER": self._pending_folder}
        super().postProcessAlgorithm(context, feedback)
        return results

    def _finish(self, feedback) -> dict:
        (package, gpkg, group, basemap, zoom_max), self._pending = self._pending, None
        field_package.finish_field_package(package, gpkg, group, basemap, zoom_max, feedback)
        project = field_package.package_project(package)
        feedback.pushInfo(tr("Field package written to {path}").format(path=str(package)))
        return {"PACKAGE": str(package), "PROJECT": str(project)}
