"""Writing an import: one transaction, upserts on the natural keys, quarantine, log, warnings.

- **One transaction.** The rules that read the database and the writes run in the same transaction,
  which holds the import lock: ``BEGIN IMMEDIATE`` on SQLite (the busy timeout of ``lib.core.db`` waits
  for another import, retried here up to :data:`LOCK_WAIT_S`), and a transaction-level advisory lock
  on PostgreSQL. Two processes importing overlapping files therefore run one after the other; the
  unique constraints with ``ON CONFLICT DO UPDATE`` would keep out duplicates in any case.
- **Upserts** on kode_paket, kode_kelas, nik, (person, class), (enrolment, survey date) and
  (person, jenis, tanggal): re-importing a file changes nothing. Optional columns that the file does
  not have are left as they are in the database.
- Every import that reaches the database is logged (``import_log``); ``--partial`` keeps the rejected
  rows with their reasons in ``quarantine``; warnings of written rows go to ``data_warning``
  (replacing the earlier warnings of the same records); the data version is bumped so that the
  dashboard's caches refresh.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from sqlalchemy import Connection, Engine, delete, func, insert, select, update
from sqlalchemy.exc import OperationalError

from lib.core import fmt, privacy
from lib.core.models import (
    Aid,
    DataWarning,
    Enrolment,
    ImportLog,
    Package,
    Person,
    Quarantine,
    TracerSurvey,
    TrainingClass,
)
from lib.intake.report import cell_text
from lib.intake.rules import chunks
from lib.intake.schemas import SPECS, Row

LOCK_WAIT_S = 600
PG_LOCK_KEY = 7303_2022  # any constant shared by every Pantau process on the database
WRITE_CHUNK = 2000


@contextmanager
def write_transaction(engine: Engine) -> Iterator[Connection]:
    """A connection inside a transaction that holds the import lock; commits on success."""
    with engine.connect() as conn:
        if conn.dialect.name == "sqlite":
            deadline = time.monotonic() + LOCK_WAIT_S
            while True:
                try:
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                    break
                except OperationalError as exc:  # busy timeout passed: another import runs
                    conn.rollback()
                    if "locked" not in str(exc) or time.monotonic() > deadline:
                        raise
        else:
            conn.execute(select(func.pg_advisory_xact_lock(PG_LOCK_KEY)))
        try:
            yield conn
        except BaseException:
            conn.rollback()
            raise
        conn.commit()


def _insert_for(conn: Connection):
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert


def upsert(conn: Connection, model, rows: list[dict], keys: tuple[str, ...]) -> None:
    """INSERT … ON CONFLICT (keys) DO UPDATE SET every other given column (portable)."""
    if not rows:
        return
    stmt = _insert_for(conn)(model)
    updates = [c for c in rows[0] if c not in keys]
    if updates:
        stmt = stmt.on_conflict_do_update(
            index_elements=list(keys), set_={c: stmt.excluded[c] for c in updates}
        )
    else:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(keys))
    for part in chunks(rows, WRITE_CHUNK):
        conn.execute(stmt, part)


# --- rows -> table records ------------------------------------------------------------------------

# file column -> table column, per kind (columns not named keep their name)
RENAME = {
    "paket": {"kode_paket": "kode", "nama_paket": "nama"},
    "kelas": {"kode_kelas": "kode", "kode_paket": "paket_kode"},
    "dtks": {"jenis_kelamin": "jk", "kode_desa": "desa_kode"},
}
TABLES = {
    "paket": (Package, ("kode",)),
    "kelas": (TrainingClass, ("kode",)),
    "dtks": (Person, ("nik",)),
    "peserta": (Enrolment, ("person_id", "class_id")),
    "tracer": (TracerSurvey, ("enrolment_id", "tanggal_survei")),
    "bantuan": (Aid, ("person_id", "jenis", "tanggal")),
}
# Optional columns filled with a default when the file lacks them (the default is then written on
# insert and on update alike): capacity of a package (settings) and of a class (its package's).
DEFAULTED = {"paket": ("kapasitas",), "kelas": ("kapasitas",)}


def records(kind: str, rows: list[Row], present: set[str]) -> list[dict]:
    """The table records of the valid rows: required columns, the optional columns the file has."""
    spec = SPECS[kind]
    columns = [
        c for c in spec.columns
        if c in spec.required or c in present or c in DEFAULTED.get(kind, ())
    ]  # fmt: skip
    rename = RENAME.get(kind, {})
    if kind in ("peserta", "tracer", "bantuan"):
        columns = [c for c in columns if c not in ("nik", "kode_kelas")]
    out = []
    for row in rows:
        v = row.values
        rec = {rename.get(c, c): v[c] for c in columns}
        if kind in ("peserta", "bantuan"):
            rec["person_id"] = v["_person_id"]
        if kind == "peserta":
            rec["class_id"] = v["_class"]["id"]
        if kind == "tracer":
            rec["enrolment_id"] = v["_enrolment_id"]
        out.append(rec)
    return out


def record_key(kind: str, values: dict) -> str:
    """The natural key of a record as text (``data_warning.record_key``)."""
    return "|".join(cell_text(values[c]) for c in SPECS[kind].key)


# --- the write ------------------------------------------------------------------------------------


def start_log(conn: Connection, *, kind, file_name, sha256, user, started_at, mode) -> int:
    stmt = insert(ImportLog).values(
        kind=kind,
        file_name=file_name[:500],
        sha256=sha256,
        user=(user or "cli")[:200],
        started_at=started_at,
        mode=mode,
        outcome="gagal",
        rows_total=0,
        rows_written=0,
        rows_rejected=0,
        warnings=0,
    )
    return conn.execute(stmt).inserted_primary_key[0]


def finish_log(conn: Connection, import_id: int, **values) -> None:
    values.setdefault("finished_at", datetime.now().replace(microsecond=0))
    conn.execute(update(ImportLog).where(ImportLog.id == import_id).values(**values))


def write_rows(conn: Connection, kind: str, valid: list[Row], present: set[str]) -> int:
    model, keys = TABLES[kind]
    recs = records(kind, valid, present)
    upsert(conn, model, recs, keys)
    return len(recs)


def write_quarantine(conn: Connection, import_id: int, kind: str, rejected: list[Row]) -> None:
    def record(row: Row) -> dict:
        return {
            "import_id": import_id,
            "kind": kind,
            "row_number": row.number,
            "data_json": json.dumps(_stored_cells(row.raw), ensure_ascii=False),
            "reasons": fmt.mask_identity_runs(
                " | ".join(f"{i.column or '-'}: {i.message()}" for i in row.errors)
            ),
        }

    for part in chunks(rejected, WRITE_CHUNK):  # built per chunk: bounded memory
        conn.execute(insert(Quarantine), [record(row) for row in part])


def _stored_cells(raw: dict) -> dict:
    """A rejected row as the quarantine keeps it: NIK and No. KK masked (UU PDP: the row number
    finds the full value in the operator's file), NIK-like digits elsewhere masked too."""
    out = {}
    for column, value in raw.items():
        text = cell_text(value)
        if text is not None and column in privacy.IDENTITY_COLUMNS:
            text = fmt.mask_nik(text)
        elif text is not None:
            text = fmt.mask_identity_runs(text)
        out[column] = text
    return out


def write_warnings(conn: Connection, import_id: int, kind: str, written: list[Row]) -> int:
    """Replace the stored warnings of the written records by the ones found now; returns the count."""
    keys = [record_key(kind, r.values) for r in written]
    has_any = conn.execute(select(DataWarning.id).where(DataWarning.kind == kind).limit(1)).first()
    if has_any:
        for part in chunks(keys):
            conn.execute(
                delete(DataWarning).where(
                    DataWarning.kind == kind, DataWarning.record_key.in_(part)
                )
            )
    recs = []
    for row, key in zip(written, keys, strict=True):
        for w in row.warnings:
            recs.append(
                {
                    "import_id": import_id,
                    "kind": kind,
                    "code": w.code,
                    "nik": row.values.get("nik"),
                    "record_key": key[:200],
                    "row_number": w.row,
                    "column": w.column,
                    "value": w.value,
                    "message": w.message(),
                }
            )
    for part in chunks(recs, WRITE_CHUNK):
        conn.execute(insert(DataWarning), part)
    return len(recs)


def log_unusable(engine: Engine, *, kind, file_name, sha256, user, mode) -> int | None:
    """Record an import whose file could not be used (outcome ``gagal``)."""
    now = datetime.now().replace(microsecond=0)
    with engine.begin() as conn:
        import_id = start_log(
            conn, kind=kind or "-", file_name=file_name, sha256=sha256 or "-", user=user,
            started_at=now, mode=mode,
        )  # fmt: skip
        finish_log(conn, import_id, finished_at=now)
    return import_id
