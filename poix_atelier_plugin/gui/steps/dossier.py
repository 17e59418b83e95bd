# SPDX-License-Identifier: GPL-2.0-or-later
"""Dock step: Dossier (build one for a commune, open one)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsCoordinateReferenceSystem, QgsProject
from qgis.gui import QgsCustomProjectOpenHandler
from qgis.PyQt.QtWidgets import QFileDialog

from ...domain.errors import QT_TR_NOOP, AtelierError
from ...infra.i18n import error_text, tr
from ...infra.settings import dossier_folder, remember_dossier_folder
from ...services.dossier import dossier_offline, dossier_open
from .base import StepPanel


class ReadWithout(QgsCustomProjectOpenHandler):
    """Reads one project file leaving its unreachable online layers unloaded.

    Registered only while the plugin opens that file through QGIS: QGIS still
    closes the current project, updates its window and recent projects, and
    gives this handler the reading itself.
    """

    def __init__(self, path: Path, skip: list):
        super().__init__()
        self.path = path
        self.skip = skip
        self.report: dossier_offline.OfflineOpening | None = None

    def handleProjectOpen(self, path: str) -> bool:  # noqa: N802
        if Path(path) != self.path:
            return False
        self.report = dossier_offline.read_without(QgsProject.instance(), path, self.skip)
        return self.report is not None

    def filters(self) -> list[str]:
        return []


def short_list(names: list[str], keep: int = 2) -> str:
    """The shortest names first, then an ellipsis: a message bar line stays readable."""
    names = sorted(names, key=len)
    return ", ".join(names[:keep] + (["…"] if len(names) > keep else []))


class DossierStep(StepPanel):
    STEP_ID = "dossier"

    def title(self) -> str:
        return tr("Dossier")

    def build(self) -> None:
        self.dialog = None
        self.add_help(tr("Build the cartographic dossier of a commune, or open an existing one."))
        self.add_action(
            "build_dossier",
            tr("Build a dossier…"),
            self.show_build_dialog,
            tr("Clip the sources to a commune, style them and group them by theme in a project"),
        )
        self.add_action(
            "open_dossier",
            tr("Open a dossier…"),
            self.choose_dossier,
            tr("Open a dossier project (.qgz) or its GeoPackage, zoomed on the commune"),
        )

    # build -------------------------------------------------------------------
    def show_build_dialog(self):
        from ..build_dossier_dialog import BuildDossierDialog

        if self.dialog is None:
            self.dialog = BuildDossierDialog(self.iface.mainWindow(), self.context.dossier)
            self.dialog.built.connect(self._built)
        else:
            self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _built(self, results: dict) -> None:
        self.context.success(tr("Dossier built: {path}").format(path=results.get("PROJECT", "")))
        if self.dialog is not None and self.dialog.openCheck.isChecked():
            self.open_dossier(results["PROJECT"])

    # open --------------------------------------------------------------------
    def ask_dossier_path(self) -> str:
        """The file dialog (tests replace this method)."""
        path, _ = QFileDialog.getOpenFileName(
            self.iface.mainWindow(),
            tr("Open a dossier"),
            dossier_folder(self.context.dossier),
            tr("Dossier (*.qgz *.qgs *.gpkg)"),
        )
        return path

    def choose_dossier(self) -> None:
        path = self.ask_dossier_path()
        if path:
            self.open_dossier(path)

    def open_dossier(self, path: str) -> bool:
        """Open a .qgz (replaces the project) or add a .gpkg's layers; zoom to the commune."""
        try:
            gpkg = self._open(path)
        except AtelierError as exc:
            self.context.error(exc)
            return False
        except (OSError, RuntimeError) as exc:  # a broken file must not break the dock
            self.context.error(error_text(exc))
            return False
        self.context.set_dossier(gpkg)
        remember_dossier_folder(Path(path).parent)
        self.zoom_to_commune()
        self.context.success(tr("Dossier opened: {path}").format(path=path))
        return True

    def _open(self, path: str) -> str:
        file = Path(path)
        if not file.is_file():
            raise AtelierError(QT_TR_NOOP("The file {path} does not exist."), path=path)
        project = QgsProject.instance()
        suffix = file.suffix.lower()
        if suffix in (".qgz", ".qgs"):
            # Servers out of reach: their layers are left out rather than asked about.
            skip = dossier_offline.unreachable_layers(file)
            reader = ReadWithout(file, skip) if skip else None
            if reader is not None:
                self.iface.registerCustomProjectOpenHandler(reader)
            try:
                # Through QGIS: asks to save the current project, keeps the recent projects list.
                opened = self.iface.addProject(str(file))
            finally:
                if reader is not None:
                    self.iface.unregisterCustomProjectOpenHandler(reader)
            if not opened:
                raise AtelierError(
                    QT_TR_NOOP("The project {path} cannot be opened: {reason}"),
                    path=path,
                    reason=project.error(),
                )
            project = QgsProject.instance()
            self.context.reload()
            if reader is not None and reader.report is not None:
                self._tell_offline(reader.report)
            return dossier_open.project_dossier_gpkg(project, file)
        if suffix == ".gpkg":
            was_empty = not project.mapLayers()
            if not dossier_open.add_dossier_layers(project, file):
                raise AtelierError(
                    QT_TR_NOOP("The GeoPackage {path} holds no dossier layer."), path=path
                )
            if was_empty:  # never change the CRS of a project the user already works in
                project.setCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
            return str(file)
        raise AtelierError(
            QT_TR_NOOP("Choose a dossier project (.qgz) or GeoPackage (.gpkg), not {path}."),
            path=path,
        )

    def _tell_offline(self, report: dossier_offline.OfflineOpening) -> None:
        if report.skipped:
            self.context.info(
                tr("Offline: the online layers ({names}) are not loaded").format(
                    names=short_list(report.skipped)
                ),
                10,
            )
        if report.broken:
            self.context.warning(
                tr("These layers cannot be read: {names}").format(names=", ".join(report.broken))
            )

    def zoom_to_commune(self) -> None:
        extent = dossier_open.commune_extent(QgsProject.instance())
        if extent is None:
            return
        canvas = self.iface.mapCanvas()
        canvas.setDestinationCrs(QgsProject.instance().crs())
        canvas.setExtent(extent)
        canvas.refresh()

    def unload(self) -> None:
        if self.dialog is not None:
            self.dialog.cancel()
            self.dialog.deleteLater()
            self.dialog = None
