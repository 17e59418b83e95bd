# SPDX-License-Identifier: GPL-2.0-or-later
"""Atlas of stops: one page per stop (QGIS atlas over the group's stops).

The stop's name, notes and photos are expressions read from the atlas
feature and its observations when a page is drawn: an edit after the layout
was built shows at the next export. Only the planned time, computed in
Python from the route, is an expression map keyed by the stop's feature id.
The layout stays a normal, editable QGIS atlas.
"""

from __future__ import annotations

from qgis.core import (
    QgsExpression,
    QgsLayoutItemMap,
    QgsLayoutObject,
    QgsProperty,
)

from ..domain import vocab
from ..domain.groups import GroupSpec
from ..infra.i18n import tr
from .base import Board, BoardContext, set_text
from .data import clock
from .group_boards import _note_on_map, _stops, group_extent

PHOTO_SLOTS = 4
ATLAS_SCALE = 2500


def _map_expr(values: dict[int, str], default: str = "") -> str:
    """``map_get(map('12', 'value', …), to_string(@atlas_featureid))``."""
    if not values:
        return QgsExpression.quotedString(default)
    pairs = ", ".join(f"'{fid}', {QgsExpression.quotedString(v)}" for fid, v in values.items())
    return (
        f"coalesce(map_get(map({pairs}), to_string(@atlas_featureid)), "
        f"{QgsExpression.quotedString(default)})"
    )


def _photo_slot(obs_l, slot: int, folder: str, missing: list[str]) -> tuple[str, str, str]:
    """Picture source, caption and "slot used" expressions of photo ``slot`` of a page.

    They read the observations of the atlas feature when the page is drawn, so
    a photo added, a caption or a stop edited after the layout was built shows
    at the next export without building it again. ``missing``: the photos
    whose file was not found when the layout was built (QGIS 3.22 has no
    expression to test a file).
    """
    q = QgsExpression.quotedString

    def nth(expression: str) -> str:
        return (
            f"array_get(aggregate(layer:={q(obs_l.id())}, aggregate:='array_agg', "
            f"expression:={expression}, "
            "filter:=\"arret_id\" = @atlas_featureid AND coalesce(\"photo\", '') <> '', "
            f'order_by:="photo"), {slot})'
        )

    photo = nth('"photo"')
    text = nth("coalesce(\"texte\", '')")
    gone = f"{photo} IN ({', '.join(q(m) for m in missing)})" if missing else "false"
    absolute = (  # a path stored absolute (/…, C:…) or relative to the dossier's folder
        f"CASE WHEN left({photo}, 1) = '/' OR substr({photo}, 2, 1) = ':' THEN {photo} "
        f"ELSE {q(folder.rstrip('/') + '/')} || {photo} END"
    )
    source = f"CASE WHEN {photo} IS NULL OR {gone} THEN '' ELSE {absolute} END"
    not_found = f"replace({q(tr('Photo not found: {path}'))}, '{{path}}', {photo})"
    empty = q(tr("No photo for this stop.")) if slot == 0 else "''"
    caption = (
        f"CASE WHEN {photo} IS NULL THEN {empty} WHEN {gone} THEN {not_found} "
        f"ELSE coalesce(nullif({text}, ''), file_name({photo})) END"
    )
    used = "true" if slot == 0 else f"{photo} IS NOT NULL"
    return source, caption, used


def _frozen_slot(stops, slot: int) -> tuple[str, str, str]:
    """The same as ``_photo_slot`` with the values of now, keyed by the stop's feature id.

    What a page shows while the observations layer is not in the open project
    (QGIS 3.22 looks an aggregate's layer up there only).
    """
    paths, captions = {}, {}
    for stop in stops:
        if slot < len(stop.photos):
            photo = stop.photos[slot]
            if photo.exists:
                paths[stop.fid] = str(photo.absolute)
                captions[stop.fid] = photo.text or photo.absolute.name
            else:
                captions[stop.fid] = tr("Photo not found: {path}").format(path=photo.path)
        elif slot == 0:
            captions[stop.fid] = tr("No photo for this stop.")
    used = dict.fromkeys({**paths, **captions}, "1")
    return _map_expr(paths), _map_expr(captions), _map_expr(used, "") + " <> ''"


