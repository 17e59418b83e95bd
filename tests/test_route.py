# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:order_stops on a real GeoPackage: numbering, length, time, slot, edge cases."""

from __future__ import annotations

import random

import pytest
from helpers_groups import TRICKY, X0, Y0, build_dossier

pytestmark = pytest.mark.usefixtures("atelier_provider")


def _add(gpkg, table, groupe, wkt, **attrs):
    from qgis.core import QgsFeature, QgsGeometry

    from poix_atelier_plugin.store import workspace

    layer = workspace.open_layer(gpkg, table, groupe)
    feat = QgsFeature(layer.fields())
    feat.setGeometry(QgsGeometry.fromWkt(wkt))
    feat["uid"] = workspace.new_uid()
    feat["groupe"] = groupe
    for key, value in attrs.items():
        feat[key] = value
    ok, _ = layer.dataProvider().addFeatures([feat])
    assert ok


def _line(*pts):
    return "LineString(" + ", ".join(f"{X0 + x} {Y0 + y}" for x, y in pts) + ")"


def _point(x, y):
    return f"Point({X0 + x} {Y0 + y})"


def _stops(gpkg, groupe):
    from poix_atelier_plugin.store import workspace

    layer = workspace.open_layer(gpkg, "arrets", groupe)
    return {f["nom"]: f for f in layer.getFeatures()}


def _run(gpkg, groupe, slot=120):
    import processing

    return processing.run(
        "atelier:order_stops", {"DOSSIER": str(gpkg), "GROUP": groupe, "SLOT_MIN": slot}
    )


@pytest.fixture
def dossier(tmp_path):
    return build_dossier(tmp_path)


def test_shuffled_stops_are_numbered_and_measured(dossier):
    from qgis.core import QgsDistanceArea, QgsGeometry, QgsProject

    from poix_atelier_plugin.store import workspace

    route = _line((-600, 0), (600, 0), (600, -400))
    _add(dossier, "parcours", TRICKY, route, mode="a_pied", vitesse_kmh=4.0)
    along = [(-500, 0), (-200, 5), (100, -5), (400, 0), (590, -100), (605, -350)]
    order = list(range(len(along)))
    random.Random(7).shuffle(order)
    for i in order:
        _add(dossier, "arrets", TRICKY, _point(*along[i]), nom=f"A{i + 1}", duree_min=10)
    # another group's stop must not be touched
    _add(dossier, "arrets", "Groupe 1", _point(0, 0), nom="other", duree_min=10)

    result = _run(dossier, TRICKY, 120)

    stops = _stops(dossier, TRICKY)
    assert {name: f["ordre"] for name, f in stops.items()} == {f"A{i}": i for i in range(1, 7)}
    da = QgsDistanceArea()
    da.setSourceCrs(workspace.crs(), QgsProject.instance().transformContext())
    da.setEllipsoid("EPSG:7019")
    expected = da.measureLength(QgsGeometry.fromWkt(route))
    assert expected == pytest.approx(1600, rel=0.002)  # Lambert-93 scale near Poix
    assert result["LENGTH_M"] == pytest.approx(expected, abs=0.1)
    assert result["WALK_MIN"] == pytest.approx(expected / (4000 / 60), abs=0.1)
    assert result["TOTAL_MIN"] == pytest.approx(expected / (4000 / 60) + 60, abs=0.1)
    assert result["FITS_SLOT"] is True
    assert stops["A6"]["distance_m"] == pytest.approx(expected * 1550 / 1600, abs=1)
    assert stops["A2"]["ecart_m"] == pytest.approx(5, abs=0.1)
    assert _stops(dossier, "Groupe 1")["other"]["ordre"] is None or str(
        _stops(dossier, "Groupe 1")["other"]["ordre"]
    ) in ("NULL", "None")

    tight = _run(dossier, TRICKY, 60)
    assert tight["FITS_SLOT"] is False
    assert tight["TOTAL_MIN"] == result["TOTAL_MIN"]


def test_speed_of_the_route_is_used(dossier):
    _add(dossier, "parcours", "Groupe 2", _line((0, 0), (0, 900)), mode="velo", vitesse_kmh=None)
    result = _run(dossier, "Groupe 2")
    assert result["WALK_MIN"] == pytest.approx(result["LENGTH_M"] / (12000 / 60), abs=0.1)
    assert result["TOTAL_MIN"] == result["WALK_MIN"]  # no stops yet


def test_no_route_yet(dossier):
    from qgis.core import QgsProcessingException

    _add(dossier, "arrets", "Groupe 1", _point(0, 0), nom="seul")
    with pytest.raises(
        QgsProcessingException,
        match="Aucun parcours n'a encore été dessiné pour le groupe « Groupe 1 »",
    ):
        _run(dossier, "Groupe 1")


