# SPDX-License-Identifier: GPL-2.0-or-later
"""Benchmark: import 500 geotagged photos (goal: within 1.5× of native:importphotos).

Generates 500 small geotagged JPEGs around Poix-du-Nord (once, in a temp
folder), then times on the same folder:

* ``native:importphotos`` alone (EXIF reading into a GeoPackage layer), and
* ``atelier:import_photos`` (EXIF reading through the same QgsExifTools,
  perimeter test, content hash, copy under DCIM/, nearest stop, writing the
  observations), into a fresh dossier each run.

Prints the median of RUNS runs of each and the ratio.

    make bench    or    /usr/bin/python3 tests/bench/bench_photos.py [RUNS] [COUNT]
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

GOAL_RATIO = 1.5


def main(runs: int = 3, count: int = 500) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    sys.path.append(os.path.join(QgsApplication.pkgDataPath(), "python", "plugins"))
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    from poix_atelier_plugin.processing.provider import AtelierProvider

    provider = AtelierProvider()  # keep a reference: the registry does not own Python objects
    QgsApplication.processingRegistry().addProvider(provider)
    from tests import helpers_photos as hp

    work = Path(tempfile.mkdtemp(prefix="atelier-bench-photos-"))
    try:
        folder = work / "camera"
        rng = random.Random(59464)
        t0 = time.perf_counter()
        from PIL import Image, ImageDraw

        # a camera-like texture (noise does not compress), unique per photo
        base = Image.merge("RGB", [Image.effect_noise((800, 600), 60 + 10 * k) for k in range(3)])
        for i in range(count):
            img = base.copy()
            ImageDraw.Draw(img).rectangle([i % 700, 10, i % 700 + 90, 90], fill=(i % 256, 40, 90))
            x = 743000.0 + rng.uniform(0, 1500)
            y = 7009800.0 + rng.uniform(0, 1200)
            hp.make_photo_at(
                folder / f"IMG_{i:04d}.jpg",
                x,
                y,
                azimut=rng.uniform(0, 360) if i % 2 else None,
                image=img,
            )
        size_kb = sum(p.stat().st_size for p in folder.iterdir()) / 1024
        print(
            f"generated {count} photos ({size_kb / count:.1f} KB each) "
            f"in {time.perf_counter() - t0:.1f} s"
        )
        native, ours = [], []
        for run in range(runs):
            out = work / f"native_{run}.gpkg"
            t = time.perf_counter()
            result = processing.run(
                "native:importphotos",
                {"FOLDER": str(folder), "RECURSIVE": False, "OUTPUT": str(out)},
            )
            native.append(time.perf_counter() - t)
            assert result["OUTPUT"]
            dossier = hp.make_dossier(work / f"dossier_{run}")
            t = time.perf_counter()
            result = processing.run(
                "atelier:import_photos",
                {
                    "DOSSIER": str(dossier),
                    "GROUP": "Groupe 1",
                    "FOLDER": str(folder),
                    "TOLERANCE_M": 50,
                },
            )
            ours.append(time.perf_counter() - t)
            assert result["IMPORTED"] == count, result
        # where the difference goes: the same import with the file copies switched off
        from poix_atelier_plugin.services.photos import photos as photos_service

        no_copy = []
        real_copy = photos_service.copy_file
        photos_service.copy_file = lambda source, target: target
        try:
            for run in range(runs):
                dossier = hp.make_dossier(work / f"nocopy_{run}")
                t = time.perf_counter()
                photos_service.import_photos(dossier, "Groupe 1", folder, 50.0)
                no_copy.append(time.perf_counter() - t)
        finally:
            photos_service.copy_file = real_copy
        copies = []
        for run in range(runs):  # the floor: copying the files, which the contract requires
            target = work / f"copy_{run}"
            target.mkdir()
            t = time.perf_counter()
            for p in folder.iterdir():
                shutil.copyfile(p, target / p.name)
            copies.append(time.perf_counter() - t)
        n, o = statistics.median(native), statistics.median(ours)
        ratio = o / n
        # the machine is shared: the best run of each is the least disturbed one
        print(
            f"native:importphotos   median {n:5.2f} s ({1000 * n / count:.2f} ms/photo), "
            f"best {min(native):5.2f} s"
        )
        print(
            f"atelier:import_photos median {o:5.2f} s ({1000 * o / count:.2f} ms/photo), "
            f"best {min(ours):5.2f} s"
        )
        print(f"ratio of the best runs {min(ours) / min(native):.2f}x")
        print(
            f"(the same import without copying the files under DCIM/: "
            f"median {statistics.median(no_copy):.2f} s, best {min(no_copy):.2f} s)"
        )
        print(
            f"(for scale: copying the files alone, one by one: {statistics.median(copies):.2f} s)"
        )
        verdict = "OK" if ratio <= GOAL_RATIO else "OVER GOAL"
        print(f"ratio of the medians {ratio:.2f}x (goal <= {GOAL_RATIO}x): {verdict}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
        app.exitQgis()


if __name__ == "__main__":
    args = [int(a) for a in sys.argv[1:3]]
    main(*args)
