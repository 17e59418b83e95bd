# SPDX-License-Identifier: GPL-2.0-or-later
"""The boards from the panel, as a person makes them.

Every test clicks the dock's button, fills the dialog's widgets, and clicks
the dialog's own buttons (its "Export", its "Cancel", the progress dialog's
"Cancel"); then reads the PDFs with poppler-utils.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers_boards import T, flat, make_dossier, page_count, pdftext
from helpers_boards_gui import (  # noqa: F401 (fixtures)
    ExportDialog,
    ProgressDialog,
    at_board,
    board_groups,
    board_layer_count,
    board_layer_ids,
    cancel_button,
    choose,
    dock,
    dossier,
    export_button,
    export_from_panel,
    files_in,
    fill_and_export,
    layout_names,
    open_dock,
    progress_cancel,
)
from helpers_modal import Modal, click

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing"),
]


# tests ---------------------------------------------------------------------------------
def test_cancel_button_closes_and_writes_nothing(dock, tmp_path):
    out = tmp_path / "out"
    before = layout_names()

    def look_then_cancel(dialog):
        groups = [dialog.groupsList.item(i).text() for i in range(dialog.groupsList.count())]
        assert groups == ["Groupe 1", "Groupe 2"]
        assert dialog.boardsList.count() == 6
        assert export_button(dialog).text() == T("Export")
        # the boards go beside the dossier by default, not into the last photo folder
        assert Path(dialog.folderEdit.text()).parent == Path(dock.context.dossier).parent
        choose(dialog, out, boards=("terrain", "atlas"), fmt="png", dpi=100)
        assert "1653 × 1169" in dialog.sizeLabel.text()  # A3 landscape at 100 dpi
        click(cancel_button(dialog))

    with Modal() as modal:
        modal.on(ExportDialog(), look_then_cancel)
        click(dock.step("boards").buttons["export_boards"])
    assert not modal.seen[0].isVisible()
    assert files_in(out) == [] and layout_names() == before


def test_export_from_the_panel_writes_and_reads_back(dock, tmp_path, qgis_iface):
    from qgis.PyQt.QtWidgets import QPushButton

    out = tmp_path / "planches"
    export_from_panel(dock, out, boards=("terrain", "synthese"))
    assert files_in(out) == [
        "planches_Poix_du_Nord.pdf",
        "synthese.pdf",
        "terrain_Groupe_1.pdf",
        "terrain_Groupe_2.pdf",
    ]
    text = flat(pdftext(out / "terrain_Groupe_1.pdf"))
    assert "Poix-du-Nord" in text and "Groupe 1" in text
    assert "Arrêt 3 « Groupe 1 »" in text
    assert page_count(out / "planches_Poix_du_Nord.pdf") == sum(
        page_count(out / n)
        for n in ("synthese.pdf", "terrain_Groupe_1.pdf", "terrain_Groupe_2.pdf")
    )
    field_map = T("Field map")
    assert {f"{field_map} — Groupe 1", f"{field_map} — Groupe 2"} <= layout_names()
    # the message bar says how many files, with a button that opens the folder
    items = qgis_iface.messageBar().items()
    assert items and "4" in items[-1].text() and str(out) in items[-1].text()
    opener = items[-1].findChild(QPushButton, "openBoardsFolder")
    assert opener is not None and opener.toolTip() == str(out)
    # the export buttons are back once it is over
    assert dock.step("boards").buttons["export_boards"].isEnabled()


def test_one_boards_group_reused_across_exports(dock, tmp_path):
    export_from_panel(dock, tmp_path / "a", boards=("terrain", "diagnostic"))
    layers = board_layer_count()
    assert len(board_groups()) == 1 and layers > 0
    export_from_panel(dock, tmp_path / "b", boards=("terrain", "diagnostic"))
    assert len(board_groups()) == 1
    assert board_layer_count() == layers  # the same layers, reused, not added again
    # renamed and moved by the person: still found, still one
    from qgis.core import QgsProject

    group = board_groups()[0]
    group.setName("Mes planches")
    root = QgsProject.instance().layerTreeRoot()
    holder = root.addGroup("Rangement")
    holder.addChildNode(group.clone())
    root.removeChildNode(group)
    export_from_panel(dock, tmp_path / "c", boards=("terrain",))
    assert [g.name() for g in board_groups()] == ["Mes planches"]


def test_wrong_choices_are_said_in_the_dialog_which_stays_open(dock, tmp_path):
    blocker = tmp_path / "a_file.txt"
    blocker.write_text("not a folder")
    out = tmp_path / "out"
    said = []

    def no_board(dialog):
        choose(dialog, out, boards=())
        click(export_button(dialog))
        assert dialog.isVisible()
        said.append(dialog.errorLabel.text())
        # a folder that cannot be made (under a file)
        choose(dialog, blocker / "sub", boards=("synthese",))
        click(export_button(dialog))
        assert dialog.isVisible()
        said.append(dialog.errorLabel.text())
        # no group ticked for a group board
        choose(dialog, out, boards=("terrain",), groups=())
        click(export_button(dialog))
        said.append(dialog.errorLabel.text())
        # fixed: exported, closed
        choose(dialog, out, boards=("synthese",))
        click(export_button(dialog))

    with Modal() as modal:
        modal.on(ExportDialog(), no_board)
        click(dock.step("boards").buttons["export_boards"])
    assert said[0] == T("Choose at least one board.")
    assert str(blocker / "sub") in said[1]
    assert said[2] == T("Choose at least one group.")
    assert not modal.seen[0].isVisible()
    assert files_in(out) == ["synthese.pdf"]


def test_cancel_in_the_progress_dialog_leaves_nothing(dock, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "earlier.txt").write_text("kept")
    export_from_panel(dock, tmp_path / "first", boards=("terrain", "synthese"))
    before_layouts, before_layers = layout_names(), board_layer_ids()
    said = []

    def read_and_close(dialog):
        said.append(dialog.errorLabel.text())
        click(cancel_button(dialog))

    with Modal() as modal:
        modal.on(ExportDialog(), fill_and_export(out, boards=("terrain", "atlas", "diagnostic")))
        modal.on(ProgressDialog(), progress_cancel, when=at_board(3), name="cancel at board 3")
        modal.on(ExportDialog(), read_and_close, when=lambda d: d.errorLabel.text())
        click(dock.step("boards").buttons["export_boards"])
    assert said == [T("Export cancelled: no board was written.")]
    assert files_in(out) == ["earlier.txt"]  # no board, no temporary folder
    # the project is as it was: the earlier layouts and the layers they show
    assert layout_names() == before_layouts and board_layer_ids() == before_layers
    assert dock.step("boards").buttons["export_boards"].isEnabled()


def test_second_export_refused_during_an_export(dock, tmp_path):
    from qgis.PyQt.QtWidgets import QApplication

    from poix_atelier_plugin.boards import BoardOptions
    from poix_atelier_plugin.boards.engine import export_boards
    from poix_atelier_plugin.domain.errors import AtelierError

    out = tmp_path / "out"
    seen = {}

    def try_again(progress):
        boards_button = dock.step("boards").buttons["export_boards"]
        field_map = dock.step("photos").buttons["field_map"]
        seen["enabled"] = (boards_button.isEnabled(), field_map.isEnabled())
        dock.toolBox.setCurrentWidget(dock.step("boards"))
        click(boards_button)  # disabled: nothing opens
        seen["modal"] = QApplication.activeModalWidget()
        try:  # a script or a model asking for boards meanwhile
            export_boards(tmp_path / "other", BoardOptions(boards=["synthese"], dpi=72))
        except AtelierError as exc:
            seen["refused"] = str(exc)

    with Modal() as modal:
        modal.on(ExportDialog(), fill_and_export(out, boards=("terrain", "atlas")))
        modal.on(ProgressDialog(), try_again, when=at_board(2))
        click(dock.step("boards").buttons["export_boards"])
    assert seen["enabled"] == (False, False)
    assert isinstance(seen["modal"], ProgressDialog())
    assert "refused" in seen, "a second export ran inside the first"
    assert not (tmp_path / "other").exists()
    assert files_in(out) == [
        "atlas_Groupe_1.pdf",
        "atlas_Groupe_2.pdf",
        "planches_Poix_du_Nord.pdf",
        "terrain_Groupe_1.pdf",
        "terrain_Groupe_2.pdf",
    ]
    assert dock.step("boards").buttons["export_boards"].isEnabled()
    assert dock.step("photos").buttons["field_map"].isEnabled()


def test_closing_the_project_during_an_export_cancels_it(dock, tmp_path):
    from qgis.core import QgsProject

    out = tmp_path / "out"

    def close_project(progress):
        QgsProject.instance().clear()

    with Modal() as modal:
        modal.on(ExportDialog(), fill_and_export(out, boards=("terrain", "diagnostic")))
        modal.on(ProgressDialog(), close_project, when=at_board(2))
        modal.on(
            ExportDialog(), lambda d: click(cancel_button(d)), when=lambda d: d.errorLabel.text()
        )
        click(dock.step("boards").buttons["export_boards"])
    assert modal.seen[-1].errorLabel.text() == T("Export cancelled: no board was written.")
    assert files_in(out) == [] and layout_names() == set()


def test_stop_drawn_and_not_saved_is_on_the_field_map(qgis_iface, qgis_new_project, tmp_path):
    """The Photos step's "Field map (PDF)…": what was just drawn is on the board."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject

    from poix_atelier_plugin.services.dossier import project_layers
    from poix_atelier_plugin.store import workspace

    gpkg = make_dossier(tmp_path / "d", ("Groupe 1", "Groupe 2"), 3)
    project = QgsProject.instance()
    project_layers.add_workspace_layers(project, gpkg)
    dock = open_dock(qgis_iface, gpkg, step="photos")  # the panel is open while the group draws
    stops = project_layers.find_layer(project, "arrets", "Groupe 2")
    stops.startEditing()
    feat = QgsFeature(stops.fields())
    feat["uid"] = workspace.new_uid()
    feat["groupe"] = "Groupe 2"
    feat["ordre"] = 4
    feat["nom"] = "Lavoir de la rue des Moulins"
    feat["theme"] = "patrimoine"
    feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(744500, 7010150)))
    assert stops.addFeature(feat)  # in the edit buffer only, as a drawing leaves it
    assert stops.isModified()
    try:
        out = tmp_path / "out"
        export_from_panel(dock, out, key="field_map", step="photos", boards=None, groups=None)
        assert files_in(out) == ["terrain_Groupe_2.pdf"]  # preset: the active group's field map
        text = flat(pdftext(out / "terrain_Groupe_2.pdf"))
        assert "Lavoir de la rue des Moulins" in text
        assert not stops.isModified()  # saved on the way, still in editing for more drawing
        on_disk = workspace.open_layer(gpkg, "arrets")
        assert "Lavoir de la rue des Moulins" in {f["nom"] for f in on_disk.getFeatures()}
    finally:
        dock.unload()
        dock.deleteLater()


