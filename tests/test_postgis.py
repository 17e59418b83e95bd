# SPDX-License-Identifier: GPL-2.0-or-later
"""The live workshop on a real PostgreSQL/PostGIS started by the test run."""

from __future__ import annotations

import sqlite3

import pytest
from helpers_pg import pg_cluster  # noqa: F401
from helpers_pg_qgis import CONNECTION, make_dossier, pg_connection, save_connection  # noqa: F401

pytestmark = pytest.mark.postgis

INJECTION = 'L\'équipe "B"; DROP TABLE x; --'


def _psql(cluster, query, params=None):
    import psycopg2

    with psycopg2.connect(cluster.dsn()) as conn, conn.cursor() as cur:
        cur.execute(query, params)
        rows = cur.fetchall() if cur.description else None
    conn.close()
    return rows


def test_create_workspace_schema_with_hostile_names(pg_connection):
    from poix_atelier_plugin.store import postgis

    _psql(pg_connection.cluster, "CREATE TABLE IF NOT EXISTS public.x (a int)")
    _psql(pg_connection.cluster, "CREATE TABLE IF NOT EXISTS x (a int)")
    schema_name = 'atelier "poix"; DROP TABLE x; --'
    dossier = pg_connection.dossier(schema_name)
    specs, tables = postgis.create_groups(dossier, ["Groupe 1", INJECTION, "Groupe éàç"])
    assert [s.name for s in specs] == ["Groupe 1", INJECTION, "Groupe éàç"]
    assert "arrets" in tables
    rows = _psql(
        pg_connection.cluster,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
        (schema_name,),
    )
    assert {r[0] for r in rows} >= {"groupes", "arrets", "parcours", "outils", "enjeux_outils"}
    assert _psql(pg_connection.cluster, "SELECT to_regclass('public.x') IS NOT NULL")[0][0]
    # twice is harmless and keeps the order
    specs, _ = postgis.create_groups(dossier, [INJECTION, "Groupe 4"])
    assert [s.name for s in specs] == ["Groupe 1", INJECTION, "Groupe éàç", "Groupe 4"]
    # the group's filtered layer opens through QGIS and can be written to
    from poix_atelier_plugin.services.server import pg_project

    layer = pg_project.open_layer(dossier, "arrets", INJECTION)
    assert layer.isValid(), layer.error().summary()
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    feat = QgsFeature(layer.fields())
    feat["groupe"] = INJECTION
    feat["nom"] = "Place Talma"
    feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(742000, 7011000)))
    ok, _ = layer.dataProvider().addFeatures([feat])
    assert ok, layer.dataProvider().errors()
    layer.reload()
    got = list(layer.getFeatures())
    assert len(got) == 1
    got = got[0]
    assert got["groupe"] == INJECTION and got["uid"] and got["version"] == 1
    assert _psql(pg_connection.cluster, "SELECT to_regclass('public.x') IS NOT NULL")[0][0]


def test_wrong_password_gives_a_clear_message(pg_connection):
    from poix_atelier_plugin.domain.errors import AtelierError
    from poix_atelier_plugin.infra.i18n import error_text
    from poix_atelier_plugin.store import postgis

    cluster = pg_connection.cluster
    save_connection("Atelier wrong password", cluster, cluster.user, "not the password")
    with pytest.raises(AtelierError) as err:
        postgis.create_workspace("pg:Atelier wrong password/atelier_x", [])
    assert "refusé le nom d'utilisateur ou le mot de passe" in error_text(err.value)
    assert "Atelier wrong password" in error_text(err.value)
    assert "not the password" not in error_text(err.value)
    with pytest.raises(AtelierError) as err:
        postgis.parse_dossier("pg:nothing")
    assert "pg:<connexion>/<schéma>" in error_text(err.value)


def _gpkg_rows(path, table, columns="*", order="fid"):
    con = sqlite3.connect(path)
    try:
        return con.execute(f'SELECT {columns} FROM "{table}" ORDER BY {order}').fetchall()
    finally:
        con.close()


def _same_times(rows):
    """Date-times as instants, whatever the GDAL version's text form."""
    import re

    iso = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.0+)?Z?$")
    return [tuple(iso.sub(r"\1", v) if isinstance(v, str) else v for v in row) for row in rows]


def _gpkg_columns(path, table):
    con = sqlite3.connect(path)
    try:
        return [r[1] for r in con.execute(f'PRAGMA table_info("{table}")')]
    finally:
        con.close()


