# SPDX-License-Identifier: GPL-2.0-or-later
"""Keep GeoPackages in rollback-journal mode while the plugin is loaded.

QGIS 3.22 reads a GeoPackage through a lock-free read-only connection, and
switches the file to WAL as soon as any layer of it is opened for update (an
edit, a commit, a subset string). From then on every lock-free reader of the
same file fails with "unable to open database file" and silently returns no
feature: a board or a proposal would print empty. The workshop dossier has
dozens of layers on one GeoPackage, so it happens all day. Asking GDAL for the
DELETE journal keeps the file readable by every connection; the option only
lives in this process and is restored when the plugin unloads.
"""

from __future__ import annotations

OPTION = "OGR_SQLITE_JOURNAL"


def use_rollback_journal() -> str | None:
    """Set the journal mode for SQLite/GeoPackage; returns the previous value."""
    from osgeo import gdal

    previous = gdal.GetConfigOption(OPTION)
    gdal.SetConfigOption(OPTION, "DELETE")
    return previous


def restore_journal(previous: str | None) -> None:
    from osgeo import gdal

    gdal.SetConfigOption(OPTION, previous)
