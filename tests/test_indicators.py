"""The indicators of docs/indicators.md on hand-built datasets, on SQLite and PostgreSQL alike.

Each scenario builds a small dataset with ``tests/builders.py`` and checks ``lib.semantic.query.indicators``
for several filters against answers worked out by hand (the reasoning is in the comments). Whole
dictionaries are compared, so every key is checked in every case: a class-level key that moved with
a person filter, or an aid record counted out of scope, fails the test.
"""

from __future__ import annotations

import time
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lib.core import db
from lib.core.filters import Filters
from lib.core.models import Aid, Enrolment, Person, TracerSurvey, TrainingClass
from lib.semantic import measures, query
from tests.builders import (
    BANTAENG,
    BISSAPPU,
    BONTO_CINDE,
    BONTO_JAI,
    BONTO_TIRO,
    SINOA,
    TAPPANJENG,
    dataset,
)

# Spec section 4, in its order.
SPEC_KEYS = (
    "kuota", "peserta", "persen_kuota", "selesai", "keluar", "kompeten", "kelas", "kursi", "terisi",
    "persen_keterisian", "paket_berjalan", "paket_total", "bekerja", "wirausaha", "belum_bekerja",
    "melanjutkan_pendidikan", "tidak_terlacak", "persen_penempatan", "kur_disetujui",
    "kur_nilai_rp", "peralatan", "modal_dusun_rw",
)  # fmt: skip
UNITS = {"orang", "pendaftaran", "kelas", "kursi", "paket", "persen", "rupiah", "catatan"}
LEVELS = {"program", "orang", "kelas", "hasil", "bantuan"}


@pytest.fixture
def engine(db_url):
    """The engine of ``db_url``, disposed afterwards (keeps the PostgreSQL cluster's connections low)."""
    eng = db.get_engine(db_url)
    yield eng
    eng.dispose()


# Helpers that spell an expected result group by group (values always written by hand).
def programme(kuota=1444):
    return {"kuota": kuota, "paket_total": 40}


def classes(kelas, kursi, terisi, persen_keterisian, paket_berjalan):
    return {
        "kelas": kelas,
        "kursi": kursi,
        "terisi": terisi,
        "persen_keterisian": persen_keterisian,
        "paket_berjalan": paket_berjalan,
    }


def persons(peserta, persen_kuota, selesai, keluar, kompeten):
    return {
        "peserta": peserta,
        "persen_kuota": persen_kuota,
        "selesai": selesai,
        "keluar": keluar,
        "kompeten": kompeten,
    }


def outcomes(bekerja, wirausaha, belum, lanjut, tidak, persen_penempatan):
    return {
        "bekerja": bekerja,
        "wirausaha": wirausaha,
        "belum_bekerja": belum,
        "melanjutkan_pendidikan": lanjut,
        "tidak_terlacak": tidak,
        "persen_penempatan": persen_penempatan,
    }


def aid(kur, kur_rp, peralatan, modal):
    return {
        "kur_disetujui": kur,
        "kur_nilai_rp": kur_rp,
        "peralatan": peralatan,
        "modal_dusun_rw": modal,
    }


NOTHING = {
    **classes(0, 0, 0, None, 0),
    **persons(0, 0.0, 0, 0, 0),
    **outcomes(0, 0, 0, 0, 0, None),
    **aid(0, 0, 0, 0),
}


def test_empty_database_gives_zeros_and_null_percentages(engine):
    # Schema and catalogue only: no class (kursi 0 → persen_keterisian null), no selesai
    # (persen_penempatan null), peserta 0 of 1,444 → 0.0 %, catalogue of 40 packages.
    result = query.indicators(engine, Filters())
    assert tuple(result) == measures.INDICATORS == SPEC_KEYS
    assert result == {**programme(), **NOTHING}


