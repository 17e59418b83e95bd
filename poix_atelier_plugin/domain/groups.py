# SPDX-License-Identifier: GPL-2.0-or-later
"""Workshop groups: names, colours, advisers, visit slot."""

from __future__ import annotations

from dataclasses import dataclass

from . import vocab
from .errors import QT_TR_NOOP, AtelierError


@dataclass
class GroupSpec:
    name: str
    colour: str = ""
    adviser: str = ""
    slot_min: int = vocab.DEFAULT_SLOT_MIN
    order: int = 0


def default_groups(count: int = 3) -> list[GroupSpec]:
    return normalise_groups([f"Groupe {i + 1}" for i in range(count)])


def normalise_groups(names_or_specs) -> list[GroupSpec]:
    """Trim names, refuse empty or duplicate ones, give colours and order."""
    specs: list[GroupSpec] = []
    seen: set[str] = set()
    for i, item in enumerate(names_or_specs):
        spec = item if isinstance(item, GroupSpec) else GroupSpec(str(item))
        spec.name = " ".join(spec.name.split())
        if not spec.name:
            raise AtelierError(QT_TR_NOOP("A group needs a name."))
        if len(spec.name) > 80:
            raise AtelierError(QT_TR_NOOP("The group name is too long (80 characters at most)."))
        key = spec.name.casefold()
        if key in seen:
            raise AtelierError(QT_TR_NOOP("Two groups are named “{name}”."), name=spec.name)
        seen.add(key)
        if not spec.colour:
            spec.colour = vocab.DEFAULT_GROUP_COLOURS[i % len(vocab.DEFAULT_GROUP_COLOURS)]
        spec.order = i + 1
        specs.append(spec)
    if not specs:
        raise AtelierError(QT_TR_NOOP("Give at least one group."))
    return specs


def parse_group_names(text: str) -> list[str]:
    """Group names typed in one field, separated by semicolons or new lines."""
    parts = [p.strip() for chunk in text.splitlines() for p in chunk.split(";")]
    return [p for p in parts if p]
