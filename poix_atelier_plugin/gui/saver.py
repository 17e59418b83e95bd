# SPDX-License-Identifier: GPL-2.0-or-later
"""Saving what the person draws, and undoing it from the panel.

A drawing is written to the dossier as soon as its form is accepted
(store/saving.py), so a crash loses at most the feature being drawn. When the
write fails (the GeoPackage locked by another program, a full disk, a
read-only folder) the feature stays in the layer's edit buffer, the person is
told in the message bar, and the save is tried again every few seconds.

Writing clears QGIS's undo stack, so the panel keeps its own short history of
drawings (by ``uid``, which every contract table has): "Undo the last drawing"
deletes it from the file, "Redo" writes it back.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

from qgis.core import QgsExpression, QgsFeature, QgsFeatureRequest, QgsProject
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from ..infra.i18n import tr
from ..store import saving

LOG = logging.getLogger(__name__)

#: Milliseconds between two tries of a save that failed.
RETRY_MS = 5000
#: Drawings the panel can undo.
HISTORY = 50


class Saver(QObject):
    """One per dock: saves layers, retries failures, keeps the drawings' history."""

    history_changed = pyqtSignal()
    saved = pyqtSignal(str)  # layer id

    def __init__(self, context, parent=None):
        super().__init__(parent)
        self.context = context
        self.failing: dict[str, str] = {}  # layer id -> last error
        self.undo_stack: list[tuple[str, str, QgsFeature]] = []
        self.redo_stack: list[tuple[str, str, QgsFeature]] = []
        self.timer = QTimer(self)
        self.base_interval = RETRY_MS
        self.timer.setInterval(RETRY_MS)
        self.timer.timeout.connect(self.retry)
        #: layers whose feature form is open: their edit buffer holds the feature
        #: being filled in, inside an undo macro a commit would break
        self.in_form: set[str] = set()

    @contextmanager
    def form_open(self, layer):
        """While a feature form is open on ``layer``, nothing commits it: the feature
        is saved with the person's answers once the form is closed."""
        self.in_form.add(layer.id())
        try:
            yield
        finally:
            self.in_form.discard(layer.id())

    # saving --------------------------------------------------------------------------
    def save(self, layers) -> bool:
        """Commit each layer with pending edits; False (and a message) when one failed.

        Once a file refused a save, the other layers on it are not tried in the same
        round (each try may wait for the lock): they are retried later with it.
        """
        ok = True
        refused: set[str] = set()
        for layer in layers:
            if layer is None or not saving.has_pending(layer):
                continue
            if layer.id() in self.in_form:
                continue  # saved by the drawing once its form is closed
            path = saving.layer_file(layer) or layer.source()
            if path in refused:
                self.failing.setdefault(layer.id(), "")
                ok = False
                continue
            result = saving.commit(layer)
            if result.ok:
                if self.failing.pop(layer.id(), None) is not None:
                    self.context.success(
                        tr("{layer}: the drawings kept in memory are now saved.").format(
                            layer=layer.name()
                        )
                    )
                self.saved.emit(layer.id())
                continue
            ok = False
            refused.add(path)
            first = layer.id() not in self.failing
            self.failing[layer.id()] = "; ".join(result.errors)
            if first:
                self.context.warning(
                    tr(
                        "{layer} could not be saved ({error}). What you drew is kept in "
                        "memory and will be saved as soon as possible; do not close QGIS "
                        "before this message says it is saved."
                    ).format(layer=layer.name(), error=self._short(result.errors)),
                    0,
                )
        if self.failing:
            if not self.timer.isActive():
                self.timer.start()
        else:
            self.timer.setInterval(self.base_interval)
        return ok

    @staticmethod
    def _short(errors) -> str:
        text = " ".join(errors).strip() or tr("unknown error")
        return text if len(text) < 160 else text[:157] + "…"

    def retry(self) -> None:
        project = QgsProject.instance()
        layers = [project.mapLayer(lid) for lid in list(self.failing)]
        for lid in [lid for lid, lyr in zip(list(self.failing), layers) if lyr is None]:
            self.failing.pop(lid, None)  # the layer is gone with its project
        self.save([lyr for lyr in layers if lyr is not None])
        if not self.failing:
            self.timer.stop()
        else:  # a file held by another program: try less often, never freeze QGIS in a loop
            self.timer.setInterval(min(self.timer.interval() * 2, 60_000))

    def save_group(self, groupe: str | None, first=None) -> bool:
        """Commit every layer of the group that has pending edits (drawing and stop numbers)."""
        from ..services.dossier import project_layers

        layers = project_layers.group_layers(QgsProject.instance(), groupe) if groupe else []
        if first is not None:
            layers = [first] + [lyr for lyr in layers if lyr is not first]
        return self.save(layers)

    def save_dossier(self) -> list[str]:
        """Before the plugin reads the file: every layer on the dossier; names that failed."""
        layers = saving.pending_layers(QgsProject.instance(), self.context.dossier)
        self.save(layers)
        return [lyr.name() for lyr in layers if lyr.id() in self.failing]

    # history ---------------------------------------------------------------------------
    def remember(self, layer, fid) -> str | None:
        """A drawing just accepted: the panel can undo it. Returns its uid."""
        feature = layer.getFeature(fid)
        uid = _uid(layer, feature)
        if uid:
            self._push(("add", layer.id(), uid, QgsFeature(feature)))
        return uid

    def remember_change(self, layer, feature) -> None:
        """A feature about to be changed by the plugin (the route along the roads)."""
        uid = _uid(layer, feature)
        if uid:
            self._push(("change", layer.id(), uid, QgsFeature(feature)))

    def _push(self, entry) -> None:
        self.undo_stack.append(entry)
        del self.undo_stack[:-HISTORY]
        self.redo_stack.clear()
        self.history_changed.emit()

    @staticmethod
    def fid_of(layer, uid: str | None, default):
        """The feature id of ``uid`` (a new feature gets its real id when written)."""
        found = _by_uid(layer, uid) if uid else None
        return found.id() if found is not None else default

    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    def can_redo(self) -> bool:
        return bool(self.redo_stack)

    def undo(self) -> bool:
        """Take back the last drawing (or change) in the file; it can be redone."""
        done = self._step(self.undo_stack, self.redo_stack, tr("Undo the last drawing"))
        if done is not None:
            self.context.info(tr("Last drawing on {layer} undone.").format(layer=done))
        return done is not None

    def redo(self) -> bool:
        done = self._step(self.redo_stack, self.undo_stack, tr("Redo the drawing"))
        if done is not None:
            self.context.info(tr("Drawing on {layer} restored.").format(layer=done))
        return done is not None

    def _step(self, source, target, text: str) -> str | None:
        """Apply the inverse of the last entry of ``source``; push its inverse on ``target``."""
        while source:
            kind, layer_id, uid, snapshot = source.pop()
            layer = QgsProject.instance().mapLayer(layer_id)
            if layer is None:
                continue
            current = _by_uid(layer, uid)
            if kind != "remove" and current is None:
                continue  # deleted meanwhile by other means
            if not layer.isEditable():
                layer.startEditing()
            layer.beginEditCommand(text)
            if kind == "add":  # undo an addition: remove it
                layer.deleteFeature(current.id())
                inverse = ("remove", layer_id, uid, QgsFeature(current))
            elif kind == "remove":  # put it back
                layer.addFeature(_copy_for(layer, snapshot))
                inverse = ("add", layer_id, uid, snapshot)
            else:  # a change: swap the geometry back
                layer.changeGeometry(current.id(), snapshot.geometry())
                inverse = ("change", layer_id, uid, QgsFeature(current))
            layer.endEditCommand()
            target.append(inverse)
            self.save([layer])
            self.history_changed.emit()
            return layer.name()
        self.history_changed.emit()
        return None

    def unload(self) -> None:
        self.timer.stop()
        self.undo_stack.clear()
        self.redo_stack.clear()


def _uid(layer, feature) -> str | None:
    if layer.fields().indexOf("uid") < 0:
        return None
    value = feature["uid"]
    return str(value) if value not in (None, "") and value == value else None


def _copy_for(layer, snapshot) -> QgsFeature:
    """A new feature of ``layer`` with the snapshot's geometry and values (a new fid)."""
    feature = QgsFeature(layer.fields())
    feature.setGeometry(snapshot.geometry())
    for name in layer.fields().names():
        if name != "fid" and snapshot.fields().indexOf(name) >= 0:
            feature[name] = snapshot[name]
    return feature


def _by_uid(layer, uid: str):
    request = QgsFeatureRequest().setFilterExpression(f'"uid" = {QgsExpression.quotedValue(uid)}')
    return next(layer.getFeatures(request), None)
