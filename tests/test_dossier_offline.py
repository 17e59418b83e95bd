# SPDX-License-Identifier: GPL-2.0-or-later
"""Opening a dossier built with online layers while their servers cannot be reached.

A real local HTTP server stands for a reachable service; closed loopback ports
and an unroutable address stand for the network being down. QGIS's own
"unavailable layers" dialog would block the test run if it were shown.
"""

from __future__ import annotations

import http.server
import socket
import threading
import time
from pathlib import Path

import pytest


@pytest.fixture()
def http_up():
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_HEAD(self):
            self.send_response(405)  # a server that refuses HEAD is still there
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_reachable_tells_a_live_server_from_closed_ones(qgis_app, http_up):
    from poix_atelier_plugin.services.dossier import dossier_offline

    down = f"http://127.0.0.1:{_closed_port()}"
    start = time.monotonic()
    assert dossier_offline.reachable({http_up, down}, 3000) == {http_up}
    assert time.monotonic() - start < 10


def _project_with_online_layers(tmp_path: Path, up: str, down: str) -> Path:
    from qgis.core import QgsProject, QgsVectorLayer

    gpkg_layer = QgsVectorLayer("Point?crs=EPSG:2154&field=nom:string", "arrêts", "memory")
    project = QgsProject()
    project.addMapLayer(gpkg_layer)
    for name, origin in (("Plan IGN (hors ligne)", down), ("Service local", up)):
        uri = f"crs=EPSG:2154&format=image/png&layers=x&styles=&url={origin}/wms"
        layer = _wms_layer(uri, name)
        project.addMapLayer(layer)
    path = tmp_path / "dossier à l'essai.qgz"
    assert project.write(str(path))
    return path


def _wms_layer(uri: str, name: str):
    from qgis.core import QgsRasterLayer

    # not resolved at creation: a layer of an unreachable server is written as is
    options = QgsRasterLayer.LayerOptions()
    options.skipCrsValidation = True
    layer = QgsRasterLayer(uri, name, "wms", options)
    return layer


def test_unreachable_layers_lists_only_the_servers_that_do_not_answer(qgis_app, tmp_path, http_up):
    from poix_atelier_plugin.services.dossier import dossier_offline

    down = f"http://127.0.0.1:{_closed_port()}"
    path = _project_with_online_layers(tmp_path, http_up, down)
    online = dossier_offline.online_layers(path)
    assert sorted(layer.name for layer in online) == ["Plan IGN (hors ligne)", "Service local"]
    skipped = dossier_offline.unreachable_layers(path)
    assert [layer.name for layer in skipped] == ["Plan IGN (hors ligne)"]


def test_reading_without_the_unreachable_layers_keeps_them_in_the_project(
    qgis_app, tmp_path, http_up
):
    from qgis.core import QgsProject

    from poix_atelier_plugin.services.dossier import dossier_offline

    down = f"http://127.0.0.1:{_closed_port()}"
    path = _project_with_online_layers(tmp_path, http_up, down)
    skip = dossier_offline.unreachable_layers(path)
    project = QgsProject()
    report = dossier_offline.read_without(project, path, skip)
    assert report is not None
    assert report.skipped == ["Plan IGN (hors ligne)"]
    names = sorted(layer.name() for layer in project.mapLayers().values())
    # the skipped layer stays, with its definition, for the next opening with network
    assert names == ["Plan IGN (hors ligne)", "Service local", "arrêts"]
    kept = project.mapLayersByName("Plan IGN (hors ligne)")[0]
    assert down in kept.source()
    assert project.mapLayersByName("arrêts")[0].isValid()
