# SPDX-License-Identifier: GPL-2.0-or-later
"""What QGIS 3.22 to 4.x and Qt 5 / Qt 6 cannot spell one way.

Everything else in the package writes scoped enums (`Qt.ItemDataRole.UserRole`),
which PyQt5 5.15 and PyQt6 both accept. This module holds the rest:

- field types: `QMetaType.Type` from QGIS 3.38 on (the `QVariant.Type`
  constructor of QgsField is deprecated there, and PyQt6 has no
  `QVariant.Type` at all), `QVariant.Type` before;
- QGIS enums moved into `Qgis` after 3.22 (`Qgis.GeometryType.Point` was
  `QgsWkbTypes.PointGeometry`): QGIS 3.30-3.44 keep the old names only by
  monkey patching, QGIS 4 drops them;
- `QAction`, which Qt 6 moved from QtWidgets to QtGui;
- the few methods 3.44 deprecates (`saveStyleToDatabase`).

Nothing else in the package imports `QVariant`.
"""

from __future__ import annotations

from typing import Any

from qgis import core as _core
from qgis.core import Qgis, QgsField, QgsMapLayer
from qgis.PyQt import QtCore

QGIS_VERSION_INT = Qgis.versionInt()


def _resolve(path: str) -> Any:
    obj: Any = _core
    for part in path.split("."):
        obj = getattr(obj, part)
    return obj


def _pick(new: str, old: str) -> Any:
    """`new` (a path under qgis.core) where this QGIS has it, else `old`."""
    try:
        return _resolve(new)
    except AttributeError:
        return _resolve(old)


# --- forms -------------------------------------------------------------------

#: A form laid out field by field (QGIS's drag-and-drop designer).
FORM_LAYOUT_DRAG_AND_DROP = _pick(
    "Qgis.AttributeFormLayout.DragAndDrop", "QgsEditFormConfig.EditorLayout.TabLayout"
)


# --- field types -----------------------------------------------------------

if QGIS_VERSION_INT >= 33800:
    _MT = QtCore.QMetaType.Type
    FIELD_STRING = _MT.QString
    FIELD_INT = _MT.Int
    FIELD_INT64 = _MT.LongLong
    FIELD_DOUBLE = _MT.Double
    FIELD_BOOL = _MT.Bool
    FIELD_DATE = _MT.QDate
    FIELD_DATETIME = _MT.QDateTime
    FIELD_TIME = _MT.QTime
    FIELD_BINARY = _MT.QByteArray
else:
    _VT = QtCore.QVariant.Type
    FIELD_STRING = _VT.String
    FIELD_INT = _VT.Int
    FIELD_INT64 = _VT.LongLong
    FIELD_DOUBLE = _VT.Double
    FIELD_BOOL = _VT.Bool
    FIELD_DATE = _VT.Date
    FIELD_DATETIME = _VT.DateTime
    FIELD_TIME = _VT.Time
    FIELD_BINARY = _VT.ByteArray

FIELD_TYPES = {
    "string": FIELD_STRING,
    "int": FIELD_INT,
    "int64": FIELD_INT64,
    "double": FIELD_DOUBLE,
    "bool": FIELD_BOOL,
    "date": FIELD_DATE,
    "datetime": FIELD_DATETIME,
    "time": FIELD_TIME,
    "binary": FIELD_BINARY,
}


def field_type(kind: str) -> Any:
    """The field type for `kind` (a key of FIELD_TYPES) on this QGIS."""
    return FIELD_TYPES[kind]


def make_field(
    name: str, kind: str | Any, length: int = 0, precision: int = 0, comment: str = ""
) -> QgsField:
    """A QgsField built with this QGIS's own type enum (no deprecation on 3.38+).

    `kind` is a FIELD_TYPES key or one of the FIELD_* values.
    """
    field_kind = FIELD_TYPES[kind] if isinstance(kind, str) else kind
    return QgsField(name, field_kind, "", length, precision, comment)


def field_type_of(field: QgsField) -> Any:
    """A field's type, comparable with the FIELD_* values on this QGIS.

    QGIS >= 3.38 returns a QMetaType.Type, older ones a QVariant.Type: the
    same enum as FIELD_* on each. (Never int() it: PyQt6 enums are not ints.)
    """
    return field.type()