def test_unknown_group(dossier):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="Il n'y a aucun groupe nommé « Groupe 9 »"):
        _run(dossier, "Groupe 9")


def test_far_stop_and_same_place_are_reported_not_dropped(dossier):
    from poix_atelier_plugin.services import route

    _add(dossier, "parcours", "Groupe 1", _line((-600, 0), (600, 0)))
    _add(dossier, "arrets", "Groupe 1", _point(0, 500), nom="far")
    _add(dossier, "arrets", "Groupe 1", _point(-300, 3), nom="twin1")
    _add(dossier, "arrets", "Groupe 1", _point(-299.7, 3), nom="twin2")
    report = route.order_stops(dossier, "Groupe 1", 120)
    stops = _stops(dossier, "Groupe 1")
    assert [stops[n]["ordre"] for n in ("twin1", "twin2", "far")] == [1, 2, 3]
    assert stops["far"]["ecart_m"] == pytest.approx(500, abs=0.5)
    assert len(report.far_stops) == 1
    text = " ".join(report.warnings)
    assert "L'arrêt 3 est à 500 m du parcours." in text
    assert "Les arrêts 1 et 2 sont au même endroit." in text


def test_several_route_lines(dossier):
    from poix_atelier_plugin.services import route

    # connected pieces, the second drawn backwards: merged
    _add(dossier, "parcours", "Groupe 1", _line((-600, 0), (0, 0)))
    _add(dossier, "parcours", "Groupe 1", _line((0, 900), (0, 0)))
    _add(dossier, "arrets", "Groupe 1", _point(0, 800), nom="end")
    _add(dossier, "arrets", "Groupe 1", _point(-500, 0), nom="start")
    report = route.order_stops(dossier, "Groupe 1", 120)
    assert report.length_m == pytest.approx(1500, rel=0.002)
    assert "2 tronçons ; ils se raccordent" in " ".join(report.warnings)
    assert _stops(dossier, "Groupe 1")["end"]["ordre"] == 2
    # a piece that does not connect: the longest one is used, with a warning
    _add(dossier, "parcours", "Groupe 2", _line((-600, 0), (0, 0)))
    _add(dossier, "parcours", "Groupe 2", _line((600, -400), (600, 0)))
    report = route.order_stops(dossier, "Groupe 2", 120)
    assert report.length_m == pytest.approx(600, rel=0.002)
    assert "ne se raccordent pas" in " ".join(report.warnings)


def test_loop_route_order_follows_the_path(dossier):
    from poix_atelier_plugin.services import route

    # out along the street and back 20 m north of it, a closed loop
    _add(dossier, "parcours", "Groupe 1", _line((0, 0), (600, 0), (600, 20), (0, 20), (0, 0)))
    _add(dossier, "arrets", "Groupe 1", _point(300, 18), nom="back")
    _add(dossier, "arrets", "Groupe 1", _point(300, 2), nom="out")
    _add(dossier, "arrets", "Groupe 1", _point(1, 1), nom="start")
    route.order_stops(dossier, "Groupe 1", 120)
    stops = _stops(dossier, "Groupe 1")
    assert [stops[n]["ordre"] for n in ("start", "out", "back")] == [1, 2, 3]


@pytest.mark.slow
def test_order_stops_from_qgis_process(dossier, tmp_path):
    import json
    import os
    import shutil
    import subprocess

    from helpers_groups import REPO

    exe = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"
    if not os.path.exists(exe):
        pytest.skip("qgis_process.bin not installed")
    _add(dossier, "parcours", "Groupe 1", _line((-600, 0), (600, 0)))
    _add(dossier, "arrets", "Groupe 1", _point(0, 4), nom="x", duree_min=15)
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    staged = plugins / "poix_atelier_plugin"  # QGIS wants metadata.txt inside the folder
    shutil.copytree(
        REPO / "poix_atelier_plugin", staged, ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(REPO / "metadata.txt", staged / "metadata.txt")
    shutil.copytree(REPO / "resources", staged / "resources")
    config = tmp_path / "config"
    ini = config / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text("[PythonPlugins]\npoix_atelier_plugin=true\n", encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        QGIS_PLUGINPATH=str(plugins),
        QGIS_CUSTOM_CONFIG_PATH=str(config),
    )
    env.pop("QGIS_OPTIONS_PATH", None)
    args = [f"DOSSIER={dossier}", "GROUP=Groupe 1", "SLOT_MIN=20"]
    out = subprocess.run(
        [exe, "--json", "run", "atelier:order_stops", "--", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    results = json.loads(out.stdout[out.stdout.index("{") :])["results"]
    assert results["LENGTH_M"] == pytest.approx(1200, rel=0.002)
    assert results["TOTAL_MIN"] == pytest.approx(results["WALK_MIN"] + 15, abs=0.1)
    assert results["FITS_SLOT"] is False
