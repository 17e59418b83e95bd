# SPDX-License-Identifier: GPL-2.0-or-later
"""The "first workshop" path: which step of the day is done, which comes next.

Plain Python: the facts (counts read from the dossier) come in, one state per
step of the panel goes out, in the panel's order. A step is done when the
dossier shows its trace; the next step is the first one not done.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import QT_TR_NOOP

#: The panel's steps in the order of the day.
ORDER = ("dossier", "groups", "route", "photos", "diagnostic", "enjeux", "boards")

#: English templates (translated by the GUI): what shows the step done, what to do.
DONE = {
    "dossier": QT_TR_NOOP("Dossier open: {name}"),
    "groups": QT_TR_NOOP("{groups} groups made"),
    "route": QT_TR_NOOP("Routes drawn: {routes} of {groups} groups, {stops} stops"),
    "photos": QT_TR_NOOP("{photos} photos attached to stops"),
    "diagnostic": QT_TR_NOOP("{diagnostic} diagnostic entries"),
    "enjeux": QT_TR_NOOP("{enjeux} issues, {links} links to tools"),
    "boards": QT_TR_NOOP("{boards} boards printed"),
}
TODO = {
    "dossier": QT_TR_NOOP("Next: build or open the commune's dossier."),
    "groups": QT_TR_NOOP("Next: make the groups of the workshop."),
    "route": QT_TR_NOOP("Next: draw each group's route and its stops ({routes} of {groups} done)."),
    "photos": QT_TR_NOOP("Next: after the visit, import the photos."),
    "diagnostic": QT_TR_NOOP("Next: write the diagnostic of each group."),
    "enjeux": QT_TR_NOOP("Next: note the issues and link them to tools."),
    "boards": QT_TR_NOOP("Next: print the boards."),
}


@dataclass(frozen=True)
class StepState:
    step: str
    done: bool
    template: str  # English, to translate, then ``format(**facts)``
    is_next: bool = False


def _done(step: str, facts: dict) -> bool:
    if step == "dossier":
        return bool(facts.get("dossier"))
    if step == "groups":
        return facts.get("groups", 0) > 0
    if step == "route":
        groups = facts.get("groups", 0)
        return groups > 0 and facts.get("routes", 0) >= groups and facts.get("stops", 0) > 0
    return facts.get(step, 0) > 0


def progress(facts: dict) -> list[StepState]:
    """One state per step; the first step not done is marked ``is_next``."""
    states, found = [], False
    for step in ORDER:
        done = _done(step, facts)
        is_next = not done and not found
        found = found or is_next
        states.append(StepState(step, done, DONE[step] if done else TODO[step], is_next))
    return states


def defaults(facts: dict) -> dict:
    """Every placeholder of the templates, 0 or "" when the dossier did not say."""
    keys = ("groups", "routes", "stops", "photos", "diagnostic", "enjeux", "links", "boards")
    out = dict.fromkeys(keys, 0)
    out["name"] = ""
    out.update({k: v for k, v in facts.items() if v is not None})
    return out
