"""Page data of Ringkasan, Kuota and Paket (``lib.views.queries``, ``lib.views.alerts``) on a hand-built
dataset, on SQLite and PostgreSQL alike. Every expected value is worked out by hand below.

The scenario (classes of 16; A = GAR-01 2022, B = OTO-01 2023, C = GAR-01 2024, each March–April):

============  =============  ======  ==========================================  ===============
person        village        desil   enrolments                                   tracer surveys
============  =============  ======  ==========================================  ===============
ani   P 1995  Bonto Jai      1       A selesai kompeten                           A 2022-06 bekerja
budi  L 1990  Tappanjeng     1       A keluar; B aktif                            –
citra P 1985  Bonto Tiro     1       B selesai belum_kompeten                     B 2023-06 belum_bekerja,
                                                                                  B 2023-12 wirausaha
dewi  P 2000  Bonto Cinde    1       A selesai; B selesai kompeten                A 2022-06 belum_bekerja,
                                                                                  B 2023-06 bekerja
eko   L 1960  Bonto Jai      5       C terdaftar                                  –
fitri P 1998  Bonto Cinde    3       A selesai belum_kompeten                     –
fajar L 1999  Bonto Jai      2       (registry only)
gina  P 2010  Tappanjeng     4       (registry only: 13 years old)
hadi  L 1950  Bonto Tiro     1       (registry only: 73 years old)
ida   P 1990  Pallantikang   1       (registry only)
============  =============  ======  ==========================================  ===============

The data date is 1 January 2024; eligible residents (*warga sasaran*) are aged 15–64 with desil ≤ 4.
"""

from __future__ import annotations

from datetime import date

import pytest

from lib.core import db
from lib.core.filters import Filters
from lib.semantic import analytics, query
from lib.views import alerts, queries
from tests.builders import (
    BANTAENG,
    BISSAPPU,
    BONTO_CINDE,
    BONTO_JAI,
    BONTO_TIRO,
    SINOA,
    TAPPANJENG,
    Dataset,
    dataset,
)

AS_OF = date(2024, 1, 1)
PALLANTIKANG = "73.03.02.1002"  # kelurahan in Bantaeng


@pytest.fixture
def engine(db_url):
    with dataset(db_url) as d:
        d.data_date(AS_OF)
        ani = d.person("Ani", desa=BONTO_JAI, jk="P", lahir=date(1995, 5, 17))
        budi = d.person("Budi", desa=TAPPANJENG, jk="L", lahir=date(1990, 1, 1))
        citra = d.person("Citra", desa=BONTO_TIRO, jk="P", lahir=date(1985, 1, 1))
        dewi = d.person("Dewi", desa=BONTO_CINDE, jk="P", lahir=date(2000, 1, 1))
        eko = d.person("Eko", desa=BONTO_JAI, jk="L", lahir=date(1960, 1, 1), desil=5)
        fitri = d.person("Fitri", desa=BONTO_CINDE, jk="P", lahir=date(1998, 1, 1), desil=3)
        d.person("Fajar", desa=BONTO_JAI, jk="L", lahir=date(1999, 1, 1), desil=2)
        d.person("Gina", desa=TAPPANJENG, jk="P", lahir=date(2010, 6, 1), desil=4)
        d.person("Hadi", desa=BONTO_TIRO, jk="L", lahir=date(1950, 1, 1))
        d.person("Ida", desa=PALLANTIKANG, jk="P", lahir=date(1990, 1, 1))
        a = d.kelas("GAR-01", tahun=2022, kode="A")
        b = d.kelas("OTO-01", tahun=2023, kode="B")
        c = d.kelas("GAR-01", tahun=2024, kode="C")
        ani_a = d.enrol(ani, a, "selesai", uji="kompeten")
        d.enrol(budi, a, "keluar")
        dewi_a = d.enrol(dewi, a, "selesai")
        d.enrol(fitri, a, "selesai", uji="belum_kompeten")
        d.enrol(budi, b, "aktif")
        citra_b = d.enrol(citra, b, "selesai", uji="belum_kompeten")
        dewi_b = d.enrol(dewi, b, "selesai", uji="kompeten")
        d.enrol(eko, c, "terdaftar")
        d.survey(ani_a, date(2022, 6, 1), "bekerja")
        d.survey(citra_b, date(2023, 6, 1), "belum_bekerja")
        d.survey(citra_b, date(2023, 12, 1), "wirausaha")
        d.survey(dewi_a, date(2022, 6, 1), "belum_bekerja")
        d.survey(dewi_b, date(2023, 6, 1), "bekerja")
    eng = db.get_engine(db_url)
    yield eng
    eng.dispose()


