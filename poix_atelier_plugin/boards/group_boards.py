# SPDX-License-Identifier: GPL-2.0-or-later
"""Boards of one group: field map, diagnostic, restitution, support proposal."""

from __future__ import annotations

from qgis.core import QgsRectangle
from qgis.PyQt.QtCore import Qt

from ..domain import vocab
from ..domain.groups import GroupSpec
from ..infra.i18n import tr
from .base import Board, BoardContext, extent_of, notes_box
from .data import attach_photos, clock, diagnostic_rows, read_photos, read_proposal, read_stops
from .items import MUTED


def group_extent(ctx: BoardContext, group: GroupSpec, layers) -> QgsRectangle:
    ext = extent_of(layers)
    if ext is None:
        commune = [
            lyr
            for lyr in ctx.layers.context_layers()
            if lyr.customProperty("atelier/context_kind") == "commune"
        ]
        ext = extent_of(commune) or extent_of(ctx.layers.context_layers())
    return ext or QgsRectangle(700000, 7000000, 701000, 7001000)


def _stops(ctx: BoardContext, group: GroupSpec):
    key = ("stops", group.name)
    if key not in ctx.cache:
        lay = ctx.layers
        stops = read_stops(
            lay.group_layer("arrets", group.name), lay.group_layer("parcours", group.name)
        )
        photos = read_photos(lay.group_layer("observations", group.name), ctx.dossier)
        attach_photos(stops, photos)
        ctx.cache[key] = (stops, photos)
    return ctx.cache[key]


def terrain(ctx: BoardContext, group: GroupSpec) -> Board:
    board = Board(ctx, "terrain", group)
    lay, g = ctx.layers, group.name
    stops_l, route_l, seq_l = (lay.group_layer(t, g) for t in ("arrets", "parcours", "sequences"))
    context = lay.context_layers(field=True)
    own = [stops_l, route_l, seq_l]
    board.add_map(own + context, group_extent(ctx, group, own), own + context[:1])
    board.header(board.zones)
    stops, _ = _stops(ctx, group)
    rows = [
        [
            s.number,
            s.nom,
            s.theme_label,
            clock(ctx.options.start, s.arrival_min),
            f"{s.duree_min:g}" if s.duree_min else "",
        ]
        for s in stops
    ]
    headings = [
        (tr("No."), 8),
        (tr("Stop"), 46),
        (tr("Theme"), 22),
        (tr("Time"), 13),
        (tr("Min"), 10),
    ]
    if route_l is None:
        _note_on_map(board, tr("No route drawn for this group yet."))
    table = board.kit.table(
        headings,
        rows,
        board.zones["table"],
        size=8.5,
        continuation=board.continuation,
        item_id="stop_table",
    )
    board.fill_notes(table)
    notes_box(board.kit, board.zones["notes"])
    board.footer(board.zones)
    return board


def _note_on_map(board: Board, text: str) -> None:
    m = board.zones["map"]
    board.kit.box((m[0] + 4, m[1] + 4, 110, 10), fill="#fff3cd", stroke="#e0a800", width=0.3)
    board.kit.label(text, (m[0] + 7, m[1] + 6.5, 104, 6), 10, bold=True, color=MUTED)


def diagnostic(ctx: BoardContext, group: GroupSpec) -> Board:
    board = Board(ctx, "diagnostic", group)
    lay, g = ctx.layers, group.name
    diag = lay.geometry_layers("diagnostic", g)
    hyp = lay.geometry_layers("hypotheses", g)
    sites = lay.group_layer("sites_projet", g)
    context = lay.context_layers()
    own = diag + hyp + [sites]
    board.add_map(own + context, group_extent(ctx, group, own), own + context[:1], legend_columns=1)
    board.header(board.zones)
    rows = diagnostic_rows(diag)
    if not diag:
        _note_on_map(board, tr("No diagnostic drawn for this group yet."))
    headings = [(tr("Category"), 20), (tr("Theme"), 21), (tr("Observation"), 64)]
    board.kit.table(
        headings,
        rows,
        board.zones["table"],
        size=8,
        continuation=board.continuation,
        item_id="diagnostic_table",
    )
    board.footer(board.zones)
    return board


def _proposal(ctx: BoardContext, group: GroupSpec):
    key = ("proposal", group.name)
    if key not in ctx.cache:
        shared = ctx.cache.setdefault("proposal_rows", {})
        ctx.cache[key] = read_proposal(ctx.dossier.path, group.name, shared)
    return ctx.cache[key]


