"""/briefing: presentation mode, the PDF/PPTX deck and the WhatsApp summary of the filters (layout only).

The deck comes from ``lib.briefing.slides.build`` (cached per data version, filters, language and
whether the viewer sees exact figures by ``lib.app.briefing_cache``: leadership gets small counts
hidden, as on every other page); the page shows one slide at a time as HTML
(``lib.briefing.html``), with previous/next buttons (also the Left/Right keys), ``?slide=N`` in the URL, a presentation toggle
(``?present=1``) that hides the sidebar and header, and PDF/PowerPoint downloads rendered when
clicked, and "Salin ringkasan": the deck's WhatsApp text in a code block with a copy button.
"""

import re

import streamlit as st

from lib import briefing
from lib.app import briefing_cache as cached
from lib.app import ui
from lib.briefing import html

ctx = ui.page_context()
SLIDE_KEY, PRESENT_KEY = "brief_slide", "brief_present"

# URL -> state on the first run of the session (or when the link changed under us). Only ASCII
# digits within bounds are a slide number ("²".isdigit() is true, and int() of 5,000 digits
# raises); anything else is ignored with a notice (docs/architecture.md), as is a present value other than 0/1
# and a parameter given twice with different values.
SLIDE_RE = re.compile(r"[0-9]{1,3}")
url_slide = ui.url_value("slide", "1")
url_present = ui.url_value("present", "0")
if st.session_state.get("_brief_url") != (url_slide, url_present == "1"):
    slide_ok = SLIDE_RE.fullmatch(url_slide) is not None and int(url_slide) >= 1
    st.session_state[SLIDE_KEY] = int(url_slide) - 1 if slide_ok else 0
    st.session_state[PRESENT_KEY] = url_present == "1"
    if not slide_ok:
        st.warning(ctx.t("brief.url.slide"), icon=":material/info:")
    if url_present not in ("0", "1"):
        st.warning(ctx.t("brief.url.present"), icon=":material/info:")

present = st.session_state.get(PRESENT_KEY, False)
if present:
    st.markdown(
        """<style>
        [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
        [data-testid="stHeader"], [data-testid="stToolbar"], [data-testid="stDecoration"]
        { display: none !important; }
        [data-testid="stMainBlockContainer"] { padding: 0.8rem 1.5rem 0.5rem; max-width: 100%; }
        .pantau-slide { width: min(100%, calc((100vh - 6.5rem) * 16 / 9)) !important; }
        </style>""",
        unsafe_allow_html=True,
    )
else:
    ui.header(ctx, "nav.briefing", ctx.t("brief.intro"))

with st.spinner(ctx.t("brief.building")):
    deck = cached.deck(ctx)
total = len(deck.slides)
index = min(max(st.session_state.get(SLIDE_KEY, 0), 0), total - 1)
st.session_state[SLIDE_KEY] = index


def _go(step: int) -> None:
    st.session_state[SLIDE_KEY] = min(max(st.session_state[SLIDE_KEY] + step, 0), total - 1)


def navigation(cols) -> None:
    """Previous, the counter, next (also the Left/Right keys)."""
    cols[0].button(
        ctx.t("brief.prev"), key="brief_prev", on_click=_go, args=(-1,), disabled=index == 0,
        icon=":material/chevron_left:", shortcut="Left", width="stretch",
    )  # fmt: skip
    cols[1].html(
        f"<div style='text-align:center' class='brief-counter'>"
        f"{ctx.t('brief.counter', n=index + 1, total=total)}</div>"
    )
    cols[2].button(
        ctx.t("brief.next"), key="brief_next", on_click=_go, args=(1,), disabled=index >= total - 1,
        icon=":material/chevron_right:", icon_position="right", shortcut="Right", width="stretch",
    )  # fmt: skip


def tools(cols) -> None:
    """The PDF and PowerPoint downloads (rendered when clicked) and the presentation toggle."""
    for col, suffix, label in (
        (cols[0], ".pdf", "brief.download.pdf"),
        (cols[1], ".pptx", "brief.download.pptx"),
    ):
        col.download_button(
            ctx.t(label),
            data=ui.audited(
                ctx,
                deck.file_stem() + suffix,
                lambda suffix=suffix: briefing.render(deck, suffix),
            ),
            file_name=deck.file_stem() + suffix,
            mime=briefing.FORMATS[suffix],
            key=f"brief_dl{suffix.replace('.', '_')}",
            on_click="ignore",
            icon=":material/download:",
            width="stretch",
        )
    cols[2].toggle(ctx.t("brief.present"), key=PRESENT_KEY, help=ctx.t("brief.present.help"))


slide = html.slide_html(deck, index)
if present:  # the slide, then one row of controls (all within the screen's height)
    st.html(slide)
    row = st.columns([1.2, 1.4, 1.2, 1.6, 1.8, 1.9], vertical_alignment="center")
    navigation(row[:3])
    tools(row[3:])
else:  # downloads where the page starts, navigation under the slide
    tools(st.columns([1.4, 1.8, 2.2], vertical_alignment="center"))
    st.html(slide)
    navigation(st.columns([1, 1, 1], vertical_alignment="center"))
    st.subheader(ctx.t("brief.copy.title"), anchor=False)
    st.caption(ctx.t("brief.copy.help"))
    st.code(deck.summary, language=None, wrap_lines=True)

# state -> URL (the filters are written by the shell; other parameters stay)
st.query_params["slide"] = str(index + 1)
if st.session_state.get(PRESENT_KEY):
    st.query_params["present"] = "1"
elif "present" in st.query_params:
    del st.query_params["present"]
st.session_state["_brief_url"] = (
    st.query_params.get("slide", "1"),
    st.query_params.get("present") == "1",
)
