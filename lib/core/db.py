"""Database access: engines, schema creation by Alembic, reference data, and metadata.

Every process gets one engine per URL. SQLite runs in WAL mode with foreign keys on and a busy
timeout, so that the dashboard can read while an import writes; PostgreSQL goes through psycopg 3.
"""

from __future__ import annotations

import contextlib
import csv
import threading
import uuid
from collections.abc import Callable
from datetime import date
from functools import lru_cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    Engine,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection

from lib.core import config
from lib.core.models import Kecamatan, Meta, Package, Village

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_schema_lock = threading.Lock()


@lru_cache(maxsize=8)
def engine_for(url: str) -> Engine:
    """The process-wide engine for ``url`` (already normalised by :func:`config.database_url`)."""
    url = config.normalise_url(url)
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:" and not path.startswith("file:"):  # not a URI filename
            # if this fails, connecting fails with "unable to open database file" (said plainly)
            with contextlib.suppress(OSError):
                Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - exercised by every test
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys = ON")
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
            cur.execute("PRAGMA busy_timeout = 30000")
            # Page cache of up to 32 MiB per connection (default 2 MiB): the analytics tables of
            # demo scale 20 stay in memory between a page's queries (bench: −15–20 % CPU on /hasil).
            cur.execute("PRAGMA cache_size = -32768")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def get_engine(url: str | None = None) -> Engine:
    return engine_for(config.database_url(url))


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migration found"
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


# Key of the PostgreSQL advisory lock that serialises schema creation across processes.
SCHEMA_LOCK_KEY = 7303_0001


