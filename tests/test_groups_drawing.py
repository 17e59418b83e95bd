# SPDX-License-Identifier: GPL-2.0-or-later
"""Drawing through the dock's map tools with simulated clicks on the canvas."""

from __future__ import annotations

import pytest
from helpers_groups import TRICKY, X0, Y0, build_dossier, roads_layer
from helpers_panel import FormAnswerer, LayerTools, press

pytestmark = pytest.mark.gui


@pytest.fixture
def setup(tmp_path, qgis_iface, qgis_canvas, qgis_new_project, qgis_parent, monkeypatch):
    from qgis.core import QgsApplication, QgsProject, QgsRectangle
    from qgis.PyQt.QtCore import QSize

    from poix_atelier_plugin.gui.context import AtelierContext
    from poix_atelier_plugin.gui.steps.groups import GroupsStep
    from poix_atelier_plugin.gui.steps.route import RouteStep
    from poix_atelier_plugin.services.dossier import project_layers
    from poix_atelier_plugin.store import workspace

    gpkg = build_dossier(tmp_path)
    project = QgsProject.instance()
    roads = roads_layer(gpkg)
    project.addMapLayer(roads)
    project_layers.add_workspace_layers(project, gpkg)
    # the hidden test canvas keeps a tiny output size: give it its 800 x 600 pixels
    qgis_parent.resize(QSize(800, 600))
    qgis_parent.show()
    QgsApplication.processEvents()
    qgis_canvas.setDestinationCrs(workspace.crs())
    qgis_canvas.setLayers([roads])
    qgis_canvas.setExtent(QgsRectangle(X0 - 800, Y0 - 600, X0 + 800, Y0 + 1000))
    qgis_canvas.refresh()
    # the feature form needs the desktop's layer tools; the test interface has none
    monkeypatch.setattr(qgis_iface, "vectorLayerTools", LayerTools.get, raising=False)
    context = AtelierContext(qgis_iface)
    context.set_dossier(str(gpkg))
    context.set_active_group(TRICKY)
    step = RouteStep(context)
    groups_step = GroupsStep(context)
    # the desktop keeps the canvas snapping in sync with the project; do it here
    qgis_canvas.snappingUtils().setConfig(project.snappingConfig())
    qgis_iface.messageBar().clear_messages()
    with FormAnswerer():  # QGIS's own form after each drawing, answered with its OK
        yield gpkg, context, step, groups_step
    step.unload()
    _forget_snapping(qgis_canvas)
    qgis_parent.hide()


def _forget_snapping(canvas):
    """The canvas's copy of the snapping config names this test's layers by pointer:
    once the next project removes them, a later snap would read freed layers (a
    segmentation fault on QGIS 3.44). The desktop re-syncs it; tests reset it."""
    from qgis.core import QgsSnappingConfig

    canvas.snappingUtils().setConfig(QgsSnappingConfig())


def _pixel(canvas, x, y, origin=None):
    from qgis.core import QgsPointXY
    from qgis.PyQt.QtCore import QPoint

    ox, oy = origin or (X0, Y0)
    p = canvas.getCoordinateTransform().transform(QgsPointXY(ox + x, oy + y))
    return QPoint(round(p.x()), round(p.y()))


def _click(canvas, tool, x, y, button=None, dx=0, origin=None):
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, Qt

    pos = _pixel(canvas, x, y, origin)
    pos.setX(pos.x() + dx)
    if dx:  # a click beside a road: let the snapping index (built in the background) be ready
        _wait_for_snap(canvas, pos)
    button = button if button is not None else Qt.LeftButton
    tool.canvasMoveEvent(QgsMapMouseEvent(canvas, QEvent.MouseMove, pos, Qt.NoButton))
    tool.canvasReleaseEvent(QgsMapMouseEvent(canvas, QEvent.MouseButtonRelease, pos, button))


def _wait_for_snap(canvas, pos, seconds=20.0):
    import time

    from qgis.core import QgsApplication

    end = time.monotonic() + seconds
    while not canvas.snappingUtils().snapToMap(pos).isValid() and time.monotonic() < end:
        QgsApplication.processEvents()
        time.sleep(0.02)


def _settle(ms=400):
    """Let the panel's queued work (renumbering after a save) run, as the event loop does."""
    import time

    from qgis.core import QgsApplication

    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QgsApplication.processEvents()
        time.sleep(0.01)


