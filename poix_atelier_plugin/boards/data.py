# SPDX-License-Identifier: GPL-2.0-or-later
"""Rows the boards print: stops with planned times, photos, diagnostic, enjeux."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import QgsGeometry, QgsVectorLayer

from ..domain import vocab
from ..domain.proposal import build_proposal
from ..domain.stops import speed_for
from ..store.rows import plain_value
from ..store.tables import open_table
from .source import Dossier

#: The field visit starts at 10:00 (DESIGN.md).
DEFAULT_START = "10:00"


def _v(value):
    return plain_value(value)


@dataclass
class Photo:
    path: str  # as stored (relative to the dossier)
    absolute: Path
    stop_fid: int | None
    text: str = ""

    @property
    def exists(self) -> bool:
        return self.absolute.is_file()


@dataclass
class Stop:
    fid: int
    ordre: int | None
    nom: str
    theme: str = ""
    duree_min: float = 0.0
    notes: str = ""
    distance_m: float | None = None
    arrival_min: float | None = None  # minutes after the start of the visit
    photos: list[Photo] = field(default_factory=list)

    @property
    def number(self) -> str:
        return str(self.ordre) if self.ordre is not None else "?"

    @property
    def theme_label(self) -> str:
        return vocab.THEMES.get(self.theme, self.theme)


def clock(start: str, minutes: float | None) -> str:
    """``"10:00"`` + 75.4 min → ``"11:15"``."""
    if minutes is None:
        return "\u2014"
    hours, mins = (int(x) for x in (start or DEFAULT_START).split(":"))
    total = int(round(hours * 60 + mins + minutes))
    return f"{(total // 60) % 24:02d}:{total % 60:02d}"


def route_geometry(route: QgsVectorLayer | None) -> tuple[QgsGeometry | None, float]:
    """The group's route as one (merged) line and its speed in km/h."""
    if route is None:
        return None, speed_for(None, None)
    geoms, speed = [], None
    for feat in route.getFeatures():
        if feat.hasGeometry():
            geoms.append(feat.geometry())
            speed = speed or speed_for(_v(feat["mode"]), _v(feat["vitesse_kmh"]))
    if not geoms:
        return None, speed_for(None, None)
    merged = QgsGeometry.unaryUnion(geoms)
    line = merged.mergeLines() if merged.isMultipart() else merged
    return line, speed or speed_for(None, None)


def read_stops(stops: QgsVectorLayer | None, route: QgsVectorLayer | None) -> list[Stop]:
    """Stops in visiting order with their planned arrival (minutes after the start)."""
    if stops is None:
        return []
    line, speed = route_geometry(route)
    out = []
    for feat in stops.getFeatures():
        distance = _v(feat["distance_m"])
        if distance is None and line is not None and feat.hasGeometry():
            distance = line.lineLocatePoint(feat.geometry())
            distance = distance if distance >= 0 else None
        ordre = _v(feat["ordre"])
        out.append(
            Stop(
                fid=feat.id(),
                ordre=int(ordre) if ordre is not None else None,
                nom=str(_v(feat["nom"]) or ""),
                theme=str(_v(feat["theme"]) or ""),
                duree_min=float(_v(feat["duree_min"]) or 0),
                notes=str(_v(feat["notes"]) or ""),
                distance_m=float(distance) if distance is not None else None,
            )
        )
    out.sort(key=lambda s: (s.ordre is None, s.ordre or 0, s.distance_m or 0, s.fid))
    spent = 0.0
    metres_per_min = speed * 1000.0 / 60.0
    for stop in out:
        if stop.distance_m is not None and line is not None:
            stop.arrival_min = stop.distance_m / metres_per_min + spent
        spent += stop.duree_min
    return out


def read_photos(observations: QgsVectorLayer | None, dossier: Dossier) -> list[Photo]:
    if observations is None:
        return []
    out = []
    for feat in observations.getFeatures():
        photo = _v(feat["photo"])
        if not photo:
            continue
        path = Path(str(photo))
        folder = dossier.folder
        if path.is_absolute():
            absolute = path
        else:  # no folder known (a server dossier in an unsaved project): not found
            absolute = folder / path if folder is not None else Path()
        stop = _v(feat["arret_id"])
        out.append(
            Photo(
                str(photo),
                absolute,
                int(stop) if stop is not None else None,
                str(_v(feat["texte"]) or ""),
            )
        )
    out.sort(key=lambda p: p.path)
    return out


def attach_photos(stops: list[Stop], photos: list[Photo]) -> None:
    by_fid = {s.fid: s for s in stops}
    for photo in photos:
        if photo.stop_fid in by_fid:
            by_fid[photo.stop_fid].photos.append(photo)


def diagnostic_rows(layers: list[QgsVectorLayer]) -> list[list[str]]:
    """(category, theme, text) of the diagnostic, by category order then theme."""
    cats = list(vocab.DIAGNOSTIC_CATEGORIES)
    rows = []
    for layer in layers:
        for feat in layer.getFeatures():
            cat = str(_v(feat["categorie"]) or "")
            theme = str(_v(feat["theme"]) or "")
            rows.append(
                (
                    cats.index(cat) if cat in cats else len(cats),
                    theme,
                    [
                        vocab.DIAGNOSTIC_CATEGORIES.get(cat, cat),
                        vocab.THEMES.get(theme, theme),
                        str(_v(feat["texte"]) or ""),
                    ],
                )
            )
    rows.sort(key=lambda r: (r[0], r[1], r[2][2]))
    return [r[2] for r in rows]


def read_proposal(dossier: str, groupe: str, shared: dict | None = None):
    """The group's "Proposition d'accompagnement" (domain.proposal structure).

    The rows of services.toolbox.proposal.proposal_for_group, assembled by the same
    domain.proposal.build_proposal, but read through store.tables.open_table so
    that PostGIS dossiers print too and the group filter sits in the URI.
    ``shared`` keeps the catalogue, links and sites between the groups of
    one export.
    """

    def rows(table, groupe=None):
        return list(open_table(dossier, table, groupe).getFeatures())

    shared = shared if shared is not None else {}
    if "tools" not in shared:
        shared["links"] = [
            {
                "enjeu_id": _v(f["enjeu_id"]),
                "outil_id": _v(f["outil_id"]),
                "commentaire": _v(f["commentaire"]) or "",
            }
            for f in rows("enjeux_outils")
        ]
        shared["tools"] = {
            f.id(): {
                "nom": _v(f["nom"]),
                "categorie": _v(f["categorie"]),
                "porteur": _v(f["porteur"]),
            }
            for f in rows("outils")
        }
        shared["sites"] = {f.id(): str(_v(f["nom"]) or f.id()) for f in rows("sites_projet")}
    if "enjeux" not in shared:  # one read for every group (same rows as the group filter)
        shared["enjeux"] = [
            (
                f["groupe"],
                {
                    "fid": f.id(),
                    **{n: _v(f[n]) for n in ("titre", "niveau", "theme", "site_id", "description")},
                },
            )
            for f in rows("enjeux")
        ]
    enjeux = [row for name, row in shared["enjeux"] if name == groupe]
    ids = {e["fid"] for e in enjeux}
    links = [link for link in shared["links"] if link["enjeu_id"] in ids]
    return build_proposal(groupe, enjeux, links, shared["tools"], shared["sites"])
