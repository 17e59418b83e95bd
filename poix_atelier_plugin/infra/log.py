# SPDX-License-Identifier: GPL-2.0-or-later
"""stdlib logging wired to the QGIS message log (tab "Atelier territorial").

A line is the message alone, already in the person's language (``tr()`` at
the call): the tab names the plugin, and a Python module name would only put
English words in front of French ones.
"""

import logging

from qgis.core import Qgis, QgsMessageLog

TAG = "Atelier territorial"
LOGGER_NAME = "poix_atelier_plugin"


class QgsLogHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.ERROR:
            level = Qgis.MessageLevel.Critical
        elif record.levelno >= logging.WARNING:
            level = Qgis.MessageLevel.Warning
        else:
            level = Qgis.MessageLevel.Info
        QgsMessageLog.logMessage(self.format(record), TAG, level, notifyUser=False)


def install() -> logging.Handler:
    handler = QgsLogHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def uninstall(handler: logging.Handler) -> None:
    logging.getLogger(LOGGER_NAME).removeHandler(handler)
