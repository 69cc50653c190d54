"""/hasil aggregates (lib/views/outcomes.py over lib/semantic) on a hand-built dataset, on SQLite and PostgreSQL.

The scenario (dates chosen so that every month bucket and edge is hit) is spelled out in
:func:`scenario`; every expected number below is worked out by hand from it.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from lib.core import db
from lib.core.filters import Filters
from lib.semantic import measures, query
from lib.views import outcomes
from tests.builders import (
    BONTO_CINDE,
    BONTO_JAI,
    BONTO_TIRO,
    SINOA,
    TAPPANJENG,
    dataset,
)


@pytest.fixture
def engine(db_url):
    eng = db.get_engine(db_url)
    yield eng
    eng.dispose()


def scenario(url: str) -> None:
    """Classes A (GAR-01, 2022, ends 30 Apr 2022), B (GAR-02, 2023) and C (GAR-01, 2023), both
    ending 30 Apr 2023. Persons and their latest survey, months since their reference class ended:

    - Ani (Bonto Jai): A kompeten; belum_bekerja 15 Jun 2022, then bekerja 10 Jan 2023 → 8 months
      (7–12), income 500.000 → 2.000.000.
    - Budi (Tappanjeng): A kompeten and B; wirausaha 1 Jul 2022 on A → reference class B (later
      end), survey before B ended → 0 months (≤3); income 1.000.000 → 3.000.000.
    - Citra (Bonto Tiro): C, never surveyed → tidak terlacak.
    - Dedi (Bonto Jai): C belum kompeten; wirausaha 1 Jun 2024 → 13 months (>12); 1.500.000 after,
      no income before.
    - Eka (Bonto Cinde): C keluar → registered only.
    - Fajar (Tappanjeng): A; bekerja 30 May 2022, then melanjutkan pendidikan 31 Aug 2022 → 4 (4–6).
    - Gita (Bonto Jai): A kompeten; bekerja 15 Oct 2022 → 5 (4–6); 700.000 → 3.000.000.
    - Hadi (Bonto Tiro): A; bekerja 30 Apr 2023 → exactly 12 (7–12); 600.000 → 2.500.000.
    """
    with dataset(url) as d:
        a = d.kelas("GAR-01", tahun=2022)
        b = d.kelas("GAR-02", tahun=2023)
        c = d.kelas("GAR-01", tahun=2023)
        ani = d.person("Ani", desa=BONTO_JAI)
        e = d.enrol(ani, a, uji="kompeten")
        d.survey(e, date(2022, 6, 15), "belum_bekerja")
        d.survey(e, date(2023, 1, 10), "bekerja", pendapatan=2_000_000, sebelum=500_000)
        d.aid(ani, "kur", tanggal=date(2023, 2, 1), nilai=10_000_000, status="disetujui")
        d.aid(ani, "peralatan", tanggal=date(2023, 2, 1), nilai=2_000_000, status="disalurkan")
        budi = d.person("Budi", desa=TAPPANJENG, jk="L")
        e = d.enrol(budi, a, uji="kompeten")
        d.enrol(budi, b)
        d.survey(e, date(2022, 7, 1), "wirausaha", pendapatan=3_000_000, sebelum=1_000_000)
        d.aid(budi, "kur", tanggal=date(2023, 3, 1), nilai=25_000_000, status="disalurkan")
        d.aid(budi, "kur", tanggal=date(2023, 1, 1), nilai=5_000_000, status="ditolak")
        d.aid(budi, "modal_dusun_rw", tanggal=date(2023, 3, 1), nilai=3_000_000)
        citra = d.person("Citra", desa=BONTO_TIRO)
        d.enrol(citra, c)
        dedi = d.person("Dedi", desa=BONTO_JAI, jk="L")
        e = d.enrol(dedi, c, uji="belum_kompeten")
        d.survey(e, date(2024, 6, 1), "wirausaha", pendapatan=1_500_000)
        d.aid(dedi, "kur", tanggal=date(2024, 7, 1), nilai=15_000_000, status="diajukan")
        eka = d.person("Eka", desa=BONTO_CINDE)
        d.enrol(eka, c, "keluar")
        d.aid(eka, "peralatan", tanggal=date(2023, 5, 1), nilai=1_000_000, status="diajukan")
        fajar = d.person("Fajar", desa=TAPPANJENG, jk="L")
        e = d.enrol(fajar, a)
        d.survey(e, date(2022, 5, 30), "bekerja", pendapatan=1_000_000, sebelum=800_000)
        d.survey(e, date(2022, 8, 31), "melanjutkan_pendidikan")
        gita = d.person("Gita", desa=BONTO_JAI)
        e = d.enrol(gita, a, uji="kompeten")
        d.survey(e, date(2022, 10, 15), "bekerja", pendapatan=3_000_000, sebelum=700_000)
        hadi = d.person("Hadi", desa=BONTO_TIRO, jk="L")
        e = d.enrol(hadi, a)
        d.survey(e, date(2023, 4, 30), "bekerja", pendapatan=2_500_000, sebelum=600_000)


def rows(df, key, cols):
    return {r[key]: tuple(r[c] for c in cols) for r in df.to_dict("records")}


STATUS_COLS = ("bekerja", "wirausaha", "belum_bekerja", "melanjutkan_pendidikan", "tidak_terlacak")


def test_breakdowns_by_package_cohort_and_months(engine, db_url):
    scenario(db_url)
    out = outcomes.compute(engine, Filters())
    by_pkg = outcomes.status_table(out, "paket")
    cols = (*STATUS_COLS, "selesai", "persen_penempatan")
    assert rows(by_pkg, "paket_kode", cols) == {
        "GAR-01": (3, 2, 0, 1, 1, 7, 71.4),  # Ani Gita Hadi | Budi Dedi | – | Fajar | Citra
        "GAR-02": (0, 1, 0, 0, 0, 1, 100.0),  # Budi again (completed both packages)
    }
    assert list(by_pkg["paket_kode"]) == ["GAR-01", "GAR-02"]  # most completers first
    assert by_pkg["paket"].tolist() == ["Menjahit Pakaian Wanita", "Menjahit Pakaian Pria"]
    by_year = outcomes.status_table(out, "tahun")
    assert rows(by_year, "tahun", cols) == {
        2022: (3, 1, 0, 1, 0, 5, 80.0),  # Ani Gita Hadi, Budi, Fajar
        2023: (0, 2, 0, 0, 1, 3, 66.7),  # Budi Dedi, Citra
    }
    by_month = outcomes.status_table(out, "bulan")
    assert rows(by_month, "bulan", (*STATUS_COLS[:4], "selesai")) == {
        "le3": (0, 1, 0, 0, 1),  # Budi: reference class B, surveyed before it ended
        "4_6": (1, 0, 0, 1, 2),  # Gita, Fajar
        "7_12": (2, 0, 0, 0, 2),  # Ani, Hadi (exactly 12)
        "gt12": (0, 1, 0, 0, 1),  # Dedi (13)
    }
    assert list(by_month["bulan"]) == list(outcomes.MONTH_BUCKETS)


FILTERS = (
    Filters(),
    Filters(tahun=(2022,)),
    Filters(kecamatan=(SINOA,)),
    Filters(paket=("GAR-02",)),
    Filters(jk=("L",), tahun=(2023,)),
    Filters(desa=(BONTO_JAI,)),
)


def test_rows_equal_the_kpi_of_that_package_or_year(engine, db_url):
    """Each package (year) row is the kpi with that package (year) added to the filters; the
    month buckets add up to the traced completers; the aid figures equal the kpi's."""
    scenario(db_url)
    for f in FILTERS:
        kpi = query.indicators(engine, f)
        out = outcomes.compute(engine, f)
        for by, field in (("paket", "paket_kode"), ("tahun", "tahun")):
            for row in outcomes.status_table(out, by).to_dict("records"):
                narrowed = f.replace(**{by: (row[field],)})
                expected = query.indicators(engine, narrowed)
                for status in (*STATUS_COLS, "selesai", "persen_penempatan"):
                    assert row[status] == expected[status], (f, by, row[field], status)
        months = outcomes.status_table(out, "bulan")
        assert int(months["selesai"].sum()) == kpi["selesai"] - kpi["tidak_terlacak"], f
        pipeline = rows(outcomes.kur_pipeline(out.aid), "tahap", ("catatan", "nilai_rp"))
        assert pipeline["disetujui"] == (kpi["kur_disetujui"], kpi["kur_nilai_rp"]), f
        aid = outcomes.aid_status_table(out.aid)
        approved = aid[aid["status"].isin(measures.APPROVED_AID)]
        for kind in ("peralatan", "modal_dusun_rw"):
            assert int(approved[approved["jenis"] == kind]["catatan"].sum()) == kpi[kind], f


