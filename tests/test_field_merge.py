# SPDX-License-Identifier: GPL-2.0-or-later
"""A field package brought back three ways: field changes applied, office changes kept.

Real dossier, real package exported by ``atelier:export_field_package``,
edited in its own GeoPackage as QField would, merged back through
``atelier:merge_field_package`` and through the panel's button.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests import helpers_photos as hp

G1 = "Groupe 1"


# pure rules ----------------------------------------------------------------------------
def test_three_way_rules_without_qgis():
    from poix_atelier_plugin.domain import three_way as tw

    keys = ["nom", "notes"]
    base = {
        "a": {"nom": "A", "notes": None},
        "b": {"nom": "B", "notes": None},
        "c": {"nom": "C", "notes": None},
        "d": {"nom": "D", "notes": None},
        "e": {"nom": "E", "notes": None},
    }
    field = {
        "a": {"nom": "A", "notes": None},  # renamed at the office only
        "b": {"nom": "B2", "notes": None},  # renamed in the field only
        # c deleted in the field, unchanged at the office; d deleted, edited at the office
        "e": {"nom": "E", "notes": "field"},  # edited on both sides
        "n": {"nom": "N", "notes": None},  # new in the field
    }
    office = {
        "a": {"nom": "A2", "notes": None},
        "b": {"nom": "B", "notes": None},
        "c": {"nom": "C", "notes": None},
        "d": {"nom": "D", "notes": "office"},
        "e": {"nom": "E", "notes": "office"},
        "o": {"nom": "O", "notes": None},  # new at the office
    }
    plan = tw.plan_table("arrets", keys, base, field, office)
    assert plan.inserts == ["n"]
    assert plan.updates == {"b": ["nom"]}
    assert plan.deletes == ["c"]
    assert [(c.uid, c.field, c.kind) for c in plan.conflicts] == [
        ("d", "", tw.DELETED_IN_FIELD),
        ("e", "notes", tw.EDIT),
    ]
    assert "o" not in plan.memory and "c" not in plan.memory
    assert plan.memory["e"]["notes"] is None  # an open conflict comes back next time
    # the next merge from that memory: nothing but the open conflicts
    office_after = dict(office, b=field["b"], n=field["n"])
    del office_after["c"]
    again = tw.plan_table("arrets", keys, plan.memory, field, office_after)
    assert (again.inserts, again.updates, again.deletes) == ([], {}, [])
    assert [c.uid for c in again.conflicts] == ["d", "e"]
    # choices settle them for good
    choices = {("arrets", "d", ""): tw.TAKE_FIELD, ("arrets", "e", "notes"): tw.KEEP_OFFICE}
    settled = tw.plan_table("arrets", keys, plan.memory, field, office_after, resolutions=choices)
    assert settled.deletes == ["d"] and settled.updates == {} and not settled.conflicts
    office_after.pop("d")
    final = tw.plan_table("arrets", keys, settled.memory, field, office_after)
    assert (final.inserts, final.updates, final.deletes, final.conflicts) == ([], {}, [], [])


# QGIS ----------------------------------------------------------------------------------
def _add(gpkg: Path, table: str, wkt: str | None, geometry=None, **values) -> int:
    from qgis.core import QgsFeature, QgsGeometry

    from poix_atelier_plugin.core import workspace

    layer = workspace.open_layer(gpkg, table, geometry=geometry)
    feat = QgsFeature(layer.fields())
    feat["uid"] = workspace.new_uid()
    for k, v in values.items():
        feat[k] = v
    if wkt:
        feat.setGeometry(QgsGeometry.fromWkt(wkt))
    ok, out = layer.dataProvider().addFeatures([feat])
    assert ok
    return out[0].id()


def _stops(gpkg: Path, groupe: str = G1) -> dict:
    from poix_atelier_plugin.core import workspace

    return {f["uid"]: f for f in workspace.open_layer(gpkg, "arrets", groupe).getFeatures()}


def _by_name(gpkg: Path, name: str, table: str = "arrets"):
    from poix_atelier_plugin.core import workspace

    key = "titre" if table == "enjeux" else "nom"
    layer = workspace.open_layer(gpkg, table)
    found = [f for f in layer.getFeatures() if f[key] == name]
    assert len(found) == 1, (name, len(found))
    return layer, found[0]


def _change(gpkg: Path, name: str, table: str = "arrets", geometry=None, **values) -> None:
    layer, feat = _by_name(gpkg, name, table)
    provider = layer.dataProvider()
    if values:
        changes = {layer.fields().indexOf(k): v for k, v in values.items()}
        assert provider.changeAttributeValues({feat.id(): changes})
    if geometry is not None:
        assert provider.changeGeometryValues({feat.id(): geometry})


def _delete(gpkg: Path, name: str, table: str = "arrets") -> None:
    layer, feat = _by_name(gpkg, name, table)
    assert layer.dataProvider().deleteFeatures([feat.id()])


def dump(gpkg: Path) -> dict:
    """Every contract table's rows, to check what did (not) change."""
    from poix_atelier_plugin.domain import schema

    con = sqlite3.connect(str(gpkg))
    try:
        return {
            t.name: sorted(map(repr, con.execute(f'SELECT * FROM "{t.name}"')))
            for t in schema.TABLES
        }
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def dossier(qgis_app, tmp_path: Path) -> Path:
    gpkg = hp.make_dossier(tmp_path / "dossier")
    hp.add_stops(gpkg, G1, [(743900.0, 7010700.0, 4, "Lavoir")])
    site = _add(
        gpkg,
        "sites_projet",
        "Polygon((744000 7010000,744200 7010000,744200 7010200,744000 7010000))",
        groupe=G1,
        nom="Friche textile",
        origine="commune",
    )
    _add(
        gpkg,
        "enjeux",
        None,
        groupe=G1,
        titre="Reconvertir la friche",
        niveau="important",
        site_id=site,
    )
    return gpkg


