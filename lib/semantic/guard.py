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

from collections.abc import Mapping, Sequence

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
    # /rencana lists (lib.semantic.decisions): the n beside each package rate is that rate's
    # base count, and the 95 % interval of a rate is hidden with the rate.
    "penerima": "penerima_bantuan",
    "persen_keterisian_n": "kursi",
    "persen_selesai_n": "pernah_terdaftar",
    "persen_kompeten_n": "selesai",
    "persen_penempatan_n": "selesai",
    "selang_keterisian": "persen_keterisian",
    "selang_selesai": "persen_selesai",
    "selang_kompeten": "persen_kompeten",
    "selang_penempatan": "persen_penempatan",
    "alumni": "alumni_calon_modal",
    "belum_dibantu": "alumni_belum_dibantu",
    "prioritas": "alumni_prioritas_modal",
}

# Counts that add up to another count of the same row (total, parts): a part shown beside its
# total gives a hidden part away, so they are protected together (complementary suppression).
# Unmet need = eligible residents − participants; short of the fair share = fair share −
# participants (both never below 0, so the parts may exceed the total: only more is hidden);
# completers = their latest statuses; placed = employed + self-employed. The first relation whose
# total and every part are in a frame applies to that total.
ROW_TOTALS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("sasaran", ("peserta", "kebutuhan_belum_terlayani")),
    ("bagian_wajar", ("peserta_wilayah", "kurang_dari_bagian_wajar")),
    ("bagian_wajar", ("peserta", "kurang_dari_bagian_wajar")),
    ("selesai", measures.STATUSES),
    ("selesai", measures.OUTCOMES),  # the surveyed completers of a month bucket (/hasil)
    ("selesai", ("terlacak", "tidak_terlacak")),
    ("ditempatkan", measures.PLACED),
)


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


def row_totals(columns: Mapping[str, str]) -> dict[str, list[str]]:
    """The :data:`ROW_TOTALS` relations among a frame's columns (``columns`` maps a column to its
    measure key), as ``row_totals`` of :func:`lib.semantic.suppression.suppress`: a total column
    -> its part columns (only when the total and every part are there)."""
    by_key = {ALIASES.get(key, key): col for col, key in columns.items()}
    out: dict[str, list[str]] = {}
    for total, parts in ROW_TOTALS:
        if total in by_key and by_key[total] not in out and all(p in by_key for p in parts):
            out[by_key[total]] = [by_key[p] for p in parts]
    return out


def counted_row_totals(
    columns: Mapping[str, str], rules: Mapping[str, str]
) -> dict[str, list[str]]:
    """The :func:`row_totals` of ``columns`` whose total and parts are all counts under ``rules``
    (what :func:`lib.semantic.suppression.hidden_mask` takes as ``row_totals``); the pages' tables
    and the deck's tables hide the same cells with it."""
    return {
        t: p
        for t, p in row_totals(columns).items()
        if rules.get(t) == "count" and all(rules.get(x) == "count" for x in p)
    }


# A rate shown over a shown base gives its numerator away: the placement rate beside the completers
# says how many were placed. Where a frame shows the statuses of the completers with that rate, the
# statuses are therefore protected as two groups with known totals (the placed, and the rest), not
# as one group under the completers, whose audit would miss that the rate splits it.
_PLACED_TOTAL, _REST_TOTAL = "__ditempatkan", "__belum_ditempatkan"


def _with_known_placed(
    df: pd.DataFrame, columns: Mapping[str, str]
) -> tuple[pd.DataFrame, dict[str, str], dict[str, list[str]]]:
    """``df`` and ``columns`` with the two virtual totals and their relations added when the
    placement rate shows beside the completers and every status; else unchanged and no relation."""
    by_key = {ALIASES.get(key, key): col for col, key in columns.items()}
    need = ("selesai", "persen_penempatan", *measures.STATUSES)
    if not all(k in by_key for k in need):
        return df, dict(columns), {}
    placed = [by_key[k] for k in measures.PLACED]
    rest = [by_key[k] for k in measures.STATUSES if k not in measures.PLACED]
    ext = df.copy()
    ext[_PLACED_TOTAL] = df[placed].sum(axis=1, min_count=len(placed))
    ext[_REST_TOTAL] = df[by_key["selesai"]] - ext[_PLACED_TOTAL]
    cols = {**columns, _PLACED_TOTAL: "ditempatkan", _REST_TOTAL: "ditempatkan"}
    return ext, cols, {_PLACED_TOTAL: placed, _REST_TOTAL: rest}


