# SPDX-License-Identifier: GPL-2.0-or-later
"""Capture tools: click points, lines or areas on the map, snapped to the roads.

They only capture: ``captured`` carries the geometry (in the layer's CRS) and
a controller asks the services to add it. Left click adds a vertex (a point tool
finishes at once), right click or Enter finishes, Backspace removes the last
vertex, Esc cancels. Snapping follows the project's snapping configuration
(services.dossier.project_layers.configure_snapping points it at the dossier's roads).
"""

from __future__ import annotations

from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsPointXY, QgsProject
from qgis.gui import QgsMapTool, QgsRubberBand, QgsSnapIndicator
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

from .. import compat


class CaptureTool(QgsMapTool):
    captured = pyqtSignal(QgsGeometry)
    cancelled = pyqtSignal()

    def __init__(self, canvas, geometry_type, layer=None, colour: str = "#d55e00"):
        super().__init__(canvas)
        self.geometry_type = geometry_type
        self.layer = layer
        self.points: list[QgsPointXY] = []
        self.hover: QgsPointXY | None = None
        self.band = QgsRubberBand(canvas, geometry_type)
        c = QColor(colour)
        self.band.setStrokeColor(c)
        c.setAlpha(60)
        self.band.setFillColor(c)
        self.band.setWidth(3)
        self.snap_indicator = QgsSnapIndicator(canvas)
        self.setCursor(Qt.CursorShape.CrossCursor)

    # geometry ---------------------------------------------------------------
    def _snapped(self, event) -> QgsPointXY:
        match = self.canvas().snappingUtils().snapToMap(event.pos())
        self.snap_indicator.setMatch(match)
        return QgsPointXY(match.point()) if match.isValid() else QgsPointXY(event.mapPoint())

    def _to_layer(self, geometry: QgsGeometry) -> QgsGeometry:
        if self.layer is not None:
            dest = self.layer.crs()
            src = self.canvas().mapSettings().destinationCrs()
            if dest.isValid() and src != dest:
                geometry.transform(QgsCoordinateTransform(src, dest, QgsProject.instance()))
        return geometry

    def geometry(self) -> QgsGeometry | None:
        pts = self.points
        if self.geometry_type == compat.GEOMETRY_POINT:
            return QgsGeometry.fromPointXY(pts[0]) if pts else None
        if self.geometry_type == compat.GEOMETRY_LINE:
            return QgsGeometry.fromPolylineXY(pts) if len(pts) >= 2 else None
        return QgsGeometry.fromPolygonXY([pts + pts[:1]]) if len(pts) >= 3 else None

    def _redraw(self) -> None:
        """The drawing so far plus the segment to the cursor, as QGIS's digitising shows.

        ``setToGeometry`` recomputes the band's extent: points added without an
        update left it empty, so nothing followed the mouse until the map moved.
        """
        pts = list(self.points)
        if self.hover is not None and self.geometry_type != compat.GEOMETRY_POINT:
            pts.append(self.hover)
        if len(pts) < 2:
            self.band.reset(self.geometry_type)
            return
        if self.geometry_type == compat.GEOMETRY_POLYGON and len(pts) >= 3:
            geometry = QgsGeometry.fromPolygonXY([pts + pts[:1]])
        else:
            geometry = QgsGeometry.fromPolylineXY(pts)
        self.band.setToGeometry(geometry)  # in the canvas CRS: no transform

    # events -----------------------------------------------------------------
    def canvasMoveEvent(self, event):  # noqa: N802
        self.hover = self._snapped(event)
        if self.points:
            self._redraw()

    def canvasReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.RightButton:
            self.finish()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.points.append(self._snapped(event))
        if self.geometry_type == compat.GEOMETRY_POINT:
            self.finish()
        else:
            self._redraw()

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
        elif event.key() == Qt.Key.Key_Backspace and self.points:
            self.points.pop()
            self._redraw()
        elif event.key() == Qt.Key.Key_Escape:
            self.reset()
            self.cancelled.emit()
        else:
            event.ignore()
            return
        event.accept()

    def finish(self) -> None:
        geometry = self.geometry()
        self.reset()
        if geometry is not None:
            self.captured.emit(self._to_layer(geometry))

    def reset(self) -> None:
        self.points = []
        self.hover = None
        self.band.reset(self.geometry_type)

    def deactivate(self):
        self.reset()
        self.snap_indicator.setMatch(type(self.snap_indicator.match())())
        super().deactivate()

    def clean(self) -> None:
        self.reset()
        scene = self.canvas().scene()
        if self.band.scene() is scene:
            scene.removeItem(self.band)
