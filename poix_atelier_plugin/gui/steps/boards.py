# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock step: Boards."""

from ...core.i18n import tr
from .base import StepPanel


class BoardsStep(StepPanel):
    STEP_ID = "boards"

    def title(self) -> str:
        return tr("Boards")

    def build(self) -> None:
        self.add_help(tr("Print the boards of every group and the cross-group synthesis, as PDF or PNG, A3 to A0."))
        why = tr("Not available yet in this version of the plugin.")
        self.add_action("export_boards", tr("Export the boards…"), disabled_why=why)
        self.add_action("synthesis", tr("Cross-group synthesis"), disabled_why=why)
