# SPDX-License-Identifier: GPL-2.0-or-later
"""Where things go on each board: zones read from the .qpt templates.

Each board type has a QGIS layout template per orientation in
``resources/templates/board_<type>_<orientation>.qpt``, designed on A3. A
template is a set of rectangles whose item ids name a zone (``zone:map``,
``zone:legend``…): open one in QGIS's layout designer, move or resize the
rectangles, save, and every board of that type follows. The default zones
below write the shipped templates (``write_templates``) and stand in for a
missing or broken template.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

from .. import compat
from ..infra.i18n import tr
from ..paths import template_path
from .items import Kit
from .paper import page_size

LOG = logging.getLogger(__name__)
BOARD_TYPES = ("terrain", "diagnostic", "restitution", "atlas", "synthese", "proposition")
Box = tuple[float, float, float, float]
HEADER = 33.0  # title block height (design mm)
FOOTER = 15.0
MARGIN = 10.0
GAP = 6.0
PANEL = 114.0


def _common(w: float, h: float) -> dict[str, Box]:
    return {
        "title": (MARGIN, 8.0, w - 2 * MARGIN - 90, 12.0),
        "subtitle": (MARGIN, 21.0, w - 2 * MARGIN - 90, 7.0),
        "kind": (w - MARGIN - 88, 8.0, 88, 8.0),
        "page": (w - MARGIN - 88, 21.0, 88, 7.0),
        "credits": (MARGIN, h - FOOTER + 4.0, w - 2 * MARGIN, 9.0),
    }


def default_zones(kind: str, orientation: str) -> dict[str, Box]:
    """Zones of the A3 design (mm), before scaling to the paper."""
    w, h = page_size("A3", orientation)
    top, bottom = HEADER, h - FOOTER
    zones = _common(w, h)
    x1 = w - MARGIN
    land = orientation == "landscape"
    if kind == "atlas":
        map_w = (w - 2 * MARGIN - GAP) * (0.48 if land else 1.0)
        map_h = (bottom - top - 40) if land else 170
        zones["map"] = (MARGIN, top, map_w, map_h)
        zones["legend"] = (MARGIN, top + map_h + 4, map_w * 0.62, 34)
        zones["scalebar"] = (MARGIN + map_w * 0.66, top + map_h + 6, map_w * 0.34, 10)
        px = MARGIN + map_w + GAP if land else MARGIN
        py = top if land else top + map_h + 42
        pw = x1 - px
        zones["stop_title"] = (px, py, pw, 13)
        zones["stop_facts"] = (px, py + 15, pw, 7)
        zones["stop_notes"] = (px, py + 25, pw, 36 if land else 24)
        gy = py + (65 if land else 52)
        ph = ((bottom - gy) - 2 * 6 - 4) / 2
        cw = (pw - GAP) / 2
        for i in range(4):
            cx = px + (i % 2) * (cw + GAP)
            cy = gy + (i // 2) * (ph + 6 + 4)
            zones[f"photo{i + 1}"] = (cx, cy, cw, ph)
            zones[f"caption{i + 1}"] = (cx, cy + ph + 0.5, cw, 5.5)
        m = zones["map"]
        zones["north"] = (m[0] + m[2] - 16, m[1] + 3, 13, 13)
        return zones
    if land:
        map_w = w - 2 * MARGIN - GAP - PANEL
        px, pw = x1 - PANEL, PANEL
        map_box = (MARGIN, top, map_w, bottom - top)
        if kind == "restitution":
            map_box = (MARGIN, top, map_w, bottom - top - 66)
            zones["photos"] = (MARGIN, bottom - 62, map_w, 62)
        if kind == "proposition":
            map_box = (MARGIN, top, 150, 130)
            zones["legend"] = (MARGIN, top + 134, 150, bottom - top - 134)
            zones["table"] = (MARGIN + 150 + GAP, top, x1 - MARGIN - 150 - GAP, bottom - top)
        else:
            stacks = {
                "terrain": (("legend", 58), ("table", 122), ("notes", None)),
                "diagnostic": (("legend", 118), ("table", None)),
                "restitution": (("legend", 78), ("table", None)),
                "synthese": (("legend", 95), ("table", None)),
            }[kind]
            y = top
            for name, height in stacks:
                height = height if height is not None else bottom - y
                zones[name] = (px, y, pw, height)
                y += height + 4
        zones["map"] = map_box
    else:
        map_h = 215.0 if kind != "proposition" else 120.0
        zones["map"] = (MARGIN, top, w - 2 * MARGIN, map_h)
        py = top + map_h + 5
        ph = bottom - py
        if kind == "restitution":
            zones["photos"] = (MARGIN, py, w - 2 * MARGIN, 50)
            py += 54
            ph -= 54
        if kind == "proposition":
            zones["map"] = (MARGIN, top, 160, map_h)
            zones["legend"] = (MARGIN + 166, top, w - 2 * MARGIN - 166, map_h)
            zones["table"] = (MARGIN, py, w - 2 * MARGIN, ph)
        elif kind == "terrain":
            zones["legend"] = (MARGIN, py, 70, ph)
            zones["table"] = (MARGIN + 74, py, PANEL, ph)
            zones["notes"] = (MARGIN + 74 + PANEL + 4, py, x1 - (MARGIN + 78 + PANEL), ph)
        else:
            lw = w - 2 * MARGIN - PANEL - 4
            zones["legend"] = (MARGIN, py, lw, ph)
            zones["table"] = (MARGIN + lw + 4, py, PANEL, ph)
    m = zones["map"]
    zones.setdefault("scalebar", (m[0] + 4, m[1] + m[3] - 13, 70, 10))
    zones["north"] = (m[0] + m[2] - 16, m[1] + 3, 13, 13)
    return zones


def continuation_zones(kind: str, orientation: str) -> dict[str, Box]:
    """Table frames of a continuation page (the table flows into them, in order)."""
    w, h = page_size("A3", orientation)
    top, bottom = HEADER, h - FOOTER
    zones = _common(w, h)
    width = w - 2 * MARGIN
    if kind == "proposition":
        zones["table1"] = (MARGIN, top, width, bottom - top)
        return zones
    cols = int((width + GAP) // (PANEL + GAP))
    if kind == "terrain":  # keep room for handwritten notes
        cols = max(1, cols - 1)
    for i in range(cols):
        zones[f"table{i + 1}"] = (MARGIN + i * (PANEL + GAP), top, PANEL, bottom - top)
    if kind == "terrain":
        x = MARGIN + cols * (PANEL + GAP)
        zones["notes"] = (x, top, w - MARGIN - x, bottom - top)
    return zones


def template_file(kind: str, orientation: str) -> Path:
    return template_path(f"board_{kind}_{orientation}.qpt")


def read_zones(path: Path) -> dict[str, Box]:
    """Rectangles whose id starts with ``zone:`` in a layout template (mm)."""
    zones: dict[str, Box] = {}
    root = ET.parse(str(path)).getroot()
    for item in root.iter("LayoutItem"):
        item_id = item.get("id", "")
        if not item_id.startswith("zone:"):
            continue
        x, y, unit = item.get("position", "0,0,mm").split(",")
        w, h, _ = item.get("size", "0,0,mm").split(",")
        zones[item_id[5:]] = (float(x), float(y), float(w), float(h))
    return zones


def zones(kind: str, orientation: str, continuation: bool = False) -> dict[str, Box]:
    """The template's zones, completed by the defaults (a template may omit some)."""
    defaults = (continuation_zones if continuation else default_zones)(kind, orientation)
    suffix = "_suite" if continuation else ""
    path = template_path(f"board_{kind}{suffix}_{orientation}.qpt")
    if not path.is_file():
        return defaults
    try:
        found = read_zones(path)
    except (ET.ParseError, ValueError, OSError) as exc:
        LOG.warning(
            tr("Layout template {path} unreadable ({error}): default zones used").format(
                path=path, error=exc
            )
        )
        return defaults
    if continuation:  # table frames come from the template when it has any
        if any(k.startswith("table") for k in found):
            defaults = {k: v for k, v in defaults.items() if not k.startswith("table")}
    return {**defaults, **found}


