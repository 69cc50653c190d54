"""Placeholder page (kuota)."""

import streamlit as st

from lib import ui

ctx = ui.page_context()
ui.header(ctx, "nav.kuota")
st.info("Halaman ini sedang disiapkan.")
