"""Shared fixtures: real databases (a SQLite file, a throwaway PostgreSQL cluster) and the demo.

PostgreSQL: a cluster is started with ``initdb``/``pg_ctl`` from ``/usr/lib/postgresql/*/bin`` on a
free port of 127.0.0.1 with trust auth, once per test process, and stopped at the end. Without the
binaries PostgreSQL tests skip, unless ``PANTAU_REQUIRE_PG=1`` (CI), where that is an error.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REQUIRE_PG = os.environ.get("PANTAU_REQUIRE_PG") == "1"
REQUIRE_BROWSER = os.environ.get("PANTAU_REQUIRE_BROWSER") == "1"
SHARED_BOUNDARIES = ROOT.parent / "shared" / "reference" / "bantaeng" / "villages.geojson"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_postgres(cmd: list[str]) -> list[str]:
    """initdb refuses to run as root: run the cluster as the ``postgres`` user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@pytest.fixture(scope="session")
def pg_cluster():
    """Base URL (without database name) of a throwaway PostgreSQL cluster."""
    bindir = _pg_bin()
    if bindir is None:
        if REQUIRE_PG:
            pytest.fail("PANTAU_REQUIRE_PG=1 but no /usr/lib/postgresql/*/bin/initdb")
        pytest.skip("PostgreSQL binaries not found")
    tmp = Path(tempfile.mkdtemp(prefix="pantau-pg-"))
    datadir = tmp / "data"
    if os.geteuid() == 0:
        shutil.chown(tmp, "postgres")
    port = free_port()
    subprocess.run(
        _as_postgres([str(bindir / "initdb"), "-D", str(datadir), "-U", "postgres",
                      "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]),
        check=True, capture_output=True,
    )  # fmt: skip
    opts = f"-p {port} -c listen_addresses=127.0.0.1 -k {tmp} -c fsync=off -c full_page_writes=off"
    subprocess.run(
        _as_postgres([str(bindir / "pg_ctl"), "-D", str(datadir), "-l", str(tmp / "log"),
                      "-o", opts, "-w", "start"]),
        check=True, capture_output=True,
    )  # fmt: skip
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run(
            _as_postgres([str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(tmp, ignore_errors=True)


def new_pg_database(base_url: str) -> str:
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    dsn = base_url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base_url}/{name}"


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def empty_db_url(request, tmp_path):
    """URL of a new, empty database (no schema) on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'pantau.db'}"
    return new_pg_database(request.getfixturevalue("pg_cluster"))


@pytest.fixture
def db_url(empty_db_url):
    """URL of a new database with the schema and the reference data of data/ (no demo)."""
    from lib import db

    db.ensure_ready(empty_db_url)
    return empty_db_url


@pytest.fixture(scope="session")
def demo_db_url(tmp_path_factory):
    """A SQLite database seeded with the scale-1 demo (seed 2022), built once per test process."""
    from lib import db, demo

    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    engine = db.ensure_ready(url)
    demo.seed(engine, scale=1, seed=2022)
    return url