def test_boards_step_synthesis_adds_a_layer(dock):
    from qgis.core import QgsProject

    click(dock.step("boards").buttons["synthesis"])
    layers = [
        lyr
        for lyr in QgsProject.instance().mapLayers().values()
        if lyr.customProperty("atelier/synthesis")
    ]
    assert layers and max(f["n_groupes"] for f in layers[-1].getFeatures()) == 2


def test_an_unexpected_failure_is_said_in_french_and_keeps_the_folder(
    dock, tmp_path, qgis_iface, monkeypatch, caplog
):
    from qgis.core import Qgis

    from poix_atelier_plugin.boards import engine

    out = tmp_path / "out"
    out.mkdir()
    (out / "earlier.txt").write_text("kept")
    real_build = engine.build
    built = []

    def second_board_breaks(ctx, job):  # a layer deleted under the export, say
        if built:
            raise RuntimeError("wrapped C/C++ object of type QgsVectorLayer has been deleted")
        built.append(job)
        return real_build(ctx, job)

    monkeypatch.setattr(engine, "build", second_board_breaks)
    qgis_iface.messageBar().clear_messages()
    said = []

    def read_and_close(dialog):
        said.append(dialog.errorLabel.text())
        click(cancel_button(dialog))

    with Modal() as modal:
        modal.on(ExportDialog(), fill_and_export(out, boards=("terrain",)))
        modal.on(ExportDialog(), read_and_close, when=lambda d: d.errorLabel.text())
        click(dock.step("boards").buttons["export_boards"])
    (bar,) = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert said and said[0] in bar
    assert T("The boards export failed") in bar and "has been deleted" in bar
    assert "Traceback" not in bar
    assert (
        T(
            "No board of this export was written; the files already in {folder} and the "
            "dossier are unchanged."
        ).format(folder=out)
        in bar
    )
    assert any(r.exc_info and r.exc_info[0] is RuntimeError for r in caplog.records)
    assert files_in(out) == ["earlier.txt"]
    assert dock.step("boards").buttons["export_boards"].isEnabled()


