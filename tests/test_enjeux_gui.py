# SPDX-License-Identifier: GPL-2.0-or-later
"""The toolbox dialog, the issue dialog, the diagnostic and issues steps, driven like a user."""

from __future__ import annotations

import pytest
from helpers_enjeux import add_row
from helpers_groups import TRICKY, X0, Y0, build_dossier
from helpers_panel import LayerTools, Modal, canvas_click, form_ok, press, settle

from poix_atelier_plugin.domain import catalogue as dom

pytestmark = pytest.mark.gui


@pytest.fixture
def dossier(tmp_path, qgis_iface, qgis_canvas, qgis_new_project, monkeypatch):
    from qgis.core import QgsProject

    from poix_atelier_plugin.gui.context import AtelierContext
    from poix_atelier_plugin.services.dossier import project_layers

    gpkg = build_dossier(tmp_path)
    project_layers.add_workspace_layers(QgsProject.instance(), gpkg)
    # the feature form needs the desktop's layer tools; the test interface has none
    monkeypatch.setattr(qgis_iface, "vectorLayerTools", LayerTools.get, raising=False)
    context = AtelierContext(qgis_iface)
    context.set_dossier(str(gpkg))
    context.set_active_group(TRICKY)
    qgis_iface.messageBar().clear_messages()
    return str(gpkg), context


def _rows(dialog):
    return [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())]


def test_toolbox_dialog_search_add_edit_remove_import(dossier, tmp_path):
    from poix_atelier_plugin.gui.toolbox_dialog import ToolboxDialog
    from poix_atelier_plugin.services.toolbox.catalogue import read_catalogue
    from poix_atelier_plugin.services.toolbox.enjeux import add_enjeu, enjeu_links, link_tool

    gpkg, context = dossier
    dialog = ToolboxDialog(gpkg, None, context)
    total = dialog.model.rowCount()
    assert total >= 25
    assert dialog.categoryCombo.count() >= 9  # "all" + 8 categories at least
    dialog.searchEdit.setText("etablissement FONCIER")  # accents and case ignored
    assert _rows(dialog) == ["Établissement public foncier (EPF) Hauts-de-France"]
    dialog.searchEdit.setText("")
    dialog.categoryCombo.setCurrentIndex(dialog.categoryCombo.findData("Financement"))
    assert 0 < dialog.proxy.rowCount() < total
    dialog.categoryCombo.setCurrentIndex(0)

    fid = dialog.add(dom.Tool("Charte du PNR", "Ingénierie et conseil", "Guide", "PNR", "Amont"))
    assert dialog.selected_fid() == fid
    assert read_catalogue(gpkg)[fid].ajoute_par == dom.PARTICIPANT
    assert dialog.edit_selected(
        dom.Tool("Charte paysagère du PNR", "Études", "Guide", "PNR", "Amont")
    )
    assert read_catalogue(gpkg)[fid].nom == "Charte paysagère du PNR"
    # a duplicate name is refused with a message; nothing changes
    messages = []
    dialog.notify = lambda text, ok=True: messages.append((text, ok))
    assert dialog.add(dom.Tool("charte paysagere du pnr")) is None
    assert messages[-1][1] is False and "contient déjà un outil" in messages[-1][0]

    # removing a tool in use asks first; "no" keeps everything
    enjeu = add_enjeu(gpkg, TRICKY, "Friche", "imperatif")
    link_tool(gpkg, enjeu, fid, "Pour le paysage")
    asked = []
    dialog.confirm = lambda title, text: asked.append(text) or False
    dialog.select(fid)
    assert not dialog.remove_selected()
    assert fid in read_catalogue(gpkg) and len(enjeu_links(gpkg)) == 1
    assert "Friche" in asked[0] and TRICKY in asked[0]
    dialog.confirm = lambda title, text: True
    dialog.select(fid)
    assert dialog.remove_selected()
    assert fid not in read_catalogue(gpkg) and enjeu_links(gpkg) == []

    # export, then a bad import (wrong header) says why and keeps the catalogue
    path = tmp_path / "export.csv"
    assert dialog.export_csv(str(path))
    before = read_catalogue(gpkg)
    bad = tmp_path / "bad.csv"
    bad.write_text("name;category\nPLU;Planification\n", encoding="utf-8")
    assert not dialog.import_csv(str(bad))
    assert "Rien n'a été importé" in messages[-1][0] and messages[-1][1] is False
    assert read_catalogue(gpkg) == before
    assert dialog.import_csv(str(path))
    assert "0 outil(s) ajouté(s)" in messages[-1][0]
    dialog.close()