def enjeux_rows(ctx: BoardContext, group: GroupSpec, comments: bool) -> list[list[str]]:
    rows = []
    for enjeu in _proposal(ctx, group).enjeux:
        issue = enjeu.titre
        details = [
            d
            for d in (enjeu.theme_label, enjeu.site and tr("site: {site}").format(site=enjeu.site))
            if d
        ]
        if details:
            issue += "\n" + " \u00b7 ".join(details)
        if comments:
            tools = "\n".join(
                f"\u2022 {t.nom}" + (f" \u2014 {t.commentaire}" if t.commentaire else "")
                for t in enjeu.outils
            )
        else:
            tools = ", ".join(t.nom for t in enjeu.outils)
        rows.append([enjeu.niveau_label, issue, tools or "\u2014"])
    return rows


def restitution(ctx: BoardContext, group: GroupSpec) -> Board:
    board = Board(ctx, "restitution", group)
    lay, g = ctx.layers, group.name
    stops_l, route_l = lay.group_layer("arrets", g), lay.group_layer("parcours", g)
    enjeux = lay.geometry_layers("enjeux", g)
    sites = lay.group_layer("sites_projet", g)
    context = lay.context_layers()
    own = [stops_l, route_l] + enjeux + [sites]
    board.add_map(own + context, group_extent(ctx, group, own), own + context[:1])
    board.header(board.zones)
    headings = [(tr("Level"), 17), (tr("Issue"), 44), (tr("Tools"), 44)]
    board.kit.table(
        headings,
        enjeux_rows(ctx, group, comments=False),
        board.zones["table"],
        size=8,
        continuation=board.continuation,
        item_id="enjeux_table",
    )
    photo_strip(board, ctx, group)
    board.footer(board.zones)
    return board


def photo_strip(board: Board, ctx: BoardContext, group: GroupSpec, count: int = 4) -> None:
    """Up to ``count`` photos, one per stop, captioned with the stop number."""
    stops, _ = _stops(ctx, group)
    chosen = []
    for stop in stops:
        if stop.photos:
            best = next((p for p in stop.photos if p.exists), stop.photos[0])
            chosen.append((stop, best))
    chosen = chosen[:count]
    x, y, w, h = board.zones["photos"]
    kit = board.kit
    if not chosen:
        kit.box((x, y, w, h), None, "#c8c8c8", 0.3)
        kit.label(
            tr("No photo attached to the stops yet."),
            (x, y + h / 2 - 3, w, 6),
            10,
            color=MUTED,
            align=Qt.AlignmentFlag.AlignHCenter,
        )
        return
    gap = 4.0
    cw = (w - gap * (count - 1)) / count
    for i, (stop, photo) in enumerate(chosen):
        cx = x + i * (cw + gap)
        caption = tr("Stop {n} — {name}").format(n=stop.number, name=stop.nom)
        if photo.exists:
            kit.picture(str(photo.absolute), (cx, y, cw, h - 7), item_id=f"photo{i + 1}")
        else:
            kit.box((cx, y, cw, h - 7), fill="#f4f4f4", stroke="#c8c8c8")
            kit.label(
                tr("Photo not found: {path}").format(path=photo.path),
                (cx + 2, y + (h - 7) / 2 - 4, cw - 4, 10),
                8,
                color=MUTED,
                align=Qt.AlignmentFlag.AlignHCenter,
            )
        kit.label(caption, (cx, y + h - 6, cw, 6), 8.5, bold=True)


def proposition(ctx: BoardContext, group: GroupSpec) -> Board:
    board = Board(ctx, "proposition", group)
    lay, g = ctx.layers, group.name
    enjeux = lay.geometry_layers("enjeux", g)
    sites = lay.group_layer("sites_projet", g)
    context = lay.context_layers()
    own = enjeux + [sites]
    board.add_map(own + context, group_extent(ctx, group, own), own + context[:1])
    board.header(board.zones)
    rows = enjeux_rows(ctx, group, comments=True)
    t = board.zones["table"]
    level_w = 24
    rest = t[2] - level_w - 9  # cell margins
    headings = [
        (tr("Level"), level_w),
        (tr("Issue"), rest * 0.42),
        (tr("Tools and why"), rest * 0.58),
    ]
    board.kit.table(
        headings, rows, t, size=9, continuation=board.continuation, item_id="proposal_table"
    )
    board.footer(board.zones)
    return board


LEVELS = vocab.ENJEU_LEVELS
