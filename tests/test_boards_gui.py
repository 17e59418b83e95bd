# SPDX-License-Identifier: GPL-2.0-or-later
"""The Boards step and the Photos step's field map: dialog, task, message bar."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from helpers_boards import T, flat, make_dossier, pdftext

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")


@pytest.fixture(scope="module")
def dossier(tmp_path_factory, qgis_app):
    return make_dossier(tmp_path_factory.mktemp("gui") / "d", ("Groupe 1", "Groupe 2"), 4)


@pytest.fixture
def context(qgis_iface, qgis_new_project, dossier):
    from poix_atelier_plugin.gui.context import AtelierContext

    ctx = AtelierContext(qgis_iface)
    ctx.set_dossier(str(dossier))
    ctx.set_active_group("Groupe 2")
    return ctx


def _wait(task, timeout: float = 120.0) -> None:
    from qgis.PyQt.QtCore import QCoreApplication

    end = time.time() + timeout
    while not task.finished_event.is_set() and time.time() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    assert task.finished_event.is_set(), "export did not finish"
    from qgis.PyQt import sip

    if not sip.isdeleted(task):  # a cancelled task is deleted by the task manager
        task.waitForFinished(5000)


def test_dialog_lists_groups_and_boards(context):
    from qgis.PyQt.QtCore import Qt

    from poix_atelier_plugin.gui.export_boards_dialog import ExportBoardsDialog

    dialog = ExportBoardsDialog(context, boards=["terrain"], groups=["Groupe 2"])
    groups = [dialog.groupsList.item(i).text() for i in range(dialog.groupsList.count())]
    assert groups == ["Groupe 1", "Groupe 2"]
    assert dialog.boardsList.count() == 6
    options = dialog.options()
    assert options.boards == ["terrain"] and options.groups == ["Groupe 2"]
    dialog.formatCombo.setCurrentIndex(1)
    dialog.dpiSpin.setValue(100)
    assert "1653 × 1169" in dialog.sizeLabel.text()  # A3 landscape at 100 dpi
    dialog.boardsList.item(4).setCheckState(Qt.Checked)  # BOARD_TYPES order
    assert dialog.options().boards == ["terrain", "synthese"]


def test_export_runs_as_a_task_and_adds_layouts(context, tmp_path, qgis_iface):
    from qgis.core import QgsProject

    from poix_atelier_plugin.core.boards import BoardOptions
    from poix_atelier_plugin.gui.export_boards_dialog import run_export

    done = []
    task = run_export(
        context,
        BoardOptions(boards=["terrain", "synthese"], dpi=72),
        str(tmp_path),
        on_done=done.append,
    )
    _wait(task)
    assert done == [task] and not task.error
    names = sorted(Path(p).name for p in task.files)
    assert names == [
        "planches_Poix_du_Nord.pdf",
        "synthese.pdf",
        "terrain_Groupe_1.pdf",
        "terrain_Groupe_2.pdf",
    ]
    layouts = {lay.name() for lay in QgsProject.instance().layoutManager().layouts()}
    field_map = T("Field map")
    expected = {f"{field_map} — Groupe 1", f"{field_map} — Groupe 2", T("Cross-group synthesis")}
    assert expected <= layouts


def test_cancel_from_the_task_manager(context, tmp_path):
    from poix_atelier_plugin.core.boards import BoardOptions
    from poix_atelier_plugin.gui.export_boards_dialog import run_export

    task = run_export(context, BoardOptions(dpi=72), str(tmp_path))
    task.cancel()
    _wait(task)
    assert task.error == T("Export cancelled: no board was written.")
    assert list(tmp_path.iterdir()) == []


def test_field_map_action_of_the_photos_step(context, tmp_path, monkeypatch):
    from poix_atelier_plugin.gui.export_boards_dialog import ExportBoardsDialog
    from poix_atelier_plugin.gui.steps.photos import PhotosStep

    def accept_with_folder(dialog):
        dialog.folderEdit.setText(str(tmp_path))
        return 1

    monkeypatch.setattr(ExportBoardsDialog, "exec_", accept_with_folder)
    step = PhotosStep(context)
    button = step.buttons["field_map"]
    assert button.isEnabled() and button.objectName() == "action_field_map"
    button.click()
    _wait(step.field_map_task)
    (path,) = [Path(p) for p in step.field_map_task.files]
    assert path.name == "terrain_Groupe_2.pdf"  # the active group only
    assert "Groupe 2" in flat(pdftext(path))


def test_boards_step_synthesis_adds_a_layer(context):
    from qgis.core import QgsProject

    from poix_atelier_plugin.gui.steps.boards import BoardsStep

    step = BoardsStep(context)
    assert step.buttons["export_boards"].isEnabled()
    step.buttons["synthesis"].click()
    layers = [
        lyr
        for lyr in QgsProject.instance().mapLayers().values()
        if lyr.customProperty("atelier/synthesis")
    ]
    assert layers and max(f["n_groupes"] for f in layers[-1].getFeatures()) == 2
