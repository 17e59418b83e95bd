# SPDX-License-Identifier: GPL-2.0-or-later
"""What the desktop scripts share: the state file, timers, and a person's clicks.

Imported by desktop_driver.py and desktop_walk.py inside the real QGIS desktop
(``qgis --code``); not a test module. Every click and every key typed goes
through here, so a walk can say how many a person needed.
"""

import json
import os
import sys
import traceback
from pathlib import Path

from qgis.core import QgsPointXY
from qgis.PyQt.QtCore import QEvent, QPoint, Qt, QTimer
from qgis.PyQt.QtGui import QKeyEvent
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication
from qgis.utils import iface, plugins

OUT = Path(os.environ["ATELIER_OUT"])
STATE = {"log": [], "errors": [], "clicks": 0, "keys": 0}


def log(text):
    STATE["log"].append(text)
    dump()


def dump():
    (OUT / "state.json").write_text(json.dumps(STATE, ensure_ascii=False, indent=1))


def fail(exc):
    trace = "".join(traceback.format_exception(*sys.exc_info())) if sys.exc_info()[0] else ""
    STATE["errors"].append(trace or str(exc))
    dump()
    (OUT / "done").write_text("error")


def later(ms, fn):
    def run():
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on it
            fail(exc)

    QTimer.singleShot(ms, run)


def plugin():
    return plugins["poix_atelier_plugin"]


def click(widget, button=Qt.MouseButton.LeftButton, pos=None):
    STATE["clicks"] += 1
    if pos is None:
        QTest.mouseClick(widget, button)
    else:
        QTest.mouseClick(widget, button, Qt.KeyboardModifier.NoModifier, pos)


def map_pos(x, y):
    p = iface.mapCanvas().getCoordinateTransform().transform(QgsPointXY(x, y))
    return QPoint(round(p.x()), round(p.y()))


def click_map(x, y, button=Qt.MouseButton.LeftButton):
    viewport = iface.mapCanvas().viewport()
    pos = map_pos(x, y)
    QTest.mouseMove(viewport, pos)
    click(viewport, button, pos)


def type_into(edit, text, replace=True):
    """A click into the field, Ctrl+A when it holds text, then the keys."""
    click(edit)
    if replace and edit.text():
        QTest.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        STATE["keys"] += 1
    for char in text:
        if ord(char) < 128:
            QTest.keyClick(edit, char)
        else:  # QTest maps ASCII only (it asserts on "é"): the key event a keyboard layout sends
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(edit, event)
    STATE["keys"] += len(text)
