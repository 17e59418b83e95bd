# SPDX-License-Identifier: GPL-2.0-or-later
"""Choose groups, boards, paper, format and folder; "Export" writes the boards.

The dialog's own buttons do the work: "Export" checks the choices (a message
in the dialog when one is wrong, the dialog stays open), asks what to do with
layouts retouched since the last export, then exports on the main thread
behind a modal progress dialog (gui/boards_export.py). It closes once the
files are written; a cancel or an error is said in the dialog, which stays
open. "Cancel" closes it and writes nothing.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QListWidgetItem,
    QMessageBox,
)

from ..boards.base import BoardOptions, board_title
from ..boards.paper import ORIENTATIONS, PAPERS, pixel_size
from ..boards.templates import BOARD_TYPES
from ..domain.errors import AtelierError
from ..infra.i18n import error_text, tr
from ..infra.settings import UserSettings
from ..store.postgis import is_pg
from .boards_export import announce, busy, run_export

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))


class ExportBoardsDialog(QDialog, FORM_CLASS):
    def __init__(
        self, context, parent=None, boards: list[str] | None = None, groups: list[str] | None = None
    ):
        super().__init__(parent)
        self.setupUi(self)
        self.context = context
        self.setObjectName("ExportBoardsDialog")
        self.setWindowTitle(tr("Export the boards"))
        self.helpLabel.setText(
            tr(
                "Each group's field map, diagnostic, restitution, atlas of stops and support "
                "proposal, and the cross-group synthesis. The layouts are also added to the "
                "project (Project > Layouts) so they can be retouched before printing."
            )
        )
        self.groupsLabel.setText(tr("Groups"))
        self.boardsLabel.setText(tr("Boards"))
        self.paperLabel.setText(tr("Paper"))
        self.orientationLabel.setText(tr("Orientation"))
        self.formatLabel.setText(tr("Format"))
        self.dpiLabel.setText(tr("Resolution (dpi)"))
        self.folderLabel.setText(tr("Output folder"))
        settings = UserSettings.load()
        for name in self._group_names():
            self._check_item(self.groupsList, name, name, groups is None or name in groups)
        for kind in BOARD_TYPES:
            self._check_item(
                self.boardsList, board_title(kind), kind, boards is None or kind in boards
            )
        self.paperCombo.addItems(list(PAPERS))
        self.paperCombo.setCurrentText(settings.default_paper or "A3")
        self.orientationCombo.addItem(tr("Landscape"), "landscape")
        self.orientationCombo.addItem(tr("Portrait"), "portrait")
        self.formatCombo.addItem(tr("PDF (vector)"), "pdf")
        self.formatCombo.addItem(tr("PNG (image)"), "png")
        self.dpiSpin.setValue(int(settings.default_dpi or 300))
        # the dossier's own folder: the last photo folder is no place for boards
        default = Path(context.dossier).parent / "planches" if context.dossier else Path.home()
        if is_pg(context.dossier):
            default = Path.home() / "planches"
        self.folderEdit.setText(str(default))
        self.folderButton.clicked.connect(self._choose_folder)
        for widget in (self.paperCombo, self.orientationCombo, self.formatCombo):
            widget.currentIndexChanged.connect(self._update_size)
        self.dpiSpin.valueChanged.connect(self._update_size)
        self._update_size()
        self.errorLabel.setVisible(False)
        self.export_button = self.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setText(tr("Export"))
        self.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self.buttonBox.accepted.connect(self.export)
        self.buttonBox.rejected.connect(self.reject)
        self.result_ = None  # the last ExportResult

    def _group_names(self) -> list[str]:
        if not self.context.dossier:
            return []
        try:
            from ..store.tables import read_groups

            return [g.name for g in read_groups(self.context.dossier)]
        except AtelierError:
            return []

    @staticmethod
    def _check_item(widget, text: str, data: str, checked: bool) -> None:
        item = QListWidgetItem(text, widget)
        item.setData(Qt.ItemDataRole.UserRole, data)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    @staticmethod
    def _checked(widget) -> list[str]:
        return [
            widget.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Output folder"), self.folderEdit.text())
        if folder:
            self.folderEdit.setText(folder)

    def _update_size(self) -> None:
        paper = self.paperCombo.currentText() or "A3"
        orientation = self.orientationCombo.currentData() or ORIENTATIONS[0]
        if self.formatCombo.currentData() == "png":
            w, h = pixel_size(paper, orientation, self.dpiSpin.value())
            self.sizeLabel.setText(tr("Each page: {w} × {h} pixels.").format(w=w, h=h))
        else:
            self.sizeLabel.setText(tr("Vector PDF: one file per board and one combined file."))

    def options(self) -> BoardOptions:
        return BoardOptions(
            boards=self._checked(self.boardsList),
            groups=self._checked(self.groupsList) or None,
            paper=self.paperCombo.currentText(),
            orientation=self.orientationCombo.currentData(),
            fmt=self.formatCombo.currentData(),
            dpi=self.dpiSpin.value(),
        )

    def folder(self) -> str:
        return self.folderEdit.text().strip()

    # export -----------------------------------------------------------------------
    def say(self, text: str) -> None:
        """A message in the dialog (empty: none)."""
        self.errorLabel.setText(text)
        self.errorLabel.setVisible(bool(text))

    def problem(self) -> str:
        """What prevents the export, in words for the person ("" when nothing)."""
        boards = self._checked(self.boardsList)
        if not boards:
            return tr("Choose at least one board.")
        per_group = [b for b in boards if b != "synthese"]
        if per_group and self.groupsList.count() and not self._checked(self.groupsList):
            return tr("Choose at least one group.")
        folder = self.folder()
        if not folder:
            return tr("Choose an output folder.")
        if not writable(folder):
            return tr(
                "Cannot write into the folder {path}. Choose a folder you can write to."
            ).format(path=folder)
        return ""

    def export(self) -> None:
        """The "Export" button: check, ask about retouched layouts, export, close."""
        self.say("")
        problem = self.problem()
        if not problem and busy():
            problem = tr(
                "The boards are already being exported: wait for the export in progress to end."
            )
        if problem:
            self.say(problem)
            return
        options = self.options()
        try:
            from ..boards.engine import retouched_layouts

            names = retouched_layouts(options, self.context.dossier or None, QgsProject.instance())
        except AtelierError as exc:
            self.say(error_text(exc))
            return
        except (OSError, sqlite3.Error, RuntimeError) as exc:  # the dossier unreadable
            self.say(
                self.context.failed(
                    tr("The boards export could not start"), exc, tr("Nothing was written.")
                )
            )
            return
        policy = self.ask_retouched(names) if names else ""
        if policy is None:
            return
        self._remember()
        self.buttonBox.setEnabled(False)
        try:
            self.result_ = run_export(self.context, options, self.folder(), self, policy)
        finally:
            self.buttonBox.setEnabled(True)
        if self.result_.ok:
            announce(self.context, self.result_.files, self.folder())
            self.accept()
        else:
            self.say(self.result_.error)

    def ask_retouched(self, names: list[str]) -> str | None:
        """Replace or write beside the layouts retouched since the plugin made them."""
        from ..boards.kept_layouts import RENAME, REPLACE

        box = QMessageBox(self)
        box.setObjectName("RetouchedLayoutsQuestion")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(tr("Retouched layouts"))
        if len(names) == 1:
            box.setText(tr("The layout “{name}” was retouched: replace it?").format(name=names[0]))
        else:
            listed = "\n".join(f"\u2022 {n}" for n in names)
            box.setText(tr("These layouts were retouched: replace them?") + "\n" + listed)
        box.setInformativeText(
            tr(
                "Replace: the new layout takes the name, the retouched one is kept under a "
                "dated name. Write under a new name: the retouched one keeps its name, the "
                "new one is written beside it. Nothing is deleted."
            )
        )
        replace = box.addButton(tr("Replace"), QMessageBox.ButtonRole.AcceptRole)
        replace.setObjectName("replace")
        rename = box.addButton(tr("Write under a new name"), QMessageBox.ButtonRole.AcceptRole)
        rename.setObjectName("rename")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setText(tr("Cancel"))
        box.setDefaultButton(rename)
        box.exec()
        clicked = box.clickedButton()
        if clicked is replace:
            return REPLACE
        if clicked is rename:
            return RENAME
        return None

    def _remember(self) -> None:
        settings = UserSettings.load()
        settings.default_paper = self.paperCombo.currentText()
        settings.default_dpi = self.dpiSpin.value()
        settings.save()


def writable(folder: str) -> bool:
    """The folder, or the nearest folder above it that exists, can be written into."""
    path = Path(folder).expanduser()
    while not path.exists():
        if path.parent == path:
            return False
        path = path.parent
    return path.is_dir() and os.access(str(path), os.W_OK | os.X_OK)


def open_export_dialog(step, boards=None, groups=None):
    """The export dialog of a panel step; returns it once closed (None when refused)."""
    context = step.context
    if not context.dossier:
        context.warning(tr("Open or build a dossier first."))
        return None
    if busy():
        context.warning(
            tr("The boards are already being exported: wait for the export in progress to end.")
        )
        return None
    dialog = ExportBoardsDialog(context, step, boards=boards, groups=groups)
    dialog.exec()
    return dialog
