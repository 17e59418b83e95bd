# SPDX-License-Identifier: GPL-2.0-or-later
"""Benchmark of atelier:build_dossier's spatial filter (run by `make bench`).

Two sources with the same 2,000 small polygons around Poix-du-Nord; the big
one adds 198,000 more spread over the whole Nord (200,000 in all). With the
spatial index, building the dossier from the big one should cost about the
same (goal: ratio < 1.5). Also compared with `ogr2ogr -spat … -clipsrc …`
doing the same clip. Needs ../shared/data (the real communes); skips otherwise.
"""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))
COMMUNES = REPO.parent / "shared" / "data" / "communes" / "communes-59-nord.geojson"
NEAR, TOTAL = 2000, 200_000
POIX_BOX = (741700.0, 7007300.0, 746700.0, 7012900.0)  # the study area's bbox, about
NORD_BOX = (600000.0, 6980000.0, 790000.0, 7130000.0)


def squares(n: int, box: tuple[float, float, float, float], rng: random.Random, start: int):
    x0, y0, x1, y1 = box
    for i in range(n):
        x, y = rng.uniform(x0, x1), rng.uniform(y0, y1)
        s = rng.uniform(6, 20)
        yield f"POLYGON(({x} {y},{x + s} {y},{x + s} {y + s},{x} {y + s},{x} {y}))", [start + i]


def write_source(path: Path, n_far: int) -> None:
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsFeature,
        QgsField,
        QgsFields,
        QgsGeometry,
        QgsProject,
        QgsVectorFileWriter,
        QgsWkbTypes,
    )
    from qgis.PyQt.QtCore import QVariant

    fields = QgsFields()
    fields.append(QgsField("n", QVariant.Int))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "batiments"
    writer = QgsVectorFileWriter.create(
        str(path),
        fields,
        QgsWkbTypes.Polygon,
        QgsCoordinateReferenceSystem("EPSG:2154"),
        QgsProject.instance().transformContext(),
        options,
    )
    rng = random.Random(59464)
    rows = list(squares(NEAR, POIX_BOX, rng, 0))
    rows += list(squares(n_far, NORD_BOX, random.Random(1), NEAR))
    random.Random(2).shuffle(rows)  # the near ones are not stored first
    for wkt, attrs in rows:
        feature = QgsFeature(fields)
        feature.setAttributes(attrs)
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        writer.addFeature(feature)
    del writer


def timed_build(source: Path, out: Path) -> tuple[float, int, int]:
    from qgis.core import QgsVectorLayer

    from poix_atelier_plugin.services.dossier.dossier import build_dossier

    communes = QgsVectorLayer(str(COMMUNES), "communes", "ogr")
    layer = QgsVectorLayer(f"{source}|layername=batiments", "Bâtiments", "ogr")
    start = time.perf_counter()
    result = build_dossier(communes, "59464", out, sources=[layer], overwrite=True)
    elapsed = time.perf_counter() - start
    return elapsed, result.sources[0].read, result.sources[0].written


def timed_ogr2ogr(source: Path, dossier: Path, out: Path) -> float:
    from qgis.core import QgsVectorLayer

    zone = QgsVectorLayer(f"{dossier}|layername=perimetre_etude", "z", "ogr")
    box = zone.extent()
    cmd = [
        "ogr2ogr",
        "-f",
        "GPKG",
        str(out),
        str(source),
        "batiments",
        "-spat",
        *(f"{v:.3f}" for v in (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum())),
        "-clipsrc",
        str(dossier),
        "-clipsrclayer",
        "perimetre_etude",
        "-t_srs",
        "EPSG:2154",
        "-nln",
        "batiments",
        "-nlt",
        "PROMOTE_TO_MULTI",
        "-overwrite",
    ]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    return time.perf_counter() - start


def timed_clip_only(source: Path, dossier: Path, out: Path) -> float:
    """Only the clip of the source (what ogr2ogr does), through services.dossier.dossier_sources."""
    from qgis.core import QgsVectorLayer

    from poix_atelier_plugin.services.dossier.dossier_sources import clip_source

    zone = next(QgsVectorLayer(f"{dossier}|layername=perimetre_etude", "z", "ogr").getFeatures())
    layer = QgsVectorLayer(f"{source}|layername=batiments", "Bâtiments", "ogr")
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    clip_source(layer, zone.geometry(), str(out), "batiments", lambda: False)
    return time.perf_counter() - start


def best(fn, repeat: int = 5) -> tuple:
    runs = [fn() for _ in range(repeat)]
    return min(runs, key=lambda r: r if isinstance(r, float) else r[0])


def main() -> int:
    if not COMMUNES.is_file():
        print(f"skipped: {COMMUNES} not found")
        return 0
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    work = Path(tempfile.mkdtemp(prefix="bench_dossier_"))
    try:
        small, big = work / "small.gpkg", work / "big.gpkg"
        t = time.perf_counter()
        write_source(small, 0)
        write_source(big, TOTAL - NEAR)
        print(
            f"sources written in {time.perf_counter() - t:.1f} s ({NEAR:,} and {TOTAL:,} polygons)"
        )
        timed_build(small, work / "warm_up")  # first build loads providers and projections
        t_small, read_small, kept_small = best(lambda: timed_build(small, work / "out_small"))
        t_big, read_big, kept_big = best(lambda: timed_build(big, work / "out_big"))
        print(
            f"build_dossier, {NEAR:,} features:   {t_small:.3f} s (read {read_small:,}, kept {kept_small:,})"
        )
        print(
            f"build_dossier, {TOTAL:,} features: {t_big:.3f} s (read {read_big:,}, kept {kept_big:,})"
        )
        print(f"ratio 200k / 2k: {t_big / t_small:.2f} (goal < 1.5)")
        dossier = work / "out_big" / "atelier_59464.gpkg"
        t_ogr = best(lambda: timed_ogr2ogr(big, dossier, work / "ogr.gpkg"))
        print(f"ogr2ogr -spat -clipsrc, {TOTAL:,} features: {t_ogr:.3f} s")
        t_clip_small = best(lambda: timed_clip_only(small, dossier, work / "clip.gpkg"))
        t_clip = best(lambda: timed_clip_only(big, dossier, work / "clip.gpkg"))
        print(
            f"clip only (services.dossier.dossier_sources.clip_source), {NEAR:,} features: {t_clip_small:.3f} s"
        )
        print(
            f"clip only (services.dossier.dossier_sources.clip_source), {TOTAL:,} features: {t_clip:.3f} s"
        )
        print(f"ratio clip only 200k / 2k: {t_clip / t_clip_small:.2f} (goal < 1.5)")
        print(f"ratio clip only / ogr2ogr: {t_clip / t_ogr:.2f}")
        print(
            f"ratio build_dossier (whole dossier: commune, neighbours, styles, project) / ogr2ogr: {t_big / t_ogr:.2f}"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
