# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs inside the real QGIS desktop (``qgis --code``) and walks the day as a person does.

Not a test module: tests/test_desktop.py starts QGIS with the plugin installed from
the zip and this script, then reads what it wrote. Every step is a click: the
toolbar button, the panel's buttons, the map canvas, the form's own OK button.
Steps are chained with timers so that QGIS's event loop runs between them, as it
does between a person's clicks.

Environment: ATELIER_PROJECT (the .qgz to open), ATELIER_OUT (a folder for
results), ATELIER_SCENARIO (``crash``: three stops then wait to be killed;
``boards``: one stop, then the boards exported from the panel's dialog).
"""

import os
import sys

sys.path.insert(0, os.environ["ATELIER_TESTS"])  # ``qgis --code`` runs this file without a path

from desktop_common import OUT, STATE, click, click_map, dump, later, log, plugin
from qgis.core import QgsPointXY, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QPoint, Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QWidget,
)
from qgis.utils import iface

SCENARIO = os.environ.get("ATELIER_SCENARIO", "crash")
#: Stops clicked on the sample, in Lambert-93, near place Talma.
STOPS = [(744000.0, 7010050.0), (744150.0, 7010150.0), (744300.0, 7010250.0)]


def accept_form(name):
    """The stop's feature form: type a name, click its own OK."""
    dialog = QApplication.activeModalWidget()
    if dialog is None:
        later(200, lambda: accept_form(name))
        return
    STATE.setdefault("forms", []).append(dialog.windowTitle())
    edits = [e for e in dialog.findChildren(QLineEdit) if e.isVisible() and e.isEnabled()]
    for edit in edits:
        if edit.objectName() == "nom" or (edit.text() in ("", "NULL") and edit is edits[0]):
            edit.setText(name)
            break
    dialog.grab().save(str(OUT / "form.png"))
    box = dialog.findChild(QDialogButtonBox)
    box.button(QDialogButtonBox.StandardButton.Ok).click()


def restart_check():
    """Second start of the same profile: the panel is open again, without a click."""
    p = plugin()
    STATE["panel_after_restart"] = bool(p.dock is not None and p.dock.isVisible())
    dump()
    (OUT / "done").write_text("restart")


def start():
    log("start")
    if SCENARIO == "restart-2":
        later(2000, restart_check)
        return
    if SCENARIO == "restart-1":  # the person opens the panel, then quits QGIS

        def quit_qgis():
            p = plugin()
            click(p.toolbar.widgetForAction(p.dock_action))
            STATE["panel_opened"] = p.dock is not None and p.dock.isVisible()
            dump()
            (OUT / "done").write_text("quitting")
            iface.actionExit().trigger()

        later(1500, quit_qgis)
        return
    iface.addProject(os.environ["ATELIER_PROJECT"])
    later(1500, open_panel)


def open_panel():
    p = plugin()
    click(p.toolbar.widgetForAction(p.dock_action))
    dock = p.dock
    assert dock is not None and dock.isVisible(), "the panel did not open"
    dock.groupCombo.setCurrentText("Groupe 1")
    route = dock.step("route")
    dock.toolBox.setCurrentWidget(route)
    canvas = iface.mapCanvas()
    canvas.setExtent(QgsRectangle(743700, 7009800, 744600, 7010500))
    canvas.refresh()
    log("panel open")
    if SCENARIO == "band":
        later(1500, draw_band)
        return
    if SCENARIO == "panel":
        later(1000, lambda: shoot_steps(0))
        return
    later(1500, lambda: draw_stop(0))


def draw_band():
    """First click of a route, then the mouse moves away: the screen shows the segment."""
    route = plugin().dock.step("route")
    click(route.buttons["draw_route"])
    click_map(743800.0, 7009900.0)
    canvas = iface.mapCanvas()
    p = canvas.getCoordinateTransform().transform(QgsPointXY(744400.0, 7010350.0))
    QTest.mouseMove(canvas.viewport(), QPoint(round(p.x()), round(p.y())))

    def shoot():
        canvas.viewport().grab().save(str(OUT / "band.png"))
        iface.mainWindow().grab().save(str(OUT / "desktop_band.png"))
        band = route.tool.band.asGeometry()  # kept: constGet() points into it
        STATE["band_vertices"] = band.constGet().nCoordinates()
        STATE["band_colour"] = route.tool.band.strokeColor().name()
        dump()
        (OUT / "done").write_text("band")

    later(800, shoot)


def stops_layer():
    from poix_atelier_plugin.services.dossier import project_layers

    return project_layers.find_layer(QgsProject.instance(), "arrets", "Groupe 1")


def draw_stop(i):
    route = plugin().dock.step("route")
    click(route.buttons["add_stop"])
    x, y = STOPS[i]
    later(300, lambda: accept_form(f"Arrêt de test {i + 1}"))
    later(100, lambda: click_map(x, y))
    later(1500, lambda: after_stop(i))


def after_stop(i):
    layer = stops_layer()
    log(f"stop {i + 1} drawn: {layer.featureCount()} in the layer, modified={layer.isModified()}")
    if i + 1 < (3 if SCENARIO == "crash" else 1):
        draw_stop(i + 1)
        return
    STATE["stops_in_layer"] = layer.featureCount()
    STATE["modified"] = layer.isModified()
    STATE["messages"] = [w.text() if hasattr(w, "text") else "" for w in iface.messageBar().items()]
    dump()
    iface.mainWindow().grab().save(str(OUT / f"desktop_{SCENARIO}.png"))
    if SCENARIO == "crash":
        (OUT / "done").write_text("ready to be killed")
    elif SCENARIO == "undo":
        later(200, undo_keys)
    else:
        later(200, export_boards)


def undo_keys():
    """Ctrl+Z then Ctrl+Shift+Z on the map, as a person does after a drawing."""
    canvas = iface.mapCanvas()
    canvas.setFocus()
    mods = Qt.KeyboardModifier.ControlModifier
    STATE["qgis_undo_enabled"] = bool(
        iface.mainWindow().findChild(type(iface.actionExit()), "mActionUndo").isEnabled()
    )
    QTest.keyClick(canvas, Qt.Key.Key_Z, mods)

    def after_undo():
        STATE["stops_after_undo"] = stops_layer().featureCount()
        dump()
        QTest.keyClick(canvas, Qt.Key.Key_Z, mods | Qt.KeyboardModifier.ShiftModifier)
        later(800, after_redo)

    def after_redo():
        STATE["stops_after_redo"] = stops_layer().featureCount()
        dump()
        (OUT / "done").write_text("undo")

    later(800, after_undo)


def shoot_steps(index):
    """Each step of the panel on a 1366 x 768 screen: a picture, and the buttons cut."""
    dock = plugin().dock
    window = iface.mainWindow()
    if index == 0:  # no window manager under Xvfb: maximised by hand
        window.setGeometry(QApplication.primaryScreen().availableGeometry())
    box = dock.toolBox
    if index >= box.count():
        STATE["dock_width"] = dock.width()
        STATE["window_width"] = window.width()
        window.grab().save(str(OUT / "desktop_panel.png"))
        dump()
        later(100, lambda: shoot_dialog("toolbox"))
        return
    box.setCurrentIndex(index)

    def shoot():
        step = box.widget(index)
        dock.grab().save(str(OUT / f"panel_{step.STEP_ID}.png"))
        screen().save(str(OUT / f"desktop_{step.STEP_ID}.png"))  # the map beside the step
        cut = []
        for button in step.findChildren(QPushButton):
            if button.isVisible() and button.width() < button.sizeHint().width():
                cut.append(f"{button.text()} ({button.width()} < {button.sizeHint().width()})")
        view = step.parentWidget()  # the toolbox's scroll area viewport
        for widget in step.findChildren(QWidget):
            right = widget.mapTo(view, QPoint(widget.width(), 0)).x()
            if widget.isVisible() and right > view.width() + 1:
                text = widget.text() if hasattr(widget, "text") else widget.objectName()
                cut.append(f"{type(widget).__name__} {text!r} ends at {right} > {view.width()}")
        STATE.setdefault("cut", {})[step.STEP_ID] = cut
        STATE.setdefault("titles", []).append(box.itemText(index))
        dump()
        later(100, lambda: shoot_steps(index + 1))

    later(700, shoot)


def export_boards():
    dock = plugin().dock
    boards = dock.step("boards")
    dock.toolBox.setCurrentWidget(boards)
    folder = OUT / "planches"
    folder.mkdir(exist_ok=True)

    def fill_and_export():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            later(200, fill_and_export)
            return
        STATE["export_dialog"] = dialog.windowTitle()
        if hasattr(dialog, "folderEdit"):  # typed, as a person pastes a path
            dialog.folderEdit.setText(str(folder))
        dump()
        box = dialog.findChild(QDialogButtonBox)
        box.button(QDialogButtonBox.StandardButton.Ok).click()

    later(500, fill_and_export)
    click(boards.buttons["export_boards"])
    later(500, wait_for_files)


def wait_for_files(tries=0):
    files = sorted(p.name for p in (OUT / "planches").rglob("*.pdf"))
    busy = QApplication.activeModalWidget() is not None  # the export's progress dialog
    if (files and not busy) or tries > 600:
        STATE["messages"] = [w.text() for w in iface.messageBar().items() if hasattr(w, "text")]
        iface.mainWindow().grab().save(str(OUT / "desktop_boards_done.png"))
        STATE["files"] = files
        dump()
        (OUT / "done").write_text("boards")
        return
    later(500, lambda: wait_for_files(tries + 1))


later(500, start)


def screen():
    """The whole X screen, the dialogs over the main window included."""
    return QApplication.primaryScreen().grabWindow(0)


def shoot_dialog(key, then=None):
    """A dialog of the "Enjeux" step opened with its button, pictured over QGIS, closed."""
    dock = plugin().dock
    step = dock.step("enjeux")
    dock.toolBox.setCurrentWidget(step)
    click(step.buttons[key])

    def shoot():
        screen().save(str(OUT / f"desktop_{key}.png"))
        for dialog in list(step.dialogs):
            dialog.close()
        if key == "toolbox":
            later(300, lambda: shoot_dialog("proposal"))
        else:
            (OUT / "done").write_text("panel")

    later(1500, shoot)
