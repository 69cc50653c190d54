"""Streamlit glue shared by every page: start-up, the global filters in the URL, the page header,
metric cards and downloads.

Pages call :func:`page_context` for the filters and settings of the current view, then hand what
``lib`` computes to the helpers here. Nothing in this module runs SQL itself except through
``lib.core.db``/``lib.core.filters``; business rules live elsewhere.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import streamlit as st

from lib.core import access, audit, config, db, fmt
from lib.core.access import Access
from lib.core.config import Settings
from lib.core.filters import PARAMS, Filters, Reference, describe, load_reference, parse
from lib.core.i18n import t
from lib.render import export, present
from lib.semantic import analytics, guard, measures

if TYPE_CHECKING:  # pragma: no cover
    from pandas.io.formats.style import Styler

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
    version: str  # database id and data version (db.cache_version): part of every cache key
    filters: Filters
    ref: Reference
    lang: str
    settings: Settings
    data_as_of: date | None
    demo: bool
    empty: bool = False  # the database has the schema but no registry person and no class yet
    access: Access | None = None  # who is looking (lib.core.access); None only outside the app

    @property
    def exact(self) -> bool:
        """Whether this viewer sees exact figures (operator, admin, or suppression off); otherwise
        small counts are suppressed (``lib.semantic.suppression``, docs/indicators.md)."""
        return access.exact_figures(self.access, self.settings.supresi_aktif)

    @property
    def small(self) -> int | None:
        """The small-count threshold for this viewer (leadership: counts 1 to it − 1 read ``<5``),
        ``None`` where figures are exact."""
        return None if self.exact else self.settings.ambang_sel_kecil

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
    """First start (README): a database without Pantau's schema gets the schema, and the demo when
    :func:`lib.intake.demo.first_start_seeds` says so (a fresh SQLite database, or any fresh database
    with ``PANTAU_DEMO=1``; never with ``PANTAU_DEMO=0``). A new PostgreSQL database given by
    ``DATABASE_URL`` therefore stays empty, waiting for the real data.

    A database that has the schema but no data is left alone (it may be a production database
    waiting for its first import); the page then says plainly that it is empty.
    """
    from lib.intake import demo

    fresh = db.current_revision(db.get_engine(url)) is None
    engine = analytics.ensure_ready(url)
    if demo.first_start_seeds(url, fresh):
        with st.spinner("Menyiapkan basis data demo untuk pertama kali…"):
            demo.seed(engine, scale=1, seed=2022, who="aplikasi: mulai pertama")
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
    return url_lang() or "id"


def url_value(name: str, default: str) -> str:
    """The URL's value of a single-valued parameter (``lang``, ``slide``, ``present``); ``default``
    without one; ``""`` when it is given twice with different values, so that the caller ignores
    it with a notice instead of silently taking the last one."""
    values = set(st.query_params.get_all(name))
    if not values:
        return default
    return values.pop() if len(values) == 1 else ""


def url_lang() -> str:
    """``?lang=`` ("id" without one); ``""`` when it is unknown or repeated with different
    values (then ignored, with a notice)."""
    value = url_value("lang", "id")
    return value if value in LANGS else ""


def build_context(who: Access | None = None) -> PageContext:
    """Resolve database, data version, reference lists and the filters of the URL (entrypoint only).

    ``who`` is the visitor that :func:`gate` let through; a camat's filters are locked to their
    kecamatan (:func:`lib.core.access.restrict`). Raises :class:`AppUnavailable` with a plain message
    when the database cannot be used; an empty database gives a context with ``empty=True`` (see
    :func:`stop_if_empty`).
    """
    url = config.database_url()
    lang = current_lang()
    who = who or access.LOCAL_ADMIN
    try:
        _bootstrap(url)
        _audit_login(url, who)
        engine = db.get_engine(url)
        version = db.cache_version(engine)
        demo, as_of, empty = _meta(url, version)
        ref = load_reference(url, version)
    except Exception as exc:  # noqa: BLE001 - any driver error becomes a plain message
        detail = type(exc).__name__
        raise AppUnavailable(t("error.db", lang, detail=detail)) from exc
    filters, notices = _sidebar_filters(ref, lang, who)
    if url_lang() == "":  # write_url below drops it from the address
        notices.append(t("url.lang", lang))
    lang = _language_selector(lang)
    _user_box(who, ref, lang)
    write_url(filters, lang)
    # Notices about dropped URL values stay until the user changes the filters.
    if notices:
        st.session_state[NOTICES_KEY] = (filters.to_params(), notices)
    kept_for, kept = st.session_state.get(NOTICES_KEY, ({}, []))
    if kept and kept_for == filters.to_params():
        for notice in kept:
            st.warning(fmt.md_text(notice), icon=":material/info:")
    ctx = PageContext(url, version, filters, ref, lang, config.settings(), as_of, demo, empty, who)
    st.session_state[CTX_KEY] = ctx
    return ctx


def stop_if_empty(ctx: PageContext, page) -> None:
    """An empty database: leadership pages say so plainly and point to Data & Impor (for a role
    that may open it); operator pages (``role="operator"`` in ``lib.app.nav``) still run."""
    from lib.app import nav

    if not ctx.empty:
        return
    path = page.url_path or ""
    if any(p.path == path and not p.leadership for p in nav.PAGES):
        return
    st.warning(ctx.t("error.empty"), icon=":material/info:")
    if access.may_open("operator", ctx.access):
        page_link(ctx, "data")
    st.stop()


def page_context() -> PageContext:
    """The context that the entrypoint built for this rerun."""
    return st.session_state[CTX_KEY]


# --- access (README): who is looking, and what they may see ---------------------------------------

ACCESS_KEY = "_pantau_access"
AUDITED_KEY = "_pantau_audited"  # what this session has already written to the audit log
SECRETS_EXAMPLE = """[auth]
redirect_uri = "https://pantau.example.go.id/oauth2callback"
cookie_secret = "<panjang dan acak>"
client_id = "pantau"
client_secret = "<dari penyedia login>"
server_metadata_url = "https://login.example.go.id/realms/pemda/.well-known/openid-configuration"

