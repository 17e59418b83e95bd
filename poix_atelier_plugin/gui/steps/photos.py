# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock step: Photos."""

from ...core.i18n import tr
from .base import StepPanel


class PhotosStep(StepPanel):
    STEP_ID = "photos"

    def title(self) -> str:
        return tr("Photos")

    def build(self) -> None:
        self.add_help(tr("After the visit: print the field map, export an offline field package, import the geotagged photos."))
        why = tr("Not available yet in this version of the plugin.")
        self.add_action("field_map", tr("Field map (PDF)…"), disabled_why=why)
        self.add_action("field_package", tr("Export the field package…"), disabled_why=why)
        self.add_action("import_photos", tr("Import photos…"), disabled_why=why)