def is_null(value: Any) -> bool:
    """None, or the NULL QVariant QGIS hands out for empty attributes."""
    qvariant = getattr(QtCore, "QVariant", None)
    return value is None or (
        qvariant is not None and isinstance(value, qvariant) and value.isNull()
    )


def variant_value(value: Any) -> Any:
    """The Python value inside a QVariant; anything else as it is."""
    qvariant = getattr(QtCore, "QVariant", None)
    if qvariant is not None and isinstance(value, qvariant):
        return value.value()
    return value


# --- geometry and WKB types -------------------------------------------------

GEOMETRY_POINT = _pick("Qgis.GeometryType.Point", "QgsWkbTypes.GeometryType.PointGeometry")
GEOMETRY_LINE = _pick("Qgis.GeometryType.Line", "QgsWkbTypes.GeometryType.LineGeometry")
GEOMETRY_POLYGON = _pick("Qgis.GeometryType.Polygon", "QgsWkbTypes.GeometryType.PolygonGeometry")
GEOMETRY_UNKNOWN = _pick("Qgis.GeometryType.Unknown", "QgsWkbTypes.GeometryType.UnknownGeometry")
GEOMETRY_NULL = _pick("Qgis.GeometryType.Null", "QgsWkbTypes.GeometryType.NullGeometry")

WKB_UNKNOWN = _pick("Qgis.WkbType.Unknown", "QgsWkbTypes.Type.Unknown")
WKB_NO_GEOMETRY = _pick("Qgis.WkbType.NoGeometry", "QgsWkbTypes.Type.NoGeometry")
WKB_POINT = _pick("Qgis.WkbType.Point", "QgsWkbTypes.Type.Point")
WKB_LINESTRING = _pick("Qgis.WkbType.LineString", "QgsWkbTypes.Type.LineString")
WKB_POLYGON = _pick("Qgis.WkbType.Polygon", "QgsWkbTypes.Type.Polygon")
WKB_MULTIPOLYGON = _pick("Qgis.WkbType.MultiPolygon", "QgsWkbTypes.Type.MultiPolygon")
WKB_GEOMETRY_COLLECTION = _pick(
    "Qgis.WkbType.GeometryCollection", "QgsWkbTypes.Type.GeometryCollection"
)

LAYER_VECTOR = _pick("Qgis.LayerType.Vector", "QgsMapLayerType.VectorLayer")

# --- units -----------------------------------------------------------------

RENDER_MILLIMETERS = _pick(
    "Qgis.RenderUnit.Millimeters", "QgsUnitTypes.RenderUnit.RenderMillimeters"
)
RENDER_POINTS = _pick("Qgis.RenderUnit.Points", "QgsUnitTypes.RenderUnit.RenderPoints")
LAYOUT_MILLIMETERS = _pick(
    "Qgis.LayoutUnit.Millimeters", "QgsUnitTypes.LayoutUnit.LayoutMillimeters"
)
DISTANCE_METERS = _pick("Qgis.DistanceUnit.Meters", "QgsUnitTypes.DistanceUnit.DistanceMeters")
DISTANCE_KILOMETERS = _pick(
    "Qgis.DistanceUnit.Kilometers", "QgsUnitTypes.DistanceUnit.DistanceKilometers"
)

# --- snapping, requests, symbols, labels, forms ----------------------------

