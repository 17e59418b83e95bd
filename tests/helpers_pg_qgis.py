# SPDX-License-Identifier: GPL-2.0-or-later
"""QGIS side of the PostGIS tests: an auth config, a saved connection, a dossier.

``pg_connection`` stores the test user's password in the QGIS authentication
database (never in the connection or the project) and saves a QGIS
PostgreSQL connection that only carries ``authcfg=``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers_pg import PgCluster, pg_cluster  # noqa: F401

MASTER = "atelier-tests-master"
CONNECTION = "Atelier tests (PostGIS)"


@dataclass
class PgConnection:
    name: str
    authcfg: str
    cluster: PgCluster

    def dossier(self, schema: str) -> str:
        return f"pg:{self.name}/{schema}"


def save_connection(name: str, cluster: PgCluster, user: str, password: str) -> str:
    """A QGIS connection whose password lives in the auth database; returns authcfg."""
    from qgis.core import (
        QgsApplication,
        QgsAuthMethodConfig,
        QgsDataSourceUri,
        QgsProviderRegistry,
    )

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword(MASTER, True), "cannot unlock the test auth database"
    cfg = QgsAuthMethodConfig()
    cfg.setMethod("Basic")
    cfg.setName(f"{name} {uuid.uuid4().hex[:6]}")
    cfg.setConfig("username", user)
    cfg.setConfig("password", password)
    stored = manager.storeAuthenticationConfig(cfg)
    assert stored[0] if isinstance(stored, tuple) else stored
    uri = QgsDataSourceUri()
    uri.setConnection(
        cluster.host,
        str(cluster.port),
        cluster.dbname,
        "",
        "",
        QgsDataSourceUri.SslDisable,
        cfg.id(),
    )
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    metadata.saveConnection(metadata.createConnection(uri.uri(False), {}), name)
    return cfg.id()


@pytest.fixture(scope="session")
def pg_connection(qgis_app, pg_cluster) -> PgConnection:
    authcfg = save_connection(CONNECTION, pg_cluster, pg_cluster.user, pg_cluster.password)
    return PgConnection(CONNECTION, authcfg, pg_cluster)


def make_dossier(path: Path, groups=("Groupe 1", "Groupe 2", "Groupe 3")) -> Path:
    """A small GeoPackage dossier: a dossier layer, the group tables, drawings, a style."""
    from qgis.core import (
        QgsFeature,
        QgsGeometry,
        QgsPointXY,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )

    from poix_atelier_plugin.domain.groups import normalise_groups
    from poix_atelier_plugin.store import workspace

    commune = QgsVectorLayer(
        "Polygon?crs=EPSG:2154&field=code:string&field=nom:string", "c", "memory"
    )
    feat = QgsFeature(commune.fields())
    feat.setAttributes(["59464", "Poix-du-Nord"])
    feat.setGeometry(
        QgsGeometry.fromWkt(
            "POLYGON((740000 7010000,744000 7010000,744000 7013000,740000 7013000,740000 7010000))"
        )
    )
    commune.dataProvider().addFeatures([feat])
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "commune"
    QgsVectorFileWriter.writeAsVectorFormatV3(
        commune, str(path), commune.transformContext(), options
    )
    specs = normalise_groups(list(groups))
    workspace.create_workspace(path, specs)
    stops = workspace.open_layer(path, "arrets")
    sites = workspace.open_layer(path, "sites_projet")
    for i, spec in enumerate(specs):
        feats = []
        for k in range(4):
            f = QgsFeature(stops.fields())
            f["uid"] = workspace.new_uid()
            f["groupe"] = spec.name
            f["ordre"] = k + 1
            f["nom"] = f"Arrêt {k + 1} – {spec.name}"
            f["theme"] = "paysage"
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(741000 + 500 * k, 7011000 + 400 * i)))
            feats.append(f)
        assert stops.dataProvider().addFeatures(feats)[0]
        s = QgsFeature(sites.fields())
        s["uid"] = workspace.new_uid()
        s["groupe"] = spec.name
        s["nom"] = "Friche textile"
        s["origine"] = "commune"
        s.setGeometry(
            QgsGeometry.fromWkt(
                f"POLYGON((742000 {7011500 + i * 10},742300 7011500,742300 7011800,742000 7011800,742000 {7011500 + i * 10}))"
            )
        )
        assert sites.dataProvider().addFeatures([s])[0]
    stop_ids = [f.id() for f in stops.getFeatures()]
    site_ids = [f.id() for f in sites.getFeatures()]
    obs = workspace.open_layer(path, "observations")
    o = QgsFeature(obs.fields())
    o["uid"] = workspace.new_uid()
    o["groupe"] = specs[0].name
    o["arret_id"] = stop_ids[1]
    o["texte"] = "Cheminée de la filature"
    o["photo"] = "DCIM/Groupe 1/IMG_0001.jpg"
    o.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(741510, 7011010)))
    assert obs.dataProvider().addFeatures([o])[0]
    enjeux = workspace.open_layer(path, "enjeux", geometry="Polygon")
    e = QgsFeature(enjeux.fields())
    e["uid"] = workspace.new_uid()
    e["groupe"] = specs[1].name
    e["titre"] = "Reconvertir la friche"
    e["niveau"] = "imperatif"
    e["site_id"] = site_ids[1]
    e.setGeometry(
        QgsGeometry.fromWkt(
            "POLYGON((742000 7011500,742100 7011500,742100 7011600,742000 7011500))"
        )
    )
    assert enjeux.dataProvider().addFeatures([e])[0]
    styled = workspace.open_layer(path, "arrets")
    styled.renderer().symbol().setColor(
        __import__("qgis.PyQt.QtGui", fromlist=["QColor"]).QColor("#123456")
    )
    msg = styled.saveStyleToDatabase("atelier", "stops style", True, "")
    assert not msg, msg
    return path
