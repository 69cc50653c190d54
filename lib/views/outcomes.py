"""Post-training outcomes for ``/hasil`` (Hasil Pasca Pelatihan).

The rule is that of :mod:`lib.semantic.indicators`: the ``selesai`` persons in scope and, for each, the
status of the latest tracer survey over all of that person's enrolments
(:func:`lib.semantic.indicators.latest_survey_id`); persons never surveyed are *tidak terlacak*.

By package and by cohort year, a row counts the persons who completed a class of that package (of
that year) in scope, each with their latest status: a row equals the ``kpi`` figures with that
package (year) added to the filters, as on ``/paket``. A person who completed classes of two
packages counts in both rows, so rows may add up to more than the total.

By months since completion, each ``selesai`` person counts once, under their **reference class**
(*kelas acuan*): the most recent class in scope that they completed. Months are whole calendar
months from that class's end date to the date of the latest survey (a survey dated before that
end, possible when the latest survey belongs to an earlier enrolment, counts as 0), grouped as
≤3, 4–6, 7–12 and >12; persons never surveyed have no bucket. The buckets add up to the surveyed
``selesai`` persons.

NOTE: where the work is done. SQL applies the filters, the scope rules and the latest-survey rule
and returns one small row per completed enrolment in scope (an internal person id, package, year,
two dates, the latest status and two incomes: about 1,400 rows at scale 1, 26,000 at scale 20;
no name, no NIK). The breakdowns and medians are grouped from that result in pandas: seven GROUP
BYs over the same join cost SQLite twice as much as one fetch, and a portable SQL median needs
window functions that SQLite evaluates slowly. Aid and funnel counts are aggregated in SQL.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sqlalchemy import (
    BigInteger,
    Engine,
    String,
    cast,
    distinct,
    func,
    literal,
    literal_column,
    select,
    union_all,
)

from lib.core.filters import Filters
from lib.core.models import Aid, Enrolment, Package, TracerSurvey, TrainingClass
from lib.semantic import indicators, scope

STATUSES = (*indicators.OUTCOMES, "tidak_terlacak")
MONTH_BUCKETS = ("le3", "4_6", "7_12", "gt12")
AID_STATUS_ORDER = ("diajukan", "disetujui", "disalurkan", "ditolak")
AID_KINDS = ("kur", "peralatan", "modal_dusun_rw")
KUR_STAGES = ("diajukan", "disetujui", "disalurkan", "ditolak")
FUNNEL_STAGES = ("terdaftar", "selesai", "kompeten", "bekerja_wirausaha", "penerima_kur")
INCOME_STATUSES = ("bekerja", "wirausaha")


def outcome_rows_stmt(f: Filters):
    """One row per completed enrolment in scope: ``person_id, paket_kode, tahun, selesai`` (class
    end, ISO text), ``status, survei`` (the person's latest survey: status and ISO date, NULL if
    never surveyed), ``sebelum, sesudah`` (that survey's income before training and monthly income).

    The latest survey is :func:`lib.semantic.indicators.latest_survey_id`, the one definition the ``kpi``
    uses, looked up per row through the enrolment and survey indexes.
    """
    e, c, t = Enrolment, TrainingClass, TracerSurvey
    return (
        scope.scoped_enrolments(
            f,
            e.person_id,
            c.paket_kode,
            c.tahun,
            cast(c.tanggal_selesai, String(10)).label("selesai"),
            t.status_kerja,
            cast(t.tanggal_survei, String(10)).label("survei"),
            t.pendapatan_sebelum,
            t.pendapatan_bulanan,
        )
        .outerjoin(t, t.id == indicators.latest_survey_id(e.person_id))
        .where(e.status == "selesai")
    )


ROW_COLUMNS = [
    "person_id",
    "paket_kode",
    "tahun",
    "selesai",
    "status",
    "survei",
    "sebelum",
    "sesudah",
]


def months_between(start: pd.Series, end: pd.Series) -> pd.Series:
    """Whole calendar months from ``start`` to ``end`` (ISO dates; NaN where ``end`` is missing)."""
    a = pd.to_datetime(start, format="%Y-%m-%d")
    b = pd.to_datetime(end, format="%Y-%m-%d")
    months = (b.dt.year - a.dt.year) * 12 + (b.dt.month - a.dt.month)
    return months - (b.dt.day < a.dt.day).astype("int64")


def month_bucket(months: pd.Series) -> pd.Series:
    """≤3 → ``le3``, 4–6 → ``4_6``, 7–12 → ``7_12``, >12 → ``gt12`` (negative counts as 0)."""
    return pd.Series(
        np.select([months <= 3, months <= 6, months <= 12], list(MONTH_BUCKETS[:3]), "gt12"),
        index=months.index,
    )


def aid_stmt(f: Filters):
    """``(jenis, status, catatan, nilai_rp, orang)``: the aid records of persons in scope by kind and
    status, then two rows of person counts in ``catatan``: ``jenis`` = ``terdaftar`` (persons ever
    enrolled in scope, any status) and ``penerima_kur`` (persons with an approved KUR). One
    statement, so that the persons in scope are found once."""
    in_scope = scope.persons_in_scope(f).cte("in_scope")
    members = select(in_scope.c.person_id)
    no_status = cast(literal(None), String(12))
    zero = literal(0, BigInteger)
    return union_all(
        select(
            Aid.jenis,
            Aid.status,
            func.count(),
            func.coalesce(func.sum(Aid.nilai_rupiah), 0),
            func.count(distinct(Aid.person_id)),
        )
        .where(Aid.person_id.in_(members))
        .group_by(Aid.jenis, Aid.status),
        select(literal_column("'terdaftar'"), no_status, func.count(), zero, zero).select_from(
            in_scope
        ),
        select(
            literal_column("'penerima_kur'"),
            no_status,
            func.count(distinct(Aid.person_id)),
            zero,
            zero,
        ).where(
            Aid.person_id.in_(members),
            Aid.jenis == "kur",
            Aid.status.in_(indicators.APPROVED_AID),
        ),
    )


@dataclass(frozen=True)
class Outcomes:
    """What ``/hasil`` shows besides the ``kpi`` indicators (small, already aggregated frames)."""

    by_paket: pd.DataFrame  # key (package code), status, orang
    by_tahun: pd.DataFrame  # key (class year), status, orang
    by_bulan: pd.DataFrame  # key (month bucket), status, orang
    packages: dict  # package code -> name
    income: pd.DataFrame  # status, paket_kode, paket, sebelum, sesudah, n (paket_kode "" = all)
    aid: pd.DataFrame  # jenis, status, catatan, nilai_rp, orang
    terdaftar: int
    penerima_kur: int


def fetch_rows(engine: Engine, f: Filters) -> tuple[pd.DataFrame, dict]:
    """The rows of :func:`outcome_rows_stmt` as a frame, and the package names."""
    with engine.connect() as conn:
        names = dict(conn.execute(select(Package.kode, Package.nama)).all())
        result = conn.execute(outcome_rows_stmt(f))
        # Columns straight from the cursor's tuples: building a frame from Row objects costs more
        # than the query itself at scale 20.
        fetched = result.all()
    if not fetched:
        return pd.DataFrame(columns=ROW_COLUMNS), names
    return pd.DataFrame(dict(zip(ROW_COLUMNS, zip(*fetched, strict=True), strict=True))), names


def fetch_aid(engine: Engine, f: Filters) -> tuple[pd.DataFrame, int, int]:
    """Aid records by kind and status; persons ever enrolled; persons with an approved KUR."""
    with engine.connect() as conn:
        rows = pd.DataFrame(
            conn.execute(aid_stmt(f)).all(),
            columns=["jenis", "status", "catatan", "nilai_rp", "orang"],
        )
    counts = dict(zip(rows["jenis"], rows["catatan"], strict=True))
    aid = rows[~rows["jenis"].isin(["terdaftar", "penerima_kur"])].reset_index(drop=True)
    aid = aid.astype({"catatan": "int64", "nilai_rp": "int64", "orang": "int64"})
    return aid, int(counts.get("terdaftar", 0)), int(counts.get("penerima_kur", 0))


def compute(engine: Engine, f: Filters) -> Outcomes:
    """All the outcome aggregates of ``/hasil`` for ``f`` (three statements)."""
    return assemble(fetch_rows(engine, f), fetch_aid(engine, f))


def assemble(fetched_rows: tuple[pd.DataFrame, dict], fetched_aid: tuple) -> Outcomes:
    """:class:`Outcomes` from the results of :func:`fetch_rows` and :func:`fetch_aid`."""
    rows, names = fetched_rows
    aid, terdaftar, penerima_kur = fetched_aid
    rows = rows.copy()
    rows["status"] = rows["status"].fillna("tidak_terlacak")
    rows["tahun"] = rows["tahun"].astype("int64")

    def count(frame: pd.DataFrame, key: str) -> pd.DataFrame:
        out = frame.groupby([key, "status"]).size().rename("orang").reset_index()
        return out.rename(columns={key: "key"}).astype({"orang": "int64"})

    by_paket = count(rows.drop_duplicates(["paket_kode", "person_id"]), "paket_kode")
    by_tahun = count(rows.drop_duplicates(["tahun", "person_id"]), "tahun")
    people = rows.groupby("person_id").agg(
        selesai=("selesai", "max"), survei=("survei", "first"), status=("status", "first")
    )
    surveyed = people[people["survei"].notna()]
    surveyed = surveyed.assign(
        bulan=month_bucket(months_between(surveyed["selesai"], surveyed["survei"]))
    )
    by_bulan = count(surveyed, "bulan")

    placed = rows[rows["status"].isin(INCOME_STATUSES)]
    per_package = placed.drop_duplicates(["paket_kode", "person_id"])
    per_person = placed.drop_duplicates("person_id").assign(paket_kode="")
    income = []
    for frame in (per_person, per_package):
        grouped = frame.groupby(["status", "paket_kode"])
        stats = grouped.agg(
            sebelum=("sebelum", "median"),
            sesudah=("sesudah", "median"),
            n_sebelum=("sebelum", "count"),
            n_sesudah=("sesudah", "count"),
        ).reset_index()
        income.append(stats)
    income_df = pd.concat(income, ignore_index=True)
    income_df["n"] = income_df[["n_sebelum", "n_sesudah"]].max(axis=1).astype("int64")
    income_df = income_df[income_df["n"] > 0]
    income_df["paket"] = income_df["paket_kode"].map(names).fillna("")
    income_df = income_df.sort_values(["status", "paket_kode"]).reset_index(drop=True)
    return Outcomes(
        by_paket,
        by_tahun,
        by_bulan,
        names,
        income_df[["status", "paket_kode", "paket", "sebelum", "sesudah", "n"]],
        aid,
        terdaftar,
        penerima_kur,
    )


# --- shaping the aggregates for tables and charts (no SQL) -------------------------------------


def status_table(out: Outcomes, by: str) -> pd.DataFrame:
    """Persons per ``by`` (``paket``, ``tahun`` or ``bulan``) × status, with total and placement %.

    Columns: ``by`` (plus ``paket_kode`` for packages), the :data:`STATUSES` (no ``tidak_terlacak``
    for months), ``selesai`` (the row total) and ``persen_penempatan``.
    """
    df = {"paket": out.by_paket, "tahun": out.by_tahun, "bulan": out.by_bulan}[by]
    statuses = [s for s in STATUSES if not (by == "bulan" and s == "tidak_terlacak")]
    wide = df.pivot_table(index="key", columns="status", values="orang", aggfunc="sum")
    wide = wide.reindex(columns=statuses).fillna(0).astype("int64")
    if by == "bulan":
        wide = wide.reindex(list(MONTH_BUCKETS), fill_value=0)
    wide = wide.reset_index()
    wide.columns.name = None
    wide["selesai"] = wide[statuses].sum(axis=1).astype("int64")
    wide["persen_penempatan"] = pd.array(
        [
            indicators.percent(b + w, s)
            for b, w, s in zip(wide["bekerja"], wide["wirausaha"], wide["selesai"], strict=True)
        ],
        dtype="Float64",
    )
    if by == "paket":
        wide = wide.rename(columns={"key": "paket_kode"})
        wide.insert(1, "paket", wide["paket_kode"].map(out.packages))
        wide = wide.sort_values(["selesai", "paket_kode"], ascending=[False, True], kind="stable")
    else:
        wide = wide.rename(columns={"key": by})
        wide = wide.sort_values(by, kind="stable") if by == "tahun" else wide
    return wide.reset_index(drop=True)


def kur_pipeline(aid: pd.DataFrame) -> pd.DataFrame:
    """KUR stages: diajukan (all records), disetujui (approved or disbursed: the ``kur_disetujui``
    indicator), disalurkan, and ditolak; each with records, rupiah and persons."""
    kur = aid[aid["jenis"] == "kur"]

    def stage(statuses) -> dict:
        part = kur[kur["status"].isin(statuses)]
        return {
            "catatan": int(part["catatan"].sum()),
            "nilai_rp": int(part["nilai_rp"].sum()),
        }

    rows = {
        "diajukan": stage(AID_STATUS_ORDER),
        "disetujui": stage(indicators.APPROVED_AID),
        "disalurkan": stage(("disalurkan",)),
        "ditolak": stage(("ditolak",)),
    }
    return pd.DataFrame([{"tahap": k, **v} for k, v in rows.items()])


def aid_status_table(aid: pd.DataFrame, kinds=("peralatan", "modal_dusun_rw")) -> pd.DataFrame:
    """Records and rupiah per aid kind × status (statuses in pipeline order), all statuses shown."""
    index = pd.MultiIndex.from_product(
        [list(kinds), list(AID_STATUS_ORDER)], names=["jenis", "status"]
    )
    part = aid[aid["jenis"].isin(kinds)].set_index(["jenis", "status"])[
        ["catatan", "nilai_rp", "orang"]
    ]
    out = part.reindex(index, fill_value=0).reset_index()
    return out.astype({"catatan": "int64", "nilai_rp": "int64", "orang": "int64"})


def funnel(kpi: dict, out: Outcomes) -> pd.DataFrame:
    """Registered → selesai → kompeten → bekerja/wirausaha → KUR (persons), with % of registered."""
    values = {
        "terdaftar": out.terdaftar,
        "selesai": int(kpi["selesai"]),
        "kompeten": int(kpi["kompeten"]),
        "bekerja_wirausaha": int(kpi["bekerja"]) + int(kpi["wirausaha"]),
        "penerima_kur": out.penerima_kur,
    }
    return pd.DataFrame(
        [
            {"tahap": k, "orang": v, "persen": indicators.percent(v, out.terdaftar)}
            for k, v in values.items()
        ]
    )