def build_small_programme(url: str) -> None:
    """Four classes, seven registry persons, surveys and aid: the scenario of the main test.

    Classes                           Persons (residence, gender) and enrolments
      A GAR-01 (Garmen)   2022 cap 16   p1 Ani   Bonto Jai (Bissappu)    P  A selesai kompeten,
      B OTO-01 (Otomotif) 2022 cap 16                                        C selesai kompeten
      C GAR-02 (Garmen)   2023 cap 12   p2 Budi  Bonto Jai (Bissappu)    L  A keluar, D keluar
      D TIK-01 (TIK)      2023 cap 16   p3 Citra Bonto Cinde (Bissappu)  P  A selesai belum_kompeten
                                        p4 Dedi  Tappanjeng (Bantaeng)   L  B selesai kompeten
      enrolments: A 3, B 3, C 3, D 1    p5 Eka   Tappanjeng (Bantaeng)   P  B aktif, C terdaftar
                                        p6 Fajar Bonto Tiro (Sinoa)      L  B keluar, C selesai kompeten
                                        p7 Gita  Bonto Jai (Bissappu)    P  (registry only)
    Surveys: p1 A 2022-09-01 bekerja, C 2023-10-01 wirausaha (latest: wirausaha, found through C
    even when only 2022 classes are in scope); p4 2023-03-01 bekerja recorded BEFORE 2022-10-01
    belum_bekerja (latest by date: bekerja); p6 C 2023-11-01 melanjutkan_pendidikan; p3 none.
    Aid: p1 kur 5,000,000 disetujui (2023-12-01) and peralatan disalurkan (2024-01-10); p2 modal
    disetujui; p3 kur diajukan; p4 kur 7,000,000 disalurkan dated 2025 and modal ditolak; p6
    peralatan disetujui; p7 kur 9,000,000 disetujui but never enrolled.
    """
    with dataset(url) as d:
        a = d.kelas("GAR-01", tahun=2022, kapasitas=16)
        b = d.kelas("OTO-01", tahun=2022, kapasitas=16)
        c = d.kelas("GAR-02", tahun=2023, kapasitas=12)
        dd = d.kelas("TIK-01", tahun=2023, kapasitas=16)

        p1 = d.person("Ani", desa=BONTO_JAI, jk="P")
        p2 = d.person("Budi", desa=BONTO_JAI, jk="L")
        p3 = d.person("Citra", desa=BONTO_CINDE, jk="P")
        p4 = d.person("Dedi", desa=TAPPANJENG, jk="L")
        p5 = d.person("Eka", desa=TAPPANJENG, jk="P")
        p6 = d.person("Fajar", desa=BONTO_TIRO, jk="L")
        p7 = d.person("Gita", desa=BONTO_JAI, jk="P")

        p1a = d.enrol(p1, a, "selesai", uji="kompeten")
        p1c = d.enrol(p1, c, "selesai", uji="kompeten")
        d.enrol(p2, a, "keluar")
        d.enrol(p2, dd, "keluar")
        d.enrol(p3, a, "selesai", uji="belum_kompeten")
        p4b = d.enrol(p4, b, "selesai", uji="kompeten")
        d.enrol(p5, b, "aktif")
        d.enrol(p5, c, "terdaftar")
        d.enrol(p6, b, "keluar")
        p6c = d.enrol(p6, c, "selesai", uji="kompeten")

        d.survey(p1a, date(2022, 9, 1), "bekerja")
        d.survey(p1c, date(2023, 10, 1), "wirausaha")
        d.survey(p4b, date(2023, 3, 1), "bekerja")
        d.survey(p4b, date(2022, 10, 1), "belum_bekerja")
        d.survey(p6c, date(2023, 11, 1), "melanjutkan_pendidikan")

        d.aid(p1, "kur", tanggal=date(2023, 12, 1), nilai=5_000_000, status="disetujui")
        d.aid(p1, "peralatan", tanggal=date(2024, 1, 10), nilai=2_000_000, status="disalurkan")
        d.aid(p2, "modal_dusun_rw", tanggal=date(2023, 6, 1), nilai=1_500_000, status="disetujui")
        d.aid(p3, "kur", tanggal=date(2023, 12, 5), nilai=3_000_000, status="diajukan")
        d.aid(p4, "kur", tanggal=date(2025, 2, 1), nilai=7_000_000, status="disalurkan")
        d.aid(p4, "modal_dusun_rw", tanggal=date(2023, 6, 1), nilai=1_000_000, status="ditolak")
        d.aid(p6, "peralatan", tanggal=date(2023, 12, 15), nilai=2_500_000, status="disetujui")
        d.aid(p7, "kur", tanggal=date(2023, 12, 1), nilai=9_000_000, status="disetujui")


