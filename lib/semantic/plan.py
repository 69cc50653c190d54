"""Pace against the linear plan, projection at the current pace, and what is still needed.

Pure functions (no database, no Streamlit), shared by the pages, the briefing and the tests.

The plan is a straight line from 0 persons on ``tanggal_mulai`` to ``kuota`` persons on
``tanggal_selesai`` (the programme settings). As of a date (the data date), the plan expects
``planned_by(...)`` persons, rounded half-up to whole persons; the programme is *on schedule* when
the participants reach that number and *behind by N persons* otherwise. The projection extends the
average pace since the start (participants ÷ days elapsed) until the quota is reached. Seats still
needed are ``kuota − peserta`` (never below 0) and classes still needed are those seats in classes of
``kapasitas_kelas`` (16), rounded up.

The sentence functions return grammatical text in Indonesian or English for the zero, one, several
and exceeded cases; numbers and dates go through :mod:`lib.core.fmt`.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from lib.core import fmt
from lib.core.i18n import t


def _round(value: float) -> int:
    return int(Decimal(str(value)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def planned_by(day: date, start: date, end: date, kuota: int) -> float:
    """Persons the linear plan expects by ``day`` (0 before the start, ``kuota`` from the end on)."""
    if day <= start:
        return 0.0
    if day >= end or end <= start:
        return float(kuota)
    return kuota * (day - start).days / (end - start).days


@dataclass(frozen=True)
class Pace:
    """Participants against the linear plan as of ``as_of``."""

    as_of: date
    peserta: int
    kuota: int
    planned: int  # persons expected by as_of (whole persons)
    started: bool  # as_of is after the programme start

    @property
    def gap(self) -> int:
        """Persons behind the plan (negative: ahead of it)."""
        return self.planned - self.peserta

    @property
    def on_track(self) -> bool:
        return self.gap <= 0

    @property
    def quota_reached(self) -> bool:
        return self.peserta >= self.kuota


def pace(peserta: int, as_of: date, start: date, end: date, kuota: int) -> Pace:
    planned = _round(planned_by(as_of, start, end, kuota))
    return Pace(as_of=as_of, peserta=peserta, kuota=kuota, planned=planned, started=as_of > start)


@dataclass(frozen=True)
class Projection:
    """When the quota is reached at the average pace since the start."""

    reached: bool  # the quota is already reached
    rate_per_month: float | None  # persons per 30.44 days; None when no pace can be measured
    date: datetime.date | None  # projected date the quota is reached (None: reached, or no pace)
    end: datetime.date  # programme end (for "before/after the deadline")

    @property
    def days_late(self) -> int | None:
        """Days after the programme end (negative: before it); None without a projected date."""
        return None if self.date is None else (self.date - self.end).days


DAYS_PER_MONTH = 365.25 / 12


def project(peserta: int, as_of: date, start: date, end: date, kuota: int) -> Projection:
    if peserta >= kuota:
        return Projection(reached=True, rate_per_month=None, date=None, end=end)
    elapsed = (as_of - start).days
    if peserta <= 0 or elapsed <= 0:
        return Projection(reached=False, rate_per_month=None, date=None, end=end)
    per_day = peserta / elapsed
    days = math.ceil((kuota - peserta) / per_day)
    return Projection(
        reached=False,
        rate_per_month=per_day * DAYS_PER_MONTH,
        date=as_of + timedelta(days=days),
        end=end,
    )


def days_left(as_of: date, end: date) -> int:
    """Days after ``as_of`` up to and including the programme's last day ``end`` (0 from then on)."""
    return max(0, (end - as_of).days)


def needed_per_month(seats: int, as_of: date, end: date) -> float | None:
    """Persons per month (of 365.25 / 12 days) needed from ``as_of`` to fill ``seats`` by ``end``:
    0 when no seat is left, ``None`` when seats are left but no day is."""
    if seats <= 0:
        return 0.0
    days = days_left(as_of, end)
    if days == 0:
        return None
    return seats / (days / DAYS_PER_MONTH)


def seats_needed(kuota: int, peserta: int) -> int:
    """Seats still to fill to reach the quota (0 once it is reached)."""
    return max(0, kuota - peserta)


def classes_needed(seats: int, class_size: int = 16) -> int:
    """Classes of ``class_size`` that hold ``seats`` (rounded up)."""
    if seats <= 0:
        return 0
    return math.ceil(seats / class_size)


# --- sentences -----------------------------------------------------------------------------------