def test_enjeu_dialog_picks_three_tools_and_a_site(dossier):
    from qgis.PyQt.QtCore import Qt

    from poix_atelier_plugin.gui.enjeu_dialog import FID_ROLE, EnjeuDialog
    from poix_atelier_plugin.services.toolbox.proposal import proposal_for_group

    gpkg, _context = dossier
    site = add_row(
        gpkg,
        "sites_projet",
        {"groupe": TRICKY, "nom": "Friche rue de Neuville"},
        f"POLYGON(({X0} {Y0}, {X0 + 100} {Y0}, {X0 + 100} {Y0 + 80}, {X0} {Y0}))",
    )
    dialog = EnjeuDialog(gpkg, TRICKY)
    dialog.titre.setText("Reconvertir la friche")
    dialog.niveau.setCurrentIndex(dialog.niveau.findData("imperatif"))
    dialog.site.setCurrentIndex(dialog.site.findData(site))
    for query in ("epf", "recyclage des friches", "diagnostic de pollution"):
        dialog.search.setText(query)
        visible = [
            dialog.catalogue.item(i)
            for i in range(dialog.catalogue.count())
            if not dialog.catalogue.item(i).isHidden()
        ]
        assert len(visible) >= 1, query
        dialog.catalogue.setCurrentItem(visible[0])
        visible[0].setSelected(True)
        dialog.add_button.click()
    assert dialog.chosen.rowCount() == 3
    dialog.chosen.item(0, 1).setText("Porter le foncier")
    dialog.buttons.button(dialog.buttons.Save).click()
    assert dialog.result() == dialog.Accepted
    top = proposal_for_group(gpkg, TRICKY).enjeux[0]
    assert top.titre == "Reconvertir la friche" and top.site == "Friche rue de Neuville"
    assert len(top.outils) == 3
    assert "Porter le foncier" in {t.commentaire for t in top.outils}
    # reopening shows the same choices; removing one and saving unlinks it
    again = EnjeuDialog(gpkg, TRICKY, top.fid)
    assert again.chosen.rowCount() == 3
    assert again.chosen.item(0, 0).data(FID_ROLE) in {t.fid for t in top.outils}
    again.chosen.selectRow(0)
    again.remove_button.click()
    again.save()
    assert len(proposal_for_group(gpkg, TRICKY).enjeux[0].outils) == 2
    # an empty title is refused in the dialog, which stays open
    empty = EnjeuDialog(gpkg, TRICKY)
    empty.save()
    assert "doit avoir un intitulé" in empty.message.text()
    assert Qt  # keep import used


