"""pydeck maps of ``/peta``: boundary loading, a sequential colour scale, the deck, the legend.

Offline by design: ``pdk.Deck(map_provider=None)`` with the default ``map_style`` sends no request
(``map_style=None`` alone makes Streamlit fetch a Carto basemap). The map therefore stands on white;
kecamatan (or village) names and the outlines of the villages outside the filters give the bearings.

Two modes: a **choropleth** when a village-boundary GeoJSON is configured
(``settings().boundaries_path()``: ``PANTAU_BOUNDARIES`` or ``[peta] batas_desa``), whose features
carry the village code in ``settings().properti_kode`` (dotted or plain 10-digit); otherwise
**proportional circles** at the village points (area ∝ the count; for a rate, area ∝ its
denominator and the colour gives the rate). deck.gl has no legend, so :func:`legend_html` builds one.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pydeck as pdk

from lib.core import fmt
from lib.core.config import Settings, settings
from lib.core.filters import normalise_village_code


@dataclass(frozen=True)
class Metric:
    """A metric of the map: ``key`` is a column of :func:`village_stats`."""

    key: str
    unit: str  # orang / persen
    size_by: str  # column that sizes the proportional circle (the denominator for rates)
    scale: str = "cool"  # cool (more is darker blue), warm (more is stronger red) or warm_low
    # (less is stronger red: low coverage is what needs attention)


METRICS: tuple[Metric, ...] = (
    Metric("cakupan", "persen", "warga_sasaran", "warm_low"),  # the default view
    Metric("kebutuhan_belum_terlayani", "orang", "kebutuhan_belum_terlayani", "warm"),
    Metric("peserta", "orang", "peserta"),
    Metric("warga_sasaran", "orang", "warga_sasaran"),
    Metric("persen_penempatan", "persen", "selesai"),
)
METRIC_BY_KEY = {m.key: m for m in METRICS}

LAYER_ID = "desa"  # the pickable layer (selection state is keyed by it)
CONTEXT_ID = "konteks"
LABEL_ID = "label"
NONE_ID = "tanpa_peserta"

# ColorBrewer YlGnBu, 7 classes: sequential, colour-blind safe, readable on a projector.
PALETTE: tuple[tuple[int, int, int], ...] = (
    (255, 255, 204),
    (199, 233, 180),
    (127, 205, 187),
    (65, 182, 196),
    (29, 145, 192),
    (34, 94, 168),
    (12, 44, 132),
)
# ColorBrewer YlOrRd, 7 classes: for what needs attention (strong red = most need).
WARM: tuple[tuple[int, int, int], ...] = (
    (255, 255, 178),
    (254, 217, 118),
    (254, 178, 76),
    (253, 141, 60),
    (252, 78, 42),
    (227, 26, 28),
    (177, 0, 38),
)
NO_DATA = (210, 210, 210)
# A value hidden from a leadership viewer (a small count, a rate of a small group, or a cell hidden
# so that a total does not give a small one away): one neutral colour, not the value's.
HIDDEN = (150, 150, 172)
CONTEXT_FILL = (238, 238, 238)
OUTLINE = (90, 90, 90)
MAX_RADIUS_M = 1800  # the largest circle (metres) at the regency zoom; area ∝ value
LABEL_VILLAGES_UP_TO = 16
FIT_PX = 300  # a drilled-down scope, or the whole regency on a phone, spans about this many pixels
MAX_ZOOM = 12.3  # a single village still shows its neighbours  # name the villages when this few are in scope, else the kecamatan


class BoundaryError(ValueError):
    """The boundary file cannot be read as a GeoJSON FeatureCollection."""


@dataclass(frozen=True)
class Boundaries:
    """Village geometries by dotted village code, from one GeoJSON file."""

    path: str
    geometries: dict[str, dict]


@lru_cache(maxsize=4)
def _read_boundaries(path: str, mtime: float, prop: str) -> Boundaries:
    try:
        with open(path, encoding="utf-8") as fh:
            data = json.load(fh)
        features = data["features"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise BoundaryError(f"{Path(path).name}: {type(exc).__name__}") from exc
    geoms: dict[str, dict] = {}
    for feature in features:
        props = feature.get("properties") or {}
        code = props.get(prop)
        geometry = feature.get("geometry")
        if code is None or not geometry:
            continue
        geoms[normalise_village_code(str(code))] = geometry
    if not geoms:
        raise BoundaryError(f"{Path(path).name}: no feature has property '{prop}'")
    return Boundaries(path, geoms)


def load_boundaries(s: Settings | None = None) -> Boundaries | None:
    """The configured boundaries, or ``None`` when none is configured (or the file is missing).

    Raises :class:`BoundaryError` for a file that is there but unusable. Cached per file version.
    """
    s = s or settings()
    path = s.boundaries_path()
    if path is None:
        return None
    return _read_boundaries(str(path), path.stat().st_mtime, s.properti_kode)


def boundary_name(boundaries: Boundaries) -> str:
    """The file name of the boundaries (shown in the mode note; never the full path)."""
    return Path(boundaries.path).name


# --- colour scale -----------------------------------------------------------------------------


def palette(scale: str = "cool") -> tuple[tuple[int, int, int], ...]:
    """The colour ramp of a metric's scale, from 0 to the maximum."""
    if scale == "warm":
        return WARM
    if scale == "warm_low":
        return tuple(reversed(WARM))
    return PALETTE


