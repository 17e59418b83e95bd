# SPDX-License-Identifier: GPL-2.0-or-later
"""Write the ILLUSTRATIVE source layers of Poix-du-Nord (sample/sources/poix_sources.gpkg).

Deterministic (seeded): every geometry is drawn here, around a hand-drawn
commune outline of 8.6 km² at the real location (Lambert-93); only names and
public facts (streets, heritage, neighbours' names and INSEE codes) are real.
Some layers are stored in EPSG:4326 and one in EPSG:3950 to exercise
reprojection. Run: /usr/bin/python3 scripts/make_sample_sources.py [output.gpkg]
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorFileWriter,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sample_poix_facts import (
    AREA_M2,
    CENTRE,
    FACILITIES,
    HERITAGE,
    NEIGHBOURS,
    OUTLINE_UV,
    PATHS,
    STREAMS,
    STREETS,
    X0,
    X1,
    Y0,
    Y1,
)

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = REPO / "sample" / "sources" / "poix_sources.gpkg"
SEED = 59464
L93 = QgsCoordinateReferenceSystem("EPSG:2154")


def xy(dx: float, dy: float) -> QgsPointXY:
    return QgsPointXY(CENTRE[0] + dx, CENTRE[1] + dy)


def polyline(points) -> QgsGeometry:
    return QgsGeometry.fromPolylineXY([xy(*p) for p in points])


def outline(rng: random.Random) -> QgsGeometry:
    """The hand-drawn outline, densified and roughened, scaled to exactly 8.6 km²."""
    ring = [QgsPointXY(X0 + u * (X1 - X0), Y0 + v * (Y1 - Y0)) for u, v in OUTLINE_UV]
    dense = QgsGeometry.fromPolygonXY([ring + [ring[0]]]).densifyByDistance(120)
    points = dense.asPolygon()[0][:-1]
    points = [
        QgsPointXY(p.x() + rng.uniform(-35, 35), p.y() + rng.uniform(-35, 35)) for p in points
    ]
    shape = QgsGeometry.fromPolygonXY([points + [points[0]]]).makeValid()
    c = shape.centroid().asPoint()
    k = math.sqrt(AREA_M2 / shape.area())
    return QgsGeometry.fromPolygonXY(
        [
            [
                QgsPointXY(c.x() + (p.x() - c.x()) * k, c.y() + (p.y() - c.y()) * k)
                for p in shape.asPolygon()[0]
            ]
        ]
    )


def _ray(rng: random.Random, c: QgsPointXY, angle: float) -> list[QgsPointXY]:
    """A wavy boundary line going out from the commune's centre."""
    out = []
    for r in range(0, 9001, 750):
        a = math.radians(angle + (rng.uniform(-5, 5) if r else 0))
        out.append(QgsPointXY(c.x() + r * math.sin(a), c.y() + r * math.cos(a)))
    return out


def neighbour_outlines(
    rng: random.Random, commune: QgsGeometry
) -> list[tuple[str, str, QgsGeometry]]:
    ring = commune.buffer(2600, 8).difference(commune)
    c = commune.centroid().asPoint()
    rays = [_ray(rng, c, a0) for _code, _name, a0, _a1 in NEIGHBOURS]
    out = []
    for i, (code, name, a0, a1) in enumerate(NEIGHBOURS):
        arc = [
            QgsPointXY(
                c.x() + 9000 * math.sin(math.radians(a0 + (a1 - a0) * k / 10)),
                c.y() + 9000 * math.cos(math.radians(a0 + (a1 - a0) * k / 10)),
            )
            for k in range(1, 10)
        ]
        fan = rays[i] + arc + list(reversed(rays[(i + 1) % len(rays)]))
        wedge = QgsGeometry.fromPolygonXY([fan + [fan[0]]]).makeValid()
        out.append((code, name, ring.intersection(wedge)))
    return out


