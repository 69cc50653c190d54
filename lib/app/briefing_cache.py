"""The deck for the ``/briefing`` page, cached at the I/O boundary (Streamlit only).

A deck holds its pictures (about 1 MB of PNG), so it gets its own small cache instead of the shared
``lib.app.cache`` one; the key is the database URL, the data version (bumped by every import), the
data date, the filters, the language and whether the viewer sees exact figures, never an engine.
Behind it, the deck kept on disk (:mod:`lib.briefing.store`): after a server restart or a cleared
cache the deck is read back, not built again, until the data, the settings or the code change.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import streamlit as st

from lib.briefing import slides, store
from lib.core import db
from lib.core.filters import Filters

if TYPE_CHECKING:  # pragma: no cover
    from lib.app.ui import PageContext

MAX_DECKS = 16


@st.cache_data(show_spinner=False, max_entries=MAX_DECKS)
def _deck(
    url: str, version: str, filters: Filters, lang: str, exact: bool, as_of: date | None
) -> slides.Deck:
    engine = db.get_engine(url)
    return store.deck(
        url, version, filters, lang, exact=exact, as_of=as_of, db_id=db.database_id(engine),
        build=lambda: slides.build(engine, filters, lang, exact=exact),
    )  # fmt: skip


def deck(ctx: PageContext) -> slides.Deck:
    """The briefing of the page's filters and language, for this viewer: exact figures for an
    operator or admin, small counts hidden for leadership (``ctx.exact`` is part of the key, so
    the two never share a deck)."""
    return _deck(ctx.url, ctx.version, ctx.filters, ctx.lang, ctx.exact, ctx.data_as_of)
