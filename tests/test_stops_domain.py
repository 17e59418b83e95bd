# SPDX-License-Identifier: GPL-2.0-or-later
"""Ordering stops along a route, far stops, loops, merging, walking time (no QGIS)."""

from __future__ import annotations

import random

import pytest

from poix_atelier_plugin.domain import stops
from poix_atelier_plugin.domain.errors import AtelierError

X0, Y0 = 744200.0, 7010100.0


def L(*pts):
    return [(X0 + x, Y0 + y) for x, y in pts]


def test_shuffled_stops_get_order_along_route():
    route = L((0, 0), (1000, 0), (1000, 1000))
    along = [50, 300, 700, 990, 1200, 1500, 1900]
    pts = [(X0 + d, Y0 + 5) if d <= 1000 else (X0 + 1005, Y0 + d - 1000) for d in along]
    order = list(range(len(pts)))
    random.Random(3).shuffle(order)
    shuffled = [pts[i] for i in order]
    placement = stops.place_stops(route, shuffled)
    for p, i in zip(placement.places, order):
        assert p.order == i + 1
        assert p.distance_m == pytest.approx(along[i], abs=5.01)
        assert p.offset_m == pytest.approx(5, abs=0.01)
    assert placement.warnings == []


def test_far_stop_is_kept_and_reported():
    route = L((0, 0), (1000, 0))
    placement = stops.place_stops(route, L((100, 0), (500, 500), (900, 0)))
    far = placement.places[1]
    assert far.far and far.order == 2 and far.offset_m == pytest.approx(500)
    assert len(placement.warnings) == 1
    err = placement.warnings[0]
    assert err.params == {"order": 2, "distance": 500}
    assert "500 m" in str(err)


def test_two_stops_at_same_place():
    route = L((0, 0), (1000, 0))
    placement = stops.place_stops(route, L((300, 10), (600, 0), (300.2, 10)))
    assert [p.order for p in placement.places] == [1, 3, 2]
    assert placement.places[2].same_place_as == 0
    assert any(w.params == {"first": 1, "second": 2} for w in placement.warnings)


def test_loop_route_passing_twice_near_a_stop():
    # out along y=0, back along y=20: the stop at y=9 is 9 m from the way out and
    # 11 m from the way back -> nearest (way out); the stop at y=10 is a tie -> earliest.
    route = L((0, 0), (1000, 0), (1000, 20), (0, 20))
    placement = stops.place_stops(route, L((500, 11), (500, 9), (500, 10), (200, 19)))
    d = [round(p.distance_m) for p in placement.places]
    assert d[1] == 500 and d[2] == 500  # way out
    assert d[0] == 1000 + 20 + 500  # way back, nearer
    assert d[3] == 1000 + 20 + 800
    assert [p.order for p in placement.places] == [3, 1, 2, 4]


def test_self_crossing_route_follows_the_path():
    # a figure-of-eight: crosses itself at (500, 0)
    route = L((0, 0), (1000, 0), (1000, 500), (500, 500), (500, -500), (0, -500))
    placement = stops.place_stops(route, L((0, -490), (990, 250), (505, 250), (100, 3)))
    assert [p.order for p in placement.places] == [4, 2, 3, 1]


def test_closed_loop_stop_at_start_is_first():
    route = L((0, 0), (100, 0), (100, 100), (0, 100), (0, 0))
    placement = stops.place_stops(route, L((50, 101), (1, 1)))
    assert [p.order for p in placement.places] == [2, 1]
    assert placement.places[1].distance_m == pytest.approx(1, abs=0.01)


def test_merge_connected_pieces_in_any_direction():
    a = L((0, 0), (100, 0))
    b = L((200, 0), (100, 0))  # reversed, attached at the end
    c = L((0, -50), (0, 0))  # attached before the start
    merged, warnings = stops.merge_lines([a, b, c])
    assert merged[0] == L((0, -50))[0] and merged[-1] == L((200, 0))[0]
    assert stops.line_length(merged) == pytest.approx(250)
    assert warnings[0].params["count"] == 3


def test_merge_disconnected_pieces_uses_longest():
    merged, warnings = stops.merge_lines([L((0, 0), (100, 0)), L((500, 500), (500, 900))])
    assert stops.line_length(merged) == pytest.approx(400)
    assert warnings[0].params == {"count": 2, "length": 400}


def test_no_route():
    with pytest.raises(AtelierError) as exc:
        stops.merge_lines([])
    assert "No route" in exc.value.message
    with pytest.raises(AtelierError):
        stops.place_stops([(0, 0)], [(1, 1)])


def test_timing_against_slot():
    t = stops.timing(4000, [10, 15, None, 5], speed_kmh=4, slot_min=120)
    assert t.walk_min == pytest.approx(60)
    assert t.stop_min == 30 and t.total_min == pytest.approx(90) and t.fits_slot
    assert t.margin_min == pytest.approx(30)
    t = stops.timing(6000, [20, 20], slot_min=100)
    assert t.total_min == pytest.approx(130) and not t.fits_slot
    assert stops.speed_for("velo", None) == 12 and stops.speed_for(None, 5) == 5
    with pytest.raises(AtelierError):
        stops.timing(100, [], slot_min=0)


def test_many_stops_match_brute_force():
    rng = random.Random(5)
    route = [(X0 + rng.uniform(0, 2000), Y0 + rng.uniform(0, 2000)) for _ in range(60)]
    pts = [(X0 + rng.uniform(0, 2000), Y0 + rng.uniform(0, 2000)) for _ in range(700)]
    along, offset = stops.locate(route, pts, tie_m=0)
    for k in range(0, 700, 37):
        px, py = pts[k]
        best = None
        run = 0.0
        for (ax, ay), (bx, by) in zip(route, route[1:]):
            seg = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
            t = max(0, min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / seg**2))
            d = ((ax + t * (bx - ax) - px) ** 2 + (ay + t * (by - ay) - py) ** 2) ** 0.5
            if best is None or d < best[0] - 1e-6:
                best = (d, run + t * seg)
            run += seg
        assert offset[k] == pytest.approx(best[0], abs=0.01)
        assert along[k] == pytest.approx(best[1], abs=0.05)


def test_pruned_search_matches_full_search_on_a_long_winding_route():
    import numpy as np

    rng = random.Random(11)
    x, y, heading, route = X0, Y0, 0.0, [(X0, Y0)]
    for _ in range(3000):  # 30 km that keeps crossing itself
        heading += rng.uniform(-0.6, 0.6)
        x += 10 * np.cos(heading)
        y += 10 * np.sin(heading)
        route.append((x, y))
    pts = [
        (rng.uniform(X0 - 3000, X0 + 3000), rng.uniform(Y0 - 3000, Y0 + 3000)) for _ in range(2000)
    ]
    along, offset = stops.locate(route, pts)
    old = stops._CHUNK
    try:
        stops._CHUNK = 10**9  # one chunk: every segment is measured for every stop
        full_along, full_offset = stops.locate(route, pts)
    finally:
        stops._CHUNK = old
    assert np.abs(offset - full_offset).max() < 0.01
    assert np.abs(along - full_along).max() < 0.01
