# SPDX-License-Identifier: GPL-2.0-or-later
"""atelier:export_field_package, opened from elsewhere, edited, merged back."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from tests import helpers_photos as hp


def _add(gpkg: Path, table: str, groupe: str, wkt: str | None, geometry=None, **values):
    from qgis.core import QgsFeature, QgsGeometry

    from poix_atelier_plugin.store import workspace

    layer = workspace.open_layer(gpkg, table, geometry=geometry)
    feat = QgsFeature(layer.fields())
    feat["uid"] = workspace.new_uid()
    feat["groupe"] = groupe
    for k, v in values.items():
        feat[k] = v
    if wkt:
        feat.setGeometry(QgsGeometry.fromWkt(wkt))
    ok, out = layer.dataProvider().addFeatures([feat])
    assert ok
    return out[0].id()


@pytest.fixture
def dossier(qgis_app, tmp_path: Path) -> Path:
    from poix_atelier_plugin.services.photos import photos

    gpkg = hp.make_dossier(tmp_path / "dossier")
    for g in hp.GROUPS:
        _add(gpkg, "parcours", g, "LineString(743400 7010270, 743700 7010500)", nom="Boucle")
        _add(gpkg, "hypotheses", g, "Point(743500 7010300)", "Point", texte=f"Centre {g}")
        _add(
            gpkg,
            "sites_projet",
            g,
            "Polygon((744000 7010000,744200 7010000,744200 7010200,744000 7010000))",
            nom="Friche textile",
            origine="commune",
        )
    cam = tmp_path / "cam"
    hp.make_photo_at(cam / "g1.jpg", 743410.0, 7010270.0, azimut=90.0)
    photos.import_photos(gpkg, "Groupe 1", cam)
    cam2 = tmp_path / "cam2"
    hp.make_photo_at(cam2 / "g2.jpg", 743420.0, 7010290.0, colour=(0, 0, 0))
    photos.import_photos(gpkg, "Groupe 2", cam2)
    return gpkg


def export(dossier: Path, out: Path, basemap: bool = False) -> Path:
    import processing

    result = processing.run(
        "atelier:export_field_package",
        {
            "DOSSIER": str(dossier),
            "GROUP": "Groupe 1",
            "OUTPUT_FOLDER": str(out),
            "BASEMAP": basemap,
            "ZOOM_MAX": 13,
        },
    )
    assert Path(result["PROJECT"]).is_file()
    return Path(result["PACKAGE"])


def rows(gpkg: Path, table: str) -> list[tuple]:
    con = sqlite3.connect(str(gpkg))
    try:
        return list(con.execute(f'SELECT groupe, uid FROM "{table}" ORDER BY uid'))
    finally:
        con.close()


def test_package_opens_from_another_folder(atelier_provider, dossier, tmp_path):
    from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

    from poix_atelier_plugin.services.field.field_package import FIELD_TABLES

    package = export(dossier, tmp_path / "out", basemap=True)
    assert package.name == "terrain_Groupe_1"
    moved = tmp_path / "phone" / "anywhere"
    shutil.copytree(package, moved)
    shutil.rmtree(package)  # the copy must not depend on the original
    qgz = moved / "terrain_Groupe_1.qgz"
    with zipfile.ZipFile(qgz) as z:
        xml = z.read(next(n for n in z.namelist() if n.endswith(".qgs"))).decode()
    assert str(tmp_path) not in xml, "absolute paths in the package project"
    project = QgsProject()
    assert project.read(str(qgz))
    layers = list(project.mapLayers().values())
    assert layers and all(lyr.isValid() for lyr in layers), [
        lyr.name() for lyr in layers if not lyr.isValid()
    ]
    editable = [lyr for lyr in layers if lyr.customProperty("atelier/package_groupe")]
    assert {lyr.customProperty("atelier/table") for lyr in editable} == set(FIELD_TABLES)
    for lyr in editable:
        assert not lyr.readOnly() and lyr.startEditing(), lyr.name()
        lyr.rollBack()
    reference = [lyr for lyr in layers if lyr not in editable]
    names = {lyr.name() for lyr in reference}
    assert {"commune", "perimetre_etude"} <= names
    assert all(lyr.readOnly() for lyr in reference if isinstance(lyr, QgsVectorLayer))
    basemap = [lyr for lyr in reference if isinstance(lyr, QgsRasterLayer)]
    assert len(basemap) == 1 and basemap[0].source().endswith("fond_de_plan.mbtiles")
    # photos found, relative to the project; the form is the QField one
    obs = next(lyr for lyr in editable if lyr.customProperty("atelier/table") == "observations")
    assert isinstance(obs, QgsVectorLayer)
    feats = list(obs.getFeatures())
    assert [f["photo"] for f in feats] == ["DCIM/Groupe_1/g1.jpg"]
    assert (moved / feats[0]["photo"]).is_file()
    setup = obs.editorWidgetSetup(obs.fields().indexOf("photo"))
    assert setup.type() == "ExternalResource" and setup.config()["RelativeStorage"] == 1
    # only this group's rows travel
    gpkg = moved / "terrain_Groupe_1.gpkg"
    for table in ("parcours", "hypotheses", "sites_projet", "observations", "arrets", "groupes"):
        assert {g for g, _ in rows(gpkg, table)} == {"Groupe 1"}, table
    assert not (moved / "DCIM" / "Groupe_2").exists()
    # the package carries what it was exported with, out of sight of GeoPackage readers
    con = sqlite3.connect(str(gpkg))
    try:
        meta = dict(con.execute("SELECT key, value FROM atelier_package"))
        base = {t for (t,) in con.execute("SELECT DISTINCT tbl FROM atelier_package_base")}
        registered = {t for (t,) in con.execute("SELECT table_name FROM gpkg_contents")}
    finally:
        con.close()
    assert meta["groupe"] == "Groupe 1" and set(json.loads(meta["tables"])) == set(FIELD_TABLES)
    assert "enjeux" not in json.loads(meta["tables"])
    assert {"arrets", "observations", "parcours"} <= base
    assert not {"atelier_package", "atelier_package_base"} & registered
    assert not [lyr for lyr in layers if "atelier_package" in lyr.source()]


def test_existing_package_is_not_overwritten(atelier_provider, dossier, tmp_path):
    first = export(dossier, tmp_path / "out")
    marker = first / "notes.txt"
    marker.write_text("not merged yet")
    second = export(dossier, tmp_path / "out")
    assert second != first and marker.read_text() == "not merged yet"


def test_round_trip_merges_exactly_the_changes(atelier_provider, dossier, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    from poix_atelier_plugin.services.field.merge import merge_field_package
    from poix_atelier_plugin.store import workspace

    package = export(dossier, tmp_path / "out")
    field = tmp_path / "tablet" / package.name
    shutil.copytree(package, field)
    gpkg = field / f"{package.name}.gpkg"
    before = {t: rows(dossier, t) for t in ("arrets", "observations", "parcours", "hypotheses")}

    # in the field: rename a stop, move the photo, add a stop and a photo linked to it
    stops = workspace.open_layer(gpkg, "arrets")
    church = next(f for f in stops.getFeatures() if f["ordre"] == 2)
    stops.dataProvider().changeAttributeValues(
        {church.id(): {stops.fields().indexOf("nom"): "Église Saint-Martin (parvis)"}}
    )
    new_stop = QgsFeature(stops.fields())
    new_stop["uid"] = workspace.new_uid()
    new_stop["groupe"] = "Groupe 1"
    new_stop["ordre"] = 4
    new_stop["nom"] = "Keighley Hall"
    new_stop.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(743900.0, 7010400.0)))
    ok, (new_stop,) = stops.dataProvider().addFeatures([new_stop])
    assert ok
    obs = workspace.open_layer(gpkg, "observations")
    photo = next(obs.getFeatures())
    obs.dataProvider().changeGeometryValues(
        {photo.id(): QgsGeometry.fromPointXY(QgsPointXY(743415.0, 7010275.0))}
    )
    hp.make_photo(field / "DCIM" / "Groupe_1" / "JPEG_20260512103100.jpg", None, None)
    taken = QgsFeature(obs.fields())
    taken["uid"] = workspace.new_uid()
    taken["groupe"] = "Groupe 1"
    taken["texte"] = "Salle des fêtes offerte par Keighley"
    taken["photo"] = "DCIM/Groupe_1/JPEG_20260512103100.jpg"
    taken["arret_id"] = new_stop.id()
    taken.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(743905.0, 7010405.0)))
    assert obs.dataProvider().addFeatures([taken])[0]

    report = merge_field_package(field, dossier)
    assert report.groupe == "Groupe 1"
    assert report.inserted["arrets"] == 1 and report.updated["arrets"] == 1
    assert report.inserted["observations"] == 1 and report.updated["observations"] == 1
    assert report.total("inserted") == 2 and report.total("updated") == 2
    assert report.photos_copied == 1
    after = {t: rows(dossier, t) for t in before}
    assert len(after["arrets"]) == len(before["arrets"]) + 1
    assert len(after["observations"]) == len(before["observations"]) + 1
    assert after["parcours"] == before["parcours"] and after["hypotheses"] == before["hypotheses"]
    # the other group is untouched
    assert [r for r in after["arrets"] if r[0] == "Groupe 2"] == [
        r for r in before["arrets"] if r[0] == "Groupe 2"
    ]
    d_stops = {
        f["nom"]: f for f in workspace.open_layer(dossier, "arrets", "Groupe 1").getFeatures()
    }
    assert "Église Saint-Martin (parvis)" in d_stops and "Église Saint-Martin" not in d_stops
    d_obs = {
        f["photo"]: f
        for f in workspace.open_layer(dossier, "observations", "Groupe 1").getFeatures()
    }
    new_obs = d_obs["DCIM/Groupe_1/JPEG_20260512103100.jpg"]
    assert new_obs["arret_id"] == d_stops["Keighley Hall"].id()
    assert (dossier.parent / "DCIM" / "Groupe_1" / "JPEG_20260512103100.jpg").is_file()
    moved = d_obs["DCIM/Groupe_1/g1.jpg"].geometry().asPoint()
    assert (moved.x(), moved.y()) == (743415.0, 7010275.0)

    # bringing the same package back again changes nothing
    again = merge_field_package(field / f"{package.name}.qgz", dossier)
    assert again.total("inserted") == 0 and again.total("updated") == 0
    assert {t: rows(dossier, t) for t in before} == after


def test_merge_refuses_a_foreign_folder(qgis_app, dossier, tmp_path):
    from poix_atelier_plugin.domain.errors import AtelierError
    from poix_atelier_plugin.services.field.merge import merge_field_package

    with pytest.raises(AtelierError):
        merge_field_package(tmp_path, dossier)


@pytest.fixture
def sample_copy(qgis_app, repo_root, tmp_path) -> Path:
    """A copy of the committed sample dossier (skip, or fail in CI, when it is not built)."""
    from helpers_data import need_sample_gpkg

    need_sample_gpkg()
    shutil.copytree(repo_root / "sample", tmp_path / "sample")
    return tmp_path / "sample" / "atelier_59464.gpkg"


def test_sample_package_with_basemap_opens_elsewhere(atelier_provider, sample_copy, tmp_path):
    """The real sample: styled dossier layers, tiles rendered offline, photos found."""
    import processing
    from qgis.core import QgsProject, QgsRasterLayer

    from poix_atelier_plugin.store import workspace

    group = workspace.read_groups(sample_copy)[0].name
    result = processing.run(
        "atelier:export_field_package",
        {
            "DOSSIER": str(sample_copy),
            "GROUP": group,
            "OUTPUT_FOLDER": str(tmp_path / "out"),
            "ZOOM_MAX": 14,
        },
    )
    moved = tmp_path / "tablet" / "pkg"
    shutil.copytree(result["PACKAGE"], moved)
    shutil.rmtree(result["PACKAGE"])
    qgz = next(moved.glob("*.qgz"))
    project = QgsProject()
    assert project.read(str(qgz))
    layers = list(project.mapLayers().values())
    assert all(lyr.isValid() for lyr in layers), [lyr.name() for lyr in layers if not lyr.isValid()]
    tiles = [lyr for lyr in layers if isinstance(lyr, QgsRasterLayer)]
    assert len(tiles) == 1
    con = sqlite3.connect(str(moved / BASEMAP))
    zooms = dict(con.execute("SELECT zoom_level, count(*) FROM tiles GROUP BY zoom_level"))
    con.close()
    assert min(zooms) == 12 and max(zooms) == 14 and all(zooms.values())
    obs = next(
        lyr
        for lyr in layers
        if lyr.customProperty("atelier/table") == "observations"
        and lyr.customProperty("atelier/package_groupe")
    )
    photos = [f["photo"] for f in obs.getFeatures() if f["photo"]]
    assert photos and all((moved / p).is_file() for p in photos)
    project.clear()


BASEMAP = "fond_de_plan.mbtiles"


def test_package_form_shows_the_photo(atelier_provider, qgis_iface, dossier, tmp_path):
    """Opened as the current project from another folder, the form finds the thumbnail."""
    from qgis.core import QgsProject
    from qgis.gui import QgsAttributeForm, QgsExternalResourceWidget, QgsGui
    from qgis.PyQt.QtWidgets import QLabel

    QgsGui.editorWidgetRegistry().initEditors()
    package = export(dossier, tmp_path / "out")
    moved = tmp_path / "phone" / "x"
    shutil.copytree(package, moved)
    shutil.rmtree(package)
    project = QgsProject.instance()
    try:
        assert project.read(str(moved / "terrain_Groupe_1.qgz"))
        obs = next(
            lyr
            for lyr in project.mapLayers().values()
            if lyr.customProperty("atelier/table") == "observations"
        )
        form = QgsAttributeForm(obs, next(obs.getFeatures()))
        form.show()
        widget = form.findChild(QgsExternalResourceWidget)
        assert widget.documentPath() == "DCIM/Groupe_1/g1.jpg"
        shown = [
            lbl
            for lbl in widget.findChildren(QLabel)
            if lbl.isVisible() and lbl.pixmap() and lbl.pixmap().height() >= 100
        ]
        assert shown, "the photo is not found from the moved package"
        form.close()
    finally:
        project.clear()


def test_basemap_leaves_no_file_in_the_working_directory(
    atelier_provider, dossier, tmp_path, monkeypatch
):
    from osgeo import gdal
    from qgis.core import QgsRasterBandStats, QgsRectangle

    from poix_atelier_plugin.services.field import package_layers

    if package_layers.basemap_algorithm() is None:
        pytest.skip("no tilesxyzmbtiles algorithm in this QGIS")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    global_pam = gdal.GetConfigOption("GDAL_PAM_ENABLED")
    target = tmp_path / "tiles" / "fond.mbtiles"
    target.parent.mkdir()
    assert package_layers.render_basemap(dossier, target, zoom_min=12, zoom_max=13)
    assert sorted(p.name for p in cwd.iterdir()) == []
    # statistics sampled the way QGIS does for a renderer read an overview (zoom 12)
    layer = package_layers.basemap_layer(target, "fond")
    assert layer.isValid() and layer.dataProvider().hasStatistics(1) is False
    stats = layer.dataProvider().bandStatistics(1, QgsRasterBandStats.All, QgsRectangle(), 250)
    assert stats.maximumValue > 0
    del layer
    assert sorted(p.name for p in cwd.iterdir()) == []
    assert sorted(p.name for p in target.parent.iterdir()) == ["fond.mbtiles"]
    # the whole export too, and GDAL's options are as before for every thread
    package = export(dossier, tmp_path / "out", basemap=True)
    assert sorted(p.name for p in cwd.iterdir()) == []
    assert not list(package.rglob("*.aux.xml"))
    assert gdal.GetConfigOption("GDAL_PAM_ENABLED") == global_pam
    assert gdal.GetThreadLocalConfigOption("GDAL_PAM_ENABLED", None) is None
