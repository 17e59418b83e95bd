# SPDX-License-Identifier: GPL-2.0-or-later
"""The offline field package of one group (QField / Mergin Maps conventions).

A folder to copy to a phone or tablet::

    terrain_<groupe>/
        terrain_<groupe>.gpkg   the group's rows (editable) + the dossier's layers
        terrain_<groupe>.qgz    relative paths, forms, read-only dossier layers
        DCIM/<groupe>/          the group's photos (new ones land here too)
        fond_de_plan.mbtiles    offline basemap rendered from the dossier's layers

The GeoPackage is a copy of the dossier's (SQLite backup) with the other
groups' rows deleted: feature ids are kept, so ``arret_id``/``site_id`` keep
pointing at the right rows, and ``uid`` lets :mod:`services.field.merge` bring the
edits back. The same GeoPackage carries what it was exported with: the list
of the tables it lets people edit (:data:`FIELD_TABLES`, the only ones ever
merged back) and a copy of their rows, in two plain tables that GeoPackage
readers do not list (``atelier_package``, ``atelier_package_base``, see
:mod:`services.field.merge_state`). The merge is three-way: it applies what changed in
the field since the export and keeps what changed at the office. Nothing
else beside the GeoPackage is needed, so the package stays portable (QField,
Mergin Maps, a USB key). An existing package is never overwritten: a new
folder name is picked instead (its edits may not have been merged yet).
"""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
from pathlib import Path

from qgis.core import (
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFeedback,
    QgsLayerTreeGroup,
    QgsProcessingException,
    QgsProject,
    QgsVectorLayer,
)

from ...domain import schema
from ...domain.errors import QT_TR_NOOP, AtelierError
from ...forms.forms import configure_form
from ...infra.i18n import error_text, tr
from ...infra.user_paths import absolute
from ...store import workspace
from ...store.sqlite_ro import connect_readonly
from ...styles import photo_style
from ...styles.layer_styles import style_layer
from ..photos import photos
from . import merge_state, package_layers

LOG = logging.getLogger(__name__)

#: Editable tables of a package, top of the legend first.
FIELD_TABLES = (
    "observations",
    "arrets",
    "hypotheses",
    "diagnostic",
    "sites_projet",
    "sequences",
    "parcours",
)
BASEMAP_NAME = "fond_de_plan.mbtiles"
PROP_PACKAGE_GROUP = "atelier/package_groupe"


def package_name(groupe: str) -> str:
    return f"terrain_{photos.safe_folder_name(groupe)}"


def _free_folder(parent: Path, name: str) -> Path:
    candidate, n = parent / name, 1
    while candidate.exists() and any(candidate.iterdir()):
        n += 1
        candidate = parent / f"{name}_{n}"
    return candidate


def copy_group_gpkg(dossier: Path, target: Path, groupe: str) -> None:
    """Copy the GeoPackage (consistent SQLite backup) and keep only ``groupe``'s rows."""
    src = connect_readonly(dossier)
    tmp = target.with_name(target.name + ".part")
    dst = sqlite3.connect(str(tmp))
    try:
        src.backup(dst)
        present = {row[0] for row in dst.execute("SELECT table_name FROM gpkg_contents")}
        for table in schema.TABLES:
            if table.name not in present:
                continue
            if table.per_group or table.name == "groupes":
                dst.execute(f'DELETE FROM "{table.name}" WHERE "groupe" IS NOT ?', (groupe,))
        dst.commit()
        dst.execute("VACUUM")
    finally:
        dst.close()
        src.close()
    tmp.replace(target)


def copy_group_photos(dossier: Path, package: Path, gpkg: Path) -> int:
    """Copy the photos the group's observations refer to; returns how many."""
    root = dossier.parent
    count = 0
    layer = workspace.open_layer(gpkg, "observations")
    for feat in layer.getFeatures():
        rel = feat["photo"]
        if not rel or not isinstance(rel, str) or Path(rel).is_absolute():
            continue
        src = root / rel
        if src.is_file():
            dst = package / rel
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
            count += 1
    return count


def _display_name(table: str, geom: str | None) -> str:
    """The names the dossier project uses (same source strings, same translations)."""
    names = {
        ("arrets", None): tr("Stops"),
        ("observations", None): tr("Observations and photos"),
        ("hypotheses", "Point"): tr("Hypotheses (points)"),
        ("hypotheses", "Polygon"): tr("Hypotheses (areas)"),
        ("sequences", None): tr("Sequences"),
        ("parcours", None): tr("Route"),
        ("sites_projet", None): tr("Project sites"),
        ("diagnostic", "Point"): tr("Diagnostic (points)"),
        ("diagnostic", "LineString"): tr("Diagnostic (lines)"),
        ("diagnostic", "Polygon"): tr("Diagnostic (areas)"),
    }
    return names.get((table, geom)) or (table if geom is None else f"{table} ({geom})")


