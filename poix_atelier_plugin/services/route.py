# SPDX-License-Identifier: GPL-2.0-or-later
"""A group's route: its ellipsoidal length, stops numbered along it, time vs slot.

Ordering is planar linear referencing (``domain.stops``) on Lambert-93;
lengths shown to people are ellipsoidal (QgsDistanceArea, GRS80), and the
distances along the route written on stops are scaled to match.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
)

from ..domain import stops as rules
from ..domain import vocab
from ..domain.errors import QT_TR_NOOP, AtelierError
from ..infra.i18n import error_text, tr
from ..store import workspace
from ..store.pg_conflicts import changed_error
from ..store.rows import plain_value
from .groups import new_feature

LOG = logging.getLogger(__name__)
#: Server layers only: the row version the schema's trigger checks (pg_conflicts).
VERSION = "version"
ELLIPSOID = "EPSG:7019"  # GRS 1980, the ellipsoid of Lambert-93


@dataclass
class RouteReport:
    length_m: float = 0.0
    walk_min: float = 0.0
    stop_min: float = 0.0
    total_min: float = 0.0
    slot_min: float = float(vocab.DEFAULT_SLOT_MIN)
    fits_slot: bool = True
    speed_kmh: float = vocab.DEFAULT_SPEED_KMH
    stop_count: int = 0
    has_route: bool = False
    far_stops: list[int] = field(default_factory=list)  # feature ids
    warnings: list[str] = field(default_factory=list)  # translated

    def as_outputs(self) -> dict:
        return {
            "LENGTH_M": round(self.length_m, 1),
            "WALK_MIN": round(self.walk_min, 1),
            "TOTAL_MIN": round(self.total_min, 1),
            "FITS_SLOT": bool(self.fits_slot),
        }


def distance_area(
    crs=None, context: QgsCoordinateTransformContext | None = None
) -> QgsDistanceArea:
    da = QgsDistanceArea()
    # never the project instance: order_stops runs in worker threads
    context = context if context is not None else QgsCoordinateTransformContext()
    da.setSourceCrs(crs or workspace.crs(), context)
    da.setEllipsoid(ELLIPSOID)
    return da


def route_lines(layer: QgsVectorLayer) -> tuple[list[list[tuple[float, float]]], dict]:
    """The route's lines in drawing order (fid) and the attributes of the first one."""
    lines, attrs = [], {}
    for feat in sorted(layer.getFeatures(), key=lambda f: f.id() if f.id() >= 0 else 1e12 - f.id()):
        geom = feat.geometry()
        if geom is None or geom.isEmpty():
            continue
        if not attrs:
            attrs = {"mode": feat["mode"], "vitesse_kmh": feat["vitesse_kmh"]}
        parts = geom.asMultiPolyline() if geom.isMultipart() else [geom.asPolyline()]
        lines.extend([[(p.x(), p.y()) for p in part] for part in parts if len(part) >= 2])
    return lines, attrs


def _stops(layer: QgsVectorLayer):
    feats = [f for f in layer.getFeatures() if f.hasGeometry()]
    feats.sort(
        key=lambda f: (plain_value(f["ordre"]) is None, plain_value(f["ordre"]) or 0, f.id())
    )
    return feats


