"""Import history and quarantine for the ``/data`` page (NIK masked, newest first)."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
from sqlalchemy import Engine, func, select

from lib.core.i18n import t
from lib.core.models import ImportLog, Quarantine
from lib.intake.schemas import SPECS

HISTORY_COLUMNS = (
    "id", "waktu", "pengguna", "berkas", "jenis", "mode", "hasil",
    "baris", "ditulis", "ditolak", "peringatan", "sha256",
)  # fmt: skip


def _label(column: str, lang: str) -> str:
    return t(f"imp.hist.{column}", lang)


def imports(engine: Engine, lang: str = "id", limit: int = 500) -> pd.DataFrame:
    """The latest imports: who, when, file name and hash, mode, outcome and counts."""
    L = ImportLog
    stmt = (
        select(
            L.id, L.started_at, L.user, L.file_name, L.kind, L.mode, L.outcome,
            L.rows_total, L.rows_written, L.rows_rejected, L.warnings, L.sha256,
        )
        .order_by(L.id.desc())
        .limit(limit)
    )  # fmt: skip
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    df = pd.DataFrame(rows, columns=list(HISTORY_COLUMNS))
    df["sha256"] = df["sha256"].str[:12]
    df["hasil"] = df["hasil"].map(lambda v: t(f"imp.hist.outcome.{v}", lang))
    df["mode"] = df["mode"].map(lambda v: t(f"imp.hist.mode.{v}", lang))
    return df.rename(columns={c: _label(c, lang) for c in HISTORY_COLUMNS})


def quarantined_imports(engine: Engine) -> list[dict]:
    """Imports that left rows in quarantine: id, file name, kind, time and number of rows."""
    stmt = (
        select(
            ImportLog.id, ImportLog.file_name, ImportLog.kind, ImportLog.started_at,
            func.count(Quarantine.id).label("n"),
        )
        .join(Quarantine, Quarantine.import_id == ImportLog.id)
        .group_by(ImportLog.id, ImportLog.file_name, ImportLog.kind, ImportLog.started_at)
        .order_by(ImportLog.id.desc())
    )  # fmt: skip
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(stmt).mappings()]


def quarantine_rows(
    engine: Engine, import_id: int, lang: str = "id", on: date | None = None
) -> pd.DataFrame:
    """The rejected rows of one import: row number, the file's values, reasons.

    Every NIK/No. KK value is masked (also one stored before masking was applied at storage, and a
    malformed one); a birth date becomes the age on ``on`` (today) with a flag for minors.
    """
    from lib.core import privacy
    from lib.core.config import settings

    stmt = (
        select(Quarantine.kind, Quarantine.row_number, Quarantine.data_json, Quarantine.reasons)
        .where(Quarantine.import_id == import_id)
        .order_by(Quarantine.row_number)
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    if not rows:
        return pd.DataFrame()
    columns = list(SPECS[rows[0].kind].columns)
    records = []
    for _kind, number, data_json, reasons in rows:
        data = json.loads(data_json)
        rec = {"baris": number, "alasan": reasons}
        for c in columns:
            rec[c] = data.get(c) or ""
        records.append(rec)
    df = privacy.person_frame(records, on=on or date.today(), adult_age=settings().usia_dewasa)
    labels = {
        "baris": _label("baris", lang),
        "alasan": _label("alasan", lang),
        privacy.AGE: t("privacy.col.umur", lang),
        privacy.MINOR: t("privacy.col.anak", lang, n=settings().usia_dewasa),
    }
    return df.rename(columns=labels)
