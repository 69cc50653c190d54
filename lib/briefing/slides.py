"""The briefing as data: a decision document of :class:`Slide` built once from the database.

The page, the PDF, the PowerPoint file and the WhatsApp text all render the same :class:`Deck`, so
they show the same slides, figures and sentences. Figures come from the semantic layer:
:mod:`lib.semantic.decisions` (status, fair share, package ranking, unmet need, follow-ups, KUR,
proposals) and ``lib.semantic.query`` indicators; sentences and conclusion titles from
:mod:`lib.briefing.narrative`; the map picture and the PNG of each chart (PDF and page) from
:mod:`lib.briefing.images`. The deck never computes a figure of its own.

Storyline (a Bappeda *paparan*): cover; summary (status against quota and deadline, three figures,
the three main gaps); pace; coverage by kecamatan; villages with the largest unmet need; packages
to open next; outcomes with their uncertainty; KUR; "Usulan tindak lanjut". Every title after the
cover is a conclusion written from the data. Every slide after the cover carries speaker notes
(figures, definitions, data date). Charts are :class:`Chart` data, drawn natively in PowerPoint.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

import pandas as pd
from babel.dates import format_date

from lib.briefing import images, narrative
from lib.briefing.privacy import EXACT, Masked, Privacy
from lib.core import db, fmt
from lib.core.config import settings
from lib.core.filters import Filters, Reference, describe, load_reference
from lib.core.i18n import t
from lib.semantic import decisions, guard, measures, query
from lib.views import villages

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy import Engine

SLIDE_KEYS = (
    "judul", "ringkasan", "laju", "wilayah", "desa", "paket", "hasil", "bantuan", "usulan",
)  # fmt: skip
WITH_CHART = ("laju", "wilayah", "paket", "hasil", "bantuan")  # native charts in PowerPoint
WITH_IMAGE = ("desa",)  # the map: a picture everywhere
WHATSAPP_MAX = 1500
_BOLD = re.compile(r"\*\*(.+?)\*\*")
OUTCOME_ORDER = (*measures.OUTCOMES, "tidak_terlacak")


@dataclass(frozen=True)
class Metric:
    label: str
    value: str
    key: str | None = None  # registry measure whose definition the notes quote
    raw: int | float | None = None  # the semantic layer's figure behind ``value``


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    colour: str  # "#rrggbb" of the registry palette
    dashed: bool = False


@dataclass(frozen=True)
class Chart:
    """A chart as data: PowerPoint draws it natively, the PDF and the page as a PNG."""

    kind: str  # bar (horizontal), column, line
    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = "orang"  # orang | persen | catatan
    point_colours: tuple[str, ...] = ()  # one per category (single-series charts)
    positions: tuple[date, ...] = ()  # dates of the categories (line charts over time)


@dataclass(frozen=True)
class Slide:
    key: str  # one of SLIDE_KEYS
    title: str
    sentences: tuple[str, ...]
    metrics: tuple[Metric, ...] = ()
    image: bytes | None = None  # PNG (the map; the chart's picture for the PDF and the page)
    image_alt: str = ""
    bullets: tuple[str, ...] = ()  # may hold **bold** spans (see :func:`segments`)
    chart: Chart | None = None
    notes: tuple[str, ...] = ()  # speaker notes, one paragraph each
    footnote: str = ""  # small counts were hidden on this slide: the pages' footnote


@dataclass(frozen=True)
class Deck:
    """A briefing: the slides, what every page carries (filter stamp, data date) and the text."""

    programme: str
    organiser: str
    description: str  # lib.core.filters.describe
    stamp: str  # "Filter aktif: …"
    as_of: date | None
    as_of_text: str  # "Data per 31 Januari 2025"
    demo: bool
    lang: str
    slides: tuple[Slide, ...] = field(default=())
    summary: str = ""  # the WhatsApp text (:data:`WHATSAPP_MAX` characters at most)

    def footer(self, index: int) -> str:
        """Footer of slide ``index`` (0-based): stamp and data date (page number apart)."""
        return f"{self.stamp} · {self.as_of_text}"

    def page_label(self, index: int) -> str:
        return t("brief.page", self.lang, n=index + 1, total=len(self.slides))

    def file_stem(self) -> str:
        from lib.render.export import safe_filename

        day = self.as_of.isoformat() if self.as_of else "tanpa-tanggal"
        return f"briefing-pantau-{safe_filename(self.description)}-{day}"


def segments(text: str) -> list[tuple[str, bool]]:
    """``"**5 paket** belum"`` → ``[("5 paket", True), (" belum", False)]``."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _BOLD.finditer(text):
        if m.start() > pos:
            out.append((text[pos : m.start()], False))
        out.append((m.group(1), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def plain(text: str) -> str:
    """``text`` without ``**`` markers."""
    return _BOLD.sub(r"\1", text)


def _reference(engine: Engine) -> Reference:
    url = engine.url.render_as_string(hide_password=False)
    return load_reference(url, db.data_version(engine))


def _label(key: str, lang: str) -> str:
    return measures.get(key).label_for(lang)


def _metric(key: str, values: dict, lang: str, g: Privacy = EXACT) -> Metric:
    unit = measures.get(key).unit
    raw = values[key]
    shown = g.value(key, values)
    if isinstance(shown, str):  # hidden for leadership: ``<5`` or ``–``
        return Metric(_label(key, lang), shown, key, None)
    text = narrative.money(raw, lang) if unit == "rupiah" else fmt.by_unit(unit, raw, lang)
    return Metric(_label(key, lang), text, key, raw)


def _n(value, lang: str) -> str:
    return fmt.number(value, lang=lang)


def _of(a, b, lang: str, g: Privacy | None = None) -> str:
    """``a dari b``; with ``g`` the count ``a`` is a count of persons (``<5`` when small)."""
    return t("brief.m.of", lang, a=g.count(a, lang) if g else _n(a, lang), b=_n(b, lang))


def _int(v) -> int:
    return 0 if fmt.is_missing(v) else int(v)


def _chart_value(v) -> float | None:
    return None if fmt.is_missing(v) else float(v)


# --- the slides ----------------------------------------------------------------------------------


def _mask_kecamatan(kec, g: Privacy) -> Masked:
    """The kecamatan table as a leadership viewer sees it: counts of persons masked together (the
    rows add up to the scope's totals), the shortfall and the unmet need hidden wherever the
    participants they are computed from are."""
    columns = {
        c: c
        for c in ("peserta", "peserta_wilayah", "sasaran", "bagian_wajar",
                  "kebutuhan_belum_terlayani", "cakupan", "porsi_kuota", "persen_bagian_wajar",
                  "kurang_dari_bagian_wajar")
    }  # fmt: skip
    derived = {
        "kurang_dari_bagian_wajar": ("peserta_wilayah", "bagian_wajar"),
        "kebutuhan_belum_terlayani": ("peserta", "sasaran"),
    }
    return g.mask(kec.table, columns, derived=derived)


def _mask_villages(vt, g: Privacy) -> Masked:
    columns = {c: c for c in ("peserta", "sasaran", "kebutuhan_belum_terlayani", "cakupan")}
    derived = {"kebutuhan_belum_terlayani": ("peserta", "sasaran")}
    return g.mask(vt, columns, derived=derived)


def _gaps(km: Masked, vil, fu, kur, ranking, lang: str, g: Privacy = EXACT) -> list[str]:
    """The main gaps of the summary, most important first (at most three)."""
    out: list[str] = []
    tab = km.frame
    short = tab[tab["kurang_dari_bagian_wajar"].fillna(0) > 0].sort_values(
        ["kurang_dari_bagian_wajar", "kecamatan"], ascending=[False, True]
    )
    if not short.empty:
        i = km.pos(short.index[0])
        out.append(
            t(
                "nar.gap.kecamatan",
                lang,
                nama=tab["nama_kecamatan"].iloc[i],
                k=km.text(i, "kurang_dari_bagian_wajar", lang),
                peserta=km.text(i, "peserta_wilayah", lang),
                wajar=km.text(i, "bagian_wajar", lang),
            )  # fmt: skip
        )
    none = vil.table[vil.table["tanpa_peserta"]]
    if not none.empty:
        out.append(
            t("nar.gap.desa", lang, n=_n(len(none), lang),
              sasaran=g.count(none["sasaran"].sum(), lang))
        )  # fmt: skip
    if fu.total:
        out.append(
            t(
                "nar.gap.telusur",
                lang,
                n=g.count(fu.total, lang),
                hari=g.derived(_n(fu.enrolments["hari_terlambat"].max(), lang), fu.total),
            )  # fmt: skip
        )
    if kur.diajukan:
        out.append(
            t(
                "nar.gap.kur",
                lang,
                n=g.count(kur.diajukan, lang),
                lama=g.count(kur.lama, lang),
                batas=_n(kur.batas_lama_hari, lang),
            )  # fmt: skip
        )
    never = int((ranking.table["alasan"] == "belum_berjalan").sum())
    if never:
        out.append(t("nar.gap.paket", lang, n=_n(never, lang)))
    return out[:3]


def _proposal_text(p: decisions.Proposal, sort_key: str, lang: str, g: Privacy = EXACT) -> str:
    d = dict(p.details)
    c = lambda v: g.count(v, lang)  # noqa: E731  a count of persons or records
    if p.kind == "buka_kelas":
        kec = next(s for s in p.subjects if s.jenis == "kecamatan")
        paket = [
            t(
                "nar.usul.paket",
                lang,
                nama=f"“{s.nama}”",
                persen=fmt.pct(d.get(f"{sort_key}:{s.kode}"), lang),
            )  # fmt: skip
            for s in p.subjects
            if s.jenis == "paket"
        ]
        return t(
            f"nar.usul.buka_kelas.{d.get('dasar')}", lang, n=_n(p.figure, lang), kec=kec.nama,
            k=c(d.get("kekurangan_orang")),
            paket=narrative.join(paket, lang),
        )  # fmt: skip
    if p.kind in ("desa_tanpa_peserta", "desa_kebutuhan_terbesar"):
        places = [f"{s.nama} ({s.induk})" if s.induk else s.nama for s in p.subjects]
        return t(
            f"nar.usul.{p.kind}", lang, n=_n(p.figure, lang), sasaran=c(d.get("sasaran")),
            names=narrative.join(places, lang),
        )  # fmt: skip
    if p.kind == "telusur_alumni":
        classes = [t("nar.usul.kelas", lang, kode=s.kode, nama=s.nama) for s in p.subjects]
        return t(
            "nar.usul.telusur_alumni", lang, n=c(p.figure), p=c(d.get("pendaftaran")),
            hari=g.derived(_n(d.get("hari_terlambat_maks"), lang), p.figure),
            names=narrative.join(classes, lang),
        )  # fmt: skip
    if p.kind == "percepat_kur":
        return t(
            "nar.usul.percepat_kur", lang, n=c(p.figure), lama=c(d.get("lama")),
            batas=_n(d.get("batas_lama_hari"), lang),
            maks=g.derived(_n(d.get("maks_hari"), lang), p.figure),
        )  # fmt: skip
    if p.kind == "modal_dusun_rw":
        groups = [
            t("nar.usul.dusun", lang, dusun=s.nama, rw=s.rw, desa=s.induk)
            if s.rw
            else t("nar.usul.dusun_norw", lang, dusun=s.nama, desa=s.induk)
            for s in p.subjects
        ]
        return t(
            "nar.usul.modal_dusun_rw", lang, n=c(p.figure), g=_n(d.get("dusun_rw"), lang),
            names=narrative.join(groups, lang),
        )  # fmt: skip
    raise ValueError(p.kind)


def _month(d: date, lang: str) -> str:
    return format_date(d, format="MMM y", locale=fmt.LOCALES.get(lang, "id_ID"))


def _interval(low, high, lang: str) -> tuple[str, str]:
    return fmt.pct(_chart_value(low), lang), fmt.pct(_chart_value(high), lang)


def build(
    engine: Engine,
    filters: Filters,
    lang: str = "id",
    *,
    with_images: bool = True,
    chart_images: bool = True,
    ref: Reference | None = None,
    exact: bool = False,
) -> Deck:
    """The briefing deck for ``filters`` (the function the page, the files and the text share).

    ``with_images``: render the map (and, with ``chart_images``, each chart's PNG for the PDF and
    the page; PowerPoint draws charts natively and needs only the map).

    ``exact``: the viewer sees exact figures (operator, admin, ``briefing --exact``). Otherwise,
    the default, the deck is for leadership: every count of persons or aid records from 1 to
    ``[privasi] ambang_sel_kecil`` − 1 reads ``<5``, a rate, money sum or median over such a group
    ``–``, a second cell is hidden where a total would give one away (``×``), charts draw nothing
    for a hidden cell, and a slide with hidden figures carries the footnote of the pages
    (:mod:`lib.briefing.privacy`, docs/indicators.md)."""
    s = settings()
    g = Privacy(exact=exact or not s.supresi_aktif, threshold=s.ambang_sel_kecil)
    ref = ref or _reference(engine)
    description = describe(filters, ref, lang)
    as_of = db.data_as_of(engine)
    filtered = not filters.is_empty()
    values = query.indicators(engine, filters)
    area = query.values(
        engine, ["cakupan", "kebutuhan_belum_terlayani", "sasaran", "peserta"], filters
    )
    st = decisions.status(engine, filters)
    share = decisions.fair_share(engine, filters)
    ranking = decisions.packages(engine, filters)
    kec = decisions.kecamatan_by_need(engine, filters)
    vil = decisions.villages_by_need(engine, filters)
    fu = decisions.tracer_followups(engine, filters)
    kur = decisions.kur_pipeline(engine, filters)
    alumni = decisions.alumni_priority(engine, filters)
    props = decisions.proposals_from(st, ranking, kec, vil, fu, kur, alumni)
    km = _mask_kecamatan(kec, g)
    g.reset()  # the footnote goes on the slides that show a hidden figure
    stamp = t("filter.active", lang, desc=description)
    as_of_text = t("data.as_of", lang, date=fmt.tanggal(as_of, lang))

    def png(chart: Chart | None) -> bytes | None:
        wanted = with_images and chart_images and chart is not None
        return images.chart_png(chart, lang) if wanted else None

    slides: list[Slide] = []

    def add(slide: Slide) -> None:
        """Append ``slide``, with the pages' footnote when one of its figures was hidden."""
        if g.reset():
            slide = replace(slide, footnote=g.footnote(lang))
        slides.append(slide)

    # 1. cover
    add(
        Slide(
            "judul", s.nama, (narrative.title(description, as_of, lang, unfiltered=not filtered),)
        )
    )

    # 2. summary: status against quota and deadline, three figures, the three main gaps
    sentences = [narrative.status_sentence(st, lang, g)]
    if filtered:
        sentences.append(
            t(
                "nar.st.scope",
                lang,
                desc=narrative.scope_text(description),
                peserta=g.count(share.peserta, lang),
                porsi=g.pct(share.porsi_kuota, share.peserta, lang),
            )  # fmt: skip
        )
    first = Metric(
        t("brief.m.peserta_kuota", lang), _of(st.peserta, st.kuota, lang, g), "peserta", st.peserta
    )
    if filtered:
        second = Metric(
            t("brief.m.peserta_filter", lang, porsi=g.pct(share.porsi_kuota, share.peserta, lang)),
            g.count(share.peserta, lang), "peserta", share.peserta,
        )  # fmt: skip
    else:
        second = Metric(
            t("brief.m.sisa_waktu", lang, date=fmt.tanggal(st.tanggal_selesai, lang)),
            t("brief.v.hari", lang, n=_n(st.hari_tersisa, lang)), None, st.hari_tersisa,
        )  # fmt: skip
    add(
        Slide(
            "ringkasan",
            narrative.status_title(st, lang, g),
            tuple(sentences),
            (first, second, _metric("persen_penempatan", values, lang, g)),
            bullets=tuple(_gaps(km, vil, fu, kur, ranking, lang, g)),
            notes=(
                t(
                    "brief.def.status",
                    lang,
                    rule=t("keputusan.status.rule", lang, bulan=st.bulan_laju_terkini),
                ),
            ),
        )
    )

    # 3. pace (whole programme)
    series = decisions.progress_series(engine)
    chart = Chart(
        "line",
        t("brief.c.laju.title", lang),
        tuple(_month(d, lang) for d in series["tanggal"]),
        (
            Series(
                t("brief.c.s.peserta", lang),
                tuple(g.chart(v) for v in series["peserta"]),
                measures.PRIMARY,
            ),
            Series(
                t("brief.c.s.rencana", lang),
                tuple(float(v) for v in series["rencana"]),
                measures.PLAN,
                True,
            ),
        ),
        positions=tuple(series["tanggal"]),
    )
    sentences = [narrative.pace(st.pace, lang), narrative.projection(st.projection, lang)]
    recent = narrative.recent_pace(st, lang)
    if recent:
        sentences.append(recent)
    add(
        Slide(
            "laju",
            narrative.pace_title(st, lang, g),
            tuple(sentences),
            (
                Metric(t("brief.m.rencana", lang), _n(st.rencana, lang), None, st.rencana),
                Metric(t("brief.m.peserta_program", lang), g.count(st.peserta, lang), "peserta", st.peserta),
                Metric(t("brief.m.selisih", lang), narrative.gap_words(st.selisih_rencana, lang), None, st.selisih_rencana),
                Metric(
                    t("brief.m.proyeksi", lang),
                    t("plan.status.reached", lang) if st.proyeksi is None and st.key == "tercapai"
                    else fmt.tanggal(st.proyeksi, lang),
                ),
            ),
            png(chart), chart.title, chart=chart,
            notes=(t("brief.notes.regency", lang),) if filtered else (),
        )
    )  # fmt: skip

    # 4. coverage by kecamatan against the fair share
    tab = kec.table
    below = tab[tab["kurang_dari_bagian_wajar"].fillna(0) > 0].sort_values(
        ["kurang_dari_bagian_wajar", "kecamatan"], ascending=[False, True]
    )
    if len(tab) == 1:
        r = tab.iloc[0]
        k = _int(r["kurang_dari_bagian_wajar"])
        title = (
            t("nar.t.wilayah.one_below", lang, nama=r["nama_kecamatan"],
              k=km.text(0, "kurang_dari_bagian_wajar", lang)) if k > 0
            else t("nar.t.wilayah.one_ok", lang, nama=r["nama_kecamatan"],
                   persen=km.text(0, "persen_bagian_wajar", lang, "pct"))
        )  # fmt: skip
        sentences = [
            t(
                "nar.wilayah.one",
                lang,
                nama=r["nama_kecamatan"],
                cakupan=km.text(0, "cakupan", lang, "pct"),
                sasaran=km.text(0, "sasaran", lang),
            )  # fmt: skip
        ]
    elif not below.empty:
        r = below.iloc[0]
        title = t(
            "nar.t.wilayah.below", lang, n=_n(len(below), lang), nama=r["nama_kecamatan"],
            k=km.text(km.pos(below.index[0]), "kurang_dari_bagian_wajar", lang),
        )  # fmt: skip
        sentences = []
    else:
        title = t("nar.t.wilayah.ok", lang)
        sentences = []
    covered = tab[tab["sasaran"] > 0].sort_values(["cakupan", "kecamatan"], ascending=[False, True])
    if len(covered) > 1:
        hi, lo = covered.iloc[0], covered.iloc[-1]
        sentences.append(
            t(
                "nar.wilayah.cakupan",
                lang,
                hi=hi["nama_kecamatan"],
                hi_p=km.text(km.pos(covered.index[0]), "cakupan", lang, "pct"),
                lo=lo["nama_kecamatan"],
                lo_p=km.text(km.pos(covered.index[-1]), "cakupan", lang, "pct"),
            )  # fmt: skip
        )
    if share.applicable:
        sentences.append(
            t(
                "nar.st.fair",
                lang,
                wajar=g.count(share.bagian_wajar, lang),
                peserta=g.count(share.peserta_wilayah, lang),
                persen=g.pct(share.persen_bagian_wajar, share.peserta_wilayah, lang),
            )  # fmt: skip
        )
    order = tab.sort_values(["persen_bagian_wajar", "kecamatan"], na_position="last")
    rows = [km.pos(i) for i in order.index]
    chart = Chart(
        "bar",
        t("brief.c.wilayah.title", lang),
        tuple(order["nama_kecamatan"]),
        (
            Series(
                _label("peserta_wilayah", lang) if filters.has_class_filter()
                else t("brief.c.s.peserta", lang),
                km.column("peserta_wilayah", rows), measures.PRIMARY,
            ),
            Series(t("brief.c.s.bagian_wajar", lang), km.column("bagian_wajar", rows), measures.PLAN),
        ),
    )  # fmt: skip
    short_rows = [km.pos(i) for i in below.index]
    short_sum = int(below["kurang_dari_bagian_wajar"].sum())
    short_text = (  # a sum over a hidden shortfall would give it away
        fmt.DASH if km.any_hidden("kurang_dari_bagian_wajar", short_rows)
        else t("brief.v.orang", lang, n=g.count(short_sum, lang))
    )  # fmt: skip
    add(
        Slide(
            "wilayah",
            title,
            tuple(sentences),
            (
                Metric(t("brief.m.kec_bawah", lang), _of(len(below), len(tab), lang), None, len(below)),
                Metric(t("brief.m.kekurangan", lang), short_text, None, short_sum),
                _metric("cakupan", area, lang, g),
            ),
            png(chart), chart.title, chart=chart,
            notes=(t("brief.def.bagian_wajar", lang),),
        )
    )  # fmt: skip

    # 5. villages with the largest unmet need (the map, zoomed to the filter)
    vt = vil.table
    vm = _mask_villages(vt, g)
    none = vt[vt["tanpa_peserta"]].sort_values(["sasaran", "desa"], ascending=[False, True])
    needy = vt[vt["kebutuhan_belum_terlayani"] > 0]
    if not none.empty:
        title = t(
            "nar.t.desa.none", lang, n=_n(len(none), lang),
            names=narrative.names(list(none["nama_desa"]), lang),
        )  # fmt: skip
    elif not needy.empty:
        r = needy.iloc[0]
        title = t(
            "nar.t.desa.need", lang, place=r["nama_desa"],
            k=vm.text(vm.pos(needy.index[0]), "kebutuhan_belum_terlayani", lang),
        )  # fmt: skip
    else:
        title = t("nar.t.desa.nothing", lang)
    top = needy.head(3)
    sentences = []
    if not top.empty:
        items = [
            t(
                "nar.desa.need_item",
                lang,
                place=top.at[i, "nama_desa"],
                k=vm.text(vm.pos(i), "kebutuhan_belum_terlayani", lang),
                cakupan=vm.text(vm.pos(i), "cakupan", lang, "pct"),
            )  # fmt: skip
            for i in top.index
        ]
        sentences.append(t("nar.desa.need", lang, items=narrative.join(items, lang)))
    image = None
    if with_images:
        vs = villages.village_stats(engine, filters)
        bars = needy.head(8)
        if not g.exact:  # a hidden coverage colours nothing; a hidden need draws no bar
            vs, hid = guard.numeric(vs, g.threshold)
            g.hid = g.hid or hid
            bars = bars[[not vm.hidden(vm.pos(i), "kebutuhan_belum_terlayani") for i in bars.index]]
        image = images.to_png(
            images.need_map(vs, bars, lang, images.boundary_geometries(), zoom=filtered), lang
        )
    add(
        Slide(
            "desa",
            title,
            tuple(sentences),
            (
                Metric(t("brief.m.desa_tanpa", lang), _of(vil.tanpa_peserta, vil.areas, lang), None, vil.tanpa_peserta),
                _metric("kebutuhan_belum_terlayani", area, lang, g),
                _metric("cakupan", area, lang, g),
            ),
            image,
            t("brief.c.peta.cakupan", lang),
        )
    )  # fmt: skip

    # 6. packages to open next (and the ones to review)
    pk = ranking.table
    key = ranking.sort_key
    ranked = pk[pk["diperingkat"]]

    def item(r) -> str:
        lo, hi = _interval(r[f"{key}_bawah"], r[f"{key}_atas"], lang)
        return t(
            "nar.paket.item", lang, nama=r["nama"], persen=fmt.pct(_chart_value(r[key]), lang),
            lo=lo, hi=hi, n=g.count(r[f"{key}_n"], lang),
        )  # fmt: skip

    best = ranked.head(2)
    worst = ranked.tail(2) if len(ranked) > 4 else ranked.iloc[0:0]
    never = int((pk["alasan"] == "belum_berjalan").sum())
    title = (
        t("nar.t.paket.open", lang, names=narrative.join([f"“{x}”" for x in best["nama"]], lang))
        if not best.empty else t("nar.t.paket.none", lang)
    )  # fmt: skip
    sentences = []
    if not best.empty:
        sentences.append(
            t("nar.paket.best", lang, items="; ".join(item(r) for _, r in best.iterrows()))
        )
    if not worst.empty:
        sentences.append(
            t("nar.paket.worst", lang, items="; ".join(item(r) for _, r in worst[::-1].iterrows()))
        )
    if never:
        sentences.append(t("nar.paket.never", lang, n=_n(never, lang)))
    shown = (
        ranked
        if len(ranked) <= 8
        else ranked.iloc[list(range(5)) + list(range(len(ranked) - 3, len(ranked)))]
    )
    n_top = min(5, len(shown)) if len(ranked) > 8 else len(shown)
    colours = tuple(measures.GOOD if i < n_top else measures.WARN for i in range(len(shown)))
    chart = Chart(
        "bar",
        t("brief.c.paket.rate", lang, ukuran=_label(key, lang)),
        tuple(shown["nama"]),
        (Series(_label(key, lang), tuple(_chart_value(v) for v in shown[key]), measures.GOOD),),
        unit="persen",
        point_colours=colours,
    )
    notes = [t("brief.def.wilson", lang)]
    notes += [item(r) for _, r in shown.iterrows()]
    if filters.has_person_filter():
        notes.append(t("brief.notes.class_regency", lang))
    add(
        Slide(
            "paket",
            title,
            tuple(sentences),
            (
                Metric(_label("paket_berjalan", lang), _of(values["paket_berjalan"], values["paket_total"], lang), "paket_berjalan", values["paket_berjalan"]),
                _metric("kelas", values, lang),
                _metric("persen_keterisian", values, lang),
            ),
            png(chart), chart.title, chart=chart, notes=tuple(notes),
        )
    )  # fmt: skip

    # 7. outcomes with their uncertainty
    num, den, _ = measures.get("persen_penempatan").ratio
    counts = query.values(engine, [num, den], filters)
    bounds = decisions.wilson(_int(counts[num]), _int(counts[den]))
    outcome = pd.DataFrame({"n": [_int(values.get(k)) for k in OUTCOME_ORDER]}, index=OUTCOME_ORDER)
    # the statuses add up to the completers; where the placement rate is shown it gives the
    # placed away too, so the placed and the rest are protected as two groups with known totals
    outcome["kelompok"] = [k in measures.PLACED for k in OUTCOME_ORDER]
    rate_shown = values.get("persen_penempatan") is not None and not g.small(values.get("selesai"))
    om = g.mask(outcome, {"n": "peserta"}, group_by="kelompok" if rate_shown else None)
    if bounds is None or values.get("persen_penempatan") is None:
        title = t("nar.t.hasil.none", lang)
    elif g.small(values.get("selesai")):
        title = t("nar.t.hasil.kecil", lang)
    else:
        title = t(
            "nar.t.hasil", lang, persen=fmt.pct(values["persen_penempatan"], lang),
            lo=fmt.pct(decisions._pct1(bounds[0]), lang), hi=fmt.pct(decisions._pct1(bounds[1]), lang),
        )  # fmt: skip
    shown_outcomes = {k: om.text(i, "n", lang) for i, k in enumerate(OUTCOME_ORDER)}
    sentences = list(narrative.outcomes(values, lang, privacy=g, shown=shown_outcomes))
    if fu.total:
        waves = fu.by_wave[fu.by_wave["jumlah"] > 0].reset_index(drop=True)
        wm = g.mask(waves, {"jumlah": "telusur_terlambat"})  # the waves add up to the total
        sentences.append(
            t(
                "nar.hasil.followup",
                lang,
                n=g.count(fu.total, lang),
                waves=", ".join(
                    t(
                        "nar.hasil.wave",
                        lang,
                        bulan=_n(waves["bulan_survei"].iloc[i], lang),
                        n=wm.text(i, "jumlah", lang),
                    )
                    for i in range(len(waves))
                ),
                hari=g.derived(_n(fu.enrolments["hari_terlambat"].max(), lang), fu.total),
            )  # fmt: skip
        )
    chart = Chart(
        "column",
        t("brief.c.hasil.status", lang),
        tuple(t(f"brief.outcome.{k}", lang) for k in OUTCOME_ORDER),
        (Series(t("brief.c.orang", lang), om.column("n"), measures.PRIMARY),),
        point_colours=tuple(measures.OUTCOME_COLOURS[k] for k in OUTCOME_ORDER),
    )  # fmt: skip
    untraced = _metric("tidak_terlacak", values, lang, g)
    if om.hidden(OUTCOME_ORDER.index("tidak_terlacak"), "n"):
        untraced = replace(untraced, value=shown_outcomes["tidak_terlacak"], raw=None)
    add(
        Slide(
            "hasil",
            title,
            tuple(sentences),
            (
                _metric("selesai", values, lang, g),
                _metric("persen_penempatan", values, lang, g),
                untraced,
                Metric(t("brief.m.survei_terlambat", lang), g.count(fu.total, lang), None, fu.total),
            ),
            png(chart), chart.title, chart=chart,
            notes=(
                t("brief.def.wilson", lang),
                t("brief.def.telusur", lang, waves="/".join(str(w) for w in fu.waves), tol=_n(fu.tolerance_days, lang)),
            ),
        )
    )  # fmt: skip

    # 8. KUR
    few = g.small(kur.diajukan)  # the waiting times of so few records are not shown
    title = (
        t("nar.t.kur.waiting.kecil", lang, n=g.count(kur.diajukan, lang)) if few
        else t("nar.t.kur.waiting", lang, n=_n(kur.diajukan, lang), hari=_n(kur.maks_hari, lang))
        if kur.diajukan else t("nar.t.kur.none", lang)
    )  # fmt: skip
    sentences = list(narrative.aid(values, kur.diajukan, lang, privacy=g))
    if kur.diajukan and not few:
        sentences.append(
            t(
                "nar.kur.wait",
                lang,
                n=_n(kur.diajukan, lang),
                lama=_n(kur.lama, lang),
                batas=_n(kur.batas_lama_hari, lang),
                median=_n(kur.median_hari, lang),
            )  # fmt: skip
        )
    bs = kur.by_status.reset_index(drop=True)
    # approved and disbursed add up to the "KUR disetujui" card: they are masked together
    stage = bs.assign(kelompok=["ok" if k in measures.APPROVED_AID else k for k in bs["status"]])
    bm = g.mask(stage, {"catatan": "catatan_bantuan"}, group_by="kelompok")
    chart = Chart(
        "column",
        t("brief.c.kur.title", lang),
        tuple(t(f"brief.aidstatus.{k}", lang) for k in bs["status"]),
        (Series(t("brief.c.catatan", lang), bm.column("catatan"), measures.PRIMARY),),
        unit="catatan",
        point_colours=tuple(measures.AID_STATUS_COLOURS[k] for k in bs["status"]),
    )  # fmt: skip
    add(
        Slide(
            "bantuan",
            title,
            tuple(sentences),
            (
                _metric("kur_disetujui", values, lang, g),
                _metric("kur_nilai_rp", values, lang, g),
                Metric(t("brief.m.kur_menunggu", lang), g.count(kur.diajukan, lang), None, kur.diajukan),
                Metric(
                    t("brief.m.median_tunggu", lang),
                    g.derived(t("brief.v.hari", lang, n=_n(kur.median_hari, lang)), kur.diajukan)
                    if kur.median_hari is not None else fmt.DASH,
                    None, kur.median_hari,
                ),
            ),
            png(chart), chart.title, chart=chart,
            notes=(t("brief.def.kur_tunggu", lang),),
        )
    )  # fmt: skip

    # 9. proposals
    bullets = tuple(_proposal_text(p, ranking.sort_key, lang, g) for p in props)
    add(
        Slide(
            "usulan",
            t("brief.slide.usulan", lang),
            (
                t("nar.usulan.lead", lang, date=fmt.tanggal(as_of, lang))
                if bullets
                else t("nar.usulan.none", lang),
            ),
            bullets=bullets,
            notes=(t("brief.def.bagian_wajar", lang), t("brief.def.wilson", lang)),
        )
    )

    slides = [  # a chart with nothing to draw is left out (the sentences say why)
        replace(s_, chart=None, image=None) if s_.chart and not s_.chart.categories else s_
        for s_ in slides
    ]
    slides = [
        s_
        if s_.key == "judul"
        else replace(s_, notes=_notes(s_, stamp, as_of_text, filtered, lang))
        for s_ in slides
    ]
    deck = Deck(
        programme=s.nama,
        organiser=s.penyelenggara,
        description=description,
        stamp=stamp,
        as_of=as_of,
        as_of_text=as_of_text,
        demo=db.is_demo(engine),
        lang=lang,
        slides=tuple(slides),
    )
    from lib.briefing import text

    return replace(deck, summary=text.whatsapp(deck, st, share, values, lang, privacy=g))


def _notes(slide: Slide, stamp: str, as_of_text: str, filtered: bool, lang: str) -> tuple[str, ...]:
    """Speaker notes: the conclusion, the figures with their definitions, the chart's data, the
    slide's own definitions, and the filter and data date."""
    out = [plain(slide.title), *(plain(x) for x in slide.sentences)]
    out += [plain(b) for b in slide.bullets]
    if slide.metrics:
        out.append(t("brief.notes.figures", lang))
        for m in slide.metrics:
            line = f"• {m.label}: {m.value}"
            if m.key:
                line += f" — {measures.get(m.key).definition_for(lang)}"
            out.append(line)
    if slide.chart is not None and slide.chart.kind != "line":
        c = slide.chart
        out.append(t("brief.notes.chart", lang, title=c.title))
        for se in c.series:
            pairs = "; ".join(
                f"{cat} {_chart_text(v, c.unit, lang)}"
                for cat, v in zip(c.categories, se.values, strict=True)
            )
            out.append(f"• {se.name}: {pairs}")
    out += list(slide.notes)
    if slide.footnote:
        out.append(slide.footnote)
    if filtered and slide.key == "ringkasan":
        porsi = measures.get("porsi_kuota")
        out.append(f"{porsi.label_for(lang)}: {porsi.definition_for(lang)}")
        out.append(t("brief.notes.regency", lang))
    out.append(t("brief.notes.source", lang, stamp=stamp, date=as_of_text))
    return tuple(out)


def _chart_text(v: float | None, unit: str, lang: str) -> str:
    if v is None:
        return fmt.DASH
    return fmt.pct(v, lang) if unit == "persen" else _n(v, lang)
