# SPDX-License-Identifier: GPL-2.0-or-later
"""Boards of one group: field map, diagnostic, restitution, support proposal."""

from __future__ import annotations

from qgis.core import QgsRectangle
from qgis.PyQt.QtCore import Qt

from ..domain import vocab
from ..domain.groups import GroupSpec
from ..infra.i18n import tr
from .base import Board, BoardContext, extent_of, rule_notes, set_text
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
    board.header()
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
    headings = [tr("No."), tr("Stop"), tr("Theme"), tr("Time"), tr("Min")]
    if route_l is None:
        _note_on_map(board, tr("No route drawn for this group yet."))
    table = board.kit.fill_table(board.item("stop_table"), headings, rows, board.continuation)
    board.fill_notes(table)
    set_text(board.item("notes_title"), tr("Notes"))
    rule_notes(board.kit, board.item("notes"))
    board.footer()
    return board


def _note_on_map(board: Board, text: str) -> None:
    m = board.zone("map")
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
    board.add_map(own + context, group_extent(ctx, group, own), own + context[:1])
    board.header()
    rows = diagnostic_rows(diag)
    if not diag:
        _note_on_map(board, tr("No diagnostic drawn for this group yet."))
    headings = [tr("Category"), tr("Theme"), tr("Observation")]
    board.kit.fill_table(board.item("diagnostic_table"), headings, rows, board.continuation)
    board.footer()
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
    board.header()
    headings = [tr("Level"), tr("Issue"), tr("Tools")]
    rows = enjeux_rows(ctx, group, comments=False)
    board.kit.fill_table(board.item("enjeux_table"), headings, rows, board.continuation)
    photo_strip(board, ctx, group)
    board.footer()
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
    x, y, w, h = board.zone("photos")
    kit = board.kit
    if not chosen:  # the template's frame of the strip stays, with why it is empty
        kit.label(
            tr("No photo attached to the stops yet."),
            (x, y + h / 2 - 3, w, 6),
            10,
            color=MUTED,
            align=Qt.AlignmentFlag.AlignHCenter,
        )
        return
    board.remove("photos")
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
    board.header()
    rows = enjeux_rows(ctx, group, comments=True)
    headings = [tr("Level"), tr("Issue"), tr("Tools and why")]
    board.kit.fill_table(board.item("proposal_table"), headings, rows, board.continuation)
    board.footer()
    return board


LEVELS = vocab.ENJEU_LEVELS
