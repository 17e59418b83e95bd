# SPDX-License-Identifier: GPL-2.0-or-later
"""The dock's Photos step: import in a task, place the photos without GPS, package out and back."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from helpers_panel import press_menu_item

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

    from poix_atelier_plugin.store import workspace

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
    from poix_atelier_plugin.store import workspace

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

    from poix_atelier_plugin.store import workspace
    from poix_atelier_plugin.styles import photo_style

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


# the per-stop summary, through the panel's menu -------------------------------------
def fill_file_dialog(directory: Path, names: str = ""):
    """Type the folder (and the file names) in the Qt file dialog, press its Open button."""

    def fill(dialog):
        from qgis.PyQt.QtWidgets import QDialogButtonBox, QLineEdit

        from tests.helpers_modal import click

        dialog.setDirectory(str(directory))
        dialog.findChild(QLineEdit, "fileNameEdit").setText(names or str(directory))
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        click(buttons.button(QDialogButtonBox.StandardButton.Open))

    return fill


def stored_per_stop(dossier) -> dict[int, tuple[int, str, list[str]]]:
    """{stop fid: (ordre, nom, photo file names)} as the GeoPackage holds them."""
    from poix_atelier_plugin.store import workspace
    from poix_atelier_plugin.store.rows import plain_value

    stops = {
        f.id(): (f["ordre"], f["nom"])
        for f in workspace.open_layer(dossier, "arrets", "Groupe 1").getFeatures()
    }
    out: dict = {}
    for f in workspace.open_layer(dossier, "observations", "Groupe 1").getFeatures():
        fid = plain_value(f["arret_id"])
        if fid is not None:
            ordre, nom = stops[fid]
            out.setdefault(fid, (ordre, nom, []))[2].append(Path(f["photo"]).name)
    return {fid: (o, n, sorted(p)) for fid, (o, n, p) in out.items()}


def details_button(bar):
    """The message the bar shows (the last one pushed) and its Details button."""
    from qgis.PyQt.QtWidgets import QPushButton

    item = bar.currentItem()
    button = item.findChild(QPushButton, "photoImportDetails") if item is not None else None
    assert button is not None, f"no Details button in the bar: {[i.text() for i in bar.items()]}"
    return item, button


@pytest.fixture
def shown_step(step, qgis_iface):
    qgis_iface.messageBar().clear_messages()
    for item in list(qgis_iface.messageBar().items()):
        qgis_iface.messageBar().popWidget(item)
    step.show()
    yield step
    step.close()


def test_import_from_the_menu_shows_each_stop_and_what_was_left_out(
    shown_step, qgis_iface, photos_dir, tmp_path
):
    from qgis.core import Qgis
    from qgis.PyQt.QtWidgets import QFileDialog

    from poix_atelier_plugin.gui.photo_summary import FID_ROLE
    from tests.helpers_boards import T
    from tests.helpers_modal import Modal, click

    step = shown_step
    folder = tmp_path / "cam"
    # two at Place Talma (stop 1), one at the Ancienne filature (stop 3), one far from all
    hp.make_photo_at(folder / "IMG_1.jpg", 743405.0, 7010275.0, colour=(200, 10, 10))
    hp.make_photo_at(folder / "IMG_2.jpg", 743392.0, 7010262.0, colour=(10, 200, 10))
    hp.make_photo_at(folder / "IMG_3.jpg", 744090.0, 7010110.0, colour=(10, 10, 200))
    hp.make_photo_at(folder / "IMG_4.jpg", 745000.0, 7011500.0, colour=(90, 90, 90))
    shutil.copy(photos_dir / "phone" / "jolla.jpg", folder)  # no GPS
    shutil.copy(photos_dir / "gps" / "DSCN0010.jpg", folder)  # Tuscany
    (folder / "empty.jpg").write_bytes(b"")
    actions = step.photo_actions
    actions.tolerance.setValue(30)

    with Modal() as modal:
        modal.on(QFileDialog, fill_file_dialog(folder), name="choose the folder")
        press_menu_item(step.buttons["import_photos"], "importFolder")
    wait_for(actions)

    dossier = Path(step.context.dossier)
    stored = stored_per_stop(dossier)
    assert {v[1]: v[2] for v in stored.values()} == {
        "Place Talma": ["IMG_1.jpg", "IMG_2.jpg"],
        "Ancienne filature": ["IMG_3.jpg"],
    }
    # the message bar says the totals, with a Details button
    item, button = details_button(qgis_iface.messageBar())
    totals = T(
        "{imported} photos imported for {group}, {attached} of them attached to a stop; "
        "{no_gps} without GPS, {outside} outside the study perimeter, "
        "{unreadable} unreadable, {already} already imported."
    ).format(
        imported=4,
        group="Groupe 1",
        attached=3,
        no_gps=1,
        outside=1,
        unreadable=1,
        already=0,
    )
    assert item.text() == totals
    assert item.level() == Qgis.MessageLevel.Warning  # photos were left out
    assert button.text() == T("Details…")
    click(button)
    dialog = actions.summary_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.totals.text() == totals

    # one line per stop: number, name and count, as stored in the GeoPackage
    def line(label, n):
        return T("{label}: 1 photo" if n == 1 else "{label}: {n} photos").format(label=label, n=n)

    expected = [
        (fid, line(T("Stop {n} — {name}").format(n=ordre, name=nom), len(files)), files)
        for fid, (ordre, nom, files) in sorted(stored.items(), key=lambda kv: kv[1][0])
    ]
    shown = [
        (
            item.data(0, FID_ROLE),
            item.text(0),
            [item.child(i).text(0) for i in range(item.childCount())],
        )
        for item in dialog.stop_items()
    ]
    assert shown == expected
    assert [s[1] for s in shown] == [
        line(T("Stop {n} — {name}").format(n=1, name="Place Talma"), 2),
        line(T("Stop {n} — {name}").format(n=3, name="Ancienne filature"), 1),
    ]
    # then what was not attached, counted with the reason
    left = dialog.left_out
    assert left is not None and left.text(0) == line(T("Not attached"), 4)
    reasons = {
        left.child(i).text(0): [
            left.child(i).child(j).text(0) for j in range(left.child(i).childCount())
        ]
        for i in range(left.childCount())
    }
    assert list(reasons) == [
        line(T("Imported, no stop close enough"), 1),
        line(T("Without GPS position"), 1),
        line(T("Outside the study perimeter"), 1),
        line(T("Unreadable"), 1),
    ]
    files = list(reasons.values())
    assert files[0] == ["IMG_4.jpg"]
    report = actions.last_report

    def said(issues):
        return [
            T("{file}: {reason}").format(file=Path(i.path).name, reason=i.text()) for i in issues
        ]

    assert files[1:] == [said(report.no_gps), said(report.outside), said(report.unreadable)]
    assert [f.split(":")[0].strip() for f in files[1] + files[2] + files[3]] == [
        "jolla.jpg",
        "DSCN0010.jpg",
        "empty.jpg",
    ]
    assert "43.4" in files[2][0]  # where it was taken: Tuscany
    click(dialog.buttons.button(dialog.buttons.StandardButton.Close))
    assert not dialog.isVisible()
    if actions.dialog is not None:  # the placement dialog of jolla.jpg
        actions.dialog.close()


def test_second_import_of_chosen_files_says_already_imported(shown_step, qgis_iface, tmp_path):
    from qgis.core import Qgis
    from qgis.PyQt.QtWidgets import QFileDialog

    from tests.helpers_boards import T
    from tests.helpers_modal import Modal, click

    step = shown_step
    folder = tmp_path / "cam"
    hp.make_photo_at(folder / "IMG_1.jpg", 743705.0, 7010495.0)  # Église Saint-Martin
    hp.make_photo_at(folder / "IMG_2.jpg", 743695.0, 7010505.0, colour=(10, 10, 200))
    actions = step.photo_actions
    for round_ in range(2):
        with Modal() as modal:
            modal.on(QFileDialog, fill_file_dialog(folder, '"IMG_1.jpg" "IMG_2.jpg"'))
            press_menu_item(step.buttons["import_photos"], "importFiles")
        wait_for(actions)
        item, button = details_button(qgis_iface.messageBar())
        assert item.level() == Qgis.MessageLevel.Success
        click(button)
        dialog = actions.summary_dialog
        texts = [
            dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())
        ]
        stop = T("Stop {n} — {name}").format(n=2, name="Église Saint-Martin")
        if round_ == 0:
            assert texts == [T("{label}: {n} photos").format(label=T("Attached to a stop"), n=2)]
            assert dialog.stop_items()[0].text(0) == T("{label}: {n} photos").format(
                label=stop, n=2
            )
        else:
            assert texts == [
                T("No photo attached to a stop."),
                T("{label}: {n} photos").format(label=T("Already imported"), n=2),
            ]
        click(dialog.buttons.button(dialog.buttons.StandardButton.Close))


def test_an_unreadable_photo_is_said_in_french_and_nothing_is_lost(
    shown_step, qgis_iface, tmp_path, monkeypatch, caplog
):
    from qgis.core import Qgis
    from qgis.PyQt.QtWidgets import QFileDialog

    from poix_atelier_plugin.services.photos import photos
    from poix_atelier_plugin.store import workspace
    from tests.helpers_boards import T
    from tests.helpers_modal import Modal

    step = shown_step
    folder = tmp_path / "cam"
    hp.make_photo_at(folder / "IMG_1.jpg", 743705.0, 7010495.0)
    dossier = Path(step.context.dossier)
    before = workspace.open_layer(dossier, "observations").featureCount()

    def unreadable(path):  # the disk refuses the read, below the plugin's own checks
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(photos, "file_digest", unreadable)
    with Modal() as modal:
        modal.on(QFileDialog, fill_file_dialog(folder), name="choose the folder")
        press_menu_item(step.buttons["import_photos"], "importFolder")
    wait_for(step.photo_actions)

    (said,) = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert T("{task} failed").format(task=T("Importing photos")) in said
    assert "Permission denied" in said and "Traceback" not in said
    assert T("Your photos stay where they were and the dossier keeps its last saved state.") in said
    assert (
        T("The details are in the log (View > Panels > Log Messages, tab Atelier territorial).")
        in said
    )
    # the traceback went to the plugin's log
    assert any(r.exc_info and r.exc_info[0] is PermissionError for r in caplog.records)
    assert (folder / "IMG_1.jpg").is_file()
    assert workspace.open_layer(dossier, "observations").featureCount() == before
    assert step.photo_actions.task is None  # the next import is not refused as busy