def _draw(canvas, step, key, points, finish=True, dx=0, origin=None):
    from qgis.PyQt.QtCore import Qt

    tool = step.start_drawing(key)
    assert canvas.mapTool() is tool
    for x, y in points:
        _click(canvas, tool, x, y, dx=dx, origin=origin)
    if finish:
        _click(canvas, tool, *points[-1], button=Qt.RightButton, origin=origin)
    return tool


def test_draw_route_and_stops_with_clicks(setup, qgis_canvas, qgis_iface):
    from qgis.core import Qgis, QgsProject

    from poix_atelier_plugin.services.dossier import project_layers
    from poix_atelier_plugin.store import workspace

    gpkg, context, step, _ = setup
    project = QgsProject.instance()
    route = project_layers.find_layer(project, "parcours", TRICKY)
    stops = project_layers.find_layer(project, "arrets", TRICKY)

    # the route follows the streets; clicks 3 px off the road snap onto it
    _draw(qgis_canvas, step, "draw_route", [(-600, 0), (0, 0), (0, 900)], dx=3)
    feats = list(route.getFeatures())
    assert len(feats) == 1
    line = feats[0].geometry().asPolyline()
    assert [(round(p.x() - X0, 3), round(p.y() - Y0, 3)) for p in line] == [
        (-600, 0),
        (0, 0),
        (0, 900),
    ]
    assert feats[0]["groupe"] == TRICKY and feats[0]["mode"] == "a_pied"
    assert feats[0]["vitesse_kmh"] == 4.0
    assert step.length_label.text().replace(",", ".").startswith("1.50")

    # three stops clicked out of order are numbered along the route
    for x, y in [(60, 600), (-400, 60), (-60, 200)]:
        tool = step.start_drawing("add_stop")
        _click(qgis_canvas, tool, x, y)
    got = {round(f.geometry().asPoint().y() - Y0, -1): f for f in stops.getFeatures()}
    assert {k: f["ordre"] for k, f in got.items()} == {600: 3, 60: 1, 200: 2}
    assert all(f["groupe"] == TRICKY and f["duree_min"] == 10 for f in got.values())
    assert all(len(f["uid"]) == 36 for f in got.values())
    assert "30 min" in step.stops_label.text()
    assert "Ça tient" in step.status_label.text()

    # every accepted stop is already in the file, numbered, without any "save"
    on_disk = workspace.open_layer(gpkg, "arrets", TRICKY)
    assert sorted(f["ordre"] for f in on_disk.getFeatures()) == [1, 2, 3]
    assert not stops.isModified() and not route.isModified()

    # the panel's undo removes the last stop from the file (and renumbers); redo brings it back
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest

    undo, redo = step.buttons["undo_drawing"], step.buttons["redo_drawing"]
    assert undo.isEnabled() and not redo.isEnabled()
    QTest.mouseClick(undo, Qt.MouseButton.LeftButton)
    _settle()
    assert stops.featureCount() == 2
    assert sorted(f["ordre"] for f in stops.getFeatures()) == [1, 2]
    assert workspace.open_layer(gpkg, "arrets", TRICKY).featureCount() == 2
    assert redo.isEnabled()
    QTest.mouseClick(redo, Qt.MouseButton.LeftButton)
    _settle()
    assert sorted(f["ordre"] for f in stops.getFeatures()) == [1, 2, 3]
    saved = workspace.open_layer(gpkg, "arrets", TRICKY)
    assert sorted(f["ordre"] for f in saved.getFeatures()) == [1, 2, 3]

    # a slot shorter than the plan turns the status red
    step.slot_spin.setValue(30)
    assert "le créneau est de 30 min" in step.status_label.text()
    assert "#c00000" in step.status_label.styleSheet()
    assert context.slot_min == 30

    # nothing was left for the person to save
    assert not stops.isModified() and not route.isModified()
    assert workspace.open_layer(gpkg, "parcours", TRICKY).featureCount() == 1
    assert not qgis_iface.messageBar().get_messages(Qgis.Critical)


