# SPDX-License-Identifier: GPL-2.0-or-later
"""Copy a GeoPackage dossier into a PostGIS schema (the way back: pg_fetch).

"Publish the dossier on the server" copies every table of the GeoPackage
(the dossier's layers, the groups' tables, the catalogue, the relations)
into the workshop schema with their fids, then their styles; "Fetch to
local" writes the schema back into a GeoPackage (pg_fetch).

Publishing only ever writes a new schema or replaces a workshop the plugin
made (pg_schema's marker), and a replaced workshop is renamed to a dated
backup, never dropped.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from qgis.core import QgsField, QgsProviderRegistry, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from ... import compat
from ...domain import schema
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...infra.i18n import tr
from ...store import pg_schema, postgis, workspace
from ...store.postgis import GEOM, KEY, ident
from ...store.sqlite_ro import connect_readonly

LOG = logging.getLogger(__name__)

_PG_TYPES = {
    compat.FIELD_INT: "integer",
    compat.FIELD_INT64: "bigint",
    compat.FIELD_DOUBLE: "double precision",
    compat.FIELD_BOOL: "boolean",
    compat.FIELD_DATE: "date",
    compat.FIELD_DATETIME: "timestamp",
    compat.FIELD_TIME: "time",
    compat.FIELD_BINARY: "bytea",
}


def _gpkg_styles(gpkg: Path) -> list[dict]:
    con = connect_readonly(gpkg)
    con.row_factory = sqlite3.Row
    try:
        rows = con.execute(
            "SELECT f_table_name, f_geometry_column, styleName, styleQML, styleSLD, "
            "useAsDefault, description, ui FROM layer_styles ORDER BY useAsDefault, id"
        ).fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        con.close()
    return [dict(r) for r in rows]


def _value(value):
    """QVariant-ish attribute → Python value psycopg2 understands."""
    if compat.is_null(value):
        return None
    if isinstance(value, QDateTime):
        return value.toPyDateTime() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, QTime):
        return value.toPyTime() if value.isValid() else None
    return compat.variant_value(value)


def _pg_type(field: QgsField) -> str:
    return _PG_TYPES.get(compat.field_type_of(field), "text")


def _srid(layer: QgsVectorLayer) -> int:
    srid = layer.crs().postgisSrid() if layer.crs().isValid() else 0
    return int(srid or 0)


def _create_other_table(cur, name: str, table: str, layer: QgsVectorLayer) -> None:
    """A dossier layer that is not in the data contract: same fields, fid kept."""
    from psycopg2 import sql

    cols = [sql.SQL("{} serial PRIMARY KEY").format(ident(KEY))]
    for field in layer.fields():
        if field.name() == KEY:
            continue
        cols.append(sql.SQL("{} " + _pg_type(field)).format(ident(field.name())))
    if layer.isSpatial():
        kind = QgsWkbTypes.displayString(layer.wkbType()) or "Geometry"
        if QgsWkbTypes.flatType(layer.wkbType()) == compat.WKB_UNKNOWN:
            kind = "Geometry"
        cols.append(
            sql.SQL("{} geometry(" + kind + ", " + str(_srid(layer)) + ")").format(ident(GEOM))
        )
    cur.execute(
        sql.SQL("CREATE TABLE {} ({})").format(ident(name, table), sql.SQL(", ").join(cols))
    )
    if layer.isSpatial():
        cur.execute(
            sql.SQL("CREATE INDEX ON {} USING gist ({})").format(ident(name, table), ident(GEOM))
        )


def _pg_columns(cur, name: str, table: str) -> set[str]:
    cur.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = %s "
        "AND table_name = %s",
        (name, table),
    )
    return {r[0] for r in cur.fetchall()}


def _copy_rows(cur, name: str, table: str, layer: QgsVectorLayer, feedback=None) -> int:
    """Insert every feature with its fid; extra GeoPackage fields become columns."""
    from psycopg2 import sql
    from psycopg2.extras import execute_values

    present = _pg_columns(cur, name, table)
    fields = [f for f in layer.fields() if f.name() != KEY]
    for field in fields:
        if field.name() not in present:
            cur.execute(
                sql.SQL("ALTER TABLE {} ADD COLUMN {} " + _pg_type(field)).format(
                    ident(name, table), ident(field.name())
                )
            )
    names = [KEY] + [f.name() for f in fields]
    spatial = layer.isSpatial() and GEOM in (present | {GEOM})
    srid = _srid(layer) if table not in schema.TABLES_BY_NAME else schema.CRS_EPSG
    template = "(" + ", ".join(["%s"] * len(names))
    if spatial:
        names.append(GEOM)
        template += f", ST_SetSRID(ST_GeomFromWKB(%s), {int(srid)})"
    template += ")"
    rows = []
    for feat in layer.getFeatures():
        row = [int(feat.id())] + [_value(feat[f.name()]) for f in fields]
        if spatial:
            geom = feat.geometry()
            row.append(bytes(geom.asWkb()) if geom and not geom.isNull() else None)
        rows.append(row)
    if rows:
        execute_values(
            cur,
            sql.SQL("INSERT INTO {} ({}) VALUES %s")
            .format(ident(name, table), sql.SQL(", ").join(ident(n) for n in names))
            .as_string(cur),
            rows,
            template=template,
            page_size=500,
        )
        cur.execute(
            sql.SQL(
                "SELECT setval(pg_get_serial_sequence(%s, %s), (SELECT max({}) FROM {}))"
            ).format(ident(KEY), ident(name, table)),
            (sql.Identifier(name, table).as_string(cur), KEY),
        )
    if feedback is not None:
        feedback.pushInfo(f"{table}: {len(rows)}")
        if feedback.isCanceled():  # inside the transaction: the server rolls it all back
            raise AtelierError(QT_TR_NOOP("Publishing stopped: nothing was changed on the server."))
    return len(rows)


def _drop_dangling(cur, name: str) -> None:
    """References to features deleted in the GeoPackage: emptied, not refused."""
    from psycopg2 import sql

    for child, field, parent in schema.RELATIONS:
        cur.execute(
            sql.SQL(
                "UPDATE {c} SET {f} = NULL WHERE {f} IS NOT NULL AND NOT EXISTS "
                "(SELECT 1 FROM {p} WHERE {p}.{k} = {c}.{f})"
            ).format(c=ident(name, child), f=ident(field), p=ident(name, parent), k=ident(KEY))
        )
        if cur.rowcount:
            LOG.warning(
                tr("{table}.{field}: {n} references to missing {parent} emptied").format(
                    table=child, field=field, n=cur.rowcount, parent=parent
                )
            )


class Published(dict):
    """{table: rows} of a publication; ``backup``: the schema the old copy was kept as."""

    backup: str = ""


def _refuse_foreign(name: str, tables: int):
    raise AtelierError(
        QT_TR_NOOP(
            "The schema {schema} already exists on the server and was not made by the "
            "workshop plugin ({tables} tables): it is never replaced nor written into. "
            "Choose another schema name."
        ),
        schema=name,
        tables=tables,
    )


def check_target(cur, name: str, replace: bool) -> dict[str, str] | None:
    """Refuse a schema publishing may not write; the workshop's marker rows when it exists.

    Never touches anything: ``public``, ``pg_*``, ``information_schema`` and
    ``topology`` are refused, so is any existing schema without the workshop
    marker (empty or not), and a marked workshop unless ``replace`` is set.
    """
    state = pg_schema.schema_state(cur, name)
    if state == pg_schema.RESERVED:
        pg_schema.raise_reserved(name)
    if state == pg_schema.FOREIGN:
        _refuse_foreign(name, len(postgis.existing_tables(cur, name)))
    if state == pg_schema.ABSENT:
        return None
    if not replace:
        raise AtelierError(
            QT_TR_NOOP(
                "The schema {schema} already holds a workshop: choose another name, or "
                "confirm that the server copy is replaced (it is then kept on the server "
                "as a dated backup)."
            ),
            schema=name,
        )
    return pg_schema.workshop_info(cur, name)


def inspect_target(dossier: str, replace: bool) -> dict | None:
    """What publishing into ``dossier`` would replace, refusals raised before any copy.

    None when the schema is new; else the workshop's marker rows plus ``rows``
    (its feature count) and ``backup`` (the name it would be kept as).
    """
    ws = postgis.parse_dossier(dossier)
    if pg_schema.is_reserved(ws.schema):
        pg_schema.raise_reserved(ws.schema)
    conn = postgis.connect(ws)
    try:
        with conn, conn.cursor() as cur:
            info = check_target(cur, ws.schema, replace)
            if info is None:
                return None
            info = dict(info)
            info["rows"] = pg_schema.workshop_row_count(cur, ws.schema)
            info["backup"] = pg_schema.backup_schema_name(cur, ws.schema)
            return info
    finally:
        conn.close()


def _keep_as_backup(cur, name: str, backup: str | None = None) -> str:
    """Rename the workshop to its dated backup (its styles follow); returns the new name.

    ``backup``: the name the person was told (inspect_target), unless taken since.
    """
    from psycopg2 import sql

    if not backup or pg_schema.schema_exists(cur, backup) or pg_schema.is_reserved(backup):
        backup = pg_schema.backup_schema_name(cur, name)
    cur.execute(sql.SQL("ALTER SCHEMA {} RENAME TO {}").format(ident(name), ident(backup)))
    pg_schema.mark_workshop(cur, backup, backup_of=name)
    cur.execute("SELECT to_regclass('layer_styles') IS NOT NULL")
    if cur.fetchone()[0]:
        cur.execute(
            "UPDATE layer_styles SET f_table_schema = %s WHERE f_table_schema = %s", (backup, name)
        )
    LOG.info(
        tr("Workshop {name} kept as {backup} before being replaced").format(
            name=name, backup=backup
        )
    )
    return backup


def publish(
    gpkg: str | Path, dossier: str, replace: bool = False, feedback=None, backup: str | None = None
) -> Published:
    """Copy a GeoPackage dossier into the workshop schema; returns {table: rows}.

    The schema must be new, or a workshop the plugin made and ``replace`` set:
    the current copy is then renamed ``<schema>_sauvegarde_YYYYMMDD_HHMMSS``
    (kept whole on the server, ``.backup`` of the result) in the same
    transaction as the new copy, so a failure leaves the server as it was.
    Nothing is ever dropped. ``backup``: the backup's name, as announced by
    ``inspect_target``.
    """
    import psycopg2

    gpkg = Path(gpkg)
    if not gpkg.is_file():
        raise AtelierError(QT_TR_NOOP("The dossier {path} does not exist."), path=str(gpkg))
    ws = postgis.parse_dossier(dossier)
    if pg_schema.is_reserved(ws.schema):
        pg_schema.raise_reserved(ws.schema)
    # features and attributes only: the styles travel apart
    tables = [(n, k) for n, k in workspace.contents(gpkg) if n != "layer_styles"]
    counts = Published()
    conn = postgis.connect(ws)
    try:
        with conn, conn.cursor() as cur:
            if check_target(cur, ws.schema, replace) is not None:
                counts.backup = _keep_as_backup(cur, ws.schema, backup)
            postgis.create_tables(cur, ws.schema, ws.connection)
            for table, kind in tables:
                if kind not in ("features", "attributes"):
                    LOG.warning(
                        tr("{table} ({kind}) is not copied to the server").format(
                            table=table, kind=kind
                        )
                    )
                    continue
                if table == pg_schema.META_TABLE:
                    continue
                layer = QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr")
                if not layer.isValid():
                    raise AtelierError(
                        QT_TR_NOOP("The table {table} cannot be opened in {path}."),
                        table=table,
                        path=str(gpkg),
                    )
                if table not in schema.TABLES_BY_NAME:
                    _create_other_table(cur, ws.schema, table, layer)
                counts[table] = _copy_rows(cur, ws.schema, table, layer, feedback)
            _drop_dangling(cur, ws.schema)
            _delete_styles(cur, ws.schema)
    except psycopg2.Error as exc:
        raise AtelierError(
            QT_TR_NOOP("The server refused the copy of the dossier into {schema}: {error}"),
            schema=ws.schema,
            error=(exc.pgerror or str(exc)).strip(),
        ) from exc
    finally:
        conn.close()
    _copy_styles_to_pg(gpkg, ws)
    if feedback is not None and counts.backup:
        feedback.pushInfo(f"{ws.schema} → {counts.backup}")
    return counts


def _delete_styles(cur, name: str) -> None:
    cur.execute("SELECT to_regclass('layer_styles') IS NOT NULL")
    if cur.fetchone()[0]:
        cur.execute("DELETE FROM layer_styles WHERE f_table_schema = %s", (name,))


def _save_style(provider: str, uri: str, style: dict) -> None:
    metadata = QgsProviderRegistry.instance().providerMetadata(provider)
    args = [
        uri,
        style["styleQML"] or "",
        style["styleSLD"] or "",
        style["styleName"] or "",
        style["description"] or "",
        style["ui"] or "",
        bool(style["useAsDefault"]),
    ]
    try:  # QGIS 3.22: errCause is an (unused) in-argument
        result = metadata.saveStyle(*args, "")
    except TypeError:  # later bindings return (ok, errCause)
        result = metadata.saveStyle(*args)
    ok, error = result if isinstance(result, tuple) else (result, "")
    if not ok:
        raise AtelierError(
            QT_TR_NOOP("Cannot save the style {name}: {error}"),
            name=style["styleName"] or "",
            error=error,
        )


def _copy_styles_to_pg(gpkg: Path, ws: postgis.PgWorkspace) -> int:
    styles = _gpkg_styles(gpkg)
    for style in styles:  # defaults last: saving a default resets the others
        uri = postgis.layer_uri(ws, style["f_table_name"])
        if not style["f_geometry_column"]:
            uri.setGeometryColumn("")
        _save_style("postgres", uri.uri(False), style)
    return len(styles)
