# SPDX-License-Identifier: GPL-2.0-or-later
"""The boîte à outils: shipped catalogue, live edits, CSV round trip, bad files."""

from __future__ import annotations

from collections import Counter

import pytest
from helpers_enjeux import add_row, new_workspace

from poix_atelier_plugin.domain import catalogue as dom
from poix_atelier_plugin.domain.errors import AtelierError

pytestmark = pytest.mark.usefixtures("qgis_app")


def _catalogue(gpkg):
    from poix_atelier_plugin.services.toolbox.catalogue import read_catalogue

    return read_catalogue(gpkg)


def test_shipped_catalogue_loads_25_tools_in_8_categories(tmp_path):
    from poix_atelier_plugin.services.toolbox.catalogue import (
        ensure_catalogue,
        shipped_catalogue_path,
    )

    raw = shipped_catalogue_path().read_text(encoding="utf-8")
    assert raw.splitlines()[0] == "nom,categorie,description,porteur,quand"
    gpkg = new_workspace(tmp_path)
    tools = _catalogue(gpkg)
    assert len(tools) >= 25
    cats = Counter(t.categorie for t in tools.values())
    assert len(cats) >= 8, cats
    assert all(t.nom and t.description and t.porteur and t.quand for t in tools.values())
    assert not any(t.ajoute_par for t in tools.values())
    names = {t.nom for t in tools.values()}
    assert {
        "Orientation d'aménagement et de programmation (OAP)",
        "Petites villes de demain (PVD)",
        "Fonds vert – recyclage des friches",
    } <= names
    # idempotent: a second call adds nothing
    assert ensure_catalogue(gpkg) == 0
    assert len(_catalogue(gpkg)) == len(tools)


def test_add_edit_remove_survive_reopening(tmp_path):
    from poix_atelier_plugin.services.toolbox import catalogue as cat

    gpkg = new_workspace(tmp_path)
    before = len(_catalogue(gpkg))
    fid = cat.add_tool(
        gpkg, dom.Tool("  Charte   paysagère du PNR ", "Études", "Guide", "PNR", "Toujours")
    )
    with pytest.raises(AtelierError, match="already has a tool"):
        cat.add_tool(gpkg, dom.Tool("charte paysagère du pnr"))
    with pytest.raises(AtelierError, match="needs a name"):
        cat.add_tool(gpkg, dom.Tool("   "))
    cat.update_tool(
        gpkg,
        fid,
        dom.Tool(
            "Charte paysagère du PNR",
            "Ingénierie et conseil",
            "Cahier de recommandations",
            "PNR de l'Avesnois",
            "En amont",
        ),
    )
    victim = next(f for f, t in _catalogue(gpkg).items() if t.nom == "Réunion publique")
    assert cat.remove_tool(gpkg, victim).removed
    # reopen: a brand new read of the file
    tools = _catalogue(gpkg)
    assert len(tools) == before
    assert tools[fid].nom == "Charte paysagère du PNR"
    assert tools[fid].categorie == "Ingénierie et conseil"
    assert tools[fid].ajoute_par == dom.PARTICIPANT
    assert "Réunion publique" not in {t.nom for t in tools.values()}


def test_csv_export_import_round_trip(tmp_path):
    from poix_atelier_plugin.services.toolbox import catalogue as cat

    one = tmp_path / "one"
    one.mkdir()
    two = tmp_path / "two"
    two.mkdir()
    gpkg = new_workspace(one)
    cat.add_tool(
        gpkg,
        dom.Tool(
            "Atelier « habiter le bourg »", "Concertation", 'Dit "oui", non', "Commune", "Été"
        ),
        ajoute_par="Groupe 2",
    )
    csv_path = tmp_path / "mon_catalogue.csv"
    assert cat.export_csv(gpkg, csv_path) == len(_catalogue(gpkg))
    # into the same dossier: nothing changes
    report = cat.import_csv(gpkg, csv_path)
    assert (report.added, report.updated) == (0, 0)
    # into a dossier whose catalogue was emptied
    other = new_workspace(two)
    for fid in list(_catalogue(other)):
        cat.remove_tool(other, fid)
    report = cat.import_csv(other, csv_path)
    assert report.added == len(_catalogue(gpkg))
    assert sorted(t.as_row() for t in _catalogue(other).values()) == sorted(
        t.as_row() for t in _catalogue(gpkg).values()
    )


