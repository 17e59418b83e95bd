# SPDX-License-Identifier: GPL-2.0-or-later
"""The toolbox and the proposal on a live PostgreSQL/PostGIS workshop."""

from __future__ import annotations

import pytest
from helpers_pg import pg_cluster  # noqa: F401
from helpers_pg_qgis import pg_connection  # noqa: F401

from poix_atelier_plugin.domain import catalogue as dom

pytestmark = pytest.mark.postgis


def test_catalogue_enjeux_and_proposal_on_a_server(pg_connection):
    from poix_atelier_plugin.services.toolbox import catalogue as cat
    from poix_atelier_plugin.services.toolbox.enjeux import add_enjeu, enjeu_links, link_tool
    from poix_atelier_plugin.services.toolbox.proposal import proposal_for_group
    from poix_atelier_plugin.store import postgis

    dossier = pg_connection.dossier("atelier_outils")
    postgis.create_groups(dossier, ["Groupe 1", "Groupe 2"])
    added = cat.ensure_catalogue(dossier)
    assert added >= 25
    assert cat.ensure_catalogue(dossier) == 0
    tools = cat.read_catalogue(dossier)
    assert len({t.categorie for t in tools.values()}) >= 8
    fid = cat.add_tool(dossier, dom.Tool("Charte du PNR", "Études", "Guide", "PNR", "Amont"))
    assert cat.read_catalogue(dossier)[fid].ajoute_par == dom.PARTICIPANT
    enjeu = add_enjeu(dossier, "Groupe 1", "Reconvertir la friche", "imperatif", "foncier")
    cerema = next(f for f, t in tools.items() if t.nom == "Cerema")
    link_tool(dossier, enjeu, cerema, "Inventaire des friches")
    link_tool(dossier, enjeu, fid, "Paysage")
    proposal = proposal_for_group(dossier, "Groupe 1")
    assert [t.nom for t in proposal.enjeux[0].outils] == ["Cerema", "Charte du PNR"]
    outcome = cat.remove_tool(dossier, fid)
    assert not outcome.removed and outcome.links[0].enjeu == "Reconvertir la friche"
    assert cat.remove_tool(dossier, fid, confirm=True).removed
    assert [link["outil_id"] for link in enjeu_links(dossier)] == [cerema]
    # an enjeu placed on the map, then a second one drawn as an area from the start
    from qgis.core import QgsGeometry

    from poix_atelier_plugin.services.toolbox.enjeux import read_enjeux, set_enjeu_geometry
    from poix_atelier_plugin.store.tables import open_table

    set_enjeu_geometry(dossier, enjeu, QgsGeometry.fromWkt("POINT(744230 7010080)"))
    area = QgsGeometry.fromWkt(
        "POLYGON((744000 7010000, 744100 7010000, 744100 7010100, 744000 7010000))"
    )
    add_enjeu(dossier, "Groupe 1", "Frange ouest", "important", geometry=area)
    points = open_table(dossier, "enjeux", "Groupe 1", "Point")
    assert [f.id() for f in points.getFeatures()] == [enjeu]
    areas = open_table(dossier, "enjeux", "Groupe 1", "Polygon")
    assert [f["titre"] for f in areas.getFeatures()] == ["Frange ouest"]
    assert {e["titre"] for e in read_enjeux(dossier, "Groupe 1")} == {
        "Reconvertir la friche",
        "Frange ouest",
    }
