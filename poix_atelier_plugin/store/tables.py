# SPDX-License-Identifier: GPL-2.0-or-later
"""One entry point per question asked of a dossier, GeoPackage path or ``pg:`` URI alike.

``open_table`` opens a contract table, ``present_tables`` lists the tables
there, ``read_groups`` reads the groups: each picks the store from the
dossier's spelling (``store.postgis.is_pg``).
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsVectorLayer

from ..domain import schema
from ..domain.groups import GroupSpec
from . import pg_layers, postgis, workspace
from .postgis import is_pg

__all__ = ["is_pg", "open_table", "present_tables", "read_groups"]


def open_table(
    dossier,
    table: str,
    groupe: str | None = None,
    geometry: str | None = None,
    name: str | None = None,
    load_style: bool = True,
) -> QgsVectorLayer:
    """A contract table of the dossier, filtered on ``groupe`` when given.

    On a server, a mixed-geometry table (enjeux) opened without a geometry kind
    is read as attributes only: the postgres provider cannot type it. In a
    GeoPackage, ``load_style=False`` skips the default style (a layer restyled
    anyway, as the boards do).
    """
    if not is_pg(dossier):
        return workspace.open_layer(dossier, table, groupe, geometry, name, load_style)
    spec = schema.TABLES_BY_NAME.get(table)
    if geometry is None and spec is not None and spec.geometry == "Geometry":
        return pg_layers.open_attributes(str(dossier), table, groupe, name)
    return pg_layers.open_layer(str(dossier), table, groupe, geometry, name)


def present_tables(dossier) -> set[str]:
    """The tables there are in the dossier (a missing GeoPackage has none)."""
    if not is_pg(dossier):
        return workspace.existing_tables(dossier)
    ws = postgis.parse_dossier(str(dossier))
    conn = postgis.connect(ws)
    try:
        with conn, conn.cursor() as cur:
            return set(postgis.existing_tables(cur, ws.schema))
    finally:
        conn.close()


def read_groups(dossier: str | Path) -> list[GroupSpec]:
    """The dossier's groups, in their order."""
    if is_pg(dossier):
        return postgis.read_groups(postgis.parse_dossier(str(dossier)))
    return workspace.read_groups(dossier)
