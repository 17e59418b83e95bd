# SPDX-License-Identifier: GPL-2.0-or-later
"""Two people editing the same feature: never lose work silently.

Every contract table on the server has a ``version`` bumped by a trigger.
A client asserts the version it read by writing it (or its negative, so
that QGIS's edit buffer always sends it) in the same UPDATE: the trigger
refuses a stale one. ``ConflictGuard`` does that for a QGIS layer: it keeps
the rows as they were when editing started, and before the commit compares
them with the server; the conflicts it finds are returned (table, fid, what
the other person changed, what I changed) for the GUI to offer
"keep mine" / "take theirs".
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from qgis.core import QgsDataSourceUri, QgsVectorLayer

from ..domain.errors import QT_TR_NOOP, AtelierError
from . import postgis
from .postgis import KEY, ident
from .row_compare import (  # noqa: F401 - the comparisons are part of this module's API
    GEOM_TOLERANCE,
    GEOM_TOLERANCE_DEGREES,
    comparable,
    same_geometry,
    same_value,
)
from .rows import plain_value as _plain

LOG = logging.getLogger(__name__)

VERSION = "version"


@dataclass
class Conflict:
    table: str
    fid: int
    base_version: int
    their_version: int | None  # None: they deleted the feature
    theirs: dict = field(default_factory=dict)  # field → (value when I started, their value)
    mine: dict = field(default_factory=dict)  # field → my value
    deleted_by_me: bool = False

    @property
    def deleted_by_them(self) -> bool:
        return self.their_version is None


def is_conflict_error(exc: BaseException) -> bool:
    """A refusal by the server's version trigger (SQLSTATE 40001, our message)."""
    return "atelier_conflict" in str(getattr(exc, "pgerror", None) or exc)


def conflict_message(text: str) -> str | None:
    """The person's words for the server trigger's refusal found in ``text`` (None: none).

    The trigger's text is technical English (``atelier_conflict: <table> <fid> …``):
    the marker is kept stable for the code, the person reads a translated sentence.
    """
    import re

    from ..infra.i18n import error_text

    found = re.search(r"atelier_conflict: (\S+) (\d+)", str(text or ""))
    if found is None:
        return None
    return error_text(changed_error(found.group(1), int(found.group(2))))


def changed_error(table: str, fid) -> AtelierError:
    """Another computer changed the row since it was read: nothing is written."""
    return AtelierError(
        QT_TR_NOOP(
            "The feature {fid} of {table} was changed in the meantime on another computer: "
            "nothing was written. Reload it and apply your change again."
        ),
        table=table,
        fid=fid,
    )


def deleted_error(table: str, fid) -> AtelierError:
    return AtelierError(
        QT_TR_NOOP(
            "The feature {fid} of {table} was deleted in the meantime on another computer: "
            "nothing was written."
        ),
        table=table,
        fid=fid,
    )


def check_versions(cur, name: str, table: str, versions: dict) -> dict[int, int]:
    """Lock rows ``FOR UPDATE`` and check they are still at the version read.

    ``versions``: fid → version read (None: only lock). Returns fid → current
    version; raises AtelierError (in French once translated) when a row was
    changed or deleted since. For a plugin write that goes through its own SQL
    (a merge, an import) in the caller's transaction.
    """
    from psycopg2 import sql

    fids = sorted(int(f) for f in versions)
    if not fids:
        return {}
    cur.execute(
        sql.SQL("SELECT {}, {} FROM {} WHERE {} = ANY(%s::int[]) ORDER BY 1 FOR UPDATE").format(
            ident(KEY), ident(VERSION), ident(name, table), ident(KEY)
        ),
        (fids,),
    )
    current = {int(fid): int(version) for fid, version in cur.fetchall()}
    for fid in fids:
        expected = versions[fid]
        if fid not in current:
            raise deleted_error(table, fid)
        if expected is not None and current[fid] != int(expected):
            raise changed_error(table, fid)
    return current


