# SPDX-License-Identifier: GPL-2.0-or-later
"""The groups' layers in a project: one layer-tree group per group.

Each layer is a shared table filtered on ``groupe`` and tagged with custom
properties (``atelier/table``, ``atelier/groupe``, ``atelier/geometry``) so
that tools find them whatever their (translated, renamable) display name.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsLayerTreeGroup,
    QgsProject,
    QgsSnappingConfig,
    QgsVectorLayer,
)

from ... import compat
from ...domain.groups import GroupSpec
from ...forms import forms
from ...infra.i18n import tr
from ...store import workspace
from ...styles.layer_styles import style_layer

#: Table names (or parts of them) that hold the dossier's roads.
ROAD_HINTS = ("troncon_de_route", "routes", "route", "rues", "chemins", "voirie", "voies", "roads")


def layer_specs() -> list[tuple[str, str | None, str]]:
    """(table, geometrytype, display name), top of the legend first."""
    return [
        ("arrets", None, tr("Stops")),
        ("observations", None, tr("Observations and photos")),
        ("hypotheses", "Point", tr("Hypotheses (points)")),
        ("sequences", None, tr("Sequences")),
        ("parcours", None, tr("Route")),
        ("hypotheses", "Polygon", tr("Hypotheses (areas)")),
        ("sites_projet", None, tr("Project sites")),
    ]


def analysis_specs() -> list[tuple[str, str | None, str]]:
    return [
        ("diagnostic", "Point", tr("Diagnostic (points)")),
        ("diagnostic", "LineString", tr("Diagnostic (lines)")),
        ("diagnostic", "Polygon", tr("Diagnostic (areas)")),
        ("enjeux", "Point", tr("Issues (points)")),
        ("enjeux", "LineString", tr("Issues (lines)")),
        ("enjeux", "Polygon", tr("Issues (areas)")),
    ]


def group_node(project: QgsProject, groupe: str) -> QgsLayerTreeGroup | None:
    for node in project.layerTreeRoot().findGroups(True):
        if node.customProperty(workspace.PROP_GROUP) == groupe:
            return node
    return None


def find_layer(project: QgsProject, table: str, groupe: str | None, geometry: str | None = None):
    """The project layer of one table for one group (by custom properties)."""
    for layer in project.mapLayers().values():
        if layer.customProperty(workspace.PROP_TABLE) != table:
            continue
        if groupe is not None and layer.customProperty(workspace.PROP_GROUP) != groupe:
            continue
        if geometry is not None and layer.customProperty(workspace.PROP_GEOMETRY) not in (
            geometry,
            None,
        ):
            continue
        return layer
    return None


def group_layers(project: QgsProject, groupe: str) -> list[QgsVectorLayer]:
    return [
        lyr
        for lyr in project.mapLayers().values()
        if lyr.customProperty(workspace.PROP_GROUP) == groupe
    ]


def _open(gpkg, table, spec: GroupSpec, geometry, name) -> QgsVectorLayer:
    layer = workspace.open_layer(gpkg, table, spec.name, geometry, name)
    if geometry:
        layer.setCustomProperty(workspace.PROP_GEOMETRY, geometry)
    style_layer(layer, table, spec.colour, geometry, spec.order)
    return layer


def add_workspace_layers(
    project: QgsProject, gpkg: str | Path, groups: list[GroupSpec] | None = None
):
    """Add (or refresh) a layer-tree group per group; returns {group name: node}.

    A group already in the project keeps its node and its layers: they are restyled
    in place (colour, labels, forms), so their edit buffers — what a group drew and
    has not saved yet — are never dropped. Only missing layers are added.
    """
    gpkg = str(gpkg)
    groups = groups if groups is not None else workspace.read_groups(gpkg)
    root = project.layerTreeRoot()
    nodes = {}
    for position, spec in enumerate(groups):
        node = group_node(project, spec.name)
        if node is None:
            node = root.insertGroup(position, spec.name)
            node.setCustomProperty(workspace.PROP_GROUP, spec.name)
        node.setCustomProperty("atelier/couleur", spec.colour)
        sub = next((n for n in node.findGroups() if n.customProperty("atelier/analysis")), None)
        if sub is None:
            sub = node.addGroup(tr("Diagnostic and issues"))
            sub.setCustomProperty("atelier/analysis", True)
            sub.setExpanded(False)
        layers = []
        for parent, specs in ((node, layer_specs()), (sub, analysis_specs())):
            for table, geometry, name in specs:
                layer = _existing(project, table, spec.name, geometry)
                if layer is None:
                    layer = _open(gpkg, table, spec, geometry, name)
                    project.addMapLayer(layer, False)
                    if parent is node:  # main layers above the analysis sub-group
                        parent.insertLayer(parent.children().index(sub), layer)
                    else:
                        parent.addLayer(layer)
                else:
                    style_layer(layer, table, spec.colour, geometry, spec.order)
                    layer.triggerRepaint()
                layers.append((layer, table))
        for layer, table in layers:  # after adding: forms may point at sibling layers
            forms.configure_form(layer, table, spec.name, project)
        nodes[spec.name] = node
    return nodes


def _existing(project: QgsProject, table: str, groupe: str, geometry: str | None):
    """The group's layer of that table and geometry, exactly (not a sibling geometry)."""
    for layer in group_layers(project, groupe):
        if layer.customProperty(workspace.PROP_TABLE) != table:
            continue
        if geometry is not None and layer.customProperty(workspace.PROP_GEOMETRY) != geometry:
            continue
        return layer
    return None


def remove_group_layers(project: QgsProject, groupe: str) -> None:
    project.removeMapLayers([lyr.id() for lyr in group_layers(project, groupe)])
    node = group_node(project, groupe)
    if node is not None and node.parent() is not None:
        node.parent().removeChildNode(node)


def road_layers(project: QgsProject) -> list[QgsVectorLayer]:
    """Line layers of the dossier that hold roads (never the groups' own layers)."""
    out = []
    for layer in project.mapLayers().values():
        if not isinstance(layer, QgsVectorLayer) or layer.geometryType() != compat.GEOMETRY_LINE:
            continue
        if layer.customProperty(workspace.PROP_GROUP) is not None:
            continue
        table = layer.customProperty(workspace.PROP_TABLE) or ""
        if not table:
            source = layer.source().lower()
            table = source.split("layername=")[-1].split("|")[0] if "layername=" in source else ""
        if any(hint in table.lower() for hint in ROAD_HINTS) and table != "parcours":
            out.append(layer)
    return out


def _snap_types():
    return compat.SNAP_VERTEX | compat.SNAP_SEGMENT, compat.SNAP_VERTEX


def configure_snapping(
    project: QgsProject, groupe: str | None = None, tolerance_px: float = 12
) -> int:
    """Snap drawing to the roads (vertices and segments) and to the group's own route.

    Returns the number of layers snapped to.
    """
    config = QgsSnappingConfig(project.snappingConfig())
    config.setEnabled(True)
    config.setMode(compat.SNAP_MODE_ADVANCED)
    config.setIntersectionSnapping(True)
    both, vertex = _snap_types()
    targets = [(lyr, both) for lyr in road_layers(project)]
    route = find_layer(project, "parcours", groupe) if groupe else None
    if route is not None:
        targets.append((route, vertex))
    for layer, kind in targets:
        settings = QgsSnappingConfig.IndividualLayerSettings(
            True, kind, tolerance_px, compat.TOLERANCE_PIXELS, 0.0, 0.0
        )
        config.setIndividualLayerSettings(layer, settings)
    project.setSnappingConfig(config)
    return len(targets)
