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

# Place Talma, the confluence of the two streams, in Lambert-93 (illustrative).
CX, CY = 743490.0, 7010330.0

D = "atout", "faiblesse", "opportunite", "menace"


def _p(dx, dy):
    return f"POINT({CX + dx} {CY + dy})"


def _l(*pts):
    return "LINESTRING(" + ", ".join(f"{CX + x} {CY + y}" for x, y in pts) + ")"


def _a(*pts):
    ring = list(pts) + [pts[0]]
    return "POLYGON((" + ", ".join(f"{CX + x} {CY + y}" for x, y in ring) + "))"


FLOOD_BED = "BUFFER"  # replaced by a buffer of the streams (see _flood_bed)

#: Per group: (categorie, theme, texte, wkt).
DIAGNOSTIC = (
    (
        ("menace", "risques", "Lit majeur inondable au confluent, sous la place Talma", FLOOD_BED),
        (
            "atout",
            "patrimoine",
            "Église Saint-Martin (reconstruite à partir de 1893), repère du bourg",
            _p(-60, 70),
        ),
        (
            "atout",
            "equipements",
            "Keighley Hall, salle des fêtes offerte par Keighley (1922)",
            _p(70, -70),
        ),
        (
            "faiblesse",
            "paysage",
            "Place Talma très minérale, dominée par le stationnement",
            _p(10, 15),
        ),
        ("faiblesse", "economie", "Cellules commerciales vacantes rue de l'Église", _p(-140, 120)),
        (
            "opportunite",
            "environnement",
            "Rouvrir le ruisseau Saint-Georges couvert sous la rue Saint-Georges",
            _l((520, 260), (300, 170), (60, 40)),
        ),
        (
            "menace",
            "risques",
            "Ruissellement du plateau vers le centre par la rue des Moulins",
            _l((-120, -520), (-60, -260), (-10, -40)),
        ),
        ("atout", "patrimoine", "Monument à Talma, mémoire du tragédien", _p(-25, -25)),
    ),
    (
        (
            "opportunite",
            "foncier",
            "Friche textile rue de Neuville : grande emprise mutable près du centre",
            _a((300, 60), (480, 110), (520, -40), (340, -90)),
        ),
        (
            "faiblesse",
            "patrimoine",
            "Cheminée de la filature démolie : mémoire industrielle fragilisée",
            _p(420, 20),
        ),
        (
            "menace",
            "risques",
            "Pollution des sols suspectée (ancienne activité textile)",
            _p(380, -30),
        ),
        (
            "atout",
            "patrimoine",
            "Cheminée de l'ancienne brasserie Lebrun, signal dans le paysage",
            _p(-230, -160),
        ),
        (
            "faiblesse",
            "mobilite",
            "Poids lourds en transit rue de Neuville",
            _l((900, 220), (600, 110), (200, 30)),
        ),
        (
            "opportunite",
            "mobilite",
            "Liaison douce possible de la friche au centre par le cœur d'îlot",
            _l((330, 0), (200, -30), (40, -10)),
        ),
        ("atout", "equipements", "École et équipements à moins de 5 minutes à pied", _p(150, 160)),
    ),
    (
        (
            "atout",
            "environnement",
            "Marais de Beaucamp : zone humide et prairies",
            _a((700, -900), (1050, -850), (1100, -1150), (760, -1220)),
        ),
        (
            "atout",
            "paysage",
            "Bocage des Ondulations hennuyères (PNR de l'Avesnois)",
            _a((-900, 300), (-500, 420), (-420, 100), (-820, -20)),
        ),
        (
            "menace",
            "foncier",
            "Extension pavillonnaire sur les prairies en frange de bourg",
            _a((-420, -300), (-220, -260), (-200, -420), (-400, -460)),
        ),
        (
            "opportunite",
            "patrimoine",
            "Hameau de Wagnonville, vestiges d'une villa romaine",
            _p(900, 1250),
        ),
        ("atout", "patrimoine", "Moulin de la Chicorée", _p(-320, 220)),
        (
            "faiblesse",
            "paysage",
            "Entrée de bourg routière sans traitement paysager",
            _p(-600, -120),
        ),
        (
            "menace",
            "risques",
            "Coulées de boue depuis les plateaux cultivés",
            _l((-1000, -700), (-600, -420), (-260, -200)),
        ),
        (
            "opportunite",
            "mobilite",
            "Boucle de promenade du centre au marais",
            _l((60, -60), (400, -500), (760, -880)),
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
            (),
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


def _flood_bed():
    from qgis.core import QgsGeometry

    streams = QgsGeometry.fromWkt(_l((520, 260), (300, 170), (0, 0), (-350, 80), (-700, 120)))
    lecomte = QgsGeometry.fromWkt(_l((-90, -420), (-30, -200), (0, 0)))
    return streams.combine(lecomte).buffer(60, 8).asWkt(0)


def _clear(gpkg: str, groups: list[str]) -> None:
    from poix_atelier_plugin.core.enjeux import delete_enjeu, read_enjeux
    from poix_atelier_plugin.core.workspace import open_layer

    for groupe in groups:
        for row in read_enjeux(gpkg, groupe):
            delete_enjeu(gpkg, row["fid"])
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

    from poix_atelier_plugin.core.catalogue import ensure_catalogue, read_catalogue
    from poix_atelier_plugin.core.enjeux import add_enjeu, link_tool, read_sites
    from poix_atelier_plugin.core.workspace import (
        create_workspace,
        new_uid,
        open_layer,
        read_groups,
    )
    from poix_atelier_plugin.domain.catalogue import name_key
    from poix_atelier_plugin.domain.groups import default_groups

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
            fid = add_enjeu(gpkg, groupe, titre, niveau, theme, site, description)
            counts["enjeux"] += 1
            counts["sites_lies"] += site is not None
            for name, why in picks:
                tool = tools.get(name_key(name))
                if tool is not None:
                    link_tool(gpkg, fid, tool, why)
                    counts["enjeux_outils"] += 1
    return counts


if __name__ == "__main__":
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    print(populate(sys.argv[1]))
