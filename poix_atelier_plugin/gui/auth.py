# SPDX-License-Identifier: GPL-2.0-or-later
"""The QGIS master password, asked here in the GUI, never by the store.

store.postgis refuses to connect while the authentication database is locked
(``AuthLockedError``); the GUI asks for the password when a server dossier is
opened and before a transfer, on the main thread.
"""

from __future__ import annotations

from qgis.core import QgsApplication

from ..store.postgis import is_pg


def unlock_auth() -> bool:
    """Whether the authentication database is open, after asking for its password if needed."""
    manager = QgsApplication.authManager()
    return manager.masterPasswordIsSet() or manager.setMasterPassword(True)


def unlock_for(dossier: str | None) -> bool:
    """Ask for the master password when ``dossier`` is a server workshop."""
    return not is_pg(dossier) or unlock_auth()
