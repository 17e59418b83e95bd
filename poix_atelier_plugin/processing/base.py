# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared plumbing of the algorithms: ids, group, errors → QgsProcessingException."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException

from ..domain.errors import AtelierError
from ..infra.i18n import error_text, tr
from ..paths import icon_path
from ..store import saving


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

    # Readers and writers of the dossier see what the person sees ------------------------
    def _dossier_parameter(self, parameters, context) -> str:
        if "DOSSIER" not in parameters or self.parameterDefinition("DOSSIER") is None:
            return ""
        return self.parameterAsString(parameters, "DOSSIER", context) or ""

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Main thread, before the work: pending edits on the dossier are written first.

        Otherwise a board, a package or a count made from the file would miss what a
        group drew since its last save.
        """
        dossier = self._dossier_parameter(parameters, context)
        if dossier and context.project() is not None:
            failed = saving.save_pending(context.project(), dossier)
            if failed:
                feedback.reportError(
                    tr(
                        "Pending edits of {layers} could not be saved; they are not included."
                    ).format(layers=", ".join(failed))
                )
        return True

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        """Main thread, after the work: layers on the dossier show what was written."""
        dossier = getattr(self, "_written_dossier", "")
        if dossier and context.project() is not None:
            saving.reload_layers(context.project(), dossier)
        return {}

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._written_dossier = self._dossier_parameter(parameters, context)
        try:
            return self.process(parameters, context, feedback)
        except AtelierError as exc:
            raise QgsProcessingException(error_text(exc)) from exc

    def process(self, parameters, context, feedback) -> dict:
        """The algorithm's work (``run`` is QgsProcessingAlgorithm's own API)."""
        raise NotImplementedError
