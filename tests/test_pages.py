"""Ringkasan, Kuota, Paket and Glosarium through AppTest on the scale-1 demo.

The figures on the cards must equal the ``kpi`` command's for the same filters, formatted with
``lib.core.fmt``; filters come from the URL as a user's link would give them. Also: bad filter values,
English, the language and filter state across pages, the database messages, and the cache (a warm
rerun runs no page query; a cold one runs none twice).
"""

from __future__ import annotations

import json
import math
import re
import subprocess
import sys
from collections import Counter

import pytest
from sqlalchemy import event
from streamlit.testing.v1 import AppTest

from lib import cli
from lib.app import cache, nav, ui
from lib.core import db, fmt
from lib.core.i18n import t
from lib.semantic import analytics
from tests.builders import BONTO_JAI, dataset
from tests.conftest import ROOT

NIK_LIKE = re.compile(r"(?<![\d.,])\d{16}(?!\d)")
FILTER_SETS = (
    {},
    {"tahun": "2023"},
    {"kecamatan": "73.03.01", "jk": "P"},
    {"kejuruan": "Garmen", "tahun": "2022,2024"},
    {"desa": "7303021001"},  # plain village code, as a spreadsheet user may type it
)
IDS = ["semua", "2023", "bissappu-perempuan", "garmen-2022-2024", "desa-tappanjeng"]
MY_PAGES = ("ringkasan", "kuota", "paket", "glosarium")


def kpi_cli(url: str, params: dict, capsys) -> dict:
    """``python -m lib.cli kpi --json`` for URL-style parameters (run in-process)."""
    args = ["kpi", "--db", url, "--json"]
    for name, value in params.items():
        args += [f"--{name}", value]
    capsys.readouterr()
    assert cli.main(args) == 0
    return json.loads(capsys.readouterr().out)


