# SPDX-License-Identifier: GPL-2.0-or-later
"""Convergence of the groups' candidate sites: pure rules and atelier:synthesis."""

from __future__ import annotations

import pytest
from shapely.geometry import Polygon, box

from poix_atelier_plugin.domain.synthesis import SEPARATOR, convergence, converging


def _by_groups(pieces):
    """Total area per set of groups (a set may come in several separate pieces)."""
    out: dict[tuple, float] = {}
    for p in pieces:
        out[tuple(p.groups)] = round(out.get(tuple(p.groups), 0.0) + p.geometry.area, 3)
    return out


def test_three_overlapping_groups():
    pieces = convergence(
        [("B", box(0, 0, 10, 10)), ("A", box(5, 0, 15, 10)), ("C", box(8, 0, 20, 10))],
        order=["A", "B", "C"],
    )
    assert _by_groups(pieces) == {
        ("A", "B", "C"): 20.0,  # x 8..10
        ("A", "B"): 30.0,  # x 5..8
        ("A", "C"): 50.0,  # x 10..15
        ("B",): 50.0,
        ("C",): 50.0,
    }
    assert pieces[0].n_groups == 3 and pieces[0].label == "A, B, C"
    assert sum(p.geometry.area for p in pieces) == pytest.approx(200.0)
    assert [p.n_groups for p in converging(pieces)] == [3, 2, 2]


def test_one_group_twice_counts_once_and_order_is_the_workshop_order():
    pieces = convergence(
        [
            ("Groupe 2", box(0, 0, 10, 10)),
            ("Groupe 2", box(2, 2, 8, 8)),
            ("Groupe 10", box(0, 0, 10, 10)),
        ],
        order=["Groupe 2", "Groupe 10"],
    )
    assert _by_groups(pieces) == {("Groupe 2", "Groupe 10"): 100.0}


def test_disjoint_sites_touching_edges_and_slivers():
    pieces = convergence(
        [
            ("A", box(0, 0, 10, 10)),
            ("B", box(10, 0, 20, 10)),  # touching only
            ("C", box(0, 0, 10.00001, 10)),
        ],  # almost the same outline as A
        min_area=1.0,
    )
    groups = _by_groups(pieces)
    assert groups[("A", "C")] == pytest.approx(100.0)
    assert ("B",) in groups
    assert all(area >= 1.0 for area in groups.values())


def test_invalid_and_empty_geometries():
    bowtie = Polygon([(0, 0), (10, 10), (10, 0), (0, 10), (0, 0)])  # self-intersecting
    pieces = convergence([("A", bowtie), ("B", box(0, 0, 10, 10)), ("C", Polygon())])
    groups = _by_groups(pieces)
    assert groups[("A", "B")] == pytest.approx(50.0)
    assert groups[("B",)] == pytest.approx(50.0)
    assert convergence([]) == []


def test_separator_is_documented():
    assert SEPARATOR == ", "


# atelier:synthesis on a real GeoPackage --------------------------------------------
@pytest.fixture
def dossier(tmp_path, qgis_app):
    from helpers_boards import add
    from qgis.core import QgsGeometry, QgsRectangle

    from poix_atelier_plugin.domain.groups import normalise_groups
    from poix_atelier_plugin.store import workspace

    gpkg = tmp_path / "atelier_59464.gpkg"
    workspace.create_workspace(gpkg, normalise_groups(["Nord", "Sud", "<b>Est</b>"]))
    x, y = 744000.0, 7010000.0

    def rect(x0, y0, x1, y1):
        return QgsGeometry.fromRect(QgsRectangle(x + x0, y + y0, x + x1, y + y1))

    add(
        gpkg,
        "sites_projet",
        [
            (rect(0, 0, 100, 100), {"groupe": "Nord", "nom": "Friche", "origine": "commune"}),
            (rect(50, 0, 150, 100), {"groupe": "Sud", "nom": "Friche", "origine": "commune"}),
            (rect(80, 0, 200, 100), {"groupe": "<b>Est</b>", "nom": "Usine", "origine": "groupe"}),
            (rect(500, 500, 600, 600), {"groupe": "Sud", "nom": "Pré", "origine": "groupe"}),
        ],
    )
    return gpkg


def test_processing_synthesis(dossier, atelier_provider):
    import processing

    result = processing.run(
        "atelier:synthesis", {"DOSSIER": str(dossier), "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    layer = result["OUTPUT"]
    rows = sorted(
        ((f["n_groupes"], f["groupes"], round(f.geometry().area())) for f in layer.getFeatures()),
        reverse=True,
    )
    assert rows == [
        (3, "Nord, Sud, <b>Est</b>", 2000),  # x 80..100
        (2, "Sud, <b>Est</b>", 5000),  # x 100..150
        (2, "Nord, Sud", 3000),  # x 50..80
        (1, "Sud", 10000),
        (1, "Nord", 5000),
        (1, "<b>Est</b>", 5000),
    ]
    assert layer.crs().authid() == "EPSG:2154"
    assert {f.name() for f in layer.fields()} >= {"n_groupes", "groupes"}


def test_processing_synthesis_without_sites(tmp_path, atelier_provider):
    import processing

    from poix_atelier_plugin.domain.groups import default_groups
    from poix_atelier_plugin.store import workspace

    gpkg = tmp_path / "empty.gpkg"
    workspace.create_workspace(gpkg, default_groups())
    result = processing.run(
        "atelier:synthesis", {"DOSSIER": str(gpkg), "OUTPUT": "TEMPORARY_OUTPUT"}
    )
    assert result["OUTPUT"].featureCount() == 0
