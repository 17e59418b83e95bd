# SPDX-License-Identifier: GPL-2.0-or-later
"""What both stores' writers share: a row, NULL as None, the contract columns, timeouts.

A leaf of store/: the GeoPackage writer (transaction), the server one
(transaction_pg) and the conflict checks (pg_conflicts) all import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import compat
from ..domain import schema
from ..domain.errors import QT_TR_NOOP, AtelierError

#: How long a write waits for another program holding the GeoPackage (ms).
BUSY_TIMEOUT_MS = 5000
#: How long a server write waits for a row another computer is writing.
LOCK_TIMEOUT = "10s"


@dataclass
class Row:
    fid: int
    version: int | None  # None in a GeoPackage (no version column)
    values: dict = field(default_factory=dict)


def plain_value(value):
    """A QVariant NULL (or None) as None, anything else as it is: the one NULL
    normaliser of the plugin (a text "NULL" typed by a person stays a text)."""
    return None if compat.is_null(value) else value


def columns(table: str) -> list[str]:
    spec = schema.TABLES_BY_NAME.get(table)
    return spec.field_names() if spec else []


def nothing_changed(dossier, table: str, error: str) -> AtelierError:
    return AtelierError(
        QT_TR_NOOP("Cannot write into {path} (table {table}): {error}. Nothing was changed."),
        path=str(dossier),
        table=table,
        error=error or "?",
    )
