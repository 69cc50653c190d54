"""/paket Paket Pelatihan: every package with its classes, fill, completion, competence and
placement; fill-rate chart; package × year heat map; packages never opened."""

import streamlit as st

from lib.app import cache, ui, widgets
from lib.render import charts
from lib.semantic import guard
from lib.semantic.measures import under_capacity_pct
from lib.views import queries

ctx = ui.page_context()
ui.header(ctx, "nav.paket", ctx.t("paket.intro"))
v = cache.kpi(ctx)
pk = cache.call(queries.packages, ctx)

cols = st.columns(4)
widgets.packages_running_card(cols[0], ctx, v)
ui.metric(cols[1], "kelas", v, ctx)
ui.metric(cols[2], "kursi", v, ctx)
ui.metric(cols[3], "persen_keterisian", v, ctx)

# --- all packages --------------------------------------------------------------------------------
st.subheader(ctx.t("paket.h.tabel", n=len(pk)))
st.caption(ctx.t("paket.tabel.note"))
ui.show_table(
    pk,
    ctx,
    columns={
        "kode": ("paket.col.kode", "text"),
        "nama": ("paket.col.paket", "text"),
        "kejuruan": ("filter.kejuruan", "text"),
        "kelas": ("paket.col.kelas", "int"),
        "kursi": ("paket.col.kursi", "int"),
        "terisi": ("paket.col.terisi", "int"),
        "persen_keterisian": ("paket.col.isi", "pct"),
        "peserta": ("chart.series.peserta", "int"),
        "persen_selesai": ("paket.col.selesai", "pct"),
        "persen_kompeten": ("paket.col.kompeten", "pct"),
        "persen_penempatan": ("paket.col.penempatan", "pct"),
    },
    name="paket",
    key="paket",
    help={
        "kelas": ui.indicator_help("kelas", ctx.lang),
        "kursi": ui.indicator_help("kursi", ctx.lang),
        "terisi": ui.indicator_help("terisi", ctx.lang),
        "persen_keterisian": ui.indicator_help("persen_keterisian", ctx.lang),
        "peserta": ui.indicator_help("peserta", ctx.lang),
        "persen_selesai": ui.measure_help("persen_selesai", ctx.lang),
        "persen_kompeten": ui.measure_help("persen_kompeten", ctx.lang),
        "persen_penempatan": ui.indicator_help("persen_penempatan", ctx.lang),
    },
    height=520,
    pin=("kode", "nama"),
)

# The charts carry their own titles (and the filter stamp into the PNG): no subheader repeating them.
if pk["kelas"].sum() == 0:
    st.subheader(ctx.t("paket.h.isi"))
    st.info(ctx.t("page.no_data"))
else:
    spec = cache.chart(
        charts.fill_rate_chart,
        ctx,
        pk,
        threshold=under_capacity_pct(ctx.settings),
        title=ctx.t("paket.h.isi"),
    )
    ui.show_chart(spec, "keterisian-paket", ctx, "isi")

py = cache.call(queries.package_year, ctx)
if py.empty:
    st.subheader(ctx.t("paket.h.heatmap"))
    st.info(ctx.t("page.no_data"))
else:
    if not ctx.exact:
        # The table above shows each package's participants: a year of a package is hidden
        # within its package, so that the package total minus the shown years gives nothing away.
        hide = guard.mask(py, ctx.settings.ambang_sel_kecil, group_by="paket")["peserta"]
        py = py.assign(peserta=py["peserta"].astype(float).mask(hide.to_numpy()))
    spec = cache.chart(charts.package_year_heatmap, ctx, py, pk, title=ctx.t("paket.h.heatmap"))
    ui.show_chart(spec, "paket-tahun", ctx, "heatmap")

# --- never opened --------------------------------------------------------------------------------
never = pk[pk["kelas"] == 0]
st.subheader(ctx.t("paket.h.belum", n=len(never)))
if never.empty:
    st.success(ctx.t("paket.belum.none"), icon=":material/check_circle:")
else:
    st.caption(ctx.t("paket.belum.note"))
    ui.show_table(
        never,
        ctx,
        columns={
            "kode": ("paket.col.kode", "text"),
            "nama": ("paket.col.paket", "text"),
            "kejuruan": ("filter.kejuruan", "text"),
        },
        name="paket-belum-dibuka",
        key="belum",
    )
