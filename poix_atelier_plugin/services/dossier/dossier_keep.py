# SPDX-License-Identifier: GPL-2.0-or-later
"""What a rebuild of a dossier keeps: the groups' work, and a dated backup.

Rebuilding (OVERWRITE) replaces the dossier's own layers — commune, neighbours,
clipped sources, styles, project — but never what the workshop made: every
table of the old GeoPackage that the new build does not produce (``groupes``,
``parcours``, ``arrets``, ``observations``, ``diagnostic``, ``enjeux``,
``outils``… and anything a person added) is copied into the new GeoPackage
with its ids, and its saved styles with it. Before anything is replaced, the
old files are copied to ``sauvegardes/`` beside the dossier, with the date in
their names.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import sqlite3
from pathlib import Path

from ...domain.errors import QT_TR_NOOP, AtelierError
from ...infra.i18n import tr
from ...store.gpkg_replace import remove_side_files, sqlite_copy
from ...store.sqlite_ro import connect_readonly
from . import project_layers

__all__ = ["backup_files", "carry_over", "keep_work", "remove_side_files", "workspace_tables"]

LOG = logging.getLogger(__name__)

BACKUP_FOLDER = "sauvegardes"
#: GeoPackage and GDAL bookkeeping tables: never carried over by name.
SYSTEM_PREFIXES = ("gpkg_", "rtree_", "sqlite_", "layer_styles", "qgis_projects")


def stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")


def backup_files(paths, folder: str | Path, now: dt.datetime | None = None) -> list[Path]:
    """Copy the existing files among ``paths`` to ``folder/sauvegardes`` with a date.

    A GeoPackage is copied through SQLite's backup API, which gives a consistent copy
    even while QGIS has it open.
    """
    target_dir = Path(folder) / BACKUP_FOLDER
    when = stamp(now)
    done = []
    for path in map(Path, paths):
        if not path.is_file():
            continue
        target_dir.mkdir(parents=True, exist_ok=True)
        target = target_dir / f"{path.stem}_{when}{path.suffix}"
        n = 1
        while target.exists():
            n += 1
            target = target_dir / f"{path.stem}_{when}_{n}{path.suffix}"
        try:
            if path.suffix.lower() == ".gpkg":
                sqlite_copy(path, target)
            else:
                shutil.copy2(path, target)
        except (OSError, sqlite3.Error) as exc:
            raise AtelierError(
                QT_TR_NOOP(
                    "The backup of {path} could not be written ({reason}); nothing was replaced."
                ),
                path=str(path),
                reason=str(exc),
            ) from exc
        done.append(target)
    return done


def _tables(con: sqlite3.Connection) -> set[str]:
    rows = con.execute("SELECT table_name FROM gpkg_contents").fetchall()
    return {r[0] for r in rows}


def workspace_tables(old_gpkg: str | Path, new_gpkg: str | Path) -> list[str]:
    """Tables of the old dossier that the new build does not make."""
    old = connect_readonly(old_gpkg)
    new = connect_readonly(new_gpkg)
    try:
        built = _tables(new)
        return sorted(
            t for t in _tables(old) if t not in built and not t.lower().startswith(SYSTEM_PREFIXES)
        )
    finally:
        old.close()
        new.close()


def carry_over(old_gpkg: str | Path, new_gpkg: str | Path) -> list[str]:
    """Copy the workspace tables (ids, fields, geometry, styles) into the new dossier."""
    from osgeo import gdal

    tables = workspace_tables(old_gpkg, new_gpkg)
    gdal.UseExceptions()
    for table in tables:
        options = gdal.VectorTranslateOptions(
            format="GPKG",
            accessMode="update",
            layers=[table],
            layerName=table,
            options=["-preserve_fid"],  # enjeux_outils and observations point at these ids
        )
        try:
            done = gdal.VectorTranslate(str(new_gpkg), str(old_gpkg), options=options)
        except RuntimeError as exc:
            raise AtelierError(
                QT_TR_NOOP(
                    "The groups' table {table} could not be carried into the rebuilt "
                    "dossier ({reason}); the dossier was not replaced."
                ),
                table=table,
                reason=str(exc),
            ) from exc
        if done is None:
            raise AtelierError(
                QT_TR_NOOP(
                    "The groups' table {table} could not be carried into the rebuilt "
                    "dossier; the dossier was not replaced."
                ),
                table=table,
            )
        done = None  # closes the dataset: written
    plain = _copy_plain_tables(old_gpkg, new_gpkg)
    _copy_styles(old_gpkg, new_gpkg, tables)
    _check_counts(old_gpkg, new_gpkg, tables + plain)
    tables = tables + plain
    LOG.info(tr("Rebuild kept the tables {tables}").format(tables=", ".join(tables)))
    return tables


def _copy_plain_tables(old_gpkg, new_gpkg) -> list[str]:
    """Plain SQLite tables of the plugin (not GeoPackage layers, e.g. the merge memory)."""
    con = sqlite3.connect(str(new_gpkg), timeout=10)
    try:
        con.execute("ATTACH DATABASE ? AS old", (str(old_gpkg),))
        listed = {r[0] for r in con.execute("SELECT table_name FROM old.gpkg_contents")}
        here = {r[0] for r in con.execute("SELECT name FROM main.sqlite_master")}
        rows = con.execute(
            "SELECT name, sql FROM old.sqlite_master WHERE type = 'table' AND name LIKE 'atelier%'"
        ).fetchall()
        plain = [(n, sql) for n, sql in rows if n not in listed and n not in here]
        with con:
            for name, sql in plain:
                quoted = '"' + name.replace('"', '""') + '"'
                con.execute(sql)
                con.execute(f"INSERT INTO main.{quoted} SELECT * FROM old.{quoted}")
        return [n for n, _sql in plain]
    finally:
        con.close()


def _copy_styles(old_gpkg, new_gpkg, tables: list[str]) -> None:
    con = sqlite3.connect(str(new_gpkg), timeout=10)
    try:
        con.execute("ATTACH DATABASE ? AS old", (str(old_gpkg),))
        names = {r[0] for r in con.execute("SELECT name FROM old.sqlite_master")}
        if "layer_styles" not in names:
            return
        here = {r[0] for r in con.execute("SELECT name FROM main.sqlite_master")}
        if "layer_styles" not in here:
            return  # QGIS makes it at the first saved style; the project keeps the looks
        old_cols = [r[1] for r in con.execute("PRAGMA old.table_info(layer_styles)")]
        new_cols = {r[1] for r in con.execute("PRAGMA main.table_info(layer_styles)")}
        cols = [c for c in old_cols if c in new_cols and c != "id"]
        marks = ",".join("?" for _ in tables)
        col_list = ",".join(f'"{c}"' for c in cols)
        with con:
            con.execute(
                f"INSERT INTO main.layer_styles ({col_list}) SELECT {col_list} "
                f"FROM old.layer_styles WHERE f_table_name IN ({marks})",
                tables,
            )
    finally:
        con.close()


def _check_counts(old_gpkg, new_gpkg, tables: list[str]) -> None:
    """Every row is there: a short copy must never replace the dossier."""
    old = connect_readonly(old_gpkg)
    new = sqlite3.connect(str(new_gpkg), timeout=10)
    try:
        for table in tables:
            quoted = '"' + table.replace('"', '""') + '"'
            before = old.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0]
            after = new.execute(f"SELECT count(*) FROM {quoted}").fetchone()[0]
            if before != after:
                raise AtelierError(
                    QT_TR_NOOP(
                        "The groups' table {table} lost rows while being carried over "
                        "({before} → {after}); the dossier was not replaced."
                    ),
                    table=table,
                    before=before,
                    after=after,
                )
    finally:
        old.close()
        new.close()


def keep_work(old_gpkg: Path, built_gpkg: Path, built_qgz: Path) -> list[str]:
    """The groups' tables into the rebuilt GeoPackage, their layers into its project."""
    if not Path(old_gpkg).exists():
        return []
    kept = carry_over(old_gpkg, built_gpkg)
    if "groupes" in kept:
        from qgis.core import QgsProject

        project = QgsProject()
        if project.read(str(built_qgz)):
            project_layers.add_workspace_layers(project, str(built_gpkg))
            project.write(str(built_qgz))
    return kept