# The whole programme, no filter:
# - classes: 4 classes, 16+16+12+16 = 60 seats, 10 enrolments of any status (p1, p2, p5 and p6
#   count twice) → 10/60 = 16.67 → 16.7 %, four different packages.
# - peserta: p1 p3 p4 p5 p6 (p2 only dropped out, p7 never enrolled) = 5 → 5/1444 = 0.35 → 0.3 %.
#   selesai p1 p3 p4 p6 = 4 (p1 once although selesai twice). keluar counts enrolments: p2@A,
#   p2@D, p6@B = 3 (2 persons), and p6 is peserta too (re-enrolled). kompeten p1 (twice, counted
#   once), p4, p6 = 3.
# - outcomes of the 4 selesai: p1 wirausaha, p4 bekerja, p6 melanjutkan, p3 untraced → 2/4 = 50.0 %.
# - aid of enrolled persons, approved only: kur p1 + p4 = 2 worth 12,000,000 (p3 diajukan and p7
#   never enrolled are out); peralatan p1 + p6 = 2; modal p2 = 1 (p4's is ditolak).
CLASSES_ALL = classes(4, 60, 10, 16.7, 4)
ALL = {
    **programme(),
    **CLASSES_ALL,
    **persons(5, 0.3, 4, 3, 3),
    **outcomes(1, 1, 0, 1, 1, 50.0),
    **aid(2, 12_000_000, 2, 1),
}
# Classes of 2022 (A, B): 32 seats, 6 enrolments → 6/32 = 18.75 → 18.8 % (half-up).
CLASSES_2022 = classes(2, 32, 6, 18.8, 2)

