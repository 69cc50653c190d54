"""Placeholder page (peta)."""

import streamlit as st

from lib import ui

ctx = ui.page_context()
ui.header(ctx, "nav.peta")
st.info("Halaman ini sedang disiapkan.")
