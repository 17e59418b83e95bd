# SPDX-License-Identifier: GPL-2.0-or-later
"""Build the cartographic dossier of a commune (atelier:build_dossier does only this).

Everything is built in a hidden temporary folder next to the output and moved
in place at the very end, so a failure or a cancel leaves nothing half-done,
and an existing dossier is only replaced when the caller says so.
"""

from __future__ import annotations

import datetime as dt
import errno
import logging
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsMapLayer,
    QgsProcessingException,
    QgsVectorLayer,
)

from ... import compat
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...domain.insee import insee_code
from ...infra.gdal_options import gdal_option
from ...infra.i18n import error_text, tr
from ...styles.dossier_styles import PROP_THEME, classify
from . import dossier_keep
from . import dossier_sources as src
from .dossier_project import DossierLayer, build_project, context_title, source_rights

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


def _read_only(folder: Path) -> AtelierError:
    return AtelierError(
        QT_TR_NOOP("The output folder {folder} is read-only: choose another folder."),
        folder=str(folder),
    )


def prepare_output(folder: str | Path, insee: str, overwrite: bool) -> Path:
    """Check the output folder and return a fresh temporary folder inside it."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise AtelierError(
            QT_TR_NOOP("The output folder {folder} is a file, not a folder."), folder=str(folder)
        )
    if re.search(r"%[0-9A-Fa-f]{2}", str(folder)):
        # QGIS decodes %xx in data source paths: the layers could not be opened afterwards.
        raise AtelierError(
            QT_TR_NOOP(
                "The output folder {folder} holds a %-escape (like %20) that QGIS cannot "
                "open: rename the folder."
            ),
            folder=str(folder),
        )
    gpkg, qgz = dossier_files(folder, insee)
    existing = [p.name for p in (gpkg, qgz) if p.exists()]
    if existing and not overwrite:
        raise AtelierError(
            QT_TR_NOOP(
                "The folder {folder} already holds a dossier for {insee} ({files}). "
                "Choose another folder or tick Overwrite to replace it."
            ),
            folder=str(folder),
            insee=insee,
            files=", ".join(existing),
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".atelier_tmp_", dir=folder))
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise _read_only(folder) from exc
        raise AtelierError(
            QT_TR_NOOP("Cannot create the output folder {folder}: {reason}"),
            folder=str(folder),
            reason=exc.strerror or str(exc),
        ) from exc
    if not os.access(tmp, os.W_OK):
        shutil.rmtree(tmp, ignore_errors=True)
        raise _read_only(folder)
    return tmp


def _check_sources(sources: Sequence[QgsMapLayer]) -> tuple[list[QgsVectorLayer], list[str]]:
    """Readable spatial vector sources, and warnings for the ones skipped."""
    keep, warnings = [], []
    for layer in sources:
        if layer is None:
            continue
        if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
            raise AtelierError(
                QT_TR_NOOP("The source {layer} cannot be read as a vector layer."),
                layer=layer.name() if layer is not None else "?",
            )
        if not layer.isSpatial():
            warnings.append(
                tr("The source {layer} has no geometry: skipped.").format(layer=layer.name())
            )
        elif layer.featureCount() == 0:
            warnings.append(tr("The source {layer} is empty: skipped.").format(layer=layer.name()))
        else:
            keep.append(layer)
    return keep, warnings


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


def _commune_name(feature: QgsFeature) -> str:
    for name in ("nom", "NOM", "nom_com", "NOM_COM", "libelle", "name"):
        if feature.fields().indexOf(name) >= 0 and feature[name]:
            return str(feature[name])
    return ""


def build_dossier(
    communes: QgsVectorLayer,
    code_insee: str,
    output_folder: str | Path,
    code_field: str | None = None,
    buffer_m: float = 500.0,
    sources: Sequence[QgsMapLayer] = (),
    online: bool = False,
    overwrite: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    themes: dict[str, str] | None = None,
    transform_context: QgsCoordinateTransformContext | None = None,
) -> DossierResult:
    """Build ``atelier_<INSEE>.gpkg`` and ``.qgz`` in ``output_folder``.

    ``themes`` maps a source layer id to a theme key (overrides the name keywords
    and the ``atelier/theme`` custom property of the source).

    Both halves in the calling thread: the main thread's way. A worker thread
    calls ``build_data`` and hands the result to ``finish_dossier`` on the main
    thread, which writes the project.
    """
    pending = build_data(
        communes,
        code_insee,
        output_folder,
        code_field=code_field,
        buffer_m=buffer_m,
        sources=sources,
        online=online,
        overwrite=overwrite,
        progress=progress,
        cancelled=cancelled,
        themes=themes,
        transform_context=transform_context,
    )
    return finish_dossier(pending, progress)


@dataclass
class PendingDossier:
    """The GeoPackage built in its temporary folder, waiting for its project."""

    tmp: Path
    output_folder: Path
    result: DossierResult
    specs: list[DossierLayer]
    extent: object  # QgsRectangle of the study area
    online: bool

    def discard(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)


def _cannot_write(folder, exc: OSError) -> AtelierError:
    return AtelierError(
        QT_TR_NOOP("Cannot write the dossier in {folder}: {reason}"),
        folder=str(folder),
        reason=exc.strerror or str(exc),
    )


def build_data(
    communes: QgsVectorLayer,
    code_insee: str,
    output_folder: str | Path,
    code_field: str | None = None,
    buffer_m: float = 500.0,
    sources: Sequence[QgsMapLayer] = (),
    online: bool = False,
    overwrite: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    themes: dict[str, str] | None = None,
    transform_context: QgsCoordinateTransformContext | None = None,
) -> PendingDossier:
    """The dossier's GeoPackage, in a temporary folder: safe in a worker thread.

    Reads no project: ``transform_context`` is the caller's (a Processing
    context's copy). No QgsProject is built here; ``finish_dossier`` does it.
    """
    progress = progress or (lambda _p, _m: None)
    cancelled = cancelled or (lambda: False)
    code = str(code_insee or "").strip()
    if not code:
        raise AtelierError(QT_TR_NOOP("Give the INSEE code of the commune."))
    code = insee_code(code)  # before it goes into a filter, a file name or a WFS query
    if buffer_m is None or buffer_m < 0 or buffer_m > 50000:
        raise AtelierError(
            QT_TR_NOOP("The buffer must be between 0 and 50,000 m (got {buffer})."),
            buffer=buffer_m,
        )
    src.check_communes_layer(communes)
    field_name = src.detect_code_field(communes, code_field or None)
    progress(2, tr("Finding the commune {code}…").format(code=code))
    commune, geometry = src.find_commune(communes, field_name, code, transform_context)
    name = _commune_name(commune) or code
    perimeter = geometry.buffer(float(buffer_m), 16) if buffer_m > 0 else QgsGeometry(geometry)
    kept_sources, warnings = _check_sources(sources)

    tmp = prepare_output(output_folder, code, overwrite)
    try:
        # No SQLite fsyncs while building: the files are in a temporary folder until the
        # end (QGIS's OGR provider opens them on its own connections, hence a GDAL option).
        with gdal_option("OGR_SQLITE_SYNCHRONOUS", "OFF"):
            result, specs = _build_in(
                tmp,
                communes,
                commune,
                geometry,
                perimeter,
                code,
                name,
                float(buffer_m),
                kept_sources,
                progress,
                cancelled,
                themes or {},
                transform_context,
            )
    except AtelierError:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise _cannot_write(output_folder, exc) from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    result.warnings[:0] = warnings
    return PendingDossier(tmp, Path(output_folder), result, specs, perimeter.boundingBox(), online)


def finish_dossier(pending: PendingDossier, progress: Progress | None = None) -> DossierResult:
    """Main thread: the project of a built GeoPackage, the groups' work kept, all moved in place."""
    progress = progress or (lambda _p, _m: None)
    result, tmp, output_folder = pending.result, pending.tmp, pending.output_folder
    code = result.insee
    try:
        built_gpkg, built_qgz = dossier_files(tmp, code)
        progress(90, tr("Styling and writing the project…"))
        with gdal_option("OGR_SQLITE_SYNCHRONOUS", "OFF"):
            result.offline_layers = build_project(
                str(built_qgz),
                str(built_gpkg),
                pending.specs,
                code,
                result.commune_name,
                pending.extent,
                pending.online,
            )
        if result.offline_layers:
            result.warnings.append(
                tr("{n} online layers are unreachable now (offline?): kept in the project.").format(
                    n=len(result.offline_layers)
                )
            )
        gpkg, qgz = dossier_files(output_folder, code)
        if gpkg.exists() or qgz.exists():  # OVERWRITE: keep the work, back the old files up
            progress(96, tr("Keeping the groups' work…"))
            result.kept_tables = dossier_keep.keep_work(gpkg, built_gpkg, built_qgz)
            result.backups = [str(p) for p in dossier_keep.backup_files([gpkg, qgz], output_folder)]
        progress(98, tr("Moving the dossier in place…"))
        for built in sorted(tmp.iterdir()):
            target = Path(output_folder) / built.name
            os.replace(built, target)
        dossier_keep.remove_side_files(gpkg)
        result.gpkg, result.project = str(gpkg), str(qgz)
    except AtelierError:
        raise
    except OSError as exc:
        raise _cannot_write(output_folder, exc) from exc
    finally:
        pending.discard()
    progress(100, tr("Dossier ready: {path}").format(path=result.project))
    return result


def _build_in(
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
        neighbours=sorted(_commune_name(n) or str(n.id()) for n in found),
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
