# SPDX-License-Identifier: GPL-2.0-or-later
"""Opening a dossier whose online layers cannot be reached.

A dossier built with online layers (IGN WMTS, Géorisques WMS, GPU WFS) keeps
them in its project. Read normally without network, each of them is a broken
layer and QGIS asks about them in its "unavailable layers" dialog at every
opening. Here the servers are probed first (a few seconds at most, through
QGIS's own network manager so its proxy settings apply, and without touching
the user's network timeout); when some cannot be reached, the project is
read without resolving its layers and every layer but the unreachable ones
is resolved afterwards. Those stay in the project as unavailable layers, with
their original definition, so the next opening with network brings them back.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

from qgis.core import QgsDataProvider, QgsNetworkAccessManager, QgsProject
from qgis.PyQt.QtCore import QEventLoop, QTimer, QUrl
from qgis.PyQt.QtNetwork import QNetworkRequest

from ... import compat

#: How long the servers may take to answer, together (ms).
PROBE_TIMEOUT_MS = 2500
#: A proxy answers these when it cannot reach the server itself.
PROXY_FAILURES = frozenset({502, 504})
_ORIGIN = re.compile(r"(https?)://([^/?#&'\"\s]+)", re.IGNORECASE)


@dataclass(frozen=True)
class OnlineLayer:
    """A layer of a project file that is read from a server."""

    layer_id: str
    name: str
    origin: str  # scheme://host[:port]


@dataclass
class OfflineOpening:
    """What an opening without the unreachable servers did."""

    skipped: list[str] = field(default_factory=list)  # names of the layers left unloaded
    broken: list[str] = field(default_factory=list)  # other layers that could not be read


def _project_xml(path: Path) -> bytes:
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if n.lower().endswith(".qgs")]
            return archive.read(names[0]) if names else b""
    return path.read_bytes()


def online_layers(project_file: str | Path) -> list[OnlineLayer]:
    """The layers of a project file (.qgz/.qgs) whose source is an http(s) address."""
    try:
        root = ElementTree.fromstring(_project_xml(Path(project_file)))
    except (OSError, zipfile.BadZipFile, ElementTree.ParseError):
        return []  # QGIS itself reports an unreadable project
    out = []
    for node in root.iter("maplayer"):
        # WMS/WMTS (url=…), WFS (url='…'), a /vsicurl/ file: any http(s) address is a server
        match = _ORIGIN.search(node.findtext("datasource") or "")
        if match is None:
            continue
        out.append(
            OnlineLayer(
                layer_id=node.findtext("id") or "",
                name=node.findtext("layername") or "",
                origin=f"{match.group(1).lower()}://{match.group(2).lower()}",
            )
        )
    return out


def reachable(origins: set[str], timeout_ms: int = PROBE_TIMEOUT_MS) -> set[str]:
    """The origins (scheme://host[:port]) that answer within ``timeout_ms``, probed together.

    Any HTTP answer counts (a 404 or 405 says the server is there); no answer,
    a refused connection, an unknown host or a proxy's 502/504 does not.
    """
    if not origins:
        return set()
    manager = QgsNetworkAccessManager.instance()
    loop = QEventLoop()
    replies = {}
    answered: set[str] = set()
    pending = set(origins)

    def done(origin: str) -> None:
        if origin not in pending:
            return
        status = replies[origin].attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        if status is not None and int(status) not in PROXY_FAILURES:
            answered.add(origin)
        pending.discard(origin)
        if not pending:
            loop.quit()

    for origin in sorted(origins):
        request = QNetworkRequest(QUrl(origin + "/"))
        request.setAttribute(
            QNetworkRequest.Attribute.CacheLoadControlAttribute,
            QNetworkRequest.CacheLoadControl.AlwaysNetwork,
        )
        reply = manager.head(request)
        replies[origin] = reply
        # the status line is enough: no need to wait for the rest
        reply.metaDataChanged.connect(lambda o=origin: done(o))
        reply.finished.connect(lambda o=origin: done(o))
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(loop.quit)
    timer.start(timeout_ms)
    if pending:
        loop.exec()
    timer.stop()
    for origin, reply in replies.items():
        if origin in pending:  # no answer in time
            reply.abort()
        if reply.isFinished():
            reply.deleteLater()
        else:  # a HEAD answered ends by itself right after its headers
            reply.finished.connect(reply.deleteLater)
    return answered


def unreachable_layers(project_file: str | Path) -> list[OnlineLayer]:
    """The online layers of a project file whose server does not answer now."""
    layers = online_layers(project_file)
    if not layers:
        return []
    up = reachable({layer.origin for layer in layers})
    return [layer for layer in layers if layer.origin not in up]


def read_without(
    project: QgsProject, path: str | Path, skip: list[OnlineLayer]
) -> OfflineOpening | None:
    """Read ``path`` into ``project`` leaving the ``skip`` layers unloaded; None if unreadable.

    QGIS reports broken layers only when it resolves them while reading, so the
    project is read unresolved and the layers are resolved one by one afterwards.
    """
    if not project.read(str(path), compat.PROJECT_DONT_RESOLVE_LAYERS):
        return None
    return resolve_layers(project, {layer.layer_id for layer in skip})


def resolve_layers(project: QgsProject, skip_ids: set[str]) -> OfflineOpening:
    """Resolve the layers a read left unresolved, except ``skip_ids``."""
    report = OfflineOpening()
    options = QgsDataProvider.ProviderOptions()
    options.transformContext = project.transformContext()
    for layer in project.mapLayers().values():
        if layer.id() in skip_ids:
            report.skipped.append(layer.name())
            continue
        if layer.isValid():
            continue
        layer.setDataSource(layer.source(), layer.name(), layer.providerType(), options)
        if not layer.isValid():
            report.broken.append(layer.name())
    # relations and joins checked their layers while these were still unresolved
    project.relationManager().updateRelationsStatus()
    return report