def analyse(
    route_layer: QgsVectorLayer,
    stops_layer: QgsVectorLayer,
    slot_min: float | None = None,
    far_m: float = rules.FAR_M,
):
    """Measure and place stops without writing anything (live display)."""
    report = RouteReport(slot_min=float(slot_min or vocab.DEFAULT_SLOT_MIN))
    lines, attrs = route_lines(route_layer)
    feats = _stops(stops_layer)
    report.stop_count = len(feats)
    minutes = [plain_value(f["duree_min"]) for f in feats]
    if not lines:
        report.warnings.append(
            error_text(AtelierError(QT_TR_NOOP("No route has been drawn for this group yet.")))
        )
        t = rules.timing(0.0, minutes, None, report.slot_min)
        report.stop_min, report.total_min, report.fits_slot = t.stop_min, t.total_min, t.fits_slot
        return report, None, feats
    merged, merge_warnings = rules.merge_lines(lines)
    report.warnings.extend(error_text(w) for w in merge_warnings)
    report.has_route = True
    da = distance_area(route_layer.crs(), route_layer.transformContext())
    geom = QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in merged])
    report.length_m = da.measureLength(geom)
    report.speed_kmh = rules.speed_for(
        plain_value(attrs.get("mode")), plain_value(attrs.get("vitesse_kmh"))
    )
    t = rules.timing(report.length_m, minutes, report.speed_kmh, report.slot_min)
    report.walk_min, report.stop_min, report.total_min, report.fits_slot = (
        t.walk_min,
        t.stop_min,
        t.total_min,
        t.fits_slot,
    )
    placement = None
    if feats:
        points = [(f.geometry().asPoint().x(), f.geometry().asPoint().y()) for f in feats]
        placement = rules.place_stops(merged, points, far_m=far_m)
        planar = rules.line_length(merged)
        scale = report.length_m / planar if planar > 0 else 1.0
        for place in placement.places:
            place.distance_m *= scale
        report.far_stops = [feats[p.index].id() for p in placement.places if p.far]
        report.warnings.extend(error_text(w) for w in placement.warnings)
    if not report.fits_slot:
        report.warnings.append(
            tr(
                "The visit takes {total} min but the slot is {slot} min: shorten the route or the stops."
            ).format(total=round(report.total_min), slot=round(report.slot_min))
        )
    return report, placement, feats


def write_order(stops_layer: QgsVectorLayer, placement, feats) -> int:
    """Write ``ordre``, ``distance_m``, ``ecart_m``; through the edit buffer when editing.

    On a server layer each stop also carries the version it was read with, so
    the schema's trigger refuses numbers computed from a stop someone else
    changed meanwhile (all of them are written in one transaction, or none).
    Returns the number of stops whose values changed.
    """
    if placement is None:
        return 0
    fields = stops_layer.fields()
    idx = {name: fields.indexOf(name) for name in ("ordre", "distance_m", "ecart_m")}
    version_idx = fields.indexOf(VERSION)
    changes = {}
    for place in placement.places:
        feat = feats[place.index]
        values = {
            idx["ordre"]: place.order,
            idx["distance_m"]: round(place.distance_m, 1),
            idx["ecart_m"]: round(place.offset_m, 1),
        }
        old = {i: plain_value(feat.attribute(i)) for i in values}
        if any(old[i] is None or abs(float(old[i]) - float(v)) > 0.05 for i, v in values.items()):
            read = plain_value(feat.attribute(version_idx)) if version_idx >= 0 else None
            if read is not None:  # its negative: always sent, checked by the trigger
                values[version_idx] = -abs(int(read))
            changes[feat.id()] = values
    if not changes:
        return 0
    known = len(stops_layer.dataProvider().errors())
    if stops_layer.isEditable():
        stops_layer.beginEditCommand(tr("Number the stops"))
        for fid, values in changes.items():
            for i, v in values.items():
                stops_layer.changeAttributeValue(fid, i, v)
        stops_layer.endEditCommand()
    elif not stops_layer.dataProvider().changeAttributeValues(changes):
        errors = stops_layer.dataProvider().errors()[known:]
        if any("atelier_conflict" in str(e) for e in errors):
            stops_layer.reload()
            raise changed_error("arrets", _conflict_fid(errors, changes))
        raise AtelierError(
            QT_TR_NOOP("The stop numbers could not be written in {layer}."),
            layer=stops_layer.name(),
        )
    else:
        stops_layer.reload()
    stops_layer.triggerRepaint()
    return len(changes)


def _conflict_fid(errors: list, changes: dict):
    """The stop the server's trigger named (``atelier_conflict: arrets <fid> …``)."""
    import re

    for error in errors:
        found = re.search(r"atelier_conflict: \S+ (\d+)", str(error))
        if found:
            return int(found.group(1))
    return next(iter(changes))


def order_layer_stops(
    route_layer, stops_layer, slot_min=None, far_m: float = rules.FAR_M
) -> RouteReport:
    report, placement, feats = analyse(route_layer, stops_layer, slot_min, far_m)
    write_order(stops_layer, placement, feats)
    return report


