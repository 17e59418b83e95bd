# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock step: Groups (create, name, colour, adviser; delete one)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QInputDialog, QMessageBox

from ...domain.errors import QT_TR_NOOP, AtelierError
from ...infra.i18n import tr
from ...services import groups as groups_service
from ...services.dossier import project_layers
from ...store import workspace
from .base import StepPanel


class GroupsStep(StepPanel):
    STEP_ID = "groups"

    def title(self) -> str:
        return tr("Groups")

    def build(self) -> None:
        self.add_help(
            tr("Create the workspace of the groups, name them and give each its adviser.")
        )
        self.add_action(
            "create_groups",
            tr("Create the groups…"),
            self.create_groups,
            tr("Create the drawing tables in the dossier and one set of layers per group"),
        )
        self.add_action(
            "delete_group",
            tr("Delete a group…"),
            self.delete_group,
            tr("Remove one group and everything it drew (asks first)"),
        )
        from ..server_actions import add_server_actions  # live workshop on PostGIS

        add_server_actions(self)

    # helpers ------------------------------------------------------------------
    def _dossier(self) -> str:
        path = self.context.dossier
        if not path:
            raise AtelierError(QT_TR_NOOP("Open or build a dossier first."))
        if not path.lower().endswith(".gpkg"):
            raise AtelierError(QT_TR_NOOP("This step works on a GeoPackage dossier."))
        return path

    def ask_groups(self, existing):
        """The dialog (tests replace this method); returns GroupSpecs or None."""
        from ..group_dialog import GroupDialog

        dialog = GroupDialog(existing, self.iface.mainWindow())
        return dialog.specs() if dialog.exec() else None

    def ask_group_to_delete(self, names: list[str]) -> str | None:
        name, ok = QInputDialog.getItem(
            self.iface.mainWindow(), tr("Delete a group"), tr("Group to delete:"), names, 0, False
        )
        return name if ok and name else None

    def confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self.iface.mainWindow(),
            title,
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    # actions -------------------------------------------------------------------
    def create_groups(self) -> None:
        try:
            path = self._dossier()
            existing = workspace.read_groups(path) if Path(path).exists() else []
            specs = self.ask_groups(existing)
            if not specs:
                return
            registered, _tables = groups_service.create_groups(path, specs, update=True)
            project = QgsProject.instance()
            wanted = {s.name for s in specs}
            project_layers.add_workspace_layers(
                project, path, [g for g in registered if g.name in wanted]
            )
            if specs:
                self.context.set_slot_min(specs[0].slot_min)
        except AtelierError as exc:
            self.context.error(exc)
            return
        self.context.groups_changed.emit()
        if not self.context.active_group or self.context.active_group not in wanted:
            self.context.set_active_group(specs[0].name)
        project_layers.configure_snapping(QgsProject.instance(), self.context.active_group)
        self.context.success(
            tr("{count} groups ready: {names}.").format(
                count=len(specs), names=", ".join(s.name for s in specs)
            )
        )

    def delete_group(self) -> None:
        try:
            path = self._dossier()
            names = [g.name for g in workspace.read_groups(path)]
            if not names:
                raise AtelierError(QT_TR_NOOP("There is no group in this dossier yet."))
            name = self.ask_group_to_delete(names)
            if not name:
                return
            text = tr(
                "Delete the group “{name}” and everything it drew (route, stops, "
                "sequences, hypotheses, sites, diagnostic, issues)? The other groups are not "
                "touched. A dated copy of the dossier is kept in the “sauvegardes” folder "
                "beside it."
            ).format(name=name)
            if not self.confirm(tr("Delete a group"), text):
                return
            project = QgsProject.instance()
            # what the group still had in memory goes into the copy too
            self.context.saver.save(project_layers.group_layers(project, name))
            from ...services.dossier import dossier_keep

            backups = dossier_keep.backup_files([path], Path(path).parent)
            for layer in project_layers.group_layers(project, name):
                if layer.isEditable():
                    layer.rollBack()
            counts = groups_service.delete_group(path, name)
            project_layers.remove_group_layers(project, name)
        except AtelierError as exc:
            self.context.error(exc)
            return
        if self.context.active_group == name:
            self.context.set_active_group("")
        self.context.groups_changed.emit()
        removed = sum(n for table, n in counts.items() if table != "groupes")
        self.context.success(
            tr("Group “{name}” deleted ({count} features); copy kept: {backup}.").format(
                name=name, count=removed, backup=backups[0].name if backups else "–"
            )
        )
