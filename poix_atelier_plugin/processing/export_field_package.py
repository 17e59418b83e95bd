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
from ..infra.i18n import tr
from ..services.field import field_package
from .base import AtelierAlgorithm, DossierParameter


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
        dossier = self.gpkg_dossier(parameters, context)
        group = self.parameterAsString(parameters, "GROUP", context)
        output = self.parameterAsString(parameters, "OUTPUT_FOLDER", context)
        basemap = self.parameterAsBoolean(parameters, "BASEMAP", context)
        zoom_max = self.parameterAsInt(parameters, "ZOOM_MAX", context)
        package = field_package.export_field_package(
            dossier, group, output, basemap=basemap, zoom_max=zoom_max, feedback=feedback
        )
        project = field_package.package_project(package)
        feedback.pushInfo(tr("Field package written to {path}").format(path=str(package)))
        return {"PACKAGE": str(package), "PROJECT": str(project)}
