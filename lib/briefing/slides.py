"""The briefing as data: a list of :class:`Slide` built once from the database for given filters.

The page, the PDF and the PowerPoint file all render the same :class:`Deck`, so they show the same
slides, figures and sentences. Figures come from ``lib.semantic.query`` (one definition) and
from the page query modules (``lib.views.queries``, ``lib.semantic.plan``, ``lib.views.villages``, ``lib.views.outcomes``,
``lib.views.alerts``); sentences from :mod:`lib.briefing.narrative`; pictures from
:mod:`lib.briefing.images`.

Slides: title; quota progress; pace and projection (whole programme); packages; villages;
post-training outcomes; KUR and aid; alerts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from lib.briefing import images, narrative
from lib.core import db, fmt
from lib.core.config import settings
from lib.core.filters import Filters, Reference, describe, load_reference
from lib.core.i18n import t
from lib.semantic import measures, plan, query
from lib.views import alerts, outcomes, queries, villages

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy import Engine

SLIDE_KEYS = ("judul", "kuota", "laju", "paket", "peta", "hasil", "bantuan", "peringatan")
WITH_IMAGE = ("kuota", "laju", "paket", "peta", "hasil", "bantuan")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Metric:
    label: str
    value: str


@dataclass(frozen=True)
class Slide:
    key: str  # one of SLIDE_KEYS
    title: str
    sentences: tuple[str, ...]
    metrics: tuple[Metric, ...] = ()
    image: bytes | None = None  # PNG
    image_alt: str = ""
    bullets: tuple[str, ...] = ()  # may hold **bold** spans (see :func:`segments`)


@dataclass(frozen=True)
class Deck:
    """A briefing: the slides and what every page carries (filter stamp, data date)."""

    programme: str
    organiser: str
    description: str  # lib.core.filters.describe
    stamp: str  # "Filter aktif: …"
    as_of: date | None
    as_of_text: str  # "Data per 31 Januari 2025"
    demo: bool
    lang: str
    slides: tuple[Slide, ...] = field(default=())

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


def _value(key: str, values: dict, lang: str) -> str:
    return fmt.by_unit(measures.get(key).unit, values[key], lang, compact=False)


def _metric(key: str, values: dict, lang: str) -> Metric:
    return Metric(_label(key, lang), _value(key, values, lang))


def build(
    engine: Engine,
    filters: Filters,
    lang: str = "id",
    *,
    with_images: bool = True,
    ref: Reference | None = None,
) -> Deck:
    """The briefing deck for ``filters`` (the function the page, the PDF and the PPTX share)."""
    s = settings()
    ref = ref or _reference(engine)
    description = describe(filters, ref, lang)
    as_of = db.data_as_of(engine)
    day = as_of or date.today()
    values = query.indicators(engine, filters)
    whole = values if filters.is_empty() else query.indicators(engine, Filters())
    filtered = not filters.is_empty()

    def png(chart) -> bytes | None:
        return images.to_png(chart, lang) if with_images else None

    slides: list[Slide] = []

    # 1. title
    slides.append(
        Slide(
            "judul",
            s.nama,
            (narrative.title(description, as_of, lang, unfiltered=not filtered),),
        )
    )

    # 2. quota progress
    size = s.kapasitas_kelas
    if filtered:
        sentences = (
            narrative.scope_progress(
                values["peserta"], values["kuota"], values["persen_kuota"], description, as_of,
                lang,
            ),
            narrative.progress(whole["peserta"], whole["kuota"], size, as_of, lang, whole=True),
        )  # fmt: skip
        metrics = tuple(
            _metric(k, values, lang) for k in ("peserta", "persen_kuota", "selesai", "kompeten")
        )
    else:
        sentences = (
            narrative.progress(values["peserta"], values["kuota"], size, as_of, lang),
            narrative.completion(values["selesai"], values["kompeten"], lang),
        )
        seats = plan.seats_needed(values["kuota"], values["peserta"])
        metrics = (
            _metric("peserta", values, lang),
            _metric("persen_kuota", values, lang),
            Metric(t("brief.m.sisa", lang), fmt.number(seats, lang=lang)),
            Metric(
                t("brief.m.kelas_lagi", lang, size=size),
                fmt.number(plan.classes_needed(seats, size), lang=lang),
            ),
        )
    years = queries.per_year(engine, filters)
    slides.append(
        Slide(
            "kuota",
            t("brief.slide.kuota", lang),
            sentences,
            metrics,
            png(images.per_year(years, lang, targets=measures.annual_targets_apply(filters))),
            t("brief.c.peserta", lang),
        )
    )

    # 3. pace and projection (whole programme)
    start, end = s.tanggal_mulai, s.tanggal_selesai
    outlook = plan.outlook(whole["peserta"], day, s)
    p, pr = outlook.pace, outlook.projection
    gap = -p.gap
    slides.append(
        Slide(
            "laju",
            t("brief.slide.laju.whole" if filtered else "brief.slide.laju", lang),
            (narrative.pace(p, lang), narrative.projection(pr, lang)),
            (
                Metric(t("brief.m.rencana", lang), fmt.number(p.planned, lang=lang)),
                Metric(t("brief.m.peserta_program", lang), fmt.number(p.peserta, lang=lang)),
                Metric(
                    t("brief.m.selisih", lang),
                    ("+" if gap > 0 else "") + fmt.number(gap, lang=lang),
                ),
                Metric(
                    t("brief.m.proyeksi", lang),
                    t("plan.status.reached", lang) if pr.reached else fmt.tanggal(pr.date, lang),
                ),
            ),
            png(
                images.cumulative(
                    queries.cumulative(engine, Filters()),
                    queries.cumulative(engine, filters) if filtered else None,
                    start,
                    end,
                    whole["kuota"],
                    day,
                    pr.date,
                    lang,
                )
            ),  # fmt: skip
            t("brief.c.kumulatif", lang),
        )
    )

    # 4. packages
    pk = queries.packages(engine, filters)
    ranked = pk[pk["peserta"] > 0].sort_values(["peserta", "nama"], ascending=[False, True])
    top = (ranked.iloc[0]["nama"], int(ranked.iloc[0]["peserta"])) if not ranked.empty else None
    slides.append(
        Slide(
            "paket",
            t("brief.slide.paket", lang),
            tuple(
                narrative.packages(
                    values["paket_berjalan"],
                    values["paket_total"],
                    values["kelas"],
                    values["persen_keterisian"],
                    top,
                    lang,
                    regency=filters.has_person_filter(),
                )
            ),
            (
                Metric(
                    _label("paket_berjalan", lang),
                    t(
                        "brief.m.of",
                        lang,
                        a=fmt.number(values["paket_berjalan"], lang=lang),
                        b=fmt.number(values["paket_total"], lang=lang),
                    ),  # fmt: skip
                ),
                _metric("kelas", values, lang),
                _metric("terisi", values, lang),
                _metric("persen_keterisian", values, lang),
            ),
            png(images.packages(pk, lang)),
            t("brief.c.paket.title", lang),
        )
    )

    # 5. villages
    vs = villages.village_stats(engine, filters)
    shown = villages.in_scope(vs)
    rows = [(r.desa, r.jenis, int(r.peserta)) for r in shown.itertuples()]
    reached = sum(1 for r in rows if r[2] > 0)
    slides.append(
        Slide(
            "peta",
            t("brief.slide.peta", lang),
            tuple(narrative.villages(rows, lang)),
            (
                Metric(
                    t("brief.m.desa_peserta", lang),
                    t(
                        "brief.m.of",
                        lang,
                        a=fmt.number(reached, lang=lang),
                        b=fmt.number(len(rows), lang=lang),
                    ),
                ),
                _metric("peserta", values, lang),
                Metric(
                    measures.get("sasaran").label_for(lang),
                    fmt.number(villages.totals(shown)["warga_sasaran"], lang=lang),
                ),
            ),
            png(images.village_map(vs, lang, images.boundary_geometries())),
            t("brief.c.peta.title", lang),
        )
    )

    # 6. outcomes
    slides.append(
        Slide(
            "hasil",
            t("brief.slide.hasil", lang),
            tuple(narrative.outcomes(values, lang)),
            tuple(
                _metric(k, values, lang)
                for k in ("selesai", "persen_penempatan", "wirausaha", "tidak_terlacak")
            ),
            png(images.outcomes(values, lang)),
            t("brief.c.hasil.title", lang),
        )
    )

    # 7. KUR and aid
    aid_df = outcomes.aid_frame(engine, filters)
    pending = int(
        aid_df[(aid_df["jenis"] == "kur") & (aid_df["status"] == "diajukan")]["catatan"].sum()
    )
    slides.append(
        Slide(
            "bantuan",
            t("brief.slide.bantuan", lang),
            tuple(narrative.aid(values, pending, lang)),
            tuple(
                _metric(k, values, lang)
                for k in ("kur_disetujui", "kur_nilai_rp", "peralatan", "modal_dusun_rw")
            ),
            png(images.aid(aid_df, lang)),
            t("brief.c.bantuan.title", lang),
        )
    )

    # 8. alerts
    found = alerts.compute(engine, filters)
    slides.append(
        Slide(
            "peringatan",
            t("brief.slide.peringatan", lang),
            (narrative.alerts(len(found), lang),),
            bullets=tuple(alerts.message(a, lang) for a in found),
        )
    )

    return Deck(
        programme=s.nama,
        organiser=s.penyelenggara,
        description=description,
        stamp=t("filter.active", lang, desc=description),
        as_of=as_of,
        as_of_text=t("data.as_of", lang, date=fmt.tanggal(as_of, lang)),
        demo=db.is_demo(engine),
        lang=lang,
        slides=tuple(slides),
    )
