# SPDX-License-Identifier: GPL-2.0-or-later
"""Groups and what they draw: create the workspace, add drawn features.

The GUI's map tools only capture a geometry; the edit happens here, through
the layer's edit buffer and inside an edit command, so that undo/redo and
"save edits" behave as everywhere else in QGIS.
"""

from __future__ import annotations

import logging
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)

from .. import compat
from ..domain import schema, vocab
from ..domain.errors import QT_TR_NOOP, AtelierError
from ..domain.groups import GroupSpec, normalise_groups, parse_group_names
from ..infra.i18n import tr
from ..store import workspace
from ..store.rows import plain_value
from ..store.tables import present_tables
from ..store.transaction import transaction
from .toolbox.catalogue import ensure_catalogue

LOG = logging.getLogger(__name__)

#: Field type names of text columns (GeoPackage and PostGIS).
TEXT_TYPES = ("string", "text", "varchar", "character varying")

#: A repaired polygon keeps its largest part only if it holds this share of the area.
KEEP_SHARE = 0.9


def create_groups(
    gpkg: str | Path, groups: str | list, update: bool = False
) -> tuple[list[GroupSpec], list[str]]:
    """Create the contract tables and register the groups (idempotent).

    ``groups`` is a ``;``-separated string of names, or names, or GroupSpecs.
    With ``update``, groups already registered take the given colour, adviser
    and slot. Returns the groups as registered and the tables of the workspace.
    """
    if isinstance(groups, str):
        groups = parse_group_names(groups)
    given = [isinstance(g, GroupSpec) and bool(g.colour) for g in groups]
    specs = normalise_groups(groups)
    path = Path(gpkg)
    if path.suffix.lower() != ".gpkg":
        raise AtelierError(
            QT_TR_NOOP("The dossier must be a GeoPackage (.gpkg): {path}"), path=str(gpkg)
        )
    if not path.parent.is_dir():
        raise AtelierError(QT_TR_NOOP("The folder of {path} does not exist."), path=str(gpkg))
    known = {g.name.casefold(): g for g in workspace.read_groups(path)} if path.exists() else {}
    offset = max((g.order for g in known.values()), default=0)
    palette = vocab.DEFAULT_GROUP_COLOURS
    for i, spec in enumerate(specs):
        if spec.name.casefold() not in known:
            spec.order = offset + i + 1
            if not given[i]:  # new groups continue the palette after the existing ones
                spec.colour = palette[(spec.order - 1) % len(palette)]
    workspace.create_workspace(path, specs)
    ensure_catalogue(path)
    if update:
        workspace.update_groups(path, specs)
    present = workspace.existing_tables(path)
    tables = [t.name for t in schema.TABLES if t.name in present]
    LOG.info(
        tr("Groups {groups} in {path}").format(groups=", ".join(s.name for s in specs), path=path)
    )
    return workspace.read_groups(path), tables


def delete_group(gpkg: str | Path, groupe: str, project=None) -> dict[str, int]:
    """Remove one group's features from every table and its row in ``groupes``, at once.

    Only features whose ``groupe`` is exactly this name go, with the tool
    links of its enjeux; other groups' links to what goes are emptied (as the
    server's foreign keys do). One transaction: a failure on any table leaves
    every table as it was. Returns the count removed per table. The caller
    asks the user first.
    """
    present = present_tables(gpkg)
    names = [t.name for t in schema.TABLES if (t.per_group or t.name == "groupes")]
    names = [n for n in names if n in present]
    links = [n for n in ("enjeux_outils",) if n in present]
    counts: dict[str, int] = {}
    with transaction(gpkg, names + links, project) as writer:
        gone: dict[str, list[int]] = {}
        for name in names:
            rows = writer.select(name, where={"groupe": [groupe]}, lock=True)
            gone[name] = [r.fid for r in rows]
        if not gone.get("groupes"):
            raise AtelierError(QT_TR_NOOP("There is no group named “{groupe}”."), groupe=groupe)
        for child, column, parent in schema.RELATIONS:
            if child not in names + links or not gone.get(parent):
                continue
            for row in writer.select(child, where={column: gone[parent]}, lock=True):
                if row.fid in gone.get(child, ()):
                    continue
                if child == "enjeux_outils":  # a link to nothing is no link
                    gone.setdefault(child, []).append(row.fid)
                else:
                    writer.update(child, row.fid, {column: None}, row.version)
        # children first: a server's cascades must find nothing left to do
        for name in [*links, *reversed(names)]:
            if name in gone:
                counts[name] = writer.delete(name, gone[name])
    return counts


