# SPDX-License-Identifier: GPL-2.0-or-later
"""What a three-way merge compares: rows read as plain values, and the bases.

Two kinds of base, both plain SQLite tables that GeoPackage readers (QGIS,
QField, GDAL) do not list, since they are not registered in ``gpkg_contents``:

- in the package GeoPackage, written at export: ``atelier_package``
  (key/value: ``format``, ``package_id``, ``groupe``, ``tables`` — the JSON
  list of the tables the package lets people edit, the only ones ever merged —,
  ``dossier``, ``exported_at``) and ``atelier_package_base`` (``tbl``, ``uid``,
  ``row``: the row as exported, JSON). The package stays one portable file.
- in the dossier, written by each merge in the same transaction as the
  merged features: ``atelier_merge_log`` (one line per package merged) and
  ``atelier_merge_base`` (``package``, ``tbl``, ``uid``, ``row``): the base
  the next merge of that package starts from. A second merge of the same
  package therefore changes nothing, and the package itself is only read.

A row is ``{column: value}`` with empty values as ``None``, dates as ISO
text, links (``arret_id``…) as the ``uid`` of the linked feature (feature ids
differ between package and dossier for new features), and the geometry as
hexadecimal WKB under :data:`three_way.GEOMETRY`.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from qgis.core import NULL, QgsFeature, QgsGeometry, QgsVectorLayer

from ...domain import schema
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...domain.three_way import GEOMETRY
from ...store import workspace
from ...store.sqlite_ro import connect_readonly

PACKAGE_META = "atelier_package"
PACKAGE_BASE = "atelier_package_base"
DOSSIER_LOG = "atelier_merge_log"
DOSSIER_BASE = "atelier_merge_base"
FORMAT = "1"
#: Two geometries closer than this (Hausdorff distance, metres) are the same.
GEOMETRY_TOLERANCE_M = 0.001
#: child table → (link field, parent table).
LINKS = {child: (fld, parent) for child, fld, parent in schema.RELATIONS}
_UID_NAMESPACE = uuid.UUID("5b0c51a4-7f0e-4d0e-9a53-2f1f4f8e6a10")


@dataclass
class PackageInfo:
    gpkg: Path
    package_id: str
    groupe: str
    tables: tuple[str, ...]
    #: False for a package exported before bases existed: every double value is a conflict.
    has_base: bool


def is_null(value) -> bool:
    return value is None or value == NULL or (isinstance(value, str) and value == "")


def norm(value):
    if is_null(value):
        return None
    if hasattr(value, "toString") and hasattr(value, "isValid"):  # QDate/QDateTime
        return value.toString("yyyy-MM-ddThh:mm:ss") if value.isValid() else None
    if isinstance(value, float):
        return round(value, 9)
    return value


def same_geometry(a: str | None, b: str | None) -> bool:
    """Equal within :data:`GEOMETRY_TOLERANCE_M` (vertex order and precision aside)."""
    if a == b:
        return True
    if a is None or b is None:
        return False
    ga, gb = QgsGeometry(), QgsGeometry()
    ga.fromWkb(bytes.fromhex(a))
    gb.fromWkb(bytes.fromhex(b))
    if ga.isEmpty() or gb.isEmpty():
        return ga.isEmpty() and gb.isEmpty()
    if ga.type() != gb.type():
        return False
    distance = ga.hausdorffDistance(gb)
    return ga.equals(gb) if distance < 0 else distance <= GEOMETRY_TOLERANCE_M


def same_value(key: str, a, b) -> bool:
    return same_geometry(a, b) if key == GEOMETRY else a == b


def geometry_hex(feat: QgsFeature) -> str | None:
    if not feat.hasGeometry() or feat.geometry().isEmpty():
        return None
    return bytes(feat.geometry().asWkb()).hex()


def field_uid(package_id: str, table: str, fid: int) -> str:
    """A stable uid for a feature drawn in the field without one (same on every merge)."""
    return str(uuid.uuid5(_UID_NAMESPACE, f"{package_id}/{table}/{fid}"))


def merge_keys(table: str, *layers: QgsVectorLayer) -> list[str]:
    """The compared columns: the contract's, present on every side, and the geometry."""
    spec = schema.table(table)
    keys = [
        n
        for n in spec.field_names()
        if n not in ("uid", "groupe") and all(lyr.fields().indexOf(n) >= 0 for lyr in layers)
    ]
    if spec.geometry is not None:
        keys.append(GEOMETRY)
    return keys


