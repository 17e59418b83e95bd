# SPDX-License-Identifier: GPL-2.0-or-later
"""The facilitator's canvas refreshes by itself when a group commits.

The server's statement triggers send ``NOTIFY atelier`` with a JSON payload
(schema, table, operation). QGIS's own "refresh on notification" listens on
the ``qgis`` channel only and, in QGIS 3.22, crashes when the layer's
connection uses an authentication configuration (the listener thread frees
libpq memory twice), so the plugin listens itself: one psycopg2 connection
watched by a QSocketNotifier in the main thread, no extra thread.
"""

from __future__ import annotations

import json
import logging

from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QObject, QSocketNotifier, pyqtSignal

from ..infra.i18n import tr
from . import postgis

LOG = logging.getLogger(__name__)


class ChangeListener(QObject):
    """Reloads the watched layers of one workshop when the server says they changed."""

    changed = pyqtSignal(str)  # table name, once its layers are reloaded
    notified = pyqtSignal(object)  # each payload {schema, table, op, xid}, after the reload

    def __init__(self, dossier: str, uri=None, parent: QObject | None = None):
        super().__init__(parent)
        from psycopg2 import sql

        self.ws = postgis.parse_dossier(dossier)
        self.layers: dict[str, list[QgsVectorLayer]] = {}
        self.conn = postgis.connect(self.ws, uri)  # uri: a watched layer's own source
        self.conn.autocommit = True
        with self.conn.cursor() as cur:
            cur.execute(sql.SQL("LISTEN {}").format(sql.Identifier(postgis.CHANNEL)))
        self.notifier = QSocketNotifier(self.conn.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._read)

    def watch(self, layer: QgsVectorLayer) -> None:
        table = layer.customProperty("atelier/table") or ""
        self.layers.setdefault(table, []).append(layer)
        layer.willBeDeleted.connect(lambda lyr=layer, t=table: self._forget(t, lyr))

    def _forget(self, table: str, layer) -> None:
        kept = [lyr for lyr in self.layers.get(table, []) if lyr is not layer]
        self.layers[table] = kept

    def _read(self, *_args) -> None:
        if self.conn is None or self.conn.closed:
            return
        import psycopg2

        try:
            self.conn.poll()
        except (psycopg2.Error, OSError) as exc:  # the server or the network gone
            LOG.warning(tr("Server notifications stopped: {error}").format(error=exc))
            self.close()
            return
        tables, payloads = [], []
        while self.conn.notifies:
            note = self.conn.notifies.pop(0)
            try:
                payload = json.loads(note.payload)
            except ValueError:
                continue
            if payload.get("schema") != self.ws.schema:
                continue
            payloads.append(payload)
            if payload.get("table") not in tables:
                tables.append(payload.get("table"))
        for table in tables:
            for layer in self.layers.get(table, []):
                if not layer.isEditable():  # never under someone's edit buffer
                    layer.reload()
                    layer.triggerRepaint()
            self.changed.emit(table)
        for payload in payloads:
            self.notified.emit(payload)

    def close(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
        if self.conn is not None and not self.conn.closed:
            self.conn.close()
