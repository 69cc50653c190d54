"""Pace against the linear plan, projection and classes still needed (``lib.semantic.plan``), by hand.

A small programme (100 people over 10 days from 1 January 2022) keeps the arithmetic visible; the
real settings (1,444 people from 7 February 2022 to 6 February 2025) are checked on one date.
"""

from __future__ import annotations

from datetime import date

import pytest

from lib.core.config import settings
from lib.semantic import plan

START, END, KUOTA = date(2022, 1, 1), date(2022, 1, 11), 100  # 10 days, 10 people a day


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2021, 12, 1), 0.0),  # before the start
        (START, 0.0),
        (date(2022, 1, 2), 10.0),
        (date(2022, 1, 6), 50.0),  # half-way
        (END, 100.0),
        (date(2023, 1, 1), 100.0),  # after the end the plan stays at the quota
    ],
)
def test_linear_plan(day, expected):
    assert plan.planned_by(day, START, END, KUOTA) == expected


def test_linear_plan_of_the_real_programme():
    s = settings()
    assert (s.tanggal_mulai, s.tanggal_selesai, s.kuota) == (
        date(2022, 2, 7),
        date(2025, 2, 6),
        1444,
    )
    # 7 Feb 2022 → 8 Aug 2023 is 365 + 182 = 547 days of 1,095: 1444 × 547 / 1095 = 721.34 → 721.
    p = plan.pace(700, date(2023, 8, 8), s.tanggal_mulai, s.tanggal_selesai, s.kuota)
    assert (p.planned, p.gap) == (721, 21)
    assert plan.pace_status(p) == "Tertinggal 21 orang"


def test_plan_rounds_half_up_to_whole_persons():
    # 3 of 8 days of 4 people: 1.5 people planned → 2.
    p = plan.pace(1, date(2022, 1, 4), date(2022, 1, 1), date(2022, 1, 9), 4)
    assert p.planned == 2 and p.gap == 1


@pytest.mark.parametrize(
    ("peserta", "status_id", "status_en", "sentence_id"),
    [
        (40, "Tertinggal 10 orang", "Behind by 10 people",
         "Per 6 Januari 2022, rencana linear mengharapkan 50 orang; tercatat 40 peserta, "
         "tertinggal 10 orang."),
        (49, "Tertinggal 1 orang", "Behind by 1 person",
         "Per 6 Januari 2022, rencana linear mengharapkan 50 orang; tercatat 49 peserta, "
         "tertinggal 1 orang."),
        (50, "Sesuai jadwal", "On schedule",
         "Per 6 Januari 2022, rencana linear mengharapkan 50 orang dan tercatat 50 peserta: "
         "sesuai jadwal."),
        (51, "Sesuai jadwal", "On schedule",
         "Per 6 Januari 2022, rencana linear mengharapkan 50 orang; tercatat 51 peserta, sesuai "
         "jadwal dan 1 orang di atas rencana."),
        (100, "Kuota tercapai", "Quota reached",
         "Per 6 Januari 2022, kuota 100 orang sudah tercapai tepat."),
        (1234, "Kuota tercapai", "Quota reached",
         "Per 6 Januari 2022, kuota 100 orang sudah tercapai: 1.234 peserta, melampaui kuota "
         "1.134 orang."),
    ],
)  # fmt: skip
def test_pace_status_and_sentence(peserta, status_id, status_en, sentence_id):
    p = plan.pace(peserta, date(2022, 1, 6), START, END, KUOTA)
    assert plan.pace_status(p, "id") == status_id
    assert plan.pace_status(p, "en") == status_en
    assert plan.pace_sentence(p, "id") == sentence_id


def test_pace_sentence_in_english_and_before_the_start():
    p = plan.pace(49, date(2022, 1, 6), START, END, KUOTA)
    assert plan.pace_sentence(p, "en") == (
        "As of January 6, 2022, the linear plan expects 50 people; 49 participants are recorded, "
        "1 person behind."
    )
    early = plan.pace(0, date(2021, 12, 31), START, END, KUOTA)
    assert early.on_track and not early.started
    assert plan.pace_sentence(early) == (
        "Per 31 Desember 2021, program belum dimulai; rencana linear belum mengharapkan peserta."
    )


