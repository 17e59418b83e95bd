# SPDX-License-Identifier: GPL-2.0-or-later
"""`make demo`: every board of the sample's three groups, written to out/boards/.

From a fresh clone: builds the committed sample when it is missing
(scripts/make_sample.py), copies sample_project.qgz and sample/ into
out/sample (the committed sample is never modified), makes sure the three
illustrative groups are drawn (the sample populate scripts), then exports
every board (A3 landscape PDF, one file per board plus the combined file)
and a PNG preview of the field maps, and saves a copy of the project with
the layouts in out/sample/ so they can be retouched in QGIS.
Run: QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/demo.py [--paper A3] [--png]
"""

from __future__ import annotations

import argparse
import importlib.util
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE_PROJECT = REPO / "sample_project.qgz"
SAMPLE = REPO / "sample"
OUT = REPO / "out"
POPULATE = ("make_sample_groups", "make_sample_diagnostic", "make_sample_photos")

sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))


def ensure_sample() -> None:
    """Build the sample with scripts/make_sample.py when it is missing."""
    if SAMPLE_PROJECT.is_file() and SAMPLE.is_dir():
        return
    print("sample_project.qgz is missing: building the sample (scripts/make_sample.py)…")
    subprocess.run([sys.executable, str(REPO / "scripts" / "make_sample.py")], check=True)


def copy_sample() -> Path:
    target = OUT / "sample"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    shutil.copytree(SAMPLE, target / "sample")
    shutil.copy2(SAMPLE_PROJECT, target / SAMPLE_PROJECT.name)
    return target / SAMPLE_PROJECT.name


def _script(name: str):
    path = REPO / "scripts" / f"{name}.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ensure_groups(gpkg: Path) -> list[str]:
    """The three illustrative groups, drawn by the sample scripts when absent."""
    from poix_atelier_plugin.store import workspace

    groups = workspace.read_groups(gpkg)
    stops = workspace.open_layer(gpkg, "arrets").featureCount() if groups else 0
    if len(groups) < 3 or not stops:
        for name in POPULATE:
            module = _script(name)
            if module is not None and hasattr(module, "populate"):
                print(f"drawing the sample groups: {name}.populate")
                module.populate(str(gpkg))
        groups = workspace.read_groups(gpkg)
    return [g.name for g in groups]


def dossier_of(project, project_path: Path) -> Path:
    from poix_atelier_plugin.infra.settings import ProjectSettings

    path = ProjectSettings.load(project).dossier_path
    if path and Path(path).is_file():
        return Path(path)
    found = sorted((project_path.parent / "sample").glob("atelier_*.gpkg"))
    if not found:
        raise SystemExit("no dossier (atelier_*.gpkg) in the sample")
    return found[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paper", default="A3")
    parser.add_argument("--orientation", default="landscape")
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--png", action="store_true", help="also PNG pages of every board")
    args = parser.parse_args()

    ensure_sample()
    from qgis.core import QgsApplication, QgsProject

    app = QgsApplication([], True)
    app.initQgis()
    from poix_atelier_plugin.boards import BoardOptions
    from poix_atelier_plugin.boards.engine import export_boards
    from poix_atelier_plugin.domain.errors import AtelierError
    from poix_atelier_plugin.infra.i18n import error_text, install_translator

    translator = install_translator("fr")  # French boards when the catalogue is built
    from qgis.PyQt.QtCore import QDate, QLocale

    locale = QLocale("fr_FR" if translator is not None else "en_GB")
    date = locale.toString(QDate.currentDate(), "d MMMM yyyy")
    project_path = copy_sample()
    project = QgsProject()
    if not project.read(str(project_path)):
        raise SystemExit(f"cannot read {project_path}: {project.error()}")
    gpkg = dossier_of(project, project_path)
    groups = ensure_groups(gpkg)
    print(f"dossier: {gpkg}\ngroups: {', '.join(groups)}")
    boards = OUT / "boards"
    if boards.exists():
        shutil.rmtree(boards)
    start = time.perf_counter()
    try:
        files = export_boards(
            boards,
            BoardOptions(paper=args.paper, orientation=args.orientation, dpi=args.dpi, date=date),
            dossier=str(gpkg),
            project=project,
        )
        previews = export_boards(
            boards / "png",
            BoardOptions(
                boards=["terrain", "synthese"],
                fmt="png",
                dpi=100,
                paper=args.paper,
                orientation=args.orientation,
                add_to_project=False,
                date=date,
            ),
            dossier=str(gpkg),
            project=project,
        )
        if args.png:
            previews += export_boards(
                boards / "png",
                BoardOptions(
                    fmt="png",
                    dpi=100,
                    paper=args.paper,
                    orientation=args.orientation,
                    add_to_project=False,
                    date=date,
                ),
                dossier=str(gpkg),
                project=project,
            )
    except AtelierError as exc:
        print(f"error: {error_text(exc)}", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - start
    saved = project_path.with_name("sample_project_planches.qgz")
    project.write(str(saved))
    print(f"\n{len(files)} boards (PDF) in {seconds:.1f} s:")
    for path in files:
        print(f"  {path}")
    print(f"PNG previews: {boards / 'png'} ({len(set(previews))} files)")
    print(f"project with the layouts (Project > Layouts): {saved}")
    del translator
    return 0


if __name__ == "__main__":
    sys.exit(main())
