# SPDX-License-Identifier: GPL-2.0-or-later
"""Multi-step writes on a GeoPackage are all or nothing.

The failure is real: a SQLite trigger makes one table refuse the write
(``RAISE(ABORT)``), as a locked or read-only file, a full disk or a bad row
would. Whatever was written to the other tables before it must be rolled
back: the dossier is byte for byte, row for row, what it was.
"""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from helpers_enjeux import add_row, new_workspace

from poix_atelier_plugin.domain import catalogue as dom
from poix_atelier_plugin.domain.errors import AtelierError

pytestmark = pytest.mark.usefixtures("qgis_app")

TABLES = ("groupes", "arrets", "observations", "sites_projet", "enjeux", "enjeux_outils", "outils")


def dump(gpkg: str) -> dict[str, list[tuple]]:
    """Every row of the workspace tables, read by SQLite itself (not through QGIS)."""
    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    try:
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall()) for t in TABLES}
    finally:
        con.close()


def refuse(gpkg: str, table: str, op: str) -> None:
    """From now on, ``op`` (DELETE/UPDATE/INSERT) on ``table`` fails inside SQLite."""
    con = sqlite3.connect(gpkg)
    con.execute(
        f'CREATE TRIGGER "refuse_{op}_{table}" BEFORE {op} ON "{table}" '
        f"BEGIN SELECT RAISE(ABORT, '{table} is read-only'); END"
    )
    con.commit()
    con.close()


def allow(gpkg: str, table: str, op: str) -> None:
    con = sqlite3.connect(gpkg)
    con.execute(f'DROP TRIGGER "refuse_{op}_{table}"')
    con.commit()
    con.close()


def _tool(gpkg, prefix):
    from poix_atelier_plugin.services.toolbox.catalogue import read_catalogue

    return next(f for f, t in read_catalogue(gpkg).items() if t.nom.startswith(prefix))


@pytest.fixture
def workshop(tmp_path):
    """Two groups; Groupe 2 has a stop, an observation, a site and two linked enjeux."""
    from poix_atelier_plugin.services.toolbox.enjeux import add_enjeu, link_tool

    gpkg = new_workspace(tmp_path)
    stop = add_row(gpkg, "arrets", {"groupe": "Groupe 2", "nom": "Place Talma"}, "POINT(1 1)")
    add_row(gpkg, "observations", {"groupe": "Groupe 2", "arret_id": stop, "texte": "Lavoir"})
    site = add_row(
        gpkg, "sites_projet", {"groupe": "Groupe 2", "nom": "Friche"}, "POLYGON((0 0,9 0,9 9,0 0))"
    )
    friche = add_enjeu(gpkg, "Groupe 2", "Reconvertir la friche", "imperatif", site_id=site)
    eau = add_enjeu(gpkg, "Groupe 2", "Ruisseau Saint-Georges", "important")
    # Groupe 1 relies on Groupe 2's site: emptied, not deleted, with the group
    other = add_enjeu(gpkg, "Groupe 1", "Cœur de bourg", "important", site_id=site)
    for enjeu in (friche, eau, other):
        link_tool(gpkg, enjeu, _tool(gpkg, "Cerema"), "Expertise")
    link_tool(gpkg, friche, _tool(gpkg, "Établ"), "Portage foncier")
    return gpkg, {"stop": stop, "site": site, "friche": friche, "eau": eau, "other": other}


def test_removing_a_tool_whose_deletion_fails_keeps_its_links(workshop):
    from poix_atelier_plugin.services.toolbox import catalogue as cat
    from poix_atelier_plugin.services.toolbox.enjeux import enjeu_links

    gpkg, _ids = workshop
    cerema = _tool(gpkg, "Cerema")
    assert len(cat.tool_links(gpkg, cerema)) == 3
    before = dump(gpkg)
    refuse(gpkg, "outils", "DELETE")  # the links go first, then the tool fails
    with pytest.raises(AtelierError, match="read-only"):
        cat.remove_tool(gpkg, cerema, confirm=True)
    assert dump(gpkg) == before
    allow(gpkg, "outils", "DELETE")
    assert cat.remove_tool(gpkg, cerema, confirm=True).removed
    assert cerema not in cat.read_catalogue(gpkg)
    assert all(link["outil_id"] != cerema for link in enjeu_links(gpkg))
    assert len(enjeu_links(gpkg)) == 1  # the EPF link of the friche stays