CASES = [
    ("no filter", Filters(), ALL),
    ("both years", Filters(tahun=(2022, 2023)), ALL),
    (
        # A and B: peserta p1 p3 p4 p5 = 4 → 0.28 → 0.3 %; selesai p1 p3 p4; keluar p2@A, p6@B;
        # kompeten p1 p4 (p3 belum). Outcomes: p1's latest survey is the 2023 one of class C,
        # outside the year in scope → wirausaha; p4 bekerja; p3 untraced → 2/3 = 66.7 %.
        # Aid: p1..p6 all have an enrolment in A or B, and aid dates are not filtered by year, so
        # p4's kur of 2025 counts → same aid as the whole programme.
        "tahun 2022",
        Filters(tahun=(2022,)),
        {
            **programme(),
            **CLASSES_2022,
            **persons(4, 0.3, 3, 2, 2),
            **outcomes(1, 1, 0, 0, 1, 66.7),
            **aid(2, 12_000_000, 2, 1),
        },
    ),
    (
        # C and D: 12+16 = 28 seats, 4 enrolments → 14.29 → 14.3 %. peserta p1 p5 p6 = 3 → 0.2 %;
        # selesai p1 p6; keluar p2@D; kompeten p1 p6. p1 wirausaha, p6 melanjutkan → 1/2 = 50 %.
        # Aid of p1 p2 p5 p6 (p2 dropped out of D, still an enrolment in scope): kur p1; peralatan
        # p1 p6; modal p2.
        "tahun 2023",
        Filters(tahun=(2023,)),
        {
            **programme(),
            **classes(2, 28, 4, 14.3, 2),
            **persons(3, 0.2, 2, 1, 2),
            **outcomes(0, 1, 0, 1, 0, 50.0),
            **aid(1, 5_000_000, 2, 1),
        },
    ),
    # 2024 is a programme year without classes: no seats → persen_keterisian null; no selesai →
    # persen_penempatan null.
    ("tahun 2024 (no classes)", Filters(tahun=(2024,)), {**programme(), **NOTHING}),
    (
        # Bissappu: p1 p2 p3 p7. Class keys unchanged. peserta p1 p3 = 2 → 0.14 → 0.1 %; keluar
        # p2@A and p2@D = 2 (one person, two enrolments); kompeten p1. p1 wirausaha, p3 untraced → 50 %. Aid: p1 kur + peralatan, p2 modal
        # (p7's kur: never enrolled).
        "kecamatan Bissappu",
        Filters(kecamatan=(BISSAPPU,)),
        {
            **programme(),
            **CLASSES_ALL,
            **persons(2, 0.1, 2, 2, 1),
            **outcomes(0, 1, 0, 0, 1, 50.0),
            **aid(1, 5_000_000, 1, 1),
        },
    ),
    (
        # Bissappu and Sinoa: p1 p2 p3 p6 p7. peserta p1 p3 p6 = 3 → 0.2 %; selesai 3; keluar p2@A,
        # p2@D and p6@B = 3; kompeten p1 p6. wirausaha p1, melanjutkan p6, untraced p3 → 1/3 = 33.3 %.
        # Aid: kur p1; peralatan p1 p6; modal p2.
        "two kecamatan",
        Filters(kecamatan=(BISSAPPU, SINOA)),
        {
            **programme(),
            **CLASSES_ALL,
            **persons(3, 0.2, 3, 3, 2),
            **outcomes(0, 1, 0, 1, 1, 33.3),
            **aid(1, 5_000_000, 2, 1),
        },
    ),
    (
        # Sinoa is p6 alone, who dropped out of B and completed C: peserta 1, keluar 1 (re-enrolment
        # after dropping out), selesai 1, kompeten 1; melanjutkan → placement 0/1 = 0.0 %.
        "kecamatan Sinoa (re-enrolment)",
        Filters(kecamatan=(SINOA,)),
        {
            **programme(),
            **CLASSES_ALL,
            **persons(1, 0.1, 1, 1, 1),
            **outcomes(0, 0, 0, 1, 0, 0.0),
            **aid(0, 0, 1, 0),
        },
    ),
    (
        # Bonto Jai: p1 p2 p7. peserta p1 → 1/1444 = 0.07 → 0.1 %; keluar p2@A, p2@D; p1 wirausaha →
        # 1/1 = 100 %. Aid: p1 kur + peralatan, p2 modal.
        "desa Bonto Jai",
        Filters(desa=(BONTO_JAI,)),
        {
            **programme(),
            **CLASSES_ALL,
            **persons(1, 0.1, 1, 2, 1),
            **outcomes(0, 1, 0, 0, 0, 100.0),
            **aid(1, 5_000_000, 1, 1),
        },
    ),
    (
        # Bonto Cinde: p3 alone, selesai belum_kompeten, untraced → 0/1 = 0.0 %; her kur is only
        # diajukan → not counted.
        "desa Bonto Cinde",
        Filters(desa=(BONTO_CINDE,)),
        {
            **programme(),
            **CLASSES_ALL,
            **persons(1, 0.1, 1, 0, 0),
            **outcomes(0, 0, 0, 0, 1, 0.0),
            **aid(0, 0, 0, 0),
        },
    ),
    (
        # Men: p2 p4 p6. peserta p4 p6 = 2; keluar p2@A + p2@D + p6@B = 3; kompeten p4 p6. p4 bekerja, p6
        # melanjutkan → 50 %. Aid: kur p4 (7,000,000), peralatan p6, modal p2.
        "jk L",
        Filters(jk=("L",)),
        {
            **programme(),
            **CLASSES_ALL,
            **persons(2, 0.1, 2, 3, 2),
            **outcomes(1, 0, 0, 1, 0, 50.0),
            **aid(1, 7_000_000, 1, 1),
        },
    ),
    (
        # Women: p1 p3 p5 p7. peserta p1 p3 p5 = 3 → 0.2 %; selesai p1 p3; kompeten p1; p1
        # wirausaha, p3 untraced → 50 %. Aid: p1 kur + peralatan (p3's kur diajukan).
        "jk P",
        Filters(jk=("P",)),
        {
            **programme(),
            **CLASSES_ALL,
            **persons(3, 0.2, 2, 0, 1),
            **outcomes(0, 1, 0, 0, 1, 50.0),
            **aid(1, 5_000_000, 1, 0),
        },
    ),
    (
        # Package GAR-01 = class A: 3/16 = 18.75 → 18.8 %. peserta p1 p3; keluar p2; kompeten p1.
        # p1's latest survey (class C, outside the package filter) → wirausaha; p3 untraced → 50 %.
        # Aid: p1 p2 p3 → kur p1, peralatan p1, modal p2.
        "paket GAR-01",
        Filters(paket=("GAR-01",)),
        {
            **programme(),
            **classes(1, 16, 3, 18.8, 1),
            **persons(2, 0.1, 2, 1, 1),
            **outcomes(0, 1, 0, 0, 1, 50.0),
            **aid(1, 5_000_000, 1, 1),
        },
    ),
    (
        # Kejuruan Garmen = A and C: 28 seats, 6 enrolments → 21.43 → 21.4 %, two packages.
        # peserta p1 p3 p5 p6 = 4; selesai p1 p3 p6; keluar p2@A only (p6's is in B, Otomotif);
        # kompeten p1 p6. wirausaha p1, melanjutkan p6, untraced p3 → 1/3 = 33.3 %.
        # Aid of p1 p2 p3 p5 p6: kur p1; peralatan p1 p6; modal p2.
        "kejuruan Garmen",
        Filters(kejuruan=("Garmen",)),
        {
            **programme(),
            **classes(2, 28, 6, 21.4, 2),
            **persons(4, 0.3, 3, 1, 2),
            **outcomes(0, 1, 0, 1, 1, 33.3),
            **aid(1, 5_000_000, 2, 1),
        },
    ),
    (
        # 2022 ∩ Bissappu ∩ women: p1 and p3 in class A. Class keys = those of 2022. peserta 2,
        # selesai 2, no keluar (p2 is a man), kompeten p1. p1 wirausaha, p3 untraced → 50 %.
        # Aid: p1 kur + peralatan.
        "tahun 2022 + Bissappu + P",
        Filters(tahun=(2022,), kecamatan=(BISSAPPU,), jk=("P",)),
        {
            **programme(),
            **CLASSES_2022,
            **persons(2, 0.1, 2, 0, 1),
            **outcomes(0, 1, 0, 0, 1, 50.0),
            **aid(1, 5_000_000, 1, 0),
        },
    ),
    (
        # Otomotif (class B) ∩ Bantaeng (p4 p5). Class keys ignore the person filter: B's 3
        # enrolments include p6 of Sinoa → 3/16 = 18.8 %. peserta p4 p5; selesai p4; p6's keluar is
        # out of scope → 0. p4 bekerja → 1/1 = 100 %. Aid: p4 kur (modal ditolak).
        "kejuruan Otomotif + Bantaeng",
        Filters(kejuruan=("Otomotif",), kecamatan=(BANTAENG,)),
        {
            **programme(),
            **classes(1, 16, 3, 18.8, 1),
            **persons(2, 0.1, 1, 0, 1),
            **outcomes(1, 0, 0, 0, 0, 100.0),
            **aid(1, 7_000_000, 0, 0),
        },
    ),
    (
        # TIK-01 (class D) ∩ Tappanjeng: one class of 16 seats whose one enrolment (p2 of Bonto Jai)
        # counts although p2 is outside the desa → 1/16 = 6.25 → 6.3 % (half-up). Nobody of
        # Tappanjeng in D → all person keys 0 and placement null.
        "paket TIK-01 + desa Tappanjeng",
        Filters(paket=("TIK-01",), desa=(TAPPANJENG,)),
        {**programme(), **NOTHING, **classes(1, 16, 1, 6.3, 1)},
    ),
]


