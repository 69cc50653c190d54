"""/peta Peta Desa: a per-village map with a metric chooser, kecamatan and village tables.

Choosing a village on the map or in the table sets the ``desa`` filter (a kecamatan row sets
``kecamatan``); the buttons above the map go back up.
"""

import pandas as pd
import streamlit as st

from lib.app import cache, ui
from lib.core import fmt
from lib.render import maps
from lib.render.present import Col, Table, make_table
from lib.semantic import guard
from lib.semantic.suppression import small as small_marker
from lib.views import privacy, villages

ctx = ui.page_context()
lang = ctx.lang
ui.header(ctx, "nav.peta", ctx.t("peta.intro"))
df = cache.call(villages.village_stats, ctx)
shown = villages.in_scope(df)
signature = abs(hash((ctx.filters, ctx.version))) % 10**10  # fresh selection state per view
small = ctx.small
# The figures of a village as the map, the cards and both tables show them (each a measure).
FIGURES = {
    "peserta": "peserta",
    "warga_sasaran": "sasaran",
    "cakupan": "cakupan",
    "kebutuhan_belum_terlayani": "kebutuhan_belum_terlayani",
    "selesai": "selesai",
    "ditempatkan": "ditempatkan",
    "persen_penempatan": "persen_penempatan",
}


def label(key: str) -> str:
    return ctx.t(f"peta.metric.{key}")


def definition(key: str) -> str:
    if key == "kebutuhan_belum_terlayani":
        return ui.measure_help(key, lang)
    if key == "warga_sasaran":
        return ui.measure_help("sasaran", lang)
    if key == "cakupan":
        return ctx.t("peta.def.cakupan")
    return ui.indicator_help(key, lang)


def pick_village(state_key: str, codes: list[str] | None = None) -> None:
    """Callback: a village chosen on the map (``codes`` None) or in the table sets ``desa``."""
    state = st.session_state.get(state_key)
    if codes is None:
        code = maps.selected_village(state)
    else:
        rows = (state or {}).get("selection", {}).get("rows", [])
        code = codes[rows[0]] if rows else None
    if code and code in ctx.ref.villages:
        ui.set_filter("desa", [code])


def pick_kecamatan(state_key: str, codes: list[str]) -> None:
    rows = (st.session_state.get(state_key) or {}).get("selection", {}).get("rows", [])
    if rows:
        ui.set_filter("kecamatan", [codes[rows[0]]])


def to_regency() -> None:
    st.session_state[ui.FILTER_KEY.format("desa")] = []
    ui.set_filter("kecamatan", [])


def show_table(table: Table, name: str, key: str, on_select=None, suppress=None) -> None:
    ui.show_prepared_table(
        table,
        ctx,
        name=name,
        key=key,
        download_key=name,
        on_select=on_select,
        suppress=suppress,
    )


# --- drill back up -------------------------------------------------------------------------------
if ctx.filters.desa or ctx.filters.kecamatan:
    bar = st.container(horizontal=True)
    if ctx.filters.desa:
        bar.button(
            ctx.t("peta.up.kecamatan"),
            on_click=ui.set_filter,
            args=("desa", []),
            icon=":material/arrow_upward:",
            key="peta_up_kecamatan",
        )
    bar.button(
        ctx.t("peta.up.kabupaten"),
        on_click=to_regency,
        icon=":material/zoom_out_map:",
        key="peta_up_kabupaten",
    )

if shown.empty:
    st.info(ctx.t("peta.empty"), icon=":material/info:")
    st.stop()

# --- metric chooser ------------------------------------------------------------------------------
keys = [m.key for m in maps.METRICS]
metric_key = st.radio(
    ctx.t("peta.metric"),
    keys,
    format_func=label,
    horizontal=True,
    key="peta_metric",
    help="\n".join(f"- **{label(k)}**: {definition(k)}" for k in keys),
)
metric = maps.METRIC_BY_KEY[metric_key]

# --- small counts (leadership): one mask for the map, the village table and its downloads --------
kec = villages.kecamatan_summary(df)
forced: list[tuple[int, str]] = []
hidden = None
if small is not None:
    forced = privacy.nested_forced(
        kec,
        shown,
        outer_key="kode",
        inner_key="kecamatan_kode",
        outer_columns=FIGURES,
        inner_columns=FIGURES,
        threshold=small,
    )
    hidden = privacy.village_mask(shown, FIGURES, small, group_by="kecamatan_kode", forced=forced)

# --- the map -------------------------------------------------------------------------------------
try:
    boundaries = maps.load_boundaries(ctx.settings)
    boundary_error = None
except maps.BoundaryError as exc:
    boundaries, boundary_error = None, str(exc)
deck = cache.deck(
    df,
    metric_key,
    label(metric_key),
    boundaries=boundaries,
    whole=not (ctx.filters.kecamatan or ctx.filters.desa),
    lang=lang,
    tooltip_kecamatan=ctx.t("peta.tooltip.kecamatan"),
    hidden=hidden,
    threshold=small,
    narrow=ui.on_phone(),
)
map_key = f"peta_map_{signature}"
st.pydeck_chart(
    deck,
    height=520,
    on_select=lambda: pick_village(map_key),
    selection_mode="single-object",
    key=map_key,
    alt=ctx.t("peta.map_alt", metric=label(metric_key)),
)
size_note = None
if boundaries is None:
    size_note = ctx.t("peta.legend.size", what=ctx.t(f"peta.size.{metric.size_by}"))
