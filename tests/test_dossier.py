# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:build_dossier on the real communes of the Nord (../shared/data)."""

from __future__ import annotations

import re
import shutil
import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

import pytest
from helpers_dossier import (
    POIX,
    POIX_NEIGHBOURS,
    files_in,
    gpkg_tables,
    layer,
    mixed_sources,
    srs_of,
    styled_tables,
)

THEMES = {"contexte", "foncier", "patrimoine", "mobilite"}


def _run(params: dict) -> dict:
    import processing

    return processing.run("atelier:build_dossier", params)


def _source_area_km2(communes_geojson: Path, code: str) -> float:
    """The commune's area computed independently (ogr layer → Lambert-93)."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsFeatureRequest,
        QgsProject,
        QgsVectorLayer,
    )

    lyr = QgsVectorLayer(str(communes_geojson), "c", "ogr")
    feature = next(lyr.getFeatures(QgsFeatureRequest().setFilterExpression(f"\"code\" = '{code}'")))
    geometry = feature.geometry()
    geometry.transform(
        QgsCoordinateTransform(
            lyr.crs(), QgsCoordinateReferenceSystem("EPSG:2154"), QgsProject.instance()
        )
    )
    return geometry.area() / 1e6


def _features(gpkg: Path, table: str):
    return list(layer(gpkg, table).getFeatures())


def _reopen_elsewhere(folder: Path, qgz: Path, tmp_path: Path):
    """Copy the dossier folder elsewhere, delete the original, reopen the project."""
    from qgis.core import QgsProject

    moved = tmp_path / "ailleurs" / "copie du dossier"
    shutil.copytree(folder, moved)
    shutil.rmtree(folder)
    project = QgsProject()
    assert project.read(str(moved / qgz.name))
    return project, moved


@pytest.fixture()
def sources(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    paths = mixed_sources(folder)
    return [
        layer(paths["routes"], "routes", "Routes"),
        layer(paths["parcelles"], "parcelles", "Parcelles cadastrales"),
        layer(paths["patrimoine"], "patrimoine", "Patrimoine"),
    ]


def test_poix_du_nord_from_the_real_communes(atelier_provider, communes_geojson, sources, tmp_path):
    from qgis.core import QgsWkbTypes

    out = tmp_path / "dossiers"
    result = _run(
        {
            "COMMUNES": str(communes_geojson),
            "CODE_INSEE": "59464",
            "CODE_FIELD": "",
            "BUFFER": 500,
            "SOURCES": sources,
            "ONLINE_LAYERS": True,
            "OUTPUT_FOLDER": str(out),
        }
    )
    gpkg, qgz = Path(result["DOSSIER"]), Path(result["PROJECT"])
    assert (gpkg.name, qgz.name) == ("atelier_59464.gpkg", "atelier_59464.qgz")
    assert files_in(out) == ["atelier_59464.gpkg", "atelier_59464.qgz"]  # no temp folder left
    assert result["COMMUNE_NAME"] == "Poix-du-Nord"

    # The commune: same area as the source outline, about 8.6 km².
    commune = _features(gpkg, "commune")
    assert len(commune) == 1 and commune[0]["nom"] == "Poix-du-Nord"
    area = commune[0].geometry().area() / 1e6
    assert area == pytest.approx(_source_area_km2(communes_geojson, "59464"), rel=1e-4)
    assert area == pytest.approx(8.6, abs=0.2)
    # Its real neighbours, and only them.
    assert {f["nom"] for f in _features(gpkg, "communes_voisines")} == POIX_NEIGHBOURS
    # The study area is the commune plus 500 m.
    zone = _features(gpkg, "perimetre_etude")[0].geometry()
    assert zone.contains(commune[0].geometry())
    assert zone.area() > commune[0].geometry().area() + 0.45 * 500 * commune[0].geometry().length()

    # Every table in Lambert-93 and styled in layer_styles.
    tables = {
        "commune",
        "communes_voisines",
        "perimetre_etude",
        "routes",
        "parcelles_cadastrales",
        "patrimoine",
    }
    assert tables <= gpkg_tables(gpkg)
    assert set(srs_of(gpkg).values()) == {2154}
    assert tables <= styled_tables(gpkg)

    # Every clipped feature lies inside the study area (1 cm tolerance), none is far away.
    inside = zone.buffer(0.01, 8)
    for table in ("routes", "parcelles_cadastrales", "patrimoine"):
        features = _features(gpkg, table)
        assert features, table
        for feature in features:
            assert inside.contains(feature.geometry()), (table, feature.attributes())
    assert "far away" not in {f["nom"] for f in _features(gpkg, "routes")}
    assert [f["nom"] for f in _features(gpkg, "patrimoine")] == ["Monument Talma"]
    # Reprojection from EPSG:4326 / EPSG:3950 lands where it should (centimetres).
    monument = _features(gpkg, "patrimoine")[0].geometry().asPoint()
    assert (monument.x(), monument.y()) == pytest.approx((POIX[0] + 15, POIX[1] - 25), abs=0.01)
    # …and from EPSG:3950: the parcel P00 drawn at place Talma comes back in place.
    p00 = next(f for f in _features(gpkg, "parcelles_cadastrales") if f["nom"] == "P00")
    box = p00.geometry().boundingBox()
    assert (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()) == pytest.approx(
        (POIX[0], POIX[1], POIX[0] + 650, POIX[1] + 650), abs=0.01
    )
    # The bow tie was repaired into valid polygons, every geometry is valid and multi.
    parcels = _features(gpkg, "parcelles_cadastrales")
    assert "bowtie" in {f["nom"] for f in parcels}
    for feature in parcels:
        assert feature.geometry().isGeosValid()
        assert feature.geometry().wkbType() == QgsWkbTypes.MultiPolygon

    # Source name kept as metadata in the GeoPackage.
    with closing(sqlite3.connect(gpkg)) as db:
        metadata = " ".join(r[0] for r in db.execute("SELECT metadata FROM gpkg_metadata"))
    assert "Parcelles cadastrales" in metadata

    # The project: relative paths, CRS 2154, themed groups, every local layer valid
    # once the folder has moved; online layers kept (invalid offline) in their group.
    with zipfile.ZipFile(qgz) as z:
        qgs = z.read(next(n for n in z.namelist() if n.endswith(".qgs"))).decode()
    sources = re.findall(r"<datasource>([^<]*)</datasource>", qgs)
    local_sources = [s for s in sources if "gpkg" in s]
    assert len(local_sources) == 6
    assert all(s.startswith("./atelier_59464.gpkg|layername=") for s in local_sources), (
        local_sources
    )
    project, moved = _reopen_elsewhere(out, qgz, tmp_path)
    assert project.crs().authid() == "EPSG:2154"
    groups = {g.customProperty("atelier/theme"): g for g in project.layerTreeRoot().children()}
    assert THEMES | {"en_ligne"} <= set(groups)
    local = [
        lyr for lyr in project.mapLayers().values() if not lyr.customProperty("atelier/online")
    ]
    assert len(local) == 6
    for lyr in local:
        assert lyr.isValid(), lyr.name()
        assert str(moved) in lyr.source()
        assert lyr.crs().authid() == "EPSG:2154"
    by_table = {lyr.customProperty("atelier/dossier_table"): lyr for lyr in local}
    assert by_table["parcelles_cadastrales"].customProperty("atelier/theme") == "foncier"
    assert by_table["routes"].customProperty("atelier/theme") == "mobilite"
    assert by_table["routes"].customProperty("atelier/source_name") == "Routes"
    assert by_table["routes"].customProperty("atelier/source_date")
    assert "Routes" in by_table["routes"].metadata().abstract()
    online = [n.layer() for n in groups["en_ligne"].findLayers()]
    assert {lyr.customProperty("atelier/online") for lyr in online} >= {
        "plan_ign",
        "ortho",
        "cadastre",
        "zonage_plu",
    }
    zoning = next(lyr for lyr in online if lyr.customProperty("atelier/online") == "zonage_plu")
    assert "DU_59464" in zoning.source()
    # The saved view opens on the study area.
    extent = project.viewSettings().defaultViewExtent()
    assert extent.contains(zone.boundingBox())
    assert extent.width() < 3 * zone.boundingBox().width()


def test_another_commune_with_accents_quotes_and_spaces(
    atelier_provider, communes_geojson, tmp_path
):
    """Villeneuve-d'Ascq into a folder named with accents, quotes and spaces."""
    from helpers_dossier import write_layer
    from qgis.core import QgsProject

    # A source around Villeneuve-d'Ascq (about X 709000, Y 7057000), named with quotes.
    src = write_layer(
        tmp_path / "bâti « test ».gpkg",
        "bati",
        "MultiPolygon",
        "EPSG:4326",
        [
            (
                f"POLYGON(({x} 7057000, {x + 30} 7057000, {x + 30} 7057030, {x} 7057030, {x} 7057000))",
                [f"b{x}"],
            )
            for x in range(700000, 720000, 500)
        ],
    )
    source = layer(src, "bati", 'Bâtiments de l\'été "A"')
    out = tmp_path / "Dossier d'étude « Villeneuve » été"
    result = _run(
        {
            "COMMUNES": str(communes_geojson),
            "CODE_INSEE": " 59009 ",
            "CODE_FIELD": "CODE",  # any case
            "BUFFER": 0,
            "SOURCES": [source],
            "ONLINE_LAYERS": False,
            "OUTPUT_FOLDER": str(out),
        }
    )
    gpkg = Path(result["DOSSIER"])
    assert gpkg == out / "atelier_59009.gpkg"
    assert result["COMMUNE_NAME"] == "Villeneuve-d'Ascq"
    commune = _features(gpkg, "commune")[0]
    zone = _features(gpkg, "perimetre_etude")[0].geometry()
    assert zone.area() == pytest.approx(commune.geometry().area(), rel=1e-6)  # BUFFER 0
    assert "batiments_de_l_ete_a" in gpkg_tables(gpkg)
    built = _features(gpkg, "batiments_de_l_ete_a")
    assert 0 < len(built) < 40
    for feature in built:
        assert zone.buffer(0.01, 8).contains(feature.geometry())
    neighbours = {f["nom"] for f in _features(gpkg, "communes_voisines")}
    assert {"Lille", "Hem", "Lezennes"} <= neighbours
    project = QgsProject()
    assert project.read(result["PROJECT"])
    names = {lyr.name() for lyr in project.mapLayers().values()}
    assert 'Bâtiments de l\'été "A"' in names
    assert all(lyr.isValid() for lyr in project.mapLayers().values())
    assert not any(lyr.customProperty("atelier/online") for lyr in project.mapLayers().values())