def test_indicators_small_programme(engine, db_url):
    build_small_programme(db_url)
    for name, filters, expected in CASES:
        result = query.indicators(engine, filters)
        assert tuple(result) == measures.INDICATORS, name
        assert result == expected, name


def test_latest_survey_ties_rounding_and_quota_from_settings(engine, db_url, tmp_path, monkeypatch):
    """Rounding half-up (1/8, 1/6, 9/14, 1.25), ties on the survey date, and kuota from settings.

    Quota set to 640 in a copy of programme.toml. Class X PAR-01 2023 of 8 seats with q1..q8 all
    selesai; class Y, a second class of PAR-01 in 2024 of 6 seats, with q1 selesai.
      q1: survey of Y on 2024-08-01 bekerja recorded first, then one of X on the same date
          belum_bekerja → tie on the date, the one recorded last wins → belum_bekerja (although
          Y's enrolment is the newer one).
      q2: X 2024-03-01 belum_bekerja recorded before X 2023-12-01 wirausaha → the later date wins
          → belum_bekerja.
      q3: bekerja; q4: melanjutkan_pendidikan; q5..q8: no survey.
    """
    toml = (db.config.data_dir() / "programme.toml").read_text(encoding="utf-8")
    assert "kuota = 1444" in toml
    (tmp_path / "programme.toml").write_text(toml.replace("kuota = 1444", "kuota = 640"))
    monkeypatch.setenv("PANTAU_DATA_DIR", str(tmp_path))

    with dataset(db_url) as d:
        x = d.kelas("PAR-01", tahun=2023, kapasitas=8)
        y = d.kelas("PAR-01", tahun=2024, kapasitas=6, angkatan=2)
        q = [d.person(f"Peserta {i}", jk="L" if i % 2 else "P") for i in range(1, 9)]
        ex = [d.enrol(p, x, "selesai") for p in q]
        q1y = d.enrol(q[0], y, "selesai")
        d.survey(q1y, date(2024, 8, 1), "bekerja")
        d.survey(ex[0], date(2024, 8, 1), "belum_bekerja")
        d.survey(ex[1], date(2024, 3, 1), "belum_bekerja")
        d.survey(ex[1], date(2023, 12, 1), "wirausaha")
        d.survey(ex[2], date(2024, 1, 15), "bekerja")
        d.survey(ex[3], date(2024, 2, 1), "melanjutkan_pendidikan")

    # All: 2 classes of one package, 8+6 = 14 seats, 9 enrolments → 64.29 → 64.3 %. peserta 8 of 640 → 1.25 →
    # 1.3 % (half-up; banker's rounding would give 1.2). Outcomes: bekerja q3, belum q1 q2,
    # melanjutkan q4, untraced q5..q8 → placement 1/8 = 12.5 %.
    assert query.indicators(engine, Filters()) == {
        **programme(kuota=640),
        **classes(2, 14, 9, 64.3, 1),
        **persons(8, 1.3, 8, 0, 0),
        **outcomes(1, 0, 2, 1, 4, 12.5),
        **aid(0, 0, 0, 0),
    }
    # 2024 (class Y): 1 of 6 seats → 16.67 → 16.7 %. peserta q1 → 1/640 = 0.156 → 0.2 %. q1's
    # latest survey over all enrolments is the tie winner of class X → belum_bekerja → 0.0 %.
    assert query.indicators(engine, Filters(tahun=(2024,))) == {
        **programme(kuota=640),
        **classes(1, 6, 1, 16.7, 1),
        **persons(1, 0.2, 1, 0, 0),
        **outcomes(0, 0, 1, 0, 0, 0.0),
        **aid(0, 0, 0, 0),
    }
    # 2023 (class X): full, 8/8 = 100.0 %; the same eight persons and outcomes as above.
    assert query.indicators(engine, Filters(tahun=(2023,))) == {
        **programme(kuota=640),
        **classes(1, 8, 8, 100.0, 1),
        **persons(8, 1.3, 8, 0, 0),
        **outcomes(1, 0, 2, 1, 4, 12.5),
        **aid(0, 0, 0, 0),
    }


