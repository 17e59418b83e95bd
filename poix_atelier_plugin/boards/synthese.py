# SPDX-License-Identifier: GPL-2.0-or-later
"""The cross-group synthesis board: every group's sites, and where they converge."""

from __future__ import annotations

from qgis.core import (
    QgsFillSymbol,
    QgsPalLayerSettings,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsVectorLayerSimpleLabeling,
)

from .. import compat
from ..infra.i18n import tr
from ..services.synthesis import compute, pieces_layer
from ..store.tables import open_table
from ..styles.label_format import text_format
from .base import Board, BoardContext, extent_of
from .group_boards import _note_on_map, group_extent

CONVERGENCE = "#b2182b"


def _site_style(layer, colour: str) -> None:
    c = colour.lstrip("#")
    layer.setRenderer(
        QgsSingleSymbolRenderer(
            QgsFillSymbol.createSimple(
                {"color": f"#40{c}", "outline_color": colour, "outline_width": "0.8"}
            )
        )
    )
    layer.setLabelsEnabled(False)


def _convergence_style(layer) -> None:
    root = QgsRuleBasedRenderer.Rule(None)
    for expr, label, width, alpha in (
        ('"n_groupes" >= 3', tr("Three groups or more"), 1.4, 150),
        ('"n_groupes" = 2', tr("Two groups"), 0.9, 90),
    ):
        symbol = QgsFillSymbol.createSimple(
            {
                "color": f"178,24,43,{alpha}",
                "outline_color": CONVERGENCE,
                "outline_width": str(width),
            }
        )
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, expr, label))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    settings = QgsPalLayerSettings()
    settings.fieldName = (
        'CASE WHEN "n_groupes" >= 2 THEN "n_groupes" || \' \' || '
        + "'"
        + tr("groups").replace("'", "''")
        + "' END"
    )
    settings.isExpression = True
    settings.setFormat(text_format(CONVERGENCE, 10))
    settings.placement = compat.LABEL_PLACEMENT_HORIZONTAL
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def synthese(ctx: BoardContext, group=None) -> Board:
    board = Board(ctx, "synthese", None)
    lay = ctx.layers
    pieces = compute(ctx.dossier.path)
    shared = [p for p in pieces if p.n_groups >= 2]
    conv = pieces_layer(shared, tr("Where groups converge"))
    conv.setCustomProperty("atelier/board", True)
    _convergence_style(conv)
    old = [
        lyr.id()
        for lyr in ctx.project.mapLayers().values()
        if lyr.customProperty("atelier/synthesis") and lyr.customProperty("atelier/board")
    ]
    if ctx.options.add_to_project and old:
        # the previous export's convergence goes once this export succeeded (a cancel
        # leaves the project as it was), unless a layout kept in the project shows it
        ctx.cache.setdefault("stale_layers", set()).update(old)
    lay._add(conv, None)
    ctx.cache["synthese_layer"] = conv
    site_layers = []
    for spec in ctx.dossier.groups:
        layer = lay.group_layer("sites_projet", spec.name, variant="synthese")
        if layer is not None:
            _site_style(layer, spec.colour)
            layer.setName(spec.name)
            site_layers.append(layer)
    context = lay.context_layers()
    own = [conv] + site_layers
    ext = extent_of(site_layers)
    board.add_map(
        own + context, ext or group_extent(ctx, ctx.dossier.groups[0], []), own + context[:1]
    )
    board.header()
    names = _site_names(ctx)
    rows = [
        [str(p.n_groups), p.label, _names_in(names, p.geometry), f"{p.geometry.area / 10000:.2f}"]
        for p in shared
    ]
    headings = [tr("Groups"), tr("Which groups"), tr("Sites"), tr("ha")]
    board.kit.fill_table(board.item("convergence_table"), headings, rows, board.continuation)
    if not site_layers:
        _note_on_map(board, tr("No candidate site drawn by any group yet."))
    board.footer()
    return board


def _site_names(ctx: BoardContext) -> list[tuple[str, object]]:
    """(site name, shapely geometry) of every group's candidate sites."""
    from shapely import wkb

    out = []
    for feat in open_table(ctx.dossier.path, "sites_projet").getFeatures():
        if feat.hasGeometry() and feat["nom"]:
            out.append((str(feat["nom"]), wkb.loads(bytes(feat.geometry().asWkb()))))
    return out


def _names_in(names, piece) -> str:
    inner = piece.buffer(-0.5) if piece.area > 4 else piece
    found = sorted({name for name, geom in names if geom.is_valid and geom.intersects(inner)})
    return ", ".join(found)
