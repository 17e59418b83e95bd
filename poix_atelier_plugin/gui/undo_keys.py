# SPDX-License-Identifier: GPL-2.0-or-later
"""Ctrl+Z and Ctrl+Shift+Z undo and redo the panel's drawings, as in QGIS.

A drawing is written to the dossier as soon as its form is accepted, which
empties QGIS's own undo stack: QGIS's Undo action is then disabled and the
keys would do nothing. A ``QShortcut`` of our own would be ambiguous with
QGIS's (same keys, both fire nothing), so the keys are taken through
``ShortcutOverride`` only while QGIS's Undo (or Redo) has nothing to do:
an edit QGIS still holds is undone by QGIS first, as the person expects.

The filter sits on the map canvas and on the dock. Text fields take their own
Ctrl+Z before it reaches the dock, so typing is never undone by the panel.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QEvent, QObject
from qgis.PyQt.QtGui import QKeySequence
from qgis.PyQt.QtWidgets import QAction

UNDO = QKeySequence.StandardKey.Undo
REDO = QKeySequence.StandardKey.Redo


class UndoKeys(QObject):
    """Event filter giving the panel's history the undo keys QGIS leaves unused."""

    def __init__(self, iface, saver, widgets, parent=None):
        super().__init__(parent)
        self.iface = iface
        self.saver = saver
        self.widgets = [w for w in widgets if w is not None]
        for widget in self.widgets:
            widget.installEventFilter(self)

    def _qgis_action(self, name: str) -> QAction | None:
        window = self.iface.mainWindow() if self.iface is not None else None
        return window.findChild(QAction, name) if window is not None else None

    def _ours(self, event) -> str:
        """ "undo"/"redo" when the key is one and QGIS has nothing to do with it."""
        if event.matches(UNDO):
            kind, action, can = "undo", "mActionUndo", self.saver.can_undo
        elif event.matches(REDO):
            kind, action, can = "redo", "mActionRedo", self.saver.can_redo
        else:
            return ""
        qgis = self._qgis_action(action)
        if qgis is not None and qgis.isEnabled():
            return ""
        return kind if can() else ""

    def eventFilter(self, watched, event):  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        what = self._ours(event)
        if not what:
            return False
        event.accept()
        if kind == QEvent.Type.KeyPress:
            if what == "undo":
                self.saver.undo()
            else:
                self.saver.redo()
        return True

    def unload(self) -> None:
        for widget in self.widgets:
            try:
                widget.removeEventFilter(self)
            except RuntimeError:  # the canvas went first when QGIS closes
                pass
        self.widgets = []
