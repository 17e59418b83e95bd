# SPDX-License-Identifier: GPL-2.0-or-later
"""Publishing never destroys a schema; fetching never loses a GeoPackage (issue 11).

On a real throw-away PostgreSQL/PostGIS cluster: a schema the plugin did not
make, ``public`` and an empty foreign schema are refused, with and without
REPLACE, and are still there afterwards; replacing a workshop keeps it as a
dated backup schema; publish then fetch work through ``processing.run`` and
through the panel's buttons in one session; fetching over a GeoPackage open
in the project keeps the old file and leaves no side files.
"""

from __future__ import annotations

import re
import sqlite3

import pytest
from helpers_panel import click, press
from helpers_pg import pg_cluster  # noqa: F401
from helpers_pg_qgis import make_dossier, pg_connection  # noqa: F401
from helpers_server_gui import Driver, click_no, confirm, fill_server_dialog

pytestmark = pytest.mark.postgis

BACKUP = re.compile(r"_sauvegarde_\d{8}_\d{6}$")


def _psql(cluster, query, params=None):
    import psycopg2

    with psycopg2.connect(cluster.dsn()) as conn, conn.cursor() as cur:
        cur.execute(query, params)
        rows = cur.fetchall() if cur.description else None
    conn.close()
    return rows


def _schemas(cluster, like: str) -> list[str]:
    rows = _psql(
        cluster, "SELECT nspname FROM pg_namespace WHERE nspname LIKE %s ORDER BY 1", (like,)
    )
    return [r[0] for r in rows]


def _publish(pg_connection, gpkg, schema: str, replace: bool, via: str):
    """Publish through the services or through the Processing algorithm."""
    if via == "services":
        from poix_atelier_plugin.services.server import pg_sync

        return pg_sync.publish(gpkg, pg_connection.dossier(schema), replace)
    import processing

    return processing.run(
        "atelier:publish_dossier",
        {
            "DOSSIER": str(gpkg),
            "CONNECTION": pg_connection.name,
            "SCHEMA": schema,
            "REPLACE": replace,
        },
    )


def _refused():
    from qgis.core import QgsProcessingException

    from poix_atelier_plugin.domain.errors import AtelierError

    return pytest.raises((AtelierError, QgsProcessingException))


@pytest.fixture(scope="module")
def dossier(tmp_path_factory):
    return make_dossier(tmp_path_factory.mktemp("surete") / "atelier_59464.gpkg")


# refusals ---------------------------------------------------------------------------


@pytest.mark.parametrize("via", ["services", "processing"])
def test_a_foreign_schema_with_tables_is_never_replaced(
    pg_connection, atelier_provider, dossier, via
):
    cluster = pg_connection.cluster
    name = f"donnees_metier_{via}"
    _psql(cluster, f'CREATE SCHEMA "{name}"')
    _psql(cluster, f'CREATE TABLE "{name}".parcelles (id int, proprietaire text)')
    _psql(cluster, f"INSERT INTO \"{name}\".parcelles VALUES (1, 'Commune de Poix-du-Nord')")
    for replace in (False, True):
        with _refused() as err:
            _publish(pg_connection, dossier, name, replace, via)
        assert name in str(err.value)
    rows = _psql(cluster, f'SELECT id, proprietaire FROM "{name}".parcelles')
    assert rows == [(1, "Commune de Poix-du-Nord")]
    tables = _psql(
        cluster,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = %s",
        (name,),
    )
    assert tables == [("parcelles",)], "nothing was written into the foreign schema"
    assert _schemas(cluster, f"{name}_sauvegarde%") == []


@pytest.mark.parametrize("via", ["services", "processing"])
def test_an_empty_foreign_schema_is_never_replaced(pg_connection, atelier_provider, dossier, via):
    cluster = pg_connection.cluster
    name = f"schema_vide_{via}"
    _psql(cluster, f'CREATE SCHEMA "{name}"')
    for replace in (False, True):
        with _refused() as err:
            _publish(pg_connection, dossier, name, replace, via)
        assert name in str(err.value)
    assert _schemas(cluster, name) == [name]
    tables = _psql(
        cluster, "SELECT count(*) FROM information_schema.tables WHERE table_schema = %s", (name,)
    )
    assert tables == [(0,)]


