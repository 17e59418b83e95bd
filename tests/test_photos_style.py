# SPDX-License-Identifier: GPL-2.0-or-later
"""Observation form shows the photo thumbnail; the map arrow follows the azimuth."""

from __future__ import annotations

from pathlib import Path

from tests import helpers_photos as hp


def test_form_shows_thumbnail_from_dossier_folder(qgis_iface, tmp_path: Path):
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils
    from qgis.gui import QgsAttributeForm, QgsExternalResourceWidget, QgsGui
    from qgis.PyQt.QtWidgets import QLabel

    from poix_atelier_plugin.services.photos import photos
    from poix_atelier_plugin.store import workspace
    from poix_atelier_plugin.styles import photo_style

    QgsGui.editorWidgetRegistry().initEditors()
    gpkg = hp.make_dossier(tmp_path / "dossier")
    hp.make_photo_at(tmp_path / "cam" / "a.jpg", 743410.0, 7010270.0, azimut=45.0, size=(320, 240))
    photos.import_photos(gpkg, "Groupe 1", tmp_path / "cam")
    layer = workspace.open_layer(gpkg, "observations", "Groupe 1")
    photo_style.style_observations(layer)
    feat = next(layer.getFeatures())
    ctx = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    root = QgsExpression(photo_style.LAYER_FOLDER_EXPRESSION).evaluate(ctx)
    assert Path(root) == gpkg.parent
    form = QgsAttributeForm(layer, feat)
    form.show()
    widget = form.findChild(QgsExternalResourceWidget)
    assert widget is not None and widget.documentPath() == "DCIM/Groupe_1/a.jpg"
    assert Path(widget.defaultRoot()) == gpkg.parent
    shown = [
        lbl
        for lbl in widget.findChildren(QLabel)
        if lbl.isVisible() and lbl.pixmap() and lbl.pixmap().height() >= 100
    ]
    assert shown, "the photo thumbnail is not shown in the form"
    form.close()


def test_arrow_rotated_by_azimuth(qgis_app, tmp_path: Path):
    from qgis.core import QgsRenderContext, QgsSymbolLayer

    from poix_atelier_plugin.store import workspace
    from poix_atelier_plugin.styles import photo_style

    gpkg = hp.make_dossier(tmp_path / "dossier")
    layer = workspace.open_layer(gpkg, "observations", "Groupe 1")
    photo_style.style_observations(layer)
    rules = layer.renderer().rootRule().children()
    arrow = rules[0].symbol().symbolLayer(1)
    prop = arrow.dataDefinedProperties().property(QgsSymbolLayer.PropertyAngle)
    assert prop.isActive() and prop.expressionString() == '"azimut" - 90'
    # evaluated: a photo taken facing east (90°) gets an unrotated, east-pointing head
    from qgis.core import QgsExpressionContext, QgsFeature

    feat = QgsFeature(layer.fields())
    feat["azimut"] = 90.0
    ctx = QgsExpressionContext()
    ctx.setFeature(feat)
    ctx.setFields(layer.fields())
    prop.prepare(ctx)
    assert prop.valueAsDouble(ctx, -1)[0] == 0.0
    assert arrow.angle() == -90.0  # legend: pointing north
    assert rules[0].filterExpression() == '"azimut" IS NOT NULL' and rules[1].isElse()
    assert layer.renderer().usedAttributes(QgsRenderContext()) >= {"azimut"}