def export(dossier: Path, out: Path) -> Path:
    import processing

    result = processing.run(
        "atelier:export_field_package",
        {"DOSSIER": str(dossier), "GROUP": G1, "OUTPUT_FOLDER": str(out), "BASEMAP": False},
    )
    return Path(result["PACKAGE"])


def merge(dossier: Path, package: Path) -> dict:
    import processing

    return processing.run(
        "atelier:merge_field_package", {"DOSSIER": str(dossier), "PACKAGE": str(package)}
    )


def _the_day(dossier: Path, tmp_path: Path) -> tuple[Path, Path]:
    """Export, then the office and the field both work; returns (package folder, its gpkg)."""
    from qgis.core import QgsGeometry, QgsPointXY

    package = export(dossier, tmp_path / "out")
    field = tmp_path / "tablet" / package.name
    shutil.copytree(package, field)
    shutil.rmtree(package)  # the copy that comes back is the one from the tablet
    gpkg = field / f"{package.name}.gpkg"
    # at the office
    _change(dossier, "Place Talma", nom="Place Talma (mairie)")
    _change(dossier, "Lavoir", notes="Toiture à refaire")
    _change(dossier, "Reconvertir la friche", "enjeux", niveau="imperatif")
    # in the field
    _change(
        gpkg,
        "Église Saint-Martin",
        nom="Église Saint-Martin (parvis)",
        geometry=QgsGeometry.fromPointXY(QgsPointXY(743705.0, 7010502.0)),
    )
    _change(
        gpkg,
        "Place Talma",
        geometry=QgsGeometry.fromPointXY(QgsPointXY(743400.0, 7010270.0 + 1e-7)),
    )
    _delete(gpkg, "Ancienne filature")
    _add(gpkg, "arrets", "Point(743950 7010400)", groupe=G1, ordre=5, nom="Keighley Hall")
    _change(gpkg, "Lavoir", notes="Lavoir restauré en 2019")
    _change(gpkg, "Reconvertir la friche", "enjeux", niveau="a_suivre")
    _add(gpkg, "enjeux", None, groupe=G1, titre="Ajouté sur le terrain", niveau="important")
    return field, gpkg


