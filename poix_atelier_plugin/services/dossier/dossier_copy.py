# SPDX-License-Identifier: GPL-2.0-or-later
"""The dossier's GeoPackage filled in its temporary folder: the commune, its
neighbours and perimeter, each source clipped, reprojected and styled
(``dossier.build_data`` calls ``build_in``; nothing here touches the output folder).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorLayer,
)

from ... import compat
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...infra.i18n import error_text, tr
from ...styles.dossier_styles import PROP_THEME, classify
from . import dossier_sources as src
from .dossier_project import DossierLayer, context_title, source_rights

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]


@dataclass
class DossierResult:
    gpkg: str
    project: str
    insee: str
    commune_name: str
    area_km2: float
    neighbours: list[str]
    sources: list[src.ClipStats] = field(default_factory=list)
    offline_layers: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    kept_tables: list[str] = field(default_factory=list)
    backups: list[str] = field(default_factory=list)


def dossier_files(folder: str | Path, insee: str) -> tuple[Path, Path]:
    """The GeoPackage and project paths of a commune's dossier in ``folder``."""
    folder = Path(folder)
    return folder / f"atelier_{insee}.gpkg", folder / f"atelier_{insee}.qgz"


def _source_date(layer: QgsVectorLayer) -> str:
    path = layer.source().split("|")[0]
    try:
        stamp = os.path.getmtime(path)
    except OSError:
        return dt.date.today().isoformat()
    return dt.date.fromtimestamp(stamp).isoformat()


def _context_fields(layer: QgsVectorLayer) -> QgsFields:
    fields = QgsFields()
    for f in layer.fields():
        if f.name().lower() != "fid":
            fields.append(f)
    return fields


def _copy(feature: QgsFeature, fields: QgsFields) -> QgsFeature:
    out = QgsFeature(fields)
    for f in fields:
        out[f.name()] = feature[f.name()]
    out.setGeometry(feature.geometry())
    return out


def commune_name(feature: QgsFeature) -> str:
    for name in ("nom", "NOM", "nom_com", "NOM_COM", "libelle", "name"):
        if feature.fields().indexOf(name) >= 0 and feature[name]:
            return str(feature[name])
    return ""


def build_in(
    tmp: Path,
    communes: QgsVectorLayer,
    commune: QgsFeature,
    geometry,
    perimeter,
    code: str,
    name: str,
    buffer_m: float,
    sources: list[QgsVectorLayer],
    progress: Progress,
    cancelled: Callable[[], bool],
    themes: dict[str, str],
    transform_context: QgsCoordinateTransformContext | None,
) -> tuple[DossierResult, list[DossierLayer]]:
    gpkg_path, qgz_path = dossier_files(tmp, code)
    gpkg = str(gpkg_path)
    fields = _context_fields(communes)
    polygon = compat.WKB_MULTIPOLYGON

    feature = _copy(commune, fields)
    geom = QgsGeometry(geometry)
    geom.convertToMultiType()
    feature.setGeometry(geom)
    progress(5, tr("Writing the commune…"))
    src.write_features(gpkg, "commune", fields, polygon, [feature], True)

    found = src.neighbours(communes, commune, geometry, transform_context=transform_context)
    neighbour_features = []
    for n in found:
        out = _copy(n, fields)
        g = QgsGeometry(n.geometry())
        g.convertToMultiType()
        out.setGeometry(g)
        neighbour_features.append(out)
    src.write_features(gpkg, "communes_voisines", fields, polygon, neighbour_features, False)

    perimeter_fields = QgsFields()
    perimeter_fields.append(compat.make_field("code_insee", compat.FIELD_STRING))
    perimeter_fields.append(compat.make_field("nom", compat.FIELD_STRING))
    perimeter_fields.append(compat.make_field("tampon_m", compat.FIELD_DOUBLE))
    zone = QgsFeature(perimeter_fields)
    zone.setAttributes([code, name, buffer_m])
    g = QgsGeometry(perimeter)
    g.convertToMultiType()
    zone.setGeometry(g)
    src.write_features(gpkg, "perimetre_etude", perimeter_fields, polygon, [zone], False)

    today = dt.date.today().isoformat()
    specs = [
        DossierLayer("perimetre_etude", context_title("perimetre_etude"), "contexte", "contexte"),
        DossierLayer("commune", context_title("commune"), "contexte", "contexte"),
        DossierLayer(
            "communes_voisines", context_title("communes_voisines"), "contexte", "contexte"
        ),
    ]
    result = DossierResult(
        gpkg=gpkg,
        project=str(qgz_path),
        insee=code,
        commune_name=name,
        area_km2=geometry.area() / 1e6,
        neighbours=sorted(commune_name(n) or str(n.id()) for n in found),
    )
    taken = set(src.RESERVED_TABLES)
    span = 80.0 / max(1, len(sources))
    for i, layer in enumerate(sources):
        if cancelled():
            raise AtelierError(QT_TR_NOOP("Cancelled."))
        start = 10 + i * span
        title = src.source_title(layer)
        progress(start, tr("Clipping {layer}…").format(layer=title))
        table = src.table_name(title, taken)
        override = themes.get(layer.id()) or layer.customProperty(PROP_THEME) or None
        kind, theme = classify(title, override)
        try:
            stats = src.clip_source(
                layer,
                perimeter,
                gpkg,
                table,
                cancelled,
                lambda f, s=start: progress(s + f * span, ""),
                transform_context,
            )
        except AtelierError:
            raise
        except (OSError, RuntimeError, ValueError, sqlite3.Error, QgsProcessingException) as exc:
            # said to the person in words; the traceback stays in the log
            log.warning(
                "%s",
                tr("The source {layer} could not be clipped: {reason}").format(
                    layer=title, reason=error_text(exc)
                ),
                exc_info=True,
            )
            raise AtelierError(
                QT_TR_NOOP("The source {layer} could not be clipped: {reason}"),
                layer=title,
                reason=error_text(exc),
            ) from exc
        result.sources.append(stats)
        if stats.repaired:
            result.warnings.append(
                tr("{layer}: {n} invalid geometries repaired.").format(
                    layer=title, n=stats.repaired
                )
            )
        if stats.dropped:
            result.warnings.append(
                tr(
                    "{layer}: {n} invalid geometries could not be repaired and were left out."
                ).format(layer=title, n=stats.dropped)
            )
        if stats.written == 0:
            result.warnings.append(
                tr("{layer}: no feature inside the study area.").format(layer=title)
            )
        specs.append(
            DossierLayer(
                table,
                title,
                theme,
                kind,
                title,
                layer.publicSource(),
                _source_date(layer) or today,
                source_rights(layer),
            )
        )
    if cancelled():
        raise AtelierError(QT_TR_NOOP("Cancelled."))
    return result, specs
