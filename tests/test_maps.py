"""/peta building blocks: the per-village query (lib/villages.py) on a hand-built dataset, on SQLite
and PostgreSQL, and the deck, colour scale, boundaries and legend (lib/maps.py)."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest

from lib.core import db, fmt
from lib.core.config import settings
from lib.core.filters import Filters
from lib.render import maps
from lib.semantic import query
from lib.views import villages
from tests.builders import (
    BANTAENG,
    BISSAPPU,
    BONTO_CINDE,
    BONTO_JAI,
    BONTO_TIRO,
    TAPPANJENG,
    dataset,
)

AS_OF = date(2024, 6, 30)  # productive age 15–64 on this date: born 1959-07-01 … 2009-06-30


@pytest.fixture
def engine(db_url):
    eng = db.get_engine(db_url)
    yield eng
    eng.dispose()


def scenario(url: str, data_date: date | None = AS_OF) -> None:
    """Registry: Bonto Jai has Ani (participant, completed, bekerja), Budi (participant, aktif) and
    three non-participants; Bonto Cinde has the age and desil edge cases; Tappanjeng has Citra
    (completed, not traced) and Dedi (men, completed, wirausaha, class of 2023)."""
    with dataset(url) as d:
        if data_date is not None:
            d.data_date(data_date)
        a = d.kelas("GAR-01", tahun=2022)
        b = d.kelas("OTO-01", tahun=2023)
        ani = d.person("Ani", desa=BONTO_JAI)
        e = d.enrol(ani, a)
        d.survey(e, date(2022, 9, 1), "bekerja")
        budi = d.person("Budi", desa=BONTO_JAI, jk="L", desil=5)  # participant, not eligible
        d.enrol(budi, b, "aktif")
        d.person("Eligible 1", desa=BONTO_JAI)
        d.person("Eligible 2", desa=BONTO_JAI, jk="L", desil=4)
        d.person("Too poor? no: desil 5", desa=BONTO_JAI, desil=5)
        d.person("Just 15", desa=BONTO_CINDE, lahir=date(2009, 6, 30))
        d.person("Still 14", desa=BONTO_CINDE, lahir=date(2009, 7, 1))
        d.person("Still 64", desa=BONTO_CINDE, lahir=date(1959, 7, 1))
        d.person("Already 65", desa=BONTO_CINDE, lahir=date(1959, 6, 30))
        citra = d.person("Citra", desa=TAPPANJENG)
        d.enrol(citra, a)
        dedi = d.person("Dedi", desa=TAPPANJENG, jk="L")
        e = d.enrol(dedi, b)
        d.survey(e, date(2023, 9, 1), "wirausaha")
        eka = d.person("Eka", desa=BONTO_TIRO)
        d.enrol(eka, a, "keluar")  # not a participant, but eligible


COLS = ["peserta", "warga_sasaran", "cakupan", "selesai", "ditempatkan", "persen_penempatan"]


def stats(engine, f: Filters) -> dict:
    df = villages.village_stats(engine, f)
    scoped = villages.in_scope(df)
    return {r["kode"]: tuple(r[c] for c in COLS) for r in scoped.to_dict("records")}


def nonzero(rows: dict) -> dict:
    return {k: v for k, v in rows.items() if v[0] or v[1] or v[3]}


def test_village_figures_by_hand(engine, db_url):
    scenario(db_url)
    everything = villages.village_stats(engine, Filters())
    assert len(everything) == 67 and everything["in_scope"].all()
    assert nonzero(stats(engine, Filters())) == {
        # Ani, Budi | Ani, Eligible 1, Eligible 2 | 2/3 | Ani | Ani bekerja | 100 %
        BONTO_JAI: (2, 3, 66.7, 1, 1, 100.0),
        # Just 15 and Still 64 only
        BONTO_CINDE: (0, 2, 0.0, 0, 0, None),
        # Citra, Dedi | both eligible | Citra untraced, Dedi wirausaha
        TAPPANJENG: (2, 2, 100.0, 2, 1, 50.0),
        BONTO_TIRO: (0, 1, 0.0, 0, 0, None),  # Eka dropped out
    }
    # Class filters move the participants, not the registry.
    assert nonzero(stats(engine, Filters(tahun=(2023,)))) == {
        BONTO_JAI: (1, 3, 33.3, 0, 0, None),
        BONTO_CINDE: (0, 2, 0.0, 0, 0, None),
        TAPPANJENG: (1, 2, 50.0, 1, 1, 100.0),
        BONTO_TIRO: (0, 1, 0.0, 0, 0, None),
    }
    # Gender moves both.
    assert nonzero(stats(engine, Filters(jk=("L",)))) == {
        BONTO_JAI: (1, 1, 100.0, 0, 0, None),
        TAPPANJENG: (1, 1, 100.0, 1, 1, 100.0),
    }


def test_scope_of_the_village_list(engine, db_url):
    scenario(db_url)
    bissappu = stats(engine, Filters(kecamatan=(BISSAPPU,)))
    assert len(bissappu) == 11 and all(k.startswith(BISSAPPU + ".") for k in bissappu)
    assert stats(engine, Filters(desa=(BONTO_JAI,))) == {BONTO_JAI: (2, 3, 66.7, 1, 1, 100.0)}
    # Out-of-scope villages are still returned (map context), with zeros.
    df = villages.village_stats(engine, Filters(kecamatan=(BANTAENG,)))
    outside = df[~df["in_scope"]]
    assert len(outside) == 67 - 9 and outside[["peserta", "warga_sasaran"]].sum().sum() == 0


def test_sums_equal_the_kpi_and_kecamatan_summary(engine, db_url):
    scenario(db_url)
    for f in (
        Filters(),
        Filters(tahun=(2022,)),
        Filters(jk=("P",)),
        Filters(kecamatan=(BISSAPPU,)),
    ):
        df = villages.village_stats(engine, f)
        kpi = query.indicators(engine, f)
        total = villages.totals(villages.in_scope(df))
        assert total["peserta"] == kpi["peserta"]
        assert total["selesai"] == kpi["selesai"]
        assert total["ditempatkan"] == kpi["bekerja"] + kpi["wirausaha"]
        assert total["persen_penempatan"] == kpi["persen_penempatan"]
    kec = villages.kecamatan_summary(villages.village_stats(engine, Filters()))
    got = {r["kode"]: (r["jumlah_desa"], r["peserta"], r["warga_sasaran"], r["cakupan"]) for r in kec.to_dict("records")}  # fmt: skip
    assert len(got) == 8
    assert got[BISSAPPU] == (11, 2, 5, 40.0)  # Bonto Jai + Bonto Cinde
    assert got[BANTAENG] == (9, 2, 2, 100.0)  # Tappanjeng
    assert got["73.03.05"] == (10, 0, 0, None)


def test_default_data_date_is_the_database_date(engine, db_url):
    scenario(db_url, data_date=None)
    # Latest date in the records: the survey of 1 Sep 2023. Then "Just 15" is still 14 and
    # "Already 65" is 64 → Bonto Cinde has Still 64 and Already 65.
    df = villages.village_stats(engine, Filters(desa=(BONTO_CINDE,)))
    assert int(villages.in_scope(df)["warga_sasaran"].iloc[0]) == 2


# --- lib/maps.py (no database) -----------------------------------------------------------------


def frame(n_in: int = 3) -> pd.DataFrame:
    rows = []
    for i, code in enumerate(["73.03.01.2008", "73.03.01.2009", "73.03.02.1001", "73.03.08.2001"]):
        rows.append(
            {
                "kode": code,
                "desa": f"Desa {i}",
                "jenis": "desa",
                "kecamatan_kode": code[:8],
                "kecamatan": f"Kec {code[6:8]}",
                "lat": -5.5 + i * 0.01,
                "lon": 119.9 + i * 0.01,
                "peserta": [1200, 0, 30, 5][i],
                "warga_sasaran": [4000, 10, 0, 50][i],
                "cakupan": [30.0, 0.0, None, 10.0][i],
                "selesai": 1,
                "ditempatkan": 1,
                "persen_penempatan": 100.0,
                "in_scope": i < n_in,
            }
        )
    return pd.DataFrame(rows)


def test_colour_scale():
    assert maps.color_for(0, 100) == [*maps.PALETTE[0], 255]
    assert maps.color_for(100, 100) == [*maps.PALETTE[-1], 255]
    assert maps.color_for(250, 100) == [*maps.PALETTE[-1], 255]  # clipped
    assert maps.color_for(None, 100) == [*maps.NO_DATA, 255]
    mid = maps.color_for(50, 100)  # halfway: exactly the middle stop of 7
    assert mid == [*maps.PALETTE[3], 255]
    assert maps.scale_max(pd.Series([None, 0.0])) == 1.0


def layers(deck) -> dict:
    return {layer["id"]: layer for layer in json.loads(deck.to_json())["layers"]}


def test_circles_without_boundaries():
    deck = maps.build_deck(frame(), "peserta", "Peserta", boundaries=None, whole=True)
    spec = json.loads(deck.to_json())
    by_id = layers(deck)
    assert by_id[maps.LAYER_ID]["@@type"] == "ScatterplotLayer"
    assert by_id[maps.CONTEXT_ID]["@@type"] == "ScatterplotLayer"  # the 4th village, grey
    assert "GeoJsonLayer" not in deck.to_json()
    data = {r["kode"]: r for r in by_id[maps.LAYER_ID]["data"]}
    assert data["73.03.01.2008"]["nilai"] == "1.200"  # Indonesian thousands
    assert data["73.03.01.2008"]["radius"] == maps.MAX_RADIUS_M  # the largest: full radius
    assert data["73.03.01.2009"]["radius"] == 0  # zero participants: the minimum pixel size
    assert data["73.03.02.1001"]["radius"] == pytest.approx(
        maps.MAX_RADIUS_M * (30 / 1200) ** 0.5, abs=0.1
    )
    # The regency view of the settings, and no basemap at all.
    s = settings()
    view = spec["initialViewState"]
    assert (view["latitude"], view["longitude"], view["zoom"]) == (
        s.peta_lat,
        s.peta_lon,
        s.peta_zoom,
    )
    assert "mapProvider" not in spec or spec["mapProvider"] in (None, "")
    assert "http" not in deck.to_json()


def test_rate_metric_colours_and_sizes():
    deck = maps.build_deck(frame(), "cakupan", "Cakupan", boundaries=None, whole=False)
    data = {r["kode"]: r for r in layers(deck)[maps.LAYER_ID]["data"]}
    assert data["73.03.01.2008"]["nilai"] == "30,0%"
    assert data["73.03.02.1001"]["nilai"] == "–"  # no eligible residents: no rate
    assert data["73.03.02.1001"]["warna"] == [*maps.NO_DATA, 255]
    assert data["73.03.02.1001"]["radius"] == 0  # sized by the denominator
    view = json.loads(deck.to_json())["initialViewState"]
    assert view["zoom"] > settings().peta_zoom  # fitted to the scope


@pytest.fixture
def boundary_file(tmp_path):
    """A hand-made GeoJSON with plain 10-digit codes in property ``kode`` (three squares)."""

    def square(lon, lat):
        d = 0.005
        return {
            "type": "Polygon",
            "coordinates": [[[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]],
        }  # fmt: skip

    features = [
        {"type": "Feature", "properties": {"kode": "7303012008"}, "geometry": square(119.9, -5.5)},
        {"type": "Feature", "properties": {"kode": "73.03.01.2009"}, "geometry": square(119.91, -5.49)},
        {"type": "Feature", "properties": {"kode": 7303082001}, "geometry": square(119.93, -5.47)},
        {"type": "Feature", "properties": {"nama": "tanpa kode"}, "geometry": square(0, 0)},
    ]  # fmt: skip
    path = tmp_path / "batas.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    return path


def test_choropleth_with_boundaries(boundary_file, monkeypatch):
    monkeypatch.setenv("PANTAU_BOUNDARIES", str(boundary_file))
    b = maps.load_boundaries()
    assert set(b.geometries) == {"73.03.01.2008", "73.03.01.2009", "73.03.08.2001"}
    assert maps.boundary_name(b) == "batas.geojson"
    deck = maps.build_deck(frame(), "peserta", "Peserta", boundaries=b, whole=True)
    by_id = layers(deck)
    main = by_id[maps.LAYER_ID]
    assert main["@@type"] == "GeoJsonLayer"
    codes = [f["properties"]["kode"] for f in main["data"]["features"]]
    assert codes == ["73.03.01.2008", "73.03.01.2009"]
    assert main["data"]["features"][0]["properties"]["nilai"] == "1.200"
    # Tappanjeng is in scope but has no polygon: a circle; Bonto Tiro is context (grey polygon).
    assert [r["kode"] for r in by_id[f"{maps.LAYER_ID}_titik"]["data"]] == ["73.03.02.1001"]
    assert by_id[maps.CONTEXT_ID]["@@type"] == "GeoJsonLayer"


def test_unusable_boundary_file(tmp_path, monkeypatch):
    bad = tmp_path / "rusak.geojson"
    bad.write_text("{not json")
    monkeypatch.setenv("PANTAU_BOUNDARIES", str(bad))
    with pytest.raises(maps.BoundaryError, match="rusak.geojson"):
        maps.load_boundaries()
    monkeypatch.setenv("PANTAU_BOUNDARIES", str(tmp_path / "missing.geojson"))
    assert maps.load_boundaries() is None


def test_selection_and_legend():
    point = {
        "selection": {"indices": {"desa": [0]}, "objects": {"desa": [{"kode": "73.03.01.2008"}]}}
    }
    feature = {"selection": {"objects": {"desa": [{"type": "Feature", "properties": {"kode": "73.03.02.1001"}}]}}}  # fmt: skip
    assert maps.selected_village(point) == "73.03.01.2008"
    assert maps.selected_village(feature) == "73.03.02.1001"
    assert maps.selected_village({"selection": {"indices": {}, "objects": {}}}) is None
    assert maps.selected_village(None) is None
    html = maps.legend_html(pd.Series([0, 1200, 2500]), "peserta", "Peserta", None)
    assert "2.500" in html and "1.250" in html and "Tidak ada" not in html
    html = maps.legend_html(pd.Series([13.0, None]), "cakupan", "Cakupan", "Tidak ada data")
    assert "13,0%" in html and "6,5%" in html and "Tidak ada data" in html


def test_hidden_villages_get_the_neutral_colour_and_do_not_set_the_scale():
    """For leadership (a mask of hidden cells): a hidden village is drawn in HIDDEN with its marker,
    never in the colour or circle size of its value, and the scale runs over the shown ones."""
    villages = frame()
    shown = villages[villages["in_scope"]].reset_index(drop=True)
    hidden = pd.DataFrame(False, index=shown.index, columns=shown.columns)
    hidden.loc[0, "peserta"] = True  # the largest one: it must not stretch the scale either
    deck = maps.build_deck(
        villages, "peserta", "Peserta", boundaries=None, whole=True, hidden=hidden, threshold=5
    )
    data = {r["kode"]: r for r in layers(deck)[maps.LAYER_ID]["data"]}
    first = data[shown.loc[0, "kode"]]
    assert first["warna"] == [*maps.HIDDEN, 255] and first["nilai"] == "×"
    others = [r for k, r in data.items() if k != shown.loc[0, "kode"]]
    assert all(r["warna"] != [*maps.HIDDEN, 255] for r in others)
    assert max(r["radius"] for r in others) == maps.MAX_RADIUS_M  # the largest shown one
    html = maps.legend_html(
        shown["peserta"].where(~hidden["peserta"]), "peserta", "Peserta", None, hidden="<5 / x"
    )
    assert "peta-legenda-tersembunyi" in html and "<5 / x" in html
    assert fmt.number(int(shown.loc[0, "peserta"])) not in html  # not the scale's maximum


def test_on_a_phone_the_regency_view_fits_the_shipped_boundaries_into_its_width():
    """At the settings' zoom the regency spans more than a phone's ~360 px; the narrow view zooms
    out until every shipped polygon fits FIT_PX, and the desktop view keeps the settings' zoom."""
    import math

    b = maps.load_boundaries()
    assert b is not None and len(b.geometries) == 67
    everything = pd.DataFrame({"kode": sorted(b.geometries), "lat": None, "lon": None})
    west, south, east, north = maps._extent(everything, b)

    def width_px(zoom: float) -> float:
        return 512 * 2**zoom * max(east - west, north - south) / 360

    desktop = maps.view_state(everything, True, b)
    phone = maps.view_state(everything, True, b, fit_on_phone=everything)
    assert desktop.zoom == settings().peta_zoom and width_px(desktop.zoom) > 360
    assert phone.zoom < desktop.zoom
    assert math.isclose(width_px(phone.zoom), maps.FIT_PX, rel_tol=0.01)
