"""/ Ringkasan: headline indicators against the quota, pace against the plan, alerts."""

import streamlit as st

from lib.app import cache, ui
from lib.semantic import plan
from lib.views import alerts

ctx = ui.page_context()
ui.header(ctx, "nav.ringkasan", ctx.t("ringkasan.intro"))
v = cache.kpi(ctx)
as_of = ui.as_of_or_today(ctx)

# --- headline indicators -------------------------------------------------------------------------
st.subheader(ctx.t("ringkasan.h.indikator"))
row1 = st.columns(3)
ui.metric(row1[0], "peserta", v, ctx)
ui.metric(row1[1], "persen_kuota", v, ctx)
ui.metric(row1[2], "selesai", v, ctx)
share = min(1.0, (v["persen_kuota"] or 0) / 100)
st.progress(
    share,
    text=ctx.t(
        "ringkasan.progress",
        peserta=ui.format_value("orang", v["peserta"], ctx.lang),
        kuota=ui.format_value("orang", v["kuota"], ctx.lang),
        pct=ui.format_value("persen", v["persen_kuota"], ctx.lang),
    ),
)
row2 = st.columns(3)
ui.metric(row2[0], "kompeten", v, ctx)
ui.metric(row2[1], "persen_keterisian", v, ctx)
row2[2].metric(
    ui.indicator_label("paket_berjalan", ctx.lang),
    ctx.t(
        "ringkasan.of_total",
        n=ui.format_value("paket", v["paket_berjalan"], ctx.lang),
        total=ui.format_value("paket", v["paket_total"], ctx.lang),
    ),
    help=ui.indicator_help("paket_berjalan", ctx.lang),
    border=True,
)
row3 = st.columns(3)
ui.metric(row3[0], "persen_penempatan", v, ctx)
ui.metric(row3[1], "kur_disetujui", v, ctx)
ui.metric(row3[2], "kur_nilai_rp", v, ctx)

# --- pace against the linear plan (always the whole programme: the quota is regency-wide) -------
st.subheader(ctx.t("ringkasan.h.laju"))
out = plan.outlook(cache.programme_peserta(ctx, v), as_of, ctx.settings)
c1, c2 = st.columns([1, 1.3])
c1.metric(
    ui.measure_label("laju", ctx.lang),
    plan.pace_status(out.pace, ctx.lang),
    help=ui.measure_help("laju", ctx.lang),
    border=True,
)
with c2:
    st.markdown(plan.pace_sentence(out.pace, ctx.lang))
    st.markdown(plan.projection_sentence(out.projection, ctx.lang))
    st.markdown(plan.needed_sentence(out.seats, out.classes, out.class_size, ctx.lang))
    if not ctx.filters.is_empty():
        st.caption(ctx.t("plan.whole_programme"))
ui.page_link(ctx, "kuota", ctx.t("ringkasan.link.kuota"))

# --- alerts --------------------------------------------------------------------------------------
st.subheader(ctx.t("ringkasan.h.peringatan"))
found = cache.call(alerts.compute, ctx)
if not found:
    st.success(ctx.t("ringkasan.no_alerts"), icon=":material/check_circle:")
for alert in found:
    st.warning(alerts.message(alert, ctx.lang), icon=":material/warning:")
    if alert.items:
        with st.expander(ctx.t(f"alert.items.{alert.code}")):
            st.markdown("\n".join(f"- {item}" for item in alert.items))
            if alert.count > len(alert.items):
                st.caption(ctx.t("alert.more", n=alert.count - len(alert.items)))
c1, c2 = st.columns(2)
with c1:
    ui.page_link(ctx, "paket", ctx.t("ringkasan.link.paket"))
with c2:
    ui.page_link(ctx, "hasil", ctx.t("ringkasan.link.hasil"))
