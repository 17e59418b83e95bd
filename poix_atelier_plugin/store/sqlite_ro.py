# SPDX-License-Identifier: GPL-2.0-or-later
"""The one way the plugin opens a GeoPackage read-only with SQLite.

Dossiers live on local disks, mapped drives (``Z:\\...``) and network shares
(``\\\\server\\share\\...``). SQLite only opens a file read-only through a
``file:`` URI, and refuses a host in it (``file://server/share/x`` gives
"invalid uri authority", which is what ``Path.as_uri()`` makes of a UNC
path). So the URI is built here, once, by a pure function that the tests
feed Windows paths on any system:

- ``\\\\server\\share\\d\\a.gpkg`` -> ``file:////server/share/d/a.gpkg``
  (empty authority, the path keeps its two leading slashes: Windows opens
  ``//server/share/...`` as the share);
- ``Z:\\d\\a.gpkg`` -> ``file:///Z:/d/a.gpkg`` (the drive letter as typed:
  never resolved to the UNC path behind it);
- spaces, accents, ``?``, ``#`` and ``%`` are percent-encoded (UTF-8).
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import PurePath, PureWindowsPath
from urllib.parse import quote

from ..infra.user_paths import absolute

_DRIVE = re.compile(r"^[A-Za-z]:/")
# Characters kept as they are in the URI path; everything else is encoded.
_SAFE = "/:"


def _windows_text(text: str) -> str:
    text = text.replace("\\", "/")
    if text.startswith("//?/UNC/"):  # extended-length UNC: \\?\UNC\server\share
        return "//" + text[len("//?/UNC/") :]
    if text.startswith("//?/") or text.startswith("//./"):  # \\?\C:\...
        return text[4:]
    return text


def readonly_uri(path: str | os.PathLike, windows: bool | None = None) -> str:
    """The SQLite URI that opens `path` read-only.

    `windows` says how to read a plain string (default: like this system);
    a PureWindowsPath is always read as a Windows path.
    """
    if windows is None:
        windows = isinstance(path, PureWindowsPath) or (
            os.name == "nt" and not isinstance(path, PurePath)
        )
    text = os.fspath(path)
    if windows:
        text = _windows_text(text)
        if text.startswith("//"):  # a share: empty authority, then //server/share
            prefix, rest = "file://", text
        elif _DRIVE.match(text):
            prefix, rest = "file:///", text
        else:
            prefix, rest = "file:", text
    elif text.startswith("/"):
        prefix, rest = "file://", text
    else:
        prefix, rest = "file:", text
    return f"{prefix}{quote(rest, safe=_SAFE)}?mode=ro"


def connect_readonly(path: str | os.PathLike, timeout: float = 10.0) -> sqlite3.Connection:
    """A read-only SQLite connection to the GeoPackage at `path` (never written)."""
    return sqlite3.connect(readonly_uri(absolute(path)), uri=True, timeout=timeout)
