# SPDX-License-Identifier: GPL-2.0-or-later
"""Writing a merge plan into the dossier, in one transaction (all or nothing).

The writes go through the OGR provider of layers sharing one QgsTransaction
(QGIS's own GeoPackage transaction), so GeoPackage triggers (spatial index)
run as usual; the dossier's merge memory is written in the same transaction.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from qgis.core import (
    NULL,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsTransaction,
)

from ... import compat
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...domain.three_way import GEOMETRY
from ...infra.user_paths import absolute
from ...store import workspace
from ..photos import photos
from . import merge_state

#: Tables whose links to a deleted feature are emptied, though not merged themselves.
_LINKED_ONLY = ("enjeux",)


def _error(dossier: Path, error: str, table: str = "-") -> AtelierError:
    return AtelierError(
        QT_TR_NOOP(
            "Cannot merge the field package into {path} (table {table}): {error}. "
            "Nothing was changed in the dossier."
        ),
        path=str(dossier),
        table=table,
        error=error,
    )


@contextmanager
def transaction(layers: list, dossier: Path):
    """One transaction over the layers (same GeoPackage); rolled back on any error."""
    entered = []
    try:
        for layer in layers:
            if not layer.dataProvider().enterUpdateMode():
                raise _error(dossier, "read only", layer.customProperty(workspace.PROP_TABLE))
            entered.append(layer)
        tx = QgsTransaction.create(set(layers))
        if tx is None:
            raise _error(dossier, "no transaction")
        ok, message = tx.begin()
        if not ok:
            raise _error(dossier, message)
        try:
            yield tx
        except BaseException:
            tx.rollback()
            raise
        ok, message = tx.commit()
        if not ok:
            tx.rollback()
            raise _error(dossier, message)
    finally:
        for layer in entered:
            layer.dataProvider().leaveUpdateMode()


def _copy_photo(package_root: Path, dossier_root: Path, rel: str) -> tuple[str, bool]:
    """Copy one photo back; returns (relative path in the dossier, copied?)."""
    src = Path(rel) if Path(rel).is_absolute() else package_root / rel
    if not src.is_file():
        return rel, False
    try:
        rel_in_package = absolute(src).relative_to(absolute(package_root)).as_posix()
    except ValueError:  # outside the package: keep the path as it is
        return rel, False
    target_dir = (dossier_root / rel_in_package).parent
    before = set(target_dir.iterdir()) if target_dir.is_dir() else set()
    copy = photos.copy_into(src, target_dir, photos.file_digest(src))
    return copy.relative_to(dossier_root).as_posix(), copy not in before


def _unchanged_memory(job) -> bool:
    if job.previous is None:
        return False
    tables = set(job.memory) | set(job.previous)
    return all(job.memory.get(t, {}) == job.previous.get(t, {}) for t in tables)


def apply(job, report) -> None:
    """Write ``job``'s plans into the dossier and fill ``report``."""
    plans = job.plans
    for table, plan in plans.items():
        report.inserted[table] = len(plan.inserts)
        report.updated[table] = len(plan.updates)
        report.deleted[table] = len(plan.deletes)
        report.unchanged[table] = len(job.field_sides[table].rows) - len(plan.updates)
        report.conflicts.extend(plan.conflicts)
    if not any(p.inserts or p.updates or p.deletes for p in plans.values()) and _unchanged_memory(
        job
    ):
        return  # nothing new: the dossier file is not even opened for writing
    present = workspace.existing_tables(job.dossier)
    names = list(plans) + [t for t in _LINKED_ONLY if t in present and t not in plans]
    layers = {t: workspace.open_layer(job.dossier, t, load_style=False) for t in names}
    writer = _Writer(job, layers, report)
    with transaction(list(layers.values()), job.dossier) as tx:
        for table in plans:
            writer.write_table(table)
        writer.unlink()
        counts = {
            "inserted": report.total("inserted"),
            "updated": report.total("updated"),
            "deleted": report.total("deleted"),
            "conflicts": len(report.conflicts),
        }
        for sql in merge_state.memory_sql(job.info, job.groupe, job.memory, counts):
            ok, message = tx.executeSql(sql)
            if not ok:
                raise _error(job.dossier, message, merge_state.DOSSIER_BASE)


