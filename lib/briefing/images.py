"""The pictures of the briefing: Altair charts rendered to PNG offline by vl-convert.

Every chart is built from small, already aggregated frames (the page query modules) and rendered
with Indonesian number and month names (the Vega locale of :func:`lib.render.charts.locale`) and with no base URL
allowed, so that rendering never reaches the network. The village map is a Vega chart too: the
boundary polygons of :func:`lib.render.maps.load_boundaries` as ``geoshape`` when a file is configured,
else one circle per village at its reference point; no tiles.

Sizes are in CSS pixels for the image box of a slide (see :mod:`lib.briefing.layout`), rendered at
``SCALE`` for projectors and print.
"""

from __future__ import annotations

import copy
import functools
import io
from datetime import date, timedelta

import altair as alt
import pandas as pd

from lib.briefing import png_cache
from lib.core import fmt
from lib.core.i18n import t
from lib.render import charts, maps
from lib.semantic import measures

SCALE = 2
WIDTH, HEIGHT = 760, 350  # the chart box of a content slide (about 2.17 : 1)
BLUE, ORANGE, GREY = charts.PRIMARY, charts.SECONDARY, charts.PLAN
CONTEXT = "#e4e4e4"
# The one palette of the registry, as on /hasil and the map.
OUTCOME_COLOURS = measures.OUTCOME_COLOURS
AID_STATUS_COLOURS = measures.AID_STATUS_COLOURS
FONT = "Liberation Sans"


