"""The data-quality panel (lib/quality.py) on a hand-built dataset, on SQLite and PostgreSQL.

Today is 30 June 2024, so "3 months ago" is 30 March 2024.
- Class A (1 Jan – 28 Feb 2024, 16 seats): Ani, Budi, Cici selesai (only Cici traced), Dedi keluar.
- Class B (15 Feb – 31 Mar 2024, overlaps A, 16 seats): Ani aktif (overlap), Dedi aktif (his A
  enrolment is keluar: no overlap).
- Class C (1 May – 30 Jun 2024, 16 seats): 8 persons, exactly half full (not "far under").
- Registry data dates: Ani 30 Mar 2024 (just fresh), Budi 29 Mar 2024 (old), everyone else unknown.
"""

from datetime import date

import pytest
from sqlalchemy import insert, update

from lib.core import fmt
from lib.core.db import get_engine
from lib.core.models import DataWarning, Person
from lib.intake import quality
from lib.semantic import analytics
from tests.builders import Dataset, dataset

TODAY = date(2024, 6, 30)


@pytest.fixture
def checks(db_url):
    with dataset(db_url) as d:
        d.data_date(TODAY)
        ani, budi, cici, dedi = (d.person(n) for n in ("Ani", "Budi", "Cici", "Dedi"))
        a = d.kelas("GAR-01", kode="A", mulai=date(2024, 1, 1), selesai=date(2024, 2, 28))
        b = d.kelas("GAR-02", kode="B", mulai=date(2024, 2, 15), selesai=date(2024, 3, 31))
        c = d.kelas("GAR-03", kode="C", mulai=date(2024, 5, 1), selesai=date(2024, 6, 30))
        d.enrol(ani, a, "selesai")
        d.enrol(budi, a, "selesai")
        traced = d.enrol(cici, a, "selesai")
        d.survey(traced, date(2024, 4, 1))
        d.enrol(dedi, a, "keluar")
        d.enrol(ani, b, "aktif")
        d.enrol(dedi, b, "aktif")
        for i in range(8):
            d.enrol(d.person(f"C{i}"), c, "aktif")
        d.conn.execute(
            update(Person).where(Person.id == ani).values(tanggal_data=date(2024, 3, 30))
        )
        d.conn.execute(
            update(Person).where(Person.id == budi).values(tanggal_data=date(2024, 3, 29))
        )
        ani_nik = d.conn.execute(Person.__table__.select().where(Person.id == ani)).one().nik
        warn = {"kind": "dtks", "column": "nik", "message": "…", "import_id": None}
        d.conn.execute(
            insert(DataWarning),
            [
                {**warn, "code": "nik_tanggal_lahir", "nik": ani_nik, "record_key": ani_nik,
                 "row_number": 2, "value": ani_nik},
                {**warn, "code": "nik_tanggal_lahir", "nik": "7303010101900002",
                 "record_key": "7303010101900002", "row_number": 3, "value": "7303010101900002"},
                {**warn, "kind": "peserta", "code": "usia_anak", "nik": ani_nik,
                 "record_key": f"{ani_nik}|C", "row_number": 5, "value": ani_nik},
            ],
        )  # fmt: skip
    results = quality.run_checks(get_engine(db_url), today=TODAY)
    return {r.key: r for r in results}, ani_nik


def test_counts_of_every_check(checks):
    by_key, _ = checks
    assert list(by_key) == list(quality.CHECKS)
    assert {k: r.count for k, r in by_key.items()} == {
        "nik_tanggal_lahir": 2,
        "nik_jenis_kelamin": 0,
        "nik_wilayah": 0,
        "usia_produktif": 0,
        "usia_anak": 1,
        "kelas_tumpang": 1,  # Ani in A and B
        "tidak_terlacak": 2,  # Ani and Budi in A
        "kelas_sepi": 3,  # A: 4 of 16, B: 2 of 16, C: 8 of 16 (under 75 %, [aturan])
        "registri_usang": 11,  # 12 persons; only Ani's data date is recent enough
    }
    assert all(len(r.rows) == r.count for k, r in by_key.items() if k != "registri_usang")


def test_affected_rows_show_masked_niks(checks):
    by_key, ani = checks
    masked = fmt.mask_nik(ani)
    overlap = by_key["kelas_tumpang"].rows
    assert list(overlap.iloc[0][["NIK", "Nama", "Kelas 1", "Kelas 2"]]) == [masked, "Ani", "A", "B"]
    child = by_key["usia_anak"].rows.iloc[0]
    assert (child["NIK"], child["Kunci"], child["Nilai"]) == (masked, f"{masked}|C", masked)
    untraced = by_key["tidak_terlacak"].rows
    assert list(untraced["Nama"]) == ["Ani", "Budi"] and set(untraced["Bulan sejak selesai"]) == {4}
    assert ani not in by_key["nik_tanggal_lahir"].rows.to_csv()


def test_under_capacity_and_registry_rows(checks):
    by_key, _ = checks
    sepi = by_key["kelas_sepi"].rows
    assert sorted(zip(sepi["Kelas"], sepi["Terisi"], sepi["Keterisian"], strict=True)) == [
        ("A", 4, "25,0%"),
        ("B", 2, "12,5%"),
        ("C", 8, "50,0%"),
    ]
    registry = by_key["registri_usang"].rows
    assert sorted(zip(registry["Tanggal data"].astype(str), registry["Orang"], strict=True)) == [
        ("2024-03-29", 1),
        ("tidak diketahui", 10),
    ]


def test_months_before_clamps_the_day():
    assert quality.months_before(date(2024, 5, 31), 3) == date(2024, 2, 29)
    assert quality.months_before(date(2024, 1, 15), 3) == date(2023, 10, 15)


def test_alumni_follow_up_counts_from_the_data_date(db_url, checks):
    # Data as of 15 April 2024: class A ended on 28 February, less than 3 months before.
    engine = get_engine(db_url)
    with engine.begin() as conn:
        Dataset(conn).data_date(date(2024, 4, 15))
        analytics.refresh(conn)
    results = quality.run_checks(engine, today=TODAY, as_of=date(2024, 4, 15))
    by_key = {r.key: r for r in results}
    assert by_key["tidak_terlacak"].count == 0
    assert by_key["registri_usang"].count == 11  # the registry's age still counts from today


def test_a_list_cut_at_the_limit_still_counts_every_case(db_url):
    """The overlap check reads its rows first and counts apart only when the rows reach the limit:
    the count never stops at the limit."""
    with dataset(db_url) as d:
        d.data_date(TODAY)
        a = d.kelas("GAR-01", kode="A", mulai=date(2024, 1, 1), selesai=date(2024, 2, 28))
        b = d.kelas("GAR-02", kode="B", mulai=date(2024, 2, 15), selesai=date(2024, 3, 31))
        for name in ("Ani", "Budi", "Cici"):
            p = d.person(name)
            d.enrol(p, a, "selesai")
            d.enrol(p, b, "aktif")
    engine = get_engine(db_url)
    for limit, shown in ((1, 1), (2, 2), (3, 3), (4, 3)):
        by_key = {r.key: r for r in quality.run_checks(engine, today=TODAY, limit=limit)}
        assert by_key["kelas_tumpang"].count == 3, limit
        assert len(by_key["kelas_tumpang"].rows) == shown, limit
