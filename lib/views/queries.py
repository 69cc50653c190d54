"""Page data for Ringkasan, Kuota & Kemajuan and Paket Pelatihan, aggregated in SQL.

Every function takes an engine and :class:`~lib.core.filters.Filters` (plus plain values) and returns a
small pandas DataFrame; the scope rules are those of :mod:`lib.semantic.scope` (spec section 4), so a row for
one package or one year agrees with ``indicators.compute`` for that package or year. The dashboard
reaches these through :mod:`lib.app.cache`; the CLI and the briefing can call them directly.

Derived page measures (defined in :data:`PAGE_DEFINITIONS`, shown as help text and in the glossary):
``persen_selesai`` = selesai / persons ever enrolled (any status, drop-outs included) × 100, ``persen_kompeten`` = kompeten / selesai × 100,
``per_1000_sasaran`` = peserta per 1,000 *warga sasaran* (registry persons of productive age on the
data date whose desil is at most ``desil_sasaran_max``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Engine, and_, case, distinct, func, select
from sqlalchemy.sql.elements import ColumnElement

from lib.core.config import Settings, settings
from lib.core.filters import Filters
from lib.core.models import (
    Enrolment,
    Kecamatan,
    Package,
    Person,
    TracerSurvey,
    TrainingClass,
    Village,
)
from lib.semantic import indicators, scope
from lib.semantic.indicators import ACTIVE_STATUSES, percent

PLACED = ("bekerja", "wirausaha")


@dataclass(frozen=True)
class Measure:
    """A measure computed on a page (not one of the spec's indicators)."""

    key: str
    label: str
    label_en: str
    definisi: str
    definition_en: str


PAGE_DEFINITIONS: tuple[Measure, ...] = (
    Measure("persen_selesai", "Tingkat penyelesaian", "Completion rate",
            "Orang yang selesai dibagi semua orang yang pernah terdaftar, termasuk yang keluar "
            "(× 100; orang, dalam cakupan filter). Kelas yang masih berjalan menurunkannya.",
            "Completers / everyone ever enrolled, drop-outs included (× 100; persons, within the "
            "filters). Classes still running lower it."),
    Measure("persen_kompeten", "Tingkat kompeten", "Competence rate",
            "Orang yang diuji kompeten dibagi peserta selesai × 100.",
            "Persons tested competent / completers × 100."),
    Measure("warga_sasaran", "Warga sasaran", "Eligible residents",
            "Orang dalam data DTKS/DTSEN berusia produktif pada tanggal data dengan desil 1 sampai "
            "batas desil sasaran (bawaan: desil 1–4).",
            "Registry persons of productive age on the data date whose desil is 1 up to the target "
            "desil (default: desil 1–4)."),
    Measure("per_1000_sasaran", "Peserta per 1.000 warga sasaran",
            "Participants per 1,000 eligible residents",
            "Peserta dibagi warga sasaran × 1.000. Peserta dihitung menurut tempat tinggalnya di "
            "DTKS/DTSEN.",
            "Participants / eligible residents × 1,000, by the participants' registry residence."),
    Measure("laju", "Laju terhadap rencana", "Pace against the plan",
            "Rencana linear dari 0 orang pada tanggal mulai program sampai kuota pada tanggal "
            "selesai program; dibandingkan dengan peserta seluruh program per tanggal data.",
            "A straight line from 0 people at the programme start to the quota at its end, "
            "compared with the whole programme's participants as of the data date."),
    Measure("proyeksi", "Proyeksi", "Projection",
            "Tanggal kuota tercapai bila laju rata-rata sejak program dimulai (peserta dibagi hari "
            "berjalan) berlanjut.",
            "The date the quota is reached if the average pace since the start (participants per "
            "day elapsed) continues."),
    Measure("kelas_dibutuhkan", "Kelas yang masih dibutuhkan", "Classes still needed",
            "Kursi yang masih dibutuhkan (kuota − peserta, paling kecil 0) dibagi kapasitas kelas "
            "(16), dibulatkan ke atas.",
            "Seats still needed (quota − participants, at least 0) divided by the class size (16), "
            "rounded up."),
)  # fmt: skip

PAGE_BY_KEY = {m.key: m for m in PAGE_DEFINITIONS}


def _active_person():
    return func.count(distinct(case((Enrolment.status.in_(ACTIVE_STATUSES), Enrolment.person_id))))


def _selesai_person():
    return func.count(distinct(case((Enrolment.status == "selesai", Enrolment.person_id))))


def _kompeten_person():
    return func.count(distinct(case((Enrolment.hasil_uji == "kompeten", Enrolment.person_id))))


def peserta(engine: Engine, f: Filters) -> int:
    """The indicator ``peserta`` alone (one query), e.g. for the whole programme's pace."""
    with engine.connect() as conn:
        return int(conn.execute(indicators.person_counts_stmt(f)).one().peserta)


def quota_progress(engine: Engine, f: Filters) -> dict[str, int | float | None]:
    """``kuota``, ``peserta`` and ``persen_kuota`` exactly as ``indicators.compute`` gives them
    (same statement, same rounding), for pages that need only these (one query instead of five)."""
    kuota = settings().kuota
    n = peserta(engine, f)
    return {"kuota": kuota, "peserta": n, "persen_kuota": percent(n, kuota)}


# --- eligible residents --------------------------------------------------------------------------


def years_before(day: date, years: int) -> date:
    """``day`` moved back ``years`` years (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def eligible_condition(as_of: date, s: Settings | None = None) -> ColumnElement[bool]:
    """Registry persons of productive age on ``as_of`` with desil ≤ ``desil_sasaran_max``."""
    s = s or settings()
    born_by = years_before(as_of, s.usia_produktif_min)  # at least min years old
    born_after = years_before(as_of, s.usia_produktif_max + 1)  # not yet max + 1
    return and_(
        Person.desil <= s.desil_sasaran_max,
        Person.tanggal_lahir <= born_by,
        Person.tanggal_lahir > born_after,
    )


# --- progress over time --------------------------------------------------------------------------


def cumulative(engine: Engine, f: Filters) -> pd.DataFrame:
    """Cumulative peserta and selesai by date.

    A person counts as *peserta* from the start date of their first class in scope with an active
    status (terdaftar, aktif, selesai) and as *selesai* from the end date of their first completed
    class in scope. Columns ``tanggal`` (date), ``peserta``, ``selesai`` (cumulative), one row per
    date on which either changes; the last row equals the indicators ``peserta`` and ``selesai``.
    """
    e, c = Enrolment, TrainingClass
    first_start = (
        scope.scoped_enrolments(f, e.person_id, func.min(c.tanggal_mulai).label("d"))
        .where(e.status.in_(ACTIVE_STATUSES))
        .group_by(e.person_id)
        .subquery()
    )
    first_end = (
        scope.scoped_enrolments(f, e.person_id, func.min(c.tanggal_selesai).label("d"))
        .where(e.status == "selesai")
        .group_by(e.person_id)
        .subquery()
    )
    with engine.connect() as conn:
        starts = conn.execute(select(first_start.c.d, func.count()).group_by(first_start.c.d)).all()
        ends = conn.execute(select(first_end.c.d, func.count()).group_by(first_end.c.d)).all()
    df = pd.DataFrame(
        [(d, n, 0) for d, n in starts] + [(d, 0, n) for d, n in ends],
        columns=["tanggal", "peserta", "selesai"],
    )
    if df.empty:
        return df
    df["tanggal"] = pd.to_datetime(df["tanggal"]).dt.date
    df = df.groupby("tanggal", as_index=False)[["peserta", "selesai"]].sum().sort_values("tanggal")
    df[["peserta", "selesai"]] = df[["peserta", "selesai"]].cumsum().astype(int)
    return df.reset_index(drop=True)


def _class_counts_by(column, f: Filters):
    """Class-level counts grouped by a class column (year, package): ``(key, kelas, kursi)`` and
    ``(key, terisi)``, both following the class filters only (spec 4)."""
    c = TrainingClass
    classes = (
        select(column, func.count(c.id), func.coalesce(func.sum(c.kapasitas), 0))
        .where(scope.class_condition(f))
        .group_by(column)
    )
    filled = (
        select(column, func.count(Enrolment.id))
        .select_from(Enrolment)
        .join(c, c.id == Enrolment.class_id)
        .where(scope.class_condition(f))
        .group_by(column)
    )
    return classes, filled


def per_year(engine: Engine, f: Filters) -> pd.DataFrame:
    """Per class year: ``tahun, kelas, kursi, terisi, peserta, selesai, target, persen_target``.

    Class counts follow the class filters only; ``peserta``/``selesai`` follow all filters (a person
    trained in two years counts in both). ``target`` is the annual target of the programme settings
    (0 when the year has none) and ``persen_target`` = peserta / target × 100. Years: those with
    classes in scope and, unless a year filter is set, the years of the annual targets.
    """
    c = TrainingClass
    cls_q, filled_q = _class_counts_by(c.tahun, f)
    people_q = scope.scoped_enrolments(f, c.tahun, _active_person(), _selesai_person()).group_by(
        c.tahun
    )
    with engine.connect() as conn:
        classes = {y: (n, k) for y, n, k in conn.execute(cls_q)}
        filled = dict(conn.execute(filled_q).all())
        people = {y: (p, s) for y, p, s in conn.execute(people_q)}
    targets = settings().target_tahunan
    years = set(classes) | set(people)
    years |= set(f.tahun) if f.tahun else set(targets)
    rows = []
    for y in sorted(years):
        n, k = classes.get(y, (0, 0))
        p, s = people.get(y, (0, 0))
        g = targets.get(y, 0)
        rows.append((y, int(n), int(k), int(filled.get(y, 0)), int(p), int(s), g, percent(p, g)))
    return pd.DataFrame(
        rows,
        columns=[
            "tahun",
            "kelas",
            "kursi",
            "terisi",
            "peserta",
            "selesai",
            "target",
            "persen_target",
        ],
    )


# --- geography -----------------------------------------------------------------------------------


def per_village(engine: Engine, f: Filters, as_of: date) -> pd.DataFrame:
    """Per village in the person filters: ``kode, nama, kecamatan_kode, kecamatan, peserta,
    warga_sasaran`` (eligible residents on ``as_of``, see :func:`eligible_condition`)."""
    villages_q = (
        select(Village.kode, Village.nama, Village.kecamatan_kode, Kecamatan.nama)
        .join(Kecamatan, Kecamatan.kode == Village.kecamatan_kode)
        .order_by(Village.kode)
    )
    if f.desa:
        villages_q = villages_q.where(Village.kode.in_(f.desa))
    if f.kecamatan:
        villages_q = villages_q.where(Village.kecamatan_kode.in_(f.kecamatan))
    people_q = scope.scoped_enrolments(f, Person.desa_kode, _active_person()).group_by(
        Person.desa_kode
    )
    eligible_q = (
        select(Person.desa_kode, func.count())
        .where(eligible_condition(as_of), scope.person_condition(f))
        .group_by(Person.desa_kode)
    )
    with engine.connect() as conn:
        villages = conn.execute(villages_q).all()
        people = dict(conn.execute(people_q).all())
        eligible = dict(conn.execute(eligible_q).all())
    rows = [
        (kode, nama, kec, kec_nama, int(people.get(kode, 0)), int(eligible.get(kode, 0)))
        for kode, nama, kec, kec_nama in villages
    ]
    return pd.DataFrame(
        rows, columns=["kode", "nama", "kecamatan_kode", "kecamatan", "peserta", "warga_sasaran"]
    )


def per_kecamatan(villages: pd.DataFrame) -> pd.DataFrame:
    """Per kecamatan from :func:`per_village`: ``kode, nama, peserta, persen_peserta,
    warga_sasaran, per_1000_sasaran`` (largest number of participants first).

    ``persen_peserta`` is the kecamatan's share of the participants in scope (a person lives in one
    village, so the shares add up to 100 %).
    """
    cols = ["kode", "nama", "peserta", "persen_peserta", "warga_sasaran", "per_1000_sasaran"]
    if villages.empty:
        return pd.DataFrame(columns=cols)
    g = (
        villages.groupby(["kecamatan_kode", "kecamatan"], as_index=False)[
            ["peserta", "warga_sasaran"]
        ]
        .sum()
        .rename(columns={"kecamatan_kode": "kode", "kecamatan": "nama"})
    )
    total = int(g["peserta"].sum())
    g["persen_peserta"] = [percent(p, total) for p in g["peserta"]]
    g["per_1000_sasaran"] = [
        per_thousand(p, e) for p, e in zip(g["peserta"], g["warga_sasaran"], strict=True)
    ]
    g = g.sort_values(["peserta", "kode"], ascending=[False, True]).reset_index(drop=True)
    return g[cols]


def per_thousand(numerator: int, denominator: int) -> float | None:
    """``numerator / denominator × 1000`` to one decimal (half-up); ``None`` for a 0 denominator."""
    return percent(numerator * 10, denominator)


# --- packages ------------------------------------------------------------------------------------


PACKAGE_COLUMNS = [
    "kode", "nama", "kejuruan", "kelas", "kursi", "terisi", "persen_keterisian", "peserta",
    "selesai", "persen_selesai", "kompeten", "persen_kompeten", "ditempatkan",
    "persen_penempatan",
]  # fmt: skip


def packages(engine: Engine, f: Filters) -> pd.DataFrame:
    """One row per catalogue package (within the ``paket``/``kejuruan`` filters), in code order.

    Class columns (``kelas``, ``kursi``, ``terisi``, ``persen_keterisian``) follow the class filters;
    person columns follow all filters: ``peserta``, ``selesai``, ``kompeten`` are distinct persons
    of the package's classes, ``ditempatkan`` the package's completers whose latest tracer survey
    (over all their enrolments) is bekerja or wirausaha. Each row therefore equals
    ``indicators.compute`` with ``paket`` set to that package.
    """
    e, c = Enrolment, TrainingClass
    pkg_q = select(Package.kode, Package.nama, Package.kejuruan).order_by(Package.kode)
    if f.paket:
        pkg_q = pkg_q.where(Package.kode.in_(f.paket))
    if f.kejuruan:
        pkg_q = pkg_q.where(Package.kejuruan.in_(f.kejuruan))
    cls_q, filled_q = _class_counts_by(c.paket_kode, f)
    people_q = scope.scoped_enrolments(
        f,
        c.paket_kode,
        _active_person(),
        _selesai_person(),
        _kompeten_person(),
        func.count(distinct(e.person_id)),
    ).group_by(c.paket_kode)
    done = (
        scope.scoped_enrolments(f, c.paket_kode.label("paket"), e.person_id.label("pid"))
        .where(e.status == "selesai")
        .distinct()
        .subquery("done")
    )
    latest = (
        select(TracerSurvey.status_kerja)
        .where(TracerSurvey.id == indicators.latest_survey_id(done.c.pid))
        .correlate(done)
        .scalar_subquery()
    )
    status = select(done.c.paket, latest.label("status")).subquery("latest_status")
    placed_q = (
        select(status.c.paket, func.count())
        .where(status.c.status.in_(PLACED))
        .group_by(status.c.paket)
    )
    with engine.connect() as conn:
        catalogue = conn.execute(pkg_q).all()
        classes = {k: (n, s) for k, n, s in conn.execute(cls_q)}
        filled = dict(conn.execute(filled_q).all())
        people = {k: (p, s, m, ever) for k, p, s, m, ever in conn.execute(people_q)}
        placed = dict(conn.execute(placed_q).all())
    rows = []
    for kode, nama, kejuruan in catalogue:
        n, k = (int(v) for v in classes.get(kode, (0, 0)))
        terisi = int(filled.get(kode, 0))
        p, s, m, ever = (int(v) for v in people.get(kode, (0, 0, 0, 0)))
        d = int(placed.get(kode, 0))
        rows.append(
            (kode, nama, kejuruan, n, k, terisi, percent(terisi, k), p, s, percent(s, ever), m,
             percent(m, s), d, percent(d, s))
        )  # fmt: skip
    return pd.DataFrame(rows, columns=PACKAGE_COLUMNS)


def package_year(engine: Engine, f: Filters) -> pd.DataFrame:
    """Per package and class year with classes in scope: ``paket, tahun, kelas, peserta``."""
    c = TrainingClass
    cls_q = (
        select(c.paket_kode, c.tahun, func.count(c.id))
        .where(scope.class_condition(f))
        .group_by(c.paket_kode, c.tahun)
    )
    people_q = scope.scoped_enrolments(f, c.paket_kode, c.tahun, _active_person()).group_by(
        c.paket_kode, c.tahun
    )
    with engine.connect() as conn:
        classes = {(k, y): n for k, y, n in conn.execute(cls_q)}
        people = {(k, y): p for k, y, p in conn.execute(people_q)}
    rows = [(k, y, int(n), int(people.get((k, y), 0))) for (k, y), n in sorted(classes.items())]
    return pd.DataFrame(rows, columns=["paket", "tahun", "kelas", "peserta"])
