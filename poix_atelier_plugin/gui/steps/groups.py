# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock step: Groups."""

from ...core.i18n import tr
from .base import StepPanel


class GroupsStep(StepPanel):
    STEP_ID = "groups"

    def title(self) -> str:
        return tr("Groups")

    def build(self) -> None:
        self.add_help(tr("Create the workspace of the groups, name them and give each its adviser."))
        why = tr("Not available yet in this version of the plugin.")
        self.add_action("create_groups", tr("Create the groups…"), disabled_why=why)
        self.add_action("delete_group", tr("Delete a group…"), disabled_why=why)
