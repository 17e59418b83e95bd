# SPDX-License-Identifier: GPL-2.0-or-later
"""Group workspaces: creation (Processing), layers, styles, forms, deletion."""

from __future__ import annotations

import pytest
from helpers_groups import TRICKY, build_dossier, roads_layer


@pytest.fixture
def dossier(tmp_path):
    return build_dossier(tmp_path)


def test_create_groups_algorithm(tmp_path, atelier_provider):
    import processing

    from poix_atelier_plugin.domain import schema
    from poix_atelier_plugin.store import workspace

    gpkg = tmp_path / "atelier_59464.gpkg"
    result = processing.run(
        "atelier:create_groups", {"DOSSIER": str(gpkg), "GROUPS": "A;" + TRICKY}
    )
    assert result["DOSSIER"] == str(gpkg)
    assert set(result["TABLES"]) >= {t.name for t in schema.TABLES}
    assert [g.name for g in workspace.read_groups(gpkg)] == ["A", TRICKY]
    # again with the default names: groups are added, nothing is lost
    processing.run("atelier:create_groups", {"DOSSIER": str(gpkg)})
    names = [g.name for g in workspace.read_groups(gpkg)]
    assert names == ["A", TRICKY, "Groupe 1", "Groupe 2", "Groupe 3"]
    colours = [g.colour for g in workspace.read_groups(gpkg)]
    assert len(set(colours)) == 5


def test_create_groups_refuses_bad_names(tmp_path, atelier_provider):
    import processing
    from qgis.core import QgsProcessingException

    gpkg = tmp_path / "d.gpkg"
    with pytest.raises(QgsProcessingException, match="Deux groupes s'appellent « a »"):
        processing.run("atelier:create_groups", {"DOSSIER": str(gpkg), "GROUPS": "A;a"})
    with pytest.raises(QgsProcessingException, match="GeoPackage"):
        processing.run("atelier:create_groups", {"DOSSIER": str(tmp_path / "d.shp"), "GROUPS": "A"})
    assert not gpkg.exists()


def test_group_layers_in_the_project(dossier, qgis_new_project):
    from qgis.core import QgsProject, QgsRuleBasedLabeling

    from poix_atelier_plugin.services.dossier import project_layers
    from poix_atelier_plugin.store import workspace

    project = QgsProject.instance()
    nodes = project_layers.add_workspace_layers(project, dossier)
    assert list(nodes) == ["Groupe 1", "Groupe 2", TRICKY]
    node = project_layers.group_node(project, TRICKY)
    assert node.name() == TRICKY
    stops = project_layers.find_layer(project, "arrets", TRICKY)
    assert stops.subsetString() == "\"groupe\" = 'L''équipe \"B\"'"
    assert stops.customProperty(workspace.PROP_TABLE) == "arrets"
    assert isinstance(stops.labeling(), QgsRuleBasedLabeling)
    rule = stops.labeling().rootRule().children()[0]
    assert rule.settings().format().color().name() == workspace.read_groups(dossier)[2].colour
    assert rule.settings().format().buffer().enabled()
    hyp = project_layers.find_layer(project, "hypotheses", TRICKY, "Polygon")
    assert "geometrytype=Polygon" in hyp.source() and hyp.geometryType() == 2
    # each group: 7 drawing layers + 6 diagnostic/issues layers
    assert len(project_layers.group_layers(project, "Groupe 1")) == 13
    # adding again refreshes, it does not duplicate
    project_layers.add_workspace_layers(project, dossier)
    assert len(project_layers.group_layers(project, "Groupe 1")) == 13
    assert len(project.layerTreeRoot().children()) == 3
    # snapping goes to the roads and the group's route
    project.addMapLayer(roads_layer(dossier))
    assert project_layers.configure_snapping(project, "Groupe 1") == 2
    config = project.snappingConfig()
    assert config.enabled()
    assert config.individualLayerSettings(project_layers.road_layers(project)[0]).enabled()


