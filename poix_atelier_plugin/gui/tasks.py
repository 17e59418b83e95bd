# SPDX-License-Identifier: GPL-2.0-or-later
"""The plugin's background tasks, in one place so that unloading can cancel them.

A QgsTask whose Python object is collected while QGIS still runs it crashes
QGIS or raises "wrapped C/C++ object … has been deleted"; keeping a reference
until the task ends, and cancelling what still runs when the plugin is
unloaded, avoids both.
"""

from __future__ import annotations

from qgis.core import QgsApplication, QgsTask

_RUNNING: dict[int, QgsTask] = {}


def start(task: QgsTask) -> QgsTask:
    """Hand ``task`` to QGIS's task manager and keep it alive until it ends."""
    key = id(task)
    _RUNNING[key] = task
    task.taskCompleted.connect(lambda k=key: _RUNNING.pop(k, None))
    task.taskTerminated.connect(lambda k=key: _RUNNING.pop(k, None))
    QgsApplication.taskManager().addTask(task)
    return task


def running() -> list[QgsTask]:
    return list(_RUNNING.values())


def cancel_all(wait_ms: int = 5000) -> int:
    """Cancel every task still running and wait for them a little; returns how many."""
    tasks = running()
    for task in tasks:
        try:
            task.cancel()
        except RuntimeError:  # already deleted by QGIS
            _RUNNING.pop(id(task), None)
    for task in tasks:
        try:
            task.waitForFinished(wait_ms)
        except RuntimeError:
            pass
    _RUNNING.clear()
    return len(tasks)
