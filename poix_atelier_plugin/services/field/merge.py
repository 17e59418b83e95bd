# SPDX-License-Identifier: GPL-2.0-or-later
"""Bring a field package back into the dossier: a three-way merge keyed on ``uid``.

For each table the package lets people edit (and only those: ``enjeux`` is
never merged), each feature of the package's group is compared between its
base (what the package was exported with, or what the last merge of this
package left, see :mod:`services.field.merge_state`), the package now and the dossier
now (:mod:`domain.three_way`): what changed in the field is applied —
insertions, updates, deletions —, what changed at the office is kept, and a
value changed on both sides is a :class:`Conflict`, reported and not
written until :func:`resolve_conflicts` is given a choice for it.

The whole merge is one transaction on the dossier GeoPackage: all of it is
written, or nothing. The package is only read, and checked first (a damaged
file must not look like a package whose features were all deleted).

Core never touches the GUI: layers of the current project with unsaved edits
on the dossier are not read behind their back. The caller saves them first
(``before_read``), otherwise the merge refuses. Layers of ``project`` on the
dossier are reloaded after the merge.

Links (``observations.arret_id``) hold feature ids, which differ between the
package and the dossier for new features: they are compared and written
through the ``uid`` of the linked feature. Links of office features to a
feature deleted by the merge are emptied (the feature itself is kept).
Photos the package refers to are copied back under the dossier's ``DCIM/``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from qgis.core import QgsGeometry, QgsProject, QgsProviderRegistry, QgsVectorLayer

from ...domain import three_way
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...domain.three_way import KEEP_OFFICE, TAKE_FIELD, Conflict
from ...infra.i18n import tr
from ...infra.user_paths import same_path
from ...store import saving, workspace
from ..photos import photos
from . import field_package, merge_apply, merge_state

LOG = logging.getLogger(__name__)

__all__ = [
    "KEEP_OFFICE",
    "TAKE_FIELD",
    "Conflict",
    "MergeReport",
    "find_conflicts",
    "merge_field_package",
    "resolve_conflicts",
]

#: Parents before children, so links can be translated.
MERGE_ORDER = (
    "parcours",
    "arrets",
    "sequences",
    "sites_projet",
    "hypotheses",
    "diagnostic",
    "observations",
)
_LABEL_FIELDS = ("nom", "titre", "texte", "categorie")


@dataclass
class MergeReport:
    groupe: str = ""
    package: str = ""
    inserted: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)
    unchanged: dict[str, int] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    photos_copied: int = 0
    unlinked: int = 0

    def total(self, which: str) -> int:
        value = getattr(self, which)
        return len(value) if isinstance(value, list) else sum(value.values())

    def counts(self) -> dict[str, int]:
        """The Processing outputs."""
        return {
            "INSERTED": self.total("inserted"),
            "UPDATED": self.total("updated"),
            "DELETED": self.total("deleted"),
            "CONFLICTS": len(self.conflicts),
        }


def _package_group(gpkg: Path) -> str:
    names = [g.name for g in workspace.read_groups(gpkg)]
    if len(names) != 1:
        raise AtelierError(
            QT_TR_NOOP("{path} is not a one-group field package (groups: {groups})."),
            path=str(gpkg),
            groups=", ".join(names) or "-",
        )
    return names[0]


def _label(row: dict) -> str:
    for name in _LABEL_FIELDS:
        if row.get(name):
            return str(row[name])
    return ""


def _short(conflict: Conflict, value) -> str:
    if value is None:
        return tr("(empty)")
    if conflict.field == three_way.GEOMETRY:
        geom = QgsGeometry()
        geom.fromWkb(bytes.fromhex(value))
        text = geom.asWkt(1)
    else:
        text = str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def describe(conflict: Conflict) -> tuple[str, str, str]:
    """What the conflict is about, the office side and the field side, as short texts."""
    table = field_package.display_name(conflict.table)
    name = conflict.label or conflict.uid[:8]
    if conflict.kind == three_way.DELETED_IN_FIELD:
        return (
            tr("{name} ({table})").format(name=name, table=table),
            tr("edited or still used at the office"),
            tr("deleted in the field"),
        )
    if conflict.kind == three_way.DELETED_AT_OFFICE:
        return (
            tr("{name} ({table})").format(name=name, table=table),
            tr("deleted at the office"),
            tr("edited in the field"),
        )
    column = tr("geometry") if conflict.field == three_way.GEOMETRY else conflict.field
    return (
        tr("{name} ({table}), {field}").format(name=name, table=table, field=column),
        _short(conflict, conflict.office),
        _short(conflict, conflict.field_value),
    )


def layers_on(project: QgsProject, dossier: Path) -> list[QgsVectorLayer]:
    """The project's vector layers reading ``dossier``."""
    out = []
    for layer in project.mapLayers().values():
        if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
            continue
        path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path")
        try:
            if path and same_path(path, dossier):
                out.append(layer)
        except OSError:
            continue
    return out


