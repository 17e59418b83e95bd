# SPDX-License-Identifier: GPL-2.0-or-later
"""Render resources/icons/icon.svg to the 64x64 icon.png named in metadata.txt.

Run with the system interpreter (it has PyQt5 with QtSvg):
``/usr/bin/python3 scripts/render_icons.py``. The PNG is committed; rerun
only after editing the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render(svg: Path, png: Path, size: int) -> None:
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QImage, QPainter
    from qgis.PyQt.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format_ARGB32)
    image.fill(Qt.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png)):
        raise SystemExit(f"cannot write {png}")
    print(f"{png} ({size}x{size})")


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.PyQt.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841 - needed for painting
    render(ICONS / "icon.svg", ICONS / "icon.png", 64)


if __name__ == "__main__":
    main()