def buildings(rng: random.Random, commune: QgsGeometry) -> list[tuple[QgsGeometry, list]]:
    out: list[tuple[QgsGeometry, list]] = []
    taken = QgsGeometry()
    for _name, nature, pts in STREETS:
        line = polyline(pts)
        reach = min(line.length(), 900 if nature == "rue" else 350)
        d = 12.0
        while d < reach:
            p = line.interpolate(d).asPoint()
            q = line.interpolate(min(d + 1, line.length())).asPoint()
            angle = math.atan2(q.y() - p.y(), q.x() - p.x())
            for side in (-1, 1):
                if rng.random() < 0.28:
                    continue
                w, depth = rng.uniform(7, 12), rng.uniform(8, 14)
                off = 9 + depth / 2 + rng.uniform(0, 5)
                cx = p.x() - side * off * math.sin(angle)
                cy = p.y() + side * off * math.cos(angle)
                corners = []
                for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1)):
                    lx, ly = sx * w / 2, sy * depth / 2
                    corners.append(
                        QgsPointXY(
                            cx + lx * math.cos(angle) - ly * math.sin(angle),
                            cy + lx * math.sin(angle) + ly * math.cos(angle),
                        )
                    )
                g = QgsGeometry.fromPolygonXY([corners + [corners[0]]])
                if not commune.contains(g) or (not taken.isNull() and taken.intersects(g)):
                    continue
                taken = g if taken.isNull() else taken.combine(g)
                usage = "residentiel" if rng.random() < 0.85 else "annexe"
                out.append((g, [usage, round(rng.uniform(3, 9), 1)]))
            d += rng.uniform(16, 24)
    # farms of the countryside
    box = commune.boundingBox()
    while len(out) < 380:
        cx, cy = (
            rng.uniform(box.xMinimum(), box.xMaximum()),
            rng.uniform(box.yMinimum(), box.yMaximum()),
        )
        w, depth = rng.uniform(12, 30), rng.uniform(8, 16)
        g = QgsGeometry.fromPolygonXY(
            [
                [
                    QgsPointXY(cx, cy),
                    QgsPointXY(cx + w, cy),
                    QgsPointXY(cx + w, cy + depth),
                    QgsPointXY(cx, cy + depth),
                    QgsPointXY(cx, cy),
                ]
            ]
        )
        if commune.contains(g) and not taken.intersects(g):
            taken = taken.combine(g)
            out.append((g, ["agricole", round(rng.uniform(4, 10), 1)]))
    return out


def parcels(rng: random.Random, commune: QgsGeometry) -> list[tuple[QgsGeometry, list]]:
    pts = [xy(rng.gauss(0, 380), rng.gauss(0, 380)) for _ in range(320)]
    box = commune.boundingBox()
    pts += [
        QgsPointXY(
            rng.uniform(box.xMinimum(), box.xMaximum()), rng.uniform(box.yMinimum(), box.yMaximum())
        )
        for _ in range(260)
    ]
    cells = QgsGeometry.fromMultiPointXY(pts).voronoiDiagram(QgsGeometry.fromRect(box.buffered(50)))
    out = []
    for n, cell in enumerate(cells.asGeometryCollection()):
        part = cell.intersection(commune)
        if part.isEmpty() or part.area() < 50:
            continue
        c = part.centroid().asPoint()
        section = ("A" if c.y() > CENTRE[1] else "B") + ("E" if c.x() > CENTRE[0] else "O")
        out.append((part, [section, n + 1, round(part.area())]))
    return out


def zoning(commune: QgsGeometry, streams: QgsGeometry) -> list[tuple[QgsGeometry, list]]:
    urban_lines = QgsGeometry.unaryUnion(
        [polyline(pts[:3]) for _n, nature, pts in STREETS if nature == "rue"]
    )
    u = urban_lines.buffer(80, 8).intersection(commune)
    au = QgsGeometry.unaryUnion(
        [
            QgsGeometry.fromPolygonXY(
                [[xy(250, 600), xy(520, 640), xy(520, 820), xy(260, 780), xy(250, 600)]]
            ),
            QgsGeometry.fromPolygonXY(
                [[xy(-160, -700), xy(40, -700), xy(40, -900), xy(-160, -900), xy(-160, -700)]]
            ),
        ]
    ).difference(u)
    marais = QgsGeometry.fromPointXY(xy(-820, -620)).buffer(330, 12)
    n = QgsGeometry.unaryUnion([streams.buffer(120, 8), marais]).intersection(commune)
    n = n.difference(u).difference(au)
    a = commune.difference(u).difference(au).difference(n)
    labels = {
        "U": "Zone urbaine",
        "AU": "Zone à urbaniser",
        "A": "Zone agricole",
        "N": "Zone naturelle et forestière",
    }
    return [(g, [z, labels[z], "DU_59464"]) for z, g in (("U", u), ("AU", au), ("A", a), ("N", n))]


