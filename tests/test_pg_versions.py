# SPDX-License-Identifier: GPL-2.0-or-later
"""The plugin's own writes on a server workshop go through the version check.

Two computers on one workshop: "B" is another connection that changes a row
after this computer read it. The plugin's write (toolbox, enjeux and their
links, stop numbers) must then be refused as a conflict, in French, and B's
change must survive. Multi-step writes are also one transaction on the
server: a failure injected by a PostgreSQL trigger leaves nothing changed.
"""

from __future__ import annotations

import uuid

import pytest
from helpers_pg import pg_cluster  # noqa: F401
from helpers_pg_qgis import pg_connection  # noqa: F401

from poix_atelier_plugin.domain import catalogue as dom
from poix_atelier_plugin.domain.errors import AtelierError

pytestmark = pytest.mark.postgis

#: The conflict message, English source or French translation.
CONFLICT = r"meantime|entre-temps"


def _sql(cluster, query, params=None):
    """One statement by computer B, committed at once."""
    import psycopg2

    with psycopg2.connect(cluster.dsn()) as conn, conn.cursor() as cur:
        cur.execute(query, params)
        rows = cur.fetchall() if cur.description else None
    conn.close()
    return rows


@pytest.fixture
def workshop(pg_connection):
    """A fresh server workshop with the catalogue, an enjeu and two of its links."""
    from poix_atelier_plugin.services.toolbox import catalogue as cat
    from poix_atelier_plugin.services.toolbox.enjeux import add_enjeu, link_tool
    from poix_atelier_plugin.store import postgis

    schema = f"atelier_v_{uuid.uuid4().hex[:8]}"
    dossier = pg_connection.dossier(schema)
    postgis.create_groups(dossier, ["Groupe 1", "Groupe 2"])
    cat.ensure_catalogue(dossier)
    tools = {t.nom.split(" ")[0]: f for f, t in cat.read_catalogue(dossier).items()}
    enjeu = add_enjeu(dossier, "Groupe 1", "Reconvertir la friche", "imperatif", "foncier")
    link_tool(dossier, enjeu, tools["Cerema"], "Expertise")
    link_tool(dossier, enjeu, tools["Établissement"], "Portage")
    return dossier, schema, pg_connection.cluster, tools, enjeu


def _count(cluster, schema, table, where="true", params=None):
    from psycopg2 import sql

    query = sql.SQL("SELECT count(*) FROM {} WHERE " + where).format(sql.Identifier(schema, table))
    import psycopg2

    with psycopg2.connect(cluster.dsn()) as conn, conn.cursor() as cur:
        cur.execute(query, params)
        (n,) = cur.fetchone()
    conn.close()
    return n


def test_editing_a_tool_changed_meanwhile_elsewhere_is_refused(workshop):
    from poix_atelier_plugin.services.toolbox import catalogue as cat

    dossier, schema, cluster, tools, _enjeu = workshop
    fid = tools["Cerema"]
    seen = cat.read_versions(dossier, "outils")  # what the toolbox dialog shows
    _sql(cluster, f'UPDATE "{schema}".outils SET porteur = %s WHERE fid = %s', ("B", fid))
    mine = dom.Tool("Cerema", "Ingénierie et conseil", "Mon texte", "DDTM", "Toujours")
    with pytest.raises(AtelierError, match=CONFLICT):
        cat.update_tool(dossier, fid, mine, seen[fid])
    assert cat.read_catalogue(dossier)[fid].porteur == "B"  # B's change survives
    # read again, then it goes through (and bumps the version once)
    again = cat.read_versions(dossier, "outils")[fid]
    cat.update_tool(dossier, fid, mine, again)
    assert cat.read_catalogue(dossier)[fid].description == "Mon texte"
    assert cat.read_versions(dossier, "outils")[fid] == again + 1


def test_removing_a_tool_changed_meanwhile_removes_nothing(workshop):
    from poix_atelier_plugin.services.toolbox import catalogue as cat
    from poix_atelier_plugin.services.toolbox.enjeux import enjeu_links

    dossier, schema, cluster, tools, _enjeu = workshop
    fid = tools["Cerema"]
    seen = cat.read_versions(dossier, "outils")[fid]
    _sql(cluster, f'UPDATE "{schema}".outils SET quand = %s WHERE fid = %s', ("Amont", fid))
    with pytest.raises(AtelierError, match=CONFLICT):
        cat.remove_tool(dossier, fid, confirm=True, version=seen)
    assert fid in cat.read_catalogue(dossier)
    assert len(enjeu_links(dossier)) == 2
    assert cat.remove_tool(dossier, fid, confirm=True).removed
    assert [link["outil_id"] for link in enjeu_links(dossier)] == [tools["Établissement"]]


