# SPDX-License-Identifier: GPL-2.0-or-later
"""QGIS relations and forms of the afternoon tables, set in the open project.

enjeux_outils→enjeux, enjeux_outils→outils, enjeux→sites_projet and
observations→arrets become project relations, so that an enjeu's form lists
its tools (relation editor) and a tool is picked in a searchable list
(ValueRelation with completer) with the reason written beside it. Widgets
another module already chose (forms.forms of the groups) are kept.
"""

from __future__ import annotations

import logging

from qgis.core import (
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsExpression,
    QgsProject,
    QgsRelation,
    QgsVectorLayer,
)

from ...domain import schema, vocab
from ...infra.i18n import tr
from ...store.tables import open_table
from ...store.workspace import PROP_GROUP, PROP_TABLE

LOG = logging.getLogger(__name__)

#: Child → parent relations set in the project; the parent key is the fid.
RELATIONS = schema.RELATIONS


def _source(layer) -> str:
    """The dossier a layer belongs to (server layers carry it as a property)."""
    return str(layer.customProperty("atelier/dossier") or layer.source().split("|")[0])


def atelier_layers(project: QgsProject | None = None) -> list[QgsVectorLayer]:
    project = project or QgsProject.instance()
    return [
        lyr
        for lyr in project.mapLayers().values()
        if isinstance(lyr, QgsVectorLayer) and lyr.customProperty(PROP_TABLE)
    ]


def ensure_catalogue_layers(gpkg, project: QgsProject | None = None) -> list[QgsVectorLayer]:
    """Add the ``outils`` and ``enjeux_outils`` tables to the project once (no geometry)."""
    project = project or QgsProject.instance()
    present = {(lyr.customProperty(PROP_TABLE), _source(lyr)) for lyr in atelier_layers(project)}
    added = []
    names = {"outils": tr("Toolbox"), "enjeux_outils": tr("Issue tools")}
    for table, name in names.items():
        if (table, str(gpkg)) in present:
            continue
        layer = open_table(gpkg, table, name=name)
        project.addMapLayer(layer, False)
        group = project.layerTreeRoot().findGroup(tr("Toolbox"))
        if group is None:
            group = project.layerTreeRoot().addGroup(tr("Toolbox"))
        group.addLayer(layer)
        added.append(layer)
    return added


def setup_relations(project: QgsProject | None = None) -> list[str]:
    """Create the project relations between atelier layers and set their widgets.

    Idempotent; returns the ids of the relations present afterwards.
    """
    project = project or QgsProject.instance()
    manager = project.relationManager()
    layers = atelier_layers(project)
    ids = []
    for child_table, field, parent_table in RELATIONS:
        for child in (lyr for lyr in layers if lyr.customProperty(PROP_TABLE) == child_table):
            for parent in (lyr for lyr in layers if lyr.customProperty(PROP_TABLE) == parent_table):
                if _source(child) != _source(parent):
                    continue
                cg, pg = child.customProperty(PROP_GROUP), parent.customProperty(PROP_GROUP)
                if cg is not None and pg is not None and cg != pg:
                    continue
                rel_id = f"atelier_{child.id()}_{field}_{parent.id()}"
                if manager.relation(rel_id).isValid():
                    ids.append(rel_id)
                    continue
                relation = QgsRelation()
                relation.setId(rel_id)
                relation.setName(f"{parent.name()} → {child.name()}")
                relation.setReferencingLayer(child.id())
                relation.setReferencedLayer(parent.id())
                relation.addFieldPair(field, "fid")
                if not relation.isValid():
                    LOG.warning(tr("Invalid relation {id}").format(id=rel_id))
                    continue
                manager.addRelation(relation)
                ids.append(rel_id)
    for layer in layers:
        configure_form(layer, project)
    return ids


def _value_map(values: dict[str, str]) -> QgsEditorWidgetSetup:
    return QgsEditorWidgetSetup(
        "ValueMap", {"map": [{label: code} for code, label in values.items()]}
    )


def _set(
    layer: QgsVectorLayer, field: str, setup: QgsEditorWidgetSetup, force: bool = True
) -> None:
    """Set a widget; with ``force`` False, keep one another module already chose."""
    idx = layer.fields().indexOf(field)
    if idx < 0:
        return
    if not force and layer.editorWidgetSetup(idx).type() not in ("", "TextEdit"):
        return
    layer.setEditorWidgetSetup(idx, setup)


