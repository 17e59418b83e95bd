# SPDX-License-Identifier: GPL-2.0-or-later
"""Replacing a GeoPackage that may be open in QGIS, without losing the old one.

A GeoPackage is never ``os.replace``d under a layer that reads it: on Windows
the rename fails, elsewhere the layer goes on reading the deleted file and
its stale ``-wal``/``-journal`` would be applied to the new one. So:

1. the new file is written beside the target under a temporary name;
2. the caller (the GUI, after asking) closes the project's layers on the
   target with ``release_layers`` — they stay in the project, with their
   style, forms and relations, on an empty memory placeholder — after their
   pending edits are saved;
3. ``replace_file`` copies the old file to ``<name>_sauvegarde_YYYYMMDD_HHMMSS.gpkg``
   (SQLite's backup API: a consistent copy that includes what its WAL held),
   removes the stale side files, then renames the new file into place;
4. ``reattach_layers`` points the layers at the file again.

Core only: no dialogs; the GUI decides whether to ask.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsDataProvider, QgsVectorLayer, QgsWkbTypes

from ..domain.errors import QT_TR_NOOP, AtelierError
from ..infra.i18n import tr
from . import saving
from .sqlite_ro import connect_readonly

LOG = logging.getLogger(__name__)

BACKUP_INFIX = "_sauvegarde_"
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def layers_on_file(project, path: str | Path) -> list[QgsVectorLayer]:
    """Vector layers of ``project`` that read the GeoPackage ``path``."""
    return saving.layers_on(project, str(path))


def backup_path(target: str | Path, now: dt.datetime | None = None) -> Path:
    """``<stem>_sauvegarde_YYYYMMDD_HHMMSS<suffix>`` beside ``target``, not yet taken."""
    target = Path(target)
    stem = f"{target.stem}{BACKUP_INFIX}{(now or dt.datetime.now()):%Y%m%d_%H%M%S}"
    candidate = target.with_name(stem + target.suffix)
    n = 1
    while candidate.exists():
        n += 1
        candidate = target.with_name(f"{stem}_{n}{target.suffix}")
    return candidate


def remove_side_files(path: str | Path) -> list[Path]:
    """Remove ``-wal``/``-shm``/``-journal`` beside ``path``; returns those that stay."""
    stuck = []
    for suffix in SIDE_SUFFIXES:
        side = Path(str(path) + suffix)
        if side.exists():
            try:
                os.remove(side)
            except OSError as exc:
                LOG.warning(tr("Could not remove {path}: {error}").format(path=side, error=exc))
                stuck.append(side)
    return stuck


def sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of a GeoPackage, even while QGIS has it open (SQLite backup API)."""
    src = connect_readonly(source)
    try:
        dst = sqlite3.connect(str(target))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def refuse_open(project, target: str | Path) -> None:
    """Raise when layers of ``project`` read ``target`` (None: nothing to check)."""
    open_layers = layers_on_file(project, target) if project is not None else []
    if open_layers:
        raise AtelierError(
            QT_TR_NOOP(
                "{path} is open in the project ({layers}): remove these layers or choose "
                "another file; nothing was replaced."
            ),
            path=str(target),
            layers=", ".join(layer.name() for layer in open_layers),
        )


def replace_file(new: str | Path, target: str | Path, project=None) -> Path | None:
    """Put ``new`` in place of ``target``; returns the backup of the old file (or None).

    Refuses while layers of ``project`` still read ``target`` (close them with
    ``release_layers`` first).
    """
    new, target = Path(new), Path(target)
    refuse_open(project, target)
    backup = None
    if target.exists():
        backup = backup_path(target)
        try:
            sqlite_copy(target, backup)
        except (OSError, sqlite3.Error) as exc:
            backup.unlink(missing_ok=True)
            raise AtelierError(
                QT_TR_NOOP(
                    "The backup of {path} could not be written ({reason}); nothing was replaced."
                ),
                path=str(target),
                reason=str(exc),
            ) from exc
        stuck = remove_side_files(target)
        if stuck:
            raise AtelierError(
                QT_TR_NOOP(
                    "{path} is still in use by another program ({files} cannot be removed): "
                    "close it and try again; nothing was replaced."
                ),
                path=str(target),
                files=", ".join(p.name for p in stuck),
            )
    remove_side_files(new)
    try:
        os.replace(new, target)
    except OSError as exc:
        raise AtelierError(
            QT_TR_NOOP("{path} cannot be replaced ({reason}); the old file is unchanged."),
            path=str(target),
            reason=str(exc),
        ) from exc
    return backup


# layers of the project on the file ---------------------------------------------------


@dataclass
class Released:
    layer: QgsVectorLayer
    source: str
    provider: str
    editing: bool
    read_only: bool


def _placeholder_uri(layer: QgsVectorLayer) -> str:
    if not layer.isSpatial():
        return "None"
    kind = QgsWkbTypes.displayString(layer.wkbType()) or "Unknown"
    crs = layer.crs().authid()
    return f"{kind}?crs={crs}" if crs else kind


def release_layers(layers) -> list[Released]:
    """Close the file behind ``layers``, keeping them in the project; undone by reattach.

    Pending edits are saved first; when one cannot be, nothing is released and
    an AtelierError says which layer.
    """
    layers = list(layers)
    for layer in layers:
        if saving.has_pending(layer) and not saving.commit(layer).ok:
            raise AtelierError(
                QT_TR_NOOP(
                    "The pending edits of {layer} could not be saved: save or discard them, "
                    "then try again; nothing was replaced."
                ),
                layer=layer.name(),
            )
    released = []
    options = QgsDataProvider.ProviderOptions()
    for layer in layers:
        editing = layer.isEditable()
        if editing:
            layer.commitChanges(True)  # nothing pending any more: only leaves editing
        item = Released(layer, layer.source(), layer.providerType(), editing, layer.readOnly())
        # the OGR provider keeps pooled handles on the file until its data is reloaded
        layer.dataProvider().reloadData()
        layer.setDataSource(_placeholder_uri(layer), layer.name(), "memory", options)
        layer.setReadOnly(True)  # nothing drawn on the empty placeholder could be kept
        released.append(item)
    return released


def reattach_layers(released: list[Released]) -> list[str]:
    """Point released layers at their file again; names of those that came back invalid."""
    options = QgsDataProvider.ProviderOptions()
    invalid = []
    for item in released:
        try:
            item.layer.setReadOnly(item.read_only)
            item.layer.setDataSource(item.source, item.layer.name(), item.provider, options)
        except RuntimeError:  # removed from the project meanwhile
            continue
        if not item.layer.isValid():
            invalid.append(item.layer.name())
            continue
        if item.editing:
            item.layer.startEditing()
        item.layer.triggerRepaint()
    return invalid