def test_an_atlas_kept_in_the_project_shows_later_edits(qgis_iface, qgis_new_project, tmp_path):
    import re

    from qgis.core import QgsLayoutExporter, QgsProject

    source = make_dossier(tmp_path / "d", ("Groupe 1",), 3)
    dock = open_dock(qgis_iface, source)
    try:
        export_from_panel(dock, tmp_path / "first", boards=("atlas",), groups=("Groupe 1",))
    finally:
        dock.unload()
        dock.hide()
        dock.deleteLater()
    project = QgsProject.instance()
    try:
        layout = project.layoutManager().layoutByName(f"{T('Atlas of stops')} — Groupe 1")
        first = flat(pdftext(tmp_path / "first" / "atlas_Groupe_1.pdf", 1, 1))
        assert "Arrêt 1 « Groupe 1 »" in first and "Vue 1" in first

        # after the export the stop is renamed and its photo captioned again, in the project
        stops = layout.atlas().coverageLayer()
        (stop,) = [f for f in stops.getFeatures() if f["ordre"] == 1]
        assert stops.dataProvider().changeAttributeValues(
            {stop.id(): {stops.fields().indexOf("nom"): "Moulin renommé"}}
        )
        caption = layout.itemById("caption1")
        (obs_id,) = set(re.findall(r"layer:='([^']+)'", caption.text()))
        observations = project.mapLayer(obs_id)
        (photo,) = [
            f
            for f in observations.getFeatures()
            if f["arret_id"] == stop.id() and f["texte"] == "Vue 1"
        ]
        assert observations.dataProvider().changeAttributeValues(
            {photo.id(): {observations.fields().indexOf("texte"): "Vue du moulin"}}
        )
        for layer in (stops, observations):
            layer.reload()

        # exported again as from the layout designer: the layout is not built again
        again = tmp_path / "again.pdf"
        settings = QgsLayoutExporter.PdfExportSettings()
        # text kept as text, as the boards export does (QGIS 3.40+ defaults to outlines)
        settings.textRenderFormat = _always_text()
        result, error = QgsLayoutExporter.exportToPdf(layout.atlas(), str(again), settings)
        assert result == QgsLayoutExporter.ExportResult.Success, error
        text = flat(pdftext(again, 1, 1))
        assert "Moulin renommé" in text and "Vue du moulin" in text
        assert "Arrêt 1 « Groupe 1 »" not in text and "Vue 1" not in text
    finally:
        project.clear()  # these board layers must not serve the next tests


def _always_text():
    from qgis.core import Qgis, QgsRenderContext

    formats = getattr(Qgis, "TextRenderFormat", None)
    return formats.AlwaysText if formats is not None else QgsRenderContext.TextFormatAlwaysText
