# SPDX-License-Identifier: GPL-2.0-or-later
"""The live workshop in the dock: publish on the server, fetch to local, conflicts.

``add_server_actions(step_panel)`` adds the two actions to the Groups step
(their work is in gui/server_transfer.py) and watches the project's server
layers:

- when a group starts editing one, the rows are remembered; before the
  commit they are compared with the server and, when someone else changed
  the same feature, the person is told what changed and chooses "keep
  mine" or "take theirs" (store/pg_conflicts.py does the work);
- the facilitator's canvas refreshes itself on the server's notifications
  (store/pg_listen.py).
"""

from __future__ import annotations

import logging

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QMessageBox

from ..domain.errors import AtelierError
from ..infra.i18n import error_text, tr

LOG = logging.getLogger(__name__)

_GUARDS: dict[str, object] = {}
_LISTENERS: dict[str, object] = {}
_STATE = {"installed": False}


# actions ------------------------------------------------------------------------


def add_server_actions(step_panel) -> None:
    """Two buttons on the Groups step and the watch over server layers."""
    from . import server_transfer

    step_panel.add_action(
        "publish_server",
        tr("Publish the dossier on the server…"),
        lambda: server_transfer.publish(step_panel),
        tr("Copy the dossier into a PostgreSQL/PostGIS schema so that every group works live"),
    )
    step_panel.add_action(
        "fetch_local",
        tr("Fetch to local…"),
        lambda: server_transfer.fetch(step_panel),
        tr("Copy a workshop from the server into a GeoPackage"),
    )
    install()
    step_panel.destroyed.connect(lambda *_: uninstall())


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
    from ..store import pg_conflicts, pg_listen
    from ..store.postgis import is_pg

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
        layer.raiseError.connect(lambda text, lyr=layer: said_by_the_server(lyr, text))
        layer_id = layer.id()
        layer.willBeDeleted.connect(lambda lid=layer_id: _GUARDS.pop(lid, None))


def said_by_the_server(layer: QgsVectorLayer, text: str) -> None:
    """The server's version trigger refused a commit: say it in the person's words.

    The trigger's text is technical English for the log; the person reads what
    happened and that the edits are still in the layer's edit buffer.
    """
    from qgis.core import Qgis

    from ..store.pg_conflicts import conflict_message

    message = conflict_message(text)
    if message is None:
        return
    message += " " + tr(
        "Your edits of {layer} are kept in the layer, still being edited: "
        "nothing of yours was lost."
    ).format(layer=layer.name())
    LOG.warning("%s", message)
    from qgis.utils import iface

    if iface is not None:
        iface.messageBar().pushMessage(
            tr("Atelier territorial"), message, Qgis.MessageLevel.Warning, 0
        )


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
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(tr("Someone else changed the same features"))
    box.setText(
        tr(
            "While you were editing {layer}, someone else saved changes to {count} of the "
            "features you changed. Which version do you keep?"
        ).format(layer=layer.name(), count=len(conflicts))
    )
    box.setDetailedText("\n".join(describe(c) for c in conflicts))
    mine = box.addButton(tr("Keep mine"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("Take theirs"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
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
