# SPDX-License-Identifier: GPL-2.0-or-later
"""One export of the boards, on the main thread, behind a modal progress dialog.

Layouts are QGraphicsScenes and QgsLayoutExporter is not thread-safe, so the
export runs where the dialog's button was clicked. A modal QProgressDialog
keeps the rest of QGIS out of reach while events are processed between
boards and atlas pages (its "Cancel" is the only thing a person can click);
the panel's export buttons are disabled meanwhile, the boards refuse a second
export, and clearing the project cancels the one in progress.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field

from qgis.core import Qgis, QgsFeedback, QgsProcessingException, QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QObject, Qt, QUrl, pyqtSignal
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QProgressDialog, QPushButton

from ..domain.errors import AtelierError
from ..infra.i18n import error_text, tr

LOG = logging.getLogger(__name__)


class ExportState(QObject):
    """Whether an export runs; the panel's buttons follow ``changed``."""

    changed = pyqtSignal(bool)

    def __init__(self):
        super().__init__()
        self.running = False

    def set(self, running: bool) -> None:
        self.running = running
        self.changed.emit(running)


_STATE: list[ExportState] = []


def export_state() -> ExportState:
    if not _STATE:
        _STATE.append(ExportState())
    return _STATE[0]


def busy() -> bool:
    from ..boards.session import is_running

    return export_state().running or is_running()


class ProgressFeedback(QgsFeedback):
    """Progress and board names into the dialog; its Cancel into the export."""

    def __init__(self, dialog: QProgressDialog):
        super().__init__()
        self.dialog = dialog
        self.progressChanged.connect(self._progress)
        dialog.canceled.connect(self.cancel)

    def _progress(self, value: float) -> None:
        self.dialog.setValue(int(value))
        QCoreApplication.processEvents()  # the modal dialog: only its Cancel gets through

    def pushInfo(self, text: str) -> None:  # noqa: N802 (QgsProcessingFeedback's name)
        self.dialog.setLabelText(text)
        QCoreApplication.processEvents()


@dataclass
class ExportResult:
    files: list[str] = field(default_factory=list)
    error: str = ""
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.error and not self.cancelled


def progress_dialog(
    parent, label: str = "", title: str = "", name: str = "BoardsProgressDialog", maximum=100
) -> QProgressDialog:
    """A modal progress window with its Cancel (``maximum`` 0: a busy bar)."""
    label = label or tr("Preparing the boards…")
    dialog = QProgressDialog(label, tr("Cancel"), 0, maximum, parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title or tr("Exporting the boards"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)
    return dialog


def run_export(context, options, folder: str, parent=None, policy: str = "") -> ExportResult:
    """Export ``options`` into ``folder`` now; returns the files, or why there are none."""
    from ..boards.engine import export_boards
    from ..boards.kept_layouts import RENAME

    if busy():
        return ExportResult(
            error=tr(
                "The boards are already being exported: wait for the export in progress to end."
            )
        )
    state = export_state()
    progress = progress_dialog(parent)
    feedback = ProgressFeedback(progress)
    project = QgsProject.instance()
    # the project closed under the export stops it before the next page (removeAll comes
    # before its layers are deleted; the engine itself removes single layers it replaces)
    signals = [project.removeAll, project.cleared]
    if hasattr(project, "aboutToBeCleared"):  # QGIS 3.24+
        signals.append(project.aboutToBeCleared)
    for signal in signals:
        signal.connect(feedback.cancel)
    state.set(True)
    progress.show()
    QCoreApplication.processEvents()
    result = ExportResult()
    try:
        result.files = export_boards(
            folder,
            options,
            dossier=context.dossier or None,
            project=project,
            feedback=feedback,
            retouched_policy=policy or RENAME,
        )
    except AtelierError as exc:
        result.cancelled = feedback.isCanceled()
        result.error = error_text(exc)
    except (OSError, RuntimeError, ValueError, sqlite3.Error, QgsProcessingException) as exc:
        # a person never sees a traceback: French words in the bar, the log keeps it
        result.cancelled = feedback.isCanceled()
        result.error = context.failed(
            tr("The boards export failed"),
            exc,
            tr(
                "No board of this export was written; the files already in {folder} and the "
                "dossier are unchanged."
            ).format(folder=folder),
        )
    finally:
        for signal in signals:
            signal.disconnect(feedback.cancel)
        state.set(False)
        progress.close()
        progress.deleteLater()
    return result


def announce(context, files: list[str], folder: str) -> None:
    """Success in the message bar, with a button that opens the folder."""
    bar = context.iface.messageBar()
    text = tr("{n} files written in {folder}.").format(n=len(files), folder=folder)
    item = bar.createMessage(tr("Atelier territorial"), text)
    button = QPushButton(tr("Open the folder"), item)
    button.setObjectName("openBoardsFolder")
    button.setToolTip(folder)
    button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(folder)))
    item.layout().addWidget(button)
    bar.pushWidget(item, Qgis.MessageLevel.Success, 15)
    LOG.info("%s", text)


def follow_state(buttons):
    """Disable ``buttons`` while an export runs; returns the slot for ``unfollow_state``."""
    from qgis.PyQt import sip

    def update(running: bool) -> None:
        for button in buttons:
            if not sip.isdeleted(button):
                button.setEnabled(not running)

    export_state().changed.connect(update)
    return update


def unfollow_state(slot) -> None:
    try:
        export_state().changed.disconnect(slot)
    except TypeError:
        pass
