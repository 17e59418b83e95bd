# SPDX-License-Identifier: GPL-2.0-or-later
"""Name the groups, give each a colour and its adviser, and the visit slot."""

from __future__ import annotations

from pathlib import Path

from qgis.gui import QgsColorButton
from qgis.PyQt import uic
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QTableWidgetItem

from ..domain import vocab
from ..domain.errors import AtelierError
from ..domain.groups import GroupSpec, normalise_groups
from ..infra.i18n import error_text, tr

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))


class GroupDialog(QDialog, FORM_CLASS):
    def __init__(self, existing: list[GroupSpec] | None = None, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setWindowTitle(tr("Create the groups"))
        self.helpLabel.setText(
            tr(
                "One line per group: its name, its colour on the maps and the architect or "
                "landscape architect who advises it. Existing groups are kept."
            )
        )
        self.groupsTable.setHorizontalHeaderLabels([tr("Name"), tr("Colour"), tr("Adviser")])
        self.addButton.setText(tr("Add a group"))
        self.removeButton.setText(tr("Remove the line"))
        self.slotLabel.setText(tr("Visit slot (min):"))
        self.addButton.clicked.connect(lambda: self.add_row())
        self.removeButton.clicked.connect(self.remove_row)
        self.buttonBox.accepted.connect(self.accept)
        self.buttonBox.rejected.connect(self.reject)
        self.existing = {g.name for g in existing or []}
        specs = existing or [GroupSpec(n) for n in vocab.DEFAULT_GROUPS]
        for i, spec in enumerate(specs):
            colour = (
                spec.colour or vocab.DEFAULT_GROUP_COLOURS[i % len(vocab.DEFAULT_GROUP_COLOURS)]
            )
            self.add_row(spec.name, colour, spec.adviser)
        if existing:
            self.slotSpin.setValue(existing[0].slot_min)

    def add_row(self, name: str = "", colour: str = "", adviser: str = "") -> None:
        row = self.groupsTable.rowCount()
        self.groupsTable.insertRow(row)
        if not name:
            name = tr("Group {n}").format(n=row + 1)
        if not colour:
            colour = vocab.DEFAULT_GROUP_COLOURS[row % len(vocab.DEFAULT_GROUP_COLOURS)]
        self.groupsTable.setItem(row, 0, QTableWidgetItem(name))
        button = QgsColorButton(self.groupsTable)
        button.setColor(QColor(colour))
        button.setAllowOpacity(False)
        self.groupsTable.setCellWidget(row, 1, button)
        self.groupsTable.setItem(row, 2, QTableWidgetItem(adviser))

    def remove_row(self) -> None:
        row = self.groupsTable.currentRow()
        if row >= 0:
            self.groupsTable.removeRow(row)

    def specs(self) -> list[GroupSpec]:
        """The groups as typed (raises AtelierError on empty or duplicate names)."""
        out = []
        for row in range(self.groupsTable.rowCount()):
            name = self.groupsTable.item(row, 0).text() if self.groupsTable.item(row, 0) else ""
            adviser = self.groupsTable.item(row, 2).text() if self.groupsTable.item(row, 2) else ""
            colour = self.groupsTable.cellWidget(row, 1).color().name()
            out.append(GroupSpec(name, colour, adviser.strip(), self.slotSpin.value()))
        return normalise_groups(out)

    def accept(self) -> None:
        try:
            self.specs()
        except AtelierError as exc:
            self.helpLabel.setText(error_text(exc))
            self.helpLabel.setStyleSheet("color: #c00000; font-weight: bold;")
            return
        super().accept()

    def ok_button(self):
        return self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
