"""Pantau entrypoint: who is looking, page navigation and the global filters (kept in the URL).

Run with ``make run`` or ``streamlit run dashboard.py``. Page scripts live in ``app_pages/``.
``ui.gate`` comes first: with login configured nobody sees a figure before logging in, a user
without a role sees "no access yet", and local mode on a public address explains how to configure
login. The navigation then lists the pages of the visitor's role; a page opened by URL without the
right shows a refusal instead of its script.
"""

import streamlit as st

from lib.app import nav, ui
from lib.core import access
from lib.core.i18n import t

st.set_page_config(page_title="Pantau", page_icon="📊", layout="wide")

lang = ui.current_lang()
who = ui.gate(lang)

pages = {}
for spec in nav.enabled_pages():
    allowed = access.may_open(spec.role, who)
    page = st.Page(
        f"app_pages/{spec.file}" if allowed else ui.refusal_page(spec),
        title=t(f"nav.{spec.key}", lang),
        icon=spec.icon,
        url_path=spec.path or (None if allowed else spec.file.removesuffix(".py")),
        default=spec.path == "",
        visibility="visible" if allowed else "hidden",
    )
    pages.setdefault(t(f"nav.section.{spec.section}", lang), []).append(page)
current = st.navigation(pages)

try:
    ctx = ui.build_context(who)
except ui.AppUnavailable as exc:
    st.error(str(exc), icon=":material/error:")
    st.stop()

ui.stop_if_empty(ctx, current)
ui.run_page(current)
