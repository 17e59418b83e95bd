# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock step: Boards (print every board, run the cross-group synthesis)."""

from __future__ import annotations

from ...domain.errors import AtelierError
from ...infra.i18n import error_text, tr
from .base import StepPanel


class BoardsStep(StepPanel):
    STEP_ID = "boards"

    def title(self) -> str:
        return tr("Boards")

    def build(self) -> None:
        self.add_help(
            tr(
                "Print the boards of every group and the cross-group synthesis, "
                "as PDF or PNG, A4 to A0."
            )
        )
        self.add_action(
            "export_boards",
            tr("Export the boards…"),
            self.export_boards,
            tr("Field map, diagnostic, restitution, atlas, proposal and synthesis"),
        )
        self.add_action(
            "synthesis",
            tr("Cross-group synthesis"),
            self.synthesis,
            tr("Add a layer showing where the groups' candidate sites converge"),
        )
        from ..boards_export import follow_state

        self._follow = follow_state([self.buttons["export_boards"]])

    def export_boards(self, checked: bool = False, boards=None, groups=None):
        """Open the export dialog (``boards``/``groups`` preselect); returns it once closed."""
        from ..export_boards_dialog import open_export_dialog

        return open_export_dialog(self, boards=boards, groups=groups)

    def unload(self) -> None:
        from ..boards_export import unfollow_state

        unfollow_state(self._follow)
        super().unload()

    def synthesis(self) -> None:
        """Run atelier:synthesis and add its layer to the project."""
        from qgis.core import QgsProject

        from ...boards.synthese import _convergence_style
        from ...services.synthesis import compute, pieces_layer

        if not self.context.dossier:
            self.context.warning(tr("Open or build a dossier first."))
            return
        try:
            pieces = compute(self.context.dossier)
        except AtelierError as exc:
            self.context.error(error_text(exc))
            return
        layer = pieces_layer(pieces, tr("Where groups converge"))
        _convergence_style(layer)
        QgsProject.instance().addMapLayer(layer)
        shared = sum(1 for p in pieces if p.n_groups >= 2)
        self.context.success(
            tr("{shared} places chosen by two groups or more.").format(shared=shared)
        )
