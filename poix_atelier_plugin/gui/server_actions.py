# SPDX-License-Identifier: GPL-2.0-or-later
"""The live workshop in the dock: publish on the server, fetch to local, conflicts.

``add_server_actions(step_panel)`` adds the two actions to the Groups step
and watches the project's server layers:

- when a group starts editing one, the rows are remembered; before the
  commit they are compared with the server and, when someone else changed
  the same feature, the person is told what changed and chooses "keep
  mine" or "take theirs" (core/pg_conflicts.py does the work);
- the facilitator's canvas refreshes itself on the server's notifications
  (core/pg_listen.py).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from qgis.core import QgsApplication, QgsProject, QgsTask, QgsVectorLayer
from qgis.PyQt.QtWidgets import QMessageBox

from ..core.i18n import error_text, tr
from ..domain.errors import AtelierError

LOG = logging.getLogger(__name__)

_GUARDS: dict[str, object] = {}
_LISTENERS: dict[str, object] = {}
_TASKS: list[QgsTask] = []
_STATE = {"installed": False}


# actions ------------------------------------------------------------------------


def add_server_actions(step_panel) -> None:
    """Two buttons on the Groups step and the watch over server layers."""
    step_panel.add_action(
        "publish_server",
        tr("Publish the dossier on the server…"),
        lambda: publish(step_panel),
        tr("Copy the dossier into a PostgreSQL/PostGIS schema so that every group works live"),
    )
    step_panel.add_action(
        "fetch_local",
        tr("Fetch to local…"),
        lambda: fetch(step_panel),
        tr("Copy a workshop from the server into a GeoPackage"),
    )
    install()
    step_panel.destroyed.connect(lambda *_: uninstall())


def _run(context, description: str, function, on_success) -> None:
    """Run ``function()`` in a QgsTask; back in the main thread an error goes to the
    message bar, a result to ``on_success(result)``."""

    def work(_task):
        return function()

    def finished(exception, result=None):
        if exception is None and isinstance(result, BaseException):
            exception, result = result, None
        if exception is not None:
            context.error(exception if isinstance(exception, AtelierError) else str(exception))
            return
        on_success(result)

    task = QgsTask.fromFunction(description, work, on_finished=finished)
    _TASKS[:] = [t for t in _TASKS if t.status() not in (QgsTask.Complete, QgsTask.Terminated)]
    _TASKS.append(task)
    QgsApplication.taskManager().addTask(task)


def _ask_workspace(step_panel, mode):
    """The server dialog of ``mode``, then the master password: (ws, gpkg, replace) or None."""
    from .server_dialog import ServerDialog

    context = step_panel.context
    dialog = ServerDialog(mode, context.dossier or "", step_panel.iface.mainWindow())
    if not dialog.exec_() or dialog.workspace is None:
        return None
    if not _unlock_auth(context):
        return None
    return dialog.workspace, dialog.gpkg(), dialog.replace()


def _unlock_auth(context) -> bool:
    """Ask for the master password here, in the main thread, not inside the task."""
    manager = QgsApplication.authManager()
    if manager.masterPasswordIsSet() or manager.setMasterPassword(True):
        return True
    context.error(tr("The QGIS authentication database stays locked: nothing was copied."))
    return False


def publish(step_panel) -> None:
    from ..core import pg_project, pg_sync, postgis
    from .server_dialog import PUBLISH

    context = step_panel.context
    asked = _ask_workspace(step_panel, PUBLISH)
    if asked is None:
        return
    ws, gpkg, replace = asked

    def done(counts):
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
        context.success(
            tr(
                "Dossier published in {schema} ({count} features). Facilitator's project: {path} "
                "(and one project per group beside it)"
            ).format(schema=ws.schema, count=sum(counts.values()), path=str(project))
        )
        answer = QMessageBox.question(
            step_panel.iface.mainWindow(),
            tr("Publish the dossier on the server"),
            tr("Open the facilitator's project, which shows every group live?"),
        )
        if answer == QMessageBox.Yes:
            step_panel.iface.addProject(str(project))

    _run(
        context,
        tr("Publishing the dossier on the server"),
        lambda: pg_sync.publish(gpkg, ws.dossier, replace),
        done,
    )


def fetch(step_panel) -> None:
    from ..core import pg_fetch
    from .server_dialog import FETCH

    context = step_panel.context
    asked = _ask_workspace(step_panel, FETCH)
    if asked is None:
        return
    ws, gpkg, replace = asked
    if not gpkg.lower().endswith(".gpkg"):
        gpkg += ".gpkg"

    def done(counts):
        context.success(
            tr("Workshop {schema} copied into {path} ({count} features).").format(
                schema=ws.schema, path=gpkg, count=sum(counts.values())
            )
        )

    _run(
        context,
        tr("Fetching the workshop from the server"),
        lambda: pg_fetch.fetch(ws.dossier, gpkg, replace),
        done,
    )


# watching the project's server layers ---------------------------------------------


def install() -> None:
    if _STATE["installed"]:
        return
    _STATE["installed"] = True
    project = QgsProject.instance()
    project.layersAdded.connect(_watch_layers)
    project.cleared.connect(_close_listeners)
    _watch_layers(list(project.mapLayers().values()))


def uninstall() -> None:
    if not _STATE["installed"]:
        return
    _STATE["installed"] = False
    project = QgsProject.instance()
    for signal, slot in ((project.layersAdded, _watch_layers), (project.cleared, _close_listeners)):
        try:
            signal.disconnect(slot)
        except TypeError:
            pass
    _close_listeners()
    _GUARDS.clear()


def _close_listeners() -> None:
    for listener in _LISTENERS.values():
        listener.close()
    _LISTENERS.clear()


def _watch_layers(layers) -> None:
    from ..core import pg_conflicts, pg_listen
    from ..core.postgis import is_pg

    for layer in layers:
        if not isinstance(layer, QgsVectorLayer):
            continue
        dossier = layer.customProperty("atelier/dossier") or ""
        if not is_pg(dossier) or layer.id() in _GUARDS:
            continue
        try:
            guard = pg_conflicts.ConflictGuard(layer)
            if dossier not in _LISTENERS:
                _LISTENERS[dossier] = pg_listen.ChangeListener(dossier, guard.uri)
            _LISTENERS[dossier].watch(layer)
        except AtelierError as exc:
            LOG.warning("%s", error_text(exc))
            continue
        _GUARDS[layer.id()] = guard
        layer.editingStarted.connect(guard.snapshot)
        layer.beforeCommitChanges.connect(lambda *_a, g=guard: before_commit(g))
        layer.afterCommitChanges.connect(lambda g=guard: g.layer.isEditable() and g.snapshot())
        layer_id = layer.id()
        layer.willBeDeleted.connect(lambda lid=layer_id: _GUARDS.pop(lid, None))


def describe(conflict) -> str:
    """One conflict in words: what they changed, what I changed."""

    def show(name):
        return tr("geometry") if name == "__geom" else name

    if conflict.deleted_by_them:
        head = tr("Feature {fid}: deleted by someone else.").format(fid=conflict.fid)
    else:
        changes = "; ".join(
            f"{show(k)}: {old!s:.40} → {new!s:.40}" for k, (old, new) in conflict.theirs.items()
        )
        head = tr("Feature {fid}: they changed {changes}.").format(
            fid=conflict.fid, changes=changes or tr("nothing visible")
        )
    mine = (
        tr("you deleted it")
        if conflict.deleted_by_me
        else "; ".join(f"{show(k)} → {v!s:.40}" for k, v in conflict.mine.items())
    )
    return head + " " + tr("You: {mine}.").format(mine=mine)


def ask_conflict_choice(layer: QgsVectorLayer, conflicts) -> bool:
    """True: keep mine, False: take theirs (tests replace this function)."""
    box = QMessageBox(QgsApplication.instance().activeWindow())
    box.setIcon(QMessageBox.Warning)
    box.setWindowTitle(tr("Someone else changed the same features"))
    box.setText(
        tr(
            "While you were editing {layer}, someone else saved changes to {count} of the "
            "features you changed. Which version do you keep?"
        ).format(layer=layer.name(), count=len(conflicts))
    )
    box.setDetailedText("\n".join(describe(c) for c in conflicts))
    mine = box.addButton(tr("Keep mine"), QMessageBox.AcceptRole)
    box.addButton(tr("Take theirs"), QMessageBox.RejectRole)
    box.exec_()
    return box.clickedButton() is mine


def before_commit(guard) -> None:
    """Check for conflicts, let the person choose, then assert the versions."""
    try:
        conflicts = guard.check()
    except AtelierError as exc:
        LOG.warning("%s", error_text(exc))
        guard.assert_versions()
        return
    if not conflicts:
        guard.assert_versions()
        return
    keep_mine = ask_conflict_choice(guard.layer, conflicts)
    versions = {c.fid: c.their_version for c in conflicts if c.their_version}
    guard.assert_versions(set(versions), versions)
    if not keep_mine:
        for conflict in conflicts:
            guard.take_theirs(conflict)
