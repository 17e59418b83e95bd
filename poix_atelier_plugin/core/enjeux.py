# SPDX-License-Identifier: GPL-2.0-or-later
"""Enjeux, their tools, and the QGIS relations and forms that tie them.

From an enjeu, a person picks tools in the catalogue (a searchable list) and
writes why: the ``enjeux_outils`` link table, shown in the enjeu's form by a
QGIS relation, with a ValueRelation (completer) on ``outil_id``. The same
relations give RelationReference widgets to ``enjeux.site_id`` and
``observations.arret_id``.
"""

from __future__ import annotations

import logging

from qgis.core import (
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsRelation,
    QgsVectorLayer,
)

from ..domain import schema, vocab
from ..domain.errors import QT_TR_NOOP, AtelierError
from .catalogue import is_pg, open_table
from .i18n import tr
from .workspace import PROP_GROUP, PROP_TABLE, new_uid

LOG = logging.getLogger(__name__)

#: Child → parent relations set in the project (schema.RELATIONS plus none extra).
RELATIONS = schema.RELATIONS


def _value(feat: QgsFeature, name: str):
    value = feat[name]
    return None if value is None or str(value) == "NULL" else value


def _exists(gpkg, table: str, fid) -> bool:
    if fid is None:
        return False
    layer = open_table(gpkg, table)
    return any(True for _ in layer.getFeatures(QgsFeatureRequest(int(fid))))


def _write(gpkg, layer: QgsVectorLayer, feats: list[QgsFeature]) -> list[int]:
    ok, added = layer.dataProvider().addFeatures(feats)
    if not ok:
        errors = layer.dataProvider().errors()
        raise AtelierError(
            QT_TR_NOOP("Cannot write into {path}: {error}"),
            path=str(gpkg),
            error="; ".join(errors[-3:]) if errors else "?",
        )
    return [f.id() for f in added]


def _kind(dossier, geometry: QgsGeometry | None) -> str | None:
    """Geometry kind a server layer must be typed with to write it (GeoPackage: None)."""
    from qgis.core import QgsWkbTypes

    if geometry is None or not is_pg(dossier):
        return None
    return {
        QgsWkbTypes.PointGeometry: "Point",
        QgsWkbTypes.LineGeometry: "LineString",
        QgsWkbTypes.PolygonGeometry: "Polygon",
    }.get(geometry.type())


# enjeux ------------------------------------------------------------------------
def _check_enjeu(titre: str, niveau: str, theme: str | None) -> str:
    titre = " ".join((titre or "").split())
    if not titre:
        raise AtelierError(QT_TR_NOOP("An issue needs a title."))
    if niveau not in vocab.ENJEU_LEVELS:
        raise AtelierError(
            QT_TR_NOOP("Unknown level “{level}”: use one of {levels}."),
            level=niveau or "",
            levels=", ".join(vocab.ENJEU_LEVELS),
        )
    if theme and theme not in vocab.THEMES:
        raise AtelierError(QT_TR_NOOP("Unknown theme “{theme}”."), theme=theme)
    return titre


def add_enjeu(
    gpkg,
    groupe: str,
    titre: str,
    niveau: str,
    theme: str | None = None,
    site_id: int | None = None,
    description: str = "",
    geometry: QgsGeometry | None = None,
) -> int:
    """Write one enjeu (geometry optional); returns its fid."""
    titre = _check_enjeu(titre, niveau, theme)
    if site_id is not None and not _exists(gpkg, "sites_projet", site_id):
        raise AtelierError(QT_TR_NOOP("The candidate site of this issue no longer exists."))
    has_geometry = geometry is not None and not geometry.isEmpty()
    layer = open_table(gpkg, "enjeux", geometry=_kind(gpkg, geometry) if has_geometry else None)
    feat = QgsFeature(layer.fields())
    values = {
        "uid": new_uid(),
        "groupe": groupe,
        "titre": titre,
        "niveau": niveau,
        "theme": theme or None,
        "site_id": site_id,
        "description": description or None,
    }
    for name, value in values.items():
        feat[name] = value
    if has_geometry:
        feat.setGeometry(geometry)
    return _write(gpkg, layer, [feat])[0]


def update_enjeu(
    gpkg, fid: int, titre: str, niveau: str, theme=None, site_id=None, description: str = ""
) -> None:
    titre = _check_enjeu(titre, niveau, theme)
    if not _exists(gpkg, "enjeux", fid):
        raise AtelierError(QT_TR_NOOP("This issue no longer exists."))
    layer = open_table(gpkg, "enjeux")
    fields = layer.fields()
    values = {
        "titre": titre,
        "niveau": niveau,
        "theme": theme or None,
        "site_id": site_id,
        "description": description or None,
    }
    changes = {fields.indexOf(k): v for k, v in values.items()}
    if not layer.dataProvider().changeAttributeValues({int(fid): changes}):
        raise AtelierError(
            QT_TR_NOOP("Cannot write into {path}: {error}"),
            path=str(gpkg),
            error="; ".join(layer.dataProvider().errors()[-3:]),
        )


def delete_enjeu(gpkg, fid: int) -> int:
    """Delete an enjeu and its tool links (links first: never a dangling row)."""
    return delete_enjeux(gpkg, [fid])


def delete_enjeux(gpkg, fids: list[int]) -> int:
    """Delete enjeux and their tool links; returns the number of links removed."""
    fids = [int(f) for f in fids]
    if not fids:
        return 0
    links_layer = open_table(gpkg, "enjeux_outils")
    listed = ", ".join(str(f) for f in fids)
    request = QgsFeatureRequest().setFilterExpression(f'"enjeu_id" IN ({listed})')
    links = [f.id() for f in links_layer.getFeatures(request)]
    if links and not links_layer.dataProvider().deleteFeatures(links):
        raise AtelierError(QT_TR_NOOP("Cannot delete the tool links of this issue."))
    layer = open_table(gpkg, "enjeux")
    if not layer.dataProvider().deleteFeatures(fids):
        raise AtelierError(QT_TR_NOOP("Cannot delete this issue."))
    return len(links)


