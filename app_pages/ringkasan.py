"""/ Ringkasan: headline indicators against the quota (placeholder until the dashboard issue)."""

import streamlit as st

from lib import fmt, indicators, ui
from lib.db import get_engine

ctx = ui.page_context()
ui.header(ctx, "nav.ringkasan")
values = indicators.compute(get_engine(ctx.url), ctx.filters)
cols = st.columns(4)
for i, key in enumerate(("peserta", "selesai", "kompeten", "persen_keterisian")):
    ind = indicators.BY_KEY[key]
    v = values[key]
    cols[i].metric(
        ind.label, fmt.pct(v) if ind.unit == "persen" else fmt.number(v), help=ind.definisi
    )
