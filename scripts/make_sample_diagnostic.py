# SPDX-License-Identifier: GPL-2.0-or-later
"""Illustrative diagnostic and enjeux of the Poix-du-Nord sample, per group.

``populate(gpkg)`` clears and rewrites the sample's diagnostic elements,
enjeux and their tool links (idempotent). Places and facts are real (place
Talma on the flood-prone confluence, the friche rue de Neuville, église
Saint-Martin, the Keighley Hall, the marais de Beaucamp, Wagnonville…);
geometries are illustrative. Enjeux are linked to a candidate site of
``sites_projet`` when one with a matching name exists, else left unlinked.
"""

from __future__ import annotations

import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))
try:  # place Talma, origin of the sample streets, stops and sites
    from make_sample_sources import CENTRE
except ImportError:  # pragma: no cover - sources script absent
    CENTRE = (744230.0, 7010080.0)
CX, CY = CENTRE


def _p(dx, dy):
    return f"POINT({CX + dx} {CY + dy})"


def _l(*pts):
    return "LINESTRING(" + ", ".join(f"{CX + x} {CY + y}" for x, y in pts) + ")"


def _a(*pts, shift=(0, 0)):
    ring = list(pts) + [pts[0]]
    return (
        "POLYGON((" + ", ".join(f"{CX + x + shift[0]} {CY + y + shift[1]}" for x, y in ring) + "))"
    )


FLOOD_BED = "BUFFER"  # replaced by a buffer of the two streams (see _flood_bed)
#: The former textile mill, rue de Neuville (same outline as the groups' candidate site).
FRICHE = ((-300, 250), (-170, 180), (-90, 330), (-230, 410))

#: Per group: (categorie, theme, texte, wkt). Positions match the sample's stops.
DIAGNOSTIC = (
    (
        ("menace", "risques", "Lit majeur inondable au confluent, sous la place Talma", FLOOD_BED),
        (
            "atout",
            "patrimoine",
            "Église Saint-Martin (reconstruite à partir de 1893)",
            _p(170, 240),
        ),
        (
            "atout",
            "equipements",
            "Keighley Hall, salle des fêtes offerte par Keighley (1922)",
            _p(45, 300),
        ),
        (
            "faiblesse",
            "paysage",
            "Place Talma très minérale, dominée par le stationnement",
            _p(40, -45),
        ),
        (
            "faiblesse",
            "economie",
            "Cellules commerciales vacantes rue de la République",
            _p(20, 170),
        ),
        ("atout", "patrimoine", "Monument à Talma, mémoire du tragédien", _p(-30, 15)),
        (
            "opportunite",
            "environnement",
            "Rouvrir le ruisseau Saint-Georges couvert",
            _l((520, 260), (260, 120), (70, 30)),
        ),
        (
            "menace",
            "risques",
            "Ruissellement du plateau nord vers le centre",
            _l((320, 760), (150, 450), (40, 90)),
        ),
        (
            "opportunite",
            "foncier",
            "Friche de la filature : foncier mutable au contact du centre",
            _a(*FRICHE),
        ),
    ),
    (
        (
            "opportunite",
            "foncier",
            "Friche textile rue de Neuville : grande emprise mutable",
            _a(*FRICHE, shift=(15, -10)),
        ),
        (
            "faiblesse",
            "patrimoine",
            "Cheminée de la filature démolie : mémoire fragilisée",
            _p(-200, 320),
        ),
        (
            "menace",
            "risques",
            "Pollution des sols suspectée (ancienne activité textile)",
            _p(-160, 265),
        ),
        (
            "atout",
            "patrimoine",
            "Cheminée de la brasserie Lebrun, signal dans le paysage",
            _p(-120, 180),
        ),
        ("atout", "patrimoine", "Moulin de la Chicorée", _p(1395, 640)),
        (
            "atout",
            "environnement",
            "Vallon des moulins : prairies humides et lavoir",
            _a((950, 380), (1450, 560), (1400, 720), (950, 560)),
        ),
        (
            "opportunite",
            "mobilite",
            "Promenade au fil du Saint-Georges jusqu'au moulin",
            _l((0, 0), (520, 260), (1050, 470), (1370, 610)),
        ),
        (
            "faiblesse",
            "mobilite",
            "Entrée sud : vitesse élevée, pas de trottoir",
            _l((420, -1050), (380, -790), (180, -420)),
        ),
        ("opportunite", "patrimoine", "Wagnonville : vestiges d'une villa romaine", _p(1010, -475)),
        (
            "menace",
            "risques",
            "Confluence : crues rapides du ruisseau de la Fontaine Lecomte",
            _l((-75, -430), (-30, -200), (0, -20)),
        ),
    ),
    (
        (
            "atout",
            "environnement",
            "Marais de Beaucamp : zone humide et prairies",
            _a((-980, -480), (-690, -470), (-680, -780), (-960, -800)),
        ),
        (
            "atout",
            "paysage",
            "Bocage des Ondulations hennuyères (PNR de l'Avesnois)",
            _a((-1250, 100), (-900, 200), (-850, -150), (-1200, -250)),
        ),
        (
            "menace",
            "foncier",
            "Extension pavillonnaire sur les prairies de la frange ouest",
            _a((-700, 380), (-540, 300), (-480, 420), (-640, 500)),
        ),
        (
            "opportunite",
            "foncier",
            "Friche textile : équipement et logements au centre",
            _a(*FRICHE, shift=(-10, 15)),
        ),
        ("atout", "equipements", "Mairie et bibliothèque au cœur du bourg", _p(95, 125)),
        ("atout", "patrimoine", "Chapelle Notre-Dame", _p(-425, 75)),
        ("faiblesse", "paysage", "Entrée ouest routière sans traitement paysager", _p(-600, 300)),
        (
            "menace",
            "risques",
            "Coulées de boue depuis les plateaux cultivés",
            _l((-1150, 450), (-820, 230), (-560, 110)),
        ),
        (
            "opportunite",
            "mobilite",
            "Chemin creux du centre au marais",
            _l((-420, 60), (-700, -300), (-830, -560)),
        ),
    ),
)

