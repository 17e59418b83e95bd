# SPDX-License-Identifier: GPL-2.0-or-later
"""The combined boards PDF is written by QGIS alone (no pdfunite, no pypdf).

QGIS on Windows has neither tool: the export runs here with both made
unreachable (PATH emptied, `pypdf` import blocked), and the combined file is
read back with pdfinfo called by its absolute path.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers_boards import flat, make_dossier

PDFINFO = shutil.which("pdfinfo")
PDFTOTEXT = shutil.which("pdftotext")
pytestmark = pytest.mark.skipif(
    PDFINFO is None or PDFTOTEXT is None, reason="poppler-utils missing"
)
GROUPS = ("Groupe A", "Groupe B")


def _pages(path: Path) -> int:
    out = subprocess.run([PDFINFO, str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def _text(path: Path, page: int) -> str:
    args = [PDFTOTEXT, "-f", str(page), "-l", str(page), str(path), "-"]
    return flat(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


@pytest.fixture()
def no_pdf_merger(monkeypatch, tmp_path):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.setitem(sys.modules, "pypdf", None)  # `import pypdf` raises ImportError
    monkeypatch.setitem(sys.modules, "PyPDF2", None)
    assert shutil.which("pdfunite") is None


def test_combined_pdf_without_pdfunite_or_pypdf(tmp_path, qgis_app, no_pdf_merger):
    from qgis.core import QgsProject

    from poix_atelier_plugin.boards import BoardOptions
    from poix_atelier_plugin.boards.engine import export_boards

    dossier = make_dossier(tmp_path / "dossier", GROUPS, n_stops=3)
    options = BoardOptions(boards=["terrain", "atlas", "synthese"], dpi=72, paper="A3")
    out = tmp_path / "out"
    files = [
        Path(p) for p in export_boards(out, options, dossier=str(dossier), project=QgsProject())
    ]
    combined = out / "planches_Poix_du_Nord.pdf"
    assert combined in files and combined.is_file()
    boards = [p for p in files if p != combined]
    # terrain + atlas for each group (atlas: one page per stop), and the synthesis
    assert len(boards) == 5
    assert _pages(combined) == sum(_pages(p) for p in boards) == 2 * (1 + 3) + 1
    # pages in board order, atlas pages each showing their own stop, text kept as text
    page = 1
    for board in boards:
        for i in range(1, _pages(board) + 1):
            assert _text(combined, page) == _text(board, i), (board.name, i)
            page += 1
    assert "Arrêt 3 « Groupe B »" in _text(combined, 8)
