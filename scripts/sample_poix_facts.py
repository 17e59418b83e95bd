# SPDX-License-Identifier: GPL-2.0-or-later
"""Facts and hand-drawn shapes of the ILLUSTRATIVE Poix-du-Nord sample.

Names (streets, heritage, neighbours and their INSEE codes) are public facts
(../shared/DESIGN.md); every coordinate here is drawn by hand, relative to an
illustrative place Talma, and is not copied from any data set.
"""

X0, X1, Y0, Y1 = 742185.0, 746187.0, 7007764.0, 7012450.0
AREA_M2 = 8.6e6
CENTRE = (744230.0, 7010080.0)  # place Talma (illustrative position)

#: Hand-drawn outline, as fractions of the real extent (u along X, v along Y).
OUTLINE_UV = [
    (0.30, 0.02),
    (0.47, 0.00),
    (0.58, 0.08),
    (0.72, 0.10),
    (0.86, 0.24),
    (0.99, 0.36),
    (0.92, 0.50),
    (0.97, 0.66),
    (0.86, 0.80),
    (0.74, 0.97),
    (0.58, 0.92),
    (0.46, 1.00),
    (0.33, 0.93),
    (0.20, 0.84),
    (0.04, 0.71),
    (0.00, 0.55),
    (0.10, 0.44),
    (0.06, 0.30),
    (0.16, 0.16),
]

#: Neighbours (real names and INSEE codes) by the bearing range they occupy, in degrees.
NEIGHBOURS = [
    ("59363", "Louvignies-Quesnoy", -3.5, 43),
    ("59194", "Englefontaine", 43, 86),
    ("59296", "Hecq", 86, 121),
    ("59472", "Preux-au-Bois", 121, 140.5),
    ("59503", "Robersart", 140.5, 164.5),
    ("59099", "Bousies", 164.5, 218),
    ("59607", "Vendegies-au-Bois", 218, 275.5),
    ("59425", "Neuville-en-Avesnois", 275.5, 313),
    ("59549", "Salesches", 313, 356.5),
]

#: Streets: name, nature, polyline in metres relative to place Talma.
STREETS = [
    ("Rue de l'Église", "rue", [(0, 0), (90, 110), (170, 230)]),
    ("Rue Talma", "rue", [(0, 0), (-20, -180), (-60, -420), (-90, -640)]),
    ("Rue du Château", "rue", [(0, 0), (-200, 40), (-420, 60), (-650, 20)]),
    ("Rue de la République", "rue", [(0, 0), (20, 250), (40, 520), (60, 820)]),
    ("Rue du Marronnier", "rue", [(30, 520), (250, 560), (480, 600)]),
    ("Rue Saint-Georges", "rue", [(0, 0), (260, 120), (520, 260), (760, 360)]),
    ("Rue des Moulins", "rue", [(760, 360), (1050, 470), (1400, 620), (1750, 760)]),
    ("Rue de Neuville", "rue", [(0, 0), (-240, 170), (-560, 330), (-900, 520), (-1500, 760)]),
    ("Route de Vendegies", "route", [(-650, 20), (-1200, -250), (-1900, -500)]),
    ("Route de Bousies", "route", [(-90, -640), (-60, -1200), (-20, -1850)]),
    ("Route de Robersart", "route", [(-60, -420), (400, -800), (900, -1250), (1300, -1700)]),
    ("Route de Salesches", "route", [(60, 820), (-200, 1400), (-480, 2000)]),
]
PATHS = [
    ("Chemin de Wagnonville", "chemin", [(400, -800), (850, -600), (1250, -350)]),
    ("Chemin du marais de Beaucamp", "chemin", [(-420, 60), (-700, -300), (-900, -800)]),
    ("Chemin des Prés", "chemin", [(480, 600), (700, 1000), (900, 1500)]),
    ("Sentier du Moulin", "sentier", [(1050, 470), (1150, 150), (1100, -150)]),
]
STREAMS = [
    (
        "Ruisseau Saint-Georges",
        [(1900, 820), (1400, 640), (1050, 500), (760, 380), (380, 170), (0, 0)],
    ),
    (
        "Ruisseau de la Fontaine Lecomte",
        [(-250, -1900), (-180, -1300), (-120, -800), (-50, -350), (0, 0)],
    ),
    (
        "Ruisseau Saint-Georges (aval)",
        [(0, 0), (-300, -40), (-700, -120), (-1300, -260), (-1900, -380)],
    ),
]
HERITAGE = [
    ("Église Saint-Martin", "eglise", (175, 240), "Rebuilt from 1893"),
    (
        "Keighley Hall",
        "salle_des_fetes",
        (60, 300),
        "Given by the town of Keighley, which adopted Poix-du-Nord in 1919-1920; 1922",
    ),
    ("Monument à François-Joseph Talma", "monument", (15, -25), "The tragedian Talma"),
    ("Place Talma (ancienne place du Marais)", "place", (0, 0), "Confluence of the two streams"),
    ("Lavoir de la rue des Moulins", "lavoir", (1080, 500), ""),
    ("Lavoir de la Fontaine Lecomte", "lavoir", (-110, -760), ""),
    ("Chapelle Notre-Dame", "chapelle", (-430, 90), ""),
    ("Chapelle de Wagnonville", "chapelle", (880, -580), ""),
    ("Moulin de la Chicorée", "moulin", (1420, 660), ""),
    ("Vestiges de la villa romaine de Wagnonville", "archeologie", (1010, -470), ""),
    ("Cheminée de la brasserie Lebrun", "industriel", (-150, 210), ""),
    ("Marais de Beaucamp", "site_naturel", (-820, -620), ""),
]
FACILITIES = [
    ("Mairie", "mairie", (95, 150)),
    ("École primaire", "ecole", (-60, 420)),
    ("Salle des fêtes (Keighley Hall)", "salle_des_fetes", (60, 300)),
    ("Stade municipal", "sport", (-40, -980)),
    ("Cimetière", "cimetiere", (320, 330)),
    ("Bibliothèque", "culture", (-140, 80)),
    ("Agence postale", "service", (40, 120)),
]


#: Display names of the source tables (what a user would see when loading them).
DISPLAY_NAMES = {
    "batiments": "Bâtiments",
    "routes": "Routes et rues",
    "chemins": "Chemins",
    "cours_eau": "Cours d'eau",
    "zone_inondable": "Zone inondable",
    "friche_textile": "Friche textile",
    "parcelles": "Parcelles",
    "zonage_plu": "Zonage PLU",
    "patrimoine": "Patrimoine",
    "equipements": "Équipements",
}