def test_arrow_points_where_the_camera_looked(qgis_app):
    """Render one photo per bearing: the drawn mass lies in front of the point, at the bearing."""
    import math

    from qgis.core import (
        QgsFeature,
        QgsGeometry,
        QgsMapRendererSequentialJob,
        QgsMapSettings,
        QgsRectangle,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    from poix_atelier_plugin.styles import photo_style

    for azimut in (0.0, 35.0, 90.0, 160.0, 290.0):
        layer = QgsVectorLayer("Point?crs=EPSG:2154&field=azimut:double", "t", "memory")
        feat = QgsFeature(layer.fields())
        feat["azimut"] = azimut
        feat.setGeometry(QgsGeometry.fromWkt("Point(0 0)"))
        layer.dataProvider().addFeatures([feat])
        photo_style.apply_photo_renderer(layer, "#ff0000")
        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setOutputSize(QSize(101, 101))
        settings.setExtent(QgsRectangle(-10, -10, 10, 10))
        settings.setDestinationCrs(layer.crs())
        settings.setBackgroundColor(QColor("white"))
        job = QgsMapRendererSequentialJob(settings)
        job.start()
        job.waitForFinished()
        image = job.renderedImage()
        red = [
            (x - 50, y - 50)
            for x in range(101)
            for y in range(101)
            if QColor(image.pixel(x, y)).red() > 200 and QColor(image.pixel(x, y)).green() < 80
        ]
        assert red, "nothing drawn"
        cx = sum(p[0] for p in red) / len(red)
        cy = sum(p[1] for p in red) / len(red)
        bearing = math.degrees(math.atan2(cx, -cy)) % 360
        assert min(abs(bearing - azimut), 360 - abs(bearing - azimut)) < 8, (azimut, bearing)


def test_server_dossier_photos_resolve_against_the_project_folder(qgis_app, tmp_path, monkeypatch):
    """A relative photo of a PostGIS dossier is looked for next to the project, never in
    QGIS's working directory (where a decoy with the same name waits)."""
    from qgis.core import (
        QgsExpression,
        QgsExpressionContext,
        QgsExpressionContextUtils,
        QgsFeature,
        QgsField,
        QgsProject,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QVariant

    from poix_atelier_plugin.boards.data import read_photos
    from poix_atelier_plugin.boards.source import Dossier
    from poix_atelier_plugin.styles import photo_style

    rel = "DCIM/Groupe_1/IMG_0001.jpg"
    decoy = tmp_path / "qgis_started_here"
    (decoy / "DCIM" / "Groupe_1").mkdir(parents=True)
    (decoy / rel).write_bytes(b"not this one")
    monkeypatch.chdir(decoy)
    project_dir = tmp_path / "atelier"
    (project_dir / "DCIM" / "Groupe_1").mkdir(parents=True)
    (project_dir / rel).write_bytes(b"this one")
    obs = QgsVectorLayer("Point?crs=EPSG:2154", "observations", "memory")
    obs.dataProvider().addAttributes(
        [QgsField(n, QVariant.String) for n in ("photo", "texte", "arret_id")]
    )
    obs.updateFields()
    feat = QgsFeature(obs.fields())
    feat.setAttributes([rel, "", None])
    obs.dataProvider().addFeatures([feat])
    project = QgsProject.instance()
    dossier = Dossier(path="pg:Atelier/atelier_poix", commune="Poix-du-Nord")
    try:
        project.clear()  # unsaved: no folder, the photo is not found (not the decoy)
        [photo] = read_photos(obs, dossier)
        assert not photo.exists
        assert project.write(str(project_dir / "atelier.qgz"))
        [photo] = read_photos(obs, dossier)
        assert photo.exists and photo.absolute.read_bytes() == b"this one"
        # the form's photo widget: the same root for a server layer
        pg = QgsVectorLayer(
            'dbname=\'atelier\' host=localhost table="s"."o" (geom)', "o", "postgres"
        )
        context = QgsExpressionContext()
        context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(pg))
        root = QgsExpression(photo_style.LAYER_FOLDER_EXPRESSION).evaluate(context)
        assert root == str(project_dir)
        gpkg = QgsVectorLayer(f"{tmp_path}/elsewhere/d.gpkg|layername=observations", "g", "ogr")
        context = QgsExpressionContext()
        context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(gpkg))
        assert QgsExpression(photo_style.LAYER_FOLDER_EXPRESSION).evaluate(context) == str(
            tmp_path / "elsewhere"
        )
    finally:
        project.clear()
