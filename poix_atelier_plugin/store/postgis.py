# SPDX-License-Identifier: GPL-2.0-or-later
"""The group workspace in a PostgreSQL/PostGIS schema, for live multi-user work.

A workspace on a server is written ``pg:<connection>/<schema>`` wherever a
dossier path is expected. ``<connection>`` is a QGIS PostgreSQL connection
name (its credentials come from a QGIS authentication configuration, so the
project only ever stores ``authcfg=``) or, failing that, a libpq service.

SQL goes through psycopg2 (Debian ``python3-psycopg2``); every identifier is
quoted with ``psycopg2.sql.Identifier`` and every value passed as a
parameter, so schema and group names cannot break or inject SQL.

Each contract table gets ``fid serial`` (the key QGIS edits on), ``uid``
(unique, defaulted server side), ``version`` and ``modifie_le`` maintained by
a trigger, and a statement trigger that sends a notification on the
``atelier`` channel so that the facilitator's canvas refreshes by itself.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from qgis.core import QgsDataSourceUri, QgsProviderRegistry, QgsWkbTypes

from ..domain import schema
from ..domain.errors import QT_TR_NOOP, AtelierError
from ..domain.groups import GroupSpec, normalise_groups, parse_group_names
from ..infra.i18n import tr
from .pg_schema import (  # noqa: F401 - re-exported
    GEOM,
    KEY,
    create_tables,
    existing_tables,
    ident,
    schema_exists,
)

LOG = logging.getLogger(__name__)

PREFIX = "pg:"
#: Notification channel; the payload is JSON {"schema", "table", "op"}.
CHANNEL = "atelier"
#: Columns the server adds to every contract table (not in the GeoPackage).
SERVER_COLUMNS = ("version", "modifie_le")


class AuthLockedError(AtelierError):
    """The connection needs the QGIS master password, not entered yet."""


def _psycopg2():
    try:
        import psycopg2
        import psycopg2.extras
        from psycopg2 import sql  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the machine
        raise AtelierError(
            QT_TR_NOOP(
                "The Python module psycopg2 is missing: install python3-psycopg2 "
                "(or psycopg2 with QGIS's pip) to work on a PostgreSQL server."
            )
        ) from exc
    return psycopg2


@dataclass(frozen=True)
class PgWorkspace:
    """Where a workshop lives on a server: a connection and a schema."""

    connection: str
    schema: str

    @property
    def dossier(self) -> str:
        return f"{PREFIX}{self.connection}/{self.schema}"


def is_pg(dossier: str | None) -> bool:
    return bool(dossier) and str(dossier).startswith(PREFIX)


def parse_dossier(dossier: str) -> PgWorkspace:
    """``pg:<connection>/<schema>`` → PgWorkspace (the schema is after the last ``/``)."""
    text = str(dossier or "")
    if not is_pg(text) or "/" not in text:
        raise AtelierError(
            QT_TR_NOOP("{dossier} is not a server workspace: write it pg:<connection>/<schema>."),
            dossier=text,
        )
    connection, _, name = text[len(PREFIX) :].rpartition("/")
    check_schema_name(name)
    if not connection.strip():
        raise AtelierError(QT_TR_NOOP("Give the name of the PostgreSQL connection."))
    return PgWorkspace(connection, name)


def check_schema_name(name: str) -> None:
    if not name or not name.strip():
        raise AtelierError(QT_TR_NOOP("Give a schema name for the workshop."))
    if len(name.encode("utf-8")) > 63 or "\x00" in name:
        raise AtelierError(
            QT_TR_NOOP("The schema name {name} is too long (63 bytes at most)."), name=name
        )


# connections ----------------------------------------------------------------


def connection_uri(connection: str) -> QgsDataSourceUri:
    """The data source of a QGIS connection (authcfg kept, never expanded here)."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    found = None
    if metadata is not None:
        from qgis.core import QgsProviderConnectionException

        try:
            found = metadata.findConnection(connection)
        except QgsProviderConnectionException:
            found = None  # not a QGIS connection: a libpq service of that name, below
    if found is not None:
        return QgsDataSourceUri(found.uri())
    return QgsDataSourceUri(f"service='{_libpq_quote(connection)}'")


def _libpq_quote(value: str) -> str:
    return value.replace("\\", "\\\\").replace("'", "\\'")


def layer_uri(ws: PgWorkspace, table: str, geometry: str | None = None) -> QgsDataSourceUri:
    """A postgres-provider URI for one table, carrying ``authcfg=`` but no password."""
    uri = connection_uri(ws.connection)
    uri.setPassword("")
    spec = schema.TABLES_BY_NAME.get(table)
    geom_col = GEOM if (spec is None or spec.geometry) else ""
    uri.setDataSource(ws.schema, table, geom_col, "", KEY)
    if geom_col:
        uri.setSrid(str(schema.CRS_EPSG))
        kind = geometry or (spec.geometry if spec else None)
        if kind and kind != "Geometry":
            uri.setWkbType(QgsWkbTypes.parseType(kind))
    return uri


def connect(ws_or_connection, uri: QgsDataSourceUri | None = None):
    """A psycopg2 connection (autocommit off); clear messages on failure.

    ``uri``: a layer's own data source, used instead of the named connection
    (a project opened on a laptop where that connection is not saved).
    """
    psycopg2 = _psycopg2()
    name = (
        ws_or_connection.connection
        if isinstance(ws_or_connection, PgWorkspace)
        else str(ws_or_connection)
    )
    uri = QgsDataSourceUri(uri.uri(False)) if uri is not None else connection_uri(name)
    if uri.authConfigId():
        from qgis.core import QgsApplication

        # Never a dialog here (this may run in a task): the GUI asks (gui/auth.py).
        if not QgsApplication.authManager().masterPasswordIsSet():
            raise AuthLockedError(
                QT_TR_NOOP(
                    "The QGIS authentication database is locked: enter the master password "
                    "to use the connection {connection}."
                ),
                connection=name,
            )
    info = uri.connectionInfo(True)
    try:
        conn = psycopg2.connect(info, connect_timeout=10, application_name="atelier territorial")
    except psycopg2.OperationalError as exc:
        raise _connect_error(name, str(exc)) from exc
    try:
        check_server_version(conn.server_version, name)  # libpq's value, read at connection
    except AtelierError:
        conn.close()
        raise
    return conn