def _refuse_pending_edits(project: QgsProject, dossier: Path) -> None:
    pending = [lyr.name() for lyr in layers_on(project, dossier) if lyr.isModified()]
    if pending:
        raise AtelierError(
            QT_TR_NOOP(
                "Save the edits of these layers before bringing a field package back: {layers}."
            ),
            layers=", ".join(sorted(pending)),
        )


def pending_saver(project: QgsProject) -> Callable[[Path], None]:
    """``before_read`` that saves the project's pending edits on the dossier (store.saving)."""
    return lambda dossier: saving.save_pending(project, str(dossier))


def reload_layers(project: QgsProject, dossier: Path) -> int:
    """Reload the project's layers on the dossier after writing through the provider."""
    count = 0
    for layer in layers_on(project, dossier):
        if layer.isModified():
            continue
        layer.dataProvider().reloadData()
        layer.triggerRepaint()
        count += 1
    return count


@dataclass
class _Side:
    rows: dict
    feats: dict


@dataclass
class _Merge:
    """Everything read before writing: the plans and the features they refer to."""

    info: merge_state.PackageInfo
    groupe: str
    dossier: Path
    package_root: Path
    plans: dict = field(default_factory=dict)
    field_sides: dict = field(default_factory=dict)
    office_sides: dict = field(default_factory=dict)
    keys: dict = field(default_factory=dict)
    memory: dict = field(default_factory=dict)
    #: the base this merge started from when it came from an earlier merge
    previous: dict | None = None


def _prepare(package, dossier, groupe, resolutions, before_read, project: QgsProject) -> _Merge:
    pkg_gpkg = field_package.package_gpkg(package)
    info = merge_state.package_info(pkg_gpkg, field_package.FIELD_TABLES)
    dossier_path = Path(dossier)
    photos.dossier_folder(dossier_path)  # a GeoPackage dossier (raises otherwise)
    group = groupe or info.groupe or _package_group(pkg_gpkg)
    photos.check_group(dossier_path, group)
    if before_read is not None:
        before_read(dossier_path)
    _refuse_pending_edits(project, dossier_path)
    pkg_tables = workspace.existing_tables(pkg_gpkg)
    dossier_tables = workspace.existing_tables(dossier_path)
    tables = [
        t for t in MERGE_ORDER if t in info.tables and t in pkg_tables and t in dossier_tables
    ]
    memory = merge_state.dossier_memory(dossier_path, info.package_id)
    bases = memory if memory is not None else merge_state.package_base(info)
    job = _Merge(info, group, dossier_path, pkg_gpkg.parent, previous=memory)
    parents = {"field": {}, "office": {}}
    for table in tables:
        f_layer = workspace.open_layer(pkg_gpkg, table, load_style=False)
        o_layer = workspace.open_layer(dossier_path, table, group, load_style=False)
        keys = merge_state.merge_keys(table, f_layer, o_layer)
        link = merge_state.LINKS.get(table)
        for side, gpkg, pid in (
            ("field", pkg_gpkg, info.package_id),
            ("office", dossier_path, None),
        ):
            if link is not None and link[1] not in parents[side]:
                if link[1] in (pkg_tables if side == "field" else dossier_tables):
                    parent = workspace.open_layer(gpkg, link[1], load_style=False)
                    parents[side][link[1]] = merge_state.uid_by_fid(parent, pid)
        f_rows, f_feats = merge_state.read_rows(
            f_layer, keys, parents["field"].get(link[1]) if link else None, info.package_id, group
        )
        o_rows, o_feats = merge_state.read_rows(
            o_layer, keys, parents["office"].get(link[1]) if link else None, None, group
        )
        plan = three_way.plan_table(
            table,
            keys,
            bases.get(table, {}),
            f_rows,
            o_rows,
            merge_state.same_value,
            resolutions,
            _label,
            _used_elsewhere(dossier_path, table, tables, dossier_tables),
        )
        job.plans[table] = plan
        job.field_sides[table] = _Side(f_rows, f_feats)
        job.office_sides[table] = _Side(o_rows, o_feats)
        job.keys[table] = keys
        job.memory[table] = plan.memory
    return job