def group_slot(gpkg: str | Path, groupe: str) -> int:
    for spec in workspace.read_groups(gpkg):
        if spec.name == groupe:
            return spec.slot_min
    raise AtelierError(QT_TR_NOOP("There is no group named “{groupe}”."), groupe=groupe)


def order_stops(
    gpkg: str | Path, groupe: str, slot_min: float | None = None, far_m: float = rules.FAR_M
):
    """Number one group's stops along its route in the dossier; returns the report."""
    registered = group_slot(gpkg, groupe)  # also refuses an unknown group
    slot = slot_min if slot_min else registered
    route = workspace.open_layer(gpkg, "parcours", groupe)
    stops_layer = workspace.open_layer(gpkg, "arrets", groupe)
    report = order_layer_stops(route, stops_layer, slot, far_m)
    if not report.has_route:
        raise AtelierError(
            QT_TR_NOOP("No route has been drawn for the group “{groupe}” yet."),
            groupe=groupe,
        )
    return report


def road_route(points: list[QgsPointXY], roads: QgsVectorLayer, crs=None) -> QgsGeometry:
    """The shortest path along ``roads`` through ``points`` in their order (network analysis).

    Points and result are in ``crs`` (default Lambert-93); each point is tied to
    the nearest road. Raises AtelierError when a stop cannot be reached.
    """
    from qgis.analysis import (
        QgsGraphAnalyzer,
        QgsGraphBuilder,
        QgsNetworkDistanceStrategy,
        QgsVectorLayerDirector,
    )

    if len(points) < 2:
        raise AtelierError(
            QT_TR_NOOP("At least two numbered stops are needed to follow the roads.")
        )
    crs = crs or workspace.crs()
    if roads is None or not roads.isValid() or roads.featureCount() == 0:
        raise AtelierError(QT_TR_NOOP("The dossier has no road layer to follow."))
    director = QgsVectorLayerDirector(
        roads, -1, "", "", "", QgsVectorLayerDirector.Direction.DirectionBoth
    )
    director.addStrategy(QgsNetworkDistanceStrategy())
    builder = QgsGraphBuilder(crs, True, 0.5)
    tied = director.makeGraph(builder, list(points))
    graph = builder.graph()
    path: list[QgsPointXY] = []
    for n, (a, b) in enumerate(zip(tied, tied[1:]), start=2):
        start, end = graph.findVertex(a), graph.findVertex(b)
        tree, _costs = QgsGraphAnalyzer.dijkstra(graph, start, 0)
        if start != end and tree[end] == -1:
            raise AtelierError(QT_TR_NOOP("Stop {n} cannot be reached along the roads."), n=n)
        leg = [graph.vertex(end).point()]
        cur = end
        while cur != start:
            cur = graph.edge(tree[cur]).fromVertex()
            leg.append(graph.vertex(cur).point())
        leg.reverse()
        path.extend(leg if not path else leg[1:])
    geometry = QgsGeometry.fromPolylineXY(path)
    if geometry.length() <= 0:
        raise AtelierError(QT_TR_NOOP("The stops are all at the same place on the roads."))
    return geometry


def follow_roads(route_layer: QgsVectorLayer, stops_layer: QgsVectorLayer, roads: QgsVectorLayer):
    """Replace the group's route by the road path through its stops (undoable when editing)."""
    feats = _stops(stops_layer)
    points = [f.geometry().asPoint() for f in feats]
    geometry = road_route([QgsPointXY(p) for p in points], roads, route_layer.crs())
    if not route_layer.isEditable() and not route_layer.startEditing():
        raise AtelierError(
            QT_TR_NOOP("The layer {layer} cannot be edited."), layer=route_layer.name()
        )
    existing = sorted(route_layer.getFeatures(), key=lambda f: f.id())
    route_layer.beginEditCommand(tr("Route along the roads"))
    if existing:
        route_layer.changeGeometry(existing[0].id(), geometry)
    else:
        feature, _warnings = new_feature(route_layer, geometry)
        route_layer.addFeature(feature)
    route_layer.endEditCommand()
    return geometry
