# SPDX-License-Identifier: GPL-2.0-or-later
"""Diagnostic and enjeux symbology, as planners draw them on an A3 board.

Colour says the category (atout green, faiblesse red-orange, opportunité
blue, menace purple-black), a pictogram from QGIS's own SVG library says the
theme, areas are hatched (cross-hatched for threats) and lines are arrows
(flows, pressures). Sizes are in millimetres so the print matches the screen.
"""

from __future__ import annotations

from qgis.core import (
    QgsArrowSymbolLayer,
    QgsCategorizedSymbolRenderer,
    QgsCentroidFillSymbolLayer,
    QgsFillSymbol,
    QgsLinePatternFillSymbolLayer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsPathResolver,
    QgsProperty,
    QgsRendererCategory,
    QgsSimpleMarkerSymbolLayer,
    QgsSvgMarkerSymbolLayer,
    QgsSymbolLayerUtils,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from .. import compat
from ..domain import vocab
from ..store.workspace import PROP_TABLE
from .label_format import placement, text_format

CATEGORY_COLOURS = {
    "atout": "#1a9641",
    "faiblesse": "#e6550d",
    "opportunite": "#2c7bb6",
    "menace": "#54278f",
}
CATEGORY_OUTLINES = {"menace": "#000000"}
#: Hatch angles per category; two angles = cross-hatching.
CATEGORY_HATCH = {"atout": (45,), "faiblesse": (-45,), "opportunite": (0,), "menace": (45, -45)}

LEVEL_COLOURS = {"imperatif": "#c0392b", "important": "#e67e22", "a_suivre": "#7f8c8d"}

#: Theme pictograms from the SVG library shipped with QGIS (names relative to it).
THEME_SVG = {
    "paysage": "symbol/landuse_deciduous.svg",
    "patrimoine": "tourist/tourist_monument.svg",
    "mobilite": "transport/transport_bus_stop.svg",
    "habitat": "accommodation/accommodation_house.svg",
    "economie": "money/money_bank2.svg",
    "equipements": "symbol/education_school.svg",
    "environnement": "gpsicons/deer.svg",
    "risques": "backgrounds/background_triangle.svg",
    "foncier": "symbol/poi_boundary_administrative.svg",
}
#: Font-marker letter used when a pictogram is missing from the SVG library.
THEME_LETTER = {k: v[0] for k, v in vocab.THEMES.items()}


def svg_path(name: str) -> str:
    """Absolute path of a library SVG, or '' when this QGIS does not ship it."""
    # a library name needs no project's folder; styles are also made in worker threads
    path = QgsSymbolLayerUtils.svgSymbolNameToPath(name, QgsPathResolver())
    return path if path and path.lower().endswith(".svg") and _exists(path) else ""


def _exists(path: str) -> bool:
    from pathlib import Path

    return Path(path).is_file()


def theme_expression() -> str:
    """CASE expression giving the pictogram of ``"theme"`` (empty: no pictogram).

    The pictograms are named relative to the SVG library (``symbol/x.svg``), never
    by this computer's absolute path: QGIS resolves a name through its SVG search
    paths when it draws, so a project saved here shows them on another computer.
    """
    whens = []
    for theme, name in THEME_SVG.items():
        if svg_path(name):
            whens.append(f"WHEN \"theme\" = '{theme}' THEN '{name}'")
    return "CASE " + " ".join(whens) + " ELSE NULL END" if whens else "NULL"


#: Neutral pictogram of the legend and of elements without a theme (a white dot).
NEUTRAL_SVG = "backgrounds/background_circle.svg"


def _pictogram(size_mm: float) -> QgsSvgMarkerSymbolLayer | None:
    neutral = svg_path(NEUTRAL_SVG) or next(
        (svg_path(n) for n in THEME_SVG.values() if svg_path(n)), ""
    )
    if not neutral:
        return None
    svg = QgsSvgMarkerSymbolLayer(neutral, size_mm)
    svg.setSizeUnit(compat.RENDER_MILLIMETERS)
    svg.setFillColor(QColor("white"))
    svg.setStrokeColor(QColor("white"))
    svg.setStrokeWidth(0)
    svg.setDataDefinedProperty(
        compat.SYMBOL_PROPERTY_NAME, QgsProperty.fromExpression(theme_expression())
    )
    return svg


def _disc(colour: str, outline: str, size_mm: float):
    """A filled circle; built from properties so it reads the same on 3.22 and 3.40."""
    return QgsSimpleMarkerSymbolLayer.create(
        {
            "name": "circle",
            "color": QColor(colour).name(),
            "outline_color": QColor(outline).name(),
            "outline_width": "0.4",
            "outline_width_unit": "MM",
            "size": str(size_mm),
            "size_unit": "MM",
        }
    )


def marker(colour: str, outline: str = "white", size_mm: float = 7.0) -> QgsMarkerSymbol:
    """A coloured disc with the theme pictogram in white: readable at A3."""
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, _disc(colour, outline, size_mm))
    svg = _pictogram(size_mm * 0.62)
    if svg is not None:
        symbol.appendSymbolLayer(svg)
    return symbol