SNAP_VERTEX = _pick("Qgis.SnappingType.Vertex", "QgsSnappingConfig.SnappingTypes.VertexFlag")
SNAP_SEGMENT = _pick("Qgis.SnappingType.Segment", "QgsSnappingConfig.SnappingTypes.SegmentFlag")
SNAP_MODE_ADVANCED = _pick(
    "Qgis.SnappingMode.AdvancedConfiguration",
    "QgsSnappingConfig.SnappingMode.AdvancedConfiguration",
)
TOLERANCE_PIXELS = _pick("Qgis.MapToolUnit.Pixels", "QgsTolerance.UnitType.Pixels")
PROJECT_DONT_RESOLVE_LAYERS = _pick(
    "Qgis.ProjectReadFlag.DontResolveLayers", "QgsProject.ReadFlag.FlagDontResolveLayers"
)
REQUEST_NO_GEOMETRY = _pick(
    "Qgis.FeatureRequestFlag.NoGeometry", "QgsFeatureRequest.Flag.NoGeometry"
)
SYMBOL_PROPERTY_ANGLE = _pick(
    "QgsSymbolLayer.Property.Angle", "QgsSymbolLayer.Property.PropertyAngle"
)
SYMBOL_PROPERTY_NAME = _pick("QgsSymbolLayer.Property.Name", "QgsSymbolLayer.Property.PropertyName")
MARKER_ARROW_HEAD_FILLED = _pick(
    "Qgis.MarkerShape.ArrowHeadFilled", "QgsSimpleMarkerSymbolLayerBase.Shape.ArrowHeadFilled"
)
LABEL_PLACEMENT_LINE = _pick("Qgis.LabelPlacement.Line", "QgsPalLayerSettings.Placement.Line")
LABEL_PLACEMENT_HORIZONTAL = _pick(
    "Qgis.LabelPlacement.Horizontal", "QgsPalLayerSettings.Placement.Horizontal"
)
SCALEBAR_FIT_WIDTH = _pick(
    "Qgis.ScaleBarSegmentSizeMode.FitWidth",
    "QgsScaleBarSettings.SegmentSizeMode.SegmentSizeFitWidth",
)
FORM_SUPPRESS_OFF = _pick(
    "Qgis.AttributeFormSuppression.Off", "QgsEditFormConfig.FeatureFormSuppress.SuppressOff"
)


def label_placement(name: str) -> Any:
    """A label placement by its QGIS 3.26+ name ("Line", "OverPoint", ...)."""
    if hasattr(Qgis, "LabelPlacement"):
        return getattr(Qgis.LabelPlacement, name)
    return getattr(_core.QgsPalLayerSettings.Placement, name)


LAYER_FILTER_POLYGON = _pick(
    "Qgis.LayerFilter.PolygonLayer", "QgsMapLayerProxyModel.Filter.PolygonLayer"
)

# --- Processing ------------------------------------------------------------

PARAMETER_FLAG_ADVANCED = _pick(
    "Qgis.ProcessingParameterFlag.Advanced", "QgsProcessingParameterDefinition.Flag.FlagAdvanced"
)
ALGORITHM_FLAG_NO_THREADING = _pick(
    "Qgis.ProcessingAlgorithmFlag.NoThreading", "QgsProcessingAlgorithm.Flag.FlagNoThreading"
)
NUMBER_INTEGER = _pick(
    "Qgis.ProcessingNumberParameterType.Integer", "QgsProcessingParameterNumber.Type.Integer"
)
NUMBER_DOUBLE = _pick(
    "Qgis.ProcessingNumberParameterType.Double", "QgsProcessingParameterNumber.Type.Double"
)
FILE_FOLDER = _pick(
    "Qgis.ProcessingFileParameterBehavior.Folder", "QgsProcessingParameterFile.Behavior.Folder"
)
SOURCE_VECTOR_ANY_GEOMETRY = _pick(
    "Qgis.ProcessingSourceType.VectorAnyGeometry", "QgsProcessing.SourceType.TypeVectorAnyGeometry"
)


# --- methods ---------------------------------------------------------------


def save_style_to_database(layer: QgsMapLayer, name: str, description: str) -> str:
    """Store the layer's style as its default in its data source.

    Returns the error message, empty when the style was saved. QGIS 3.44
    deprecates `saveStyleToDatabase` for `saveStyleToDatabaseV2`, which
    returns flags (the SLD part may fail alone: the QML is what QGIS reads).
    """
    if not hasattr(layer, "saveStyleToDatabaseV2"):
        return layer.saveStyleToDatabase(name, description, True, "") or ""
    results, message = layer.saveStyleToDatabaseV2(name, description, True, "")
    failed = _core.QgsMapLayer.SaveStyleResult
    if results & failed.QmlGenerationFailed or results & failed.DatabaseWriteFailed:
        return message or "style not saved"
    return ""


def __getattr__(name: str) -> Any:
    # QAction is only looked up when the GUI asks for it, so modules below the GUI that
    # import this one never pull in widget classes.
    if name == "QAction":
        from qgis.PyQt import QtGui

        if hasattr(QtGui, "QAction"):
            return QtGui.QAction
        from qgis.PyQt import QtWidgets

        return QtWidgets.QAction
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
