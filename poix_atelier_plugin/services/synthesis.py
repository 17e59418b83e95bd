# SPDX-License-Identifier: GPL-2.0-or-later
"""Cross-group convergence of candidate sites as a QGIS layer."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsVectorLayer,
)
from shapely import wkb

from .. import compat
from ..domain import schema
from ..domain.synthesis import Piece, convergence
from ..store.tables import open_table, read_groups

PROP_SYNTHESIS = "atelier/synthesis"


def output_fields() -> QgsFields:
    fields = QgsFields()
    fields.append(compat.make_field("n_groupes", compat.FIELD_INT))
    fields.append(compat.make_field("groupes", compat.FIELD_STRING))
    fields.append(compat.make_field("surface_ha", compat.FIELD_DOUBLE))
    return fields


def read_sites(dossier: str, feedback=None) -> list[tuple[str, object]]:
    layer = open_table(dossier, "sites_projet")
    sites = []
    for feat in layer.getFeatures():
        if feedback is not None and feedback.isCanceled():
            break
        geom = feat.geometry()
        if geom is None or geom.isEmpty() or not feat["groupe"]:
            continue
        sites.append((str(feat["groupe"]), wkb.loads(bytes(geom.asWkb()))))
    return sites


def compute(dossier: str, feedback=None) -> list[Piece]:
    order = [g.name for g in read_groups(dossier)]
    return convergence(read_sites(dossier, feedback), order=order)


def to_feature(piece: Piece, fields: QgsFields) -> QgsFeature:
    feat = QgsFeature(fields)
    geom = QgsGeometry()
    geom.fromWkb(piece.geometry.wkb)
    geom.convertToMultiType()
    feat.setGeometry(geom)
    feat["n_groupes"] = piece.n_groups
    feat["groupes"] = piece.label
    feat["surface_ha"] = round(piece.geometry.area / 10000.0, 3)
    return feat


def pieces_layer(pieces: list[Piece], name: str) -> QgsVectorLayer:
    """A memory layer of the pieces (for the synthesis board)."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={schema.CRS_AUTHID}", name, "memory")
    layer.dataProvider().addAttributes(output_fields().toList())
    layer.updateFields()
    layer.dataProvider().addFeatures([to_feature(p, layer.fields()) for p in pieces])
    layer.updateExtents()
    layer.setCustomProperty(PROP_SYNTHESIS, True)
    return layer


WKB_TYPE = compat.WKB_MULTIPOLYGON