def uid_by_fid(layer: QgsVectorLayer, package_id: str | None) -> dict[int, str]:
    """Feature id → uid; features without uid get :func:`field_uid` when ``package_id``."""
    table = layer.customProperty(workspace.PROP_TABLE)
    out = {}
    for feat in layer.getFeatures():
        uid = feat["uid"]
        if is_null(uid):
            if package_id is None:
                continue
            uid = field_uid(package_id, table, feat.id())
        out[feat.id()] = uid
    return out


def read_rows(
    layer: QgsVectorLayer,
    keys: list[str],
    parent_uids: dict[int, str] | None,
    package_id: str | None,
    groupe: str,
) -> tuple[dict[str, dict], dict[str, QgsFeature]]:
    """``groupe``'s rows of a layer as comparable values, and the features by uid."""
    table = layer.customProperty(workspace.PROP_TABLE)
    link = LINKS.get(table)
    has_group = layer.fields().indexOf("groupe") >= 0
    rows: dict[str, dict] = {}
    feats: dict[str, QgsFeature] = {}
    for feat in layer.getFeatures():
        if has_group and not is_null(feat["groupe"]) and feat["groupe"] != groupe:
            continue
        uid = feat["uid"]
        if is_null(uid):
            if package_id is None:
                continue
            uid = field_uid(package_id, table, feat.id())
        row = {}
        for k in keys:
            if k == GEOMETRY:
                row[k] = geometry_hex(feat)
            elif link is not None and k == link[0]:
                value = feat[k]
                row[k] = None if is_null(value) else (parent_uids or {}).get(int(value))
            else:
                row[k] = norm(feat[k])
        rows[uid] = row
        feats[uid] = feat
    return rows, feats


