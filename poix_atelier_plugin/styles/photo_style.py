# SPDX-License-Identifier: GPL-2.0-or-later
"""How observations look: photo thumbnail in forms, direction arrow on the map.

The ``photo`` field gets QGIS's ExternalResource widget with its image
viewer (the thumbnail in the attribute form, as in QField). Paths are
relative to the dossier folder, i.e. the GeoPackage's folder: in a dossier
project the widget's root is the layer's own folder (data-defined, so it
follows the data wherever the project sits); in a field package the project
sits next to its GeoPackage and the QField convention (relative to the
project) is used.

On the map, a photo with a known ``azimut`` is an arrow pointing where the
camera looked; the others are a plain dot.
"""

from __future__ import annotations

from qgis.core import (
    QgsEditorWidgetSetup,
    QgsMarkerSymbol,
    QgsProject,
    QgsProperty,
    QgsRuleBasedRenderer,
    QgsSimpleMarkerSymbolLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QPointF
from qgis.PyQt.QtGui import QColor

from .. import compat
from ..infra.i18n import tr
from ..store.workspace import PROP_TABLE

#: ExternalResource storage modes (QgsFileWidget::RelativeStorage).
RELATIVE_PROJECT = 1
RELATIVE_DEFAULT_PATH = 2
#: Folder of the layer's data source (GeoPackage), for the widget's root path; a
#: server layer has no folder: its photos are relative to the project's folder
#: (an empty root would mean QGIS's working directory).
LAYER_FOLDER_EXPRESSION = (
    "if(left(layer_property(@layer, 'source'), 7) = 'dbname=' "
    "OR left(layer_property(@layer, 'source'), 8) = 'service=', @project_folder, "
    "regexp_replace(layer_property(@layer, 'source'), '[/\\\\\\\\][^/\\\\\\\\|]*(\\\\|.*)?$', ''))"
)
THUMBNAIL_HEIGHT = 220
#: Marker angle of the direction arrow (an arrowhead points east at 0°).
AZIMUT_ANGLE = '"azimut" - 90'
PHOTO_STYLE_PROP = "atelier/photo_style"


def photo_widget_config(relative_to_project: bool = False) -> dict:
    config = {
        "DocumentViewer": 1,  # image
        "DocumentViewerHeight": THUMBNAIL_HEIGHT,
        "DocumentViewerWidth": 0,
        "FileWidget": True,
        "FileWidgetButton": True,
        "FileWidgetFilter": tr("Images (*.jpg *.jpeg *.png *.tif *.tiff *.heic)"),
        "StorageMode": 0,  # files
        "UseLink": True,
        "FullUrl": True,
    }
    if relative_to_project:
        config["RelativeStorage"] = RELATIVE_PROJECT
    else:
        config["RelativeStorage"] = RELATIVE_DEFAULT_PATH
        config["DefaultRoot"] = ""
        config["PropertyCollection"] = {
            "name": "0",
            "properties": {
                "propertyRootPath": {
                    "active": True,
                    "expression": LAYER_FOLDER_EXPRESSION,
                    "type": 3,
                }
            },
            "type": "collection",
        }
    return config


def apply_photo_form(layer: QgsVectorLayer, relative_to_project: bool = False) -> None:
    """ExternalResource + image viewer on ``photo``; friendly aliases."""
    idx = layer.fields().indexOf("photo")
    if idx < 0:
        return
    layer.setEditorWidgetSetup(
        idx, QgsEditorWidgetSetup("ExternalResource", photo_widget_config(relative_to_project))
    )
    for name, alias in (
        ("photo", tr("Photo")),
        ("date_prise", tr("Date taken")),
        ("azimut", tr("Direction (° from north)")),
        ("arret_id", tr("Stop")),
        ("texte", tr("Note")),
    ):
        i = layer.fields().indexOf(name)
        if i >= 0 and not layer.attributeAlias(i):
            layer.setFieldAlias(i, alias)
    layer.setDisplayExpression('coalesce("texte", "photo")')


def photo_symbol(colour: QColor | str | None = None) -> QgsMarkerSymbol:
    """A dot where the photo was taken and an arrowhead ahead of it, turned by ``azimut``.

    The arrowhead (tip at its anchor, pointing east at 0°) is turned a quarter
    back so it points north, then by the camera's bearing, clockwise as the
    marker rotation and the compass; its offset turns with it, so it always
    sits in front of the dot, where the camera looked.
    """
    colour = QColor(colour or "#d55e00")
    symbol = QgsMarkerSymbol.createSimple(
        {
            "name": "circle",
            "size": "3",
            "color": colour.name(),
            "outline_color": "#ffffff",
            "outline_width": "0.3",
        }
    )
    head = QgsSimpleMarkerSymbolLayer(compat.MARKER_ARROW_HEAD_FILLED, 5.0)
    head.setColor(colour)
    head.setStrokeColor(QColor("#ffffff"))
    head.setStrokeWidth(0.3)
    head.setOffset(QPointF(5.5, 0.0))
    head.setAngle(-90.0)
    head.setDataDefinedProperty(
        compat.SYMBOL_PROPERTY_ANGLE, QgsProperty.fromExpression(AZIMUT_ANGLE)
    )
    symbol.appendSymbolLayer(head)
    return symbol


def point_symbol(colour: QColor | str | None = None) -> QgsMarkerSymbol:
    colour = QColor(colour or "#d55e00")
    return QgsMarkerSymbol.createSimple(
        {"name": "circle", "size": "3", "color": colour.name(), "outline_color": "#ffffff"}
    )


def apply_photo_renderer(layer: QgsVectorLayer, colour: QColor | str | None = None) -> None:
    root = QgsRuleBasedRenderer.Rule(None)
    arrow = QgsRuleBasedRenderer.Rule(
        photo_symbol(colour), filterExp='"azimut" IS NOT NULL', label=tr("Photo with direction")
    )
    dot = QgsRuleBasedRenderer.Rule(point_symbol(colour), label=tr("Photo or note"))
    dot.setIsElse(True)
    root.appendChild(arrow)
    root.appendChild(dot)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.setMapTipTemplate(
        '[% "texte" %]<br><img src="file:///[% '
        + LAYER_FOLDER_EXPRESSION
        + ' %]/[% "photo" %]" width="240">'
    )


def style_observations(
    layer: QgsVectorLayer, colour: QColor | str | None = None, relative_to_project: bool = False
) -> None:
    apply_photo_form(layer, relative_to_project)
    apply_photo_renderer(layer, colour)
    layer.setCustomProperty(PHOTO_STYLE_PROP, True)
    layer.triggerRepaint()


def current_colour(layer: QgsVectorLayer) -> QColor | None:
    """The colour of a single-symbol style (the group colour set by the groups step)."""
    renderer = layer.renderer()
    symbol = getattr(renderer, "symbol", lambda: None)() if renderer is not None else None
    return symbol.color() if symbol is not None else None


def style_project_observations(
    project: QgsProject | None = None, force: bool = False, keep_colour: bool = True
) -> int:
    """Style every ``observations`` layer of the project not styled yet; returns how many."""
    project = project or QgsProject.instance()
    count = 0
    for layer in project.mapLayers().values():
        if layer.type() != compat.LAYER_VECTOR:
            continue
        if layer.customProperty(PROP_TABLE) != "observations":
            continue
        if layer.customProperty(PHOTO_STYLE_PROP) and not force:
            continue
        style_observations(layer, current_colour(layer) if keep_colour else None)
        count += 1
    return count
