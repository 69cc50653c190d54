"""Alerts computed from the data for the Ringkasan page (and the briefing).

Four rules, each evaluated in SQL on the current filters:

``paket_belum_jalan``
    catalogue packages (within the package filters) with no class in scope;
``desa_tanpa_peserta``
    villages (within the person filters) without any participant although their number of eligible
    residents (*warga sasaran*, see :func:`lib.views.queries.eligible_condition`) is at least the median
    of the villages in scope — "many eligible persons, nobody trained";
``kelas_kurang``
    classes in scope filled below :data:`KELAS_KURANG_PERSEN` % of their capacity (with 16 seats:
    11 enrolments or fewer);
``belum_ditelusuri``
    completers in scope who were never reached by a tracer survey (the indicator
    ``tidak_terlacak``), with how many of them completed more than :data:`BULAN_TELUSUR` months
    before the data date.

An alert exists only when its count is above zero. :func:`message` words it in Indonesian or English.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from statistics import median

from sqlalchemy import Engine, case, exists, func, select

from lib.core import fmt
from lib.core.filters import Filters
from lib.core.i18n import t
from lib.core.models import Enrolment, Package, TracerSurvey, TrainingClass
from lib.semantic import scope
from lib.views import queries

KELAS_KURANG_PERSEN = 75
BULAN_TELUSUR = 6
MAX_ITEMS = 8


@dataclass(frozen=True)
class Alert:
    code: str
    count: int
    items: tuple[str, ...] = ()  # the first cases, most important first (at most MAX_ITEMS)
    numbers: tuple[int, ...] = ()  # rule-specific figures for the message


def months_before(day: date, months: int) -> date:
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    m += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(y, m, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def unrun_packages(engine: Engine, f: Filters) -> Alert | None:
    q = select(Package.kode, Package.nama).order_by(Package.kode)
    if f.paket:
        q = q.where(Package.kode.in_(f.paket))
    if f.kejuruan:
        q = q.where(Package.kejuruan.in_(f.kejuruan))
    run = select(TrainingClass.paket_kode).where(scope.class_condition(f))
    q = q.where(Package.kode.not_in(run))
    with engine.connect() as conn:
        rows = conn.execute(q).all()
    if not rows:
        return None
    return Alert("paket_belum_jalan", len(rows), tuple(f"{n} ({k})" for k, n in rows[:MAX_ITEMS]))


def villages_without_participants(engine: Engine, f: Filters, as_of: date) -> Alert | None:
    villages = queries.per_village(engine, f, as_of)
    if villages.empty:
        return None
    threshold = max(1, median(villages["warga_sasaran"]))
    hit = villages[(villages["peserta"] == 0) & (villages["warga_sasaran"] >= threshold)]
    if hit.empty:
        return None
    hit = hit.sort_values(["warga_sasaran", "kode"], ascending=[False, True])
    items = tuple(
        f"{r.nama}, {r.kecamatan}: {fmt.number(r.warga_sasaran)}"
        for r in hit.head(MAX_ITEMS).itertuples()
    )
    return Alert("desa_tanpa_peserta", len(hit), items, (int(threshold),))


def underfilled_classes(engine: Engine, f: Filters) -> Alert | None:
    c = TrainingClass
    filled = (
        select(func.count(Enrolment.id))
        .where(Enrolment.class_id == c.id)
        .correlate(c)
        .scalar_subquery()
    )
    q = (
        select(c.kode, Package.nama, c.kapasitas, filled.label("terisi"))
        .join(Package, Package.kode == c.paket_kode)
        .where(scope.class_condition(f), filled * 100 < c.kapasitas * KELAS_KURANG_PERSEN)
        .order_by(filled, c.kode)
    )
    with engine.connect() as conn:
        rows = conn.execute(q).all()
    if not rows:
        return None
    items = tuple(f"{kode} {nama}: {terisi}/{kap}" for kode, nama, kap, terisi in rows[:MAX_ITEMS])
    return Alert("kelas_kurang", len(rows), items)


def untraced_alumni(engine: Engine, f: Filters, as_of: date) -> Alert | None:
    e = Enrolment
    done = (
        scope.scoped_enrolments(f, e.person_id, func.min(TrainingClass.tanggal_selesai).label("d"))
        .where(e.status == "selesai")
        .group_by(e.person_id)
        .subquery()
    )
    e2 = Enrolment.__table__.alias("e2")
    traced = exists(
        select(TracerSurvey.id)
        .join(e2, e2.c.id == TracerSurvey.enrolment_id)
        .where(e2.c.person_id == done.c.person_id)
    )
    cutoff = months_before(as_of, BULAN_TELUSUR)
    q = select(
        func.count(),
        func.coalesce(func.sum(case((~traced, 1), else_=0)), 0),
        func.coalesce(func.sum(case((~traced & (done.c.d <= cutoff), 1), else_=0)), 0),
    ).select_from(done)
    with engine.connect() as conn:
        total, n, late = conn.execute(q).one()
    if not n:
        return None
    return Alert("belum_ditelusuri", int(n), (), (int(late), int(total)))


def compute(engine: Engine, f: Filters, as_of: date) -> list[Alert]:
    """All alerts for ``f`` as of the data date ``as_of``, in display order."""
    found = [
        unrun_packages(engine, f),
        villages_without_participants(engine, f, as_of),
        underfilled_classes(engine, f),
        untraced_alumni(engine, f, as_of),
    ]
    return [a for a in found if a is not None]


def message(alert: Alert, lang: str = "id") -> str:
    """The alert as one sentence (Markdown)."""
    n = fmt.number(alert.count, lang=lang)
    one = alert.count == 1
    if alert.code == "paket_belum_jalan":
        return t("alert.paket.one" if one else "alert.paket.many", lang, n=n)
    if alert.code == "desa_tanpa_peserta":
        return t(
            "alert.desa.one" if one else "alert.desa.many", lang, n=n,
            threshold=fmt.number(alert.numbers[0], lang=lang),
        )  # fmt: skip
    if alert.code == "kelas_kurang":
        return t(
            "alert.kelas.one" if one else "alert.kelas.many", lang, n=n, pct=KELAS_KURANG_PERSEN
        )
    if alert.code == "belum_ditelusuri":
        late, total = alert.numbers
        key = "alert.telusur.one" if one else "alert.telusur.many"
        if not late:  # no "0 di antaranya" clause
            key += ".recent"
        return t(
            key, lang, n=n,
            total=fmt.number(total, lang=lang), late=fmt.number(late, lang=lang),
            months=BULAN_TELUSUR,
        )  # fmt: skip
    raise KeyError(alert.code)
