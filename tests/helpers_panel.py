# SPDX-License-Identifier: GPL-2.0-or-later
"""Pressing the panel's buttons as a person does, and answering what they open.

``press(step_or_dock, key)`` clicks ``step.buttons[key]`` with the mouse
(``QTest.mouseClick``) once the step is on screen; the meta-test of
tests/test_panel_actions.py counts these calls, so every panel action is
pressed by a test through this one function. The modal windows a button opens
are answered with ``helpers_modal.Modal`` and the windows' own buttons
(``ok``, ``answer``, ``file_dialog``), never by calling their slots.
"""

from __future__ import annotations

import time
from pathlib import Path

from helpers_modal import Modal, click, describe

__all__ = [
    "STEP_TITLES",
    "Modal",
    "answer",
    "canvas_click",
    "click",
    "file_dialog",
    "ok",
    "press",
    "press_menu_item",
    "settle",
    "wait_until",
]


#: The dock's steps as a French-speaking person reads them, in order.
STEP_TITLES = [
    "1. Dossier",
    "2. Groupes",
    "3. Parcours et arrêts",
    "4. Photos",
    "5. Diagnostic",
    "6. Enjeux et boîte à outils",
    "7. Planches",
]


def _step_of(target, key: str):
    """The step holding ``key``: ``target`` itself, or the dock's current step first."""
    steps = getattr(target, "steps", None)
    if steps is None:
        return target, None
    current = target.toolBox.currentWidget()
    holders = [s for s in steps.values() if key in s.buttons]
    assert holders, f"no step of the dock has a button {key!r}"
    return (current if current in holders else holders[0]), target


def press(target, key: str, menu_item: str = "") -> None:
    """Click the button ``key`` of a step (or of the dock: the step holding it is opened).

    With ``menu_item``, the button's menu pops up and that item (object name)
    is clicked, as a person does. Fails with the button's tooltip when the
    button is hidden or disabled: that says why a person could not press it.
    """
    from qgis.PyQt.QtCore import QCoreApplication, Qt
    from qgis.PyQt.QtTest import QTest

    step, dock = _step_of(target, key)
    assert key in step.buttons, f"{step.objectName()} has no button {key!r}: {list(step.buttons)}"
    button = step.buttons[key]
    if dock is not None:
        dock.show()
        dock.toolBox.setCurrentWidget(step)
    elif step.isWindow() and not step.isVisible():
        step.show()  # a step built alone, as a person would see it in the dock
    QCoreApplication.processEvents()
    assert button.isVisible(), f"the button {key!r} ({button.text()}) is not shown"
    assert button.isEnabled(), (
        f"the button {key!r} ({button.text()}) is disabled: {button.toolTip() or 'no tooltip'}"
    )
    if menu_item:
        press_menu_item(button, menu_item)
    else:
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def press_menu_item(button, name: str) -> None:
    from qgis.PyQt.QtCore import Qt, QTimer
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QApplication

    menu = button.menu()
    assert menu is not None, f"{button.objectName()} has no menu"
    found = [a for a in menu.actions() if a.objectName() == name]
    assert found, f"no item {name!r} in the menu: {[a.objectName() for a in menu.actions()]}"
    action = found[0]
    picked = []
    end = time.monotonic() + 10

    def pick():
        if QApplication.activePopupWidget() is not menu or not menu.isVisible():
            if time.monotonic() < end:
                QTimer.singleShot(20, pick)
            return
        picked.append(action.text())
        centre = menu.actionGeometry(action).center()
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)

    QTimer.singleShot(20, pick)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    assert picked == [action.text()], "the menu did not open"


# the windows a button opens, answered by their own buttons ---------------------------
def ok(dialog) -> None:
    """The dialog's OK (or Save, or Open) button, clicked."""
    from qgis.PyQt.QtWidgets import QDialogButtonBox

    wanted = (
        QDialogButtonBox.StandardButton.Ok,
        QDialogButtonBox.StandardButton.Save,
        QDialogButtonBox.StandardButton.Open,
    )
    for box in dialog.findChildren(QDialogButtonBox):
        if not box.isVisible():
            continue
        for which in wanted:
            button = box.button(which)
            if button is not None and button.isVisible():
                click(button)
                return
    raise AssertionError(f"no visible OK button in {dialog.windowTitle()!r}")


def answer(which):
    """A message box's standard button ``which`` (Yes, No…), clicked."""

    def act(box) -> None:
        click(box.button(which))

    return act


def file_dialog(path: Path | str, names: str = ""):
    """Type the folder (and file names) in Qt's file dialog and press its Open/Choose button.

    ``path`` a file: its folder is shown and its name typed.
    """

    def fill(dialog) -> None:
        from qgis.PyQt.QtWidgets import QDialogButtonBox, QLineEdit

        target = Path(path)
        folder = target.parent if target.is_file() else target
        dialog.setDirectory(str(folder))
        typed = names or (target.name if target.is_file() else str(target))
        dialog.findChild(QLineEdit, "fileNameEdit").setText(typed)
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        click(buttons.button(QDialogButtonBox.StandardButton.Open))

    return fill


