# SPDX-License-Identifier: GPL-2.0-or-later
"""A first workshop in the real QGIS desktop, from a commune code to three groups' boards.

Not a test module: tests/test_desktop.py runs it with ``qgis --code`` on an empty
project. It does what a new facilitator does, only through the panel and the
dialogs it opens, and counts every click and key: open the panel, "Créer un
dossier…" (the communes of the Nord, the code 59464, the sample's sources added
with the file dialog, a folder typed), close the dialog, "Étape suivante", the
groups dialog's OK, then for each group its route and one stop with its form,
"7. Planches", "Exporter les planches…" and the dialog's own button.

Environment: ATELIER_OUT (results), ATELIER_COMMUNES (the communes file),
ATELIER_SOURCES (a GeoPackage of sources), ATELIER_FOLDER (where to build).
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, os.environ["ATELIER_TESTS"])  # ``qgis --code`` runs this file without a path

from desktop_common import OUT, STATE, click, click_map, dump, fail, later, log, plugin, type_into
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
)
from qgis.utils import iface

COMMUNES = os.environ["ATELIER_COMMUNES"]
SOURCES = os.environ["ATELIER_SOURCES"]
FOLDER = os.environ["ATELIER_FOLDER"]
#: Each group's route (three clicks) and its stop, in Lambert-93, inside Poix-du-Nord.
ROUTES = [
    [(743800.0, 7009900.0), (744000.0, 7010050.0), (744200.0, 7010200.0)],
    [(744300.0, 7010250.0), (744500.0, 7010400.0), (744700.0, 7010500.0)],
    [(743400.0, 7009600.0), (743600.0, 7009700.0), (743800.0, 7009800.0)],
]
T0 = time.monotonic()


def wait_until(cond, then, what, timeout=180.0, since=None):
    """Poll ``cond``; when it holds, ``then`` after a short pause, as a person reads the screen."""
    since = since or time.monotonic()
    try:
        ok = cond()
    except Exception:  # noqa: BLE001 - not there yet (a widget still being made)
        ok = False
    if ok:
        later(300, then)
    elif time.monotonic() - since > timeout:
        shoot("timeout")
        fail(RuntimeError(f"waited {timeout:.0f} s for {what}"))
    else:
        later(250, lambda: wait_until(cond, then, what, timeout, since))


def shoot(name, widget=None):
    """The main window, and a dialog on its own (it is a window of its own)."""
    iface.mainWindow().grab().save(str(OUT / f"walk_{name}.png"))
    if widget is not None:
        widget.grab().save(str(OUT / f"walk_{name}_dialog.png"))


def modal():
    return QApplication.activeModalWidget()


def watch_dialogs():
    """Every modal window that shows up, by title: an unexpected one is a nag."""
    dialog = modal()
    if dialog is not None:
        seen = STATE.setdefault("modals", [])
        title = dialog.windowTitle()
        if not seen or seen[-1] != title:
            seen.append(title)
            dump()
    later(400, watch_dialogs)


def dock():
    return plugin().dock


def button_box_button(dialog, which):
    return dialog.findChild(QDialogButtonBox).button(which)


# 1. the dossier ------------------------------------------------------------------------
def start():
    log("start")
    window = iface.mainWindow()
    window.setGeometry(QApplication.primaryScreen().availableGeometry())  # no window manager
    watch_dialogs()
    p = plugin()
    click(p.toolbar.widgetForAction(p.dock_action))
    wait_until(lambda: dock().isVisible(), open_build, "the panel")


def open_build():
    step = dock().step("dossier")
    if dock().toolBox.currentWidget() is not step:
        click(dock().next_button)
    click(step.buttons["build_dossier"])
    wait_until(lambda: step.dialog.isVisible(), fill_commune, "the build dialog")


def build_dialog():
    return dock().step("dossier").dialog


def fill_commune():
    dialog = build_dialog()
    type_into(dialog.communesFile.lineEdit(), COMMUNES)
    wait_until(lambda: dialog.communes_layer() is not None, fill_code, "the communes file")


def fill_code():
    dialog = build_dialog()
    type_into(dialog.codeEdit, "59464")
    wait_until(
        lambda: "Poix-du-Nord" in dialog.communeNameLabel.text(), add_sources, "the commune's name"
    )


def add_sources():
    dialog = build_dialog()
    STATE["commune_name"] = dialog.communeNameLabel.text()
    wait_until(lambda: isinstance(modal(), QFileDialog), pick_sources, "the file dialog")
    click(dialog.addFilesButton)  # modal: returns when the file dialog closes
    wait_until(lambda: dialog.sourcesList.count() > 0 and modal() is None, fill_folder, "sources")


def pick_sources():
    files = modal()
    edit = files.findChild(QLineEdit, "fileNameEdit")
    type_into(edit, SOURCES)
    box = files.findChild(QDialogButtonBox)
    click(box.button(QDialogButtonBox.StandardButton.Open))


def fill_folder():
    dialog = build_dialog()
    STATE["sources"] = [
        dialog.sourcesList.item(i).text() for i in range(dialog.sourcesList.count())
    ]
    type_into(dialog.folderWidget.lineEdit(), FOLDER)
    shoot("build_dialog", dialog)
    click(dialog.buildButton)
    context = dock().context
    wait_until(
        lambda: context.dossier and getattr(dialog, "results", None) is not None,
        close_build,
        "the dossier to be built and opened",
        timeout=400,
    )


def close_build():
    dialog = build_dialog()
    STATE["dossier"] = dock().context.dossier
    STATE["build_status"] = dialog.statusLabel.text()
    STATE["build_seconds"] = round(time.monotonic() - T0, 1)
    click(button_box_button(dialog, QDialogButtonBox.StandardButton.Close))
    log("dossier built and open")
    wait_until(lambda: not dialog.isVisible(), groups, "the build dialog to close")


# 2. the groups -------------------------------------------------------------------------
def groups():
    d = dock()
    STATE["messages_after_open"] = [
        w.text() for w in iface.messageBar().items() if hasattr(w, "text")
    ]
    shoot("dossier_open")
    STATE["next_after_open"] = d.next_button.text()
    if d.groupCombo.count() >= 3:  # a dossier that came with its groups
        later(300, first_group)
        return
    click(d.next_button)
    step = d.step("groups")
    wait_until(lambda: d.toolBox.currentWidget() is step, lambda: make_groups(step), "step 2")


def make_groups(step):
    wait_until(lambda: modal() is not None, accept_groups, "the groups dialog")
    click(step.buttons["create_groups"])  # modal


def accept_groups():
    dialog = modal()
    STATE["groups_dialog"] = dialog.windowTitle()
    shoot("groups", dialog)
    click(button_box_button(dialog, QDialogButtonBox.StandardButton.Ok))
    d = dock()
    wait_until(lambda: d.groupCombo.count() >= 3 and modal() is None, first_group, "3 groups")


# 3. each group's route and stop --------------------------------------------------------
def first_group():
    d = dock()
    STATE["groups"] = [d.groupCombo.itemText(i) for i in range(d.groupCombo.count())]
    click(d.next_button)  # "Étape suivante : 3. Parcours et arrêts"
    route = d.step("route")
    wait_until(lambda: d.toolBox.currentWidget() is route, lambda: draw_group(0), "step 3")


def pick_group(index, then):
    combo = dock().groupCombo
    if combo.currentIndex() == index:
        later(200, then)
        return
    log(f"group {index + 1}: the list of groups")
    click(combo)  # opens the list

    def pick():
        # The list takes the item under the mouse, and ignores a release just after it
        # opened (a double-click interval): the pointer moves there, then clicks.
        view = combo.view()
        centre = view.visualRect(combo.model().index(index, 0)).center()
        QTest.mouseMove(view.viewport(), centre)

        def release():
            click(view.viewport(), pos=centre)
            log(f"group {index + 1}: picked in the list ({combo.currentText()})")
            wait_until(
                lambda: dock().context.active_group == combo.itemText(index), then, "the group"
            )

        later(QApplication.doubleClickInterval() + 200, release)

    wait_until(lambda: combo.view().isVisible(), pick, "the groups list")


def draw_group(index):
    def draw():
        route = dock().step("route")
        click(route.buttons["draw_route"])
        points = ROUTES[index]
        for x, y in points:
            click_map(x, y)
        wait_until(lambda: modal() is not None, lambda: route_form(index), "the route form")
        click_map(*points[-1], button=Qt.MouseButton.RightButton)  # modal: the route's form

    pick_group(index, draw)


def route_form(index):
    """The route's form: its defaults kept, its own OK."""
    form = modal()
    STATE.setdefault("route_forms", []).append(form.windowTitle())
    click(button_box_button(form, QDialogButtonBox.StandardButton.Ok))
    wait_until(lambda: modal() is None, lambda: add_stop(index), "the route form to close")


