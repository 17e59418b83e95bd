# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:publish_dossier (DESIGN.md Processing contract)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from ..infra.i18n import tr
from .base import AtelierAlgorithm, DossierParameter


class PublishDossier(AtelierAlgorithm):
    ID = "publish_dossier"

    def display_name(self) -> str:
        return tr("Publish the dossier on the server")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Copies a GeoPackage dossier (its layers, the groups' work, the catalogue, the "
            "styles) into a PostgreSQL/PostGIS schema, so that every group works live. The "
            "schema must be new, or a workshop schema made by this plugin: any other schema, "
            "and public, pg_*, information_schema and topology, are always refused. With "
            "Replace, the current workshop is first renamed <schema>_sauvegarde_<date>_<time> "
            "and kept on the server; nothing is ever deleted."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(DossierParameter("DOSSIER", tr("Dossier (GeoPackage)")))
        self.addParameter(
            QgsProcessingParameterProviderConnection(
                "CONNECTION", tr("PostgreSQL connection"), "postgres"
            )
        )
        self.addParameter(QgsProcessingParameterString("SCHEMA", tr("Workshop schema")))
        self.addParameter(
            QgsProcessingParameterBoolean(
                "REPLACE",
                tr("Replace the workshop if the schema already holds one (kept as a backup)"),
                False,
            )
        )
        self.addOutput(QgsProcessingOutputString("SCHEMA", tr("Workshop schema")))
        self.addOutput(QgsProcessingOutputString("BACKUP", tr("Backup of the replaced workshop")))

    def process(self, parameters, context, feedback) -> dict:
        from ..services.server import pg_sync
        from ..store.postgis import PgWorkspace, check_schema_name

        gpkg = self.gpkg_dossier(parameters, context)
        connection = self.parameterAsConnectionName(parameters, "CONNECTION", context)
        schema = (self.parameterAsString(parameters, "SCHEMA", context) or "").strip()
        replace = self.parameterAsBoolean(parameters, "REPLACE", context)
        check_schema_name(schema)
        ws = PgWorkspace(connection, schema)
        counts = pg_sync.publish(gpkg, ws.dossier, replace, feedback)
        if counts.backup:
            feedback.pushInfo(
                tr("The previous workshop is kept on the server as {backup}.").format(
                    backup=counts.backup
                )
            )
        feedback.pushInfo(
            tr("{count} features copied into {schema}.").format(
                count=sum(counts.values()), schema=schema
            )
        )
        return {"SCHEMA": schema, "BACKUP": counts.backup}