[akses]
"bupati@example.go.id" = "pimpinan"
"camat.bissappu@example.go.id" = "camat:73.03.01"
"operator.blk@example.go.id" = "operator"
"admin@example.go.id" = "admin"
"""


def _secrets() -> dict:
    """The app's secrets as a plain dict ({} when there is no secrets file)."""
    try:
        if not st.secrets.load_if_toml_exists():
            return {}
        return st.secrets.to_dict()
    except Exception:  # noqa: BLE001 - an unreadable secrets file means no login is configured
        return {}


@st.cache_data(show_spinner=False)
def _kecamatan_codes() -> tuple[str, ...]:
    return tuple(r["kode"] for r in db.reference_kecamatan())


def current_access() -> Access | None:
    """The visitor of this session: ``None`` when login is configured and nobody is logged in."""
    secrets = _secrets()
    user = st.user.to_dict() if access.auth_configured(secrets) else {}
    return access.resolve(user, secrets, kecamatan_codes=_kecamatan_codes())


def listen_address() -> str | None:
    return st.get_option("server.address")


def local_mode_allowed() -> bool:
    """Local mode serves data only while the server listens on a loopback address. AppTest opens no
    socket at all, so an unset address counts as local there."""
    address = listen_address()
    if access.is_loopback(address):
        return True
    return not address and bool(st.get_option("global.appTest"))


def _title_of(spec, lang: str) -> str:
    return t(f"nav.{spec.key}", lang)


def gate(lang: str) -> Access:
    """Let the visitor in, or show the login page, the "no access yet" page or (local mode on a
    public address) how to configure login, and stop the run. No figure is shown before this
    returns. Returns the visitor (:class:`lib.core.access.Access` with a role)."""
    from lib.app import nav

    who = current_access()
    if who is not None and who.has_role and (who.mode != access.LOCAL or local_mode_allowed()):
        st.session_state[ACCESS_KEY] = who
        return who
    if who is None:
        render = _login_page
    elif who.mode == access.LOCAL:
        render = _public_address_page
    else:
        render = _no_role_page
    pages = [
        st.Page(
            render,
            title=_title_of(spec, lang),
            url_path=spec.path or spec.file.removesuffix(".py"),
            default=spec.path == "",
        )
        for spec in nav.enabled_pages()
    ]
    st.navigation(pages, position="hidden").run()
    st.stop()
    raise AssertionError("unreachable")  # st.stop() ends the run


