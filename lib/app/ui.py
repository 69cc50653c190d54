"""Streamlit glue shared by every page: start-up, the global filters in the URL, the page header,
metric cards and downloads.

Pages call :func:`page_context` for the filters and settings of the current view, then hand what
``lib`` computes to the helpers here. Nothing in this module runs SQL itself except through
``lib.core.db``/``lib.core.filters``; business rules live elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st

from lib.core import config, db, fmt
from lib.core.config import Settings
from lib.core.filters import PARAMS, Filters, Reference, describe, load_reference, parse
from lib.core.i18n import t
from lib.render import export

FILTER_KEY = "f_{}"  # widget keys: f_tahun, f_kecamatan, ... (also test handles: st-key-f_tahun)
LANG_KEY = "f_lang"  # the language widget (?lang=en)
CTX_KEY = "_pantau_ctx"
PNG_WIDTH = 900  # px of a chart downloaded as PNG (at scale 2)
LAST_PARAMS_KEY = "_pantau_last_params"  # the filters of the last run, as URL parameters
LAST_LANG_KEY = "_pantau_last_lang"
NOTICES_KEY = "_pantau_notices"
LANGS = ("id", "en")
LANG_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


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
    empty: bool = False  # the database has the schema but no registry person and no class yet

    @property
    def description(self) -> str:
        """The active filters in words, in the UI language (Indonesian: ``filters.describe``)."""
        return describe(self.filters, self.ref, self.lang)

    def t(self, key: str, **values) -> str:
        return t(key, self.lang, **values)


class AppUnavailable(Exception):
    """The database cannot be reached: a plain message instead of a traceback."""


@st.cache_resource(show_spinner=False)
def _bootstrap(url: str) -> bool:
    """First start (spec 7): a database without Pantau's schema gets the schema and the demo.

    A database that has the schema but no data is left alone (it may be a production database
    waiting for its first import); the page then says plainly that it is empty.
    """
    fresh = db.current_revision(db.get_engine(url)) is None
    engine = db.ensure_ready(url)
    if fresh:
        from lib.intake import demo

        with st.spinner("Menyiapkan basis data demo untuk pertama kali…"):
            demo.seed(engine, scale=1, seed=2022)
    return True


@st.cache_data(show_spinner=False, ttl=600)
def _meta(url: str, version: str) -> tuple[bool, date | None, bool]:
    engine = db.get_engine(url)
    return db.is_demo(engine), db.data_as_of(engine), db.is_empty(engine)


def current_lang() -> str:
    """The UI language: the language widget's value in this session, else ``?lang=``, else "id".

    Called by the entrypoint before the navigation is built (page titles are translated).
    """
    chosen = st.session_state.get(LANG_KEY)
    if chosen in LANGS:
        return chosen
    lang = st.query_params.get("lang", "id")
    return lang if lang in LANGS else "id"


def build_context() -> PageContext:
    """Resolve database, data version, reference lists and the filters of the URL (entrypoint only).

    Raises :class:`AppUnavailable` with a plain message when the database cannot be used; an
    empty database gives a context with ``empty=True`` (see :func:`stop_if_empty`).
    """
    url = config.database_url()
    lang = current_lang()
    try:
        _bootstrap(url)
        engine = db.get_engine(url)
        version = db.data_version(engine)
        demo, as_of, empty = _meta(url, version)
        ref = load_reference(url, version)
    except Exception as exc:  # noqa: BLE001 - any driver error becomes a plain message
        detail = type(exc).__name__
        raise AppUnavailable(t("error.db", lang, detail=detail)) from exc
    filters, notices = _sidebar_filters(ref, lang)
    lang = _language_selector(lang)
    write_url(filters, lang)
    # Notices about dropped URL values stay until the user changes the filters.
    if notices:
        st.session_state[NOTICES_KEY] = (filters.to_params(), notices)
    kept_for, kept = st.session_state.get(NOTICES_KEY, ({}, []))
    if kept and kept_for == filters.to_params():
        for notice in kept:
            st.warning(notice, icon=":material/info:")
    ctx = PageContext(url, version, filters, ref, lang, config.settings(), as_of, demo, empty)
    st.session_state[CTX_KEY] = ctx
    return ctx


def stop_if_empty(ctx: PageContext, page) -> None:
    """An empty database: leadership pages say so plainly and point to Data & Impor; operator
    pages (``leadership=False`` in ``lib.app.nav``, where data is imported) still run."""
    from lib.app import nav

    if not ctx.empty:
        return
    path = page.url_path or ""
    if any(p.path == path and not p.leadership for p in nav.PAGES):
        return
    st.warning(ctx.t("error.empty"), icon=":material/info:")
    page_link(ctx, "data")
    st.stop()


def page_context() -> PageContext:
    """The context that the entrypoint built for this rerun."""
    return st.session_state[CTX_KEY]


# --- filters <-> URL ------------------------------------------------------------------------------


def _url_params() -> dict[str, str]:
    """The URL's filters; a parameter given twice (``?tahun=2022&tahun=2023``) is merged into one
    comma-separated value (``st.query_params.get`` would return only the last one)."""
    merged = {k: ",".join(v for v in st.query_params.get_all(k) if v) for k in PARAMS}
    return {k: v for k, v in merged.items() if v}


def _sidebar_filters(ref: Reference, lang: str) -> tuple[Filters, list[str]]:
    """The filter widgets, kept in step with the URL (spec section 5).

    The session holds the filters; the URL mirrors them.

    * First run of a session (a link was opened, the page reloaded): the URL's filters fill the
      widgets; unknown or malformed values are dropped with a notice.
    * Later runs: the widgets hold the state. The URL overrides it only when it carries a filter
      value different from the one last written (a link that sets a filter). A URL that lacks
      filters is not a removal: Streamlit's page navigation drops the query string, and reruns may
      carry an outdated one, so missing values are written back instead.
    * After a language switch the widgets are refilled from the last filters (a multiselect keeps
      its state by option label, and the gender labels change with the language).
    """
    notices: list[str] = []
    raw = _url_params()
    last = st.session_state.get(LAST_PARAMS_KEY)
    seed: Filters | None = None
    if last is None:
        seed, url_notices = parse(raw, ref)
        notices.extend(_localised_notices(raw, seed, url_notices, ref, lang))
    elif any(raw[k] != last.get(k) for k in raw):
        url_filters, url_notices = parse({**last, **raw}, ref)
        if url_filters.to_params() != last:
            seed = url_filters
            notices.extend(_localised_notices(raw, url_filters, url_notices, ref, lang))
    if seed is None and st.session_state.get(LAST_LANG_KEY, lang) != lang:
        seed, _ = parse(last or {}, ref)
    if seed is not None:
        for name in PARAMS:
            st.session_state[FILTER_KEY.format(name)] = list(getattr(seed, name))
    st.session_state[LAST_LANG_KEY] = lang

    sb = st.sidebar
    sb.header(t("filter.header", lang))

    def choose(name: str, options: list, label=None) -> None:
        """One filter widget; values no longer among the options (a narrower parent) drop out."""
        key = FILTER_KEY.format(name)
        st.session_state[key] = [v for v in st.session_state.get(key, []) if v in options]
        sb.multiselect(
            t(f"filter.{name}", lang),
            options=options,
            format_func=label or str,
            key=key,
            placeholder=t("filter.all", lang),
        )

    def within(items: dict, parent: str) -> list:
        """Codes of ``items`` (code -> (name, parent code)) inside the chosen parents, if any."""
        chosen = st.session_state.get(FILTER_KEY.format(parent)) or []
        return [k for k, (_, up) in items.items() if not chosen or up in chosen]

    choose("tahun", sorted(set(ref.years) | set(st.session_state.get("f_tahun", []))))
    choose("kecamatan", list(ref.kecamatan), lambda k: ref.kecamatan[k])
    choose("desa", within(ref.villages, "kecamatan"), lambda k: ref.villages[k][0])
    choose("kejuruan", list(ref.kejuruan))
    choose(
        "paket",
        within(ref.packages, "kejuruan"),
        lambda k: f"{ref.packages[k][0]} ({k})",
    )
    choose("jk", ["L", "P"], lambda j: t(f"filter.jk.{j}", lang))
    sb.button(
        t("filter.reset", lang),
        on_click=_reset_filters,
        icon=":material/restart_alt:",
        key="f_reset",
    )

    values = {name: st.session_state.get(FILTER_KEY.format(name)) or [] for name in PARAMS}
    filters, _ = parse({k: [str(v) for v in vals] for k, vals in values.items() if vals}, ref)
    st.session_state[LAST_PARAMS_KEY] = filters.to_params()
    return filters, notices


def _localised_notices(
    raw: dict[str, str], parsed: Filters, notices: list[str], ref: Reference, lang: str
) -> list[str]:
    """``parse`` words its notices in Indonesian; in English, say the same per dropped value."""
    if lang == "id" or not notices:
        return notices
    out = []
    for name in PARAMS:
        kept = {str(v) for v in getattr(parsed, name)}
        for value in (v.strip() for v in raw.get(name, "").split(",")):
            if value and value not in kept and _normalised(name, value) not in kept:
                out.append(t("filter.notice", lang, name=t(f"filter.{name}", lang), value=value))
    return out or notices


def _normalised(name: str, value: str) -> str:
    from lib.core.filters import normalise_kecamatan_code, normalise_village_code

    if name == "desa":
        return normalise_village_code(value)
    if name == "kecamatan":
        return normalise_kecamatan_code(value)
    if name == "jk":
        return value.upper()
    return value


def _reset_filters() -> None:
    for name in PARAMS:
        st.session_state[FILTER_KEY.format(name)] = []


def _language_selector(lang: str) -> str:
    """Bahasa Indonesia / English, kept in ``?lang=`` (written only when not Indonesian)."""
    if LANG_KEY not in st.session_state:
        st.session_state[LANG_KEY] = lang
    st.sidebar.divider()
    chosen = st.sidebar.radio(
        "Bahasa / Language",
        options=list(LANGS),
        format_func=LANG_NAMES.get,
        key=LANG_KEY,
        horizontal=True,
    )
    return chosen


def write_url(filters: Filters, lang: str) -> None:
    """Make the URL carry exactly the non-empty filters and ``lang`` (when not Indonesian).

    Other parameters (a page's own) are kept. The whole query string is sent on every run: the
    server's view of the URL can be outdated (see :func:`_sidebar_filters`), and one small message
    per run is cheaper than a browser URL that disagrees with the page.
    """
    wanted = dict(filters.to_params())
    if lang != "id":
        wanted["lang"] = lang
    keep = {k: st.query_params.get_all(k) for k in st.query_params if k not in (*PARAMS, "lang")}
    st.query_params.from_dict({**keep, **wanted})


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
    row = st.container(horizontal=True)
    row.download_button(
        ctx.t("download.csv"),
        data=lambda: export.to_csv_bytes(df),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"dl_csv_{key}",
        on_click="ignore",
        icon=":material/download:",
    )
    row.download_button(
        ctx.t("download.xlsx"),
        data=lambda: export.to_xlsx_bytes(df),
        file_name=f"{stem}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"dl_xlsx_{key}",
        on_click="ignore",
        icon=":material/download:",
    )


def chart_png_download(chart, name: str, ctx: PageContext, key: str) -> None:
    """A PNG download of a chart (Altair object or Vega-Lite dict), rendered offline by
    vl-convert only when clicked."""

    def render() -> bytes:
        import vl_convert as vlc

        spec = dict(chart) if isinstance(chart, dict) else chart.to_dict()
        if not isinstance(spec.get("width"), int):  # "container" has no meaning off-screen
            spec["width"] = PNG_WIDTH
        spec.setdefault("background", "white")
        # Offline: no data or image may be fetched while rendering.
        return vlc.vegalite_to_png(spec, scale=2, allowed_base_urls=[])

    st.download_button(
        ctx.t("download.png"),
        data=render,
        file_name=f"{name}-{export.safe_filename(ctx.description)}.png",
        mime="image/png",
        key=f"dl_png_{key}",
        on_click="ignore",
        icon=":material/image:",
    )


def show_chart(spec: dict, name: str, ctx: PageContext, key: str) -> None:
    """A chart from its Vega-Lite spec (see ``cache.chart``), full width, with a PNG download."""
    st.vega_lite_chart(spec=spec, width="stretch")
    chart_png_download(spec, name, ctx, key)


def run_page(page) -> None:
    """Run the current page; a database failure mid-page becomes the plain message of spec 7."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        page.run()
    except SQLAlchemyError as exc:
        st.error(t("error.db", current_lang(), detail=type(exc).__name__), icon=":material/error:")


# --- indicators on cards -------------------------------------------------------------------------


def format_value(unit: str, value, lang: str = "id") -> str:
    """An indicator value as shown on a card: ``14,4%``, ``Rp3,4 M``, ``1.368``; ``–`` for null."""
    if unit == "persen":
        return fmt.pct(value, lang)
    if unit == "rupiah":
        return fmt.rupiah_compact(value, lang)
    return fmt.number(value, lang=lang)


def indicator_label(key: str, lang: str = "id") -> str:
    from lib.semantic.indicators import BY_KEY

    ind = BY_KEY[key]
    return ind.label if lang == "id" else ind.label_en


def indicator_help(key: str, lang: str = "id") -> str:
    """The definition of an indicator (``lib.semantic.indicators.DEFINITIONS``) in the UI language."""
    from lib.semantic.indicators import BY_KEY

    ind = BY_KEY[key]
    return ind.definisi if lang == "id" else ind.definition_en


def measure_help(key: str, lang: str = "id") -> str:
    """The definition of a page measure (``lib.views.queries.PAGE_DEFINITIONS``)."""
    from lib.views.queries import PAGE_BY_KEY

    m = PAGE_BY_KEY[key]
    return m.definisi if lang == "id" else m.definition_en


def measure_label(key: str, lang: str = "id") -> str:
    from lib.views.queries import PAGE_BY_KEY

    m = PAGE_BY_KEY[key]
    return m.label if lang == "id" else m.label_en


def metric(
    container,
    key: str,
    values: dict,
    ctx: PageContext,
    *,
    label: str | None = None,
    delta: str | None = None,
    delta_color: str = "normal",
) -> None:
    """``st.metric`` for indicator ``key`` of ``values`` with its definition as help text."""
    from lib.semantic.indicators import BY_KEY

    container.metric(
        label or indicator_label(key, ctx.lang),
        format_value(BY_KEY[key].unit, values[key], ctx.lang),
        delta=delta,
        delta_color=delta_color,
        help=indicator_help(key, ctx.lang),
        border=True,
    )


def page_link(ctx: PageContext, key: str, label: str | None = None) -> None:
    """A link to page ``key`` of ``lib.app.nav`` that carries the current filters and language."""
    from lib.app import nav

    spec = next(p for p in nav.PAGES if p.key == key)
    params = dict(ctx.filters.to_params())
    if ctx.lang != "id":
        params["lang"] = ctx.lang
    st.page_link(
        f"app_pages/{spec.file}",
        label=label or ctx.t(f"nav.{key}"),
        icon=spec.icon,
        query_params=params,
    )


def as_of_or_today(ctx: PageContext) -> date:
    """The data date, or today when the data carries no date at all."""
    return ctx.data_as_of or date.today()


# --- tables --------------------------------------------------------------------------------------

_FORMATTERS: dict[str, Callable] = {
    "text": lambda v, lang: "" if v is None or (isinstance(v, float) and pd.isna(v)) else str(v),
    "int": lambda v, lang: fmt.number(None if pd.isna(v) else v, lang=lang),
    "dec1": lambda v, lang: fmt.number(None if pd.isna(v) else v, 1, lang),
    "pct": lambda v, lang: fmt.pct(None if pd.isna(v) else v, lang),
    "rupiah": lambda v, lang: fmt.rupiah(None if pd.isna(v) else v, lang),
}


def show_table(
    df: pd.DataFrame,
    ctx: PageContext,
    *,
    columns: dict[str, tuple[str, str]],
    name: str,
    key: str,
    help: dict[str, str] | None = None,
    height: int | str = "auto",
    pin: tuple[str, ...] = (),
) -> None:
    """A sortable table with Indonesian number formats, plus CSV/XLSX downloads.

    ``columns`` maps a column of ``df`` to ``(i18n key of its header, kind)`` with kind one of
    ``text``, ``int``, ``dec1``, ``pct``, ``rupiah``. The grid shows the formatted text but sorts
    on the underlying numbers; the downloads carry the raw values under the same headers.
    ``pin`` names columns that stay in view when the grid scrolls sideways.
    """
    labels = {col: ctx.t(label_key) for col, (label_key, _) in columns.items()}
    view = df[list(columns)].rename(columns=labels)
    for col, (_, kind) in columns.items():
        if kind != "text":  # None → NaN, so that the grid sorts numbers and shows "–"
            view[labels[col]] = pd.to_numeric(view[labels[col]], errors="coerce")
    formatters = {
        labels[col]: (lambda v, f=_FORMATTERS[kind]: f(v, ctx.lang))
        for col, (_, kind) in columns.items()
    }
    config = {
        labels[col]: st.column_config.Column(
            help=(help or {}).get(col),
            width="small" if kind != "text" else None,
            pinned=True if col in pin else None,
        )
        for col, (_, kind) in columns.items()
    }
    st.dataframe(
        view.style.format(formatters, na_rep=fmt.DASH),
        hide_index=True,
        column_config=config,
        placeholder=fmt.DASH,
        height=height,
        key=f"tbl_{key}",
    )
    table_downloads(view, name, ctx, key)


def show_prepared_table(
    table, ctx: PageContext, *, name: str, key: str, download_key: str, on_select=None
) -> None:
    """A :class:`lib.render.present.Table`: its pre-formatted ``display`` frame (numbers right-aligned,
    help per header), optional single-row selection, and CSV/XLSX of its raw ``export`` frame."""
    config = {
        col: st.column_config.TextColumn(
            col, help=table.help.get(col), alignment="right" if col in table.numeric else None
        )
        for col in table.display.columns
    }
    select = {} if on_select is None else {"on_select": on_select, "selection_mode": "single-row"}
    st.dataframe(table.display, hide_index=True, column_config=config, key=key, **select)
    table_downloads(table.export, name, ctx, download_key)
