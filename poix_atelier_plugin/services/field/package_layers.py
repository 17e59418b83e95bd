# SPDX-License-Identifier: GPL-2.0-or-later
"""The dossier's own layers in a field package, and its offline basemap.

The basemap is rendered from those local layers (never from online
services: it must work without a network) with ``native:tilesxyzmbtiles``
(QGIS ≥ 3.26) or ``qgis:tilesxyzmbtiles`` (3.22), into MBTiles that QField
and QGIS read through GDAL.
"""

from __future__ import annotations

import logging
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsFeedback,
    QgsLayerTreeGroup,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

from ...domain import schema
from ...infra.gdal_options import no_side_files
from ...infra.i18n import tr
from ...store import workspace
from ...store.sqlite_ro import connect_readonly
from ..photos import photos

LOG = logging.getLogger(__name__)
_SYSTEM_TABLES = {"layer_styles", "qgis_projects"}


def _contents(gpkg: Path) -> list[tuple[str, str]]:
    con = connect_readonly(gpkg)
    try:
        return list(con.execute("SELECT table_name, data_type FROM gpkg_contents"))
    finally:
        con.close()


def basemap_algorithm() -> str | None:
    registry = QgsApplication.processingRegistry()
    for alg_id in ("native:tilesxyzmbtiles", "qgis:tilesxyzmbtiles"):
        if registry.algorithmById(alg_id) is not None:
            return alg_id
    return None


def render_basemap(
    gpkg: Path,
    target: Path,
    zoom_min: int = 12,
    zoom_max: int = 16,
    feedback: QgsFeedback | None = None,
) -> bool:
    """Render the dossier's own local layers to MBTiles (works offline)."""
    alg_id = basemap_algorithm()
    if alg_id is None:
        LOG.warning(tr("No tilesxyzmbtiles algorithm: the package has no offline basemap"))
        return False
    from qgis import processing

    project = QgsProject()
    project.setCrs(workspace.crs())
    layers = reference_layers(gpkg, project, project.layerTreeRoot())
    if not layers:
        return False
    for layer in layers:  # names come from the vector layers drawn over the basemap
        if isinstance(layer, QgsVectorLayer):
            layer.setLabelsEnabled(False)
    area = photos.study_area(gpkg)
    extent = area.boundingBox() if area is not None else layers[0].extent()
    context = QgsProcessingContext()
    context.setProject(project)
    params = {
        "EXTENT": f"{extent.xMinimum()},{extent.xMaximum()},{extent.yMinimum()},"
        f"{extent.yMaximum()} [{schema.CRS_AUTHID}]",
        "ZOOM_MIN": zoom_min,
        "ZOOM_MAX": zoom_max,
        "DPI": 96,
        "BACKGROUND_COLOR": "#f4f1ea",
        "TILE_FORMAT": 1,  # JPG: small
        "QUALITY": 75,
        "METATILESIZE": 4,
        "OUTPUT_FILE": str(target),
    }
    pfeedback = QgsProcessingFeedback()
    if feedback is not None:
        pfeedback.progressChanged.connect(lambda v: feedback.setProgress(20 + 0.7 * v))
        feedback.canceled.connect(pfeedback.cancel)
    try:
        with no_side_files():  # the algorithm's zoom-level datasets would write into the cwd
            processing.run(alg_id, params, context=context, feedback=pfeedback)
    finally:
        project.clear()  # release the GeoPackage connections
    return target.is_file()


def basemap_layer(path: Path, name: str) -> QgsRasterLayer:
    """The rendered tiles as a raster layer, keeping no GDAL side file.

    Statistics QGIS samples on an MBTiles overview are saved by GDAL next to
    the overview's description, " - zoom_level=12", a relative name: the file
    would land in the process's working directory. GDAL reads the option when
    the dataset is opened, so opening inside the block is enough.
    """
    with no_side_files():
        return QgsRasterLayer(str(path), name, "gdal")


def reference_layers(gpkg: Path, project: QgsProject, parent: QgsLayerTreeGroup) -> list:
    """The dossier's own layers (not the group tables), added read-only under ``parent``."""
    contract = set(schema.TABLES_BY_NAME)
    out = []
    for name, kind in _contents(gpkg):
        if name in contract or name in _SYSTEM_TABLES:
            continue
        if kind in ("tiles", "2d-gridded-coverage"):
            layer = QgsRasterLayer(f"GPKG:{gpkg}:{name}", name, "gdal")
        elif kind == "features":
            layer = QgsVectorLayer(workspace.layer_uri(gpkg, name), name, "ogr")
        else:
            continue
        if not layer.isValid():
            continue
        if isinstance(layer, QgsVectorLayer):
            layer.setReadOnly(True)
        layer.setCustomProperty("QFieldSync/action", "copy")
        layer.setCustomProperty("QFieldSync/cloud_action", "no_action")
        out.append(layer)
    out.sort(key=_draw_rank)
    for layer in out:
        project.addMapLayer(layer, False)
        parent.addLayer(layer)
    return out


def _draw_rank(layer) -> int:
    """Legend order, top first: outlines, points, lines, polygons, rasters."""
    if isinstance(layer, QgsRasterLayer):
        return 5
    if layer.name() in ("perimetre_etude", "commune"):
        return 0
    return 1 + int(layer.geometryType())  # point 0, line 1, polygon 2
