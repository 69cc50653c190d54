"""/peta and /hasil through AppTest on the scale-1 demo: figures equal the kpi, the map's layers,
the village table's scope, caching, and no NIK on screen. One browser test clicks a village."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from sqlalchemy import event
from streamlit.testing.v1 import AppTest

from lib.app import cache, ui
from lib.core import db
from lib.core.filters import Filters
from lib.semantic import measures, query
from lib.views import villages
from tests.conftest import ROOT, SHARED_BOUNDARIES
from tests.test_pages import as_read

NIK_LIKE = re.compile(r"(?<![\d.,])\d{16}(?!\d)")  # not the decimals of a float
TINGGI = "73.03.04"  # Tompo Bulu: 10 villages
FILTER_SETS = (
    {},
    {"kecamatan": [TINGGI]},
    {"tahun": [2023], "jk": ["P"]},
    {"kejuruan": ["Garmen"], "kecamatan": ["73.03.02"]},
)


def open_page(url: str, monkeypatch, page: str, boundaries: str = "", before=None) -> AppTest:
    """AppTest of the dashboard on ``url``, switched to ``page`` (``before()`` runs in between)."""
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("PANTAU_BOUNDARIES", boundaries)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.run()
    if before:
        before()
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def set_filters(at: AppTest, values: dict) -> None:
    for name in ("tahun", "kecamatan", "desa", "paket", "kejuruan", "jk"):
        at.multiselect(key=f"f_{name}").set_value(values.get(name, []))
    at.run()
    assert not at.exception, [e.message for e in at.exception]


def all_text(at: AppTest) -> str:
    """Everything the page sends: element protos, tables and chart datasets decoded from Arrow
    (their raw bytes would glue unrelated digits together)."""
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    out = []

    def walk(node):
        proto = getattr(node, "proto", None)
        kind = getattr(node, "type", None)
        if kind == "dataframe":
            out.append(node.value.to_csv())
        elif kind == "vega_lite_chart":
            out.append(proto.spec)
            out.extend(
                convert_arrow_bytes_to_pandas_df(d.data.data).to_csv() for d in proto.datasets
            )
        elif proto is not None:
            out.append(str(proto))
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)

    walk(at._tree)
    return "\n".join(out)


def filters_of(values: dict) -> Filters:
    return Filters(**{k: tuple(v) for k, v in values.items()})


def test_hasil_metrics_equal_the_kpi(demo_db_url, monkeypatch):
    at = open_page(demo_db_url, monkeypatch, "hasil")
    engine = db.get_engine(demo_db_url)
    for values in FILTER_SETS:
        set_filters(at, values)
        kpi = query.indicators(engine, filters_of(values))
        shown = {m.label: m.value for m in at.metric}
        keys = (
            "selesai", "bekerja", "wirausaha", "persen_penempatan", "belum_bekerja",
            "melanjutkan_pendidikan", "tidak_terlacak", "kompeten", "kur_disetujui",
            "kur_nilai_rp", "peralatan", "modal_dusun_rw",
        )  # fmt: skip
        for key in keys:
            expected = ui.format_value(measures.get(key).unit, kpi[key])
            assert shown[ui.indicator_label(key)] == expected, (values, key)
        # The funnel table repeats selesai and bekerja + wirausaha (the grid holds the numbers,
        # written the Indonesian way by its formatter, so that columns sort as numbers).
        funnel = at.dataframe[0].value
        orang = dict(zip(funnel.iloc[:, 0], funnel.iloc[:, 1], strict=True))
        assert orang["Selesai"] == kpi["selesai"]
        placed = kpi["bekerja"] + kpi["wirausaha"]
        assert orang["Bekerja atau wirausaha"] == placed
        assert not NIK_LIKE.search(all_text(at))

    # The cohort tab (lazy: built when opened): each year's row is the kpi of that year.
    set_filters(at, {})
    at.session_state["hasil_tab"] = "Per angkatan (tahun kelas)"
    at.run()
    years = next(d.value for d in at.dataframe if "Tahun kelas" in d.value.columns)
    assert len(years) >= 3
    for row in years.to_dict("records"):
        kpi = query.indicators(engine, Filters(tahun=(int(row["Tahun kelas"]),)))
        assert row["Selesai"] == kpi["selesai"]
        assert ui.format_value("persen", row["Tingkat penempatan"]) == ui.format_value(
            "persen", kpi["persen_penempatan"]
        )


def vega_datasets(at: AppTest) -> list:
    """The datasets of every Vega-Lite chart on the page, as DataFrames."""
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    return [
        convert_arrow_bytes_to_pandas_df(d.data.data)
        for chart in at.get("vega_lite_chart")
        for d in chart.proto.datasets
    ]


def test_hasil_shows_one_placement_rate(demo_db_url, monkeypatch):
    """The only overall placement rate on /hasil is the registry's persen_penempatan (placed /
    selesai): on its card, in the funnel table and in the funnel chart; the funnel shows no rate
    of the placed over everyone ever enrolled (the second rate it used to show)."""
    at = open_page(demo_db_url, monkeypatch, "hasil")
    engine = db.get_engine(demo_db_url)
    label = ui.indicator_label("persen_penempatan")
    for values in FILTER_SETS:
        set_filters(at, values)
        f = filters_of(values)
        got = query.values(engine, ["persen_penempatan", "ditempatkan", "pernah_terdaftar"], f)
        expected = ui.format_value("persen", got["persen_penempatan"])
        second = ui.format_value(
            "persen", query.percent(got["ditempatkan"], got["pernah_terdaftar"])
        )
        assert second != expected, values  # else the check below could not fail

        shown = {m.value for m in at.metric if m.label == label}
        funnel = at.dataframe[0].value
        assert list(funnel.columns) == ["Tahap", "Orang", "Ukuran", "Persen"]
        as_text = {ui.format_value("persen", v) for v in funnel["Persen"]}
        shown |= {ui.format_value("persen", v) for v in funnel[funnel["Ukuran"] == label]["Persen"]}
        placed = funnel[funnel["Tahap"] == "Bekerja atau wirausaha"]
        assert list(placed["Ukuran"]) == [label], values
        chart = next(d for d in vega_datasets(at) if "ukuran_teks" in d.columns)
        shown |= set(chart[chart["ukuran_teks"] == label]["persen_teks"])
        assert shown == {expected}, values
        assert second not in as_text | set(chart["persen_teks"]), values
        assert not any(second in text for text in chart["label"]), values


def test_peta_circles_table_scope_and_metrics(demo_db_url, monkeypatch):
    at = open_page(demo_db_url, monkeypatch, "peta")
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    types = {layer["id"]: layer["@@type"] for layer in deck["layers"]}
    assert types["desa"] == "ScatterplotLayer" and "GeoJsonLayer" not in types.values()
    assert "mapStyle" not in deck or not str(deck.get("mapStyle", "")).startswith("http")
    village_table = at.dataframe[-1].value
    assert len(village_table) == 67
    kpi = query.indicators(db.get_engine(demo_db_url), Filters())
    cards = {m.label: m.value for m in at.metric}
    assert cards["Peserta"] == ui.format_value("orang", kpi["peserta"])
    assert cards["Tingkat penempatan"] == ui.format_value("persen", kpi["persen_penempatan"])
    assert not NIK_LIKE.search(all_text(at))

    set_filters(at, {"kecamatan": [TINGGI]})
    village_table = at.dataframe[-1].value
    assert len(village_table) == 10 and set(village_table["Kecamatan"]) == {"Tompo Bulu"}
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    layer = next(x for x in deck["layers"] if x["id"] == "desa")
    assert len(layer["data"]) == 10
    assert deck["initialViewState"]["zoom"] > at.session_state[ui.CTX_KEY].settings.peta_zoom

    at.radio(key="peta_metric").set_value("cakupan").run()
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    layer = next(x for x in deck["layers"] if x["id"] == "desa")
    assert all(r["metrik"] == "Cakupan" and r["nilai"].endswith("%") for r in layer["data"])


def test_peta_choropleth_with_the_shipped_boundaries(demo_db_url, monkeypatch):
    """Without PANTAU_BOUNDARIES the settings' [peta] batas_desa (the shipped file) is drawn;
    the default view is coverage, and the villages with eligible people and no participant are
    named."""
    assert SHARED_BOUNDARIES.is_file()
    monkeypatch.delenv("PANTAU_BOUNDARIES", raising=False)
    monkeypatch.setenv("DATABASE_URL", demo_db_url)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    at.run()
    at.switch_page("app_pages/peta.py").run()
    assert not at.exception
    deck = json.loads(at.get("deck_gl_json_chart")[0].proto.json)
    layer = next(x for x in deck["layers"] if x["id"] == "desa")
    assert layer["@@type"] == "GeoJsonLayer"
    assert len(layer["data"]["features"]) == 67
    assert "desa_titik" not in {x["id"] for x in deck["layers"]}  # every village has a polygon
    assert at.radio(key="peta_metric").value == "cakupan"
    df = villages.village_stats(db.get_engine(demo_db_url), Filters())
    none = df[(df["warga_sasaran"] > 0) & (df["peserta"] == 0)]
    named = next(x for x in deck["layers"] if x["id"] == "tanpa_peserta")
    assert sorted(r["desa"] for r in named["data"]) == sorted(none["desa"]) != []
    # Operators (local mode) see which file is drawn; everyone sees that it is indicative.
    assert any("batas_desa.geojson" in as_read(c.value) for c in at.caption)
    assert any("indikatif" in c.value for c in at.caption)


def test_warm_rerun_queries_nothing_and_cold_runs_each_query_once(demo_db_url, monkeypatch):
    engine = db.get_engine(demo_db_url)
    seen: list[tuple] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        tables = ("an_enrolment", "an_registry", "an_aid", "an_tracer", "tracer_survey", "FROM aid")
        if any(name in statement for name in tables):
            seen.append((statement, str(parameters)))

    cache.clear()
    event.listen(engine, "before_cursor_execute", record)
    try:
        for page in ("hasil", "peta"):
            at = open_page(demo_db_url, monkeypatch, page, before=seen.clear)
            twice = [s for s, n in Counter(seen).items() if n > 1]
            assert seen and not twice, twice[:1]
            seen.clear()
            at.run()
            assert seen == []
    finally:
        event.remove(engine, "before_cursor_execute", record)


def _pixel(lat: float, lon: float, view, box: dict) -> tuple[float, float]:
    """Screen position of (lat, lon) in a deck.gl map view (Web Mercator, 512-px world)."""
    import math

    scale = 512 * 2**view.zoom

    def merc(y):
        return math.log(math.tan(math.pi / 4 + math.radians(y) / 2))

    x = box["x"] + box["width"] / 2 + (lon - view.longitude) / 360 * scale
    y = box["y"] + box["height"] / 2 - (merc(lat) - merc(view.latitude)) / (2 * math.pi) * scale
    return x, y


@pytest.mark.browser
def test_choosing_a_village_sets_the_desa_filter(demo_db_url, page):
    """Browser: click a village on the map, then tick a row of the village table; each time the
    URL (the ``desa`` filter) follows."""
    from playwright.sync_api import expect

    from lib.render import maps
    from lib.views import villages
    from tests.conftest import start_streamlit, stop_streamlit

    scope = villages.in_scope(
        villages.village_stats(db.get_engine(demo_db_url), Filters(kecamatan=(TINGGI,)))
    )
    view = maps.view_state(scope, False, None)
    biggest = scope.sort_values("peserta").iloc[-1]
    base, proc = start_streamlit(demo_db_url, {"PANTAU_BOUNDARIES": ""})
    try:
        page.set_viewport_size({"width": 1280, "height": 900})
        page.goto(f"{base}/peta?kecamatan={TINGGI}")
        deck = page.get_by_test_id("stDeckGlJsonChart")
        expect(deck.locator("canvas").first).to_be_visible(timeout=60_000)
        deck.scroll_into_view_if_needed()
        target = _pixel(biggest["lat"], biggest["lon"], view, deck.bounding_box())
        chosen = re.compile(r"desa=73\.03\.04\.\d{4}")
        # deck.gl draws after the canvas appears and leaves no DOM to wait for: click until the
        # selection lands (each attempt waits on the URL, no fixed sleep).
        for attempt in range(10):
            page.mouse.click(*target)
            try:
                expect(page).to_have_url(chosen, timeout=2_000)
                break
            except AssertionError:
                if attempt == 9:
                    raise

        page.goto(f"{base}/peta?kecamatan={TINGGI}")
        table = page.locator("[class*='st-key-peta_desa_']").first
        first_code = table.get_by_test_id("glide-cell-1-0")  # the grid's accessible copy
        expect(first_code).to_be_attached(timeout=60_000)
        code = first_code.text_content()
        assert re.fullmatch(r"73\.03\.04\.\d{4}", code)
        table.scroll_into_view_if_needed()
        box = table.bounding_box()
        # The selection checkbox of the first data row: row-marker column, below the header.
        page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)
        expect(page).to_have_url(re.compile("desa=" + re.escape(code)), timeout=30_000)
        up = page.get_by_test_id("stButton").filter(has_text="Tampilkan semua desa di kecamatan")
        expect(up).to_be_visible(timeout=30_000)
    finally:
        stop_streamlit(proc)
