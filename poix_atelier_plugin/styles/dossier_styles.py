# SPDX-License-Identifier: GPL-2.0-or-later
"""Themes and styles of the dossier layers.

A source goes to a theme by keywords of its name (or the custom property
``atelier/theme`` set on the source layer) and gets a style by its kind
(buildings, roads, zoning…) so that a dossier looks right at first opening.
"""

from __future__ import annotations

import re
import unicodedata

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)

from .. import compat
from ..infra.i18n import tr
from .label_format import text_format

PROP_THEME = "atelier/theme"
PROP_KIND = "atelier/kind"

#: Theme keys in layer-tree order (top drawn last, i.e. on top).
THEME_KEYS: tuple[str, ...] = (
    "contexte",
    "urbanisme",
    "foncier",
    "patrimoine",
    "environnement",
    "risques",
    "mobilite",
    "fonds_de_plan",
)


def theme_label(key: str) -> str:
    """Translated name of a theme group (tr() at call time, never at import)."""
    labels = {
        "contexte": tr("Context"),
        "urbanisme": tr("Urban planning"),
        "foncier": tr("Land"),
        "patrimoine": tr("Heritage"),
        "environnement": tr("Environment"),
        "risques": tr("Risks"),
        "mobilite": tr("Mobility"),
        "fonds_de_plan": tr("Base map"),
        "en_ligne": tr("Online basemaps"),
    }
    return labels.get(key, key)


#: (kind, theme, keywords) checked in order on the normalised layer name.
KIND_RULES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("zone_inondable", "risques", ("inond", "ppri", "crue", "alea", "risque", "submersion")),
    ("cours_eau", "environnement", ("cours d eau", "cours eau", "ruisseau", "riviere", "hydro")),
    ("friche", "urbanisme", ("friche", "brownfield")),
    ("zonage", "urbanisme", ("zonage", "plu", "zone urba", "zone_urba", "plui", "zoning")),
    ("parcelle", "foncier", ("parcel", "cadastr", "foncier")),
    ("patrimoine", "patrimoine", ("patrimoine", "monument", "heritage", "eglise", "chapelle")),
    ("equipement", "urbanisme", ("equipement", "service", "facilit")),
    ("route", "mobilite", ("route", "troncon", "voie", "rue", "road", "voirie")),
    ("chemin", "mobilite", ("chemin", "sentier", "path", "randonnee")),
    ("batiment", "fonds_de_plan", ("batiment", "bati", "building")),
    ("nature", "environnement", ("bois", "foret", "haie", "znieff", "natura", "vegetation")),
)


