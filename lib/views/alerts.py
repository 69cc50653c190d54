"""Alerts for the Ringkasan page (and the briefing), from the semantic layer.

Four rules, each a measure or breakdown of :mod:`lib.semantic` on the current filters:

``paket_belum_jalan``
    catalogue packages (within the package filters) with no class in scope;
``desa_tanpa_peserta``
    villages (within the person filters) without any participant although their number of eligible
    residents (the measure ``sasaran``) is at least the median of the villages in scope — "many
    eligible persons, nobody trained";
``kelas_kurang``
    classes in scope filled below the under-capacity share of the programme settings (the measure
    ``kelas_kurang_terisi``, :func:`lib.semantic.measures.under_capacity_pct`);
``belum_ditelusuri``
    completers in scope never reached by a tracer survey (``tidak_terlacak``), with how many of them
    are overdue (``tidak_terlacak_jatuh_tempo``: the class ended at least
    :func:`lib.semantic.measures.untraced_after_months` months before the data date).

An alert exists only when its count is above zero. :func:`message` words it in Indonesian or English.

For a leadership viewer (``threshold``: the small-count threshold, ``None`` for exact figures) a
count of persons or records inside a sentence or an item from 1 to ``threshold`` − 1 is written
``<5`` (:func:`lib.semantic.guard.count_text`): the sasaran of a village, the seats filled of a
class, the untraced alumni, the completers, and the overdue ones (also hidden when the rest, the
recent ones, is small: the two add up to the untraced).
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING

from lib.core import fmt
from lib.core.filters import Filters, load_reference
from lib.core.i18n import t
from lib.semantic import guard, measures
from lib.semantic import query as semantic
from lib.views import queries

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy import Engine

MAX_ITEMS = 8


def _count(value, lang: str = "id", threshold: int | None = None) -> str:
    """A count of persons or records for a sentence: ``<5`` for a leadership viewer when small."""
    if threshold is None:
        return fmt.number(value, lang=lang)
    return guard.count_text(value, threshold, lambda v: fmt.number(v, lang=lang))


@dataclass(frozen=True)
class Alert:
    code: str
    count: int
    items: tuple[str, ...] = ()  # the first cases, most important first (at most MAX_ITEMS)
    numbers: tuple[int, ...] = ()  # rule-specific figures for the message
    links: tuple[tuple[str, str, str], ...] = ()  # (label, filter name, value) to act on an item


def unrun_packages(engine: Engine, f: Filters) -> Alert | None:
    df = semantic.query(engine, ["kelas"], ["paket"], f, complete=True)
    idle = df[df["kelas"] == 0]
    if idle.empty:
        return None
    names = load_reference(str(engine.url), "").packages
    items = tuple(f"{names[k][0]} ({k})" for k in idle["paket"].head(MAX_ITEMS))
    return Alert("paket_belum_jalan", len(idle), items)


def villages_without_participants(engine: Engine, f: Filters) -> Alert | None:
    villages = queries.per_village(engine, f)
    if villages.empty:
        return None
    threshold = max(1, median(villages["warga_sasaran"]))
    hit = villages[(villages["peserta"] == 0) & (villages["warga_sasaran"] >= threshold)]
    if hit.empty:
        return None
    hit = hit.sort_values(["warga_sasaran", "kode"], ascending=[False, True])
    items = tuple(
        f"{r.nama}, {r.kecamatan}: {fmt.number(r.warga_sasaran)}"
        for r in hit.head(MAX_ITEMS).itertuples()
    )
    return Alert("desa_tanpa_peserta", len(hit), items, (int(threshold),))


def underfilled_classes(engine: Engine, f: Filters) -> Alert | None:
    df = semantic.query(engine, ["kelas_kurang_terisi", "terisi", "kursi"], ["kelas", "paket"], f)
    low = df[df["kelas_kurang_terisi"] > 0].sort_values(["terisi", "kelas"])
    if low.empty:
        return None
    names = load_reference(str(engine.url), "").packages
    items = tuple(
        f"{kelas} {names[str(paket)][0]}: {terisi}/{kursi}"
        for kelas, paket, terisi, kursi in low.head(MAX_ITEMS)[
            ["kelas", "paket", "terisi", "kursi"]
        ].itertuples(index=False)
    )
    return Alert("kelas_kurang", len(low), items)


def untraced_alumni(engine: Engine, f: Filters) -> Alert | None:
    v = semantic.values(engine, ["tidak_terlacak", "tidak_terlacak_jatuh_tempo", "selesai"], f)
    if not v["tidak_terlacak"]:
        return None
    numbers = (int(v["tidak_terlacak_jatuh_tempo"]), int(v["selesai"]))
    return Alert("belum_ditelusuri", int(v["tidak_terlacak"]), (), numbers)


def compute(engine: Engine, f: Filters) -> list[Alert]:
    """All alerts for ``f`` as of the data date, in display order."""
    found = [
        unrun_packages(engine, f),
        villages_without_participants(engine, f),
        underfilled_classes(engine, f),
        untraced_alumni(engine, f),
    ]
    return [a for a in found if a is not None]


def message(alert: Alert, lang: str = "id", threshold: int | None = None) -> str:
    """The alert as one sentence (Markdown); ``threshold``: write small counts of persons as
    ``<5`` (leadership viewers)."""
    n = fmt.number(alert.count, lang=lang)
    one = alert.count == 1
    if alert.code == "paket_belum_jalan":
        return t("alert.paket.one" if one else "alert.paket.many", lang, n=n)
    if alert.code == "desa_tanpa_peserta":
        return t(
            "alert.desa.one" if one else "alert.desa.many", lang, n=n,
            threshold=_count(alert.numbers[0], lang, threshold),
        )  # fmt: skip
    if alert.code == "kelas_kurang":
        return t(
            "alert.kelas.one" if one else "alert.kelas.many",
            lang,
            n=n,
            pct=measures.under_capacity_pct(),
        )
    if alert.code == "belum_ditelusuri":
        late, total = alert.numbers
        hidden = threshold is not None and guard.hides(alert.count, threshold)
        key = "alert.telusur.one" if one and not hidden else "alert.telusur.many"
        if not late:  # no "0 di antaranya" clause
            key += ".recent"
        late_text = _count(late, lang, threshold)
        if threshold is not None and guard.hides(alert.count - late, threshold):
            late_text = suppression_marker(threshold)  # untraced − overdue would show the rest
        return t(
            key, lang, n=_count(alert.count, lang, threshold),
            total=_count(total, lang, threshold), late=late_text,
            months=measures.untraced_after_months(),
        )  # fmt: skip
    raise KeyError(alert.code)


def suppression_marker(threshold: int) -> str:
    from lib.semantic.suppression import small

    return small(threshold)


def overview(engine: Engine, f: Filters, threshold: int | None = None) -> list[Alert]:
    """The alerts of ``/`` ("Perlu perhatian"): only what is true in the filtered scope and can
    still be acted on, with names instead of codes and links that set the filter.

    - ``paket_belum_jalan`` only without a person or year filter ("never opened" is a statement
      about the whole programme), with package names;
    - ``desa_tanpa_peserta`` (the rule of :func:`villages_without_participants`) with a link per
      village (the ``desa`` filter);
    - ``kelas_kurang`` only for classes starting in the month of the data date or later (seats of
      a class that has begun can no longer be filled);
    - ``belum_ditelusuri`` as :func:`untraced_alumni`.

    ``threshold`` (leadership viewers): the items write small counts of persons as ``<5``.
    """
    from lib.core import db

    out: list[Alert] = []
    if not (f.has_person_filter() or f.tahun):
        idle = unrun_packages(engine, f)
        if idle is not None:
            names = tuple(item.rsplit(" (", 1)[0] for item in idle.items)
            out.append(Alert(idle.code, idle.count, names))
    villages = queries.per_village(engine, f)
    if not villages.empty:
        many = max(1, median(villages["warga_sasaran"]))
        hit = villages[(villages["peserta"] == 0) & (villages["warga_sasaran"] >= many)]
        if not hit.empty:
            hit = hit.sort_values(["warga_sasaran", "kode"], ascending=[False, True])
            links = tuple(
                (
                    f"{r.nama}, {r.kecamatan}: {_count(r.warga_sasaran, threshold=threshold)}",
                    "desa",
                    r.kode,
                )
                for r in hit.head(MAX_ITEMS).itertuples()
            )
            out.append(Alert("desa_tanpa_peserta", len(hit), (), (int(many),), links))
    as_of = db.data_as_of(engine)
    if as_of is not None:
        df = semantic.query(
            engine, ["kelas_kurang_terisi", "terisi", "kursi"], ["kelas", "paket", "bulan"], f
        )
        month = as_of.year * 100 + as_of.month
        low = df[(df["kelas_kurang_terisi"] > 0) & (df["bulan"].astype(int) >= month)]
        if not low.empty:
            packages = load_reference(str(engine.url), "").packages
            low = low.sort_values(["terisi", "kelas"])
            items = tuple(
                f"{packages[str(paket)][0]} ({kelas}): "
                f"{_count(terisi, threshold=threshold)}/{fmt.number(kursi)}"
                for kelas, paket, terisi, kursi in low.head(MAX_ITEMS)[
                    ["kelas", "paket", "terisi", "kursi"]
                ].itertuples(index=False)
            )
            out.append(Alert("kelas_kurang", len(low), items))
    traced = untraced_alumni(engine, f)
    if traced is not None:
        out.append(traced)
    return out
