# SPDX-License-Identifier: GPL-2.0-or-later
"""A step of the dock: a short explanation and a column of actions."""

from __future__ import annotations

from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QLabel, QMenuBar, QPushButton, QVBoxLayout, QWidget

from ... import compat
from ...domain.errors import AtelierError
from ...infra.i18n import tr
from ...services import groups as groups_service
from ..maptools import CaptureTool

#: geometrytype of a split layer -> geometry kind of the capture tool
KINDS = {
    "Point": compat.GEOMETRY_POINT,
    "LineString": compat.GEOMETRY_LINE,
    "Polygon": compat.GEOMETRY_POLYGON,
}


class StepPanel(QWidget):
    """Subclasses set ``STEP_ID`` and implement ``title()``/``build()``."""

    STEP_ID = ""

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.iface = context.iface
        self.buttons: dict[str, QPushButton] = {}
        self.tool: CaptureTool | None = None
        self.setObjectName(f"step_{self.STEP_ID}")
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        self.status = QLabel(self)  # what this step shows done, or what to do
        self.status.setObjectName(f"status_{self.STEP_ID}")
        self.status.setWordWrap(True)
        self.status.hide()
        self.layout_.addWidget(self.status)
        self.build()
        self.layout_.addStretch(1)

    def title(self) -> str:
        raise NotImplementedError

    def build(self) -> None:
        raise NotImplementedError

    def show_status(self, text: str, done: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #1a7f37;" if done else "color: #9a6700;")
        self.status.show()

    def add_help(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setStyleSheet("font-style: italic;")
        self.layout_.addWidget(label)
        return label

    def add_action(self, key: str, text: str, slot=None, tooltip: str = "", disabled_why: str = ""):
        """Add a button; with ``disabled_why`` it stays disabled and says why."""
        button = QPushButton(text, self)
        button.setObjectName(f"action_{key}")
        if disabled_why:
            button.setEnabled(False)
            button.setToolTip(disabled_why)
        else:
            button.setToolTip(tooltip)
            if slot is not None:
                button.clicked.connect(slot)
        self.layout_.addWidget(button)
        self.buttons[key] = button
        return button

    # drawing on the map ---------------------------------------------------------------
    def start_capture(
        self, button: QPushButton, kind, layer, colour: str, name: str, on_captured, edit=True
    ) -> CaptureTool:
        """Make a capture tool the canvas's map tool, ``button`` checked while it is on.

        With ``edit`` the layer is put in editing and made the active layer first.
        """
        if edit:
            if not layer.isEditable():
                layer.startEditing()
            self.iface.setActiveLayer(layer)
        canvas = self.iface.mapCanvas()
        self.tool = CaptureTool(canvas, kind, layer, colour)
        self.tool.setObjectName(name)
        self.tool.captured.connect(on_captured)
        self.tool.deactivated.connect(lambda: button.setChecked(False))
        button.setChecked(True)
        canvas.setMapTool(self.tool)
        return self.tool

    def release_tool(self) -> None:
        """Take the capture tool off the canvas and delete it."""
        if self.tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.tool:
                canvas.unsetMapTool(self.tool)
            self.tool.clean()
            self.tool.deleteLater()
            self.tool = None

    def add_undo_actions(self) -> None:
        """ "Undo the last drawing" / "Redo": drawings are saved at once, so QGIS's undo
        stack is empty after each; the panel keeps the history (gui/saver.py)."""
        saver = self.context.saver
        self.add_action(
            "undo_drawing",
            tr("Undo the last drawing"),
            lambda _=False: saver.undo(),
            tr("Remove the last feature drawn with the panel (it is saved already)"),
        )
        self.add_action(
            "redo_drawing",
            tr("Redo the drawing"),
            lambda _=False: saver.redo(),
            tr("Put back the drawing just undone"),
        )
        saver.history_changed.connect(self._history_changed)
        self._history_changed()

    def _history_changed(self) -> None:
        saver = self.context.saver
        if "undo_drawing" in self.buttons:
            self.buttons["undo_drawing"].setEnabled(saver.can_undo())
            self.buttons["redo_drawing"].setEnabled(saver.can_redo())

    def add_drawn(self, layer, geometry, undo_text: str, after_accept=None) -> int | None:
        """Added by the services, then QGIS's own form, then saved to the dossier at once.

        Cancelling the form undoes the drawing. Once accepted, the drawing and what it
        changed in the group's layers (stop numbers) are written to disk, so a crash
        loses at most the feature being drawn.
        """
        stack = layer.undoStack()
        stack.beginMacro(undo_text)
        fid, accepted = None, False
        try:
            fid, warnings = groups_service.draw(layer, geometry)
            for text in warnings:
                self.context.warning(text)
            with self.context.saver.form_open(layer):
                accepted = self.open_form(layer, fid)
            if accepted and after_accept is not None:
                after_accept()
        except AtelierError as exc:
            self.context.error(exc, 8)
        finally:
            stack.endMacro()
        if fid is not None and not accepted:
            stack.undo()
            fid = None
        if fid is not None:
            saver = self.context.saver
            uid = saver.remember(layer, fid)
            saver.save_group(self.context.active_group, first=layer)
            fid = saver.fid_of(layer, uid, fid)  # the id in the file once written
        return fid

    def open_form(self, layer, fid) -> bool:
        """The feature's form (QGIS's own); False when the user cancels it.

        Built here rather than through ``iface.openFeatureForm`` to name it after the
        layer and the group ("Arrêts — Groupe 1") and give it room for its fields.
        """
        from qgis.gui import QgsAttributeDialog, QgsAttributeEditorContext

        feature = layer.getFeature(fid)
        context = QgsAttributeEditorContext()
        context.setMapCanvas(self.iface.mapCanvas())
        context.setVectorLayerTools(self.iface.vectorLayerTools())
        dialog = QgsAttributeDialog(layer, feature, False, self.iface.mainWindow(), True, context)
        groupe = layer.customProperty("atelier/groupe") or ""
        dialog.setWindowTitle(f"{layer.name()} — {groupe}" if groupe else layer.name())
        # QGIS's "Actions" menu offers to duplicate the feature being created: not
        # something to do from the form of a new drawing
        for bar in dialog.findChildren(QMenuBar):
            bar.setVisible(False)
        screen = self.iface.mainWindow().screen().availableGeometry()
        size = (640, min(screen.height() - 80, _form_height(layer)))
        # after QGIS restores the dialog's last geometry, when it shows
        QTimer.singleShot(
            0, lambda: dialog.resize(max(dialog.width(), size[0]), max(dialog.height(), size[1]))
        )
        return bool(dialog.exec())

    def unload(self) -> None:
        """Release map tools, signals, tasks (override when needed)."""


def _form_height(layer) -> int:
    """Room for the fields the form shows, the long texts taller (pixels)."""
    root = layer.editFormConfig().invisibleRootContainer()
    names = [child.name() for child in root.children()] or layer.fields().names()
    multiline = [
        name
        for name in names
        if layer.fields().indexOf(name) >= 0
        and layer.editorWidgetSetup(layer.fields().indexOf(name)).config().get("IsMultiline")
    ]
    return 120 + 36 * len(names) + 64 * len(multiline)
