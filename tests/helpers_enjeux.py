# SPDX-License-Identifier: GPL-2.0-or-later
"""Helpers for the diagnostic / enjeux / toolbox tests: a fresh group workspace."""

from __future__ import annotations

from pathlib import Path


def new_workspace(folder: Path, groups=("Groupe 1", "Groupe 2")) -> str:
    """A GeoPackage with every contract table, the groups and the shipped catalogue."""
    from poix_atelier_plugin.domain.groups import normalise_groups
    from poix_atelier_plugin.services.toolbox.catalogue import ensure_catalogue
    from poix_atelier_plugin.store.workspace import create_workspace

    gpkg = str(folder / "atelier_59464.gpkg")
    create_workspace(gpkg, normalise_groups(list(groups)))
    ensure_catalogue(gpkg)  # harmless when create_workspace already did it
    return gpkg


def add_row(gpkg: str, table: str, values: dict, wkt: str | None = None) -> int:
    """Write one feature through the provider, as a form would; returns its fid."""
    from qgis.core import QgsFeature, QgsGeometry

    from poix_atelier_plugin.store.workspace import new_uid, open_layer

    layer = open_layer(gpkg, table)
    feat = QgsFeature(layer.fields())
    feat["uid"] = new_uid()
    for key, value in values.items():
        feat[key] = value
    if wkt:
        feat.setGeometry(QgsGeometry.fromWkt(wkt))
    ok, added = layer.dataProvider().addFeatures([feat])
    assert ok, layer.dataProvider().errors()
    return added[0].id()


def group_layer(gpkg: str, table: str, groupe: str | None, geometry: str | None = None):
    """A group layer as the project holds it: subset in the URI, atelier properties set.

    (On QGIS 3.22 + GDAL 3.6, ``setSubsetString`` on several tables of one fresh
    GeoPackage can leave layers without fields; the saved project form, with the
    subset in the source, does not.)
    """
    from qgis.core import QgsVectorLayer

    from poix_atelier_plugin.store.workspace import PROP_GROUP, PROP_TABLE, group_filter, layer_uri

    uri = layer_uri(gpkg, table, geometry)
    if groupe is not None:
        uri += f"|subset={group_filter(groupe)}"
    layer = QgsVectorLayer(uri, f"{table} {groupe or ''}".strip(), "ogr")
    assert layer.isValid() and layer.fields().count() > 0, uri
    layer.setCustomProperty(PROP_TABLE, table)
    if groupe is not None:
        layer.setCustomProperty(PROP_GROUP, groupe)
    return layer
