# SPDX-License-Identifier: GPL-2.0-or-later
"""Source credits of the layers a board shows (IGN, DGFiP…).

A layer's own attribution, metadata rights or the source recorded by the
dossier (custom property ``atelier/source_name``) come first; otherwise the
producer is recognised from the table name (fallback list below).
"""

from __future__ import annotations

import re

from qgis.core import QgsMapLayer

from ..infra.i18n import tr
from ..store.workspace import PROP_TABLE

PROP_SOURCE_NAME = "atelier/source_name"
PROP_SOURCE_DATE = "atelier/source_date"

#: (words in the table or source name, credit) checked in order.
FALLBACK: tuple[tuple[tuple[str, ...], str], ...] = (
    (("parcelle", "cadastr", "_pci"), "DGFiP \u2013 Cadastre, IGN \u2013 Parcellaire Express"),
    (("zone_urba", "plu", "zonage", "gpu", "urba"), "G\u00e9oportail de l'urbanisme"),
    (("georisques", "inond", "alea", "argile", "cavite", "ppr"), "G\u00e9orisques (BRGM, MTE)"),
    (("commune", "perimetre", "admin_express"), "IGN \u2013 Admin Express COG"),
    (
        ("batiment", "troncon", "route", "hydro", "cours_d_eau", "bdtopo", "voie", "bati"),
        "IGN \u2013 BD TOPO\u00ae",
    ),
    (("geopf", "planign", "orthophoto", "wmts", "_ign"), "IGN \u2013 G\u00e9oplateforme"),
    (("osm", "openstreetmap"), "\u00a9 contributeurs OpenStreetMap"),
)
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
    """The credit of one layer, or None for the groups' own drawings."""
    table = str(layer.customProperty(PROP_TABLE) or "")
    if table in GROUP_TABLES or layer.customProperty("atelier/synthesis"):
        return None
    source_name = str(layer.customProperty(PROP_SOURCE_NAME) or "")
    meta = layer.metadata()
    server = layer.serverProperties() if hasattr(layer, "serverProperties") else None
    attribution = (
        server.attribution()
        if server is not None and hasattr(server, "attribution")
        else layer.attribution()
    )
    for text in (attribution, "; ".join(meta.rights()), source_name):
        text = (text or "").strip()
        if text:
            return _fallback(text) or text
    uri = layer.source().lower()
    table = table or _table_from_uri(uri) or layer.name().lower()
    return _fallback(" ".join((table, uri)))


def _table_from_uri(uri: str) -> str:
    match = re.search(r"layername=([^|]+)", uri)
    return match.group(1) if match else ""


def _fallback(text: str) -> str | None:
    import unicodedata

    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    low = re.sub(r"[^a-z0-9]+", "_", plain.lower())
    for words, credit in FALLBACK:
        if any(w in low for w in words):
            return credit
    return None


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
