# SPDX-License-Identifier: GPL-2.0-or-later
"""Saving as drawings are accepted: a locked or read-only GeoPackage, three writers at once,
and the plugin loaded, unloaded and loaded again before drawing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers_groups import TRICKY, X0, Y0, build_dossier, roads_layer
from helpers_panel import FormAnswerer, LayerTools

pytestmark = pytest.mark.gui

WORKER = Path(__file__).with_name("saving_worker.py")


def _settle(ms=300):
    from qgis.core import QgsApplication

    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QgsApplication.processEvents()
        time.sleep(0.01)


def _on_disk(gpkg: Path, where: str = "1") -> int:
    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True, timeout=10)
    try:
        return con.execute(f"SELECT count(*) FROM arrets WHERE {where}").fetchone()[0]
    finally:
        con.close()


@pytest.fixture
def route_step(tmp_path, qgis_iface, qgis_canvas, qgis_new_project, qgis_parent, monkeypatch):
    from qgis.core import QgsProject, QgsRectangle
    from qgis.PyQt.QtCore import QSize

    from poix_atelier_plugin.gui.context import AtelierContext
    from poix_atelier_plugin.gui.steps.route import RouteStep
    from poix_atelier_plugin.services.dossier import project_layers
    from poix_atelier_plugin.store import workspace

    gpkg = build_dossier(tmp_path)
    project = QgsProject.instance()
    project.addMapLayer(roads_layer(gpkg))
    project_layers.add_workspace_layers(project, gpkg)
    qgis_parent.resize(QSize(800, 600))
    qgis_parent.show()
    qgis_canvas.setDestinationCrs(workspace.crs())
    qgis_canvas.setExtent(QgsRectangle(X0 - 800, Y0 - 600, X0 + 800, Y0 + 1000))
    context = AtelierContext(qgis_iface)
    context.set_dossier(str(gpkg))
    context.set_active_group(TRICKY)
    step = RouteStep(context)
    # the feature form needs the desktop's layer tools; the test interface has none
    monkeypatch.setattr(qgis_iface, "vectorLayerTools", LayerTools.get, raising=False)
    qgis_iface.messageBar().clear_messages()
    with FormAnswerer():  # QGIS's own form after each drawing, answered with its OK
        yield gpkg, context, step
    step.unload()
    context.saver.unload()
    for layer in project.mapLayers().values():
        if layer.isEditable():
            layer.rollBack()
    qgis_parent.hide()


def _click_stop(canvas, step, x, y, tool=None):
    from qgis.core import QgsPointXY
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt

    tool = tool or step.start_drawing("add_stop")
    p = canvas.getCoordinateTransform().transform(QgsPointXY(X0 + x, Y0 + y))
    pos = QPoint(round(p.x()), round(p.y()))
    tool.canvasMoveEvent(
        QgsMapMouseEvent(canvas, QEvent.Type.MouseMove, pos, Qt.MouseButton.NoButton)
    )
    tool.canvasReleaseEvent(
        QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, pos, Qt.MouseButton.LeftButton)
    )


def test_a_locked_geopackage_keeps_the_stop_and_saves_it_later(route_step, qgis_canvas, qgis_iface):
    """Another program holds the GeoPackage: the stop stays in memory, is retried, then saved."""
    from qgis.core import Qgis, QgsProject

    from poix_atelier_plugin.services.dossier import project_layers

    gpkg, context, step = route_step
    stops = project_layers.find_layer(QgsProject.instance(), "arrets", TRICKY)
    context.saver.base_interval = 200
    context.saver.timer.setInterval(200)
    tool = step.start_drawing("add_stop")  # the person picked the tool a while ago
    other = sqlite3.connect(str(gpkg), timeout=0, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # then another program writes for a long while
    try:
        _click_stop(qgis_canvas, step, -300, 0, tool)
        assert stops.isModified() and stops.featureCount() == 1  # kept in the buffer
        warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
        assert any("n'a pas pu être enregistré" in w for w in warnings), warnings  # i18n
        assert context.saver.failing
    finally:
        other.execute("ROLLBACK")
        other.close()
    end = time.monotonic() + 15
    while context.saver.failing and time.monotonic() < end:
        _settle(100)
    assert not context.saver.failing and not stops.isModified()
    assert _on_disk(gpkg) == 1
    successes = qgis_iface.messageBar().get_messages(Qgis.Success)
    assert any("sont maintenant enregistrés" in s for s in successes), successes  # i18n


def test_a_read_only_geopackage_never_rolls_back(route_step, qgis_canvas, qgis_iface):
    """The file cannot be written at all: the stop stays in the buffer, the person is told."""
    from qgis.core import Qgis, QgsProject

    from poix_atelier_plugin.services.dossier import project_layers

    gpkg, context, step = route_step
    stops = project_layers.find_layer(QgsProject.instance(), "arrets", TRICKY)
    # a trigger refusing every insert: what a read-only share answers, even to root
    con = sqlite3.connect(str(gpkg))
    con.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON arrets "
        "BEGIN SELECT RAISE(ABORT, 'attempt to write a readonly database'); END"
    )
    con.commit()
    con.close()
    stops.dataProvider().reloadData()
    _click_stop(qgis_canvas, step, 300, 0)
    assert stops.isEditable() and stops.isModified() and stops.featureCount() == 1
    warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
    assert any("gardé en mémoire" in w for w in warnings), warnings  # i18n
    assert _on_disk(gpkg) == 0


def test_three_processes_drawing_into_one_geopackage(tmp_path):
    """Three laptops' worth of writers commit into one file at once: every feature lands."""
    from helpers_groups import build_dossier as make

    gpkg = make(tmp_path)
    n = 60
    procs = [
        subprocess.Popen(
            [sys.executable, str(WORKER), str(gpkg), f"Groupe {i}", str(n)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        )
        for i in (1, 2, 3)
    ]
    outputs = [p.communicate(timeout=300) for p in procs]
    for proc, (_out, err) in zip(procs, outputs):
        assert proc.returncode == 0, err[-2000:]
    retried = sum(int(out.split("retried=")[1].split()[0]) for out, _err in outputs)
    for i in (1, 2, 3):
        assert _on_disk(gpkg, f"groupe = 'Groupe {i}'") == n
    print(f"3 x {n} commits, {retried} needed more than one try")


def test_reload_then_draw_then_saved(
    tmp_path, qgis_iface, qgis_canvas, qgis_new_project, qgis_parent, monkeypatch
):
    """Plugin loaded, unloaded, loaded again (Plugin Reloader), then a stop drawn is on disk."""
    from qgis.core import QgsProject, QgsRectangle
    from qgis.PyQt.QtCore import QSize

    import poix_atelier_plugin
    from poix_atelier_plugin.gui import tasks
    from poix_atelier_plugin.services.dossier import project_layers
    from poix_atelier_plugin.store import workspace

    gpkg = build_dossier(tmp_path)
    project = QgsProject.instance()
    project.addMapLayer(roads_layer(gpkg))
    project_layers.add_workspace_layers(project, gpkg)
    first = poix_atelier_plugin.classFactory(qgis_iface)
    first.initGui()
    first.dock_action.trigger()
    first_dock = first.dock
    first.unload()
    assert first.dock is None and not tasks.running()
    second = poix_atelier_plugin.classFactory(qgis_iface)
    second.initGui()
    try:
        second.dock_action.trigger()
        dock = second.dock
        assert dock is not None and dock is not first_dock
        dock.context.set_dossier(str(gpkg))
        dock.context.set_active_group(TRICKY)
        qgis_parent.resize(QSize(800, 600))
        qgis_parent.show()
        qgis_canvas.setDestinationCrs(workspace.crs())
        qgis_canvas.setExtent(QgsRectangle(X0 - 800, Y0 - 600, X0 + 800, Y0 + 1000))
        step = dock.step("route")
        monkeypatch.setattr(qgis_iface, "vectorLayerTools", LayerTools.get, raising=False)
        with FormAnswerer():  # QGIS's own form, answered with its OK
            _click_stop(qgis_canvas, step, 0, 300)
        _settle()
        assert _on_disk(gpkg) == 1
        stops = project_layers.find_layer(project, "arrets", TRICKY)
        assert not stops.isModified()
    finally:
        second.unload()
        qgis_parent.hide()
