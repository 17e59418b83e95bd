# SPDX-License-Identifier: GPL-2.0-or-later
"""Fetch a server workshop into a local GeoPackage ("Fetch to local").

Rows are read with psycopg2 (every table, whatever its geometry: a
``geometry(Geometry)`` column mixing points and polygons included) and
written through QGIS's OGR provider with their fids. The server's own
columns (``version``, ``modifie_le``) and the workshop marker stay on the
server. The file is built under a temporary name beside the target and put
in place by gpkg_replace (a dated backup of the old file, no stale side files).
"""

from __future__ import annotations

import datetime
import decimal
import logging
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QByteArray, QDate, QDateTime, QTime

from ... import compat
from ...domain import schema
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...store import gpkg_replace, pg_schema, postgis, workspace
from ...store.postgis import KEY, ident
from .pg_sync import _save_style

LOG = logging.getLogger(__name__)

_QT_TYPES = {
    "integer": compat.FIELD_INT,
    "smallint": compat.FIELD_INT,
    "bigint": compat.FIELD_INT64,
    "double precision": compat.FIELD_DOUBLE,
    "real": compat.FIELD_DOUBLE,
    "numeric": compat.FIELD_DOUBLE,
    "boolean": compat.FIELD_BOOL,
    "date": compat.FIELD_DATE,
    "timestamp without time zone": compat.FIELD_DATETIME,
    "timestamp with time zone": compat.FIELD_DATETIME,
    "time without time zone": compat.FIELD_TIME,
    "bytea": compat.FIELD_BINARY,
}


def _tables(cur, name: str) -> list[dict]:
    """Tables of the schema with columns and geometry, contract tables first."""
    cur.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = %s "
        "AND table_type = 'BASE TABLE'",
        (name,),
    )
    names = [r[0] for r in cur.fetchall() if r[0] != pg_schema.META_TABLE]
    order = {t.name: i for i, t in enumerate(schema.TABLES)}
    out = []
    for table in sorted(names, key=lambda t: (order.get(t, len(order)), t)):
        cur.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position",
            (name, table),
        )
        columns = cur.fetchall()
        cur.execute(
            "SELECT f_geometry_column, type, coord_dimension, srid FROM geometry_columns "
            "WHERE f_table_schema = %s AND f_table_name = %s LIMIT 1",
            (name, table),
        )
        geom = cur.fetchone()
        out.append({"name": table, "columns": columns, "geometry": geom})
    return out


def _styles(cur, name: str) -> list[dict]:
    cur.execute("SELECT to_regclass('layer_styles') IS NOT NULL")
    if not cur.fetchone()[0]:
        return []
    cur.execute(
        "SELECT f_table_name, f_geometry_column, stylename, styleqml::text, stylesld::text, "
        "useasdefault, description, ui::text FROM layer_styles WHERE f_table_schema = %s "
        "ORDER BY useasdefault, id",
        (name,),
    )
    keys = (
        "f_table_name",
        "f_geometry_column",
        "styleName",
        "styleQML",
        "styleSLD",
        "useAsDefault",
        "description",
        "ui",
    )
    return [dict(zip(keys, row)) for row in cur.fetchall()]


def _wkb_type(geom) -> int:
    if geom is None:
        return compat.WKB_NO_GEOMETRY
    _col, kind, dims, _srid = geom
    wkb = QgsWkbTypes.parseType(kind.title().replace("string", "String"))
    if kind.upper() == "GEOMETRY" or wkb == compat.WKB_UNKNOWN:
        return compat.WKB_UNKNOWN
    if dims and int(dims) >= 3 and not kind.upper().endswith("M"):
        wkb = QgsWkbTypes.addZ(wkb)
    return wkb


def _data_columns(info: dict) -> list[tuple[str, str]]:
    geom_col = info["geometry"][0] if info["geometry"] else None
    return [
        (c, t)
        for c, t in info["columns"]
        if c not in (KEY, geom_col) and c not in postgis.SERVER_COLUMNS
    ]


def _create_table(path: Path, info: dict) -> QgsVectorLayer:
    table = info["name"]
    spec = schema.TABLES_BY_NAME.get(table)
    if spec is not None:
        workspace.create_table(path, spec)
    else:
        fields = QgsFields()
        for column, data_type in _data_columns(info):
            fields.append(compat.make_field(column, _QT_TYPES.get(data_type, compat.FIELD_STRING)))
        srid = int(info["geometry"][3]) if info["geometry"] else 0
        crs = (
            QgsCoordinateReferenceSystem(f"EPSG:{srid}") if srid else QgsCoordinateReferenceSystem()
        )
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = table
        options.actionOnExistingFile = (
            QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
            if path.exists()
            else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
        )
        writer = QgsVectorFileWriter.create(
            str(path),
            fields,
            _wkb_type(info["geometry"]),
            crs,
            QgsCoordinateTransformContext(),
            options,
        )
        if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
            raise AtelierError(
                QT_TR_NOOP("Cannot create the table {table} in {path}: {error}"),
                table=table,
                path=str(path),
                error=writer.errorMessage(),
            )
        del writer
    local = QgsVectorLayer(f"{path}|layername={table}", table, "ogr")
    present = set(local.fields().names())
    extra = [
        compat.make_field(c, _QT_TYPES.get(t, compat.FIELD_STRING))
        for c, t in _data_columns(info)
        if c not in present
    ]
    if extra:
        local.dataProvider().addAttributes(extra)
        local.updateFields()
    return local


