# SPDX-License-Identifier: GPL-2.0-or-later
"""What surrounds an export of the boards: one at a time, edits saved, progress, cancel."""

from __future__ import annotations

import logging
from contextlib import contextmanager

from qgis.core import QgsFeedback, QgsProject

from ..domain.errors import QT_TR_NOOP, AtelierError
from ..infra.settings import ProjectSettings
from ..store.saving import save_pending

LOG = logging.getLogger(__name__)


class CanceledError(Exception):
    """The person cancelled the export."""


def say(feedback: QgsFeedback | None, text: str) -> None:
    """Processing feedback shows the text; a plain QgsFeedback only logs it."""
    LOG.info("%s", text)
    if feedback is not None and hasattr(feedback, "pushInfo"):
        feedback.pushInfo(text)


_RUNNING: list[bool] = []


def is_running() -> bool:
    """Whether an export of the boards is in progress (one at a time)."""
    return bool(_RUNNING)


@contextmanager
def one_at_a_time():
    """Refuse an export requested while another runs (from its progress events)."""
    if _RUNNING:
        raise AtelierError(
            QT_TR_NOOP(
                "The boards are already being exported: wait for the export in progress to end."
            )
        )
    _RUNNING.append(True)
    try:
        yield
    finally:
        _RUNNING.clear()


def save_edits(project: QgsProject, dossier: str | None) -> None:
    """Commit the pending edits on the dossier: the boards read the file."""
    if not dossier and project is not None:
        dossier = ProjectSettings.load(project).dossier_path
    if not dossier:
        return
    failed: list[str] = []
    for proj in {id(p): p for p in (project, QgsProject.instance())}.values():
        failed += save_pending(proj, dossier)
    if failed:
        raise AtelierError(
            QT_TR_NOOP(
                "The edits of {layers} could not be saved, so the boards would not show them. "
                "Close any other program using the dossier, then export again."
            ),
            layers=", ".join(sorted(set(failed))),
        )


class StepFeedback(QgsFeedback):
    """One board's share of the progress; cancelled with the export's feedback."""

    def __init__(self, parent: QgsFeedback | None, start: float, span: float):
        super().__init__()
        self.parent_ = parent
        if parent is not None:
            self.progressChanged.connect(lambda v: parent.setProgress(start + span * v / 100.0))
            parent.canceled.connect(self.cancel)
            if parent.isCanceled():
                self.cancel()

    def pushInfo(self, text: str) -> None:  # noqa: N802 (QgsProcessingFeedback's name)
        say(self.parent_, text)


def check(feedback: QgsFeedback | None) -> None:
    if feedback is not None and feedback.isCanceled():
        raise CanceledError()
