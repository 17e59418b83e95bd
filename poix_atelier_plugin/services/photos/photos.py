# SPDX-License-Identifier: GPL-2.0-or-later
"""Geotagged photos → ``observations`` points of a group.

EXIF is read by QGIS itself (``QgsExifTools.readTags``, the reader behind
``native:importphotos``), never by a parser of ours. Files are copied (never
moved) under ``<dossier folder>/DCIM/<groupe>/`` and stored as paths relative
to the dossier folder, so that dossiers and field packages stay portable.

A photo's observation ``uid`` is derived from the group and the file's
content hash: importing the same folder twice adds nothing the second time,
whatever the file names.

Classification (the four counts of ``atelier:import_photos``):

* ``NO_GPS``: a readable image without a GPS position (including files whose
  EXIF block is broken or absent). They can be placed by hand later
  (:func:`place_photo`).
* ``UNREADABLE``: no position could be read and Qt cannot read the image
  either (truncated, not an image, or a format this QGIS cannot decode, such
  as HEIC when exiv2 is built without BMFF support, as on Debian 12). A HEIC
  file whose geotag *can* be read is imported like any other photo.
* ``OUTSIDE_AREA``: a position outside the study perimeter (layer
  ``perimetre_etude`` of the dossier, else ``commune``); reported, not imported.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsExifTools,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeedback,
    QgsGeometry,
    QgsPointXY,
)
from qgis.PyQt.QtCore import QDateTime
from qgis.PyQt.QtGui import QImageReader

from ... import compat
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...infra.i18n import tr
from ...store import workspace
from .photo_files import (  # noqa: F401 - re-exported: photos is the public entry point
    DCIM,
    PHOTO_SUFFIXES,
    copy_file,
    copy_into,
    copy_target,
    dossier_folder,
    file_digest,
    group_photo_dir,
    list_photos,
    photo_uid,
    relative_photo_path,
    safe_folder_name,
)

LOG = logging.getLogger(__name__)

DEFAULT_TOLERANCE_M = 50.0
_WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


@dataclass
class PhotoIssue:
    """A file not imported; ``reason`` is an English template (translated by ``text()``)."""

    path: str
    reason: str
    params: dict = field(default_factory=dict)

    def text(self) -> str:
        reason = tr(self.reason)
        return reason.format(**self.params) if self.params else reason


@dataclass
class PhotoInfo:
    """What QGIS could read from one file."""

    lon: float | None = None
    lat: float | None = None
    taken: QDateTime | None = None
    azimut: float | None = None
    readable: bool = True
    reason: str = ""

    @property
    def has_position(self) -> bool:
        return self.lon is not None and self.lat is not None


@dataclass
class ImportReport:
    imported: list[str] = field(default_factory=list)  # relative photo paths
    attached: dict = field(default_factory=dict)  # relative photo path → stop fid or None
    already: list[str] = field(default_factory=list)  # source files already imported
    no_gps: list[PhotoIssue] = field(default_factory=list)
    outside: list[PhotoIssue] = field(default_factory=list)
    unreadable: list[PhotoIssue] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            "IMPORTED": len(self.imported),
            "NO_GPS": len(self.no_gps),
            "OUTSIDE_AREA": len(self.outside),
            "UNREADABLE": len(self.unreadable),
            "ALREADY_IMPORTED": len(self.already),
        }


# EXIF --------------------------------------------------------------------------
def _float(value) -> float | None:
    try:
        out = float(value)
    except (TypeError, ValueError):
        return None
    return out if out == out else None  # NaN → None


def read_photo(path: str | Path) -> PhotoInfo:
    """Position, date and direction of a photo, through QgsExifTools."""
    path = str(path)
    tags = QgsExifTools.readTags(path) or {}
    info = PhotoInfo()
    lat = _float(tags.get("Exif.GPSInfo.GPSLatitude"))
    lon = _float(tags.get("Exif.GPSInfo.GPSLongitude"))
    if lat is not None and lon is not None and (lat, lon) != (0.0, 0.0):
        if str(tags.get("Exif.GPSInfo.GPSLatitudeRef", "N")).strip().upper().startswith("S"):
            lat = -abs(lat)
        if str(tags.get("Exif.GPSInfo.GPSLongitudeRef", "E")).strip().upper().startswith("W"):
            lon = -abs(lon)
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            info.lat, info.lon = lat, lon
    for key in (
        "Exif.Photo.DateTimeOriginal",
        "Exif.Photo.DateTimeDigitized",
        "Exif.Image.DateTime",
    ):
        value = tags.get(key)
        if isinstance(value, QDateTime) and value.isValid():
            info.taken = value
            break
    azimut = _float(tags.get("Exif.GPSInfo.GPSImgDirection"))
    if azimut is not None:
        info.azimut = azimut % 360.0
    if not info.has_position:
        reader = QImageReader(path)
        info.readable = reader.size().isValid()
        if not info.readable:
            suffix = Path(path).suffix.lower()
            if suffix in (".heic", ".heif"):
                info.reason = QT_TR_NOOP(
                    "HEIC/HEIF photo: this QGIS cannot read its position nor its image"
                )
            else:
                info.reason = QT_TR_NOOP("not a readable image (damaged or unsupported format)")
        elif not tags:
            info.reason = QT_TR_NOOP("no readable EXIF metadata")
        else:
            info.reason = QT_TR_NOOP("no GPS position in the EXIF metadata")
    return info


# dossier ---------------------------------------------------------------------
def study_area(
    gpkg: str | Path, transform_context: QgsCoordinateTransformContext | None = None
) -> QgsGeometry | None:
    """The study perimeter in EPSG:2154 (``perimetre_etude``, else ``commune``).

    ``transform_context``: the caller's; the project instance is not read, as this
    runs in worker threads too.
    """
    context = (
        transform_context if transform_context is not None else QgsCoordinateTransformContext()
    )
    tables = workspace.existing_tables(gpkg)
    for name in ("perimetre_etude", "commune"):
        if name not in tables:
            continue
        layer = workspace.open_layer(gpkg, name)
        geoms = [f.geometry() for f in layer.getFeatures() if f.hasGeometry()]
        if not geoms:
            continue
        area = QgsGeometry.unaryUnion(geoms)
        if layer.crs() != workspace.crs():
            xform = QgsCoordinateTransform(layer.crs(), workspace.crs(), context)
            area.transform(xform)
        return area
    return None


def check_group(gpkg: str | Path, groupe: str) -> None:
    names = [g.name for g in workspace.read_groups(gpkg)]
    if groupe not in names:
        raise AtelierError(
            QT_TR_NOOP("The group {group} does not exist in this dossier (groups: {groups})."),
            group=groupe,
            groups=", ".join(names) or "-",
        )


def group_stops(gpkg: str | Path, groupe: str) -> list[tuple[int, QgsPointXY]]:
    layer = workspace.open_layer(gpkg, "arrets", groupe)
    return [(f.id(), f.geometry().asPoint()) for f in layer.getFeatures() if f.hasGeometry()]


def nearest_stop(
    stops: list[tuple[int, QgsPointXY]], point: QgsPointXY, tolerance_m: float
) -> int | None:
    """fid of the nearest stop within the tolerance (None when none is close enough)."""
    best, best_d2 = None, tolerance_m * tolerance_m
    for fid, stop in stops:
        d2 = stop.sqrDist(point)
        if d2 <= best_d2:
            best, best_d2 = fid, d2
    return best


def existing_uids(gpkg: str | Path, groupe: str, layer=None) -> set[str]:
    """uids of the group's observations (``layer``: the unfiltered table, if open)."""
    layer = layer if layer is not None else workspace.open_layer(gpkg, "observations")
    request = QgsFeatureRequest().setFilterExpression(workspace.group_filter(groupe))
    request.setFlags(compat.REQUEST_NO_GEOMETRY)
    request.setSubsetOfAttributes(["uid"], layer.fields())
    return {f["uid"] for f in layer.getFeatures(request)}