def _login_page() -> None:
    lang = current_lang()
    st.title(t("akses.login.title", lang))
    st.caption(t("app.subtitle", lang))
    st.markdown(t("akses.login.intro", lang, wilayah=config.settings().wilayah_nama))
    if st.button(t("akses.login.button", lang), type="primary", key="akses_login"):
        st.login()


def _logout() -> None:
    who = st.session_state.get(ACCESS_KEY)
    if who is not None and who.mode == access.OIDC:
        # Signing out must work even when the database does not.
        with contextlib.suppress(Exception):
            audit.write(config.database_url(), audit.LOGOUT, who=who)
    st.logout()


def _no_role_page() -> None:
    lang = current_lang()
    who = current_access()
    st.title(t("akses.none.title", lang))
    st.info(
        t("akses.none.body", lang, email=fmt.md_text(who.email if who else "?")),
        icon=":material/lock:",
    )
    st.button(t("akses.logout.button", lang), key="akses_logout", on_click=_logout)
    if who is not None:
        _audit_once(config.database_url(), audit.REFUSED, who, "tanpa peran", bootstrap=True)


def _public_address_page() -> None:
    lang = current_lang()
    address = listen_address() or t("akses.public.unset", lang)
    st.title(t("akses.public.title", lang))
    st.warning(t("akses.public.body", lang, address=address), icon=":material/lock:")
    st.code(SECRETS_EXAMPLE, language="toml")


def _role_label(who: Access, ref: Reference | None, lang: str) -> str:
    if not who.has_role:
        return t("akses.role.none", lang)
    if who.role == access.CAMAT:
        name = ref.kecamatan.get(who.kecamatan, who.kecamatan) if ref else who.kecamatan
        return t("akses.role.camat", lang, name=fmt.md_text(name))
    return t(f"akses.role.{who.role}", lang)


def _user_box(who: Access, ref: Reference, lang: str) -> None:
    """The visitor's name and role in the sidebar, with the logout button (or the local-mode note)."""
    sb = st.sidebar
    sb.divider()
    if who.mode == access.LOCAL:
        sb.caption(t("akses.sidebar.local", lang))
        return
    box = sb.container(key="akses_user")
    box.markdown(t("akses.sidebar.user", lang, name=fmt.md_text(who.name)))
    box.caption(t("akses.sidebar.role", lang, role=_role_label(who, ref, lang)))
    box.button(
        t("akses.logout.button", lang),
        key="akses_logout",
        on_click=_logout,
        icon=":material/logout:",
    )


def _audit_login(url: str, who: Access) -> None:
    """One audit row per login: per identity token (its ``iat``), not per page load or tab."""
    if who.mode != access.OIDC or st.session_state.get("_pantau_login_audited"):
        return
    claims = st.user.to_dict()
    what = f"token {claims.get('iat', '?')}"
    if not audit.exists(url, audit.LOGIN, who=who.who, what=what):
        audit.write(url, audit.LOGIN, who=who, what=what)
    st.session_state["_pantau_login_audited"] = True


def _audit_once(
    url: str, action: str, who: Access, what: str, filters=None, *, bootstrap: bool = False
) -> None:
    """Write an audit row once per session for the same action, subject and filters (a rerun of
    the same view is not a new view)."""
    key = (action, what, audit._filters_text(filters))
    done = st.session_state.setdefault(AUDITED_KEY, set())
    if key in done:
        return
    try:
        if bootstrap:
            _bootstrap(url)
        audit.write(url, action, who=who, what=what, filters=filters)
    except Exception:  # noqa: BLE001 - a refusal page must show even when the database is down
        return
    done.add(key)


def audit_person_list(ctx: PageContext, what: str) -> None:
    """Record that a list of persons was shown (once per session, list and filters)."""
    _audit_once(ctx.url, audit.PERSON_LIST, ctx.access, what, ctx.filters)


def may_see_persons(ctx: PageContext) -> bool:
    """Lists of persons are for operators and admins only (docs/indicators.md; README, Access)."""
    return access.may_open("operator", ctx.access)


def refuse(spec) -> None:
    """A page opened by URL without the right: say so, show no figure, write it to the audit log."""
    ctx = page_context()
    needed = ctx.t(f"akses.needed.{spec.role}")
    st.title(ctx.t(f"nav.{spec.key}"))
    st.error(
        ctx.t(
            "akses.refused.body",
            page=ctx.t(f"nav.{spec.key}"),
            needed=needed,
            role=_role_label(ctx.access, ctx.ref, ctx.lang),
        ),
        icon=":material/lock:",
    )
    _audit_once(ctx.url, audit.REFUSED, ctx.access, f"/{spec.path}", ctx.filters)