@pytest.mark.parametrize(
    ("num", "den", "expected"),
    [
        (1, 8, 12.5),
        (1, 6, 16.7),
        (2, 3, 66.7),
        (1, 80, 1.3),  # 1.25: half-up, not half-even (1.2)
        (1, 2000, 0.1),  # 0.05 → 0.1
        (3, 2000, 0.2),  # 0.15 → 0.2 (float rounding of 0.15 gives 0.1)
        (29, 2000, 1.5),  # 1.45 → 1.5 (float rounding gives 1.4)
        (1, 2001, 0.0),  # 0.049975… just under the boundary → 0.0
        (999, 2000, 50.0),  # 49.95 → 50.0
        (0, 5, 0.0),
        (1444, 1444, 100.0),
        (5, 0, None),
        (0, 0, None),
        (3, None, None),
    ],
)
def test_percent_rounds_half_up_to_one_decimal(num, den, expected):
    result = query.percent(num, den)
    assert result == expected
    assert result is None or isinstance(result, float)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**7), st.integers(min_value=1, max_value=10**7))
def test_percent_equals_integer_half_up(num, den):
    # num/den × 100 in tenths, rounded half-up with integers only: floor(x + 1/2).
    tenths = (2 * num * 1000 + den) // (2 * den)
    assert query.percent(num, den) == tenths / 10


