# SPDX-License-Identifier: GPL-2.0-or-later
"""The layers a board shows, kept in the project so that layouts stay editable.

Board layers are the dossier's tables opened for one group, styled like the
group layers (styles.layer_styles), and placed, unchecked, in a "Boards" group of
the layer tree: the layouts added to the layout manager keep working after
the project is saved, and the person's own layers are never touched. They are
found again by custom properties on the next export (no duplicates).
"""

from __future__ import annotations

import logging

from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer

from .. import compat
from ..domain.errors import AtelierError
from ..infra.i18n import tr
from ..store.tables import open_table
from ..store.workspace import PROP_GEOMETRY, PROP_GROUP, PROP_TABLE
from ..styles import dossier_styles
from ..styles.layer_styles import style_layer
from .presence import group_presence
from .source import Dossier

LOG = logging.getLogger(__name__)

PROP_BOARD = "atelier/board"
PROP_VARIANT = "atelier/board_variant"
GEOMETRY_TABLES = ("diagnostic", "enjeux", "hypotheses")
#: Context tables of a dossier (first match wins), bottom of the map first.
CONTEXT_HINTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("parcelle", ("parcelle", "cadastr")),
    ("batiment", ("batiment", "bati")),
    ("hydro", ("cours_d_eau", "cours_eau", "hydro", "ruisseau", "plan_d_eau")),
    ("route", ("troncon_de_route", "route", "voirie")),
    ("communes_voisines", ("communes_voisines",)),
    ("commune", ("commune",)),
)


def layer_title(table: str, geometry: str | None = None) -> str:
    titles = {
        "arrets": tr("Stops"),
        "parcours": tr("Route"),
        "sequences": tr("Sequences"),
        "observations": tr("Photos"),
        "sites_projet": tr("Candidate sites"),
        "hypotheses": tr("Hypotheses"),
        "diagnostic": tr("Diagnostic"),
        "enjeux": tr("Issues"),
    }
    title = titles.get(table, table)
    if table in GEOMETRY_TABLES and geometry:
        kinds = {"Point": tr("points"), "LineString": tr("lines"), "Polygon": tr("areas")}
        title = tr("{layer} ({kind})").format(layer=title, kind=kinds.get(geometry, geometry))
    return title