def arrow(colour: str, outline: str | None = None, width_mm: float = 1.6) -> QgsLineSymbol:
    """A curved flow arrow (QgsArrowSymbolLayer) in the category colour."""
    layer = QgsArrowSymbolLayer()
    layer.setArrowWidth(width_mm)
    layer.setArrowStartWidth(width_mm * 0.6)
    layer.setArrowWidthUnit(compat.RENDER_MILLIMETERS)
    layer.setArrowStartWidthUnit(compat.RENDER_MILLIMETERS)
    layer.setHeadLength(4.0)
    layer.setHeadThickness(2.6)
    layer.setHeadLengthUnit(compat.RENDER_MILLIMETERS)
    layer.setHeadThicknessUnit(compat.RENDER_MILLIMETERS)
    layer.setIsCurved(True)
    layer.setIsRepeated(False)
    fill = QgsFillSymbol.createSimple(
        {
            "color": QColor(colour).name(),
            "outline_color": outline or "white",
            "outline_width": "0.25",
            "outline_width_unit": "MM",
        }
    )
    layer.setSubSymbol(fill)
    symbol = QgsLineSymbol()
    symbol.changeSymbolLayer(0, layer)
    return symbol


def hatched(colour: str, angles=(45,), outline: str | None = None, pictogram: bool = True):
    """A lightly tinted area, hatched, outlined, with the theme pictogram at its centre."""
    c = QColor(colour)
    symbol = QgsFillSymbol.createSimple(
        {
            "color": f"{c.red()},{c.green()},{c.blue()},25",
            "outline_color": QColor(outline or colour).name(),
            "outline_width": "0.6",
            "outline_width_unit": "MM",
        }
    )
    for angle in angles:
        hatch = QgsLinePatternFillSymbolLayer()
        hatch.setLineAngle(angle)
        hatch.setDistance(2.6)
        hatch.setDistanceUnit(compat.RENDER_MILLIMETERS)
        hatch.setLineWidth(0.3)
        hatch.setLineWidthUnit(compat.RENDER_MILLIMETERS)
        hatch.setColor(QColor(c.red(), c.green(), c.blue(), 160))
        symbol.insertSymbolLayer(symbol.symbolLayerCount() - 1, hatch)
    if pictogram:
        centre = QgsCentroidFillSymbolLayer()
        centre.setPointOnSurface(True)
        centre.setSubSymbol(marker(colour, "white", 6.0))
        symbol.appendSymbolLayer(centre)
    return symbol


def _kind(layer: QgsVectorLayer, geometry: str | None) -> int:
    if geometry:
        return {
            "Point": compat.GEOMETRY_POINT,
            "LineString": compat.GEOMETRY_LINE,
            "Polygon": compat.GEOMETRY_POLYGON,
        }.get(geometry, layer.geometryType())
    return layer.geometryType()