def test_projection_at_the_average_pace():
    # 30 people in 10 days = 3 a day; 70 more take 24 days (23.3 rounded up) from 11 January.
    pr = plan.project(30, date(2022, 1, 11), START, END, KUOTA)
    assert pr.date == date(2022, 2, 4)
    assert pr.days_late == 24
    assert pr.rate_per_month == pytest.approx(3 * 365.25 / 12)
    assert plan.projection_sentence(pr) == (
        "Dengan laju rata-rata 91 peserta per bulan, kuota baru tercapai sekitar 4 Februari 2022, "
        "24 hari setelah batas program 11 Januari 2022."
    )
    in_time = plan.project(60, date(2022, 1, 6), START, END, KUOTA)  # 12 a day: 4 more days
    assert in_time.date == date(2022, 1, 10) and in_time.days_late == -1
    assert "sebelum batas program 11 Januari 2022" in plan.projection_sentence(in_time)


def test_projection_months_late_singular_and_plural():
    # Real programme: 600 people by 7 Feb 2024 (730 days) → 844 more take 1,027 days → late.
    s = settings()
    pr = plan.project(600, date(2024, 2, 7), s.tanggal_mulai, s.tanggal_selesai, s.kuota)
    assert pr.date == date(2026, 11, 30)  # 1,027 days on; 662 days after the end
    assert plan.projection_sentence(pr).endswith("22 bulan setelah batas program 6 Februari 2025.")
    assert plan.projection_sentence(pr, "en").endswith(
        "22 months after the programme end on February 6, 2025."
    )


def test_projection_without_pace_or_when_reached():
    none = plan.project(0, date(2022, 1, 6), START, END, KUOTA)
    assert none.date is None and not none.reached
    assert plan.projection_sentence(none).startswith("Belum ada peserta sejak program dimulai")
    assert plan.project(10, START, START, END, KUOTA).date is None  # no day elapsed yet
    done = plan.project(100, date(2022, 1, 6), START, END, KUOTA)
    assert done.reached and done.date is None
    assert plan.projection_sentence(done, "en") == (
        "The quota has been reached; no projection is needed."
    )


@pytest.mark.parametrize(
    ("peserta", "seats", "classes"),
    [(0, 1444, 91), (1368, 76, 5), (1428, 16, 1), (1427, 17, 2), (1443, 1, 1), (1444, 0, 0),
     (1500, 0, 0)],
)  # fmt: skip
def test_seats_and_classes_of_16_still_needed(peserta, seats, classes):
    assert plan.seats_needed(1444, peserta) == seats
    assert plan.classes_needed(seats, 16) == classes


@pytest.mark.parametrize(
    ("seats", "classes", "lang", "expected"),
    [
        (76, 5, "id", "Masih dibutuhkan 76 kursi, setara 5 kelas @16 orang."),
        (1, 1, "id", "Masih dibutuhkan 1 kursi, setara 1 kelas @16 orang."),
        (1444, 91, "id", "Masih dibutuhkan 1.444 kursi, setara 91 kelas @16 orang."),
        (0, 0, "id", "Tidak ada kursi yang masih perlu diisi: kuota sudah terpenuhi."),
        (1, 1, "en", "Still needed: 1 seat, that is 1 class of 16."),
        (17, 2, "en", "Still needed: 17 seats, that is 2 classes of 16."),
        (0, 0, "en", "No seats remain to be filled: the quota is met."),
    ],
)
def test_needed_sentence(seats, classes, lang, expected):
    assert plan.needed_sentence(seats, classes, 16, lang) == expected


def test_outlook_bundles_the_programme_settings():
    out = plan.outlook(1368, date(2025, 1, 31), settings())
    assert (out.seats, out.classes, out.class_size) == (76, 5, 16)
    assert out.pace.kuota == 1444 and out.pace.gap == out.pace.planned - 1368


def test_the_progress_chart_keeps_participants_above_the_quota_in_view():
    """A programme past its quota: the y axis reaches above the participants, not only the quota
    (the line of a scale-20 demo ran off the top of the chart)."""
    from datetime import timedelta

    import pandas as pd

    from lib.render import charts

    s = settings()
    days = [s.tanggal_mulai + timedelta(days=30 * i) for i in range(4)]
    series = pd.DataFrame(
        {
            "tanggal": days,
            "peserta": pd.array([208, 900, 1700, 2100], dtype="Int64"),
            "rencana": [0, 100, 200, 300],
        }
    )
    spec = charts.progress_chart(series, days[-1], s.tanggal_selesai, s.kuota, None).to_dict()
    domains = [
        layer["encoding"]["y"]["scale"]["domain"]
        for layer in spec["layer"]
        if "scale" in layer.get("encoding", {}).get("y", {})
    ]
    assert domains and all(top >= 2100 for _, top in domains)
