# SPDX-License-Identifier: GPL-2.0-or-later
"""Controlled vocabularies of the data contract (values stored in the tables).

Values are the stored codes; French labels are the ones shown in forms and
legends (French is the working language of the data itself).
"""

THEMES: dict[str, str] = {
    "paysage": "Paysage",
    "patrimoine": "Patrimoine",
    "mobilite": "Mobilité",
    "habitat": "Habitat",
    "economie": "Économie",
    "equipements": "Équipements",
    "environnement": "Environnement",
    "risques": "Risques",
    "foncier": "Foncier",
}

DIAGNOSTIC_CATEGORIES: dict[str, str] = {
    "atout": "Atout",
    "faiblesse": "Faiblesse",
    "opportunite": "Opportunité",
    "menace": "Menace",
}

ENJEU_LEVELS: dict[str, str] = {
    "imperatif": "Impératif",
    "important": "Important",
    "a_suivre": "À suivre",
}

SITE_ORIGINS: dict[str, str] = {
    "commune": "Proposé par la commune",
    "groupe": "Repéré par le groupe",
}

SITE_TYPES: dict[str, str] = {
    "friche": "Friche",
    "dent_creuse": "Dent creuse",
    "espace_public": "Espace public",
    "batiment_vacant": "Bâtiment vacant",
    "extension": "Extension urbaine",
    "renouvellement": "Renouvellement urbain",
    "equipement": "Équipement",
    "paysage": "Espace naturel ou paysager",
    "autre": "Autre",
}

ROUTE_MODES: dict[str, str] = {
    "a_pied": "À pied",
    "velo": "À vélo",
    "voiture": "En voiture",
}

#: Default walking speeds (km/h) by mode.
MODE_SPEEDS_KMH: dict[str, float] = {"a_pied": 4.0, "velo": 12.0, "voiture": 30.0}

DEFAULT_GROUPS: tuple[str, ...] = ("Groupe 1", "Groupe 2", "Groupe 3")
#: Colourblind-safe default colours, one per group (Okabe-Ito).
DEFAULT_GROUP_COLOURS: tuple[str, ...] = (
    "#0072b2",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#e69f00",
    "#56b4e9",
)
DEFAULT_SLOT_MIN = 120
DEFAULT_SPEED_KMH = 4.0
