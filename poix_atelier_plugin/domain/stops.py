# SPDX-License-Identifier: GPL-2.0-or-later
"""Stops along a route: order by linear referencing, far stops, walking time.

Plain Python + numpy (shapely's own dependency), so the same code runs with
shapely 1.8 (Debian 12) and 2.x (Debian 13). Coordinates are projected metres
(Lambert-93). The projection is vectorised: every stop against every segment,
in chunks, so 10,000 stops along a 50 km route take well under a second.

Loop routes are normal: a route may pass twice near the same stop. A stop
goes to the *nearest* point of the route; when two passages are equally near
(within ``TIE_M``), the earliest one along the path wins.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from . import vocab
from .errors import QT_TR_NOOP, AtelierError

#: Two passages closer to a stop than this difference are a tie (metres).
TIE_M = 0.5
#: A stop farther than this from the route is reported (metres).
FAR_M = 150.0
#: Two stops closer than this are "at the same place" (metres).
SAME_PLACE_M = 1.0
#: Two route lines whose ends are closer than this are connected (metres).
CONNECT_M = 1.0
_CHUNK = 128  # stops per spatial chunk (measured: 128 is ~10x faster than 512)

Point = tuple[float, float]
Line = Sequence[Point]


@dataclass
class StopPlace:
    """Where one stop falls on the route (``index`` is its input position)."""

    index: int
    distance_m: float  # along the route, from its start
    offset_m: float  # from the route
    order: int = 0
    far: bool = False
    same_place_as: int | None = None  # input index of an earlier stop at the same place


@dataclass
class Placement:
    places: list[StopPlace]  # in input order
    warnings: list[AtelierError] = field(default_factory=list)

    def ordered(self) -> list[StopPlace]:
        return sorted(self.places, key=lambda p: p.order)


def _as_array(line: Line) -> np.ndarray:
    arr = np.asarray(line, dtype=float).reshape(-1, 2)
    if len(arr) < 2:
        raise AtelierError(QT_TR_NOOP("The route needs at least two points."))
    return arr


def line_length(line: Line) -> float:
    arr = _as_array(line)
    return float(np.hypot(*np.diff(arr, axis=0).T).sum())


def merge_lines(lines: Sequence[Line], tolerance: float = CONNECT_M) -> tuple[list[Point], list]:
    """One route from several lines: chained when they connect, else the longest.

    The first line keeps its direction (it is the route's start); the others
    are attached at either end, reversed when needed. Returns the merged
    coordinates and warnings (AtelierError instances, not raised).
    """
    parts = [[tuple(map(float, p)) for p in line] for line in lines if len(line) >= 2]
    if not parts:
        raise AtelierError(QT_TR_NOOP("No route has been drawn for this group yet."))
    if len(parts) == 1:
        return parts[0], []
    chain = list(parts[0])
    rest = parts[1:]

    def close(a: Point, b: Point) -> bool:
        return math.hypot(a[0] - b[0], a[1] - b[1]) <= tolerance

    progress = True
    while rest and progress:
        progress = False
        for i, part in enumerate(rest):
            if close(chain[-1], part[0]):
                chain.extend(part[1:])
            elif close(chain[-1], part[-1]):
                chain.extend(reversed(part[:-1]))
            elif close(chain[0], part[-1]):
                chain[:0] = part[:-1]
            elif close(chain[0], part[0]):
                chain[:0] = list(reversed(part[1:]))
            else:
                continue
            rest.pop(i)
            progress = True
            break
    if not rest:
        return chain, [
            AtelierError(
                QT_TR_NOOP("The route was drawn in {count} pieces; they connect and were joined."),
                count=len(parts),
            )
        ]
    longest = max(parts, key=line_length)
    return longest, [
        AtelierError(
            QT_TR_NOOP(
                "The route has {count} pieces that do not connect; only the longest "
                "({length} m) is used. Join the pieces or delete the extra ones."
            ),
            count=len(parts),
            length=round(line_length(longest)),
        )
    ]


def _d2(p32: np.ndarray, a32: np.ndarray, ab32: np.ndarray, inv32: np.ndarray) -> np.ndarray:
    """Squared distances, points × segments (float32)."""
    dx = p32[:, 0:1] - a32[:, 0]
    dy = p32[:, 1:2] - a32[:, 1]
    t = np.clip((dx * ab32[:, 0] + dy * ab32[:, 1]) * inv32, 0.0, 1.0)
    ex = dx - t * ab32[:, 0]
    ey = dy - t * ab32[:, 1]
    return ex * ex + ey * ey


def _spatial_order(pts: np.ndarray) -> np.ndarray:
    """Points sorted cell by cell, so that each chunk covers a small area."""
    span = np.ptp(pts, axis=0).max() if len(pts) > 1 else 0.0
    cells = max(1.0, np.sqrt(len(pts) / _CHUNK))
    size = span / cells if span > 0 else 1.0
    gx = np.floor(pts[:, 0] / size)
    gy = np.floor(pts[:, 1] / size)
    return np.lexsort((pts[:, 1], gy, gx))


def locate(
    line: Line, points: Sequence[Point], tie_m: float = TIE_M
) -> tuple[np.ndarray, np.ndarray]:
    """Distance along ``line`` and offset from it of each point (vectorised).

    Nearest passage wins; near-ties (within ``tie_m``) go to the earliest one.
    Stops are taken in spatial chunks; for each chunk only the segments that
    can hold a nearest passage are measured (box distance ≤ an upper bound).
    """
    route = _as_array(line)
    pts = np.asarray(points, dtype=float).reshape(-1, 2)
    if len(pts) == 0:
        return np.zeros(0), np.zeros(0)
    origin = route.min(axis=0)
    route = route - origin
    pts = pts - origin
    a = route[:-1]
    b = route[1:]
    ab = b - a
    seg_len = np.hypot(ab[:, 0], ab[:, 1])
    start = np.concatenate(([0.0], np.cumsum(seg_len)[:-1]))
    len2 = np.where(seg_len > 0, seg_len**2, 1.0)
    lo_xy, hi_xy = np.minimum(a, b), np.maximum(a, b)
    # float32 for the search (mm precision over 10 km), float64 to refine
    a32, ab32, inv32 = a.astype(np.float32), ab.astype(np.float32), (1.0 / len2).astype(np.float32)
    along = np.empty(len(pts))
    offset = np.empty(len(pts))
    order = _spatial_order(pts)
    seeds = min(32, len(a))
    for lo in range(0, len(pts), _CHUNK):
        idx = order[lo : lo + _CHUNK]
        p = pts[idx]
        p32 = p.astype(np.float32)
        # lower bound: distance between the chunk's box and each segment's box
        cmin, cmax = p.min(axis=0), p.max(axis=0)
        gap = np.maximum(0.0, np.maximum(lo_xy - cmax, cmin - hi_xy))
        lower = np.hypot(gap[:, 0], gap[:, 1])
        # upper bound: each point's distance to the nearest of a few likely segments
        seed = np.argpartition(lower, seeds - 1)[:seeds] if seeds < len(a) else np.arange(len(a))
        upper = float(np.sqrt(_d2(p32, a32[seed], ab32[seed], inv32[seed]).min(axis=1).max()))
        keep = np.flatnonzero(lower <= upper + tie_m + 0.05)  # ascending: path order kept
        d2 = _d2(p32, a32[keep], ab32[keep], inv32[keep])
        best = np.sqrt(d2.min(axis=1))
        limit = (best + tie_m + 0.01) ** 2  # float32 slack
        seg = keep[np.argmax(d2 <= limit[:, None], axis=1)]  # earliest near-best passage
        # refine on the chosen segment in float64
        sa, sab = a[seg], ab[seg]
        tt = np.clip(((p - sa) * sab).sum(axis=1) / len2[seg], 0.0, 1.0)
        foot = sa + tt[:, None] * sab
        along[idx] = start[seg] + tt * seg_len[seg]
        offset[idx] = np.hypot(*(p - foot).T)
    return along, offset


def place_stops(
    line: Line,
    points: Sequence[Point],
    far_m: float = FAR_M,
    same_place_m: float = SAME_PLACE_M,
) -> Placement:
    """Number stops 1..n by their position along the route; flag odd ones.

    Stops at the same position keep their input order (stable), so numbering
    twice gives the same result.
    """
    along, offset = locate(line, points)
    keys = sorted(range(len(along)), key=lambda i: (round(along[i], 3), i))
    places = [StopPlace(i, float(along[i]), float(offset[i])) for i in range(len(along))]
    for rank, i in enumerate(keys, start=1):
        places[i].order = rank
    warnings: list[AtelierError] = []
    for place in places:
        if place.offset_m > far_m:
            place.far = True
            warnings.append(
                AtelierError(
                    QT_TR_NOOP("Stop {order} is {distance} m away from the route."),
                    order=place.order,
                    distance=round(place.offset_m),
                )
            )
    for i, j in _same_places(points, same_place_m):
        first, second = sorted((i, j), key=lambda k: places[k].order)
        if places[second].same_place_as is None:
            places[second].same_place_as = first
            warnings.append(
                AtelierError(
                    QT_TR_NOOP("Stops {first} and {second} are at the same place."),
                    first=places[first].order,
                    second=places[second].order,
                )
            )
    return Placement(places, warnings)


def _same_places(points: Sequence[Point], radius: float) -> list[tuple[int, int]]:
    """Pairs of points closer than ``radius`` (grid hash: linear time)."""
    cells: dict[tuple[int, int], list[int]] = {}
    pairs = []
    for i, (x, y) in enumerate(points):
        cx, cy = math.floor(x / radius), math.floor(y / radius)
        for nx in (cx - 1, cx, cx + 1):
            for ny in (cy - 1, cy, cy + 1):
                for j in cells.get((nx, ny), ()):
                    if math.dist(points[j], (x, y)) <= radius:
                        pairs.append((j, i))
        cells.setdefault((cx, cy), []).append(i)
    return pairs


def speed_for(mode: str | None, speed_kmh: float | None) -> float:
    """The route's own speed, else the mode's, else walking speed."""
    if speed_kmh and speed_kmh > 0:
        return float(speed_kmh)
    return vocab.MODE_SPEEDS_KMH.get(mode or "", vocab.DEFAULT_SPEED_KMH)


@dataclass
class Timing:
    length_m: float
    walk_min: float
    stop_min: float
    total_min: float
    slot_min: float
    fits_slot: bool

    @property
    def margin_min(self) -> float:
        return self.slot_min - self.total_min


def timing(
    length_m: float,
    stop_minutes: Sequence[float | None],
    speed_kmh: float | None = None,
    slot_min: float | None = None,
) -> Timing:
    """Walking time at the route's speed plus time spent at each stop, vs the slot."""
    speed = speed_kmh if speed_kmh and speed_kmh > 0 else vocab.DEFAULT_SPEED_KMH
    slot = float(slot_min if slot_min is not None else vocab.DEFAULT_SLOT_MIN)
    if slot <= 0:
        raise AtelierError(QT_TR_NOOP("The visit slot must be longer than 0 minutes."))
    walk = length_m / (speed * 1000.0 / 60.0)
    stops = float(sum(max(0.0, float(m or 0)) for m in stop_minutes))
    total = walk + stops
    return Timing(length_m, walk, stops, total, slot, total <= slot + 1e-9)