def normalise(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return " " + re.sub(r"[^a-z0-9]+", " ", text).strip() + " "


def classify(name: str, override: str | None = None) -> tuple[str, str]:
    """(kind, theme key) of a source layer from its name; ``override`` forces the theme."""
    text = normalise(name)
    kind, theme = "autre", "contexte"
    for rule_kind, rule_theme, words in KIND_RULES:
        if any(" " + normalise(w).strip() in text for w in words):  # word starts
            kind, theme = rule_kind, rule_theme
            break
    if override and override in THEME_KEYS:
        theme = override
    return kind, theme


# --- symbols ---------------------------------------------------------------

ZONING_COLOURS = {
    "U": "#e4514f",
    "AU": "#f2a33a",
    "A": "#f5e66b",
    "N": "#5fae4f",
}


def _rgba(colour: str) -> str:
    """'#rrggbb' or '#rrggbbaa' (CSS order, unlike QColor's #aarrggbb) → 'r,g,b,a'."""
    text = colour.lstrip("#")
    alpha = int(text[6:8], 16) if len(text) == 8 else 255
    return f"{int(text[0:2], 16)},{int(text[2:4], 16)},{int(text[4:6], 16)},{alpha}"


def _fill(colour: str, outline: str, width: float = 0.26, style: str = "solid") -> QgsFillSymbol:
    return QgsFillSymbol.createSimple(
        {
            "color": _rgba(colour),
            "outline_color": _rgba(outline),
            "outline_width": str(width),
            "style": style,
        }
    )


def _line(colour: str, width: float, style: str = "solid") -> QgsLineSymbol:
    return QgsLineSymbol.createSimple(
        {"color": colour, "width": str(width), "line_style": style, "capstyle": "round"}
    )


def _marker(colour: str, name: str = "circle", size: float = 3.0) -> QgsMarkerSymbol:
    return QgsMarkerSymbol.createSimple(
        {"color": colour, "name": name, "size": str(size), "outline_color": "#333333"}
    )


def _label(layer: QgsVectorLayer, field: str, size: float = 9.0, colour: str = "#222222") -> None:
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.enabled = True
    settings.setFormat(text_format(colour, size, bold=False, halo_mm=0.8, family="DejaVu Sans"))
    if layer.geometryType() == compat.GEOMETRY_LINE:
        settings.placement = compat.LABEL_PLACEMENT_LINE
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _name_field(layer: QgsVectorLayer) -> str | None:
    names = {f.name().lower(): f.name() for f in layer.fields()}
    for candidate in ("nom", "name", "libelle", "toponyme", "nom_voie", "nom_1_gauche"):
        if candidate in names:
            return names[candidate]
    return None


def _zoning_field(layer: QgsVectorLayer) -> str | None:
    names = {f.name().lower(): f.name() for f in layer.fields()}
    for candidate in ("typezone", "type_zone", "zone", "libelle"):
        if candidate in names:
            return names[candidate]
    return None


def _zoning_renderer(layer: QgsVectorLayer, field: str) -> QgsCategorizedSymbolRenderer:
    categories = []
    for value, colour in ZONING_COLOURS.items():
        categories.append(QgsRendererCategory(value, _fill(colour + "55", colour, 0.4), value))
    for value in sorted({str(v) for v in layer.uniqueValues(layer.fields().indexOf(field))}):
        if value not in ZONING_COLOURS and value not in ("NULL", ""):
            categories.append(QgsRendererCategory(value, _fill("#bbbbbb99", "#777777"), value))
    return QgsCategorizedSymbolRenderer(field, categories)


def style_context(layer: QgsVectorLayer, table: str) -> None:
    """Styles of commune, communes_voisines and perimetre_etude."""
    if table == "commune":
        layer.setRenderer(QgsSingleSymbolRenderer(_fill("#00000000", "#c0392b", 0.9)))
        field = _name_field(layer)
        if field:
            _label(layer, field, 12, "#c0392b")
    elif table == "communes_voisines":
        layer.setRenderer(QgsSingleSymbolRenderer(_fill("#00000000", "#7f7f7f", 0.4, "solid")))
        field = _name_field(layer)
        if field:
            _label(layer, field, 9, "#555555")
    else:
        symbol = QgsFillSymbol.createSimple(
            {
                "color": "0,0,0,0",
                "outline_color": "44,62,80,255",
                "outline_width": "0.5",
                "outline_style": "dash",
            }
        )
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def style_source(layer: QgsVectorLayer, kind: str) -> None:
    """A readable default style by kind and geometry."""
    geometry = layer.geometryType()
    renderer = None
    if kind == "zonage" and geometry == compat.GEOMETRY_POLYGON and _zoning_field(layer):
        renderer = _zoning_renderer(layer, _zoning_field(layer))
    elif geometry == compat.GEOMETRY_POLYGON:
        symbols = {
            "zone_inondable": _fill("#4a90d966", "#2f6fb3", 0.3, "solid"),
            "cours_eau": _fill("#6fa8dc", "#3d85c6", 0.2),
            "friche": _fill("#a0522d88", "#7b3f00", 0.6, "b_diagonal"),
            "parcelle": _fill("#00000000", "#b08968", 0.15),
            "batiment": _fill("#b8a99a", "#7d6e62", 0.1),
            "patrimoine": _fill("#8e44ad66", "#6c3483", 0.4),
            "equipement": _fill("#e67e2266", "#ba4a00", 0.3),
            "nature": _fill("#7dbb6a66", "#4f8f3a", 0.2),
        }
        renderer = QgsSingleSymbolRenderer(symbols.get(kind, _fill("#cccccc88", "#666666")))
    elif geometry == compat.GEOMETRY_LINE:
        symbols = {
            "cours_eau": _line("#3d85c6", 0.8),
            "route": _line("#6b6b6b", 0.9),
            "chemin": _line("#8b5a2b", 0.5, "dash"),
            "zone_inondable": _line("#2f6fb3", 0.4),
        }
        renderer = QgsSingleSymbolRenderer(symbols.get(kind, _line("#555555", 0.4)))
    elif geometry == compat.GEOMETRY_POINT:
        symbols = {
            "patrimoine": _marker("#8e44ad", "star", 4.2),
            "equipement": _marker("#e67e22", "square", 3.2),
            "cours_eau": _marker("#3d85c6", "circle", 2.5),
        }
        renderer = QgsSingleSymbolRenderer(symbols.get(kind, _marker("#444444")))
    if renderer is not None:
        layer.setRenderer(renderer)
    field = _name_field(layer)
    if field and kind in ("patrimoine", "equipement", "route", "cours_eau", "friche"):
        _label(layer, field, 8.5 if kind != "friche" else 9.5)
    if kind == "zonage" and _zoning_field(layer):
        _label(layer, _zoning_field(layer), 9, "#333333")
    layer.setCustomProperty(PROP_KIND, kind)
