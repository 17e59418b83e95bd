# SPDX-License-Identifier: GPL-2.0-or-later
"""The live workshop in the dock: server dialog, publish task, conflict choice on commit."""

from __future__ import annotations

import pytest
from helpers_panel import press
from helpers_pg import pg_cluster  # noqa: F401
from helpers_pg_qgis import make_dossier, pg_connection  # noqa: F401
from helpers_server_gui import Driver, click_no, fill_server_dialog

pytestmark = [pytest.mark.postgis, pytest.mark.gui]


@pytest.fixture
def step(qgis_iface, qgis_new_project):
    from poix_atelier_plugin.gui.context import AtelierContext
    from poix_atelier_plugin.gui.steps.groups import GroupsStep

    context = AtelierContext(qgis_iface)
    panel = GroupsStep(context)
    yield panel
    panel.unload()
    from poix_atelier_plugin.gui import server_actions

    server_actions.uninstall()


def test_publish_from_the_dock_opens_a_live_project(step, pg_connection, tmp_path):
    from qgis.core import QgsProject

    from poix_atelier_plugin.gui import tasks

    for key in ("publish_server", "fetch_local"):
        assert step.buttons[key].isEnabled()
        assert step.findChild(type(step.buttons[key]), f"action_{key}") is not None
    gpkg = make_dossier(tmp_path / "atelier_59464.gpkg")
    step.context.set_dossier(str(gpkg))

    # the real dialog, filled in as a user would, with an existing connection
    def check_and_fill(dialog):
        assert pg_connection.name in [
            dialog.connectionCombo.itemText(i) for i in range(dialog.connectionCombo.count())
        ]
        assert dialog.file.filePath() == str(gpkg)
        assert dialog.schemaEdit.text().startswith("atelier_59464_")
        fill_server_dialog(pg_connection.name, "atelier_gui", replace=True)(dialog)

    with Driver() as driver:
        driver.on("ServerDialog", check_and_fill)
        driver.on("openFacilitatorProject", click_no)
        press(step, "publish_server")
        driver.wait(lambda: not driver.steps and not tasks.running())
    project_file = tmp_path / "atelier_gui_serveur.qgz"
    assert project_file.exists()
    assert QgsProject().read(str(project_file))
    for name in ("Groupe_1", "Groupe_2", "Groupe_3"):
        assert (tmp_path / f"atelier_gui_{name}.qgz").is_file()


def test_conflict_choice_on_commit(step, pg_connection, tmp_path, monkeypatch):
    import psycopg2
    from qgis.core import QgsProject

    from poix_atelier_plugin.gui import server_actions
    from poix_atelier_plugin.services.server import pg_project, pg_sync

    gpkg = make_dossier(tmp_path / "atelier_59464.gpkg")
    dossier = pg_connection.dossier("atelier_gui_conflict")
    pg_sync.publish(gpkg, dossier, replace=True)
    layer = pg_project.open_layer(dossier, "arrets", "Groupe 2")
    QgsProject.instance().addMapLayer(layer)
    assert layer.id() in server_actions._GUARDS
    fid = next(layer.getFeatures()).id()
    names = layer.fields().names()
    asked = []

    def choose(lyr, conflicts):
        asked.append([server_actions.describe(c) for c in conflicts])
        return choice

    monkeypatch.setattr(server_actions, "ask_conflict_choice", choose)

    def someone_else(column, value):
        with psycopg2.connect(pg_connection.cluster.dsn()) as conn, conn.cursor() as cur:
            cur.execute(
                f'UPDATE "atelier_gui_conflict".arrets SET {column} = %s WHERE fid = %s',
                (value, fid),
            )
        conn.close()

    # take theirs
    choice = False
    assert layer.startEditing()
    someone_else("nom", "Église Saint-Martin")
    layer.changeAttributeValue(fid, names.index("nom"), "Monument Talma")
    assert layer.commitChanges(), layer.commitErrors()
    assert "Église Saint-Martin" in asked[-1][0] and "Monument Talma" in asked[-1][0]
    layer.reload()
    assert layer.getFeature(fid)["nom"] == "Église Saint-Martin"
    # keep mine
    choice = True
    assert layer.startEditing()
    someone_else("notes", "vu par le groupe 3")
    layer.changeAttributeValue(fid, names.index("nom"), "Monument Talma")
    assert layer.commitChanges(), layer.commitErrors()
    assert len(asked) == 2
    layer.reload()
    feat = layer.getFeature(fid)
    assert feat["nom"] == "Monument Talma" and feat["notes"] == "vu par le groupe 3"
    # no conflict: no question
    assert layer.startEditing()
    layer.changeAttributeValue(fid, names.index("ordre"), 9)
    assert layer.commitChanges(), layer.commitErrors()
    assert len(asked) == 2
    QgsProject.instance().removeMapLayer(layer.id())


