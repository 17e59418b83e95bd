# SPDX-License-Identifier: GPL-2.0-or-later
"""Benchmark: every board of three groups, A3 landscape at 300 dpi.

Times the plugin's whole export (reading the dossier, building the layouts,
exporting them, combining the PDF, moving files into place) and QGIS's own
QgsLayoutExporter exporting the same, already prepared layouts with the
same settings. Goal: plugin within 1.3x of QgsLayoutExporter alone.
Uses the committed sample when present, else a hand-made dossier. With
--fresh, each run starts from a new project (a first export in a session) and
QGIS alone exports the same layouts from that project saved and reopened, so
both sides start with freshly opened layers.
Run: QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/bench/bench_boards.py [--png]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))


def dossier(tmp: Path) -> Path:
    sample = sorted((REPO / "sample").glob("atelier_*.gpkg"))
    if sample:
        target = tmp / "sample"
        shutil.copytree(REPO / "sample", target)
        return target / sample[0].name
    from helpers_boards import make_dossier

    return make_dossier(tmp / "dossier", n_stops=8)


def qgis_alone(layouts, folder: Path, options) -> float:
    from qgis.core import QgsLayoutExporter

    from poix_atelier_plugin.boards.engine import image_settings, pdf_settings

    folder.mkdir()
    start = time.perf_counter()
    for i, layout in enumerate(layouts):
        path = folder / f"{i:02d}"
        atlas = layout.atlas()
        if options.fmt == "pdf":
            if atlas.enabled():
                QgsLayoutExporter.exportToPdf(atlas, f"{path}.pdf", pdf_settings(options))
            else:
                QgsLayoutExporter(layout).exportToPdf(f"{path}.pdf", pdf_settings(options))
        elif atlas.enabled():
            QgsLayoutExporter.exportToImage(atlas, str(path), "png", image_settings(options))
        else:
            QgsLayoutExporter(layout).exportToImage(f"{path}.png", image_settings(options))
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--png", action="store_true", help="PNG pages instead of PDF")
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--fresh", action="store_true", help="a new project for each run")
    args = parser.parse_args()
    from qgis.core import QgsApplication, QgsProject

    app = QgsApplication([], True)
    app.initQgis()
    from poix_atelier_plugin.boards import BoardOptions
    from poix_atelier_plugin.boards.engine import export_boards

    options = BoardOptions(paper="A3", dpi=args.dpi, fmt="png" if args.png else "pdf")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        gpkg = dossier(tmp)
        project = QgsProject()
        export_boards(tmp / "warm", options, dossier=str(gpkg), project=project)  # warm caches
        plugin_runs, alone_runs = [], []
        for run in range(args.runs):  # interleaved, best of each: the machine is shared
            if args.fresh:  # a first export in a session: a project without board layers
                project = QgsProject()
            start = time.perf_counter()
            files = export_boards(tmp / f"plugin{run}", options, dossier=str(gpkg), project=project)
            plugin_runs.append(time.perf_counter() - start)
            layouts = project.layoutManager().layouts()
            if args.fresh:  # QGIS alone also starts from freshly opened layers
                saved = tmp / f"boards{run}.qgz"
                project.write(str(saved))
                reopened = QgsProject()
                reopened.read(str(saved))
                layouts = reopened.layoutManager().layouts()
            alone_runs.append(qgis_alone(layouts, tmp / f"qgis{run}", options))
        plugin, alone = min(plugin_runs), min(alone_runs)
        pages = sum(1 for _ in (tmp / "qgis0").iterdir()) if args.png else None
        print(
            f"dossier: {gpkg.name} ({'sample' if 'sample' in str(gpkg) else 'hand-made'}), "
            f"{'new project per run' if args.fresh else 'same project (re-export)'}"
        )
        print(
            f"boards: {len(layouts)} layouts, {len(files)} files, format {options.fmt}, "
            f"A3 landscape, {options.dpi} dpi" + (f", {pages} pages" if pages else "")
        )
        print(f"plugin export_boards (prepare + export + combine): {plugin:.2f} s")
        print(f"QgsLayoutExporter alone on the same layouts:       {alone:.2f} s")
        print(
            f"runs (s): plugin {', '.join(f'{t:.2f}' for t in plugin_runs)}; "
            f"QgsLayoutExporter {', '.join(f'{t:.2f}' for t in alone_runs)}"
        )
        print(f"ratio: {plugin / alone:.2f}x (goal <= 1.3x)")
        project.clear()  # release layouts and layers before QGIS shuts down
    app.exitQgis()


if __name__ == "__main__":
    main()