#: Per group: (titre, niveau, theme, site keywords, description, [(tool name, why)]).
ENJEUX = (
    (
        (
            "Réduire la vulnérabilité du centre-bourg aux crues",
            "imperatif",
            "risques",
            ("talma",),
            "Le cœur du bourg est dans le lit majeur du confluent.",
            [
                (
                    "Étude hydraulique et de ruissellement",
                    "Connaître les hauteurs d'eau avant tout projet",
                ),
                (
                    "Plan de prévention des risques d'inondation (PPRi)",
                    "Cadre réglementaire à anticiper",
                ),
                ("Agence de l'eau Artois-Picardie", "Financer la réouverture du ruisseau"),
            ],
        ),
        (
            "Requalifier la place Talma en espace public rafraîchi",
            "important",
            "paysage",
            ("talma", "place"),
            "",
            [
                ("Fonds vert – renaturation des villes et villages", "Désimperméabiliser la place"),
                (
                    "Conseil d'architecture d'urbanisme et de l'environnement (CAUE) du Nord",
                    "Rédiger le cahier des charges",
                ),
                ("Balade urbaine et atelier participatif", "Associer les riverains et commerçants"),
            ],
        ),
        (
            "Remettre sur le marché les logements vacants du centre",
            "important",
            "habitat",
            ("dent creuse",),
            "",
            [
                (
                    "Opération programmée d'amélioration de l'habitat (OPAH / OPAH-RU)",
                    "Aider les propriétaires",
                ),
                ("Procédure de bien en état d'abandon manifeste", "Pour les maisons délaissées"),
            ],
        ),
        (
            "Faire vivre le Keighley Hall",
            "a_suivre",
            "equipements",
            ("keighley",),
            "",
            [
                ("Étude de programmation", "Définir les usages futurs de la salle"),
                ("Dotation d'équipement des territoires ruraux (DETR)", "Financer la rénovation"),
            ],
        ),
    ),
    (
        (
            "Reconvertir la friche textile de la rue de Neuville",
            "imperatif",
            "foncier",
            ("friche", "neuville"),
            "Premier gisement foncier du bourg, au contact du centre.",
            [
                (
                    "Établissement public foncier (EPF) Hauts-de-France",
                    "Acquérir et porter le foncier",
                ),
                ("Fonds vert – recyclage des friches", "Combler le déficit de l'opération"),
                ("Diagnostic de pollution des sols", "Préalable à toute acquisition"),
            ],
        ),
        (
            "Produire des logements pour le pôle résidentiel",
            "important",
            "habitat",
            ("friche", "neuville"),
            "",
            [
                (
                    "Orientation d'aménagement et de programmation (OAP)",
                    "Fixer densité, accès et trame verte",
                ),
                (
                    "Programme local de l'habitat (PLH)",
                    "Inscrire l'offre dans les objectifs intercommunaux",
                ),
                ("Étude de faisabilité", "Tester un programme et son bilan"),
            ],
        ),
        (
            "Relier la friche au centre à pied",
            "important",
            "mobilite",
            (),
            "",
            [
                ("Emplacement réservé", "Réserver le passage en cœur d'îlot"),
                ("Plan guide", "Organiser les projets du bourg dans le temps"),
            ],
        ),
        (
            "Garder la mémoire textile du bourg",
            "a_suivre",
            "patrimoine",
            (),
            "",
            [
                ("Parc naturel régional de l'Avesnois", "Inventaire du patrimoine industriel"),
                ("Réunion publique", "Recueillir la mémoire des anciens ouvriers"),
            ],
        ),
    ),
    (
        (
            "Contenir l'étalement sur les prairies bocagères",
            "imperatif",
            "foncier",
            ("frange", "extension"),
            "",
            [
                ("Plan local d'urbanisme intercommunal (PLUi)", "Reclasser les zones d'extension"),
                ("Schéma de cohérence territoriale (SCoT)", "Respecter la sobriété foncière"),
                ("Note d'enjeux de l'État", "Porter la position de l'État"),
            ],
        ),
        (
            "Protéger et ouvrir le marais de Beaucamp",
            "important",
            "environnement",
            ("marais", "beaucamp"),
            "",
            [
                ("Parc naturel régional de l'Avesnois", "Plan de gestion de la zone humide"),
                ("SAFER Hauts-de-France", "Veille sur les ventes de prairies"),
                ("Agence de l'eau Artois-Picardie", "Financer la restauration"),
            ],
        ),
        (
            "Qualifier les entrées de bourg",
            "a_suivre",
            "paysage",
            (),
            "",
            [
                (
                    "Architectes et paysagistes conseils de l'État",
                    "Un regard extérieur sur les séquences d'entrée",
                ),
                ("Orientation d'aménagement et de programmation (OAP)", "OAP thématique paysage"),
            ],
        ),
        (
            "Faire découvrir Wagnonville et la villa romaine",
            "a_suivre",
            "patrimoine",
            ("wagnonville",),
            "",
            [
                ("Balade urbaine et atelier participatif", "Circuit commenté avec les habitants"),
                ("Parc naturel régional de l'Avesnois", "Signalétique patrimoniale"),
            ],
        ),
    ),
)


