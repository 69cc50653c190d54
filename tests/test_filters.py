"""The global filters of docs/architecture.md: parsing, notices, URL round trip and description.

The reference lists come from a real SQLite database with the reference data of ``data/`` and two
hand-built classes (2022 and 2023), built once for the module.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from lib.core import db
from lib.core.filters import (
    Filters,
    _shorten,
    describe,
    load_reference,
    normalise_kecamatan_code,
    normalise_village_code,
    parse,
)
from lib.core.models import Person
from lib.semantic import analytics, query
from tests.builders import BISSAPPU, BONTO_JAI, TAPPANJENG, dataset

HOSTILE = "'; DROP TABLE person; --"


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('filters') / 'pantau.db'}"
    analytics.ensure_ready(url)
    with dataset(url) as d:
        d.kelas("GAR-01", tahun=2022)
        d.kelas("TIK-01", tahun=2023)
        d.person("Ani")
    return url


@pytest.fixture(scope="module")
def ref(url):
    return load_reference(url, db.data_version(db.get_engine(url)))


def test_reference_lists_come_from_the_database(ref):
    assert ref.years == (2022, 2023)
    assert len(ref.kecamatan) == 8 and ref.kecamatan[BISSAPPU] == "Bissappu"
    assert len(ref.villages) == 67
    assert ref.villages[BONTO_JAI] == ("Bonto Jai", BISSAPPU)
    assert len(ref.packages) == 40
    assert ref.packages["GAR-01"] == ("Menjahit Pakaian Wanita", "Garmen")
    assert "Garmen" in ref.kejuruan and "TIK" in ref.kejuruan
    assert list(ref.kejuruan) == sorted(ref.kejuruan)


def test_parse_good_values(ref):
    params = {
        "tahun": "2022",
        "kecamatan": BISSAPPU,
        "desa": BONTO_JAI,
        "paket": "GAR-01",
        "kejuruan": "Garmen",
        "jk": "P",
    }
    assert parse(params, ref) == (
        Filters(
            tahun=(2022,),
            kecamatan=(BISSAPPU,),
            desa=(BONTO_JAI,),
            paket=("GAR-01",),
            kejuruan=("Garmen",),
            jk=("P",),
        ),
        [],
    )
    assert parse({}, ref) == (Filters(), [])


def test_parse_several_values_sorted_deduplicated_and_trimmed(ref):
    f, notices = parse(
        {
            "tahun": "2023, 2022,2023",
            "kecamatan": "73.03.02,73.03.01",
            "paket": "TIK-01,GAR-01",
            "kejuruan": "TIK,Garmen",
            "jk": "P,L",
        },
        ref,
    )
    assert notices == []
    assert f == Filters(
        tahun=(2022, 2023),
        kecamatan=(BISSAPPU, "73.03.02"),
        paket=("GAR-01", "TIK-01"),
        kejuruan=("Garmen", "TIK"),
        jk=("L", "P"),
    )
    # Lists (as from repeated URL parameters) work like comma-separated strings; so do numbers.
    assert parse({"tahun": ["2022", "2023"], "jk": ["L"]}, ref) == (
        Filters(tahun=(2022, 2023), jk=("L",)),
        [],
    )
    assert parse({"tahun": 2023}, ref) == (Filters(tahun=(2023,)), [])
    assert parse({"tahun": (2022, "2023,2022")}, ref) == (Filters(tahun=(2022, 2023)), [])


def test_parse_plain_codes_and_case(ref):
    f, notices = parse(
        {"desa": "7303012008", "kecamatan": "730301", "jk": "p", "kejuruan": "garmen"}, ref
    )
    assert notices == []
    assert f == Filters(kecamatan=(BISSAPPU,), desa=(BONTO_JAI,), kejuruan=("Garmen",), jk=("P",))
    assert normalise_village_code(" 7303021001 ") == TAPPANJENG
    assert normalise_village_code(TAPPANJENG) == TAPPANJENG
    assert normalise_kecamatan_code("730302") == "73.03.02"


def test_parse_years_must_have_classes_or_lie_in_the_programme(ref):
    # Programme: 7 Feb 2022 for 3 years → 2022..2025 are valid even without classes.
    f, notices = parse({"tahun": "2025,2024"}, ref)
    assert (f.tahun, notices) == ((2024, 2025), [])
    f, notices = parse({"tahun": "2021,2026,2022"}, ref)
    assert f.tahun == (2022,)
    assert len(notices) == 2
    assert "2021" in notices[0] and "2026" in notices[1]


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("tahun", "1999"),
        ("tahun", "20222"),
        ("tahun", "dua ribu"),
        ("tahun", "2022.0"),
        ("tahun", "-2022"),
        ("kecamatan", "73.03.99"),
        ("kecamatan", "Bissappu"),
        ("desa", "73.03.01.9999"),
        ("desa", "730301200"),  # 9 digits
        ("desa", "73.03.01.2008x"),
        ("paket", "XXX-99"),
        ("paket", "gar-01"),  # codes are exact
        ("kejuruan", "Memasak"),
        ("jk", "X"),
        ("jk", "Laki-laki"),
        *[(name, HOSTILE) for name in ("tahun", "kecamatan", "desa", "paket", "kejuruan", "jk")],
        ("kecamatan", "<script>alert(1)</script>"),
        ("desa", "73.03.01.2008\x00"),
        ("paket", "%"),
        ("kejuruan", "' OR '1'='1"),
        ("tahun", "9" * 5000),
        ("desa", "٧٣٠٣٠١٢٠٠٨"),  # Arabic-Indic digits are not a village code
    ],
)
def test_parse_unknown_or_malformed_value_is_dropped_with_a_notice(ref, name, raw):
    f, notices = parse({name: raw}, ref)
    assert f == Filters()
    assert len(notices) == 1
    assert _shorten(raw) in notices[0]
    assert "diabaikan" in notices[0]


def test_parse_keeps_good_values_next_to_bad_ones(ref):
    f, notices = parse(
        {"tahun": f"2022,{HOSTILE}", "paket": "GAR-01,NOPE", "jk": "L,?", "desa": "1234567890"},
        ref,
    )
    assert f == Filters(tahun=(2022,), paket=("GAR-01",), jk=("L",))
    assert len(notices) == 4
    assert any("NOPE" in n for n in notices) and any("1234567890" in n for n in notices)


def test_hostile_values_never_reach_sql(url, ref):
    f, notices = parse({name: HOSTILE for name in ("tahun", "kecamatan", "desa", "paket")}, ref)
    assert f == Filters() and len(notices) == 4
    engine = db.get_engine(url)
    assert query.indicators(engine, f)["kelas"] == 2
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Person)).scalar_one() == 1


def test_desa_outside_the_chosen_kecamatan_is_dropped(ref):
    f, notices = parse({"kecamatan": BISSAPPU, "desa": f"{BONTO_JAI},{TAPPANJENG}"}, ref)
    assert f == Filters(kecamatan=(BISSAPPU,), desa=(BONTO_JAI,))
    assert len(notices) == 1
    assert "Tappanjeng" in notices[0] and "diabaikan" in notices[0]
    # Without a kecamatan the same villages are both kept.
    f, notices = parse({"desa": f"{TAPPANJENG},{BONTO_JAI}"}, ref)
    assert (f.desa, notices) == ((BONTO_JAI, TAPPANJENG), [])


def test_to_params_round_trip(ref):
    f = Filters(
        tahun=(2022, 2023),
        kecamatan=(BISSAPPU,),
        desa=(BONTO_JAI,),
        paket=("GAR-01", "TIK-01"),
        kejuruan=("Garmen",),
        jk=("P",),
    )
    params = f.to_params()
    assert params == {
        "tahun": "2022,2023",
        "kecamatan": "73.03.01",
        "desa": "73.03.01.2008",
        "paket": "GAR-01,TIK-01",
        "kejuruan": "Garmen",
        "jk": "P",
    }
    assert list(params) == ["tahun", "kecamatan", "desa", "paket", "kejuruan", "jk"]
    assert parse(params, ref) == (f, [])
    assert Filters().to_params() == {}
    assert Filters(jk=("L",)).to_params() == {"jk": "L"}


def test_filters_value_helpers():
    f = Filters(tahun=(2022,))
    assert not f.is_empty() and Filters().is_empty()
    assert f.has_class_filter() and not f.has_person_filter()
    g = f.replace(jk=["P"], tahun=None)
    assert g == Filters(jk=("P",))
    assert g.has_person_filter() and not g.has_class_filter()
    assert hash(g) == hash(Filters(jk=("P",)))  # usable as a cache key


def test_describe(ref):
    assert describe(Filters(), ref) == "Seluruh kabupaten, semua tahun dan paket"
    full = Filters(
        tahun=(2022, 2023),
        kecamatan=(BISSAPPU,),
        desa=(BONTO_JAI,),
        paket=("GAR-01",),
        kejuruan=("Garmen",),
        jk=("P",),
    )
    assert describe(full, ref) == (
        "Kecamatan Bissappu · Desa/Kel. Bonto Jai · Tahun 2022, 2023 · Kejuruan Garmen"
        " · Paket Menjahit Pakaian Wanita · Perempuan"
    )
    assert describe(Filters(jk=("L", "P")), ref) == "Laki-laki dan Perempuan"
    assert describe(Filters(kecamatan=(BISSAPPU, "73.03.02")), ref) == (
        "Kecamatan Bissappu, Bantaeng"
    )
