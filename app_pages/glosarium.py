"""Placeholder page (glosarium)."""

import streamlit as st

from lib import ui

ctx = ui.page_context()
ui.header(ctx, "nav.glosarium")
st.info("Halaman ini sedang disiapkan.")
