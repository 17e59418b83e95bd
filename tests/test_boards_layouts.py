# SPDX-License-Identifier: GPL-2.0-or-later
"""Layouts retouched by the person survive a re-export (panel and Processing)."""

from __future__ import annotations

import shutil

import pytest
from helpers_boards import T
from helpers_boards_gui import (  # noqa: F401 (fixtures)
    ExportDialog,
    MessageBox,
    board_groups,
    cancel_button,
    dock,
    dossier,
    export_from_panel,
    files_in,
    fill_and_export,
    layout_names,
)
from helpers_modal import Modal, click

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing"),
]


def _title_position(name: str):
    from qgis.core import QgsProject

    item = QgsProject.instance().layoutManager().layoutByName(name).itemById("title")
    pos = item.positionWithUnits()
    return round(pos.x(), 1), round(pos.y(), 1)


def test_retouched_layout_is_kept(dock, tmp_path):
    from qgis.core import QgsLayoutPoint, QgsProject, QgsUnitTypes

    name = f"{T('Field map')} — Groupe 1"
    export_from_panel(dock, tmp_path / "1", boards=("terrain",), groups=("Groupe 1",))
    made = _title_position(name)
    # untouched: exported again without a question
    export_from_panel(dock, tmp_path / "2", boards=("terrain",), groups=("Groupe 1",))
    assert layout_names() == {name}
    # the person moves the title in the layout designer
    layout = QgsProject.instance().layoutManager().layoutByName(name)
    layout.itemById("title").attemptMove(QgsLayoutPoint(40, 30, QgsUnitTypes.LayoutMillimeters))
    moved = _title_position(name)
    assert moved != made
    questions = []

    def answer(button_name):
        def act(box):
            from qgis.PyQt.QtWidgets import QPushButton

            questions.append(box.text())
            click(box.findChild(QPushButton, button_name))

        return act

    def export_and_answer(folder, button_name):
        with Modal() as modal:
            modal.on(
                ExportDialog(), fill_and_export(folder, boards=("terrain",), groups=("Groupe 1",))
            )
            modal.on(MessageBox(), answer(button_name), name=button_name)
            click(dock.step("boards").buttons["export_boards"])

    # "write under a new name": the retouched one keeps its name and its title where it was put
    export_and_answer(tmp_path / "3", "rename")
    assert name in questions[-1]
    assert layout_names() == {name, f"{name} (2)"}
    assert _title_position(name) == moved and _title_position(f"{name} (2)") == made
    # once more: the copy written last time is refreshed, not a third one
    export_and_answer(tmp_path / "4", "rename")
    assert layout_names() == {name, f"{name} (2)"}
    # "replace": the new one takes the name, the retouched one is kept under a dated name
    export_and_answer(tmp_path / "5", "replace")
    names = layout_names()
    assert name in names and len(names) == 3
    (kept,) = names - {name, f"{name} (2)"}
    assert kept.startswith(name)
    assert _title_position(name) == made and _title_position(kept) == moved
    assert files_in(tmp_path / "5") == ["terrain_Groupe_1.pdf"]


def test_question_cancelled_writes_nothing(dock, tmp_path):
    from qgis.core import QgsLayoutPoint, QgsProject, QgsUnitTypes
    from qgis.PyQt.QtWidgets import QMessageBox

    name = f"{T('Field map')} — Groupe 2"
    export_from_panel(dock, tmp_path / "1", boards=("terrain",), groups=("Groupe 2",))
    layout = QgsProject.instance().layoutManager().layoutByName(name)
    layout.itemById("title").attemptMove(QgsLayoutPoint(50, 50, QgsUnitTypes.LayoutMillimeters))
    out = tmp_path / "2"
    with Modal() as modal:
        modal.on(ExportDialog(), fill_and_export(out, boards=("terrain",), groups=("Groupe 2",)))
        modal.on(MessageBox(), lambda b: click(b.button(QMessageBox.StandardButton.Cancel)))
        modal.on(ExportDialog(), lambda d: click(cancel_button(d)), name="dialog still open")
        click(dock.step("boards").buttons["export_boards"])
    assert files_in(out) == [] and layout_names() == {name}


def test_saved_and_reopened_project_is_not_taken_for_retouched(dock, tmp_path):
    """Untouched layouts read back from the .qgz are replaced without a question."""
    from qgis.core import QgsProject

    export_from_panel(dock, tmp_path / "1", boards=("terrain", "atlas", "synthese"))
    names = layout_names()
    project = QgsProject.instance()
    assert project.write(str(tmp_path / "atelier.qgz"))
    project.clear()
    assert project.read(str(tmp_path / "atelier.qgz"))
    export_from_panel(dock, tmp_path / "2", boards=("terrain", "atlas", "synthese"))
    assert layout_names() == names
    assert len(board_groups()) == 1


def test_processing_never_replaces_a_retouched_layout(dock, tmp_path, atelier_provider):
    import processing
    from qgis.core import QgsLayoutPoint, QgsProject, QgsUnitTypes

    from poix_atelier_plugin.boards.templates import BOARD_TYPES

    name = T("Cross-group synthesis")
    params = {
        "DOSSIER": dock.context.dossier,
        "BOARDS": [BOARD_TYPES.index("synthese")],
        "DPI": 72,
        "OUTPUT_FOLDER": str(tmp_path / "1"),
    }
    processing.run("atelier:export_boards", params)
    layout = QgsProject.instance().layoutManager().layoutByName(name)
    layout.itemById("title").attemptMove(QgsLayoutPoint(60, 40, QgsUnitTypes.LayoutMillimeters))
    moved = _title_position(name)
    processing.run("atelier:export_boards", {**params, "OUTPUT_FOLDER": str(tmp_path / "2")})
    assert layout_names() == {name, f"{name} (2)"}
    assert _title_position(name) == moved