def test_deleting_an_enjeu_changed_meanwhile_keeps_it_and_its_links(workshop):
    from poix_atelier_plugin.services.toolbox.enjeux import delete_enjeu, enjeu_links, read_enjeux

    dossier, schema, cluster, _tools, enjeu = workshop
    seen = read_versions_of(dossier, "enjeux", enjeu)
    _sql(cluster, f'UPDATE "{schema}".enjeux SET niveau = %s WHERE fid = %s', ("a_suivre", enjeu))
    with pytest.raises(AtelierError, match=CONFLICT):
        delete_enjeu(dossier, enjeu, seen)
    (row,) = read_enjeux(dossier, "Groupe 1")
    assert row["niveau"] == "a_suivre" and len(enjeu_links(dossier, enjeu)) == 2


def read_versions_of(dossier, table, fid):
    from poix_atelier_plugin.store.transaction import read_versions

    return read_versions(dossier, table, [fid])[fid]


def test_issue_dialog_save_after_a_link_changed_elsewhere_changes_nothing(workshop):
    """The dialog read the links when it opened; B rewrote one comment since."""
    from poix_atelier_plugin.gui.enjeu_dialog import EnjeuDialog
    from poix_atelier_plugin.services.toolbox.enjeux import enjeu_links, read_enjeux

    dossier, schema, cluster, tools, enjeu = workshop
    dialog = EnjeuDialog(dossier, "Groupe 1", enjeu)
    assert dialog.chosen.rowCount() == 2
    link = next(lk for lk in enjeu_links(dossier, enjeu) if lk["outil_id"] == tools["Cerema"])
    _sql(
        cluster,
        f'UPDATE "{schema}".enjeux_outils SET commentaire = %s WHERE fid = %s',
        ("Étude hydraulique (B)", link["fid"]),
    )
    dialog.titre.setText("Reconvertir la friche textile")
    for r in range(dialog.chosen.rowCount()):
        dialog.chosen.item(r, 1).setText("Mon commentaire")
    dialog.buttons.button(dialog.buttons.Save).click()
    assert dialog.result() != dialog.Accepted
    assert "entre-temps" in dialog.message.text() or "meantime" in dialog.message.text()
    (row,) = read_enjeux(dossier, "Groupe 1")
    assert row["titre"] == "Reconvertir la friche"  # the enjeu's update was rolled back too
    comments = {lk["outil_id"]: lk["commentaire"] for lk in enjeu_links(dossier, enjeu)}
    assert comments == {tools["Cerema"]: "Étude hydraulique (B)", tools["Établissement"]: "Portage"}
    # reopened, it shows B's comment and saves
    again = EnjeuDialog(dossier, "Groupe 1", enjeu)
    again.titre.setText("Reconvertir la friche textile")
    again.buttons.button(again.buttons.Save).click()
    assert again.result() == again.Accepted
    assert read_enjeux(dossier, "Groupe 1")[0]["titre"] == "Reconvertir la friche textile"


def test_a_multi_step_write_failing_on_the_server_leaves_nothing_changed(workshop):
    from poix_atelier_plugin.services.toolbox import catalogue as cat
    from poix_atelier_plugin.services.toolbox.enjeux import enjeu_links

    dossier, schema, cluster, tools, _enjeu = workshop
    _sql(
        cluster,
        f'CREATE FUNCTION "{schema}".refuse() RETURNS trigger LANGUAGE plpgsql AS $$ '
        f"BEGIN RAISE EXCEPTION 'outils is read-only'; END $$; "
        f'CREATE TRIGGER refuse BEFORE DELETE ON "{schema}".outils '
        f'FOR EACH ROW EXECUTE FUNCTION "{schema}".refuse()',
    )
    with pytest.raises(AtelierError, match="read-only"):
        cat.remove_tool(dossier, tools["Cerema"], confirm=True)  # links first, then the tool
    assert len(enjeu_links(dossier)) == 2 and tools["Cerema"] in cat.read_catalogue(dossier)
    _sql(cluster, f'DROP TRIGGER refuse ON "{schema}".outils')
    assert cat.remove_tool(dossier, tools["Cerema"], confirm=True).removed


def test_import_delete_group_and_links_work_on_a_server(workshop, tmp_path):
    from poix_atelier_plugin.services import groups
    from poix_atelier_plugin.services.toolbox import catalogue as cat
    from poix_atelier_plugin.services.toolbox.enjeux import (
        enjeu_links,
        set_enjeu_tools,
        unlink_tool,
    )
    from poix_atelier_plugin.store import postgis

    dossier, schema, cluster, tools, enjeu = workshop
    path = tmp_path / "apporte.csv"
    path.write_bytes(dom.to_csv([dom.Tool("Charte du PNR", "Études", "Guide", "PNR", "")]))
    assert cat.import_csv(dossier, path).added == 1
    result = set_enjeu_tools(dossier, enjeu, {tools["Cerema"]: "Étude", tools["Plan"]: ""})
    assert set(result) == {tools["Cerema"], tools["Plan"]}
    unlink_tool(dossier, result[tools["Plan"]])
    assert [lk["outil_id"] for lk in enjeu_links(dossier)] == [tools["Cerema"]]
    counts = groups.delete_group(dossier, "Groupe 1")
    assert counts["enjeux"] == 1 and counts["groupes"] == 1 and counts["enjeux_outils"] == 1
    ws = postgis.parse_dossier(dossier)
    assert [g.name for g in postgis.read_groups(ws)] == ["Groupe 2"]
    assert _count(cluster, schema, "enjeux_outils") == 0