def color_for(value: float | None, vmax: float, scale: str = "cool") -> list[int]:
    """The palette colour of ``value`` on a linear scale from 0 to ``vmax`` (grey for no data)."""
    ramp = palette(scale)
    if value is None or pd.isna(value):
        return [*NO_DATA, 255]
    if vmax <= 0:
        return [*ramp[0], 255]
    x = min(max(float(value) / vmax, 0.0), 1.0) * (len(ramp) - 1)
    i = min(int(x), len(ramp) - 2)
    t = x - i
    lo, hi = ramp[i], ramp[i + 1]
    return [round(lo[k] + (hi[k] - lo[k]) * t) for k in range(3)] + [255]


def scale_max(values: pd.Series) -> float:
    """Upper end of the colour scale: the largest value (at least 1, so that 0 is the lightest)."""
    clean = pd.to_numeric(values, errors="coerce").dropna()
    return float(max(clean.max(), 1)) if len(clean) else 1.0


def format_value(value, metric: Metric, lang: str = "id", s: Settings | None = None) -> str:
    """A metric value in Indonesian style; small counts masked when suppression is on (README)."""
    if value is None or pd.isna(value):
        return fmt.DASH
    if metric.unit == "persen":
        return fmt.pct(float(value), lang)
    s = s or settings()
    if s.supresi_aktif and 0 < int(value) < s.ambang_sel_kecil:
        return f"< {s.ambang_sel_kecil}"
    return fmt.number(int(value), lang=lang)


# --- view -------------------------------------------------------------------------------------


def _extent(villages: pd.DataFrame, boundaries: Boundaries | None) -> tuple[float, ...]:
    lons, lats = list(villages["lon"].dropna()), list(villages["lat"].dropna())
    if boundaries is not None:
        for kode in villages["kode"]:
            geom = boundaries.geometries.get(kode)
            if geom:
                for lon, lat in _coords(geom):
                    lons.append(lon)
                    lats.append(lat)
    return min(lons), min(lats), max(lons), max(lats)


def _coords(geometry: dict):
    coords = geometry.get("coordinates", [])
    stack = [coords]
    while stack:
        item = stack.pop()
        if item and isinstance(item[0], (int, float)):
            yield item[0], item[1]
        else:
            stack.extend(item)


def _fit_zoom(extent: tuple[float, ...], px: float) -> float:
    """The zoom at which ``extent`` (west, south, east, north) spans ``px`` pixels: deck.gl's world
    is 512 px wide at zoom 0, and near the equator a degree of latitude is about a degree of
    longitude."""
    west, south, east, north = extent
    span = max(east - west, north - south, 0.01)
    return math.log2(px * 360 / (512 * span))


