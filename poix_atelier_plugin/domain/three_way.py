# SPDX-License-Identifier: GPL-2.0-or-later
"""Three-way merge of one table's rows: base, field and office.

*base* is what the field package was exported with (or what the last merge
of that package left), *field* the package now, *office* the dossier now.
Rows are plain dicts of comparable values (``None`` for empty) keyed by
``uid``; a key missing from a base row means "not known" (an old package, a
conflict left open), so any difference on it is a conflict.

For each row:

- only in the field → inserted; only at the office → left alone;
- gone from the field, unchanged at the office → deleted; changed at the
  office, or still used there (``in_use``: an enjeu linked to a site) →
  conflict (``deleted_in_field``);
- gone from the office, changed in the field → conflict
  (``deleted_at_office``); unchanged in the field → stays deleted;
- on both sides, value by value: changed in the field only → applied;
  changed at the office only → kept; changed on both sides to different
  values → conflict (``edit``), nothing written.

The plan also gives the next base (``memory``): the field's values, except
the base value where a conflict stays open, so an unresolved conflict is
reported again by the next merge and a resolved one is not.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Callable

#: Pseudo-key of the geometry in a row.
GEOMETRY = "geometry"
#: Choices for a conflict.
KEEP_OFFICE = "office"
TAKE_FIELD = "field"
#: Kinds of conflict.
EDIT = "edit"
DELETED_IN_FIELD = "deleted_in_field"
DELETED_AT_OFFICE = "deleted_at_office"

_MISSING = object()

Row = dict
Same = Callable[[str, Any, Any], bool]


@dataclass(frozen=True)
class Conflict:
    """One value changed on both sides (``field`` is the column, ``""`` for a whole row)."""

    table: str
    uid: str
    field: str
    base: Any
    office: Any
    field_value: Any
    kind: str = EDIT
    label: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.table, self.uid, self.field)


@dataclass
class TablePlan:
    table: str
    inserts: list[str] = field(default_factory=list)
    #: uid → keys whose field value is written to the office
    updates: dict[str, list[str]] = field(default_factory=dict)
    deletes: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    #: the next base, uid → row
    memory: dict[str, Row] = field(default_factory=dict)


def _equal(_key: str, a: Any, b: Any) -> bool:
    return a == b


def _unchanged(base: Row, other: Row, keys: Iterable[str], same: Same) -> bool:
    for k in keys:
        b = base.get(k, _MISSING)
        if b is _MISSING or not same(k, b, other.get(k)):
            return False
    return True


def plan_table(
    table: str,
    keys: Iterable[str],
    base: dict[str, Row],
    field_rows: dict[str, Row],
    office: dict[str, Row],
    same: Same | None = None,
    resolutions: dict | None = None,
    label: Callable[[Row], str] | None = None,
    in_use: Iterable[str] = (),
) -> TablePlan:
    """What to write to the office for ``table``; ``resolutions`` maps conflict keys to choices."""
    keys = list(keys)
    same = same or _equal
    resolutions = resolutions or {}
    label = label or (lambda row: "")
    in_use = set(in_use)
    plan = TablePlan(table)
    for uid in sorted(set(base) | set(field_rows)):
        b, f, o = base.get(uid), field_rows.get(uid), office.get(uid)
        if f is None:
            if o is None:
                continue  # deleted on both sides (or a base row already gone)
            if b is not None and uid not in in_use and _unchanged(b, o, keys, same):
                plan.deletes.append(uid)
                continue
            conflict = Conflict(table, uid, "", b, o, None, DELETED_IN_FIELD, label(o))
            choice = resolutions.get(conflict.key)
            if choice == TAKE_FIELD:
                plan.deletes.append(uid)
            elif choice != KEEP_OFFICE:
                plan.conflicts.append(conflict)
                plan.memory[uid] = b
            continue
        if o is None:
            if b is None:
                plan.inserts.append(uid)
            elif not _unchanged(b, f, keys, same):
                conflict = Conflict(table, uid, "", b, None, f, DELETED_AT_OFFICE, label(f))
                choice = resolutions.get(conflict.key)
                if choice == TAKE_FIELD:
                    plan.inserts.append(uid)
                elif choice != KEEP_OFFICE:
                    plan.conflicts.append(conflict)
                    plan.memory[uid] = b
                    continue
            plan.memory[uid] = f
            continue
        take, memory = [], {}
        for k in keys:
            fv, ov = f.get(k), o.get(k)
            bv = b.get(k, _MISSING) if b is not None else _MISSING
            if same(k, fv, ov) or (bv is not _MISSING and same(k, fv, bv)):
                memory[k] = fv  # nothing to do, or changed at the office only: kept
                continue
            if bv is not _MISSING and same(k, ov, bv):
                take.append(k)  # changed in the field only
                memory[k] = fv
                continue
            conflict = Conflict(
                table, uid, k, None if bv is _MISSING else bv, ov, fv, EDIT, label(o)
            )
            choice = resolutions.get(conflict.key)
            if choice == TAKE_FIELD:
                take.append(k)
                memory[k] = fv
            elif choice == KEEP_OFFICE:
                memory[k] = fv
            else:
                plan.conflicts.append(conflict)
                if bv is not _MISSING:
                    memory[k] = bv
        if take:
            plan.updates[uid] = take
        plan.memory[uid] = memory
    return plan
