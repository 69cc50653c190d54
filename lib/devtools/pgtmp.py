"""A throwaway PostgreSQL cluster for tests and ``make bench``.

``initdb``/``pg_ctl`` from ``/usr/lib/postgresql/*/bin`` (as the ``postgres`` user when running as
root, because initdb refuses root), trust authentication, a free port on 127.0.0.1, no fsync: fast
and disposable. Nothing here is for production.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pg_bin() -> Path | None:
    """The newest ``/usr/lib/postgresql/*/bin`` that has ``initdb``, or ``None``."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def _as_postgres(cmd: list[str]) -> list[str]:
    """initdb refuses to run as root: run the cluster as the ``postgres`` user then."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@dataclass
class Cluster:
    """A running throwaway cluster; ``url`` has no database name (see :func:`new_database`)."""

    url: str
    folder: Path
    bindir: Path

    def stop(self) -> None:
        subprocess.run(
            _as_postgres(
                [str(self.bindir / "pg_ctl"), "-D", str(self.folder / "data"), "-m", "immediate",
                 "stop"]
            ),
            capture_output=True,
        )  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)


def start(bindir: Path | None = None) -> Cluster:
    """Start a cluster (raises ``RuntimeError`` without PostgreSQL binaries)."""
    bindir = bindir or pg_bin()
    if bindir is None:
        raise RuntimeError("PostgreSQL binaries not found (/usr/lib/postgresql/*/bin/initdb)")
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
    return Cluster(f"postgresql+psycopg://postgres@127.0.0.1:{port}", tmp, bindir)


def new_database(base_url: str, prefix: str = "t_") -> str:
    """Create a new, empty database on the cluster at ``base_url``; returns its URL."""
    import psycopg

    name = prefix + uuid.uuid4().hex[:12]
    dsn = base_url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base_url}/{name}"


def drop_database(base_url: str, url: str) -> None:
    """Drop the database of ``url`` (made by :func:`new_database` on the cluster at ``base_url``)."""
    import psycopg

    name = url.rsplit("/", 1)[-1]
    dsn = base_url.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
