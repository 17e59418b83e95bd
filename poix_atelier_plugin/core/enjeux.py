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
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsVectorLayer,
)

from ..domain import vocab
from ..domain.errors import QT_TR_NOOP, AtelierError
from .catalogue import is_pg, open_table
from .i18n import tr
from .workspace import new_uid

LOG = logging.getLogger(__name__)


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


# The project side (relations, forms) lives in enjeux_project; re-exported here.
from .enjeux_project import (  # noqa: E402
    atelier_layers,
    configure_form,
    ensure_catalogue_layers,
    setup_relations,
)

__all__ = [
    "add_enjeu",
    "atelier_layers",
    "configure_form",
    "delete_enjeu",
    "delete_enjeux",
    "enjeu_links",
    "ensure_catalogue_layers",
    "link_tool",
    "read_enjeux",
    "read_sites",
    "set_enjeu_geometry",
    "set_enjeu_tools",
    "setup_relations",
    "unlink_tool",
    "update_enjeu",
]
