# SPDX-License-Identifier: GPL-2.0-or-later
"""Benchmark: number 10,000 stops along a 50 km route (goal: under 1 s).

Run with ``/usr/bin/python3 tests/bench/bench_stops.py`` (or ``make bench``).
The route is a winding loop-rich line of 5,000 vertices (10 m segments).
"""

from __future__ import annotations

import math
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from poix_atelier_plugin.domain.stops import line_length, place_stops


def winding_route(length_m: float = 50_000.0, step_m: float = 10.0) -> list[tuple[float, float]]:
    x, y, heading = 744200.0, 7010100.0, 0.0
    pts = [(x, y)]
    rng = random.Random(1)
    for _ in range(int(length_m / step_m)):
        heading += rng.uniform(-0.25, 0.25)
        x += step_m * math.cos(heading)
        y += step_m * math.sin(heading)
        pts.append((x, y))
    return pts


def main() -> None:
    route = winding_route()
    rng = random.Random(2)
    stops = []
    for _ in range(10_000):
        px, py = route[rng.randrange(len(route))]
        stops.append((px + rng.uniform(-80, 80), py + rng.uniform(-80, 80)))
    best = math.inf
    for _ in range(3):
        t0 = time.perf_counter()
        placement = place_stops(route, stops)
        best = min(best, time.perf_counter() - t0)
    print(f"route: {line_length(route) / 1000:.1f} km, {len(route)} vertices")
    print(f"stops: {len(stops)}; warnings: {len(placement.warnings)}")
    print(f"order_stops 10,000 stops / 50 km: {best:.3f} s (best of 3; goal < 1 s)")


def bench_dossier(route, stops) -> None:
    """The same through the services on a real GeoPackage: read, number, write 10,000 stops."""
    import tempfile

    from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsPointXY

    app = QgsApplication([], False)
    app.initQgis()
    from poix_atelier_plugin.services import groups
    from poix_atelier_plugin.services import route as route_service
    from poix_atelier_plugin.store import workspace

    with tempfile.TemporaryDirectory() as tmp:
        gpkg = Path(tmp) / "bench.gpkg"
        groups.create_groups(gpkg, "Groupe 1")
        layer = workspace.open_layer(gpkg, "parcours", "Groupe 1")
        feat = QgsFeature(layer.fields())
        feat["groupe"] = "Groupe 1"
        feat.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in route]))
        layer.dataProvider().addFeatures([feat])
        layer = workspace.open_layer(gpkg, "arrets", "Groupe 1")
        feats = []
        for i, (x, y) in enumerate(stops):
            f = QgsFeature(layer.fields())
            f["groupe"] = "Groupe 1"
            f["nom"] = f"Arrêt {i}"
            f["duree_min"] = 1
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
            feats.append(f)
        layer.dataProvider().addFeatures(feats)
        t0 = time.perf_counter()
        report = route_service.order_stops(gpkg, "Groupe 1", 120)
        first = time.perf_counter() - t0
        t0 = time.perf_counter()
        route_service.order_stops(gpkg, "Groupe 1", 120)  # nothing changed: nothing written
        again = time.perf_counter() - t0
    print(
        f"atelier:order_stops services on a GeoPackage, {report.stop_count} stops: {first:.2f} s "
        f"(first numbering, all written), {again:.2f} s (renumbering, nothing changed)"
    )


if __name__ == "__main__":
    main()
    if "--no-qgis" not in sys.argv:
        random_route = winding_route()
        rng = random.Random(2)
        pts = []
        for _ in range(10_000):
            px, py = random_route[rng.randrange(len(random_route))]
            pts.append((px + rng.uniform(-80, 80), py + rng.uniform(-80, 80)))
        bench_dossier(random_route, pts)
