# SPDX-License-Identifier: GPL-2.0-or-later
"""What the boards add to their template's items, and how they fill legend and scale bar.

The template holds what every board of a type shows; ``Kit`` draws what
depends on the data (a note on an empty map, photos, ruled notes lines).
Every length given to it is in millimetres on the A3 design; it multiplies
it by the paper factor so that fonts, boxes and margins keep their
proportions on any sheet.
"""

from __future__ import annotations

import math

from qgis.core import (
    QgsApplication,
    QgsLayoutItemLabel,
    QgsLayoutItemPicture,
    QgsLayoutItemShape,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsTextFormat,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase

from .. import compat
from .tables import TableMixin

INK = QColor("#1d1d1b")
MUTED = QColor("#5a5a5a")
FONT_FAMILIES = (
    "Open Sans",
    "Source Sans Pro",
    "Noto Sans",
    "Liberation Sans",
    "Nimbus Sans",
    "Arial",
    "DejaVu Sans",
)

_family: str | None = None


def family() -> str:
    global _family
    if _family is None:
        known = set(QFontDatabase().families())
        _family = next((f for f in FONT_FAMILIES if f in known), QFont().family())
    return _family


def plain(text: str) -> str:
    """User text safe in a label: no HTML (plain mode) and no ``[% %]`` expression."""
    return str(text or "").replace("[%", "[% '[' || '%' %]")


class Kit(TableMixin):
    """Builds items on one layout at the scale ``k`` of the A3 design."""

    def __init__(self, layout, k: float):
        self.layout = layout
        self.k = k

    # units -----------------------------------------------------------------
    def rect(self, x: float, y: float, w: float, h: float, page: int = 0) -> QRectF:
        top = self.layout.pageCollection().page(page).pos().y() if page else 0.0
        return QRectF(x * self.k, top + y * self.k, w * self.k, h * self.k)

    def place(self, item, x, y, w, h, page: int = 0) -> None:
        r = self.rect(x, y, w, h, page)
        # resize first: moving a map of size 0 turns its extent into NaN
        item.attemptResize(QgsLayoutSize(r.width(), r.height(), compat.LAYOUT_MILLIMETERS))
        item.attemptMove(QgsLayoutPoint(r.x(), r.y(), compat.LAYOUT_MILLIMETERS))

    def font(self, size: float, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(family())
        font.setPointSizeF(size * self.k)
        font.setBold(bold)
        font.setItalic(italic)
        return font

    def text_format(self, size: float, bold: bool = False, color: QColor = INK) -> QgsTextFormat:
        fmt = QgsTextFormat()
        fmt.setFont(self.font(size, bold))
        fmt.setSize(size * self.k)
        fmt.setSizeUnit(compat.RENDER_POINTS)
        fmt.setColor(color)
        return fmt

    # items -----------------------------------------------------------------
    def label(
        self,
        text: str,
        box,
        size: float = 10,
        bold: bool = False,
        color: QColor = INK,
        align=Qt.AlignmentFlag.AlignLeft,
        valign=Qt.AlignmentFlag.AlignTop,
        item_id: str = "",
        page: int = 0,
        italic: bool = False,
    ) -> QgsLayoutItemLabel:
        """A plain-text label (``<b>`` prints as written)."""
        item = QgsLayoutItemLabel(self.layout)
        item.setMode(QgsLayoutItemLabel.Mode.ModeFont)
        item.setText(plain(text))
        if hasattr(item, "setTextFormat"):  # QGIS >= 3.24
            fmt = self.text_format(size, bold, color)
            fmt.setFont(self.font(size, bold, italic))
            item.setTextFormat(fmt)
        else:
            item.setFont(self.font(size, bold, italic))
            item.setFontColor(color)
        item.setHAlign(align)
        item.setVAlign(valign)
        item.setMarginX(0)
        item.setMarginY(0)
        if item_id:
            item.setId(item_id)
        self.layout.addLayoutItem(item)
        self.place(item, *box, page=page)
        return item

    def box(
        self,
        box,
        fill: str | None = None,
        stroke: str = "#b8b8b8",
        width: float = 0.3,
        page: int = 0,
        item_id: str = "",
    ) -> QgsLayoutItemShape:
        from qgis.core import QgsFillSymbol

        item = QgsLayoutItemShape(self.layout)
        item.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
        props = {
            "color": fill or "255,255,255,0",
            "style": "solid" if fill else "no",
            "outline_color": stroke,
            "outline_width": str(width * self.k),
            "outline_width_unit": "MM",
        }
        item.setSymbol(QgsFillSymbol.createSimple(props))
        if item_id:
            item.setId(item_id)
        self.layout.addLayoutItem(item)
        self.place(item, *box, page=page)
        return item

    def line(
        self,
        x: float,
        y: float,
        w: float,
        page: int = 0,
        color: str = "#b8b8b8",
        width: float = 0.25,
    ):
        return self.box((x, y, w, 0.01), None, color, width, page)

    def picture(self, path: str, box, page: int = 0, item_id: str = ""):
        item = QgsLayoutItemPicture(self.layout)
        if item_id:
            item.setId(item_id)
        self.layout.addLayoutItem(item)
        item.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        item.setPictureAnchor(QgsLayoutItemPicture.ReferencePoint.Middle)
        item.setPicturePath(path)
        self.place(item, *box, page=page)
        return item


def fill_legend(legend, map_item, layers: list, title: str, k: float) -> None:
    """The template's legend showing ``layers``, as far as ``map_item`` shows them.

    A template legend keeps a layer tree of its own (auto update off): the
    board's layers go into it, the project's tree is never touched. One left
    on auto update shows the project's layers, as the agency chose.
    """
    if legend.linkedMap() is None:
        legend.setLinkedMap(map_item)
    legend.setTitle(title)
    if legend.autoUpdateModel():
        return
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        root.addLayer(layer)
    if abs(k - 1.0) > 1e-6:
        grow_legend_symbols(legend, k)
    legend.updateLegend()


def fill_scalebar(bar, map_item) -> None:
    """Round segments (1, 2 or 5 x 10^n m or km) filling the bar's maximum width."""
    metres = map_item.scale() / 1000.0 * bar.maximumBarWidth()
    if metres >= 4000:
        bar.setUnits(compat.DISTANCE_KILOMETERS)
        bar.setMapUnitsPerScaleBarUnit(1000.0)
        bar.setUnitLabel("km")
    else:
        bar.setUnits(compat.DISTANCE_METERS)
        bar.setMapUnitsPerScaleBarUnit(1.0)
        bar.setUnitLabel("m")
    segments = max(bar.numberOfSegments(), 1)
    bar.setUnitsPerSegment(nice_step(metres / segments) / bar.mapUnitsPerScaleBarUnit())
    bar.update()


def grow_legend_symbols(legend, k: float) -> None:
    """Legend patches as big as the map's symbols on a sheet k times the A3 design."""
    from qgis.core import (
        QgsLineSymbol,
        QgsMapLayerLegendUtils,
        QgsMarkerSymbol,
        QgsSymbolLegendNode,
    )

    model = legend.model()
    for node in model.rootGroup().findLayers():
        nodes = model.layerOriginalLegendNodes(node)
        for index, legend_node in enumerate(nodes):
            if not isinstance(legend_node, QgsSymbolLegendNode) or legend_node.symbol() is None:
                continue
            symbol = legend_node.symbol().clone()
            if isinstance(symbol, QgsMarkerSymbol):
                symbol.setSize(symbol.size() * k)
            elif isinstance(symbol, QgsLineSymbol):
                symbol.setWidth(symbol.width() * k)
            else:
                continue
            QgsMapLayerLegendUtils.setLegendNodeCustomSymbol(node, index, symbol)
        model.refreshLayerLegend(node)


def nice_step(value: float) -> float:
    """1, 2 or 5 times a power of ten, just under ``value``."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for mult in (5, 2, 1):
        if mult * power <= value:
            return float(mult * power)
    return float(power)


def north_arrow_svg() -> str:
    for base in QgsApplication.svgPaths():
        for name in ("arrows/NorthArrow_02.svg", "arrows/NorthArrow_01.svg"):
            path = f"{base.rstrip('/')}/{name}"
            from pathlib import Path

            if Path(path).is_file():
                return path
    return ":/images/north_arrows/layout_default_north_arrow.svg"