def view_state(
    shown: pd.DataFrame,
    whole: bool,
    boundaries: Boundaries | None,
    s: Settings | None = None,
    *,
    fit_on_phone: pd.DataFrame | None = None,
) -> pdk.ViewState:
    """The regency view of the settings, or a view fitted to the villages in scope (drill-down).

    ``fit_on_phone`` (the map is on a phone): every village of the regency; the regency view then
    zooms out, if it must, so that they fit :data:`FIT_PX` (at the settings' zoom a regency fills
    a desktop map but overflows a phone's)."""
    s = s or settings()
    if whole or shown.empty:
        zoom = s.peta_zoom
        if fit_on_phone is not None and not fit_on_phone.empty:
            zoom = round(min(zoom, _fit_zoom(_extent(fit_on_phone, boundaries), FIT_PX)), 2)
        return pdk.ViewState(latitude=s.peta_lat, longitude=s.peta_lon, zoom=zoom)
    # Fit the scope into FIT_PX, which a phone-width map shows whole and a desktop map surrounds
    # with the neighbouring villages.
    west, south, east, north = extent = _extent(shown, boundaries)
    zoom = max(s.peta_zoom, min(_fit_zoom(extent, FIT_PX), MAX_ZOOM))
    return pdk.ViewState(
        latitude=(south + north) / 2, longitude=(west + east) / 2, zoom=round(zoom, 2)
    )


# --- deck ---------------------------------------------------------------------------------------


def hidden_marker(value, metric: Metric, threshold: int) -> str:
    """What a hidden village shows: ``<5`` for a small count, ``×`` for a count hidden to protect
    another, ``–`` for a rate of a small group."""
    from lib.semantic.suppression import DASH, SECONDARY, small

    if metric.unit == "persen":
        return DASH
    if value is not None and not pd.isna(value) and 0 < int(value) < threshold:
        return small(threshold)
    return SECONDARY


def _records(
    shown: pd.DataFrame,
    metric: Metric,
    lang: str,
    label: str,
    max_radius: float,
    hidden: pd.DataFrame | None = None,
    threshold: int | None = None,
) -> list[dict]:
    s = settings()
    threshold = threshold or s.ambang_sel_kecil
    hide = [bool(x) for x in hidden[metric.key]] if hidden is not None else [False] * len(shown)
    hide_size = (
        [bool(x) for x in hidden[metric.size_by]]
        if hidden is not None and metric.size_by in hidden
        else [False] * len(shown)
    )
    # The scales run over what is shown: a hidden value neither colours nor stretches them.
    values = shown[metric.key].where(~pd.Series(hide, index=shown.index))
    sizes = shown[metric.size_by].where(~pd.Series(hide_size, index=shown.index))
    vmax = scale_max(values)
    size_max = scale_max(sizes)
    out = []
    for r, hid, hid_size in zip(shown.to_dict("records"), hide, hide_size, strict=True):
        value = r[metric.key]
        # a hidden size is drawn as if it were the threshold (the size of "<5", not of the value)
        size = threshold if hid_size else r[metric.size_by]
        shown_value = (
            hidden_marker(value, metric, threshold) if hid else format_value(value, metric, lang, s)
        )
        out.append(
            {
                "kode": r["kode"],
                "desa": r["desa"],
                "kecamatan": r["kecamatan"],
                "lon": r["lon"],
                "lat": r["lat"],
                "metrik": label,
                "nilai": shown_value,
                # The tooltip is HTML: names from data reach it escaped (issue 11).
                "tip_desa": fmt.html_text(r["desa"]),
                "tip_kecamatan": fmt.html_text(r["kecamatan"]),
                "tip_metrik": fmt.html_text(label),
                "tip_nilai": fmt.html_text(shown_value),
                "warna": [*HIDDEN, 255]
                if hid
                else color_for(None if pd.isna(value) else value, vmax, metric.scale),
                "tersembunyi": hid,
                "radius": round(max_radius * math.sqrt(min(max(size, 0) / size_max, 1)), 1),
            }
        )
    return out


