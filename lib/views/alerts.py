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
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import TYPE_CHECKING

from lib.core import fmt
from lib.core.filters import Filters, load_reference
from lib.core.i18n import t
from lib.semantic import measures
from lib.semantic import query as semantic
from lib.views import queries

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy import Engine

MAX_ITEMS = 8


@dataclass(frozen=True)
class Alert:
    code: str
    count: int
    items: tuple[str, ...] = ()  # the first cases, most important first (at most MAX_ITEMS)
    numbers: tuple[int, ...] = ()  # rule-specific figures for the message


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


def message(alert: Alert, lang: str = "id") -> str:
    """The alert as one sentence (Markdown)."""
    n = fmt.number(alert.count, lang=lang)
    one = alert.count == 1
    if alert.code == "paket_belum_jalan":
        return t("alert.paket.one" if one else "alert.paket.many", lang, n=n)
    if alert.code == "desa_tanpa_peserta":
        return t(
            "alert.desa.one" if one else "alert.desa.many", lang, n=n,
            threshold=fmt.number(alert.numbers[0], lang=lang),
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
        key = "alert.telusur.one" if one else "alert.telusur.many"
        if not late:  # no "0 di antaranya" clause
            key += ".recent"
        return t(
            key, lang, n=n,
            total=fmt.number(total, lang=lang), late=fmt.number(late, lang=lang),
            months=measures.untraced_after_months(),
        )  # fmt: skip
    raise KeyError(alert.code)
