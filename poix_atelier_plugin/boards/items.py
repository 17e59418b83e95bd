# SPDX-License-Identifier: GPL-2.0-or-later
"""Layout items every board uses, sized for the A3 design and scaled by ``k``.

Every length given here is in millimetres on the A3 design; ``Kit`` multiplies
it by the paper factor so that fonts, boxes and margins keep their proportions
on any sheet.
"""

from __future__ import annotations

import math

from qgis.core import (
    QgsApplication,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsRectangle,
    QgsTextFormat,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase

from .. import compat
from .tables import TableMixin

INK = QColor("#1d1d1b")
MUTED = QColor("#5a5a5a")
ACCENT = QColor("#00487a")
RULE = QColor("#b8b8b8")
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

    def expression_label(
        self,
        template: str,
        box,
        size: float = 10,
        bold: bool = False,
        color: QColor = INK,
        item_id: str = "",
    ) -> QgsLayoutItemLabel:
        """A label whose ``[% %]`` are evaluated (atlas fields), still plain text."""
        item = self.label("", box, size, bold, color, item_id=item_id)
        item.setText(template)
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

    def map(self, box, layers: list, extent: QgsRectangle, item_id: str = "map"):
        item = QgsLayoutItemMap(self.layout)
        item.setId(item_id)
        self.layout.addLayoutItem(item)
        self.place(item, *box)
        item.setCrs(layers[0].crs() if layers else item.crs())
        item.setLayers(layers)
        item.setKeepLayerSet(True)
        item.setFrameEnabled(True)
        item.setFrameStrokeColor(RULE)
        item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3 * self.k))
        item.setBackgroundColor(QColor("#ffffff"))
        item.zoomToExtent(extent)
        return item

    def legend(
        self,
        box,
        map_item,
        layers: list,
        title: str,
        columns: int = 1,
        size: float = 8.5,
        filter_by_map: bool = True,
    ):
        item = QgsLayoutItemLegend(self.layout)
        item.setId("legend")
        # no resizing while the project's whole tree is cloned: that would draw every
        # legend node of the project (the slowest step of a board otherwise)
        item.setResizeToContents(False)
        self.layout.addLayoutItem(item)
        root = own_layer_tree(item)
        for layer in layers:
            root.addLayer(layer)
        item.setLinkedMap(map_item)
        item.setTitle(title)
        item.setLegendFilterByMapEnabled(filter_by_map)
        for style, fsize, bold in (
            (QgsLegendStyle.Style.Title, size + 2.5, True),
            (QgsLegendStyle.Style.Group, size + 0.5, True),
            (QgsLegendStyle.Style.Subgroup, size + 0.5, True),
            (QgsLegendStyle.Style.SymbolLabel, size, False),
        ):
            if hasattr(QgsLegendStyle, "setTextFormat"):  # QGIS >= 3.30
                item.rstyle(style).setTextFormat(self.text_format(fsize, bold))
            else:
                item.setStyleFont(style, self.font(fsize, bold))
            item.rstyle(style).setMargin(QgsLegendStyle.Side.Top, 1.2 * self.k)
        if not hasattr(QgsLegendStyle, "setTextFormat"):
            item.setFontColor(INK)
        item.setSymbolWidth(6 * self.k)
        item.setSymbolHeight(3.5 * self.k)
        item.setWmsLegendWidth(40 * self.k)
        item.setBoxSpace(1.5 * self.k)
        item.setColumnSpace(3 * self.k)
        item.setColumnCount(columns)
        item.setSplitLayer(True)
        item.setEqualColumnWidth(False)
        item.setResizeToContents(False)
        item.setWrapString("")
        if abs(self.k - 1.0) > 1e-6:
            grow_legend_symbols(item, self.k)
        item.updateLegend()
        self.place(item, *box)
        return item

    def scalebar(self, x: float, y: float, map_item, max_width: float = 60.0):
        item = QgsLayoutItemScaleBar(self.layout)
        item.setId("scalebar")
        self.layout.addLayoutItem(item)
        item.setLinkedMap(map_item)
        item.setStyle("Single Box")
        item.setTextFormat(self.text_format(7.5))
        item.setHeight(2.0 * self.k)
        _line_width(item, 0.3 * self.k)
        item.setLabelBarSpace(1.2 * self.k)
        item.setBoxContentSpace(0.0)
        metres = map_item.scale() / 1000.0 * (max_width * self.k)
        if metres >= 4000:
            item.setUnits(compat.DISTANCE_KILOMETERS)
            item.setMapUnitsPerScaleBarUnit(1000.0)
            item.setUnitLabel("km")
        else:
            item.setUnits(compat.DISTANCE_METERS)
            item.setMapUnitsPerScaleBarUnit(1.0)
            item.setUnitLabel("m")
        item.setUnitsPerSegment(nice_step(metres / 4) / item.mapUnitsPerScaleBarUnit())
        fit = _fit_width_mode()
        if fit is not None:  # nice segments that follow the map's scale when retouched
            item.setSegmentSizeMode(fit)
            item.setMinimumBarWidth(max_width * self.k * 0.45)
            item.setMaximumBarWidth(max_width * self.k)
        item.setNumberOfSegments(4)
        item.setNumberOfSegmentsLeft(0)
        item.attemptMove(QgsLayoutPoint(x * self.k, y * self.k, compat.LAYOUT_MILLIMETERS))
        item.update()
        return item

    def north_arrow(self, box, map_item):
        item = QgsLayoutItemPicture(self.layout)
        item.setId("north_arrow")
        self.layout.addLayoutItem(item)
        item.setPicturePath(north_arrow_svg())
        item.setLinkedMap(map_item)
        item.setNorthMode(QgsLayoutItemPicture.NorthMode.GridNorth)
        item.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
        self.place(item, *box)
        return item

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


def own_layer_tree(legend):
    """Like ``setAutoUpdateModel(False)`` then ``clear()``, without building the
    legend of every project layer (the costly part): the empty copy of the
    project's tree is given to the legend through its XML."""
    from qgis.core import QgsReadWriteContext
    from qgis.PyQt.QtXml import QDomDocument

    doc, context = QDomDocument(), QgsReadWriteContext()
    holder, tree_holder = doc.createElement("Items"), doc.createElement("Tree")
    legend.writeXml(holder, doc, context)
    element = holder.firstChildElement()
    tree = legend.layout().project().layerTreeRoot().clone()
    tree.clear()
    tree.writeXml(tree_holder, context)
    old = element.firstChildElement("layer-tree")
    if not old.isNull():
        element.removeChild(old)
    element.appendChild(tree_holder.firstChildElement())
    legend.readXml(element, doc, context)
    return legend.model().rootGroup()


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


def _line_width(item, width: float) -> None:
    """Scale bar line width: a line symbol from QGIS 3.20, setLineWidth before."""
    symbol = item.lineSymbol().clone() if hasattr(item, "lineSymbol") else None
    if symbol is None:
        item.setLineWidth(width)
        return
    symbol.setWidth(width)
    symbol.setWidthUnit(compat.RENDER_MILLIMETERS)
    item.setLineSymbol(symbol)


def _fit_width_mode():
    return compat.SCALEBAR_FIT_WIDTH


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