class _Writer:
    def __init__(self, job, layers: dict, report):
        self.job = job
        self.layers = layers
        self.report = report
        self.dossier_root = photos.dossier_folder(job.dossier)
        #: parent table → uid → fid in the dossier (new features added as they are written)
        self.fids = {
            t: {uid: f.id() for uid, f in side.feats.items()}
            for t, side in job.office_sides.items()
        }
        self.deleted: dict[str, set[int]] = {}

    def _value(self, table: str, uid: str, key: str):
        side = self.job.field_sides[table]
        link = merge_state.LINKS.get(table)
        if link is not None and key == link[0]:
            parent_uid = side.rows[uid].get(key)
            fid = self.fids.get(link[1], {}).get(parent_uid) if parent_uid else None
            return NULL if fid is None else fid
        value = side.feats[uid][key]
        if merge_state.is_null(value):
            return NULL
        if table == "observations" and key == "photo":
            value, copied = _copy_photo(self.job.package_root, self.dossier_root, value)
            self.report.photos_copied += int(copied)
        return value

    def _check(self, ok: bool, table: str, provider) -> None:
        if not ok:
            raise _error(self.job.dossier, "; ".join(provider.errors()) or "-", table)

    def write_table(self, table: str) -> None:
        plan = self.job.plans[table]
        layer = self.layers[table]
        provider = layer.dataProvider()
        fields = layer.fields()
        keys = self.job.keys[table]
        f_side, o_side = self.job.field_sides[table], self.job.office_sides[table]
        if plan.inserts:
            feats = []
            for uid in plan.inserts:
                new = QgsFeature(fields)
                new["uid"] = uid
                if fields.indexOf("groupe") >= 0:
                    new["groupe"] = self.job.groupe
                for key in keys:
                    if key == GEOMETRY:
                        source = f_side.feats[uid]
                        if source.hasGeometry():
                            new.setGeometry(QgsGeometry(source.geometry()))
                    else:
                        new[key] = self._value(table, uid, key)
                feats.append(new)
            ok, added = provider.addFeatures(feats)
            self._check(ok, table, provider)
            for uid, feat in zip(plan.inserts, added):
                self.fids.setdefault(table, {})[uid] = feat.id()
        changes, geometries = {}, {}
        for uid, keys_taken in plan.updates.items():
            fid = o_side.feats[uid].id()
            attrs = {}
            for key in keys_taken:
                if key == GEOMETRY:
                    source = f_side.feats[uid]
                    geometries[fid] = (
                        QgsGeometry(source.geometry()) if source.hasGeometry() else QgsGeometry()
                    )
                else:
                    attrs[fields.indexOf(key)] = self._value(table, uid, key)
            if attrs:
                changes[fid] = attrs
        if changes:
            self._check(provider.changeAttributeValues(changes), table, provider)
        if geometries:
            self._check(provider.changeGeometryValues(geometries), table, provider)
        if plan.deletes:
            fids = [o_side.feats[uid].id() for uid in plan.deletes]
            self._check(provider.deleteFeatures(fids), table, provider)
            self.deleted[table] = set(fids)
            for uid in plan.deletes:
                self.fids.get(table, {}).pop(uid, None)

    def unlink(self) -> None:
        """Empty the links of remaining features to features the merge deleted."""
        for child, (name, parent) in merge_state.LINKS.items():
            gone = self.deleted.get(parent)
            layer = self.layers.get(child)
            if not gone or layer is None or layer.fields().indexOf(name) < 0:
                continue
            ids = ", ".join(str(int(fid)) for fid in sorted(gone))
            expression = f"{QgsExpression.quotedColumnRef(name)} IN ({ids})"
            request = QgsFeatureRequest().setFilterExpression(expression)
            request.setFlags(compat.REQUEST_NO_GEOMETRY)
            index = layer.fields().indexOf(name)
            provider = layer.dataProvider()
            changes = {f.id(): {index: NULL} for f in provider.getFeatures(request)}
            if changes:
                self._check(provider.changeAttributeValues(changes), child, provider)
                self.report.unlinked += len(changes)
