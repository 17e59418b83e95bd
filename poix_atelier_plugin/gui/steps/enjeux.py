# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock step: Issues and toolbox."""

from ...core.i18n import tr
from .base import StepPanel


class EnjeuxStep(StepPanel):
    STEP_ID = "enjeux"

    def title(self) -> str:
        return tr("Issues and toolbox")

    def build(self) -> None:
        self.add_help(tr("The DDTM toolbox of support tools, and the issues (enjeux) of each group linked to tools."))
        why = tr("Not available yet in this version of the plugin.")
        self.add_action("toolbox", tr("Toolbox…"), disabled_why=why)
        self.add_action("add_enjeu", tr("Add an issue"), disabled_why=why)
        self.add_action("proposal", tr("Support proposal…"), disabled_why=why)