def add_stop(index):
    route = dock().step("route")
    x, y = ROUTES[index][1]
    wait_until(lambda: modal() is not None, lambda: fill_stop_form(index), "the stop form")
    click(route.buttons["add_stop"])
    click_map(x + 20.0, y + 20.0)  # modal: the form opens on the click


def fill_stop_form(index):
    form = modal()
    STATE.setdefault("forms", []).append(form.windowTitle())
    name = [e for e in form.findChildren(QLineEdit) if e.objectName() == "nom" and e.isVisible()]
    edits = name or [e for e in form.findChildren(QLineEdit) if e.isVisible() and e.isEnabled()]
    type_into(edits[0], f"Arrêt du groupe {index + 1}")
    if index == 0:
        shoot("stop_form", form)
    click(button_box_button(form, QDialogButtonBox.StandardButton.Ok))
    after = (lambda: draw_group(index + 1)) if index < 2 else boards
    wait_until(lambda: modal() is None, after, "the form to close")


# 7. the boards -------------------------------------------------------------------------
def boards():
    d = dock()
    shoot("routes_drawn")
    STATE["next_after_routes"] = d.next_button.text()
    tab = [b for b in d.toolBox.findChildren(QAbstractButton) if b.text().startswith("7.")]
    click(tab[0])
    step = d.step("boards")
    wait_until(lambda: d.toolBox.currentWidget() is step, lambda: export(step), "step 7")


def export(step):
    def press_export():
        dialog = modal()
        STATE["export_dialog"] = dialog.windowTitle()
        STATE["export_folder"] = dialog.folderEdit.text()
        shoot("export_dialog", dialog)
        click(button_box_button(dialog, QDialogButtonBox.StandardButton.Ok))

    wait_until(lambda: modal() is not None, press_export, "the export dialog")
    click(step.buttons["export_boards"])  # modal, then the export's progress
    later(1000, wait_for_boards)


def wait_for_boards(tries=0):
    folder = STATE.get("export_folder")
    files = sorted(str(p) for p in Path(folder).rglob("*.pdf")) if folder else []
    if (files and modal() is None) or tries > 800:
        STATE["files"] = files
        STATE["seconds"] = round(time.monotonic() - T0, 1)
        STATE["messages"] = [w.text() for w in iface.messageBar().items() if hasattr(w, "text")]
        STATE["next_at_end"] = dock().next_button.text()
        shoot("boards_done")
        dump()
        (OUT / "done").write_text("walk")
        return
    later(500, lambda: wait_for_boards(tries + 1))


later(1500, start)
