# SPDX-License-Identifier: GPL-2.0-or-later
"""Boards exported through atelier:export_boards, checked in the PDF itself.

A hand-made dossier (tests/helpers_boards.py) with three groups; every board
of every group is exported once (module fixture) and read back with pdfinfo
and pdftotext; the PNG size is checked against paper mm / 25.4 * dpi.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers_boards import T, flat, make_dossier, page_count, page_size_pt, pdftext

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")

GROUPS = ("Groupe 1", "Groupe 2", "Groupe 3")
A3_PT = (1190.55, 841.89)
A0_PT = (3370.39, 2383.94)


def _run(params: dict) -> dict:
    import processing

    return processing.run("atelier:export_boards", params)


@pytest.fixture(scope="module")
def dossier(tmp_path_factory, qgis_app):
    return make_dossier(tmp_path_factory.mktemp("boards") / "dossier", GROUPS, n_stops=6)


@pytest.fixture(scope="module")
def exported(dossier, tmp_path_factory, atelier_provider):
    out = tmp_path_factory.mktemp("boards_out")
    result = _run(
        {"DOSSIER": str(dossier), "PAPER": 1, "FORMAT": 0, "DPI": 150, "OUTPUT_FOLDER": str(out)}
    )
    return out, [Path(p) for p in result["FILES"]]


def test_every_board_of_every_group_is_written(exported):
    out, files = exported
    names = {p.name for p in files}
    for kind in ("terrain", "diagnostic", "restitution", "atlas", "proposition"):
        for group in ("Groupe_1", "Groupe_2", "Groupe_3"):
            assert f"{kind}_{group}.pdf" in names
    assert "synthese.pdf" in names
    assert "planches_Poix_du_Nord.pdf" in names
    assert all(p.parent == out and p.is_file() for p in files)
    assert not [p for p in out.iterdir() if p.name.startswith(".atelier-boards")]


def test_pages_are_a3_landscape_and_counted(exported):
    out, files = exported
    for path in files:
        w, h = page_size_pt(path)
        assert (w, h) == pytest.approx(A3_PT, abs=1.0), path.name
    assert page_count(out / "atlas_Groupe_2.pdf") == 6  # one page per stop
    assert page_count(out / "terrain_Groupe_1.pdf") == 1
    combined = page_count(out / "planches_Poix_du_Nord.pdf")
    assert combined == sum(page_count(p) for p in files if not p.name.startswith("planches"))


@pytest.mark.parametrize("group", GROUPS)
def test_field_map_text(exported, group):
    out, _ = exported
    text = flat(pdftext(out / f"terrain_{group.replace(' ', '_')}.pdf"))
    assert "Poix-du-Nord" in text
    assert group in text
    assert "Claire Martin" in text or "Hugo Lefebvre" in text or "Inès Dupont" in text
    for n in range(1, 7):
        assert f"Arrêt {n} « {group} »" in text  # every stop name, in the stop list
    table = pdftext(out / f"terrain_{group.replace(' ', '_')}.pdf", layout=True)
    numbers = {
        line.split()[0] for line in table.splitlines() if line.split() and line.split()[0].isdigit()
    }
    assert {str(n) for n in range(1, 7)} <= numbers | set(text.split())
    assert "10:00" in text  # planned times from the visit start
    assert "IGN" in text  # source credits
    assert T("Notes") in text


def test_legend_and_credits(exported):
    out, _ = exported
    text = flat(pdftext(out / "terrain_Groupe_1.pdf"))
    for entry in ("Legend", "Stops", "Route", "Sequences", "Commune"):
        assert T(entry) in text
    assert "IGN – Admin Express COG" in text and "BD TOPO" in text
    diag = flat(pdftext(out / "diagnostic_Groupe_1.pdf"))
    for entry in (
        "Atout",
        "Faiblesse",
        "Opportunité",
        "Menace",
        T("Candidate sites"),
        "Proposé par la commune",
    ):
        assert entry in diag
    assert "Foncier mutable en cœur de bourg" in diag


def test_restitution_and_proposal_show_enjeux_and_tools(exported):
    out, _ = exported
    for name in ("restitution_Groupe_3.pdf", "proposition_Groupe_3.pdf"):
        text = flat(pdftext(out / name))
        assert "Reconvertir la friche (Groupe 3)" in text
        assert "Valoriser les berges du ruisseau Saint-Georges" in text
        assert "Impératif" in text and "Important" in text and "À suivre" in text
        assert "Inès Dupont" in text
    text = flat(pdftext(out / "proposition_Groupe_3.pdf"))
    assert "Parce que" in text  # why each tool was chosen
    resti = flat(pdftext(out / "restitution_Groupe_3.pdf"))
    caption = T("Stop {n} \u2014 {name}").format(n=1, name="Arrêt 1")
    assert caption in resti  # photo captions carry the stop number
    assert (
        T("Photo not found: {path}").format(path="DCIM/g3/photo_3.jpg") in resti
    )  # missing file said, export went on


def test_atlas_pages_name_each_stop_and_photos(exported):
    out, _ = exported
    path = out / "atlas_Groupe_1.pdf"
    for n in range(1, 7):
        text = flat(pdftext(path, n, n))
        assert f"{T('Stop')} {n} — Arrêt {n} « Groupe 1 »" in text
        assert "Claire Martin" in text
    assert "Vue 1" in flat(pdftext(path, 1, 1))
    assert T("Photo not found: {path}").split("{")[0] in flat(pdftext(path, 3, 3))
    assert T("No photo for this stop.") in flat(pdftext(path, 5, 5))


def test_synthesis_board_counts_groups(exported):
    out, _ = exported
    text = flat(pdftext(out / "synthese.pdf"))
    assert "Groupe 1, Groupe 2, Groupe 3" in text
    assert f"3 {T('groups')}" in text and f"2 {T('groups')}" in text
    assert T("All groups") in text
    for group in GROUPS:
        assert group in text


def test_layouts_are_added_to_the_project(exported):
    from qgis.core import QgsProject

    names = {lay.name() for lay in QgsProject.instance().layoutManager().layouts()}
    assert f"{T('Field map')} — Groupe 1" in names
    assert f"{T('Atlas of stops')} — Groupe 3" in names
    assert T("Cross-group synthesis") in names


def test_a0_portrait_and_png_size(dossier, tmp_path, atelier_provider):
    out = tmp_path / "a0"
    result = _run(
        {
            "DOSSIER": str(dossier),
            "GROUPS": "Groupe 2",
            "BOARDS": [0],
            "PAPER": 4,
            "ORIENTATION": 1,
            "FORMAT": 0,
            "DPI": 72,
            "OUTPUT_FOLDER": str(out),
        }
    )
    (path,) = [Path(p) for p in result["FILES"]]
    w, h = page_size_pt(path)
    assert (w, h) == pytest.approx((A0_PT[1], A0_PT[0]), abs=1.5)
    assert "Groupe 2" in flat(pdftext(path))
    png = tmp_path / "png"
    result = _run(
        {
            "DOSSIER": str(dossier),
            "GROUPS": "Groupe 2",
            "BOARDS": [0],
            "PAPER": 1,
            "FORMAT": 1,
            "DPI": 100,
            "OUTPUT_FOLDER": str(png),
        }
    )
    (image,) = [Path(p) for p in result["FILES"]]
    from qgis.PyQt.QtGui import QImage

    from poix_atelier_plugin.boards.paper import pixel_size

    size = QImage(str(image)).size()
    assert (size.width(), size.height()) == pixel_size("A3", "landscape", 100) == (1653, 1169)


def test_read_only_folder_is_refused_and_left_clean(dossier, tmp_path, atelier_provider):
    import os

    from qgis.core import QgsProcessingException

    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders; covered by the engine test")
    target = tmp_path / "ro"
    target.mkdir()
    target.chmod(0o555)
    try:
        with pytest.raises(QgsProcessingException, match="Cannot write"):
            _run({"DOSSIER": str(dossier), "BOARDS": [0], "OUTPUT_FOLDER": str(target)})
        assert list(target.iterdir()) == []
    finally:
        target.chmod(0o755)
