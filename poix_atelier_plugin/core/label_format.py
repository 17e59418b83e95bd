# SPDX-License-Identifier: GPL-2.0-or-later
"""Label text and placement shared by every style module (groups, diagnostic, dossier)."""

from __future__ import annotations

from qgis.core import Qgis, QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat, QgsUnitTypes
from qgis.PyQt.QtGui import QColor, QFont


def text_format(
    colour: str,
    size: float,
    bold: bool = True,
    halo: str = "white",
    halo_mm: float = 1.0,
    family: str = "Sans Serif",
) -> QgsTextFormat:
    """Label text in points with a halo in millimetres (the same on screen and on paper)."""
    fmt = QgsTextFormat()
    font = QFont(family)
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setSizeUnit(QgsUnitTypes.RenderPoints)
    fmt.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(halo_mm)
    buffer.setSizeUnit(QgsUnitTypes.RenderMillimeters)
    buffer.setColor(QColor(halo))
    fmt.setBuffer(buffer)
    return fmt


def placement(name: str):
    """A label placement on QGIS 3.22 and on 3.26+ (where it moved to Qgis.LabelPlacement)."""
    if hasattr(Qgis, "LabelPlacement"):
        return getattr(Qgis.LabelPlacement, name)
    return getattr(QgsPalLayerSettings, name)
