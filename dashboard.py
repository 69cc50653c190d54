"""Pantau entrypoint: page navigation and the global filters (kept in the URL).

Run with ``make run`` or ``streamlit run dashboard.py``. Page scripts live in ``app_pages/``.
"""

import streamlit as st

from lib.app import nav, ui
from lib.core.i18n import t

st.set_page_config(page_title="Pantau", page_icon="📊", layout="wide")

lang = ui.current_lang()

pages = {}
for spec in nav.enabled_pages():
    page = st.Page(
        f"app_pages/{spec.file}",
        title=t(f"nav.{spec.key}", lang),
        icon=spec.icon,
        url_path=spec.path or None,
        default=spec.path == "",
    )
    pages.setdefault(t(f"nav.section.{spec.section}", lang), []).append(page)
current = st.navigation(pages)

try:
    ctx = ui.build_context()
except ui.AppUnavailable as exc:
    st.error(str(exc), icon=":material/error:")
    st.stop()

ui.stop_if_empty(ctx, current)
ui.run_page(current)
