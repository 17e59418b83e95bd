# SPDX-License-Identifier: GPL-2.0-or-later
"""Which groups have features, of which geometry kind, in a dossier table.

One read of each table tells which group layers are worth opening: most
point/line/area splits of a group are empty, and opening costs more. A
GeoPackage is read with sqlite (the geometry kind is in the first bytes of
each GeoPackage geometry); PostGIS dossiers, and any table sqlite cannot
read plainly, go through QGIS.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import Optional

from qgis.core import QgsFeatureRequest

from .. import compat
from ..domain.errors import AtelierError
from ..infra.i18n import tr
from ..store.sqlite_ro import connect_readonly
from ..store.tables import is_pg, open_table

LOG = logging.getLogger(__name__)
# A module-level alias is evaluated at run time, and QGIS 3.22 on
# Windows runs Python 3.9, which has no ``X | None`` outside annotations.
Presence = set[tuple[str, Optional[str]]]

#: WKB base type (ISO, without Z/M) → kind, like QgsWkbTypes.geometryType.
WKB_KINDS = {
    **dict.fromkeys((1, 4), "Point"),
    **dict.fromkeys((2, 5, 8, 9, 11, 13), "LineString"),
    **dict.fromkeys((3, 6, 10, 12, 14, 15, 16, 17), "Polygon"),
    7: None,  # geometry collection: no kind of its own
}
ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


class _UnsureError(Exception):
    """A geometry sqlite cannot classify plainly: QGIS reads the table."""


def group_presence(dossier: str, table: str, known: set[str]) -> Presence:
    """(groupe, None) for every feature, and (groupe, kind) when it has a geometry."""
    if not is_pg(dossier) and table in known:
        try:
            return _gpkg_presence(dossier, table)
        except (sqlite3.Error, _UnsureError, ValueError, IndexError) as exc:
            LOG.debug("table %s read through QGIS: %s", table, exc)
    return _qgis_presence(dossier, table)


def _qgis_presence(dossier: str, table: str) -> Presence:
    kinds = {
        compat.GEOMETRY_POINT: "Point",
        compat.GEOMETRY_LINE: "LineString",
        compat.GEOMETRY_POLYGON: "Polygon",
    }
    present: Presence = set()
    try:
        layer = open_table(dossier, table, load_style=False)
        request = QgsFeatureRequest().setSubsetOfAttributes(["groupe"], layer.fields())
        for feat in layer.getFeatures(request):
            present.add((feat["groupe"], None))
            if feat.hasGeometry():
                present.add((feat["groupe"], kinds.get(feat.geometry().type())))
    except AtelierError:
        LOG.info(tr("Table {table} missing in {path}").format(table=table, path=dossier))
    return present


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _gpkg_presence(gpkg: str, table: str) -> Presence:
    con = connect_readonly(gpkg)
    try:
        row = con.execute(
            "SELECT column_name FROM gpkg_geometry_columns WHERE lower(table_name) = lower(?)",
            (table,),
        ).fetchone()
        if row is None:
            sql = f"SELECT groupe, NULL FROM {_quote(table)}"
        else:
            sql = f"SELECT groupe, substr({_quote(row[0])}, 1, 80) FROM {_quote(table)}"
        present: Presence = set()
        for groupe, blob in con.execute(sql):
            present.add((groupe, None))
            if blob is not None:
                present.add((groupe, _kind(bytes(blob))))
        return present
    finally:
        con.close()


def _kind(blob: bytes) -> str | None:
    """The kind of a GeoPackage geometry blob (header, envelope, then WKB)."""
    if blob[:2] != b"GP":
        raise _UnsureError("not a GeoPackage geometry")
    flags = blob[3]
    if flags & 0x30:  # empty or extended geometry
        raise _UnsureError("empty or extended geometry")
    envelope = ENVELOPE_BYTES.get((flags >> 1) & 7)
    if envelope is None:
        raise _UnsureError("unknown envelope")
    start = 8 + envelope
    order = "little" if blob[start] == 1 else "big"
    code = int.from_bytes(blob[start + 1 : start + 5], order)
    if code & 0xE0000000:  # EWKB flags
        raise _UnsureError("extended WKB")
    base = code % 1000
    if base not in WKB_KINDS:
        raise _UnsureError(f"geometry type {code}")
    return WKB_KINDS[base]
