# SPDX-License-Identifier: GPL-2.0-or-later
"""Online layers of a dossier: IGN Géoplateforme (WMTS, WFS) and Géorisques (WMS).

They are added, never required: offline they are invalid layers that the
project keeps (and QGIS reconnects when the network is back). Creating a
WMS/WMTS layer fetches GetCapabilities, so the network timeout is lowered
while they are created: offline (no DNS) it fails in milliseconds, behind a
firewall that drops packets it costs at most ``TIMEOUT_MS`` per service.
Measured offline on QGIS 3.22: WMTS layer 8 ms, WMS 3 ms, WFS 26 ms, so the
layers are created normally (no unvalidated XML written by hand); the project
keeps them as unavailable layers and reopens fine.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from qgis.core import (
    QgsDataSourceUri,
    QgsMapLayer,
    QgsNetworkAccessManager,
    QgsRasterLayer,
    QgsSettings,
    QgsVectorLayer,
)

from ...infra.i18n import tr

GEOPF_WMTS = "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities"
GEOPF_WFS = "https://data.geopf.fr/wfs/ows"
GEORISQUES_WMS = "https://www.georisques.gouv.fr/services"
TIMEOUT_MS = 5000
PROP_ONLINE = "atelier/online"


@dataclass(frozen=True)
class OnlineLayer:
    key: str
    provider: str
    uri: str
    visible: bool
    credit: str = ""


#: Written as the layers' metadata rights: what a board credits them with.
IGN = "IGN \u2013 G\u00e9oplateforme"
GPU = "G\u00e9oportail de l'urbanisme"
GEORISQUES = "G\u00e9orisques (BRGM, MTE)"
CADASTRE = "DGFiP \u2013 Cadastre, IGN \u2013 Parcellaire Express"


def _wmts(layer: str, image_format: str, style: str) -> str:
    uri = QgsDataSourceUri()
    uri.setParam("contextualWMSLegend", "0")
    uri.setParam("crs", "EPSG:3857")
    uri.setParam("dpiMode", "7")
    uri.setParam("format", image_format)
    uri.setParam("layers", layer)
    uri.setParam("styles", style)
    uri.setParam("tileMatrixSet", "PM")
    uri.setParam("url", GEOPF_WMTS)
    return bytes(uri.encodedUri()).decode()


def _wms(layer: str) -> str:
    uri = QgsDataSourceUri()
    uri.setParam("crs", "EPSG:2154")
    uri.setParam("dpiMode", "7")
    uri.setParam("format", "image/png")
    uri.setParam("layers", layer)
    uri.setParam("styles", "")
    uri.setParam("url", GEORISQUES_WMS)
    return bytes(uri.encodedUri()).decode()


def _wfs(typename: str, expression: str) -> str:
    uri = QgsDataSourceUri()
    uri.setParam("url", GEOPF_WFS)
    uri.setParam("typename", typename)
    uri.setParam("version", "auto")
    uri.setParam("srsname", "EPSG:2154")
    uri.setParam("pagingEnabled", "true")
    uri.setParam("restrictToRequestBBOX", "1")
    if expression:
        uri.setParam("filter", expression)
    return uri.uri(False)


def online_layers(insee: str) -> list[OnlineLayer]:
    """The online layers of a dossier, top of the layer tree first."""
    zoning_filter = f"\"partition\" = 'DU_{insee}'"
    return [
        OnlineLayer("zonage_plu", "WFS", _wfs("wfs_du:zone_urba", zoning_filter), True, GPU),
        OnlineLayer("georisques_inondation", "wms", _wms("PPRN_ZONE_INOND"), False, GEORISQUES),
        OnlineLayer("georisques_argiles", "wms", _wms("ALEARG"), False, GEORISQUES),
        OnlineLayer(
            "cadastre",
            "wms",
            _wmts("CADASTRALPARCELS.PARCELLAIRE_EXPRESS", "image/png", "PCI vecteur"),
            False,
            CADASTRE,
        ),
        OnlineLayer(
            "plan_ign",
            "wms",
            _wmts("GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2", "image/png", "normal"),
            True,
            IGN,
        ),
        OnlineLayer(
            "ortho",
            "wms",
            _wmts("ORTHOIMAGERY.ORTHOPHOTOS", "image/jpeg", "normal"),
            False,
            IGN,
        ),
    ]


def layer_title(key: str, insee: str) -> str:
    titles = {
        "zonage_plu": tr("PLU zoning (Géoportail de l'urbanisme, {insee})").format(insee=insee),
        "georisques_inondation": tr("Flood risk plans (Géorisques)"),
        "georisques_argiles": tr("Clay shrink-swell hazard (Géorisques)"),
        "cadastre": tr("Cadastre (IGN)"),
        "plan_ign": tr("Plan IGN"),
        "ortho": tr("Orthophoto (IGN)"),
    }
    return titles.get(key, key)


def create_layers(insee: str) -> list[tuple[QgsMapLayer, bool]]:
    """Create the online layers (possibly invalid offline) with a short network timeout."""
    out = []
    with short_network_timeout(TIMEOUT_MS):
        for spec in online_layers(insee):
            title = layer_title(spec.key, insee)
            if spec.provider == "WFS":
                layer = QgsVectorLayer(spec.uri, title, "WFS")
            else:
                layer = QgsRasterLayer(spec.uri, title, "wms")
            layer.setCustomProperty(PROP_ONLINE, spec.key)
            if spec.credit:
                meta = layer.metadata()
                meta.setRights([spec.credit])
                layer.setMetadata(meta)
            out.append((layer, spec.visible))
    return out


#: Where QGIS keeps the person's network timeout (QgsNetworkAccessManager.setTimeout
#: writes it there: QGIS has no per-request timeout for a provider's own requests).
TIMEOUT_KEY = "qgis/networkAndProxy/networkTimeout"


def timeout_key() -> str:
    """Where this QGIS stores the network timeout (QGIS 3.30+ moved it into its
    settings tree; ``setTimeout`` writes there)."""
    from qgis import core

    tree = getattr(core, "QgsSettingsTree", None)
    node = tree.node("network") if tree is not None else None
    entry = node.childSetting("network-timeout") if node is not None else None
    return entry.key().lstrip("/") if entry is not None else TIMEOUT_KEY


@contextmanager
def short_network_timeout(ms: int) -> Iterator[None]:
    """A lower timeout inside the block, then the person's setting exactly as it was.

    Putting back the value read would write QGIS's default into a profile
    that never had the key: it is removed again instead, and a value the
    person set is written back as it was stored.
    """
    settings = QgsSettings()
    key = timeout_key()
    had = settings.contains(key)
    stored = settings.value(key)
    QgsNetworkAccessManager.setTimeout(ms)
    try:
        yield
    finally:
        if had:
            settings.setValue(key, stored)
        else:
            settings.remove(key)
