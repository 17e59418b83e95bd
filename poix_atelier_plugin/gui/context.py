# SPDX-License-Identifier: GPL-2.0-or-later
"""State the dock's steps share: the open dossier and the active group."""

from __future__ import annotations

import logging

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..infra.i18n import error_text, tr
from ..infra.settings import ProjectSettings
from .auth import unlock_for

LOG = logging.getLogger(__name__)


class AtelierContext(QObject):
    dossier_changed = pyqtSignal(str)
    group_changed = pyqtSignal(str)
    groups_changed = pyqtSignal()

    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.iface = iface
        self._settings = ProjectSettings.load()
        from .saver import Saver

        self.saver = Saver(self, self)

    # dossier ---------------------------------------------------------------
    @property
    def dossier(self) -> str:
        return self._settings.dossier_path

    def set_dossier(self, path: str) -> None:
        self._settings = ProjectSettings.load()
        self._settings.dossier_path = path
        self._settings.save()
        unlock_for(path)
        self.dossier_changed.emit(path)

    # group -----------------------------------------------------------------
    @property
    def active_group(self) -> str:
        return self._settings.active_group

    def set_active_group(self, name: str) -> None:
        if name == self._settings.active_group:
            return
        self._settings.active_group = name
        self._settings.save()
        self.group_changed.emit(name)

    @property
    def slot_min(self) -> int:
        return self._settings.slot_min

    def set_slot_min(self, value: int) -> None:
        self._settings.slot_min = int(value)
        self._settings.save()

    def reload(self) -> None:
        """Re-read the project settings (after a project is opened)."""
        self._settings = ProjectSettings.load(QgsProject.instance())
        unlock_for(self.dossier)
        self.dossier_changed.emit(self.dossier)
        self.group_changed.emit(self.active_group)

    # messages --------------------------------------------------------------
    def info(self, text: str, duration: int = 5) -> None:
        self.iface.messageBar().pushMessage(
            tr("Atelier territorial"), text, Qgis.MessageLevel.Info, duration
        )

    def success(self, text: str, duration: int = 5) -> None:
        self.iface.messageBar().pushMessage(
            tr("Atelier territorial"), text, Qgis.MessageLevel.Success, duration
        )

    def warning(self, text: str, duration: int = 8) -> None:
        self.iface.messageBar().pushMessage(
            tr("Atelier territorial"), text, Qgis.MessageLevel.Warning, duration
        )

    def error(self, error, duration: int = 0) -> None:
        text = error if isinstance(error, str) else error_text(error)
        self.iface.messageBar().pushMessage(
            tr("Atelier territorial"), text, Qgis.MessageLevel.Critical, duration
        )

    def failed(self, what: str, error: BaseException, kept: str = "") -> str:
        """A failure the person did not cause: French words in the bar, the traceback in the log.

        ``what``: what failed; ``kept``: what is kept (nothing lost, where it is).
        Returns the text shown.
        """
        text = tr("{what}: {error}.").format(
            what=what, error=error_text(error) or type(error).__name__
        )
        text = " ".join(part for part in (text, kept, where_details()) if part)
        LOG.error("%s", text, exc_info=(type(error), error, error.__traceback__))
        self.error(text)
        return text


def where_details() -> str:
    return tr("The details are in the log (View > Panels > Log Messages, tab Atelier territorial).")
