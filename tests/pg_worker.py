# SPDX-License-Identifier: GPL-2.0-or-later
"""One group's laptop: a separate process writing to the workshop schema.

Run with ``/usr/bin/python3 tests/pg_worker.py DSN SCHEMA GROUP N``: N edits,
each its own transaction: two thirds add a stop, one third renames one of
the group's own stops with the version check (``version = -expected``), the
way the plugin commits. Prints one JSON line: the uids added, the updates
done, the conflicts met and the timings.
"""

from __future__ import annotations

import json
import random
import sys
import time
import uuid

import psycopg2
from psycopg2 import sql


def main(dsn: str, schema: str, group: str, count: int) -> dict:
    conn = psycopg2.connect(dsn, application_name=f"worker {group}")
    table = sql.Identifier(schema, "arrets")
    rng = random.Random(hash(group) & 0xFFFF)
    mine: dict[int, int] = {}  # fid -> version I know
    uids, updates, conflicts = [], 0, 0
    start = time.perf_counter()
    for i in range(count):
        with conn, conn.cursor() as cur:
            if i % 3 == 2 and mine:
                fid = rng.choice(sorted(mine))
                try:
                    cur.execute(
                        sql.SQL(
                            "UPDATE {} SET nom = %s, version = %s WHERE fid = %s RETURNING version"
                        ).format(table),
                        (f"{group} arrêt renommé {i}", -mine[fid], fid),
                    )
                    mine[fid] = cur.fetchone()[0]
                    updates += 1
                except psycopg2.Error as exc:
                    if "atelier_conflict" not in str(exc):
                        raise
                    conflicts += 1
                continue
            uid = str(uuid.uuid4())
            cur.execute(
                sql.SQL(
                    "INSERT INTO {} (uid, groupe, ordre, nom, theme, geom) VALUES "
                    "(%s, %s, %s, %s, 'paysage', ST_SetSRID(ST_MakePoint(%s, %s), 2154)) "
                    "RETURNING fid, version"
                ).format(table),
                (
                    uid,
                    group,
                    i,
                    f"{group} arrêt {i}",
                    741000 + rng.random() * 3000,
                    7010500 + rng.random() * 2500,
                ),
            )
            fid, version = cur.fetchone()
            mine[fid] = version
            uids.append(uid)
    elapsed = time.perf_counter() - start
    conn.close()
    return {
        "group": group,
        "uids": uids,
        "updates": updates,
        "conflicts": conflicts,
        "versions": {str(k): v for k, v in mine.items()},
        "seconds": elapsed,
    }


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))))