def test_diagnostic_step_draws_an_area_and_issues_step_shows_the_proposal(
    dossier, qgis_canvas, qgis_parent
):
    from qgis.core import QgsApplication, QgsProject, QgsRectangle
    from qgis.gui import QgsMapMouseEvent
    from qgis.PyQt.QtCore import QEvent, QPoint, QSize, Qt

    from poix_atelier_plugin.gui.steps.diagnostic import DiagnosticStep, diagnostic_layer
    from poix_atelier_plugin.gui.steps.enjeux import EnjeuxStep
    from poix_atelier_plugin.services.toolbox.enjeux import add_enjeu, link_tool
    from poix_atelier_plugin.store import workspace

    gpkg, context = dossier
    qgis_parent.resize(QSize(800, 600))
    qgis_parent.show()
    QgsApplication.processEvents()
    qgis_canvas.setDestinationCrs(workspace.crs())
    qgis_canvas.setExtent(QgsRectangle(X0 - 800, Y0 - 600, X0 + 800, Y0 + 600))
    step = DiagnosticStep(context)
    step.kind_combo.setCurrentIndex(step.kind_combo.findData("Polygon"))
    with Modal() as modal:
        form_ok(modal)  # QGIS's own form, answered with its OK button
        press(step, "add_diagnostic")
        assert qgis_canvas.mapTool() is step.tool
        for dx, dy in ((0, 0), (200, 0), (200, 150)):
            canvas_click(qgis_canvas, X0 + dx, Y0 + dy)
        canvas_click(qgis_canvas, X0 + 200, Y0 + 150, Qt.MouseButton.RightButton)
        settle(100)
    layer = diagnostic_layer(TRICKY, "Polygon")
    feats = list(layer.getFeatures())
    assert len(feats) == 1 and feats[0]["groupe"] == TRICKY
    assert feats[0].geometry().area() == pytest.approx(200 * 150 / 2, rel=0.05)
    assert step.restyle() == 3
    assert layer.renderer().classAttribute() == "categorie"
    step.unload()

    issues = EnjeuxStep(context)
    issues.prepare_project()
    project = QgsProject.instance()
    assert any(
        lyr.customProperty("atelier/table") == "outils" for lyr in project.mapLayers().values()
    )
    assert len(project.relationManager().relations()) >= 4
    fid = add_enjeu(gpkg, TRICKY, "Réduire le risque <crue>", "imperatif", "risques")
    tools = issues.proposal  # compact view of the active group
    from poix_atelier_plugin.services.toolbox.catalogue import read_catalogue

    cerema = next(f for f, t in read_catalogue(gpkg).items() if t.nom == "Cerema")
    link_tool(gpkg, fid, cerema, "Étude du ruissellement")
    issues.refresh()
    assert issues.enjeux_list.count() == 1
    assert "(1 outil(s))" in issues.enjeux_list.item(0).text()
    text = tools.browser.toPlainText()
    assert "Réduire le risque <crue>" in text and "Cerema" in text
    assert "Étude du ruissellement" in text
    dialog = issues.open_proposal()
    assert dialog.widget.group_combo.currentText() == TRICKY
    assert "Cerema" in dialog.widget.browser.toPlainText()
    # place the issue on the map: one click with the point tool
    tool = issues.place_enjeu(fid, "Point")
    assert qgis_canvas.mapTool() is tool
    p = qgis_canvas.getCoordinateTransform().transform(X0 + 50, Y0 + 50)
    pos = QPoint(round(p.x()), round(p.y()))
    tool.canvasReleaseEvent(
        QgsMapMouseEvent(qgis_canvas, QEvent.MouseButtonRelease, pos, Qt.LeftButton)
    )
    points = next(
        lyr
        for lyr in project.mapLayers().values()
        if lyr.customProperty("atelier/table") == "enjeux"
        and lyr.customProperty("atelier/groupe") == TRICKY
        and lyr.customProperty("atelier/geometry") == "Point"
    )
    placed = [f for f in points.getFeatures() if f.id() == fid]
    assert placed and placed[0].geometry().asPoint().x() == pytest.approx(X0 + 50, abs=5)
    assert issues.delete_enjeu(fid, confirm=True)
    assert issues.enjeux_list.count() == 0
    issues.unload()
    qgis_parent.hide()


def test_proposal_pdf_through_the_boards_engine(dossier, tmp_path):
    import shutil
    import subprocess

    from poix_atelier_plugin.gui.proposal_widget import ProposalDialog
    from poix_atelier_plugin.services.toolbox.catalogue import read_catalogue
    from poix_atelier_plugin.services.toolbox.enjeux import add_enjeu, link_tool

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext missing")
    gpkg, context = dossier
    fid = add_enjeu(gpkg, TRICKY, "Reconvertir la friche textile", "imperatif", "foncier")
    epf = next(
        f for f, t in read_catalogue(gpkg).items() if t.nom.startswith("Établissement public")
    )
    link_tool(gpkg, fid, epf, "Porter le foncier pendant les études")
    dialog = ProposalDialog(context)
    assert dialog.widget.pdf_button.isEnabled()
    out = tmp_path / "pdf"
    out.mkdir()
    files = dialog.widget.export_pdf(str(out))
    assert len(files) == 1 and files[0].endswith(".pdf")
    text = subprocess.run(["pdftotext", files[0], "-"], capture_output=True, text=True).stdout
    text = " ".join(text.split())  # lines wrap in the board table
    assert "Reconvertir la friche textile" in text
    assert "Porter le foncier pendant les études" in text
    dialog.close()