def write_templates(folder: Path | None = None) -> list[Path]:
    """Write the shipped templates from the default zones (needs QGIS)."""
    from qgis.core import QgsLayoutItemShape, QgsPrintLayout, QgsProject, QgsReadWriteContext

    written = []
    for kind in BOARD_TYPES:
        for orientation in ("landscape", "portrait"):
            for cont in (False, True) if kind != "atlas" else (False,):
                project = QgsProject()
                layout = QgsPrintLayout(project)
                layout.initializeDefaults()
                w, h = page_size("A3", orientation)
                from qgis.core import QgsLayoutSize

                layout.pageCollection().page(0).setPageSize(
                    QgsLayoutSize(w, h, compat.LAYOUT_MILLIMETERS)
                )
                suffix = "_suite" if cont else ""
                layout.setName(f"board_{kind}{suffix}_{orientation}")
                kit = Kit(layout, 1.0)
                source = (continuation_zones if cont else default_zones)(kind, orientation)
                for name, box in source.items():
                    shape = kit.box(box, None, "#e0007a", 0.3, item_id=f"zone:{name}")
                    shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
                name = f"board_{kind}{suffix}_{orientation}.qpt"
                path = (Path(folder) if folder else template_path("")) / name
                if layout.saveAsTemplate(str(path), QgsReadWriteContext()):
                    written.append(path)
    return written
