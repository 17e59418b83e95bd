# SPDX-License-Identifier: GPL-2.0-or-later
"""Observation form shows the photo thumbnail; the map arrow follows the azimuth."""

from __future__ import annotations

from pathlib import Path

from tests import helpers_photos as hp


def test_form_shows_thumbnail_from_dossier_folder(qgis_iface, tmp_path: Path):
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils
    from qgis.gui import QgsAttributeForm, QgsExternalResourceWidget, QgsGui
    from qgis.PyQt.QtWidgets import QLabel

    from poix_atelier_plugin.core import photo_style, photos, workspace

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
        lbl for lbl in widget.findChildren(QLabel) if lbl.pixmap() and not lbl.pixmap().isNull()
    ]
    assert shown, "the photo thumbnail is not shown in the form"
    form.close()


def test_arrow_rotated_by_azimuth(qgis_app, tmp_path: Path):
    from qgis.core import QgsRenderContext, QgsSymbolLayer

    from poix_atelier_plugin.core import photo_style, workspace

    gpkg = hp.make_dossier(tmp_path / "dossier")
    layer = workspace.open_layer(gpkg, "observations", "Groupe 1")
    photo_style.style_observations(layer)
    rules = layer.renderer().rootRule().children()
    arrow = rules[0].symbol().symbolLayer(0)
    prop = arrow.dataDefinedProperties().property(QgsSymbolLayer.PropertyAngle)
    assert prop.isActive() and prop.field() == "azimut"
    assert rules[0].filterExpression() == '"azimut" IS NOT NULL' and rules[1].isElse()
    assert layer.renderer().usedAttributes(QgsRenderContext()) >= {"azimut"}
