# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock step: Route and stops."""

from ...core.i18n import tr
from .base import StepPanel


class RouteStep(StepPanel):
    STEP_ID = "route"

    def title(self) -> str:
        return tr("Route and stops")

    def build(self) -> None:
        self.add_help(tr("Draw the discovery route of the active group, its stops and sequences, and check the walking time against the visit slot."))
        why = tr("Not available yet in this version of the plugin.")
        self.add_action("draw_route", tr("Draw the route"), disabled_why=why)
        self.add_action("add_stop", tr("Add a stop"), disabled_why=why)
        self.add_action("draw_sequence", tr("Draw a sequence"), disabled_why=why)
        self.add_action("draw_site", tr("Draw a project site"), disabled_why=why)
        self.add_action("add_hypothesis", tr("Note a hypothesis"), disabled_why=why)
        self.add_action("order_stops", tr("Number the stops"), disabled_why=why)
