"""Post-training outcomes for ``/hasil`` (Hasil Pasca Pelatihan), aggregated in SQL.

The rule is that of :mod:`lib.indicators`: the ``selesai`` persons in scope and, for each, the
status of the latest tracer survey over all of that person's enrolments
(:func:`lib.indicators.latest_outcome_subquery`); persons never surveyed are *tidak terlacak*.

By package and by cohort year, a row counts the persons who completed a class of that package (of
that year) in scope, each with their latest status: a row equals the ``kpi`` figures with that
package (year) added to the filters, as on ``/paket``. A person who completed classes of two
packages counts in both rows, so rows may add up to more than the total.

By months since completion, each ``selesai`` person counts once, under their **reference class**
(*kelas acuan*): the most recent class in scope that they completed (latest end date, then the
latest class). Months are whole calendar months from that class's end date to the date of the
latest survey (a survey dated before that end, possible when the latest survey belongs to an
earlier enrolment, counts as 0), grouped as ≤3, 4–6, 7–12 and >12; persons never surveyed have no
bucket. The buckets add up to the surveyed ``selesai`` persons.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import Engine, case, distinct, extract, func, literal, select

from lib import indicators, scope
from lib.filters import Filters
from lib.models import Aid, Enrolment, Package, TracerSurvey, TrainingClass

STATUSES = (*indicators.OUTCOMES, "tidak_terlacak")
MONTH_BUCKETS = ("le3", "4_6", "7_12", "gt12")
AID_STATUS_ORDER = ("diajukan", "disetujui", "disalurkan", "ditolak")
AID_KINDS = ("kur", "peralatan", "modal_dusun_rw")
KUR_STAGES = ("diajukan", "disetujui", "disalurkan", "ditolak")
FUNNEL_STAGES = ("terdaftar", "selesai", "kompeten", "bekerja_wirausaha", "penerima_kur")
INCOME_STATUSES = ("bekerja", "wirausaha")


def reference_class_subquery(f: Filters):
    """Per ``selesai`` person in scope, their reference class (``rn = 1``) for the months count.

    Columns ``person_id``, ``paket_kode``, ``tahun``, ``tanggal_selesai``, ``rn``.
    """
    rn = (
        func.row_number()
        .over(
            partition_by=Enrolment.person_id,
            order_by=(TrainingClass.tanggal_selesai.desc(), TrainingClass.id.desc()),
        )
        .label("rn")
    )
    return (
        scope.scoped_enrolments(
            f,
            Enrolment.person_id,
            TrainingClass.paket_kode,
            TrainingClass.tahun,
            TrainingClass.tanggal_selesai,
            rn,
        )
        .where(Enrolment.status == "selesai")
        .subquery("ref_class")
    )


def months_between(start, end):
    """Whole calendar months from ``start`` to ``end`` (portable SQL: SQLite and PostgreSQL)."""
    return (
        (extract("year", end) - extract("year", start)) * 12
        + (extract("month", end) - extract("month", start))
        - case((extract("day", end) < extract("day", start), 1), else_=0)
    )


def _bucket(months):
    return case(
        (months <= 3, literal("le3")),
        (months <= 6, literal("4_6")),
        (months <= 12, literal("7_12")),
        else_=literal("gt12"),
    )


def status_by_stmt(f: Filters, by: str):
    """``(key, status, orang)`` with ``by`` = ``paket`` or ``tahun`` (see the module docstring)."""
    column = {"paket": TrainingClass.paket_kode, "tahun": TrainingClass.tahun}[by]
    pairs = (
        scope.scoped_enrolments(f, column.label("key"), Enrolment.person_id)
        .where(Enrolment.status == "selesai")
        .distinct()
        .subquery("pairs")
    )
    latest = indicators.latest_outcome_subquery(f)
    per_pair = (
        select(
            pairs.c.key,
            func.coalesce(latest.c.status_kerja, literal("tidak_terlacak")).label("status"),
        )
        .select_from(pairs)
        .outerjoin(latest, (latest.c.person_id == pairs.c.person_id) & (latest.c.rn == 1))
        .subquery("per_pair")
    )
    # Grouping the subquery's columns (not the expressions) keeps PostgreSQL happy: bound literals
    # in SELECT and GROUP BY would be different parameters to it.
    p = per_pair.c
    return select(p.key, p.status, func.count().label("orang")).group_by(p.key, p.status)


def status_by_months_stmt(f: Filters):
    """``(key, status, orang)``: ``key`` a bucket of :data:`MONTH_BUCKETS` (surveyed persons)."""
    ref = reference_class_subquery(f)
    latest = indicators.latest_outcome_subquery(f)
    months = months_between(ref.c.tanggal_selesai, latest.c.tanggal_survei)
    per_person = (
        select(_bucket(months).label("key"), latest.c.status_kerja.label("status"))
        .select_from(ref)
        .join(latest, (latest.c.person_id == ref.c.person_id) & (latest.c.rn == 1))
        .where(ref.c.rn == 1)
        .subquery("per_person")
    )
    p = per_person.c
    return select(p.key, p.status, func.count().label("orang")).group_by(p.key, p.status)


def income_median_stmt(f: Filters, column: str, by_package: bool):
    """Median of the latest survey's ``column`` (``pendapatan_sebelum``/``pendapatan_bulanan``) per
    status (and package: the packages the person completed in scope), among bekerja/wirausaha
    persons; computed in SQL with window functions (portable, no ``percentile_cont``)."""
    latest = indicators.latest_outcome_subquery(f)
    value = getattr(TracerSurvey, column)
    base = (
        select(latest.c.status_kerja, value.label("v"))
        .select_from(latest)
        .join(TracerSurvey, TracerSurvey.id == latest.c.survey_id)
        .where(latest.c.rn == 1, latest.c.status_kerja.in_(INCOME_STATUSES), value.is_not(None))
    )
    group = [latest.c.status_kerja]
    if by_package:
        pairs = (
            scope.scoped_enrolments(f, TrainingClass.paket_kode, Enrolment.person_id)
            .where(Enrolment.status == "selesai")
            .distinct()
            .subquery("pairs")
        )
        base = base.add_columns(pairs.c.paket_kode).join(
            pairs, pairs.c.person_id == latest.c.person_id
        )
        group.append(pairs.c.paket_kode)
    ranked = base.add_columns(
        func.row_number().over(partition_by=group, order_by=value).label("i"),
        func.count().over(partition_by=group).label("n"),
    ).subquery("ranked")
    keys = [ranked.c.status_kerja] + ([ranked.c.paket_kode] if by_package else [])
    return (
        select(*keys, func.avg(ranked.c.v).label("median"), func.max(ranked.c.n).label("n"))
        .where(ranked.c.i.in_([(ranked.c.n + 1) // 2, (ranked.c.n + 2) // 2]))
        .group_by(*keys)
    )


def aid_stmt(f: Filters):
    """``(jenis, status, catatan, nilai_rp, orang)`` of the aid records of persons in scope."""
    return (
        select(
            Aid.jenis,
            Aid.status,
            func.count().label("catatan"),
            func.coalesce(func.sum(Aid.nilai_rupiah), 0).label("nilai_rp"),
            func.count(distinct(Aid.person_id)).label("orang"),
        )
        .where(Aid.person_id.in_(scope.persons_in_scope(f)))
        .group_by(Aid.jenis, Aid.status)
    )


def funnel_extra_stmt(f: Filters):
    """Persons ever enrolled in scope (any status) and persons with an approved KUR."""
    enrolled = scope.persons_in_scope(f).subquery("enrolled")
    kur = (
        select(func.count(distinct(Aid.person_id)))
        .where(
            Aid.person_id.in_(scope.persons_in_scope(f)),
            Aid.jenis == "kur",
            Aid.status.in_(indicators.APPROVED_AID),
        )
        .scalar_subquery()
    )
    return select(select(func.count()).select_from(enrolled).scalar_subquery(), kur)


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


def compute(engine: Engine, f: Filters) -> Outcomes:
    """All the outcome aggregates of ``/hasil`` for ``f`` (one connection, nine small statements)."""
    cols = ["key", "status", "orang"]
    with engine.connect() as conn:
        names = dict(conn.execute(select(Package.kode, Package.nama)).all())
        by = {
            dim: pd.DataFrame(conn.execute(status_by_stmt(f, dim)).all(), columns=cols)
            for dim in ("paket", "tahun")
        }
        by["bulan"] = pd.DataFrame(conn.execute(status_by_months_stmt(f)).all(), columns=cols)
        medians: dict = {}
        for column in ("pendapatan_sebelum", "pendapatan_bulanan"):
            for by_package in (True, False):
                for row in conn.execute(income_median_stmt(f, column, by_package)):
                    key = (row.status_kerja, row.paket_kode if by_package else "")
                    medians.setdefault(key, {})[column] = float(row.median)
                    medians[key][f"n_{column}"] = int(row.n)
        aid = pd.DataFrame(
            conn.execute(aid_stmt(f)).all(),
            columns=["jenis", "status", "catatan", "nilai_rp", "orang"],
        )
        terdaftar, penerima_kur = conn.execute(funnel_extra_stmt(f)).one()

    for frame in by.values():
        frame["orang"] = frame["orang"].astype("int64")
    by["tahun"]["key"] = by["tahun"]["key"].astype("int64")
    income = pd.DataFrame(
        [
            {
                "status": status,
                "paket_kode": kode,
                "paket": names.get(kode, ""),
                "sebelum": v.get("pendapatan_sebelum"),
                "sesudah": v.get("pendapatan_bulanan"),
                "n": max(v.get("n_pendapatan_sebelum", 0), v.get("n_pendapatan_bulanan", 0)),
            }
            for (status, kode), v in sorted(medians.items())
        ],
        columns=["status", "paket_kode", "paket", "sebelum", "sesudah", "n"],
    )
    aid = aid.astype({"catatan": "int64", "nilai_rp": "int64", "orang": "int64"})
    return Outcomes(
        by["paket"], by["tahun"], by["bulan"], names, income, aid, int(terdaftar), int(penerima_kur)
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
