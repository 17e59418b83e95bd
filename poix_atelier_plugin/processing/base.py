# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared plumbing of the algorithms: ids, group, errors → QgsProcessingException."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException

from ..core.i18n import error_text, tr
from ..domain.errors import AtelierError
from ..paths import icon_path


class AtelierAlgorithm(QgsProcessingAlgorithm):
    """Subclasses define ``ID``, ``display_name()``, ``initAlgorithm`` and ``process``."""

    ID = ""

    def name(self) -> str:
        return self.ID

    def displayName(self) -> str:  # noqa: N802
        return self.display_name()

    def display_name(self) -> str:
        raise NotImplementedError

    def group(self) -> str:
        return tr("Workshop")

    def groupId(self) -> str:  # noqa: N802
        return "atelier"

    def icon(self):
        from qgis.PyQt.QtGui import QIcon

        return QIcon(icon_path("icon.png"))

    def createInstance(self):  # noqa: N802
        return type(self)()

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            return self.process(parameters, context, feedback)
        except AtelierError as exc:
            raise QgsProcessingException(error_text(exc)) from exc

    def process(self, parameters, context, feedback) -> dict:
        """The algorithm's work (``run`` is QgsProcessingAlgorithm's own API)."""
        raise NotImplementedError