def _someone_else(pg_connection, schema, query, params):
    import psycopg2

    with psycopg2.connect(pg_connection.cluster.dsn()) as conn, conn.cursor() as cur:
        cur.execute(query.format(schema=schema), params)
    conn.close()


def _live_stops(pg_connection, tmp_path, schema):
    from qgis.core import QgsProject

    from poix_atelier_plugin.gui import server_actions
    from poix_atelier_plugin.services.server import pg_project, pg_sync

    gpkg = make_dossier(tmp_path / "atelier_59464.gpkg")
    dossier = pg_connection.dossier(schema)
    pg_sync.publish(gpkg, dossier, replace=True)
    layer = pg_project.open_layer(dossier, "arrets", "Groupe 2")
    QgsProject.instance().addMapLayer(layer)
    assert layer.id() in server_actions._GUARDS
    fid = next(layer.getFeatures()).id()
    # digits neither a 3-decimal WKT nor str() of a float keep alike on both sides
    _someone_else(
        pg_connection,
        schema,
        'UPDATE "{schema}".arrets SET distance_m = %s, '
        "geom = ST_SetSRID(ST_MakePoint(%s, %s), 2154) WHERE fid = %s",
        (1234.567890123456, 703456.123456789, 7055123.987654321, fid),
    )
    layer.reload()
    return layer, fid


def test_a_row_saved_again_unchanged_is_no_conflict(step, pg_connection, tmp_path, monkeypatch):
    from qgis.core import QgsProject

    from poix_atelier_plugin.gui import server_actions

    schema = "atelier_gui_same"
    layer, fid = _live_stops(pg_connection, tmp_path, schema)
    asked = []
    monkeypatch.setattr(server_actions, "ask_conflict_choice", lambda *a: asked.append(a) or True)
    names = layer.fields().names()

    # someone else saves the row again with the same values: the version moves, nothing else
    assert layer.startEditing()
    _someone_else(
        pg_connection,
        schema,
        'UPDATE "{schema}".arrets SET nom = nom, geom = geom, distance_m = distance_m '
        "WHERE fid = %s",
        (fid,),
    )
    layer.changeAttributeValue(fid, names.index("notes"), "vu par le groupe 2")
    assert layer.commitChanges(), layer.commitErrors()
    assert asked == []
    layer.reload()
    assert layer.getFeature(fid)["notes"] == "vu par le groupe 2"

    # a real change of theirs: asked, and only what they changed is listed
    assert layer.startEditing()
    _someone_else(
        pg_connection,
        schema,
        'UPDATE "{schema}".arrets SET geom = ST_Translate(geom, 1, 0) WHERE fid = %s',
        (fid,),
    )
    layer.changeAttributeValue(fid, names.index("notes"), "revu")
    assert layer.commitChanges(), layer.commitErrors()
    ((_layer, conflicts),) = asked
    assert list(conflicts[0].theirs) == ["__geom"]
    QgsProject.instance().removeMapLayer(layer.id())


