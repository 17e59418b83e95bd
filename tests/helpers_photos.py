# SPDX-License-Identifier: GPL-2.0-or-later
"""Test helpers for photos and field packages: a small dossier, generated photos.

The dossier is built the way the plugin builds one (``create_workspace``),
with a ``perimetre_etude`` rectangle over Poix-du-Nord and a few stops, so
the tests need neither the sample nor the dossier builder.
Photos are real JPEGs with EXIF GPS written by Pillow (or, without Pillow,
QImage + ``QgsExifTools.geoTagImage``), read back by QGIS.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from poix_atelier_plugin.domain.groups import GroupSpec
from poix_atelier_plugin.store import workspace

#: Poix-du-Nord in Lambert-93 (data/README.md), and a village point.
POIX_EXTENT = (742185.0, 7007764.0, 746187.0, 7012450.0)
VILLAGE_2154 = (743398.0, 7010266.0)  # ≈ 50.189 N, 3.607 E
#: Stops of "Groupe 1" (x, y, ordre, nom) and of "Groupe 2".
STOPS_G1 = [
    (743400.0, 7010270.0, 1, "Place Talma"),
    (743700.0, 7010500.0, 2, "Église Saint-Martin"),
    (744100.0, 7010100.0, 3, "Ancienne filature"),
]
STOPS_G2 = [(743420.0, 7010280.0, 1, "Keighley Hall")]
GROUPS = ["Groupe 1", "Groupe 2"]


def to_wgs84(x: float, y: float) -> tuple[float, float]:
    """(lat, lon) of a Lambert-93 point."""
    xform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:2154"),
        QgsCoordinateReferenceSystem("EPSG:4326"),
        QgsProject.instance(),
    )
    p = xform.transform(QgsPointXY(x, y))
    return p.y(), p.x()


def _write_polygon_layer(gpkg: Path, name: str, rect: QgsRectangle) -> None:
    fields = QgsFields()
    fields.append(QgsField("nom", QVariant.String))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    writer = QgsVectorFileWriter.create(
        str(gpkg),
        fields,
        QgsWkbTypes.Polygon,
        QgsCoordinateReferenceSystem("EPSG:2154"),
        QgsCoordinateTransformContext(),
        options,
    )
    feat = QgsFeature(fields)
    feat["nom"] = "Poix-du-Nord"
    feat.setGeometry(QgsGeometry.fromRect(rect))
    writer.addFeature(feat)
    del writer


def add_stops(gpkg: Path, groupe: str, stops) -> list[int]:
    layer = workspace.open_layer(gpkg, "arrets")
    feats = []
    for x, y, ordre, nom in stops:
        feat = QgsFeature(layer.fields())
        feat["uid"] = workspace.new_uid()
        feat["groupe"] = groupe
        feat["ordre"] = ordre
        feat["nom"] = nom
        feat["duree_min"] = 10
        feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(feat)
    ok, out = layer.dataProvider().addFeatures(feats)
    assert ok
    return [f.id() for f in out]


def make_dossier(folder: Path) -> Path:
    """A dossier GeoPackage with two groups, a perimeter and stops."""
    folder.mkdir(parents=True, exist_ok=True)
    gpkg = folder / "atelier_59464.gpkg"
    specs = [GroupSpec(name=n, order=i + 1) for i, n in enumerate(GROUPS)]
    workspace.create_workspace(gpkg, specs)
    _write_polygon_layer(gpkg, "commune", QgsRectangle(*POIX_EXTENT))
    x0, y0, x1, y1 = POIX_EXTENT
    _write_polygon_layer(
        gpkg, "perimetre_etude", QgsRectangle(x0 - 500, y0 - 500, x1 + 500, y1 + 500)
    )
    add_stops(gpkg, GROUPS[0], STOPS_G1)
    add_stops(gpkg, GROUPS[1], STOPS_G2)
    return gpkg


def make_photo(
    path: Path,
    lat: float | None,
    lon: float | None,
    when: str = "2026:05:12 10:31:00",
    azimut: float | None = None,
    size: tuple[int, int] = (96, 72),
    colour: tuple[int, int, int] = (110, 150, 90),
    image=None,
) -> Path:
    """A small JPEG, geotagged when lat/lon are given (EXIF written by Pillow).

    ``image`` (a PIL image) replaces the flat colour, e.g. a realistic texture.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        from PIL import Image
        from PIL.TiffImagePlugin import IFDRational
    except ImportError:  # pragma: no cover - fallback without Pillow
        return _make_photo_qt(path, lat, lon, size, colour)

    def dms(value: float):
        value = abs(value)
        d = int(value)
        m = int((value - d) * 60)
        s = (value - d - m / 60) * 3600
        return (IFDRational(d, 1), IFDRational(m, 1), IFDRational(round(s * 10000), 10000))

    img = image if image is not None else Image.new("RGB", size, colour)
    exif = Image.Exif()
    exif[0x0132] = when  # DateTime
    exif[0x8769] = {0x9003: when}  # DateTimeOriginal
    if lat is not None and lon is not None:
        gps = {1: "N" if lat >= 0 else "S", 2: dms(lat), 3: "E" if lon >= 0 else "W", 4: dms(lon)}
        if azimut is not None:
            gps[16] = "T"
            gps[17] = IFDRational(round(azimut * 100), 100)
        exif[0x8825] = gps
    img.save(path, "JPEG", quality=70, exif=exif)
    return path


def _make_photo_qt(path, lat, lon, size, colour) -> Path:
    from qgis.core import QgsExifTools
    from qgis.PyQt.QtGui import QColor, QImage

    img = QImage(size[0], size[1], QImage.Format_RGB32)
    img.fill(QColor(*colour))
    assert img.save(str(path), "JPG")
    if lat is not None:
        assert QgsExifTools.geoTagImage(str(path), QgsPointXY(lon, lat))
    return path


def make_photo_at(path: Path, x: float, y: float, **kwargs) -> Path:
    """A photo taken at a Lambert-93 point."""
    lat, lon = to_wgs84(x, y)
    return make_photo(path, lat, lon, **kwargs)
