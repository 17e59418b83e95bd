# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared steps of the merge tests: a dossier with groups, a package, a day of work on both sides."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

from tests import helpers_photos as hp

G1 = "Groupe 1"


def add(gpkg: Path, table: str, wkt: str | None, geometry=None, **values) -> int:
    from qgis.core import QgsFeature, QgsGeometry

    from poix_atelier_plugin.store import workspace

    layer = workspace.open_layer(gpkg, table, geometry=geometry)
    feat = QgsFeature(layer.fields())
    feat["uid"] = workspace.new_uid()
    for k, v in values.items():
        feat[k] = v
    if wkt:
        feat.setGeometry(QgsGeometry.fromWkt(wkt))
    ok, out = layer.dataProvider().addFeatures([feat])
    assert ok
    return out[0].id()


def stops(gpkg: Path, groupe: str = G1) -> dict:
    from poix_atelier_plugin.store import workspace

    return {f["uid"]: f for f in workspace.open_layer(gpkg, "arrets", groupe).getFeatures()}


def by_name(gpkg: Path, name: str, table: str = "arrets"):
    from poix_atelier_plugin.store import workspace

    key = "titre" if table == "enjeux" else "nom"
    layer = workspace.open_layer(gpkg, table)
    found = [f for f in layer.getFeatures() if f[key] == name]
    assert len(found) == 1, (name, len(found))
    return layer, found[0]


def change(gpkg: Path, name: str, table: str = "arrets", geometry=None, **values) -> None:
    layer, feat = by_name(gpkg, name, table)
    provider = layer.dataProvider()
    if values:
        changes = {layer.fields().indexOf(k): v for k, v in values.items()}
        assert provider.changeAttributeValues({feat.id(): changes})
    if geometry is not None:
        assert provider.changeGeometryValues({feat.id(): geometry})


def delete(gpkg: Path, name: str, table: str = "arrets") -> None:
    layer, feat = by_name(gpkg, name, table)
    assert layer.dataProvider().deleteFeatures([feat.id()])


def dump(gpkg: Path) -> dict:
    """Every contract table's rows, to check what did (not) change."""
    from poix_atelier_plugin.domain import schema

    con = sqlite3.connect(str(gpkg))
    try:
        return {
            t.name: sorted(map(repr, con.execute(f'SELECT * FROM "{t.name}"')))
            for t in schema.TABLES
        }
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_dossier(folder: Path) -> Path:
    """Two groups' stops, a fourth stop, a site and an enjeu linked to it."""
    gpkg = hp.make_dossier(folder)
    hp.add_stops(gpkg, G1, [(743900.0, 7010700.0, 4, "Lavoir")])
    site = add(
        gpkg,
        "sites_projet",
        "Polygon((744000 7010000,744200 7010000,744200 7010200,744000 7010000))",
        groupe=G1,
        nom="Friche textile",
        origine="commune",
    )
    add(
        gpkg,
        "enjeux",
        None,
        groupe=G1,
        titre="Reconvertir la friche",
        niveau="important",
        site_id=site,
    )
    return gpkg


def export(dossier: Path, out: Path) -> Path:
    import processing

    result = processing.run(
        "atelier:export_field_package",
        {"DOSSIER": str(dossier), "GROUP": G1, "OUTPUT_FOLDER": str(out), "BASEMAP": False},
    )
    return Path(result["PACKAGE"])


def merge(dossier: Path, package: Path) -> dict:
    import processing

    return processing.run(
        "atelier:merge_field_package", {"DOSSIER": str(dossier), "PACKAGE": str(package)}
    )


def the_day(dossier: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Export, then the office and the field both work; returns (package folder, its gpkg)."""
    from qgis.core import QgsGeometry, QgsPointXY

    package = export(dossier, tmp_path / "out")
    field = tmp_path / "tablet" / package.name
    shutil.copytree(package, field)
    shutil.rmtree(package)  # the copy that comes back is the one from the tablet
    gpkg = field / f"{package.name}.gpkg"
    # at the office
    change(dossier, "Place Talma", nom="Place Talma (mairie)")
    change(dossier, "Lavoir", notes="Toiture à refaire")
    change(dossier, "Reconvertir la friche", "enjeux", niveau="imperatif")
    # in the field
    change(
        gpkg,
        "Église Saint-Martin",
        nom="Église Saint-Martin (parvis)",
        geometry=QgsGeometry.fromPointXY(QgsPointXY(743705.0, 7010502.0)),
    )
    change(
        gpkg,
        "Place Talma",
        geometry=QgsGeometry.fromPointXY(QgsPointXY(743400.0, 7010270.0 + 1e-7)),
    )
    delete(gpkg, "Ancienne filature")
    add(gpkg, "arrets", "Point(743950 7010400)", groupe=G1, ordre=5, nom="Keighley Hall")
    change(gpkg, "Lavoir", notes="Lavoir restauré en 2019")
    change(gpkg, "Reconvertir la friche", "enjeux", niveau="a_suivre")
    add(gpkg, "enjeux", None, groupe=G1, titre="Ajouté sur le terrain", niveau="important")
    return field, gpkg
