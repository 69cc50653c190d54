"""/glosarium Glosarium: every indicator and page measure with its definition, and the scope rules."""

import streamlit as st

from lib.app import ui
from lib.semantic.indicators import DEFINITIONS
from lib.views import alerts
from lib.views.queries import PAGE_DEFINITIONS

ctx = ui.page_context()
ui.header(ctx, "nav.glosarium", ctx.t("glos.intro"))
en = ctx.lang == "en"

st.subheader(ctx.t("glos.h.indikator"))
for ind in DEFINITIONS:
    st.markdown(
        f"**{ind.label_en if en else ind.label}** · `{ind.key}` · "
        f"{ctx.t(f'glos.unit.{ind.unit}')}  \n{ind.definition_en if en else ind.definisi}"
    )

st.subheader(ctx.t("glos.h.cakupan"))
st.markdown(ctx.t("glos.scope_note"))
st.markdown(ctx.t("glos.rounding"))

st.subheader(ctx.t("glos.h.halaman"))
for m in PAGE_DEFINITIONS:
    st.markdown(
        f"**{m.label_en if en else m.label}** · `{m.key}`  \n{m.definition_en if en else m.definisi}"
    )

st.subheader(ctx.t("glos.h.peringatan"))
st.markdown(
    ctx.t(
        "glos.alerts",
        pct=alerts.KELAS_KURANG_PERSEN,
        months=alerts.BULAN_TELUSUR,
    )
)

st.subheader(ctx.t("glos.h.filter"))
st.markdown(ctx.t("glos.filters"))
st.caption(ctx.t("privacy.note"))
