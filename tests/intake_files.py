"""Helpers for the intake tests: spreadsheet files written as operators' tools write them, and row
counts of the data tables (to prove that nothing was written)."""

from __future__ import annotations

import io
from datetime import date

from sqlalchemy import func, select

from lib.core import db
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
from lib.intake import parsers

DTKS = ["nik", "no_kk", "nama", "jenis_kelamin", "tanggal_lahir", "kode_desa", "desil"]
BONTO_JAI = "73.03.01.2008"
KK = "7303010101220001"


def csv_bytes(header, rows, *, sep=";", encoding="utf-8", bom=False) -> bytes:
    lines = [sep.join(header)] + [sep.join("" if v is None else str(v) for v in r) for r in rows]
    text = "\r\n".join(lines) + "\r\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding)


def xlsx_bytes(header, rows, *, formats: dict | None = None, extra_sheet=None) -> bytes:
    """An XLSX whose first sheet holds ``header`` and ``rows`` (values as openpyxl writes them)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(header)
    for r in rows:
        ws.append(r)
    for (row, col), number_format in (formats or {}).items():
        ws.cell(row=row, column=col).number_format = number_format
    if extra_sheet:
        other = wb.create_sheet("Lain")
        for r in extra_sheet:
            other.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def nik(born: date, jk: str, serial: int, region: str = "730301") -> str:
    return parsers.nik_for(born, jk, region=region, serial=serial)


def dtks_row(serial: int, *, born=date(1995, 5, 17), jk="P", desa=BONTO_JAI, desil=1, **over):
    row = {
        "nik": nik(born, jk, serial),
        "no_kk": KK,
        "nama": f"Warga {serial}",
        "jenis_kelamin": jk,
        "tanggal_lahir": born.isoformat(),
        "kode_desa": desa,
        "desil": desil,
    }
    row.update(over)
    return [row[c] for c in DTKS]


TABLES = (Package, TrainingClass, Person, Enrolment, TracerSurvey, Aid, Quarantine, DataWarning)


def counts(url: str) -> dict[str, int]:
    """Rows per data table (the import log excluded)."""
    with db.get_engine(url).connect() as conn:
        return {
            m.__tablename__: conn.execute(select(func.count()).select_from(m)).scalar_one()
            for m in TABLES
        }


def snapshot(url: str) -> dict[str, list]:
    """Every row of the data tables, sorted: equal snapshots mean nothing changed."""
    with db.get_engine(url).connect() as conn:
        return {
            m.__tablename__: sorted(
                tuple(str(v) for v in row) for row in conn.execute(select(m.__table__))
            )
            for m in TABLES
        }


def import_logs(url: str) -> list[dict]:
    with db.get_engine(url).connect() as conn:
        stmt = select(ImportLog.__table__).order_by(ImportLog.id)
        return [dict(r) for r in conn.execute(stmt).mappings()]


def import_in_step(url: str, jobs: list[tuple[str, str]], barrier, results) -> None:
    """Child process of the concurrency tests: before each import, wait until the other process is
    ready too, so that both import at the same moment."""
    from lib.intake import importer

    for path, kind in jobs:
        barrier.wait(timeout=120)
        result = importer.run(path, url=url, kind=kind)
        results.put((kind, path, result.exit_code, result.rows_written))