def open_page(url: str, monkeypatch, page: str, params: dict | None = None) -> AppTest:
    """AppTest of the dashboard on ``url`` with ``params`` in the URL, switched to ``page``."""
    monkeypatch.setenv("DATABASE_URL", url)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    if page != "ringkasan":
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def cards(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def shown(key: str, v: dict) -> str:
    """How a card shows indicator ``key`` (the contract of ``ui.format_value``)."""
    if key.startswith("persen"):
        return fmt.pct(v[key])
    if key == "kur_nilai_rp":
        return fmt.rupiah_compact(v[key])
    return fmt.number(v[key])


def title(at: AppTest) -> str:
    return at.title[0].value


def as_read(markdown: str) -> str:
    """What a reader sees of ``markdown`` that holds escaped text (``fmt.md_text``): the backslash
    escapes resolved and the invisible word joiners left out."""
    return re.sub(r"\\(.)", r"\1", markdown).replace(fmt.WORD_JOINER, "")


def warnings(at: AppTest) -> list[str]:
    return [as_read(w.value) for w in at.warning]


def text_of(at: AppTest) -> str:
    return "\n".join(
        as_read(v)
        for v in [e.value for e in at.markdown]
        + [e.value for e in at.caption]
        + [e.value for e in at.warning]
        + [e.value for e in at.info]
        + [e.value for e in at.success]
    )


# --- the figures equal the kpi command's ---------------------------------------------------------


@pytest.mark.parametrize("params", FILTER_SETS, ids=IDS)
def test_ringkasan_cards_equal_the_kpi(demo_db_url, monkeypatch, capsys, params):
    v = kpi_cli(demo_db_url, params, capsys)
    at = open_page(demo_db_url, monkeypatch, "ringkasan", params)
    got = cards(at)
    # A filtered group's share of the quota is labelled as a share, never as the quota reached.
    share = "Porsi dari kuota kabupaten" if params else "Capaian kuota"
    expected = {
        "Peserta": shown("peserta", v),
        share: shown("persen_kuota", v),
        "Selesai": shown("selesai", v),
        "Kompeten": shown("kompeten", v),
        "Keterisian kelas": shown("persen_keterisian", v),
        "Paket berjalan": f"{fmt.number(v['paket_berjalan'])} dari {fmt.number(v['paket_total'])}",
        "Tingkat penempatan": shown("persen_penempatan", v),
        "KUR disetujui": shown("kur_disetujui", v),
        "Nilai KUR disetujui": shown("kur_nilai_rp", v),
    }
    assert {k: got[k] for k in expected} == expected
    assert ("Capaian kuota" in got) == (not params)
    assert all(m.help for m in at.metric)
    # The status headline is the whole programme's (the quota is regency-wide), whatever the
    # filters, and says so under a filter.
    whole = kpi_cli(demo_db_url, {}, capsys)
    headline = at.error[0].value
    assert headline.startswith("**Kuota terancam terlambat: kurang ")
    assert f"{fmt.number(whole['peserta'])} dari {fmt.number(whole['kuota'])} orang" in headline
    assert ("seluruh kabupaten" in headline) == bool(params)


@pytest.mark.parametrize("params", FILTER_SETS[:3], ids=IDS[:3])
def test_kuota_cards_equal_the_kpi(demo_db_url, monkeypatch, capsys, params):
    v = kpi_cli(demo_db_url, params, capsys)
    whole = kpi_cli(demo_db_url, {}, capsys)
    at = open_page(demo_db_url, monkeypatch, "kuota", params)
    got = cards(at)
    seats = max(0, whole["kuota"] - whole["peserta"])
    assert got["Peserta"] == shown("peserta", v)
    # As on /: under a filter the group's share of the quota, labelled as a share.
    share = "Porsi dari kuota kabupaten" if params else "Capaian kuota"
    assert got[share] == shown("persen_kuota", v)
    assert ("Capaian kuota" in got) == (not params)
    assert got["Sisa kursi"] == fmt.number(seats)
    assert got["Sisa kelas @16 orang"] == fmt.number(math.ceil(seats / 16))
    # The per-year table's classes add up to the kpi's classes (years partition the classes).
    years = at.dataframe[0].value
    assert int(years["Kelas"].sum()) == v["kelas"]
    # The kecamatan table's participants add up to the kpi's (a person lives in one village).
    kec = at.dataframe[1].value
    assert int(kec["Peserta"].sum()) == v["peserta"]


@pytest.mark.parametrize("params", FILTER_SETS[::2], ids=IDS[::2])
def test_paket_cards_and_table_equal_the_kpi(demo_db_url, monkeypatch, capsys, params):
    v = kpi_cli(demo_db_url, params, capsys)
    at = open_page(demo_db_url, monkeypatch, "paket", params)
    got = cards(at)
    assert got["Paket berjalan"] == (
        f"{fmt.number(v['paket_berjalan'])} dari {fmt.number(v['paket_total'])}"
    )
    assert got["Kelas"] == shown("kelas", v)
    assert got[ui.indicator_label("kursi")] == shown("kursi", v)
    assert got["Keterisian kelas"] == shown("persen_keterisian", v)
    table = at.dataframe[0].value
    assert int(table["Kelas"].sum()) == v["kelas"]
    assert int(table["Terdaftar"].sum()) == v["terisi"]
    assert int((table["Kelas"] > 0).sum()) == v["paket_berjalan"]
    never = at.dataframe[1].value if len(at.dataframe) > 1 else None
    n_never = 0 if never is None else len(never)
    assert n_never == len(table) - v["paket_berjalan"]


def test_one_package_row_equals_the_kpi_command_run_as_a_process(demo_db_url, monkeypatch):
    out = subprocess.run(
        [sys.executable, "-m", "lib.cli", "kpi", "--db", demo_db_url, "--json", "--paket", "GAR-03"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    v = json.loads(out.stdout)
    at = open_page(demo_db_url, monkeypatch, "paket")
    row = at.dataframe[0].value.set_index("Kode").loc["GAR-03"]
    kursi = t("paket.col.kursi")  # the column label of the catalogue, as the page shows it
    assert (row["Kelas"], row[kursi], row["Terdaftar"], row["Peserta"]) == (
        v["kelas"], v["kursi"], v["terisi"], v["peserta"]
    )  # fmt: skip
    assert row["Keterisian %"] == v["persen_keterisian"]
    assert row["Penempatan %"] == v["persen_penempatan"]


# --- every page, header, glossary ----------------------------------------------------------------


@pytest.mark.parametrize("spec", nav.enabled_pages(), ids=lambda s: s.key)
def test_every_page_states_filters_date_and_demo(demo_db_url, monkeypatch, spec):
    params = {"kecamatan": "73.03.02", "tahun": "2024"}
    at = open_page(demo_db_url, monkeypatch, spec.file.removesuffix(".py"), params)
    text = text_of(at)
    assert "Filter aktif: Kecamatan Bantaeng · Tahun 2024" in text
    assert "Data per 31 Januari 2025" in text
    assert any(w.value.startswith("DATA DEMO") for w in at.warning)
    assert params.items() <= dict(at.query_params).items()  # pages may add their own parameters
    if spec.key in MY_PAGES:
        assert dict(at.query_params) == params
        assert not NIK_LIKE.search(text)


def test_glossary_lists_every_definition(demo_db_url, monkeypatch):
    from lib.core.i18n import t
    from lib.semantic.measures import REGISTRY

    at = open_page(demo_db_url, monkeypatch, "glosarium")
    text = text_of(at)
    for m in REGISTRY:
        assert f"**{m.label}** · `{m.key}`" in text and m.definition_for("id") in text
    assert "1.444" in text  # definitions quote the programme settings
    assert t("glos.scope_note") in text


# --- URL, notices, language ----------------------------------------------------------------------


def test_a_repeated_url_parameter_is_merged_not_cut_to_its_last_value(demo_db_url, monkeypatch):
    at = open_page(demo_db_url, monkeypatch, "paket", {"tahun": ["2022", "2023"], "jk": ["P", "X"]})
    assert "Filter aktif: Tahun 2022, 2023 · Perempuan" in text_of(at)
    assert "Filter jenis kelamin “X” tidak dikenal dan diabaikan." in warnings(at)
    assert dict(at.query_params) == {"tahun": "2022,2023", "jk": "P"}  # written back as one


def test_unknown_filter_values_give_a_notice_not_an_error(demo_db_url, monkeypatch):
    at = open_page(
        demo_db_url, monkeypatch, "paket", {"tahun": "1999,2023", "kecamatan": "99.99", "jk": "X"}
    )
    notices = warnings(at)
    assert "Filter tahun “1999” tidak dikenal dan diabaikan." in notices
    assert "Filter kecamatan “99.99” tidak dikenal dan diabaikan." in notices
    assert "Filter jenis kelamin “X” tidak dikenal dan diabaikan." in notices
    assert dict(at.query_params) == {"tahun": "2023"}  # the URL keeps only what was understood
    assert "Filter aktif: Tahun 2023" in text_of(at)


def test_english_everywhere(demo_db_url, monkeypatch, capsys):
    v = kpi_cli(demo_db_url, {"jk": "L"}, capsys)
    at = open_page(demo_db_url, monkeypatch, "ringkasan", {"lang": "en", "jk": "L", "tahun": "x"})
    assert title(at) == "Overview"
    assert cards(at)["Participants"] == fmt.number(v["peserta"], lang="en")
    assert "Active filters: Male" in text_of(at)
    assert "Filter year “x” is not known and was ignored." in warnings(at)
    at.switch_page("app_pages/kuota.py").run()
    assert title(at) == "Quota & progress"
    assert dict(at.query_params) == {"jk": "L", "lang": "en"}
    # Back to Indonesian with the selector: the gender filter survives the label change.
    at.radio(key="f_lang").set_value("id").run()
    assert title(at) == "Kuota & Kemajuan"
    assert at.multiselect(key="f_jk").value == ["L"]
    assert dict(at.query_params) == {"jk": "L"}


def test_widgets_write_the_url_and_survive_page_switches(demo_db_url, monkeypatch):
    at = open_page(demo_db_url, monkeypatch, "ringkasan")
    at.multiselect(key="f_kecamatan").set_value(["73.03.01"]).run()
    at.multiselect(key="f_desa").set_value(["73.03.01.2008"]).run()
    assert dict(at.query_params) == {"kecamatan": "73.03.01", "desa": "73.03.01.2008"}
    at.switch_page("app_pages/paket.py").run()
    assert "Kecamatan Bissappu · Desa/Kel. Bonto Jai" in text_of(at)
    # Choosing another kecamatan drops the village that is not in it.
    at.multiselect(key="f_kecamatan").set_value(["73.03.02"]).run()
    assert dict(at.query_params) == {"kecamatan": "73.03.02"}
    at.button(key="f_reset").click().run()
    assert dict(at.query_params) == {}
    assert "Seluruh kabupaten, semua tahun dan paket" in text_of(at)


# --- database messages ---------------------------------------------------------------------------


def test_unreachable_database_is_a_plain_message(monkeypatch):
    at = open_page("postgresql+psycopg://nobody@127.0.0.1:9/none", monkeypatch, "ringkasan")
    assert [e.value for e in at.error][0].startswith("Basis data tidak dapat dihubungi.")
    assert not at.metric


def test_empty_database_is_a_plain_message(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'kosong.db'}"
    analytics.ensure_ready(url)  # schema and reference data, no registry and no class
    at = open_page(url, monkeypatch, "ringkasan")
    assert [w.value for w in at.warning][0].startswith("Basis data masih kosong")
    assert not at.metric and not at.title
    # The operators' page, where the first import happens, still opens.
    at.switch_page("app_pages/data.py").run()
    assert not at.exception
    assert title(at) == "Data & Impor"


# --- caching -------------------------------------------------------------------------------------


def test_queries_run_once_per_rerun_and_not_again_when_warm(demo_db_url, monkeypatch):
    engine = db.get_engine(demo_db_url)
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        seen.append(f"{statement} {parameters!r}")

    cache.clear()
    event.listen(engine, "before_cursor_execute", record)
    try:
        at = open_page(demo_db_url, monkeypatch, "ringkasan", {"tahun": "2022"})
        cold = [s for s in seen if "FROM meta" not in s]
        assert cold, "the page ran no query at all"
        assert [s for s, n in Counter(cold).items() if n > 1] == []
        seen.clear()
        at.run()  # same filters, same data version
        assert [s for s in seen if "FROM meta" not in s] == []
    finally:
        event.remove(engine, "before_cursor_execute", record)


def test_an_import_invalidates_the_cache(tmp_path, monkeypatch):
    """Cached figures are keyed on the data version: new rows without a version bump stay unseen
    (proof that the cache served them), with a bump they show."""
    from datetime import date

    from tests.builders import Dataset, dataset

    url = f"sqlite:///{tmp_path / 'kecil.db'}"
    analytics.ensure_ready(url)
    with dataset(url) as d:
        kelas = d.kelas("GAR-01", tahun=2022)
        d.enrol(d.person("Ani"), kelas, "selesai")
        bambang = d.person("Bambang", jk="L", lahir=date(1990, 1, 1))
    at = open_page(url, monkeypatch, "ringkasan")
    assert cards(at)["Peserta"] == "1"
    with db.get_engine(url).begin() as conn:
        Dataset(conn).enrol(bambang, kelas, "aktif")  # written without a refresh
    at.run()
    assert cards(at)["Peserta"] == "1"  # same data version: served from the cache
    with db.get_engine(url).begin() as conn:
        analytics.refresh(conn)  # what every import does: bump the version, rebuild
    at.run()
    assert cards(at)["Peserta"] == "2"
    db.get_engine(url).dispose()


def test_a_long_list_shows_its_head_and_says_the_downloads_hold_every_row(demo_db_url, monkeypatch):
    """A person list of a large regency would exceed what a styled grid can draw: the grid shows
    its first rows (in the list's order of priority), a caption says so."""
    from lib.app import ui

    monkeypatch.setattr(ui, "GRID_ROWS", 40)
    at = open_page(demo_db_url, monkeypatch, "rencana")
    at.session_state["rencana_tab"] = t("rencana.tab.desa")  # 67 villages (the tabs are lazy)
    at.run()
    heads = [c.value for c in at.caption if "baris pertama" in c.value]
    assert heads, "no caption for a cut list"
    total = int(re.search(r"dari ([\d.]+)", heads[0]).group(1).replace(".", ""))
    assert total > 40
    assert "unduhan CSV/XLSX memuat semua baris" in heads[0]
    assert max(len(df.value) for df in at.dataframe) == 40


def test_a_database_recreated_at_the_same_url_is_not_served_from_the_cache(tmp_path, monkeypatch):
    """The data version restarts in a database recreated at the same URL; the caches are keyed by
    the database's own id as well, so a running server shows the new database's figures."""
    path = tmp_path / "pantau.db"
    url = f"sqlite:///{path}"
    shown = []
    for n in (6, 7):
        path.unlink(missing_ok=True)
        db.get_engine(url).dispose()  # as a new connection would: the file is a new one
        analytics.ensure_ready(url)
        with dataset(url) as d:
            kelas = d.kelas("GAR-01", tahun=2023)
            for i in range(n):
                d.enrol(d.person(f"Peserta {i}", desa=BONTO_JAI), kelas)
        shown.append(
            (
                db.data_version(db.get_engine(url)),
                cards(open_page(url, monkeypatch, "ringkasan"))["Peserta"],
            )
        )
    assert shown[0][0] == shown[1][0]  # the same data version in both databases
    assert [figure for _, figure in shown] == ["6", "7"]
