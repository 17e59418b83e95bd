# SPDX-License-Identifier: GPL-2.0-or-later
"""Nothing a group made is lost: a rebuild, a regrouping, a package taken right after drawing.

Each test here failed on the first delivery: OVERWRITE replaced the GeoPackage and every
group's table with it, "Créer les groupes…" removed and re-added the group layers (their
unsaved edits with them), and readers of the file missed what was still in an edit buffer.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from helpers_panel import press

pytestmark = pytest.mark.gui

CODE = "59464"


def _build(communes, out: Path, **extra):
    import processing

    params = {
        "COMMUNES": str(communes),
        "CODE_INSEE": CODE,
        "BUFFER": 200,
        "ONLINE_LAYERS": False,
        "OUTPUT_FOLDER": str(out),
    }
    params.update(extra)
    return processing.run("atelier:build_dossier", params)


def _count(gpkg: Path, table: str, where: str = "1") -> int:
    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    try:
        return con.execute(f'SELECT count(*) FROM "{table}" WHERE {where}').fetchone()[0]
    finally:
        con.close()


def _stop(layer, name: str, x: float, y: float):
    from qgis.core import QgsGeometry

    from poix_atelier_plugin.services import groups as groups_service

    feature, _ = groups_service.new_feature(
        layer, QgsGeometry.fromWkt(f"Point({x} {y})"), {"nom": name}
    )
    assert layer.addFeature(feature)
    return feature


@pytest.fixture
def dossier(atelier_provider, communes_geojson, tmp_path, qgis_new_project):
    import processing
    from qgis.core import QgsProject

    from poix_atelier_plugin.services.dossier import project_layers

    out = tmp_path / "dossier d'essai"
    result = _build(communes_geojson, out)
    gpkg = Path(result["DOSSIER"])
    processing.run("atelier:create_groups", {"DOSSIER": str(gpkg), "GROUPS": "Groupe 1;Groupe 2"})
    project = QgsProject.instance()
    project_layers.add_workspace_layers(project, gpkg)
    yield out, gpkg, project
    for layer in project.mapLayers().values():
        if layer.isEditable():
            layer.rollBack()
    project.clear()


def test_rebuild_keeps_every_group_table_and_pending_edits(dossier, communes_geojson):
    from poix_atelier_plugin.services.dossier import project_layers

    out, gpkg, project = dossier
    stops = project_layers.find_layer(project, "arrets", "Groupe 1")
    stops.startEditing()
    _stop(stops, "Keighley Hall", 744100, 7010000)
    assert stops.commitChanges(False)
    _stop(stops, "Place Talma (pas encore enregistré)", 744200, 7010100)  # still in the buffer
    assert _count(gpkg, "arrets") == 1
    groups_before = _count(gpkg, "groupes")
    tools_before = _count(gpkg, "outils")
    assert tools_before > 0  # the toolbox copied in the dossier is the agency's work too

    con = sqlite3.connect(str(gpkg))  # the memory of merged field packages (plain table)
    con.execute("CREATE TABLE atelier_merge_log (package TEXT, merged TEXT)")
    con.execute("INSERT INTO atelier_merge_log VALUES ('terrain-g1', '2026-12-02')")
    con.commit()
    con.close()

    result = _build(communes_geojson, out, OVERWRITE=True, BUFFER=300)

    # the rebuilt dossier has the new perimeter and every row of the groups' tables
    assert _count(gpkg, "perimetre_etude", "tampon_m = 300") == 1
    assert _count(gpkg, "arrets") == 2
    assert _count(gpkg, "arrets", "nom = 'Place Talma (pas encore enregistré)'") == 1
    assert _count(gpkg, "groupes") == groups_before
    assert _count(gpkg, "outils") == tools_before
    con = sqlite3.connect(str(gpkg))
    assert con.execute("SELECT package FROM atelier_merge_log").fetchall() == [("terrain-g1",)]
    con.close()
    # the layer in the project reads the new file and shows both stops
    assert stops.featureCount() == 2 and not stops.isModified()
    # and writes into the new file, not into the replaced one
    _stop(stops, "Monument Talma", 744250, 7010120)
    assert stops.commitChanges(False)
    assert _count(gpkg, "arrets") == 3
    # the old files are kept, dated, with the data they had
    backups = sorted((out / "sauvegardes").iterdir())
    assert [p.suffix for p in backups] == [".gpkg", ".qgz"]
    assert _count(backups[0], "arrets") == 2  # saved first, then backed up
    assert _count(backups[0], "perimetre_etude", "tampon_m = 200") == 1
    assert not list(out.glob("*.gpkg-journal")) and not list(out.glob("*.gpkg-wal"))
    # the rebuilt project carries the groups' layers
    from qgis.core import QgsProject

    rebuilt = QgsProject()
    assert rebuilt.read(result["PROJECT"])
    assert project_layers.find_layer(rebuilt, "arrets", "Groupe 2") is not None


def test_regrouping_keeps_unsaved_edits(dossier, qgis_iface):
    """ "Créer les groupes…" opened again to fix an adviser, OK clicked in its own dialog."""
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox

    from poix_atelier_plugin.gui.context import AtelierContext
    from poix_atelier_plugin.gui.group_dialog import GroupDialog
    from poix_atelier_plugin.gui.steps.groups import GroupsStep
    from poix_atelier_plugin.services.dossier import project_layers
    from poix_atelier_plugin.store import workspace

    _out, gpkg, project = dossier
    stops = project_layers.find_layer(project, "arrets", "Groupe 2")
    stops.startEditing()
    _stop(stops, "Moulin de la Chicorée", 743900, 7010300)
    context = AtelierContext(qgis_iface)
    context.set_dossier(str(gpkg))
    step = GroupsStep(context)
    seen = []

    def fill_and_click_ok():
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog))
        dialog.groupsTable.item(1, 2).setText("Mme Conseillère")
        dialog.buttonBox.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(200, fill_and_click_ok)
    press(step, "create_groups")
    assert seen == [GroupDialog]
    same = project_layers.find_layer(project, "arrets", "Groupe 2")
    assert same is stops  # the same layer, restyled in place
    assert stops.isEditable() and stops.isModified()
    assert [f["nom"] for f in stops.getFeatures()] == ["Moulin de la Chicorée"]
    assert len(project_layers.group_layers(project, "Groupe 2")) == 13
    groups = workspace.read_groups(gpkg)
    assert [g.name for g in groups] == ["Groupe 1", "Groupe 2"]
    assert groups[1].adviser == "Mme Conseillère"
    step.unload()


def test_field_package_right_after_drawing_has_the_new_stop(dossier, tmp_path):
    """A stop still in the edit buffer is saved before the package is made from the file."""
    import processing

    from poix_atelier_plugin.services.dossier import project_layers

    _out, gpkg, project = dossier
    stops = project_layers.find_layer(project, "arrets", "Groupe 1")
    stops.startEditing()
    _stop(stops, "Église Saint-Martin", 744150, 7010050)
    result = processing.run(
        "atelier:export_field_package",
        {"DOSSIER": str(gpkg), "GROUP": "Groupe 1", "OUTPUT_FOLDER": str(tmp_path / "terrain")},
    )
    package = Path(result["PACKAGE"])
    package_gpkg = package if package.suffix == ".gpkg" else next(package.rglob("*.gpkg"))
    assert _count(package_gpkg, "arrets", "nom = 'Église Saint-Martin'") == 1
    assert not stops.isModified()
