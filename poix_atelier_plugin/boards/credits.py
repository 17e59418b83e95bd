# SPDX-License-Identifier: GPL-2.0-or-later
"""Source credits of the layers a board shows (IGN, DGFiP…).

A credit is what the layer says about itself: its attribution, or the rights
of its metadata (the dossier build copies them from each source layer and
writes them for the online layers). Only a layer that says nothing is
credited from its table name, and only from an exact, known table name: a
part of a name is no evidence ("plu" is also in ``eaux_pluviales``).
"""

from __future__ import annotations

import re
import unicodedata

from qgis.core import QgsMapLayer

from ..infra.i18n import tr
from ..services.dossier.dossier_project import source_rights
from ..store.workspace import PROP_TABLE

PROP_SOURCE_NAME = "atelier/source_name"
PROP_SOURCE_DATE = "atelier/source_date"
PROP_DOSSIER_TABLE = "atelier/dossier_table"
PROP_ONLINE = "atelier/online"

CADASTRE = "DGFiP \u2013 Cadastre, IGN \u2013 Parcellaire Express"
GPU = "G\u00e9oportail de l'urbanisme"
GEORISQUES = "G\u00e9orisques (BRGM, MTE)"
ADMIN_EXPRESS = "IGN \u2013 Admin Express COG"
BDTOPO = "IGN \u2013 BD TOPO\u00ae"
GEOPLATEFORME = "IGN \u2013 G\u00e9oplateforme"
OSM = "\u00a9 contributeurs OpenStreetMap"

#: Credit of a layer that gives none, by its exact table name (dossier tables,
#: the usual names of the producers' own tables, the online layers' keys).
FALLBACK: dict[str, str] = {
    **dict.fromkeys(("parcelles", "parcelle", "cadastre", "pci_parcelles"), CADASTRE),
    **dict.fromkeys(("zonage_plu", "zone_urba", "zonage_urbanisme", "plu_zonage"), GPU),
    **dict.fromkeys(
        ("georisques_inondation", "georisques_argiles", "zone_inondable", "alea_argiles"),
        GEORISQUES,
    ),
    **dict.fromkeys(("commune", "communes", "communes_voisines", "perimetre_etude"), ADMIN_EXPRESS),
    **dict.fromkeys(
        (
            "batiment",
            "batiments",
            "troncon_de_route",
            "routes",
            "routes_et_rues",
            "cours_d_eau",
            "troncon_hydrographique",
        ),
        BDTOPO,
    ),
    **dict.fromkeys(("plan_ign", "ortho", "orthophoto"), GEOPLATEFORME),
    **dict.fromkeys(("osm", "openstreetmap"), OSM),
}
GROUP_TABLES = (
    "parcours",
    "arrets",
    "sequences",
    "hypotheses",
    "observations",
    "sites_projet",
    "diagnostic",
    "enjeux",
    "synthese",
)


def layer_credit(layer: QgsMapLayer) -> str | None:
    """The credit of one layer, or None for the groups' own drawings and unknown sources."""
    table = str(layer.customProperty(PROP_TABLE) or "")
    if table in GROUP_TABLES or layer.customProperty("atelier/synthesis"):
        return None
    own = source_rights(layer)
    if own:
        return own
    names = (
        layer.customProperty(PROP_DOSSIER_TABLE),
        layer.customProperty(PROP_ONLINE),
        table,
        _table_from_uri(layer.source()),
        layer.name(),
    )
    for name in names:
        credit = FALLBACK.get(_plain(str(name or "")))
        if credit:
            return credit
    return None


def _table_from_uri(uri: str) -> str:
    match = re.search(r"layername=([^|]+)", uri)
    return match.group(1) if match else ""


def _plain(text: str) -> str:
    """``Routes et rues`` → ``routes_et_rues``: how table names are made from titles."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "_", plain.lower()).strip("_")


def credits(layers: list[QgsMapLayer]) -> list[str]:
    """Distinct credits in first-seen order, then the workshop's own data."""
    out: list[str] = []
    for layer in layers:
        credit = layer_credit(layer)
        if credit and credit not in out:
            out.append(credit)
    return out


def credit_line(layers: list[QgsMapLayer]) -> str:
    sources = credits(layers)
    parts = [tr("Sources: {sources}").format(sources=", ".join(sources))] if sources else []
    parts.append(tr("workshop data drawn by the groups"))
    parts.append(tr("made with QGIS and the Atelier territorial plugin"))
    return " \u00b7 ".join(parts)