BAD_FILES = {
    "wrong_header": (b"name,category,text\nPLU,Planification,x\n", "doit nommer les colonnes"),
    "duplicates": (
        b"nom,categorie,description,porteur,quand\nPLU,P,a,b,c\nZAC,O,a,b,c\n plu ,P,a,b,c\n",
        "le même outil plusieurs fois",
    ),
    "empty_name": (
        b"nom,categorie,description,porteur,quand\nPLU,P,a,b,c\n,P,a,b,c\n",
        "Ligne 3 : l'outil n'a pas de nom",
    ),
    "empty": (b"", "Le fichier est vide"),
    "header_only": (b"nom,categorie,description,porteur,quand\n", "aucun outil"),
    "binary": (b"PK\x03\x04\x00\x00\x00binary", "pas un fichier texte"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_csv_gives_clear_message_and_loses_nothing(tmp_path, case):
    from poix_atelier_plugin.infra.i18n import error_text
    from poix_atelier_plugin.services.toolbox import catalogue as cat

    data, message = BAD_FILES[case]
    gpkg = new_workspace(tmp_path)
    before = _catalogue(gpkg)
    path = tmp_path / f"{case}.csv"
    path.write_bytes(data)
    with pytest.raises(AtelierError) as err:
        cat.import_csv(gpkg, path)
    assert message in error_text(err.value)
    assert _catalogue(gpkg) == before


def test_semicolon_latin1_bom_files_are_read(tmp_path):
    """French spreadsheets: ';', Windows Latin-1, UTF-8 BOM are handled, with a note."""
    from poix_atelier_plugin.services.toolbox import catalogue as cat

    gpkg = new_workspace(tmp_path)
    before = _catalogue(gpkg)
    header = "nom;categorie;description;porteur;quand\n"
    semicolon = (
        header
        + "Étude de mobilité;Études;Plan de circulation, stationnement;Commune;Avant travaux\n"
    )
    path = tmp_path / "excel.csv"
    path.write_bytes(semicolon.encode("cp1252"))
    report = cat.import_csv(gpkg, path)
    assert report.added == 1
    assert any("semicolons" in n for n in report.notes)
    assert any("Latin-1" in n for n in report.notes)
    tools = _catalogue(gpkg)
    new = [t for f, t in tools.items() if f not in before]
    assert new[0].nom == "Étude de mobilité"
    assert new[0].description == "Plan de circulation, stationnement"
    # BOM + UTF-8 + a known tool updated in place (same name, other case)
    bom = (
        "\ufeffnom,categorie,description,porteur,quand\nréunion PUBLIQUE,,Nouvelle description,,\n"
    )
    path.write_bytes(bom.encode("utf-8"))
    report = cat.import_csv(gpkg, path)
    assert (report.added, report.updated, report.notes) == (0, 1, [])
    reunion = [t for t in _catalogue(gpkg).values() if t.nom == "Réunion publique"]
    assert reunion[0].description == "Nouvelle description"
    assert reunion[0].categorie == "Concertation"  # empty cells keep what was there
    assert len(_catalogue(gpkg)) == len(before) + 1


def test_remove_tool_in_use_asks_first_and_leaves_no_dangling_link(tmp_path):
    from poix_atelier_plugin.services.toolbox import catalogue as cat
    from poix_atelier_plugin.store.workspace import open_layer

    gpkg = new_workspace(tmp_path)
    tools = _catalogue(gpkg)
    epf = next(f for f, t in tools.items() if t.nom.startswith("Établissement public foncier"))
    enjeu = add_row(
        gpkg,
        "enjeux",
        {"groupe": "Groupe 1", "titre": "Maîtriser la friche", "niveau": "imperatif"},
    )
    add_row(gpkg, "enjeux_outils", {"enjeu_id": enjeu, "outil_id": epf, "commentaire": "Portage"})
    outcome = cat.remove_tool(gpkg, epf)
    assert not outcome.removed
    assert [(link.enjeu, link.groupe, link.commentaire) for link in outcome.links] == [
        ("Maîtriser la friche", "Groupe 1", "Portage")
    ]
    assert epf in _catalogue(gpkg)  # nothing deleted without confirmation
    outcome = cat.remove_tool(gpkg, epf, confirm=True)
    assert outcome.removed
    assert epf not in _catalogue(gpkg)
    known = set(_catalogue(gpkg))
    links = list(open_layer(gpkg, "enjeux_outils").getFeatures())
    assert all(f["outil_id"] in known for f in links)
    assert not links
