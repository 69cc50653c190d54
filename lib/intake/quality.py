"""Data-quality checks of the ``/data`` page: each a count (aggregated in SQL) and the affected rows
(NIK masked, capped), in the order an operator works through them.

- the warnings stored at import, one check per kind of warning: NIK digits disagreeing with the birth
  date or the gender, NIK issued outside the regency, age at class start outside the productive range
  or under 18 (UU PDP: a child's data is specific personal data);
- the same person in two classes whose periods overlap (dropouts excepted);
- alumni overdue for tracing: the measure ``tidak_terlacak_jatuh_tempo`` of the semantic layer (never
  surveyed, class ended at least ``[aturan] telusur_setelah_bulan`` months before the data date);
- under-filled classes: the measure ``kelas_kurang_terisi`` (``[aturan] keterisian_rendah_persen``);
- a registry extract older than 3 months (DTSEN is updated quarterly): registry persons whose data
  date is older than 3 months or unknown.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Engine, and_, distinct, func, or_, select
from sqlalchemy.orm import aliased

from lib.core import fmt
from lib.core.i18n import t
from lib.core.models import (
    AnClass,
    AnEnrolment,
    DataWarning,
    Enrolment,
    Package,
    Person,
    TrainingClass,
)
from lib.semantic.measures import under_capacity_pct, untraced_after_months

WARNING_CODES = (
    "nik_tanggal_lahir", "nik_jenis_kelamin", "nik_wilayah", "usia_produktif", "usia_anak",
)  # fmt: skip
CHECKS = (*WARNING_CODES, "kelas_tumpang", "tidak_terlacak", "kelas_sepi", "registri_usang")
REGISTRY_MAX_MONTHS = 3
ROW_LIMIT = 5000


@dataclass(frozen=True)
class CheckResult:
    key: str
    count: int
    rows: pd.DataFrame  # the affected rows (at most ``limit``), NIK masked, headers in ``lang``

    @property
    def truncated(self) -> bool:
        """More affected rows than listed (the registry check lists groups, never truncated)."""
        return self.key != "registri_usang" and len(self.rows) < self.count


def months_before(day: date, months: int) -> date:
    y, m = divmod(day.month - 1 - months, 12)
    year, month = day.year + y, m + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _frame(rows, columns: list[str], lang: str) -> pd.DataFrame:
    df = pd.DataFrame([tuple(r) for r in rows], columns=columns)
    if "nik" in df:
        df["nik"] = df["nik"].map(fmt.mask_nik)
    return df.rename(columns={c: t(f"dq.col.{c}", lang) for c in columns})


def title(key: str, lang: str = "id") -> str:
    """The heading of check ``key``, with the rule's parameters from the programme settings."""
    return t(f"dq.{key}.title", lang, **_params())


def description(key: str, lang: str = "id") -> str:
    return t(f"dq.{key}.desc", lang, **_params())


def _params() -> dict[str, str]:
    return {"pct": str(under_capacity_pct()), "months": str(untraced_after_months())}


def _count(conn, stmt) -> int:
    return conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()


def _warnings(conn, code: str, limit: int, lang: str) -> tuple[int, pd.DataFrame]:
    W = DataWarning
    base = select(W.id).where(W.code == code)
    stmt = (
        select(W.nik, W.kind, W.record_key, W.row_number, W.column, W.value, W.message, W.import_id)
        .where(W.code == code)
        .order_by(W.import_id.desc(), W.row_number)
        .limit(limit)
    )
    rows = []
    for nik, kind, key, number, column, value, message, import_id in conn.execute(stmt):
        if column in ("nik", "no_kk") and value and value.isdigit():
            value = fmt.mask_nik(value)
        key = "|".join(fmt.mask_nik(p) if p == nik else p for p in key.split("|"))
        rows.append((nik, kind, key, number, column, value, message, import_id))
    columns = ["nik", "jenis", "kunci", "baris", "kolom", "nilai", "pesan", "impor"]
    return _count(conn, base), _frame(rows, columns, lang)


def _overlaps(conn, limit: int, lang: str) -> tuple[int, pd.DataFrame]:
    e1, e2 = aliased(Enrolment), aliased(Enrolment)
    c1, c2 = aliased(TrainingClass), aliased(TrainingClass)
    stmt = (
        select(
            Person.nik, Person.nama, c1.kode, c1.tanggal_mulai, c1.tanggal_selesai,
            c2.kode, c2.tanggal_mulai, c2.tanggal_selesai,
        )
        .select_from(e1)
        .join(e2, and_(e1.person_id == e2.person_id, e1.id < e2.id))
        .join(c1, c1.id == e1.class_id)
        .join(c2, c2.id == e2.class_id)
        .join(Person, Person.id == e1.person_id)
        .where(
            c1.tanggal_mulai <= c2.tanggal_selesai,
            c2.tanggal_mulai <= c1.tanggal_selesai,
            e1.status != "keluar",
            e2.status != "keluar",
        )
    )  # fmt: skip
    rows = conn.execute(stmt.order_by(Person.nik, c1.kode).limit(limit)).all()
    # fewer rows than the limit are all of them: the self-join is not run a second time to count
    count = len(rows) if len(rows) < limit else _count(conn, stmt)
    columns = ["nik", "nama", "kelas_1", "mulai_1", "selesai_1", "kelas_2", "mulai_2", "selesai_2"]
    return count, _frame(rows, columns, lang)


