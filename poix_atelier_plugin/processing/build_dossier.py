# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:build_dossier (DESIGN.md Processing contract)."""

from ..core.i18n import tr
from .base import AtelierAlgorithm


class BuildDossier(AtelierAlgorithm):
    ID = "build_dossier"

    def display_name(self) -> str:
        return tr("Build a commune dossier")

    def initAlgorithm(self, config=None):  # noqa: N802
        pass  # TODO(issue): parameters of DESIGN.md

    def run(self, parameters, context, feedback) -> dict:
        raise NotImplementedError