def test_merge_applies_the_field_keeps_the_office(atelier_provider, dossier, tmp_path):
    from poix_atelier_plugin.core import merge as core_merge

    other_group = _stops(dossier, "Groupe 2")
    field, gpkg = _the_day(dossier, tmp_path)
    result = merge(dossier, field)
    assert (result["INSERTED"], result["UPDATED"], result["DELETED"], result["CONFLICTS"]) == (
        1,
        1,
        1,
        1,
    )
    names = {f["nom"]: f for f in _stops(dossier).values()}
    assert set(names) == {
        "Place Talma (mairie)",  # renamed at the office: kept
        "Église Saint-Martin (parvis)",  # renamed in the field: applied
        "Lavoir",
        "Keighley Hall",  # added in the field
    }  # "Ancienne filature", deleted in the field, is gone
    church = names["Église Saint-Martin (parvis)"].geometry().asPoint()
    assert (church.x(), church.y()) == (743705.0, 7010502.0)
    talma = names["Place Talma (mairie)"].geometry().asPoint()
    assert (talma.x(), talma.y()) == (743400.0, 7010270.0)
    assert names["Keighley Hall"]["groupe"] == G1
    # the double edit is reported, the office's value stays
    assert names["Lavoir"]["notes"] == "Toiture à refaire"
    conflicts = core_merge.find_conflicts(field, dossier)
    assert [(c.table, c.field, c.base, c.office, c.field_value) for c in conflicts] == [
        ("arrets", "notes", None, "Toiture à refaire", "Lavoir restauré en 2019")
    ]
    assert conflicts[0].uid == names["Lavoir"]["uid"] and conflicts[0].label == "Lavoir"
    # enjeux are not offered for editing in the package: never merged
    _layer, enjeu = _by_name(dossier, "Reconvertir la friche", "enjeux")
    assert enjeu["niveau"] == "imperatif"
    from poix_atelier_plugin.core import workspace

    assert workspace.open_layer(dossier, "enjeux").featureCount() == 1
    assert "enjeux" not in core_merge.editable_tables(field)
    assert _stops(dossier, "Groupe 2").keys() == other_group.keys()

    # a second merge of the same package changes nothing (the conflict is still open)
    before, raw = dump(dossier), digest(dossier)
    again = merge(dossier, field / f"{field.name}.gpkg")
    assert (again["INSERTED"], again["UPDATED"], again["DELETED"], again["CONFLICTS"]) == (
        0,
        0,
        0,
        1,
    )
    assert dump(dossier) == before and digest(dossier) == raw

    # taking the field's value settles it; then merging again is silent
    report = core_merge.resolve_conflicts(field, dossier, {conflicts[0].key: core_merge.TAKE_FIELD})
    assert not report.conflicts
    assert _by_name(dossier, "Lavoir")[1]["notes"] == "Lavoir restauré en 2019"
    last = merge(dossier, field)
    assert (last["INSERTED"], last["UPDATED"], last["DELETED"], last["CONFLICTS"]) == (0, 0, 0, 0)


def test_deleted_in_the_field_but_edited_at_the_office(atelier_provider, dossier, tmp_path):
    """A conflict, not a silent loss; taking the field's deletion empties the photo's link."""
    from poix_atelier_plugin.core import merge as core_merge
    from poix_atelier_plugin.core import merge_state, workspace
    from poix_atelier_plugin.domain import three_way

    _layer, stop = _by_name(dossier, "Ancienne filature")
    _add(
        dossier,
        "observations",
        "Point(744101 7010101)",
        groupe=G1,
        texte="Métiers à tisser",
        arret_id=stop.id(),
    )
    package = export(dossier, tmp_path / "out")
    gpkg = package / f"{package.name}.gpkg"
    _delete(gpkg, "Ancienne filature")
    _delete(gpkg, "Friche textile", "sites_projet")  # an office enjeu is linked to it
    _change(dossier, "Ancienne filature", notes="Visite avec le propriétaire")
    result = merge(dossier, package)
    assert (result["DELETED"], result["CONFLICTS"]) == (0, 2)
    conflicts = core_merge.find_conflicts(package, dossier)
    assert {(c.table, c.kind) for c in conflicts} == {
        ("arrets", three_way.DELETED_IN_FIELD),
        ("sites_projet", three_way.DELETED_IN_FIELD),
    }
    assert _by_name(dossier, "Ancienne filature")[1]["notes"] == "Visite avec le propriétaire"
    assert _by_name(dossier, "Friche textile", "sites_projet")
    choices = {c.key: core_merge.TAKE_FIELD for c in conflicts}
    report = core_merge.resolve_conflicts(package, dossier, choices)
    assert report.total("deleted") == 2 and not report.conflicts
    assert report.unlinked == 1  # the enjeu stays, without its site
    _layer, enjeu = _by_name(dossier, "Reconvertir la friche", "enjeux")
    assert merge_state.is_null(enjeu["site_id"])
    assert "Ancienne filature" not in {f["nom"] for f in _stops(dossier).values()}
    obs = list(workspace.open_layer(dossier, "observations", G1).getFeatures())
    assert [o["texte"] for o in obs] == ["Métiers à tisser"]  # the photo's note is kept
    assert merge_state.is_null(obs[0]["arret_id"])