def delete_checked(cur, name: str, table: str, versions: dict) -> int:
    """DELETE rows only if still at the version read (fid → version; None: any).

    A row changed or already deleted by someone else is a conflict: raises
    AtelierError before anything is deleted, so the caller's rollback keeps it.
    """
    from psycopg2 import sql

    check_versions(cur, name, table, versions)
    cur.execute(
        sql.SQL("DELETE FROM {} WHERE {} = ANY(%s::int[])").format(ident(name, table), ident(KEY)),
        (sorted(int(f) for f in versions),),
    )
    return cur.rowcount


def update_checked(cur, name: str, table: str, fid: int, version: int, values: dict) -> int:
    """UPDATE one feature only if it is still at ``version``; returns the new version.

    Raises AtelierError when someone else changed it first.
    """
    import psycopg2
    from psycopg2 import sql

    sets = [sql.SQL("{} = %s").format(ident(k)) for k in values] + [
        sql.SQL("{} = %s").format(ident(VERSION))
    ]
    try:
        cur.execute(
            sql.SQL("UPDATE {} SET {} WHERE {} = %s RETURNING {}").format(
                ident(name, table), sql.SQL(", ").join(sets), ident(KEY), ident(VERSION)
            ),
            [*values.values(), -abs(int(version)), fid],
        )
    except psycopg2.Error as exc:
        if is_conflict_error(exc):
            raise AtelierError(
                QT_TR_NOOP(
                    "Someone else changed this feature of {table} (number {fid}) since you "
                    "started: reload it and apply your change again."
                ),
                table=table,
                fid=fid,
            ) from exc
        raise
    row = cur.fetchone()
    if row is None:
        raise AtelierError(
            QT_TR_NOOP("The feature {fid} of {table} was deleted by someone else."),
            table=table,
            fid=fid,
        )
    return int(row[0])