def _persons(n: int, lang: str) -> str:
    """``1 orang`` / ``3 orang``; English: ``1 person`` / ``3 people``."""
    key = "plan.persons.one" if n == 1 else "plan.persons.many"
    return t(key, lang, n=fmt.number(n, lang=lang))


def pace_status(p: Pace, lang: str = "id") -> str:
    """Short status for a metric card: "Sesuai jadwal", "Tertinggal 12 orang", "Kuota tercapai"."""
    if p.quota_reached:
        return t("plan.status.reached", lang)
    if p.on_track:
        return t("plan.status.on_track", lang)
    return t("plan.status.behind", lang, persons=_persons(p.gap, lang))


def pace_sentence(p: Pace, lang: str = "id") -> str:
    """One sentence on the pace, e.g. "Per 30 Juni 2023, rencana linear mengharapkan 680 orang;
    tercatat 560 peserta, tertinggal 120 orang."."""
    day = fmt.tanggal(p.as_of, lang)
    kuota = fmt.number(p.kuota, lang=lang)
    peserta = fmt.number(p.peserta, lang=lang)
    if not p.started:
        return t("plan.pace.not_started", lang, date=day)
    if p.quota_reached:
        extra = p.peserta - p.kuota
        if extra == 0:
            return t("plan.pace.reached_exact", lang, date=day, kuota=kuota)
        return t(
            "plan.pace.exceeded", lang, date=day, kuota=kuota, peserta=peserta,
            persons=_persons(extra, lang),
        )  # fmt: skip
    planned = fmt.number(p.planned, lang=lang)
    if p.gap > 0:
        return t(
            "plan.pace.behind", lang, date=day, planned=planned, peserta=peserta,
            persons=_persons(p.gap, lang),
        )  # fmt: skip
    if p.gap == 0:
        return t("plan.pace.exact", lang, date=day, planned=planned, peserta=peserta)
    return t(
        "plan.pace.ahead", lang, date=day, planned=planned, peserta=peserta,
        persons=_persons(-p.gap, lang),
    )  # fmt: skip


def projection_sentence(pr: Projection, lang: str = "id") -> str:
    if pr.reached:
        return t("plan.proj.reached", lang)
    if pr.date is None or pr.rate_per_month is None:
        return t("plan.proj.none", lang)
    rate = fmt.number(pr.rate_per_month, 1 if pr.rate_per_month < 10 else 0, lang=lang)
    when = fmt.tanggal(pr.date, lang)
    end = fmt.tanggal(pr.end, lang)
    late = pr.days_late or 0
    if late > 0:
        return t("plan.proj.late", lang, rate=rate, date=when, end=end, months=_months(late, lang))
    return t("plan.proj.in_time", lang, rate=rate, date=when, end=end)


def _months(days: int, lang: str) -> str:
    months = days / DAYS_PER_MONTH
    if months < 1:
        key = "plan.days.one" if days == 1 else "plan.days.many"
        return t(key, lang, n=fmt.number(days, lang=lang))
    n = _round(months)
    key = "plan.months.one" if n == 1 else "plan.months.many"
    return t(key, lang, n=fmt.number(n, lang=lang))


def needed_sentence(seats: int, classes: int, class_size: int, lang: str = "id") -> str:
    """ "Masih dibutuhkan 244 kursi, setara 16 kelas @16 orang." (zero: the quota is filled)."""
    if seats <= 0:
        return t("plan.need.none", lang)
    key = "plan.need.one_class" if classes == 1 else "plan.need.classes"
    seat_key = "plan.seats.one" if seats == 1 else "plan.seats.many"
    return t(
        key, lang,
        seats=t(seat_key, lang, n=fmt.number(seats, lang=lang)),
        classes=fmt.number(classes, lang=lang),
        size=fmt.number(class_size, lang=lang),
    )  # fmt: skip


@dataclass(frozen=True)
class Outlook:
    """Everything the pages say about the quota for one participant count and data date."""

    pace: Pace
    projection: Projection
    seats: int
    classes: int
    class_size: int


def outlook(peserta: int, as_of: date, s) -> Outlook:
    """:class:`Outlook` from the programme settings ``s`` (:class:`lib.core.config.Settings`)."""
    seats = seats_needed(s.kuota, peserta)
    return Outlook(
        pace=pace(peserta, as_of, s.tanggal_mulai, s.tanggal_selesai, s.kuota),
        projection=project(peserta, as_of, s.tanggal_mulai, s.tanggal_selesai, s.kuota),
        seats=seats,
        classes=classes_needed(seats, s.kapasitas_kelas),
        class_size=s.kapasitas_kelas,
    )
