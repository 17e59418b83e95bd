# SPDX-License-Identifier: GPL-2.0-or-later
"""Live work on the server: concurrent groups, conflicts, the facilitator's project."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers_pg import pg_cluster  # noqa: F401
from helpers_pg_qgis import make_dossier, pg_connection  # noqa: F401

pytestmark = pytest.mark.postgis

HERE = Path(__file__).resolve().parent
PYTHON = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
GROUPS = ["Groupe 1", 'L\'équipe "B"; DROP TABLE x; --', "Groupe 3"]


@pytest.fixture(scope="module")
def live(pg_connection, tmp_path_factory):
    """The sample dossier published in a fresh schema."""
    from poix_atelier_plugin.services.server import pg_sync

    repo = HERE.parent
    sample = next(iter(sorted((repo / "sample").glob("atelier_*.gpkg"))), None)
    if sample is None:
        sample = make_dossier(tmp_path_factory.mktemp("live") / "atelier_59464.gpkg", GROUPS)
    dossier = pg_connection.dossier("atelier_poix_live")
    pg_sync.publish(sample, dossier, replace=True)
    from poix_atelier_plugin.store import postgis

    postgis.create_groups(dossier, GROUPS)
    return dossier


def _query(cluster, query, params=None):
    import psycopg2

    with psycopg2.connect(cluster.dsn()) as conn, conn.cursor() as cur:
        cur.execute(query, params)
        rows = cur.fetchall() if cur.description else None
    conn.close()
    return rows


def test_three_groups_edit_at_once_nothing_lost(pg_connection, live):
    cluster = pg_connection.cluster
    before = _query(cluster, 'SELECT count(*) FROM "atelier_poix_live".arrets')[0][0]
    env = dict(os.environ, PGPASSWORD=cluster.password)
    dsn = f"host={cluster.host} port={cluster.port} dbname={cluster.dbname} user={cluster.user}"
    edits = 300
    procs = [
        subprocess.Popen(
            [PYTHON, str(HERE / "pg_worker.py"), dsn, "atelier_poix_live", group, str(edits)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for group in GROUPS
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    rows = _query(cluster, 'SELECT uid, groupe, fid, version FROM "atelier_poix_live".arrets')
    assert len(rows) == before + sum(len(r["uids"]) for r in results)
    by_uid = {r[0]: r for r in rows}
    assert len(by_uid) == len(rows), "duplicated rows"
    for result in results:
        assert len(result["uids"]) == 200 and result["updates"] == 100
        assert result["conflicts"] == 0  # each group edits its own stops
        for uid in result["uids"]:
            assert by_uid[uid][1] == result["group"]
        for fid, version in result["versions"].items():
            assert next(r[3] for r in rows if r[2] == int(fid)) == version
    assert _query(cluster, "SELECT to_regclass('public.x') IS NOT NULL")  # nothing dropped


def test_same_feature_conflict_detected_with_a_choice(pg_connection, live):
    import psycopg2

    from poix_atelier_plugin.domain.errors import AtelierError
    from poix_atelier_plugin.infra.i18n import error_text
    from poix_atelier_plugin.services.server import pg_project
    from poix_atelier_plugin.store import pg_conflicts

    cluster = pg_connection.cluster
    layer = pg_project.open_layer(live, "arrets", GROUPS[0])
    feat = next(layer.getFeatures())
    fid = feat.id()
    guard = pg_conflicts.ConflictGuard(layer)
    assert layer.startEditing()
    guard.snapshot()
    # someone else renames the same stop and commits first
    with psycopg2.connect(cluster.dsn()) as other, other.cursor() as cur:
        cur.execute(
            'UPDATE "atelier_poix_live".arrets SET nom = %s, version = %s WHERE fid = %s',
            ("Keighley Hall, salle des fêtes (renommé)", -feat["version"], fid),
        )
    other.close()
    names = layer.fields().names()
    layer.changeAttributeValue(fid, names.index("nom"), "Moulin de la Chicorée (renommé)")
    conflicts = guard.check()
    assert len(conflicts) == 1
    conflict = conflicts[0]
    assert conflict.fid == fid and conflict.their_version == feat["version"] + 1
    assert conflict.theirs["nom"] == (feat["nom"], "Keighley Hall, salle des fêtes (renommé)")
    assert conflict.mine == {"nom": "Moulin de la Chicorée (renommé)"}
    # without a choice, the stale edit is refused by the server: nothing lost
    guard.assert_versions()
    assert not layer.commitChanges(False)
    assert any("atelier_conflict" in e for e in layer.commitErrors())
    row = _query(cluster, 'SELECT nom FROM "atelier_poix_live".arrets WHERE fid = %s', (fid,))
    assert row[0][0] == "Keighley Hall, salle des fêtes (renommé)"
    # "keep mine": my edit wins, knowingly
    guard.assert_versions({fid}, {fid: conflict.their_version})
    assert layer.commitChanges(), layer.commitErrors()
    row = _query(
        cluster, 'SELECT nom, version FROM "atelier_poix_live".arrets WHERE fid = %s', (fid,)
    )
    assert row[0] == ("Moulin de la Chicorée (renommé)", feat["version"] + 2)
    # "take theirs" on the next conflict keeps their value
    assert layer.startEditing()
    guard.snapshot()
    (current,) = _query(
        cluster, 'SELECT theme FROM "atelier_poix_live".arrets WHERE fid = %s', (fid,)
    )[0]
    # a real change on their side (the same value written again is no conflict)
    theirs, mine = [t for t in ("patrimoine", "paysage", "economie") if t != current][:2]
    with psycopg2.connect(cluster.dsn()) as other, other.cursor() as cur:
        cur.execute(
            'UPDATE "atelier_poix_live".arrets SET theme = %s WHERE fid = %s', (theirs, fid)
        )
    other.close()
    layer.changeAttributeValue(fid, names.index("theme"), mine)
    (conflict,) = guard.check()
    guard.take_theirs(conflict)
    assert layer.commitChanges(), layer.commitErrors()
    row = _query(cluster, 'SELECT theme FROM "atelier_poix_live".arrets WHERE fid = %s', (fid,))
    assert row[0][0] == theirs
    # a services helper for scripts: a stale version raises a clear message
    with psycopg2.connect(cluster.dsn()) as conn, conn.cursor() as cur:
        with pytest.raises(AtelierError) as err:
            pg_conflicts.update_checked(cur, "atelier_poix_live", "arrets", fid, 1, {"nom": "x"})
    conn.close()
    assert "Quelqu'un d'autre a modifié cette entité de arrets" in error_text(err.value)


def test_facilitator_project_shows_every_group_without_password(pg_connection, live, tmp_path):
    from qgis.core import QgsProject

    from poix_atelier_plugin.services.server import pg_project
    from poix_atelier_plugin.store import workspace

    path = pg_project.write_facilitator_project(live, tmp_path / "animateur.qgz")
    with zipfile.ZipFile(path) as archive:
        text = "".join(
            archive.read(n).decode("utf-8", "replace")
            for n in archive.namelist()
            if n.endswith(".qgs")
        )
    assert pg_connection.cluster.password not in text
    assert "password=" not in text
    assert f"authcfg={pg_connection.authcfg}" in text
    project = QgsProject()
    assert project.read(str(path))
    groups = {
        lyr.customProperty(workspace.PROP_GROUP)
        for lyr in project.mapLayers().values()
        if lyr.customProperty(workspace.PROP_TABLE) == "arrets"
    }
    from poix_atelier_plugin.store import postgis

    assert groups == {g.name for g in postgis.read_groups(postgis.parse_dossier(live))}
    assert groups >= set(GROUPS)
    stops = [
        lyr
        for lyr in project.mapLayers().values()
        if lyr.customProperty(workspace.PROP_TABLE) == "arrets"
        and lyr.customProperty(workspace.PROP_GROUP) == GROUPS[1]
    ][0]
    assert stops.isValid()
    assert all(f["groupe"] == GROUPS[1] for f in stops.getFeatures())
    assert sum(1 for _ in stops.getFeatures()) >= 200


def test_notification_refreshes_the_facilitator_view(pg_connection, live, qgis_app):
    import psycopg2
    from qgis.PyQt.QtCore import QEventLoop, QTimer

    from poix_atelier_plugin.services.server import pg_project
    from poix_atelier_plugin.store import pg_listen

    layer = pg_project.open_layer(live, "arrets", GROUPS[2])
    listener = pg_listen.ChangeListener(live)
    listener.watch(layer)
    seen = []
    listener.changed.connect(lambda table: seen.append(table))
    with psycopg2.connect(pg_connection.cluster.dsn()) as conn, conn.cursor() as cur:
        cur.execute(
            'INSERT INTO "atelier_poix_live".arrets (groupe, nom) VALUES (%s, %s)',
            (GROUPS[2], "Lavoir"),
        )
    conn.close()
    loop = QEventLoop()
    listener.changed.connect(loop.quit)
    QTimer.singleShot(5000, loop.quit)
    if not seen:
        loop.exec_()
    listener.close()
    assert seen == ["arrets"]
    assert any(f["nom"] == "Lavoir" for f in layer.getFeatures())


def test_dossier_project_pointed_at_the_server(pg_connection, tmp_path):
    from qgis.core import QgsProject, QgsVectorLayer

    from poix_atelier_plugin.infra.settings import ProjectSettings
    from poix_atelier_plugin.services.dossier import project_layers
    from poix_atelier_plugin.services.server import pg_project, pg_sync

    gpkg = make_dossier(tmp_path / "atelier_59464.gpkg", GROUPS)
    template = QgsProject()
    commune = QgsVectorLayer(f"{gpkg}|layername=commune", "Commune", "ogr")
    template.addMapLayer(commune)
    project_layers.add_workspace_layers(template, gpkg)
    assert template.write(str(tmp_path / "atelier_59464.qgz"))
    dossier = pg_connection.dossier("atelier_poix_template")
    pg_sync.publish(gpkg, dossier)
    path = pg_project.write_facilitator_project(
        dossier, tmp_path / "serveur.qgz", tmp_path / "atelier_59464.qgz", gpkg
    )
    project = QgsProject()
    assert project.read(str(path))
    assert ProjectSettings.load(project).dossier_path == dossier
    layers = list(project.mapLayers().values())
    assert layers and all(lyr.providerType() == "postgres" for lyr in layers)
    assert all(lyr.isValid() for lyr in layers)
    for group in GROUPS:
        stops = project_layers.find_layer(project, "arrets", group)
        assert stops is not None and stops.providerType() == "postgres"
        assert stops.customProperty(pg_project.PROP_DOSSIER) == dossier
        assert sum(1 for _ in stops.getFeatures()) == 4
    polygons = project_layers.find_layer(project, "enjeux", GROUPS[1], "Polygon")
    assert sum(1 for _ in polygons.getFeatures()) == 1
    # one group's laptop: its layers only, active group set
    path = pg_project.write_group_project(
        dossier, GROUPS[1], tmp_path / "groupe.qgz", tmp_path / "atelier_59464.qgz", gpkg
    )
    project = QgsProject()
    assert project.read(str(path))
    owners = {lyr.customProperty("atelier/groupe") for lyr in project.mapLayers().values()}
    assert owners == {GROUPS[1], None}
    assert ProjectSettings.load(project).active_group == GROUPS[1]


def test_layers_work_without_the_named_connection(pg_connection, live):
    """A facilitator's project opened on a laptop that lacks the QGIS connection."""
    from poix_atelier_plugin.services.server import pg_project
    from poix_atelier_plugin.store import pg_conflicts, pg_listen

    layer = pg_project.open_layer(live, "arrets", GROUPS[0])
    layer.setCustomProperty(pg_project.PROP_DOSSIER, "pg:Not on this laptop/atelier_poix_live")
    guard = pg_conflicts.ConflictGuard(layer)
    assert layer.startEditing()
    guard.snapshot()
    fid = next(layer.getFeatures()).id()
    layer.changeAttributeValue(fid, layer.fields().indexOf("notes"), "vu")
    assert guard.check() == []
    layer.rollBack()
    listener = pg_listen.ChangeListener("pg:Not on this laptop/atelier_poix_live", guard.uri)
    listener.close()


