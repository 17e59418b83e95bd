# SPDX-License-Identifier: GPL-2.0-or-later
"""Facts for the "first workshop" path, counted in the dossier without writing to it.

GeoPackage dossiers are read through a read-only SQLite connection, PostGIS
ones through the workshop's schema. The boards count is the PDFs in the
dossier's ``planches`` folder, where the export dialog writes by default.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from ..domain.errors import AtelierError
from ..store import postgis
from ..store.sqlite_ro import connect_readonly

LOG = logging.getLogger(__name__)

#: fact -> SQL on the contract's tables (plain SQL both SQLite and PostgreSQL read)
QUERIES = {
    "groups": "SELECT count(*) FROM {s}groupes",
    "routes": "SELECT count(DISTINCT groupe) FROM {s}parcours",
    "stops": "SELECT count(*) FROM {s}arrets",
    "photos": "SELECT count(*) FROM {s}observations WHERE photo IS NOT NULL AND photo <> ''",
    "diagnostic": "SELECT count(*) FROM {s}diagnostic",
    "enjeux": "SELECT count(*) FROM {s}enjeux",
    "links": "SELECT count(*) FROM {s}enjeux_outils",
}


def boards_printed(dossier: str) -> int:
    if not dossier or postgis.is_pg(dossier):
        return 0
    folder = Path(dossier).parent / "planches"
    return sum(1 for _ in folder.rglob("*.pdf")) if folder.is_dir() else 0


def _count(cur, sql: str, errors, rollback=None) -> int:
    try:
        cur.execute(sql)
        return int(cur.fetchone()[0])
    except errors as exc:  # a missing table means "nothing yet"
        if rollback is not None:
            rollback()
        LOG.debug("%s", exc)
        return 0


def _locked(ws) -> bool:
    from qgis.core import QgsApplication

    uri = postgis.connection_uri(ws.connection)
    return bool(uri.authConfigId()) and not QgsApplication.authManager().masterPasswordIsSet()


def read_facts(dossier: str) -> dict:
    """Counts of what the day left in the dossier; ``{"dossier": False}`` when none opens."""
    if not dossier:
        return {"dossier": False}
    facts = {"dossier": True, "boards": boards_printed(dossier)}
    if postgis.is_pg(dossier):
        try:
            ws = postgis.parse_dossier(dossier)
            if _locked(ws):  # a refresh of the panel must never ask for a password
                return {"dossier": True, "name": ws.schema}
            conn = postgis.connect(ws)
            errors = postgis._psycopg2().Error
        except AtelierError as exc:
            LOG.debug("%s", exc)
            return {"dossier": True, "name": dossier}
        facts["name"] = ws.schema
        try:
            cur = conn.cursor()
            prefix = f'"{ws.schema}".'
            for key, sql in QUERIES.items():
                facts[key] = _count(cur, sql.format(s=prefix), errors, conn.rollback)
        finally:
            conn.close()
        return facts
    path = Path(dossier)
    facts["name"] = path.name
    if not path.is_file():
        return {"dossier": False}
    try:
        conn = connect_readonly(path, timeout=2.0)
    except sqlite3.Error as exc:
        LOG.debug("%s", exc)
        return facts
    try:
        cur = conn.cursor()
        for key, sql in QUERIES.items():
            facts[key] = _count(cur, sql.format(s=""), sqlite3.Error)
    finally:
        conn.close()
    return facts
