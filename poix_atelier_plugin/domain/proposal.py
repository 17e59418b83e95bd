# SPDX-License-Identifier: GPL-2.0-or-later
"""The "Proposition d'accompagnement" of a group as plain data.

Enjeux are presented most pressing first (impératif, important, à suivre),
each with the tools the group picked and why; the same structure feeds the
dock view, the HTML rendering and the printed board.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import vocab


@dataclass
class ProposalTool:
    fid: int
    nom: str
    categorie: str = ""
    porteur: str = ""
    commentaire: str = ""


@dataclass
class ProposalEnjeu:
    fid: int
    titre: str
    niveau: str = ""
    theme: str = ""
    description: str = ""
    site: str = ""
    outils: list[ProposalTool] = field(default_factory=list)

    @property
    def niveau_label(self) -> str:
        return vocab.ENJEU_LEVELS.get(self.niveau, self.niveau or "")

    @property
    def theme_label(self) -> str:
        return vocab.THEMES.get(self.theme, self.theme or "")


@dataclass
class Proposal:
    groupe: str
    enjeux: list[ProposalEnjeu]

    def by_level(self) -> list[tuple[str, list[ProposalEnjeu]]]:
        """(level code, enjeux) in level order; unknown levels last, empty levels dropped."""
        order = list(vocab.ENJEU_LEVELS) + sorted(
            {e.niveau for e in self.enjeux if e.niveau not in vocab.ENJEU_LEVELS}
        )
        return [
            (level, [e for e in self.enjeux if e.niveau == level])
            for level in order
            if any(e.niveau == level for e in self.enjeux)
        ]

    @property
    def tool_count(self) -> int:
        return len({t.fid for e in self.enjeux for t in e.outils})


def level_rank(level: str | None) -> int:
    levels = list(vocab.ENJEU_LEVELS)
    return levels.index(level) if level in levels else len(levels)


def build_proposal(
    groupe: str,
    enjeux: list[dict],
    links: list[dict],
    tools: dict[int, dict],
    sites: dict[int, str],
) -> Proposal:
    """Assemble rows read from the workspace.

    ``enjeux``: dicts with fid, titre, niveau, theme, description, site_id;
    ``links``: dicts with enjeu_id, outil_id, commentaire; ``tools``: fid →
    dict (nom, categorie, porteur); ``sites``: fid → name. Links to a missing
    tool are ignored rather than shown as blanks.
    """
    items = []
    for row in enjeux:
        site_id = row.get("site_id")
        items.append(
            ProposalEnjeu(
                fid=int(row["fid"]),
                titre=str(row.get("titre") or ""),
                niveau=str(row.get("niveau") or ""),
                theme=str(row.get("theme") or ""),
                description=str(row.get("description") or ""),
                site=sites.get(int(site_id), "") if site_id not in (None, "") else "",
            )
        )
    by_fid = {e.fid: e for e in items}
    for link in links:
        enjeu = by_fid.get(int(link["enjeu_id"])) if link.get("enjeu_id") is not None else None
        tool = tools.get(int(link["outil_id"])) if link.get("outil_id") is not None else None
        if enjeu is None or tool is None:
            continue
        enjeu.outils.append(
            ProposalTool(
                fid=int(link["outil_id"]),
                nom=str(tool.get("nom") or ""),
                categorie=str(tool.get("categorie") or ""),
                porteur=str(tool.get("porteur") or ""),
                commentaire=str(link.get("commentaire") or ""),
            )
        )
    for enjeu in items:
        enjeu.outils.sort(key=lambda t: t.nom.casefold())
    items.sort(key=lambda e: (level_rank(e.niveau), e.titre.casefold(), e.fid))
    return Proposal(groupe, items)
