# SPDX-License-Identifier: GPL-2.0-or-later
"""Where each item of the shipped board templates sits on the A3 design (mm).

Only ``make_board_templates.py`` reads these: once written, the .qpt files
are the reference, and an agency moves items in QGIS's layout designer.
"""

from __future__ import annotations

A3 = {"landscape": (420.0, 297.0), "portrait": (297.0, 420.0)}
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
    w, h = A3[orientation]
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
    w, h = A3[orientation]
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
