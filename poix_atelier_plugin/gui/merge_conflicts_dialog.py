# SPDX-License-Identifier: GPL-2.0-or-later
"""The conflicts of a field package merge, with a choice for each.

A value changed both at the office and in the field is left as at the
office by the merge; here the person picks, line by line, "keep the office"
or "take the field". Nothing is written by the dialog itself: on OK the
caller gives :meth:`choices` to ``services.field.merge.resolve_conflicts``. A conflict
left open (Cancel) is reported again by the next merge.
"""

from __future__ import annotations

from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..infra.i18n import tr
from ..services.field import merge


class MergeConflictsDialog(QDialog):
    def __init__(self, conflicts: list, parent=None):
        super().__init__(parent)
        self.setObjectName("MergeConflictsDialog")
        self.setWindowTitle(tr("Field package: values changed on both sides"))
        self.conflicts = list(conflicts)
        self.office_buttons: list[QRadioButton] = []
        self.field_buttons: list[QRadioButton] = []
        self._groups: list[QButtonGroup] = []
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "These values were changed both at the office and in the field. For each one, "
                "choose the value to keep; nothing changes until you click OK. "
                "A conflict left open is shown again by the next merge."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(self.conflicts), 4, self)
        self.table.setObjectName("conflictsTable")
        self.table.setHorizontalHeaderLabels(
            [tr("Feature and value"), tr("At the office"), tr("In the field"), tr("Choice")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for row, conflict in enumerate(self.conflicts):
            what, office, in_field = merge.describe(conflict)
            for col, text in enumerate((what, office, in_field)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, col, item)
            self.table.setCellWidget(row, 3, self._choice(row))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 230)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
        self.table.setMinimumHeight(60 + 44 * min(len(self.conflicts), 8))
        layout.addWidget(self.table)
        every = QHBoxLayout()
        self.all_office = QPushButton(tr("Keep the office everywhere"), self)
        self.all_office.setObjectName("allOffice")
        self.all_office.clicked.connect(lambda: self._check_all(self.office_buttons))
        self.all_field = QPushButton(tr("Take the field everywhere"), self)
        self.all_field.setObjectName("allField")
        self.all_field.clicked.connect(lambda: self._check_all(self.field_buttons))
        every.addWidget(self.all_office)
        every.addWidget(self.all_field)
        every.addStretch(1)
        layout.addLayout(every)
        self.buttonBox = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttonBox.accepted.connect(self.accept)
        self.buttonBox.rejected.connect(self.reject)
        layout.addWidget(self.buttonBox)
        self.resize(980, 220 + 44 * min(len(self.conflicts), 8))

    def _choice(self, row: int) -> QWidget:
        cell = QWidget(self.table)
        box = QHBoxLayout(cell)
        box.setContentsMargins(4, 0, 4, 0)
        office = QRadioButton(tr("Keep the office"), cell)
        office.setObjectName(f"keepOffice_{row}")
        office.setChecked(True)
        in_field = QRadioButton(tr("Take the field"), cell)
        in_field.setObjectName(f"takeField_{row}")
        group = QButtonGroup(cell)
        group.addButton(office)
        group.addButton(in_field)
        box.addWidget(office)
        box.addWidget(in_field)
        self.office_buttons.append(office)
        self.field_buttons.append(in_field)
        self._groups.append(group)
        return cell

    @staticmethod
    def _check_all(buttons) -> None:
        for button in buttons:
            button.setChecked(True)

    def choices(self) -> dict:
        """``{conflict.key: KEEP_OFFICE | TAKE_FIELD}`` for every line."""
        return {
            conflict.key: merge.TAKE_FIELD
            if self.field_buttons[i].isChecked()
            else merge.KEEP_OFFICE
            for i, conflict in enumerate(self.conflicts)
        }