def test_forms(dossier, qgis_new_project):
    from qgis.core import QgsFieldConstraints, QgsProject

    from poix_atelier_plugin.domain import vocab
    from poix_atelier_plugin.services.dossier import project_layers

    project = QgsProject.instance()
    project_layers.add_workspace_layers(project, dossier)
    stops = project_layers.find_layer(project, "arrets", TRICKY)
    fields = stops.fields()
    theme = stops.editorWidgetSetup(fields.indexOf("theme"))
    assert theme.type() == "ValueMap"
    from qgis.core import QgsValueMapFieldFormatter

    codes = [v for d in theme.config()["map"] for v in d.values()]
    # "(aucun)" first, for a theme not chosen yet, then the vocabulary in its order
    assert codes == [QgsValueMapFieldFormatter.NULL_VALUE, *vocab.THEMES]
    nom = fields.indexOf("nom")
    assert "trim" in stops.constraintExpression(nom)
    assert stops.constraintDescription(nom)
    strength = (
        fields.at(nom).constraints().constraintStrength(QgsFieldConstraints.ConstraintExpression)
    )
    assert strength == QgsFieldConstraints.ConstraintStrengthHard
    assert (
        stops.defaultValueDefinition(fields.indexOf("groupe")).expression() == "'L''équipe \"B\"'"
    )
    assert stops.editFormConfig().readOnly(fields.indexOf("ordre"))
    sites = project_layers.find_layer(project, "sites_projet", "Groupe 1")
    assert sites.editorWidgetSetup(sites.fields().indexOf("origine")).type() == "ValueMap"
    assert (
        sites.defaultValueDefinition(sites.fields().indexOf("origine")).expression() == "'groupe'"
    )
    obs = project_layers.find_layer(project, "observations", "Groupe 1")
    photo = obs.editorWidgetSetup(obs.fields().indexOf("photo"))
    # relative paths: to the dossier folder when the photos module is there, else to the project
    import importlib.util

    has_photos = importlib.util.find_spec("poix_atelier_plugin.styles.photo_style") is not None
    assert photo.type() == "ExternalResource"
    assert photo.config()["RelativeStorage"] == (2 if has_photos else 1)
    assert obs.defaultValueDefinition(obs.fields().indexOf("date_prise")).expression() == "now()"
    stop_pick = obs.editorWidgetSetup(obs.fields().indexOf("arret_id"))
    assert stop_pick.type() == "ValueRelation"
    assert (
        stop_pick.config()["Layer"] == project_layers.find_layer(project, "arrets", "Groupe 1").id()
    )


def test_delete_group_removes_only_its_features(dossier):
    from qgis.core import QgsFeature, QgsGeometry

    from poix_atelier_plugin.services import groups
    from poix_atelier_plugin.store import workspace

    for name in ("Groupe 1", TRICKY):
        layer = workspace.open_layer(dossier, "arrets", name)
        feat = QgsFeature(layer.fields())
        feat.setGeometry(QgsGeometry.fromWkt("Point(744200 7010100)"))
        feat["groupe"] = name
        feat["nom"] = name
        layer.dataProvider().addFeatures([feat])
    counts = groups.delete_group(dossier, TRICKY)
    assert counts["arrets"] == 1 and counts["groupes"] == 1
    left = [f["groupe"] for f in workspace.open_layer(dossier, "arrets").getFeatures()]
    assert left == ["Groupe 1"]
    assert [g.name for g in workspace.read_groups(dossier)] == ["Groupe 1", "Groupe 2"]
    from poix_atelier_plugin.domain.errors import AtelierError

    with pytest.raises(AtelierError, match="no group"):
        groups.delete_group(dossier, TRICKY)


def test_self_intersecting_polygon_repaired_or_refused():
    from qgis.core import QgsGeometry, QgsWkbTypes

    from poix_atelier_plugin.domain.errors import AtelierError
    from poix_atelier_plugin.services.groups import clean_geometry

    poly = QgsWkbTypes.PolygonGeometry
    with pytest.raises(AtelierError, match="crosses itself"):
        clean_geometry(QgsGeometry.fromWkt("Polygon((0 0, 10 10, 10 0, 0 10, 0 0))"), poly)
    fixed, warnings = clean_geometry(
        QgsGeometry.fromWkt("Polygon((0 0, 100 0, 100 100, 0 100, 5 -5, 0 0))"), poly
    )
    assert fixed.isGeosValid() and fixed.area() > 9000 and warnings
    with pytest.raises(AtelierError, match="not aligned"):
        clean_geometry(QgsGeometry.fromWkt("Polygon((0 0, 1 1, 2 2, 0 0))"), poly)
    with pytest.raises(AtelierError, match="two different points"):
        clean_geometry(QgsGeometry.fromWkt("LineString(0 0, 0 0)"), QgsWkbTypes.LineGeometry)


def test_a_failing_diagnostic_style_falls_back_to_a_plain_one(monkeypatch, caplog, qgis_app):
    from qgis.core import QgsVectorLayer

    from poix_atelier_plugin.styles import layer_styles

    def broken(layer, geometry=None):  # an SVG folder that cannot be read, say
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(layer_styles, "style_diagnostic", broken)
    layer = QgsVectorLayer("Point?crs=EPSG:2154&field=theme:string", "Diagnostic", "memory")
    layer_styles.style_layer(layer, "diagnostic", "#1f78b4")
    assert layer.renderer() is not None
    (record,) = [r for r in caplog.records if r.exc_info]
    assert "Diagnostic" in record.getMessage() and "Input/output error" in record.getMessage()
