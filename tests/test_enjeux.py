# SPDX-License-Identifier: GPL-2.0-or-later
"""Enjeux linked to tools and sites; the proposal; project relations and forms."""

from __future__ import annotations

import pytest
from helpers_enjeux import add_row, group_layer, new_workspace

from poix_atelier_plugin.domain.errors import AtelierError

pytestmark = pytest.mark.usefixtures("qgis_app")

SITE_WKT = (
    "POLYGON((743800 7010400, 743950 7010400, 743950 7010500, 743800 7010500, 743800 7010400))"
)


def _tool(gpkg, prefix):
    from poix_atelier_plugin.services.toolbox.catalogue import read_catalogue

    return next(f for f, t in read_catalogue(gpkg).items() if t.nom.startswith(prefix))


def test_enjeu_with_three_tools_and_a_site_shows_in_the_proposal(tmp_path):
    from poix_atelier_plugin.services.toolbox.enjeux import add_enjeu, link_tool
    from poix_atelier_plugin.services.toolbox.proposal import proposal_for_group, proposal_html

    gpkg = new_workspace(tmp_path)
    site = add_row(
        gpkg,
        "sites_projet",
        {
            "groupe": "Groupe 1",
            "nom": "Friche rue de Neuville",
            "origine": "commune",
            "type": "friche",
        },
        SITE_WKT,
    )
    friche = add_enjeu(
        gpkg,
        "Groupe 1",
        "Reconvertir la friche <textile>",
        "imperatif",
        "foncier",
        site,
        "Premier gisement & foncier",
    )
    later = add_enjeu(gpkg, "Groupe 1", "Mémoire ouvrière", "a_suivre", "patrimoine")
    middle = add_enjeu(gpkg, "Groupe 1", "Liaison douce", "important", "mobilite")
    add_enjeu(gpkg, "Groupe 2", "Autre groupe", "imperatif")
    picks = {
        _tool(gpkg, "Établissement public foncier"): "Porter le foncier",
        _tool(gpkg, "Fonds vert – recyclage"): "Déficit <b>d'opération</b>",
        _tool(gpkg, "Diagnostic de pollution"): "Avant l'achat",
    }
    for tool, why in picks.items():
        link_tool(gpkg, friche, tool, why)
    # linking the same tool twice updates the reason instead of duplicating it
    first = next(iter(picks))
    assert link_tool(gpkg, friche, first, "Acquérir et porter") == link_tool(
        gpkg, friche, first, "Acquérir et porter"
    )

    proposal = proposal_for_group(gpkg, "Groupe 1")
    assert [e.fid for e in proposal.enjeux] == [friche, middle, later]  # by level
    top = proposal.enjeux[0]
    assert top.site == "Friche rue de Neuville"
    assert len(top.outils) == 3
    assert {t.fid for t in top.outils} == set(picks)
    assert "Acquérir et porter" in {t.commentaire for t in top.outils}
    assert [lvl for lvl, _ in proposal.by_level()] == ["imperatif", "important", "a_suivre"]

    html = proposal_html(proposal)
    assert "Reconvertir la friche &lt;textile&gt;" in html
    assert "Déficit &lt;b&gt;d&#x27;opération&lt;/b&gt;" in html
    assert "<textile>" not in html
    assert "Friche rue de Neuville" in html
    assert "Autre groupe" not in html
    assert html.index("Reconvertir") < html.index("Liaison douce") < html.index("Mémoire ouvrière")


