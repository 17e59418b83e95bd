# SPDX-License-Identifier: GPL-2.0-or-later
"""Enjeux, their tools, and the QGIS relations and forms that tie them.

From an enjeu, a person picks tools in the catalogue (a searchable list) and
writes why: the ``enjeux_outils`` link table, shown in the enjeu's form by a
QGIS relation, with a ValueRelation (completer) on ``outil_id``. The same
relations give RelationReference widgets to ``enjeux.site_id`` and
``observations.arret_id``.

Every write of more than one row is one transaction (store.transaction): an
enjeu and its links, the links of an enjeu, go together or not at all. On a
server workshop the ``version`` arguments (from ``read_versions``, taken when
the enjeu was shown) are asserted: a change made meanwhile on another
computer is refused rather than overwritten.
"""

from __future__ import annotations

import logging

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsVectorLayer,
)

from ... import compat
from ...domain import vocab
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...infra.i18n import tr
from ...store.rows import plain_value
from ...store.tables import is_pg, open_table
from ...store.transaction import read_versions, transaction
from ...store.workspace import new_uid

LOG = logging.getLogger(__name__)


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

    if geometry is None or not is_pg(dossier):
        return None
    return {
        compat.GEOMETRY_POINT: "Point",
        compat.GEOMETRY_LINE: "LineString",
        compat.GEOMETRY_POLYGON: "Polygon",
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


def _gone_enjeu() -> AtelierError:
    return AtelierError(QT_TR_NOOP("This issue no longer exists."))


def _lock_enjeu(writer, fid: int, version: int | None) -> int | None:
    """Hold the enjeu until the end of the transaction; its current version."""
    found = writer.lock("enjeux", [int(fid)], {int(fid): version})
    if int(fid) not in found:
        raise _gone_enjeu()
    return found[int(fid)]


def _enjeu_values(titre, niveau, theme, site_id, description) -> dict:
    return {
        "titre": _check_enjeu(titre, niveau, theme),
        "niveau": niveau,
        "theme": theme or None,
        "site_id": site_id,
        "description": description or None,
    }


def _check_site(writer, site_id) -> None:
    if site_id is not None and int(site_id) not in writer.lock("sites_projet", [int(site_id)]):
        raise AtelierError(QT_TR_NOOP("The candidate site of this issue no longer exists."))


_SAVE_TABLES = ["enjeux", "sites_projet", "outils", "enjeux_outils"]


def update_enjeu(
    gpkg,
    fid: int,
    titre: str,
    niveau: str,
    theme=None,
    site_id=None,
    description: str = "",
    version: int | None = None,
) -> None:
    values = _enjeu_values(titre, niveau, theme, site_id, description)
    with transaction(gpkg, _SAVE_TABLES) as writer:
        current = _lock_enjeu(writer, fid, version)
        _check_site(writer, site_id)
        writer.update("enjeux", int(fid), values, current)


def save_enjeu(
    gpkg,
    groupe: str,
    fid: int | None,
    titre: str,
    niveau: str,
    theme=None,
    site_id=None,
    description: str = "",
    tools: dict | None = None,
    version: int | None = None,
    link_versions: dict | None = None,
) -> int:
    """The enjeu dialog's OK: the enjeu (new when ``fid`` is None) and its tools, at once.

    ``tools``: tool fid → why (None: links untouched). Returns the enjeu's fid.
    """
    values = _enjeu_values(titre, niveau, theme, site_id, description)
    with transaction(gpkg, _SAVE_TABLES) as writer:
        _check_site(writer, site_id)
        if fid is None:
            fid = writer.insert("enjeux", [{"groupe": groupe, **values}])[0]
        else:
            writer.update("enjeux", int(fid), values, _lock_enjeu(writer, fid, version))
        if tools is not None:
            _sync_tools(writer, int(fid), tools, False, link_versions)
    return int(fid)


def delete_enjeu(gpkg, fid: int, version: int | None = None) -> int:
    """Delete an enjeu and its tool links together (never a dangling link)."""
    return delete_enjeux(gpkg, [fid], {int(fid): version} if version is not None else None)


def delete_enjeux(gpkg, fids: list[int], versions: dict | None = None) -> int:
    """Delete enjeux and their tool links in one transaction; returns the links removed.

    Enjeux already deleted elsewhere are skipped; one changed meanwhile on
    another computer (server) refuses the whole deletion.
    """
    fids = [int(f) for f in fids]
    if not fids:
        return 0
    with transaction(gpkg, ["enjeux", "enjeux_outils"]) as writer:
        found = writer.lock("enjeux", fids, versions)
        links = writer.select("enjeux_outils", where={"enjeu_id": list(found)})
        writer.delete("enjeux_outils", [r.fid for r in links], {r.fid: r.version for r in links})
        writer.delete("enjeux", list(found), found)
    return len(links)


def set_enjeu_geometry(
    gpkg, fid: int, geometry: QgsGeometry | None, version: int | None = None
) -> None:
    """Place an enjeu on the map (point, line or area), or take it off with None."""
    with transaction(gpkg, ["enjeux"]) as writer:
        current = _lock_enjeu(writer, fid, version)
        writer.set_geometry("enjeux", int(fid), geometry, current)


def read_enjeux(gpkg, groupe: str) -> list[dict]:
    layer = open_table(gpkg, "enjeux", groupe)
    names = ("titre", "niveau", "theme", "site_id", "description")
    return [
        {"fid": f.id(), **{n: plain_value(f[n]) for n in names}, "has_geometry": f.hasGeometry()}
        for f in layer.getFeatures()
    ]


def read_sites(gpkg, groupe: str | None = None) -> dict[int, str]:
    """Candidate sites (fid → name), of one group or all."""
    layer = open_table(gpkg, "sites_projet", groupe)
    return {
        f.id(): str(plain_value(f["nom"]) or tr("Site {fid}").format(fid=f.id()))
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
    with transaction(gpkg, ["enjeux", "outils", "enjeux_outils"]) as writer:
        _lock_enjeu(writer, enjeu_fid, None)
        return _sync_tools(writer, int(enjeu_fid), choices, keep_others)


def _sync_tools(writer, enjeu_fid: int, choices: dict, keep_others: bool, versions=None) -> dict:
    """set_enjeu_tools inside a transaction; ``versions``: link fid → version read."""
    wanted = {int(k): (v or "").strip() for k, v in choices.items()}
    found = writer.lock("outils", list(wanted))  # nobody removes them meanwhile
    if set(wanted) - set(found):
        raise AtelierError(QT_TR_NOOP("This tool is no longer in the catalogue."))
    current: dict[int, list] = {}
    for row in writer.select("enjeux_outils", where={"enjeu_id": [enjeu_fid]}):
        current.setdefault(int(row.values["outil_id"]), []).append(row)

    def version(row):
        return (versions or {}).get(row.fid, row.version)

    result, stale, new = {}, [], []
    for tool, why in wanted.items():
        if tool not in current:
            new.append(tool)
            continue
        first, *dupes = current[tool]
        result[tool] = first.fid
        if (first.values["commentaire"] or "") != why:  # no version bump for nothing
            writer.update("enjeux_outils", first.fid, {"commentaire": why or None}, version(first))
        stale += dupes
    if not keep_others:
        stale += [row for tool, rows in current.items() if tool not in wanted for row in rows]
    writer.delete("enjeux_outils", [r.fid for r in stale], {r.fid: version(r) for r in stale})
    rows = [{"enjeu_id": enjeu_fid, "outil_id": t, "commentaire": wanted[t] or None} for t in new]
    result.update(zip(new, writer.insert("enjeux_outils", rows)))
    return result


def unlink_tool(gpkg, link_fid: int, version: int | None = None) -> None:
    with transaction(gpkg, ["enjeux_outils"]) as writer:
        writer.delete("enjeux_outils", [int(link_fid)], {int(link_fid): version})


def enjeu_links(gpkg, enjeu_fid: int | None = None) -> list[dict]:
    """Rows of enjeux_outils (all, or of one enjeu)."""
    layer = open_table(gpkg, "enjeux_outils")
    request = QgsFeatureRequest()
    if enjeu_fid is not None:
        request.setFilterExpression(f'"enjeu_id" = {int(enjeu_fid)}')
    return [
        {
            "fid": f.id(),
            "enjeu_id": plain_value(f["enjeu_id"]),
            "outil_id": plain_value(f["outil_id"]),
            "commentaire": plain_value(f["commentaire"]) or "",
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
    "read_versions",
    "save_enjeu",
    "set_enjeu_geometry",
    "set_enjeu_tools",
    "setup_relations",
    "unlink_tool",
    "update_enjeu",
]
