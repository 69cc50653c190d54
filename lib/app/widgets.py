"""Page pieces shared by ``/``, ``/kuota``, ``/paket`` and ``/rencana``: the status headline, the
quota card and the note on a filtered group's share of the quota, the "Paket berjalan" card, and
the strip of active-filter chips (Streamlit glue only; the words come from
:mod:`lib.views.status` and the i18n catalogue)."""

from __future__ import annotations

import streamlit as st

from lib.app import ui
from lib.core import access, fmt
from lib.core.filters import PARAMS
from lib.semantic import guard
from lib.views import status as status_view

TONE_ALERT = {"good": st.success, "warn": st.warning, "bad": st.error}
TONE_ICON = {
    "good": ":material/check_circle:",
    "warn": ":material/schedule:",
    "bad": ":material/error:",
}
CSS = """
<style>
.st-key-status_headline [data-testid="stAlert"] p:first-child strong { font-size: 1.3rem; }
.st-key-filter_chips {
  position: sticky; top: 3.75rem; z-index: 990; background: var(--background-color, #fff);
  padding: 0.35rem 0; border-bottom: 1px solid rgba(49, 51, 63, 0.15);
}
.st-key-filter_chips button { padding: 0.1rem 0.6rem; min-height: 2rem; }
</style>
"""


def style() -> None:
    """The CSS of these pieces (once per run; an ``st.html`` with only a style takes no space)."""
    st.html(CSS)


def status_headline(ctx, st_) -> None:
    """The answer to "are we on track?": one coloured sentence with its figures, programme-wide
    (and saying so when filters are set)."""
    style()
    h = status_view.headline(st_, ctx.lang)
    box = st.container(key="status_headline")
    body = f"**{h.title}**  \n{h.detail}"
    if st_.filters_ignored:
        body += "  \n" + ctx.t("status.whole_programme")
    with box:
        TONE_ALERT[h.tone](body, icon=TONE_ICON[h.tone])


def quota_card(col, ctx, values: dict, fair) -> None:
    """The quota card: "Capaian kuota" of the whole programme, or under a filter the group's
    "Porsi dari kuota kabupaten" (a share, never the quota reached; ``fair`` from
    :func:`lib.semantic.decisions.fair_share`, ``None`` without a filter)."""
    if fair is not None and fair.scope.filtered:
        shown = {"porsi_kuota": fair.porsi_kuota, "peserta": fair.peserta}
        ui.metric(col, "porsi_kuota", shown, ctx)
    else:
        ui.metric(col, "persen_kuota", values, ctx)


def packages_running_card(
    container, ctx, values: dict, *, border: bool = True, width: int | str = "stretch"
) -> None:
    """The "Paket berjalan" card: the packages with a class, out of the catalogue ("35 dari 40")."""
    container.metric(
        ui.indicator_label("paket_berjalan", ctx.lang),
        ctx.t(
            "ringkasan.of_total",
            n=ui.format_value("paket", values["paket_berjalan"], ctx.lang),
            total=ui.format_value("paket", values["paket_total"], ctx.lang),
        ),
        help=ui.indicator_help("paket_berjalan", ctx.lang),
        border=border,
        width=width,
    )


def fair_share_note(ctx, fair) -> None:
    """Under a filter: the group's share of the regency quota, labelled as a share, with its fair
    share beside it when the filter makes an area. For leadership a small group's count reads
    ``<5`` and its shares ``–`` (:mod:`lib.semantic.guard`). ``fair`` may be ``None`` (no filter)."""
    if fair is None or not fair.scope.filtered:
        return
    thr = ctx.small

    def count(v) -> str:
        text = lambda x: fmt.number(x, lang=ctx.lang)  # noqa: E731
        return text(v) if thr is None else guard.count_text(v, thr, text)

    def pct(v, base) -> str:
        if thr is not None and guard.hides(base, thr):
            return fmt.DASH
        return fmt.pct(v, ctx.lang)

    share = pct(fair.porsi_kuota, fair.peserta)
    if fair.applicable and fair.bagian_wajar is not None:
        text = ctx.t(
            "status.porsi.wajar",
            peserta=count(fair.peserta_wilayah),
            share=share,
            wajar=count(fair.bagian_wajar),
            pct=pct(fair.persen_bagian_wajar, fair.peserta_wilayah),
        )
    else:
        text = ctx.t("status.porsi.plain", peserta=count(fair.peserta), share=share)
    st.info(text, icon=":material/pie_chart:")


def _chip_label(ctx, name: str, value) -> str:
    ref = ctx.ref
    if name == "kecamatan":
        shown = ref.kecamatan.get(value, value)
    elif name == "desa":
        shown = ref.villages.get(value, (value, ""))[0]
    elif name == "paket":
        shown = ref.packages.get(value, (value, ""))[0]
    elif name == "jk":
        shown = ctx.t(f"filter.jk.{value}")
    else:
        shown = str(value)
    return f"{ctx.t(f'filter.{name}')}: {fmt.md_text(shown)}"


def _remove(name: str, value) -> None:
    key = f"f_{name}"
    st.session_state[key] = [v for v in st.session_state.get(key, []) if v != value]


def _clear() -> None:
    for name in PARAMS:
        st.session_state[f"f_{name}"] = []


def filter_chips(ctx) -> None:
    """A sticky strip in the main area with one removable chip per active filter value (the
    sidebar is hidden on phones). A camat's own kecamatan cannot be removed."""
    if ctx.filters.is_empty():
        return
    style()
    locked = ctx.access.kecamatan if ctx.access and ctx.access.role == access.CAMAT else None
    bar = st.container(horizontal=True, key="filter_chips", gap="small")
    bar.caption(ctx.t("chips.label"))
    for name in PARAMS:
        for value in getattr(ctx.filters, name):
            fixed = name == "kecamatan" and value == locked
            bar.button(
                _chip_label(ctx, name, value),
                key=f"chip_{name}_{value}",
                on_click=_remove,
                args=(name, value),
                icon=None if fixed else ":material/close:",
                disabled=fixed,
                help=ctx.t("chips.remove"),
            )
    if sum(len(getattr(ctx.filters, n)) for n in PARAMS) > 1 and locked is None:
        bar.button(ctx.t("chips.clear"), key="chip_clear", on_click=_clear, type="tertiary")


def filter_link(ctx, page_key: str, label: str, params: dict[str, str]) -> None:
    """A link to page ``page_key`` that sets the given filters (others dropped), in the UI
    language: acting on one item of an alert or a ranking."""
    from lib.app import nav

    spec = next(p for p in nav.PAGES if p.key == page_key)
    query = dict(params)
    if ctx.lang != "id":
        query["lang"] = ctx.lang
    st.page_link(
        f"app_pages/{spec.file}", label=fmt.md_text(label), icon=spec.icon, query_params=query
    )
