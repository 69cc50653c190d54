"""Streamlit caching at the I/O boundary: thin ``st.cache_data`` wrappers around plain ``lib`` calls.

The plain functions take an engine (``fn(engine, filters, *args)``) so that the CLI and the briefing
use them without Streamlit. Pages never pass an engine to a cached function: the cache key is made of
hashable values only — the database URL, the data version (``ctx.version``, bumped by every import,
so an import invalidates every entry), the :class:`~lib.core.filters.Filters`, and the extra arguments.
Within one rerun a second call with the same key is served from the cache, so no query runs twice.

API (``ctx`` is the :class:`lib.app.ui.PageContext` of the page)::

    from lib.app import cache
    from lib.views import queries

    values = cache.kpi(ctx)                      # query.indicators(engine, ctx.filters)
    whole = cache.kpi(ctx, Filters())            # ... for other filters (here: no filter)
    n = cache.programme_peserta(ctx, values)     # peserta of the whole programme (the quota's)
    df = cache.call(queries.packages, ctx)       # queries.packages(engine, ctx.filters)
    df = cache.call(queries.per_year, ctx)                          # any (engine, filters) fn
    df = cache.call(queries.per_year, ctx, filters=Filters())       # other filters
    spec = cache.chart(charts.per_year_chart, ctx, df, title="…")  # Altair → Vega-Lite dict
    ui.show_chart(spec, "per-tahun", ctx, key="tahun")             # chart + PNG download

``cache.call`` works for any module-level function of ``lib`` whose signature starts with
``(engine, filters, ...)``; the function is found again by module and name, so the key never holds
a function object. Extra arguments must be hashable (str, int, date, tuple, Filters, ...). Results
are pickled by Streamlit: return DataFrames, dicts, tuples or module-level dataclasses.
Engineers of other pages may add dedicated wrappers at the end of this file.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st

from lib.core import db
from lib.core.config import settings
from lib.core.filters import Filters
from lib.render import maps
from lib.semantic import guard
from lib.semantic import query as semantic
from lib.views import queries

if TYPE_CHECKING:  # pragma: no cover
    from lib.app.ui import PageContext

MAX_ENTRIES = 512


@st.cache_data(show_spinner=False, max_entries=MAX_ENTRIES)
def _kpi(url: str, version: str, filters: Filters) -> dict[str, int | float | None]:
    return semantic.indicators(db.get_engine(url), filters)


@st.cache_data(show_spinner=False, max_entries=MAX_ENTRIES)
def _call(
    module: str, name: str, url: str, version: str, filters: Filters, args: tuple, kwargs: tuple
) -> Any:
    fn = getattr(importlib.import_module(module), name)
    return fn(db.get_engine(url), filters, *args, **dict(kwargs))


def kpi(ctx: PageContext, filters: Filters | None = None) -> dict[str, int | float | None]:
    """All indicators of docs/indicators.md for the page's filters (or ``filters``), cached."""
    return _kpi(ctx.url, ctx.version, ctx.filters if filters is None else filters)


def call(
    fn: Callable[..., Any], ctx: PageContext, *args: Any, filters: Filters | None = None, **kw: Any
) -> Any:
    """``fn(engine, filters, *args, **kw)`` cached on URL, data version, filters and arguments."""
    return _call(
        fn.__module__,
        fn.__name__,
        ctx.url,
        ctx.version,
        ctx.filters if filters is None else filters,
        tuple(args),
        tuple(sorted(kw.items())),
    )


@st.cache_data(show_spinner=False, max_entries=MAX_ENTRIES)
def _chart(
    module: str, name: str, args: tuple, kwargs: tuple, lang: str, title: str | None, stamp: str
) -> dict:
    from lib.render import charts

    fn = getattr(importlib.import_module(module), name)
    chart = charts.finish(fn(*args, lang=lang, **dict(kwargs)), lang, title, stamp)
    # Schema validation costs up to 0.1 s per chart on a cold page (a 40-row stacked bar); the
    # builders are validated by the tests instead (bench: /hasil cold −0.25 s at scale 20).
    return chart.to_dict(validate=False)


