# SPDX-License-Identifier: GPL-2.0-or-later
"""The dock's Photos step: import in a task, place the photos without GPS, package out and back."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from tests import helpers_photos as hp


def wait_for(actions, timeout: float = 60.0) -> None:
    from qgis.PyQt.QtCore import QCoreApplication

    end = time.monotonic() + timeout
    while actions.task is not None:
        QCoreApplication.processEvents()
        time.sleep(0.02)
        assert time.monotonic() < end, "the photo task did not finish"
    QCoreApplication.processEvents()


@pytest.fixture
def step(qgis_iface, qgis_new_project, tmp_path):
    from poix_atelier_plugin.gui.context import AtelierContext
    from poix_atelier_plugin.gui.steps.photos import PhotosStep

    gpkg = hp.make_dossier(tmp_path / "dossier")
    context = AtelierContext(qgis_iface)
    context.set_dossier(str(gpkg))
    context.set_active_group("Groupe 1")
    panel = PhotosStep(context)
    yield panel
    panel.unload()


def test_actions_are_enabled(step):
    for key in ("import_photos", "field_package", "merge_package"):
        assert step.buttons[key].isEnabled(), key
    names = [a.objectName() for a in step.buttons["import_photos"].menu().actions()]
    assert names == ["importFolder", "importFiles"]


def test_import_then_place_the_photo_without_gps(step, photos_dir, tmp_path):
    from qgis.core import QgsGeometry, QgsPointXY

    from poix_atelier_plugin.core import workspace

    folder = tmp_path / "cam"
    hp.make_photo_at(folder / "IMG_1.jpg", 743405.0, 7010275.0, azimut=200.0)
    shutil.copy(photos_dir / "phone" / "jolla.jpg", folder)
    shutil.copy(photos_dir / "gps" / "DSCN0010.jpg", folder)
    actions = step.photo_actions
    actions.tolerance.setValue(30)
    assert actions.import_photos(str(folder)) is not None
    wait_for(actions)
    counts = actions.last_report.counts()
    assert (counts["IMPORTED"], counts["NO_GPS"], counts["OUTSIDE_AREA"]) == (1, 1, 1)
    dialog = actions.dialog
    assert dialog is not None and dialog.isVisible() and dialog.list.count() == 1
    assert not dialog.list.item(0).icon().isNull(), "no thumbnail in the list"
    dialog.place_button.setChecked(True)
    assert step.iface.mapCanvas().mapTool() is dialog.tool
    rel = dialog.place_at(QgsGeometry.fromPointXY(QgsPointXY(743702.0, 7010498.0)))
    assert rel == "DCIM/Groupe_1/jolla.jpg"
    assert dialog.list.count() == 0 and not dialog.place_button.isChecked()
    dossier = Path(step.context.dossier)
    layer = workspace.open_layer(dossier, "observations", "Groupe 1")
    stops = {
        f.id(): f["nom"] for f in workspace.open_layer(dossier, "arrets", "Groupe 1").getFeatures()
    }
    placed = {Path(f["photo"]).name: stops.get(f["arret_id"]) for f in layer.getFeatures()}
    assert placed == {"IMG_1.jpg": "Place Talma", "jolla.jpg": "Église Saint-Martin"}
    dialog.close()


def test_export_and_bring_back_the_package(step, tmp_path):
    from poix_atelier_plugin.core import workspace

    actions = step.photo_actions
    dossier = step.context.dossier
    task = actions.start_export(dossier, "Groupe 1", str(tmp_path / "out"))
    assert task is not None
    wait_for(actions, 120)
    package = tmp_path / "out" / "terrain_Groupe_1"
    assert (package / "terrain_Groupe_1.qgz").is_file()
    stops = workspace.open_layer(package / "terrain_Groupe_1.gpkg", "arrets")
    feat = next(stops.getFeatures())
    stops.dataProvider().changeAttributeValues({feat.id(): {stops.fields().indexOf("notes"): "vu"}})
    report = actions.merge_from(str(package), dossier)
    assert report is not None and report.total("updated") == 1 and report.total("inserted") == 0


def test_observation_layers_added_get_the_photo_form(step):
    """The sample project sits above its dossier: thumbnails must be rooted at the data."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QCoreApplication

    from poix_atelier_plugin.core import photo_style, workspace

    layer = workspace.open_layer(step.context.dossier, "observations", "Groupe 1")
    QgsProject.instance().addMapLayer(layer)
    try:
        QCoreApplication.processEvents()
        assert layer.customProperty(photo_style.PHOTO_STYLE_PROP)
        config = layer.editorWidgetSetup(layer.fields().indexOf("photo")).config()
        root = config["PropertyCollection"]["properties"]["propertyRootPath"]
        assert root["active"] and root["expression"] == photo_style.LAYER_FOLDER_EXPRESSION
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
