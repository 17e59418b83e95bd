# SPDX-License-Identifier: GPL-2.0-or-later
"""Reading the inputs of a dossier: the commune, its neighbours, clipped sources.

Everything is read through a spatial filter in the layer's own CRS (so the
provider's spatial index does the work) and written in Lambert-93.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsFields,
    QgsGeometry,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ... import compat
from ...domain import schema
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...domain.insee import insee_code

#: Usual names of the INSEE code field, in order of preference (compared lower-case).
CODE_FIELD_CANDIDATES: tuple[str, ...] = (
    "code_insee",
    "insee_com",
    "insee",
    "code",
    "codgeo",
    "code_commune",
    "inseecom",
    "depcom",
    "com",
)

#: Usual names of the commune name field, in order of preference (compared lower-case).
NAME_FIELD_CANDIDATES: tuple[str, ...] = (
    "nom",
    "nom_com",
    "nom_commune",
    "libelle",
    "libgeo",
    "nom_m",
    "name",
)

#: Tables the dossier writes itself, and tables of the group workspace: never source names.
RESERVED_TABLES: frozenset[str] = frozenset(
    {"commune", "communes_voisines", "perimetre_etude", "layer_styles", "groupes"}
    | {t.name for t in schema.TABLES}
)

TARGET_CRS = QgsCoordinateReferenceSystem(schema.CRS_AUTHID)


@dataclass
class ClipStats:
    """What happened to one source; reported to the user."""

    table: str
    name: str
    read: int = 0
    written: int = 0
    repaired: int = 0
    dropped: int = 0
    warnings: list[str] = field(default_factory=list)


def detect_code_field(layer: QgsVectorLayer, wanted: str | None = None) -> str:
    """The INSEE field: ``wanted`` if given (any case), else a usual name."""
    names = {f.name().lower(): f.name() for f in layer.fields()}
    if wanted:
        if wanted.lower() in names:
            return names[wanted.lower()]
        raise AtelierError(
            QT_TR_NOOP("The field {field} does not exist in the layer {layer}."),
            field=wanted,
            layer=layer.name(),
        )
    for candidate in CODE_FIELD_CANDIDATES:
        if candidate in names:
            return names[candidate]
    raise AtelierError(
        QT_TR_NOOP(
            "The layer {layer} has no INSEE code field (looked for: {candidates}). "
            "Choose the field holding the INSEE code."
        ),
        layer=layer.name(),
        candidates=", ".join(CODE_FIELD_CANDIDATES),
    )


def detect_name_field(layer: QgsVectorLayer) -> str | None:
    """The commune name field among the usual names (any case), None if there is none."""
    names = {f.name().lower(): f.name() for f in layer.fields()}
    return next((names[c] for c in NAME_FIELD_CANDIDATES if c in names), None)


def _code_request(layer: QgsVectorLayer, code_field: str, code: str) -> QgsFeatureRequest:
    """Features whose code is ``code``; a text field is compared as such (the provider can).

    The code is checked first and both the field name (any name a layer may
    have, spaces and quotes included) and the value are quoted by QGIS.
    """
    value = QgsExpression.quotedValue(insee_code(code))
    column = QgsExpression.quotedColumnRef(code_field)
    field = layer.fields().field(code_field)
    if field.type() == compat.FIELD_STRING:
        expression = f"{column} = {value}"
    else:  # a code stored as a number still reads as its digits
        expression = f"to_string({column}) = {value}"
    return QgsFeatureRequest().setFilterExpression(expression)


def commune_label(layer: QgsVectorLayer, code_field: str, code: str) -> str | None:
    """ "Name (code)" of the commune with ``code``, the code alone without a name field;
    None when no commune has it. Reads attributes only, one feature at most."""
    code = insee_code(code)
    name_field = detect_name_field(layer)
    request = _code_request(layer, code_field, code)
    request.setFlags(compat.REQUEST_NO_GEOMETRY)
    request.setSubsetOfAttributes([f for f in (code_field, name_field) if f], layer.fields())
    request.setLimit(1)
    for feature in layer.getFeatures(request):
        name = feature[name_field] if name_field else None
        if name_field and not compat.is_null(name) and str(name).strip():
            return f"{str(name).strip()} ({code})"
        return code
    return None


def check_communes_layer(layer: QgsVectorLayer | None) -> None:
    if layer is None or not layer.isValid():
        raise AtelierError(QT_TR_NOOP("The communes layer cannot be read."))
    if layer.geometryType() != compat.GEOMETRY_POLYGON:
        raise AtelierError(
            QT_TR_NOOP("The communes layer {layer} must hold polygons (it holds {kind})."),
            layer=layer.name(),
            kind=QgsWkbTypes.geometryDisplayString(layer.geometryType()),
        )


def _to_target(
    layer_crs: QgsCoordinateReferenceSystem, context: QgsCoordinateTransformContext | None = None
) -> QgsCoordinateTransform:
    # the caller's context (a Processing context's copy): this runs in worker threads,
    # where the project instance must not be read
    context = context if context is not None else QgsCoordinateTransformContext()
    return QgsCoordinateTransform(layer_crs, TARGET_CRS, context)


def _repair(geometry: QgsGeometry) -> tuple[QgsGeometry, bool]:
    """A valid geometry, and whether it had to be repaired."""
    if geometry.isGeosValid():
        return geometry, False
    fixed = geometry.makeValid()
    return fixed, True


def find_commune(
    layer: QgsVectorLayer,
    code_field: str,
    code: str,
    transform_context: QgsCoordinateTransformContext | None = None,
) -> tuple[QgsFeature, QgsGeometry]:
    """The commune feature and its geometry in Lambert-93."""
    code = insee_code(code)
    idx = layer.fields().indexOf(code_field)
    request = _code_request(layer, code_field, code)
    request.setSubsetOfAttributes([idx])
    found = [f for f in layer.getFeatures(request) if f.hasGeometry()]
    if not found:
        raise AtelierError(
            QT_TR_NOOP(
                "No commune has the INSEE code {code} in the layer {layer} (field {field})."
            ),
            code=code,
            layer=layer.name(),
            field=code_field,
        )
    feature = layer.getFeature(found[0].id())
    geometry = QgsGeometry(feature.geometry())
    geometry.transform(_to_target(layer.crs(), transform_context))
    geometry, _ = _repair(geometry)
    return feature, geometry


def neighbours(
    layer: QgsVectorLayer,
    commune: QgsFeature,
    commune_2154: QgsGeometry,
    tolerance: float = 5.0,
    transform_context: QgsCoordinateTransformContext | None = None,
) -> list[QgsFeature]:
    """Communes touching the commune (within ``tolerance`` m: simplified outlines leave gaps)."""
    xform = _to_target(layer.crs(), transform_context)
    probe = commune_2154.buffer(tolerance, 4)
    rect = xform.transformBoundingBox(probe.boundingBox(), Qgis.TransformDirection.Reverse)
    engine = QgsGeometry.createGeometryEngine(probe.constGet())
    engine.prepareGeometry()
    out = []
    for feature in layer.getFeatures(QgsFeatureRequest().setFilterRect(rect)):
        if feature.id() == commune.id() or not feature.hasGeometry():
            continue
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(xform)
        geometry, _ = _repair(geometry)
        # A real neighbour shares an edge, not only a corner scrap of the tolerance band.
        if engine.intersects(geometry.constGet()):
            shared = geometry.intersection(probe)
            if shared.area() > tolerance * tolerance:
                feature.setGeometry(geometry)
                out.append(feature)
    return out


def source_title(layer: QgsVectorLayer) -> str:
    """The layer's name, or its table when Processing named it after its file."""
    name = layer.name()
    path, *options = layer.source().split("|")
    for option in options:
        if option.startswith("layername=") and name == Path(path).stem:
            return option.split("=", 1)[1]
    return name


