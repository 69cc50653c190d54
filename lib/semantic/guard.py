"""Small counts at the boundary of the semantic layer (spec rule: docs/indicators.md, "angka kecil").

Every figure that leaves the semantic layer for a leadership viewer passes here, with the policy its
measure declares in the registry (:mod:`lib.semantic.measures`): a count of persons or records from
1 to threshold − 1 becomes ``<5``, a rate, money sum or median over such a count becomes ``–``, and a
second cell is hidden where a total would give the first away (:mod:`lib.semantic.suppression`).
Operators and admins get exact figures (:func:`lib.core.access.exact_figures`); the ``kpi`` CLI
prints exact figures. The app's renderers (the one table renderer, the cards, the chart wrapper,
the downloads) and the deck call these functions; they know frames by their measure keys.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from lib.semantic import measures, suppression

# Columns that views name differently from their measure.
ALIASES = {
    "warga_sasaran": "sasaran",
    "orang": "peserta",
    "catatan": "catatan_bantuan",
    "nilai_rp": "nilai_bantuan_rp",
    "n": "n_pendapatan",
    "sebelum": "median_pendapatan_sebelum",
    "sesudah": "median_pendapatan_sesudah",
}


def measure_of(column: str) -> measures.Measure | None:
    return measures.BY_KEY.get(ALIASES.get(column, column))


def policies(columns: Mapping[str, str]) -> dict[str, str]:
    """Suppression policies of a frame's columns; ``columns`` maps a column to its measure key (or
    to itself). A rate/money/median whose base count is not in the frame is hidden whenever any
    count of its row is hidden (conservative)."""
    by_key = {ALIASES.get(key, key): col for col, key in columns.items()}
    out: dict[str, str] = {}
    for col, key in columns.items():
        m = measure_of(key)
        if m is None or m.policy == "none":
            continue
        if m.policy == "count":
            out[col] = "count"
        elif m.base and m.base in by_key:
            out[col] = f"{m.policy}:{by_key[m.base]}"
    return out


def frame(
    df: pd.DataFrame,
    threshold: int,
    columns: Mapping[str, str] | None = None,
    **kw,
) -> suppression.Suppressed:
    """``df`` with small counts hidden (cells become text: ``<5``, ``×``, ``–``)."""
    columns = columns or {c: c for c in df.columns}
    rules = policies(columns)
    if not rules:
        return suppression.Suppressed(df.copy(), False)
    return suppression.suppress(df, rules, threshold, **kw)


def numeric(df: pd.DataFrame, threshold: int) -> tuple[pd.DataFrame, bool]:
    """For charts: the same hiding, but hidden cells become missing numbers (no bar, no label)."""
    masked, hidden = frame(df, threshold)
    if not hidden:
        return df, False
    out = df.copy()
    for col in masked.columns:
        if masked[col].dtype == object and df[col].dtype != object:
            out[col] = pd.to_numeric(masked[col], errors="coerce")
    return out, True


def value(key: str, values: Mapping, threshold: int):
    """One figure of ``values`` (a dict of measure values): ``<5``/``–`` or the figure itself."""
    m = measure_of(key)
    v = values.get(key)
    if m is None or m.policy == "none":
        return v
    if m.policy == "count":
        return suppression.suppress_value(v, threshold)
    base = values.get(m.base) if m.base else None
    if base is None:
        return v
    return suppression.suppress_value(v, threshold, base=base)