def _used_elsewhere(dossier: Path, table: str, merged, present) -> set[str]:
    """uids of ``table`` that office features of tables not merged link to (enjeux → sites)."""
    children = [
        (child, name)
        for child, (name, parent) in merge_state.LINKS.items()
        if parent == table and child not in merged and child in present
    ]
    if not children:
        return set()
    uids = merge_state.uid_by_fid(workspace.open_layer(dossier, table, load_style=False), None)
    used = set()
    for child, name in children:
        layer = workspace.open_layer(dossier, child, load_style=False)
        for feat in layer.getFeatures():
            value = feat[name]
            if not merge_state.is_null(value) and int(value) in uids:
                used.add(uids[int(value)])
    return used


def merge_field_package(
    package: str | Path,
    dossier: str | Path,
    groupe: str | None = None,
    resolutions: dict | None = None,
    before_read: Callable[[Path], None] | None = None,
    project: QgsProject | None = None,
) -> MergeReport:
    """Merge what changed in the field since the export; conflicts are reported, not written.

    ``resolutions`` maps :attr:`Conflict.key` to :data:`KEEP_OFFICE` or
    :data:`TAKE_FIELD`. ``before_read(dossier)`` is called before anything of
    the dossier is read (the place to save pending edits). Raises
    :class:`AtelierError`, leaving the dossier as it was, when anything fails.
    """
    project = project or QgsProject.instance()
    job = _prepare(package, dossier, groupe, resolutions, before_read, project)
    report = MergeReport(groupe=job.groupe, package=str(job.info.gpkg))
    merge_apply.apply(job, report)
    reload_layers(project, job.dossier)
    return report


def find_conflicts(
    package: str | Path, dossier: str | Path, groupe: str | None = None
) -> list[Conflict]:
    """The conflicts a merge of ``package`` would report now (nothing is written)."""
    job = _prepare(package, dossier, groupe, None, None, QgsProject.instance())
    return [c for plan in job.plans.values() for c in plan.conflicts]


def resolve_conflicts(
    package: str | Path,
    dossier: str | Path,
    choices: dict,
    groupe: str | None = None,
    before_read: Callable[[Path], None] | None = None,
    project: QgsProject | None = None,
) -> MergeReport:
    """Apply a choice per conflict (``{conflict.key: KEEP_OFFICE | TAKE_FIELD}``).

    The package is merged again with those choices, so what is written is
    always checked against the dossier as it is now; a conflict without a
    choice stays open.
    """
    unknown = {c for c in choices.values() if c not in (KEEP_OFFICE, TAKE_FIELD)}
    if unknown:
        raise ValueError(f"unknown choices: {sorted(unknown)}")
    return merge_field_package(package, dossier, groupe, choices, before_read, project)


def editable_tables(package: str | Path) -> tuple[str, ...]:
    """The tables a package lets people edit (the only ones merged)."""
    gpkg = field_package.package_gpkg(package)
    return merge_state.package_info(gpkg, field_package.FIELD_TABLES).tables