def test_filtered_year_changes_the_reference_class(engine, db_url):
    scenario(db_url)
    out = outcomes.compute(engine, Filters(tahun=(2022,)))
    by_month = outcomes.status_table(out, "bulan")
    # Budi's reference class is now A (ended 30 Apr 2022): surveyed 1 Jul 2022 → 2 months.
    assert rows(by_month, "bulan", ("wirausaha", "selesai"))["le3"] == (1, 1)
    by_pkg = outcomes.status_table(out, "paket")
    assert rows(by_pkg, "paket_kode", ("bekerja", "wirausaha", "melanjutkan_pendidikan")) == {
        "GAR-01": (3, 1, 1)
    }


def test_income_medians(engine, db_url):
    scenario(db_url)
    income = outcomes.compute(engine, Filters()).income
    got = {
        (r["status"], r["paket_kode"]): (
            None if pd.isna(r["sebelum"]) else r["sebelum"],
            r["sesudah"],
            r["n"],
        )
        for r in income.to_dict("records")
    }
    assert got == {
        ("bekerja", "GAR-01"): (600_000, 2_500_000, 3),  # Ani, Gita, Hadi
        ("bekerja", ""): (600_000, 2_500_000, 3),
        # Budi (1.000.000 → 3.000.000) and Dedi (– → 1.500.000): even count, mean of the middle two
        ("wirausaha", "GAR-01"): (1_000_000, 2_250_000, 2),
        ("wirausaha", "GAR-02"): (1_000_000, 3_000_000, 1),  # Budi
        ("wirausaha", ""): (1_000_000, 2_250_000, 2),
    }


