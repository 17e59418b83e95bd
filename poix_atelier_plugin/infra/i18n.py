# SPDX-License-Identifier: GPL-2.0-or-later
"""One translation function for the whole plugin.

Always call the bare function ``tr("English text")`` (never ``self.tr``):
``pylupdate5`` files bare calls under the ``@default`` context, which is the
context used here, so every string lands in one French catalogue.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QCoreApplication

from ..domain.errors import AtelierError
from ..paths import translation_file

CONTEXT = "@default"


def tr(message: str) -> str:
    return QCoreApplication.translate(CONTEXT, message)


def error_text(error: BaseException) -> str:
    """The translated, formatted text of an error, for messages and logs."""
    if isinstance(error, AtelierError):
        text = tr(error.message)
        return text.format(**error.params) if error.params else text
    return str(error)


def install_translator(locale: str | None = None):
    """Load the compiled French catalogue into the application.

    Returns the QTranslator (keep a reference) or None when no catalogue
    matches the locale. ``locale`` defaults to QGIS's user locale.
    """
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QTranslator

    if locale is None:
        locale = QgsApplication.locale() or "en"
    path = translation_file(locale[:2])
    if path is None:
        return None
    translator = QTranslator()
    if not translator.load(str(path)):
        return None
    QCoreApplication.installTranslator(translator)
    return translator
