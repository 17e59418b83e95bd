# SPDX-License-Identifier: GPL-2.0-or-later
"""The live workshop in the dock: server dialog, publish task, conflict choice on commit."""

from __future__ import annotations

import pytest
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
        step.buttons["publish_server"].click()
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