def rows(df):
    return [tuple(None if v != v else v for v in r) for r in df.itertuples(index=False)]  # NaN→None


# --- cumulative ----------------------------------------------------------------------------------


def test_cumulative_counts_each_person_from_their_first_class(engine):
    # peserta: ani, dewi, fitri from A's start; budi (aktif in B; keluar in A does not count) and
    # citra from B's start; eko from C's start. selesai: ani, dewi, fitri at A's end; citra at B's.
    assert rows(queries.cumulative(engine, Filters())) == [
        (date(2022, 3, 1), 3, 0),
        (date(2022, 4, 30), 3, 3),
        (date(2023, 3, 1), 5, 3),
        (date(2023, 4, 30), 5, 4),
        (date(2024, 3, 1), 6, 4),
    ]


def test_cumulative_follows_person_and_class_filters(engine):
    # Women in OTO-01: citra and dewi start with B; dewi's first class in scope is B, not A.
    f = Filters(jk=("P",), paket=("OTO-01",))
    assert rows(queries.cumulative(engine, f)) == [
        (date(2023, 3, 1), 2, 0),
        (date(2023, 4, 30), 2, 2),
    ]
    assert queries.cumulative(engine, Filters(kecamatan=("73.03.03",))).empty


def test_cumulative_ends_at_the_indicators(engine):
    for f in (
        Filters(),
        Filters(jk=("L",)),
        Filters(tahun=(2023,)),
        Filters(kecamatan=(BISSAPPU,)),
    ):
        cum = queries.cumulative(engine, f)
        v = query.indicators(engine, f)
        last = (int(cum.iloc[-1]["peserta"]), int(cum.iloc[-1]["selesai"])) if len(cum) else (0, 0)
        assert last == (v["peserta"], v["selesai"]), f


# --- per year ------------------------------------------------------------------------------------


def test_per_year_against_the_annual_targets(engine):
    # 2022: A (16 seats, 4 enrolments); peserta ani, dewi, fitri (all selesai); 3/480 = 0.6 %.
    # 2023: B (3 enrolments); peserta budi, citra, dewi; selesai citra, dewi; 3/480 = 0.6 %.
    # 2024: C (1 enrolment); peserta eko; 1/484 = 0.2 %.
    assert rows(queries.per_year(engine, Filters())) == [
        (2022, 1, 16, 4, 3, 3, 480, 0.6),
        (2023, 1, 16, 3, 3, 2, 480, 0.6),
        (2024, 1, 16, 1, 1, 0, 484, 0.2),
    ]


def test_per_year_with_filters(engine):
    # A year filter keeps only that year; a person filter leaves class counts alone.
    assert rows(queries.per_year(engine, Filters(tahun=(2023,)))) == [
        (2023, 1, 16, 3, 3, 2, 480, 0.6)
    ]
    assert rows(queries.per_year(engine, Filters(jk=("L",)))) == [
        (2022, 1, 16, 4, 0, 0, 480, 0.0),
        (2023, 1, 16, 3, 1, 0, 480, 0.2),
        (2024, 1, 16, 1, 1, 0, 484, 0.2),
    ]
    # A year without classes or target still shows when it is filtered on.
    assert rows(queries.per_year(engine, Filters(tahun=(2025,)))) == [
        (2025, 0, 0, 0, 0, 0, 0, None)
    ]


# --- villages and kecamatan ----------------------------------------------------------------------