def display_name(table: str) -> str:
    """The translated name of a table, as in the project's legend."""
    return _display_name(table, None)


def _style_and_forms(project: QgsProject, layers: list, groupe: str, colour: str) -> None:
    """The dossier project's styles and forms, as on the facilitator's computer."""
    for layer in layers:
        table = layer.customProperty(workspace.PROP_TABLE)
        style_layer(layer, table, colour, layer.customProperty(workspace.PROP_GEOMETRY))
        configure_form(layer, table, groupe, project, compact=False)


def _editable_layers(gpkg: Path, groupe: str, project: QgsProject) -> list[QgsVectorLayer]:
    present = set(workspace.existing_tables(gpkg))
    out = []
    for table in FIELD_TABLES:
        if table not in present:
            continue
        spec = schema.table(table)
        geometries = workspace.SPLIT_GEOMETRIES if spec.geometry == "Geometry" else (None,)
        for geom in geometries:
            name = _display_name(table, geom)
            layer = workspace.open_layer(gpkg, table, groupe, geom, name=name)
            if geom is not None:
                layer.setCustomProperty(workspace.PROP_GEOMETRY, geom)
            layer.setCustomProperty(PROP_PACKAGE_GROUP, groupe)
            layer.setCustomProperty("QFieldSync/action", "offline")
            layer.setCustomProperty("QFieldSync/cloud_action", "offline")
            _field_defaults(layer, groupe)
            out.append(layer)
    return out


def _field_defaults(layer: QgsVectorLayer, groupe: str) -> None:
    """New features get the group, a uid; technical fields stay out of the forms."""
    fields = layer.fields()
    i = fields.indexOf("groupe")
    if i >= 0:
        quoted = groupe.replace("'", "''")
        layer.setDefaultValueDefinition(i, QgsDefaultValue(f"'{quoted}'"))
        layer.setEditorWidgetSetup(i, QgsEditorWidgetSetup("Hidden", {}))
    i = fields.indexOf("uid")
    if i >= 0:
        layer.setDefaultValueDefinition(i, QgsDefaultValue("regexp_replace(uuid(), '[{}]', '')"))
        layer.setEditorWidgetSetup(i, QgsEditorWidgetSetup("Hidden", {}))


def _link_stops(observations: QgsVectorLayer, stops: QgsVectorLayer) -> None:
    i = observations.fields().indexOf("arret_id")
    if i < 0:
        return
    config = {
        "Layer": stops.id(),
        "LayerName": stops.name(),
        "Key": "fid",
        "Value": "nom",
        "AllowNull": True,
        "OrderByValue": True,
        "AllowMulti": False,
    }
    observations.setEditorWidgetSetup(i, QgsEditorWidgetSetup("ValueRelation", config))


def build_project(package: Path, gpkg: Path, groupe: str, basemap: Path | None) -> Path:
    """The package's .qgz: editable group layers over read-only dossier layers."""
    project = QgsProject()
    project.setCrs(workspace.crs())
    project.setTitle(tr("Field package — {group}").format(group=groupe))
    project.writeEntryBool("Paths", "/Absolute", False)
    project.writeEntry("poix_atelier_plugin", "active_group", groupe)
    project.writeEntry("poix_atelier_plugin", "dossier_path", "./" + gpkg.name)
    root = project.layerTreeRoot()
    ref_group = QgsLayerTreeGroup(tr("Dossier (read only)"))
    package_layers.reference_layers(gpkg, project, ref_group)
    editable = _editable_layers(gpkg, groupe, project)
    work_group = QgsLayerTreeGroup(tr("Field work — {group}").format(group=groupe))
    by_table = {}
    for layer in editable:
        project.addMapLayer(layer, False)
        work_group.addLayer(layer)
        by_table.setdefault(layer.customProperty(workspace.PROP_TABLE), layer)
    specs = {g.name: g for g in workspace.read_groups(gpkg)}
    colour = specs[groupe].colour if groupe in specs else ""
    _style_and_forms(project, editable, groupe, colour or "#0072b2")
    root.insertChildNode(0, work_group)
    root.insertChildNode(1, ref_group)
    if basemap is not None:
        raster = package_layers.basemap_layer(basemap, tr("Offline basemap"))
        if raster.isValid():
            project.addMapLayer(raster, False)
            root.insertLayer(-1, raster)
    obs = by_table.get("observations")
    if obs is not None:
        photo_style.style_observations(
            obs, photo_style.current_colour(obs), relative_to_project=True
        )
        safe = photos.safe_folder_name(groupe)
        naming = {
            "photo": f"'DCIM/{safe}/JPEG_' || format_date(now(),'yyyyMMddhhmmsszzz') || '.jpg'"
        }
        obs.setCustomProperty("QFieldSync/attachment_naming", json.dumps(naming))
        obs.setCustomProperty("QFieldSync/photo_naming", json.dumps(naming))
        if by_table.get("arrets") is not None:
            _link_stops(obs, by_table["arrets"])
    area = photos.study_area(gpkg)
    if area is not None:
        project.viewSettings().setDefaultViewExtent(
            _ref_extent(area.boundingBox().buffered(100.0), project)
        )
    target = package / f"{package_name(groupe)}.qgz"
    written = project.write(str(target))
    error = project.error()
    project.clear()
    if not written:
        raise AtelierError(
            QT_TR_NOOP("Cannot write the project {path}: {error}"),
            path=str(target),
            error=error,
        )
    return target


