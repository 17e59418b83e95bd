# SPDX-License-Identifier: GPL-2.0-or-later
"""Sources for the dossier tests: real GeoPackages in any CRS, written on the fly."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

#: Place Talma in the illustrative sample (Lambert-93) and Poix-du-Nord's real neighbours.
POIX = (744230.0, 7010080.0)
POIX_NEIGHBOURS = {
    "Bousies",
    "Englefontaine",
    "Hecq",
    "Louvignies-Quesnoy",
    "Neuville-en-Avesnois",
    "Preux-au-Bois",
    "Robersart",
    "Salesches",
    "Vendegies-au-Bois",
}
#: Lambert-93 extent of the Nord département (a little generous).
NORD_EXTENT = (600000.0, 6980000.0, 790000.0, 7130000.0)


def write_layer(
    path: Path,
    table: str,
    geometry_type: str,
    crs: str,
    rows: list[tuple[str, list]],
    fields: list[tuple[str, str]] = (("nom", "string"),),
    first: bool = True,
) -> Path:
    """Write WKT rows given in Lambert-93 into ``path``/``table`` stored in ``crs``."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsFeature,
        QgsField,
        QgsFields,
        QgsGeometry,
        QgsProject,
        QgsVectorFileWriter,
        QgsWkbTypes,
    )
    from qgis.PyQt.QtCore import QVariant

    kinds = {"string": QVariant.String, "int": QVariant.Int, "double": QVariant.Double}
    qfields = QgsFields()
    for name, kind in fields:
        qfields.append(QgsField(name, kinds[kind]))
    target = QgsCoordinateReferenceSystem(crs)
    xform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:2154"), target, QgsProject.instance()
    )
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.actionOnExistingFile = (
        QgsVectorFileWriter.CreateOrOverwriteFile
        if first
        else QgsVectorFileWriter.CreateOrOverwriteLayer
    )
    writer = QgsVectorFileWriter.create(
        str(path),
        qfields,
        QgsWkbTypes.parseType(geometry_type),
        target,
        QgsProject.instance().transformContext(),
        options,
    )
    assert writer.hasError() == QgsVectorFileWriter.NoError, writer.errorMessage()
    for wkt, attrs in rows:
        feature = QgsFeature(qfields)
        feature.setAttributes(attrs)
        geometry = QgsGeometry.fromWkt(wkt)
        geometry.transform(xform)
        feature.setGeometry(geometry)
        assert writer.addFeature(feature)
    del writer
    return path


def scattered_points(n: int, seed: int = 1, near: int = 0) -> list[tuple[str, list]]:
    """``n`` points over the whole Nord plus ``near`` points within 3 km of Poix-du-Nord."""
    rng = random.Random(seed)
    x0, y0, x1, y1 = NORD_EXTENT
    rows = [
        (f"POINT({rng.uniform(x0, x1):.2f} {rng.uniform(y0, y1):.2f})", [f"p{i}", i])
        for i in range(n)
    ]
    rows += [
        (
            f"POINT({POIX[0] + rng.uniform(-3000, 3000):.2f} {POIX[1] + rng.uniform(-3000, 3000):.2f})",
            [f"near{i}", n + i],
        )
        for i in range(near)
    ]
    return rows


def mixed_sources(folder: Path) -> dict[str, Path]:
    """Three sources around Poix-du-Nord: roads in EPSG:4326, parcels in EPSG:3950, points."""
    x, y = POIX
    roads = [
        (f"LINESTRING({x - 6000} {y}, {x + 6000} {y + 300})", ["rue de la République"]),
        (f"LINESTRING({x} {y - 6000}, {x + 200} {y + 6000})", ["rue Talma"]),
        (f"LINESTRING({x + 40000} {y}, {x + 41000} {y})", ["far away"]),
    ]
    parcels = []
    for i in range(-4, 5):
        for j in range(-4, 5):
            cx, cy = x + i * 700, y + j * 700
            parcels.append(
                (
                    f"POLYGON(({cx} {cy}, {cx + 650} {cy}, {cx + 650} {cy + 650}, "
                    f"{cx} {cy + 650}, {cx} {cy}))",
                    [f"P{i}{j}"],
                )
            )
    # One self-intersecting "bow tie" right in the village: must be repaired, not crash.
    parcels.append(
        (
            f"POLYGON(({x} {y}, {x + 100} {y + 100}, {x + 100} {y}, {x} {y + 100}, {x} {y}))",
            ["bowtie"],
        )
    )
    heritage = [
        (f"POINT({x + 15} {y - 25})", ["Monument Talma"]),
        ("POINT(700000 7050000)", ["Lille?"]),
    ]
    out = {
        "routes": write_layer(
            folder / "routes.gpkg", "routes", "MultiLineString", "EPSG:4326", roads
        ),
        "parcelles": write_layer(
            folder / "parcelles.gpkg", "parcelles", "MultiPolygon", "EPSG:3950", parcels
        ),
        "patrimoine": write_layer(
            folder / "patrimoine.gpkg", "patrimoine", "Point", "EPSG:2154", heritage
        ),
    }
    return out


def layer(path: Path, table: str, name: str | None = None):
    from qgis.core import QgsVectorLayer

    lyr = QgsVectorLayer(f"{path}|layername={table}", name or table, "ogr")
    assert lyr.isValid(), path
    return lyr


def gpkg_tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as db:
        return {r[0] for r in db.execute("SELECT table_name FROM gpkg_contents")}


def styled_tables(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as db:
        return {r[0] for r in db.execute("SELECT f_table_name FROM layer_styles")}


def srs_of(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as db:
        return dict(db.execute("SELECT table_name, srs_id FROM gpkg_geometry_columns"))


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []
