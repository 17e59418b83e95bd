# SPDX-License-Identifier: GPL-2.0-or-later
"""Group layers drawn in the group's colour; stops numbered, readable in print.

Sizes are in millimetres (not map units) so that the numbers stay the same
size on screen and on paper, at 1:5,000 as at 1:10,000.
"""

from __future__ import annotations

import logging

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsRuleBasedLabeling,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from .. import compat
from ..domain import vocab
from ..domain.errors import AtelierError
from ..infra.i18n import error_text, tr
from . import photo_style
from .diagnostic_style import style_diagnostic
from .label_format import placement, text_format

LOG = logging.getLogger(__name__)


def _rgb(colour: str, alpha: int = 255) -> str:
    c = QColor(colour or vocab.DEFAULT_GROUP_COLOURS[0])
    return f"{c.red()},{c.green()},{c.blue()},{alpha}"


def _label(expression: str, fmt: QgsTextFormat, where: str = "OverPoint", dist_mm: float = 0.0):
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    settings.setFormat(fmt)
    settings.placement = placement(where)
    settings.dist = dist_mm
    settings.distUnits = compat.RENDER_MILLIMETERS
    settings.priority = 10
    return settings


def _simple(layer: QgsVectorLayer, symbol) -> None:
    from qgis.core import QgsSingleSymbolRenderer

    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def style_stops(layer: QgsVectorLayer, colour: str) -> None:
    """A white disc ringed in the group colour, its number inside, the name beside."""
    symbol = QgsMarkerSymbol.createSimple(
        {
            "name": "circle",
            "color": "255,255,255,255",
            "outline_color": _rgb(colour),
            "outline_width": "0.8",
            "size": "6.5",
            "size_unit": "MM",
            "outline_width_unit": "MM",
        }
    )
    _simple(layer, symbol)
    number = _label("coalesce(\"ordre\", '?')", text_format(colour, 10, halo="white"))
    number.displayAll = True  # a stop number must never be hidden by collisions
    name = _label('"nom"', text_format(colour, 8, bold=False), "AroundPoint", 4.0)
    root = QgsRuleBasedLabeling.Rule(None)
    for settings, description in ((number, "ordre"), (name, "nom")):
        rule = QgsRuleBasedLabeling.Rule(settings)
        rule.setDescription(description)
        root.appendChild(rule)
    layer.setLabeling(QgsRuleBasedLabeling(root))
    layer.setLabelsEnabled(True)


def style_route(layer: QgsVectorLayer, colour: str, offset_mm: float = 0.0) -> None:
    """A thick line with arrows showing the walking direction.

    ``offset_mm`` draws each group beside the others where routes share a street.
    """
    symbol = QgsLineSymbol.createSimple(
        {
            "line_color": _rgb(colour),
            "line_width": "1.2",
            "line_width_unit": "MM",
            "capstyle": "round",
            "offset": str(offset_mm),
            "offset_unit": "MM",
        }
    )
    from qgis.core import QgsMarkerLineSymbolLayer

    arrows = QgsMarkerLineSymbolLayer(True, 25.0)
    arrows.setIntervalUnit(compat.RENDER_MILLIMETERS)
    arrows.setOffset(offset_mm)
    arrows.setOffsetUnit(compat.RENDER_MILLIMETERS)
    arrow = QgsMarkerSymbol.createSimple(
        {
            "name": "arrowhead",
            "color": _rgb(colour),
            "outline_color": _rgb(colour),
            "size": "3",
            "outline_width": "0.6",
        }
    )
    arrows.setSubSymbol(arrow)
    symbol.appendSymbolLayer(arrows)
    _simple(layer, symbol)


