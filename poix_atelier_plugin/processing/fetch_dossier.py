# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:fetch_dossier (DESIGN.md Processing contract)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingOutputString,
    QgsProcessingParameterDatabaseSchema,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterProviderConnection,
)

from ..domain.errors import AtelierError
from ..infra.i18n import tr
from .base import AtelierAlgorithm


class FetchDossier(AtelierAlgorithm):
    ID = "fetch_dossier"

    def display_name(self) -> str:
        return tr("Fetch a workshop from the server")

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(
            "Copies a workshop schema from a PostgreSQL/PostGIS server into a GeoPackage, to "
            "work offline. An existing GeoPackage is replaced only once the new one is "
            "complete, and kept beside it as <name>_sauvegarde_<date>_<time>.gpkg. A "
            "GeoPackage that layers of the project read is refused: remove them first, or use "
            "the panel's Fetch to local, which closes and reopens them."
        )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(
            QgsProcessingParameterProviderConnection(
                "CONNECTION", tr("PostgreSQL connection"), "postgres"
            )
        )
        self.addParameter(
            QgsProcessingParameterDatabaseSchema(
                "SCHEMA", tr("Workshop schema"), connectionParameterName="CONNECTION"
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                "OUTPUT", tr("GeoPackage"), fileFilter=tr("GeoPackage (*.gpkg)")
            )
        )
        self.addOutput(QgsProcessingOutputFile("DOSSIER", tr("Dossier")))
        self.addOutput(QgsProcessingOutputString("BACKUP", tr("Backup of the replaced file")))

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Main thread: note whether layers of the project read the output file."""
        from ..store import gpkg_replace

        self._refused = None
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        try:
            gpkg_replace.refuse_open(context.project(), output)
        except AtelierError as exc:
            self._refused = exc
        return super().prepareAlgorithm(parameters, context, feedback)

    def process(self, parameters, context, feedback) -> dict:
        from ..services.server import pg_fetch
        from ..store.postgis import PgWorkspace

        if getattr(self, "_refused", None) is not None:
            raise self._refused
        connection = self.parameterAsConnectionName(parameters, "CONNECTION", context)
        schema = self.parameterAsSchema(parameters, "SCHEMA", context)
        output = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if not output.lower().endswith(".gpkg"):
            output += ".gpkg"
        ws = PgWorkspace(connection, schema)
        # a file destination is replaced, as in every Processing algorithm; the old one is kept
        counts = pg_fetch.fetch(ws.dossier, output, replace=True, feedback=feedback)
        if counts.backup:
            feedback.pushInfo(
                tr("The previous GeoPackage is kept as {backup}.").format(backup=counts.backup)
            )
        return {"DOSSIER": output, "BACKUP": counts.backup}
