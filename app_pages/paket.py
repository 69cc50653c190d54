"""Placeholder page (paket)."""

import streamlit as st

from lib import ui

ctx = ui.page_context()
ui.header(ctx, "nav.paket")
st.info("Halaman ini sedang disiapkan.")
