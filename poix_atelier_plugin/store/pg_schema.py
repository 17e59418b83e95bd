# SPDX-License-Identifier: GPL-2.0-or-later
"""The workshop's tables on the server: DDL, triggers, foreign keys.

Every contract table gets ``fid serial`` (the key QGIS edits on), ``uid``
(unique, filled by the server when a client sends NULL), ``version`` and
``modifie_le`` kept by triggers, and a statement trigger that notifies the
``atelier`` channel. Identifiers always go through ``psycopg2.sql.Identifier``.

A schema the plugin creates is marked as a workshop by a small table,
``atelier_meta`` (the marker, the plugin version, the creation date). Only a
marked schema is ever replaced, and never without a dated backup (see
``pg_sync.publish``); ``public``, ``pg_*``, ``information_schema`` and
``topology`` are never touched at all.
"""

from __future__ import annotations

import datetime as dt

from ..domain import schema
from ..domain.errors import QT_TR_NOOP, AtelierError
from ..paths import metadata_file

GEOM = "geom"
KEY = "fid"

#: The table inside a workshop schema that marks it as made by the plugin.
META_TABLE = "atelier_meta"
#: Its ``marker`` row: a schema without it is not a workshop and is never replaced.
WORKSHOP_MARKER = "atelier-territorial:workshop"
#: Schemas a workshop never lives in, whatever their content (compared case-insensitively).
RESERVED_SCHEMAS = ("public", "information_schema", "topology")
#: Suffix of the dated copy a replaced workshop is kept as.
BACKUP_SUFFIX = "_sauvegarde_"

# schema states, see schema_state()
ABSENT = "absent"
RESERVED = "reserved"
WORKSHOP = "workshop"
FOREIGN = "foreign"

_SQL_TYPES = {
    "text": "text",
    "int": "integer",
    "real": "double precision",
    "date": "date",
    "datetime": "timestamp",
}


def ident(*names: str):
    from psycopg2 import sql

    return sql.Identifier(*names)


_VERSION_FN = """
CREATE OR REPLACE FUNCTION {fn}() RETURNS trigger LANGUAGE plpgsql AS $body$
DECLARE
  seen text := 'atelier.v_' || md5(TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME || '.' || OLD.fid);
BEGIN
  -- A second statement on the same row in the same transaction (QGIS may
  -- write attributes and geometry separately): already checked and bumped.
  IF current_setting(seen, true) = '1' THEN
    NEW.version := OLD.version;
    RETURN NEW;
  END IF;
  -- A client that sets version asserts the version it read (or its
  -- negative, so that an edit buffer always sends it): refuse stale edits.
  IF NEW.version IS DISTINCT FROM OLD.version AND abs(NEW.version) <> OLD.version THEN
    RAISE EXCEPTION 'atelier_conflict: % % was changed by someone else (version % on the server, % when you started editing)',
      TG_TABLE_NAME, OLD.fid, OLD.version, abs(NEW.version)
      USING ERRCODE = '40001', HINT = 'Reload the layer and apply your change again.';
  END IF;
  PERFORM set_config(seen, '1', true);
  NEW.version := OLD.version + 1;
  NEW.modifie_le := now();
  RETURN NEW;
END
$body$
"""

_INSERT_FN = """
CREATE OR REPLACE FUNCTION {fn}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  -- Clients (a provider's addFeatures, a field package merged back) may send
  -- NULL rather than the defaults: the server fills them in.
  IF NEW.uid IS NULL OR NEW.uid = '' THEN
    NEW.uid := gen_random_uuid()::text;
  END IF;
  NEW.version := 1;
  NEW.modifie_le := now();
  RETURN NEW;
END
$body$
"""

_NOTIFY_FN = """
CREATE OR REPLACE FUNCTION {fn}() RETURNS trigger LANGUAGE plpgsql AS $body$
BEGIN
  PERFORM pg_notify('atelier', json_build_object(
    'schema', TG_TABLE_SCHEMA, 'table', TG_TABLE_NAME, 'op', TG_OP,
    'xid', txid_current())::text);
  RETURN NULL;
END
$body$
"""


