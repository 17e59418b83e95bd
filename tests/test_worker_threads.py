# SPDX-License-Identifier: GPL-2.0-or-later
"""Algorithms run in a worker thread read no project instance and build no project there.

The Processing dialog runs an algorithm in a QgsTask (QgsProcessingAlgRunnerTask):
``processAlgorithm`` in a worker thread, ``postProcessAlgorithm`` back on the main
thread. A script may also call ``processing.run`` from its own thread with a context
made on the main thread. In both, the algorithm must not read
``QgsProject.instance()`` (the live project, its layers and transform context belong
to the main thread), and in the first the projects it writes are written on the main
thread.
"""

from __future__ import annotations

import threading
import time
import traceback
from pathlib import Path

import pytest
from helpers_dossier import layer, mixed_sources
from helpers_pg import pg_cluster  # noqa: F401 - the fixture of pg_connection
from helpers_pg_qgis import pg_connection  # noqa: F401 - a fixture

from tests import helpers_photos as hp


def _off_main() -> bool:
    from qgis.PyQt.QtCore import QCoreApplication, QThread

    return QThread.currentThread() != QCoreApplication.instance().thread()


@pytest.fixture
def off_main_reads(monkeypatch, qgis_app) -> list[str]:
    """Where QgsProject.instance() was called off the main thread (stacks)."""
    from qgis.core import QgsProject

    original = QgsProject.instance
    seen: list[str] = []

    def instance():
        if _off_main():
            seen.append("".join(traceback.format_stack(limit=14)))
        return original()

    monkeypatch.setattr(QgsProject, "instance", staticmethod(instance))
    return seen


@pytest.fixture
def off_main_writes(monkeypatch, qgis_app) -> list[str]:
    """Projects written off the main thread (their paths)."""
    from qgis.core import QgsProject

    original = QgsProject.write
    seen: list[str] = []

    def write(self, *args):
        if _off_main():
            seen.append(str(args[0]) if args else self.fileName())
        return original(self, *args)

    monkeypatch.setattr(QgsProject, "write", write)
    return seen


def _context():
    from qgis.core import QgsProcessingContext, QgsProject

    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    return context


def _wait(done, seconds: float = 300.0) -> None:
    from qgis.PyQt.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < end, "the worker did not end"
        QCoreApplication.processEvents()
        time.sleep(0.01)


def run_in_thread(alg_id: str, params: dict) -> dict:
    """processing.run from a Python thread, with a context made on the main thread."""
    import processing
    from qgis.core import QgsProcessingFeedback

    context, feedback = _context(), QgsProcessingFeedback()
    out: dict = {}

    def work():
        try:
            out["result"] = processing.run(alg_id, params, context=context, feedback=feedback)
        except Exception as exc:  # noqa: BLE001 - handed back to the test's thread
            out["error"] = exc

    thread = threading.Thread(target=work)
    thread.start()
    _wait(lambda: not thread.is_alive())
    thread.join()
    if "error" in out:
        raise out["error"]
    return out["result"]


def run_as_dialog(alg_id: str, params: dict) -> tuple[bool, dict, list[str]]:
    """The way the Processing dialog runs it in the background: a QgsProcessingAlgRunnerTask."""
    from qgis.core import QgsApplication, QgsProcessingAlgRunnerTask, QgsProcessingFeedback

    errors: list[str] = []

    class Feedback(QgsProcessingFeedback):
        def reportError(self, error, fatalError=False):  # noqa: N803 - QGIS's names
            errors.append(error)
            super().reportError(error, fatalError)

    algorithm = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
    context, feedback = _context(), Feedback()
    ended: dict = {}
    task = QgsProcessingAlgRunnerTask(algorithm, params, context, feedback)
    task.executed.connect(lambda ok, results: ended.update(ok=ok, results=results))
    QgsApplication.taskManager().addTask(task)
    _wait(lambda: "ok" in ended)
    return ended["ok"], ended["results"], errors