def test_enjeu_rules_and_deletion_leaves_no_dangling_links(tmp_path):
    from poix_atelier_plugin.services.toolbox.enjeux import (
        add_enjeu,
        delete_enjeu,
        enjeu_links,
        link_tool,
    )

    gpkg = new_workspace(tmp_path)
    with pytest.raises(AtelierError, match="needs a title"):
        add_enjeu(gpkg, "Groupe 1", "  ", "imperatif")
    with pytest.raises(AtelierError, match="Unknown level"):
        add_enjeu(gpkg, "Groupe 1", "Titre", "urgent")
    with pytest.raises(AtelierError, match="site"):
        add_enjeu(gpkg, "Groupe 1", "Titre", "important", site_id=999)
    fid = add_enjeu(gpkg, "Groupe 1", "Titre", "important")
    with pytest.raises(AtelierError, match="no longer in the catalogue"):
        link_tool(gpkg, fid, 99999, "")
    with pytest.raises(AtelierError, match="no longer exists"):
        link_tool(gpkg, 99999, _tool(gpkg, "Cerema"), "")
    link_tool(gpkg, fid, _tool(gpkg, "Cerema"), "Expertise")
    link_tool(gpkg, fid, _tool(gpkg, "Plan guide"), "")
    # syncing the choices: a missing tool refuses everything, else add/update/remove
    from poix_atelier_plugin.services.toolbox.enjeux import set_enjeu_tools

    cerema, guide, epf = _tool(gpkg, "Cerema"), _tool(gpkg, "Plan guide"), _tool(gpkg, "Établ")
    with pytest.raises(AtelierError, match="no longer in the catalogue"):
        set_enjeu_tools(gpkg, fid, {epf: "x", 99999: "y"})
    assert {link["outil_id"] for link in enjeu_links(gpkg, fid)} == {cerema, guide}
    before = {link["outil_id"]: link["fid"] for link in enjeu_links(gpkg, fid)}
    result = set_enjeu_tools(gpkg, fid, {cerema: "Expertise ruissellement", epf: "Portage"})
    assert result[cerema] == before[cerema]  # updated in place, same row
    links = {link["outil_id"]: link["commentaire"] for link in enjeu_links(gpkg, fid)}
    assert links == {cerema: "Expertise ruissellement", epf: "Portage"}
    link_tool(gpkg, fid, guide, "")
    assert delete_enjeu(gpkg, fid) == 3
    assert enjeu_links(gpkg) == []


def test_project_relations_and_widgets(tmp_path, qgis_new_project):
    from qgis.core import QgsProject

    from poix_atelier_plugin.services.toolbox.enjeux import ensure_catalogue_layers, setup_relations

    gpkg = new_workspace(tmp_path)
    project = QgsProject.instance()
    layers = {}
    for table, geometry in (
        ("enjeux", "Point"),
        ("sites_projet", None),
        ("arrets", None),
        ("observations", None),
    ):
        for groupe in ("Groupe 1", "Groupe 2"):
            layer = group_layer(gpkg, table, groupe, geometry)
            project.addMapLayer(layer)
            layers[(table, groupe)] = layer
    ensure_catalogue_layers(gpkg, project)
    assert len(ensure_catalogue_layers(gpkg, project)) == 0  # once only
    ids = setup_relations(project)
    assert setup_relations(project) == ids  # idempotent
    manager = project.relationManager()
    # per group: enjeux→sites, observations→arrets, links→enjeux; plus links→outils once
    assert len(ids) == 2 * 3 + 1
    pairs = {
        (
            manager.relation(i).referencingLayer().customProperty("atelier/table"),
            manager.relation(i).referencedLayer().customProperty("atelier/table"),
        )
        for i in ids
    }
    assert pairs == {
        ("enjeux", "sites_projet"),
        ("observations", "arrets"),
        ("enjeux_outils", "enjeux"),
        ("enjeux_outils", "outils"),
    }
    for i in ids:
        rel = manager.relation(i)
        cg = rel.referencingLayer().customProperty("atelier/groupe")
        pg = rel.referencedLayer().customProperty("atelier/groupe")
        assert cg is None or pg is None or cg == pg
    enjeux = layers[("enjeux", "Groupe 1")]
    site_widget = enjeux.editorWidgetSetup(enjeux.fields().indexOf("site_id"))
    assert site_widget.type() == "RelationReference"
    assert (
        manager.relation(site_widget.config()["Relation"]).referencedLayer()
        is layers[("sites_projet", "Groupe 1")]
    )
    assert enjeux.editorWidgetSetup(enjeux.fields().indexOf("niveau")).type() == "ValueMap"
    links = next(
        lyr
        for lyr in project.mapLayers().values()
        if lyr.customProperty("atelier/table") == "enjeux_outils"
    )
    tool_widget = links.editorWidgetSetup(links.fields().indexOf("outil_id"))
    assert tool_widget.type() == "ValueRelation"
    assert tool_widget.config()["UseCompleter"] is True
    assert tool_widget.config()["Value"] == "nom"
    obs = layers[("observations", "Groupe 2")]
    assert obs.editorWidgetSetup(obs.fields().indexOf("arret_id")).type() == "RelationReference"
    # the group is filled in by default on a group layer
    idx = enjeux.fields().indexOf("groupe")
    assert enjeux.defaultValueDefinition(idx).expression() == "'Groupe 1'"
