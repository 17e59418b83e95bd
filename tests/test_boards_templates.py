# SPDX-License-Identifier: GPL-2.0-or-later
"""The layout templates drive the boards.

Every shipped .qpt loads in QGIS and holds the items the engine fills; an
agency's copy of the templates, retouched as in the layout designer, changes
the exported PDF (title moved and enlarged, read back with pdftotext -bbox).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from helpers_boards import make_dossier

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
MM = 72 / 25.4
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<')


def _templates():
    from poix_atelier_plugin.boards.templates import BOARD_TYPES

    for kind in BOARD_TYPES:
        for orientation in ("landscape", "portrait"):
            for continuation in (False, True) if kind != "atlas" else (False,):
                yield kind, orientation, continuation


def test_every_shipped_template_loads_with_the_ids_the_engine_fills(qgis_app):
    from qgis.core import QgsPrintLayout, QgsProject, QgsUnitTypes

    from poix_atelier_plugin.boards.paper import page_size
    from poix_atelier_plugin.boards.templates import (
        check_ids,
        item_ids,
        load_template,
        template_file,
    )

    project = QgsProject()  # a layout keeps a plain pointer to its project
    checked = 0
    for kind, orientation, continuation in _templates():
        path = template_file(kind, orientation, continuation)
        assert path.is_file(), path
        layout = QgsPrintLayout(project)
        items = load_template(layout, path)  # loadFromTemplate, raises when QGIS cannot
        assert items, path.name
        check_ids(layout, kind, path, continuation)
        for item_id in item_ids(kind, continuation):
            assert layout.itemById(item_id) is not None, (path.name, item_id)
        page = layout.pageCollection().page(0).pageSize()
        assert page.units() == QgsUnitTypes.LayoutUnit.LayoutMillimeters
        assert (page.width(), page.height()) == pytest.approx(page_size("A3", orientation))
        checked += 1
    assert checked == 22


def test_a_template_without_an_item_the_engine_fills_is_refused(qgis_app, tmp_path):
    from qgis.core import QgsPrintLayout, QgsProject

    from poix_atelier_plugin.boards.templates import check_ids, load_template, template_file
    from poix_atelier_plugin.domain.errors import AtelierError

    text = template_file("diagnostic", "landscape").read_text(encoding="utf-8")
    broken = tmp_path / "board_diagnostic_landscape.qpt"
    broken.write_text(text.replace('id="legend"', 'id="ma_legende"'), encoding="utf-8")
    project = QgsProject()  # a layout keeps a plain pointer to its project
    layout = QgsPrintLayout(project)
    load_template(layout, broken)
    with pytest.raises(AtelierError, match="legend"):
        check_ids(layout, "diagnostic", broken)
    (tmp_path / "bad.qpt").write_text("<Layout", encoding="utf-8")
    with pytest.raises(AtelierError, match="cannot be read"):
        load_template(QgsPrintLayout(project), tmp_path / "bad.qpt")


def _title_box(pdf: Path) -> tuple[float, float, float]:
    """Left, top and height (mm) of the board's title: its biggest "Poix-du-Nord"."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = [
        (float(x0) / MM, float(y0) / MM, (float(y1) - float(y0)) / MM)
        for x0, y0, _, y1, text in WORD.findall(out)
        if text == "Poix-du-Nord"
    ]
    return max(words, key=lambda w: w[2])


def _retouch(path: Path) -> None:
    """What an agency does in the layout designer: the title moved and enlarged."""
    from qgis.core import QgsLayoutPoint, QgsPrintLayout, QgsProject, QgsReadWriteContext

    from poix_atelier_plugin import compat
    from poix_atelier_plugin.boards.templates import load_template

    project = QgsProject()  # a layout keeps a plain pointer to its project
    layout = QgsPrintLayout(project)
    load_template(layout, path)
    title = layout.itemById("title")
    title.attemptMove(QgsLayoutPoint(120, 60, compat.LAYOUT_MILLIMETERS))
    if hasattr(title, "textFormat"):  # QGIS >= 3.24
        fmt = title.textFormat()
        fmt.setSize(fmt.size() * 2)
        title.setTextFormat(fmt)
    else:
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        title.setFont(font)
    assert layout.saveAsTemplate(str(path), QgsReadWriteContext())


def test_an_agency_template_changes_the_printed_board(qgis_app, tmp_path):
    from qgis.core import QgsProject

    from poix_atelier_plugin.boards import BoardOptions
    from poix_atelier_plugin.boards.engine import export_boards
    from poix_atelier_plugin.paths import template_path

    dossier = make_dossier(tmp_path / "dossier", ("Groupe 1",), n_stops=3)
    own = tmp_path / "modeles"
    shutil.copytree(template_path(""), own)
    _retouch(own / "board_terrain_landscape.qpt")

    def export(folder: str, **kw) -> Path:
        options = BoardOptions(boards=["terrain"], dpi=72, combined=False, **kw)
        (path,) = export_boards(
            tmp_path / folder, options, dossier=str(dossier), project=QgsProject()
        )
        return Path(path)

    x, y, h = _title_box(export("shipped"))
    assert (x, y) == pytest.approx((10, 8), abs=2)  # the shipped template's title block
    x2, y2, h2 = _title_box(export("own", templates=str(own)))
    assert (x2, y2) == pytest.approx((120, 60), abs=2)
    assert h2 == pytest.approx(2 * h, rel=0.1)
    # on A4 the agency's design is scaled like the shipped one: position and font
    x4, y4, h4 = _title_box(export("own_a4", templates=str(own), paper="A4"))
    k = 297 / 420
    assert (x4, y4) == pytest.approx((120 * k, 60 * k), abs=2)
    assert h4 == pytest.approx(h2 * k, rel=0.1)
    # a board the agency did not retouch comes from the plugin's template
    (own / "board_terrain_suite_landscape.qpt").unlink()
    assert export("fallback", templates=str(own)).is_file()