def clean_geometry(geometry: QgsGeometry, geometry_type: int) -> tuple[QgsGeometry, list[str]]:
    """Check a drawn geometry; repair a self-intersecting polygon or refuse it.

    Returns the geometry to store (single-part) and warnings to show.
    """
    warnings: list[str] = []
    if geometry is None or geometry.isEmpty():
        raise AtelierError(QT_TR_NOOP("Nothing was drawn."))
    if geometry_type == compat.GEOMETRY_LINE:
        if geometry.constGet().nCoordinates() < 2 or geometry.length() <= 0:
            raise AtelierError(QT_TR_NOOP("A line needs at least two different points."))
    if geometry_type == compat.GEOMETRY_POLYGON:
        if not geometry.isGeosValid():
            geometry = _repair(geometry)
            warnings.append(tr("The outline crossed itself; it was repaired."))
        if geometry.area() <= 0:
            raise AtelierError(
                QT_TR_NOOP("An area needs at least three points that are not aligned.")
            )
    if geometry.isMultipart():
        parts = list(geometry.constParts())
        if len(parts) != 1:
            raise AtelierError(QT_TR_NOOP("Draw one piece at a time."))
        geometry = QgsGeometry(parts[0].clone())
    return geometry, warnings


def _repair(geometry: QgsGeometry) -> QgsGeometry:
    """makeValid, keeping the main area; refuse when the crossing splits it for real."""
    fixed = geometry.makeValid()
    parts = [QgsGeometry(p.clone()) for p in fixed.constParts()] if fixed else []
    parts = [p for p in parts if p.type() == compat.GEOMETRY_POLYGON and p.area() > 0]
    if not parts:
        raise AtelierError(QT_TR_NOOP("An area needs at least three points that are not aligned."))
    total = sum(p.area() for p in parts)
    largest = max(parts, key=lambda p: p.area())
    if largest.area() < KEEP_SHARE * total:
        raise AtelierError(
            QT_TR_NOOP(
                "The outline crosses itself, which makes several separate areas. "
                "Draw it again without crossing its own edge."
            )
        )
    return largest


def new_feature(layer: QgsVectorLayer, geometry: QgsGeometry, attributes: dict | None = None):
    """A feature for ``layer`` with its default values, the group and a clean geometry."""
    geometry, warnings = clean_geometry(QgsGeometry(geometry), layer.geometryType())
    attrs = {}
    fields = layer.fields()
    groupe = layer.customProperty(workspace.PROP_GROUP)
    if groupe is not None and fields.indexOf("groupe") >= 0:
        attrs[fields.indexOf("groupe")] = groupe
    if fields.indexOf("uid") >= 0:
        attrs[fields.indexOf("uid")] = workspace.new_uid()
    for name, value in (attributes or {}).items():
        attrs[fields.indexOf(name)] = value
    context = layer.createExpressionContext()
    feature = QgsVectorLayerUtils.createFeature(layer, geometry, attrs, context)
    for i, f in enumerate(fields):
        # a free text left empty reads as empty in the form, where NULL reads "NULL"
        free_text = layer.editorWidgetSetup(i).type() in ("", "TextEdit")
        if free_text and f.typeName().lower() in TEXT_TYPES and f.name() not in ("groupe", "uid"):
            if plain_value(feature.attribute(i)) is None:
                feature.setAttribute(i, "")
    return feature, warnings


def add_feature(layer: QgsVectorLayer, feature: QgsFeature, label: str = "") -> int:
    """Add through the edit buffer in one undoable command; returns the new (temporary) id."""
    if not layer.isEditable() and not layer.startEditing():
        raise AtelierError(QT_TR_NOOP("The layer {layer} cannot be edited."), layer=layer.name())
    layer.beginEditCommand(label or tr("Add a feature"))
    ok = layer.addFeature(feature)
    if not ok:
        layer.destroyEditCommand()
        raise AtelierError(
            QT_TR_NOOP("The feature could not be added to {layer}."), layer=layer.name()
        )
    layer.endEditCommand()
    return feature.id()


def draw(layer: QgsVectorLayer, geometry: QgsGeometry, attributes: dict | None = None):
    """What a map tool's capture turns into: one new feature, undoable."""
    feature, warnings = new_feature(layer, geometry, attributes)
    fid = add_feature(layer, feature, tr("Draw on {layer}").format(layer=layer.name()))
    return fid, warnings
