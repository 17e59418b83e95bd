# SPDX-License-Identifier: GPL-2.0-or-later
"""A small real dossier for the group tests: the workspace tables plus roads.

Built in a temporary folder with the plugin's own ``create_workspace`` and a
``troncon_de_route`` layer in Lambert-93 around the village centre of
Poix-du-Nord (X 744200, Y 7010100).
"""

from __future__ import annotations

import shutil
from pathlib import Path

X0, Y0 = 744200.0, 7010100.0
TRICKY = 'L\'équipe "B"'
REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample"

#: Straight streets (relative to the centre): an L-shaped main street and a side street.
ROADS = {
    "rue de la République": [(-600, 0), (0, 0), (600, 0)],
    "rue Saint-Georges": [(0, 0), (0, 500), (0, 900)],
    "rue de Neuville": [(600, 0), (600, -400)],
}


def build_dossier(folder: Path, groups: str = "Groupe 1;Groupe 2;" + TRICKY) -> Path:
    from qgis.core import (
        QgsCoordinateTransformContext,
        QgsFeature,
        QgsField,
        QgsFields,
        QgsGeometry,
        QgsPointXY,
        QgsVectorFileWriter,
        QgsWkbTypes,
    )
    from qgis.PyQt.QtCore import QVariant

    from poix_atelier_plugin.services import groups as groups_service
    from poix_atelier_plugin.store import workspace

    gpkg = folder / "atelier_59464.gpkg"
    groups_service.create_groups(gpkg, groups)
    fields = QgsFields()
    fields.append(QgsField("nom", QVariant.String))
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "troncon_de_route"
    options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    writer = QgsVectorFileWriter.create(
        str(gpkg),
        fields,
        QgsWkbTypes.LineString,
        workspace.crs(),
        QgsCoordinateTransformContext(),
        options,
    )
    for name, pts in ROADS.items():
        feat = QgsFeature(fields)
        feat["nom"] = name
        feat.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(X0 + x, Y0 + y) for x, y in pts]))
        writer.addFeature(feat)
    del writer
    return gpkg


def roads_layer(gpkg: Path):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{gpkg}|layername=troncon_de_route", "Routes", "ogr")
    assert layer.isValid()
    return layer


def sample_copy(folder: Path) -> Path:
    """A copy of the committed sample dossier's GeoPackage (skip, or fail in CI, when absent)."""
    from helpers_data import need_sample_gpkg

    found = need_sample_gpkg()
    target = folder / found.name
    shutil.copy(found, target)
    return target
