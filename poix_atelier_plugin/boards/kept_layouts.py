# SPDX-License-Identifier: GPL-2.0-or-later
"""Layouts the boards add to the project, and the ones a person retouched since.

Each layout the plugin puts in the layout manager carries a fingerprint of
what it drew (``PROP_FINGERPRINT``). A re-export compares the layout in the
manager with its fingerprint: a layout moved, resized, re-worded, with an
item added or deleted, is *retouched* and is never replaced silently. The
caller chooses (``REPLACE``): the new layout takes the name and the retouched
one is kept under a dated name; or (``RENAME``) the retouched one keeps its
name and the new one is written as ``name (2)``. Either way both stay in the
project with the layers they draw.

The fingerprint is not a hash of the layout XML: that XML does not survive a
save and a reopening of the project unchanged (legends drop their cached
order, scale bars resize themselves, coordinates lose their last digit), and
a layout untouched since the export must not look retouched.
"""

from __future__ import annotations

import hashlib
import json
import logging
from datetime import datetime

from qgis.core import (
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsProject,
)

from ..infra.i18n import tr
from .base import PROP_LAYOUT

LOG = logging.getLogger(__name__)

#: Layout property: the fingerprint of the layout as the plugin made it.
PROP_FINGERPRINT = "atelier/board_fingerprint"
#: Layout property: the name the plugin gave it (kept when written under a new name).
PROP_BOARD_NAME = "atelier/board_name"

REPLACE = "replace"
RENAME = "rename"


def _r(value: float, step: float = 0.1) -> float:
    return round(float(value) / step) * step


def _item_signature(item) -> list:
    pos = item.positionWithUnits()
    sig = [
        item.type(),
        item.uuid(),
        item.id(),
        item.page(),
        _r(item.pagePositionWithUnits().x()),
        _r(item.pagePositionWithUnits().y()),
        pos.units(),
        _r(item.itemRotation(), 0.01),
        bool(item.isVisible()),
    ]
    if not isinstance(item, (QgsLayoutItemLegend, QgsLayoutItemScaleBar)):
        # legends and scale bars size themselves (a reopened project recomputes them)
        size = item.sizeWithUnits()
        sig += [_r(size.width()), _r(size.height())]
    if isinstance(item, QgsLayoutItemLabel):
        sig.append(item.text())
    elif isinstance(item, QgsLayoutItemPicture):
        sig.append(item.picturePath())
    elif isinstance(item, QgsLayoutItemMap):
        sig.append(sorted(lyr.id() for lyr in item.layers() if lyr is not None))
        if not item.atlasDriven():  # an atlas preview moves the map: not a retouch
            ext = item.extent()
            sig += [_r(ext.xMinimum(), 1), _r(ext.yMinimum(), 1), _r(ext.width(), 1)]
    elif isinstance(item, QgsLayoutItemLegend):
        sig.append(item.title())
    return sig


