# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock step: Diagnostic."""

from ...core.i18n import tr
from .base import StepPanel


class DiagnosticStep(StepPanel):
    STEP_ID = "diagnostic"

    def title(self) -> str:
        return tr("Diagnostic")

    def build(self) -> None:
        self.add_help(tr("Strengths, weaknesses, opportunities and threats, by theme, drawn on the map."))
        why = tr("Not available yet in this version of the plugin.")
        self.add_action("add_diagnostic", tr("Add a diagnostic element"), disabled_why=why)