def _observation(
    fields, uid: str, groupe: str, point: QgsPointXY, rel: str, info: PhotoInfo, stop
) -> QgsFeature:
    values = {
        "uid": uid,
        "groupe": groupe,
        "photo": rel,
        "texte": "",
        "arret_id": stop,
        "date_prise": info.taken,
        "azimut": info.azimut,
    }
    feat = QgsFeature(fields)
    feat.setAttributes([values.get(f.name()) for f in fields])
    feat.setGeometry(QgsGeometry.fromPointXY(point))
    return feat


def import_photos(
    dossier: str | Path,
    groupe: str,
    sources: str | Path | list,
    tolerance_m: float | None = None,
    feedback: QgsFeedback | None = None,
    transform_context: QgsCoordinateTransformContext | None = None,
) -> ImportReport:
    """Import a folder (or a list of files) of photos as observations of ``groupe``.

    ``transform_context``: the caller's, taken on the main thread (a Processing
    context's copy); this runs in worker threads.
    """
    context = (
        transform_context if transform_context is not None else QgsCoordinateTransformContext()
    )
    tolerance = DEFAULT_TOLERANCE_M if tolerance_m is None else float(tolerance_m)
    gpkg = str(dossier)
    target_dir = group_photo_dir(gpkg, groupe)
    rel_dir = f"{DCIM}/{target_dir.name}"
    check_group(gpkg, groupe)
    if isinstance(sources, (str, Path)):
        files = list_photos(sources)
    else:
        files = [Path(p) for p in sources]
    area = study_area(gpkg, context)
    engine = None
    if area is not None:
        engine = QgsGeometry.createGeometryEngine(area.constGet())
        engine.prepareGeometry()
    else:
        LOG.warning(
            tr("No perimetre_etude nor commune layer in {path}: no area check").format(path=gpkg)
        )
    to_2154 = QgsCoordinateTransform(_WGS84, workspace.crs(), context)
    stops = group_stops(gpkg, groupe)
    layer = workspace.open_layer(gpkg, "observations")
    known = existing_uids(gpkg, groupe, layer)
    fields = layer.fields()
    report = ImportReport()
    feats: list[QgsFeature] = []
    total = max(len(files), 1)
    target_dir.mkdir(parents=True, exist_ok=True)
    taken = {p.name for p in target_dir.iterdir()}  # names in the folder, then reserved
    copies: list = []
    with ThreadPoolExecutor(max_workers=2) as pool:
        for i, path in enumerate(files):
            if feedback is not None:
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * i / total)
            info = read_photo(path)
            if not info.has_position and not path.is_file():
                report.unreadable.append(PhotoIssue(str(path), QT_TR_NOOP("file not found")))
                continue
            if not info.has_position:
                issue = PhotoIssue(str(path), info.reason)
                (report.no_gps if info.readable else report.unreadable).append(issue)
                continue
            point = to_2154.transform(QgsPointXY(info.lon, info.lat))
            point_geom = QgsGeometry.fromPointXY(point)  # kept alive for the engine call
            if engine is not None and not engine.intersects(point_geom.constGet()):
                reason = QT_TR_NOOP("taken outside the study perimeter ({lat:.5f}, {lon:.5f})")
                report.outside.append(
                    PhotoIssue(str(path), reason, {"lat": info.lat, "lon": info.lon})
                )
                continue
            digest = file_digest(path)
            uid = photo_uid(groupe, digest)
            if uid in known:
                report.already.append(str(path))
                continue
            known.add(uid)
            target, needed = copy_target(path, target_dir, digest, taken)
            if needed:  # copies overlap the EXIF reading of the next photos
                copies.append(pool.submit(copy_file, path, target))
            rel = f"{rel_dir}/{target.name}"
            stop = nearest_stop(stops, point, tolerance)
            feats.append(_observation(fields, uid, groupe, point, rel, info, stop))
            report.imported.append(rel)
            report.attached[rel] = stop
        for job in copies:  # a failed copy fails the import before anything is written
            try:
                job.result()
            except OSError as exc:
                raise AtelierError(
                    QT_TR_NOOP("Cannot copy a photo into {folder}: {error}"),
                    folder=str(target_dir),
                    error=str(exc),
                ) from exc
    if feats and not layer.dataProvider().addFeatures(feats):
        raise AtelierError(
            QT_TR_NOOP("Cannot write the observations into {path}: {error}"),
            path=gpkg,
            error="; ".join(layer.dataProvider().errors()),
        )
    if feedback is not None:
        feedback.setProgress(100.0)
    return report


