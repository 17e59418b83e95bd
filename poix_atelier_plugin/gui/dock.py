# SPDX-License-Identifier: GPL-2.0-or-later
"""The workshop dock: the day step by step, with the active group on top."""

from __future__ import annotations

import logging
from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDockWidget,
    QFormLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStyle,
)

from ..domain import checklist
from ..domain.errors import AtelierError
from ..infra.i18n import error_text, tr
from ..services import checklist as checklist_service
from ..store.tables import is_pg, read_groups
from .context import AtelierContext
from .steps.boards import BoardsStep
from .steps.diagnostic import DiagnosticStep
from .steps.dossier import DossierStep
from .steps.enjeux import EnjeuxStep
from .steps.groups import GroupsStep
from .steps.photos import PhotosStep
from .steps.route import RouteStep
from .undo_keys import UndoKeys

LOG = logging.getLogger(__name__)
FORM_CLASS, _ = uic.loadUiType(str(Path(__file__).with_suffix(".ui")))

STEPS = (DossierStep, GroupsStep, RouteStep, PhotosStep, DiagnosticStep, EnjeuxStep, BoardsStep)


class AtelierDock(QDockWidget, FORM_CLASS):
    def __init__(self, iface, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("AtelierTerritorialDock")
        self.iface = iface
        self.context = AtelierContext(iface, self)
        self.steps = {}
        while self.toolBox.count():
            self.toolBox.removeItem(0)
        for i, cls in enumerate(STEPS, start=1):
            panel = cls(self.context, self.toolBox)
            self.steps[cls.STEP_ID] = panel
            self.toolBox.addItem(panel, f"{i}. {panel.title()}")
            self._fit_narrow(panel)
        # wide enough for the longest button once labels wrap (French is long)
        # plus the vertical scroll bar a long step shows on a 768-pixel-high screen
        width = max(p.minimumSizeHint().width() for p in self.steps.values())
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.setMinimumWidth(width + 2 * self.toolBox.frameWidth() + 24 + bar)
        self.context.dossier_changed.connect(self._show_dossier)
        self.context.group_changed.connect(self._show_group)
        self.context.groups_changed.connect(self._fill_groups)
        self.groupCombo.currentTextChanged.connect(self._group_picked)
        QgsProject.instance().readProject.connect(self._project_read)
        self._show_dossier(self.context.dossier)
        self._fill_groups()
        canvas = iface.mapCanvas() if iface is not None else None
        self.undo_keys = UndoKeys(iface, self.context.saver, [canvas, self], self)
        self._add_checklist()

    @staticmethod
    def _fit_narrow(panel) -> None:
        """Let a step shrink to the dock's width: labels wrap, lists shorten."""
        for label in panel.findChildren(QLabel):
            label.setWordWrap(True)
        for combo in panel.findChildren(QComboBox):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumWidth(120)  # the hint keeps the longest item's width
        for form in panel.findChildren(QFormLayout):
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        area = panel.parent()
        while area is not None and not isinstance(area, QScrollArea):
            area = area.parent()
        if area is not None:
            area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        panel.layout().invalidate()

    # the "first workshop" path ---------------------------------------------------------
    def _add_checklist(self) -> None:
        """A "next step" button over the steps, a check on each step done, and, at the
        top of each step, what it shows done or what to do next."""
        self.next_button = QPushButton(self)
        self.next_button.setObjectName("nextStepButton")
        self.next_button.setFlat(True)
        self.next_button.setStyleSheet("text-align: left; font-weight: bold;")
        self.next_button.setToolTip(tr("Open the next step of the workshop"))
        self.next_button.clicked.connect(self._open_next)
        layout = self.dockContents.layout()
        layout.insertWidget(layout.indexOf(self.toolBox), self.next_button)
        self.next_step = ""
        self.titles = {sid: self.toolBox.itemText(i) for i, sid in enumerate(self.steps)}
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(150)
        self.check_timer.timeout.connect(self.refresh_checklist)
        later = self.check_timer.start
        self.context.dossier_changed.connect(lambda *_: later())
        self.context.groups_changed.connect(later)
        self.context.saver.saved.connect(lambda *_: later())
        self.context.saver.history_changed.connect(later)
        self.toolBox.currentChanged.connect(lambda *_: later())
        self.refresh_checklist()

    def refresh_checklist(self) -> list:
        read = checklist_service.read_facts(self.context.dossier)
        states = checklist.progress(read)
        facts = checklist.defaults(read)
        self.next_step = ""
        for i, state in enumerate(states):
            title = self.titles[state.step]
            self.toolBox.setItemText(i, f"{title}  ✓" if state.done else title)
            text = tr(state.template).format(**facts)
            self.steps[state.step].show_status(("✓ " if state.done else "→ ") + text, state.done)
            if state.is_next:
                self.next_step = state.step
        if self.next_step:
            label = self.titles[self.next_step]
            self.next_button.setText(tr("Next step: {step}").format(step=label))
        else:
            self.next_button.setText(tr("Every step of the day is done ✓"))
        self.next_button.setEnabled(bool(self.next_step))
        return states

    def _open_next(self, _checked: bool = False) -> None:
        if self.next_step:
            self.toolBox.setCurrentWidget(self.steps[self.next_step])

    def step(self, step_id: str):
        return self.steps[step_id]

    def _project_read(self, *_args) -> None:
        self.context.reload()
        self._fill_groups()

    def _show_dossier(self, path: str) -> None:
        if path:
            self.dossierLabel.setText(Path(path).name)
            self.dossierLabel.setToolTip(path)
        else:
            self.dossierLabel.setText(tr("No dossier open"))
            self.dossierLabel.setToolTip("")

    def _fill_groups(self) -> None:
        names = [g.name for g in self._read_groups(self.context.dossier)]
        self.groupCombo.blockSignals(True)
        self.groupCombo.clear()
        self.groupCombo.addItems(names)
        self.groupCombo.setEnabled(bool(names))
        if self.context.active_group in names:
            self.groupCombo.setCurrentText(self.context.active_group)
        elif names:
            self.context.set_active_group(names[0])
        self.groupCombo.blockSignals(False)

    @staticmethod
    def _read_groups(path: str):
        """Groups of a GeoPackage or PostGIS dossier; none when unreadable."""
        try:
            if is_pg(path) or (path and path.lower().endswith(".gpkg") and Path(path).is_file()):
                return read_groups(path)
        except AtelierError as exc:  # an unreadable dossier must not break the dock
            LOG.warning("%s", error_text(exc))
        return []

    def _group_picked(self, name: str) -> None:
        if name:
            self.context.set_active_group(name)

    def _show_group(self, name: str) -> None:
        if name and self.groupCombo.currentText() != name:
            self.groupCombo.setCurrentText(name)

    def unload(self) -> None:
        try:
            QgsProject.instance().readProject.disconnect(self._project_read)
        except TypeError:
            pass
        self.undo_keys.unload()
        self.check_timer.stop()
        for panel in self.steps.values():
            panel.unload()
        self.context.saver.unload()
