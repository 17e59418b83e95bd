# SPDX-License-Identifier: GPL-2.0-or-later
"""Every button of the panel, pressed with the mouse in a realistic state.

One test per action: the button is clicked (``helpers_panel.press``), the
windows it opens are answered by their own buttons, drawings are clicked on
the map canvas, and the test checks what a person sees: the file written, the
feature in the GeoPackage (read back through a new connection), the layer
added, the French message.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from helpers_boards import T
from helpers_data import need_sample_gpkg
from helpers_panel import (
    LayerTools,
    Modal,
    answer,
    canvas_click,
    click,
    file_dialog,
    form_ok,
    ok,
    press,
    settle,
    wait_until,
)

pytestmark = pytest.mark.gui

TESTS = Path(__file__).resolve().parent
#: Place Talma in the sample (Lambert-93): the drawings are clicked around it.
TALMA = (744230.0, 7010080.0)


# the state a person works in --------------------------------------------------------
@pytest.fixture(autouse=True)
def desktop_like(qgis_iface, monkeypatch):
    """The feature form needs the desktop's layer tools; messages start empty."""
    monkeypatch.setattr(qgis_iface, "vectorLayerTools", LayerTools.get, raising=False)
    qgis_iface.messageBar().clear_messages()
    yield
    qgis_iface.messageBar().clear_messages()


def messages(qgis_iface, level: str) -> list[str]:
    from qgis.core import Qgis

    said = qgis_iface.messageBar().get_messages(getattr(Qgis.MessageLevel, level))
    # the test bar keeps "title:text"; the person reads the text
    title = T("Atelier territorial") + ":"
    return [
        m.split(":", 1)[1] if m.startswith(("Atelier territorial:", title)) else m for m in said
    ]


def make_dock(qgis_iface, gpkg, group: str = "Groupe 1"):
    from poix_atelier_plugin.gui.dock import AtelierDock

    dock = AtelierDock(qgis_iface)
    if gpkg:
        dock.context.set_dossier(str(gpkg))
        dock._fill_groups()
    if group:
        dock.context.set_active_group(group)
    dock.resize(420, 760)
    dock.show()
    settle(50)
    return dock


def close_dock(dock) -> None:
    dock.unload()
    dock.hide()
    dock.deleteLater()
    settle(20)


@pytest.fixture
def empty_dock(qgis_iface, qgis_new_project):
    dock = make_dock(qgis_iface, "", "")
    yield dock
    close_dock(dock)


def sample_copy(folder: Path) -> Path:
    found = need_sample_gpkg()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / found.name
    shutil.copy(found, target)
    return target


@pytest.fixture
def sample(tmp_path, qgis_iface, qgis_canvas, qgis_new_project, qgis_parent):
    """A copy of the sample dossier open in the project, the canvas on Place Talma."""
    from qgis.core import QgsProject, QgsRectangle
    from qgis.PyQt.QtCore import QSize

    from poix_atelier_plugin.services.dossier import dossier_open, project_layers
    from poix_atelier_plugin.store import workspace

    gpkg = sample_copy(tmp_path / "dossier")
    project = QgsProject.instance()
    dossier_open.add_dossier_layers(project, gpkg)
    project_layers.add_workspace_layers(project, gpkg)
    # the hidden test canvas keeps a tiny size: give it its 800 x 600 pixels
    qgis_parent.resize(QSize(800, 600))
    qgis_parent.show()
    settle(50)
    x, y = TALMA
    qgis_canvas.setDestinationCrs(workspace.crs())
    qgis_canvas.setExtent(QgsRectangle(x - 400, y - 300, x + 400, y + 300))
    qgis_canvas.refresh()
    dock = make_dock(qgis_iface, gpkg)
    qgis_canvas.snappingUtils().setConfig(project.snappingConfig())
    qgis_iface.messageBar().clear_messages()
    yield gpkg, dock
    close_dock(dock)
    from qgis.core import QgsSnappingConfig

    # the canvas's snapping copy names this test's layers: never read them once freed
    qgis_canvas.snappingUtils().setConfig(QgsSnappingConfig())
    qgis_parent.hide()


def on_disk(gpkg, table: str, group: str | None = "Groupe 1", geometry: str | None = None):
    """The features of a table as a new connection to the file reads them."""
    from poix_atelier_plugin.store import workspace

    layer = workspace.open_layer(gpkg, table, group, geometry, load_style=False)
    return list(layer.getFeatures())


