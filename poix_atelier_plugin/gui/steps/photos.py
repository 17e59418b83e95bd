# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock step: Photos.

``field_map`` belongs to the boards engineer (one layout engine); the other
actions are implemented in gui/photo_actions.py.
"""

from ...core.i18n import tr
from ..photo_actions import PhotoActions
from .base import StepPanel


class PhotosStep(StepPanel):
    STEP_ID = "photos"

    def title(self) -> str:
        return tr("Photos")

    def build(self) -> None:
        self.add_help(tr("After the visit: print the field map, export an offline field package, import the geotagged photos."))
        why = tr("Not available yet in this version of the plugin.")
        self.add_action("field_map", tr("Field map (PDF)…"), disabled_why=why)
        self.photo_actions = PhotoActions(self)
        self.add_action(
            "field_package",
            tr("Export the field package…"),
            self.photo_actions.export_package,
            tr("An offline folder for QField or Mergin Maps: the group's layers, photos, basemap"),
        )
        self.add_action(
            "merge_package",
            tr("Bring back a field package…"),
            self.photo_actions.merge_package,
            tr("Merge the features added or edited in the field into the dossier"),
        )
        button = self.add_action(
            "import_photos",
            tr("Import photos…"),
            tooltip=tr("Geotagged photos become observations attached to the nearest stop"),
        )
        self.photo_actions.import_menu(button)
        self.photo_actions.add_widgets()

    def unload(self) -> None:
        self.photo_actions.unload()