def test_merge_helpers_check_the_version_read(workshop):
    """For writes that use their own SQL (a merge): lock-and-check, checked delete."""
    import psycopg2

    from poix_atelier_plugin.store.pg_conflicts import check_versions, delete_checked

    dossier, schema, cluster, tools, enjeu = workshop
    seen = read_versions_of(dossier, "enjeux", enjeu)
    _sql(cluster, f'UPDATE "{schema}".enjeux SET theme = %s WHERE fid = %s', ("paysage", enjeu))
    with psycopg2.connect(cluster.dsn()) as conn, conn.cursor() as cur:
        assert check_versions(cur, schema, "enjeux", {enjeu: None}) == {enjeu: seen + 1}
        with pytest.raises(AtelierError, match=CONFLICT):
            check_versions(cur, schema, "enjeux", {enjeu: seen})
    conn.close()
    with psycopg2.connect(cluster.dsn()) as conn, conn.cursor() as cur:
        with pytest.raises(AtelierError, match=CONFLICT):
            delete_checked(cur, schema, "enjeux", {enjeu: seen})
        assert delete_checked(cur, schema, "enjeux", {enjeu: seen + 1}) == 1
        conn.rollback()
    conn.close()
    assert _count(cluster, schema, "enjeux") == 1


# stops --------------------------------------------------------------------------------------
def _route_and_stops(cluster, schema):
    x0, y0 = 744200, 7010100
    _sql(
        cluster,
        f'INSERT INTO "{schema}".parcours (groupe, nom, mode, geom) VALUES '
        "(%s, %s, %s, ST_GeomFromText(%s, 2154))",
        ("Groupe 1", "Boucle", "a_pied", f"LINESTRING({x0} {y0}, {x0 + 900} {y0})"),
    )
    for name, dx in (("Église", 800), ("Mairie", 100), ("Lavoir", 450)):
        _sql(
            cluster,
            f'INSERT INTO "{schema}".arrets (groupe, nom, duree_min, geom) VALUES '
            "(%s, %s, 10, ST_SetSRID(ST_MakePoint(%s, %s), 2154))",
            ("Groupe 1", name, x0 + dx, y0 + 5),
        )
    rows = _sql(cluster, f'SELECT nom, fid FROM "{schema}".arrets')
    return dict(rows)


def _orders(cluster, schema):
    return dict(_sql(cluster, f'SELECT nom, ordre FROM "{schema}".arrets'))


def test_numbering_stops_after_a_stop_changed_elsewhere_is_refused(workshop):
    from poix_atelier_plugin.services import route
    from poix_atelier_plugin.services.server import pg_project

    dossier, schema, cluster, _tools, _enjeu = workshop
    fids = _route_and_stops(cluster, schema)
    parcours = pg_project.open_layer(dossier, "parcours", "Groupe 1")
    arrets = pg_project.open_layer(dossier, "arrets", "Groupe 1")
    _report, placement, feats = route.analyse(parcours, arrets)
    # B renames the Lavoir between the read and the write
    _sql(
        cluster,
        f'UPDATE "{schema}".arrets SET nom = %s WHERE fid = %s',
        ("Lavoir (B)", fids["Lavoir"]),
    )
    with pytest.raises(AtelierError, match=CONFLICT):
        route.write_order(arrets, placement, feats)
    assert set(_orders(cluster, schema).values()) == {None}  # not one stop numbered
    assert "Lavoir (B)" in _orders(cluster, schema)
    # numbered again from what is there now: it works, and keeps B's name
    report = route.order_layer_stops(parcours, arrets)
    assert report.stop_count == 3
    assert _orders(cluster, schema) == {"Mairie": 1, "Lavoir (B)": 2, "Église": 3}


def test_numbering_stops_in_an_edit_session_sends_the_version_read(workshop):
    """Through the edit buffer (a layer being edited): the commit is refused, not forced."""
    from poix_atelier_plugin.services import route
    from poix_atelier_plugin.services.server import pg_project

    dossier, schema, cluster, _tools, _enjeu = workshop
    fids = _route_and_stops(cluster, schema)
    parcours = pg_project.open_layer(dossier, "parcours", "Groupe 1")
    arrets = pg_project.open_layer(dossier, "arrets", "Groupe 1")
    assert arrets.startEditing()
    route.order_layer_stops(parcours, arrets)
    _sql(cluster, f'UPDATE "{schema}".arrets SET duree_min = 25 WHERE fid = %s', (fids["Église"],))
    assert not arrets.commitChanges()
    assert any("atelier_conflict" in e for e in arrets.commitErrors())
    arrets.rollBack()
    assert set(_orders(cluster, schema).values()) == {None}
    assert _sql(
        cluster, f'SELECT duree_min FROM "{schema}".arrets WHERE fid = %s', (fids["Église"],)
    ) == [(25,)]
