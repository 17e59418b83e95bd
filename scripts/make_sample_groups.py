# SPDX-License-Identifier: GPL-2.0-or-later
"""Illustrative group work for the sample dossier: routes, stops, sequences, sites.

``populate(gpkg)`` (called by scripts/make_sample.py) registers three groups
with their advisers, then clears and rewrites their routes, numbered stops,
sequences, hypotheses and candidate project sites. Routes follow the sample
streets (scripts/make_sample_sources.py); names are real places of
Poix-du-Nord, geometries are illustrative. Every group marks the former
textile mill on rue de Neuville (raised by the commune), so that the
synthesis shows where groups converge. Idempotent.
Run alone: QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/make_sample_groups.py sample/x.gpkg
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

try:  # the streets' origin: place Talma in the sample sources
    from make_sample_sources import CENTRE
except ImportError:  # pragma: no cover - sources script absent
    CENTRE = (744230.0, 7010080.0)

TABLES = ("parcours", "arrets", "sequences", "hypotheses", "sites_projet")

GROUPS = [
    ("Groupe 1", "Architecte-conseil de l'État", 120),
    ("Groupe 2", "Paysagiste-conseil de l'État", 120),
    ("Groupe 3", "Architecte du CAUE du Nord", 120),
]

# Everything below is in metres relative to place Talma (streets of the sample sources).
ROUTES = {
    "Groupe 1": [
        (0, 0),
        (-240, 170),
        (-560, 330),
        (-240, 170),
        (0, 0),
        (20, 250),
        (40, 520),
        (250, 560),
        (480, 600),
    ],
    "Groupe 2": [
        (0, 0),
        (260, 120),
        (520, 260),
        (760, 360),
        (1050, 470),
        (1400, 620),
        (1050, 470),
        (1150, 150),
        (1100, -150),
        (1250, -350),
        (850, -600),
        (400, -800),
        (-60, -420),
        (-20, -180),
        (0, 0),
    ],
    "Groupe 3": [
        (170, 230),
        (90, 110),
        (0, 0),
        (-240, 170),
        (-560, 330),
        (-240, 170),
        (0, 0),
        (-200, 40),
        (-420, 60),
        (-700, -300),
        (-900, -800),
    ],
}

# (name, theme, minutes, notes, position) — listed out of order on purpose: numbering does it.
STOPS = {
    "Groupe 1": [
        (
            "Keighley Hall",
            "patrimoine",
            10,
            "Salle des fêtes offerte par Keighley (1922)",
            (45, 300),
        ),
        (
            "Place Talma et monument",
            "patrimoine",
            10,
            "Ancienne place du Marais, confluence",
            (10, -20),
        ),
        ("Friche de la filature", "foncier", 15, "Filature de 1880, rue de Neuville", (-215, 200)),
        ("Cheminée de la brasserie Lebrun", "patrimoine", 5, "Repère dans le paysage", (-150, 205)),
        ("Vue sur la vallée", "paysage", 10, "Le bourg dans son creux", (-555, 345)),
        ("École primaire", "equipements", 10, "Cheminements des enfants", (-20, 420)),
        ("Rue du Marronnier", "habitat", 10, "Maisons de tisserands", (250, 575)),
        ("Débouché du chemin des Prés", "paysage", 5, "Lisière agricole", (475, 610)),
    ],
    "Groupe 2": [
        ("Confluence, place Talma", "risques", 10, "Lit majeur de plus de 100 m", (5, 10)),
        (
            "Ruisseau Saint-Georges couvert",
            "environnement",
            5,
            "Sous la rue Saint-Georges",
            (265, 135),
        ),
        ("Lavoir de la rue des Moulins", "patrimoine", 10, "", (1075, 490)),
        ("Moulin de la Chicorée", "patrimoine", 5, "", (1395, 640)),
        ("Sentier du Moulin", "paysage", 5, "Vue sur les prairies bocagères", (1150, 160)),
        ("Chapelle de Wagnonville", "patrimoine", 5, "", (875, -585)),
        ("Villa romaine de Wagnonville", "patrimoine", 10, "Vestiges, hameau", (1010, -475)),
        ("Fontaine Lecomte", "environnement", 5, "Lavoir et ruisseau", (-75, -430)),
        ("Entrée sud, route de Robersart", "mobilite", 5, "Vitesse, trottoirs", (380, -790)),
    ],
    "Groupe 3": [
        ("Mairie", "equipements", 10, "Rue de l'Église", (95, 125)),
        ("Église Saint-Martin", "patrimoine", 5, "Reconstruite à partir de 1893", (170, 240)),
        ("Friche textile, rue de Neuville", "foncier", 15, "Le grand site de projet", (-230, 185)),
        ("Frange ouest, rue de Neuville", "habitat", 10, "Extension récente", (-560, 320)),
        ("Chapelle Notre-Dame", "patrimoine", 5, "", (-425, 75)),
        ("Bibliothèque", "equipements", 5, "", (-140, 60)),
        ("Marais de Beaucamp", "environnement", 15, "Zone humide", (-830, -620)),
    ],
}

SEQUENCES = {
    "Groupe 1": [
        (
            "Le cœur industriel",
            "minérale, friche",
            "rue de faubourg",
            [(0, 0), (-240, 170), (-560, 330)],
        ),
        ("La rue commerçante", "animée", "front bâti continu", [(0, 0), (20, 250), (40, 520)]),
        ("Vers les champs", "ouverte", "lisière", [(40, 520), (250, 560), (480, 600)]),
    ],
    "Groupe 2": [
        (
            "Au fil du Saint-Georges",
            "fraîche",
            "ruisseau couvert puis visible",
            [(0, 0), (260, 120), (520, 260), (760, 360)],
        ),
        (
            "Le vallon des moulins",
            "bucolique",
            "patrimoine de l'eau",
            [(760, 360), (1050, 470), (1400, 620)],
        ),
        ("Le hameau de Wagnonville", "rurale", "bocage", [(1250, -350), (850, -600), (400, -800)]),
    ],
    "Groupe 3": [
        (
            "Le centre civique",
            "solennelle",
            "place et équipements",
            [(170, 230), (90, 110), (0, 0)],
        ),
        (
            "La rue de Neuville",
            "en mutation",
            "friche et extensions",
            [(0, 0), (-240, 170), (-560, 330)],
        ),
        ("Vers le marais", "naturelle", "chemin creux", [(-420, 60), (-700, -300), (-900, -800)]),
    ],
}

HYPOTHESES = {
    "Groupe 1": [
        ("La friche peut relier le centre et la rue de Neuville", "foncier", [(-200, 290)]),
        (
            "Le centre manque de logements pour les jeunes ménages",
            "habitat",
            [(-60, 180), (80, 200), (90, 420), (-70, 430)],
        ),
    ],
    "Groupe 2": [
        (
            "Rouvrir le ruisseau Saint-Georges réduirait le risque et ferait un parc",
            "risques",
            [(390, 190)],
        ),
        (
            "Le vallon des moulins est un atout de promenade méconnu",
            "paysage",
            [(950, 380), (1450, 560), (1400, 720), (950, 560)],
        ),
    ],
    "Groupe 3": [
        (
            "Les extensions ouest consomment des terres sans lien au centre",
            "foncier",
            [(-800, 470)],
        ),
        (
            "Le marais de Beaucamp peut porter une trame verte",
            "environnement",
            [(-950, -500), (-700, -500), (-700, -760), (-950, -760)],
        ),
    ],
}

FRICHE = [(-300, 250), (-170, 180), (-90, 330), (-230, 410)]
SITES = {
    "Groupe 1": [
        (
            "Friche textile de la rue de Neuville",
            "commune",
            "friche",
            "Reconversion mixte",
            FRICHE,
            (0, 0),
        ),
        (
            "Place Talma",
            "groupe",
            "espace_public",
            "Requalifier la place et le ruisseau",
            [(-60, -50), (60, -50), (60, 60), (-60, 60)],
            (0, 0),
        ),
        (
            "Dent creuse rue de la République",
            "groupe",
            "dent_creuse",
            "Logements en R+1",
            [(30, 360), (90, 360), (95, 420), (35, 425)],
            (0, 0),
        ),
    ],
    "Groupe 2": [
        (
            "Friche textile de la rue de Neuville",
            "commune",
            "friche",
            "Parc inondable et habitat",
            FRICHE,
            (15, -10),
        ),
        (
            "Place Talma et confluence",
            "groupe",
            "espace_public",
            "Découvrir l'eau",
            [(-40, -80), (80, -60), (70, 50), (-50, 40)],
            (0, 0),
        ),
        (
            "Abords du lavoir des Moulins",
            "groupe",
            "paysage",
            "Halte de promenade",
            [(1030, 450), (1120, 460), (1110, 540), (1030, 530)],
            (0, 0),
        ),
    ],
    "Groupe 3": [
        (
            "Friche textile de la rue de Neuville",
            "commune",
            "friche",
            "Équipement et logements",
            FRICHE,
            (-10, 15),
        ),
        (
            "Frange ouest",
            "groupe",
            "extension",
            "Lisière à composer, pas d'extension",
            [(-700, 380), (-540, 300), (-480, 420), (-640, 500)],
            (0, 0),
        ),
    ],
}


def _pt(dx: float, dy: float):
    from qgis.core import QgsPointXY

    return QgsPointXY(CENTRE[0] + dx, CENTRE[1] + dy)


def _geom(coords, kind: str, shift=(0, 0)):
    from qgis.core import QgsGeometry

    pts = [_pt(x + shift[0], y + shift[1]) for x, y in coords]
    if kind == "point":
        return QgsGeometry.fromPointXY(pts[0])
    if kind == "line":
        return QgsGeometry.fromPolylineXY(pts)
    return QgsGeometry.fromPolygonXY([pts + pts[:1]])


def _clear(gpkg: str, names: list[str]) -> None:
    from poix_atelier_plugin.store import workspace

    for table in TABLES:
        for name in names:
            layer = workspace.open_layer(gpkg, table, name)
            ids = [f.id() for f in layer.getFeatures()]
            if ids:
                layer.dataProvider().deleteFeatures(ids)


def _write(gpkg: str, table: str, groupe: str, rows: list[tuple[dict, object]]) -> int:
    from qgis.core import QgsFeature

    from poix_atelier_plugin.store import workspace

    layer = workspace.open_layer(gpkg, table, groupe)
    feats = []
    for attrs, geom in rows:
        feat = QgsFeature(layer.fields())
        feat["uid"] = workspace.new_uid()
        feat["groupe"] = groupe
        for key, value in attrs.items():
            feat[key] = value
        feat.setGeometry(geom)
        feats.append(feat)
    ok, _ = layer.dataProvider().addFeatures(feats)
    if not ok:
        raise RuntimeError(f"cannot write {table} for {groupe}")
    return len(feats)


def populate(gpkg) -> dict[str, dict]:
    """Rewrite the three sample groups' drawings; returns the route report per group."""
    from poix_atelier_plugin.domain.groups import GroupSpec
    from poix_atelier_plugin.services import groups, route

    gpkg = str(gpkg)
    specs = [GroupSpec(name, "", adviser, slot) for name, adviser, slot in GROUPS]
    groups.create_groups(gpkg, specs, update=True)
    names = [name for name, _a, _s in GROUPS]
    _clear(gpkg, names)
    out = {}
    for name in names:
        _write(
            gpkg,
            "parcours",
            name,
            [
                (
                    {"nom": "Parcours de découverte", "mode": "a_pied", "vitesse_kmh": 4.0},
                    _geom(ROUTES[name], "line"),
                )
            ],
        )
        _write(
            gpkg,
            "arrets",
            name,
            [
                ({"nom": n, "theme": t, "duree_min": m, "notes": notes}, _geom([p], "point"))
                for n, t, m, notes, p in STOPS[name]
            ],
        )
        _write(
            gpkg,
            "sequences",
            name,
            [
                ({"ordre": i, "nom": n, "ambiance": a, "caractere": c}, _geom(line, "line"))
                for i, (n, a, c, line) in enumerate(SEQUENCES[name], start=1)
            ],
        )
        _write(
            gpkg,
            "hypotheses",
            name,
            [
                (
                    {"texte": text, "theme": theme},
                    _geom(coords, "point" if len(coords) == 1 else "polygon"),
                )
                for text, theme, coords in HYPOTHESES[name]
            ],
        )
        _write(
            gpkg,
            "sites_projet",
            name,
            [
                (
                    {"nom": n, "origine": o, "type": t, "description": d},
                    _geom(coords, "polygon", shift),
                )
                for n, o, t, d, coords, shift in SITES[name]
            ],
        )
        report = route.order_stops(gpkg, name)
        out[name] = report.as_outputs() | {"STOPS": report.stop_count, "WARNINGS": report.warnings}
    return out


def main() -> None:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    for name, result in populate(sys.argv[1]).items():
        print(name, result)
    app.exitQgis()


if __name__ == "__main__":
    main()
