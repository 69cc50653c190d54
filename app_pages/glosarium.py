"""/glosarium Glosarium: every measure of the registry with its definition, and the scope rules."""

import streamlit as st

from lib.app import ui
from lib.views import glossary

ctx = ui.page_context()
ui.header(ctx, "nav.glosarium", ctx.t("glos.intro"))

st.subheader(ctx.t("glos.h.indikator"))
for entry in glossary.entries(ctx.lang, indicators=True):
    st.markdown(f"**{entry.label}** · `{entry.key}` · {entry.unit}  \n{entry.definition}")

st.subheader(ctx.t("glos.h.cakupan"))
st.markdown(ctx.t("glos.scope_note"))
st.markdown(ctx.t("glos.rounding"))

st.subheader(ctx.t("glos.h.halaman"))
for entry in glossary.entries(ctx.lang, indicators=False):
    st.markdown(f"**{entry.label}** · `{entry.key}` · {entry.unit}  \n{entry.definition}")

st.subheader(ctx.t("glos.h.peringatan"))
st.markdown(glossary.alert_rules(ctx.lang))

st.subheader(ctx.t("glos.h.filter"))
st.markdown(ctx.t("glos.filters"))
st.caption(ctx.t("privacy.note"))