# package base ---------------------------------------------------------------------------
def write_package_base(gpkg: Path, groupe: str, tables: list[str], dossier_name: str) -> str:
    """Record, inside the package, its editable tables and their rows as exported."""
    package_id = str(uuid.uuid4())
    present = workspace.existing_tables(gpkg)
    tables = [t for t in tables if t in present]
    records = []
    for table in tables:
        layer = workspace.open_layer(gpkg, table, load_style=False)
        keys = merge_keys(table, layer)
        link = LINKS.get(table)
        parents = None
        if link is not None and link[1] in present:
            parents = uid_by_fid(workspace.open_layer(gpkg, link[1], load_style=False), None)
        rows, _ = read_rows(layer, keys, parents, None, groupe)
        records += [(table, uid, json.dumps(row)) for uid, row in rows.items()]
    meta = {
        "format": FORMAT,
        "package_id": package_id,
        "groupe": groupe,
        "tables": json.dumps(tables),
        "dossier": dossier_name,
        "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    con = sqlite3.connect(str(gpkg))
    try:
        with con:
            con.execute(f"CREATE TABLE {PACKAGE_META} (key TEXT PRIMARY KEY, value TEXT)")
            con.execute(
                f"CREATE TABLE {PACKAGE_BASE} (tbl TEXT NOT NULL, uid TEXT NOT NULL, "
                "row TEXT NOT NULL, PRIMARY KEY (tbl, uid))"
            )
            con.executemany(f"INSERT INTO {PACKAGE_META} VALUES (?, ?)", meta.items())
            con.executemany(f"INSERT INTO {PACKAGE_BASE} VALUES (?, ?, ?)", records)
    finally:
        con.close()
    return package_id


def _corrupt(gpkg: Path, error) -> AtelierError:
    return AtelierError(
        QT_TR_NOOP(
            "The field package {path} is damaged ({error}): nothing was merged. "
            "Copy it again from the tablet."
        ),
        path=str(gpkg),
        error=str(error),
    )


def package_info(gpkg: Path, fallback_tables: tuple[str, ...]) -> PackageInfo:
    """Check the package file and read what it was exported with."""
    try:
        con = connect_readonly(gpkg)
    except sqlite3.Error as exc:
        raise _corrupt(gpkg, exc) from exc
    try:
        check = [row[0] for row in con.execute("PRAGMA quick_check")]
        if check != ["ok"]:
            raise _corrupt(gpkg, "; ".join(check[:3]))
        names = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
        if "gpkg_contents" not in names:
            raise _corrupt(gpkg, "gpkg_contents")
        if PACKAGE_META not in names:
            legacy = "legacy-" + str(uuid.uuid5(_UID_NAMESPACE, gpkg.name))
            return PackageInfo(gpkg, legacy, "", tuple(fallback_tables), False)
        meta = dict(con.execute(f"SELECT key, value FROM {PACKAGE_META}"))
        tables = tuple(json.loads(meta["tables"]))
        return PackageInfo(gpkg, meta["package_id"], meta.get("groupe") or "", tables, True)
    except (sqlite3.Error, KeyError, ValueError, TypeError) as exc:
        raise _corrupt(gpkg, exc) from exc
    finally:
        con.close()


def package_base(info: PackageInfo) -> dict[str, dict[str, dict]]:
    if not info.has_base:
        return {}
    con = connect_readonly(info.gpkg)
    try:
        return _rows_by_table(con.execute(f"SELECT tbl, uid, row FROM {PACKAGE_BASE}"))
    except (sqlite3.Error, ValueError) as exc:
        raise _corrupt(info.gpkg, exc) from exc
    finally:
        con.close()


def _rows_by_table(records) -> dict[str, dict[str, dict]]:
    out: dict[str, dict[str, dict]] = {}
    for table, uid, text in records:
        row = json.loads(text)
        if not isinstance(row, dict):
            raise ValueError(f"{table}/{uid}")
        out.setdefault(table, {})[uid] = row
    return out


# dossier memory -------------------------------------------------------------------------
def dossier_memory(dossier: Path, package_id: str) -> dict[str, dict[str, dict]] | None:
    """The base left by the last merge of this package, None if never merged here."""
    con = connect_readonly(dossier)
    try:
        names = {row[0] for row in con.execute("SELECT name FROM sqlite_master")}
        if DOSSIER_LOG not in names or DOSSIER_BASE not in names:
            return None
        sql = f"SELECT 1 FROM {DOSSIER_LOG} WHERE package = ?"
        if con.execute(sql, (package_id,)).fetchone() is None:
            return None
        sql = f"SELECT tbl, uid, row FROM {DOSSIER_BASE} WHERE package = ?"
        return _rows_by_table(con.execute(sql, (package_id,)))
    finally:
        con.close()


def _literal(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def memory_sql(
    info: PackageInfo, groupe: str, memory: dict[str, dict[str, dict]], counts: dict[str, int]
) -> list[str]:
    """Statements that replace this package's base in the dossier (run in the merge's transaction)."""
    pid = _literal(info.package_id)
    out = [
        f"CREATE TABLE IF NOT EXISTS {DOSSIER_LOG} (package TEXT PRIMARY KEY, groupe TEXT, "
        "source TEXT, merged_at TEXT, inserted INTEGER, updated INTEGER, deleted INTEGER, "
        "conflicts INTEGER)",
        f"CREATE TABLE IF NOT EXISTS {DOSSIER_BASE} (package TEXT NOT NULL, tbl TEXT NOT NULL, "
        "uid TEXT NOT NULL, row TEXT NOT NULL, PRIMARY KEY (package, tbl, uid))",
        f"DELETE FROM {DOSSIER_BASE} WHERE package = {pid}",
    ]
    values = [
        f"({pid}, {_literal(table)}, {_literal(uid)}, {_literal(json.dumps(row))})"
        for table, rows in memory.items()
        for uid, row in rows.items()
    ]
    for start in range(0, len(values), 200):
        out.append(f"INSERT INTO {DOSSIER_BASE} VALUES " + ", ".join(values[start : start + 200]))
    log = [
        info.package_id,
        groupe,
        info.gpkg.name,
        datetime.now(timezone.utc).isoformat(timespec="seconds"),
        counts.get("inserted", 0),
        counts.get("updated", 0),
        counts.get("deleted", 0),
        counts.get("conflicts", 0),
    ]
    out.append(
        f"INSERT OR REPLACE INTO {DOSSIER_LOG} VALUES (" + ", ".join(map(_literal, log)) + ")"
    )
    return out