#: Oldest PostgreSQL the workspace SQL runs on: gen_random_uuid(), which fills
#: every uid, is part of the core server from 13 only.
MIN_SERVER_VERSION = 130000


def check_server_version(version_num: int, name: str) -> None:
    """Refuse a server older than PostgreSQL 13 in words, before any SQL fails on it."""
    version = int(version_num or 0)
    if version < MIN_SERVER_VERSION:
        # 120005 is "12", 90624 is "9.6" (two numbers before PostgreSQL 10)
        shown = (
            str(version // 10000)
            if version >= 100000
            else f"{version // 10000}.{version // 100 % 100}"
        )
        raise AtelierError(
            QT_TR_NOOP(
                "The PostgreSQL server of {connection} runs version {version}: the workshop "
                "needs PostgreSQL 13 or newer. Ask the server's administrator for an upgrade, "
                "or work on a GeoPackage dossier."
            ),
            connection=name,
            version=shown,
        )


def _connect_error(name: str, detail: str) -> AtelierError:
    text = detail.lower()
    if "password authentication failed" in text or "no password supplied" in text:
        return AtelierError(
            QT_TR_NOOP(
                "The server refused the user name or password of the connection {connection}. "
                "Check the authentication configuration."
            ),
            connection=name,
        )
    if "does not exist" in text and "database" in text:
        return AtelierError(
            QT_TR_NOOP("The database of the connection {connection} does not exist."),
            connection=name,
        )
    return AtelierError(
        QT_TR_NOOP("Cannot reach the PostgreSQL server of {connection}: {error}"),
        connection=name,
        error=detail.strip(),
    )


def add_groups(cur, name: str, groups: list[GroupSpec]) -> list[str]:
    """Register the groups not yet known; returns the names added."""
    from psycopg2 import sql

    added = []
    for spec in groups:
        cur.execute(
            sql.SQL(
                "INSERT INTO {} (groupe, ordre, couleur, conseiller, creneau_min) "
                "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (groupe) DO NOTHING RETURNING fid"
            ).format(ident(name, "groupes")),
            (spec.name, spec.order, spec.colour, spec.adviser, spec.slot_min),
        )
        if cur.fetchone():
            added.append(spec.name)
    return added


def read_groups(ws: PgWorkspace) -> list[GroupSpec]:
    """The groups of a server workshop ([] when the schema has no groups table)."""
    from psycopg2 import sql

    conn = connect(ws)
    try:
        with conn, conn.cursor() as cur:
            if "groupes" not in existing_tables(cur, ws.schema):
                return []
            cur.execute(
                sql.SQL(
                    "SELECT groupe, couleur, conseiller, creneau_min, ordre FROM {} "
                    "ORDER BY ordre, groupe"
                ).format(ident(ws.schema, "groupes"))
            )
            rows = cur.fetchall()
    finally:
        conn.close()
    return [
        GroupSpec(
            name=r[0],
            colour=r[1] or "",
            adviser=r[2] or "",
            slot_min=int(r[3] or 120),
            order=int(r[4] or 0),
        )
        for r in rows
    ]


def create_workspace(dossier: str, groups: list[GroupSpec], feedback=None) -> list[str]:
    """``atelier:create_groups`` on a server: schema, tables, groups; returns new tables.

    Running it twice is harmless: existing tables and rows are kept.
    """
    ws = parse_dossier(dossier)
    psycopg2 = _psycopg2()
    conn = connect(ws)
    try:
        with conn, conn.cursor() as cur:
            created = create_tables(cur, ws.schema, ws.connection)
            added = add_groups(cur, ws.schema, groups)
    except psycopg2.Error as exc:
        raise AtelierError(
            QT_TR_NOOP("The server refused to create the workshop {schema}: {error}"),
            schema=ws.schema,
            error=(exc.pgerror or str(exc)).strip(),
        ) from exc
    finally:
        conn.close()
    if feedback is not None:
        feedback.pushInfo(f"{ws.schema}: {len(created)} tables, {len(added)} groups")
    LOG.info(
        tr("Workshop {schema}: tables created {tables}, groups added {groups}").format(
            schema=ws.schema,
            tables=", ".join(map(str, created)) or "-",
            groups=", ".join(map(str, added)) or "-",
        )
    )
    return created


def create_groups(dossier: str, groups) -> tuple[list[GroupSpec], list[str]]:
    """Same contract as ``services.groups.create_groups`` for a ``pg:`` dossier.

    ``groups``: a ``;``-separated string, names or GroupSpecs. Returns the
    registered groups and the contract tables of the schema.
    """
    if isinstance(groups, str):
        groups = parse_group_names(groups)
    specs = normalise_groups(groups)
    ws = parse_dossier(dossier)
    known = {g.name.casefold(): g for g in read_groups(ws)}
    offset = max((g.order for g in known.values()), default=0)
    for i, spec in enumerate(specs):
        if spec.name.casefold() not in known:
            spec.order = offset + i + 1
    create_workspace(dossier, specs)
    return read_groups(ws), [t.name for t in schema.TABLES]
