# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:synthesis (DESIGN.md Processing contract)."""

from ..core.i18n import tr
from .base import AtelierAlgorithm


class Synthesis(AtelierAlgorithm):
    ID = "synthesis"

    def display_name(self) -> str:
        return tr("Cross-group synthesis of project sites")

    def initAlgorithm(self, config=None):  # noqa: N802
        pass  # TODO(issue): parameters of DESIGN.md

    def run(self, parameters, context, feedback) -> dict:
        raise NotImplementedError
