# SPDX-License-Identifier: GPL-2.0-or-later
"""A group's "Proposition d'accompagnement", read from the workspace, as HTML.

The HTML is shown in the dock and reused by the Restitution board; every
value typed by participants is escaped.
"""

from __future__ import annotations

from html import escape

from ...domain import proposal as dom
from ...infra.i18n import tr
from ...styles.diagnostic_style import LEVEL_COLOURS
from .catalogue import read_catalogue
from .enjeux import enjeu_links, read_enjeux, read_sites


def proposal_for_group(gpkg, groupe: str) -> dom.Proposal:
    enjeux = read_enjeux(gpkg, groupe)
    ids = {e["fid"] for e in enjeux}
    links = [link for link in enjeu_links(gpkg) if link["enjeu_id"] in ids]
    tools = {
        fid: {"nom": t.nom, "categorie": t.categorie, "porteur": t.porteur}
        for fid, t in read_catalogue(gpkg).items()
    }
    return dom.build_proposal(groupe, enjeux, links, tools, read_sites(gpkg))


def _level_title(level: str) -> str:
    titles = {
        "imperatif": tr("Imperative issues"),
        "important": tr("Important issues"),
        "a_suivre": tr("Issues to follow"),
    }
    return titles.get(level, level)


def proposal_html(proposal: dom.Proposal, title: bool = True, font_pt: float = 10.0) -> str:
    """Escaped HTML (Qt rich-text subset: works in QTextBrowser and layout labels)."""
    e = escape
    parts = [f'<div style="font-family: sans-serif; font-size: {font_pt:g}pt;">']
    if title:
        parts.append(
            "<h2>{}</h2>".format(e(tr("Support proposal — {group}").format(group=proposal.groupe)))
        )
    if not proposal.enjeux:
        parts.append(
            "<p><i>{}</i></p>".format(e(tr("No issue has been written for this group yet.")))
        )
    for level, enjeux in proposal.by_level():
        colour = LEVEL_COLOURS.get(level, "#34495e")
        parts.append(f'<h3 style="color:{colour};">{e(_level_title(level))}</h3>')
        for enjeu in enjeux:
            meta = " · ".join(m for m in (enjeu.theme_label, enjeu.site) if m)
            parts.append(
                f'<p style="margin-bottom:2px;"><b>{e(enjeu.titre)}</b>'
                + (f' <span style="color:#555;">({e(meta)})</span>' if meta else "")
                + "</p>"
            )
            if enjeu.description:
                parts.append(f'<p style="margin-top:0; color:#333;">{e(enjeu.description)}</p>')
            if enjeu.outils:
                parts.append('<ul style="margin-top:0;">')
                for tool in enjeu.outils:
                    extra = " — ".join(x for x in (tool.categorie, tool.porteur) if x)
                    line = f"<b>{e(tool.nom)}</b>"
                    if extra:
                        line += f' <span style="color:#555;">[{e(extra)}]</span>'
                    if tool.commentaire:
                        line += f"<br/><i>{e(tool.commentaire)}</i>"
                    parts.append(f"<li>{line}</li>")
                parts.append("</ul>")
            else:
                parts.append(
                    '<p style="margin-top:0; color:#888;"><i>{}</i></p>'.format(
                        e(tr("No tool chosen yet."))
                    )
                )
    parts.append("</div>")
    return "\n".join(parts)


def group_proposal_html(gpkg, groupe: str, title: bool = True, font_pt: float = 10.0) -> str:
    """Convenience for the boards: read then render."""
    return proposal_html(proposal_for_group(gpkg, groupe), title=title, font_pt=font_pt)
