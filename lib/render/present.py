"""Tables as shown and as downloaded (no SQL, no Streamlit).

A :class:`Table` holds the rows once, in ``export``: the raw numbers under the UI-language headers,
which the CSV/XLSX downloads carry and the grid sorts on; ``kinds`` says how :func:`format_cell`
writes each column the Indonesian way (``1.444``, ``14,4%``, ``Rp1.500.000``) when the grid draws
it, so only the rows drawn are written. ``help`` maps a header to its definition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from lib.core import fmt


@dataclass(frozen=True)
class Col:
    """A column: source ``key``, header text, kind (text/orang/persen/rupiah/tahun) and help."""

    key: str
    label: str
    kind: str = "text"
    help: str | None = None


@dataclass(frozen=True)
class Table:
    export: pd.DataFrame
    help: dict[str, str] = field(default_factory=dict)
    numeric: tuple[str, ...] = ()
    kinds: dict[str, str] = field(default_factory=dict)  # header -> kind
    keys: dict[str, str] = field(default_factory=dict)  # header -> source column (measure key)


# Column kinds: ``text``; ``orang``/``int`` (counts), ``dec1``, ``persen``/``pct``, ``rupiah``,
# ``tahun``. The one place that turns a cell into its Indonesian text (tables on every page, their
# Styler in the grid, which sorts on the numbers underneath).
KIND_ALIASES = {"int": "orang", "pct": "persen"}


def format_cell(value, kind: str, lang: str = "id") -> str:
    if isinstance(value, float) and value == 0:  # 0.0 and -0.0: one key, written apart
        return _format(value, kind, lang)
    try:
        return _format_cached(value, kind, lang)
    except TypeError:  # an unhashable value: written without the memo
        return _format(value, kind, lang)


# Babel takes ~50 µs a number; a grid of 1000 rows draws thousands of cells on every rerun, and the
# same values come back (counts, scores, dates). ``typed``: 1 and 1.0 are written apart.
@lru_cache(maxsize=1 << 17, typed=True)
def _format_cached(value, kind: str, lang: str) -> str:
    return _format(value, kind, lang)


def _format(value, kind: str, lang: str) -> str:
    kind = KIND_ALIASES.get(kind, kind)
    if kind == "text":
        return "" if fmt.is_missing(value) else str(value)
    if fmt.is_missing(value):
        return fmt.DASH
    if isinstance(value, str):  # already written (e.g. a suppressed "<5")
        return value
    if kind == "persen":
        return fmt.pct(float(value), lang)
    if kind == "rupiah":
        return fmt.rupiah(value, lang)
    if kind == "tahun":
        return str(int(value))
    if kind == "dec1":
        return fmt.number(value, 1, lang)
    return fmt.number(value, lang=lang)


def display_cells(
    df: pd.DataFrame, kinds: dict[str, str], lang: str = "id"
) -> dict[str, list[str]]:
    """Every cell of ``df`` as the grid writes it, by column: :func:`format_cell` of the column's
    kind (``kinds``: header -> kind), ``–`` for a missing value; a column without a kind as pandas'
    ``Styler`` writes it by default (text as is, a float with six decimals)."""
    out: dict[str, list[str]] = {}
    for col in df.columns:
        kind = kinds.get(col)
        if kind is None:
            out[col] = [_default_cell(v) for v in df[col]]
        else:
            out[col] = [fmt.DASH if _is_na(v) else format_cell(v, kind, lang) for v in df[col]]
    return out


def _is_na(value) -> bool:
    return pd.isna(value) is True  # the test pandas' Styler applies before ``na_rep``


def _default_cell(value) -> str:
    if _is_na(value):
        return fmt.DASH
    if isinstance(value, float):
        return f"{value:.{pd.get_option('styler.format.precision')}f}"
    return str(value)


def make_table(df: pd.DataFrame, cols: list[Col]) -> Table:
    """The table of ``df`` for ``cols`` (in that order), numbers kept as numbers; the cells are
    written in the viewer's language when drawn (:func:`format_cell`)."""
    export = pd.DataFrame({c.label: df[c.key].tolist() for c in cols})  # as list(), 20x faster
    for c in cols:
        if c.kind == "persen":
            export[c.label] = pd.to_numeric(export[c.label], errors="coerce")
    return Table(
        export=export,
        help={c.label: c.help for c in cols if c.help},
        numeric=tuple(c.label for c in cols if c.kind not in ("text",)),
        kinds={c.label: c.kind for c in cols},
        keys={c.label: c.key for c in cols},
    )
