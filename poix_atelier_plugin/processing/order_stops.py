# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:order_stops (DESIGN.md Processing contract)."""

from ..core.i18n import tr
from .base import AtelierAlgorithm


class OrderStops(AtelierAlgorithm):
    ID = "order_stops"

    def display_name(self) -> str:
        return tr("Number stops along the route")

    def initAlgorithm(self, config=None):  # noqa: N802
        pass  # TODO(issue): parameters of DESIGN.md

    def run(self, parameters, context, feedback) -> dict:
        raise NotImplementedError
