"""A backup of the database before a destructive command (``seed --replace --confirm``).

SQLite: a consistent copy through SQLite's online backup (a plain file copy could miss what is still
in the write-ahead log), next to the database file. PostgreSQL: ``pg_dump --format=custom`` when the
program is found; otherwise :class:`BackupUnavailable` says what to run by hand.
"""

from __future__ import annotations

import glob
import os
import shutil
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

from sqlalchemy.engine import make_url

from lib.core import config


class BackupUnavailable(RuntimeError):
    """No backup could be made automatically; the message tells the operator what to do."""


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def backup_dir() -> Path:
    """Where PostgreSQL dumps go: ``PANTAU_BACKUP_DIR``, else ``data/cadangan/``."""
    return Path(os.environ.get("PANTAU_BACKUP_DIR") or config.PROJECT_DIR / "data" / "cadangan")


def pg_dump_program() -> str | None:
    found = shutil.which("pg_dump")
    if found:
        return found
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_dump"))
    return candidates[-1] if candidates else None


def _libpq_url(url: str) -> str:
    """``postgresql+psycopg://u@h/db`` → ``postgresql://u@h/db`` (what pg_dump understands)."""
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


def make(url: str) -> Path:
    """Back up the database at ``url``; returns the path of the backup file."""
    url = config.normalise_url(url)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        source = Path(parsed.database or "")
        if not parsed.database or parsed.database == ":memory:" or not source.is_file():
            raise BackupUnavailable("Tidak ada berkas SQLite untuk dicadangkan.")
        target = source.with_name(f"{source.name}.cadangan-{_stamp()}")
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        return target
    if parsed.get_backend_name() == "postgresql":
        program = pg_dump_program()
        shown = make_url(_libpq_url(url)).render_as_string(hide_password=True)
        hint = (
            "Buat cadangan sendiri terlebih dahulu, misalnya: pg_dump --format=custom "
            f"--file=pantau-{_stamp()}.dump '{shown}'; lalu ulangi perintah dengan --skip-backup."
        )
        if program is None:
            raise BackupUnavailable("pg_dump tidak ditemukan. " + hint)
        folder = backup_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"pantau-{parsed.database or 'db'}-{_stamp()}.dump"
        proc = subprocess.run(
            [program, "--format=custom", f"--file={target}", _libpq_url(url)],
            capture_output=True,
            text=True,
            timeout=3600,
            check=False,
        )
        if proc.returncode != 0:
            target.unlink(missing_ok=True)
            detail = (proc.stderr or "").strip().splitlines()[-1:] or [""]
            raise BackupUnavailable(f"pg_dump gagal ({detail[0]}). " + hint)
        return target
    raise BackupUnavailable(
        f"Cadangan otomatis tidak tersedia untuk {parsed.get_backend_name()}; buat cadangan sendiri "
        "lalu ulangi perintah dengan --skip-backup."
    )