no_data = ctx.t("peta.legend.no_data") if shown[metric_key].isna().any() else None
legend_values = shown[metric_key]
hidden_label = None
if hidden is not None and hidden[metric_key].any():
    legend_values = legend_values.where(~hidden[metric_key].to_numpy())
    hidden_label = ctx.t("peta.legend.hidden", small=small_marker(small or 0))
legend = maps.legend_html(
    legend_values, metric_key, label(metric_key), no_data, size_note, lang, hidden_label
)
st.html(legend)
# How the map is configured is for operators (leadership pages carry no configuration hints).
if ui.may_see_persons(ctx):
    if boundary_error:
        st.warning(
            ctx.t("peta.boundary_error", detail=fmt.md_text(boundary_error)),
            icon=":material/warning:",
        )
    if boundaries is not None:
        st.caption(ctx.t("peta.mode.choropleth", file=fmt.md_text(maps.boundary_name(boundaries))))
        missing = [k for k in shown["kode"] if k not in boundaries.geometries]
        if missing:
            st.caption(ctx.t("peta.missing_boundaries", n=len(missing)))
    else:
        st.caption(ctx.t("peta.mode.circles"))
if boundaries is not None:
    st.caption(ctx.t("peta.boundaries.indicative"))
none = shown[(shown["warga_sasaran"] > 0) & (shown["peserta"] == 0)]
if len(none):
    st.warning(
        ctx.t(
            "peta.tanpa_peserta",
            n=len(none),
            names=fmt.md_text(", ".join(f"{r.desa} ({r.kecamatan})" for r in none.itertuples())),
        ),
        icon=":material/priority_high:",
    )
if len(df) > len(shown):
    st.caption(ctx.t("peta.legend.context"))

# --- headline figures of the scope ---------------------------------------------------------------
totals = villages.totals(shown)
card_values: dict = dict(totals)
if small is not None:  # the scope's totals, hidden like one row of the tables (with its relations)
    masked, _ = guard.frame(pd.DataFrame([totals]), small, FIGURES)
    card_values = masked.iloc[0].to_dict()
cards = st.columns(len(keys))
for col, key in zip(cards, keys, strict=True):
    value = card_values[key]
    col.metric(
        label(key),
        value
        if isinstance(value, str)
        else maps.format_value(value, maps.METRIC_BY_KEY[key], lang),
        help=definition(key),
        border=True,
    )

# --- tables --------------------------------------------------------------------------------------
counts = [
    Col("peserta", label("peserta"), "orang", definition("peserta")),
    Col("warga_sasaran", label("warga_sasaran"), "orang", definition("warga_sasaran")),
    Col("cakupan", label("cakupan"), "persen", definition("cakupan")),
    Col(
        "kebutuhan_belum_terlayani",
        label("kebutuhan_belum_terlayani"),
        "orang",
        definition("kebutuhan_belum_terlayani"),
    ),
    Col("selesai", ctx.t("peta.col.selesai"), "orang", ui.indicator_help("selesai", lang)),
    Col("ditempatkan", ctx.t("peta.col.ditempatkan"), "orang", ctx.t("peta.def.ditempatkan")),
    Col("persen_penempatan", label("persen_penempatan"), "persen", definition("persen_penempatan")),
]
if not ctx.filters.desa:
    st.subheader(ctx.t("peta.h.kecamatan"))
    kec_cols = [
        Col("kode", ctx.t("peta.col.kode")),
        Col("kecamatan", ctx.t("peta.col.kecamatan")),
        Col("jumlah_desa", ctx.t("peta.col.jumlah_desa"), "orang"),
        *counts,
    ]
    kec_key = f"peta_kec_{signature}"
    kec_codes = list(kec["kode"])
    st.caption(ctx.t("peta.pick.kecamatan"))
    show_table(
        make_table(kec, kec_cols),
        "peta-kecamatan",
        kec_key,
        on_select=(lambda: pick_kecamatan(kec_key, kec_codes)) if len(kec) > 1 else None,
    )

st.subheader(ctx.t("peta.h.desa"))
shown_rows = shown.assign(jenis=[ctx.t(f"peta.jenis.{j}") for j in shown["jenis"]])
desa_cols = [
    Col("kode", ctx.t("peta.col.kode")),
    Col("desa", ctx.t("peta.col.desa")),
    Col("jenis", ctx.t("peta.col.jenis")),
    Col("kecamatan", ctx.t("peta.col.kecamatan")),
    *counts,
]
desa_key = f"peta_desa_{signature}"
desa_codes = list(shown["kode"])
st.caption(ctx.t("peta.pick.desa"))
show_table(
    make_table(shown_rows, desa_cols),
    "peta-desa",
    desa_key,
    on_select=lambda: pick_village(desa_key, desa_codes),
    # the kecamatan table and the cards show the totals: suppress within each kecamatan
    suppress={"group_by": "kecamatan", "forced": forced},
)
