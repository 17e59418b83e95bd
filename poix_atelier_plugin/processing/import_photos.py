# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:import_photos (DESIGN.md Processing contract)."""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import compat
from ..infra.i18n import tr
from ..services.photos import photos
from .base import AtelierAlgorithm, DossierParameter


class ImportPhotos(AtelierAlgorithm):
    ID = "import_photos"

    def display_name(self) -> str:
        return tr("Import geotagged photos")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Each geotagged photo of the folder becomes an observation of the group, "
            "copied under DCIM/<group>/ next to the dossier and attached to the nearest "
            "stop within the tolerance. Photos without GPS, outside the study perimeter "
            "or unreadable are counted and listed in the log, not imported. "
            "Importing the same photos again adds nothing."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(DossierParameter("DOSSIER", tr("Dossier (GeoPackage)")))
        self.addParameter(QgsProcessingParameterString("GROUP", tr("Group")))
        self.addParameter(
            QgsProcessingParameterFile("FOLDER", tr("Photo folder"), behavior=compat.FILE_FOLDER)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                "TOLERANCE_M",
                tr("Distance to attach a photo to a stop (m)"),
                type=compat.NUMBER_DOUBLE,
                defaultValue=photos.DEFAULT_TOLERANCE_M,
                minValue=0.0,
            )
        )
        for key, label in (
            ("IMPORTED", tr("Photos imported")),
            ("NO_GPS", tr("Photos without GPS position")),
            ("OUTSIDE_AREA", tr("Photos outside the study perimeter")),
            ("UNREADABLE", tr("Unreadable files")),
            ("ALREADY_IMPORTED", tr("Photos already imported")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))

    def process(self, parameters, context, feedback) -> dict:
        dossier = self.gpkg_dossier(parameters, context)
        group = self.parameterAsString(parameters, "GROUP", context)
        folder = self.parameterAsFile(parameters, "FOLDER", context)
        tolerance = self.parameterAsDouble(parameters, "TOLERANCE_M", context)
        report = photos.import_photos(
            dossier, group, folder, tolerance, feedback, context.transformContext()
        )
        for title, issues in (
            (tr("Without GPS position"), report.no_gps),
            (tr("Outside the study perimeter"), report.outside),
            (tr("Unreadable"), report.unreadable),
        ):
            for issue in issues:
                feedback.pushInfo(f"{title}: {issue.path} — {issue.text()}")
        counts = report.counts()
        feedback.pushInfo(
            tr(
                "{imported} imported, {no_gps} without GPS, {outside} outside the perimeter, "
                "{unreadable} unreadable, {already} already imported."
            ).format(
                imported=counts["IMPORTED"],
                no_gps=counts["NO_GPS"],
                outside=counts["OUTSIDE_AREA"],
                unreadable=counts["UNREADABLE"],
                already=counts["ALREADY_IMPORTED"],
            )
        )
        return counts