#: Where an enjeu without a candidate site is drawn (a point on the issue's place).
ENJEU_PLACES = {
    "Faire vivre le Keighley Hall": (45, 300),
    "Relier la friche au centre à pied": (-60, 120),
    "Garder la mémoire textile du bourg": (-200, 320),
    "Protéger et ouvrir le marais de Beaucamp": (-830, -620),
    "Faire découvrir Wagnonville et la villa romaine": (1010, -475),
    "Qualifier les entrées de bourg": (-600, 300),
}


def _flood_bed():
    from qgis.core import QgsGeometry

    streams = QgsGeometry.fromWkt(
        _l((760, 360), (520, 260), (260, 120), (0, 0), (-200, -70), (-450, -160))
    )
    lecomte = QgsGeometry.fromWkt(_l((-75, -430), (-30, -200), (0, 0)))
    return streams.combine(lecomte).buffer(60, 8).asWkt(0)


def _clear(gpkg: str, groups: list[str]) -> None:
    from poix_atelier_plugin.services.toolbox.enjeux import delete_enjeux, read_enjeux
    from poix_atelier_plugin.store.workspace import open_layer

    for groupe in groups:
        delete_enjeux(gpkg, [row["fid"] for row in read_enjeux(gpkg, groupe)])
        layer = open_layer(gpkg, "diagnostic", groupe)
        ids = [f.id() for f in layer.getFeatures()]
        if ids:
            layer.dataProvider().deleteFeatures(ids)