def test_indicator_catalogue_is_complete():
    definitions = [measures.get(k) for k in measures.INDICATORS]
    assert measures.INDICATORS == SPEC_KEYS
    assert len(set(measures.INDICATORS)) == len(measures.INDICATORS)
    for ind in definitions:
        for text in (ind.label, ind.label_en, ind.definisi, ind.definition_en):
            assert isinstance(text, str) and text.strip(), ind.key
        assert ind.unit in UNITS, ind.key
        assert ind.level in LEVELS, ind.key
        assert (ind.unit == "persen") == ind.key.startswith("persen_"), ind.key
    assert len({d.label for d in definitions}) == len(SPEC_KEYS)
    assert len({d.label_en for d in definitions}) == len(SPEC_KEYS)
    # Class-level keys are exactly those that docs/indicators.md says respond to class filters only.
    assert {d.key for d in definitions if d.level == "kelas"} == {
        "kelas", "kursi", "terisi", "persen_keterisian", "paket_berjalan",
    }  # fmt: skip
    assert measures.get("kur_nilai_rp").unit == "rupiah"


# --- a larger dataset: the generated SQL must stay cheap -------------------------------------------

N_PERSONS = 20_000
N_ENROLMENTS = 3_000
VILLAGES_USED = (BONTO_JAI, BONTO_CINDE, TAPPANJENG, BONTO_TIRO)