def test_per_village_participants_and_eligible_residents(engine):
    df = queries.per_village(engine, Filters()).set_index("kode")
    assert len(df) == 67  # every village of data/villages.csv
    got = {
        k: (r.peserta, r.warga_sasaran) for k, r in df.iterrows() if r.peserta or r.warga_sasaran
    }
    assert got == {
        BONTO_JAI: (2, 2),  # peserta ani, eko; eligible ani, fajar (eko is desil 5)
        BONTO_CINDE: (2, 2),  # dewi, fitri (desil 3 is eligible)
        TAPPANJENG: (1, 1),  # budi; gina is 13
        BONTO_TIRO: (1, 1),  # citra; hadi is 73
        PALLANTIKANG: (0, 1),  # ida, never enrolled
    }
    assert df.loc[BONTO_JAI, "kecamatan"] == "Bissappu"


def test_per_kecamatan_share_and_rate(engine):
    kec = queries.per_kecamatan(queries.per_village(engine, Filters()))
    top = rows(kec.head(3))
    # Bissappu 4 of 6 participants (66.7 %), 4 eligible → 1,000 per 1,000; Bantaeng: budi of
    # 2 eligible (budi, ida) → 500; Sinoa: citra of 1 → 1,000.
    assert top == [
        (BISSAPPU, "Bissappu", 4, 66.7, 4, 1000.0),
        (BANTAENG, "Bantaeng", 1, 16.7, 2, 500.0),
        (SINOA, "Sinoa", 1, 16.7, 1, 1000.0),
    ]
    rest = kec.iloc[3:]
    assert len(rest) == 5 and (rest["peserta"] == 0).all()
    assert rest["per_1000_sasaran"].isna().all() and (rest["persen_peserta"] == 0.0).all()


def test_per_village_person_filters(engine):
    df = queries.per_village(engine, Filters(kecamatan=(BISSAPPU,), jk=("P",)))
    assert set(df["kecamatan_kode"]) == {BISSAPPU}
    got = {
        r.kode: (r.peserta, r.warga_sasaran)
        for r in df.itertuples()
        if r.peserta or r.warga_sasaran
    }
    assert got == {BONTO_JAI: (1, 1), BONTO_CINDE: (2, 2)}  # women only: ani; dewi, fitri
    one = queries.per_village(engine, Filters(desa=(BONTO_CINDE,)))
    assert rows(one[["kode", "peserta", "warga_sasaran"]]) == [(BONTO_CINDE, 2, 2)]


def test_eligible_age_limits_on_the_data_date(db_url):
    # On 1 Jan 2024: born 1 Jan 2009 is 15 (in), 2 Jan 2009 is 14 (out); born 2 Jan 1959 is 64
    # (in), 1 Jan 1959 is 65 (out). Desil 4 is in, desil 5 is out.
    with dataset(db_url) as d:
        d.data_date(AS_OF)
        for born, desil in [(date(2009, 1, 1), 4), (date(2009, 1, 2), 1), (date(1959, 1, 2), 1),
                            (date(1959, 1, 1), 1), (date(1990, 1, 1), 5)]:  # fmt: skip
            d.person(desa=BONTO_JAI, lahir=born, desil=desil)
    engine = db.get_engine(db_url)
    df = queries.per_village(engine, Filters(desa=(BONTO_JAI,)))
    assert int(df["warga_sasaran"].sum()) == 2
    engine.dispose()


# --- packages ------------------------------------------------------------------------------------