def test_deleted_by_me_changed_by_them_take_theirs_brings_it_back(pg_connection, live):
    import psycopg2

    from poix_atelier_plugin.services.server import pg_project
    from poix_atelier_plugin.store import pg_conflicts

    layer = pg_project.open_layer(live, "arrets", GROUPS[2])
    feat = sorted(layer.getFeatures(), key=lambda f: f.id())[0]
    fid, uid = feat.id(), feat["uid"]
    guard = pg_conflicts.ConflictGuard(layer)
    assert layer.startEditing()
    guard.snapshot()
    with psycopg2.connect(pg_connection.cluster.dsn()) as conn, conn.cursor() as cur:
        cur.execute(
            'UPDATE "atelier_poix_live".arrets SET notes = %s WHERE fid = %s', ("à garder", fid)
        )
    conn.close()
    assert layer.deleteFeature(fid)
    (conflict,) = guard.check()
    assert conflict.deleted_by_me and conflict.theirs["notes"][1] == "à garder"
    guard.take_theirs(conflict)
    assert layer.commitChanges(), layer.commitErrors()
    rows = _query(
        pg_connection.cluster,
        'SELECT fid, notes, nom FROM "atelier_poix_live".arrets WHERE uid = %s',
        (uid,),
    )
    assert rows == [(fid, "à garder", feat["nom"])]