def _ref_extent(rect, project):
    from qgis.core import QgsReferencedRectangle

    return QgsReferencedRectangle(rect, project.crs())


def export_field_package(
    dossier: str | Path,
    groupe: str,
    output_folder: str | Path,
    basemap: bool = True,
    zoom_max: int | None = None,
    feedback: QgsFeedback | None = None,
) -> Path:
    """Write the package folder of ``groupe`` under ``output_folder``; returns the folder.

    Both halves in the calling thread, the main thread's way; a worker thread calls
    ``export_field_data`` and leaves ``finish_field_package`` to the main thread.
    """
    package, gpkg = export_field_data(dossier, groupe, output_folder, feedback)
    return finish_field_package(package, gpkg, groupe, basemap, zoom_max, feedback)


def export_field_data(
    dossier: str | Path,
    groupe: str,
    output_folder: str | Path,
    feedback: QgsFeedback | None = None,
) -> tuple[Path, Path]:
    """The package folder with the group's GeoPackage and photos: safe in a worker thread.

    Neither a project nor a layer of one is touched; returns (folder, GeoPackage).
    """
    photos.dossier_folder(dossier)  # a GeoPackage dossier (raises otherwise)
    src = absolute(dossier)
    photos.check_group(src, groupe)
    out = Path(output_folder)
    out.mkdir(parents=True, exist_ok=True)
    package = _free_folder(out, package_name(groupe))
    package.mkdir(parents=True, exist_ok=True)
    gpkg = package / f"{package_name(groupe)}.gpkg"
    copy_group_gpkg(src, gpkg, groupe)
    merge_state.write_package_base(gpkg, groupe, list(FIELD_TABLES), src.name)
    if feedback is not None:
        feedback.setProgress(10)
    (package / photos.DCIM / photos.safe_folder_name(groupe)).mkdir(parents=True, exist_ok=True)
    copy_group_photos(src, package, gpkg)
    if feedback is not None:
        feedback.setProgress(20)
    return package, gpkg


def finish_field_package(
    package: Path,
    gpkg: Path,
    groupe: str,
    basemap: bool = True,
    zoom_max: int | None = None,
    feedback: QgsFeedback | None = None,
) -> Path:
    """Main thread: the offline basemap (a project rendered) and the package's project."""
    tiles = None
    if basemap:
        target = package / BASEMAP_NAME
        try:
            if package_layers.render_basemap(
                gpkg, target, zoom_max=zoom_max or 16, feedback=feedback
            ):
                tiles = target
        except (AtelierError, OSError, RuntimeError, QgsProcessingException) as exc:
            # the basemap is a bonus: the package is written without it, and said so
            LOG.warning(
                "%s",
                tr("Offline basemap not rendered: {error}").format(error=error_text(exc)),
                exc_info=True,
            )
    build_project(package, gpkg, groupe, tiles)
    for side_file in package.glob("*.aux.xml"):  # GDAL statistics left by opening the tiles
        side_file.unlink()
    if feedback is not None:
        feedback.setProgress(100)
    return package


def package_project(package: str | Path) -> Path:
    """The .qgz of a package folder (or the path itself when it is one)."""
    path = Path(package)
    if path.is_file() and path.suffix.lower() in (".qgz", ".qgs"):
        return path
    found = sorted(path.glob("terrain_*.qgz")) if path.is_dir() else []
    if not found:
        raise AtelierError(QT_TR_NOOP("{path} is not a field package."), path=str(path))
    return found[0]


def package_gpkg(package: str | Path) -> Path:
    path = Path(package)
    if path.is_file() and path.suffix.lower() == ".gpkg":
        return path
    qgz = package_project(path)
    gpkg = qgz.with_suffix(".gpkg")
    if not gpkg.is_file():
        raise AtelierError(QT_TR_NOOP("{path} is not a field package."), path=str(path))
    return gpkg