def write(
    path: Path,
    table: str,
    crs: str,
    wkb: int,
    specs: list[tuple[str, QVariant]],
    rows: list[tuple[QgsGeometry, list]],
    first: bool,
) -> None:
    fields = QgsFields()
    for name, kind in specs:
        fields.append(QgsField(name, kind))
    target = QgsCoordinateReferenceSystem(crs)
    xform = QgsCoordinateTransform(L93, target, QgsProject.instance())
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.actionOnExistingFile = (
        QgsVectorFileWriter.CreateOrOverwriteFile
        if first
        else QgsVectorFileWriter.CreateOrOverwriteLayer
    )
    writer = QgsVectorFileWriter.create(
        str(path), fields, wkb, target, QgsProject.instance().transformContext(), options
    )
    if writer.hasError():
        raise RuntimeError(writer.errorMessage())
    for geometry, attrs in rows:
        g = QgsGeometry(geometry)
        if QgsWkbTypes.isMultiType(wkb):
            g.convertToMultiType()
        g.transform(xform)
        f = QgsFeature(fields)
        f.setAttributes(attrs)
        f.setGeometry(g)
        writer.addFeature(f)
    del writer


def make(path: Path = DEFAULT_OUTPUT) -> Path:
    rng = random.Random(SEED)
    path.parent.mkdir(parents=True, exist_ok=True)
    commune = outline(rng)
    S, I, R = QVariant.String, QVariant.Int, QVariant.Double  # noqa: N806, E741
    communes = [(commune, ["59464", "Poix-du-Nord"])]
    communes += [(g, [code, name]) for code, name, g in neighbour_outlines(rng, commune)]
    mpoly, mline, point = QgsWkbTypes.MultiPolygon, QgsWkbTypes.MultiLineString, QgsWkbTypes.Point
    write(path, "communes", "EPSG:2154", mpoly, [("code", S), ("nom", S)], communes, True)
    write(
        path,
        "batiments",
        "EPSG:2154",
        mpoly,
        [("usage", S), ("hauteur_m", R)],
        buildings(rng, commune),
        False,
    )
    roads = [(polyline(p), [n, k]) for n, k, p in STREETS]
    write(path, "routes", "EPSG:4326", mline, [("nom", S), ("nature", S)], roads, False)
    paths = [(polyline(p), [n, k]) for n, k, p in PATHS]
    write(path, "chemins", "EPSG:2154", mline, [("nom", S), ("nature", S)], paths, False)
    streams = [(polyline(p), [n]) for n, p in STREAMS]
    write(path, "cours_eau", "EPSG:4326", mline, [("nom", S)], streams, False)
    stream_union = QgsGeometry.unaryUnion([g for g, _a in streams])
    flood = stream_union.buffer(45, 8).intersection(
        QgsGeometry.fromPointXY(xy(0, 0)).buffer(900, 16)
    )
    flood = flood.combine(polyline(STREAMS[2][1][:3]).buffer(70, 8)).intersection(commune)
    write(
        path,
        "zone_inondable",
        "EPSG:2154",
        mpoly,
        [("alea", S), ("source", S)],
        [(flood, ["fort", "Illustratif : lit majeur du bourg"])],
        False,
    )
    friche = QgsGeometry.fromPolygonXY(
        [[xy(-300, 250), xy(-170, 180), xy(-90, 330), xy(-230, 410), xy(-300, 250)]]
    )
    write(
        path,
        "friche_textile",
        "EPSG:2154",
        mpoly,
        [("nom", S), ("description", S), ("surface_m2", I)],
        [
            (
                friche,
                [
                    "Ancienne usine textile, rue de Neuville",
                    "Filature fondée en 1880, fermée ; cheminée démolie",
                    round(friche.area()),
                ],
            )
        ],
        False,
    )
    write(
        path,
        "parcelles",
        "EPSG:3950",
        mpoly,
        [("section", S), ("numero", I), ("contenance", I)],
        parcels(rng, commune),
        False,
    )
    write(
        path,
        "zonage_plu",
        "EPSG:2154",
        mpoly,
        [("typezone", S), ("libelle", S), ("partition", S)],
        zoning(commune, stream_union),
        False,
    )
    heritage = [(QgsGeometry.fromPointXY(xy(*p)), [n, t, d]) for n, t, p, d in HERITAGE]
    write(
        path,
        "patrimoine",
        "EPSG:4326",
        point,
        [("nom", S), ("type", S), ("description", S)],
        heritage,
        False,
    )
    facilities = [(QgsGeometry.fromPointXY(xy(*p)), [n, t]) for n, t, p in FACILITIES]
    write(path, "equipements", "EPSG:2154", point, [("nom", S), ("type", S)], facilities, False)
    return path


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    out = make(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUTPUT)
    print(out)