def gdal_sql(gpkg, statement: str) -> None:
    """A change made outside QGIS (GDAL's SQL runs the GeoPackage's spatial triggers)."""
    from osgeo import gdal

    gdal.UseExceptions()
    dataset = gdal.OpenEx(str(gpkg), gdal.OF_VECTOR | gdal.OF_UPDATE)
    dataset.ExecuteSQL(statement)
    dataset = None


def rows(gpkg, query: str, *params) -> list[tuple]:
    with closing(sqlite3.connect(str(gpkg))) as con:
        return con.execute(query, params).fetchall()


def draw(canvas, points, closed: bool = True) -> None:
    """Left clicks at ``points`` (relative to Place Talma), then a right click to finish."""
    from qgis.PyQt.QtCore import Qt

    x0, y0 = TALMA
    for x, y in points:
        canvas_click(canvas, x0 + x, y0 + y)
    if closed:
        x, y = points[-1]
        canvas_click(canvas, x0 + x, y0 + y, Qt.MouseButton.RightButton)
    settle(100)


def near(feature, x: float, y: float, metres: float = 15.0) -> bool:
    from qgis.core import QgsGeometry, QgsPointXY

    point = QgsGeometry.fromPointXY(QgsPointXY(TALMA[0] + x, TALMA[1] + y))
    return feature.geometry().distance(point) < metres


# 1. Dossier -------------------------------------------------------------------------
def test_build_dossier_builds_through_its_dialog(
    empty_dock, communes_geojson, tmp_path, qgis_iface, atelier_provider
):
    from poix_atelier_plugin.gui.build_dossier_dialog import BuildDossierDialog

    press(empty_dock, "build_dossier")
    dialog = empty_dock.step("dossier").dialog
    assert isinstance(dialog, BuildDossierDialog) and dialog.isVisible()
    out = tmp_path / "dossier"
    dialog.communesFile.setFilePath(str(communes_geojson))
    dialog.codeEdit.setText("59464")
    dialog.folderWidget.setFilePath(str(out))
    dialog.onlineCheck.setChecked(False)
    dialog.openCheck.setChecked(False)
    click(dialog.buildButton)
    wait_until(lambda: dialog.task is None, 90, "the build task")
    assert out.is_dir(), dialog.statusLabel.text()
    written = sorted(p.name for p in out.iterdir())
    assert "atelier_59464.gpkg" in written and "atelier_59464.qgz" in written, written
    assert rows(out / "atelier_59464.gpkg", "SELECT count(*) FROM commune") == [(1,)]
    said = messages(qgis_iface, "Success")
    assert any(T("Dossier built: {path}").split(":")[0] in m for m in said), said
    dialog.close()


def test_open_dossier_through_the_file_dialog(empty_dock, tmp_path, qgis_iface):
    from qgis.core import QgsProject
    from qgis.PyQt.QtWidgets import QFileDialog

    gpkg = sample_copy(tmp_path / "dossier")
    with Modal() as modal:
        modal.on(QFileDialog, file_dialog(gpkg), name="choose the dossier")
        press(empty_dock, "open_dossier")
    assert Path(empty_dock.context.dossier) == gpkg
    tables = {
        lyr.customProperty("atelier/dossier_table")
        for lyr in QgsProject.instance().mapLayers().values()
    }
    assert {"commune", "routes_et_rues", "batiments"} <= tables
    assert empty_dock.dossierLabel.text() == gpkg.name
    said = messages(qgis_iface, "Success")
    opened = T("Dossier opened: {path}").format(path=str(gpkg))
    assert any(m.endswith(opened) for m in said), said


# 2. Groups --------------------------------------------------------------------------
def test_create_groups_adds_a_group_typed_in_the_dialog(sample, qgis_iface):
    from qgis.core import QgsProject
    from qgis.PyQt.QtWidgets import QTableWidgetItem

    from poix_atelier_plugin.gui.group_dialog import GroupDialog
    from poix_atelier_plugin.services.dossier import project_layers
    from poix_atelier_plugin.store import workspace

    gpkg, dock = sample

    def add_a_group(dialog):
        assert dialog.groupsTable.rowCount() == 3  # the three groups of the sample
        click(dialog.addButton)
        row = dialog.groupsTable.rowCount() - 1
        dialog.groupsTable.setItem(row, 0, QTableWidgetItem("Les Podéens"))
        click(dialog.ok_button())

    with Modal() as modal:
        modal.on(GroupDialog, add_a_group, name="group dialog")
        press(dock, "create_groups")
    names = [g.name for g in workspace.read_groups(gpkg)]
    assert names == ["Groupe 1", "Groupe 2", "Groupe 3", "Les Podéens"]
    assert project_layers.find_layer(QgsProject.instance(), "arrets", "Les Podéens") is not None
    assert len(on_disk(gpkg, "arrets", "Groupe 1")) == 8  # the others' work is kept
    said = messages(qgis_iface, "Success")
    assert any("Les Podéens" in m for m in said), said


