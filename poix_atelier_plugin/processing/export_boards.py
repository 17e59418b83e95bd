# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:export_boards (DESIGN.md Processing contract)."""

from ..core.i18n import tr
from .base import AtelierAlgorithm


class ExportBoards(AtelierAlgorithm):
    ID = "export_boards"

    def display_name(self) -> str:
        return tr("Export the map boards")

    def initAlgorithm(self, config=None):  # noqa: N802
        pass  # TODO(issue): parameters of DESIGN.md

    def run(self, parameters, context, feedback) -> dict:
        raise NotImplementedError
