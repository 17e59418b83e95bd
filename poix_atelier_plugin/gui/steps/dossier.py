# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock step: Dossier."""

from ...core.i18n import tr
from .base import StepPanel


class DossierStep(StepPanel):
    STEP_ID = "dossier"

    def title(self) -> str:
        return tr("Dossier")

    def build(self) -> None:
        self.add_help(tr("Build the cartographic dossier of a commune, or open an existing one."))
        why = tr("Not available yet in this version of the plugin.")
        self.add_action("build_dossier", tr("Build a dossier…"), disabled_why=why)
        self.add_action("open_dossier", tr("Open a dossier…"), disabled_why=why)