def test_packages_table(engine):
    pk = queries.packages(engine, Filters()).set_index("kode")
    assert len(pk) == 40 and list(pk.index) == sorted(pk.index)
    # GAR-01: A and C (32 seats, 5 enrolments: 15.6 %); peserta ani, dewi, fitri, eko; selesai
    # ani, dewi, fitri, of 5 ever enrolled (budi dropped out of A): 60 %; kompeten ani (1 of 3: 33.3 %); placed: ani (bekerja) and dewi, whose
    # latest survey over all her enrolments (B, June 2023) says bekerja: 2 of 3.
    assert rows(pk.loc[["GAR-01"]].reset_index().drop(columns=["nama", "kejuruan"])) == [
        ("GAR-01", 2, 32, 5, 15.6, 4, 3, 60.0, 1, 33.3, 2, 66.7)
    ]
    # OTO-01: B (3 of 16 = 18.75 → 18.8 %); peserta budi, citra, dewi; selesai citra, dewi (of 3
    # ever enrolled: 66.7 %);
    # kompeten dewi; placed citra (wirausaha is her latest) and dewi: 2 of 2.
    assert rows(pk.loc[["OTO-01"]].reset_index().drop(columns=["nama", "kejuruan"])) == [
        ("OTO-01", 1, 16, 3, 18.8, 3, 2, 66.7, 1, 50.0, 2, 100.0)
    ]
    never = pk[pk["kelas"] == 0]
    assert len(never) == 38 and never["persen_keterisian"].isna().all()
    assert pk.loc["GAR-01", "kejuruan"] == "Garmen"


@pytest.mark.parametrize(
    "f",
    [Filters(), Filters(jk=("P",)), Filters(tahun=(2022,)), Filters(kecamatan=(BISSAPPU,)),
     Filters(kejuruan=("Otomotif",)), Filters(desa=(BONTO_CINDE,), tahun=(2023,))],
    ids=["all", "women", "2022", "bissappu", "otomotif", "bonto-cinde-2023"],
)  # fmt: skip
def test_each_package_row_equals_the_indicators_for_that_package(engine, f):
    pk = queries.packages(engine, f)
    keys = ("kelas", "kursi", "terisi", "persen_keterisian", "peserta", "selesai", "kompeten",
            "persen_penempatan")  # fmt: skip
    for row in pk[pk["kode"].isin(["GAR-01", "OTO-01"])].itertuples():
        v = query.indicators(engine, f.replace(paket=(row.kode,)))
        got = {k: (None if getattr(row, k) != getattr(row, k) else getattr(row, k)) for k in keys}
        assert got == {k: v[k] for k in keys}, (f, row.kode)


def test_packages_respect_package_filters(engine):
    assert list(queries.packages(engine, Filters(kejuruan=("Otomotif",)))["kode"]) == [
        "OTO-01", "OTO-02", "OTO-03", "OTO-04"
    ]  # fmt: skip
    assert list(queries.packages(engine, Filters(paket=("GAR-01",)))["kode"]) == ["GAR-01"]


def test_package_year(engine):
    assert rows(queries.package_year(engine, Filters())) == [
        ("GAR-01", 2022, 1, 3),
        ("GAR-01", 2024, 1, 1),
        ("OTO-01", 2023, 1, 3),
    ]
    assert rows(queries.package_year(engine, Filters(jk=("L",)))) == [
        ("GAR-01", 2022, 1, 0),  # budi left A: no participant, the class still ran
        ("GAR-01", 2024, 1, 1),
        ("OTO-01", 2023, 1, 1),
    ]


# --- alerts --------------------------------------------------------------------------------------


def test_alerts_for_the_whole_programme(engine):
    found = {a.code: a for a in alerts.compute(engine, Filters())}
    assert list(found) == [
        "paket_belum_jalan", "desa_tanpa_peserta", "kelas_kurang", "belum_ditelusuri"
    ]  # fmt: skip
    assert found["paket_belum_jalan"].count == 38
    assert found["paket_belum_jalan"].items[:2] == (
        "Tukang Batu dan Beton (BAN-01)", "Tukang Kayu Konstruksi (BAN-02)"
    )  # fmt: skip
    # 5 villages have eligible residents, 62 have none: the median is 0, so the threshold is 1;
    # Pallantikang (ida) is the only one with eligible residents and no participant.
    assert found["desa_tanpa_peserta"] == alerts.Alert(
        "desa_tanpa_peserta", 1, ("Pallantikang, Bantaeng: 1",), (1,)
    )
    # Classes of 16 with 1, 3 and 4 enrolments, fewest first.
    assert found["kelas_kurang"].items == (
        "C Menjahit Pakaian Wanita: 1/16",
        "B Teknisi Sepeda Motor Injeksi: 3/16",
        "A Menjahit Pakaian Wanita: 4/16",
    )
    # fitri completed A on 30 Apr 2022 (more than 3 months before 1 Jan 2024) and was never
    # traced; 4 completers.
    assert found["belum_ditelusuri"] == alerts.Alert("belum_ditelusuri", 1, (), (1, 4))
    assert alerts.message(found["belum_ditelusuri"]) == (
        "**1 alumni** dari 4 peserta selesai belum pernah ditelusuri (tracer study); 1 di antaranya "
        "selesai lebih dari 3 bulan lalu."
    )
    assert alerts.message(found["belum_ditelusuri"], "en").startswith(
        "**1 graduate** of 4 completers has never been traced"
    )
    assert alerts.message(found["paket_belum_jalan"], "en") == (
        "**38 packages** of the catalogue have never had a class."
    )