def test_delete_group_asks_then_keeps_a_copy(sample, qgis_iface):
    from qgis.PyQt.QtWidgets import QInputDialog, QMessageBox

    from poix_atelier_plugin.store import workspace

    gpkg, dock = sample

    def pick(dialog):
        dialog.setTextValue("Groupe 3")
        ok(dialog)

    with Modal() as modal:
        modal.on(QInputDialog, pick, name="group to delete")
        modal.on(QMessageBox, answer(QMessageBox.StandardButton.Yes), name="confirm")
        press(dock, "delete_group")
    assert [g.name for g in workspace.read_groups(gpkg)] == ["Groupe 1", "Groupe 2"]
    assert rows(gpkg, "SELECT count(*) FROM arrets WHERE groupe = 'Groupe 3'") == [(0,)]
    copies = list((gpkg.parent / "sauvegardes").glob("*.gpkg"))
    assert len(copies) == 1
    assert rows(copies[0], "SELECT count(*) FROM arrets WHERE groupe = 'Groupe 3'") == [(7,)]
    said = messages(qgis_iface, "Success")
    assert any("Groupe 3" in m and copies[0].name in m for m in said), said


# 3. Route and stops: drawn on the canvas, saved at once ------------------------------
def test_draw_route_is_saved(sample, qgis_canvas):
    gpkg, dock = sample
    before = {f.id() for f in on_disk(gpkg, "parcours")}
    with Modal() as modal:
        form_ok(modal)
        press(dock, "draw_route")
        assert dock.step("route").buttons["draw_route"].isChecked()
        draw(qgis_canvas, [(-300, -200), (0, -200), (0, 200)])
    new = [f for f in on_disk(gpkg, "parcours") if f.id() not in before]
    assert len(new) == 1 and near(new[0], -300, -200) and near(new[0], 0, 200)
    assert new[0]["groupe"] == "Groupe 1"


def test_add_stop_is_saved_and_numbered(sample, qgis_canvas):
    gpkg, dock = sample
    with Modal() as modal:
        form_ok(modal, nom="Lavoir du centre")
        press(dock, "add_stop")
        draw(qgis_canvas, [(-20, 150)], closed=False)
    stops = on_disk(gpkg, "arrets")
    assert len(stops) == 9
    new = [f for f in stops if f["nom"] == "Lavoir du centre"]
    assert len(new) == 1 and new[0]["groupe"] == "Groupe 1" and near(new[0], -20, 150)
    assert sorted(f["ordre"] for f in stops) == list(range(1, 10))


def test_numbering_after_a_save_leaves_the_stops_saved(sample, qgis_canvas):
    """The renumbering a save triggers writes only numbers that change: once the new
    stop is numbered the layer is clean, and no commit keeps calling the next one."""
    gpkg, dock = sample
    stops_layer = dock.step("route").layer("arrets")
    commits = []
    stops_layer.afterCommitChanges.connect(lambda: commits.append(len(commits)))
    with Modal() as modal:
        form_ok(modal, nom="Croix de mission")
        press(dock, "add_stop")
        draw(qgis_canvas, [(40, 120)], closed=False)
    wait_until(lambda: commits, what="the stop saved")
    settle(1500)  # the renumbering (a timer after each commit) has run, and what it caused
    assert not stops_layer.isModified()
    assert 1 <= len(commits) <= 2, commits
    numbered = len(commits)
    settle(1500)
    assert len(commits) == numbered  # nothing keeps committing
    stops = on_disk(gpkg, "arrets")
    assert sorted(f["ordre"] for f in stops) == list(range(1, 10))
    assert [f for f in stops if f["nom"] == "Croix de mission"][0]["distance_m"] is not None
    # numbering again with nothing changed writes nothing at all
    press(dock, "order_stops")
    settle(800)
    assert not stops_layer.isModified() and len(commits) == numbered