def _serialise_schema_work(conn: Connection) -> None:
    """On PostgreSQL, hold a transaction-level advisory lock, so that app replicas starting together
    on an empty database migrate and load the reference data one after the other."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SCHEMA_LOCK_KEY})


def lock_schema_work(conn: Connection) -> None:
    """Serialise schema and analytics work across processes (PostgreSQL; a no-op on SQLite)."""
    _serialise_schema_work(conn)


def migrate(engine: Engine, after_migrate: Callable[[Connection], None] | None = None) -> None:
    """Upgrade the schema to head (idempotent); ``after_migrate`` runs in the same transaction
    (the semantic layer rebuilds its analytics tables there)."""
    cfg = alembic_config()
    with engine.begin() as conn:
        _serialise_schema_work(conn)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
        if after_migrate is not None:
            after_migrate(conn)


def ensure_ready(
    url: str | None = None, after_migrate: Callable[[Connection], None] | None = None
) -> Engine:
    """Engine for ``url`` with the schema at head and the reference data of ``data/`` loaded.

    Spec 7: any command given a database without the schema first creates it and loads villages,
    packages and settings. Cheap when the database is already current.
    """
    engine = get_engine(url)
    with _schema_lock:
        if current_revision(engine) != head_revision():
            migrate(engine, after_migrate)
            load_reference_data(engine)
    return engine


def is_empty(engine: Engine) -> bool:
    """True when the schema is missing or no registry person or class exists yet."""
    from lib.core.models import Person, TrainingClass

    if not inspect(engine).has_table("person"):
        return True
    with engine.connect() as conn:
        persons = conn.execute(select(func.count()).select_from(Person)).scalar_one()
        classes = conn.execute(select(func.count()).select_from(TrainingClass)).scalar_one()
    return persons == 0 and classes == 0


def _read_csv(name: str) -> list[dict[str, str]]:
    with (config.data_dir() / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def reference_villages() -> list[dict[str, str]]:
    return _read_csv("villages.csv")


def reference_kecamatan() -> list[dict[str, str]]:
    return _read_csv("kecamatan.csv")


def reference_packages() -> list[dict[str, str]]:
    return _read_csv("packages.csv")


def load_reference_data(engine: Engine) -> None:
    """Insert the kecamatan, villages and package catalogue of ``data/`` that are not there yet."""
    with engine.begin() as conn:
        _serialise_schema_work(conn)
        _insert_missing(
            conn,
            Kecamatan,
            [
                {
                    "kode": r["kode"],
                    "nama": r["nama"],
                    "lat": float(r["lat"]),
                    "lon": float(r["lon"]),
                }
                for r in reference_kecamatan()
            ],
        )
        _insert_missing(
            conn,
            Village,
            [
                {
                    "kode": r["kode"],
                    "kecamatan_kode": r["kecamatan_kode"],
                    "nama": r["desa"],
                    "jenis": r["jenis"],
                    "lat": float(r["lat"]),
                    "lon": float(r["lon"]),
                }
                for r in reference_villages()
            ],
        )
        default_cap = config.settings().kapasitas_kelas
        _insert_missing(
            conn,
            Package,
            [
                {
                    "kode": r["kode_paket"],
                    "nama": r["nama_paket"],
                    "kejuruan": r["kejuruan"],
                    "durasi_jp": int(r["durasi_jp"]),
                    "kapasitas": int(r.get("kapasitas") or default_cap),
                }
                for r in reference_packages()
            ],
        )
        if get_meta(conn, "demo") is None:
            set_meta(conn, "demo", "0")
        if get_meta(conn, "data_version") is None:
            set_meta(conn, "data_version", "1")
        if get_meta(conn, DATABASE_ID) is None:
            set_meta(conn, DATABASE_ID, uuid.uuid4().hex)


def _insert_missing(conn: Connection, model, rows: list[dict]) -> None:
    existing = set(conn.execute(select(model.kode)).scalars())
    new = [r for r in rows if r["kode"] not in existing]
    if new:
        conn.execute(insert(model), new)


# --- metadata ------------------------------------------------------------------------------------


def get_meta(conn: Connection, key: str) -> str | None:
    return conn.execute(select(Meta.value).where(Meta.key == key)).scalar_one_or_none()


def set_meta(conn: Connection, key: str, value: str) -> None:
    done = conn.execute(update(Meta).where(Meta.key == key).values(value=value)).rowcount
    if not done:
        conn.execute(insert(Meta).values(key=key, value=value))


def delete_meta(conn: Connection, key: str) -> None:
    conn.execute(delete(Meta).where(Meta.key == key))


def bump_data_version(conn: Connection) -> None:
    """Mark the data as changed, so that dashboard caches keyed on the version are invalidated."""
    current = int(get_meta(conn, "data_version") or "0")
    set_meta(conn, "data_version", str(current + 1))


# meta: a random id given to a database when it is set up. The data version restarts at 1 in a
# database recreated at the same URL; what is kept across processes (the briefing decks on disk)
# is keyed by this id too, so a new database never gets an old one's deck.
DATABASE_ID = "id_basis_data"


def database_id(engine: Engine) -> str:
    with engine.connect() as conn:
        return get_meta(conn, DATABASE_ID) or ""


def data_version(engine: Engine) -> str:
    with engine.connect() as conn:
        return get_meta(conn, "data_version") or "0"


def cache_version(engine: Engine) -> str:
    """``<database id>:<data version>``, the version part of every cache key of the app: the data
    version alone restarts at 1 in a database recreated at the same URL while a server runs."""
    with engine.connect() as conn:
        return f"{get_meta(conn, DATABASE_ID) or ''}:{get_meta(conn, 'data_version') or '0'}"


def is_demo(engine: Engine) -> bool:
    with engine.connect() as conn:
        return get_meta(conn, "demo") == "1"


def data_as_of(engine: Engine) -> date | None:
    """The data date ("data per"): the ``data_per`` metadata when set (the demo sets it), else the
    day of the latest import that wrote rows, else the latest date found in the records."""
    with engine.connect() as conn:
        return data_as_of_conn(conn)


def data_as_of_conn(conn: Connection) -> date | None:
    """:func:`data_as_of` on an open connection (sees that transaction's own writes)."""
    from lib.core.models import Aid, ImportLog, TracerSurvey, TrainingClass

    value = get_meta(conn, "data_per")
    if value:
        return date.fromisoformat(value)
    imported = conn.execute(
        select(func.max(ImportLog.finished_at)).where(ImportLog.rows_written > 0)
    ).scalar()
    if imported is not None:
        return (
            imported.date() if hasattr(imported, "date") else date.fromisoformat(str(imported)[:10])
        )
    found = [
        conn.execute(select(func.max(col))).scalar()
        for col in (TrainingClass.tanggal_mulai, TracerSurvey.tanggal_survei, Aid.tanggal)
    ]
    latest: list[date] = [d for d in found if d is not None]
    return max(latest) if latest else None