def build_deck(
    villages: pd.DataFrame,
    metric_key: str,
    label: str,
    *,
    boundaries: Boundaries | None,
    whole: bool,
    lang: str = "id",
    tooltip_kecamatan: str = "Kecamatan",
    hidden: pd.DataFrame | None = None,
    threshold: int | None = None,
    narrow: bool = False,
) -> pdk.Deck:
    """The map of ``villages`` (rows of :func:`lib.views.villages.village_stats`) for one metric.

    Villages in scope are coloured (and pickable: layer id :data:`LAYER_ID`); the others are drawn
    as grey context. ``whole`` uses the regency view of the settings instead of fitting the scope.
    ``hidden`` (leadership viewers): the mask of hidden cells of the in-scope rows, in their order
    (``lib.views.privacy.village_mask``); a hidden village gets :data:`HIDDEN` and its marker.
    ``narrow``: the map is on a phone (the regency view fits the phone's width).
    """
    metric = METRIC_BY_KEY[metric_key]
    shown = villages[villages["in_scope"]]
    context = villages[~villages["in_scope"]]
    view = view_state(shown, whole, boundaries, fit_on_phone=villages if narrow else None)
    # Circles keep their size on screen when the view zooms in on a kecamatan or a village.
    zoom_factor = 2 ** (settings().peta_zoom - view.zoom)
    records = _records(shown, metric, lang, label, MAX_RADIUS_M * zoom_factor, hidden, threshold)
    layers: list[pdk.Layer] = []
    missing = records
    if boundaries is not None:
        features = [
            {"type": "Feature", "geometry": boundaries.geometries[r["kode"]], "properties": r}
            for r in records
            if r["kode"] in boundaries.geometries
        ]
        missing = [r for r in records if r["kode"] not in boundaries.geometries]
        background = [
            {"type": "Feature", "geometry": boundaries.geometries[k], "properties": {"kode": k}}
            for k in context["kode"]
            if k in boundaries.geometries
        ]
        if background:
            layers.append(
                pdk.Layer(
                    "GeoJsonLayer",
                    id=CONTEXT_ID,
                    data={"type": "FeatureCollection", "features": background},
                    get_fill_color=[*CONTEXT_FILL, 255],
                    get_line_color=[170, 170, 170, 255],
                    line_width_min_pixels=0.5,
                    pickable=False,
                )
            )
        layers.append(
            pdk.Layer(
                "GeoJsonLayer",
                id=LAYER_ID,
                data={"type": "FeatureCollection", "features": features},
                get_fill_color="properties.warna",
                get_line_color=[*OUTLINE, 255],
                line_width_min_pixels=1,
                pickable=True,
                auto_highlight=True,
                highlight_color=[255, 140, 0, 200],
            )
        )
    if boundaries is None and len(context):
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                id=CONTEXT_ID,
                data=context[["lon", "lat"]].to_dict("records"),
                get_position=["lon", "lat"],
                get_radius=round(250 * zoom_factor, 1),
                radius_min_pixels=2,
                get_fill_color=[*NO_DATA, 255],
                pickable=False,
            )
        )
    if missing:
        layers.append(
            pdk.Layer(
                "ScatterplotLayer",
                id=LAYER_ID if boundaries is None else f"{LAYER_ID}_titik",
                data=sorted(missing, key=lambda r: -r["radius"]),  # small circles on top
                get_position=["lon", "lat"],
                get_radius="radius",
                radius_min_pixels=4,
                get_fill_color="warna",
                stroked=True,
                get_line_color=[*OUTLINE, 255],
                line_width_min_pixels=1,
                pickable=True,
                auto_highlight=True,
                highlight_color=[255, 140, 0, 200],
            )
        )
    layers.append(_label_layer(shown))
    none = shown[(shown["warga_sasaran"] > 0) & (shown["peserta"] == 0)]
    if len(none):  # villages with eligible residents and no participant: always named
        layers.append(
            pdk.Layer(
                "TextLayer",
                id=NONE_ID,
                data=none[["desa", "lon", "lat"]].to_dict("records"),
                get_position=["lon", "lat"],
                get_text="desa",
                get_size=14,
                get_color=[150, 0, 20, 255],
                font_family=pdk.types.String("Helvetica, Arial, sans-serif"),
                font_weight=700,
                background=True,
                get_background_color=[255, 255, 255, 230],
                get_border_color=[150, 0, 20, 255],
                get_border_width=1,
                background_padding=[4, 2],
                pickable=False,
            )
        )
    return pdk.Deck(
        layers=layers,
        initial_view_state=view,
        map_provider=None,  # no basemap request: the map stands on its own offline
        tooltip={
            "html": "<b>{tip_desa}</b><br/>"
            + fmt.html_text(tooltip_kecamatan)
            + " {tip_kecamatan}<br/>{tip_metrik}: <b>{tip_nilai}</b>",
            "style": {"fontSize": "15px", "backgroundColor": "#1f2937", "color": "white"},
        },
    )


