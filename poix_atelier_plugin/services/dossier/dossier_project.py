# SPDX-License-Identifier: GPL-2.0-or-later
"""The QGIS project of a dossier: layers from the GeoPackage, grouped by theme."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsLayerMetadata,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsMapSettings,
    QgsProject,
    QgsProviderRegistry,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize

from ... import compat
from ...domain import schema
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...infra.i18n import tr
from ...styles.dossier_styles import (
    PROP_THEME,
    THEME_KEYS,
    style_context,
    style_source,
    theme_label,
)
from . import online_layers

log = logging.getLogger(__name__)

PROP_DOSSIER_TABLE = "atelier/dossier_table"
PROP_SOURCE_NAME = "atelier/source_name"
PROP_SOURCE_DATE = "atelier/source_date"
PROP_SOURCE_URI = "atelier/source_uri"
PROP_INSEE = "atelier/insee"


@dataclass
class DossierLayer:
    """A table of the dossier GeoPackage and how to show it."""

    table: str
    title: str
    theme: str
    kind: str
    source_name: str = ""
    source_uri: str = ""
    source_date: str = ""
    #: the source's own credit (attribution or metadata rights), kept as the layer's rights
    rights: str = ""


def source_rights(layer: QgsMapLayer) -> str:
    """What a layer says of its source: its attribution, else its metadata rights."""
    server = layer.serverProperties() if hasattr(layer, "serverProperties") else None
    attribution = (
        server.attribution()
        if server is not None and hasattr(server, "attribution")
        else layer.attribution()
    )
    for text in (attribution, "; ".join(r for r in layer.metadata().rights() if r.strip())):
        text = (text or "").strip()
        if text:
            return text
    return ""


def context_title(table: str) -> str:
    return {
        "commune": tr("Commune"),
        "communes_voisines": tr("Neighbouring communes"),
        "perimetre_etude": tr("Study area"),
    }.get(table, table)


def _metadata(spec: DossierLayer, insee: str) -> QgsLayerMetadata:
    meta = QgsLayerMetadata()
    meta.setIdentifier(spec.table)
    meta.setTitle(spec.title)
    meta.setType("dataset")
    meta.setLanguage("fra")
    meta.setCrs(QgsCoordinateReferenceSystem(schema.CRS_AUTHID))
    if spec.source_name:
        meta.setAbstract(
            tr("Clipped from the source {source} on {date} for the commune {insee}.").format(
                source=spec.source_name, date=spec.source_date, insee=insee
            )
        )
        meta.addHistoryItem(f"{spec.source_date}: {spec.source_name} ({spec.source_uri})")
    if spec.rights:
        meta.setRights([spec.rights])
    meta.setKeywords({"atelier": [spec.theme, spec.kind, insee]})
    return meta


def open_dossier_layer(gpkg: str, spec: DossierLayer, insee: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{gpkg}|layername={spec.table}", spec.title, "ogr")
    layer.setCustomProperty(PROP_DOSSIER_TABLE, spec.table)
    layer.setCustomProperty(PROP_THEME, spec.theme)
    layer.setCustomProperty(PROP_INSEE, insee)
    if spec.source_name:
        layer.setCustomProperty(PROP_SOURCE_NAME, spec.source_name)
        layer.setCustomProperty(PROP_SOURCE_DATE, spec.source_date)
        layer.setCustomProperty(PROP_SOURCE_URI, spec.source_uri)
    layer.setMetadata(_metadata(spec, insee))
    return layer


def style_and_store(gpkg: str, layer: QgsVectorLayer, spec: DossierLayer) -> None:
    """Style the layer, save it as default style and its metadata inside the GeoPackage."""
    if spec.theme == "contexte" and spec.table in (
        "commune",
        "communes_voisines",
        "perimetre_etude",
    ):
        style_context(layer, spec.table)
    else:
        style_source(layer, spec.kind)
    error = compat.save_style_to_database(layer, spec.table, spec.title)
    if error:
        log.warning(tr("Style of {table} not saved: {error}").format(table=spec.table, error=error))
    try:
        ok, message = QgsProviderRegistry.instance().saveLayerMetadata(
            "ogr", layer.source(), layer.metadata()
        )
        if not ok:
            log.info(
                tr("Metadata of {table} not saved in the GeoPackage: {error}").format(
                    table=spec.table, error=message
                )
            )
    except (AttributeError, TypeError) as exc:  # not available on this QGIS
        log.info(tr("Layer metadata not saved in the GeoPackage: {error}").format(error=exc))


def _write_canvas(project: QgsProject, extent: QgsRectangle):
    """Store a map canvas extent so the desktop opens the project on the commune."""
    crs = QgsCoordinateReferenceSystem(schema.CRS_AUTHID)

    def on_write(doc):
        roots = doc.elementsByTagName("qgis")
        if roots.isEmpty():
            return
        root = roots.item(0).toElement()
        old = root.firstChildElement("mapcanvas")
        while not old.isNull():
            root.removeChild(old)
            old = root.firstChildElement("mapcanvas")
        node = doc.createElement("mapcanvas")
        node.setAttribute("name", "theMapCanvas")
        node.setAttribute("annotationsVisible", "1")
        root.appendChild(node)
        settings = QgsMapSettings()
        settings.setDestinationCrs(crs)
        settings.setOutputSize(QSize(1400, 1000))
        settings.setExtent(extent)
        settings.writeXml(node, doc)

    return on_write


def build_project(
    qgz: str,
    gpkg: str,
    specs: list[DossierLayer],
    insee: str,
    commune_name: str,
    extent: QgsRectangle,
    with_online: bool,
) -> list[str]:
    """Write the themed project; returns the online layers that could not connect."""
    project = QgsProject()
    crs = QgsCoordinateReferenceSystem(schema.CRS_AUTHID)
    project.setCrs(crs)
    project.setTitle(
        tr("Workshop dossier: {name} ({insee})").format(name=commune_name, insee=insee)
    )
    project.writeEntry("Paths", "/Absolute", False)
    project.writeEntry(
        "poix_atelier_plugin", "dossier_path", "./" + gpkg.replace("\\", "/").split("/")[-1]
    )
    project.writeEntry("poix_atelier_plugin", "insee", insee)
    root = project.layerTreeRoot()
    groups: dict[str, QgsLayerTreeGroup] = {}
    for key in THEME_KEYS:
        if any(spec.theme == key for spec in specs):
            group = root.addGroup(theme_label(key))
            group.setCustomProperty(PROP_THEME, key)
            groups[key] = group
    opened = []
    for spec in specs:
        layer = open_dossier_layer(gpkg, spec, insee)
        style_and_store(gpkg, layer, spec)
        opened.append((spec, layer))
    # Within a theme, points over lines over polygons, so nothing hides the points.
    rank = {compat.GEOMETRY_POINT: 0, compat.GEOMETRY_LINE: 1}
    opened.sort(key=lambda pair: rank.get(pair[1].geometryType(), 2))  # stable: context kept
    for spec, layer in opened:
        project.addMapLayer(layer, False)
        node = groups[spec.theme].addLayer(layer)
        if spec.kind == "parcelle" or spec.table == "perimetre_etude":
            node.setItemVisibilityChecked(spec.table == "perimetre_etude")
    offline: list[str] = []
    if with_online:
        group = root.addGroup(theme_label("en_ligne"))
        group.setCustomProperty(PROP_THEME, "en_ligne")
        for layer, visible in online_layers.create_layers(insee):
            project.addMapLayer(layer, False)
            node = group.addLayer(layer)
            node.setItemVisibilityChecked(visible)
            if not layer.isValid():
                offline.append(layer.name())
    view = extent.buffered(max(extent.width(), extent.height()) * 0.05)
    project.viewSettings().setDefaultViewExtent(QgsReferencedRectangle(view, crs))
    handler = _write_canvas(project, view)
    project.writeProject.connect(handler)
    if not project.write(qgz):
        raise AtelierError(
            QT_TR_NOOP("Cannot write the project {path}: {reason}"),
            path=qgz,
            reason=project.error(),
        )
    project.writeProject.disconnect(handler)
    project.clear()
    return offline