def test_reads_only_inside_the_study_area(qgis_app, communes_geojson, tmp_path):
    """The spatial filter: of 5,000 points over the Nord only those near the commune are read."""
    from helpers_dossier import scattered_points, write_layer

    from poix_atelier_plugin.services.dossier.dossier import build_dossier

    src = write_layer(
        tmp_path / "points.gpkg",
        "points",
        "Point",
        "EPSG:2154",
        scattered_points(5000, near=200),
        fields=[("nom", "string"), ("n", "int")],
    )
    communes = layer(communes_geojson, "communes-59-nord", "communes")
    result = build_dossier(communes, "59464", tmp_path / "out", sources=[layer(src, "points")])
    stats = result.sources[0]
    assert stats.read < 400  # the bbox of the study area, not the département
    assert 0 < stats.written <= stats.read
    assert result.area_km2 == pytest.approx(8.6, abs=0.2)
    assert set(result.neighbours) == POIX_NEIGHBOURS


@pytest.mark.parametrize(
    ("name", "kind", "theme"),
    [
        ("Bâtiments", "batiment", "fonds_de_plan"),
        ("BDTOPO_V3:batiment", "batiment", "fonds_de_plan"),
        ("Cours d'eau", "cours_eau", "environnement"),
        ("Zone inondable (PPRI)", "zone_inondable", "risques"),
        ("Zonage PLU", "zonage", "urbanisme"),
        ("wfs_du:zone_urba", "zonage", "urbanisme"),
        ("Parcelles cadastrales", "parcelle", "foncier"),
        ("Monuments historiques", "patrimoine", "patrimoine"),
        ("Tronçons de route", "route", "mobilite"),
        ("Chemins de randonnée", "chemin", "mobilite"),
        ("Friche textile", "friche", "urbanisme"),
        ("Équipements publics", "equipement", "urbanisme"),
        ("Ma couche", "autre", "contexte"),
    ],
)
def test_themes_from_names(qgis_app, name, kind, theme):
    from poix_atelier_plugin.styles.dossier_styles import classify

    assert classify(name) == (kind, theme)
    assert classify(name, "risques") == (kind, "risques")  # the override wins