def test_corrupt_package_is_refused_and_the_dossier_unchanged(atelier_provider, dossier, tmp_path):
    from qgis.core import QgsProcessingException

    package = export(dossier, tmp_path / "out")
    gpkg = package / f"{package.name}.gpkg"
    _delete(gpkg, "Ancienne filature")
    data = gpkg.read_bytes()
    gpkg.write_bytes(data[: len(data) // 2])  # half copied from the tablet
    before, raw = dump(dossier), digest(dossier)
    with pytest.raises(QgsProcessingException) as err:
        merge(dossier, package)
    assert "terrain_Groupe_1.gpkg" in str(err.value)
    assert any(word in str(err.value) for word in ("endommagé", "damaged"))
    assert dump(dossier) == before and digest(dossier) == raw


def test_a_failing_write_leaves_nothing_half_merged(atelier_provider, dossier, tmp_path):
    """All or nothing: the route edited first, then the stop refused by the dossier."""
    from poix_atelier_plugin.core import merge as core_merge
    from poix_atelier_plugin.domain.errors import AtelierError

    _add(dossier, "parcours", "LineString(743400 7010270, 743700 7010500)", groupe=G1, nom="Boucle")
    package = export(dossier, tmp_path / "out")
    gpkg = package / f"{package.name}.gpkg"
    _change(gpkg, "Boucle", "parcours", nom="Grande boucle")
    _add(gpkg, "arrets", "Point(743950 7010400)", groupe=G1, ordre=5, nom="Refusé")
    con = sqlite3.connect(str(dossier))
    con.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON arrets WHEN NEW.nom = 'Refusé' "
        "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
    )
    con.commit()
    con.close()
    before = dump(dossier)
    with pytest.raises(AtelierError):
        core_merge.merge_field_package(package, dossier)
    assert dump(dossier) == before
    con = sqlite3.connect(str(dossier))
    assert not list(con.execute("SELECT name FROM sqlite_master WHERE name LIKE 'atelier_merge%'"))
    con.close()


def test_pending_edits_are_not_read_behind_the_layer(atelier_provider, dossier, tmp_path):
    from qgis.core import QgsProject

    from poix_atelier_plugin.core import merge as core_merge
    from poix_atelier_plugin.core import workspace
    from poix_atelier_plugin.domain.errors import AtelierError

    package = export(dossier, tmp_path / "out")
    layer = workspace.open_layer(dossier, "arrets", G1)
    QgsProject.instance().addMapLayer(layer)
    try:
        layer.startEditing()
        feat = next(f for f in layer.getFeatures() if f["nom"] == "Lavoir")
        layer.changeAttributeValue(
            feat.id(), layer.fields().indexOf("notes"), "pas encore enregistré"
        )
        before = dump(dossier)
        with pytest.raises(AtelierError) as err:
            core_merge.merge_field_package(package, dossier)
        assert layer.name() in str(err.value)
        assert dump(dossier) == before
        # saved first (as the panel and the algorithm do with the plugin's saving), it merges
        saved = core_merge.merge_field_package(
            package, dossier, before_read=lambda _d: layer.commitChanges()
        )
        assert saved.total("updated") == 0 and not saved.conflicts
        assert _by_name(dossier, "Lavoir")[1]["notes"] == "pas encore enregistré"
    finally:
        if layer.isEditable():
            layer.rollBack()
        QgsProject.instance().removeMapLayer(layer.id())


def test_an_old_package_without_base_loses_nothing(atelier_provider, dossier, tmp_path):
    """Exported before bases existed: additions come in, double values are conflicts."""
    package = export(dossier, tmp_path / "out")
    gpkg = package / f"{package.name}.gpkg"
    con = sqlite3.connect(str(gpkg))
    con.execute("DROP TABLE atelier_package")
    con.execute("DROP TABLE atelier_package_base")
    con.commit()
    con.close()
    _change(dossier, "Place Talma", nom="Place Talma (mairie)")
    _delete(gpkg, "Ancienne filature")
    _add(gpkg, "arrets", "Point(743950 7010400)", groupe=G1, ordre=5, nom="Keighley Hall")
    result = merge(dossier, package)
    assert (result["INSERTED"], result["UPDATED"], result["DELETED"], result["CONFLICTS"]) == (
        1,
        0,
        0,
        1,
    )
    names = {f["nom"] for f in _stops(dossier).values()}
    assert {"Place Talma (mairie)", "Ancienne filature", "Keighley Hall"} <= names


# the panel -----------------------------------------------------------------------------
@pytest.fixture
def step(qgis_iface, qgis_new_project, atelier_provider, dossier):
    from poix_atelier_plugin.gui.context import AtelierContext
    from poix_atelier_plugin.gui.steps.photos import PhotosStep

    qgis_iface.messageBar().clear_messages()
    context = AtelierContext(qgis_iface)
    context.set_dossier(str(dossier))
    context.set_active_group(G1)
    panel = PhotosStep(context)
    panel.show()
    yield panel
    panel.unload()
    panel.close()


def test_panel_merge_then_choose_in_the_conflict_dialog(step, dossier, tmp_path, qgis_iface):
    from qgis.core import Qgis
    from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit

    field, _gpkg = _the_day(dossier, tmp_path)
    seen = []

    def choose_the_package():
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog))
        if not isinstance(dialog, QFileDialog):
            if dialog is not None:
                dialog.reject()
            return
        dialog.findChild(QLineEdit, "fileNameEdit").setText(str(field))
        buttons = dialog.findChild(QDialogButtonBox, "buttonBox")
        QTest.mouseClick(
            buttons.button(QDialogButtonBox.StandardButton.Open), Qt.MouseButton.LeftButton
        )

    QTimer.singleShot(300, choose_the_package)
    QTest.mouseClick(step.buttons["merge_package"], Qt.MouseButton.LeftButton)
    assert seen == [QFileDialog]
    dialog = step.photo_actions.conflicts_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.table.rowCount() == 1
    assert "Lavoir" in dialog.table.item(0, 0).text()
    assert dialog.table.item(0, 1).text() == "Toiture à refaire"
    assert dialog.table.item(0, 2).text() == "Lavoir restauré en 2019"
    warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
    assert any("1 conflit" in w or "1 conflicts" in w for w in warnings), warnings
    # nothing chosen yet: the office's value is there
    assert _by_name(dossier, "Lavoir")[1]["notes"] == "Toiture à refaire"
    take = dialog.field_buttons[0]
    QTest.mouseClick(take, Qt.MouseButton.LeftButton)
    assert take.isChecked()
    QTest.mouseClick(
        dialog.buttonBox.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    QCoreApplication.processEvents()
    assert _by_name(dossier, "Lavoir")[1]["notes"] == "Lavoir restauré en 2019"
    assert step.photo_actions.conflicts_dialog is None
    names = {f["nom"] for f in _stops(dossier).values()}
    assert "Keighley Hall" in names and "Ancienne filature" not in names


def test_project_layers_show_the_merge_at_once(atelier_provider, dossier, tmp_path):
    """Layers of the project on the dossier show the merged features and repaint.

    (QGIS 3.22 already tells sibling OGR layers of one file; the merge reloads them too.)
    """
    from qgis.core import QgsProject

    from poix_atelier_plugin.core import workspace

    package = export(dossier, tmp_path / "out")
    gpkg = package / f"{package.name}.gpkg"
    _add(gpkg, "arrets", "Point(743950 7010400)", groupe=G1, ordre=5, nom="Keighley Hall")
    layer = workspace.open_layer(dossier, "arrets", G1)
    elsewhere = workspace.open_layer(tmp_path / "out" / package.name / gpkg.name, "arrets")
    QgsProject.instance().addMapLayers([layer, elsewhere])
    seen = {"reloaded": 0, "repainted": 0, "other": 0}
    layer.dataChanged.connect(lambda: seen.__setitem__("reloaded", seen["reloaded"] + 1))
    layer.repaintRequested.connect(lambda *_: seen.__setitem__("repainted", seen["repainted"] + 1))
    elsewhere.repaintRequested.connect(lambda *_: seen.__setitem__("other", seen["other"] + 1))
    try:
        assert layer.featureCount() == 4
        assert merge(dossier, package)["INSERTED"] == 1
        assert layer.featureCount() == 5
        assert seen["reloaded"] >= 1 and seen["repainted"] >= 1
        assert seen["other"] == 0  # the package's own layer is not the dossier
    finally:
        QgsProject.instance().removeMapLayers([layer.id(), elsewhere.id()])