def test_kur_pipeline_aid_and_funnel(engine, db_url):
    scenario(db_url)
    out = outcomes.compute(engine, Filters())
    assert rows(outcomes.kur_pipeline(out.aid), "tahap", ("catatan", "nilai_rp")) == {
        "diajukan": (4, 55_000_000),  # every KUR record was submitted
        "disetujui": (2, 35_000_000),  # Ani (disetujui) + Budi (disalurkan)
        "disalurkan": (1, 25_000_000),
        "ditolak": (1, 5_000_000),
    }
    aid = outcomes.aid_status_table(out.aid)
    got = {(r["jenis"], r["status"]): r["catatan"] for r in aid.to_dict("records") if r["catatan"]}
    assert got == {
        ("peralatan", "diajukan"): 1,  # Eka: dropped out, still a person in scope
        ("peralatan", "disalurkan"): 1,
        ("modal_dusun_rw", "disetujui"): 1,
    }
    assert len(aid) == 8  # every status shown, zeros included
    kpi = query.indicators(engine, Filters())
    funnel = outcomes.funnel(out)
    # Counts per stage; each rate is the stage's own declared measure (no rate over "pernah
    # terdaftar" for the placed: that was a second placement rate, 62,5% here).
    assert rows(funnel, "tahap", ("orang", "ukuran", "persen")) == {
        "terdaftar": (8, "", None),
        "selesai": (7, "persen_selesai", 87.5),  # 7 of the 8 ever enrolled (Eka left)
        "kompeten": (3, "persen_kompeten", 42.9),  # Ani, Budi, Gita of 7
        "bekerja_wirausaha": (5, "persen_penempatan", 71.4),  # 5 of 7
        "penerima_kur": (2, "", None),  # Ani, Budi (Dedi's is only submitted)
    }
    placed = funnel[funnel["ukuran"] == "persen_penempatan"]
    assert list(placed["persen"]) == [kpi["persen_penempatan"]]


def test_sinoa_only_and_empty_scope(engine, db_url):
    scenario(db_url)
    out = outcomes.compute(engine, Filters(kecamatan=(SINOA,)))
    by_pkg = outcomes.status_table(out, "paket")
    assert rows(by_pkg, "paket_kode", ("bekerja", "tidak_terlacak")) == {"GAR-01": (1, 1)}
    assert out.terdaftar == 2 and out.penerima_kur == 0
    empty = outcomes.compute(engine, Filters(paket=("GAR-03",)))
    assert outcomes.status_table(empty, "paket").empty
    assert outcomes.status_table(empty, "tahun").empty
    assert list(outcomes.status_table(empty, "bulan")["selesai"]) == [0, 0, 0, 0]
    assert empty.income.empty
    funnel = outcomes.funnel(empty)
    assert list(funnel["orang"]) == [0] * 5 and funnel["persen"].isna().all()


def test_chart_builders_make_valid_vega_lite(engine, db_url):
    """The charts of /hasil validate against the Vega-Lite schema (the dashboard's spec cache
    skips validation for speed, so it happens here)."""
    if not db_url.startswith("sqlite"):
        pytest.skip("the charts do not depend on the database")
    from lib.render import charts

    scenario(db_url)
    out = outcomes.compute(engine, Filters())
    built = [
        charts.funnel_chart(outcomes.funnel(out)),
        charts.kur_chart(outcomes.kur_pipeline(out.aid)),
        charts.income_chart(out.income, "bekerja", min_n=1),
        *[charts.status_chart(outcomes.status_table(out, by), by) for by in ("paket", "tahun", "bulan")],
    ]  # fmt: skip
    for chart in built:
        spec = charts.finish(chart, "id", "Judul", "Filter").to_dict()  # validates
        assert spec["config"]["locale"]["number"]["decimal"] == ","


def test_each_tab_computes_only_its_own_part(engine, db_url):
    """/hasil's tabs are lazy: a section asks ``compute`` for its parts only, and gets the same
    aggregates as the whole computation."""
    scenario(db_url)
    whole = outcomes.compute(engine, Filters())
    for section, parts in outcomes.SECTION_PARTS.items():
        part = outcomes.compute(engine, Filters(), parts)
        for name, field in (("stages", "stages"), ("paket", "by_paket"), ("tahun", "by_tahun"),
                            ("bulan", "by_bulan"), ("income", "income"), ("aid", "aid")):  # fmt: skip
            got, want = getattr(part, field), getattr(whole, field)
            if name in parts:
                assert (got == want) if isinstance(want, dict) else got.equals(want), section
            else:
                assert len(got) == 0, (section, name)