def _default(layer: QgsVectorLayer, field: str, expression: str) -> None:
    """A default value, unless the group forms already gave one."""
    idx = layer.fields().indexOf(field)
    if idx >= 0 and not layer.defaultValueDefinition(idx).expression():
        layer.setDefaultValueDefinition(idx, QgsDefaultValue(expression))


def _relation_to(project: QgsProject, layer: QgsVectorLayer, field: str) -> QgsRelation | None:
    for relation in project.relationManager().referencingRelations(layer):
        if layer.fields().at(relation.referencingFields()[0]).name() == field:
            return relation
    return None


def configure_form(layer: QgsVectorLayer, project: QgsProject | None = None) -> None:
    """Widgets tying enjeux to sites and tools; group forms (forms.forms) are kept."""
    project = project or QgsProject.instance()
    table = layer.customProperty(PROP_TABLE)
    multiline = QgsEditorWidgetSetup("TextEdit", {"IsMultiline": True, "UseHtml": False})
    groupe = layer.customProperty(PROP_GROUP)
    if table in ("diagnostic", "enjeux", "outils", "enjeux_outils"):
        _set(layer, "uid", QgsEditorWidgetSetup("Hidden", {}), force=False)
        _default(layer, "uid", "substr(uuid(), 2, 36)")
        if groupe is not None:
            _default(layer, "groupe", QgsExpression.quotedValue(groupe))
    if table == "diagnostic":
        _set(layer, "categorie", _value_map(vocab.DIAGNOSTIC_CATEGORIES), force=False)
        _set(layer, "theme", _value_map(vocab.THEMES), force=False)
        _set(layer, "texte", multiline, force=False)
    elif table == "enjeux":
        _set(layer, "niveau", _value_map(vocab.ENJEU_LEVELS), force=False)
        _set(layer, "theme", _value_map(vocab.THEMES), force=False)
        _set(layer, "description", multiline, force=False)
        relation = _relation_to(project, layer, "site_id")
        if relation is not None:
            _set(
                layer,
                "site_id",
                QgsEditorWidgetSetup(
                    "RelationReference",
                    {
                        "Relation": relation.id(),
                        "AllowNULL": True,
                        "ShowForm": False,
                        "ShowOpenFormButton": True,
                        "MapIdentification": True,
                        "ReadOnly": False,
                        "AllowAddFeatures": False,
                    },
                ),
            )
    elif table == "observations":
        relation = _relation_to(project, layer, "arret_id")
        if relation is not None:  # a stop picker set by the group forms is kept
            _set(
                layer,
                "arret_id",
                QgsEditorWidgetSetup(
                    "RelationReference",
                    {
                        "Relation": relation.id(),
                        "AllowNULL": True,
                        "ShowForm": False,
                        "ShowOpenFormButton": True,
                        "MapIdentification": True,
                    },
                ),
                force=False,
            )
    elif table == "enjeux_outils":
        tools = next(
            (
                lyr
                for lyr in atelier_layers(project)
                if lyr.customProperty(PROP_TABLE) == "outils" and _source(lyr) == _source(layer)
            ),
            None,
        )
        if tools is not None:
            _set(
                layer,
                "outil_id",
                QgsEditorWidgetSetup(
                    "ValueRelation",
                    {
                        "Layer": tools.id(),
                        "LayerName": tools.name(),
                        "Key": "fid",
                        "Value": "nom",
                        "AllowNull": False,
                        "OrderByValue": True,
                        "UseCompleter": True,
                        "AllowMulti": False,
                        "Description": '"categorie" || \' — \' || "description"',
                    },
                ),
            )
        relation = _relation_to(project, layer, "enjeu_id")
        if relation is not None:
            _set(
                layer,
                "enjeu_id",
                QgsEditorWidgetSetup(
                    "RelationReference",
                    {
                        "Relation": relation.id(),
                        "AllowNULL": False,
                        "ShowForm": False,
                        "ShowOpenFormButton": True,
                        "ReadOnly": True,
                    },
                ),
            )
        _set(layer, "commentaire", multiline)
        layer.setDisplayExpression('"commentaire"')
    elif table == "outils":
        _set(layer, "description", multiline)
        _set(layer, "quand", multiline)
        layer.setDisplayExpression('"nom"')
        _default(layer, "ajoute_par", "'participant'")
