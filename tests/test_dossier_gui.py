# SPDX-License-Identifier: GPL-2.0-or-later
"""The dock's Dossier step: build through the dialog (QgsTask), cancel, open a dossier."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from helpers_dossier import POIX, files_in, mixed_sources
from helpers_panel import press


@pytest.fixture()
def step(qgis_iface, qgis_new_project, atelier_provider):
    from poix_atelier_plugin.gui.context import AtelierContext
    from poix_atelier_plugin.gui.steps.dossier import DossierStep

    context = AtelierContext(qgis_iface)
    panel = DossierStep(context)
    yield panel
    panel.unload()


def _wait(dialog, seconds: float = 60.0) -> None:
    from qgis.PyQt.QtWidgets import QApplication

    end = time.time() + seconds
    while dialog.task is not None and time.time() < end:
        QApplication.processEvents()
        time.sleep(0.02)
    assert dialog.task is None, "the build task did not finish"


def _fill(dialog, communes: Path, code: str, out: Path, sources: list[Path]) -> None:
    dialog.communesFile.setFilePath(str(communes))
    dialog.codeEdit.setText(code)
    dialog.folderWidget.setFilePath(str(out))
    dialog.onlineCheck.setChecked(False)
    for path in sources:
        assert dialog.add_source_file(str(path))


def test_build_through_the_dialog_then_open(step, communes_geojson, tmp_path, qgis_iface):
    from qgis.core import QgsPointXY, QgsProject
    from qgis.PyQt.QtCore import Qt

    assert step.buttons["build_dossier"].isEnabled()
    assert step.buttons["open_dossier"].isEnabled()
    dialog = step.show_build_dialog()
    sources = mixed_sources(tmp_path)
    out = tmp_path / "dossier été"
    _fill(dialog, communes_geojson, "59464", out, list(sources.values()))
    assert dialog.codeFieldCombo.layer() is not None
    assert len(dialog.source_layers()) == 3
    built = []
    dialog.built.connect(built.append)
    dialog.buildButton.click()
    assert not dialog.buildButton.isEnabled() and dialog.cancelButton.isEnabled()
    _wait(dialog)
    assert built, dialog.statusLabel.text()
    assert dialog.progressBar.value() == 100
    assert files_in(out) == ["atelier_59464.gpkg", "atelier_59464.qgz"]
    # "Open the dossier when it is built": the project is open, the context knows the dossier.
    project = QgsProject.instance()
    assert Path(project.fileName()) == out / "atelier_59464.qgz"
    assert Path(step.context.dossier) == out / "atelier_59464.gpkg"
    extent = qgis_iface.mapCanvas().extent()
    assert extent.contains(QgsPointXY(*POIX))
    assert extent.width() < 20000
    # Shown again, the dialog lists the layers of the project now open (plus its files).
    again = step.show_build_dialog()
    assert again is dialog
    items = [
        dialog.sourcesList.item(i).data(Qt.UserRole) for i in range(dialog.sourcesList.count())
    ]
    assert set(project.mapLayers()) <= set(items)


def test_bad_code_is_shown_and_cancel_writes_nothing(step, communes_geojson, tmp_path):
    dialog = step.show_build_dialog()
    out = tmp_path / "out"
    _fill(dialog, communes_geojson, "12345", out, [])
    dialog.buildButton.click()
    _wait(dialog)
    assert "12345" in dialog.statusLabel.text()
    assert files_in(out) == []
    # Cancel: the build stops and leaves nothing behind.
    dialog.codeEdit.setText("59464")
    dialog.buildButton.click()
    dialog.cancelButton.click()
    _wait(dialog)
    assert files_in(out) == []
    assert dialog.buildButton.isEnabled()


def test_open_a_geopackage_alone(step, communes_geojson, tmp_path, qgis_iface):
    """A GeoPackage on its own comes back styled and grouped by theme, zoomed on the commune."""
    from qgis.core import QgsPointXY, QgsProject, QgsVectorLayer

    from poix_atelier_plugin.services.dossier.dossier import build_dossier

    sources = mixed_sources(tmp_path)
    layers = [QgsVectorLayer(f"{p}|layername={t}", t, "ogr") for t, p in sources.items()]
    communes = QgsVectorLayer(str(communes_geojson), "communes", "ogr")
    result = build_dossier(communes, "59464", tmp_path / "d #1 l'été ?", sources=layers)
    QgsProject.instance().clear()
    step.ask_dossier_path = lambda: result.gpkg
    press(step, "open_dossier")
    project = QgsProject.instance()
    themes = [g.customProperty("atelier/theme") for g in project.layerTreeRoot().children()]
    assert themes == ["contexte", "foncier", "patrimoine", "mobilite"]
    by_table = {
        lyr.customProperty("atelier/dossier_table"): lyr for lyr in project.mapLayers().values()
    }
    assert set(by_table) == {
        "perimetre_etude",
        "commune",
        "communes_voisines",
        "routes",
        "parcelles",
        "patrimoine",
    }
    # Styles came back from layer_styles (the commune is an outline, not a random fill).
    symbol = by_table["commune"].renderer().symbol()
    assert symbol.color().alpha() == 0
    assert step.context.dossier == result.gpkg
    assert qgis_iface.mapCanvas().extent().contains(QgsPointXY(*POIX))
    # A file that is not a dossier: a clear message, nothing added.
    step.ask_dossier_path = lambda: str(sources["routes"])
    count = len(project.mapLayers())
    assert not step.open_dossier(str(sources["routes"]))
    assert len(project.mapLayers()) == count


def test_dialog_with_a_multi_layer_file(step, tmp_path):
    """The sample sources GeoPackage: communes found in it, its other layers become sources."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from make_sample_sources import make
    from sample_poix_facts import DISPLAY_NAMES

    path = make(tmp_path / "poix_sources.gpkg")
    dialog = step.show_build_dialog()
    dialog.communesFile.setFilePath(str(path))
    communes = dialog.communes_layer()
    assert communes is not None and communes.source().endswith("layername=communes")
    assert dialog.codeFieldCombo.layer() is communes
    assert dialog.add_source_file(str(path))
    names = {layer.name() for layer in dialog.source_layers()}
    assert names == set(DISPLAY_NAMES)  # every table but communes