def _config(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    return chart.configure(
        font=FONT, background="white", locale=charts.locale(lang)
    ).configure_axis(
        labelFontSize=14, titleFontSize=14, titleColor="#333333", labelColor="#333333",
        gridColor="#e6e6e6",
    ).configure_legend(
        labelFontSize=14, titleFontSize=14, orient="bottom", direction="horizontal",
    ).configure_title(fontSize=16, anchor="start", color="#222222").configure_view(
        stroke=None
    )  # fmt: skip


def to_png(chart: alt.TopLevelMixin, lang: str = "id") -> bytes:
    """PNG bytes of ``chart``, rendered offline (no external data allowed). Every picture of the
    deck (charts and the map) comes through here and is kept on disk by what it draws
    (:mod:`lib.briefing.png_cache`): rendered once per data version, filter and language."""
    spec = chart.to_dict(validate=False)
    if spec.get("config") == _config_of(None):
        # The deck's configuration is the same for every picture of a language: set it on the
        # dict instead of ``chart.configure(…)``, which copies the chart and its data (about
        # 0.5 s for the map) before every render or cache look-up.
        spec["config"] = copy.deepcopy(_config_of(lang))
    else:  # a chart configured elsewhere: configure it as a whole
        spec = _config(chart, lang).to_dict(validate=False)
    return png_cache.png(spec, lambda: _render(spec), scale=SCALE, lang=lang)


@functools.lru_cache(maxsize=8)
def _config_of(lang: str | None) -> dict:
    """The top-level ``config`` that :func:`_config` gives a chart in ``lang`` (``None``: Altair's
    default, the ``config`` of a chart that was never configured). Callers must not mutate it."""
    blank = alt.Chart(pd.DataFrame({"x": [0]})).mark_point()
    chart = blank if lang is None else _config(blank, lang)
    return chart.to_dict(validate=False).get("config", {})


def _render(spec: dict) -> bytes:
    import vl_convert as vlc

    return _opaque(vlc.vegalite_to_png(spec, scale=SCALE, allowed_base_urls=[]))


def _opaque(png: bytes) -> bytes:
    """The PNG without its alpha channel (on white): no soft mask in the PDF, smaller files."""
    from PIL import Image

    with Image.open(io.BytesIO(png)) as im:
        if im.mode not in ("RGBA", "LA"):
            return png
        flat = Image.new("RGB", im.size, "white")
        flat.paste(im, mask=im.getchannel("A"))
    out = io.BytesIO()
    flat.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _fit(chart: alt.TopLevelMixin, width: int = WIDTH, height: int = HEIGHT):
    return chart.properties(
        width=width, height=height, autosize=alt.AutoSizeParams(type="fit", contains="padding")
    )


def empty(lang: str = "id", width: int = WIDTH, height: int = HEIGHT) -> alt.Chart:
    """A placeholder that says there is nothing to draw (so a slide never lacks its picture)."""
    df = pd.DataFrame({"text": [t("brief.c.empty", lang)]})
    return _fit(
        alt.Chart(df).mark_text(fontSize=20, color=GREY).encode(text="text:N"), width, height
    )


# --- quota ---------------------------------------------------------------------------------------


def per_year(df: pd.DataFrame, lang: str = "id", *, targets: bool = True) -> alt.TopLevelMixin:
    """Participants per class year (bars, labelled) and the annual targets (ticks).

    ``df``: :func:`lib.views.queries.per_year`. Targets are drawn only when ``targets`` (they are
    programme-wide, so not for a kecamatan or village).
    """
    if df.empty or not (df["peserta"].sum() or (targets and df["target"].sum())):
        return empty(lang)
    data = df.assign(
        tahun=df["tahun"].astype(str),
        label=[fmt.number(v, lang=lang) for v in df["peserta"]],
        target_label=[fmt.number(v, lang=lang) for v in df["target"]],
    )
    x = alt.X("tahun:N", title=t("brief.c.tahun", lang), axis=alt.Axis(labelAngle=0))
    y_title = t("brief.c.peserta", lang)
    bars = (
        alt.Chart(data)
        .mark_bar(color=BLUE, size=70)
        .encode(x=x, y=alt.Y("peserta:Q", title=y_title, axis=alt.Axis(format=",d")))
    )
    labels = (
        bars.transform_filter(alt.datum.peserta > 0)
        .mark_text(baseline="top", dy=6, fontSize=15, color="white", fontWeight="bold")
        .encode(text="label:N")
    )
    layers = [bars, labels]
    if targets and df["target"].sum():
        tdata = data[data["target"] > 0].assign(legend=t("brief.c.target", lang))
        tick = (
            alt.Chart(tdata)
            .mark_tick(thickness=4, size=100)
            .encode(
                x=x,
                y="target:Q",
                color=alt.Color(
                    "legend:N",
                    scale=alt.Scale(range=[ORANGE]),
                    legend=alt.Legend(title=None, symbolType="stroke", symbolStrokeWidth=4),
                ),
            )
        )
        layers.append(tick)
    return _fit(alt.layer(*layers))


def cumulative(
    programme: pd.DataFrame,
    scoped: pd.DataFrame | None,
    start: date,
    end: date,
    kuota: int,
    as_of: date,
    projection_date: date | None,
    lang: str = "id",
) -> alt.TopLevelMixin:
    """Cumulative participants of the whole programme (and of the filter scope, if given) against
    the linear plan, with the projection at the average pace and the quota line.

    ``programme``/``scoped``: :func:`lib.views.queries.cumulative` frames (``tanggal``, ``peserta``).
    """
    s_prog = t("brief.c.s.program", lang)
    s_scope = t("brief.c.s.cakupan", lang)
    s_plan = t("brief.c.s.rencana", lang)
    s_proj = t("brief.c.s.proyeksi", lang)
    rows: list[tuple[str, date, int]] = [(s_plan, start, 0), (s_plan, end, kuota)]

    def series(df: pd.DataFrame | None, name: str) -> None:
        if df is None or df.empty:
            return
        last = 0
        rows.append((name, start, 0))
        for d, n in zip(df["tanggal"], df["peserta"], strict=True):
            if d > as_of:
                break
            rows.append((name, d, int(n)))
            last = int(n)
        rows.append((name, as_of, last))

    series(programme, s_prog)
    series(scoped, s_scope)
    actual = next((n for s, d, n in reversed(rows) if s == s_prog), 0)
    if projection_date is not None and actual and as_of > start:
        stop = min(projection_date, end + timedelta(days=365))
        per_day = actual / (as_of - start).days
        rows += [
            (s_proj, as_of, actual),
            (s_proj, stop, round(actual + per_day * (stop - as_of).days)),
        ]
    df = pd.DataFrame(rows, columns=["seri", "tanggal", "orang"])
    df["tanggal"] = pd.to_datetime(df["tanggal"])
    order = [s for s in (s_prog, s_scope, s_plan, s_proj) if s in set(df["seri"])]
    colours = {s_prog: BLUE, s_scope: charts.GOOD, s_plan: GREY, s_proj: ORANGE}
    dashes = {s_prog: [1, 0], s_scope: [1, 0], s_plan: [6, 4], s_proj: [2, 3]}
    colour = alt.Color(
        "seri:N",
        sort=order,
        scale=alt.Scale(domain=order, range=[colours[s] for s in order]),
        legend=alt.Legend(title=None, symbolStrokeWidth=4, symbolSize=300),
    )
    dash = alt.StrokeDash(
        "seri:N",
        sort=order,
        scale=alt.Scale(domain=order, range=[dashes[s] for s in order]),
        legend=None,
    )
    x = alt.X("tanggal:T", title=None, axis=alt.Axis(format="%b %Y", tickCount=8))
    y = alt.Y("orang:Q", title=t("brief.c.kumulatif", lang), axis=alt.Axis(format=",d"))
    base = alt.Chart(df).encode(x=x, y=y, color=colour, strokeDash=dash)
    actual = base.transform_filter(
        alt.FieldOneOfPredicate(field="seri", oneOf=[s_prog, s_scope])
    ).mark_line(strokeWidth=3, interpolate="step-after")
    planned = base.transform_filter(
        alt.FieldOneOfPredicate(field="seri", oneOf=[s_plan, s_proj])
    ).mark_line(strokeWidth=2.5)
    line = alt.layer(planned, actual)
    quota = pd.DataFrame(
        {"orang": [kuota], "label": [t("brief.c.kuota", lang, kuota=fmt.number(kuota, lang=lang))]}
    )
    rule = alt.Chart(quota).mark_rule(color=ORANGE, strokeWidth=1.5).encode(y="orang:Q")
    rule_text = (
        alt.Chart(quota)
        .mark_text(align="left", dx=4, dy=-9, fontSize=14, color=ORANGE, x=0)
        .encode(y="orang:Q", text="label:N")
    )
    return _fit(alt.layer(line, rule, rule_text))


# --- packages ------------------------------------------------------------------------------------


def packages(df: pd.DataFrame, lang: str = "id", top: int = 10) -> alt.TopLevelMixin:
    """Participants per package, the ``top`` largest (``df``: :func:`lib.views.queries.packages`)."""
    data = df[df["peserta"] > 0].sort_values(["peserta", "nama"], ascending=[False, True]).head(top)
    if data.empty:
        return empty(lang)
    data = data.assign(label=[fmt.number(v, lang=lang) for v in data["peserta"]])
    y = alt.Y(
        "nama:N",
        sort=list(data["nama"]),
        title=None,
        axis=alt.Axis(labelLimit=330, labelFontSize=14),
    )
    bars = (
        alt.Chart(data)
        .mark_bar(color=BLUE)
        .encode(
            y=y,
            x=alt.X(
                "peserta:Q",
                title=t("brief.c.peserta", lang),
                axis=alt.Axis(format=",d", tickCount=5),
            ),
        )
    )
    labels = bars.mark_text(align="left", dx=4, fontSize=14, color="#222222").encode(text="label:N")
    return _fit(alt.layer(bars, labels).properties(title=t("brief.c.paket.title", lang)))


# --- villages ------------------------------------------------------------------------------------


def boundary_geometries() -> dict[str, dict] | None:
    """Village polygons by dotted code from :func:`lib.render.maps.load_boundaries`; ``None`` when no
    file is configured or the file is unusable (the map then draws circles)."""
    try:
        found = maps.load_boundaries()
    except maps.BoundaryError:
        return None
    return found.geometries if found else None


def outcomes(values: dict, lang: str = "id") -> alt.TopLevelMixin:
    """Latest status of the completers: five bars (indicator values of ``lib.semantic.measures``)."""
    keys = measures.STATUSES
    if not values.get("selesai"):
        return empty(lang)
    rows = [
        (t(f"brief.outcome.{k}", lang), int(values.get(k) or 0), OUTCOME_COLOURS[k]) for k in keys
    ]
    df = pd.DataFrame(rows, columns=["status", "orang", "warna"])
    df["label"] = [fmt.number(v, lang=lang) for v in df["orang"]]
    order = list(df["status"])
    bars = (
        alt.Chart(df)
        .mark_bar()
        .encode(
            y=alt.Y(
                "status:N", sort=order, title=None, axis=alt.Axis(labelLimit=250, labelFontSize=15)
            ),
            x=alt.X(
                "orang:Q", title=t("brief.c.orang", lang), axis=alt.Axis(format=",d", tickCount=5)
            ),
            color=alt.Color("warna:N", scale=None),
        )
    )
    labels = bars.mark_text(align="left", dx=4, fontSize=15, color="#222222").encode(
        text="label:N", color=alt.value("#222222")
    )
    return _fit(alt.layer(bars, labels).properties(title=t("brief.c.hasil.title", lang)))


def aid(aid_df: pd.DataFrame, lang: str = "id") -> alt.TopLevelMixin:
    """Aid records per kind, stacked by status (``aid_df``: ``lib.views.outcomes.aid_frame``)."""
    if aid_df.empty or not aid_df["catatan"].sum():
        return empty(lang)
    kinds = ("kur", "peralatan", "modal_dusun_rw")
    statuses = ("diajukan", "disetujui", "disalurkan", "ditolak")
    df = aid_df[aid_df["jenis"].isin(kinds) & aid_df["status"].isin(statuses)].copy()
    df["jenis_t"] = [t(f"brief.aid.{k}", lang) for k in df["jenis"]]
    df["status_t"] = [t(f"brief.aidstatus.{s}", lang) for s in df["status"]]
    df["urut"] = [statuses.index(s) for s in df["status"]]
    status_labels = [t(f"brief.aidstatus.{s}", lang) for s in statuses]
    bars = (
        alt.Chart(df)
        .mark_bar()
        .encode(
            y=alt.Y(
                "jenis_t:N",
                sort=[t(f"brief.aid.{k}", lang) for k in kinds],
                title=None,
                axis=alt.Axis(labelLimit=250, labelFontSize=15),
            ),
            x=alt.X(
                "sum(catatan):Q",
                title=t("brief.c.catatan", lang),
                axis=alt.Axis(format=",d", tickCount=5),
            ),
            color=alt.Color(
                "status_t:N",
                sort=status_labels,
                scale=alt.Scale(
                    domain=status_labels, range=[AID_STATUS_COLOURS[s] for s in statuses]
                ),
                legend=alt.Legend(title=None),
            ),
            order=alt.Order("urut:Q"),
        )
    )
    return _fit(bars.properties(title=t("brief.c.bantuan.title", lang)))


# --- the deck's charts (lib.briefing.slides.Chart) as pictures for the PDF and the page -------------


def chart(spec, lang: str = "id") -> alt.TopLevelMixin:
    """The Altair picture of a :class:`lib.briefing.slides.Chart` (PowerPoint draws the same data
    natively): same categories, series, values and palette."""
    rows = []
    for s_i, se in enumerate(spec.series):
        for c_i, (cat, v) in enumerate(zip(spec.categories, se.values, strict=True)):
            colour = spec.point_colours[c_i] if spec.point_colours else se.colour
            rows.append(
                {
                    "i": c_i, "kategori": cat, "seri": se.name, "nilai": v, "warna": colour,
                    "s": s_i,
                    "tanggal": spec.positions[c_i].isoformat() if spec.positions else None,
                    "label": "" if v is None else (
                        fmt.pct(v, lang) if spec.unit == "persen" else fmt.number(v, lang=lang)
                    ),
                }
            )  # fmt: skip
    df = pd.DataFrame(rows)
    if df.empty or df["nilai"].isna().all():
        return empty(lang)
    names = [se.name for se in spec.series]
    multi = len(spec.series) > 1
    series_colour = alt.Color(
        "seri:N",
        scale=alt.Scale(domain=names, range=[se.colour for se in spec.series]),
        legend=alt.Legend(title=None) if multi else None,
    )
    colour = series_colour if multi or not spec.point_colours else alt.Color("warna:N", scale=None)
    fmt_axis = ".0f" if spec.unit == "persen" else ",d"
    value_title = None
    if spec.kind == "line":
        dashed = [se.name for se in spec.series if se.dashed]
        base = alt.Chart(df.dropna(subset=["nilai"]))
        line = base.mark_line(strokeWidth=3).encode(
            x=alt.X("tanggal:T", title=None, axis=alt.Axis(format="%b %Y", tickCount=8)),
            y=alt.Y("nilai:Q", title=value_title, axis=alt.Axis(format=",d")),
            color=series_colour,
            strokeDash=alt.StrokeDash(
                "seri:N",
                scale=alt.Scale(
                    domain=names, range=[[6, 4] if n in dashed else [1, 0] for n in names]
                ),
                legend=None,
            ),
        )
        return _fit(line.properties(title=spec.title))
    label_dx = (
        {"align": "left", "dx": 3} if spec.kind == "bar" else {"baseline": "bottom", "dy": -3}
    )
    if spec.kind == "bar":
        enc = {
            "y": alt.Y("kategori:N", sort=list(spec.categories), title=None,
                       axis=alt.Axis(labelLimit=260)),
            "x": alt.X("nilai:Q", title=value_title, axis=alt.Axis(format=fmt_axis)),
        }  # fmt: skip
        if multi:
            enc["yOffset"] = alt.YOffset("seri:N", sort=names)
    else:
        enc = {
            "x": alt.X("kategori:N", sort=list(spec.categories), title=None,
                       axis=alt.Axis(labelAngle=0, labelLimit=160)),
            "y": alt.Y("nilai:Q", title=value_title, axis=alt.Axis(format=fmt_axis)),
        }  # fmt: skip
        if multi:
            enc["xOffset"] = alt.XOffset("seri:N", sort=names)
    bars = alt.Chart(df).mark_bar().encode(color=colour, **enc)
    text = (
        alt.Chart(df)
        .mark_text(fontSize=13, color="#333333", **label_dx)
        .encode(text="label:N", **enc)
    )
    return _fit(alt.layer(bars, text).properties(title=spec.title))


def chart_png(spec, lang: str = "id") -> bytes:
    return to_png(chart(spec, lang), lang)


def need_map(
    df: pd.DataFrame,
    need: pd.DataFrame,
    lang: str = "id",
    geometries: dict[str, dict] | None = None,
    *,
    zoom: bool = False,
) -> alt.TopLevelMixin:
    """Coverage by village (``df``: :func:`lib.views.villages.village_stats`) and, beside it, the
    villages with the largest unmet need (``need``: rows of ``decisions.villages_by_need``).

    With ``zoom`` only the villages the filters keep are drawn, so the map fits the filtered area;
    otherwise the rest of the regency is drawn in light grey for context.
    """
    if df.empty:
        return empty(lang)
    data = df[df["in_scope"]] if zoom else df
    map_w, map_h, bar_w = 430, 340, 290
    scope_rows = data[data["in_scope"]]
    context = data[~data["in_scope"]]
    proj = "mercator"
    title = t("brief.c.cakupan", lang)

    def legend(**kw) -> alt.Legend:
        return alt.Legend(
            orient="top-left", direction="vertical", labelFontSize=13, titleFontSize=13,
            fillColor="white", padding=4, **kw,
        )  # fmt: skip

    colour_scale = alt.Scale(scheme="blues", domainMin=0)
    colour_legend = legend(title=title, format=".0f", tickCount=4, gradientLength=90)
    colour = alt.Color("cakupan:Q", scale=colour_scale, legend=colour_legend)
    layers = []
    if geometries:

        def shapes(rows: pd.DataFrame) -> list[dict]:
            return [
                {
                    "type": "Feature",
                    "geometry": geometries[r.kode],
                    "properties": {"cakupan": None if pd.isna(r.cakupan) else float(r.cakupan)},
                }
                for r in rows.itertuples()
                if r.kode in geometries
            ]

        if shapes(context):
            layers.append(
                alt.Chart(alt.Data(values=shapes(context)))
                .mark_geoshape(fill=CONTEXT, stroke="white", strokeWidth=0.8)
                .project(type=proj)
            )
        if shapes(scope_rows):
            layers.append(
                alt.Chart(alt.Data(values=shapes(scope_rows)))
                .mark_geoshape(stroke="white", strokeWidth=0.8)
                .encode(color=alt.Color("properties.cakupan:Q", scale=colour_scale,
                                        legend=colour_legend))
                .project(type=proj)
            )  # fmt: skip
    points = data.dropna(subset=["lat", "lon"])
    if not layers:
        in_points = points[points["in_scope"]]
        outside = points[~points["in_scope"]]
        if not outside.empty:
            layers.append(
                alt.Chart(outside)
                .mark_circle(size=60, color=CONTEXT, opacity=1)
                .encode(longitude="lon:Q", latitude="lat:Q")
                .project(type=proj)
            )
        if not in_points.empty:
            layers.append(
                alt.Chart(in_points)
                .mark_circle(size=160, opacity=1, stroke="#5a5a5a", strokeWidth=0.6)
                .encode(longitude="lon:Q", latitude="lat:Q", color=colour)
                .project(type=proj)
            )
    kec = points[points["in_scope"]].groupby("kecamatan", as_index=False)[["lat", "lon"]].mean()
    if len(kec) > 1:  # kecamatan names for orientation (there is no basemap)
        layers.append(
            alt.Chart(kec)
            .mark_text(fontSize=13, fontStyle="italic", color="#555555", opacity=0.9)
            .encode(longitude="lon:Q", latitude="lat:Q", text="kecamatan:N")
            .project(type=proj)
        )
    if not layers:
        return empty(lang)
    the_map = alt.layer(*layers).properties(
        width=map_w, height=map_h, title=t("brief.c.peta.cakupan", lang)
    )
    if need.empty:
        return the_map
    head = need.assign(
        label=[fmt.number(v, lang=lang) for v in need["kebutuhan_belum_terlayani"]],
        nama=list(need["nama_desa"]),
    )
    bars = (
        alt.Chart(head)
        .mark_bar(color=measures.SECONDARY)
        .encode(
            y=alt.Y("nama:N", sort=list(head["nama"]), title=None, axis=alt.Axis(labelLimit=160)),
            x=alt.X("kebutuhan_belum_terlayani:Q", title=None, axis=alt.Axis(format=",d", tickCount=3)),
        )
    )  # fmt: skip
    text = bars.mark_text(align="left", dx=3, fontSize=14).encode(text="label:N")
    side = alt.layer(bars, text).properties(
        width=bar_w, height=min(map_h - 40, 36 * len(head)), title=t("brief.c.need.title", lang)
    )
    return alt.hconcat(the_map, side, spacing=30)
