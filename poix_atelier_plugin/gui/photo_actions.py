# SPDX-License-Identifier: GPL-2.0-or-later
"""The Photos step's actions: import photos, field package out and back (three ways).

Kept apart from gui/steps/photos.py, which also holds the field map action.
Long work runs on the main thread behind a modal progress with Cancel: it
builds projects and renders tiles, which QGIS does not allow in a worker.
Results go to the message bar, stop by stop behind its "Details…" button
(gui/photo_summary.py); photos without GPS open the placement dialog.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from qgis.core import QgsFeedback, QgsProject
from qgis.PyQt.QtCore import QObject, QTimer, QUrl
from qgis.PyQt.QtWidgets import QDoubleSpinBox, QFileDialog, QFormLayout, QMenu

from .. import compat
from ..domain.errors import AtelierError
from ..infra.i18n import error_text, tr
from ..infra.settings import UserSettings
from ..services.field import field_package, merge
from ..services.photos import photos, photos_summary
from ..store import workspace
from ..styles import photo_style
from . import photo_summary
from .merge_conflicts_dialog import MergeConflictsDialog
from .place_photos_dialog import PlacePhotosDialog

LOG = logging.getLogger(__name__)


class PhotoActions(QObject):
    """Owned by the step panel; ``panel.context`` gives dossier, group and messages."""

    def __init__(self, panel):
        super().__init__(panel)
        self.panel = panel
        self.context = panel.context
        self.iface = panel.iface
        self.task = None  # the progress dialog while a photo task runs
        self.dialog: PlacePhotosDialog | None = None
        self.last_report: photos.ImportReport | None = None
        self.last_summary: photos_summary.ImportSummary | None = None
        self.summary_dialog: photo_summary.PhotoSummaryDialog | None = None
        self.conflicts_dialog: MergeConflictsDialog | None = None
        QgsProject.instance().layersAdded.connect(self._layers_added)
        # layers already there (project opened before the dock): thumbnails rooted at the dossier
        QTimer.singleShot(0, photo_style.style_project_observations)

    # widgets -------------------------------------------------------------------
    def add_widgets(self) -> None:
        form = QFormLayout()
        self.tolerance = QDoubleSpinBox(self.panel)
        self.tolerance.setObjectName("toleranceSpin")
        self.tolerance.setRange(0, 1000)
        self.tolerance.setDecimals(0)
        self.tolerance.setSingleStep(10)
        self.tolerance.setSuffix(" m")
        self.tolerance.setValue(photos.DEFAULT_TOLERANCE_M)
        self.tolerance.setToolTip(
            tr("A photo is attached to the nearest stop within this distance")
        )
        form.addRow(tr("Attach to a stop within:"), self.tolerance)
        self.panel.layout_.addLayout(form)

    def import_menu(self, button) -> QMenu:
        menu = QMenu(button)
        menu.addAction(tr("A folder of photos…"), self.choose_folder).setObjectName("importFolder")
        menu.addAction(tr("Selected photos…"), self.choose_files).setObjectName("importFiles")
        button.setMenu(menu)
        return menu

    # checks ----------------------------------------------------------------------
    def _ready(self) -> tuple[str, str] | None:
        dossier, group = self.context.dossier, self.context.active_group
        if not dossier or not Path(dossier).is_file():
            self.context.warning(tr("Open or build a dossier first (step 1)."))
            return None
        if not group:
            self.context.warning(tr("Choose the active group first (step 2)."))
            return None
        return dossier, group

    def _busy(self) -> bool:
        if self.task is not None:
            self.context.info(tr("Please wait: the previous photo task is still running."))
            return True
        return False

    # import ----------------------------------------------------------------------
    def choose_folder(self) -> None:
        settings = UserSettings.load()
        folder = QFileDialog.getExistingDirectory(
            self.panel, tr("Folder of the group's photos"), settings.last_folder
        )
        if folder:
            settings.last_folder = folder
            settings.save()
            self.import_photos(folder)

    def choose_files(self) -> None:
        settings = UserSettings.load()
        files, _ = QFileDialog.getOpenFileNames(
            self.panel,
            tr("Photos of the group"),
            settings.last_folder,
            tr("Photos (*.jpg *.jpeg *.JPG *.JPEG *.heic *.HEIC *.tif *.tiff *.png)"),
        )
        if files:
            settings.last_folder = str(Path(files[0]).parent)
            settings.save()
            self.import_photos(files)

    def import_photos(self, sources):
        """Import with a progress dialog; returns the report (None: failed or cancelled)."""
        ready = self._ready()
        if ready is None or self._busy():
            return None
        dossier, group = ready
        tolerance = self.tolerance.value()
        transforms = QgsProject.instance().transformContext()
        return self._start(
            tr("Importing photos"),
            lambda feedback: photos.import_photos(
                dossier, group, sources, tolerance, feedback, transforms
            ),
            lambda report: self.imported(dossier, group, report),
        )

    def _start(self, description: str, work, on_success):
        """Run ``work(feedback)`` on the main thread behind a modal progress with Cancel.

        The work builds QGIS projects and renders the offline basemap: neither is safe
        in a worker thread (a task crashed QGIS now and then with a corrupted heap).
        Returns what ``work`` returned, or None when it failed or was cancelled.
        """
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtWidgets import QProgressDialog

        # the work reads and writes the file: what is still in an edit buffer goes first
        self.context.saver.save_dossier()
        dialog = QProgressDialog(description, tr("Cancel"), 0, 100, self.panel)
        dialog.setWindowTitle(tr("Atelier territorial"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        feedback = _DialogFeedback(dialog)
        self.task = dialog  # busy: a second request is refused meanwhile
        cancelled = False
        try:
            value = work(feedback)
            cancelled = feedback.isCanceled()  # before closing: closing counts as Cancel
        except AtelierError as exc:
            self.context.error(exc)
            return None
        except (OSError, RuntimeError, ValueError, sqlite3.Error) as exc:
            # French words in the bar, the traceback in the log; the dossier's last
            # save (just above) and the photo files themselves are untouched
            self.context.failed(
                tr("{task} failed").format(task=description),
                exc,
                tr("Your photos stay where they were and the dossier keeps its last saved state."),
            )
            return None
        finally:
            self.task = None
            dialog.close()
            dialog.deleteLater()
        if cancelled:
            self.context.info(tr("Cancelled."))
            return None
        on_success(value)
        return value

    def imported(self, dossier: str, group: str, report: photos.ImportReport) -> None:
        self.last_report = report
        self.refresh_layers()
        summary = photos_summary.summarize(dossier, group, report)
        self.last_summary = summary
        c = report.counts()
        text = tr(
            "{imported} photos imported for {group}, {attached} of them attached to a stop; "
            "{no_gps} without GPS, {outside} outside the study perimeter, "
            "{unreadable} unreadable, {already} already imported."
        ).format(
            imported=c["IMPORTED"],
            group=group,
            attached=summary.attached,
            no_gps=c["NO_GPS"],
            outside=c["OUTSIDE_AREA"],
            unreadable=c["UNREADABLE"],
            already=c["ALREADY_IMPORTED"],
        )
        LOG.info("%s", "\n".join([text, *summary.lines()]))
        warn = bool(report.outside or report.unreadable)
        photo_summary.announce(
            self.iface.messageBar(), text, warn, lambda: self.open_summary(summary, text)
        )
        if report.no_gps:
            self.open_place_dialog(dossier, group, report.no_gps)

    def open_summary(self, summary, totals: str) -> photo_summary.PhotoSummaryDialog:
        if self.summary_dialog is not None:
            self.summary_dialog.close()
        self.summary_dialog = photo_summary.PhotoSummaryDialog(summary, totals, self.panel)
        self.summary_dialog.show()
        self.summary_dialog.raise_()
        return self.summary_dialog

    def open_place_dialog(self, dossier: str, group: str, issues) -> PlacePhotosDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = PlacePhotosDialog(
            self.iface.mapCanvas(), dossier, group, issues, self.tolerance.value(), self.panel
        )
        self.dialog.placed.connect(lambda _rel: self.refresh_layers())
        self.dialog.show()
        return self.dialog

    # layers ----------------------------------------------------------------------
    def refresh_layers(self) -> None:
        for layer in QgsProject.instance().mapLayers().values():
            if layer.customProperty(workspace.PROP_TABLE) == "observations":
                layer.dataProvider().reloadData()
                layer.triggerRepaint()
        photo_style.style_project_observations()

    def _layers_added(self, layers) -> None:
        if any(
            lyr.type() == compat.LAYER_VECTOR
            and lyr.customProperty(workspace.PROP_TABLE) == "observations"
            for lyr in layers
        ):
            # after the caller has finished configuring forms and styles
            QTimer.singleShot(0, lambda: photo_style.style_project_observations(keep_colour=True))

    # field package ---------------------------------------------------------------
    def export_package(self):
        ready = self._ready()
        if ready is None or self._busy():
            return None
        dossier, group = ready
        settings = UserSettings.load()
        out = QFileDialog.getExistingDirectory(
            self.panel, tr("Where to write the field package"), settings.last_folder
        )
        if not out:
            return None
        return self.start_export(dossier, group, out)

    def start_export(self, dossier: str, group: str, out: str):
        def written(package):
            url = QUrl.fromLocalFile(str(package)).toString()
            self.context.success(
                tr('Field package of {group} written to <a href="{url}">{path}</a>').format(
                    group=group, url=url, path=str(package)
                ),
                10,
            )

        return self._start(
            tr("Exporting the field package of {group}").format(group=group),
            lambda feedback: field_package.export_field_package(
                dossier, group, out, feedback=feedback
            ),
            written,
        )

    def merge_package(self) -> None:
        dossier = self.context.dossier
        if not dossier or not Path(dossier).is_file():
            self.context.warning(tr("Open or build a dossier first (step 1)."))
            return
        folder = QFileDialog.getExistingDirectory(
            self.panel, tr("Field package to bring back"), UserSettings.load().last_folder
        )
        if folder:
            self.merge_from(folder, dossier)

    def merge_from(self, folder: str, dossier: str) -> merge.MergeReport | None:
        """Three-way merge; counts in the message bar, conflicts in a dialog to choose."""
        project = QgsProject.instance()
        try:
            report = merge.merge_field_package(
                folder, dossier, before_read=merge.pending_saver(project), project=project
            )
        except AtelierError as exc:
            self.context.error(error_text(exc))
            return None
        self.refresh_layers()
        c = report.counts()
        text = tr(
            "Field package of {group} merged: {inserted} added, {updated} updated, "
            "{deleted} deleted, {photos} photos copied, {conflicts} conflicts."
        ).format(
            group=report.groupe,
            inserted=c["INSERTED"],
            updated=c["UPDATED"],
            deleted=c["DELETED"],
            photos=report.photos_copied,
            conflicts=c["CONFLICTS"],
        )
        if report.conflicts:
            self.context.warning(text + " " + tr("Choose the value to keep for each conflict."), 15)
            self.open_conflicts(folder, dossier, report.conflicts)
        else:
            self.context.success(text, 10)
        return report

    def open_conflicts(self, folder: str, dossier: str, conflicts) -> MergeConflictsDialog:
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.close()
        dialog = MergeConflictsDialog(conflicts, self.panel)
        dialog.accepted.connect(lambda: self.resolve(folder, dossier, dialog.choices()))
        dialog.finished.connect(lambda _result: self._conflicts_closed(dialog))
        self.conflicts_dialog = dialog
        dialog.open()
        return dialog

    def _conflicts_closed(self, dialog) -> None:
        if self.conflicts_dialog is dialog:
            self.conflicts_dialog = None
        dialog.deleteLater()

    def resolve(self, folder: str, dossier: str, choices: dict) -> merge.MergeReport | None:
        project = QgsProject.instance()
        try:
            report = merge.resolve_conflicts(
                folder, dossier, choices, before_read=merge.pending_saver(project), project=project
            )
        except AtelierError as exc:
            self.context.error(error_text(exc))
            return None
        self.refresh_layers()
        taken = sum(1 for choice in choices.values() if choice == merge.TAKE_FIELD)
        text = tr(
            "Conflicts settled: {field} values taken from the field, {office} kept from the office."
        ).format(field=taken, office=len(choices) - taken)
        if report.conflicts:
            self.context.warning(
                text
                + " "
                + tr("{n} conflicts remain (changed again meanwhile).").format(
                    n=len(report.conflicts)
                )
            )
        else:
            self.context.success(text)
        return report

    def unload(self) -> None:
        try:
            QgsProject.instance().layersAdded.disconnect(self._layers_added)
        except (TypeError, RuntimeError):
            pass
        if self.dialog is not None:
            self.dialog.close()
            self.dialog = None
        if self.summary_dialog is not None:
            self.summary_dialog.close()
            self.summary_dialog = None
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.close()
            self.conflicts_dialog = None


class _DialogFeedback(QgsFeedback):
    """Progress of the services' work shown in the dialog; its Cancel button stops the loop."""

    def __init__(self, dialog):
        super().__init__()
        self.dialog = dialog
        self.progressChanged.connect(lambda p: dialog.setValue(int(p)))

    def isCanceled(self) -> bool:  # noqa: N802
        return self.dialog.wasCanceled() or super().isCanceled()
