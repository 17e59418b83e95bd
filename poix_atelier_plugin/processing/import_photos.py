# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:import_photos (DESIGN.md Processing contract)."""

from ..core.i18n import tr
from .base import AtelierAlgorithm


class ImportPhotos(AtelierAlgorithm):
    ID = "import_photos"

    def display_name(self) -> str:
        return tr("Import geotagged photos")

    def initAlgorithm(self, config=None):  # noqa: N802
        pass  # TODO(issue): parameters of DESIGN.md

    def run(self, parameters, context, feedback) -> dict:
        raise NotImplementedError