def relations(
    df: pd.DataFrame, columns: Mapping[str, str], row_totals: Mapping[str, Sequence[str]] | None
) -> tuple[pd.DataFrame, dict[str, str], dict[str, str], dict[str, list[str]]]:
    """What :func:`lib.semantic.suppression.hidden_mask` needs for ``df`` (possibly with virtual
    total columns, which the caller drops): the frame, its columns, their policies and the row
    relations (the registry's :data:`ROW_TOTALS`, the placement split, then ``row_totals``)."""
    ext, cols, split = _with_known_placed(df, columns)
    rules = policies(cols)
    rows = counted_row_totals(columns, rules)  # the frame's own columns: not the virtual totals
    # the split first (its second cells protect the group under the completers as well), then
    # that group, which still holds where the rate goes
    rows = {**split, **rows}
    return ext, cols, rules, {**rows, **{k: list(v) for k, v in (row_totals or {}).items()}}


def cols_of(columns: Mapping[str, str], key: str) -> str | None:
    """The column of ``columns`` that shows measure ``key`` (aliases resolved), if any."""
    return next((c for c, k in columns.items() if ALIASES.get(k, k) == key), None)


def hidden(
    df: pd.DataFrame,
    threshold: int,
    columns: Mapping[str, str] | None = None,
    **kw,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The mask of the cells hidden for a leadership viewer and their markers
    (:func:`lib.semantic.suppression.hidden_mask` with the registry's policies and relations).
    Where a virtual total of the placement split is hidden, the placement rate goes (it would tell
    that total); where one was hidden as a second cell, the completers go too (they and the rate
    would give it back by subtraction)."""
    columns = columns or {c: c for c in df.columns}
    rules = policies(columns)
    if not rules:
        empty = pd.DataFrame(False, index=df.index, columns=df.columns)
        return empty, pd.DataFrame(None, index=df.index, columns=df.columns, dtype=object)
    ext, cols, rules, kw["row_totals"] = relations(df, columns, kw.get("row_totals"))
    mask, marker = suppression.hidden_mask(ext, rules, threshold, **kw)
    if _PLACED_TOTAL in ext.columns:
        totals = [_PLACED_TOTAL, _REST_TOTAL]
        small = mask[totals].any(axis=1)
        second = (marker[totals] == suppression.SECONDARY).any(axis=1)
        for key, gone, mark in (
            ("persen_penempatan", small, suppression.DASH),
            ("selesai", second, suppression.SECONDARY),
        ):
            col = cols_of(cols, key)
            if col is not None:
                fresh = gone & ~mask[col]
                mask.loc[fresh, col] = True
                marker.loc[fresh, col] = mark
    return mask[list(df.columns)], marker[list(df.columns)]


def frame(
    df: pd.DataFrame,
    threshold: int,
    columns: Mapping[str, str] | None = None,
    **kw,
) -> suppression.Suppressed:
    """``df`` with small counts hidden (cells become text: ``<5``, ``×``, ``–``). The registry's
    row relations (:data:`ROW_TOTALS`, the placement split) apply besides any ``row_totals`` given."""
    mask, marker = hidden(df, threshold, columns, **kw)
    if not mask.to_numpy().any():
        return suppression.Suppressed(df.copy(), False)
    out = df.copy()
    for col in out.columns[mask.any(axis=0).to_numpy()]:
        out[col] = out[col].astype(object).where(~mask[col], marker[col])
    return suppression.Suppressed(out, True)


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


def mask(
    df: pd.DataFrame,
    threshold: int,
    columns: Mapping[str, str] | None = None,
    **kw,
) -> pd.DataFrame:
    """The boolean mask of the cells :func:`frame` hides (same arguments), e.g. to colour a map."""
    return hidden(df, threshold, columns, **kw)[0]


def count_text(value, threshold: int, text) -> str:
    """A count of persons or records inside a sentence for a leadership viewer: ``<5`` when it is
    from 1 to ``threshold`` − 1, else ``text(value)`` (the caller's format)."""
    shown = suppression.suppress_value(value, threshold)
    return shown if isinstance(shown, str) else text(value)


def hides(value, threshold: int) -> bool:
    """Whether a count is hidden (1 to ``threshold`` − 1)."""
    return isinstance(suppression.suppress_value(value, threshold), str)


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
