# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:create_groups (DESIGN.md Processing contract)."""

from ..core.i18n import tr
from .base import AtelierAlgorithm


class CreateGroups(AtelierAlgorithm):
    ID = "create_groups"

    def display_name(self) -> str:
        return tr("Create the group workspace")

    def initAlgorithm(self, config=None):  # noqa: N802
        pass  # TODO(issue): parameters of DESIGN.md

    def run(self, parameters, context, feedback) -> dict:
        raise NotImplementedError
