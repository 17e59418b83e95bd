# SPDX-License-Identifier: GPL-2.0-or-later
"""Where groups' candidate sites converge (shapely only, no QGIS).

Every group's ``sites_projet`` polygons are overlaid: the plane is cut along
every site boundary, each piece learns which groups cover it, and touching
pieces covered by the same groups are merged back. A piece covered by two
groups or more is a convergence the synthesis board highlights.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from shapely.geometry import MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.ops import polygonize, unary_union

try:  # shapely >= 1.8
    from shapely.validation import make_valid
except ImportError:  # pragma: no cover

    def make_valid(geom):
        return geom.buffer(0)


#: Separator of group names in the ``groupes`` output field.
SEPARATOR = ", "


@dataclass
class Piece:
    geometry: BaseGeometry
    groups: list[str] = field(default_factory=list)

    @property
    def n_groups(self) -> int:
        return len(self.groups)

    @property
    def label(self) -> str:
        return SEPARATOR.join(self.groups)


def _polygons(geom: BaseGeometry) -> list[Polygon]:
    """Only the areal parts of a geometry (make_valid may add lines)."""
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, MultiPolygon):
        return list(geom.geoms)
    out: list[Polygon] = []
    for part in getattr(geom, "geoms", []):
        out.extend(_polygons(part))
    return out


def clean(geom: BaseGeometry) -> BaseGeometry | None:
    if geom is None or geom.is_empty:
        return None
    if not geom.is_valid:
        geom = make_valid(geom)
    polys = _polygons(geom)
    return unary_union(polys) if polys else None


def convergence(
    sites: list[tuple[str, BaseGeometry]],
    order: list[str] | None = None,
    min_area: float = 1.0,
) -> list[Piece]:
    """Pieces of the overlay of ``(group, polygon)`` sites.

    ``order`` sorts the group names of a piece (the workshop's group order);
    names it does not know come after, alphabetically. Pieces smaller than
    ``min_area`` (slivers of almost identical outlines) are dropped.
    Returned pieces are sorted by decreasing number of groups, then area.
    """
    per_group: dict[str, list[BaseGeometry]] = defaultdict(list)
    for group, geom in sites:
        geom = clean(geom)
        if geom is not None:
            per_group[group].append(geom)
    if not per_group:
        return []
    covers = {g: unary_union(geoms) for g, geoms in per_group.items()}
    rank = {name: i for i, name in enumerate(order or [])}

    def sort_key(name: str):
        return (rank.get(name, len(rank)), name.casefold())

    boundaries = unary_union([c.boundary for c in covers.values()])
    by_key: dict[tuple[str, ...], list[Polygon]] = defaultdict(list)
    for piece in polygonize(boundaries):
        if piece.area < min_area:
            continue
        point = piece.representative_point()
        groups = tuple(sorted((g for g, c in covers.items() if c.contains(point)), key=sort_key))
        if groups:
            by_key[groups].append(piece)
    pieces = []
    for groups, polys in by_key.items():
        merged = unary_union(polys)
        for part in _polygons(merged):
            if part.area >= min_area:
                pieces.append(Piece(part, list(groups)))
    pieces.sort(key=lambda p: (-p.n_groups, -p.geometry.area))
    return pieces


def converging(pieces: list[Piece], minimum: int = 2) -> list[Piece]:
    """Pieces shared by at least ``minimum`` groups."""
    return [p for p in pieces if p.n_groups >= minimum]
