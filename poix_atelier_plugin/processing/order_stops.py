# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:order_stops (DESIGN.md Processing contract)."""

from qgis.core import (
    QgsProcessingOutputBoolean,
    QgsProcessingOutputNumber,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from .. import compat
from ..domain import vocab
from ..infra.i18n import tr
from .base import AtelierAlgorithm, DossierParameter


class OrderStops(AtelierAlgorithm):
    ID = "order_stops"

    def display_name(self) -> str:
        return tr("Number stops along the route")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Numbers the group's stops in the order the route reaches them, measures the route "
            "(ellipsoidal length), and compares walking time plus time at the stops with the visit slot. "
            "Stops far from the route are kept and reported."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(DossierParameter("DOSSIER", tr("Dossier (GeoPackage)")))
        self.addParameter(QgsProcessingParameterString("GROUP", tr("Group")))
        self.addParameter(
            QgsProcessingParameterNumber(
                "SLOT_MIN",
                tr("Visit slot (minutes)"),
                compat.NUMBER_INTEGER,
                vocab.DEFAULT_SLOT_MIN,
                False,
                1,
                24 * 60,
            )
        )
        self.addOutput(QgsProcessingOutputNumber("LENGTH_M", tr("Route length (m)")))
        self.addOutput(QgsProcessingOutputNumber("WALK_MIN", tr("Walking time (min)")))
        self.addOutput(QgsProcessingOutputNumber("TOTAL_MIN", tr("Total time with stops (min)")))
        self.addOutput(QgsProcessingOutputBoolean("FITS_SLOT", tr("Fits in the slot")))

    def process(self, parameters, context, feedback) -> dict:
        from ..services.route import order_stops

        dossier = self.gpkg_dossier(parameters, context)
        groupe = self.parameterAsString(parameters, "GROUP", context)
        slot = self.parameterAsInt(parameters, "SLOT_MIN", context)
        report = order_stops(dossier, groupe, slot)
        for text in report.warnings:
            feedback.reportError(text, False)
        feedback.pushInfo(
            tr("{count} stops, {length} m, {total} min for a slot of {slot} min.").format(
                count=report.stop_count,
                length=round(report.length_m),
                total=round(report.total_min),
                slot=round(report.slot_min),
            )
        )
        return report.as_outputs()
