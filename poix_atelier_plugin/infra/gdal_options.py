# SPDX-License-Identifier: GPL-2.0-or-later
"""GDAL configuration options set for one block only, then put back."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gdal_option(name: str, value: str) -> Iterator[None]:
    """``name`` = ``value`` inside the block, the previous value (or none) after it.

    GDAL options are global, not thread-local: keep the block short.
    """
    try:
        from osgeo import gdal
    except ImportError:  # pragma: no cover - GDAL's bindings ship with QGIS
        yield
        return
    previous = gdal.GetConfigOption(name, None)
    gdal.SetConfigOption(name, value)
    try:
        yield
    finally:
        gdal.SetConfigOption(name, previous)
