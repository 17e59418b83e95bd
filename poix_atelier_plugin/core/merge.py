# SPDX-License-Identifier: GPL-2.0-or-later
"""Bring a field package back into the dossier, keyed on ``uid``.

New features are inserted, edited ones updated, unchanged ones left alone;
nothing is ever deleted from the dossier (a feature missing from the package
is kept: the package only holds one group, and a deletion in the field is
rarer than a lost row). Links between tables (``observations.arret_id``,
``enjeux.site_id``) hold feature ids, which differ between the package and
the dossier for new features: they are translated through the ``uid`` of the
linked feature. Photos the package refers to are copied back under the
dossier's ``DCIM/``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import NULL, QgsFeature, QgsFeatureRequest, QgsGeometry

from ..domain import schema
from ..domain.errors import QT_TR_NOOP, AtelierError
from . import field_package, photos, workspace

LOG = logging.getLogger(__name__)

#: Parents before children, so links can be translated.
MERGE_ORDER = (
    "parcours",
    "arrets",
    "sequences",
    "sites_projet",
    "hypotheses",
    "diagnostic",
    "enjeux",
    "observations",
)
#: child table → (link field, parent table).
LINKS = {child: (fld, parent) for child, fld, parent in schema.RELATIONS}


@dataclass
class MergeReport:
    groupe: str = ""
    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    photos_copied: int = 0

    def total(self, which: str) -> int:
        return sum(getattr(self, which).values())


def _is_null(value) -> bool:
    return value is None or value == NULL or (isinstance(value, str) and value == "")


def _norm(value):
    if _is_null(value):
        return None
    if hasattr(value, "toString") and hasattr(value, "isValid"):  # QDate/QDateTime
        return value.toString("yyyy-MM-ddThh:mm:ss") if value.isValid() else None
    if isinstance(value, float):
        return round(value, 9)
    return value


def _package_group(gpkg: Path) -> str:
    names = [g.name for g in workspace.read_groups(gpkg)]
    if len(names) != 1:
        raise AtelierError(
            QT_TR_NOOP("{path} is not a one-group field package (groups: {groups})."),
            path=str(gpkg),
            groups=", ".join(names) or "-",
        )
    return names[0]


def _uid_by_fid(gpkg: Path, table: str) -> dict[int, str]:
    layer = workspace.open_layer(gpkg, table)
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    return {f.id(): f["uid"] for f in layer.getFeatures(request)}


def _fid_by_uid(gpkg: Path, table: str) -> dict[str, int]:
    return {uid: fid for fid, uid in _uid_by_fid(gpkg, table).items() if not _is_null(uid)}


def _copy_photo(package_root: Path, dossier_root: Path, rel: str) -> tuple[str, bool]:
    """Copy one photo back; returns (relative path in the dossier, copied?)."""
    src = Path(rel) if Path(rel).is_absolute() else package_root / rel
    if not src.is_file():
        return rel, False
    try:
        rel_in_package = src.resolve().relative_to(package_root.resolve()).as_posix()
    except ValueError:  # outside the package: keep the path as it is
        return rel, False
    target_dir = (dossier_root / rel_in_package).parent
    before = set(target_dir.iterdir()) if target_dir.is_dir() else set()
    copy = photos.copy_into(src, target_dir, photos.file_digest(src))
    return copy.relative_to(dossier_root).as_posix(), copy not in before


def merge_field_package(
    package: str | Path, dossier: str | Path, groupe: str | None = None
) -> MergeReport:
    """Merge the package's new and edited features of its group into the dossier."""
    pkg_gpkg = field_package.package_gpkg(package)
    package_root = pkg_gpkg.parent
    dossier_path = Path(dossier)
    dossier_root = photos.dossier_folder(dossier_path)
    group = groupe or _package_group(pkg_gpkg)
    photos.check_group(dossier_path, group)
    pkg_tables = workspace.existing_tables(pkg_gpkg)
    dossier_tables = workspace.existing_tables(dossier_path)
    report = MergeReport(groupe=group)
    # package fid → uid, per parent table (for links)
    pkg_uids = {
        parent: _uid_by_fid(pkg_gpkg, parent)
        for parent in {p for _, p in LINKS.values()}
        if parent in pkg_tables
    }
    for table in MERGE_ORDER:
        if table not in pkg_tables or table not in dossier_tables:
            continue
        ins, upd, same, copied = _merge_table(
            table, pkg_gpkg, dossier_path, group, pkg_uids, package_root, dossier_root
        )
        report.inserted[table] = ins
        report.updated[table] = upd
        report.unchanged[table] = same
        report.photos_copied += copied
    return report


def _merge_table(table, pkg_gpkg, dossier_path, group, pkg_uids, package_root, dossier_root):
    spec = schema.table(table)
    names = [n for n in spec.field_names() if n != "uid"]
    src = workspace.open_layer(pkg_gpkg, table)
    dst = workspace.open_layer(dossier_path, table)
    existing = {}
    for feat in dst.getFeatures():
        if not _is_null(feat["uid"]):
            existing[feat["uid"]] = feat
    link = LINKS.get(table)
    parent_fids = _fid_by_uid(dossier_path, link[1]) if link else {}
    inserted: list[QgsFeature] = []
    changes: dict[int, dict[int, object]] = {}
    geometries: dict[int, QgsGeometry] = {}
    same = copied = 0
    for feat in src.getFeatures():
        groupe = feat["groupe"] if "groupe" in names else group
        if not _is_null(groupe) and groupe != group:
            continue
        values = {n: feat[n] for n in names if src.fields().indexOf(n) >= 0}
        values["groupe"] = group
        if link is not None and not _is_null(values.get(link[0])):
            parent_uid = pkg_uids.get(link[1], {}).get(int(values[link[0]]))
            values[link[0]] = parent_fids.get(parent_uid, NULL) if parent_uid else NULL
        if table == "observations" and not _is_null(values.get("photo")):
            values["photo"], did_copy = _copy_photo(package_root, dossier_root, values["photo"])
            copied += int(did_copy)
        uid = feat["uid"]
        if _is_null(uid):
            uid = workspace.new_uid()
        old = existing.get(uid)
        if old is None:
            new = QgsFeature(dst.fields())
            new["uid"] = uid
            for n, v in values.items():
                new[n] = v
            if feat.hasGeometry():
                new.setGeometry(feat.geometry())
            inserted.append(new)
            existing[uid] = new
            continue
        attr_changes = {
            dst.fields().indexOf(n): (NULL if _is_null(v) else v)
            for n, v in values.items()
            if _norm(v) != _norm(old[n])
        }
        geom_changed = feat.hasGeometry() and not feat.geometry().equals(old.geometry())
        if attr_changes:
            changes[old.id()] = attr_changes
        if geom_changed:
            geometries[old.id()] = feat.geometry()
        if not attr_changes and not geom_changed:
            same += 1
    provider = dst.dataProvider()
    ok = True
    if inserted:
        ok = provider.addFeatures(inserted)[0] and ok
    if changes:
        ok = provider.changeAttributeValues(changes) and ok
    if geometries:
        ok = provider.changeGeometryValues(geometries) and ok
    if not ok:
        raise AtelierError(
            QT_TR_NOOP("Cannot merge the table {table} into {path}: {error}"),
            table=table,
            path=str(dossier_path),
            error="; ".join(provider.errors()),
        )
    return len(inserted), len(set(changes) | set(geometries)), same, copied
