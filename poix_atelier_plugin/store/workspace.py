# SPDX-License-Identifier: GPL-2.0-or-later
"""The group workspace in a GeoPackage: tables of the data contract.

Layers are keyed by table name (layer custom property ``atelier/table``) and
by group (``atelier/groupe``), never by display name.
"""

from __future__ import annotations

import logging
import sqlite3
import uuid
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsExpression,
    QgsFeature,
    QgsFields,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from .. import compat
from ..domain import schema
from ..domain.errors import QT_TR_NOOP, AtelierError
from ..domain.groups import GroupSpec
from .sqlite_ro import connect_readonly

LOG = logging.getLogger(__name__)

PROP_TABLE = "atelier/table"
PROP_GROUP = "atelier/groupe"
#: The geometry kind a layer of a mixed-geometry table (enjeux) was opened for.
PROP_GEOMETRY = "atelier/geometry"

_KINDS = {
    "text": compat.FIELD_STRING,
    "int": compat.FIELD_INT,
    "real": compat.FIELD_DOUBLE,
    "date": compat.FIELD_DATE,
    "datetime": compat.FIELD_DATETIME,
}
_GEOMS = {
    "Point": compat.WKB_POINT,
    "LineString": compat.WKB_LINESTRING,
    "Polygon": compat.WKB_POLYGON,
    "Geometry": compat.WKB_UNKNOWN,
    None: compat.WKB_NO_GEOMETRY,
}
#: Geometry kinds a "Geometry" table is split into for drawing.
SPLIT_GEOMETRIES = ("Point", "LineString", "Polygon")


def qgs_fields(table: schema.Table) -> QgsFields:
    out = QgsFields()
    for f in table.fields:
        out.append(compat.make_field(f.name, _KINDS[f.kind]))
    return out


def crs() -> QgsCoordinateReferenceSystem:
    return QgsCoordinateReferenceSystem(schema.CRS_AUTHID)


def new_uid() -> str:
    return str(uuid.uuid4())


def existing_tables(gpkg: str | Path) -> set[str]:
    """Tables registered in the GeoPackage (read-only look at gpkg_contents)."""
    return {name for name, _kind in contents(gpkg)}


def contents(gpkg: str | Path) -> list[tuple[str, str]]:
    """(table, data_type) rows of gpkg_contents, read-only; none for a missing file."""
    path = Path(gpkg)
    if not path.is_file():
        return []
    con = connect_readonly(path)
    try:
        return con.execute("SELECT table_name, data_type FROM gpkg_contents").fetchall()
    except sqlite3.DatabaseError as exc:
        raise AtelierError(
            QT_TR_NOOP("{path} is not a readable GeoPackage ({error})."),
            path=str(path),
            error=str(exc),
        ) from exc
    finally:
        con.close()


def create_table(gpkg: str | Path, table: schema.Table) -> None:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table.name
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
        if Path(gpkg).exists()
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
    )
    writer = QgsVectorFileWriter.create(
        str(gpkg),
        qgs_fields(table),
        _GEOMS[table.geometry],
        crs(),
        QgsCoordinateTransformContext(),
        options,
    )
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        raise AtelierError(
            QT_TR_NOOP("Cannot create the table {table} in {path}: {error}"),
            table=table.name,
            path=str(gpkg),
            error=writer.errorMessage(),
        )
    del writer


def create_workspace(gpkg: str | Path, groups: list[GroupSpec]) -> list[str]:
    """Create the missing tables and register the groups; returns new tables.

    Existing tables and features are kept: running it twice is harmless. The
    boîte à outils is filled by services.groups.create_groups (the toolbox's
    catalogue is not the store's business).
    """
    present = existing_tables(gpkg)
    created = []
    for table in schema.TABLES:
        if table.name not in present:
            create_table(gpkg, table)
            created.append(table.name)
    add_groups(gpkg, groups)
    return created