def test_renumber_after_a_stop_moves(setup, qgis_canvas):
    from qgis.core import QgsGeometry, QgsProject

    from poix_atelier_plugin.services.dossier import project_layers

    _gpkg, _context, step, _ = setup
    project = QgsProject.instance()
    stops = project_layers.find_layer(project, "arrets", TRICKY)
    _draw(qgis_canvas, step, "draw_route", [(-600, 0), (600, 0)])
    for x in (-500, 500):
        _click(qgis_canvas, step.start_drawing("add_stop"), x, 0)
    first = next(f for f in stops.getFeatures() if f["ordre"] == 1)
    stops.changeGeometry(first.id(), QgsGeometry.fromWkt(f"Point({X0 + 550} {Y0})"))
    _click(qgis_canvas, step.start_drawing("add_stop"), 580, 400)  # 400 m off the route
    press(step, "order_stops")
    assert stops.getFeature(first.id())["ordre"] == 2
    far = [f for f in stops.getFeatures() if f["ecart_m"] > 300]
    assert len(far) == 1 and stops.selectedFeatureIds() == [far[0].id()]
    stops.deleteFeature(far[0].id())
    # saved edits are numbered again in the file, without clicking
    from qgis.core import QgsApplication

    from poix_atelier_plugin.store import workspace

    route = project_layers.find_layer(project, "parcours", TRICKY)
    assert route.commitChanges() and stops.commitChanges()
    stops.startEditing()
    moved = next(f for f in stops.getFeatures() if f["ordre"] == 2)
    stops.changeGeometry(moved.id(), QgsGeometry.fromWkt(f"Point({X0 - 590} {Y0})"))
    assert stops.commitChanges()
    for _ in range(5):
        QgsApplication.processEvents()
    saved = workspace.open_layer(_gpkg, "arrets", TRICKY)
    assert {round(f.geometry().asPoint().x() - X0): f["ordre"] for f in saved.getFeatures()} == {
        -590: 1,
        500: 2,
    }
    assert stops.getFeature(moved.id())["ordre"] == 1  # the project layer shows it too


def test_sites_hypotheses_sequences(setup, qgis_canvas, qgis_iface):
    from qgis.core import Qgis, QgsProject

    from poix_atelier_plugin.services.dossier import project_layers

    _gpkg, _context, step, _ = setup
    project = QgsProject.instance()
    sites = project_layers.find_layer(project, "sites_projet", TRICKY)
    _draw(qgis_canvas, step, "draw_site", [(100, 100), (300, 100), (300, 300), (100, 300)])
    feat = next(sites.getFeatures())
    assert feat["origine"] == "groupe" and feat["groupe"] == TRICKY
    assert feat.geometry().area() == pytest.approx(40000, rel=0.02)
    # a bow-tie is refused with a message and nothing is added
    _draw(qgis_canvas, step, "draw_site", [(100, 100), (300, 300), (300, 100), (100, 300)])
    assert sites.featureCount() == 1
    errors = qgis_iface.messageBar().get_messages(Qgis.Critical)
    assert any("Le contour se recoupe" in text for text in errors)
    _click(qgis_canvas, step.start_drawing("add_hypothesis"), 50, 50)
    hyp = project_layers.find_layer(project, "hypotheses", TRICKY, "Point")
    assert hyp.featureCount() == 1
    _draw(qgis_canvas, step, "draw_hypothesis_area", [(100, 100), (300, 100), (300, 300)])
    area = project_layers.find_layer(project, "hypotheses", TRICKY, "Polygon")
    assert [f.geometry().area() for f in area.getFeatures()] == [pytest.approx(20000, rel=0.02)]
    assert [f["groupe"] for f in area.getFeatures()] == [TRICKY]
    _draw(qgis_canvas, step, "draw_sequence", [(-600, 0), (0, 0)])
    seq = project_layers.find_layer(project, "sequences", TRICKY)
    assert next(seq.getFeatures())["ordre"] == 1
    # the other groups' layers are untouched
    other = project_layers.find_layer(project, "sites_projet", "Groupe 1")
    assert not list(other.getFeatures())


def test_cancelled_form_adds_nothing(setup, qgis_canvas):
    from qgis.core import QgsProject

    from poix_atelier_plugin.services.dossier import project_layers

    _gpkg, _context, step, _ = setup
    with FormAnswerer(accept=False) as forms:  # the form's Cancel button
        _click(qgis_canvas, step.start_drawing("add_stop"), 0, 0)
    assert forms.answered == 1
    stops = project_layers.find_layer(QgsProject.instance(), "arrets", TRICKY)
    assert stops.featureCount() == 0