def refusal_page(spec):
    """The callable that stands in for ``spec``'s script when the visitor may not open it."""

    def render() -> None:
        refuse(spec)

    render.__name__ = f"refuse_{spec.key}"
    return render


def audited(ctx: PageContext, what: str, make: Callable[[], bytes]) -> Callable[[], bytes]:
    """A download's data callable that also writes the download to the audit log (who, what, the
    filters of the view). Streamlit runs it only when the button is clicked."""
    url, who, filters = ctx.url, ctx.access, ctx.filters

    def run() -> bytes:
        data = make()
        audit.write(url, audit.EXPORT, who=who, what=what, filters=filters)
        return data

    return run


def suppression_note(ctx: PageContext) -> str:
    """The footnote under a figure or table that had small counts hidden."""
    from lib.semantic.suppression import small

    n = ctx.settings.ambang_sel_kecil
    return ctx.t("supresi.footnote", small=small(n), n=n)


# --- filters <-> URL ------------------------------------------------------------------------------


def _url_params() -> dict[str, str]:
    """The URL's filters; a parameter given twice (``?tahun=2022&tahun=2023``) is merged into one
    comma-separated value (``st.query_params.get`` would return only the last one)."""
    merged = {k: ",".join(v for v in st.query_params.get_all(k) if v) for k in PARAMS}
    return {k: v for k, v in merged.items() if v}


def _sidebar_filters(
    ref: Reference, lang: str, who: Access | None = None
) -> tuple[Filters, list[str]]:
    """The filter widgets, kept in step with the URL (docs/architecture.md).

    The session holds the filters; the URL mirrors them.

    * First run of a session (a link was opened, the page reloaded): the URL's filters fill the
      widgets; unknown or malformed values are dropped with a notice.
    * Later runs: the widgets hold the state. The URL overrides it only when it carries a filter
      value different from the one last written (a link that sets a filter). A URL that lacks
      filters is not a removal: Streamlit's page navigation drops the query string, and reruns may
      carry an outdated one, so missing values are written back instead.
    * After a language switch the widgets are refilled from the last filters (a multiselect keeps
      its state by option label, and the gender labels change with the language).
    * A camat's filters pass :func:`lib.core.access.restrict` at every step: the kecamatan control
      is locked to their kecamatan, and neither the URL nor the controls can widen the view.
    """
    who = who or access.LOCAL_ADMIN
    notices: list[str] = []
    raw = _url_params()
    last = st.session_state.get(LAST_PARAMS_KEY)
    seed: Filters | None = None
    if last is None:
        seed, url_notices = parse(raw, ref)
        notices.extend(_localised_notices(raw, seed, url_notices, ref, lang))
        seed, scope_notices = access.restrict(seed, who, lang, ref)
        notices.extend(scope_notices)
    elif any(raw[k] != last.get(k) for k in raw):
        url_filters, url_notices = parse({**last, **raw}, ref)
        url_filters, scope_notices = access.restrict(url_filters, who, lang, ref)
        if url_filters.to_params() != last:
            seed = url_filters
            notices.extend(_localised_notices(raw, url_filters, url_notices, ref, lang))
        notices.extend(scope_notices)
    if seed is None and st.session_state.get(LAST_LANG_KEY, lang) != lang:
        seed, _ = access.restrict(parse(last or {}, ref)[0], who, lang)
    if seed is not None:
        for name in PARAMS:
            st.session_state[FILTER_KEY.format(name)] = list(getattr(seed, name))
    locked = who.kecamatan if who.role == access.CAMAT else None
    if locked is not None:  # whatever the session or a widget event says
        st.session_state[FILTER_KEY.format("kecamatan")] = [locked]
    st.session_state[LAST_LANG_KEY] = lang

    sb = st.sidebar
    sb.header(t("filter.header", lang))

    def choose(name: str, options: list, label=None, locked: bool = False) -> None:
        """One filter widget; values no longer among the options (a narrower parent) drop out."""
        key = FILTER_KEY.format(name)
        st.session_state[key] = [v for v in st.session_state.get(key, []) if v in options]
        sb.multiselect(
            t(f"filter.{name}", lang),
            options=options,
            format_func=label or str,
            key=key,
            placeholder=t("filter.all", lang),
            select_all=False,  # Streamlit's "Select all" is English only; empty already means all
            disabled=locked,
            help=t("akses.locked.help", lang) if locked else None,
        )

    def within(items: dict, parent: str) -> list:
        """Codes of ``items`` (code -> (name, parent code)) inside the chosen parents, if any."""
        chosen = st.session_state.get(FILTER_KEY.format(parent)) or []
        return [k for k, (_, up) in items.items() if not chosen or up in chosen]

    choose("tahun", sorted(set(ref.years) | set(st.session_state.get("f_tahun", []))))
    kec_options = [locked] if locked is not None else list(ref.kecamatan)
    choose("kecamatan", kec_options, lambda k: ref.kecamatan.get(k, k), locked=locked is not None)
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
    filters, _ = access.restrict(filters, who, lang)
    st.session_state[LAST_PARAMS_KEY] = filters.to_params()
    return filters, notices