def build_large(url: str) -> None:
    """20,000 registry persons; the first 3,000 each enrolled once, 16 per class.

    Person i (0-based) lives in VILLAGES_USED[i % 4], is a woman when i is even, and is enrolled in
    class i // 16 (188 classes: 187 full, the last with 8); class k is of year 2022 + k % 3 and
    package PACKAGES[k % 40]. Enrolment status by i % 10: 0 keluar, 1 aktif, otherwise selesai;
    selesai with i % 4 == 0 are surveyed (bekerja), and each of those also has an approved kur of
    1,000,000.
    """
    packages = [p["kode_paket"] for p in db.reference_packages()]
    n_classes = -(-N_ENROLMENTS // 16)
    with dataset(url) as d:
        d.bulk(
            TrainingClass,
            [
                {
                    "id": k + 1,
                    "kode": f"K{k:04d}",
                    "paket_kode": packages[k % 40],
                    "tahun": 2022 + k % 3,
                    "angkatan": 1 + k // 40,
                    "tanggal_mulai": date(2022 + k % 3, 3, 1),
                    "tanggal_selesai": date(2022 + k % 3, 4, 30),
                    "kapasitas": 16,
                }
                for k in range(n_classes)
            ],
        )
        d.bulk(
            Person,
            [
                {
                    "id": i + 1,
                    "nik": f"73{i:014d}",
                    "no_kk": f"73{i:014d}",
                    "nama": f"Warga {i}",
                    "jk": "P" if i % 2 == 0 else "L",
                    "tanggal_lahir": date(1990, 1, 1),
                    "desa_kode": VILLAGES_USED[i % 4],
                    "desil": 1 + i % 10,
                }
                for i in range(N_PERSONS)
            ],
        )
        status = {0: "keluar", 1: "aktif"}
        d.bulk(
            Enrolment,
            [
                {
                    "id": i + 1,
                    "person_id": i + 1,
                    "class_id": i // 16 + 1,
                    "status": status.get(i % 10, "selesai"),
                    "hasil_uji": "kompeten" if i % 10 > 1 else None,
                }
                for i in range(N_ENROLMENTS)
            ],
        )
        surveyed = [i for i in range(N_ENROLMENTS) if i % 10 > 1 and i % 4 == 0]
        d.bulk(
            TracerSurvey,
            [
                {
                    "enrolment_id": i + 1,
                    "tanggal_survei": date(2024, 6, 1),
                    "status_kerja": "bekerja",
                }
                for i in surveyed
            ],
        )
        d.bulk(
            Aid,
            [
                {
                    "person_id": i + 1,
                    "jenis": "kur",
                    "tanggal": date(2024, 7, 1),
                    "nilai_rupiah": 1_000_000,
                    "status": "disetujui",
                }
                for i in surveyed
            ],
        )


def test_compute_on_a_large_dataset_is_not_pathological(engine, db_url):
    build_large(db_url)
    timings = {}
    for name, f in [
        ("all", Filters()),
        ("tahun", Filters(tahun=(2023,))),
        ("kecamatan+jk", Filters(kecamatan=(BISSAPPU,), jk=("P",))),
        ("desa+kejuruan", Filters(desa=(TAPPANJENG,), kejuruan=("Garmen", "TIK"))),
    ]:
        start = time.perf_counter()
        result = query.indicators(engine, f)
        timings[name] = round(time.perf_counter() - start, 3)
        if name == "all":
            # By construction: i % 10 == 0 → 300 keluar; the other 2,700 are peserta; i % 10 ≥ 2 →
            # 2,400 selesai and kompeten; of those, i % 4 == 0 (i even, i % 10 in {2,4,6,8} and
            # i % 4 == 0 → 600) surveyed bekerja → placement 600/2400 = 25.0 %, 1,800 untraced;
            # 600 approved kur of 1,000,000. 188 classes × 16 = 3,008 seats, 3,000 filled → 99.7 %.
            assert result == {
                **programme(),
                **classes(188, 3008, 3000, 99.7, 40),
                **persons(2700, 187.0, 2400, 300, 2400),
                **outcomes(600, 0, 0, 0, 1800, 25.0),
                **aid(600, 600_000_000, 0, 0),
            }
    print(f"\ncompute() on {engine.dialect.name}, 20k persons / 3k enrolments: {timings}")
