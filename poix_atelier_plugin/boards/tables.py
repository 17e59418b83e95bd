# SPDX-License-Identifier: GPL-2.0-or-later
"""The template's text tables filled with rows that flow onto new pages.

A mixin of ``items.Kit``. The table (columns, widths, fonts, colours) is the
template's; the board gives the translated headings and the rows. When the
rows do not fit, continuation pages come from the board's ``_suite``
template, whose ``table1``, ``table2``… rectangles receive new frames.
"""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import QgsLayoutFrame, QgsLayoutMultiFrame, QgsLayoutUtils
from qgis.PyQt.QtCore import QRectF

#: A table never flows onto more pages than this (a guard against a template
#: whose continuation frames hold no row).
MAX_PAGES = 200


class TableMixin:
    def fill_table(
        self,
        frame,
        headings: list[str],
        rows: list[list[str]],
        continuation: Callable[[], tuple[int, list]],
    ):
        """Fill the table of the template frame ``frame``; returns the table.

        ``continuation()`` adds a page and gives its number and the scene
        rectangles (mm) of the frames to add there.
        """
        table = frame.multiFrame()
        columns = table.columns()
        for column, heading in zip(columns, headings):
            column.setHeading(heading)
        table.setColumns(columns)
        width = len(columns)
        # contents last: every setter above lays the whole table out again
        table.setContents([[str(c) for c in row[:width]] for row in rows])
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
        self.flow(table, len(rows), continuation)
        return table

    def flow(self, table, n_rows: int, continuation) -> None:
        """Add frames on new pages until every row of ``table`` is shown."""
        context = QgsLayoutUtils.createRenderContextForLayout(self.layout, None)
        table.recalculateFrameSizes()
        for _ in range(MAX_PAGES):
            if not n_rows or table.rowRange(context, table.frameCount() - 1)[1] >= n_rows:
                return
            _, rects = continuation()
            if not rects:
                return
            for rect in rects:
                frame = QgsLayoutFrame(self.layout, table)
                frame.attemptSetSceneRect(QRectF(rect))
                table.addFrame(frame)
                table.recalculateFrameSizes()
                if table.rowRange(context, table.frameCount() - 1)[1] >= n_rows:
                    return