@pytest.mark.parametrize(
    "name", ["public", "PUBLIC", "pg_catalog", "information_schema", "topology"]
)
def test_database_schemas_are_always_refused(pg_connection, atelier_provider, dossier, name):
    cluster = pg_connection.cluster
    _psql(cluster, "CREATE TABLE IF NOT EXISTS public.registre (id int)")
    _psql(cluster, "INSERT INTO public.registre VALUES (7)")
    before = _psql(cluster, "SELECT count(*) FROM public.registre")[0][0]
    for via in ("services", "processing"):
        for replace in (False, True):
            with _refused() as err:
                _publish(pg_connection, dossier, name, replace, via)
            assert name in str(err.value), "refused for what it is, not by accident"
    assert _psql(cluster, "SELECT count(*) FROM public.registre")[0][0] == before
    assert _psql(cluster, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'")
    assert _schemas(cluster, "public") == ["public"]
    assert not _psql(cluster, "SELECT to_regclass('public.arrets') IS NOT NULL")[0][0]


def test_the_refusal_is_clear_in_french(pg_connection, dossier):
    from poix_atelier_plugin.domain.errors import AtelierError
    from poix_atelier_plugin.infra.i18n import error_text
    from poix_atelier_plugin.services.server import pg_sync

    with pytest.raises(AtelierError) as err:
        pg_sync.publish(dossier, pg_connection.dossier("public"), replace=True)
    text = error_text(err.value)
    assert "public" in text
    assert "schéma" in text or "schema" in text


# replacing a workshop ------------------------------------------------------------------


def test_replacing_a_workshop_keeps_a_dated_backup(pg_connection, atelier_provider, dossier):
    cluster = pg_connection.cluster
    name = "atelier_surete_remplacement"
    first = _publish(pg_connection, dossier, name, False, "processing")
    assert first["SCHEMA"] == name and not first["BACKUP"]
    marker = _psql(cluster, f'SELECT valeur FROM "{name}".atelier_meta WHERE cle = %s', ("marker",))
    assert marker == [("atelier-territorial:workshop",)]
    # a group's work on the server since the publication
    _psql(cluster, f"UPDATE \"{name}\".arrets SET nom = 'Lavoir (vu sur le terrain)' WHERE fid = 1")
    _psql(cluster, f"INSERT INTO \"{name}\".outils (nom) VALUES ('Ajouté au serveur')")
    styles = _psql(cluster, "SELECT count(*) FROM layer_styles WHERE f_table_schema = %s", (name,))
    # without REPLACE: refused, nothing changed
    with _refused():
        _publish(pg_connection, dossier, name, False, "processing")
    assert _schemas(cluster, f"{name}_sauvegarde%") == []
    # with REPLACE: the old copy is kept whole under a dated name
    result = _publish(pg_connection, dossier, name, True, "processing")
    backup = result["BACKUP"]
    assert backup.startswith(name) and BACKUP.search(backup), backup
    assert _schemas(cluster, f"{name}_sauvegarde%") == [backup]
    kept = _psql(cluster, f'SELECT nom FROM "{backup}".arrets WHERE fid = 1')
    assert kept == [("Lavoir (vu sur le terrain)",)]
    assert _psql(
        cluster, f"SELECT count(*) FROM \"{backup}\".outils WHERE nom = 'Ajouté au serveur'"
    )
    assert _psql(cluster, f'SELECT nom FROM "{name}".arrets WHERE fid = 1') != kept
    assert (
        _psql(cluster, "SELECT count(*) FROM layer_styles WHERE f_table_schema = %s", (backup,))
        == styles
    ), "the backup keeps its styles"
    meta = dict(_psql(cluster, f'SELECT cle, valeur FROM "{backup}".atelier_meta'))
    assert meta["marker"] == "atelier-territorial:workshop" and meta["backup_of"] == name
    # the backup's triggers still work: it can be opened and edited like any workshop
    _psql(cluster, f"UPDATE \"{backup}\".arrets SET nom = 'x' WHERE fid = 1")
    assert _psql(cluster, f'SELECT version FROM "{backup}".arrets WHERE fid = 1')[0][0] >= 2


# publish then fetch in one session -------------------------------------------------------


def test_publish_then_fetch_through_processing(pg_connection, atelier_provider, dossier, tmp_path):
    import processing

    name = "atelier_surete_aller_retour"
    _publish(pg_connection, dossier, name, False, "processing")
    out = tmp_path / "retour.gpkg"
    result = processing.run(
        "atelier:fetch_dossier",
        {"CONNECTION": pg_connection.name, "SCHEMA": name, "OUTPUT": str(out)},
    )
    assert result["DOSSIER"] == str(out) and not result["BACKUP"]
    con = sqlite3.connect(out)
    try:
        assert con.execute("SELECT count(*) FROM arrets").fetchone()[0] == 12
        tables = {r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")}
    finally:
        con.close()
    assert "atelier_meta" not in tables, "the server's marker stays on the server"
    # again, over the file: the old one is kept beside it
    result = processing.run(
        "atelier:fetch_dossier",
        {"CONNECTION": pg_connection.name, "SCHEMA": name, "OUTPUT": str(out)},
    )
    assert result["BACKUP"] and BACKUP.search(result["BACKUP"][: -len(".gpkg")])
    assert (tmp_path / result["BACKUP"]).is_file() or __import__("os").path.isfile(result["BACKUP"])


def test_fetch_refuses_a_geopackage_open_in_the_project(
    pg_connection, atelier_provider, qgis_new_project, tmp_path
):
    import processing
    from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer

    name = "atelier_surete_ouvert"
    source = make_dossier(tmp_path / "source.gpkg")
    _publish(pg_connection, source, name, False, "services")
    target = make_dossier(tmp_path / "ouvert.gpkg", groups=("Nord", "Sud"))
    before = target.read_bytes()
    layer = QgsVectorLayer(f"{target}|layername=arrets", "Arrêts", "ogr")
    QgsProject.instance().addMapLayer(layer)
    with pytest.raises(QgsProcessingException) as err:
        processing.run(
            "atelier:fetch_dossier",
            {"CONNECTION": pg_connection.name, "SCHEMA": name, "OUTPUT": str(target)},
        )
    assert "Arrêts" in str(err.value)
    assert target.read_bytes() == before
    assert list(tmp_path.glob("ouvert_sauvegarde_*")) == []
    QgsProject.instance().removeMapLayer(layer.id())


# the panel's buttons ---------------------------------------------------------------------


@pytest.fixture
def step(qgis_iface, qgis_new_project):
    from poix_atelier_plugin.gui import server_actions
    from poix_atelier_plugin.gui.context import AtelierContext
    from poix_atelier_plugin.gui.steps.groups import GroupsStep

    qgis_iface.messageBar().clear_messages()
    context = AtelierContext(qgis_iface)
    panel = GroupsStep(context)
    yield panel
    panel.unload()
    server_actions.uninstall()


@pytest.mark.gui
def test_publish_then_fetch_from_the_panel(step, pg_connection, tmp_path, qgis_iface):
    from qgis.core import Qgis, QgsProject, QgsVectorLayer

    from poix_atelier_plugin.gui import tasks

    cluster = pg_connection.cluster
    bar = qgis_iface.messageBar()
    name = "atelier_surete_panneau"
    gpkg = make_dossier(tmp_path / "atelier_59464.gpkg")
    step.context.set_dossier(str(gpkg))
    project = QgsProject.instance()
    stops = QgsVectorLayer(f"{gpkg}|layername=arrets", "Arrêts", "ogr")
    stops.renderer().symbol().setColor(
        __import__("qgis.PyQt.QtGui", fromlist=["QColor"]).QColor("#abcdef")
    )
    project.addMapLayer(stops)
    stops_id = stops.id()

    # 1. publish
    with Driver() as driver:
        driver.on("ServerDialog", fill_server_dialog(pg_connection.name, name))
        driver.on("openFacilitatorProject", click_no)
        press(step, "publish_server")
        driver.wait(lambda: not driver.steps and not tasks.running())
    assert not bar.get_messages(Qgis.MessageLevel.Critical), bar.get_messages(Qgis.Critical)
    assert _psql(cluster, f'SELECT count(*) FROM "{name}".arrets')[0][0] == 12
    # what the groups do on the server afterwards
    _psql(cluster, f"UPDATE \"{name}\".arrets SET nom = 'Place Talma (serveur)' WHERE fid = 1")

    # 2. fetch over the dossier that the project has open, with a drawing not yet saved
    assert stops.startEditing()
    feat = next(stops.getFeatures())
    stops.changeAttributeValue(feat.id(), stops.fields().indexOf("nom"), "Lavoir rue des Moulins")
    for suffix in ("-wal", "-journal"):  # left by a crash of another program
        (tmp_path / f"atelier_59464.gpkg{suffix}").write_bytes(b"")
    asked: list[str] = []
    with Driver() as driver:
        driver.on("ServerDialog", fill_server_dialog(pg_connection.name, name, gpkg, True))
        driver.on("confirmReplaceGeoPackage", confirm(asked))
        press(step, "fetch_local")
        driver.wait(lambda: not driver.steps and not tasks.running())
    assert not bar.get_messages(Qgis.MessageLevel.Critical), bar.get_messages(Qgis.Critical)
    assert "sauvegarde" in asked[0] and "Arrêts" in asked[0]
    backups = list(tmp_path.glob("atelier_59464_sauvegarde_*.gpkg"))
    assert len(backups) == 1 and BACKUP.search(backups[0].stem)
    con = sqlite3.connect(backups[0])
    try:  # the drawing that was pending is in the backup
        assert con.execute("SELECT nom FROM arrets WHERE fid = ?", (feat.id(),)).fetchone() == (
            "Lavoir rue des Moulins",
        )
    finally:
        con.close()
    for suffix in ("-wal", "-shm", "-journal"):
        assert not (tmp_path / f"atelier_59464.gpkg{suffix}").exists(), suffix
    assert list(tmp_path.glob(".*part*")) == []
    # the layer is the same one, on the fetched file, with its style
    layer = project.mapLayer(stops_id)
    assert layer is not None and layer.isValid() and layer.providerType() == "ogr"
    assert layer.renderer().symbol().color().name() == "#abcdef"
    assert layer.featureCount() == 12
    assert layer.getFeature(1)["nom"] == "Place Talma (serveur)"
    assert layer.isEditable() and not layer.readOnly()

    # 3. publish again over the workshop: the panel asks, and a backup is kept
    asked.clear()
    with Driver() as driver:
        driver.on("ServerDialog", fill_server_dialog(pg_connection.name, name, gpkg, True))
        driver.on("confirmReplaceWorkshop", confirm(asked))
        driver.on("openFacilitatorProject", click_no)
        press(step, "publish_server")
        driver.wait(lambda: not driver.steps and not tasks.running())
    assert not bar.get_messages(Qgis.MessageLevel.Critical), bar.get_messages(Qgis.Critical)
    backups = _schemas(cluster, f"{name}_sauvegarde%")
    assert len(backups) == 1 and backups[0] in asked[0] and name in asked[0]
    successes = " ".join(bar.get_messages(Qgis.MessageLevel.Success))
    assert backups[0] in successes
    project.removeMapLayer(stops_id)


@pytest.mark.gui
def test_the_panel_refuses_public_without_asking(step, pg_connection, tmp_path, qgis_iface):
    from qgis.core import Qgis

    from poix_atelier_plugin.gui import tasks

    gpkg = make_dossier(tmp_path / "atelier_59464.gpkg")
    step.context.set_dossier(str(gpkg))
    with Driver() as driver:
        driver.on("ServerDialog", fill_server_dialog(pg_connection.name, "public", gpkg, True))
        press(step, "publish_server")
        driver.wait(lambda: not driver.steps and not tasks.running())
    errors = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert errors and "public" in errors[-1]
    assert _psql(pg_connection.cluster, "SELECT to_regclass('public.arrets') IS NULL")[0][0]


def test_groups_are_never_created_among_the_database_schemas(pg_connection, atelier_provider):
    import processing

    with _refused() as err:
        processing.run(
            "atelier:create_groups", {"DOSSIER": pg_connection.dossier("public"), "GROUPS": "A"}
        )
    assert "public" in str(err.value)
    assert _psql(pg_connection.cluster, "SELECT to_regclass('public.groupes') IS NULL")[0][0]


@pytest.mark.gui
def test_publish_cancelled_from_its_progress_window_changes_nothing(
    step, pg_connection, tmp_path, qgis_iface
):
    """The copy to the server shows a progress window; its Cancel stops the copy
    and the server keeps no half-written workshop."""
    from qgis.core import Qgis
    from qgis.PyQt.QtWidgets import QPushButton

    from poix_atelier_plugin.infra.i18n import tr

    cluster = pg_connection.cluster
    name = "atelier_surete_annule"
    gpkg = make_dossier(tmp_path / "atelier_59464.gpkg")
    step.context.set_dossier(str(gpkg))
    seen: list[str] = []

    def cancel(progress):
        seen.append(progress.windowTitle())
        (button,) = [b for b in progress.findChildren(QPushButton) if b.isVisible()]
        click(button)

    with Driver() as driver:
        driver.on("ServerDialog", fill_server_dialog(pg_connection.name, name))
        driver.on("ServerTransferProgress", cancel)
        press(step, "publish_server")
        driver.wait(lambda: not driver.steps)
    assert seen == [tr("Publishing the dossier on the server")]
    said = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert any(tr("Publishing stopped: nothing was changed on the server.") in m for m in said)
    assert _schemas(cluster, name) == []


def test_fetch_cancelled_leaves_the_geopackage_as_it_was(pg_connection, tmp_path):
    import hashlib

    from qgis.core import QgsFeedback

    from poix_atelier_plugin.domain.errors import AtelierError
    from poix_atelier_plugin.infra.i18n import error_text, tr
    from poix_atelier_plugin.services.server import pg_fetch, pg_sync

    source = make_dossier(tmp_path / "source.gpkg")
    dossier = pg_connection.dossier("atelier_surete_rapatrie_annule")
    pg_sync.publish(source, dossier, replace=True)
    target = tmp_path / "atelier_59464.gpkg"
    target.write_bytes(source.read_bytes())
    before = hashlib.sha256(target.read_bytes()).hexdigest()

    class CancelAtOnce(QgsFeedback):
        def pushInfo(self, text):
            self.cancel()  # the person's Cancel, after the first table

    with pytest.raises(AtelierError) as err:
        pg_fetch.fetch(dossier, target, replace=True, feedback=CancelAtOnce())
    assert error_text(err.value) == tr("Fetching stopped: the GeoPackage is as it was before.")
    assert hashlib.sha256(target.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atelier_59464.gpkg", "source.gpkg"]
