"""Placeholder page (briefing)."""

import streamlit as st

from lib import ui

ctx = ui.page_context()
ui.header(ctx, "nav.briefing")
st.info("Halaman ini sedang disiapkan.")