def table_name(name: str, taken: set[str]) -> str:
    """A safe, unique GeoPackage table name (ascii, lower case) for a display name."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_") or "couche"
    if base[0].isdigit():
        base = f"c_{base}"
    if base in RESERVED_TABLES:
        base = f"{base}_source"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}_{n}", n + 1
    taken.add(candidate)
    return candidate


def write_features(
    path: str,
    table: str,
    fields: QgsFields,
    wkb_type: int,
    features: list[QgsFeature] | Callable,
    overwrite_file: bool,
) -> int:
    """Write features into a GeoPackage table in EPSG:2154; returns the count written."""
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (
        QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteFile
        if overwrite_file or not os.path.exists(path)
        else QgsVectorFileWriter.ActionOnExistingFile.CreateOrOverwriteLayer
    )
    # the data is already in TARGET_CRS: no transform, so no project context to read
    writer = QgsVectorFileWriter.create(
        path, fields, wkb_type, TARGET_CRS, QgsCoordinateTransformContext(), options
    )
    if writer.hasError() != QgsVectorFileWriter.WriterError.NoError:
        message = writer.errorMessage()
        del writer
        raise AtelierError(
            QT_TR_NOOP("Cannot write the table {table} in {path}: {reason}"),
            table=table,
            path=path,
            reason=message,
        )
    count = 0
    iterable = features() if callable(features) else features
    for feature in iterable:
        if not writer.addFeature(feature):
            message = writer.errorMessage()
            del writer
            raise AtelierError(
                QT_TR_NOOP("Cannot write the table {table} in {path}: {reason}"),
                table=table,
                path=path,
                reason=message,
            )
        count += 1
    del writer  # flushes and closes the file
    return count


def _output_type(layer: QgsVectorLayer) -> int:
    wkb = QgsWkbTypes.flatType(layer.wkbType())
    if QgsWkbTypes.geometryType(wkb) == compat.GEOMETRY_POINT:
        return wkb
    return QgsWkbTypes.multiType(wkb)


def _fit(geometry: QgsGeometry, geometry_type: int, out_type: int) -> QgsGeometry | None:
    """Keep only the part of the source's dimension, in the output type."""
    if geometry.isNull() or geometry.isEmpty():
        return None
    if QgsWkbTypes.flatType(geometry.wkbType()) == compat.WKB_GEOMETRY_COLLECTION:
        geometry = geometry.convertToType(geometry_type, QgsWkbTypes.isMultiType(out_type))
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return None
    if geometry.type() != geometry_type:
        return None
    if QgsWkbTypes.isMultiType(out_type) and not geometry.isMultipart():
        geometry.convertToMultiType()
    elif not QgsWkbTypes.isMultiType(out_type) and geometry.isMultipart():
        parts = geometry.asGeometryCollection()
        if len(parts) != 1:
            return None
        geometry = parts[0]
    return geometry