def test_theme_override_by_custom_property(qgis_app, communes_geojson, sources, tmp_path):
    from qgis.core import QgsProject

    from poix_atelier_plugin.services.dossier.dossier import build_dossier

    routes = sources[0]
    routes.setCustomProperty("atelier/theme", "risques")
    communes = layer(communes_geojson, "communes-59-nord", "communes")
    result = build_dossier(communes, "59464", tmp_path / "out", sources=[routes])
    project = QgsProject()
    assert project.read(result.project)
    groups = {g.customProperty("atelier/theme"): g for g in project.layerTreeRoot().children()}
    assert [n.layer().name() for n in groups["risques"].findLayers()] == ["Routes"]
    assert "mobilite" not in groups


def test_sources_given_as_uris_keep_their_table_names(atelier_provider, communes_geojson, tmp_path):
    """As from qgis_process or a model: `file.gpkg|layername=x` is named x, not after the file."""
    folder = tmp_path / "sources"
    folder.mkdir()
    paths = mixed_sources(folder)
    both = folder / "both.gpkg"
    shutil.copy(paths["routes"], both)
    result = _run(
        {
            "COMMUNES": str(communes_geojson),
            "CODE_INSEE": "59464",
            "SOURCES": [f"{both}|layername=routes", str(paths["patrimoine"])],
            "ONLINE_LAYERS": False,
            "OUTPUT_FOLDER": str(tmp_path / "out"),
        }
    )
    assert {"routes", "patrimoine"} <= gpkg_tables(Path(result["DOSSIER"]))


