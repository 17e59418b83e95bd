# SPDX-License-Identifier: GPL-2.0-or-later
"""The server side of store.transaction: one psycopg2 transaction, versions asserted.

``lock`` takes rows ``FOR UPDATE`` and compares their version with the one the
caller read; each update sends the negative of that version, which the
schema's version trigger (pg_schema) checks; each delete with versions goes
through ``pg_conflicts.delete_checked``. Every identifier is quoted with
``psycopg2.sql.Identifier`` and every value passed as a parameter.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..domain import schema
from ..domain.errors import QT_TR_NOOP, AtelierError
from . import postgis
from .pg_conflicts import VERSION, changed_error, delete_checked, deleted_error, is_conflict_error
from .postgis import GEOM, ident
from .rows import LOCK_TIMEOUT, Row, columns
from .workspace import new_uid
from .writer import Writer


class PgWriter(Writer):
    def __init__(self, dossier, tables):
        super().__init__(dossier, tables)
        self.conn = None
        self.cur = None

    def begin(self) -> None:
        self.ws = postgis.parse_dossier(self.dossier)
        self.conn = postgis.connect(self.ws)
        self.cur = self.conn.cursor()
        self.cur.execute(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'")

    def _refused(self, table: str, exc) -> AtelierError:
        return AtelierError(
            QT_TR_NOOP(
                "The server refused the change of {table} in {schema}: {error}. "
                "Nothing was changed."
            ),
            table=table,
            schema=self.ws.schema,
            error=(getattr(exc, "pgerror", None) or str(exc)).strip(),
        )

    def _run(self, table: str, query, params=(), fid: int | None = None):
        import psycopg2

        try:
            self.cur.execute(query, params)
        except psycopg2.Error as exc:
            if is_conflict_error(exc):
                raise changed_error(table, fid if fid is not None else "?") from exc
            raise self._refused(table, exc) from exc
        return self.cur

    def commit(self) -> None:
        import psycopg2

        try:
            self.conn.commit()
        except psycopg2.Error as exc:
            self.written.clear()
            raise self._refused(", ".join(self.tables), exc) from exc

    def rollback(self) -> None:
        if self.conn is not None and not self.conn.closed:
            self.conn.rollback()
        self.written.clear()

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.conn = self.cur = None

    def _name(self, table: str):
        return ident(self.ws.schema, table)

    def select(self, table, where=None, fids=None, lock=False) -> list[Row]:
        from psycopg2 import sql

        names = columns(table)
        conds, params = [], []
        for column, values in (where or {}).items():
            values = [v for v in values if v is not None]
            if not values:
                return []
            conds.append(sql.SQL("{} = ANY(%s)").format(ident(column)))
            params.append(list(values))
        if fids is not None:
            fids = [int(f) for f in fids]
            if not fids:
                return []
            conds.append(sql.SQL("fid = ANY(%s::int[])"))
            params.append(fids)
        query = sql.SQL("SELECT fid, version{} FROM {}{} ORDER BY fid{}").format(
            sql.SQL("").join(sql.SQL(", {}").format(ident(n)) for n in names),
            self._name(table),
            sql.SQL(" WHERE ") + sql.SQL(" AND ").join(conds) if conds else sql.SQL(""),
            sql.SQL(" FOR UPDATE") if lock else sql.SQL(""),
        )
        rows = self._run(table, query, params).fetchall()
        return [Row(int(r[0]), int(r[1]), dict(zip(names, r[2:]))) for r in rows]

    def insert(self, table, rows: list[dict]) -> list[int]:
        from psycopg2 import sql

        fids = []
        for values in rows:
            values = dict(values)
            if "uid" in columns(table) and not values.get("uid"):
                values["uid"] = new_uid()
            query = sql.SQL("INSERT INTO {} ({}) VALUES ({}) RETURNING fid").format(
                self._name(table),
                sql.SQL(", ").join(ident(k) for k in values),
                sql.SQL(", ").join(sql.Placeholder() for _ in values),
            )
            fids.append(int(self._run(table, query, list(values.values())).fetchone()[0]))
        if fids:
            self.written.add(table)
        return fids

    def _update(self, table, fid: int, sets: list, params: list, version) -> None:
        from psycopg2 import sql

        if version is not None:
            # The negative of the version read: always sent, checked by the trigger.
            sets.append(sql.SQL("{} = %s").format(sql.Identifier(VERSION)))
            params.append(-abs(int(version)))
        query = sql.SQL("UPDATE {} SET {} WHERE fid = %s RETURNING version").format(
            self._name(table), sql.SQL(", ").join(sets)
        )
        if self._run(table, query, [*params, int(fid)], fid).fetchone() is None:
            raise deleted_error(table, fid)
        self.written.add(table)

    def update(self, table, fid: int, values: dict, version: int | None = None) -> None:
        from psycopg2 import sql

        sets = [sql.SQL("{} = %s").format(ident(k)) for k in values]
        self._update(table, fid, sets, list(values.values()), version)

    def set_geometry(self, table, fid: int, geometry, version: int | None = None) -> None:
        from psycopg2 import sql

        wkt = geometry.asWkt() if geometry is not None and not geometry.isEmpty() else None
        sets = [sql.SQL("{} = ST_GeomFromText(%s, %s)").format(ident(GEOM))]
        self._update(table, fid, sets, [wkt, schema.CRS_EPSG], version)

    def delete(self, table, fids: Iterable[int], versions: dict | None = None) -> int:
        from psycopg2 import sql

        fids = [int(f) for f in fids]
        if not fids:
            return 0
        if versions:
            import psycopg2

            try:
                count = delete_checked(
                    self.cur, self.ws.schema, table, {f: versions.get(f) for f in fids}
                )
            except psycopg2.Error as exc:
                raise self._refused(table, exc) from exc
        else:
            query = sql.SQL("DELETE FROM {} WHERE fid = ANY(%s::int[])").format(self._name(table))
            count = self._run(table, query, [fids]).rowcount
        self.written.add(table)
        return count
