# SPDX-License-Identifier: GPL-2.0-or-later
"""GDAL configuration options set for one block of one thread, then put back.

A thread-local option is read before the process-wide one by every GDAL call
made in this thread, and by no other thread: a build running in a task does
not change how QGIS's own edits are written meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gdal_option(name: str, value: str) -> Iterator[None]:
    """``name`` = ``value`` for this thread inside the block, as before after it."""
    try:
        from osgeo import gdal
    except ImportError:  # pragma: no cover - GDAL's bindings ship with QGIS
        yield
        return
    previous = gdal.GetThreadLocalConfigOption(name, None)
    gdal.SetThreadLocalConfigOption(name, value)
    try:
        yield
    finally:
        gdal.SetThreadLocalConfigOption(name, previous)


@contextmanager
def no_side_files() -> Iterator[None]:
    """No ``.aux.xml`` written by GDAL for the datasets opened inside the block.

    GDAL decides when a dataset is opened whether it keeps auxiliary
    metadata, and writes it when the dataset closes, next to the dataset's
    *description*: for an MBTiles zoom level that is " - zoom_level=12", a
    relative name, so the file lands in the process's working directory.
    """
    with gdal_option("GDAL_PAM_ENABLED", "NO"):
        yield