@pytest.fixture
def dossier_params(communes_geojson, tmp_path) -> dict:
    """Build parameters whose sources are live layers of the project."""
    from qgis.core import QgsProject, QgsVectorLayer

    folder = tmp_path / "sources"
    folder.mkdir()
    paths = mixed_sources(folder)
    project = QgsProject.instance()
    communes = QgsVectorLayer(str(communes_geojson), "Communes", "ogr")
    sources = [layer(paths["routes"], "routes", "Routes"), layer(paths["patrimoine"], "patrimoine")]
    project.addMapLayers([communes, *sources])
    yield {
        "COMMUNES": communes.id(),
        "CODE_INSEE": "59464",
        "BUFFER": 500,
        "SOURCES": [s.id() for s in sources],
        "ONLINE_LAYERS": False,
        "OUTPUT_FOLDER": str(tmp_path / "out"),
    }
    project.removeMapLayers([communes.id(), *(s.id() for s in sources)])


def _built(result: dict) -> None:
    from qgis.core import QgsProject

    gpkg, qgz = Path(result["DOSSIER"]), Path(result["PROJECT"])
    assert gpkg.is_file() and qgz.is_file()
    assert result["COMMUNE_NAME"] == "Poix-du-Nord"
    assert sorted(p.name for p in gpkg.parent.iterdir()) == [gpkg.name, qgz.name]
    project = QgsProject()
    assert project.read(str(qgz))
    count = len(project.mapLayers())  # commune, neighbours, study area, the two sources
    project.clear()
    assert count >= 5


def test_build_in_a_python_thread_reads_no_project_instance(
    atelier_provider, dossier_params, off_main_reads
):
    result = run_in_thread("atelier:build_dossier", dossier_params)
    _built(result)
    assert off_main_reads == [], off_main_reads[0]


def test_build_in_the_dialog_task_writes_its_project_on_the_main_thread(
    atelier_provider, dossier_params, off_main_reads, off_main_writes
):
    ok, result, errors = run_as_dialog("atelier:build_dossier", dossier_params)
    assert ok and not errors, errors
    _built(result)
    assert off_main_reads == [], off_main_reads[0]
    assert off_main_writes == []


def test_build_in_the_dialog_task_says_a_failure_of_the_project(
    atelier_provider, dossier_params, monkeypatch
):
    """The project is written after the worker: its failure still reaches the dialog."""
    from qgis.core import QgsProject

    monkeypatch.setattr(QgsProject, "write", lambda self, *args: False)
    ok, result, errors = run_as_dialog("atelier:build_dossier", dossier_params)
    assert "PROJECT" not in result and "DOSSIER" not in result
    assert errors and "atelier_59464.qgz" in errors[-1]
    assert list(Path(dossier_params["OUTPUT_FOLDER"]).iterdir()) == []  # nothing half-done


@pytest.fixture
def dossier(qgis_app, tmp_path) -> Path:
    return hp.make_dossier(tmp_path / "dossier")


def _package_params(dossier: Path, out: Path) -> dict:
    return {
        "DOSSIER": str(dossier),
        "GROUP": "Groupe 1",
        "OUTPUT_FOLDER": str(out),
        "BASEMAP": True,
        "ZOOM_MAX": 12,
    }


def test_field_package_in_a_python_thread_reads_no_project_instance(
    atelier_provider, dossier, tmp_path, off_main_reads
):
    result = run_in_thread("atelier:export_field_package", _package_params(dossier, tmp_path))
    assert Path(result["PROJECT"]).is_file() and Path(result["PACKAGE"]).is_dir()
    assert off_main_reads == [], off_main_reads[0]


