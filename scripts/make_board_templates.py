# SPDX-License-Identifier: GPL-2.0-or-later
"""Write the shipped board templates (resources/templates/board_*.qpt).

Each template is a complete QGIS print layout on A3: title block, map,
legend, scale bar, north arrow, tables, notes, atlas items, every one with
the item id the plugin fills (poix_atelier_plugin/boards/templates.py lists
them). Run once to start a new look from the A3 design in board_zones.py;
afterwards the .qpt files are the reference and are edited in QGIS's layout
designer.

    QT_QPA_PLATFORM=offscreen build/venv/bin/python scripts/make_board_templates.py [FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

INK, MUTED, ACCENT, RULE = "#1d1d1b", "#5a5a5a", "#00487a", "#b8b8b8"
#: Table of each board: frame id, font size, (heading, width in mm).
TABLES = {
    "terrain": (
        "stop_table",
        8.5,
        (("No.", 8), ("Stop", 46), ("Theme", 22), ("Time", 13), ("Min", 10)),
    ),
    "diagnostic": ("diagnostic_table", 8, (("Category", 20), ("Theme", 21), ("Observation", 64))),
    "restitution": ("enjeux_table", 8, (("Level", 17), ("Issue", 44), ("Tools", 44))),
    "proposition": ("proposal_table", 9, (("Level", 24), ("Issue", 0.42), ("Tools and why", 0.58))),
    "synthese": (
        "convergence_table",
        8.5,
        (("Groups", 12), ("Which groups", 36), ("Sites", 45), ("ha", 10)),
    ),
}


class Writer:
    """Adds items to one A3 layout (mm)."""

    def __init__(self, layout):
        self.layout = layout

    def place(self, item, box, item_id: str = ""):
        from qgis.core import QgsLayoutPoint, QgsLayoutSize

        from poix_atelier_plugin import compat

        if item_id:
            item.setId(item_id)
        self.layout.addLayoutItem(item)
        x, y, w, h = box
        item.attemptResize(QgsLayoutSize(w, h, compat.LAYOUT_MILLIMETERS))
        item.attemptMove(QgsLayoutPoint(x, y, compat.LAYOUT_MILLIMETERS))
        return item

    def text_format(self, size: float, bold: bool = False, colour: str = INK):
        from qgis.core import QgsTextFormat
        from qgis.PyQt.QtGui import QColor, QFont

        from poix_atelier_plugin import compat
        from poix_atelier_plugin.boards.items import family

        font = QFont(family())
        font.setPointSizeF(size)
        font.setBold(bold)
        fmt = QgsTextFormat()
        fmt.setFont(font)
        fmt.setSize(size)
        fmt.setSizeUnit(compat.RENDER_POINTS)
        fmt.setColor(QColor(colour))
        return fmt

    def label(self, item_id, text, box, size, bold=False, colour=INK, align=None):
        from qgis.core import QgsLayoutItemLabel
        from qgis.PyQt.QtCore import Qt

        item = QgsLayoutItemLabel(self.layout)
        item.setMode(QgsLayoutItemLabel.Mode.ModeFont)
        item.setText(text)
        fmt = self.text_format(size, bold, colour)
        if hasattr(item, "setTextFormat"):
            item.setTextFormat(fmt)
        else:
            item.setFont(fmt.font())
            item.setFontColor(fmt.color())
        item.setHAlign(align or Qt.AlignmentFlag.AlignLeft)
        item.setVAlign(Qt.AlignmentFlag.AlignTop)
        item.setMarginX(0)
        item.setMarginY(0)
        return self.place(item, box, item_id)

    def box(self, item_id, box, fill=None, stroke=RULE, width=0.3):
        from qgis.core import QgsFillSymbol, QgsLayoutItemShape

        item = QgsLayoutItemShape(self.layout)
        item.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
        props = {
            "color": fill or "255,255,255,0",
            "style": "solid" if fill else "no",
            "outline_color": stroke,
            "outline_width": str(width),
            "outline_width_unit": "MM",
        }
        item.setSymbol(QgsFillSymbol.createSimple(props))
        return self.place(item, box, item_id)

    def header(self, zones: dict) -> None:
        from qgis.PyQt.QtCore import Qt

        right = Qt.AlignmentFlag.AlignRight
        self.label("title", "Commune \u2014 date", zones["title"], 20, bold=True)
        self.label("subtitle", "Group \u00b7 adviser", zones["subtitle"], 11.5, colour=MUTED)
        self.label("kind", "Board", zones["kind"], 13, bold=True, colour=ACCENT, align=right)
        t, s, k = zones["title"], zones["subtitle"], zones["kind"]
        rule = (t[0], s[1] + s[3] + 2, k[0] + k[2] - t[0], 0.01)
        self.box("header_rule", rule, stroke=ACCENT, width=0.5)
        page = "[% 'Page ' || @layout_page || ' / ' || @layout_numpages %]"
        self.label("page", page, zones["page"], 9, colour=MUTED, align=right)
        self.label("credits", "Sources", zones["credits"], 7, colour=MUTED)

    def map_block(self, zones: dict, columns: int = 1) -> None:
        from qgis.core import (
            QgsCoordinateReferenceSystem,
            QgsLayoutItemLegend,
            QgsLayoutItemMap,
            QgsLayoutItemPicture,
            QgsLayoutItemScaleBar,
            QgsLayoutMeasurement,
            QgsLegendStyle,
            QgsRectangle,
        )
        from qgis.PyQt.QtGui import QColor

        from poix_atelier_plugin import compat
        from poix_atelier_plugin.boards.items import north_arrow_svg

        item = QgsLayoutItemMap(self.layout)
        self.place(item, zones["map"], "map")
        item.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
        item.setKeepLayerSet(True)
        item.setFrameEnabled(True)
        item.setFrameStrokeColor(QColor(RULE))
        item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3))
        item.setBackgroundColor(QColor("#ffffff"))
        item.zoomToExtent(QgsRectangle(743000, 7009000, 745400, 7011200))
        if "legend" in zones:
            legend = QgsLayoutItemLegend(self.layout)
            legend.setAutoUpdateModel(False)  # its own (empty) tree, filled per board
            legend.setResizeToContents(False)
            legend.setTitle("Legend")
            legend.setLinkedMap(item)
            legend.setLegendFilterByMapEnabled(True)
            for style, size, bold in (
                (QgsLegendStyle.Style.Title, 11, True),
                (QgsLegendStyle.Style.Group, 9, True),
                (QgsLegendStyle.Style.Subgroup, 9, True),
                (QgsLegendStyle.Style.SymbolLabel, 8.5, False),
            ):
                if hasattr(QgsLegendStyle, "setTextFormat"):
                    legend.rstyle(style).setTextFormat(self.text_format(size, bold))
                else:
                    legend.setStyleFont(style, self.text_format(size, bold).font())
                legend.rstyle(style).setMargin(QgsLegendStyle.Side.Top, 1.2)
            if not hasattr(QgsLegendStyle, "setTextFormat"):
                legend.setFontColor(QColor(INK))
            legend.setSymbolWidth(6)
            legend.setSymbolHeight(3.5)
            legend.setWmsLegendWidth(40)
            legend.setBoxSpace(1.5)
            legend.setColumnSpace(3)
            legend.setColumnCount(columns)
            legend.setSplitLayer(True)
            legend.setEqualColumnWidth(False)
            legend.setWrapString("")
            self.place(legend, zones["legend"], "legend")
        z = zones["north"]
        self.box("north_box", z, fill="255,255,255,215", stroke="255,255,255,0", width=0)
        arrow = QgsLayoutItemPicture(self.layout)
        arrow.setPicturePath(north_arrow_svg())
        arrow.setLinkedMap(item)
        arrow.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
        arrow.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        self.place(arrow, (z[0] + 1.5, z[1] + 1, z[2] - 3, z[3] - 2), "north_arrow")
        s = zones["scalebar"]
        width = min(s[2], 75)
        back = (s[0] - 1.5, s[1] - 1.5, width, s[3] + 1)
        self.box("scalebar_box", back, fill="255,255,255,215", stroke="255,255,255,0", width=0)
        bar = QgsLayoutItemScaleBar(self.layout)
        bar.setId("scalebar")
        self.layout.addLayoutItem(bar)
        bar.setLinkedMap(item)
        bar.setStyle("Single Box")
        bar.setTextFormat(self.text_format(7.5))
        bar.setHeight(2.0)
        symbol = bar.lineSymbol().clone()
        symbol.setWidth(0.3)
        symbol.setWidthUnit(compat.RENDER_MILLIMETERS)
        bar.setLineSymbol(symbol)
        bar.setLabelBarSpace(1.2)
        bar.setBoxContentSpace(0.0)
        bar.setUnits(compat.DISTANCE_METERS)
        bar.setUnitLabel("m")
        bar.setUnitsPerSegment(100)
        bar.setSegmentSizeMode(compat.SCALEBAR_FIT_WIDTH)
        bar.setMinimumBarWidth((width - 14) * 0.45)
        bar.setMaximumBarWidth(width - 14)
        bar.setNumberOfSegments(4)
        bar.setNumberOfSegmentsLeft(0)
        bar.update()
        from qgis.core import QgsLayoutPoint

        bar.attemptMove(QgsLayoutPoint(s[0], s[1], compat.LAYOUT_MILLIMETERS))

    def table(self, boxes: dict, size: float, headings) -> None:
        """A text table with one frame per box (frame ids: the keys)."""
        from qgis.core import (
            QgsLayoutFrame,
            QgsLayoutItemTextTable,
            QgsLayoutMultiFrame,
            QgsLayoutTable,
            QgsLayoutTableColumn,
            QgsLayoutTableStyle,
        )
        from qgis.PyQt.QtCore import QRectF, Qt
        from qgis.PyQt.QtGui import QColor

        table = QgsLayoutItemTextTable(self.layout)
        columns = []
        for title, width in headings:
            col = QgsLayoutTableColumn(title)
            col.setWidth(width)
            col.setHAlignment(Qt.AlignmentFlag.AlignLeft)
            columns.append(col)
        table.setColumns(columns)
        table.setHeaderTextFormat(self.text_format(size, True, "#ffffff"))
        table.setContentTextFormat(self.text_format(size))
        table.setHeaderHAlignment(QgsLayoutTable.HeaderHAlignment.FollowColumn)
        table.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames)
        table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
        table.setCellMargin(1.2)
        table.setGridStrokeWidth(0.2)
        table.setGridColor(QColor(RULE))
        table.setHorizontalGrid(True)
        table.setVerticalGrid(False)
        table.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.ShowMessage)
        table.setEmptyTableMessage("\u2014")
        header = QgsLayoutTableStyle()
        header.enabled = True
        header.cellBackgroundColor = QColor(ACCENT)
        table.setCellStyle(QgsLayoutTable.CellStyleGroup.HeaderRow, header)
        even = QgsLayoutTableStyle()
        even.enabled = True
        even.cellBackgroundColor = QColor("#f1f4f7")
        table.setCellStyle(QgsLayoutTable.CellStyleGroup.EvenRows, even)
        self.layout.addMultiFrame(table)
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
        for item_id, (x, y, w, h) in boxes.items():
            frame = QgsLayoutFrame(self.layout, table)
            frame.attemptSetSceneRect(QRectF(x, y, w, h))
            frame.setId(item_id)
            table.addFrame(frame)

    def notes(self, box) -> None:
        x, y, w, h = box
        self.box("notes", box, stroke="#8a8a8a", width=0.35)
        self.label("notes_title", "Notes", (x + 3, y + 2.5, w - 6, 6), 10, True, ACCENT)

    def atlas(self, zones: dict) -> None:
        from qgis.core import QgsLayoutItemPicture
        from qgis.PyQt.QtCore import Qt

        self.label("stop_title", "Stop", zones["stop_title"], 16, bold=True)
        self.label("stop_facts", "Theme \u00b7 time", zones["stop_facts"], 10, colour=MUTED)
        self.label("stop_notes", "Notes", zones["stop_notes"], 10)
        for i in range(1, 5):
            box = zones[f"photo{i}"]
            self.box(f"photo_frame{i}", box, fill="#f4f4f4", stroke="#d0d0d0", width=0.2)
            pic = QgsLayoutItemPicture(self.layout)
            pic.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
            pic.setPictureAnchor(QgsLayoutItemPicture.ReferencePoint.Middle)
            self.place(pic, box, f"photo{i}")
            center = Qt.AlignmentFlag.AlignHCenter
            self.label(
                f"caption{i}", "Caption", zones[f"caption{i}"], 8.5, colour=MUTED, align=center
            )


def build(kind: str, orientation: str, suite: bool):
    from board_zones import continuation_zones, default_zones
    from qgis.core import QgsLayoutSize, QgsPrintLayout, QgsProject

    from poix_atelier_plugin import compat

    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    w, h = (420.0, 297.0) if orientation == "landscape" else (297.0, 420.0)
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(w, h, compat.LAYOUT_MILLIMETERS))
    layout.setName(f"board_{kind}{'_suite' if suite else ''}_{orientation}")
    zones = (continuation_zones if suite else default_zones)(kind, orientation)
    out = Writer(layout)
    out.header(zones)
    if not suite:
        out.map_block(zones, 2 if kind == "atlas" else 1)
    if kind == "atlas":
        out.atlas(zones)
    elif suite:
        for name, box in sorted(zones.items()):  # where the table flows, in order
            if name.startswith("table"):
                out.box(name, box, stroke="#e0007a", width=0.3)
    else:
        item_id, size, headings = TABLES[kind]
        box = zones["table"]
        if kind == "proposition":
            rest = box[2] - 24 - 9  # cell margins
            headings = [(t, w if w > 1 else rest * w) for t, w in headings]
        out.table({item_id: box}, size, headings)
    if "notes" in zones:
        out.notes(zones["notes"])
    if "photos" in zones:
        out.box("photos", zones["photos"], stroke="#c8c8c8", width=0.3)
    return layout


def main() -> int:
    from qgis.core import QgsApplication, QgsReadWriteContext

    app = QgsApplication([], False)
    app.initQgis()
    from poix_atelier_plugin.boards.templates import BOARD_TYPES

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "resources" / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    for kind in BOARD_TYPES:
        for orientation in ("landscape", "portrait"):
            for suite in (False, True) if kind != "atlas" else (False,):
                layout = build(kind, orientation, suite)
                path = folder / f"{layout.name()}.qpt"
                if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
                    print(f"cannot write {path}", file=sys.stderr)
                    return 1
                print(path)
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