class BoardLayers:
    """Opens, styles and registers the board layers of one project."""

    def __init__(self, project: QgsProject, dossier: Dossier, register: bool = True):
        self.project = project
        self.dossier = dossier
        self.register = register
        self._cache: dict[tuple, QgsVectorLayer | None] = {}
        self._pending: list[tuple[QgsVectorLayer, str | None]] = []
        self._present: dict[str, set[tuple[str, str | None]]] = {}

    def _node(self, groupe: str | None):
        root = self.project.layerTreeRoot()
        # by property, anywhere in the tree: the person may rename or move the group
        top = next((g for g in root.findGroups(True) if g.customProperty(PROP_BOARD)), None)
        if top is None:
            top = root.addGroup(tr("Boards (layers of the printed boards)"))
            top.setCustomProperty(PROP_BOARD, True)
            top.setItemVisibilityChecked(False)
            top.setExpanded(False)
        if groupe is None:
            return top
        sub = next((g for g in top.findGroups() if g.customProperty(PROP_GROUP) == groupe), None)
        if sub is None:
            sub = top.addGroup(groupe)
            sub.setCustomProperty(PROP_GROUP, groupe)
        return sub

    def _existing(self, table: str, groupe: str | None, geometry: str | None, variant: str = ""):
        for layer in self.project.mapLayers().values():
            if (
                layer.customProperty(PROP_BOARD)
                and (layer.customProperty(PROP_VARIANT) or "") == variant
                and layer.customProperty(PROP_TABLE) == table
                and layer.customProperty(PROP_GROUP) == groupe
                and layer.customProperty(PROP_GEOMETRY) == geometry
            ):
                return layer
        return None

    def _add(self, layer: QgsVectorLayer, groupe: str | None) -> QgsVectorLayer:
        """Keep the layer for the project; registered by ``register_all`` at the end.

        While boards are built the project's layer tree stays small: every legend
        clones it, and a tree holding every board layer makes each legend slower.
        """
        if self.register:
            self._pending.append((layer, groupe))
        return layer

    def register_all(self) -> None:
        """Put the new board layers in the project (the layouts refer to them by id)."""
        for layer, groupe in self._pending:
            self.project.addMapLayer(layer, False)
            self._node(groupe).addLayer(layer)
        self._pending = []

    def group_layer(
        self,
        table: str,
        groupe: str,
        geometry: str | None = None,
        nonempty: bool = True,
        variant: str = "",
    ) -> QgsVectorLayer | None:
        """The table filtered on ``groupe`` (None when it has no feature and ``nonempty``).

        ``variant`` gives a second instance with a style of its own (synthesis).
        """
        key = (table, groupe, geometry, variant)
        if key in self._cache:
            return self._cache[key]
        if nonempty and not self._has(table, groupe, geometry):
            self._cache[key] = None  # nothing to draw: not even opened
            return None
        layer = self._existing(table, groupe, geometry, variant) if self.register else None
        if layer is None:
            try:
                layer = open_table(
                    self.dossier.path,
                    table,
                    groupe,
                    geometry,
                    layer_title(table, geometry),
                    load_style=False,
                )
            except AtelierError:
                LOG.info(
                    tr("Table {table} missing in {path}").format(
                        table=table, path=self.dossier.path
                    )
                )
                self._cache[key] = None
                return None
            layer.setCustomProperty(PROP_BOARD, True)
            layer.setCustomProperty(PROP_GEOMETRY, geometry)
            layer.setCustomProperty(PROP_VARIANT, variant)
            self._add(layer, groupe)
        layer.setName(layer_title(table, geometry))
        self.style(layer, table, groupe, geometry)
        if nonempty and geometry and not has_features(layer):
            layer = None  # e.g. multi-part shapes counted under another kind
        self._cache[key] = layer
        return layer

    def _has(self, table: str, groupe: str, geometry: str | None) -> bool:
        """Whether ``groupe`` has features (of ``geometry`` kind) in ``table``."""
        if table not in self._present:
            self._present[table] = group_presence(self.dossier.path, table, self.dossier.tables)
        return (groupe, geometry) in self._present[table]

    def geometry_layers(self, table: str, groupe: str) -> list[QgsVectorLayer]:
        """A table of any geometry split into its point, line and polygon layers."""
        out = []
        for geometry in ("Point", "LineString", "Polygon"):
            layer = self.group_layer(table, groupe, geometry)
            if layer is not None:
                out.append(layer)
        return out

    def style(
        self, layer: QgsVectorLayer, table: str, groupe: str | None, geometry: str | None
    ) -> None:
        colour = self.dossier.group(groupe).colour if groupe else "#444444"
        style_layer(layer, table, colour, geometry)
        if table == "arrets" and layer.featureCount() > MAX_NAMED_STOPS:
            drop_name_labels(layer)

    def context_layers(self, field: bool = False) -> list[QgsVectorLayer]:
        """Dossier layers under the group data (commune, buildings, roads…), top first.

        Cadastral parcels only on the boards used in the field (``field``).
        """
        key = ("__context__",)
        if key in self._cache:
            layers = self._cache[key]
            return [
                lyr
                for lyr in layers
                if field or lyr.customProperty("atelier/context_kind") != "parcelle"
            ]
        out = []
        taken = set()
        for kind, hints in CONTEXT_HINTS:
            table = next(
                (
                    t
                    for t in sorted(self.dossier.tables)
                    if t not in taken
                    and any(h in t.lower() for h in hints)
                    and not t.startswith(("gpkg_", "rtree_", "layer_styles"))
                ),
                None,
            )
            if table is None:
                continue
            taken.add(table)
            layer = self._existing(table, None, None) if self.register else None
            if layer is None:
                try:
                    layer = open_table(self.dossier.path, table)
                except AtelierError:
                    continue
                if layer.geometryType() in (compat.GEOMETRY_NULL, compat.GEOMETRY_UNKNOWN):
                    continue
                layer.setCustomProperty(PROP_BOARD, True)
                layer.setCustomProperty(PROP_GEOMETRY, None)
                layer.setName(context_title(kind))
                if layer.renderer() is None or not _has_db_style(layer):
                    style_context(layer, kind)
                self._add(layer, None)
            layer.setCustomProperty("atelier/context_kind", kind)
            out.append(layer)
        out.reverse()
        self._cache[key] = out
        return self.context_layers(field)


MAX_NAMED_STOPS = 15


def drop_name_labels(layer: QgsVectorLayer) -> None:
    """Many stops: numbers only on the map, the names are in the stop list."""
    from qgis.core import QgsRuleBasedLabeling

    labeling = layer.labeling()
    if not isinstance(labeling, QgsRuleBasedLabeling):
        return
    labeling = labeling.clone()
    root = labeling.rootRule()
    for rule in list(root.children()):
        if rule.description() == "nom":
            rule.setActive(False)
    layer.setLabeling(labeling)


def context_title(kind: str) -> str:
    return {
        "commune": tr("Commune"),
        "communes_voisines": tr("Neighbouring communes"),
        "batiment": tr("Buildings"),
        "route": tr("Roads"),
        "hydro": tr("Streams and water"),
        "parcelle": tr("Cadastral parcels"),
    }.get(kind, kind)


def has_features(layer: QgsVectorLayer) -> bool:
    request = QgsFeatureRequest().setLimit(1).setNoAttributes()
    return any(True for _ in layer.getFeatures(request))


def _has_db_style(layer: QgsVectorLayer) -> bool:
    try:
        count = layer.listStylesInDatabase()[0]
    except (RuntimeError, AttributeError, TypeError):  # providers without style storage
        return False
    return bool(count)


#: Context kinds of the boards → the dossier style of styles.dossier_styles.
DOSSIER_KINDS = {"batiment": "batiment", "parcelle": "parcelle", "hydro": "cours_eau"}


def style_context(layer: QgsVectorLayer, kind: str) -> None:
    """The dossier's own style (styles.dossier_styles) when the table carries none."""
    if kind in ("commune", "communes_voisines"):
        dossier_styles.style_context(layer, kind)
    else:
        dossier_styles.style_source(layer, DOSSIER_KINDS.get(kind, kind))