def _qt_value(value):
    """psycopg2 value → what a QgsFeature attribute keeps (dates as Qt types)."""
    if isinstance(value, datetime.datetime):
        return QDateTime(value)
    if isinstance(value, datetime.date):
        return QDate(value)
    if isinstance(value, datetime.time):
        return QTime(value)
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, memoryview):
        return QByteArray(bytes(value))
    return value


def _copy_table(cur, name: str, info: dict, local: QgsVectorLayer) -> int:
    from psycopg2 import sql

    columns = [c for c, _t in _data_columns(info)]
    select = [ident(KEY)] + [ident(c) for c in columns]
    geom_col = info["geometry"][0] if info["geometry"] else None
    if geom_col:
        select.append(sql.SQL("ST_AsBinary({})").format(ident(geom_col)))
    cur.execute(
        sql.SQL("SELECT {} FROM {} ORDER BY {}").format(
            sql.SQL(", ").join(select), ident(name, info["name"]), ident(KEY)
        )
    )
    fields = local.fields()
    feats = []
    for row in cur.fetchall():
        feat = QgsFeature(fields)
        feat[KEY] = int(row[0])
        for column, value in zip(columns, row[1:]):
            if fields.indexOf(column) >= 0:
                feat[column] = _qt_value(value)
        if geom_col and row[-1] is not None:
            geometry = QgsGeometry()
            geometry.fromWkb(bytes(row[-1]))
            feat.setGeometry(geometry)
        feats.append(feat)
    if feats:
        ok = local.dataProvider().addFeatures(feats)
        ok = ok[0] if isinstance(ok, tuple) else ok
        if not ok:
            raise AtelierError(
                QT_TR_NOOP("Cannot write the table {table}: {error}"),
                table=info["name"],
                error="; ".join(local.dataProvider().errors()),
            )
    return len(feats)


class Fetched(dict):
    """{table: rows} of a fetch; ``backup``: where the replaced GeoPackage was kept."""

    backup: str = ""


def fetch(
    dossier: str, gpkg: str | Path, replace: bool = False, feedback=None, project=None
) -> Fetched:
    """Write the workshop schema into a GeoPackage; returns {table: rows}.

    An existing file is only replaced with ``replace``, never while layers of
    ``project`` read it (the GUI closes them first: gpkg_replace), and is kept
    as ``<name>_sauvegarde_YYYYMMDD_HHMMSS.gpkg`` beside it (``.backup``).
    """
    target = Path(gpkg)
    if target.exists() and not replace:
        raise AtelierError(
            QT_TR_NOOP("{path} already exists: choose another file or confirm the replacement."),
            path=str(target),
        )
    gpkg_replace.refuse_open(project, target)
    ws = postgis.parse_dossier(dossier)
    tmp = target.with_name(f".{target.stem}.part.gpkg")
    tmp.unlink(missing_ok=True)
    gpkg_replace.remove_side_files(tmp)
    counts = Fetched()
    conn = postgis.connect(ws)
    try:
        with conn, conn.cursor() as cur:
            if not postgis.schema_exists(cur, ws.schema):
                raise AtelierError(
                    QT_TR_NOOP("There is no workshop {schema} on the server."), schema=ws.schema
                )
            for info in _tables(cur, ws.schema):
                local = _create_table(tmp, info)
                counts[info["name"]] = _copy_table(cur, ws.schema, info, local)
                del local
                if feedback is not None:
                    feedback.pushInfo(f"{info['name']}: {counts[info['name']]}")
                    if feedback.isCanceled():  # the copy is a temporary file, removed below
                        raise AtelierError(
                            QT_TR_NOOP("Fetching stopped: the GeoPackage is as it was before.")
                        )
            styles = _styles(cur, ws.schema)
        for style in styles:
            _save_style("ogr", f"{tmp}|layername={style['f_table_name']}", style)
        backup = gpkg_replace.replace_file(tmp, target, project)
        counts.backup = str(backup) if backup else ""
    finally:
        conn.close()
        tmp.unlink(missing_ok=True)
        gpkg_replace.remove_side_files(tmp)
    return counts
