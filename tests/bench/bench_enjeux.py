# SPDX-License-Identifier: GPL-2.0-or-later
"""Benchmark: the boîte à outils and the proposal at workshop scale and beyond.

Times: copying the shipped catalogue into a dossier; importing a 2,000-tool
CSV (a DDTM's catalogue after years of workshops) and re-importing it
(nothing changes); exporting it; the proposal of a group with 60 enjeux and
5 tools each (read + escaped HTML); the sample diagnostic populate. Goal: each
step well under a second at workshop scale (46 tools, 5 enjeux per group).
Run: QT_QPA_PLATFORM=offscreen /usr/bin/python3 tests/bench/bench_enjeux.py
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tests"))


def timed(label: str, fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    print(f"{label:<58} {1000 * (time.perf_counter() - start):8.1f} ms")
    return result


def main() -> None:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from helpers_enjeux import new_workspace

    from poix_atelier_plugin.domain import catalogue as dom
    from poix_atelier_plugin.services.toolbox import catalogue as cat
    from poix_atelier_plugin.services.toolbox.enjeux import add_enjeu, link_tool, set_enjeu_tools
    from poix_atelier_plugin.services.toolbox.proposal import group_proposal_html

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        gpkg = timed("workspace + shipped catalogue (46 tools)", new_workspace, folder)
        big = [
            dom.Tool(f"Outil n°{i}", dom.CATEGORIES[i % 9], "Description " * 8, "DDTM", "Toujours")
            for i in range(2000)
        ]
        csv_path = folder / "grand.csv"
        csv_path.write_bytes(dom.to_csv(big))
        report = timed("import 2,000 tools (CSV → dossier)", cat.import_csv, gpkg, csv_path)
        assert report.added == 2000
        report = timed("re-import the same 2,000 tools (no change)", cat.import_csv, gpkg, csv_path)
        assert report.added == 0 and report.updated == 0
        count = timed("export 2,046 tools to CSV", cat.export_csv, gpkg, folder / "out.csv")
        assert count == 2046
        tools = list(cat.read_catalogue(gpkg))

        def enjeux():
            for i in range(60):
                fid = add_enjeu(gpkg, "Groupe 1", f"Enjeu {i}", ("imperatif", "important")[i % 2])
                picks = {tools[(7 * i + k) % len(tools)]: "Pourquoi " * 5 for k in range(5)}
                set_enjeu_tools(gpkg, fid, picks)

        timed("60 enjeux with 5 tools each, saved as the dialog does", enjeux)
        timed("one more tool linked to an enjeu (link_tool)", link_tool, gpkg, 1, tools[-1], "")
        html = timed("proposal of the group (read + HTML)", group_proposal_html, gpkg, "Groupe 1")
        print(f"{'   HTML size':<58} {len(html) / 1024:8.1f} KiB")
        spec = importlib.util.spec_from_file_location(
            "make_sample_diagnostic", REPO / "scripts" / "make_sample_diagnostic.py"
        )
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        small = folder / "sample"
        small.mkdir()
        sample = new_workspace(small, ("Groupe 1", "Groupe 2", "Groupe 3"))
        timed("sample diagnostic populate (3 groups)", module.populate, sample)
        timed("sample diagnostic populate again (idempotent)", module.populate, sample)
    app.exitQgis()


if __name__ == "__main__":
    main()
