# SPDX-License-Identifier: GPL-2.0-or-later
"""The boîte à outils inside a dossier: the ``outils`` table and its links.

The shipped catalogue (``resources/catalogue_outils.csv``) is copied into each
dossier once; afterwards the dossier's copy is the reference, edited live
during the workshop. Removing a tool that enjeux use is a two-step affair:
without ``confirm`` nothing is deleted and the links are returned, so the GUI
can ask; with it, the tool and its links go in one transaction, so no
``enjeux_outils`` row is ever left pointing at a missing tool. On a server
workshop every write asserts the version it read (``version`` arguments, from
``read_versions``): a tool changed meanwhile on another computer is refused.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import QgsFeature, QgsVectorLayer

from ...domain import catalogue as dom
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...infra.i18n import tr
from ...paths import resource
from ...store.rows import plain_value
from ...store.tables import is_pg, open_table
from ...store.transaction import read_versions, transaction  # noqa: F401 - read_versions for the GUI
from ...store.workspace import existing_tables, new_uid

LOG = logging.getLogger(__name__)

SHIPPED_FILE = "catalogue_outils.csv"


def shipped_catalogue_path() -> Path:
    return resource(SHIPPED_FILE)


def shipped_tools() -> list[dom.Tool]:
    return dom.parse_csv(shipped_catalogue_path().read_bytes()).tools


def has_toolbox(dossier) -> bool:
    """The ``outils`` table exists: it comes with the groups' workspace, not with the dossier.

    A server workspace always has it (the schema is created whole).
    """
    return is_pg(dossier) or "outils" in existing_tables(dossier)


def _tools_layer(gpkg) -> QgsVectorLayer:
    if not has_toolbox(gpkg):
        raise AtelierError(
            QT_TR_NOOP("The toolbox comes with the groups: create the groups first.")
        )
    return open_table(gpkg, "outils")


def _tool_of(feat) -> dom.Tool:
    """A Tool from a feature or a transaction row's values."""

    def val(name: str) -> str:
        value = plain_value(feat[name])
        return "" if value is None else str(value)

    return dom.Tool(*(val(name) for name in dom.EXPORT_HEADER))


def _read_in(writer) -> dict[int, dom.Tool]:
    return {row.fid: _tool_of(row.values) for row in writer.select("outils")}


def _gone() -> AtelierError:
    return AtelierError(QT_TR_NOOP("This tool is no longer in the catalogue."))


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
    """Copy the shipped catalogue into an empty ``outils`` table; returns tools added.

    A dossier without groups has no ``outils`` table yet: nothing to fill, and
    nothing wrong (opening a newly built dossier must not report an error).
    """
    if not has_toolbox(gpkg):
        return 0
    layer = _tools_layer(gpkg)
    if layer.featureCount() > 0:
        return 0
    tools = shipped_tools()
    _add(gpkg, layer, tools)
    LOG.info(tr("Toolbox: {count} tools copied into {path}").format(count=len(tools), path=gpkg))
    return len(tools)


def add_tool(gpkg, tool: dom.Tool, ajoute_par: str | None = None) -> int:
    """Add an entry typed during the workshop; marked as added by a participant."""
    current = read_catalogue(gpkg)
    tool = dom.check_tool(tool, list(current.values()))
    tool.ajoute_par = " ".join((ajoute_par or tool.ajoute_par or dom.PARTICIPANT).split())
    return _add(gpkg, _tools_layer(gpkg), [tool])[0]


def update_tool(gpkg, fid: int, tool: dom.Tool, version: int | None = None) -> None:
    """Rewrite one tool; ``version``: the one read when it was shown (server only)."""
    fid = int(fid)
    with transaction(gpkg, ["outils"]) as writer:
        found = writer.lock("outils", [fid], {fid: version})
        if fid not in found:
            raise _gone()
        current = _read_in(writer)
        others = [t for f, t in current.items() if f != fid]
        tool = dom.check_tool(tool, others)
        if not tool.ajoute_par:
            tool.ajoute_par = current[fid].ajoute_par
        values = dict(zip(dom.EXPORT_HEADER, tool.as_row()))
        writer.update("outils", fid, values, found[fid])


@dataclass
class ToolLink:
    fid: int
    enjeu_id: int
    enjeu: str
    groupe: str
    commentaire: str = ""
    version: int | None = None  # on a server: the version read


@dataclass
class Removal:
    """Outcome of remove_tool: ``removed`` False means "ask first about ``links``"."""

    removed: bool
    links: list[ToolLink] = field(default_factory=list)


_LINK_TABLES = ["outils", "enjeux_outils", "enjeux"]


def _links_in(writer, fid: int) -> list[ToolLink]:
    rows = writer.select("enjeux_outils", where={"outil_id": [int(fid)]})
    ids = {int(r.values["enjeu_id"]) for r in rows if r.values["enjeu_id"] is not None}
    enjeux = {
        e.fid: (e.values["titre"] or "", e.values["groupe"] or "")
        for e in writer.select("enjeux", fids=ids)
    }
    out = []
    for row in rows:
        enjeu_id = row.values["enjeu_id"]
        titre, groupe = enjeux.get(int(enjeu_id) if enjeu_id is not None else -1, ("", ""))
        comment = plain_value(row.values["commentaire"])
        text = "" if comment is None else str(comment)
        out.append(
            ToolLink(row.fid, int(enjeu_id or -1), str(titre), str(groupe), text, row.version)
        )
    return out


def tool_links(gpkg, fid: int) -> list[ToolLink]:
    """The enjeux that use a tool (what deleting it would unlink)."""
    with transaction(gpkg, _LINK_TABLES, write=False) as writer:
        return _links_in(writer, fid)


def remove_tool(gpkg, fid: int, confirm: bool = False, version: int | None = None) -> Removal:
    """Delete a tool; if enjeux use it and ``confirm`` is False, delete nothing.

    The tool and its links go together or not at all. On a server the tool is
    locked first, so no one can link it meanwhile; a link or the tool changed
    on another computer since it was read is a conflict (nothing deleted).
    """
    fid = int(fid)
    with transaction(gpkg, _LINK_TABLES) as writer:
        found = writer.lock("outils", [fid], {fid: version})
        if fid not in found:
            raise _gone()
        links = _links_in(writer, fid)
        if links and not confirm:
            return Removal(False, links)
        writer.delete("enjeux_outils", [link.fid for link in links], _versions(links))
        writer.delete("outils", [fid], {fid: found[fid]})
    return Removal(True, links)


def _versions(links: list[ToolLink]) -> dict[int, int | None]:
    return {link.fid: link.version for link in links}


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
    with transaction(gpkg, ["outils"]) as writer:
        rows = writer.select("outils", lock=True)
        versions = {row.fid: row.version for row in rows}
        current = {row.fid: _tool_of(row.values) for row in rows}
        current = dict(
            sorted(
                current.items(), key=lambda kv: (kv[1].categorie.casefold(), kv[1].nom.casefold())
            )
        )
        plan = dom.plan_merge(current, parsed.tools)
        writer.insert("outils", [dict(zip(dom.EXPORT_HEADER, t.as_row())) for t in plan.add])
        for fid, tool in plan.update:
            writer.update("outils", fid, dict(zip(dom.EXPORT_HEADER, tool.as_row())), versions[fid])
    return ImportReport(len(plan.add), len(plan.update), plan.unchanged, parsed.notes)
