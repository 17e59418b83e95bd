# SPDX-License-Identifier: GPL-2.0-or-later
"""Layers over a server workshop's tables, tagged like the GeoPackage ones.

The layers are the postgres provider's, filtered on ``groupe`` and tagged
with the same custom properties as the GeoPackage ones (``atelier/table``,
``atelier/groupe``), so every tool of the plugin finds them the same way.
Their URIs carry ``authcfg=`` only: the project never holds a password.
"""

from __future__ import annotations

from qgis.core import QgsEditFormConfig, QgsVectorLayer

from ..domain.errors import QT_TR_NOOP, AtelierError
from . import postgis, workspace

PROP_DOSSIER = "atelier/dossier"


def open_layer(
    dossier: str,
    table: str,
    groupe: str | None = None,
    geometry: str | None = None,
    name: str | None = None,
) -> QgsVectorLayer:
    """One table of a server workshop, filtered on a group when given."""
    ws = postgis.parse_dossier(dossier)
    layer = _tagged_layer(dossier, ws, postgis.layer_uri(ws, table, geometry), table, groupe, name)
    if geometry:
        layer.setCustomProperty(workspace.PROP_GEOMETRY, geometry)
    hide_server_columns(layer)
    return layer


def open_attributes(
    dossier: str, table: str, groupe: str | None = None, name: str | None = None
) -> QgsVectorLayer:
    """A table's attributes only (a mixed-geometry table the provider cannot type)."""
    ws = postgis.parse_dossier(dossier)
    uri = postgis.layer_uri(ws, table, None)
    uri.setDataSource(ws.schema, table, "", "", postgis.KEY)
    uri.setSrid("")  # with an srid and no geometry column the provider returns no row
    return _tagged_layer(dossier, ws, uri, table, groupe, name)


def _tagged_layer(dossier: str, ws, uri, table: str, groupe, name) -> QgsVectorLayer:
    """The postgres layer of ``uri``, filtered on a group and tagged like a GeoPackage one."""
    if groupe is not None:
        uri.setSql(workspace.group_filter(groupe))
    layer = QgsVectorLayer(uri.uri(False), name or table, "postgres")
    if not layer.isValid():
        raise AtelierError(
            QT_TR_NOOP("The table {table} of the schema {schema} cannot be opened."),
            table=table,
            schema=ws.schema,
        )
    layer.setCustomProperty(workspace.PROP_TABLE, table)
    layer.setCustomProperty(PROP_DOSSIER, dossier)
    if groupe is not None:
        layer.setCustomProperty(workspace.PROP_GROUP, groupe)
    return layer


def hide_server_columns(layer: QgsVectorLayer) -> None:
    """version/modifie_le are the server's: read-only in forms."""
    config: QgsEditFormConfig = layer.editFormConfig()
    for column in postgis.SERVER_COLUMNS + (postgis.KEY,):
        index = layer.fields().indexOf(column)
        if index >= 0:
            config.setReadOnly(index, True)
    layer.setEditFormConfig(config)
