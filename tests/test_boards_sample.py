# SPDX-License-Identifier: GPL-2.0-or-later
"""Every board of the committed sample's three groups, read back from the PDFs.

The sample (sample_project.qgz + sample/) is copied into a temporary folder
(never modified); expected names come from the sample's own GeoPackage, so
the test follows the sample when it is rebuilt.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers_boards import T, flat, page_count, page_size_pt, pdftext
from helpers_data import need

REPO = Path(__file__).resolve().parent.parent
A3_PT = (1190.55, 841.89)
A0_PT = (3370.39, 2383.94)

pytestmark = [
    pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing"),
]


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    need(REPO / "sample_project.qgz", "the sample project (scripts/make_sample.py)")
    target = tmp_path_factory.mktemp("sample")
    shutil.copytree(REPO / "sample", target / "sample")
    shutil.copy2(REPO / "sample_project.qgz", target / "sample_project.qgz")
    gpkg = sorted((target / "sample").glob("atelier_*.gpkg"))[0]
    return target / "sample_project.qgz", gpkg


@pytest.fixture(scope="module")
def boards(sample, tmp_path_factory, atelier_provider):
    import processing

    project, gpkg = sample
    out = tmp_path_factory.mktemp("sample_boards")
    result = processing.run(
        "atelier:export_boards",
        {
            "PROJECT": str(project),
            "DOSSIER": str(gpkg),
            "PAPER": 1,
            "FORMAT": 0,
            "DPI": 100,
            "OUTPUT_FOLDER": str(out),
        },
    )
    return out, [Path(p) for p in result["FILES"]]


def _groups(gpkg):
    from poix_atelier_plugin.store import workspace

    return workspace.read_groups(gpkg)


def _rows(gpkg, table, groupe):
    from poix_atelier_plugin.store.tables import open_table

    return list(open_table(str(gpkg), table, groupe).getFeatures())


def test_three_groups_every_board(sample, boards):
    _, gpkg = sample
    out, files = boards
    groups = _groups(gpkg)
    assert len(groups) >= 3
    names = {p.name for p in files}
    for kind in ("terrain", "diagnostic", "restitution", "atlas", "proposition"):
        for spec in groups:
            assert f"{kind}_{spec.name.replace(' ', '_')}.pdf" in names
    assert {"synthese.pdf", "planches_Poix_du_Nord.pdf"} <= names
    for path in files:
        assert page_size_pt(path) == pytest.approx(A3_PT, abs=1.0), path.name


def test_field_maps_name_every_stop(sample, boards):
    _, gpkg = sample
    out, _ = boards
    for spec in _groups(gpkg):
        path = out / f"terrain_{spec.name.replace(' ', '_')}.pdf"
        text = flat(pdftext(path))
        assert "Poix-du-Nord" in text and spec.name in text
        if spec.adviser:
            assert spec.adviser in text
        stops = _rows(gpkg, "arrets", spec.name)
        assert stops
        for stop in stops:  # the stop list: number then name, in reading order
            assert f"{stop['ordre']} {flat(str(stop['nom']))}" in text
        for entry in ("Legend", "Stops", "Route", "Notes"):
            assert T(entry) in text
        assert "IGN" in text
        atlas = out / f"atlas_{spec.name.replace(' ', '_')}.pdf"
        assert page_count(atlas) == len(stops)


def test_enjeux_titles_on_restitution_and_proposal(sample, boards):
    _, gpkg = sample
    out, _ = boards
    for spec in _groups(gpkg):
        titles = [flat(str(f["titre"])) for f in _rows(gpkg, "enjeux", spec.name)]
        for kind in ("restitution", "proposition"):
            text = flat(pdftext(out / f"{kind}_{spec.name.replace(' ', '_')}.pdf"))
            for title in titles:
                assert title in text, (kind, title)


def test_diagnostic_legend_and_credits(sample, boards):
    _, gpkg = sample
    out, _ = boards
    spec = _groups(gpkg)[0]
    text = flat(pdftext(out / f"diagnostic_{spec.name.replace(' ', '_')}.pdf"))
    sources = T("Sources: {sources}").split("{")[0].strip()
    for entry in ("Atout", "Faiblesse", T("Candidate sites"), sources, "IGN"):
        assert entry in text


def test_synthesis_shows_convergence(sample, boards):
    _, gpkg = sample
    out, _ = boards
    text = flat(pdftext(out / "synthese.pdf"))
    assert T("All groups") in text
    names = [g.name for g in _groups(gpkg)]
    assert ", ".join(names[:3]) in text  # the site every group marked


def test_a0_field_map(sample, tmp_path, atelier_provider):
    import processing

    _, gpkg = sample
    spec = _groups(gpkg)[0]
    result = processing.run(
        "atelier:export_boards",
        {
            "DOSSIER": str(gpkg),
            "GROUPS": spec.name,
            "BOARDS": [0],
            "PAPER": 4,
            "DPI": 72,
            "OUTPUT_FOLDER": str(tmp_path),
        },
    )
    (path,) = [Path(p) for p in result["FILES"]]
    assert page_size_pt(path) == pytest.approx(A0_PT, abs=1.5)
    assert spec.name in flat(pdftext(path))
