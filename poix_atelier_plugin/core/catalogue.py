# SPDX-License-Identifier: GPL-2.0-or-later
"""The boîte à outils inside a dossier: the ``outils`` table and its links.

The shipped catalogue (``resources/catalogue_outils.csv``) is copied into each
dossier once; afterwards the dossier's copy is the reference, edited live
during the workshop. Removing a tool that enjeux use is a two-step affair:
without ``confirm`` nothing is deleted and the links are returned, so the GUI
can ask; with it, the links go first, so no ``enjeux_outils`` row is ever
left pointing at a missing tool.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import QgsFeature, QgsFeatureRequest, QgsVectorLayer

from ..domain import catalogue as dom
from ..domain.errors import QT_TR_NOOP, AtelierError
from ..paths import resource
from .workspace import new_uid, open_layer

PG_PREFIX = "pg:"

LOG = logging.getLogger(__name__)

SHIPPED_FILE = "catalogue_outils.csv"


def shipped_catalogue_path() -> Path:
    return resource(SHIPPED_FILE)


def shipped_tools() -> list[dom.Tool]:
    return dom.parse_csv(shipped_catalogue_path().read_bytes()).tools


def is_pg(dossier) -> bool:
    return str(dossier).startswith(PG_PREFIX)


def open_table(dossier, table: str, groupe=None, geometry=None, name=None) -> QgsVectorLayer:
    """One contract table of a GeoPackage or of a ``pg:`` server workspace.

    On a server, a mixed-geometry table (enjeux) opened without a geometry kind
    is read as attributes only: the postgres provider cannot type it.
    """
    if not is_pg(dossier):
        return open_layer(dossier, table, groupe, geometry, name)
    from ..domain import schema
    from .pg_project import open_attributes
    from .pg_project import open_layer as open_pg_layer

    spec = schema.TABLES_BY_NAME.get(table)
    if geometry is not None or spec is None or spec.geometry != "Geometry":
        return open_pg_layer(str(dossier), table, groupe, geometry, name)
    return open_attributes(str(dossier), table, groupe, name)


def _tools_layer(gpkg) -> QgsVectorLayer:
    return open_table(gpkg, "outils")


def _tool_of(feat: QgsFeature) -> dom.Tool:
    def val(name: str) -> str:
        value = feat[name]
        return "" if value is None or str(value) == "NULL" else str(value)

    return dom.Tool(*(val(name) for name in dom.EXPORT_HEADER))


def read_catalogue(gpkg) -> dict[int, dom.Tool]:
    """fid → Tool, sorted by category then name."""
    layer = _tools_layer(gpkg)
    tools = {f.id(): _tool_of(f) for f in layer.getFeatures()}
    return dict(
        sorted(tools.items(), key=lambda kv: (kv[1].categorie.casefold(), kv[1].nom.casefold()))
    )


def _write_error(gpkg, layer: QgsVectorLayer) -> AtelierError:
    errors = layer.dataProvider().errors()
    return AtelierError(
        QT_TR_NOOP("Cannot write the toolbox into {path}: {error}"),
        path=str(gpkg),
        error="; ".join(errors[-3:]) if errors else "?",
    )


def _add(gpkg, layer: QgsVectorLayer, tools: list[dom.Tool]) -> list[int]:
    feats = []
    for tool in tools:
        feat = QgsFeature(layer.fields())
        feat["uid"] = new_uid()
        for name, value in zip(dom.EXPORT_HEADER, tool.as_row()):
            feat[name] = value
        feats.append(feat)
    ok, added = layer.dataProvider().addFeatures(feats)
    if not ok:
        raise _write_error(gpkg, layer)
    return [f.id() for f in added]


def ensure_catalogue(gpkg) -> int:
    """Copy the shipped catalogue into an empty ``outils`` table; returns tools added."""
    layer = _tools_layer(gpkg)
    if layer.featureCount() > 0:
        return 0
    tools = shipped_tools()
    _add(gpkg, layer, tools)
    LOG.info("Toolbox: %d tools copied into %s", len(tools), gpkg)
    return len(tools)


def add_tool(gpkg, tool: dom.Tool, ajoute_par: str | None = None) -> int:
    """Add an entry typed during the workshop; marked as added by a participant."""
    current = read_catalogue(gpkg)
    tool = dom.check_tool(tool, list(current.values()))
    tool.ajoute_par = " ".join((ajoute_par or tool.ajoute_par or dom.PARTICIPANT).split())
    return _add(gpkg, _tools_layer(gpkg), [tool])[0]


def update_tool(gpkg, fid: int, tool: dom.Tool) -> None:
    current = read_catalogue(gpkg)
    if fid not in current:
        raise AtelierError(QT_TR_NOOP("This tool is no longer in the catalogue."))
    others = [t for f, t in current.items() if f != fid]
    tool = dom.check_tool(tool, others)
    if not tool.ajoute_par:
        tool.ajoute_par = current[fid].ajoute_par
    layer = _tools_layer(gpkg)
    idx = {name: layer.fields().indexOf(name) for name in dom.EXPORT_HEADER}
    changes = {idx[name]: value for name, value in zip(dom.EXPORT_HEADER, tool.as_row())}
    if not layer.dataProvider().changeAttributeValues({fid: changes}):
        raise _write_error(gpkg, layer)


@dataclass
class ToolLink:
    fid: int
    enjeu_id: int
    enjeu: str
    groupe: str
    commentaire: str = ""


@dataclass
class Removal:
    """Outcome of remove_tool: ``removed`` False means "ask first about ``links``"."""

    removed: bool
    links: list[ToolLink] = field(default_factory=list)


def tool_links(gpkg, fid: int) -> list[ToolLink]:
    """The enjeux that use a tool (what deleting it would unlink)."""
    links_layer = open_table(gpkg, "enjeux_outils")
    request = QgsFeatureRequest().setFilterExpression(f'"outil_id" = {int(fid)}')
    rows = [(f.id(), f["enjeu_id"], f["commentaire"]) for f in links_layer.getFeatures(request)]
    if not rows:
        return []
    enjeux_layer = open_table(gpkg, "enjeux")
    ids = {int(r[1]) for r in rows if r[1] is not None}
    enjeux = {}
    if ids:
        req = QgsFeatureRequest().setFilterFids(list(ids))
        enjeux = {
            f.id(): (f["titre"] or "", f["groupe"] or "") for f in enjeux_layer.getFeatures(req)
        }
    out = []
    for link_fid, enjeu_id, comment in rows:
        titre, groupe = enjeux.get(int(enjeu_id) if enjeu_id is not None else -1, ("", ""))
        text = "" if comment is None or str(comment) == "NULL" else str(comment)
        out.append(ToolLink(link_fid, int(enjeu_id or -1), str(titre), str(groupe), text))
    return out


def remove_tool(gpkg, fid: int, confirm: bool = False) -> Removal:
    """Delete a tool; if enjeux use it and ``confirm`` is False, delete nothing."""
    links = tool_links(gpkg, fid)
    if links and not confirm:
        return Removal(False, links)
    if links:
        links_layer = open_table(gpkg, "enjeux_outils")
        if not links_layer.dataProvider().deleteFeatures([link.fid for link in links]):
            raise _write_error(gpkg, links_layer)
    layer = _tools_layer(gpkg)
    if not layer.dataProvider().deleteFeatures([int(fid)]):
        raise _write_error(gpkg, layer)
    return Removal(True, links)


def export_csv(gpkg, path) -> int:
    """Write the dossier's catalogue as UTF-8 CSV (temp file then rename); returns count."""
    tools = list(read_catalogue(gpkg).values())
    target = Path(path)
    data = dom.to_csv(tools)
    fd, tmp = tempfile.mkstemp(prefix=".outils-", suffix=".csv", dir=str(target.parent))
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise AtelierError(
            QT_TR_NOOP("Cannot write {path}: {error}"), path=str(target), error=str(exc)
        ) from exc
    return len(tools)


@dataclass
class ImportReport:
    added: int
    updated: int
    unchanged: int
    notes: list[str]


def import_csv(gpkg, path) -> ImportReport:
    """Merge a CSV into the catalogue by name; a bad file changes nothing."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise AtelierError(
            QT_TR_NOOP("Cannot read {path}: {error}"), path=str(path), error=str(exc)
        ) from exc
    parsed = dom.parse_csv(data)
    plan = dom.plan_merge(read_catalogue(gpkg), parsed.tools)
    layer = _tools_layer(gpkg)
    if plan.add:
        _add(gpkg, layer, plan.add)
    if plan.update:
        idx = {name: layer.fields().indexOf(name) for name in dom.EXPORT_HEADER}
        changes = {
            fid: {idx[n]: v for n, v in zip(dom.EXPORT_HEADER, tool.as_row())}
            for fid, tool in plan.update
        }
        if not layer.dataProvider().changeAttributeValues(changes):
            raise _write_error(gpkg, layer)
    return ImportReport(len(plan.add), len(plan.update), plan.unchanged, parsed.notes)
