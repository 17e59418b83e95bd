# SPDX-License-Identifier: GPL-2.0-or-later
"""The illustrative Poix-du-Nord sample: deterministic sources, committed project that opens anywhere."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from helpers_dossier import POIX_NEIGHBOURS, layer, srs_of

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))


def _snapshot(path: Path, table: str) -> list[tuple[str, list]]:
    return sorted(
        (f.geometry().asWkt(3), [str(a) for a in f.attributes()[1:]])
        for f in layer(path, table).getFeatures()
    )


def test_sources_are_deterministic_and_plausible(qgis_app, tmp_path):
    from make_sample_sources import make
    from qgis.core import QgsFeatureRequest
    from sample_poix_facts import DISPLAY_NAMES, X0, X1, Y0, Y1

    first, second = make(tmp_path / "a.gpkg"), make(tmp_path / "b.gpkg")
    for table in ["communes", *DISPLAY_NAMES]:
        assert _snapshot(first, table) == _snapshot(second, table), table
    srs = srs_of(first)
    assert srs["routes"] == 4326 and srs["parcelles"] == 3950 and srs["batiments"] == 2154
    communes = layer(first, "communes")
    poix = next(communes.getFeatures(QgsFeatureRequest().setFilterExpression("\"code\" = '59464'")))
    geometry = poix.geometry()
    assert geometry.area() / 1e6 == pytest.approx(8.6, abs=0.01)
    box = geometry.boundingBox()
    assert X0 - 200 <= box.xMinimum() and box.xMaximum() <= X1 + 200
    assert Y0 - 200 <= box.yMinimum() and box.yMaximum() <= Y1 + 200
    neighbours = [f for f in communes.getFeatures() if f["code"] != "59464"]
    assert {f["nom"] for f in neighbours} == POIX_NEIGHBOURS
    for feature in neighbours:
        assert feature.geometry().buffer(1, 4).intersects(geometry), feature["nom"]
    assert 300 <= layer(first, "batiments").featureCount() <= 800
    zoning = {f["typezone"] for f in layer(first, "zonage_plu").getFeatures()}
    assert zoning == {"U", "AU", "A", "N"}


def test_committed_sample_opens_from_anywhere(qgis_app, tmp_path):
    """sample_project.qgz and sample/ copied elsewhere: every local layer valid."""
    from qgis.core import QgsProject

    root = REPO / "sample_project.qgz"
    if not root.is_file():
        pytest.fail("sample_project.qgz is missing: run scripts/make_sample.py")
    target = tmp_path / "copie d'ailleurs"
    target.mkdir()
    shutil.copy(root, target)
    shutil.copytree(REPO / "sample", target / "sample")
    project = QgsProject()
    assert project.read(str(target / "sample_project.qgz"))
    assert project.crs().authid() == "EPSG:2154"
    local = [
        lyr for lyr in project.mapLayers().values() if not lyr.customProperty("atelier/online")
    ]
    assert local
    for lyr in local:
        assert lyr.isValid(), lyr.name()
        assert str(target) in lyr.source(), lyr.source()
    tables = {lyr.customProperty("atelier/dossier_table") for lyr in local}
    assert {"commune", "communes_voisines", "perimetre_etude", "batiments", "zonage_plu"} <= tables
    commune = next(lyr for lyr in local if lyr.customProperty("atelier/dossier_table") == "commune")
    assert next(commune.getFeatures()).geometry().area() / 1e6 == pytest.approx(8.6, abs=0.01)
    themes = {g.customProperty("atelier/theme") for g in project.layerTreeRoot().children()}
    assert {"contexte", "urbanisme", "foncier", "patrimoine", "environnement", "risques"} <= themes
    assert {"mobilite", "fonds_de_plan"} <= themes