def test_deleting_an_enjeu_whose_deletion_fails_keeps_its_links(workshop):
    from poix_atelier_plugin.services.toolbox.enjeux import delete_enjeu, enjeu_links

    gpkg, ids = workshop
    before = dump(gpkg)
    refuse(gpkg, "enjeux", "DELETE")
    with pytest.raises(AtelierError, match="read-only"):
        delete_enjeu(gpkg, ids["friche"])
    assert dump(gpkg) == before
    allow(gpkg, "enjeux", "DELETE")
    assert delete_enjeu(gpkg, ids["friche"]) == 2
    assert {link["enjeu_id"] for link in enjeu_links(gpkg)} == {ids["eau"], ids["other"]}


def test_importing_a_catalogue_that_fails_halfway_adds_nothing(workshop, tmp_path):
    from poix_atelier_plugin.services.toolbox import catalogue as cat

    gpkg, _ids = workshop
    tools = list(cat.read_catalogue(gpkg).values())
    changed = dom.Tool(tools[0].nom, tools[0].categorie, "Décrit autrement", "DDTM", "Toujours")
    path = tmp_path / "apporte.csv"
    path.write_bytes(dom.to_csv([changed, dom.Tool("Charte du PNR", "Études", "Guide", "PNR", "")]))
    before = dump(gpkg)
    refuse(gpkg, "outils", "UPDATE")  # the new tool is added first, then the update fails
    with pytest.raises(AtelierError, match="read-only"):
        cat.import_csv(gpkg, path)
    assert dump(gpkg) == before
    allow(gpkg, "outils", "UPDATE")
    report = cat.import_csv(gpkg, path)
    assert (report.added, report.updated) == (1, 1)
    names = {t.nom: t for t in cat.read_catalogue(gpkg).values()}
    assert "Charte du PNR" in names and names[changed.nom].description == "Décrit autrement"


def test_deleting_a_group_that_fails_on_the_last_table_deletes_nothing(workshop):
    from poix_atelier_plugin.services import groups
    from poix_atelier_plugin.services.toolbox.enjeux import enjeu_links, read_enjeux
    from poix_atelier_plugin.store import workspace

    gpkg, ids = workshop
    before = dump(gpkg)
    refuse(gpkg, "groupes", "DELETE")
    with pytest.raises(AtelierError, match="read-only"):
        groups.delete_group(gpkg, "Groupe 2")
    assert dump(gpkg) == before
    allow(gpkg, "groupes", "DELETE")
    counts = groups.delete_group(gpkg, "Groupe 2")
    assert counts["arrets"] == counts["observations"] == counts["sites_projet"] == 1
    assert counts["enjeux"] == 2 and counts["groupes"] == 1
    assert counts["enjeux_outils"] == 3  # the links of its enjeux: no dangling row
    assert [g.name for g in workspace.read_groups(gpkg)] == ["Groupe 1"]
    assert [link["enjeu_id"] for link in enjeu_links(gpkg)] == [ids["other"]]
    (other,) = read_enjeux(gpkg, "Groupe 1")
    assert other["site_id"] is None  # its site went with Groupe 2: emptied, as on a server
    assert dump(gpkg)["outils"] == before["outils"]


