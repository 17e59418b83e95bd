# SPDX-License-Identifier: GPL-2.0-or-later
"""A field package brought back three ways: field changes applied, office changes kept.

Real dossier, real package exported by ``atelier:export_field_package``,
edited in its own GeoPackage as QField would, merged back through
``atelier:merge_field_package`` and through the panel's button.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests import helpers_merge as hm

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
@pytest.fixture
def dossier(qgis_app, tmp_path: Path) -> Path:
    return hm.make_dossier(tmp_path / "dossier")


def test_merge_applies_the_field_keeps_the_office(atelier_provider, dossier, tmp_path):
    from poix_atelier_plugin.services.field import merge as merge_service

    other_group = hm.stops(dossier, "Groupe 2")
    field, gpkg = hm.the_day(dossier, tmp_path)
    result = hm.merge(dossier, field)
    assert (result["INSERTED"], result["UPDATED"], result["DELETED"], result["CONFLICTS"]) == (
        1,
        1,
        1,
        1,
    )
    names = {f["nom"]: f for f in hm.stops(dossier).values()}
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
    conflicts = merge_service.find_conflicts(field, dossier)
    assert [(c.table, c.field, c.base, c.office, c.field_value) for c in conflicts] == [
        ("arrets", "notes", None, "Toiture à refaire", "Lavoir restauré en 2019")
    ]
    assert conflicts[0].uid == names["Lavoir"]["uid"] and conflicts[0].label == "Lavoir"
    # enjeux are not offered for editing in the package: never merged
    _layer, enjeu = hm.by_name(dossier, "Reconvertir la friche", "enjeux")
    assert enjeu["niveau"] == "imperatif"
    from poix_atelier_plugin.store import workspace

    assert workspace.open_layer(dossier, "enjeux").featureCount() == 1
    assert "enjeux" not in merge_service.editable_tables(field)
    assert hm.stops(dossier, "Groupe 2").keys() == other_group.keys()

    # a second merge of the same package changes nothing (the conflict is still open)
    before, raw = hm.dump(dossier), hm.digest(dossier)
    again = hm.merge(dossier, field / f"{field.name}.gpkg")
    assert (again["INSERTED"], again["UPDATED"], again["DELETED"], again["CONFLICTS"]) == (
        0,
        0,
        0,
        1,
    )
    assert hm.dump(dossier) == before and hm.digest(dossier) == raw

    # taking the field's value settles it; then merging again is silent
    report = merge_service.resolve_conflicts(
        field, dossier, {conflicts[0].key: merge_service.TAKE_FIELD}
    )
    assert not report.conflicts
    assert hm.by_name(dossier, "Lavoir")[1]["notes"] == "Lavoir restauré en 2019"
    last = hm.merge(dossier, field)
    assert (last["INSERTED"], last["UPDATED"], last["DELETED"], last["CONFLICTS"]) == (0, 0, 0, 0)


def test_deleted_in_the_field_but_edited_at_the_office(atelier_provider, dossier, tmp_path):
    """A conflict, not a silent loss; taking the field's deletion empties the photo's link."""
    from poix_atelier_plugin.domain import three_way
    from poix_atelier_plugin.services.field import merge as merge_service
    from poix_atelier_plugin.services.field import merge_state
    from poix_atelier_plugin.store import workspace

    _layer, stop = hm.by_name(dossier, "Ancienne filature")
    hm.add(
        dossier,
        "observations",
        "Point(744101 7010101)",
        groupe=G1,
        texte="Métiers à tisser",
        arret_id=stop.id(),
    )
    package = hm.export(dossier, tmp_path / "out")
    gpkg = package / f"{package.name}.gpkg"
    hm.delete(gpkg, "Ancienne filature")
    hm.delete(gpkg, "Friche textile", "sites_projet")  # an office enjeu is linked to it
    hm.change(dossier, "Ancienne filature", notes="Visite avec le propriétaire")
    result = hm.merge(dossier, package)
    assert (result["DELETED"], result["CONFLICTS"]) == (0, 2)
    conflicts = merge_service.find_conflicts(package, dossier)
    assert {(c.table, c.kind) for c in conflicts} == {
        ("arrets", three_way.DELETED_IN_FIELD),
        ("sites_projet", three_way.DELETED_IN_FIELD),
    }
    assert hm.by_name(dossier, "Ancienne filature")[1]["notes"] == "Visite avec le propriétaire"
    assert hm.by_name(dossier, "Friche textile", "sites_projet")
    choices = {c.key: merge_service.TAKE_FIELD for c in conflicts}
    report = merge_service.resolve_conflicts(package, dossier, choices)
    assert report.total("deleted") == 2 and not report.conflicts
    assert report.unlinked == 1  # the enjeu stays, without its site
    _layer, enjeu = hm.by_name(dossier, "Reconvertir la friche", "enjeux")
    assert merge_state.is_null(enjeu["site_id"])
    assert "Ancienne filature" not in {f["nom"] for f in hm.stops(dossier).values()}
    obs = list(workspace.open_layer(dossier, "observations", G1).getFeatures())
    assert [o["texte"] for o in obs] == ["Métiers à tisser"]  # the photo's note is kept
    assert merge_state.is_null(obs[0]["arret_id"])


def test_corrupt_package_is_refused_and_the_dossier_unchanged(atelier_provider, dossier, tmp_path):
    from qgis.core import QgsProcessingException

    package = hm.export(dossier, tmp_path / "out")
    gpkg = package / f"{package.name}.gpkg"
    hm.delete(gpkg, "Ancienne filature")
    data = gpkg.read_bytes()
    gpkg.write_bytes(data[: len(data) // 2])  # half copied from the tablet
    before, raw = hm.dump(dossier), hm.digest(dossier)
    with pytest.raises(QgsProcessingException) as err:
        hm.merge(dossier, package)
    assert "terrain_Groupe_1.gpkg" in str(err.value)
    assert any(word in str(err.value) for word in ("endommagé", "damaged"))
    assert hm.dump(dossier) == before and hm.digest(dossier) == raw


def test_a_failing_write_leaves_nothing_half_merged(atelier_provider, dossier, tmp_path):
    """All or nothing: the route edited first, then the stop refused by the dossier."""
    from poix_atelier_plugin.domain.errors import AtelierError
    from poix_atelier_plugin.services.field import merge as merge_service

    hm.add(
        dossier, "parcours", "LineString(743400 7010270, 743700 7010500)", groupe=G1, nom="Boucle"
    )
    package = hm.export(dossier, tmp_path / "out")
    gpkg = package / f"{package.name}.gpkg"
    hm.change(gpkg, "Boucle", "parcours", nom="Grande boucle")
    hm.add(gpkg, "arrets", "Point(743950 7010400)", groupe=G1, ordre=5, nom="Refusé")
    con = sqlite3.connect(str(dossier))
    con.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON arrets WHEN NEW.nom = 'Refusé' "
        "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
    )
    con.commit()
    con.close()
    before = hm.dump(dossier)
    with pytest.raises(AtelierError):
        merge_service.merge_field_package(package, dossier)
    assert hm.dump(dossier) == before
    con = sqlite3.connect(str(dossier))
    assert not list(con.execute("SELECT name FROM sqlite_master WHERE name LIKE 'atelier_merge%'"))
    con.close()


def test_pending_edits_are_not_read_behind_the_layer(atelier_provider, dossier, tmp_path):
    from qgis.core import QgsProject

    from poix_atelier_plugin.domain.errors import AtelierError
    from poix_atelier_plugin.services.field import merge as merge_service
    from poix_atelier_plugin.store import workspace

    package = hm.export(dossier, tmp_path / "out")
    layer = workspace.open_layer(dossier, "arrets", G1)
    QgsProject.instance().addMapLayer(layer)
    try:
        layer.startEditing()
        feat = next(f for f in layer.getFeatures() if f["nom"] == "Lavoir")
        layer.changeAttributeValue(
            feat.id(), layer.fields().indexOf("notes"), "pas encore enregistré"
        )
        before = hm.dump(dossier)
        with pytest.raises(AtelierError) as err:
            merge_service.merge_field_package(package, dossier)
        assert layer.name() in str(err.value)
        assert hm.dump(dossier) == before
        # the algorithm saves the pending edit first (store.saving), then merges
        gpkg = package / f"{package.name}.gpkg"
        hm.change(gpkg, "Église Saint-Martin", nom="Église Saint-Martin (parvis)")
        result = hm.merge(dossier, package)
        assert (result["UPDATED"], result["CONFLICTS"]) == (1, 0)
        assert not layer.isModified()
        assert hm.by_name(dossier, "Lavoir")[1]["notes"] == "pas encore enregistré"
        assert "Église Saint-Martin (parvis)" in {f["nom"] for f in layer.getFeatures()}
    finally:
        if layer.isEditable():
            layer.rollBack()
        QgsProject.instance().removeMapLayer(layer.id())


def test_an_old_package_without_base_loses_nothing(atelier_provider, dossier, tmp_path):
    """Exported before bases existed: additions come in, double values are conflicts."""
    package = hm.export(dossier, tmp_path / "out")
    gpkg = package / f"{package.name}.gpkg"
    con = sqlite3.connect(str(gpkg))
    con.execute("DROP TABLE atelier_package")
    con.execute("DROP TABLE atelier_package_base")
    con.commit()
    con.close()
    hm.change(dossier, "Place Talma", nom="Place Talma (mairie)")
    hm.delete(gpkg, "Ancienne filature")
    hm.add(gpkg, "arrets", "Point(743950 7010400)", groupe=G1, ordre=5, nom="Keighley Hall")
    result = hm.merge(dossier, package)
    assert (result["INSERTED"], result["UPDATED"], result["DELETED"], result["CONFLICTS"]) == (
        1,
        0,
        0,
        1,
    )
    names = {f["nom"] for f in hm.stops(dossier).values()}
    assert {"Place Talma (mairie)", "Ancienne filature", "Keighley Hall"} <= names


def test_project_layers_show_the_merge_at_once(atelier_provider, dossier, tmp_path):
    """Layers of the project on the dossier show the merged features and repaint.

    (QGIS 3.22 already tells sibling OGR layers of one file; the merge reloads them too.)
    """
    from qgis.core import QgsProject

    from poix_atelier_plugin.store import workspace

    package = hm.export(dossier, tmp_path / "out")
    gpkg = package / f"{package.name}.gpkg"
    hm.add(gpkg, "arrets", "Point(743950 7010400)", groupe=G1, ordre=5, nom="Keighley Hall")
    layer = workspace.open_layer(dossier, "arrets", G1)
    elsewhere = workspace.open_layer(tmp_path / "out" / package.name / gpkg.name, "arrets")
    QgsProject.instance().addMapLayers([layer, elsewhere])
    seen = {"reloaded": 0, "repainted": 0, "other": 0}
    layer.dataChanged.connect(lambda: seen.__setitem__("reloaded", seen["reloaded"] + 1))
    layer.repaintRequested.connect(lambda *_: seen.__setitem__("repainted", seen["repainted"] + 1))
    elsewhere.repaintRequested.connect(lambda *_: seen.__setitem__("other", seen["other"] + 1))
    try:
        assert layer.featureCount() == 4
        assert hm.merge(dossier, package)["INSERTED"] == 1
        assert layer.featureCount() == 5
        assert seen["reloaded"] >= 1 and seen["repainted"] >= 1
        assert seen["other"] == 0  # the package's own layer is not the dossier
    finally:
        QgsProject.instance().removeMapLayers([layer.id(), elsewhere.id()])


def test_merge_while_a_layer_is_in_edit_mode(atelier_provider, dossier, tmp_path):
    """The panel keeps drawing layers editable: the merge and later drawings both land."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject

    from poix_atelier_plugin.store import workspace

    package = hm.export(dossier, tmp_path / "out")
    gpkg = package / f"{package.name}.gpkg"
    hm.change(gpkg, "Lavoir", nom="Lavoir de la rue des Moulins")
    layer = workspace.open_layer(dossier, "arrets", G1)
    QgsProject.instance().addMapLayer(layer)
    try:
        assert layer.startEditing()
        assert hm.merge(dossier, package)["UPDATED"] == 1
        assert layer.isEditable()
        feat = QgsFeature(layer.fields())
        feat["uid"] = workspace.new_uid()
        feat["groupe"] = G1
        feat["nom"] = "Monument Talma"
        feat.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(743410.0, 7010280.0)))
        assert layer.addFeature(feat)
        assert layer.commitChanges(), layer.commitErrors()
        names = {f["nom"] for f in hm.stops(dossier).values()}
        assert {"Lavoir de la rue des Moulins", "Monument Talma"} <= names
    finally:
        if layer.isEditable():
            layer.rollBack()
        QgsProject.instance().removeMapLayer(layer.id())