def test_rebuild_through_the_dialog_keeps_the_open_groups_work(
    step, communes_geojson, tmp_path, qgis_iface
):
    """The dossier is open with a group's unsaved stop; "Écraser" ticked, Build clicked."""
    import sqlite3

    import processing
    from qgis.core import QgsGeometry, QgsProject

    from poix_atelier_plugin.services import groups as groups_service
    from poix_atelier_plugin.services.dossier import project_layers

    out = tmp_path / "dossier"
    dialog = step.show_build_dialog()
    _fill(dialog, communes_geojson, "59464", out, [])
    dialog.buildButton.click()
    _wait(dialog)
    gpkg = out / "atelier_59464.gpkg"
    processing.run("atelier:create_groups", {"DOSSIER": str(gpkg), "GROUPS": "Groupe 1"})
    project = QgsProject.instance()
    project_layers.add_workspace_layers(project, gpkg)
    stops = project_layers.find_layer(project, "arrets", "Groupe 1")
    stops.startEditing()  # drawn with QGIS's own tools, not saved yet
    feature, _ = groups_service.new_feature(
        stops, QgsGeometry.fromWkt("Point(744200 7010100)"), {"nom": "Place Talma"}
    )
    assert stops.addFeature(feature)

    dialog.overwriteCheck.setChecked(True)
    dialog.bufferSpin.setValue(300)
    dialog.buildButton.click()
    _wait(dialog)
    assert "Place Talma" in [
        r[0] for r in sqlite3.connect(str(gpkg)).execute("SELECT nom FROM arrets")
    ], dialog.statusLabel.text()
    assert len(list((out / "sauvegardes").glob("*.gpkg"))) == 1
    assert "contient déjà" not in dialog.statusLabel.text()


def _click_build(step):
    """The panel's own button opens the dialog (non-modal), as a person's click does."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest

    QTest.mouseClick(step.buttons["build_dossier"], Qt.MouseButton.LeftButton)
    assert step.dialog is not None and step.dialog.isVisible()
    return step.dialog


def _type_code(dialog, code: str) -> str:
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QApplication

    dialog.codeEdit.selectAll()
    QTest.keyClick(dialog.codeEdit, Qt.Key.Key_Delete)
    QTest.keyClicks(dialog.codeEdit, code)
    end = time.time() + 5
    while dialog.name_timer.isActive() and time.time() < end:
        QApplication.processEvents()
        time.sleep(0.02)
    return dialog.communeNameLabel.text()


def test_the_build_dialog_names_the_commune_as_the_code_is_typed(step, communes_geojson):
    dialog = _click_build(step)
    dialog.communesFile.setFilePath(str(communes_geojson))
    # 59195 for 59194 is one digit away: the name tells them apart before the build.
    assert _type_code(dialog, "59195") == "Commune : Englos (59195)"
    assert _type_code(dialog, "59194") == "Commune : Englefontaine (59194)"
    assert _type_code(dialog, "59464") == "Commune : Poix-du-Nord (59464)"
    assert dialog.communeNameLabel.styleSheet() == ""
    unknown = _type_code(dialog, "12345")
    assert unknown.startswith("Aucune commune n'a le code 12345"), unknown
    assert "b00020" in dialog.communeNameLabel.styleSheet()
    assert _type_code(dialog, "") == ""


def test_the_build_dialog_proposes_the_dossier_folder_never_the_photo_folder(
    qgis_iface, qgis_new_project, atelier_provider, tmp_path
):
    from poix_atelier_plugin.gui.context import AtelierContext
    from poix_atelier_plugin.gui.steps.dossier import DossierStep
    from poix_atelier_plugin.infra.settings import UserSettings, remember_dossier_folder

    photos = tmp_path / "photos du groupe 1"
    dossiers = tmp_path / "dossiers d'atelier"
    photos.mkdir()
    dossiers.mkdir()
    settings = UserSettings.load()
    settings.last_folder = str(photos)
    settings.save()
    remember_dossier_folder(dossiers)
    # a photo import after the dossier folder was chosen does not move it
    settings.last_folder = str(photos / "..")
    settings.save()
    panel = DossierStep(AtelierContext(qgis_iface))
    try:
        dialog = _click_build(panel)
        assert dialog.folderWidget.filePath() == str(dossiers)
        dialog.close()
    finally:
        panel.unload()
        remember_dossier_folder("")
