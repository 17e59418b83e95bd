# SPDX-License-Identifier: GPL-2.0-or-later
"""The panel's "Publish the dossier on the server" and "Fetch to local".

Both ask for the server in ServerDialog, then run the same services as
``atelier:publish_dossier`` / ``atelier:fetch_dossier`` on the main thread
(see ``_run``). What would be replaced is said first, in French, with the
name of the backup that is kept:

- publishing over a workshop renames it on the server to a dated backup;
  any other schema is refused by the services before anything is asked;
- fetching over a GeoPackage keeps the old file beside it, and the project's
  layers on that file are closed while it is replaced, then reopened on it.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QMessageBox

from ..domain.errors import AtelierError
from ..infra.i18n import tr
from .auth import unlock_auth

LOG = logging.getLogger(__name__)


def _run(context, description: str, function, on_success, on_end=None, kept="") -> None:
    """``function(feedback)`` on the main thread, with a progress window and its Cancel; an error goes to the message
    bar (with ``kept``: what is kept), a result to ``on_success(result)``; ``on_end()``
    runs in every case.

    Not in a QgsTask: the copies open OGR and PostgreSQL layers through QGIS's providers
    and save styles through them, and on QGIS 3.22 a task opening an OGR layer while the
    main thread opened another deadlocked (publishing, then fetching, from the panel).
    """
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QApplication

    from .boards_export import ProgressFeedback

    progress = _progress_dialog(context, description)
    feedback = ProgressFeedback(progress)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    progress.show()
    try:
        try:
            result = function(feedback)
        finally:
            QApplication.restoreOverrideCursor()
            progress.close()
            progress.deleteLater()
    except AtelierError as exc:
        context.error(exc)
    except Exception as exc:  # noqa: BLE001 - a bug or the system: said in French, logged
        context.failed(tr("{task} failed").format(task=description), exc, kept)
    else:
        on_success(result)
    finally:
        if on_end is not None:
            on_end()


def _progress_dialog(context, description: str):
    """A modal window naming the table being copied, with Cancel (the copy is one
    transaction on the server, a temporary file locally: cancelling changes nothing)."""
    from .boards_export import progress_dialog

    parent = context.iface.mainWindow() if context.iface is not None else None
    return progress_dialog(parent, description + "…", description, "ServerTransferProgress", 0)


def _ask_workspace(step_panel, mode):
    """The server dialog of ``mode``, then the master password: (ws, gpkg, replace) or None."""
    from .server_dialog import ServerDialog

    context = step_panel.context
    dialog = ServerDialog(mode, context.dossier or "", step_panel.iface.mainWindow())
    if not dialog.exec() or dialog.workspace is None:
        return None
    if not _unlock_auth(context):
        return None
    return dialog.workspace, dialog.gpkg(), dialog.replace()


def _unlock_auth(context) -> bool:
    """Ask for the master password here, in the main thread, not inside the task."""
    if unlock_auth():
        return True
    context.error(tr("The QGIS authentication database stays locked: nothing was copied."))
    return False


def _confirm(parent, name: str, title: str, text: str, yes: str) -> bool:
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    ok.setObjectName("confirmButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def _when(value: str) -> str:
    try:
        return dt.datetime.fromisoformat(value).strftime("%d/%m/%Y %H:%M")
    except (TypeError, ValueError):
        return value or "?"


# publishing ------------------------------------------------------------------------


def publish(step_panel) -> None:
    from ..services.server import pg_sync
    from ..store import saving
    from .server_dialog import PUBLISH

    context = step_panel.context
    asked = _ask_workspace(step_panel, PUBLISH)
    if asked is None:
        return
    ws, gpkg, replace = asked
    failed = saving.save_pending(QgsProject.instance(), gpkg)
    if failed:
        context.error(
            tr("Pending edits of {layers} could not be saved: nothing was published.").format(
                layers=", ".join(failed)
            )
        )
        return
    try:  # refusals (public, a schema the plugin did not make…) come before any question
        target = pg_sync.inspect_target(ws.dossier, replace)
    except AtelierError as exc:
        context.error(exc)
        return
    if target is not None and not _confirm(
        step_panel.iface.mainWindow(),
        "confirmReplaceWorkshop",
        tr("Replace the workshop on the server"),
        tr(
            "The schema {schema} on the server holds a workshop ({rows} features, created on "
            "{created}). It will be replaced by a copy of the dossier {dossier}.\n\nNothing is "
            "deleted: the current workshop, with everything the groups saved on the server, is "
            "kept on the server as the schema {backup}."
        ).format(
            schema=ws.schema,
            rows=target["rows"],
            created=_when(target.get("created", "")),
            dossier=Path(gpkg).name,
            backup=target["backup"],
        ),
        tr("Replace (keep a backup)"),
    ):
        return

    def done(counts):
        _published(step_panel, ws, gpkg, counts)

    _run(
        context,
        tr("Publishing the dossier on the server"),
        lambda feedback: pg_sync.publish(
            gpkg, ws.dossier, replace, feedback, backup=target["backup"] if target else None
        ),
        done,
        kept=tr("Your dossier {path} is unchanged.").format(path=gpkg),
    )


def _published(step_panel, ws, gpkg: str, counts) -> None:
    from ..services.server import pg_project
    from ..store import postgis

    context = step_panel.context
    try:
        target = Path(gpkg).with_name(f"{ws.schema}_serveur.qgz")
        template = Path(gpkg).with_suffix(".qgz")  # the dossier's own project
        project = pg_project.write_facilitator_project(ws.dossier, target, template, gpkg)
        for spec in postgis.read_groups(ws):  # one project per group's laptop
            name = re.sub(r"[^\w-]+", "_", spec.name).strip("_") or str(spec.order)
            pg_project.write_group_project(
                ws.dossier,
                spec.name,
                target.with_name(f"{ws.schema}_{name}.qgz"),
                template,
                gpkg,
            )
    except AtelierError as exc:
        context.error(exc)
        return
    message = tr(
        "Dossier published in {schema} ({count} features). Facilitator's project: {path} "
        "(and one project per group beside it)"
    ).format(schema=ws.schema, count=sum(counts.values()), path=str(project))
    if getattr(counts, "backup", ""):
        message += " " + tr("The previous workshop is kept on the server as {backup}.").format(
            backup=counts.backup
        )
    context.success(message)
    box = QMessageBox(step_panel.iface.mainWindow())
    box.setObjectName("openFacilitatorProject")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(tr("Publish the dossier on the server"))
    box.setText(tr("Open the facilitator's project, which shows every group live?"))
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.exec()
    # the clicked button, not exec()'s int: PyQt6 enums do not compare equal to ints
    if box.standardButton(box.clickedButton()) == QMessageBox.StandardButton.Yes:
        step_panel.iface.addProject(str(project))


# fetching --------------------------------------------------------------------------


def fetch(step_panel) -> None:
    from ..services.server import pg_fetch
    from ..store import gpkg_replace
    from .server_dialog import FETCH

    context = step_panel.context
    asked = _ask_workspace(step_panel, FETCH)
    if asked is None:
        return
    ws, gpkg, replace = asked
    if not gpkg.lower().endswith(".gpkg"):
        gpkg += ".gpkg"
    target = Path(gpkg)
    if target.exists() and not replace:
        context.error(
            tr("{path} already exists: choose another file or confirm the replacement.").format(
                path=gpkg
            )
        )
        return
    released = []
    if target.exists():
        layers = gpkg_replace.layers_on_file(QgsProject.instance(), target)
        text = tr(
            "The GeoPackage {path} will be replaced by the workshop {schema} from the server."
            "\n\nNothing is deleted: the current file is kept beside it as {backup}."
        ).format(
            path=target.name,
            schema=ws.schema,
            backup=gpkg_replace.backup_path(target).name,
        )
        if layers:
            text += "\n\n" + tr(
                "{count} layers of the project read this file ({layers}): their pending edits "
                "are saved, they are closed while it is replaced, then show the fetched copy."
            ).format(count=len(layers), layers=", ".join(lyr.name() for lyr in layers[:8]))
        if not _confirm(
            step_panel.iface.mainWindow(),
            "confirmReplaceGeoPackage",
            tr("Replace the GeoPackage"),
            text,
            tr("Replace (keep a backup)"),
        ):
            return
        try:
            released = gpkg_replace.release_layers(layers)
        except AtelierError as exc:
            context.error(exc)
            return

    def reopen():
        invalid = gpkg_replace.reattach_layers(released)
        if invalid:
            context.warning(
                tr("These layers could not be reopened on {path}: {layers}").format(
                    path=gpkg, layers=", ".join(invalid)
                )
            )

    def done(counts):
        message = tr("Workshop {schema} copied into {path} ({count} features).").format(
            schema=ws.schema, path=gpkg, count=sum(counts.values())
        )
        if getattr(counts, "backup", ""):
            message += " " + tr("The previous GeoPackage is kept as {backup}.").format(
                backup=counts.backup
            )
        context.success(message)

    _run(
        context,
        tr("Fetching the workshop from the server"),
        lambda feedback: pg_fetch.fetch(ws.dossier, gpkg, replace, feedback),
        done,
        on_end=reopen,
        kept=tr("The GeoPackage {path} is as it was before.").format(path=gpkg),
    )
