# SPDX-License-Identifier: GPL-2.0-or-later
"""Rebuild the committed sample: sources, dossier under sample/, sample_project.qgz at the root.

Rerunnable. Steps: make_sample_sources → atelier:build_dossier (OVERWRITE on;
ONLINE_LAYERS off, so that the sample opens without QGIS's "unavailable layers"
dialog on a machine without network; dossiers built by agents add them) → the other populate scripts when present (groups, diagnostic,
photos) → group layers added to the project when services.dossier.project_layers offers
add_workspace_layers → sample_project.qgz saved with paths relative to the root.
Run: QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_sample.py
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample"
ROOT_PROJECT = REPO / "sample_project.qgz"
POPULATE_SCRIPTS = ("make_sample_groups", "make_sample_diagnostic", "make_sample_photos")

sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))


def _load_script(name: str):
    path = REPO / "scripts" / f"{name}.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def source_layers(gpkg: Path):
    """The sample sources as a user would load them (French display names)."""
    from qgis.core import QgsVectorLayer
    from sample_poix_facts import DISPLAY_NAMES

    layers = []
    for table, title in DISPLAY_NAMES.items():
        layer = QgsVectorLayer(f"{gpkg}|layername={table}", title, "ogr")
        if not layer.isValid():
            raise RuntimeError(f"sample source {table} not readable")
        layers.append(layer)
    return layers


def build(online: bool = False) -> tuple[Path, Path]:
    import processing
    from make_sample_sources import make
    from qgis.core import QgsVectorLayer

    sources_gpkg = make(SAMPLE / "sources" / "poix_sources.gpkg")
    communes = QgsVectorLayer(f"{sources_gpkg}|layername=communes", "Communes", "ogr")
    result = processing.run(
        "atelier:build_dossier",
        {
            "COMMUNES": communes,
            "CODE_INSEE": "59464",
            "CODE_FIELD": "",
            "BUFFER": 500,
            "SOURCES": source_layers(sources_gpkg),
            "ONLINE_LAYERS": online,
            "OVERWRITE": True,
            "OUTPUT_FOLDER": str(SAMPLE),
        },
    )
    return Path(result["DOSSIER"]), Path(result["PROJECT"])


def populate(gpkg: Path) -> list[str]:
    # The dossier was rebuilt from scratch: photos of a previous run belong to no row any more.
    shutil.rmtree(gpkg.parent / "DCIM", ignore_errors=True)
    done = []
    for name in POPULATE_SCRIPTS:
        module = _load_script(name)
        if module is not None and hasattr(module, "populate"):
            module.populate(str(gpkg))
            done.append(name)
    return done


def write_root_project(dossier_project: Path, gpkg: Path) -> Path:
    from qgis.core import QgsProject

    project = QgsProject()
    if not project.read(str(dossier_project)):
        raise RuntimeError(project.error())
    try:
        from poix_atelier_plugin.services.dossier import project_layers
        from poix_atelier_plugin.store.workspace import read_groups
    except ImportError:
        project_layers = None
    if project_layers is not None and hasattr(project_layers, "add_workspace_layers"):
        groups = read_groups(gpkg)
        if groups:
            project_layers.add_workspace_layers(project, str(gpkg), groups)
    project.writeEntry("Paths", "/Absolute", False)
    project.writeEntry("poix_atelier_plugin", "dossier_path", "./sample/" + gpkg.name)
    if not project.write(str(ROOT_PROJECT)):
        raise RuntimeError(project.error())
    return ROOT_PROJECT


def main() -> None:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from poix_atelier_plugin.infra.i18n import install_translator
    from poix_atelier_plugin.processing.provider import AtelierProvider

    translator = install_translator("fr")  # layer and group names in French when the .qm exists
    provider = AtelierProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    gpkg, qgz = build()
    done = populate(gpkg)
    root = write_root_project(qgz, gpkg)
    print(f"dossier: {gpkg}\nproject: {qgz}\nroot project: {root}\npopulated by: {done}")
    del translator


if __name__ == "__main__":
    main()
