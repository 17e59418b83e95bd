# SPDX-License-Identifier: GPL-2.0-or-later
"""The boards dialog as a person fills it: fixtures, widgets, buttons, what is left."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers_boards import T, make_dossier
from helpers_modal import Modal, click

__all__ = ["T", "Modal", "click"]


@pytest.fixture(scope="module")
def dossier(tmp_path_factory, qgis_app):
    return make_dossier(tmp_path_factory.mktemp("gui") / "d", ("Groupe 1", "Groupe 2"), 4)


def open_dock(qgis_iface, gpkg: Path, step: str = "boards"):
    from poix_atelier_plugin.gui.dock import AtelierDock

    dock = AtelierDock(qgis_iface)
    dock.context.set_dossier(str(gpkg))
    dock.context.set_active_group("Groupe 2")
    dock.resize(420, 760)
    dock.show()
    dock.toolBox.setCurrentWidget(dock.step(step))
    return dock


@pytest.fixture
def dock(qgis_iface, qgis_new_project, dossier):
    dock = open_dock(qgis_iface, dossier)
    qgis_iface.messageBar().clearWidgets()
    yield dock
    dock.unload()
    dock.hide()
    dock.deleteLater()


# what a person does in the dialogs --------------------------------------------------
def choose(dialog, folder, boards=("terrain",), groups=None, dpi=72, fmt="pdf"):
    """Tick the boards and groups, type the folder, set the resolution."""
    from qgis.PyQt.QtCore import Qt

    for lst, wanted in ((dialog.boardsList, boards), (dialog.groupsList, groups)):
        for i in range(lst.count()):
            item = lst.item(i)
            if wanted is not None:
                on = item.data(Qt.ItemDataRole.UserRole) in wanted
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
    dialog.formatCombo.setCurrentIndex(dialog.formatCombo.findData(fmt))
    dialog.dpiSpin.setValue(dpi)
    dialog.folderEdit.setText(str(folder))


def export_button(dialog):
    from qgis.PyQt.QtWidgets import QDialogButtonBox

    return dialog.buttonBox.button(QDialogButtonBox.StandardButton.Ok)


def cancel_button(dialog):
    from qgis.PyQt.QtWidgets import QDialogButtonBox

    return dialog.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)


def fill_and_export(folder, **kw):
    def act(dialog):
        choose(dialog, folder, **kw)
        click(export_button(dialog))

    return act


def ExportDialog():
    from poix_atelier_plugin.gui.export_boards_dialog import ExportBoardsDialog

    return ExportBoardsDialog


def ProgressDialog():
    from qgis.PyQt.QtWidgets import QProgressDialog

    return QProgressDialog


def MessageBox():
    from qgis.PyQt.QtWidgets import QMessageBox

    return QMessageBox


def progress_cancel(progress) -> None:
    from qgis.PyQt.QtWidgets import QPushButton

    click(progress.findChild(QPushButton))


def at_board(n: int):
    """Once the progress dialog says board ``n`` (or a later one) is being made."""
    import re

    def when(progress) -> bool:
        found = re.search(r"(\d+)\s*/\s*(\d+)", progress.labelText())
        return bool(found) and int(found.group(1)) >= n

    return when


def export_from_panel(dock, folder, key="export_boards", step="boards", **kw):
    """Click the panel's button, fill the dialog, click Export; returns the Modal."""
    with Modal() as modal:
        modal.on(ExportDialog(), fill_and_export(folder, **kw), name="export dialog")
        click(dock.step(step).buttons[key])
    assert not modal.seen[0].isVisible(), "the dialog stays open after a good export"
    return modal


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in Path(folder).iterdir()) if Path(folder).exists() else []


def layout_names() -> set[str]:
    from qgis.core import QgsProject

    return {lay.name() for lay in QgsProject.instance().layoutManager().layouts()}


def board_groups() -> list:
    from qgis.core import QgsProject

    from poix_atelier_plugin.boards.layers import PROP_BOARD

    root = QgsProject.instance().layerTreeRoot()
    return [g for g in root.findGroups(True) if g.customProperty(PROP_BOARD)]


def board_layer_ids() -> set[str]:
    from qgis.core import QgsProject

    from poix_atelier_plugin.boards.layers import PROP_BOARD

    layers = QgsProject.instance().mapLayers().values()
    return {lyr.id() for lyr in layers if lyr.customProperty(PROP_BOARD)}


def board_layer_count() -> int:
    from qgis.core import QgsProject

    from poix_atelier_plugin.boards.layers import PROP_BOARD

    layers = QgsProject.instance().mapLayers().values()
    return sum(1 for lyr in layers if lyr.customProperty(PROP_BOARD))
