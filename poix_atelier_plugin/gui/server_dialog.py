# SPDX-License-Identifier: GPL-2.0-or-later
"""Choose the server of a live workshop: a QGIS connection (or a new one), a schema.

A new connection keeps its credentials in a QGIS authentication
configuration (QgsAuthConfigSelect): the connection and the projects only
carry ``authcfg=``, never a password.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from qgis.core import QgsDataSourceUri, QgsProviderRegistry
from qgis.gui import QgsAuthConfigSelect, QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from ..domain.errors import QT_TR_NOOP, AtelierError
from ..infra.i18n import error_text, tr
from ..store.postgis import PgWorkspace, check_schema_name, is_pg

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))

PUBLISH = "publish"
FETCH = "fetch"


def connection_names() -> list[str]:
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    return sorted(metadata.connections(False).keys()) if metadata else []


def default_schema(dossier: str = "") -> str:
    """atelier_<commune or dossier>_<date>, lower case, safe in any tool."""
    stem = Path(dossier).stem if dossier else "atelier"
    stem = re.sub(r"[^a-z0-9_]+", "_", stem.lower()).strip("_") or "atelier"
    if not stem.startswith("atelier"):
        stem = f"atelier_{stem}"
    return f"{stem}_{date.today():%Y_%m_%d}"[:63]


class ServerDialog(QDialog, FORM_CLASS):
    def __init__(self, mode: str = PUBLISH, dossier: str = "", parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.mode = mode
        publish = mode == PUBLISH
        self.setWindowTitle(
            tr("Publish the dossier on the server") if publish else tr("Fetch to local")
        )
        self.helpLabel.setText(
            tr(
                "Every group works on the same PostgreSQL/PostGIS schema from its own laptop; "
                "the facilitator sees everyone's work. The password stays in QGIS's "
                "authentication database, never in the project."
            )
            if publish
            else tr("Copy the workshop from the server into a GeoPackage, to work offline.")
        )
        self.existingRadio.setText(tr("Existing QGIS connection"))
        self.newRadio.setText(tr("New connection"))
        self.nameLabel.setText(tr("Name:"))
        self.hostLabel.setText(tr("Host:"))
        self.portLabel.setText(tr("Port:"))
        self.databaseLabel.setText(tr("Database:"))
        self.schemaLabel.setText(tr("Workshop schema:"))
        self.fileLabel.setText(tr("GeoPackage:"))
        self.replaceCheck.setText(
            tr("Replace the workshop if this schema holds one (it is kept as a dated backup)")
            if publish
            else tr("Replace the GeoPackage if it exists (it is kept as a dated backup)")
        )
        self.auth = QgsAuthConfigSelect(self.authHolder, "postgres")
        layout = QVBoxLayout(self.authHolder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.auth)
        self.file = QgsFileWidget(self.fileHolder)
        self.file.setFilter(tr("GeoPackage (*.gpkg)"))
        self.file.setStorageMode(
            QgsFileWidget.StorageMode.GetFile if publish else QgsFileWidget.StorageMode.SaveFile
        )
        layout = QVBoxLayout(self.fileHolder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.file)
        if publish and dossier and not is_pg(dossier):
            self.file.setFilePath(dossier)
        self.connectionCombo.addItems(connection_names())
        if self.connectionCombo.count() == 0:
            self.newRadio.setChecked(True)
        self.hostEdit.setText("localhost")
        self.nameEdit.setText(tr("Atelier territorial"))
        self.schemaEdit.setText(default_schema(dossier))
        self.existingRadio.toggled.connect(self._sync)
        self._sync()
        self.buttonBox.button(QDialogButtonBox.StandardButton.Ok).clicked.connect(self._accept)
        self.buttonBox.rejected.connect(self.reject)
        self.workspace: PgWorkspace | None = None

    def _sync(self) -> None:
        existing = self.existingRadio.isChecked()
        self.connectionCombo.setEnabled(existing)
        self.newBox.setEnabled(not existing)

    def _save_new_connection(self) -> str:
        name = self.nameEdit.text().strip()
        if not name or not self.databaseEdit.text().strip():
            raise AtelierError(QT_TR_NOOP("Give the connection a name and a database."))
        if not self.auth.configId():
            raise AtelierError(
                QT_TR_NOOP("Choose or create an authentication configuration for the password.")
            )
        uri = QgsDataSourceUri()
        uri.setConnection(
            self.hostEdit.text().strip(),
            str(self.portSpin.value()),
            self.databaseEdit.text().strip(),
            "",
            "",
            QgsDataSourceUri.SslMode.SslPrefer,
            self.auth.configId(),
        )
        metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
        metadata.saveConnection(metadata.createConnection(uri.uri(False), {}), name)
        return name

    def _accept(self) -> None:
        try:
            schema = self.schemaEdit.text().strip()
            check_schema_name(schema)
            if not self.file.filePath():
                raise AtelierError(QT_TR_NOOP("Choose the GeoPackage."))
            if self.existingRadio.isChecked():
                name = self.connectionCombo.currentText()
                if not name:
                    raise AtelierError(QT_TR_NOOP("Give the name of the PostgreSQL connection."))
            else:
                name = self._save_new_connection()
        except AtelierError as exc:
            self.helpLabel.setText(error_text(exc))
            self.helpLabel.setStyleSheet("color: #b00020;")
            return
        self.workspace = PgWorkspace(name, schema)
        self.accept()

    def gpkg(self) -> str:
        return self.file.filePath()

    def replace(self) -> bool:
        return self.replaceCheck.isChecked()
