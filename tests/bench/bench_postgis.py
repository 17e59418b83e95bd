# SPDX-License-Identifier: GPL-2.0-or-later
"""Benchmark: three groups writing at once to PostGIS, and how fast the facilitator sees it.

Starts a throw-away PostgreSQL 15 cluster (tests/helpers_pg.py), creates a
workshop schema through the plugin's services, then:

1. three writer processes (tests/pg_worker.py, one per group, separate
   connections) make EDITS edits each (2/3 inserts, 1/3 version-checked
   updates, one transaction per edit): edits per second;
2. notification latency: a separate process commits a stop while the
   facilitator's layer is watched by store.pg_listen.ChangeListener; the
   time from COMMIT to the layer showing the new stop (reload done), idle
   and while the three writers run.

Usage: QT_QPA_PLATFORM=offscreen python tests/bench/bench_postgis.py [EDITS]
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TESTS = HERE.parent
sys.path[:0] = [str(TESTS.parent), str(TESTS)]
PYTHON = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable
GROUPS = ["Groupe 1", "Groupe 2", "Groupe 3"]

INSERTER = r"""
import sys, time, psycopg2
conn = psycopg2.connect(sys.argv[1]); cur = conn.cursor()
for line in sys.stdin:
    cur.execute('INSERT INTO "bench".arrets (groupe, nom) VALUES (%s, %s)', ("Groupe 3", line.strip()))
    cur.execute("SELECT txid_current()")
    xid = cur.fetchone()[0]
    conn.commit()
    print(repr(time.time()), xid, flush=True)
"""


def main(edits: int) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import helpers_pg
    import helpers_pg_qgis
    from qgis.core import (
        QgsApplication,
        QgsMapRendererSequentialJob,
        QgsMapSettings,
        QgsRectangle,
    )
    from qgis.PyQt.QtCore import QSize

    profile = tempfile.mkdtemp(prefix="atelier-bench-profile-")
    app = QgsApplication([], False, profile)
    app.initQgis()
    cluster, stop = helpers_pg.start_cluster(fsync=True)  # durable commits, like a real server
    try:
        helpers_pg_qgis.save_connection("bench", cluster, cluster.user, cluster.password)
        from poix_atelier_plugin.domain.groups import normalise_groups
        from poix_atelier_plugin.services.server import pg_project
        from poix_atelier_plugin.store import pg_listen, postgis

        dossier = "pg:bench/bench"
        postgis.create_workspace(dossier, normalise_groups(GROUPS))
        env = dict(os.environ, PGPASSWORD=cluster.password)
        dsn = f"host={cluster.host} port={cluster.port} dbname={cluster.dbname} user={cluster.user}"

        def writers() -> list[subprocess.Popen]:
            return [
                subprocess.Popen(
                    [PYTHON, str(TESTS / "pg_worker.py"), dsn, "bench", g, str(edits)],
                    stdout=subprocess.PIPE,
                    text=True,
                    env=env,
                )
                for g in GROUPS
            ]

        start = time.perf_counter()
        results = [json.loads(p.communicate()[0]) for p in writers()]
        wall = time.perf_counter() - start
        total = 3 * edits
        print(f"three concurrent writers, {edits} edits each (1 transaction per edit):")
        for r in results:
            print(
                f"  {r['group']}: {edits / r['seconds']:.0f} edits/s "
                f"({len(r['uids'])} inserts, {r['updates']} updates, {r['conflicts']} conflicts)"
            )
        print(f"  together: {total / wall:.0f} edits/s ({total} edits in {wall:.2f} s)")

        layer = pg_project.open_layer(dossier, "arrets", "Groupe 3")
        listener = pg_listen.ChangeListener(dossier)
        listener.watch(layer)
        inserter = subprocess.Popen(
            [PYTHON, "-c", INSERTER, dsn],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )

        seen: dict[int, float] = {}
        listener.notified.connect(lambda p: seen.setdefault(int(p["xid"]), time.time()))

        def latency(tag: str) -> float:
            """Commit → its notification handled and the watched layer reloaded."""
            inserter.stdin.write(tag + "\n")
            inserter.stdin.flush()
            stamp, xid = inserter.stdout.readline().split()
            deadline = time.time() + 10
            while time.time() < deadline and int(xid) not in seen:
                app.processEvents()
                time.sleep(0.001)
            render(layer)  # what the canvas does on the repaint request
            done = time.time()
            assert any(f["nom"] == tag for f in layer.getFeatures())
            return seen.get(int(xid), float("nan")) - float(stamp), done - float(stamp)

        def render(lyr) -> None:
            settings = QgsMapSettings()
            settings.setLayers([lyr])
            settings.setDestinationCrs(lyr.crs())
            settings.setExtent(QgsRectangle(740500, 7010000, 744500, 7013500))
            settings.setOutputSize(QSize(1200, 900))
            job = QgsMapRendererSequentialJob(settings)
            job.start()
            job.waitForFinished()

        idle = [latency(f"idle {i}") for i in range(20)]
        procs = writers()
        busy = []
        while any(p.poll() is None for p in procs) and len(busy) < 20:
            busy.append(latency(f"busy {len(busy)}"))
        for p in procs:
            p.communicate()
        inserter.stdin.close()
        inserter.wait()
        listener.close()
        print("facilitator's view, from another laptop's COMMIT:")
        for name, values in (("idle", idle), ("3 writers busy", busy)):
            if not values:
                continue
            notified = [v[0] for v in values]
            drawn = [v[1] for v in values]
            print(
                f"  {name} ({len(values)} commits): notification handled and layer reloaded "
                f"median {1000 * statistics.median(notified):.1f} ms "
                f"(max {1000 * max(notified):.1f}); map re-rendered with the new stop "
                f"median {1000 * statistics.median(drawn):.0f} ms (max {1000 * max(drawn):.0f})"
            )
    finally:
        stop()
        app.exitQgis()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