def _untraced(conn, as_of: date, limit: int, lang: str) -> tuple[int, pd.DataFrame]:
    """The measure ``tidak_terlacak_jatuh_tempo`` listed: completers never surveyed whose class ended
    at least :func:`lib.semantic.measures.untraced_after_months` months before the data date (the
    flag of the enrolment fact), one row per such completed class; counted in persons."""
    a = AnEnrolment
    where = (a.status == "selesai", a.status_kerja.is_(None), a.telusur_jatuh_tempo == 1)
    count = conn.execute(select(func.count(distinct(a.person_id))).where(*where)).scalar_one()
    stmt = (
        select(Person.nik, Person.nama, a.kelas_kode, a.tanggal_selesai)
        .join(Person, Person.id == a.person_id)
        .where(*where)
        .order_by(a.tanggal_selesai, Person.nik)
        .limit(limit)
    )
    rows = [
        (nik, nama, kode, end, (as_of.year - end.year) * 12 + as_of.month - end.month)
        for nik, nama, kode, end in conn.execute(stmt)
    ]
    return count, _frame(rows, ["nik", "nama", "kelas", "selesai", "bulan_sejak"], lang)


def _under_capacity(conn, limit: int, lang: str) -> tuple[int, pd.DataFrame]:
    """Classes filled below :func:`lib.semantic.measures.under_capacity_pct` (the measure
    ``kelas_kurang_terisi``), from the class table of the semantic layer."""
    c = AnClass
    stmt = (
        select(
            c.kelas_kode,
            Package.nama,
            c.tahun,
            c.tanggal_mulai,
            c.kapasitas,
            c.terisi,
        )  # fmt: skip
        .join(Package, Package.kode == c.paket_kode)
        .where(c.terisi * 100 < c.kapasitas * under_capacity_pct())
    )
    count = _count(conn, stmt)
    rows = [
        (*r, fmt.pct(r.terisi * 100 / r.kapasitas, lang))
        for r in conn.execute(stmt.order_by(c.tanggal_mulai.desc()).limit(limit))
    ]
    columns = ["kelas", "paket", "tahun", "mulai", "kapasitas", "terisi", "keterisian"]
    return count, _frame(rows, columns, lang)


def _registry_age(conn, today: date, limit: int, lang: str) -> tuple[int, pd.DataFrame]:
    cutoff = months_before(today, REGISTRY_MAX_MONTHS)
    old = or_(Person.tanggal_data.is_(None), Person.tanggal_data < cutoff)
    stmt = (
        select(Person.sumber, Person.tanggal_data, func.count().label("n"))
        .where(old)
        .group_by(Person.sumber, Person.tanggal_data)
        .order_by(Person.tanggal_data.desc())
        .limit(limit)
    )
    count = conn.execute(select(func.count()).select_from(Person).where(old)).scalar_one()
    rows = [
        (sumber or "–", tanggal.isoformat() if tanggal else t("dq.unknown_date", lang), n)
        for sumber, tanggal, n in conn.execute(stmt)
    ]
    return count, _frame(rows, ["sumber", "tanggal_data", "orang"], lang)


def run_checks(
    engine: Engine,
    today: date | None = None,
    as_of: date | None = None,
    lang: str = "id",
    limit: int = ROW_LIMIT,
) -> list[CheckResult]:
    """All checks of the panel, in :data:`CHECKS` order.

    The registry's age counts from ``today``; alumni follow-up from the data date (the records say
    nothing about surveys after it; ``as_of``, normally the data date, only dates the listed rows).
    """
    today = today or date.today()
    as_of = min(as_of or today, today)
    out = []
    with engine.connect() as conn:
        for code in WARNING_CODES:
            out.append(CheckResult(code, *_warnings(conn, code, limit, lang)))
        out.append(CheckResult("kelas_tumpang", *_overlaps(conn, limit, lang)))
        out.append(CheckResult("tidak_terlacak", *_untraced(conn, as_of, limit, lang)))
        out.append(CheckResult("kelas_sepi", *_under_capacity(conn, limit, lang)))
        out.append(CheckResult("registri_usang", *_registry_age(conn, today, limit, lang)))
    return out