def _localised_notices(
    raw: dict[str, str], parsed: Filters, notices: list[str], ref: Reference, lang: str
) -> list[str]:
    """The parser's notices worded in the page's language (each is data: kind, parameter, value)."""
    return [n.text(lang) if hasattr(n, "text") else n for n in notices]


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
    # A camat's kecamatan comes back at once (see _sidebar_filters).


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
    stamp = ctx.t("filter.active", desc=fmt.md_text(ctx.description))
    as_of = ctx.t("data.as_of", date=fmt.tanggal(ctx.data_as_of, ctx.lang))
    st.caption(f"{stamp} · **{as_of}**")
    from lib.app import widgets

    widgets.filter_chips(ctx)
    if intro:
        st.markdown(intro)


def table_downloads(df: pd.DataFrame, name: str, ctx: PageContext, key: str) -> None:
    """CSV and XLSX download buttons for a table (formula injection neutralised)."""
    stem = f"{name}-{export.safe_filename(ctx.description)}"
    row = st.container(horizontal=True)
    row.download_button(
        ctx.t("download.csv"),
        data=audited(ctx, f"{stem}.csv", lambda: export.to_csv_bytes(df)),
        file_name=f"{stem}.csv",
        mime="text/csv",
        key=f"dl_csv_{key}",
        on_click="ignore",
        icon=":material/download:",
    )
    row.download_button(
        ctx.t("download.xlsx"),
        data=audited(ctx, f"{stem}.xlsx", lambda: export.to_xlsx_bytes(df)),
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

    file_name = f"{name}-{export.safe_filename(ctx.description)}.png"
    st.download_button(
        ctx.t("download.png"),
        data=audited(ctx, file_name, render),
        file_name=file_name,
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
    """Run the current page; a database failure mid-page becomes a plain message (README, Command line)."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        page.run()
    except SQLAlchemyError as exc:
        st.error(t("error.db", current_lang(), detail=type(exc).__name__), icon=":material/error:")


# --- indicators on cards -------------------------------------------------------------------------


def format_value(unit: str, value, lang: str = "id") -> str:
    """An indicator value as shown on a card (:func:`lib.core.fmt.by_unit`)."""
    return fmt.by_unit(unit, value, lang)


def indicator_label(key: str, lang: str = "id") -> str:
    """The label of measure ``key`` of the registry (:mod:`lib.semantic.measures`)."""
    return measures.get(key).label_for(lang)


def indicator_help(key: str, lang: str = "id") -> str:
    """The definition of measure ``key`` in the UI language, with the programme's figures."""
    return measures.get(key).definition_for(lang)


measure_label = indicator_label
measure_help = indicator_help


def measure_unit(key: str) -> str:
    """The unit of measure ``key`` of the registry (for :func:`format_value`)."""
    return measures.get(key).unit


def metric(
    container,
    key: str,
    values: dict,
    ctx: PageContext,
    *,
    label: str | None = None,
    delta: str | None = None,
    delta_color: str = "normal",
    border: bool = True,
    width: int | str = "stretch",
) -> None:
    """``st.metric`` for indicator ``key`` of ``values`` with its definition as help text (a small
    count shown as ``<5`` to leadership, :mod:`lib.semantic.guard`)."""
    shown = values[key] if ctx.exact else guard.value(key, values, ctx.settings.ambang_sel_kecil)
    container.metric(
        label or indicator_label(key, ctx.lang),
        shown if isinstance(shown, str) else format_value(measures.get(key).unit, shown, ctx.lang),
        delta=delta,
        delta_color=delta_color,
        help=indicator_help(key, ctx.lang),
        border=border,
        width=width,
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


def on_phone() -> bool:
    """Whether the browser says it is on a phone (browsers on phones put "Mobi" in their
    User-Agent): the page cannot know the width of its frame, so the map's regency view is fitted
    for a phone on this word."""
    return "Mobi" in (st.context.headers.get("User-Agent") or "")


def as_of_or_today(ctx: PageContext) -> date:
    """The data date, or today when the data carries no date at all."""
    return ctx.data_as_of or date.today()


# --- tables --------------------------------------------------------------------------------------


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
    links: dict[str, tuple[str, str]] | None = None,
    measures: dict[str, str] | None = None,
    suppress: dict | None = None,
) -> None:
    """A sortable table with Indonesian number formats, plus CSV/XLSX downloads.

    ``columns`` maps a column of ``df`` to ``(i18n key of its header, kind)`` with kind one of
    ``text``, ``int``, ``dec1``, ``pct``, ``rupiah`` (a header that is not a catalogue key is shown
    as given). The grid shows the formatted text but sorts on the underlying numbers; the downloads
    carry the raw values under the same headers. ``pin`` names columns that stay in view when the
    grid scrolls sideways. ``links`` maps columns of ``df`` holding relative URLs to
    ``(i18n key of the header, link text)``: shown as links after the other columns, left out of
    the downloads. ``measures`` maps a column of ``df`` to the registry measure it shows when its
    name is not that measure's key (its small-count policy, :mod:`lib.semantic.guard`);
    ``suppress`` passes ``group_by``, ``row_totals`` and ``forced`` (in columns of ``df``) to the
    suppression of :func:`show_prepared_table`.
    """
    from lib.core.i18n import CATALOGUE

    cols = [
        present.Col(
            col,
            ctx.t(label_key) if label_key in CATALOGUE else label_key,
            kind,
            (help or {}).get(col),
        )
        for col, (label_key, kind) in columns.items()
    ]
    table = present.make_table(df, cols)
    if measures:
        keys = {h: measures.get(k, k) for h, k in table.keys.items()}
        table = dataclasses.replace(table, keys=keys)
    pinned = tuple(c.label for c in cols if c.key in pin)
    link_cols = {
        ctx.t(label_key): (list(df[col]), text) for col, (label_key, text) in (links or {}).items()
    }
    show_prepared_table(
        table,
        ctx,
        name=name,
        key=f"tbl_{key}",
        download_key=key,
        height=height,
        pin=pinned,
        links=link_cols,
        suppress=suppress,
        columns_of=[c.key for c in cols],
    )


def suppression_kw(table, suppress: dict | None, columns_of: list[str] | None = None) -> dict:
    """``suppress`` (``group_by``, ``row_totals``, ``forced`` named by source columns) in the
    headers of ``table`` (:func:`lib.semantic.suppression.suppress` arguments)."""
    if not suppress:
        return {}
    sources = columns_of or list(table.keys.values())
    header = {src: h for src, h in zip(sources, table.export.columns, strict=False)}
    kw: dict = {}
    if suppress.get("group_by"):
        kw["group_by"] = header[suppress["group_by"]]
    if suppress.get("row_totals") is not None:
        kw["row_totals"] = {
            header[t]: [header[p] for p in parts if p in header]
            for t, parts in suppress["row_totals"].items()
            if t in header
        }
    if suppress.get("forced"):
        kw["forced"] = [(i, header[c]) for i, c in suppress["forced"] if c in header]
    return kw


# Rows drawn in a grid: a list of every alumnus of a large regency (tens of thousands of rows)
# would take seconds to style and exceeds the cell limit of a styled frame; the lists are in order
# of importance, so the grid shows their head and the downloads hold everything.
GRID_ROWS = 1000


def grid_styler(df: pd.DataFrame, cells: dict[str, list[str]]) -> Styler:
    """The ``Styler`` of ``df`` whose cells read ``cells`` (header -> text of each row), as
    ``df.style.format({col: ...}, na_rep="–")`` would write them, without its HTML rendering.

    ``st.dataframe`` sends the raw values (the grid sorts on them) with the text of every cell whose
    text is not ``str(value)``, which it takes from ``Styler._translate``. pandas builds that from a
    full HTML table model: ~0.13 s for 1000 rows of 9 columns even with formatters that cost
    nothing, paid on every rerun, and /rencana draws four such grids. Here ``_translate`` returns
    just those cells (the only part Streamlit reads, with ``_compute`` for styles: there are none),
    so the grid sent is the same (tests/test_grid_styler.py compares the two).
    """
    styler = df.style
    raw = df.astype(str)  # what Streamlit starts from before it writes the cells in
    body: list[dict] = []
    for ci, col in enumerate(df.columns):
        texts = cells.get(col)
        if texts is None:
            continue
        wanted = np.array(texts, dtype=object)
        for ri in np.flatnonzero(raw.iloc[:, ci].to_numpy(dtype=object) != wanted):
            body.append({"id": f"row{ri}_col{ci}", "display_value": texts[ri]})
    translated = {"body": [body]}
    # instance attributes: the object stays a pandas ``Styler`` (Streamlit checks its exact type)
    vars(styler)["_compute"] = lambda: styler
    vars(styler)["_translate"] = lambda *args, **kwargs: translated
    return styler


def show_prepared_table(
    table,
    ctx: PageContext,
    *,
    name: str,
    key: str,
    download_key: str,
    on_select=None,
    height: int | str = "auto",
    pin: tuple[str, ...] = (),
    links: dict[str, tuple[list, str]] | None = None,
    suppress: dict | None = None,
    columns_of: list[str] | None = None,
) -> None:
    """A :class:`lib.render.present.Table` — the one table renderer of Pantau: the raw numbers of its
    ``export`` frame in the grid (so columns sort as numbers), written the Indonesian way by
    :func:`lib.render.present.format_cell`, help per header, optional single-row selection, and
    CSV/XLSX of the same raw frame. ``links`` adds columns of relative URLs after the others
    (header -> (URLs, link text)), left out of the downloads. ``suppress``: ``group_by``,
    ``row_totals`` and ``forced`` cells of the small-count suppression (:func:`suppression_kw`),
    in source columns (``columns_of``: the source column of each header, in order; default the
    table's ``keys``)."""
    total = len(table.export)
    # Exact figures: the grid needs only the rows it draws, and the downloads take ``export`` as
    # it is; copying a list of 20k persons on every rerun cost more than drawing its head.
    # Suppression looks at every row (groups, totals), and its frame is also the download.
    rows = GRID_ROWS if ctx.exact else total
    view = table.export.iloc[:rows].copy()
    for col in table.numeric:
        view[col] = pd.to_numeric(view[col], errors="coerce")
    hidden = False
    if not ctx.exact:  # leadership: small counts hidden in the grid and in its downloads
        kw = suppression_kw(table, suppress, columns_of)
        view, hidden = guard.frame(view, ctx.settings.ambang_sel_kecil, table.keys, **kw)
    kinds = {col: table.kinds.get(col, "text") for col in view.columns}
    config = {
        col: st.column_config.Column(
            help=table.help.get(col),
            width="small" if col in table.numeric else None,
            # numbers stay right-aligned when a hidden cell ("<5") made the column text
            alignment="right" if col in table.numeric else None,
            pinned=True if col in pin else None,
        )
        for col in view.columns
    }
    select = {} if on_select is None else {"on_select": on_select, "selection_mode": "single-row"}
    shown = view
    if links:
        shown = view.copy()
        for header, (urls, text) in links.items():
            shown[header] = urls[: len(view)]
            config[header] = st.column_config.LinkColumn(header, display_text=text, width="small")
    if total > GRID_ROWS:
        st.caption(
            ctx.t(
                "table.head_only",
                shown=fmt.number(GRID_ROWS, lang=ctx.lang),
                total=fmt.number(total, lang=ctx.lang),
            )
        )
        shown = shown.head(GRID_ROWS)
    st.dataframe(
        grid_styler(shown, present.display_cells(shown, kinds, ctx.lang)),
        hide_index=True,
        column_config=config,
        placeholder=fmt.DASH,
        height=height,
        key=key,
        **select,
    )
    if hidden:
        st.caption(suppression_note(ctx))
    table_downloads(view if hidden else table.export, name, ctx, download_key)
