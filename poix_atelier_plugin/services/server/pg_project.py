# SPDX-License-Identifier: GPL-2.0-or-later
"""Projects over a server workshop: a group's layers, the facilitator's view.

The layers come from store.pg_layers (tagged like the GeoPackage ones, URIs
with ``authcfg=`` only); here they get the groups' styles and forms.
"""

from __future__ import annotations

import logging
from pathlib import Path

from qgis.core import QgsProject, QgsVectorLayer, QgsWkbTypes

from ...domain import schema
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...forms import forms
from ...infra.i18n import error_text, tr
from ...infra.settings import ProjectSettings
from ...infra.user_paths import same_path
from ...store import postgis, workspace
from ...store.pg_layers import PROP_DOSSIER, hide_server_columns, open_layer
from ...store.workspace import PROP_GEOMETRY
from ...styles.layer_styles import style_layer
from ..dossier.project_layers import analysis_specs, layer_specs

LOG = logging.getLogger(__name__)


def _specs() -> list[tuple[str, str | None, str]]:
    """(table, geometry, display name) of a group's node: the GeoPackage's, without
    the line layers of diagnostic and issues (a server project has none so far)."""
    analysis = [spec for spec in analysis_specs() if spec[1] != "LineString"]
    return layer_specs() + analysis


def add_group_layers(project: QgsProject, dossier: str, groups=None) -> dict:
    """A layer-tree node per group with its filtered server layers; {name: node}."""
    ws = postgis.parse_dossier(dossier)
    groups = groups if groups is not None else postgis.read_groups(ws)
    root = project.layerTreeRoot()
    nodes = {}
    for position, spec in enumerate(groups):
        node = root.insertGroup(position, spec.name)
        node.setCustomProperty(workspace.PROP_GROUP, spec.name)
        node.setCustomProperty("atelier/couleur", spec.colour)
        layers = []
        for table, geometry, name in _specs():
            layer = open_layer(dossier, table, spec.name, geometry, name)
            style_layer(layer, table, spec.colour, geometry)
            project.addMapLayer(layer, False)
            node.addLayer(layer)
            layers.append((layer, table))
        for layer, table in layers:
            forms.configure_form(layer, table, spec.name, project)
            hide_server_columns(layer)
        nodes[spec.name] = node
    return nodes


def add_dossier_layers(project: QgsProject, dossier: str, tables: list[str]) -> list:
    """The dossier's own layers (commune, perimeter, sources) under one node."""
    node = project.layerTreeRoot().addGroup(tr("Dossier"))
    added = []
    for table in tables:
        try:
            layer = open_layer(dossier, table)
        except AtelierError as exc:
            LOG.warning("%s", error_text(exc))
            continue
        layer.loadDefaultStyle()
        project.addMapLayer(layer, False)
        node.addLayer(layer)
        added.append(layer)
    return added


def repoint_layers(project: QgsProject, gpkg: str | Path, dossier: str) -> int:
    """Point a dossier project's GeoPackage layers at the server; returns how many.

    Styles, legend groups, themes, filters and online layers stay as they are.
    """
    from qgis.core import QgsDataProvider, QgsProviderRegistry

    moved = 0
    for layer in list(project.mapLayers().values()):
        if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
            continue
        parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
        path = parts.get("path") or ""
        if not path or not same_path(path, gpkg):
            continue
        table = parts.get("layerName") or Path(path).stem
        geometry = layer.customProperty(PROP_GEOMETRY) or None
        if geometry is None and table in _geometry_tables():
            geometry = QgsWkbTypes.displayString(QgsWkbTypes.flatType(layer.wkbType()))
        uri = postgis.layer_uri(postgis.parse_dossier(dossier), table, geometry)
        uri.setSql(layer.subsetString())
        layer.setDataSource(
            uri.uri(False), layer.name(), "postgres", QgsDataProvider.ProviderOptions()
        )
        layer.setCustomProperty(
            workspace.PROP_TABLE, layer.customProperty(workspace.PROP_TABLE) or table
        )
        layer.setCustomProperty(PROP_DOSSIER, dossier)
        if table in _geometry_tables():
            hide_server_columns(layer)
        moved += 1
    return moved