def chart(
    fn: Callable[..., Any], ctx: PageContext, *args: Any, title: str | None = None, **kw: Any
) -> dict:
    """The Vega-Lite spec of ``fn(*args, lang=ctx.lang, **kw)`` (a :mod:`lib.render.charts` builder),
    finished by ``charts.finish`` with ``title`` and the filter stamp, cached on the arguments
    (DataFrames hash by content). Building and validating an Altair chart costs tens of
    milliseconds; a warm rerun should not pay it again. Render with ``ui.show_chart``.

    For leadership the DataFrames go through :func:`lib.semantic.guard.numeric` first: a hidden
    small count draws no bar and no label.
    """
    if not ctx.exact:
        threshold = ctx.settings.ambang_sel_kecil
        args = tuple(
            guard.numeric(a, threshold)[0] if isinstance(a, pd.DataFrame) else a for a in args
        )
    return _chart(
        fn.__module__,
        fn.__name__,
        tuple(args),
        tuple(sorted(kw.items())),
        ctx.lang,
        title,
        ctx.description,
    )


def programme_peserta(ctx: PageContext, shown: dict | None = None) -> int:
    """Participants of the whole programme (no filter): what the quota and the plan measure.

    ``shown``: indicator values the page already fetched for ``ctx.filters`` (``kpi`` or
    ``queries.quota_progress``); without filters they are the programme's, and no query runs.
    """
    if shown is not None and ctx.filters.is_empty():
        return int(shown["peserta"])
    return call(queries.quota_progress, ctx, filters=Filters())["peserta"]


def intake(fn: Callable[..., Any], ctx: PageContext, *args: Any) -> Any:
    """``fn(engine, *args)`` of :mod:`lib.intake` for the page's database, uncached: operators'
    lists (import history, quarantine) must show the latest import. Pages never hold an engine."""
    return fn(db.get_engine(ctx.url), *args)


def clear() -> None:
    """Drop every cached result (tests; the data version makes this unnecessary in production)."""
    _kpi.clear()
    _call.clear()
    _chart.clear()
    _deck.clear()


# --- wrappers added by other pages ---------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=32)
def _quality(url: str, version: str, today, as_of, lang: str) -> list:
    from lib.intake import quality

    return quality.run_checks(db.get_engine(url), today=today, as_of=as_of, lang=lang)


def quality_checks(ctx: PageContext, today, as_of=None) -> list:
    """The data-quality panel of /data (``lib.intake.quality.run_checks``), cached per data version."""
    return _quality(ctx.url, ctx.version, today, as_of, ctx.lang)


def _boundaries_key(b) -> tuple:
    # one object per file version (lib.render.maps._read_boundaries is cached on path and mtime)
    return (b.path, id(b))


@st.cache_data(show_spinner=False, max_entries=64, hash_funcs={maps.Boundaries: _boundaries_key})
def _deck(
    villages: pd.DataFrame, metric_key: str, label: str, boundaries, kw: tuple, programme: str
) -> tuple:
    # ``programme``: the settings the deck reads (view, zoom), only part of the key
    return maps.deck_parts(
        maps.build_deck(villages, metric_key, label, boundaries=boundaries, **dict(kw))
    )


def deck(
    villages: pd.DataFrame, metric_key: str, label: str, *, boundaries, **kw: Any
) -> maps.PreparedDeck:
    """:func:`lib.render.maps.build_deck` with the same arguments, its JSON cached on them (the
    frames hash by content): a rerun of ``/peta`` does not build and serialise the layers again."""
    key = (villages, metric_key, label, boundaries, tuple(sorted(kw.items())), repr(settings()))
    spec, tooltip = _deck(*key)
    return maps.PreparedDeck(spec, tooltip)
