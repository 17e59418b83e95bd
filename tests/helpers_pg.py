# SPDX-License-Identifier: GPL-2.0-or-later
"""A throw-away PostgreSQL/PostGIS cluster for the tests (session-scoped).

The cluster is created with ``initdb`` from the Debian ``postgresql-15``
binaries, listens on a free loopback port, and authenticates TCP clients
with SCRAM passwords so that a wrong password is really refused. It is
stopped and deleted at the end of the session, even when tests fail.

Use it from a test module with ``from helpers_pg import pg_cluster  # noqa: F401``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("ATELIER_PG_BIN", "/usr/lib/postgresql/15/bin"))
USER = "atelier_test"
PASSWORD = "mot de passe s3cret"
DBNAME = "atelier"


@dataclass
class PgCluster:
    host: str
    port: int
    dbname: str
    user: str
    password: str
    socket_dir: str

    def dsn(self, password: str | None = None) -> str:
        pw = self.password if password is None else password
        return (
            f"host={self.host} port={self.port} dbname={self.dbname} "
            f"user={self.user} password='{pw}'"
        )

    def superuser_dsn(self) -> str:
        return f"host={self.socket_dir} port={self.port} dbname={self.dbname} user=postgres"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_postgres(cmd: list[str]) -> list[str]:
    """Run as the ``postgres`` user when we are root (initdb refuses root)."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(_as_postgres(cmd), check=True, capture_output=True, text=True, **kw)


def start_cluster(fsync: bool = False) -> tuple[PgCluster, callable]:
    """Start a cluster; returns it and the function that stops and removes it.

    ``fsync`` off by default: tests need no durability; the benchmark turns it on.
    """
    version = PG_BIN.parent.name  # /usr/lib/postgresql/<version>/bin
    if not (PG_BIN / "initdb").exists():
        pytest.skip(
            f"PostgreSQL binaries not found in {PG_BIN} "
            f"(apt install postgresql-{version}-postgis-3, or set ATELIER_PG_BIN)"
        )
    if not Path(f"/usr/share/postgresql/{version}/extension/postgis.control").exists():
        pytest.skip(
            f"PostGIS for PostgreSQL {version} is not installed (postgresql-{version}-postgis-3)"
        )
    pytest.importorskip("psycopg2", reason="python3-psycopg2 is not installed")
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        pytest.skip("runuser is missing: cannot run initdb as the postgres user")
    root = Path(tempfile.mkdtemp(prefix="atelier-pg-"))
    data, sock = root / "data", root / "sock"
    data.mkdir()
    sock.mkdir()
    os.chmod(root, 0o755)
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
        shutil.chown(sock, "postgres", "postgres")
        shutil.chown(root, "postgres", "postgres")
    port = _free_port()
    _run(
        [
            str(PG_BIN / "initdb"),
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        ]
    )
    log = root / "server.log"
    opts = (
        f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c max_connections=50 "
        f"-c fsync={'on' if fsync else 'off'}"
    )
    _run([str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(log), "-o", opts, "-w", "start"])

    def stop() -> None:
        subprocess.run(
            _as_postgres(
                [str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]
            ),
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)

    try:
        psql = [str(PG_BIN / "psql"), "-h", str(sock), "-p", str(port), "-v", "ON_ERROR_STOP=1"]
        _run([*psql, "-d", "postgres", "-c", f"CREATE ROLE {USER} LOGIN PASSWORD '{PASSWORD}'"])
        _run([*psql, "-d", "postgres", "-c", f"CREATE DATABASE {DBNAME} OWNER {USER}"])
        _run([*psql, "-d", DBNAME, "-c", "CREATE EXTENSION postgis"])
    except subprocess.CalledProcessError as exc:
        stop()
        raise RuntimeError(f"Cannot prepare the test cluster: {exc.stderr}") from exc
    for _ in range(50):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                break
        except OSError:
            time.sleep(0.1)
    cluster = PgCluster("127.0.0.1", port, DBNAME, USER, PASSWORD, str(sock))
    return cluster, stop


@pytest.fixture(scope="session")
def pg_cluster(request) -> PgCluster:
    cluster, stop = start_cluster()
    request.addfinalizer(stop)
    return cluster