def clip_source(
    layer: QgsVectorLayer,
    perimeter: QgsGeometry,
    gpkg: str,
    table: str,
    cancelled: Callable[[], bool],
    progress: Callable[[float], None] | None = None,
    transform_context: QgsCoordinateTransformContext | None = None,
) -> ClipStats:
    """Clip ``layer`` to ``perimeter`` (EPSG:2154), write ``table``; reads only the perimeter's bbox."""
    stats = ClipStats(table=table, name=source_title(layer))
    xform = _to_target(layer.crs(), transform_context)
    rect = xform.transformBoundingBox(perimeter.boundingBox(), Qgis.TransformDirection.Reverse)
    rect.grow(rect.width() * 1e-6 + 1e-9)
    geometry_type = layer.geometryType()
    out_type = _output_type(layer)
    engine = QgsGeometry.createGeometryEngine(perimeter.constGet())
    engine.prepareGeometry()
    total = max(1, layer.featureCount()) if progress else 1

    def generate():
        request = QgsFeatureRequest().setFilterRect(rect)
        for n, feature in enumerate(layer.getFeatures(request)):
            if cancelled():
                raise AtelierError(QT_TR_NOOP("Cancelled."))
            if progress and n % 500 == 0:
                progress(min(1.0, n / total))
            if not feature.hasGeometry():
                continue
            stats.read += 1
            geometry = QgsGeometry(feature.geometry())
            geometry.transform(xform)
            geometry, repaired = _repair(geometry)
            if not engine.intersects(geometry.constGet()):
                continue
            if not engine.contains(geometry.constGet()):
                geometry = geometry.intersection(perimeter)
            fitted = _fit(geometry, geometry_type, out_type)
            if fitted is None:
                if repaired:
                    stats.dropped += 1
                continue
            stats.repaired += int(repaired)
            out = QgsFeature(layer.fields())
            out.setAttributes(feature.attributes())
            out.setGeometry(fitted)
            yield out

    fields = QgsFields()
    for f in layer.fields():
        if f.name().lower() == "fid":
            continue
        fields.append(f)
    fid_index = layer.fields().lookupField("fid")

    def without_fid():
        for feature in generate():
            if fid_index >= 0:
                attrs = feature.attributes()
                del attrs[fid_index]
                stripped = QgsFeature(fields)
                stripped.setAttributes(attrs)
                stripped.setGeometry(feature.geometry())
                yield stripped
            else:
                yield feature

    stats.written = write_features(gpkg, table, fields, out_type, without_fid, False)
    return stats
