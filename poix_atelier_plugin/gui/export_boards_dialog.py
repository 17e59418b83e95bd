# SPDX-License-Identifier: GPL-2.0-or-later
"""Choose groups, boards, paper, format and folder; the export runs as a QgsTask.

Layouts are QGraphicsScenes and must be built and exported on the main
thread, so ``BoardsTask`` is a QgsTask shell that shows progress and takes
the cancel request in the task manager while the main thread exports board
after board (events are processed between boards).
"""

from __future__ import annotations

import threading
from pathlib import Path

from qgis.core import QgsApplication, QgsFeedback, QgsProject, QgsTask
from qgis.PyQt import sip, uic
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer
from qgis.PyQt.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QListWidgetItem

from ..core.boards.base import BoardOptions, board_title
from ..core.boards.frames import BOARD_TYPES
from ..core.boards.paper import ORIENTATIONS, PAPERS, pixel_size
from ..core.i18n import error_text, tr
from ..core.settings import UserSettings
from ..domain.errors import AtelierError

FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))


class BoardsTask(QgsTask):
    """Progress and cancel in the task manager for an export run on the main thread."""

    def __init__(self, description: str):
        super().__init__(description, QgsTask.CanCancel)
        self.finished_event = threading.Event()
        self.cancel_requested = False
        self.files: list[str] = []
        self.error: str = ""

    def cancel(self) -> None:
        # remembered in Python: a task cancelled before it starts is deleted by the manager
        self.cancel_requested = True
        super().cancel()

    def run(self) -> bool:  # worker thread: wait for the main thread's export
        while not self.finished_event.wait(0.1):
            pass
        return not self.error


class TaskFeedback(QgsFeedback):
    """Relays progress to the task, its cancel request to the export, keeps the UI alive."""

    def __init__(self, task: BoardsTask):
        super().__init__()
        self.task = task
        self.progressChanged.connect(self._progress)

    def _progress(self, value: float) -> None:
        task = self.task
        if not sip.isdeleted(task) and not task.finished_event.is_set():
            try:
                task.setProgress(value)
            except RuntimeError:  # deleted by the task manager meanwhile
                pass
        QCoreApplication.processEvents()
        if task.cancel_requested:
            self.cancel()


def run_export(context, options: BoardOptions, folder: str, on_done=None) -> BoardsTask:
    """Start the export of ``options`` into ``folder`` as a task; returns it."""
    task = BoardsTask(tr("Exporting the boards"))
    QgsApplication.taskManager().addTask(task)

    def work():
        feedback = TaskFeedback(task)
        try:
            from ..core.boards.engine import export_boards

            task.files = export_boards(
                folder,
                options,
                dossier=context.dossier or None,
                project=QgsProject.instance(),
                feedback=feedback,
            )
        except AtelierError as exc:
            task.error = error_text(exc)
        finally:
            task.finished_event.set()
        if task.error:
            context.error(task.error)
        else:
            context.success(
                tr("{n} files written in {folder}.").format(n=len(task.files), folder=folder)
            )
        if on_done is not None:
            on_done(task)

    QTimer.singleShot(50, work)
    return task


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
        default = Path(context.dossier).parent / "planches" if context.dossier else Path.home()
        self.folderEdit.setText(settings.last_folder or str(default))
        self.folderButton.clicked.connect(self._choose_folder)
        for widget in (self.paperCombo, self.orientationCombo, self.formatCombo):
            widget.currentIndexChanged.connect(self._update_size)
        self.dpiSpin.valueChanged.connect(self._update_size)
        self._update_size()
        self.buttonBox.button(QDialogButtonBox.Ok).setText(tr("Export"))

    def _group_names(self) -> list[str]:
        if not self.context.dossier:
            return []
        try:
            from ..core.boards.source import read_groups

            return [g.name for g in read_groups(self.context.dossier)]
        except AtelierError:
            return []

    @staticmethod
    def _check_item(widget, text: str, data: str, checked: bool) -> None:
        item = QListWidgetItem(text, widget)
        item.setData(Qt.UserRole, data)
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
        item.setCheckState(Qt.Checked if checked else Qt.Unchecked)

    @staticmethod
    def _checked(widget) -> list[str]:
        return [
            widget.item(i).data(Qt.UserRole)
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.Checked
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

    def accept(self) -> None:
        if not self._checked(self.boardsList):
            self.context.warning(tr("Choose at least one board."))
            return
        if not self.folder():
            self.context.warning(tr("Choose an output folder."))
            return
        settings = UserSettings.load()
        settings.last_folder = self.folder()
        settings.default_paper = self.paperCombo.currentText()
        settings.default_dpi = self.dpiSpin.value()
        settings.save()
        super().accept()
