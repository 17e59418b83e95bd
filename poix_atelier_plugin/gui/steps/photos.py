# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock step: Photos.

``field_map`` opens the boards dialog (one layout engine for every printed
map); the other actions are in gui/photo_actions.py.
"""

from ...infra.i18n import tr
from ..photo_actions import PhotoActions
from .base import StepPanel


class PhotosStep(StepPanel):
    STEP_ID = "photos"

    def title(self) -> str:
        return tr("Photos")

    def build(self) -> None:
        self.add_help(
            tr(
                "After the visit: print the field map, export an offline field package, import the geotagged photos."
            )
        )
        self.add_action(
            "field_map",
            tr("Field map (PDF)…"),
            self.field_map,
            tr("The active group's map to carry: route, numbered stops, stop list, notes"),
        )
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
            tr(
                "Merge what changed in the field (added, edited and deleted features); "
                "what changed at the office is kept"
            ),
        )
        button = self.add_action(
            "import_photos",
            tr("Import photos…"),
            tooltip=tr("Geotagged photos become observations attached to the nearest stop"),
        )
        self.photo_actions.import_menu(button)
        self.photo_actions.add_widgets()
        from ..boards_export import follow_state

        self._follow_export = follow_state([self.buttons["field_map"]])

    def field_map(self, checked: bool = False):
        """The boards dialog preset on the active group's field map (one layout engine)."""
        from ..export_boards_dialog import open_export_dialog

        group = self.context.active_group
        return open_export_dialog(self, boards=["terrain"], groups=[group] if group else None)

    def unload(self) -> None:
        from ..boards_export import unfollow_state

        unfollow_state(self._follow_export)
        self.photo_actions.unload()
        super().unload()
