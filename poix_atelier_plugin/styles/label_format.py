# SPDX-License-Identifier: GPL-2.0-or-later
"""Label text and placement shared by every style module (groups, diagnostic, dossier)."""

from __future__ import annotations

from qgis.core import QgsTextBufferSettings, QgsTextFormat
from qgis.PyQt.QtGui import QColor, QFont

from .. import compat


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
    fmt.setSizeUnit(compat.RENDER_POINTS)
    fmt.setColor(QColor(colour))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(halo_mm)
    buffer.setSizeUnit(compat.RENDER_MILLIMETERS)
    buffer.setColor(QColor(halo))
    fmt.setBuffer(buffer)
    return fmt


def placement(name: str):
    """A label placement on QGIS 3.22 and on 3.26+ (where it moved to Qgis.LabelPlacement)."""
    return compat.label_placement(name)
