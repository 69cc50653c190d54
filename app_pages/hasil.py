"""Placeholder page (hasil)."""

import streamlit as st

from lib import ui

ctx = ui.page_context()
ui.header(ctx, "nav.hasil")
st.info("Halaman ini sedang disiapkan.")
