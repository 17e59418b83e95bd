# SPDX-License-Identifier: GPL-2.0-or-later
"""The combined boards PDF, written by QGIS itself in one export.

QGIS on Windows ships neither ``pdfunite`` nor ``pypdf``, so the boards are
not merged after the fact: every page of every board layout (each atlas
feature included) goes through one ``QgsLayoutExporter.exportToPdf`` call,
fed by a layout iterator. Page sizes may differ from board to board; text
stays text, as in the per-board files.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsAbstractLayoutIterator, QgsFeedback, QgsLayoutExporter


def _is_atlas(layout) -> bool:
    atlas = layout.atlas()
    return atlas.enabled() and atlas.coverageLayer() is not None


class BoardPages(QgsAbstractLayoutIterator):
    """Each board layout once, an atlas layout once per feature, in order."""

    def __init__(self, layouts: list) -> None:
        super().__init__()
        self._steps: list[tuple[object, bool]] = []
        for layout in layouts:
            if _is_atlas(layout):
                self._steps += [(layout, True)] * max(layout.atlas().updateFeatures(), 0)
            else:
                self._steps.append((layout, False))
        self._index = -1
        self._atlas = None  # the atlas being rendered, ended when its pages are done

    def count(self) -> int:
        return len(self._steps)

    def beginRender(self) -> bool:  # noqa: N802
        self._index = -1
        return True

    def next(self) -> bool:
        self._index += 1
        if self._index >= len(self._steps):
            self._end_atlas()
            return False
        layout, is_atlas = self._steps[self._index]
        if not is_atlas:
            self._end_atlas()
            return True
        atlas = layout.atlas()
        if atlas is not self._atlas:
            self._end_atlas()
            if not atlas.beginRender():
                return False
            self._atlas = atlas
        return atlas.next()

    def endRender(self) -> bool:  # noqa: N802
        self._end_atlas()
        return True

    def layout(self):
        return self._steps[self._index][0]

    def filePath(self, base: str, extension: str) -> str:  # noqa: N802
        return base

    def _end_atlas(self) -> None:
        if self._atlas is not None:
            self._atlas.endRender()
            self._atlas = None


def export_combined(
    layouts: list,
    target: Path,
    settings: QgsLayoutExporter.PdfExportSettings,
    feedback: QgsFeedback | None = None,
) -> tuple[object, str]:
    """Write every page of `layouts` into the PDF `target`; QGIS's (result, error)."""
    pages = BoardPages(layouts)
    return QgsLayoutExporter.exportToPdf(pages, str(target), settings, feedback)