def _column_defs(table: schema.Table):
    from psycopg2 import sql

    cols = [sql.SQL("{} serial PRIMARY KEY").format(ident(KEY))]
    for field in table.fields:
        if field.name == "uid":
            cols.append(
                sql.SQL("{} text NOT NULL UNIQUE DEFAULT gen_random_uuid()::text").format(
                    ident("uid")
                )
            )
        elif table.name == "groupes" and field.name == "groupe":
            cols.append(sql.SQL("{} text NOT NULL UNIQUE").format(ident("groupe")))
        else:
            cols.append(sql.SQL("{} " + _SQL_TYPES[field.kind]).format(ident(field.name)))
    cols.append(sql.SQL("{} integer NOT NULL DEFAULT 1").format(ident("version")))
    cols.append(sql.SQL("{} timestamptz NOT NULL DEFAULT now()").format(ident("modifie_le")))
    if table.geometry:
        cols.append(
            sql.SQL("{} geometry(" + table.geometry + ", " + str(schema.CRS_EPSG) + ")").format(
                ident(GEOM)
            )
        )
    return sql.SQL(", ").join(cols)


def existing_tables(cur, name: str) -> set[str]:
    """Tables of the schema, the workshop marker aside (it is no layer)."""
    cur.execute("SELECT table_name FROM information_schema.tables WHERE table_schema = %s", (name,))
    return {row[0] for row in cur.fetchall()} - {META_TABLE}


def schema_exists(cur, name: str) -> bool:
    cur.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (name,))
    return cur.fetchone() is not None


def is_reserved(name: str) -> bool:
    folded = name.casefold()
    return folded in RESERVED_SCHEMAS or folded.startswith("pg_")


def _plugin_version() -> str:
    import configparser

    try:
        parser = configparser.ConfigParser(interpolation=None)
        parser.read(metadata_file(), encoding="utf-8")
        return parser.get("general", "version", fallback="")
    except (OSError, configparser.Error):
        return ""


def mark_workshop(cur, name: str, **extra: str) -> None:
    """Create the marker table of a workshop schema (extra rows: ``backup_of``…)."""
    from psycopg2 import sql

    table = ident(name, META_TABLE)
    cur.execute(
        sql.SQL("CREATE TABLE IF NOT EXISTS {} (cle text PRIMARY KEY, valeur text)").format(table)
    )
    keep = "INSERT INTO {} VALUES (%s, %s) ON CONFLICT (cle) DO NOTHING"
    upsert = (
        "INSERT INTO {} VALUES (%s, %s) ON CONFLICT (cle) DO UPDATE SET valeur = EXCLUDED.valeur"
    )
    cur.execute(sql.SQL(upsert).format(table), ("marker", WORKSHOP_MARKER))
    # a workshop keeps the date and the version it was created with
    cur.execute(sql.SQL(keep).format(table), ("plugin_version", _plugin_version()))
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    cur.execute(sql.SQL(keep).format(table), ("created", now))
    for key, value in extra.items():
        cur.execute(sql.SQL(upsert).format(table), (key, value))


def workshop_info(cur, name: str) -> dict[str, str] | None:
    """The marker table's rows when ``name`` is a marked workshop, else None."""
    from psycopg2 import sql

    cur.execute("SELECT to_regclass(%s) IS NOT NULL", (ident(name, META_TABLE).as_string(cur),))
    if not cur.fetchone()[0]:
        return None
    cur.execute(sql.SQL("SELECT cle, valeur FROM {}").format(ident(name, META_TABLE)))
    info = dict(cur.fetchall())
    return info if info.get("marker") == WORKSHOP_MARKER else None


def schema_state(cur, name: str) -> str:
    """ABSENT, RESERVED (never touched), WORKSHOP (marked) or FOREIGN (anything else)."""
    if is_reserved(name):
        return RESERVED
    if not schema_exists(cur, name):
        return ABSENT
    return WORKSHOP if workshop_info(cur, name) is not None else FOREIGN


def backup_schema_name(cur, name: str, now: dt.datetime | None = None) -> str:
    """``<name>_sauvegarde_YYYYMMDD_HHMMSS`` (63 bytes at most), not yet taken."""
    suffix = f"{BACKUP_SUFFIX}{(now or dt.datetime.now()):%Y%m%d_%H%M%S}"
    n = 1
    while True:
        tail = suffix if n == 1 else f"{suffix}_{n}"
        base = name
        while len((base + tail).encode("utf-8")) > 63:
            base = base[:-1]
        candidate = base + tail
        if not schema_exists(cur, candidate):
            return candidate
        n += 1