def test_values_read_by_psycopg2_and_qgis_compare_equal():
    import datetime as dt
    from decimal import Decimal

    from qgis.core import NULL
    from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

    from poix_atelier_plugin.store.pg_conflicts import same_geometry, same_value

    assert same_value(None, NULL) and same_value(QVariant(), None)
    assert same_value(Decimal("12.50"), 12.5) and same_value(3, 3.0)
    assert same_value(dt.date(2026, 5, 4), QDate(2026, 5, 4))
    when = dt.datetime(2026, 5, 4, 10, 30, 0, 123456, tzinfo=dt.timezone.utc)
    assert same_value(when, QDateTime.fromMSecsSinceEpoch(int(when.timestamp() * 1000)))
    assert not same_value("Mairie", "Mairie ") and not same_value(None, "")
    assert not same_value(1.0, 1.5) and not same_value(dt.date(2026, 5, 4), QDate(2026, 5, 5))
    assert same_geometry(
        "POINT(703456.123456789 7055123.987654321)", "Point (703456.123 7055123.988)", 1e-3
    )
    assert not same_geometry("POINT(703456.12 7055123.98)", "POINT(703457.12 7055123.98)")
    assert same_geometry(None, "") and not same_geometry(None, "POINT(1 2)")


def test_a_refusal_by_the_server_is_said_in_french(
    step, pg_connection, tmp_path, monkeypatch, qgis_iface
):
    from qgis.core import Qgis, QgsProject

    from poix_atelier_plugin.infra.i18n import tr
    from poix_atelier_plugin.store import pg_conflicts

    schema = "atelier_gui_refused"
    layer, fid = _live_stops(pg_connection, tmp_path, schema)
    names = layer.fields().names()
    check = pg_conflicts.ConflictGuard.check

    def late_write(guard):
        # the other computer's write lands just after the check: only the trigger sees it
        found = check(guard)
        _someone_else(
            pg_connection,
            schema,
            'UPDATE "{schema}".arrets SET nom = %s WHERE fid = %s',
            ("x", fid),
        )
        return found

    monkeypatch.setattr(pg_conflicts.ConflictGuard, "check", late_write)
    qgis_iface.messageBar().clear_messages()
    assert layer.startEditing()
    layer.changeAttributeValue(fid, names.index("notes"), "mon texte")
    assert not layer.commitChanges()
    assert any("atelier_conflict" in e for e in layer.commitErrors())
    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    said = tr(
        "The feature {fid} of {table} was changed in the meantime on another computer: "
        "nothing was written. Reload it and apply your change again."
    ).format(fid=fid, table="arrets")
    assert any(said in w and "atelier_conflict" not in w for w in warnings), warnings
    # my edit is still there, in the edit buffer
    assert layer.isEditable() and layer.getFeature(fid)["notes"] == "mon texte"
    layer.rollBack()
    QgsProject.instance().removeMapLayer(layer.id())


def test_a_failed_publish_is_said_in_french_and_the_server_is_unchanged(
    step, pg_connection, tmp_path, monkeypatch, qgis_iface, caplog
):
    import psycopg2
    from qgis.core import Qgis

    from poix_atelier_plugin.gui import tasks
    from poix_atelier_plugin.services.server import pg_sync
    from tests.helpers_boards import T

    gpkg = make_dossier(tmp_path / "atelier_59464.gpkg")
    before = gpkg.read_bytes()
    step.context.set_dossier(str(gpkg))
    copy_rows = pg_sync._copy_rows
    copied = []

    def fails_midway(cur, name, table, layer, feedback=None):
        if copied:  # one table already written in the transaction, then the disk fails
            raise OSError(28, "No space left on device")
        copied.append(table)
        return copy_rows(cur, name, table, layer, feedback)

    monkeypatch.setattr(pg_sync, "_copy_rows", fails_midway)
    qgis_iface.messageBar().clear_messages()
    with Driver() as driver:
        driver.on("ServerDialog", fill_server_dialog(pg_connection.name, "atelier_gui_fail"))
        press(step, "publish_server")
        driver.wait(lambda: not driver.steps and not tasks.running())

    (said,) = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
    assert T("{task} failed").format(task=T("Publishing the dossier on the server")) in said
    assert "No space left on device" in said and "Traceback" not in said
    assert T("Your dossier {path} is unchanged.").format(path=gpkg) in said
    assert any(r.exc_info and r.exc_info[0] is OSError for r in caplog.records)
    assert gpkg.read_bytes() == before
    with psycopg2.connect(pg_connection.cluster.dsn()) as conn, conn.cursor() as cur:
        cur.execute("SELECT to_regnamespace('atelier_gui_fail')")
        assert cur.fetchone()[0] is None  # the half copy was rolled back
    conn.close()