def layer_uri(
    gpkg: str | Path, table: str, geometry: str | None = None, groupe: str | None = None
) -> str:
    """OGR URI of a contract table; the group filter goes last (``subset=`` must)."""
    uri = f"{gpkg}|layername={table}"
    if geometry:
        uri += f"|geometrytype={geometry}"
    if groupe is not None:
        uri += f"|subset={group_filter(groupe)}"
    return uri


def group_filter(groupe: str) -> str:
    return f'"groupe" = {QgsExpression.quotedValue(groupe)}'


def open_layer(
    gpkg: str | Path,
    table: str,
    groupe: str | None = None,
    geometry: str | None = None,
    name: str | None = None,
    load_style: bool = True,
    transform_context: QgsCoordinateTransformContext | None = None,
) -> QgsVectorLayer:
    """A contract table, filtered on ``groupe`` when given (the filter is in the URI).

    ``load_style=False`` skips the default style for layers restyled anyway.
    ``transform_context``: the caller's (a Processing context's copy); the
    project instance is not read here, as this also runs in worker threads.
    A layer added to a project takes that project's context anyway.
    """
    context = (
        transform_context if transform_context is not None else QgsCoordinateTransformContext()
    )
    options = QgsVectorLayer.LayerOptions(context)
    options.loadDefaultStyle = load_style
    layer = QgsVectorLayer(layer_uri(gpkg, table, geometry, groupe), name or table, "ogr", options)
    if not layer.isValid():
        raise AtelierError(
            QT_TR_NOOP("The table {table} cannot be opened in {path}."),
            table=table,
            path=str(gpkg),
        )
    layer.setCustomProperty(PROP_TABLE, table)
    if groupe is not None:
        layer.setCustomProperty(PROP_GROUP, groupe)
    return layer


def read_groups(gpkg: str | Path) -> list[GroupSpec]:
    if "groupes" not in existing_tables(gpkg):
        return []
    layer = open_layer(gpkg, "groupes")
    specs = [
        GroupSpec(
            name=f["groupe"],
            colour=f["couleur"] or "",
            adviser=f["conseiller"] or "",
            slot_min=int(f["creneau_min"] or 120),
            order=int(f["ordre"] or 0),
        )
        for f in layer.getFeatures()
    ]
    return sorted(specs, key=lambda g: (g.order, g.name))


def add_groups(gpkg: str | Path, groups: list[GroupSpec]) -> None:
    layer = open_layer(gpkg, "groupes")
    known = {f["groupe"] for f in layer.getFeatures()}
    feats = []
    for spec in groups:
        if spec.name in known:
            continue
        feat = QgsFeature(layer.fields())
        feat["uid"] = new_uid()
        feat["groupe"] = spec.name
        feat["ordre"] = spec.order
        feat["couleur"] = spec.colour
        feat["conseiller"] = spec.adviser
        feat["creneau_min"] = spec.slot_min
        feats.append(feat)
    if feats and not layer.dataProvider().addFeatures(feats):
        raise AtelierError(QT_TR_NOOP("Cannot write the groups into {path}."), path=str(gpkg))


def update_groups(gpkg: str | Path, groups: list[GroupSpec]) -> int:
    """Write colour, adviser and slot of groups already registered; returns how many."""
    layer = open_layer(gpkg, "groupes")
    by_name = {spec.name: spec for spec in groups}
    idx = {name: layer.fields().indexOf(name) for name in ("couleur", "conseiller", "creneau_min")}
    changes = {}
    for f in layer.getFeatures():
        spec = by_name.get(f["groupe"])
        if spec is not None:
            changes[f.id()] = {
                idx["couleur"]: spec.colour,
                idx["conseiller"]: spec.adviser,
                idx["creneau_min"]: int(spec.slot_min),
            }
    if changes and not layer.dataProvider().changeAttributeValues(changes):
        raise AtelierError(QT_TR_NOOP("Cannot write the groups into {path}."), path=str(gpkg))
    return len(changes)
