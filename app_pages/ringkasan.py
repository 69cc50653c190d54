"""/ Ringkasan: are we on track (status headline, regency-wide), three main cards with the change
since last month, the cumulative chart against the plan, a quieter second row, and what needs
attention (with links that set the filter)."""

import streamlit as st

from lib.app import cache, ui, widgets
from lib.core import fmt
from lib.render import charts
from lib.views import alerts, rencana
from lib.views import status as status_view

ctx = ui.page_context()
ui.header(ctx, "nav.ringkasan")
v = cache.kpi(ctx)
filtered = not ctx.filters.is_empty()
qp = cache.call(rencana.quota_plan, ctx)
st_ = qp.status

# --- the answer first: on track? (always the whole regency) --------------------------------------
widgets.status_headline(ctx, st_)

# --- three main cards ----------------------------------------------------------------------------
if filtered:
    st.markdown(f"**{ctx.t('ringkasan.h.filtered', desc=fmt.md_text(ctx.description))}**")
main = st.columns(3)
delta = None if filtered else status_view.change_since_last_month(st_, ctx.lang)
ui.metric(main[0], "peserta", v, ctx, delta=delta)
widgets.quota_card(main[1], ctx, v, qp.fair)
ui.metric(main[2], "selesai", v, ctx)
widgets.fair_share_note(ctx, qp.fair)

# --- cumulative against the plan (regency-wide) --------------------------------------------------
spec = cache.chart(
    charts.progress_chart,
    ctx,
    qp.series,
    st_.as_of,
    st_.tanggal_selesai,
    st_.kuota,
    st_.proyeksi,
    title=ctx.t("ringkasan.chart.kemajuan"),
)
st.vega_lite_chart(spec=spec, width="stretch")
ui.page_link(ctx, "rencana", ctx.t("ringkasan.link.rencana"))

# --- the quieter second row ----------------------------------------------------------------------
st.markdown(f"**{ctx.t('ringkasan.h.lainnya')}**")
# Six figures in one row where the screen is wide enough; they wrap onto a second line rather than
# cut "35 dari 40" or a sum of money short.
second = st.container(horizontal=True, gap="medium", key="ringkasan_lainnya")
CARD_PX = 190
for key in [
    "kompeten",
    "persen_keterisian",
    None,
    "persen_penempatan",
    "kur_disetujui",
    "kur_nilai_rp",
]:
    if key:
        ui.metric(second, key, v, ctx, border=False, width=CARD_PX)
    else:  # "35 dari 40"
        widgets.packages_running_card(second, ctx, v, border=False, width=CARD_PX)

# --- what needs attention ------------------------------------------------------------------------
st.subheader(ctx.t("ringkasan.h.peringatan"))
small = ctx.small
found = cache.call(alerts.overview, ctx, small)
if not found:
    st.success(ctx.t("ringkasan.no_alerts"), icon=":material/check_circle:")
for alert in found:
    st.warning(alerts.message(alert, ctx.lang, small), icon=":material/warning:")
    if alert.items or alert.links:
        with st.expander(ctx.t(f"alert.items.{alert.code}")):
            for item in alert.items:
                st.text(f"• {item}")
            for label, name, value in alert.links:
                widgets.filter_link(ctx, "peta", label, {name: value})
            if alert.count > len(alert.items) + len(alert.links):
                st.caption(ctx.t("alert.more", n=alert.count - len(alert.items) - len(alert.links)))
row = st.columns(3)
with row[0]:
    ui.page_link(ctx, "kuota", ctx.t("ringkasan.link.kuota"))
with row[1]:
    ui.page_link(ctx, "paket", ctx.t("ringkasan.link.paket"))
with row[2]:
    ui.page_link(ctx, "hasil", ctx.t("ringkasan.link.hasil"))