def set_enjeu_geometry(gpkg, fid: int, geometry: QgsGeometry | None) -> None:
    """Place an enjeu on the map (point, line or area), or take it off with None."""
    if not _exists(gpkg, "enjeux", fid):
        raise AtelierError(QT_TR_NOOP("This issue no longer exists."))
    layer = open_table(gpkg, "enjeux", geometry=_kind(gpkg, geometry))
    value = QgsGeometry(geometry) if geometry is not None else QgsGeometry()
    if not layer.dataProvider().changeGeometryValues({int(fid): value}):
        raise AtelierError(
            QT_TR_NOOP("Cannot write into {path}: {error}"),
            path=str(gpkg),
            error="; ".join(layer.dataProvider().errors()[-3:]),
        )


def read_enjeux(gpkg, groupe: str) -> list[dict]:
    layer = open_table(gpkg, "enjeux", groupe)
    names = ("titre", "niveau", "theme", "site_id", "description")
    return [
        {"fid": f.id(), **{n: _value(f, n) for n in names}, "has_geometry": f.hasGeometry()}
        for f in layer.getFeatures()
    ]


def read_sites(gpkg, groupe: str | None = None) -> dict[int, str]:
    """Candidate sites (fid → name), of one group or all."""
    layer = open_table(gpkg, "sites_projet", groupe)
    return {
        f.id(): str(_value(f, "nom") or tr("Site {fid}").format(fid=f.id()))
        for f in layer.getFeatures()
    }


# links ---------------------------------------------------------------------------
def link_tool(gpkg, enjeu_fid: int, outil_fid: int, commentaire: str = "") -> int:
    """Link a catalogue tool to an enjeu with the reason; one link per pair."""
    return set_enjeu_tools(gpkg, enjeu_fid, {int(outil_fid): commentaire}, keep_others=True)[
        int(outil_fid)
    ]


def set_enjeu_tools(
    gpkg, enjeu_fid: int, choices: dict[int, str], keep_others: bool = False
) -> dict[int, int]:
    """Make the enjeu's tools ``choices`` (tool fid → why); returns tool fid → link fid.

    Existing links are updated in place (their uid survives a field round trip);
    with ``keep_others`` False, links to tools not chosen are removed. Every
    tool is checked first: nothing is written if one is missing.
    """
    if not _exists(gpkg, "enjeux", enjeu_fid):
        raise AtelierError(QT_TR_NOOP("This issue no longer exists."))
    tools = open_table(gpkg, "outils")
    wanted = {int(k): (v or "").strip() for k, v in choices.items()}
    found = {f.id() for f in tools.getFeatures(QgsFeatureRequest().setFilterFids(list(wanted)))}
    if set(wanted) - found:
        raise AtelierError(QT_TR_NOOP("This tool is no longer in the catalogue."))
    layer = open_table(gpkg, "enjeux_outils")
    request = QgsFeatureRequest().setFilterExpression(f'"enjeu_id" = {int(enjeu_fid)}')
    current = {}
    for feat in layer.getFeatures(request):
        current.setdefault(int(feat["outil_id"]), []).append(feat.id())
    idx = layer.fields().indexOf("commentaire")
    provider = layer.dataProvider()
    result, changes, stale, new = {}, {}, [], []
    for tool, why in wanted.items():
        if tool in current:
            first, *dupes = current[tool]
            result[tool] = first
            changes[first] = {idx: why or None}
            stale += dupes
        else:
            feat = QgsFeature(layer.fields())
            feat["uid"] = new_uid()
            feat["enjeu_id"] = int(enjeu_fid)
            feat["outil_id"] = tool
            feat["commentaire"] = why or None
            new.append(feat)
    if not keep_others:
        stale += [fid for tool, fids in current.items() if tool not in wanted for fid in fids]
    if changes and not provider.changeAttributeValues(changes):
        raise AtelierError(
            QT_TR_NOOP("Cannot write into {path}: {error}"),
            path=str(gpkg),
            error="; ".join(provider.errors()[-3:]),
        )
    if stale and not provider.deleteFeatures(stale):
        raise AtelierError(QT_TR_NOOP("Cannot delete the tool links of this issue."))
    if new:
        ids = _write(gpkg, layer, new)
        result.update({f["outil_id"]: fid for f, fid in zip(new, ids)})
    return result


def unlink_tool(gpkg, link_fid: int) -> None:
    layer = open_table(gpkg, "enjeux_outils")
    if not layer.dataProvider().deleteFeatures([int(link_fid)]):
        raise AtelierError(QT_TR_NOOP("Cannot delete the tool links of this issue."))


def enjeu_links(gpkg, enjeu_fid: int | None = None) -> list[dict]:
    """Rows of enjeux_outils (all, or of one enjeu)."""
    layer = open_table(gpkg, "enjeux_outils")
    request = QgsFeatureRequest()
    if enjeu_fid is not None:
        request.setFilterExpression(f'"enjeu_id" = {int(enjeu_fid)}')
    return [
        {
            "fid": f.id(),
            "enjeu_id": _value(f, "enjeu_id"),
            "outil_id": _value(f, "outil_id"),
            "commentaire": _value(f, "commentaire") or "",
        }
        for f in layer.getFeatures(request)
    ]


# project: relations and forms ---------------------------------------------------------
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
                    LOG.warning("invalid relation %s", rel_id)
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
    """Widgets tying enjeux to sites and tools; group forms (core.forms) are kept."""
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
