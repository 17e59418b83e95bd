# SPDX-License-Identifier: GPL-2.0-or-later
"""The board templates: complete QGIS print layouts the boards are filled from.

Each board type has a template per orientation,
``board_<type>[_suite]_<orientation>.qpt``, designed on A3 (``_suite``: the
continuation pages a long table flows onto). The engine loads the whole
template and fills the items it finds by id (``ITEM_IDS``): an agency
changes the look of every board by editing a template in QGIS's layout
designer, in its own templates folder (``BoardOptions.templates``; a
template missing there is taken from the plugin). On another sheet the
page, every item and every font are scaled from the A3 design.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemPage,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsReadWriteContext,
)
from qgis.PyQt.QtXml import QDomDocument

from .. import compat
from ..domain.errors import QT_TR_NOOP, AtelierError
from ..infra.i18n import tr
from ..paths import template_path
from .paper import page_size
from .scaling import scale_item_style

BOARD_TYPES = ("terrain", "diagnostic", "restitution", "atlas", "synthese", "proposition")
HEADER_IDS = ("title", "subtitle", "kind", "page", "credits")
MAP_IDS = ("map", "legend", "scalebar", "north_arrow")
TABLE_IDS = {
    "terrain": "stop_table",
    "diagnostic": "diagnostic_table",
    "restitution": "enjeux_table",
    "proposition": "proposal_table",
    "synthese": "convergence_table",
}
ATLAS_IDS = ("stop_title", "stop_facts", "stop_notes") + tuple(
    f"{name}{i}" for i in range(1, 5) for name in ("photo_frame", "photo", "caption")
)


def item_ids(kind: str, continuation: bool = False) -> tuple[str, ...]:
    """The ids the engine fills in a template (other items print as designed)."""
    if continuation:
        return HEADER_IDS + (("table1",) if kind != "atlas" else ())
    ids = HEADER_IDS + MAP_IDS
    if kind == "atlas":
        return ids + ATLAS_IDS
    ids += (TABLE_IDS[kind],)
    if kind == "terrain":
        ids += ("notes", "notes_title")
    if kind == "restitution":
        ids += ("photos",)
    return ids


def template_file(
    kind: str, orientation: str, continuation: bool = False, folder: str | None = None
) -> Path:
    """The agency's template when its folder has one, the plugin's otherwise."""
    name = f"board_{kind}{'_suite' if continuation else ''}_{orientation}.qpt"
    if folder:
        own = Path(folder) / name
        if own.is_file():
            return own
    return template_path(name)


def read_template(path: Path) -> QDomDocument:
    doc = QDomDocument()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise _unreadable(path, str(exc)) from exc
    parsed = doc.setContent(text)
    # PyQt5 returns (ok, message, line, column), PyQt6 a bool or the same tuple
    ok = parsed[0] if isinstance(parsed, tuple) else bool(parsed)
    if not ok:
        raise _unreadable(path, str(parsed[1]) if isinstance(parsed, tuple) else "")
    return doc


def _unreadable(path: Path, error: str) -> AtelierError:
    return AtelierError(
        QT_TR_NOOP("The layout template {path} cannot be read: {error}"),
        path=str(path),
        error=error,
    )


def load_template(layout, path: Path, clear: bool = True) -> list:
    """Load ``path`` into ``layout``; the items it added (pages excluded)."""
    items, ok = layout.loadFromTemplate(read_template(path), QgsReadWriteContext(), clear)
    if not ok:
        raise _unreadable(path, tr("QGIS could not load it as a layout."))
    return [i for i in items if not isinstance(i, QgsLayoutItemPage)]


def check_ids(layout, kind: str, path: Path, continuation: bool = False) -> None:
    missing = [i for i in item_ids(kind, continuation) if layout_item(layout, i) is None]
    if missing:
        raise AtelierError(
            QT_TR_NOOP("The layout template {path} has no item with the id {ids}."),
            path=str(path),
            ids=", ".join(missing),
        )


def layout_item(layout, item_id: str, page: int | None = None):
    """The item of ``item_id`` (on ``page`` when given); frames count as items."""
    for item in layout.items():
        if isinstance(item, QgsLayoutItem) and item.id() == item_id:
            if page is None or item.page() == page:
                return item
    return None


def scale_items(items: list, k: float, page_top: float = 0.0) -> None:
    """Positions, sizes, fonts and strokes ``k`` times the A3 design.

    ``page_top`` (mm): the items were loaded on the first page and go to the
    page starting there.
    """
    tables = set()
    for item in items:
        if isinstance(item, QgsLayoutFrame):
            tables.add(item.multiFrame())
        elif abs(k - 1.0) > 1e-9:
            scale_item_style(item, k)
        pos, size = item.positionWithUnits(), item.sizeWithUnits()
        # resize first: moving a map of size 0 turns its extent into NaN
        if abs(k - 1.0) > 1e-9:
            item.attemptResize(
                QgsLayoutSize(size.width() * k, size.height() * k, compat.LAYOUT_MILLIMETERS)
            )
        item.attemptMove(
            QgsLayoutPoint(pos.x() * k, pos.y() * k + page_top, compat.LAYOUT_MILLIMETERS)
        )
    if abs(k - 1.0) > 1e-9:
        for table in tables:
            if table is not None:
                scale_item_style(table, k)


def open_board(layout, kind: str, paper: str, orientation: str, k: float, folder=None) -> None:
    """The board's template loaded into ``layout`` and sized to ``paper``."""
    path = template_file(kind, orientation, folder=folder)
    items = load_template(layout, path)
    check_ids(layout, kind, path)
    w, h = page_size(paper, orientation)
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(w, h, compat.LAYOUT_MILLIMETERS))
    scale_items(items, k)


def add_continuation(layout, kind: str, orientation: str, k: float, folder=None):
    """A new page from the ``_suite`` template: its number, its items by id.

    The rectangles ``table1``, ``table2``… only say where the board's table
    flows, in that order: their scene rectangles are returned and the
    rectangles themselves removed.
    """
    path = template_file(kind, orientation, True, folder)
    pages = layout.pageCollection()
    pages.extendByNewPage()
    page = pages.pageCount() - 1
    items = load_template(layout, path, clear=False)
    scale_items(items, k, pages.page(page).pos().y())
    found: dict = {}
    for item in items:
        name = item.id()
        if not name:
            continue
        item.setId("")  # the first page's items keep their ids to themselves
        if name.startswith("table"):
            found[name] = item.mapRectToScene(item.rect())
            layout.removeLayoutItem(item)
        else:
            found[name] = item
    return page, found
