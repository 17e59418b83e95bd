# SPDX-License-Identifier: GPL-2.0-or-later
"""The illustrative group work (scripts/make_sample_groups.py) and the committed sample."""

from __future__ import annotations

import importlib.util

from helpers_groups import REPO, build_dossier, sample_copy


def _script():
    path = REPO / "scripts" / "make_sample_groups.py"
    spec = importlib.util.spec_from_file_location("make_sample_groups", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _counts(gpkg):
    from poix_atelier_plugin.store import workspace

    return {
        t: sum(1 for _ in workspace.open_layer(gpkg, t).getFeatures())
        for t in ("parcours", "arrets", "sequences", "hypotheses", "sites_projet")
    }


def test_populate_is_idempotent_and_numbers_stops(tmp_path, qgis_app):
    from poix_atelier_plugin.store import workspace

    gpkg = build_dossier(tmp_path, "Groupe 1;Groupe 2;Groupe 3")
    script = _script()
    first = script.populate(gpkg)
    counts = _counts(gpkg)
    second = script.populate(gpkg)
    assert _counts(gpkg) == counts and first == second
    assert counts["parcours"] == 3 and 21 <= counts["arrets"] <= 30
    for name, result in first.items():
        stops = list(workspace.open_layer(gpkg, "arrets", name).getFeatures())
        assert 6 <= len(stops) <= 10
        assert sorted(f["ordre"] for f in stops) == list(range(1, len(stops) + 1))
        assert all(f["ecart_m"] < 150 for f in stops)
        assert result["LENGTH_M"] > 1000
    advisers = {g.name: g.adviser for g in workspace.read_groups(gpkg)}
    assert advisers["Groupe 2"].startswith("Paysagiste")
    # every group raised the commune's friche: their outlines overlap
    sites = workspace.open_layer(gpkg, "sites_projet")
    friches = [f.geometry() for f in sites.getFeatures() if f["origine"] == "commune"]
    assert len(friches) == 3
    common = friches[0].intersection(friches[1]).intersection(friches[2])
    assert common.area() > 0.5 * friches[0].area()
    assert {f["origine"] for f in sites.getFeatures()} == {"commune", "groupe"}


def test_order_stops_on_a_copy_of_the_sample(tmp_path, atelier_provider):
    import processing
    from helpers_data import missing

    from poix_atelier_plugin.store import workspace

    gpkg = sample_copy(tmp_path)
    groups = workspace.read_groups(gpkg)
    if not groups:
        missing("the sample has no groups (scripts/make_sample.py)")
    for spec in groups:
        if not list(workspace.open_layer(gpkg, "parcours", spec.name).getFeatures()):
            continue
        result = processing.run(
            "atelier:order_stops", {"DOSSIER": str(gpkg), "GROUP": spec.name, "SLOT_MIN": 120}
        )
        assert result["LENGTH_M"] > 0
        assert result["TOTAL_MIN"] >= result["WALK_MIN"]
        stops = list(workspace.open_layer(gpkg, "arrets", spec.name).getFeatures())
        assert sorted(f["ordre"] for f in stops) == list(range(1, len(stops) + 1))