def fingerprint(layout) -> str:
    """What a person sees of the layout: pages, items, their place, texts, pictures."""
    pages = layout.pageCollection()
    doc = {
        "pages": [
            (_r(pages.page(i).pageSize().width()), _r(pages.page(i).pageSize().height()))
            for i in range(pages.pageCount())
        ],
        "items": sorted(
            (
                _item_signature(item)
                for item in layout.items()
                if hasattr(item, "uuid") and not isinstance(item, QgsLayoutItemPage)
            ),
            key=lambda s: s[1],
        ),
        "frames": sorted(
            (
                [
                    mf.uuid(),
                    [
                        [_r(f.pagePositionWithUnits().x()), _r(f.pagePositionWithUnits().y())]
                        for f in mf.frames()
                    ],
                ]
                for mf in layout.multiFrames()
            ),
            key=lambda s: s[0],
        ),
        "atlas": [layout.atlas().enabled(), layout.atlas().filterExpression()],
    }
    text = json.dumps(doc, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def mark(layout, board_name: str | None = None) -> None:
    """Remember the layout as the plugin made it."""
    layout.setCustomProperty(PROP_FINGERPRINT, fingerprint(layout))
    layout.setCustomProperty(PROP_BOARD_NAME, board_name or layout.name())


def is_retouched(layout) -> bool:
    """Changed since the plugin made it; a layout the plugin did not make counts as retouched."""
    made = layout.customProperty(PROP_FINGERPRINT)
    if not made:
        return True
    return str(made) != fingerprint(layout)


def retouched(project: QgsProject, names) -> list[str]:
    """The layouts among ``names`` that are in ``project`` and were retouched."""
    manager = project.layoutManager()
    out = []
    for name in names:
        layout = manager.layoutByName(name)
        if layout is not None and is_retouched(layout):
            out.append(name)
    return out


def free_name(project: QgsProject, name: str, taken: set[str] | None = None) -> str:
    """``name (2)``, ``name (3)``… the first one no layout has."""
    manager = project.layoutManager()
    taken = taken or set()
    i = 2
    while True:
        candidate = f"{name} ({i})"
        if manager.layoutByName(candidate) is None and candidate not in taken:
            return candidate
        i += 1


def _retag_layers(project: QgsProject, old: str, new: str, only: set[str] | None = None) -> None:
    """Sheet-scaled layer copies follow their layout's new name (not removed with another)."""
    for lyr in project.mapLayers().values():
        if lyr.customProperty(PROP_LAYOUT) == old and (only is None or lyr.id() in only):
            lyr.setCustomProperty(PROP_LAYOUT, new)


def _previous_copy(project: QgsProject, name: str):
    """An untouched layout a former export wrote under a new name for ``name``."""
    for layout in project.layoutManager().layouts():
        if (
            layout.name() != name
            and layout.customProperty(PROP_BOARD_NAME) == name
            and not is_retouched(layout)
        ):
            return layout
    return None


def _drop(project: QgsProject, layout, keep: set[str]) -> None:
    """Remove a layout the plugin may replace, and the layer copies made for it only."""
    name = layout.name()
    project.layoutManager().removeLayout(layout)
    stale = [
        lyr.id()
        for lyr in project.mapLayers().values()
        if lyr.customProperty(PROP_LAYOUT) == name and lyr.id() not in keep
    ]
    if stale:
        project.removeMapLayers(stale)


def kept_name(name: str) -> str:
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    return tr("{name} (retouched, kept {date})").format(name=name, date=stamp)


def add_to_manager(
    project: QgsProject,
    layout,
    fresh: set[str] | None = None,
    policy: str = RENAME,
    touched: set[str] | None = None,
) -> str:
    """Add ``layout``; a retouched namesake is kept (see the module); returns the name used.

    ``fresh`` are the ids of the layers this export added (never removed here).
    ``touched``: the names found retouched before the export began (building boards
    replaces layers the old layouts show, which would make them look retouched).
    """
    fresh = fresh or set()
    manager = project.layoutManager()
    name = layout.name()
    old = manager.layoutByName(name)
    was_touched = (
        (name in touched) if touched is not None else old is not None and is_retouched(old)
    )
    if old is not None and was_touched:
        if policy == REPLACE:
            kept = kept_name(name)
            if manager.layoutByName(kept) is not None:
                kept = free_name(project, kept)
            old.setName(kept)
            _retag_layers(project, name, kept, only=_others(project, fresh))
            LOG.info(tr("Layout {name} retouched: kept as {kept}").format(name=name, kept=kept))
        else:
            previous = _previous_copy(project, name)
            target = previous.name() if previous is not None else free_name(project, name)
            if previous is not None:
                _drop(project, previous, fresh)
            _retag_layers(project, name, target, only=fresh)
            layout.setName(target)
            LOG.info(
                tr("Layout {name} retouched: the new one written as {target}").format(
                    name=name, target=target
                )
            )
    elif old is not None:
        _drop(project, old, fresh)
    mark(layout, name)
    manager.addLayout(layout)
    return layout.name()


def _others(project: QgsProject, fresh: set[str]) -> set[str]:
    return {lid for lid in project.mapLayers() if lid not in fresh}


def shown_layers(project: QgsProject) -> set[str]:
    """Ids of the layers a map of a layout in the project draws."""
    out = set()
    for layout in project.layoutManager().layouts():
        for item in layout.items():
            if isinstance(item, QgsLayoutItemMap):
                out.update(lyr.id() for lyr in item.layers() if lyr is not None)
    return out


def drop_unused(project: QgsProject, ids) -> None:
    """Remove the layers of a former export that no layout of the project shows any more."""
    used = shown_layers(project)
    stale = [lid for lid in ids if lid not in used and project.mapLayer(lid) is not None]
    if stale:
        project.removeMapLayers(stale)
