# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock step: Issues and toolbox (the boîte à outils, enjeux, the support proposal)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
)

from ...domain import vocab
from ...domain.errors import AtelierError
from ...infra.i18n import error_text, tr
from ...styles.diagnostic_style import LEVEL_COLOURS
from .base import KINDS, StepPanel


class EnjeuxStep(StepPanel):
    STEP_ID = "enjeux"

    def title(self) -> str:
        return tr("Issues and toolbox")

    def build(self) -> None:
        self.dialogs = []
        self._preparing = False
        self.add_help(
            tr(
                "The DDTM toolbox of support tools, and the issues (enjeux) of each group linked to tools."
            )
        )
        self.add_action(
            "toolbox",
            tr("Toolbox…"),
            lambda: self.open_toolbox(),
            tr("Search, add, edit, import or export the support tools"),
        )
        self.add_action(
            "add_enjeu",
            tr("Add an issue"),
            lambda: self.edit_enjeu(None),
            tr("An issue of the active group, its level, its site and its tools"),
        )
        self.enjeux_list = QListWidget(self)
        self.enjeux_list.setObjectName("enjeuxList")
        self.enjeux_list.setMaximumHeight(150)
        self.enjeux_list.itemDoubleClicked.connect(
            lambda item: self.edit_enjeu(item.data(Qt.ItemDataRole.UserRole))
        )
        self.layout_.addWidget(self.enjeux_list)
        # one button per row: side by side they were wider than the panel in French
        self.edit_button = QPushButton(tr("Edit the issue…"), self)
        self.edit_button.setObjectName("action_edit_enjeu")
        self.edit_button.clicked.connect(lambda: self.edit_enjeu(self._selected()))
        self.delete_button = QPushButton(tr("Delete the issue"), self)
        self.delete_button.setObjectName("action_delete_enjeu")
        self.delete_button.clicked.connect(lambda: self.delete_enjeu(self._selected()))
        self.layout_.addWidget(self.edit_button)
        self.layout_.addWidget(self.delete_button)
        place = QHBoxLayout()
        shape = QLabel(tr("Shape on the map:"), self)
        shape.setWordWrap(True)
        self.place_kind = QComboBox(self)
        self.place_kind.setObjectName("enjeuPlaceKind")
        for code, label in (
            ("Point", tr("a point")),
            ("LineString", tr("a line")),
            ("Polygon", tr("an area")),
        ):
            self.place_kind.addItem(label, code)
        shape.setBuddy(self.place_kind)
        place.addWidget(shape, 1)
        place.addWidget(self.place_kind)
        self.layout_.addLayout(place)
        self.place_button = QPushButton(tr("Place the issue on the map"), self)
        self.place_button.setObjectName("action_place_enjeu")
        self.place_button.setCheckable(True)
        self.place_button.clicked.connect(lambda _c=False: self.place_enjeu())
        self.layout_.addWidget(self.place_button)
        from ..proposal_widget import ProposalWidget

        self.proposal = ProposalWidget(self.context, self, compact=True)
        self.layout_.addWidget(self.proposal)
        self.add_action(
            "proposal",
            tr("Support proposal…"),
            lambda: self.open_proposal(),
            tr("The proposal of each group: issues by level, each with its tools"),
        )
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(300)
        self.timer.timeout.connect(self.prepare_project)
        self.timer.start()  # a project already open when the dock is built
        self.context.group_changed.connect(lambda *_a: self.refresh())
        self.context.groups_changed.connect(lambda *_a: self.timer.start())
        self.context.dossier_changed.connect(lambda *_a: self.timer.start())
        QgsProject.instance().layersAdded.connect(self._layers_added)
        self.refresh()

    # state --------------------------------------------------------------------------------
    def gpkg(self) -> str | None:
        from ...store.postgis import is_pg

        path = self.context.dossier
        if path and is_pg(path):
            return path
        return path if path and path.lower().endswith(".gpkg") and Path(path).is_file() else None

    def _layers_added(self, layers) -> None:
        if self._preparing:
            return
        if any(lyr.customProperty("atelier/table") for lyr in layers):
            self.timer.start()

    def prepare_project(self) -> None:
        """Catalogue in the dossier, toolbox layers, relations and forms in the project."""
        gpkg = self.gpkg()
        if gpkg is None:
            self.refresh()
            return
        from ...services.toolbox.catalogue import ensure_catalogue
        from ...services.toolbox.enjeux import ensure_catalogue_layers, setup_relations

        try:
            ensure_catalogue(gpkg)
            project = QgsProject.instance()
            if any(lyr.customProperty("atelier/groupe") for lyr in project.mapLayers().values()):
                self._preparing = True
                try:
                    ensure_catalogue_layers(gpkg, project)
                finally:
                    self._preparing = False
                setup_relations(project)
        except AtelierError as exc:
            self.context.error(exc, 8)
        self.refresh()

    def refresh(self) -> None:
        from ...services.toolbox.enjeux import enjeu_links, read_enjeux

        self.enjeux_list.clear()
        gpkg, groupe = self.gpkg(), self.context.active_group
        enabled = bool(gpkg and groupe)
        for key in ("add_enjeu", "toolbox"):
            self.buttons[key].setEnabled(bool(gpkg) if key == "toolbox" else enabled)
        if enabled:
            try:
                rows = read_enjeux(gpkg, groupe)
                links = enjeu_links(gpkg)
            except AtelierError:
                rows, links = [], []
            ranks = list(vocab.ENJEU_LEVELS)
            rows.sort(
                key=lambda r: (
                    ranks.index(r["niveau"]) if r["niveau"] in ranks else 9,
                    (r["titre"] or "").casefold(),
                )
            )
            for row in rows:
                n = sum(1 for link in links if link["enjeu_id"] == row["fid"])
                label = vocab.ENJEU_LEVELS.get(row["niveau"], row["niveau"] or "")
                item = QListWidgetItem(
                    tr("{level} — {title} ({n} tools)").format(level=label, title=row["titre"], n=n)
                )
                item.setData(Qt.ItemDataRole.UserRole, row["fid"])
                item.setForeground(QBrush(QColor(LEVEL_COLOURS.get(row["niveau"], "#333333"))))
                self.enjeux_list.addItem(item)
        why = tr("Create the groups first, then pick the active group.")
        self.edit_button.setEnabled(enabled)
        self.edit_button.setToolTip(tr("Edit the selected issue and its tools") if enabled else why)
        self.delete_button.setEnabled(enabled)
        self.place_button.setEnabled(enabled)
        self.place_button.setToolTip(
            tr("Click on the map to locate the selected issue; right click ends a line or an area")
            if enabled
            else why
        )
        self.delete_button.setToolTip(tr("Delete the selected issue") if enabled else why)
        self.proposal.fill_groups()

    def _selected(self) -> int | None:
        item = self.enjeux_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    # actions -------------------------------------------------------------------------------
    def open_toolbox(self):
        from ..toolbox_dialog import ToolboxDialog

        gpkg = self.gpkg()
        if gpkg is None:
            self.context.error(tr("Open a dossier first."), 8)
            return None
        try:
            from ...services.toolbox.catalogue import ensure_catalogue

            ensure_catalogue(gpkg)
            dialog = ToolboxDialog(gpkg, self.iface.mainWindow(), self.context)
        except AtelierError as exc:
            self.context.error(exc, 8)
            return None
        dialog.finished.connect(lambda _r: self.refresh())
        dialog.show()
        self.dialogs = [dialog]
        return dialog

    def edit_enjeu(self, fid: int | None, modal: bool = True):
        from ..enjeu_dialog import EnjeuDialog

        gpkg, groupe = self.gpkg(), self.context.active_group
        if not gpkg or not groupe:
            self.context.error(tr("Create the groups first, then pick the active group."), 8)
            return None
        self.context.saver.save_dossier()  # the sites just drawn are in its list
        dialog = EnjeuDialog(gpkg, groupe, fid, self.iface.mainWindow())
        if not modal:
            dialog.show()
            self.dialogs = [dialog]
            dialog.finished.connect(lambda _r: self.refresh())
            return dialog
        if dialog.exec():
            self.context.success(tr("Issue saved."))
            self.refresh()
        return dialog

    def delete_enjeu(self, fid: int | None, confirm: bool | None = None) -> bool:
        from ...services.toolbox.enjeux import delete_enjeu

        gpkg = self.gpkg()
        if fid is None or gpkg is None:
            return False
        if confirm is None:
            confirm = (
                QMessageBox.question(
                    self,
                    tr("Delete the issue"),
                    tr("Delete this issue and its tool choices?"),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                == QMessageBox.StandardButton.Yes
            )
        if not confirm:
            return False
        try:
            delete_enjeu(gpkg, fid)
        except AtelierError as exc:
            self.context.error(error_text(exc), 8)
            return False
        self.refresh()
        return True

    def place_enjeu(self, fid: int | None = None, geometry: str | None = None):
        """Capture a geometry on the canvas for the selected enjeu (services.toolbox writes it)."""
        self.stop_placing()
        fid = fid if fid is not None else self._selected()
        if fid is None or self.gpkg() is None:
            self.context.warning(tr("Pick an issue in the list first."))
            self.place_button.setChecked(False)
            return None
        code = geometry or self.place_kind.currentData()
        layers = self._enjeux_layers()
        return self.start_capture(
            self.place_button,
            KINDS[code],
            layers[0] if layers else None,
            LEVEL_COLOURS["imperatif"],  # the capture line in the first level's red
            "atelier_tool_place_enjeu",
            lambda geom, f=fid: self._placed(f, geom),
            edit=False,
        )

    def _enjeux_layers(self) -> list:
        return [
            lyr
            for lyr in QgsProject.instance().mapLayers().values()
            if lyr.customProperty("atelier/table") == "enjeux"
            and lyr.customProperty("atelier/groupe") == self.context.active_group
        ]

    def _placed(self, fid: int, geometry) -> None:
        from qgis.core import QgsCoordinateTransform

        from ...services.toolbox.enjeux import set_enjeu_geometry
        from ...store.workspace import crs

        layers = self._enjeux_layers()
        if not layers:  # the tool left the geometry in the canvas CRS
            source = self.iface.mapCanvas().mapSettings().destinationCrs()
            if source.isValid() and source != crs():
                geometry.transform(QgsCoordinateTransform(source, crs(), QgsProject.instance()))
        try:
            set_enjeu_geometry(self.gpkg(), fid, geometry)
        except AtelierError as exc:
            self.context.error(exc, 8)
            return
        finally:
            QTimer.singleShot(0, self.stop_placing)
        for layer in layers:
            layer.reload()
            layer.triggerRepaint()
        self.context.success(tr("Issue placed on the map."))

    def stop_placing(self) -> None:
        self.release_tool()
        self.place_button.setChecked(False)

    def open_proposal(self):
        from ..proposal_widget import ProposalDialog

        dialog = ProposalDialog(self.context, self.iface.mainWindow())
        dialog.show()
        self.dialogs = [dialog]
        return dialog

    def unload(self) -> None:
        self.timer.stop()
        self.stop_placing()
        try:
            QgsProject.instance().layersAdded.disconnect(self._layers_added)
        except TypeError:
            pass
        for dialog in self.dialogs:
            dialog.close()
