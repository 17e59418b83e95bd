# SPDX-License-Identifier: GPL-2.0-or-later
"""Fonts, strokes and spacings of a template item, ``k`` times the A3 design.

Every ISO A sheet has the proportions of A3: a board on A0 is the A3
template scaled uniformly, text included, so that it reads from as far as
the sheet is big. Positions and sizes are scaled by ``templates.scale_items``.
"""

from __future__ import annotations

from qgis.core import (
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutMeasurement,
    QgsLayoutTable,
    QgsLegendStyle,
)

LEGEND_STYLES = (
    QgsLegendStyle.Style.Title,
    QgsLegendStyle.Style.Group,
    QgsLegendStyle.Style.Subgroup,
    QgsLegendStyle.Style.SymbolLabel,
)
SIDES = (
    QgsLegendStyle.Side.Top,
    QgsLegendStyle.Side.Bottom,
    QgsLegendStyle.Side.Left,
    QgsLegendStyle.Side.Right,
)


def bigger(fmt, k: float):
    """A copy of a QgsTextFormat ``k`` times bigger (its font too, for QGIS 3.22)."""
    out = fmt.__class__(fmt)
    out.setSize(fmt.size() * k)
    font = out.font()
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * k)
        out.setFont(font)
    return out


def bigger_font(font, k: float):
    out = font.__class__(font)
    if out.pointSizeF() > 0:
        out.setPointSizeF(out.pointSizeF() * k)
    return out


def scale_item_style(item, k: float) -> None:
    if isinstance(item, QgsLayoutItemLabel):
        _label(item, k)
    elif isinstance(item, QgsLayoutItemLegend):
        _legend(item, k)
    elif isinstance(item, QgsLayoutItemScaleBar):
        _scalebar(item, k)
    elif isinstance(item, QgsLayoutItemMap):
        width = item.frameStrokeWidth()
        item.setFrameStrokeWidth(QgsLayoutMeasurement(width.length() * k, width.units()))
    elif isinstance(item, QgsLayoutItemShape):
        symbol = item.symbol().clone()
        for layer in symbol.symbolLayers():
            if hasattr(layer, "strokeWidth"):
                layer.setStrokeWidth(layer.strokeWidth() * k)
        item.setSymbol(symbol)
    elif isinstance(item, QgsLayoutTable):
        _table(item, k)


def _label(item, k: float) -> None:
    if hasattr(item, "setTextFormat"):  # QGIS >= 3.24
        item.setTextFormat(bigger(item.textFormat(), k))
    else:
        item.setFont(bigger_font(item.font(), k))
    item.setMarginX(item.marginX() * k)
    item.setMarginY(item.marginY() * k)


def _legend(item, k: float) -> None:
    for style in LEGEND_STYLES:
        rstyle = item.rstyle(style)
        if hasattr(rstyle, "setTextFormat"):  # QGIS >= 3.30
            rstyle.setTextFormat(bigger(rstyle.textFormat(), k))
        else:
            item.setStyleFont(style, bigger_font(item.styleFont(style), k))
        for side in SIDES:
            rstyle.setMargin(side, rstyle.margin(side) * k)
    item.setSymbolWidth(item.symbolWidth() * k)
    item.setSymbolHeight(item.symbolHeight() * k)
    item.setWmsLegendWidth(item.wmsLegendWidth() * k)
    item.setBoxSpace(item.boxSpace() * k)
    item.setColumnSpace(item.columnSpace() * k)


def _scalebar(item, k: float) -> None:
    item.setTextFormat(bigger(item.textFormat(), k))
    item.setHeight(item.height() * k)
    item.setLabelBarSpace(item.labelBarSpace() * k)
    item.setBoxContentSpace(item.boxContentSpace() * k)
    symbol = item.lineSymbol().clone()
    symbol.setWidth(symbol.width() * k)
    item.setLineSymbol(symbol)
    item.setMinimumBarWidth(item.minimumBarWidth() * k)
    item.setMaximumBarWidth(item.maximumBarWidth() * k)


def _table(table, k: float) -> None:
    columns = table.columns()
    for column in columns:
        column.setWidth(column.width() * k)
    table.setColumns(columns)
    table.setHeaderTextFormat(bigger(table.headerTextFormat(), k))
    table.setContentTextFormat(bigger(table.contentTextFormat(), k))
    table.setCellMargin(table.cellMargin() * k)
    table.setGridStrokeWidth(table.gridStrokeWidth() * k)