class PreparedDeck(pdk.Deck):
    """A deck whose JSON was written before (:func:`deck_parts`), for ``st.pydeck_chart``: a warm
    rerun of ``/peta`` reuses the cached JSON instead of building and serialising thousands of
    features again (about 0.05 s at demo scale 20)."""

    def __init__(self, spec: str, tooltip: dict | None) -> None:
        super().__init__(layers=[], map_provider=None, tooltip=tooltip)
        self._spec = spec

    def to_json(self) -> str:
        return self._spec


def deck_parts(deck: pdk.Deck) -> tuple[str, dict | None]:
    """``deck`` as its JSON and tooltip (what :class:`PreparedDeck` draws again)."""
    return deck.to_json(), deck._tooltip


def _label_layer(shown: pd.DataFrame) -> pdk.Layer:
    """Names for orientation: the villages when few are in scope, else the kecamatan (at the mean
    point of their villages)."""
    villages_named = 0 < len(shown) <= LABEL_VILLAGES_UP_TO
    if villages_named:
        labels = shown[["desa", "lon", "lat"]].rename(columns={"desa": "nama"})
    else:
        labels = (
            shown.groupby("kecamatan", as_index=False)[["lon", "lat"]]
            .mean()
            .rename(columns={"kecamatan": "nama"})
        )
    return pdk.Layer(
        "TextLayer",
        id=LABEL_ID,
        data=labels.to_dict("records"),
        get_position=["lon", "lat"],
        get_text="nama",
        get_size=12 if villages_named else 14,
        get_color=[20, 20, 20, 255],
        font_family=pdk.types.String("Helvetica, Arial, sans-serif"),
        font_weight=700,
        background=True,
        get_background_color=[255, 255, 255, 200],
        background_padding=[3, 1],
        pickable=False,
    )


def selected_village(event) -> str | None:
    """The village code of a map selection (``st.pydeck_chart`` state), or ``None``."""
    try:
        objects = event["selection"]["objects"]
    except (KeyError, TypeError):
        return None
    for layer_objects in objects.values():
        for obj in layer_objects or []:
            code = obj.get("kode") or (obj.get("properties") or {}).get("kode")
            if code:
                return str(code)
    return None


# --- legend -------------------------------------------------------------------------------------


def legend_html(
    values: pd.Series,
    metric_key: str,
    title: str,
    no_data: str | None,
    size_note: str | None = None,
    lang: str = "id",
    hidden: str | None = None,
) -> str:
    """A colour-bar legend (0 … maximum, Indonesian numbers) as HTML for ``st.html``.

    ``no_data`` labels the grey swatch; pass ``None`` when no village lacks a value. ``hidden``
    labels the :data:`HIDDEN` swatch (``None``: nothing hidden); ``values`` are then the shown
    values only, so that the scale's maximum is never a hidden one.
    """
    metric = METRIC_BY_KEY[metric_key]
    vmax = scale_max(values)
    stops = ", ".join(f"rgb{c}" for c in palette(metric.scale))
    ticks = [0, vmax / 2, vmax]
    labels = [
        fmt.pct(v, lang) if metric.unit == "persen" else fmt.number(round(v), lang=lang)
        for v in ticks
    ]
    tick_html = "".join(f"<span>{label}</span>" for label in labels)
    note = f'<div style="margin-top:4px">{size_note}</div>' if size_note else ""
    grey = (
        f'<div style="margin-top:4px"><span style="display:inline-block;width:14px;height:14px;'
        f'background:rgb{NO_DATA};border:1px solid #888;vertical-align:middle;margin-right:6px">'
        f"</span>{no_data}</div>"
        if no_data
        else ""
    )
    if hidden:
        grey += (
            f'<div style="margin-top:4px" data-testid="peta-legenda-tersembunyi">'
            f'<span style="display:inline-block;width:14px;height:14px;'
            f"background:rgb{HIDDEN};border:1px solid #888;vertical-align:middle;"
            f'margin-right:6px"></span>{hidden}</div>'
        )
    return (
        '<div style="font-size:15px;line-height:1.4;max-width:420px" data-testid="peta-legenda">'
        f"<div><b>{title}</b></div>"
        f'<div style="height:16px;border:1px solid #888;border-radius:3px;'
        f'background:linear-gradient(to right, {stops})"></div>'
        f'<div style="display:flex;justify-content:space-between">{tick_html}</div>'
        f"{grey}{note}</div>"
    )