def test_round_trip_gpkg_postgis_gpkg(pg_connection, tmp_path):
    from qgis.core import QgsVectorLayer

    from poix_atelier_plugin.services.server import pg_fetch, pg_sync
    from poix_atelier_plugin.store import workspace

    source = make_dossier(tmp_path / "atelier_59464.gpkg")
    dossier = pg_connection.dossier("atelier_poix_2021_10_20")
    counts = pg_sync.publish(source, dossier)
    assert counts["arrets"] == 12 and counts["commune"] == 1 and counts["groupes"] == 3
    assert counts["outils"] == len(_gpkg_rows(source, "outils"))
    # fids and relations on the server
    cluster = pg_connection.cluster
    fk = _psql(
        cluster,
        "SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE n.nspname = %s AND contype = 'f' ORDER BY 1",
        ("atelier_poix_2021_10_20",),
    )
    assert len(fk) == 4
    # publishing again without consent refuses and keeps the server copy
    from poix_atelier_plugin.domain.errors import AtelierError

    with pytest.raises(AtelierError):
        pg_sync.publish(source, dossier)
    back = tmp_path / "back.gpkg"
    pg_fetch.fetch(dossier, back)
    with pytest.raises(AtelierError):
        pg_fetch.fetch(dossier, back)
    for table in workspace.existing_tables(source):
        if table == "layer_styles":
            continue
        assert _gpkg_columns(back, table) == _gpkg_columns(source, table), table
        assert _gpkg_rows(back, table) == _gpkg_rows(source, table), table
    # the relation still resolves
    obs = QgsVectorLayer(f"{back}|layername=observations", "o", "ogr")
    stop_fid = next(obs.getFeatures())["arret_id"]
    stops = QgsVectorLayer(f"{back}|layername=arrets", "a", "ogr")
    assert stops.getFeature(stop_fid)["ordre"] == 2
    # styles
    style_cols = "f_table_name, styleName, useAsDefault, description"
    assert _gpkg_rows(back, "layer_styles", style_cols, "id") == _gpkg_rows(
        source, "layer_styles", style_cols, "id"
    )
    reopened = workspace.open_layer(back, "arrets")
    assert reopened.renderer().symbol().color().name() == "#123456"


def test_processing_create_groups_on_the_server(pg_connection, atelier_provider):
    import processing

    dossier = pg_connection.dossier("atelier_poix_2021_10_20_processing")
    hostile = "L'équipe \"B\" ') DROP TABLE x --"  # GROUPS splits on ';'
    result = processing.run(
        "atelier:create_groups", {"DOSSIER": dossier, "GROUPS": f"Groupe A;{hostile}"}
    )
    assert result["GROUPS"] == ["Groupe A", hostile]
    assert "arrets" in result["TABLES"]
    rows = _psql(
        pg_connection.cluster,
        'SELECT groupe FROM "atelier_poix_2021_10_20_processing".groupes ORDER BY ordre',
    )
    assert [r[0] for r in rows] == ["Groupe A", hostile]


@pytest.mark.slow
def test_round_trip_of_the_committed_sample(pg_connection, tmp_path, repo_root):
    from helpers_data import need_sample_gpkg

    from poix_atelier_plugin.services.server import pg_fetch, pg_sync
    from poix_atelier_plugin.store import workspace

    sample = need_sample_gpkg()
    dossier = pg_connection.dossier("atelier_poix_sample")
    counts = pg_sync.publish(sample, dossier, replace=True)
    back = tmp_path / "sample_back.gpkg"
    assert pg_fetch.fetch(dossier, back) == counts
    tables = workspace.existing_tables(sample) - {"layer_styles"}
    assert tables == workspace.existing_tables(back) - {"layer_styles"}
    for table in sorted(tables):
        assert _gpkg_columns(back, table) == _gpkg_columns(sample, table), table
        # GDAL 3.10 (QGIS 3.40) writes naive times as "...Z", GDAL 3.6 as "....000"
        assert _same_times(_gpkg_rows(back, table)) == _same_times(_gpkg_rows(sample, table)), table
    style_cols = "f_table_name, styleName, useAsDefault, description"
    assert sorted(_gpkg_rows(back, "layer_styles", style_cols, "id")) == sorted(
        _gpkg_rows(sample, "layer_styles", style_cols, "id")
    )


def test_server_version_is_checked_on_connecting(pg_connection):
    from poix_atelier_plugin.domain.errors import AtelierError
    from poix_atelier_plugin.infra.i18n import error_text
    from poix_atelier_plugin.store import postgis

    conn = postgis.connect(pg_connection.name)  # the local cluster is recent: accepted
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT current_setting('server_version_num')::int")
            assert cur.fetchone()[0] == conn.server_version >= postgis.MIN_SERVER_VERSION
    finally:
        conn.close()
    postgis.check_server_version(130000, pg_connection.name)
    for number, shown in ((120016, "12"), (90624, "9.6")):
        with pytest.raises(AtelierError) as err:
            postgis.check_server_version(number, pg_connection.name)
        assert err.value.message.startswith("The PostgreSQL server of {connection} runs version")
        assert err.value.params == {"connection": pg_connection.name, "version": shown}
        assert pg_connection.name in error_text(err.value) and shown in error_text(err.value)


def test_an_old_server_is_refused_on_connecting(pg_connection, monkeypatch):
    """The number libpq reads on connecting decides, before any SQL is sent."""
    import psycopg2

    from poix_atelier_plugin.domain.errors import AtelierError
    from poix_atelier_plugin.store import postgis

    opened = []
    real_connect = psycopg2.connect

    class OldServer:
        def __init__(self, conn):
            self._conn, self.server_version = conn, 120016

        def close(self):
            self._conn.close()
            opened.append("closed")

    monkeypatch.setattr(psycopg2, "connect", lambda *a, **k: OldServer(real_connect(*a, **k)))
    with pytest.raises(AtelierError) as err:
        postgis.create_workspace(pg_connection.dossier("atelier_old_server"), [])
    assert err.value.params["version"] == "12" and opened == ["closed"]
    monkeypatch.undo()
    assert not _psql(
        pg_connection.cluster,
        "SELECT 1 FROM pg_namespace WHERE nspname = 'atelier_old_server'",
    )
