# SPDX-License-Identifier: GPL-2.0-or-later
"""Paths the person chose: made absolute, compared, never resolved.

``Path.resolve`` turns a mapped drive (``Z:\\dossier``) into the UNC path
behind it and follows links: the dossier would then be written, remembered
and shown under a name the person never typed, and compared unequal to the
same file opened through the drive. Only the plugin's own files (paths.py)
are resolved.
"""

from __future__ import annotations

import os
from pathlib import Path


def absolute(path: str | os.PathLike) -> Path:
    """`path` made absolute against the working folder, nothing else changed."""
    return Path(os.path.abspath(os.fspath(path)))


def same_path(a: str | os.PathLike, b: str | os.PathLike) -> bool:
    """Whether `a` and `b` name the same file (a drive and its share alike).

    The file system decides when both exist (``samefile`` compares the file
    ids, so ``Z:\\d.gpkg`` and ``\\\\server\\share\\d.gpkg`` match); otherwise
    the absolute, case-normalised spellings are compared.
    """
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        pass
    return os.path.normcase(absolute(a)) == os.path.normcase(absolute(b))


def project_folder(project) -> Path | None:
    """The folder of a saved QGIS project (``QgsProject``), None while it is unsaved."""
    folder = project.absolutePath() if project is not None else ""
    return absolute(folder) if folder else None