def _geometry_tables() -> set[str]:
    return {t.name for t in schema.TABLES if t.geometry == "Geometry"}


def write_facilitator_project(
    dossier: str,
    path: str | Path,
    template: str | Path | None = None,
    gpkg: str | Path | None = None,
    group: str | None = None,
) -> Path:
    """A .qgz showing every group's work on the server (for the facilitator's screen).

    With ``group``, only that group's layers are kept: the project of one
    group's laptop, its active group set.

    With ``template`` (the dossier's own .qgz over ``gpkg``), its layers are
    pointed at the server and keep their themes and styles; groups missing
    from it get their layers added.
    """

    ws = postgis.parse_dossier(dossier)
    conn = postgis.connect(ws)
    try:
        with conn, conn.cursor() as cur:
            tables = sorted(postgis.existing_tables(cur, ws.schema) - set(schema.TABLES_BY_NAME))
    finally:
        conn.close()
    project = QgsProject()
    if template and gpkg and Path(template).is_file():
        if not project.read(str(template)):
            raise AtelierError(
                QT_TR_NOOP("Cannot read the project {path}: {error}"),
                path=str(template),
                error=project.error(),
            )
        repoint_layers(project, gpkg, dossier)
        present = {lyr.customProperty(workspace.PROP_GROUP) for lyr in project.mapLayers().values()}
        missing = [g for g in postgis.read_groups(ws) if g.name not in present]
        if missing:
            add_group_layers(project, dossier, missing)
    else:
        project.setCrs(workspace.crs())
        add_group_layers(project, dossier)
        add_dossier_layers(project, dossier, tables)
    if group is not None:
        _keep_only_group(project, group)
    project.setTitle(tr("Workshop {schema} (server)").format(schema=ws.schema))
    settings = ProjectSettings.load(project)
    settings.dossier_path = dossier
    if group is not None:
        settings.active_group = group
    settings.save(project)
    target = Path(path)
    tmp = target.with_name(f".{target.stem}.part{target.suffix}")
    if not project.write(str(tmp)):
        raise AtelierError(
            QT_TR_NOOP("Cannot write the project {path}: {error}"),
            path=str(target),
            error=project.error(),
        )
    tmp.replace(target)
    return target


def _keep_only_group(project: QgsProject, group: str) -> None:
    known = {g.name for g in postgis.read_groups(postgis.parse_dossier(_dossier_of(project)))}
    if group not in known:
        raise AtelierError(QT_TR_NOOP("There is no group named “{groupe}”."), groupe=group)
    others = [
        lyr.id()
        for lyr in project.mapLayers().values()
        if lyr.customProperty(workspace.PROP_GROUP) not in (None, group)
    ]
    project.removeMapLayers(others)
    foreign = [
        node
        for node in project.layerTreeRoot().findGroups(True)
        if node.customProperty(workspace.PROP_GROUP) not in (None, group)
    ]

    def inside_foreign(node) -> bool:
        parent = node.parent()
        while parent is not None:
            if any(parent is other for other in foreign):
                return True
            parent = parent.parent()
        return False

    outermost = [node for node in foreign if not inside_foreign(node)]
    for node in outermost:
        node.parent().removeChildNode(node)


def _dossier_of(project: QgsProject) -> str:
    for layer in project.mapLayers().values():
        dossier = layer.customProperty(PROP_DOSSIER)
        if dossier:
            return dossier
    raise AtelierError(QT_TR_NOOP("The project has no layer of a server workshop."))


def write_group_project(dossier: str, group: str, path, template=None, gpkg=None) -> Path:
    """The project of one group's laptop: its own layers on the server, the dossier's."""
    return write_facilitator_project(dossier, path, template, gpkg, group=group)
