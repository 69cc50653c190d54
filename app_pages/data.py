"""Placeholder page (data)."""

import streamlit as st

from lib import ui

ctx = ui.page_context()
ui.header(ctx, "nav.data")
st.info("Halaman ini sedang disiapkan.")
