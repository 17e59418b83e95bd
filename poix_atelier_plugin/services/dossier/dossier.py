# SPDX-License-Identifier: GPL-2.0-or-later
"""Build the cartographic dossier of a commune (atelier:build_dossier does only this).

Everything is built in a hidden temporary folder next to the output and moved
in place at the very end, so a failure or a cancel leaves nothing half-done,
and an existing dossier is only replaced when the caller says so.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsGeometry,
    QgsMapLayer,
    QgsVectorLayer,
)

from ...domain.errors import QT_TR_NOOP, AtelierError
from ...domain.insee import insee_code
from ...infra.gdal_options import gdal_option
from ...infra.i18n import tr
from . import dossier_keep
from . import dossier_sources as src
from .dossier_copy import DossierResult, Progress, build_in, commune_name, dossier_files
from .dossier_project import DossierLayer, build_project

log = logging.getLogger(__name__)


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
    name = commune_name(commune) or code
    perimeter = geometry.buffer(float(buffer_m), 16) if buffer_m > 0 else QgsGeometry(geometry)
    kept_sources, warnings = _check_sources(sources)

    tmp = prepare_output(output_folder, code, overwrite)
    try:
        # No SQLite fsyncs while building: the files are in a temporary folder until the
        # end (QGIS's OGR provider opens them on its own connections, hence a GDAL option).
        with gdal_option("OGR_SQLITE_SYNCHRONOUS", "OFF"):
            result, specs = build_in(
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
