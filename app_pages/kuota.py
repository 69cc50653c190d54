"""/kuota Kuota & Kemajuan: cumulative progress against the plan, per year, per kecamatan,
projection and the classes of 16 still needed."""

import streamlit as st

from lib.app import cache, ui, widgets
from lib.core import fmt
from lib.render import charts
from lib.semantic import plan
from lib.semantic.measures import annual_targets_apply
from lib.views import queries, rencana

ctx = ui.page_context()
s = ctx.settings
ui.header(ctx, "nav.kuota", ctx.t("kuota.intro"))
v = cache.call(queries.quota_progress, ctx)  # the kpi subset this page shows
as_of = ui.as_of_or_today(ctx)
out = plan.outlook(cache.programme_peserta(ctx, v), as_of, s)
# a filtered group's share of the quota (without a filter the cards above say it all)
fair = None if ctx.filters.is_empty() else cache.call(rencana.fair_share, ctx)

cols = st.columns(4)
ui.metric(cols[0], "peserta", v, ctx)
widgets.quota_card(cols[1], ctx, v, fair)
cols[2].metric(
    ctx.t("kuota.card.kursi"),
    fmt.number(out.seats, lang=ctx.lang),
    help=ui.measure_help("kelas_dibutuhkan", ctx.lang) + " " + ctx.t("plan.whole_programme"),
    border=True,
)
cols[3].metric(
    ctx.t("kuota.card.kelas", size=s.kapasitas_kelas),
    fmt.number(out.classes, lang=ctx.lang),
    help=ui.measure_help("kelas_dibutuhkan", ctx.lang) + " " + ctx.t("plan.whole_programme"),
    border=True,
)
widgets.fair_share_note(ctx, fair)

# --- cumulative against the plan -----------------------------------------------------------------
st.subheader(ctx.t("kuota.h.kumulatif"))
if ctx.filters.is_empty():
    # The same chart and data as on / (deadline, plan, projection and gap labelled on the chart).
    qp = cache.call(rencana.quota_plan, ctx)
    spec = cache.chart(
        charts.progress_chart,
        ctx,
        qp.series,
        qp.status.as_of,
        qp.status.tanggal_selesai,
        qp.status.kuota,
        qp.status.proyeksi,
        title=ctx.t("rencana.chart.kemajuan"),
    )
    ui.show_chart(spec, "kumulatif", ctx, "kumulatif")
else:
    cum = cache.call(queries.cumulative, ctx)
    if cum.empty:
        st.info(ctx.t("page.no_data"))
    else:
        spec = cache.chart(
            charts.cumulative_chart,
            ctx,
            cum,
            s.tanggal_mulai,
            s.tanggal_selesai,
            s.kuota,
            as_of,
            with_plan=False,
            title=ctx.t("kuota.chart.kum_f"),
        )
        ui.show_chart(spec, "kumulatif", ctx, "kumulatif")
st.markdown(plan.pace_sentence(out.pace, ctx.lang))
if not ctx.filters.is_empty():
    st.caption(ctx.t("kuota.kumulatif.filtered") + " " + ctx.t("plan.whole_programme"))

# --- per year ------------------------------------------------------------------------------------
st.subheader(ctx.t("kuota.h.tahun"))
years = cache.call(queries.per_year, ctx)
targets = annual_targets_apply(ctx.filters)
spec = cache.chart(
    charts.per_year_chart,
    ctx,
    years,
    with_target=targets,
    title=ctx.t("kuota.chart.tahun" if targets else "kuota.chart.tahun_f"),
)
ui.show_chart(spec, "per-tahun", ctx, "tahun")
ui.show_table(
    years,
    ctx,
    columns={
        "tahun": ("kuota.col.tahun", "text"),
        "kelas": ("paket.col.kelas", "int"),
        "peserta": ("chart.series.peserta", "int"),
        "selesai": ("chart.series.selesai", "int"),
        **(
            {"target": ("chart.target", "int"), "persen_target": ("chart.of_target", "pct")}
            if targets
            else {}
        ),
    },
    name="per-tahun",
    key="tahun",
)
note = ctx.t("kuota.tahun.note")
st.caption(note if targets else f"{note} {ctx.t('kuota.tahun.no_target')}")

# --- per kecamatan -------------------------------------------------------------------------------
st.subheader(ctx.t("kuota.h.kecamatan"))
villages = cache.call(queries.per_village, ctx)
kec = queries.per_kecamatan(villages)
ui.show_table(
    kec,
    ctx,
    columns={
        "nama": ("kuota.col.kecamatan", "text"),
        "peserta": ("chart.series.peserta", "int"),
        "persen_peserta": ("kuota.col.share", "pct"),
        "warga_sasaran": ("kuota.col.sasaran", "int"),
        "per_1000_sasaran": ("kuota.col.per_1000", "dec1"),
    },
    name="per-kecamatan",
    key="kecamatan",
    help={
        "warga_sasaran": ui.measure_help("sasaran", ctx.lang),
        "per_1000_sasaran": ui.measure_help("per_1000_sasaran", ctx.lang),
    },
)
spec = cache.chart(charts.kecamatan_chart, ctx, kec, title=ctx.t("kuota.chart.kecamatan"))
ui.show_chart(spec, "per-kecamatan", ctx, "kecamatan")
st.caption(
    ctx.t(
        "kuota.sasaran.note",
        min=s.usia_produktif_min,
        max=s.usia_produktif_max,
        desil=s.desil_sasaran_max,
        date=fmt.tanggal(as_of, ctx.lang),
    )
)
ui.page_link(ctx, "peta", ctx.t("kuota.link.peta"))

# --- projection and what is still needed ---------------------------------------------------------
st.subheader(ctx.t("kuota.h.proyeksi"))
c1, c2 = st.columns(2)
c1.metric(
    ui.measure_label("proyeksi", ctx.lang),
    fmt.tanggal(out.projection.date, ctx.lang)
    if out.projection.date
    else ctx.t("kuota.proj.none" if not out.projection.reached else "plan.status.reached"),
    help=ui.measure_help("proyeksi", ctx.lang),
    border=True,
)
with c2:
    st.markdown(plan.projection_sentence(out.projection, ctx.lang))
    st.markdown(plan.needed_sentence(out.seats, out.classes, out.class_size, ctx.lang))
