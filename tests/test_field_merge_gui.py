# SPDX-License-Identifier: GPL-2.0-or-later
"""The panel's "Bring back a field package…": the file dialog, the counts, the conflict dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests import helpers_merge as hm

G1 = hm.G1


@pytest.fixture
def dossier(qgis_app, tmp_path: Path) -> Path:
    return hm.make_dossier(tmp_path / "dossier")


@pytest.fixture
def step(qgis_iface, qgis_new_project, atelier_provider, dossier):
    from poix_atelier_plugin.gui.context import AtelierContext
    from poix_atelier_plugin.gui.steps.photos import PhotosStep

    qgis_iface.messageBar().clear_messages()
    context = AtelierContext(qgis_iface)
    context.set_dossier(str(dossier))
    context.set_active_group(G1)
    panel = PhotosStep(context)
    panel.show()
    yield panel
    panel.unload()
    panel.close()


def test_panel_merge_then_choose_in_the_conflict_dialog(step, dossier, tmp_path, qgis_iface):
    from qgis.core import Qgis
    from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit

    field, _gpkg = hm.the_day(dossier, tmp_path)
    seen = []

    def choose_the_package():
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog))
        if not isinstance(dialog, QFileDialog):
            if dialog is not None:
                dialog.reject()
            return
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(field))
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        QTest.mouseClick(
            buttons.button(QDialogButtonBox.StandardButton.Open), Qt.MouseButton.LeftButton
        )

    QTimer.singleShot(300, choose_the_package)
    QTest.mouseClick(step.buttons["merge_package"], Qt.MouseButton.LeftButton)
    assert seen == [QFileDialog]
    dialog = step.photo_actions.conflicts_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 1
    assert "Lavoir" in dialog.table.item(0, 0).text()
    assert dialog.table.item(0, 1).text() == "Toiture à refaire"
    assert dialog.table.item(0, 2).text() == "Lavoir restauré en 2019"
    warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
    assert any("1 conflit" in w or "1 conflicts" in w for w in warnings), warnings
    # nothing chosen yet: the office's value is there
    assert hm.by_name(dossier, "Lavoir")[1]["notes"] == "Toiture à refaire"
    take = dialog.field_buttons[0]
    QTest.mouseClick(take, Qt.MouseButton.LeftButton)
    assert take.isChecked()
    QTest.mouseClick(
        dialog.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    QCoreApplication.processEvents()
    assert hm.by_name(dossier, "Lavoir")[1]["notes"] == "Lavoir restauré en 2019"
    assert step.photo_actions.conflicts_dialog is None
    names = {f["nom"] for f in hm.stops(dossier).values()}
    assert "Keighley Hall" in names and "Ancienne filature" not in names