def _site_for(sites: dict[int, str], keywords) -> int | None:
    from poix_atelier_plugin.domain.catalogue import name_key

    for fid, name in sites.items():
        if any(name_key(k) in name_key(name) for k in keywords):
            return fid
    return None


def populate(gpkg) -> dict:
    """Rewrite the sample diagnostic and enjeux of every group; returns counts."""
    from qgis.core import QgsFeature, QgsGeometry

    from poix_atelier_plugin.domain.catalogue import name_key
    from poix_atelier_plugin.domain.groups import default_groups
    from poix_atelier_plugin.services.toolbox.catalogue import ensure_catalogue, read_catalogue
    from poix_atelier_plugin.services.toolbox.enjeux import add_enjeu, read_sites, set_enjeu_tools
    from poix_atelier_plugin.store.workspace import (
        create_workspace,
        new_uid,
        open_layer,
        read_groups,
    )

    gpkg = str(gpkg)
    groups = [g.name for g in read_groups(gpkg)]
    if not groups:
        create_workspace(gpkg, default_groups(3))
        groups = [g.name for g in read_groups(gpkg)]
    ensure_catalogue(gpkg)
    _clear(gpkg, groups)
    tools = {name_key(t.nom): fid for fid, t in read_catalogue(gpkg).items()}
    counts = {"diagnostic": 0, "enjeux": 0, "enjeux_outils": 0, "sites_lies": 0}
    layer = open_layer(gpkg, "diagnostic")
    feats = []
    for i, groupe in enumerate(groups):
        for categorie, theme, texte, wkt in DIAGNOSTIC[i % len(DIAGNOSTIC)]:
            feat = QgsFeature(layer.fields())
            for key, value in (
                ("uid", new_uid()),
                ("groupe", groupe),
                ("categorie", categorie),
                ("theme", theme),
                ("texte", texte),
            ):
                feat[key] = value
            feat.setGeometry(QgsGeometry.fromWkt(_flood_bed() if wkt == FLOOD_BED else wkt))
            feats.append(feat)
    ok, _ = layer.dataProvider().addFeatures(feats)
    if not ok:
        raise RuntimeError(f"cannot write the sample diagnostic: {layer.dataProvider().errors()}")
    counts["diagnostic"] = len(feats)
    for i, groupe in enumerate(groups):
        sites = {**read_sites(gpkg), **read_sites(gpkg, groupe)}
        own = read_sites(gpkg, groupe)
        for titre, niveau, theme, keys, description, picks in ENJEUX[i % len(ENJEUX)]:
            site = (_site_for(own, keys) or _site_for(sites, keys)) if keys else None
            place = ENJEU_PLACES.get(titre) if site is None else None
            geometry = QgsGeometry.fromWkt(_p(*place)) if place else None
            fid = add_enjeu(gpkg, groupe, titre, niveau, theme, site, description, geometry)
            counts["enjeux"] += 1
            counts["sites_lies"] += site is not None
            chosen = {tools[name_key(n)]: why for n, why in picks if name_key(n) in tools}
            set_enjeu_tools(gpkg, fid, chosen)
            counts["enjeux_outils"] += len(chosen)
    return counts


if __name__ == "__main__":
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    print(populate(sys.argv[1]))