def test_groups_step_creates_and_deletes(setup, qgis_iface):
    from qgis.core import QgsProject

    from poix_atelier_plugin.domain.groups import GroupSpec
    from poix_atelier_plugin.services.dossier import project_layers
    from poix_atelier_plugin.store import workspace

    gpkg, context, _step, groups_step = setup
    seen = []
    context.groups_changed.connect(lambda: seen.append(True))
    groups_step.ask_groups = lambda existing: (
        existing + [GroupSpec("Les Podéens", "#123456", "Mme Adviser", 90)]
    )
    press(groups_step, "create_groups")
    assert seen
    names = [g.name for g in workspace.read_groups(gpkg)]
    assert names[-1] == "Les Podéens"
    assert workspace.read_groups(gpkg)[-1].adviser == "Mme Adviser"
    project = QgsProject.instance()
    assert project_layers.find_layer(project, "arrets", "Les Podéens") is not None

    from helpers_modal import Modal
    from qgis.PyQt.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

    def pick(dialog):  # the group picked in the list, then the dialog's own OK
        dialog.setTextValue(TRICKY)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    def answer(button):
        return lambda box: box.button(button).click()

    with Modal() as modal:  # the person says no: nothing happens
        modal.on(QInputDialog, pick).on(QMessageBox, answer(QMessageBox.StandardButton.No))
        press(groups_step, "delete_group")
    assert TRICKY in [g.name for g in workspace.read_groups(gpkg)]
    asked = []
    with Modal() as modal:
        modal.on(QInputDialog, pick).on(
            QMessageBox,
            lambda box: (
                asked.append(box.text()),
                box.button(QMessageBox.StandardButton.Yes).click(),
            ),
        )
        press(groups_step, "delete_group")
    assert "sauvegardes" in asked[0]  # i18n: says a copy is kept
    assert TRICKY not in [g.name for g in workspace.read_groups(gpkg)]
    copies = list((gpkg.parent / "sauvegardes").glob("*.gpkg"))
    assert len(copies) == 1
    assert TRICKY in [g.name for g in workspace.read_groups(copies[0])]  # nothing lost
    assert project_layers.group_node(project, TRICKY) is None
    assert project_layers.find_layer(project, "arrets", TRICKY) is None
    assert project_layers.find_layer(project, "arrets", "Groupe 1") is not None


def test_route_along_the_roads(setup, qgis_canvas):
    from qgis.core import QgsProject

    from poix_atelier_plugin.services.dossier import project_layers
    from poix_atelier_plugin.store import workspace

    gpkg, _context, step, _ = setup
    project = QgsProject.instance()
    route = project_layers.find_layer(project, "parcours", TRICKY)
    stops = project_layers.find_layer(project, "arrets", TRICKY)
    _draw(qgis_canvas, step, "draw_route", [(-500, 60), (60, 800), (560, -300)])  # cross-country
    for x, y in [(-500, 60), (60, 800), (560, -300)]:
        _click(qgis_canvas, step.start_drawing("add_stop"), x, y)
    press(step, "follow_roads")
    feats = list(route.getFeatures())
    assert len(feats) == 1
    line = feats[0].geometry().asPolyline()
    path = [
        (round((p.x() - X0) / 5) * 5, round((p.y() - Y0) / 5) * 5) for p in line
    ]  # clicks: ±3 m
    assert path == [(-500, 0), (0, 0), (0, 500), (0, 800), (0, 500), (0, 0), (600, 0), (600, -300)]
    assert sorted(f["ordre"] for f in stops.getFeatures()) == [1, 2, 3]
    saved = workspace.open_layer(gpkg, "parcours", TRICKY)
    assert len(next(saved.getFeatures()).geometry().asPolyline()) == 8  # on disk already
    # the person's own route comes back with the panel's undo, in the file too
    press(step, "undo_drawing")
    assert len(next(route.getFeatures()).geometry().asPolyline()) == 3
    saved = workspace.open_layer(gpkg, "parcours", TRICKY)
    assert len(next(saved.getFeatures()).geometry().asPolyline()) == 3


