# SPDX-License-Identifier: GPL-2.0-or-later
"""Driving the panel's server dialogs as a person does: fields filled, real clicks.

``Driver`` queues actions for the next modal windows (found by object name)
while their ``exec()`` blocks the test, and fails the test on an exception
raised in a Qt slot (the "wrapped C/C++ object … has been deleted" kind).
"""

from __future__ import annotations

import sys
import time


class Driver:
    """Clicks in the modal windows the panel opens, while their exec() blocks the test."""

    def __init__(self):
        from qgis.PyQt.QtCore import QTimer

        self.steps: list = []
        self.errors: list[str] = []
        self.stuck_since: float | None = None
        self.patience = 20.0  # seconds an unexpected window may stay open
        self.timer = QTimer()
        self.timer.setInterval(30)
        self.timer.timeout.connect(self._tick)

    def on(self, name: str, action) -> Driver:
        self.steps.append((name, action))
        return self

    def __enter__(self) -> Driver:
        self._hook = sys.excepthook
        sys.excepthook = self._excepthook  # an exception in a slot fails the test
        self.timer.start()
        return self

    def _excepthook(self, kind, value, tb):
        import traceback

        self.errors.append("".join(traceback.format_exception(kind, value, tb)))

    def __exit__(self, *exc):
        self.timer.stop()
        sys.excepthook = self._hook
        if exc[0] is None:
            assert not self.errors, "\n".join(self.errors)

    def _tick(self):
        import traceback

        from qgis.PyQt.QtWidgets import QApplication

        widget = QApplication.activeModalWidget()
        if widget is None or not widget.isVisible():
            self.stuck_since = None
            return
        name, action = self.steps[0] if self.steps else ("", None)
        if widget.objectName() != name:
            # a window nobody expected would block the test for ever: close it and fail
            self.stuck_since = self.stuck_since or time.monotonic()
            if time.monotonic() - self.stuck_since > self.patience:
                self.errors.append(
                    f"unexpected window {widget.objectName()!r} ({widget.windowTitle()}); "
                    f"waiting for {name!r}"
                )
                widget.close()
            return
        self.stuck_since = None
        self.steps.pop(0)
        try:
            action(widget)
        except Exception:  # noqa: BLE001 - reported by the test; the window is closed
            self.errors.append(traceback.format_exc())
            widget.close()

    def wait(self, condition, seconds: float = 90):
        from qgis.PyQt.QtCore import QCoreApplication

        end = time.monotonic() + seconds
        while not condition():
            QCoreApplication.processEvents()
            time.sleep(0.02)
            assert not self.errors, "\n".join(self.errors)
            assert time.monotonic() < end, f"timed out; still waiting for {self.steps}"
        QCoreApplication.processEvents()
        assert not self.errors, "\n".join(self.errors)


def click(widget):
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest

    assert widget.isVisible() and widget.isEnabled(), widget.text()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


def fill_server_dialog(connection: str, schema: str, gpkg=None, replace=False):
    def fill(dialog):
        from qgis.PyQt.QtWidgets import QDialogButtonBox

        assert dialog.existingRadio.isChecked()
        dialog.connectionCombo.setCurrentText(connection)
        assert dialog.connectionCombo.currentText() == connection
        dialog.schemaEdit.setText(schema)
        if gpkg is not None:
            dialog.file.setFilePath(str(gpkg))
        if dialog.replaceCheck.isChecked() != replace:
            click(dialog.replaceCheck)
        click(dialog.buttonBox.button(QDialogButtonBox.StandardButton.Ok))

    return fill


def click_no(box):
    from qgis.PyQt.QtWidgets import QMessageBox

    click(box.button(QMessageBox.StandardButton.No))


def confirm(seen: list):
    def confirm(box):
        from qgis.PyQt.QtWidgets import QPushButton

        seen.append(box.text())
        click(box.findChild(QPushButton, "confirmButton"))

    return confirm