def test_the_stop_form_reads_as_a_form_not_a_table(sample, qgis_canvas):
    """The form of a new stop: titled with the layer and group, the next number,
    no "NULL" anywhere, no computed distances, no child table of photos."""
    from qgis.PyQt.QtWidgets import QAbstractButton, QComboBox, QLineEdit

    gpkg, dock = sample
    seen = {}

    def look(dialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["texts"] = [w.text() for w in dialog.findChildren(QLineEdit) if w.isVisible()]
        seen["choices"] = [w.currentText() for w in dialog.findChildren(QComboBox) if w.isVisible()]
        seen["buttons"] = [
            w.text() for w in dialog.findChildren(QAbstractButton) if w.isVisible() and w.text()
        ]

    with Modal() as modal:
        form_ok(modal, meanwhile=lambda: look(modal.seen[-1]), nom="Calvaire")
        press(dock, "add_stop")
        draw(qgis_canvas, [(-120, 60)], closed=False)
    assert seen["title"] == "Arrêts — Groupe 1"
    shown = seen["texts"] + seen["choices"]
    assert not [t for t in shown if "NULL" in t], shown
    assert "9" in seen["texts"]  # the next number, until numbered along the route
    assert "(aucun)" in seen["choices"]
    assert not [b for b in seen["buttons"] if "Child" in b or "enfant" in b], seen["buttons"]
    assert len([f for f in on_disk(gpkg, "arrets") if f["nom"] == "Calvaire"]) == 1


def test_a_save_while_the_stop_form_is_open_keeps_the_stop(sample, qgis_canvas):
    """Each save of the route renumbers the stops a moment later; when that moment
    falls while a person fills in a new stop's form, the stop must neither be
    committed half-filled nor lose the name typed (seen on QGIS 3.44: the form
    stayed open, OK did nothing)."""
    from qgis.core import QgsProject

    gpkg, dock = sample
    route = [
        lyr
        for lyr in QgsProject.instance().mapLayers().values()
        if lyr.customProperty("atelier/table") == "parcours"
        and lyr.customProperty("atelier/groupe") == "Groupe 1"
    ]
    assert len(route) == 1

    def route_saved() -> None:
        route[0].afterCommitChanges.emit()  # what QGIS says after each save of the route
        settle(400)  # the renumbering it schedules comes due with the form open

    with Modal() as modal:
        form_ok(modal, meanwhile=route_saved, nom="Ancienne brasserie")
        press(dock, "add_stop")
        draw(qgis_canvas, [(60, 120)], closed=False)
    stops = on_disk(gpkg, "arrets")
    new = [f for f in stops if f["nom"] == "Ancienne brasserie"]
    assert len(stops) == 9 and len(new) == 1 and near(new[0], 60, 120)
    assert sorted(f["ordre"] for f in stops) == list(range(1, 10))


def test_draw_sequence_is_saved(sample, qgis_canvas):
    gpkg, dock = sample
    before = len(on_disk(gpkg, "sequences"))
    with Modal() as modal:
        form_ok(modal)
        press(dock, "draw_sequence")
        draw(qgis_canvas, [(-250, 100), (-50, 100)])
    seqs = on_disk(gpkg, "sequences")
    assert len(seqs) == before + 1 and any(near(f, -250, 100) for f in seqs)


def test_draw_site_is_saved(sample, qgis_canvas):
    gpkg, dock = sample
    before = len(on_disk(gpkg, "sites_projet"))
    with Modal() as modal:
        form_ok(modal)
        press(dock, "draw_site")
        draw(qgis_canvas, [(100, -250), (250, -250), (250, -120), (100, -120)])
    sites = on_disk(gpkg, "sites_projet")
    assert len(sites) == before + 1
    new = max(sites, key=lambda f: f.id())
    assert new["origine"] == "groupe"
    assert new.geometry().area() == pytest.approx(150 * 130, rel=0.1)


def test_add_hypothesis_is_saved(sample, qgis_canvas):
    gpkg, dock = sample
    before = len(on_disk(gpkg, "hypotheses", geometry="Point"))
    with Modal() as modal:
        form_ok(modal)
        press(dock, "add_hypothesis")
        draw(qgis_canvas, [(-150, 250)], closed=False)
    points = on_disk(gpkg, "hypotheses", geometry="Point")
    assert len(points) == before + 1 and any(near(f, -150, 250, 5) for f in points)


def test_draw_hypothesis_area_is_saved(sample, qgis_canvas):
    gpkg, dock = sample
    before = len(on_disk(gpkg, "hypotheses", geometry="Polygon"))
    with Modal() as modal:
        form_ok(modal)
        press(dock, "draw_hypothesis_area")
        draw(qgis_canvas, [(-350, -250), (-200, -250), (-200, -100)])
    areas = on_disk(gpkg, "hypotheses", geometry="Polygon")
    assert len(areas) == before + 1
    assert max(areas, key=lambda f: f.id()).geometry().area() == pytest.approx(
        150 * 150 / 2, rel=0.1
    )


def test_undo_drawing_then_redo_drawing(sample, qgis_canvas):
    gpkg, dock = sample
    with Modal() as modal:
        form_ok(modal, nom="Calvaire")
        press(dock, "add_stop")
        draw(qgis_canvas, [(-20, 150)], closed=False)
    assert len(on_disk(gpkg, "arrets")) == 9
    press(dock, "undo_drawing")
    settle()
    assert len(on_disk(gpkg, "arrets")) == 8
    press(dock, "redo_drawing")
    settle()
    stops = on_disk(gpkg, "arrets")
    assert len(stops) == 9 and any(f["nom"] == "Calvaire" for f in stops)


def test_order_stops_numbers_them_on_disk(sample, qgis_iface):
    gpkg, dock = sample
    stops = dock.step("route").layer("arrets")
    # the numbers lost outside QGIS (a stop list edited in another program)
    gdal_sql(gpkg, "UPDATE arrets SET ordre = 99 WHERE groupe = 'Groupe 1'")
    stops.reload()
    press(dock, "order_stops")
    assert sorted(f["ordre"] for f in on_disk(gpkg, "arrets")) == list(range(1, 9))
    said = messages(qgis_iface, "Success") + messages(qgis_iface, "Warning")
    assert any(
        T("{count} stops numbered along {km} km.").split("{km}")[0].format(count=8) in m
        for m in said
    ), said


def test_follow_roads_keeps_the_route_and_names_the_stop_it_cannot_reach(sample, qgis_iface):
    gpkg, dock = sample
    # a route drawn straight across the blocks, from the sample route's start to its end
    (drawn,) = on_disk(gpkg, "parcours")
    line = drawn.geometry().asPolyline()
    straight = f"LINESTRING({line[0].x()} {line[0].y()}, {line[-1].x()} {line[-1].y()})"
    from qgis.core import QgsGeometry

    from poix_atelier_plugin.store import workspace

    other = workspace.open_layer(gpkg, "parcours", "Groupe 1", load_style=False)
    assert other.dataProvider().changeGeometryValues({drawn.id(): QgsGeometry.fromWkt(straight)})
    del other
    dock.step("route").layer("parcours").reload()
    (before,) = on_disk(gpkg, "parcours")
    assert before.geometry().asPolyline()[-1] == line[-1]
    press(dock, "follow_roads")
    # stop 6 of the sample stands off the street network: the route drawn is kept
    (after,) = on_disk(gpkg, "parcours")
    assert after.geometry().equals(before.geometry())
    said = messages(qgis_iface, "Critical")
    assert said == [T("Stop {n} cannot be reached along the roads.").format(n=6)], said


# 4. Photos --------------------------------------------------------------------------
@pytest.fixture
def photo_dock(tmp_path, qgis_iface, qgis_new_project):
    from tests import helpers_photos as hp

    gpkg = hp.make_dossier(tmp_path / "dossier")
    dock = make_dock(qgis_iface, gpkg)
    yield gpkg, dock
    close_dock(dock)


def test_field_package_is_written_where_chosen(photo_dock, tmp_path, qgis_iface):
    from qgis.PyQt.QtWidgets import QFileDialog

    _gpkg, dock = photo_dock
    out = tmp_path / "out"
    out.mkdir()
    with Modal() as modal:
        modal.on(QFileDialog, file_dialog(out), name="where to write")
        press(dock, "field_package")
    package = out / "terrain_Groupe_1"
    assert (package / "terrain_Groupe_1.qgz").is_file()
    assert len(on_disk(package / "terrain_Groupe_1.gpkg", "arrets", None)) == 3
    said = messages(qgis_iface, "Success")
    assert any(str(package) in m for m in said), said


def export_from_panel(qgis_iface, gpkg, group: str, key: str, out: Path, boards, before=None):
    """Press ``key``, then fill the boards dialog it opens and press its Exporter;
    ``before(dialog)`` looks at the dialog as it opened. Returns the PDFs written."""
    from helpers_boards_gui import ExportDialog, fill_and_export

    def look_then_export(dialog):
        if before is not None:
            before(dialog)
        fill_and_export(out, boards=boards, groups=(group,))(dialog)

    dock = make_dock(qgis_iface, gpkg, group)
    try:
        with Modal(timeout=90) as modal:
            modal.on(ExportDialog(), look_then_export, name="export dialog")
            press(dock, key)
    finally:
        close_dock(dock)
    return [p.name for p in out.iterdir() if p.suffix == ".pdf"]


def test_field_map_prints_the_groups_pdf(boards_gpkg, tmp_path, qgis_iface, qgis_new_project):
    from qgis.PyQt.QtCore import Qt

    seen = []

    def ticked(dialog):
        items = [dialog.boardsList.item(i) for i in range(dialog.boardsList.count())]
        seen.append(
            [
                item.data(Qt.ItemDataRole.UserRole)
                for item in items
                if item.checkState() == Qt.CheckState.Checked
            ]
        )

    out = tmp_path / "plans"
    pdfs = export_from_panel(
        qgis_iface, boards_gpkg, "Groupe 2", "field_map", out, ("terrain",), ticked
    )
    assert seen == [["terrain"]]  # preset on the field map
    assert len(pdfs) == 1 and "Groupe_2" in pdfs[0], pdfs


def test_add_diagnostic_point_is_saved_then_undone(sample, qgis_canvas):
    """A diagnostic point: the kind picked with the keyboard in the step's list, the
    point clicked, its form answered (a category chosen), saved; then undone."""
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QComboBox

    gpkg, dock = sample
    step = dock.step("diagnostic")
    dock.toolBox.setCurrentWidget(step)
    QTest.keyClick(step.kind_combo, Qt.Key.Key_Home)  # the first kind: a point
    assert step.kind_combo.currentData() == "Point"
    before = {f.id() for f in on_disk(gpkg, "diagnostic", geometry="Point")}

    def category(dialog) -> None:
        (combo,) = [c for c in dialog.findChildren(QComboBox, "categorie") if c.isVisible()] or [
            c for c in dialog.findChildren(QComboBox) if c.isVisible()
        ][:1]
        QTest.keyClick(combo, Qt.Key.Key_Down)  # past "(aucun)": the first category

    with Modal() as modal:
        form_ok(modal, meanwhile=lambda: category(modal.seen[-1]))
        press(dock, "add_diagnostic")
        draw(qgis_canvas, [(60, -60)], closed=False)
    (new,) = [f for f in on_disk(gpkg, "diagnostic", geometry="Point") if f.id() not in before]
    assert near(new, 60, -60), new.geometry().asWkt()
    assert new["groupe"] == "Groupe 1" and new["categorie"] not in (None, "")
    press(dock, "undo_drawing")
    settle()
    assert {f.id() for f in on_disk(gpkg, "diagnostic", geometry="Point")} == before


def test_style_diagnostic_styles_the_groups_layers(sample, qgis_iface):
    from qgis.core import QgsSingleSymbolRenderer, QgsSymbol

    from poix_atelier_plugin.gui.steps.diagnostic import diagnostic_layer

    _gpkg, dock = sample
    layer = diagnostic_layer("Groupe 1", "Point")
    plain = QgsSingleSymbolRenderer(QgsSymbol.defaultSymbol(layer.geometryType()))
    layer.setRenderer(plain)  # a style lost (another style applied by hand)
    press(dock, "style_diagnostic")
    assert not isinstance(layer.renderer(), QgsSingleSymbolRenderer)
    said = messages(qgis_iface, "Success")
    assert T("Diagnostic style applied to {count} layers.").format(count=3) in said, said


# 6. Issues and toolbox --------------------------------------------------------------
def test_toolbox_opens_the_catalogue(sample):
    from qgis.PyQt.QtWidgets import QDialogButtonBox

    gpkg, dock = sample
    settle(400)  # the catalogue layers prepared after the dossier opens
    press(dock, "toolbox")
    step = dock.step("enjeux")
    (dialog,) = step.dialogs
    assert dialog.isVisible()
    assert dialog.model.rowCount() == rows(gpkg, "SELECT count(*) FROM outils")[0][0] > 20
    click(dialog.buttonBox.button(QDialogButtonBox.StandardButton.Close))
    assert not dialog.isVisible()


def test_add_enjeu_saves_the_issue_typed(sample, qgis_iface):
    from poix_atelier_plugin.gui.enjeu_dialog import EnjeuDialog

    gpkg, dock = sample
    settle(400)

    def type_and_save(dialog):
        dialog.titre.setText("Relier la gare au centre")
        ok(dialog)

    with Modal() as modal:
        modal.on(EnjeuDialog, type_and_save, name="issue dialog")
        press(dock, "add_enjeu")
    assert rows(
        gpkg, "SELECT groupe, niveau FROM enjeux WHERE titre = ?", "Relier la gare au centre"
    ) == [("Groupe 1", "important")]
    assert T("Issue saved.") in messages(qgis_iface, "Success")
    listed = dock.step("enjeux").enjeux_list
    assert any("Relier la gare" in listed.item(i).text() for i in range(listed.count()))


def test_proposal_opens_the_groups_proposal(sample):
    from qgis.PyQt.QtWidgets import QDialogButtonBox

    _gpkg, dock = sample
    settle(400)
    press(dock, "proposal")
    (dialog,) = dock.step("enjeux").dialogs
    assert dialog.isVisible() and dialog.windowTitle() == T("Support proposal")
    box = dialog.findChild(QDialogButtonBox)
    click(box.button(QDialogButtonBox.StandardButton.Close))
    assert not dialog.isVisible()


# 7. Boards --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def boards_gpkg(tmp_path_factory, qgis_app):
    from helpers_boards import make_dossier

    return make_dossier(tmp_path_factory.mktemp("panel") / "d", ("Groupe 1", "Groupe 2"), 4)


def test_export_boards_writes_the_files(boards_gpkg, tmp_path, qgis_iface, qgis_new_project):
    out = tmp_path / "planches"
    pdfs = export_from_panel(
        qgis_iface, boards_gpkg, "Groupe 1", "export_boards", out, ("diagnostic",)
    )
    assert len(pdfs) == 1 and "Groupe_1" in pdfs[0], pdfs


def test_synthesis_adds_the_convergence_layer(sample, qgis_iface):
    from qgis.core import QgsProject

    _gpkg, dock = sample
    press(dock, "synthesis")
    names = [lyr.name() for lyr in QgsProject.instance().mapLayers().values()]
    assert T("Where groups converge") in names
    said = messages(qgis_iface, "Success")
    text = T("{shared} places chosen by two groups or more.").split("}", 1)[1]
    assert any(text in m for m in said), said


# every button is pressed by a test ---------------------------------------------------
def pressed_keys(folder: Path = TESTS) -> set[str]:
    """Panel keys a test clicks with the mouse, read from tests/*.py: ``press(…, "k")``,
    ``click(….buttons["k"])``, ``QTest.mouseClick(….buttons["k"], …)``,
    ``press_menu_item(….buttons["k"], …)`` and ``export_from_panel(…, "k", …)``."""
    import ast

    def key_of(node) -> str | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.value, ast.Attribute)
            and node.value.attr == "buttons"
        ):
            return key_of(node.slice)
        return None

    keys = set()
    for path in sorted(folder.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", "")
            if name == "press" and len(node.args) >= 2:
                found = key_of(node.args[1])
            elif name in ("click", "mouseClick", "press_menu_item"):
                found = key_of(node.args[0]) if isinstance(node.args[0], ast.Subscript) else None
            elif name == "export_from_panel":
                given = [k.value for k in node.keywords if k.arg == "key"] + node.args[3:4]
                found = key_of(given[0]) if given else None
            else:
                found = None
            if found:
                keys.add(found)
    return keys


def test_every_panel_button_is_pressed_by_a_test(empty_dock):
    from poix_atelier_plugin.gui.dock import STEPS

    panel = {key for step in empty_dock.steps.values() for key in step.buttons}
    assert len(empty_dock.steps) == len(STEPS)
    assert {"open_dossier", "draw_route", "synthesis", "publish_server"} <= panel
    missing = sorted(panel - pressed_keys())
    assert not missing, f"panel buttons no test clicks: {missing}"