def _label(layer: QgsVectorLayer, expression: str, kind: int, size: float = 7.5) -> None:
    fmt = text_format("#222222", size, bold=False, halo_mm=0.8)
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    settings.setFormat(fmt)
    settings.placement = placement(
        {compat.GEOMETRY_POINT: "AroundPoint", compat.GEOMETRY_LINE: "Line"}.get(kind, "OverPoint")
    )
    settings.dist = 3.5 if kind == compat.GEOMETRY_POINT else 1.0
    if kind == compat.GEOMETRY_POLYGON:
        settings.yOffset = 5.5  # below the centre pictogram
        settings.offsetUnits = compat.RENDER_MILLIMETERS
    settings.distUnits = compat.RENDER_MILLIMETERS
    settings.autoWrapLength = 28
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def style_diagnostic(layer: QgsVectorLayer, geometry: str | None = None) -> None:
    """Style a diagnostic (or enjeux) layer of one group for screen and A3 print."""
    if layer.customProperty(PROP_TABLE) == "enjeux":
        style_enjeux(layer, geometry)
        return
    kind = _kind(layer, geometry)
    categories = []
    for code, label in vocab.DIAGNOSTIC_CATEGORIES.items():
        colour = CATEGORY_COLOURS[code]
        outline = CATEGORY_OUTLINES.get(code)
        if kind == compat.GEOMETRY_POINT:
            symbol = marker(colour, outline or "white")
        elif kind == compat.GEOMETRY_LINE:
            symbol = arrow(colour, outline)
        else:
            symbol = hatched(colour, CATEGORY_HATCH[code], outline)
        categories.append(QgsRendererCategory(code, symbol, label))
    renderer = QgsCategorizedSymbolRenderer("categorie", categories)
    other = {
        compat.GEOMETRY_POINT: marker("#969696"),
        compat.GEOMETRY_LINE: arrow("#969696"),
    }
    renderer.setSourceSymbol(other.get(kind, hatched("#969696")))
    layer.setRenderer(renderer)
    if kind == compat.GEOMETRY_POLYGON:
        _label(layer, 'left("texte", 60)', kind, 7)
    elif kind == compat.GEOMETRY_LINE:
        _label(layer, 'left("texte", 40)', kind, 6.5)
    else:
        layer.setLabelsEnabled(False)
    layer.triggerRepaint()


def style_enjeux(layer: QgsVectorLayer, geometry: str | None = None) -> None:
    """Enjeux by level: red impératif, orange important, grey à suivre; titles shown."""
    kind = _kind(layer, geometry)
    categories = []
    for code, label in vocab.ENJEU_LEVELS.items():
        colour = LEVEL_COLOURS[code]
        if kind == compat.GEOMETRY_POINT:
            symbol = QgsMarkerSymbol.createSimple(
                {
                    "name": "star",
                    "color": colour,
                    "outline_color": "white",
                    "outline_width": "0.5",
                    "size": "8" if code == "imperatif" else "6.5",
                    "size_unit": "MM",
                    "outline_width_unit": "MM",
                }
            )
        elif kind == compat.GEOMETRY_LINE:
            symbol = QgsLineSymbol.createSimple(
                {
                    "line_color": colour,
                    "line_width": "1.4",
                    "line_width_unit": "MM",
                    "line_style": "dash" if code == "a_suivre" else "solid",
                }
            )
        else:
            symbol = QgsFillSymbol.createSimple(
                {
                    "color": "0,0,0,0",
                    "outline_color": colour,
                    "outline_width": "1.6" if code == "imperatif" else "1.1",
                    "outline_width_unit": "MM",
                    "outline_style": "dash" if code == "a_suivre" else "solid",
                }
            )
        categories.append(QgsRendererCategory(code, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("niveau", categories))
    _label(layer, '"titre"', kind, 8)
    layer.triggerRepaint()