def test_field_package_in_the_dialog_task_builds_its_projects_on_the_main_thread(
    atelier_provider, dossier, tmp_path, off_main_reads, off_main_writes, monkeypatch
):
    from qgis.core import QgsProject

    built_off_main: list[str] = []
    original = QgsProject.addMapLayer

    def add(self, *args):
        if _off_main():
            built_off_main.append(args[0].name())
        return original(self, *args)

    monkeypatch.setattr(QgsProject, "addMapLayer", add)
    ok, result, errors = run_as_dialog(
        "atelier:export_field_package", _package_params(dossier, tmp_path)
    )
    assert ok and not errors, errors
    assert Path(result["PROJECT"]).is_file()
    assert off_main_reads == [], off_main_reads[0]
    assert off_main_writes == [] and built_off_main == []


def test_photo_import_in_a_python_thread_reads_no_project_instance(
    atelier_provider, dossier, tmp_path, off_main_reads
):
    folder = tmp_path / "camera"
    hp.make_photo_at(folder / "IMG_0001.jpg", 743410.0, 7010270.0, azimut=135.0)
    hp.make_photo_at(folder / "IMG_0002.jpg", 744100.0, 7010120.0, colour=(10, 20, 200))
    params = {"DOSSIER": str(dossier), "GROUP": "Groupe 1", "FOLDER": str(folder)}
    params["TOLERANCE_M"] = 50.0
    result = run_in_thread("atelier:import_photos", params)
    assert result["IMPORTED"] == 2 and result["OUTSIDE_AREA"] == 0
    assert off_main_reads == [], off_main_reads[0]


# the panel's server copies ---------------------------------------------------------


@pytest.fixture
def step(qgis_iface, qgis_new_project):
    from poix_atelier_plugin.gui import server_actions
    from poix_atelier_plugin.gui.context import AtelierContext
    from poix_atelier_plugin.gui.steps.groups import GroupsStep

    qgis_iface.messageBar().clear_messages()
    panel = GroupsStep(AtelierContext(qgis_iface))
    yield panel
    panel.unload()
    server_actions.uninstall()


@pytest.mark.gui
def test_publish_then_fetch_from_the_panel_open_their_layers_on_the_main_thread(
    step, pg_connection, tmp_path, qgis_iface, monkeypatch, off_main_writes
):
    """On QGIS 3.22 an OGR layer opened by a task while the main thread opened another
    deadlocked the panel's publish-then-fetch."""
    from helpers_panel import press
    from helpers_pg_qgis import make_dossier
    from helpers_server_gui import Driver, click_no, fill_server_dialog
    from qgis.core import Qgis, QgsVectorLayer

    from poix_atelier_plugin.gui import tasks
    from poix_atelier_plugin.services.server import pg_fetch, pg_sync

    opened_off_main: list[str] = []

    class Recording(QgsVectorLayer):
        def __init__(self, *args):
            if _off_main():
                opened_off_main.append(str(args[0]))
            super().__init__(*args)

    for module in (pg_sync, pg_fetch):
        monkeypatch.setattr(module, "QgsVectorLayer", Recording)
    bar = qgis_iface.messageBar()
    name = "atelier_fils_panneau"
    gpkg = make_dossier(tmp_path / "atelier_59464.gpkg")
    step.context.set_dossier(str(gpkg))
    with Driver() as driver:
        driver.on("ServerDialog", fill_server_dialog(pg_connection.name, name))
        driver.on("openFacilitatorProject", click_no)
        press(step, "publish_server")
        driver.wait(lambda: not driver.steps and not tasks.running())
    copy = tmp_path / "copie.gpkg"
    with Driver() as driver:
        driver.on("ServerDialog", fill_server_dialog(pg_connection.name, name, copy))
        press(step, "fetch_local")
        driver.wait(lambda: not driver.steps and not tasks.running())
    assert not bar.get_messages(Qgis.MessageLevel.Critical), bar.get_messages(Qgis.Critical)
    assert copy.is_file() and (tmp_path / f"{name}_serveur.qgz").is_file()
    assert opened_off_main == [] and off_main_writes == []
