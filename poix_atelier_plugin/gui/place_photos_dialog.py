# SPDX-License-Identifier: GPL-2.0-or-later
"""Photos without GPS: pick one in the list, click where it was taken.

Non-modal, so the map stays usable; the capture tool of gui/maptools.py only
captures, services.photos.photos.place_photo imports the photo at the clicked point.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsProject
from qgis.PyQt.QtCore import QSize, Qt, pyqtSignal
from qgis.PyQt.QtGui import QIcon, QImageReader, QPixmap
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from .. import compat
from ..domain.errors import AtelierError
from ..infra.i18n import error_text, tr
from ..services.photos import photos
from ..store import workspace
from .maptools import CaptureTool

THUMB = 96


def thumbnail(path: str, size: int = THUMB) -> QIcon:
    """A small preview read at reduced size (cheap even for 12 Mpx photos)."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid():
        reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return QIcon()
    return QIcon(QPixmap.fromImage(image))


class PlacePhotosDialog(QDialog):
    placed = pyqtSignal(str)  # relative photo path

    def __init__(self, canvas, dossier: str, groupe: str, issues, tolerance_m=None, parent=None):
        super().__init__(parent)
        self.setObjectName("PlacePhotosDialog")
        self.canvas = canvas
        self.dossier = dossier
        self.groupe = groupe
        self.tolerance_m = tolerance_m
        self.tool: CaptureTool | None = None
        self.previous_tool = None
        self.setWindowTitle(tr("Photos without position — {group}").format(group=groupe))
        layout = QVBoxLayout(self)
        self.help = QLabel(
            tr(
                "These photos have no GPS position. Select one, press “Place on the map” "
                "and click where it was taken."
            ),
            self,
        )
        self.help.setWordWrap(True)
        layout.addWidget(self.help)
        self.list = QListWidget(self)
        self.list.setObjectName("photoList")
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setMinimumWidth(360)
        layout.addWidget(self.list)
        for issue in issues:
            item = QListWidgetItem(thumbnail(issue.path), Path(issue.path).name)
            item.setToolTip(f"{issue.path}\n{issue.text()}")
            item.setData(Qt.ItemDataRole.UserRole, issue.path)
            self.list.addItem(item)
        self.place_button = QPushButton(tr("Place on the map"), self)
        self.place_button.setObjectName("placeButton")
        self.place_button.setCheckable(True)
        self.place_button.toggled.connect(self._toggle_tool)
        layout.addWidget(self.place_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.list.count():
            self.list.setCurrentRow(0)

    def current_path(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _toggle_tool(self, on: bool) -> None:
        if on:
            self.tool = CaptureTool(self.canvas, compat.GEOMETRY_POINT)
            self.tool.captured.connect(self.place_at)
            self.previous_tool = self.canvas.mapTool()
            self.canvas.setMapTool(self.tool)
        else:
            self._release_tool()

    def _release_tool(self) -> None:
        if self.tool is not None:
            if self.canvas.mapTool() is self.tool:
                self.canvas.unsetMapTool(self.tool)
                if self.previous_tool is not None:
                    self.canvas.setMapTool(self.previous_tool)
            self.tool.clean()
            self.tool = None

    def place_at(self, geometry: QgsGeometry) -> str | None:
        """Import the selected photo at ``geometry`` (canvas CRS); returns its path."""
        path = self.current_path()
        if path is None:
            return None
        geometry = QgsGeometry(geometry)
        src = self.canvas.mapSettings().destinationCrs()
        if src.isValid() and src != workspace.crs():
            geometry.transform(QgsCoordinateTransform(src, workspace.crs(), QgsProject.instance()))
        try:
            rel = photos.place_photo(
                self.dossier, self.groupe, path, geometry.asPoint(), self.tolerance_m
            )
        except AtelierError as exc:
            self.help.setText(error_text(exc))
            return None
        self.list.takeItem(self.list.currentRow())
        if rel is not None:
            self.placed.emit(rel)
        if not self.list.count():
            self.place_button.setChecked(False)
            self.help.setText(tr("Every photo has been placed."))
        return rel

    def done(self, result: int) -> None:
        self.place_button.setChecked(False)
        self._release_tool()
        super().done(result)
