"""Placeholder page (rencana)."""

import streamlit as st

from lib.app import ui

ctx = ui.page_context()
ui.header(ctx, "nav.rencana")
st.info("Halaman ini sedang disiapkan.")