def test_saving_an_issue_dialog_whose_links_fail_creates_no_issue(workshop):
    from poix_atelier_plugin.gui.enjeu_dialog import EnjeuDialog
    from poix_atelier_plugin.services.toolbox.enjeux import enjeu_links, read_enjeux

    gpkg, _ids = workshop
    before = dump(gpkg)
    refuse(gpkg, "enjeux_outils", "INSERT")
    dialog = EnjeuDialog(gpkg, "Groupe 1")
    dialog.titre.setText("Liaison douce vers Wagnonville")
    dialog.search.setText("cerema")
    visible = [
        dialog.catalogue.item(i)
        for i in range(dialog.catalogue.count())
        if not dialog.catalogue.item(i).isHidden()
    ]
    visible[0].setSelected(True)
    dialog.add_button.click()
    dialog.buttons.button(dialog.buttons.Save).click()
    assert dialog.result() != dialog.Accepted  # stays open, says why
    assert "read-only" in dialog.message.text()
    assert dump(gpkg) == before  # no issue without its tools
    allow(gpkg, "enjeux_outils", "INSERT")
    dialog.buttons.button(dialog.buttons.Save).click()
    assert dialog.result() == dialog.Accepted
    (saved,) = [e for e in read_enjeux(gpkg, "Groupe 1") if e["titre"].startswith("Liaison")]
    assert [link["outil_id"] for link in enjeu_links(gpkg, saved["fid"])] == [_tool(gpkg, "Cerema")]


def test_changing_the_tools_of_an_issue_is_all_or_nothing(workshop):
    from poix_atelier_plugin.services.toolbox.enjeux import enjeu_links, set_enjeu_tools

    gpkg, ids = workshop
    before = dump(gpkg)
    refuse(gpkg, "enjeux_outils", "INSERT")  # the EPF link is deleted, the comment changed first
    choices = {_tool(gpkg, "Cerema"): "Étude hydraulique", _tool(gpkg, "Plan guide"): ""}
    with pytest.raises(AtelierError, match="read-only"):
        set_enjeu_tools(gpkg, ids["friche"], choices)
    assert dump(gpkg) == before
    allow(gpkg, "enjeux_outils", "INSERT")
    set_enjeu_tools(gpkg, ids["friche"], choices)
    links = {link["outil_id"]: link["commentaire"] for link in enjeu_links(gpkg, ids["friche"])}
    assert links == {_tool(gpkg, "Cerema"): "Étude hydraulique", _tool(gpkg, "Plan guide"): ""}


def test_project_layers_see_the_write_at_once(workshop, qgis_new_project):
    from qgis.core import QgsProject

    from poix_atelier_plugin.services.toolbox import catalogue as cat
    from poix_atelier_plugin.store.workspace import open_layer

    gpkg, _ids = workshop
    project = QgsProject.instance()
    links = open_layer(gpkg, "enjeux_outils")
    tools = open_layer(gpkg, "outils")
    project.addMapLayers([links, tools])
    assert (links.featureCount(), len(list(links.getFeatures()))) == (4, 4)
    total = tools.featureCount()
    cat.remove_tool(gpkg, _tool(gpkg, "Cerema"), confirm=True)
    assert (links.featureCount(), len(list(links.getFeatures()))) == (1, 1)
    assert tools.featureCount() == total - 1


def test_a_write_waits_for_another_program_holding_the_file(workshop):
    """Another program writing the GeoPackage for a moment: the write waits, then succeeds."""
    from poix_atelier_plugin.services.toolbox.enjeux import delete_enjeu, enjeu_links

    gpkg, ids = workshop
    other = sqlite3.connect(gpkg, check_same_thread=False, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE groupes SET conseiller = 'Architecte CAUE' WHERE groupe = 'Groupe 1'")
    timer = threading.Timer(1.0, lambda: other.execute("COMMIT"))
    timer.start()
    start = time.monotonic()
    try:
        assert delete_enjeu(gpkg, ids["eau"]) == 1
    finally:
        timer.join()
        other.close()
    assert time.monotonic() - start >= 0.9
    assert ids["eau"] not in {link["enjeu_id"] for link in enjeu_links(gpkg)}
    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    assert con.execute("SELECT conseiller FROM groupes WHERE groupe = 'Groupe 1'").fetchone() == (
        "Architecte CAUE",
    )  # the other program's write is there too
    con.close()
