"""Streamlit glue shared by every page: start-up, the global filters in the URL, the page header,
metric cards and downloads.

Pages call :func:`page_context` for the filters and settings of the current view, then hand what
``lib`` computes to the helpers here. Nothing in this module runs SQL itself except through
``lib.db``/``lib.filters``; business rules live elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from lib import config, db, export, fmt
from lib.config import Settings
from lib.filters import PARAMS, Filters, Reference, describe, load_reference, parse
from lib.i18n import t

FILTER_KEY = "f_{}"  # widget keys: f_tahun, f_kecamatan, ... (also test handles: st-key-f_tahun)
CTX_KEY = "_pantau_ctx"


@dataclass(frozen=True)
class PageContext:
    """What a page needs to know about the current view."""

    url: str
    version: str  # data version: part of every cache key
    filters: Filters
    ref: Reference
    lang: str
    settings: Settings
    data_as_of: date | None
    demo: bool

    @property
    def description(self) -> str:
        return describe(self.filters, self.ref)

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)


class AppUnavailable(Exception):
    """The database cannot be reached or has no data: a plain message instead of a traceback."""


@st.cache_resource(show_spinner=False)
def _bootstrap(url: str) -> bool:
    """First start: create the schema, and load the demo into an empty database (spec 7)."""
    engine = db.ensure_ready(url)
    if db.is_empty(engine):
        from lib import demo

        with st.spinner("Menyiapkan basis data demo untuk pertama kali…"):
            demo.seed(engine, scale=1, seed=2022)
    return True


@st.cache_data(show_spinner=False, ttl=600)
def _meta(url: str, version: str) -> tuple[bool, date | None, bool]:
    engine = db.get_engine(url)
    return db.is_demo(engine), db.data_as_of(engine), db.is_empty(engine)


def _lang() -> str:
    lang = st.query_params.get("lang", "id")
    return lang if lang in ("id", "en") else "id"


def build_context() -> PageContext:
    """Resolve database, data version, reference lists and the filters of the URL (entrypoint only).

    Raises :class:`AppUnavailable` with an Indonesian message when the database is unusable.
    """
    url = config.database_url()
    lang = _lang()
    try:
        _bootstrap(url)
        engine = db.get_engine(url)
        version = db.data_version(engine)
        demo, as_of, empty = _meta(url, version)
        ref = load_reference(url, version)
    except Exception as exc:  # noqa: BLE001 - any driver error becomes a plain message
        detail = type(exc).__name__
        raise AppUnavailable(t("error.db", lang, detail=detail)) from exc
    if empty:
        raise AppUnavailable(t("error.empty", lang))
    filters, notices = _sidebar_filters(ref, lang)
    for notice in notices:
        st.warning(notice, icon=":material/info:")
    ctx = PageContext(url, version, filters, ref, lang, config.settings(), as_of, demo)
    st.session_state[CTX_KEY] = ctx
    return ctx


def page_context() -> PageContext:
    """The context that the entrypoint built for this rerun."""
    return st.session_state[CTX_KEY]


# --- filters <-> URL ------------------------------------------------------------------------------


def _sidebar_filters(ref: Reference, lang: str) -> tuple[Filters, list[str]]:
    """The filter widgets, seeded from ``st.query_params`` on a session's first run (or when the
    URL changed under us), written back to the URL on every run (non-default values only)."""
    notices: list[str] = []
    url_params = {k: st.query_params.get(k) for k in PARAMS if st.query_params.get(k)}
    url_filters, url_notices = parse(url_params, ref)
    last = st.session_state.get("_pantau_last_params")
    if last is None or last != url_filters.to_params():
        # First run of a session, or the URL was changed from outside (e.g. a link was followed):
        # the URL wins.
        notices.extend(url_notices)
        for name in PARAMS:
            st.session_state[FILTER_KEY.format(name)] = list(getattr(url_filters, name))

    sb = st.sidebar
    sb.header(t("filter.header", lang))
    sb.multiselect(
        t("filter.tahun", lang),
        options=sorted(set(ref.years) | set(st.session_state.get("f_tahun", []))),
        key="f_tahun",
        placeholder=t("filter.all", lang),
    )
    sb.multiselect(
        t("filter.kecamatan", lang),
        options=list(ref.kecamatan),
        format_func=lambda k: ref.kecamatan[k],
        key="f_kecamatan",
        placeholder=t("filter.all", lang),
    )
    chosen_kec = st.session_state.get("f_kecamatan") or []
    desa_options = [
        k for k, (_, kec) in ref.villages.items() if not chosen_kec or kec in chosen_kec
    ]
    st.session_state["f_desa"] = [
        d for d in st.session_state.get("f_desa", []) if d in desa_options
    ]
    sb.multiselect(
        t("filter.desa", lang),
        options=desa_options,
        format_func=lambda k: ref.villages[k][0],
        key="f_desa",
        placeholder=t("filter.all", lang),
    )
    sb.multiselect(
        t("filter.kejuruan", lang),
        options=list(ref.kejuruan),
        key="f_kejuruan",
        placeholder=t("filter.all", lang),
    )
    chosen_kej = st.session_state.get("f_kejuruan") or []
    paket_options = [
        k for k, (_, kej) in ref.packages.items() if not chosen_kej or kej in chosen_kej
    ]
    st.session_state["f_paket"] = [
        p for p in st.session_state.get("f_paket", []) if p in paket_options
    ]
    sb.multiselect(
        t("filter.paket", lang),
        options=paket_options,
        format_func=lambda k: f"{ref.packages[k][0]} ({k})",
        key="f_paket",
        placeholder=t("filter.all", lang),
    )
    sb.multiselect(
        t("filter.jk", lang),
        options=["L", "P"],
        format_func=lambda j: t(f"filter.jk.{j}", lang),
        key="f_jk",
        placeholder=t("filter.all", lang),
    )
    sb.button(t("filter.reset", lang), on_click=_reset_filters, icon=":material/restart_alt:")

    raw = {name: st.session_state.get(FILTER_KEY.format(name)) or [] for name in PARAMS}
    filters, _ = parse({k: [str(v) for v in vals] for k, vals in raw.items() if vals}, ref)
    write_filters_to_url(filters)
    return filters, notices


def _reset_filters() -> None:
    for name in PARAMS:
        st.session_state[FILTER_KEY.format(name)] = []


def write_filters_to_url(filters: Filters) -> None:
    """Make the URL carry exactly the non-empty filters (other parameters, e.g. ``lang``, stay)."""
    wanted = filters.to_params()
    for name in PARAMS:
        if name in wanted:
            if st.query_params.get(name) != wanted[name]:
                st.query_params[name] = wanted[name]
        elif name in st.query_params:
            del st.query_params[name]
    st.session_state["_pantau_last_params"] = wanted


def set_filter(name: str, values: list[str] | tuple[str, ...]) -> None:
    """Change one filter from a page (e.g. a village chosen on the map) and rerun."""
    st.session_state[FILTER_KEY.format(name)] = list(values)
    st.rerun()


# --- page furniture ------------------------------------------------------------------------------


def header(ctx: PageContext, title_key: str, intro: str | None = None) -> None:
    """Title, demo banner, active filters and the data date: the same on every page."""
    st.title(ctx.t(title_key))
    if ctx.demo:
        st.warning(ctx.t("demo.banner"), icon=":material/science:")
    stamp = ctx.t("filter.active", desc=ctx.description)
    as_of = ctx.t("data.as_of", date=fmt.tanggal(ctx.data_as_of, ctx.lang))
    st.caption(f"{stamp} · **{as_of}**")
    if intro:
        st.markdown(intro)


def table_downloads(df: pd.DataFrame, name: str, ctx: PageContext, key: str) -> None:
    """CSV and XLSX download buttons for a table (formula injection neutralised)."""
    stem = f"{name}-{export.safe_filename(ctx.description)}"
    c1, c2, _ = st.columns([1, 1, 4])
    c1.download_button(
        ctx.t("download.csv"),
        data=lambda: export.to_csv_bytes(df),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"dl_csv_{key}",
        on_click="ignore",
        icon=":material/download:",
    )
    c2.download_button(
        ctx.t("download.xlsx"),
        data=lambda: export.to_xlsx_bytes(df),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"dl_xlsx_{key}",
        on_click="ignore",
        icon=":material/download:",
    )


def chart_png_download(chart, name: str, ctx: PageContext, key: str) -> None:
    """A PNG download of an Altair chart, rendered offline by vl-convert only when clicked."""

    def render() -> bytes:
        import vl_convert as vlc

        return vlc.vegalite_to_png(chart.to_json(), scale=2)

    st.download_button(
        ctx.t("download.png"),
        data=render,
        file_name=f"{name}-{export.safe_filename(ctx.description)}.png",
        mime="image/png",
        key=f"dl_png_{key}",
        on_click="ignore",
        icon=":material/image:",
    )


def run_guarded(body: Callable[[], None], lang: str = "id") -> None:
    """Run ``body``; a database error becomes a plain Indonesian message, never a traceback."""
    try:
        body()
    except AppUnavailable as exc:
        st.error(str(exc), icon=":material/error:")