class ConflictGuard:
    """Optimistic locking for one postgres layer of a server workshop."""

    def __init__(self, layer: QgsVectorLayer):
        self.layer = layer
        self.table = layer.customProperty("atelier/table") or ""
        dossier = layer.customProperty("atelier/dossier") or ""
        self.ws = postgis.parse_dossier(dossier)
        self.uri = QgsDataSourceUri(layer.source())  # works without the named connection
        self.base: dict[int, dict] = {}
        # fid → the server's version, for rows someone saved again without
        # changing anything: my edit goes through on top, nobody is asked
        self.unchanged: dict[int, int] = {}
        crs = layer.crs()
        self.tolerance = (
            GEOM_TOLERANCE_DEGREES if crs.isValid() and crs.isGeographic() else GEOM_TOLERANCE
        )

    def snapshot(self) -> None:
        """Remember every row as it is now (call when editing starts)."""
        names = self.layer.fields().names()
        self.base = {}
        for feat in self.layer.dataProvider().getFeatures():
            row = {n: _plain(feat[n]) for n in names}
            # full precision: a rounded copy would differ from the server's text
            row["__geom"] = feat.geometry().asWkt() if feat.hasGeometry() else None
            self.base[int(feat.id())] = row
        self.unchanged = {}

    def _touched(self) -> tuple[dict[int, dict], set[int]]:
        buffer = self.layer.editBuffer()
        if buffer is None:
            return {}, set()
        names = self.layer.fields().names()
        mine: dict[int, dict] = {}
        for fid, changes in buffer.changedAttributeValues().items():
            if fid >= 0:
                mine.setdefault(fid, {}).update(
                    {names[i]: _plain(v) for i, v in changes.items() if names[i] != VERSION}
                )
        for fid, geom in buffer.changedGeometries().items():
            if fid >= 0:
                mine.setdefault(fid, {})["__geom"] = geom.asWkt()
        return mine, {fid for fid in buffer.deletedFeatureIds() if fid >= 0}

    def check(self) -> list[Conflict]:
        """Conflicts between my pending edits and the server's current rows."""
        from psycopg2 import sql

        mine, deleted = self._touched()
        fids = sorted(set(mine) | deleted)
        if not fids:
            return []
        names = list(self.layer.fields().names())
        geom = self.layer.isSpatial()
        select = [ident(n) for n in names]
        if geom:
            select.append(sql.SQL("ST_AsText({})").format(ident(postgis.GEOM)))
        conn = postgis.connect(self.ws, self.uri)
        try:
            with conn, conn.cursor() as cur:
                cur.execute(
                    sql.SQL("SELECT {} FROM {} WHERE {} = ANY(%s)").format(
                        sql.SQL(", ").join(select), ident(self.ws.schema, self.table), ident(KEY)
                    ),
                    (fids,),
                )
                current = {int(r[names.index(KEY)]): r for r in cur.fetchall()}
        finally:
            conn.close()
        conflicts = []
        self.unchanged = {}
        for fid in fids:
            base = self.base.get(fid)
            if base is None:
                continue
            row = current.get(fid)
            base_version = int(base.get(VERSION) or 0)
            if row is not None and int(row[names.index(VERSION)]) == base_version:
                continue
            conflict = Conflict(
                self.table,
                fid,
                base_version,
                None if row is None else int(row[names.index(VERSION)]),
                mine=mine.get(fid, {}),
                deleted_by_me=fid in deleted,
            )
            if row is not None:
                for i, name in enumerate(names):
                    if name in (VERSION, "modifie_le"):
                        continue
                    theirs = row[i]
                    if not same_value(theirs, base.get(name)):
                        conflict.theirs[name] = (base.get(name), theirs)
                if geom and not same_geometry(row[-1], base.get("__geom"), self.tolerance):
                    conflict.theirs["__geom"] = (base.get("__geom"), row[-1])
                if not conflict.theirs:
                    # saved again with the same values: nothing of theirs to lose
                    self.unchanged[fid] = conflict.their_version
                    continue
            conflicts.append(conflict)
        return conflicts

    def assert_versions(self, keep_mine: set[int] | None = None, versions: dict | None = None):
        """Write the expected version into the edit buffer of every feature I changed.

        For features in ``keep_mine`` the server's current version (``versions``)
        is asserted instead: my edit wins, knowingly.
        """
        index = self.layer.fields().indexOf(VERSION)
        if index < 0:
            return
        mine, _deleted = self._touched()
        for fid in mine:
            base = self.base.get(fid)
            if base is None:
                continue
            expected = int(self.unchanged.get(fid) or base.get(VERSION) or 0)
            if keep_mine and fid in keep_mine and versions and versions.get(fid):
                expected = int(versions[fid])
            self.layer.changeAttributeValue(fid, index, -expected)

    def take_theirs(self, conflict: Conflict) -> None:
        """Drop my pending edit of one feature: the server's version stays."""
        if conflict.deleted_by_them:
            return
        if conflict.deleted_by_me:
            self._restore(conflict)
            return
        index = self.layer.fields().indexOf(VERSION)
        names = self.layer.fields().names()
        for name in conflict.mine:
            if name == "__geom":
                continue
            value = conflict.theirs.get(name, (None, self.base[conflict.fid].get(name)))[1]
            self.layer.changeAttributeValue(conflict.fid, names.index(name), value)
        if "__geom" in conflict.mine:
            from qgis.core import QgsGeometry

            wkt = conflict.theirs.get("__geom", (None, self.base[conflict.fid]["__geom"]))[1]
            self.layer.changeGeometry(conflict.fid, QgsGeometry.fromWkt(wkt or ""))
        if index >= 0 and conflict.their_version:
            self.layer.changeAttributeValue(conflict.fid, index, -conflict.their_version)

    def _restore(self, conflict: Conflict) -> None:
        """I deleted it, they changed it, their version wins: add it back, same fid and uid.

        The commit deletes then adds, so the row comes back with their values
        (links from other tables to it are emptied by the deletion).
        """
        from qgis.core import QgsFeature, QgsGeometry

        values = dict(self.base[conflict.fid])
        values.update({k: new for k, (_old, new) in conflict.theirs.items()})
        feat = QgsFeature(self.layer.fields())
        for name in self.layer.fields().names():
            if name not in (VERSION, "modifie_le"):
                feat[name] = values.get(name)
        feat[KEY] = conflict.fid
        if values.get("__geom"):
            feat.setGeometry(QgsGeometry.fromWkt(values["__geom"]))
        self.layer.addFeature(feat)