def place_photo(
    dossier: str | Path,
    groupe: str,
    path: str | Path,
    point: QgsPointXY,
    tolerance_m: float | None = None,
) -> str | None:
    """Import one photo without GPS at a point chosen by the user (EPSG:2154).

    Returns the relative photo path, or None when it was already imported.
    """
    tolerance = DEFAULT_TOLERANCE_M if tolerance_m is None else float(tolerance_m)
    gpkg = str(dossier)
    check_group(gpkg, groupe)
    source = Path(path)
    if not source.is_file():
        raise AtelierError(QT_TR_NOOP("The photo {path} does not exist."), path=str(source))
    digest = file_digest(source)
    uid = photo_uid(groupe, digest)
    if uid in existing_uids(gpkg, groupe):
        return None
    info = read_photo(source)
    copy = copy_into(source, group_photo_dir(gpkg, groupe), digest)
    rel = relative_photo_path(gpkg, copy)
    stop = nearest_stop(group_stops(gpkg, groupe), point, tolerance)
    layer = workspace.open_layer(gpkg, "observations")
    feat = _observation(layer.fields(), uid, groupe, QgsPointXY(point), rel, info, stop)
    if not layer.dataProvider().addFeatures([feat]):
        raise AtelierError(
            QT_TR_NOOP("Cannot write the observations into {path}: {error}"),
            path=gpkg,
            error="; ".join(layer.dataProvider().errors()),
        )
    return rel