def workshop_row_count(cur, name: str) -> int:
    """Rows of the workshop's tables (what a replacement would put aside)."""
    from psycopg2 import sql

    total = 0
    for table in sorted(existing_tables(cur, name)):
        cur.execute(
            "SELECT table_type FROM information_schema.tables "
            "WHERE table_schema = %s AND table_name = %s",
            (name, table),
        )
        if cur.fetchone()[0] != "BASE TABLE":
            continue
        cur.execute(sql.SQL("SELECT count(*) FROM {}").format(ident(name, table)))
        total += int(cur.fetchone()[0])
    return total


def _require_postgis(cur, connection: str) -> None:
    import psycopg2

    cur.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")
    if cur.fetchone() is None:
        try:
            cur.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        except psycopg2.Error as exc:
            raise AtelierError(
                QT_TR_NOOP(
                    "PostGIS is not enabled in the database of {connection} and cannot be "
                    "enabled with your rights: ask the administrator to run "
                    "CREATE EXTENSION postgis."
                ),
                connection=connection,
            ) from exc


def create_tables(cur, name: str, connection: str = "") -> list[str]:
    """Create the schema and the missing contract tables; returns the new ones."""
    from psycopg2 import sql

    if is_reserved(name):  # never a workshop's tables among the database's own
        raise_reserved(name)
    _require_postgis(cur, connection)
    if not schema_exists(cur, name):
        cur.execute(sql.SQL("CREATE SCHEMA {}").format(ident(name)))
        mark_workshop(cur, name)
    present = existing_tables(cur, name)
    version_fn = ident(name, "atelier_version")
    notify_fn = ident(name, "atelier_notify")
    insert_fn = ident(name, "atelier_insert")
    cur.execute(sql.SQL(_VERSION_FN).format(fn=version_fn))
    cur.execute(sql.SQL(_INSERT_FN).format(fn=insert_fn))
    cur.execute(sql.SQL(_NOTIFY_FN).format(fn=notify_fn))
    created = []
    for table in schema.TABLES:
        if table.name in present:
            continue
        qualified = ident(name, table.name)
        cur.execute(sql.SQL("CREATE TABLE {} ({})").format(qualified, _column_defs(table)))
        if table.geometry:
            cur.execute(
                sql.SQL("CREATE INDEX ON {} USING gist ({})").format(qualified, ident(GEOM))
            )
        if table.per_group:
            cur.execute(sql.SQL("CREATE INDEX ON {} ({})").format(qualified, ident("groupe")))
        cur.execute(
            sql.SQL(
                "CREATE TRIGGER atelier_version BEFORE UPDATE ON {} "
                "FOR EACH ROW EXECUTE FUNCTION {}()"
            ).format(qualified, version_fn)
        )
        cur.execute(
            sql.SQL(
                "CREATE TRIGGER atelier_insert BEFORE INSERT ON {} "
                "FOR EACH ROW EXECUTE FUNCTION {}()"
            ).format(qualified, insert_fn)
        )
        cur.execute(
            sql.SQL(
                "CREATE TRIGGER atelier_notify AFTER INSERT OR UPDATE OR DELETE ON {} "
                "FOR EACH STATEMENT EXECUTE FUNCTION {}()"
            ).format(qualified, notify_fn)
        )
        created.append(table.name)
    _add_relations(cur, name)
    return created


def raise_reserved(name: str):
    raise AtelierError(
        QT_TR_NOOP(
            "The schema {schema} belongs to the database itself and never holds a workshop: "
            "choose another schema name (for example atelier_poix_du_nord)."
        ),
        schema=name,
    )


def _add_relations(cur, name: str) -> None:
    """Relations of the data contract as foreign keys (deferred: copy order is free)."""
    from psycopg2 import sql

    for child, field, parent in schema.RELATIONS:
        constraint = f"{child}_{field}_fkey"
        cur.execute(
            "SELECT 1 FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
            "WHERE n.nspname = %s AND c.conname = %s",
            (name, constraint),
        )
        if cur.fetchone():
            continue
        on_delete = "CASCADE" if child == "enjeux_outils" else "SET NULL"
        cur.execute(
            sql.SQL(
                "ALTER TABLE {} ADD CONSTRAINT {} FOREIGN KEY ({}) REFERENCES {} ({}) "
                "ON DELETE " + on_delete + " DEFERRABLE INITIALLY DEFERRED"
            ).format(
                ident(name, child), ident(constraint), ident(field), ident(name, parent), ident(KEY)
            )
        )