def test_drawing_on_a_copy_of_the_sample(
    tmp_path, qgis_iface, qgis_canvas, qgis_new_project, qgis_parent, monkeypatch
):
    """The committed sample: its own streets are snapped to, its groups draw."""
    from helpers_data import missing
    from helpers_groups import sample_copy
    from qgis.core import QgsApplication, QgsProject, QgsRectangle, QgsVectorLayer
    from qgis.PyQt.QtCore import QSize

    from poix_atelier_plugin.gui.context import AtelierContext
    from poix_atelier_plugin.gui.steps.route import RouteStep
    from poix_atelier_plugin.services.dossier import project_layers
    from poix_atelier_plugin.store import workspace

    gpkg = sample_copy(tmp_path)
    if "routes_et_rues" not in workspace.existing_tables(gpkg):
        missing("the sample dossier has no streets (routes_et_rues)")
    project = QgsProject.instance()
    streets = QgsVectorLayer(f"{gpkg}|layername=routes_et_rues", "Routes et rues", "ogr")
    project.addMapLayer(streets)
    project_layers.add_workspace_layers(project, gpkg)
    qgis_parent.resize(QSize(800, 600))
    qgis_parent.show()
    QgsApplication.processEvents()
    street = next(f for f in streets.getFeatures() if f["nom"] == "Rue de la République")
    geom = street.geometry()
    a, b = (geom.asMultiPolyline()[0] if geom.isMultipart() else geom.asPolyline())[:2]
    ox, oy = a.x(), a.y()  # clicks relative to place Talma
    try:
        qgis_canvas.setDestinationCrs(workspace.crs())
        qgis_canvas.setExtent(QgsRectangle(ox - 400, oy - 300, ox + 400, oy + 300))
        context = AtelierContext(qgis_iface)
        context.set_dossier(str(gpkg))
        context.set_active_group("Groupe 3")
        step = RouteStep(context)
        qgis_canvas.snappingUtils().setConfig(project.snappingConfig())
        route = project_layers.find_layer(project, "parcours", "Groupe 3")
        before = {f.id() for f in route.getFeatures()}
        points = [(0, 0), (b.x() - ox, b.y() - oy)]
        monkeypatch.setattr(qgis_iface, "vectorLayerTools", LayerTools.get, raising=False)
        with FormAnswerer():  # QGIS's own form, answered with its OK
            _draw(qgis_canvas, step, "draw_route", points, dx=3, origin=(ox, oy))
        new = [f for f in route.getFeatures() if f.id() not in before]
        assert len(new) == 1 and new[0].id() > 0  # written to the GeoPackage already
        line = new[0].geometry().asPolyline()
        # snapped onto the street's vertex (or the sample route's, drawn on it); the far end
        # too when the snapping index is ready (GDAL here sometimes fails to read a GeoPackage
        # layer for a moment, "unable to open database file"; the click then stays 3 px off)
        off = 3 * qgis_canvas.mapUnitsPerPixel()
        ends = [line[0].distance(a), line[-1].distance(b)]
        assert min(ends) < 0.01, ends  # at least one click snapped onto the street
        assert all(d < 0.01 or d == pytest.approx(off, rel=0.1) for d in ends), ends
        assert len(list(route.getFeatures())) == len(before) + 1
        assert "tronçons" in step.status_label.text()  # a second line for a group that had one
        step.unload()
    finally:
        _forget_snapping(qgis_canvas)
        qgis_parent.hide()


def test_group_dialog(qgis_iface):
    from qgis.PyQt.QtGui import QColor

    from poix_atelier_plugin.domain.groups import GroupSpec
    from poix_atelier_plugin.gui.group_dialog import GroupDialog

    dialog = GroupDialog(None)
    assert dialog.groupsTable.rowCount() == 3
    specs = dialog.specs()
    assert [s.name for s in specs] == ["Groupe 1", "Groupe 2", "Groupe 3"]
    assert len({s.colour for s in specs}) == 3
    dialog.groupsTable.item(1, 0).setText(TRICKY)
    dialog.groupsTable.item(1, 2).setText("Paysagiste-conseil")
    dialog.groupsTable.cellWidget(1, 1).setColor(QColor("#112233"))
    dialog.slotSpin.setValue(90)
    spec = dialog.specs()[1]
    assert (spec.name, spec.adviser, spec.colour, spec.slot_min) == (
        TRICKY,
        "Paysagiste-conseil",
        "#112233",
        90,
    )
    dialog.add_row()
    dialog.groupsTable.item(3, 0).setText("groupe 1")  # same name, other case
    dialog.ok_button().click()
    assert (
        dialog.result() == 0 and "Deux groupes s'appellent « groupe 1 »" in dialog.helpLabel.text()
    )
    dialog.groupsTable.setCurrentCell(3, 0)
    dialog.remove_row()
    dialog.ok_button().click()
    assert dialog.result() == 1
    existing = GroupDialog([GroupSpec("A", "#000000", "x", 100, 1)])
    assert existing.groupsTable.rowCount() == 1 and existing.slotSpin.value() == 100