@pytest.mark.parametrize("stored", [None, "42000"])
def test_a_build_leaves_process_and_user_settings_as_they_were(
    qgis_app, communes_geojson, sources, tmp_path, stored
):
    import threading

    from osgeo import gdal
    from qgis.core import QgsNetworkAccessManager, QgsSettings

    from poix_atelier_plugin.services.dossier import online_layers
    from poix_atelier_plugin.services.dossier.dossier import build_dossier

    key = online_layers.timeout_key()
    settings = QgsSettings()
    if stored is None:
        settings.remove(key)
    else:
        settings.setValue(key, stored)
    gdal.SetConfigOption("OGR_SQLITE_SYNCHRONOUS", "NORMAL")
    seen_elsewhere, seen_during = [], []

    def progress(_p, _m):
        # another thread (QGIS's own edits, say) must not see the build's options
        probe = threading.Thread(
            target=lambda: seen_elsewhere.append(gdal.GetConfigOption("OGR_SQLITE_SYNCHRONOUS"))
        )
        probe.start()
        probe.join()

    real_short = online_layers.short_network_timeout

    def short(ms):
        seen_during.append(("short", ms))
        return real_short(ms)

    online_layers.short_network_timeout = short
    try:
        communes = layer(communes_geojson, "communes-59-nord", "communes")
        result = build_dossier(
            communes, "59464", tmp_path / "out", sources=sources[:1], online=True, progress=progress
        )
    finally:
        online_layers.short_network_timeout = real_short
        gdal.SetConfigOption("OGR_SQLITE_SYNCHRONOUS", None)
    assert Path(result.gpkg).is_file()
    assert seen_elsewhere and set(seen_elsewhere) == {"NORMAL"}
    assert ("short", online_layers.TIMEOUT_MS) in seen_during
    assert gdal.GetThreadLocalConfigOption("OGR_SQLITE_SYNCHRONOUS", None) is None
    after = QgsSettings()
    if stored is None:
        assert not after.contains(key)  # not even QGIS's default written into the profile
    else:
        assert str(after.value(key)) == stored
    assert QgsNetworkAccessManager.timeout() == (60000 if stored is None else 42000)
    after.remove(key)