def test_alerts_follow_the_filters(engine):
    # Sinoa: citra was traced; Bonto Tiro has a participant; hadi is not eligible.
    codes = [a.code for a in alerts.compute(engine, Filters(kecamatan=(SINOA,)))]
    assert codes == ["paket_belum_jalan", "kelas_kurang"]
    # Untraced alumni shortly after completion: with the data date 1 Jul 2022, fitri completed two
    # months earlier, not yet overdue (the rule: 3 months, from the programme settings).
    with engine.begin() as conn:
        Dataset(conn).data_date(date(2022, 7, 1))
        analytics.refresh(conn)
    early = {a.code: a for a in alerts.compute(engine, Filters(tahun=(2022,)))}
    assert early["belum_ditelusuri"].numbers == (0, 3)
    with engine.begin() as conn:
        Dataset(conn).data_date(AS_OF)
        analytics.refresh(conn)
    # Everything filled: no class alert when every class in scope holds at least 75 %.
    assert "kelas_kurang" not in {
        a.code for a in alerts.compute(engine, Filters(paket=("GAR-02",)))
    }


@pytest.mark.pg
def test_rebuild_analyses_the_source_tables_on_postgresql(db_url):
    """A bulk load and the rebuild in one transaction: the rebuild's plans see statistics of the
    rows just loaded (``reltuples`` is -1 for a table never analysed, 0 for an empty one)."""
    if not db_url.startswith("postgresql"):
        pytest.skip("ANALYZE runs on PostgreSQL only")
    with dataset(db_url) as d:
        for i in range(40):
            d.person(f"P{i}", desa=BONTO_JAI, jk="P" if i % 2 else "L", lahir=date(1990, 1, 1))
        d.kelas("GAR-01", tahun=2022, kode="A")
        analytics.rebuild(d.conn)
        tuples = dict(
            d.conn.exec_driver_sql(
                "SELECT relname, reltuples FROM pg_class WHERE relname IN "
                "('person', 'training_class', 'an_class')"
            ).all()
        )
    assert tuples == {"person": 40, "training_class": 1, "an_class": 1}


def test_sqlite_connections_keep_a_page_cache_for_the_analytics_tables(tmp_path):
    engine = db.get_engine(f"sqlite:///{tmp_path / 'cache.db'}")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar_one() == -32768


def test_months_before():
    assert analytics.months_before(date(2024, 1, 1), 6) == date(2023, 7, 1)
    assert analytics.months_before(date(2024, 8, 31), 6) == date(2024, 2, 29)
    assert analytics.months_before(date(2023, 8, 31), 6) == date(2023, 2, 28)


def test_quota_progress_is_the_indicators_subset(engine):
    for f in (Filters(), Filters(jk=("P",)), Filters(tahun=(2024,)), Filters(kecamatan=(SINOA,))):
        v = query.indicators(engine, f)
        assert queries.quota_progress(engine, f) == {
            k: v[k] for k in ("kuota", "peserta", "persen_kuota")
        }
    # 6 of 1,444 = 0.4155 % → 0.4 %.
    assert queries.quota_progress(engine, Filters())["persen_kuota"] == 0.4
