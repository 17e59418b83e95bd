# SPDX-License-Identifier: GPL-2.0-or-later
"""The data contract (DESIGN.md): one workspace, every group, EPSG:2154.

Pure description, shared by the GeoPackage and PostGIS back-ends. Every
table has a ``uid`` text column (a UUID) so that copies of a feature made in
a field package or on a server can be merged back without duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass

CRS_AUTHID = "EPSG:2154"
CRS_EPSG = 2154


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # "text", "int", "real", "date", "datetime"
    length: int = 0


@dataclass(frozen=True)
class Table:
    name: str
    geometry: str | None  # "LineString", "Point", "Polygon", "Geometry" or None
    fields: tuple[Field, ...]
    per_group: bool = True

    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


def _t(name: str) -> Field:
    return Field(name, "text")


def _i(name: str) -> Field:
    return Field(name, "int")


def _r(name: str) -> Field:
    return Field(name, "real")


UID = _t("uid")
GROUPE = _t("groupe")

TABLES: tuple[Table, ...] = (
    Table(
        "groupes",
        None,
        (UID, GROUPE, _i("ordre"), _t("couleur"), _t("conseiller"), _i("creneau_min")),
        per_group=False,
    ),
    Table("parcours", "LineString", (UID, GROUPE, _t("nom"), _t("mode"), _r("vitesse_kmh"))),
    Table(
        "arrets",
        "Point",
        (
            UID,
            GROUPE,
            _i("ordre"),
            _t("nom"),
            _t("theme"),
            _i("duree_min"),
            _t("notes"),
            _r("distance_m"),
            _r("ecart_m"),
        ),
    ),
    Table(
        "sequences",
        "LineString",
        (UID, GROUPE, _i("ordre"), _t("nom"), _t("ambiance"), _t("caractere")),
    ),
    Table("hypotheses", "Geometry", (UID, GROUPE, _t("texte"), _t("theme"))),
    Table(
        "observations",
        "Point",
        (
            UID,
            GROUPE,
            _i("arret_id"),
            _t("texte"),
            _t("photo"),
            Field("date_prise", "datetime"),
            _r("azimut"),
        ),
    ),
    Table(
        "sites_projet",
        "Polygon",
        (UID, GROUPE, _t("nom"), _t("origine"), _t("type"), _t("description")),
    ),
    Table("diagnostic", "Geometry", (UID, GROUPE, _t("categorie"), _t("theme"), _t("texte"))),
    Table(
        "enjeux",
        "Geometry",
        (UID, GROUPE, _t("titre"), _t("niveau"), _t("theme"), _i("site_id"), _t("description")),
    ),
    Table(
        "outils",
        None,
        (
            UID,
            _t("nom"),
            _t("categorie"),
            _t("description"),
            _t("porteur"),
            _t("quand"),
            _t("ajoute_par"),
        ),
        per_group=False,
    ),
    Table(
        "enjeux_outils",
        None,
        (UID, _i("enjeu_id"), _i("outil_id"), _t("commentaire")),
        per_group=False,
    ),
)

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}

#: Tables a group draws in (the per-group layers of the project).
GROUP_TABLES: tuple[str, ...] = tuple(t.name for t in TABLES if t.per_group)

#: Relations: (child table, child field, parent table); parent key is the fid.
RELATIONS: tuple[tuple[str, str, str], ...] = (
    ("observations", "arret_id", "arrets"),
    ("enjeux", "site_id", "sites_projet"),
    ("enjeux_outils", "enjeu_id", "enjeux"),
    ("enjeux_outils", "outil_id", "outils"),
)


def table(name: str) -> Table:
    return TABLES_BY_NAME[name]
