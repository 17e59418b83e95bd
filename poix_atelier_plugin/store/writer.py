# SPDX-License-Identifier: GPL-2.0-or-later
"""The writer both stores offer inside ``transaction()``: lock rows, check versions."""

from __future__ import annotations

from collections.abc import Iterable

from .pg_conflicts import changed_error


class Writer:
    """What both stores offer; ``written`` lists the tables to reload after commit."""

    def __init__(self, dossier, tables: Iterable[str]):
        self.dossier = dossier
        self.tables = list(dict.fromkeys(tables))
        self.written: set[str] = set()

    def lock(self, table: str, fids: Iterable[int], versions: dict | None = None) -> dict:
        """The rows of ``fids`` still there (fid → version), held until the end.

        A row whose version differs from the one in ``versions`` is a conflict.
        """
        found = {row.fid: row.version for row in self.select(table, fids=fids, lock=True)}
        for fid, version in (versions or {}).items():
            if version is not None and fid in found and found[fid] is not None:
                if int(found[fid]) != int(version):
                    raise changed_error(table, fid)
        return found