def style_sequences(layer: QgsVectorLayer, colour: str) -> None:
    """A wide translucent band along the route, labelled with its name."""
    symbol = QgsLineSymbol.createSimple(
        {
            "line_color": _rgb(colour, 90),
            "line_width": "4",
            "line_width_unit": "MM",
            "capstyle": "flat",
        }
    )
    _simple(layer, symbol)
    settings = _label(
        "coalesce(\"ordre\" || '. ', '') || coalesce(\"nom\", '')",
        text_format(colour, 8, bold=False),
        "Curved",
    )
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def style_hypotheses(layer: QgsVectorLayer, colour: str) -> None:
    if layer.geometryType() == compat.GEOMETRY_POINT:
        symbol = QgsMarkerSymbol.createSimple(
            {"name": "star", "color": _rgb(colour), "outline_color": "255,255,255,255", "size": "5"}
        )
        where = "AroundPoint"
    elif layer.geometryType() == compat.GEOMETRY_LINE:
        symbol = QgsLineSymbol.createSimple(
            {"line_color": _rgb(colour), "line_width": "0.6", "line_style": "dot"}
        )
        where = "Line"
    else:
        symbol = QgsFillSymbol.createSimple(
            {
                "color": _rgb(colour, 40),
                "outline_color": _rgb(colour),
                "outline_width": "0.5",
                "outline_style": "dot",
            }
        )
        where = "Horizontal"
    _simple(layer, symbol)
    settings = _label('left("texte", 40)', text_format(colour, 7, bold=False), where, 2.0)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def style_sites(layer: QgsVectorLayer, colour: str) -> None:
    """Sites raised by the commune hatched, sites found by the group filled."""
    commune = QgsFillSymbol.createSimple(
        {
            "color": _rgb(colour, 0),
            "outline_color": _rgb(colour),
            "outline_width": "0.7",
            "outline_style": "dash",
        }
    )
    from qgis.core import QgsLinePatternFillSymbolLayer

    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(45)
    hatch.setDistance(2.0)
    hatch.setColor(QColor(colour))
    hatch.setLineWidth(0.3)
    commune.insertSymbolLayer(0, hatch)
    groupe = QgsFillSymbol.createSimple(
        {"color": _rgb(colour, 80), "outline_color": _rgb(colour), "outline_width": "0.7"}
    )
    categories = [
        QgsRendererCategory("commune", commune, vocab.SITE_ORIGINS["commune"]),
        QgsRendererCategory("groupe", groupe, vocab.SITE_ORIGINS["groupe"]),
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("origine", categories))
    settings = _label('"nom"', text_format(colour, 8), "Horizontal")
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def style_observations(layer: QgsVectorLayer, colour: str) -> None:
    """Photos: direction arrows, thumbnails in the form (styles.photo_style)."""
    photo_style.style_observations(layer, colour)


def _style_default(layer: QgsVectorLayer, colour: str) -> None:
    kind = layer.geometryType()
    if kind == compat.GEOMETRY_POINT:
        _simple(layer, QgsMarkerSymbol.createSimple({"color": _rgb(colour), "size": "3"}))
    elif kind == compat.GEOMETRY_LINE:
        _simple(
            layer, QgsLineSymbol.createSimple({"line_color": _rgb(colour), "line_width": "0.8"})
        )
    elif kind == compat.GEOMETRY_POLYGON:
        _simple(
            layer,
            QgsFillSymbol.createSimple({"color": _rgb(colour, 60), "outline_color": _rgb(colour)}),
        )


_STYLERS = {
    "arrets": style_stops,
    "parcours": style_route,
    "sequences": style_sequences,
    "hypotheses": style_hypotheses,
    "sites_projet": style_sites,
    "observations": style_observations,
}


def route_offset(order: int) -> float:
    """Side-by-side routes where they share a street: group 1 centred, 2 left, 3 right…"""
    steps = (0.0, -1.4, 1.4, -2.8, 2.8)
    return steps[(order - 1) % len(steps)] if order > 1 else 0.0


def style_layer(
    layer: QgsVectorLayer,
    table: str,
    colour: str,
    geometry: str | None = None,
    order: int = 0,
) -> None:
    """Style one group layer; diagnostic/enjeux get the diagnostic style (by level)."""
    if table in ("diagnostic", "enjeux"):
        try:
            style_diagnostic(layer, geometry)
            layer.triggerRepaint()
            return
        except (AtelierError, OSError, RuntimeError, ValueError, KeyError) as exc:
            # a failing style must not stop group creation: the plain style
            # below is applied instead, nothing of the group is lost
            LOG.warning(
                "%s",
                tr(
                    "The diagnostic style of {layer} could not be applied ({error}): "
                    "a plain style is used instead."
                ).format(layer=layer.name(), error=error_text(exc)),
                exc_info=True,
            )
    if table == "parcours":
        style_route(layer, colour, route_offset(order))
    else:
        _STYLERS.get(table, _style_default)(layer, colour)
    layer.triggerRepaint()
