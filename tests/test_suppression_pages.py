"""Small counts on the pages a leadership role sees: the cards, the one table renderer, the charts
and the downloads get the registry's policies through ``lib.semantic.guard``; an admin sees exact
figures. Hand-built data whose every cell is small."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pytest

from lib.app import cache
from lib.core import db
from lib.core.filters import Filters
from lib.render import maps
from lib.semantic import analytics, guard, measures, query
from lib.views import privacy
from tests.builders import BONTO_CINDE, BONTO_JAI, BONTO_TIRO, TAPPANJENG, dataset, small_cells
from tests.test_access import app, every_tab, logged_in, open_path
from tests.test_pages_peta_hasil import vega_datasets

SMALL = re.compile(r"^[1-4]$")
# Cards of counts of persons or records (classes, seats and packages are not suppressed).
PERSON_LABELS = {m.label for m in measures.REGISTRY if m.policy != "none"}


@pytest.fixture(scope="module")
def small_db(tmp_path_factory):
    """Two packages with 3 and 9 participants; 2 completers placed in GAR-01; one KUR."""
    url = f"sqlite:///{tmp_path_factory.mktemp('kecil') / 'pantau.db'}"
    analytics.ensure_ready(url)
    return small_cells(url)


def test_guard_policies_come_from_the_registry():
    frame = pd.DataFrame(
        {
            "paket": ["X", "Y"],
            "peserta": [3, 9],
            "selesai": [3, 0],
            "persen_penempatan": [66.7, None],
        }
    )
    out, hidden = guard.frame(frame, 5)
    assert hidden
    assert out.loc[0, "peserta"] == "<5" and out.loc[1, "peserta"] != "<5"
    assert out.loc[0, "persen_penempatan"] == "–"  # its base (selesai = 3) is small
    assert guard.value("kur_nilai_rp", {"kur_nilai_rp": 8_500_000, "kur_disetujui": 1}, 5) == "–"
    assert guard.value("peserta", {"peserta": 0}, 5) == 0  # zero is shown as 0


def test_leadership_sees_no_small_count_and_admin_sees_exact_figures(small_db, monkeypatch):
    exact = query.indicators(db.get_engine(small_db), Filters(paket=("GAR-01",)))
    assert exact["peserta"] == 3 and exact["bekerja"] == 2  # the cells below must be hidden
    cache.clear()
    for path in ("", "paket", "hasil", "kuota"):
        at = open_path(app(small_db, monkeypatch, logged_in("bupati@bantaeng.go.id"),
                           params={"paket": "GAR-01"}), path)  # fmt: skip
        cards = {m.label: m.value for m in at.metric}
        people = {k: v for k, v in cards.items() if k in PERSON_LABELS}
        assert cards and not [v for v in people.values() if SMALL.match(str(v))], (path, cards)
        for df in at.dataframe:
            for col in df.value.columns:
                values = [v for v in df.value[col] if isinstance(v, int | float) and not pd.isna(v)]
                assert not [v for v in values if 1 <= v <= 4 and float(v).is_integer()
                            and not col.startswith(("Tahun", "Kelas"))], (path, col, values)  # fmt: skip
    at = open_path(
        app(small_db, monkeypatch, logged_in("admin@bantaeng.go.id"), params={"paket": "GAR-01"}),
        "",
    )
    assert {m.label: m.value for m in at.metric}["Peserta"] == "3"


# --- /, /rencana and /peta: sentences, lists, the map, and totals across a page -----------------

# (the pace of the whole programme, "1 orang per bulan", is a plan figure, not a group)
SMALL_IN_TEXT = re.compile(
    r"(?<![\d.,<×/])\b[1-4]\b(?![\d.,%])\s*(?:peserta|alumni|orang(?! per bulan)|catatan|pengajuan|survei)"
)
# Columns and cards whose 1–4 is not a count of persons or records (ranks, classes, seats, weights).
NOT_PERSONS = ("Peringkat", "Tahun", "Kelas", "Kursi", "Bobot", "Jumlah desa", "Bulan")
HIDDEN_RGB = [*maps.HIDDEN, 255]


@pytest.fixture
def tiny_db(db_url):
    """Small groups everywhere, on SQLite and PostgreSQL (data date 30 June 2024).

    Bissappu: 3 completers of GAR-01 in Bonto Jai (2 traced as employed with income, 1 never
    traced, overdue), one KUR approved and one pending, one hamlet capital aid; Bonto Cinde has 3 eligible residents and
    nobody trained. Bantaeng: 6 active OTO-01 participants in Tappanjeng and 2 registered in a
    class starting in July 2024 (2 of 16 seats). Sinoa: 20 eligible residents, nobody trained.
    So the kecamatan peserta are 3 (hidden) and 8 (hidden so that 3 cannot be worked out from the
    regency's 11), and Tappanjeng's 8 must be hidden in the village list and on the map too.
    """
    with dataset(db_url) as d:
        d.data_date(date(2024, 6, 30))
        a = d.kelas("GAR-01", tahun=2023)
        b = d.kelas("OTO-01", tahun=2024, mulai=date(2024, 3, 1), selesai=date(2024, 8, 30))
        c = d.kelas("GAR-02", tahun=2024, mulai=date(2024, 7, 1), selesai=date(2024, 8, 30))
        for i in range(3):
            person = d.person(f"A{i}", desa=BONTO_JAI, dusun="Dusun Satu", rw="01")
            e = d.enrol(person, a, "selesai", uji="kompeten")
            if i < 2:
                d.survey(e, date(2023, 9, 1), "bekerja", pendapatan=2_000_000, sebelum=1_000_000)
            if i == 0:  # left out of the capital-aid priority ("1 alumni ... tidak dimasukkan")
                d.aid(person, "modal_dusun_rw", tanggal=date(2023, 11, 1), nilai=3_000_000)
        d.aid(person, "kur", tanggal=date(2023, 10, 1), nilai=8_500_000)
        d.aid(person, "kur", tanggal=date(2024, 5, 1), nilai=5_000_000, status="diajukan")
        for i in range(6):
            d.enrol(d.person(f"B{i}", desa=TAPPANJENG), b, "aktif")
        for i in range(2):
            d.enrol(d.person(f"C{i}", desa=TAPPANJENG), c, "terdaftar")
        for i in range(10):
            d.person(f"R{i}", desa=BONTO_JAI)
            d.person(f"T{i}", desa=TAPPANJENG)
        for i in range(3):
            d.person(f"D{i}", desa=BONTO_CINDE)
        for i in range(20):
            d.person(f"S{i}", desa=BONTO_TIRO)
    analytics.ensure_ready(db_url)
    cache.clear()
    return db_url


def _texts(at) -> list[str]:
    out = []
    for kind in ("markdown", "warning", "info", "success", "caption", "text", "error"):
        out += [str(e.value) for e in getattr(at, kind)]
    return out


def _village_layer(at) -> list[dict]:
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    layer = next(x for x in deck["layers"] if x["id"] == "desa")
    data = layer["data"]
    if isinstance(data, dict):  # choropleth: the records are the features' properties
        return [f["properties"] for f in data["features"]]
    return data


def _small_cells(at) -> list:
    found = []
    for df in at.dataframe:
        for col in df.value.columns:
            if str(col).startswith(NOT_PERSONS):
                continue
            for v in df.value[col]:
                number = isinstance(v, int | float) and not pd.isna(v)
                if number and 1 <= v <= 4 and float(v).is_integer():
                    found.append((col, v))
    return found


def _small_cards(at) -> list:
    return [
        (m.label, m.value)
        for m in at.metric
        if not m.label.startswith(NOT_PERSONS)
        and m.label not in NONE_LABELS
        and SMALL.match(str(m.value).strip())
    ]


NONE_LABELS = {m.label for m in measures.REGISTRY if m.policy == "none"}


@pytest.mark.parametrize("email", ["bupati@bantaeng.go.id", "camat@bantaeng.go.id"])
def test_leadership_sentences_lists_and_map_hide_small_groups(tiny_db, monkeypatch, email):
    who = logged_in(email)
    # / : the cards, the alerts and their items, the share-of-quota note
    at = open_path(app(tiny_db, monkeypatch, who), "")
    texts = _texts(at)
    assert not [t for t in texts if SMALL_IN_TEXT.search(t)], texts
    assert not _small_cards(at), _small_cards(at)
    telusur = next(t for t in texts if "belum pernah ditelusuri" in t)
    assert "**<5 alumni** dari <5 peserta selesai" in telusur and "<5 di antaranya" in telusur
    links = [e.proto.label.replace("\\", "") for e in at.get("page_link")]
    items = " ".join(texts + links)
    assert not [x for x in links if re.search(r": [1-4]$", x)], links
    if email.startswith("bupati"):
        assert "(GAR-02-2024-003): <5/16" in items, items  # seats filled of a small class
    assert re.search(r"Bonto Cinde, Bissappu: <5", items), items  # 3 eligible residents
    # a filter narrowing to a small group: the sentence keeps its words, not the figure
    at = open_path(app(tiny_db, monkeypatch, who, params={"desa": BONTO_JAI}), "")
    texts = _texts(at)
    note = next(t for t in texts if t.startswith("Porsi dari kuota kabupaten"))
    assert "<5 peserta dari wilayah ini" in note and "–" in note, note
    assert not [t for t in texts if SMALL_IN_TEXT.search(t)], texts
    assert not _small_cards(at), _small_cards(at)

    # /rencana: every list and card
    at = every_tab(open_path(app(tiny_db, monkeypatch, who), "rencana"), "rencana_tab")
    assert not _small_cells(at), _small_cells(at)
    assert not _small_cards(at), _small_cards(at)
    assert not [t for t in _texts(at) if SMALL_IN_TEXT.search(t)], _texts(at)
    paket = next(df.value for df in at.dataframe if "Paket" in df.value.columns)
    gar = paket[paket["Kelas"] == 1].iloc[0]  # GAR-01: 3 participants
    # (the fill rate counts seats, not persons: its interval stays)
    interval_cols = [
        c for c in paket.columns if str(c).startswith("Selang") and "keterisian" not in str(c)
    ]
    assert interval_cols and all(gar[c] == "–" for c in interval_cols), gar.to_dict()
    need = next(df.value for df in at.dataframe if "Desa/kelurahan" in df.value.columns)
    jai = need[need["Desa/kelurahan"] == "Bonto Jai"].iloc[0]
    gap = "Belum terlayani"
    assert jai["Peserta"] == "<5" and jai[gap] == "×", jai.to_dict()  # 13 − 10 would give 3
    if email.startswith("bupati"):  # Bantaeng's 8 is hidden in the kecamatan list above it
        tap = need[need["Desa/kelurahan"] == "Tappanjeng"].iloc[0]
        assert tap["Peserta"] == "×", tap.to_dict()
    kur = next(df.value for df in at.dataframe if "Nilai" in df.value.columns)
    assert set(kur["Nilai"]) <= {"–", 0, "0"}, kur  # money of 1 record each

    # /peta: tooltips, colours and the legend
    at = open_path(app(tiny_db, monkeypatch, who), "peta")
    assert not _small_cells(at) and not _small_cards(at), (_small_cells(at), _small_cards(at))
    records = {r["kode"]: r for r in _village_layer(at)}
    assert records[BONTO_JAI]["warna"] == HIDDEN_RGB and records[BONTO_JAI]["nilai"] == "–"
    assert not [r for r in records.values() if SMALL.match(str(r["nilai"]).strip("< "))
                and not str(r["nilai"]).startswith("<")]  # fmt: skip
    if email.startswith("bupati"):
        # Bantaeng's 8 is hidden in the kecamatan table (else 11 − 8 gives Bissappu's 3): its one
        # village must not show it in the village table or colour the map by it.
        assert records[TAPPANJENG]["warna"] == HIDDEN_RGB, records[TAPPANJENG]
        villages = at.dataframe[-1].value
        row = villages[villages["Desa/kelurahan"].str.contains("Tappanjeng")].iloc[0]
        assert row["Peserta"] == "×", row.to_dict()
    assert any("peta-legenda-tersembunyi" in str(h.proto.body) for h in at.get("html"))


def test_admin_sees_exact_figures_on_the_same_pages(tiny_db, monkeypatch):
    who = logged_in("admin@bantaeng.go.id")
    at = open_path(app(tiny_db, monkeypatch, who), "")
    telusur = next(t for t in _texts(at) if "belum pernah ditelusuri" in t)
    assert "**1 alumni** dari 3 peserta selesai" in telusur, telusur
    at = every_tab(open_path(app(tiny_db, monkeypatch, who), "rencana"), "rencana_tab")
    assert ("Peserta", 3) in _small_cells(at) or any(
        3 in list(df.value.get("Peserta", [])) for df in at.dataframe
    )
    at = open_path(app(tiny_db, monkeypatch, who), "peta")
    records = {r["kode"]: r for r in _village_layer(at)}
    assert records[BONTO_JAI]["warna"] != HIDDEN_RGB and records[BONTO_JAI]["nilai"] != "–"
    assert records[TAPPANJENG]["warna"] != HIDDEN_RGB
    assert not any("peta-legenda-tersembunyi" in str(h.proto.body) for h in at.get("html"))


def test_a_kecamatan_hidden_to_protect_another_hides_one_of_its_villages():
    """The kecamatan table hides Bantaeng's 8 so that Bissappu's 3 cannot be worked out from the
    regency total; the village table must then hide Tappanjeng's 8 too (its only village)."""
    kec = pd.DataFrame({"kode": ["K1", "K2", "K3"], "peserta": [3, 8, 0]})
    vil = pd.DataFrame({"kec": ["K1", "K1", "K2", "K2", "K3"], "peserta": [3, 0, 8, 0, 0]})
    cols = {"peserta": "peserta"}
    forced = privacy.nested_forced(
        kec, vil, outer_key="kode", inner_key="kec", outer_columns=cols, inner_columns=cols,
        threshold=5,
    )  # fmt: skip
    assert forced == [(2, "peserta")]
    mask = privacy.village_mask(vil, cols, 5, group_by="kec", forced=forced)
    assert list(mask["peserta"]) == [True, False, True, False, False]
    # without the kecamatan table there is nothing to force
    assert privacy.nested_forced(
        kec.assign(peserta=[10, 8, 0]), vil.assign(peserta=[10, 0, 8, 0, 0]), outer_key="kode",
        inner_key="kec", outer_columns=cols, inner_columns=cols, threshold=5,
    ) == []  # fmt: skip


def test_unmet_need_beside_eligible_residents_does_not_give_participants_away():
    frame = pd.DataFrame(
        {"sasaran": [13, 40], "peserta": [3, 20], "kebutuhan_belum_terlayani": [10, 20]}
    )
    out, hidden = guard.frame(frame, 5)
    assert hidden and out.loc[0, "peserta"] == "<5"
    assert out.loc[0, "kebutuhan_belum_terlayani"] == "×"  # 13 − 10 would be 3
    assert out.loc[1, "peserta"] != "<5"


def test_every_rencana_column_has_a_measure():
    """Each count, rate or money column of the /rencana lists resolves to a registry measure
    whose base (for a rate, median or money sum) is a column of the same list."""
    for key in ("pernah_terdaftar", "persen_selesai_n", "persen_penempatan_n", "selang_selesai",
                "median_perubahan_pendapatan", "perubahan_pendapatan_n", "kurang_dari_bagian_wajar",
                "alumni", "belum_dibantu", "prioritas", "skor_rata", "hari_terlambat_maks",
                "penerima", "catatan", "nilai_rp"):  # fmt: skip
        assert guard.measure_of(key) is not None, key
    rules = guard.policies(
        {
            c: c
            for c in (
                "persen_penempatan_n",
                "persen_kompeten",
                "selang_kompeten",
                "perubahan_pendapatan_n",
                "median_perubahan_pendapatan",
            )
        }  # fmt: skip
    )
    assert rules["selang_kompeten"] == "rate:persen_penempatan_n"
    assert rules["median_perubahan_pendapatan"] == "median:perubahan_pendapatan_n"


def test_kuota_share_of_a_hidden_kecamatan_is_hidden(tiny_db, monkeypatch):
    """/kuota lists each kecamatan's share of the participants in scope: beside the total on the
    same page a share of a hidden count would give it back (3 of 11 = 27,3%)."""
    at = open_path(app(tiny_db, monkeypatch, logged_in("bupati@bantaeng.go.id")), "kuota")
    kec = next(df.value for df in at.dataframe if "Bagian dari peserta" in df.value.columns)
    for _, row in kec.iterrows():
        if row["Peserta"] in ("<5", "×"):
            assert row["Bagian dari peserta"] == "–", row.to_dict()
    assert set(kec["Peserta"]) >= {"<5", "×"}, kec
    assert not _small_cells(at), _small_cells(at)


def test_completers_beside_their_statuses_hide_a_second_status():
    frame = pd.DataFrame(
        {
            "selesai": [20, 30],
            "bekerja": [3, 10],
            "wirausaha": [7, 10],
            "belum_bekerja": [5, 5],
            "melanjutkan_pendidikan": [0, 0],
            "tidak_terlacak": [5, 5],
        }
    )
    out, _ = guard.frame(frame, 5)
    assert out.loc[0, "bekerja"] == "<5"
    # 20 − 7 − 5 − 0 − 5 would give 3: one more status of that row is hidden
    assert sum(v == "×" for v in out.loc[0, ["wirausaha", "belum_bekerja", "tidak_terlacak"]]) >= 1


def test_paket_heatmap_hides_a_second_year_of_a_package_whose_total_the_table_shows(
    db_url, monkeypatch
):
    """OTO-01 has 3 participants in 2023 and 6 in 2024: the package table shows its 9, so the
    heatmap hides the 6 as well (else 9 − 6 = 3)."""
    with dataset(db_url) as d:
        d.data_date(date(2024, 6, 30))
        a = d.kelas("OTO-01", tahun=2023)
        b = d.kelas("OTO-01", tahun=2024)
        for i in range(3):
            d.enrol(d.person(f"A{i}", desa=BONTO_JAI), a, "selesai")
        for i in range(6):
            d.enrol(d.person(f"B{i}", desa=TAPPANJENG), b, "aktif")
        c = d.kelas("GAR-01", tahun=2024)
        for i in range(5):  # the smallest shown cell: what hiding across all packages would pick
            d.enrol(d.person(f"C{i}", desa=TAPPANJENG), c, "aktif")
    analytics.ensure_ready(db_url)
    cache.clear()
    at = open_path(app(db_url, monkeypatch, logged_in("bupati@bantaeng.go.id")), "paket")
    table = next(df.value for df in at.dataframe if "Peserta" in df.value.columns)
    assert 9 in set(pd.to_numeric(table["Peserta"], errors="coerce")), table
    heat = next(d for d in vega_datasets(at) if {"paket", "tahun", "peserta"} <= set(d.columns))
    oto = heat[heat["paket"] == "OTO-01"]
    assert oto["peserta"].isna().all(), oto  # 3 (small) and 6 (would give the 3 back)
    gar = heat[heat["paket"] == "GAR-01"]
    assert list(gar["peserta"]) == [5], gar


def test_hasil_funnel_rates_over_hidden_counts_are_hidden(small_db, monkeypatch):
    """The funnel table is in long form: each rate's base is another row, which column policies
    cannot see. Under GAR-01 every stage is small (3 enrolled, 2 placed), so no rate is shown to a
    pimpinan (a rate over a shown count of 3 would give its numerator back), while an admin sees
    each stage's rate as the semantic layer gives it."""
    cache.clear()
    rates = {}
    for email in ("bupati@bantaeng.go.id", "admin@bantaeng.go.id"):
        at = open_path(app(small_db, monkeypatch, logged_in(email), params={"paket": "GAR-01"}),
                       "hasil")  # fmt: skip
        funnel = at.dataframe[0].value
        stage, orang, persen = funnel.columns[0], funnel.columns[1], funnel.columns[3]
        rates[email] = dict(zip(funnel[stage], funnel[persen], strict=True))
        if email.startswith("bupati"):
            assert set(funnel[orang]) <= {"<5", 0}, funnel
    assert all(pd.isna(v) for v in rates["bupati@bantaeng.go.id"].values())
    keys = ("persen_selesai", "persen_kompeten")
    exact = query.values(db.get_engine(small_db), keys, Filters(paket=("GAR-01",)))
    for stage, key in (("Selesai", "persen_selesai"), ("Kompeten", "persen_kompeten")):
        assert exact[key] > 0
        assert rates["admin@bantaeng.go.id"][stage] == pytest.approx(exact[key])


def test_funnel_chart_of_hidden_stages_writes_no_nan(small_db):
    """A hidden count reaches a chart as a missing number: labelled with the page's marker ('<5')
    at zero, or '–' without one, never 'NaN'."""
    from lib.render import charts
    from lib.views import outcomes

    out = outcomes.compute(db.get_engine(small_db), Filters(paket=("GAR-01",)))
    shown, hidden = guard.numeric(outcomes.funnel(out, 5), 5)
    assert hidden and shown["orang"].isna().any()
    for marker in (None, "<5"):
        spec = charts.funnel_chart(shown, hidden=marker).to_dict()
        labels = [row["label"] for data in spec["datasets"].values() for row in data]
        assert labels and not [x for x in labels if "NaN" in x], labels
        assert ("<5" in labels) == (marker is not None), labels
