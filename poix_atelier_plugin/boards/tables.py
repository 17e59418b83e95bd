# SPDX-License-Identifier: GPL-2.0-or-later
"""Plain text tables that flow onto new pages (stop list, diagnostic, enjeux).

A mixin of ``items.Kit``: lengths are A3 design millimetres scaled by ``k``.
"""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItemTextTable,
    QgsLayoutMultiFrame,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutTableStyle,
    QgsLayoutUtils,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor

ACCENT = QColor("#00487a")
RULE = QColor("#b8b8b8")


class TableMixin:
    def table(
        self,
        headings: list[tuple[str, float]],
        rows: list[list[str]],
        box,
        size: float = 8.5,
        continuation: Callable[[int], list] | None = None,
        item_id: str = "",
    ) -> QgsLayoutItemTextTable:
        """A plain text table that flows onto new pages when long.

        ``headings`` are (title, width in design mm). ``continuation(page)``
        gives the frame boxes of a continuation page (creating its headers);
        without it, continuation frames repeat ``box`` on the following pages.
        """
        table = QgsLayoutItemTextTable(self.layout)
        columns = []
        for title, width in headings:
            col = QgsLayoutTableColumn(title)
            col.setWidth(width * self.k)
            col.setHAlignment(Qt.AlignmentFlag.AlignLeft)
            columns.append(col)
        table.setColumns(columns)
        table.setHeaderTextFormat(self.text_format(size, True, QColor("#ffffff")))
        table.setContentTextFormat(self.text_format(size))
        table.setHeaderHAlignment(QgsLayoutTable.HeaderHAlignment.FollowColumn)
        table.setHeaderMode(QgsLayoutTable.HeaderMode.AllFrames)
        table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
        table.setCellMargin(1.2 * self.k)
        table.setGridStrokeWidth(0.2 * self.k)
        table.setGridColor(RULE)
        table.setHorizontalGrid(True)
        table.setVerticalGrid(False)
        table.setEmptyTableBehavior(QgsLayoutTable.EmptyTableMode.ShowMessage)
        table.setEmptyTableMessage("\u2014")

        header = QgsLayoutTableStyle()
        header.enabled = True
        header.cellBackgroundColor = ACCENT
        table.setCellStyle(QgsLayoutTable.CellStyleGroup.HeaderRow, header)
        even = QgsLayoutTableStyle()
        even.enabled = True
        even.cellBackgroundColor = QColor("#f1f4f7")
        table.setCellStyle(QgsLayoutTable.CellStyleGroup.EvenRows, even)
        # contents last: every setter above lays the whole table out again
        table.setContents([[str(c) for c in row] for row in rows])
        self.layout.addMultiFrame(table)
        table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.UseExistingFrames)
        self._frame(table, self.rect(*box), item_id)
        self.flow(table, len(rows), box, continuation)
        return table

    def _frame(self, table, rect: QRectF, item_id: str = "") -> QgsLayoutFrame:
        frame = QgsLayoutFrame(self.layout, table)
        frame.attemptSetSceneRect(rect)
        if item_id and table.frameCount() == 0:
            frame.setId(item_id)
        table.addFrame(frame)
        return frame

    def flow(self, table, n_rows: int, box, continuation) -> None:
        """Add frames on new pages until every row of ``table`` is shown."""
        context = QgsLayoutUtils.createRenderContextForLayout(self.layout, None)
        table.recalculateFrameSizes()
        guard = 0
        while n_rows and table.rowRange(context, table.frameCount() - 1)[1] < n_rows:
            guard += 1
            if guard > 200:
                break
            pages = self.layout.pageCollection()
            pages.extendByNewPage()
            page = pages.pageCount() - 1
            boxes = continuation(page) if continuation else [box]
            added = 0
            for b in boxes:
                self._frame(table, self.rect(*b, page=page))
                table.recalculateFrameSizes()
                added += 1
                if table.rowRange(context, table.frameCount() - 1)[1] >= n_rows:
                    break
            if not added:
                break
