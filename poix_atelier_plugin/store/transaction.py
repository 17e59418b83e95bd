# SPDX-License-Identifier: GPL-2.0-or-later
"""One transaction per multi-step write: all of it reaches the dossier, or nothing.

``transaction(dossier, tables)`` yields a writer with the same few operations
on a GeoPackage and on a ``pg:`` server workshop:

- GeoPackage: the tables are OGR layers sharing one QgsTransaction, QGIS's
  own SQLite transaction on the file. GDAL keeps running the GeoPackage's
  triggers (spatial index, feature counts), and a failure on any table
  rolls every table back.
- Server (transaction_pg): one psycopg2 transaction. ``lock`` takes the rows ``FOR UPDATE``
  and compares their version with the one the caller read; every update
  asserts that version to the schema's version trigger (pg_schema) and every
  delete matches it. A row changed or deleted meanwhile by another computer
  is a conflict: everything is rolled back and the other change stays.

After a commit the project's layers on the written tables are reloaded, so
the canvas, the forms and every reader see the new state.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from qgis.core import QgsExpression, QgsFeature, QgsFeatureRequest, QgsGeometry

from ..domain.errors import AtelierError
from ..infra.user_paths import same_path
from .postgis import is_pg
from .rows import BUSY_TIMEOUT_MS, Row, columns, nothing_changed, plain_value
from .transaction_pg import PgWriter
from .workspace import PROP_TABLE, new_uid, open_layer
from .writer import Writer

LOG = logging.getLogger(__name__)


# GeoPackage ------------------------------------------------------------------------------
class GpkgWriter(Writer):
    def __init__(self, dossier, tables, write: bool = True):
        super().__init__(dossier, tables)
        self.write = write
        self.layers: dict = {}
        self._entered: list = []
        self.tx = None

    def begin(self) -> None:
        from qgis.core import QgsTransaction

        for table in self.tables:
            layer = open_layer(self.dossier, table, load_style=False)
            if not layer.dataProvider().enterUpdateMode():
                raise nothing_changed(self.dossier, table, "read only")
            self._entered.append(layer)
            self.layers[table] = layer
        self.tx = QgsTransaction.create(set(self.layers.values()))
        if self.tx is None:
            raise nothing_changed(self.dossier, "-", "no transaction")
        ok, message = self.tx.begin()
        if not ok:
            raise nothing_changed(self.dossier, "-", message)
        # Wait for a program that holds the file for a moment rather than fail, and
        # take the write lock before reading: SQLite cannot wait for a lock once a
        # deferred transaction has read (its snapshot would be stale), it fails.
        self.tx.executeSql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not self.write:
            return
        ok, message = self.tx.executeSql("UPDATE gpkg_contents SET table_name = table_name WHERE 0")
        if not ok:
            raise nothing_changed(self.dossier, "-", message)

    def commit(self) -> None:
        ok, message = self.tx.commit()
        if not ok:
            self.tx.rollback()
            self.written.clear()
            raise nothing_changed(self.dossier, "-", message)

    def rollback(self) -> None:
        if self.tx is not None:
            self.tx.rollback()
        self.written.clear()

    def close(self) -> None:
        for layer in self._entered:
            layer.dataProvider().leaveUpdateMode()
        self._entered.clear()
        self.tx = None

    def _layer(self, table: str):
        if table not in self.layers:
            raise nothing_changed(self.dossier, table, "not in the transaction")
        return self.layers[table]

    def _fail(self, table: str) -> AtelierError:
        errors = self._layer(table).dataProvider().errors()
        return nothing_changed(self.dossier, table, "; ".join(errors[-3:]))

    def select(self, table, where=None, fids=None, lock=False) -> list[Row]:
        layer = self._layer(table)
        terms = []
        for column, values in (where or {}).items():
            values = [v for v in values if v is not None]
            if not values:
                return []
            listed = ", ".join(QgsExpression.quotedValue(v) for v in values)
            terms.append(f"{QgsExpression.quotedColumnRef(column)} IN ({listed})")
        if fids is not None:
            fids = [int(f) for f in fids]
            if not fids:
                return []
            terms.append(f"$id IN ({', '.join(str(f) for f in fids)})")
        request = QgsFeatureRequest()
        if terms:
            request.setFilterExpression(" AND ".join(terms))
        names = [n for n in columns(table) if layer.fields().indexOf(n) >= 0]
        rows = [
            Row(int(f.id()), None, {n: plain_value(f[n]) for n in names})
            for f in layer.getFeatures(request)
        ]
        return sorted(rows, key=lambda r: r.fid)

    def insert(self, table, rows: list[dict]) -> list[int]:
        if not rows:
            return []
        layer = self._layer(table)
        feats = []
        for values in rows:
            feat = QgsFeature(layer.fields())
            if layer.fields().indexOf("uid") >= 0 and not values.get("uid"):
                feat["uid"] = new_uid()
            for name, value in values.items():
                feat[name] = value
            feats.append(feat)
        ok, added = layer.dataProvider().addFeatures(feats)
        if not ok:
            raise self._fail(table)
        self.written.add(table)
        return [int(f.id()) for f in added]

    def update(self, table, fid: int, values: dict, version: int | None = None) -> None:
        layer = self._layer(table)
        changes = {layer.fields().indexOf(k): v for k, v in values.items()}
        if not layer.dataProvider().changeAttributeValues({int(fid): changes}):
            raise self._fail(table)
        self.written.add(table)

    def set_geometry(self, table, fid: int, geometry, version: int | None = None) -> None:
        layer = self._layer(table)
        value = QgsGeometry(geometry) if geometry is not None else QgsGeometry()
        if not layer.dataProvider().changeGeometryValues({int(fid): value}):
            raise self._fail(table)
        self.written.add(table)

    def delete(self, table, fids: Iterable[int], versions: dict | None = None) -> int:
        fids = [int(f) for f in fids]
        if not fids:
            return 0
        if not self._layer(table).dataProvider().deleteFeatures(fids):
            raise self._fail(table)
        self.written.add(table)
        return len(fids)


# entry points ------------------------------------------------------------------------------
@contextmanager
def transaction(
    dossier, tables: Iterable[str], project=None, write: bool = True
) -> Iterator[Writer]:
    """All the writes of the block in one transaction on ``tables``; reload after commit.

    ``project``: whose layers to reload (default: the current project, on the
    main thread only). ``write=False``: a consistent read only (a GeoPackage
    is then not locked against other writers).
    """
    if is_pg(dossier):
        writer = PgWriter(dossier, tables)
    else:
        writer = GpkgWriter(dossier, tables, write)
    try:
        writer.begin()
        try:
            yield writer
        except BaseException:
            writer.rollback()
            raise
        writer.commit()
    finally:
        writer.close()
    if writer.written:
        reload_layers(dossier, writer.written, project)


def read_versions(dossier, table: str, fids: Iterable[int] | None = None) -> dict[int, int]:
    """fid → version on a server workshop, to pass back with a later write ({} for a GeoPackage)."""
    if not is_pg(dossier):
        return {}
    with transaction(dossier, [table], write=False) as writer:
        return {row.fid: row.version for row in writer.select(table, fids=fids)}


def _is_main_thread() -> bool:
    from qgis.PyQt.QtCore import QCoreApplication, QThread

    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()


def _same_file(source: str, path: Path) -> tuple[bool, str]:
    from qgis.core import QgsProviderRegistry

    parts = QgsProviderRegistry.instance().decodeUri("ogr", source)
    same = bool(parts.get("path")) and same_path(parts["path"], path)
    return same, parts.get("layerName") or ""


def reload_layers(dossier, tables: Iterable[str], project=None) -> int:
    """Reload the project's layers on ``tables`` of ``dossier``; returns how many."""
    from qgis.core import QgsDataSourceUri, QgsProject, QgsVectorLayer

    if project is None:
        if not _is_main_thread():
            return 0
        project = QgsProject.instance()
    tables = set(tables)
    path = None if is_pg(dossier) else Path(str(dossier))
    count = 0
    for layer in project.mapLayers().values():
        if not isinstance(layer, QgsVectorLayer):
            continue
        table = layer.customProperty(PROP_TABLE) or ""
        if path is not None:
            if layer.providerType() != "ogr":
                continue
            same, name = _same_file(layer.source(), path)
            if not same or (table or name) not in tables:
                continue
        else:
            if layer.providerType() != "postgres":
                continue
            mine = layer.customProperty("atelier/dossier") == str(dossier)
            uri = QgsDataSourceUri(layer.source())
            if not mine or (table or uri.table()) not in tables:
                continue
        layer.reload()
        layer.triggerRepaint()
        count += 1
    return count
