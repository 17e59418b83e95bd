# SPDX-License-Identifier: GPL-2.0-or-later
"""Boards on awkward input: markup and quotes in names, no route, 60 stops, bad folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers_boards import T, _context, flat, page_count, pdftext, populate_group

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")

MARKUP = "<b>Équipe</b>"
LONG = 'L\'équipe "Nord" — un nom de groupe très long pour voir si le titre passe bien'
NO_ROUTE = "Sans parcours"
SIXTY = "Soixante"
ADVISER = "Zoé d'Artois <i>conseil</i> [% 1+1 %]"


@pytest.fixture(scope="module")
def dossier(tmp_path_factory, qgis_app):
    from poix_atelier_plugin.domain.groups import GroupSpec, normalise_groups
    from poix_atelier_plugin.store import workspace

    folder = tmp_path_factory.mktemp("edge")
    gpkg = folder / "atelier_59464.gpkg"
    _context(gpkg)
    names = [MARKUP, LONG, NO_ROUTE, SIXTY]
    workspace.create_workspace(
        gpkg, normalise_groups([GroupSpec(n, adviser=ADVISER) for n in names])
    )
    populate_group(gpkg, MARKUP, 1, 5)
    populate_group(gpkg, LONG, 2, 5)
    populate_group(gpkg, NO_ROUTE, 3, 4, route=False, photos=False)
    populate_group(gpkg, SIXTY, 4, 60)
    return gpkg


def _export(dossier, out, **kw):
    from qgis.core import QgsProject

    from poix_atelier_plugin.boards import BoardOptions
    from poix_atelier_plugin.boards.engine import export_boards

    feedback = kw.pop("feedback", None)
    options = BoardOptions(dpi=kw.pop("dpi", 72), **kw)
    return [
        Path(p)
        for p in export_boards(
            out, options, dossier=str(dossier), project=QgsProject(), feedback=feedback
        )
    ]


def test_markup_and_expressions_print_as_written(dossier, tmp_path):
    files = _export(dossier, tmp_path, groups=[MARKUP], boards=["terrain", "restitution"])
    for path in files:
        text = flat(pdftext(path))
        assert MARKUP in text, path.name
        assert "<i>conseil</i> [% 1+1 %]" in text  # not evaluated, not interpreted
    names = {p.name for p in files}
    assert "terrain_b_Equipe_b.pdf" in names  # a safe file name


def test_long_name_with_quotes(dossier, tmp_path):
    (path,) = _export(dossier, tmp_path, groups=[LONG], boards=["terrain"])
    text = flat(pdftext(path))
    assert LONG in text
    assert "Arrêt 5 « " + LONG + " »" in text


def test_group_without_route(dossier, tmp_path):
    files = _export(dossier, tmp_path, groups=[NO_ROUTE], boards=["terrain", "atlas"])
    terrain = flat(pdftext(tmp_path / "terrain_Sans_parcours.pdf"))
    assert T("No route drawn for this group yet.") in terrain
    for n in range(1, 5):
        assert f"Arrêt {n} « {NO_ROUTE} »" in terrain
    assert page_count(tmp_path / "atlas_Sans_parcours.pdf") == 4
    assert len(files) == 3  # two boards + the combined file


def test_sixty_stops_flow_onto_more_pages(dossier, tmp_path):
    _export(dossier, tmp_path, groups=[SIXTY], boards=["terrain", "atlas"])
    terrain = tmp_path / "terrain_Soixante.pdf"
    pages = page_count(terrain)
    assert pages >= 2
    text = flat(pdftext(terrain))
    for n in range(1, 61):
        assert f"Arrêt {n} « Soixante »" in text
    assert f"{T('Field map')} {T('(continued)')}" in flat(pdftext(terrain, 2, 2))
    assert f"{T('Page')} 2 / {pages}" in flat(pdftext(terrain, 2, 2))
    atlas = tmp_path / "atlas_Soixante.pdf"
    assert page_count(atlas) == 60
    assert f"{T('Stop')} 60 — Arrêt 60 « Soixante »" in flat(pdftext(atlas, 60, 60))


def test_unwritable_output_is_refused_cleanly(dossier, tmp_path, monkeypatch):
    from poix_atelier_plugin.domain.errors import AtelierError

    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    with pytest.raises(AtelierError, match="Cannot write into the folder"):
        _export(dossier, blocker / "boards", boards=["terrain"])
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    target = tmp_path / "ro"
    target.mkdir()
    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    with pytest.raises(AtelierError, match="Permission denied"):
        _export(dossier, target, boards=["terrain"])
    assert list(target.iterdir()) == []


def test_failure_midway_leaves_nothing_half_written(dossier, tmp_path, monkeypatch):
    from poix_atelier_plugin.boards import engine
    from poix_atelier_plugin.domain.errors import AtelierError

    real = engine.export_layout
    calls = []

    def flaky(layout, folder, stem, options, feedback=None):
        calls.append(stem)
        if len(calls) == 2:
            raise AtelierError("disk full")
        return real(layout, folder, stem, options, feedback)

    monkeypatch.setattr(engine, "export_layout", flaky)
    (tmp_path / "old.txt").write_text("kept")
    with pytest.raises(AtelierError, match="disk full"):
        _export(dossier, tmp_path, groups=[MARKUP], boards=["terrain", "diagnostic"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.txt"]


def test_cancel_writes_nothing(dossier, tmp_path):
    from qgis.core import QgsFeedback

    from poix_atelier_plugin.domain.errors import AtelierError

    feedback = QgsFeedback()
    feedback.progressChanged.connect(lambda p: feedback.cancel() if p > 0 else None)
    with pytest.raises(AtelierError, match="cancelled"):
        _export(
            dossier, tmp_path, groups=[MARKUP], boards=["terrain", "diagnostic"], feedback=feedback
        )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "kw, message",
    [
        ({"paper": "B5"}, "Unknown paper"),
        ({"orientation": "diagonal"}, "Unknown orientation"),
        ({"fmt": "svg"}, "Unknown format"),
        ({"boards": ["poster"]}, "Unknown board"),
        ({"groups": ["Nobody"]}, "does not exist"),
        ({"dpi": 5000}, "resolution"),
    ],
)
def test_bad_options_are_explained(dossier, tmp_path, kw, message):
    from poix_atelier_plugin.domain.errors import AtelierError

    with pytest.raises(AtelierError, match=message):
        _export(dossier, tmp_path / "x", **kw)
    assert not (tmp_path / "x").exists() or list((tmp_path / "x").iterdir()) == []


def test_missing_dossier(tmp_path, qgis_app):
    from poix_atelier_plugin.domain.errors import AtelierError

    with pytest.raises(AtelierError, match="does not exist"):
        _export(tmp_path / "nothing.gpkg", tmp_path / "x")


def test_png_pages_and_atlas_images(dossier, tmp_path):
    from qgis.PyQt.QtGui import QImage

    from poix_atelier_plugin.boards.paper import pixel_size

    files = _export(
        dossier, tmp_path, groups=[SIXTY], boards=["terrain", "atlas"], fmt="png", dpi=36
    )
    names = sorted(p.name for p in files)
    assert "terrain_Soixante.png" in names and "terrain_Soixante_2.png" in names
    atlas = [n for n in names if n.startswith("atlas_Soixante_")]
    assert len(atlas) == 60 and "atlas_Soixante_060.png" in atlas
    assert not any(n.endswith(".pdf") for n in names)  # no combined file for images
    for path in files:
        size = QImage(str(path)).size()
        assert (size.width(), size.height()) == pixel_size("A3", "landscape", 36), path.name


def test_symbols_grow_with_the_sheet_and_copies_do_not_pile_up(dossier, tmp_path):
    from qgis.core import QgsProject

    from poix_atelier_plugin.boards import BoardOptions
    from poix_atelier_plugin.boards.base import PROP_LAYOUT
    from poix_atelier_plugin.boards.engine import export_boards

    project = QgsProject()

    def scaled():
        return [
            lyr
            for lyr in project.mapLayers().values()
            if lyr.customProperty(PROP_LAYOUT) == f"{T('Field map')} — {MARKUP}"
        ]

    for run in range(2):
        options = BoardOptions(boards=["terrain"], groups=[MARKUP], paper="A1", dpi=36)
        export_boards(tmp_path / str(run), options, dossier=str(dossier), project=project)
        copies = scaled()
        assert copies and all(lyr.renderer().referenceScale() > 0 for lyr in copies)
        layout = project.layoutManager().layoutByName(f"{T('Field map')} — {MARKUP}")
        used = {lyr.id() for lyr in layout.itemById("map").layers()}
        assert used == {lyr.id() for lyr in copies}  # the previous export's copies are gone
    export_boards(
        tmp_path / "a3",
        BoardOptions(boards=["terrain"], groups=[MARKUP], dpi=36),
        dossier=str(dossier),
        project=project,
    )
    assert scaled() == []  # A3 is the design size: the group's own layers are used
