# SPDX-License-Identifier: GPL-2.0-or-later
"""Edits on disk: what a person draws is written as soon as its form is accepted.

QGIS keeps edits in the layer's edit buffer until "save edits"; a crash or a
battery running out loses the buffer, and every reader of the GeoPackage
(boards, field package, publishing, synthesis) sees the file without them.
Here:

- ``commit(layer)`` writes a layer's buffer and leaves it in editing, so the
  person goes on drawing. A failure (the GeoPackage locked by another
  program, a full disk, a read-only folder) keeps the buffer as it is — QGIS
  only drops from it what it did write — and is retried a few times before
  it is reported: nothing is rolled back.
- ``save_pending(project, dossier)`` does that for every project layer on the
  dossier before the plugin reads the file behind them.
- ``reload_layers(project, dossier)`` refreshes those layers after the plugin
  wrote through the provider, so the map and the forms show the file.

Core only: the GUI decides how to tell the person (see gui/saver.py).
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import QgsDataSourceUri, QgsProject, QgsProviderRegistry, QgsVectorLayer

from ..infra.i18n import tr
from .postgis import is_pg

LOG = logging.getLogger(__name__)

#: Pauses between two tries of a commit that failed (seconds): a GeoPackage
#: locked by another writer is usually free again within a few tenths.
RETRY_DELAYS = (0.05, 0.2, 0.5, 1.0)
#: A failure that came back faster than this was SQLite's deadlock answer, worth a retry.
QUICK_FAILURE_S = 1.0
#: Words of SQLite/GDAL errors that a later try may get past.
TRANSIENT = ("locked", "busy")


@dataclass
class CommitResult:
    ok: bool
    errors: list[str] = field(default_factory=list)
    tries: int = 1

    @property
    def transient(self) -> bool:
        text = " ".join(self.errors).lower()
        return any(word in text for word in TRANSIENT)


def _norm(path: str) -> str:
    # normcase/normpath and no resolve(): a mapped drive must stay the path the person chose
    return os.path.normcase(os.path.normpath(os.path.abspath(path)))


def layer_file(layer) -> str | None:
    """The file behind an OGR layer (None for other providers)."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    return path or None


def layers_on(project: QgsProject | None, dossier: str | Path | None) -> list[QgsVectorLayer]:
    """Vector layers of ``project`` that read the dossier (a GeoPackage or a ``pg:`` workshop)."""
    if project is None or not dossier:
        return []
    dossier = str(dossier)
    out = []
    if is_pg(dossier):
        schema = dossier[3:].rsplit("/", 1)[-1]
        for layer in project.mapLayers().values():
            if isinstance(layer, QgsVectorLayer) and layer.providerType() == "postgres":
                if QgsDataSourceUri(layer.source()).schema() == schema:
                    out.append(layer)
        return out
    wanted = _norm(dossier)
    for layer in project.mapLayers().values():
        path = layer_file(layer)
        if path and _norm(path) == wanted:
            out.append(layer)
    return out


def has_pending(layer) -> bool:
    return bool(layer.isEditable() and layer.isModified())


def commit(layer: QgsVectorLayer, delays=RETRY_DELAYS, sleep=time.sleep) -> CommitResult:
    """Write the layer's edit buffer and keep it in editing; retry when the file is busy.

    SQLite answers "database is locked" at once when two writers would deadlock: a
    try a few tenths later goes through. When the provider itself waited for the lock
    (the answer came late: another program holds the file), trying again at once
    would only freeze QGIS longer; the caller tries later instead.
    """
    if not has_pending(layer):
        return CommitResult(True, tries=0)
    tries = 0
    errors: list[str] = []
    for delay in (0.0, *delays):
        if delay:
            sleep(delay)
        tries += 1
        started = time.monotonic()
        if layer.commitChanges(False):
            if tries > 1:
                LOG.info(
                    tr("{layer} saved after {tries} tries").format(layer=layer.name(), tries=tries)
                )
            return CommitResult(True, tries=tries)
        waited = time.monotonic() - started
        errors = [str(e) for e in layer.commitErrors()]
        LOG.warning(
            tr("Saving {layer} failed (try {tries}): {errors}").format(
                layer=layer.name(), tries=tries, errors="; ".join(errors)
            )
        )
        if not layer.isEditable():  # never expected; keep the person able to save later
            layer.startEditing()
        if not CommitResult(False, errors).transient or waited > QUICK_FAILURE_S:
            break
    return CommitResult(False, errors, tries)


def save_pending(project: QgsProject | None, dossier) -> list[str]:
    """Commit every layer on the dossier that has pending edits; names of those that failed."""
    failed = []
    for layer in layers_on(project, dossier):
        if has_pending(layer) and not commit(layer).ok:
            failed.append(layer.name())
    return failed


def pending_layers(project: QgsProject | None, dossier) -> list[QgsVectorLayer]:
    return [lyr for lyr in layers_on(project, dossier) if has_pending(lyr)]


def reload_layers(project: QgsProject | None, dossier, except_pending: bool = True) -> int:
    """Re-read the file behind the dossier's layers after a write through the provider."""
    count = 0
    for layer in layers_on(project, dossier):
        if except_pending and has_pending(layer):
            continue  # reloading would hide nothing, but keep the person's buffer untouched
        layer.dataProvider().reloadData()
        layer.triggerRepaint()
        count += 1
    return count