# the map canvas ---------------------------------------------------------------------
def canvas_click(canvas, x: float, y: float, button=None) -> None:
    """A mouse click on the canvas's viewport at the map point (x, y) (canvas CRS)."""
    from qgis.core import QgsPointXY
    from qgis.PyQt.QtCore import QPoint, Qt
    from qgis.PyQt.QtTest import QTest

    button = button if button is not None else Qt.MouseButton.LeftButton
    p = canvas.getCoordinateTransform().transform(QgsPointXY(x, y))
    pos = QPoint(round(p.x()), round(p.y()))
    viewport = canvas.viewport()
    assert viewport.rect().contains(pos), f"({x}, {y}) is off the canvas ({viewport.size()})"
    QTest.mouseMove(viewport, pos)
    QTest.mouseClick(viewport, button, Qt.KeyboardModifier.NoModifier, pos)


# waiting ----------------------------------------------------------------------------
def settle(ms: int = 300) -> None:
    """Let queued work (timers, deferred saves) run, as the event loop does."""
    from qgis.PyQt.QtCore import QCoreApplication

    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def wait_until(condition, seconds: float = 60.0, what: str = "") -> None:
    from qgis.PyQt.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while not condition():
        QCoreApplication.processEvents()
        time.sleep(0.02)
        assert time.monotonic() < end, f"timed out waiting for {what or condition}"
    QCoreApplication.processEvents()


# feature forms ----------------------------------------------------------------------
def form_ok(modal, meanwhile=None, **typed):
    """The feature form QGIS opens after a drawing: ``typed`` values keyed into the
    fields' own editors (field name -> text), then its OK button clicked.

    ``meanwhile`` runs first, while the form is open (something the software
    does in the background as the person reads the form).
    """
    from qgis.gui import QgsAttributeDialog
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit

    def fill(dialog) -> None:
        if meanwhile is not None:
            meanwhile()
        for field, text in typed.items():
            editors = [
                w
                for w in dialog.findChildren((QLineEdit, QTextEdit, QPlainTextEdit), field)
                if w.isVisible()
            ]
            assert editors, f"no editor for {field!r} in {dialog.windowTitle()!r}"
            QTest.mouseClick(editors[0], Qt.MouseButton.LeftButton)
            QTest.keyClicks(editors[0], text)
        settle(300)  # the form checks its constraints as the text changes
        ok(dialog)

    return modal.on(QgsAttributeDialog, fill, name="feature form")


class LayerTools:
    """What QGIS's desktop gives the attribute form; the test interface has none."""

    instance = None

    @classmethod
    def get(cls):
        from qgis.core import QgsFeature, QgsVectorLayerTools

        if cls.instance is None:

            class Tools(QgsVectorLayerTools):
                def addFeature(self, *args, **kwargs):
                    return False, QgsFeature()

                def startEditing(self, layer):
                    return layer.startEditing()

                def stopEditing(self, layer, allowCancel=True):  # noqa: N803
                    return layer.commitChanges()

                def saveEdits(self, layer):
                    return layer.commitChanges(False)

                def copyMoveFeatures(self, *args, **kwargs):
                    return False

            cls.instance = Tools()
        return cls.instance


class FormAnswerer:
    """Answers every feature form that opens, as a person clicking its OK (or
    Cancel) button, for tests that draw many features with the map tools."""

    #: the innermost answerer answers (a test may cancel inside a fixture that accepts)
    _stack: list = []

    def __init__(self, accept: bool = True):
        from qgis.PyQt.QtCore import QTimer

        self.accept = accept
        self.answered = 0
        self.tried: list = []
        self.errors: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)

    def __enter__(self):
        FormAnswerer._stack.append(self)
        self.timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self.timer.stop()
        FormAnswerer._stack.remove(self)
        if exc[0] is None:
            assert not self.errors, "\n".join(self.errors)

    def _tick(self) -> None:
        from qgis.gui import QgsAttributeDialog
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtTest import QTest
        from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

        if FormAnswerer._stack[-1] is not self:
            return
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QgsAttributeDialog) or not dialog.isVisible():
            return
        if dialog in self.tried:  # OK clicked and the form still open: a rule refused
            self.errors.append(f"the form stayed open after OK: {describe(dialog)}")
            dialog.reject()
            return
        self.answered += 1
        if self.accept:
            self.tried.append(dialog)
            # a stop needs a name (a hard rule of its form): typed as a person would
            for edit in dialog.findChildren(QLineEdit, "nom"):
                if edit.isVisible() and not edit.text():
                    QTest.mouseClick(edit, Qt.MouseButton.LeftButton)
                    QTest.keyClicks(edit, f"Dessin {self.answered}")
            ok(dialog)
            return
        for box in dialog.findChildren(QDialogButtonBox):
            button = box.button(QDialogButtonBox.StandardButton.Cancel)
            if button is not None and button.isVisible():
                click(button)
                return
