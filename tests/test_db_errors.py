"""A database that cannot be used (read-only, locked, full, unreachable) is one plain sentence at
the CLI boundary and on the /data import, never a traceback or an exception box with SQL
(issue 11); on SQLite and PostgreSQL, with real database errors (no mocks)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError
from streamlit.testing.v1 import AppTest

from lib.core import db, dberrors
from tests.builders import dataset
from tests.conftest import free_port, new_pg_database
from tests.intake_files import DTKS, counts, csv_bytes, dtks_row

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PANTAU_DATA_DIR")}
    return subprocess.run(
        [sys.executable, "-m", "lib.cli", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def plain(proc: subprocess.CompletedProcess) -> str:
    """stderr, checked to be a message and not a traceback or SQL."""
    assert "Traceback" not in proc.stderr and "[SQL:" not in proc.stderr, proc.stderr
    assert "INSERT INTO" not in proc.stderr and "SELECT " not in proc.stderr, proc.stderr
    return proc.stderr


def read_only(url: str) -> str:
    """The URL of the same database, read-only: SQLite opened with ``mode=ro`` (what a file
    without write permission gives; root ignores permissions), PostgreSQL with
    ``default_transaction_read_only`` set on the database."""
    if url.startswith("sqlite"):
        return f"sqlite:///file:{url.split('///', 1)[1]}?mode=ro&uri=true"
    name = url.rsplit("/", 1)[1]
    with db.get_engine(url).connect() as conn:
        conn.execute(text(f'ALTER DATABASE "{name}" SET default_transaction_read_only = on'))
        conn.commit()
    db.get_engine(url).dispose()  # pooled sessions predate the setting
    return url


@pytest.fixture
def dtks_file(tmp_path):
    path = tmp_path / "dtks.csv"
    path.write_bytes(csv_bytes(DTKS, [dtks_row(1), dtks_row(2)]))
    return path


# --- CLI ------------------------------------------------------------------------------------------


def test_cli_import_and_seed_into_a_read_only_database(db_url, dtks_file):
    before = counts(db_url)
    ro = read_only(db_url)
    proc = run_cli("import", str(dtks_file), "--kind", "dtks", "--db", ro)
    assert proc.returncode == 2
    err = plain(proc)
    assert "hanya dapat dibaca, jadi tidak ada yang ditulis" in err
    assert "readonly" in err or "read-only" in err  # the driver's own words as the detail
    proc = run_cli("seed", "--db", ro)
    assert proc.returncode == 2 and "hanya dapat dibaca" in plain(proc)
    proc = run_cli("kpi", "--json", "--db", ro)  # reading still works
    assert proc.returncode == 0, proc.stderr
    assert counts(db_url) == before


def test_cli_unreachable_databases(tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("bukan folder")
    urls = [
        f"sqlite:///{blocker / 'pantau.db'}",  # its folder is a file
        f"postgresql://pantau:rahasia@127.0.0.1:{free_port()}/pantau",  # nobody listens
    ]
    for url in urls:
        proc = run_cli("kpi", "--json", "--db", url)
        assert proc.returncode == 2 and proc.stdout == ""
        err = plain(proc)
        assert "tidak dapat dibuka atau dihubungi" in err, err
        assert "rahasia" not in err  # never the password


@pytest.mark.pg
def test_cli_a_postgresql_database_that_does_not_exist(pg_cluster):
    proc = run_cli("kpi", "--json", "--db", f"{pg_cluster}/tidak_ada")
    assert proc.returncode == 2
    assert "tidak dapat dibuka atau dihubungi" in plain(proc) and "/tidak_ada" in proc.stderr


# --- the classification, with errors raised by the real engines -----------------------------------


def test_sqlite_locked_and_full_are_told_apart(tmp_path):
    path = tmp_path / "kunci.db"
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN EXCLUSIVE")
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 0})
    with pytest.raises(OperationalError) as locked, engine.connect() as conn:
        conn.execute(text("INSERT INTO t VALUES (1)"))
    holder.execute("ROLLBACK")
    assert dberrors.kind(locked.value) == "locked"
    assert "sedang dikunci oleh proses lain" in dberrors.message(locked.value)

    full_engine = create_engine(f"sqlite:///{tmp_path / 'penuh.db'}")
    with pytest.raises(OperationalError) as full, full_engine.connect() as conn:
        conn.execute(text("CREATE TABLE t (x)"))
        conn.execute(text("PRAGMA max_page_count = 2"))  # a disk that is full after 2 pages
        conn.execute(text("INSERT INTO t SELECT zeroblob(100000)"))
    assert dberrors.kind(full.value) == "full"
    message = dberrors.message(full.value, f"sqlite:///{tmp_path / 'penuh.db'}")
    assert message.startswith(f"Penyimpanan basis data {tmp_path / 'penuh.db'} penuh")
    assert "[SQL:" not in message and "INSERT" not in message
    for e in (engine, full_engine):
        e.dispose()
    holder.close()


@pytest.mark.pg
def test_postgresql_locked_and_read_only_are_told_apart(pg_cluster):
    url = new_pg_database(pg_cluster)
    engine = create_engine(url)
    with engine.connect() as first, engine.connect() as second:
        first.execute(text("CREATE TABLE t (x int)"))
        first.execute(text("INSERT INTO t VALUES (1)"))
        first.commit()
        first.execute(text("SELECT * FROM t FOR UPDATE"))
        with pytest.raises(OperationalError) as locked:
            second.execute(text("SELECT * FROM t FOR UPDATE NOWAIT"))
        assert dberrors.kind(locked.value) == "locked"
        second.rollback()
        first.rollback()
        second.execute(text("SET TRANSACTION READ ONLY"))
        with pytest.raises(Exception) as ro:
            second.execute(text("INSERT INTO t VALUES (2)"))
        assert dberrors.is_database_error(ro.value) and dberrors.kind(ro.value) == "readonly"
    engine.dispose()


def test_only_database_errors_are_database_errors():
    assert not dberrors.is_database_error(ValueError("x"))
    assert not dberrors.is_database_error(OSError("disk"))
    assert dberrors.where("postgresql+psycopg://u:geheim@db.example:5433/pantau") == (
        "db.example:5433/pantau"
    )


# --- the /data page -------------------------------------------------------------------------------


def test_web_import_into_a_read_only_database_is_a_message(db_url, monkeypatch):
    with dataset(db_url) as d:
        d.kelas("GAR-01", kode="K-2024-1", tahun=2024, mulai=date(2024, 3, 1))
        d.person("Penghuni")
    before = counts(db_url)
    monkeypatch.setenv("DATABASE_URL", read_only(db_url))
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90).run()
    at.switch_page("app_pages/data.py").run()
    assert not at.exception
    data = csv_bytes(DTKS, [dtks_row(1), dtks_row(2)])
    at.file_uploader[0].set_value(("dtks.csv", data, "text/csv")).run()
    assert not at.exception  # the dry run only reads
    at.button(key="imp_confirm").click().run()
    assert not at.exception, [e.message for e in at.exception]
    errors = [e.value for e in at.error]
    assert any("hanya dapat dibaca, jadi tidak ada yang ditulis" in e for e in errors), errors
    assert not any("INSERT INTO" in e or "[SQL" in e for e in errors)
    assert counts(db_url) == before
