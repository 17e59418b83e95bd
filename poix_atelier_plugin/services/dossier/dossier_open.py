# SPDX-License-Identifier: GPL-2.0-or-later
"""Opening a dossier: its project (.qgz) or its GeoPackage on its own.

A GeoPackage alone still looks right: styles (with the theme custom
property) come back from ``layer_styles`` and the layers are regrouped by theme.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from qgis.core import (
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)

from ... import compat
from ...domain import schema
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...store.sqlite_ro import connect_readonly
from ...styles.dossier_styles import PROP_THEME, THEME_KEYS, theme_label
from .dossier_project import PROP_DOSSIER_TABLE

CONTEXT_ORDER = ("perimetre_etude", "commune", "communes_voisines")
WORKSPACE_TABLES = frozenset({t.name for t in schema.TABLES} | {"groupes"})


def dossier_tables(gpkg: str | Path) -> list[str]:
    """Spatial tables of the dossier (not the group workspace), context first."""
    try:
        with closing(connect_readonly(gpkg)) as db:
            rows = db.execute(
                "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY rowid"
            ).fetchall()
    except sqlite3.Error as exc:
        raise AtelierError(
            QT_TR_NOOP("The file {path} is not a readable GeoPackage: {reason}"),
            path=str(gpkg),
            reason=str(exc),
        ) from exc
    tables = [r[0] for r in rows if r[0] not in WORKSPACE_TABLES]
    if "commune" not in tables:
        raise AtelierError(
            QT_TR_NOOP("The GeoPackage {path} is not a commune dossier (no commune table)."),
            path=str(gpkg),
        )
    context = [t for t in CONTEXT_ORDER if t in tables]
    return context + [t for t in tables if t not in CONTEXT_ORDER]


def add_dossier_layers(project: QgsProject, gpkg: str | Path) -> list[QgsVectorLayer]:
    """Add the dossier's layers (default styles from the GeoPackage) grouped by theme."""
    root = project.layerTreeRoot()
    groups = {
        g.customProperty(PROP_THEME): g for g in root.children() if g.customProperty(PROP_THEME)
    }
    added = []
    for table in dossier_tables(gpkg):
        layer = QgsVectorLayer(f"{gpkg}|layername={table}", table, "ogr")
        if layer.isValid():
            layer.setCustomProperty(PROP_DOSSIER_TABLE, table)
            added.append(layer)
    rank = {compat.GEOMETRY_POINT: 0, compat.GEOMETRY_LINE: 1}
    added.sort(key=lambda lyr: rank.get(lyr.geometryType(), 2))  # stable: context kept first
    for layer in added:
        theme = layer.customProperty(PROP_THEME) or "contexte"
        if theme not in THEME_KEYS:
            theme = "contexte"
        if theme not in groups:
            index = sum(1 for k in THEME_KEYS[: THEME_KEYS.index(theme)] if k in groups)
            groups[theme] = root.insertGroup(index, theme_label(theme))
            groups[theme].setCustomProperty(PROP_THEME, theme)
        project.addMapLayer(layer, False)
        groups[theme].addLayer(layer)
    return added


def commune_layer(project: QgsProject) -> QgsVectorLayer | None:
    for layer in project.mapLayers().values():
        if layer.customProperty(PROP_DOSSIER_TABLE) == "commune":
            return layer
    for layer in project.mapLayers().values():
        if isinstance(layer, QgsVectorLayer) and layer.source().endswith("|layername=commune"):
            return layer
    return None


def commune_extent(project: QgsProject) -> QgsRectangle | None:
    """The commune's extent in the project CRS, with a margin; None if no commune layer."""
    layer = commune_layer(project)
    if layer is None or not layer.isValid():
        return None
    xform = QgsCoordinateTransform(layer.crs(), project.crs(), project)
    extent = xform.transformBoundingBox(layer.extent())
    return extent.buffered(max(extent.width(), extent.height()) * 0.08)


def project_dossier_gpkg(project: QgsProject, qgz: str | Path) -> str:
    """The GeoPackage of a dossier project (stored entry, else ``atelier_<INSEE>.gpkg`` beside)."""
    stored = project.readEntry("poix_atelier_plugin", "dossier_path", "")[0]
    if stored:
        path = project.readPath(stored)
        if Path(path).is_file():
            return path
    layer = commune_layer(project)
    if layer is not None:
        return layer.source().split("|")[0]
    candidates = sorted(Path(qgz).parent.glob("atelier_*.gpkg"))
    return str(candidates[0]) if candidates else ""
