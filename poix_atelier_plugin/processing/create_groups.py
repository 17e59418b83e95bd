# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:create_groups (DESIGN.md Processing contract)."""

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingOutputString,
    QgsProcessingParameterString,
)

from ..domain import vocab
from ..infra.i18n import tr
from ..store.postgis import is_pg
from .base import AtelierAlgorithm, DossierParameter


class CreateGroups(AtelierAlgorithm):
    ID = "create_groups"

    def display_name(self) -> str:
        return tr("Create the group workspace")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Creates the workspace tables (route, stops, sequences, hypotheses, observations, "
            "project sites, diagnostic, issues…) in the dossier and registers the groups. "
            "Group names are separated by semicolons. Existing tables and drawings are kept."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            DossierParameter(
                "DOSSIER", tr("Dossier (GeoPackage, or pg:<connection>/<schema> on a server)")
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                "GROUPS", tr("Groups (names separated by ;)"), ";".join(vocab.DEFAULT_GROUPS)
            )
        )
        self.addOutput(QgsProcessingOutputFile("DOSSIER", tr("Dossier")))
        self.addOutput(QgsProcessingOutputString("TABLES", tr("Tables of the workspace")))
        self.addOutput(QgsProcessingOutputString("GROUPS", tr("Groups")))

    def process(self, parameters, context, feedback) -> dict:
        from ..services.groups import create_groups

        dossier = self.parameterAsString(parameters, "DOSSIER", context)
        names = self.parameterAsString(parameters, "GROUPS", context)
        if is_pg(dossier):  # PostGIS workshop (store/postgis.py)
            from ..store.postgis import create_groups as create_groups_pg

            groups, tables = create_groups_pg(dossier, names)
        else:
            groups, tables = create_groups(dossier, names)
        feedback.pushInfo(tr("Groups: {names}").format(names=", ".join(g.name for g in groups)))
        return {"DOSSIER": dossier, "TABLES": tables, "GROUPS": [g.name for g in groups]}
