# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:synthesis (DESIGN.md Processing contract)."""

from qgis.core import (
    QgsFeatureSink,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
)

from ..domain import schema
from ..infra.i18n import tr
from ..services.synthesis import WKB_TYPE, compute, output_fields, to_feature
from .base import AtelierAlgorithm, DossierParameter


class Synthesis(AtelierAlgorithm):
    ID = "synthesis"

    def display_name(self) -> str:
        return tr("Cross-group synthesis of project sites")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Overlays the candidate project sites of every group. Each output polygon "
            "carries n_groupes (how many groups chose that place) and groupes (their "
            "names): polygons with 2 groups or more are where groups converge."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            DossierParameter("DOSSIER", tr("Dossier (GeoPackage or pg:connection/schema)"))
        )
        self.addParameter(QgsProcessingParameterFeatureSink("OUTPUT", tr("Convergence")))

    def process(self, parameters, context, feedback) -> dict:
        from qgis.core import QgsCoordinateReferenceSystem

        dossier = self.parameterAsString(parameters, "DOSSIER", context)
        feedback.pushInfo(tr("Reading the candidate sites of every group…"))
        pieces = compute(dossier, feedback)
        fields = output_fields()
        sink, dest = self.parameterAsSink(
            parameters,
            "OUTPUT",
            context,
            fields,
            WKB_TYPE,
            QgsCoordinateReferenceSystem(schema.CRS_AUTHID),
        )
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, "OUTPUT"))
        for i, piece in enumerate(pieces):
            if feedback.isCanceled():
                break
            if not sink.addFeature(to_feature(piece, fields), QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(
                    tr("A convergence polygon could not be written to {output}: {error}").format(
                        output=dest, error=sink.lastError()
                    )
                )
            feedback.setProgress(100.0 * (i + 1) / max(1, len(pieces)))
        shared = sum(1 for p in pieces if p.n_groups >= 2)
        feedback.pushInfo(
            tr("{n} pieces, {shared} shared by two groups or more.").format(
                n=len(pieces), shared=shared
            )
        )
        return {"OUTPUT": dest}
