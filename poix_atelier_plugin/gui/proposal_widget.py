# SPDX-License-Identifier: GPL-2.0-or-later
"""The "Proposition d'accompagnement" of a group: enjeux by level, each with its tools.

Shown in the dock (Issues step) and in a larger window; its PDF is the
'proposition' board of the boards engine when that engine is installed.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..domain.errors import AtelierError
from ..infra.i18n import error_text, tr
from ..store.tables import is_pg, read_groups


class ProposalWidget(QWidget):
    def __init__(self, context, parent=None, compact: bool = False):
        super().__init__(parent)
        self.setObjectName("proposalWidget")
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.group_combo = QComboBox(self)
        self.group_combo.setObjectName("proposalGroupCombo")
        self.group_combo.setVisible(not compact)
        top.addWidget(self.group_combo, 1)
        self.refresh_button = QPushButton(tr("Refresh"), self)
        self.refresh_button.setObjectName("proposalRefresh")
        top.addWidget(self.refresh_button)
        self.pdf_button = QPushButton(tr("Export as PDF…"), self)
        self.pdf_button.setObjectName("proposalPdf")
        self.pdf_button.setToolTip(tr("The 'proposition' board of the group, as PDF"))
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        top.addWidget(self.pdf_button)
        if not compact:
            self.copy_button = QPushButton(tr("Copy"), self)
            self.copy_button.setToolTip(tr("Copy the proposal (to paste into a report or a mail)"))
            self.copy_button.clicked.connect(self.copy)
            top.addWidget(self.copy_button)
        layout.addLayout(top)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("proposalBrowser")
        self.browser.setOpenLinks(False)
        if compact:
            self.browser.setMinimumHeight(220)
        layout.addWidget(self.browser, 1)
        self.compact = compact
        self.refresh_button.clicked.connect(lambda: self.refresh())
        self.group_combo.currentTextChanged.connect(lambda _t: self.refresh())
        self.fill_groups()

    @property
    def groupe(self) -> str:
        if self.compact:
            return self.context.active_group
        return self.group_combo.currentText() or self.context.active_group

    def fill_groups(self) -> None:
        names = []
        path = self.context.dossier
        try:
            if path and (is_pg(path) or Path(path).is_file()):
                names = [g.name for g in read_groups(path)]
        except AtelierError:
            names = []
        self.group_combo.blockSignals(True)
        self.group_combo.clear()
        self.group_combo.addItems(names)
        if self.context.active_group in names:
            self.group_combo.setCurrentText(self.context.active_group)
        self.group_combo.blockSignals(False)
        self.refresh()

    def refresh(self) -> str:
        from ..services.toolbox.proposal import group_proposal_html

        path, groupe = self.context.dossier, self.groupe
        if not path or not groupe or not (is_pg(path) or Path(path).is_file()):
            html = "<p><i>{}</i></p>".format(tr("Open a dossier and create the groups first."))
        else:
            self.context.saver.save_dossier()  # read from the file: what was drawn first
            try:
                html = group_proposal_html(
                    path, groupe, title=not self.compact, font_pt=9 if self.compact else 11
                )
            except AtelierError as exc:
                html = f"<p>{escape(error_text(exc))}</p>"
        self.browser.setHtml(html)
        return html

    def copy(self) -> None:
        mime = (
            self.browser.createMimeDataFromSelection()
            if self.browser.textCursor().hasSelection()
            else None
        )
        if mime is None:
            self.browser.selectAll()
            mime = self.browser.createMimeDataFromSelection()
            cursor = self.browser.textCursor()
            cursor.clearSelection()
            self.browser.setTextCursor(cursor)
        QGuiApplication.clipboard().setMimeData(mime)

    def export_pdf(self, folder: str | None = None) -> list[str]:
        from ..boards.base import BoardOptions
        from ..boards.engine import export_boards

        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self, tr("Folder for the PDF"), str(Path(self.context.dossier).parent)
            )
        if not folder:
            return []
        options = BoardOptions(
            boards=["proposition"],
            groups=[self.groupe],
            fmt="pdf",
            add_to_project=False,
            combined=False,
        )
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            files = export_boards(folder, options, dossier=self.context.dossier)
        except AtelierError as exc:
            self.context.error(exc)
            return []
        finally:
            QApplication.restoreOverrideCursor()
        self.context.success(tr("Proposal exported: {files}").format(files=", ".join(files)))
        return files


class ProposalDialog(QDialog):
    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.setObjectName("ProposalDialog")
        self.setWindowTitle(tr("Support proposal"))
        self.resize(820, 760)
        layout = QVBoxLayout(self)
        self.widget = ProposalWidget(context, self)
        layout.addWidget(self.widget)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
