# SPDX-License-Identifier: GPL-2.0-or-later
"""After an import: the totals in the message bar, stop by stop behind "Details…".

The message bar line is short enough to read at a glance; the dialog lists
each stop with its number, name and photos, and what was not attached, with
the reason, so a photo gone to the wrong stop is seen while the group is
still there.
"""

from __future__ import annotations

from qgis.core import Qgis
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ..infra.i18n import tr
from ..services.photos.photos_summary import ImportSummary, SummaryLine, counted

#: stops are unfolded down to their photos when the import is this small
UNFOLD_UP_TO = 30
FID_ROLE = Qt.ItemDataRole.UserRole


def announce(bar, text: str, warn: bool, open_details) -> QPushButton:
    """The totals with a "Details…" button; returns the button."""
    item = bar.createMessage(tr("Atelier territorial"), text)
    button = QPushButton(tr("Details…"), item)
    button.setObjectName("photoImportDetails")
    button.setToolTip(tr("Which stop each photo was attached to, and the photos left out"))
    button.clicked.connect(lambda _checked=False: open_details())
    item.layout().addWidget(button)
    # a warning stays until closed: the person has to read which photos were left out
    level = Qgis.MessageLevel.Warning if warn else Qgis.MessageLevel.Success
    bar.pushWidget(item, level, 0 if warn else 30)
    return button


class PhotoSummaryDialog(QDialog):
    """Non-modal: the map stays usable to look at the stops named in the list."""

    def __init__(self, summary: ImportSummary, totals: str, parent=None):
        super().__init__(parent)
        self.setObjectName("PhotoSummaryDialog")
        self.setWindowTitle(tr("Photo import — {group}").format(group=summary.group))
        self.summary = summary
        layout = QVBoxLayout(self)
        self.totals = QLabel(totals, self)
        self.totals.setObjectName("totalsLabel")
        self.totals.setWordWrap(True)
        layout.addWidget(self.totals)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("summaryTree")
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumSize(460, 320)
        # long reasons scroll sideways instead of being cut with "…"
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.tree)
        unfold = summary.imported <= UNFOLD_UP_TO
        if summary.stops:
            self.attached = self._section(counted(tr("Attached to a stop"), summary.attached))
            for line in summary.stops:
                self._line(self.attached, line, unfold)
        else:
            self.attached = self._section(tr("No photo attached to a stop."))
        self.left_out = None
        if summary.left_out:
            total = sum(line.count for line in summary.left_out)
            self.left_out = self._section(counted(tr("Not attached"), total))
            for line in summary.left_out:
                self._line(self.left_out, line, unfold)
        if summary.already is not None:
            self._line(self.tree.invisibleRootItem(), summary.already, False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.setObjectName("buttonBox")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons

    def _section(self, text: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self.tree, [text])
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        item.setExpanded(True)
        return item

    def _line(self, parent, line: SummaryLine, unfold: bool) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [line.text()])
        item.setData(0, FID_ROLE, line.stop_fid)
        for name in line.files:
            QTreeWidgetItem(item, [name]).setToolTip(0, name)
        item.setExpanded(unfold)
        return item

    def stop_items(self) -> list[QTreeWidgetItem]:
        """The lines of the stops, in the order shown."""
        if not self.summary.stops:
            return []
        return [self.attached.child(i) for i in range(self.attached.childCount())]