def test_capture_keys(setup, qgis_canvas):
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QEvent, Qt
    from qgis.PyQt.QtGui import QKeyEvent

    from poix_atelier_plugin.services.dossier import project_layers

    _gpkg, _context, step, _ = setup
    route = project_layers.find_layer(QgsProject.instance(), "parcours", TRICKY)

    def key(tool, code):
        tool.keyPressEvent(QKeyEvent(QEvent.KeyPress, code, Qt.NoModifier))

    tool = _draw(qgis_canvas, step, "draw_route", [(-600, 0), (0, 0), (0, 500)], finish=False)
    key(tool, Qt.Key_Backspace)  # the last vertex goes
    assert len(tool.points) == 2
    key(tool, Qt.Key_Escape)  # everything goes, nothing is added
    assert tool.points == [] and not list(route.getFeatures())
    for x, y in [(-600, 0), (0, 0), (0, 500)]:
        _click(qgis_canvas, tool, x, y)
    key(tool, Qt.Key_Backspace)
    key(tool, Qt.Key_Return)  # Enter finishes
    line = next(route.getFeatures()).geometry().asPolyline()
    assert len(line) == 2
    # a single click is not a line: nothing is added, no error
    _click(qgis_canvas, tool, 100, 0)
    tool.finish()
    assert len(list(route.getFeatures())) == 1


def test_the_dock_follows_the_active_group(tmp_path, qgis_iface, qgis_new_project):
    from qgis.core import QgsProject

    from poix_atelier_plugin.gui.dock import AtelierDock
    from poix_atelier_plugin.services.dossier import project_layers

    gpkg = build_dossier(tmp_path)
    project_layers.add_workspace_layers(QgsProject.instance(), gpkg)
    dock = AtelierDock(qgis_iface)
    try:
        dock.context.set_dossier(str(gpkg))
        dock._fill_groups()
        names = [dock.groupCombo.itemText(i) for i in range(dock.groupCombo.count())]
        assert names == ["Groupe 1", "Groupe 2", TRICKY]
        route_step = dock.step("route")
        dock.groupCombo.setCurrentText(TRICKY)
        assert dock.context.active_group == TRICKY
        assert route_step.layer("arrets").customProperty("atelier/groupe") == TRICKY
        assert "Pas encore de parcours" in route_step.status_label.text()
        route_step.slot_spin.setValue(95)
        assert QgsProject.instance().readNumEntry("poix_atelier_plugin", "slot_min", 0)[0] == 95
    finally:
        dock.unload()
        dock.deleteLater()


def test_a_line_follows_the_mouse_while_drawing(setup, qgis_canvas):
    """After the first click, the segment to the cursor is drawn (as QGIS's digitising)."""
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, Qt

    _gpkg, _context, step, _ = setup
    tool = step.start_drawing("draw_route")
    _click(qgis_canvas, tool, -600, 0)
    pos = _pixel(qgis_canvas, 300, 400)
    tool.canvasMoveEvent(
        QgsMapMouseEvent(qgis_canvas, QEvent.Type.MouseMove, pos, Qt.MouseButton.NoButton)
    )
    band = tool.band.asGeometry()
    assert band.constGet().nCoordinates() == 2
    assert band.length() == pytest.approx(((900**2) + (400**2)) ** 0.5, rel=0.02)
    rect = tool.band.boundingRect()
    assert rect.width() > 100 and rect.height() > 30  # on screen, not an empty extent
    # Esc cancels the drawing
    from qgis.PyQt.QtGui import QKeyEvent

    tool.keyPressEvent(
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    )
    assert tool.band.asGeometry().isEmpty()