def atlas(ctx: BoardContext, group: GroupSpec) -> Board:
    board = Board(ctx, "atlas", group)
    lay, g = ctx.layers, group.name
    stops_l = lay.group_layer("arrets", g)
    route_l = lay.group_layer("parcours", g)
    obs_l = lay.group_layer("observations", g)
    seq_l = lay.group_layer("sequences", g)
    context = lay.context_layers(field=True)
    own = [stops_l, obs_l, route_l, seq_l]
    board.add_map(
        own + context,
        group_extent(ctx, group, own),
        [stops_l, obs_l, route_l],
        scale=ATLAS_SCALE if stops_l is not None else None,
    )
    board.header()
    board.footer()
    board.page_labels[0].setText(  # one layout page per stop: count the stops
        "[% " + QgsExpression.quotedString(tr("Page")) + " || ' ' || @atlas_featurenumber || "
        "' / ' || @atlas_totalfeatures %]"
    )
    if stops_l is None:
        _note_on_map(board, tr("No stop placed for this group yet."))
        set_text(board.item("stop_title"), tr("No stop yet: the atlas has no page to show."))
        for name in ("stop_facts", "stop_notes"):
            set_text(board.item(name), "")
        board.remove(*(f"{n}{i}" for i in range(1, 5) for n in ("photo_frame", "photo", "caption")))
        return board
    stops, _ = _stops(ctx, group)
    themes = (
        "CASE "
        + " ".join(
            f'WHEN "theme" = {QgsExpression.quotedString(k)} THEN {QgsExpression.quotedString(v)}'
            for k, v in vocab.THEMES.items()
        )
        + " ELSE coalesce(\"theme\", '') END"
    )
    times = {s.fid: clock(ctx.options.start, s.arrival_min) for s in stops}
    title = (
        "[% " + QgsExpression.quotedString(tr("Stop")) + " || ' ' || "
        "coalesce(to_string(\"ordre\"), '?') || ' \u2014 ' || coalesce(\"nom\", '') %]"
    )
    board.item("stop_title").setText(title)
    facts = (
        "[% "
        + themes
        + " || '   \u00b7   ' || "
        + QgsExpression.quotedString(tr("planned at"))
        + " || ' ' || "
        + _map_expr(times)
        + " || '   \u00b7   ' || coalesce(to_string(\"duree_min\"), '0') || ' min' %]"
    )
    board.item("stop_facts").setText(facts)
    board.item("stop_notes").setText("[% coalesce(\"notes\", '') %]")
    missing = sorted({p.path for stop in stops for p in stop.photos if not p.exists})
    for slot in range(PHOTO_SLOTS):
        source, caption, used = _frozen_slot(stops, slot)
        if obs_l is not None:
            # the observations read at each export once the layer is in the open
            # project (the engine adds it after this export; a scratch project
            # never has it): until then try() falls back to the values of now
            live = _photo_slot(obs_l, slot, str(ctx.dossier.folder or ""), missing)
            source, caption, used = (
                f"try({now_}, {then})" for now_, then in zip(live, (source, caption, used))
            )
        frame = board.item(f"photo_frame{slot + 1}")
        frame.dataDefinedProperties().setProperty(  # no empty grey box for an unused slot
            QgsLayoutObject.DataDefinedProperty.ExcludeFromExports,
            QgsProperty.fromExpression(f"NOT ({used})"),
        )
        pic = board.item(f"photo{slot + 1}")
        pic.dataDefinedProperties().setProperty(
            QgsLayoutObject.DataDefinedProperty.PictureSource,
            QgsProperty.fromExpression(source),
        )
        board.item(f"caption{slot + 1}").setText("[% " + caption + " %]")
    layout_atlas = board.layout.atlas()
    layout_atlas.setCoverageLayer(stops_l)
    layout_atlas.setEnabled(True)
    layout_atlas.setHideCoverage(False)
    layout_atlas.setSortFeatures(True)
    layout_atlas.setSortExpression('"ordre"')
    layout_atlas.setSortAscending(True)
    layout_atlas.setPageNameExpression("coalesce(to_string(\"ordre\"), '') || ' ' || \"nom\"")
    board.map.setAtlasDriven(True)
    board.map.setAtlasScalingMode(QgsLayoutItemMap.AtlasScalingMode.Fixed)
    board.map.setScale(ATLAS_SCALE / ctx.k)
    board.atlas_count = len(stops)
    return board
