# SPDX-License-Identifier: GPL-2.0-or-later
"""Clicking through modal dialogs as a person does, while ``exec()`` blocks the test."""

from __future__ import annotations


# driving modal windows -------------------------------------------------------------
class Modal:
    """Acts on modal windows as a person would, while ``exec()`` blocks the test.

    ``on(cls, action, when)`` queues an action for the next modal widget of
    ``cls`` (``QApplication.activeModalWidget()``) once ``when(widget)`` holds;
    actions run in order from a timer, also inside the nested event loops of
    the dialogs they open (an export processes events between boards). A
    window still waiting after ``timeout`` seconds is closed and the test fails.
    """

    def __init__(self, timeout: float = 30.0):
        from qgis.PyQt.QtCore import QTimer

        self.steps: list = []
        self.errors: list[str] = []
        self.seen: list = []
        self.timeout = timeout
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)

    def on(self, cls, action, when=None, name: str = "") -> Modal:
        self.steps.append((cls, action, when, name or getattr(action, "__name__", "")))
        return self

    def __enter__(self) -> Modal:
        import sys
        import time

        self.deadline = time.monotonic() + self.timeout
        # an exception in a Qt slot fails the test instead of aborting the process
        self._hook = sys.excepthook
        sys.excepthook = self._excepthook
        self.timer.start()
        return self

    def _excepthook(self, kind, value, tb) -> None:
        import traceback

        self.errors.append("".join(traceback.format_exception(kind, value, tb)))

    def __exit__(self, *exc) -> None:
        import sys

        self.timer.stop()
        sys.excepthook = self._hook
        if exc[0] is None:
            assert not self.errors, "\n".join(self.errors)
            assert not self.steps, f"never reached: {[s[3] for s in self.steps]}"

    def _tick(self) -> None:
        import time

        from qgis.PyQt.QtWidgets import QApplication

        widget = QApplication.activeModalWidget()
        if self.errors or time.monotonic() > self.deadline or not self.steps:
            if widget is not None and (self.errors or time.monotonic() > self.deadline):
                if not self.errors:
                    self.errors.append(
                        f"timeout: {[s[3] for s in self.steps]}, open: {describe(widget)}"
                        f" (already acted on: {any(w is widget for w in self.seen)})"
                    )
                self.steps.clear()
                widget.close()  # unblock exec(): the test fails with the errors
            return
        cls, action, when, name = self.steps[0]
        if widget is None or not isinstance(widget, cls) or not widget.isVisible():
            return
        if when is not None and not when(widget):
            return
        self.steps.pop(0)
        self.seen.append(widget)
        # from a timer of its own: Qt never fires a timer again while its slot runs,
        # and the action may block in the window's nested event loop
        from qgis.PyQt.QtCore import QTimer

        QTimer.singleShot(0, lambda: self._run(action, widget, name))

    def _run(self, action, widget, name: str) -> None:
        import traceback

        try:
            action(widget)
        except Exception:  # noqa: BLE001 (the test fails with it; the window is closed to unblock exec())
            self.errors.append(f"{name}: {traceback.format_exc()}")
            self.steps.clear()
            if not widget.isHidden():
                widget.close()


def click(widget) -> None:
    """A left click in the middle of a button, as a person does."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest

    assert widget.isVisible(), f"{widget.objectName()} is not shown"
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def describe(widget) -> str:
    """What a person sees in a window left open: its title, texts and buttons."""
    from qgis.PyQt.QtWidgets import QAbstractButton, QLabel, QLineEdit

    seen = [f"{type(widget).__name__} {widget.windowTitle()!r}"]
    for child in widget.findChildren(QLabel):
        if child.isVisible() and child.text().strip():
            seen.append(f"label {child.text().strip()[:80]!r}")
    for child in widget.findChildren(QLineEdit):
        if child.isVisible():
            seen.append(f"edit {child.objectName()}={child.text()!r}")
    for child in widget.findChildren(QAbstractButton):
        if child.isVisible() and child.text():
            seen.append(f"button {child.text()!r}{'' if child.isEnabled() else ' (disabled)'}")
    return "; ".join(seen)
