"""Small-count suppression (docs/indicators.md): pure pandas, no Streamlit, no database.

The semantic layer calls :func:`suppress` at its boundary for everything a leadership role sees,
unless :func:`lib.core.access.exact_figures` says the viewer sees exact figures.

* A **count** of persons or aid records from 1 to ``threshold - 1`` is shown as ``<5`` (with the
  actual threshold); zero stays 0.
* A **rate**, **median** or **money** sum is shown as ``–`` when the count it is computed from (its
  *base*, a column of the same frame) is hidden.
* **Complementary suppression**: a hidden cell must not be recoverable by subtraction from a total.
  The rows of a frame (within each ``group_by`` group) add up to a column total that the reader is
  assumed to know (a total row of the frame, a card, another table); the columns listed in
  ``row_totals`` add up to their total column within a row. Whenever a hidden cell of such a group
  could be worked out, exactly, from the shown cells, the total and what the markers say (``<5`` is
  1..threshold-1; a cell hidden to protect another is at least the threshold, because every smaller
  non-zero count is already hidden), the next smallest non-zero shown cell of the group is hidden too
  and shown as ``×``. This covers the plain case (exactly one hidden cell in a group) and the subtler
  ones (two hidden cells of 1 each next to a total).

:func:`suppress` returns the masked frame (hidden cells replaced by their marker, everything else as
it was) and whether anything was hidden (for a footnote, :func:`footnote` in ``lib.core.i18n``).
:func:`hidden_mask` gives the boolean mask alone, e.g. to style cells.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd

COUNT, RATE, MEDIAN, MONEY, NONE = "count", "rate", "median", "money", "none"
KINDS = (COUNT, RATE, MEDIAN, MONEY, NONE)
DASH = "–"  # a rate, median or money sum over a hidden group (same dash as lib.core.fmt.DASH)
SECONDARY = "×"  # a count hidden so that another cannot be worked out from a total
INFINITY = float("inf")


def small(threshold: int) -> str:
    """The marker of a small count: ``<5`` for threshold 5."""
    return f"<{threshold}"


@dataclass(frozen=True)
class Policy:
    """How one column is suppressed: ``kind`` of :data:`KINDS`; ``base`` names the count column a
    rate, median or money sum is computed from."""

    kind: str
    base: str | None = None

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown suppression policy {self.kind!r}; one of {KINDS}")
        if self.kind in (RATE, MEDIAN, MONEY) and not self.base:
            raise ValueError(f"a {self.kind} policy names its base count column")
        if self.kind in (COUNT, NONE) and self.base:
            raise ValueError(f"a {self.kind} policy has no base column")

    @classmethod
    def of(cls, spec: Policy | str | tuple) -> Policy:
        """``"count"``, ``"none"``, ``"rate:peserta"``, ``("money", "kur_disetujui")`` or a Policy."""
        if isinstance(spec, Policy):
            return spec
        if isinstance(spec, tuple):
            return cls(*spec)
        kind, _, base = str(spec).partition(":")
        return cls(kind.strip(), base.strip() or None)


def count() -> Policy:
    return Policy(COUNT)


def rate(base: str) -> Policy:
    return Policy(RATE, base)


def median(base: str) -> Policy:
    return Policy(MEDIAN, base)


def money(base: str) -> Policy:
    return Policy(MONEY, base)


class Suppressed(NamedTuple):
    frame: pd.DataFrame  # hidden cells hold their marker (object dtype where something is hidden)
    hidden: bool  # something was hidden: show the footnote


def _int_or_none(value) -> int | None:
    if value is None or (isinstance(value, float) and value != value):  # NaN
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return int(round(float(value)))


def _feasible_exactly(bounds: list[tuple[float, float]], total: float) -> bool:
    """Whether some cell of a group with known ``total`` is pinned to one value.

    ``bounds`` are (low, high) of each hidden cell as a reader knows them; the hidden cells add up to
    ``total`` (the group total minus the shown cells). Sums of integer intervals are contiguous, so
    each cell's feasible values are exactly the interval computed here.
    """
    if not bounds:
        return False
    lows = sum(lo for lo, _ in bounds)
    unbounded = sum(1 for _, hi in bounds if hi == INFINITY)
    finite = sum(hi for _, hi in bounds if hi != INFINITY)
    for lo, hi in bounds:
        if unbounded - (hi == INFINITY):
            others_high = INFINITY
        else:
            others_high = finite - (0 if hi == INFINITY else hi)
        low = max(lo, total - others_high)
        high = min(hi, total - (lows - lo))
        if low >= high:  # one value left (or, with inconsistent input, none): pinned
            return True
    return False


def hidden_mask(
    frame: pd.DataFrame,
    policies: Mapping[str, Policy | str | tuple],
    threshold: int,
    *,
    group_by: str | Sequence[str] | None = None,
    total_rows: Iterable[Hashable] = (),
    row_totals: Mapping[str, Sequence[str]] | None = None,
    forced: Iterable[tuple[Hashable, str]] = (),
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The boolean mask of hidden cells, and a frame of the marker of each hidden cell.

    Arguments as for :func:`suppress`. Columns without a policy are left alone (like ``"none"``).
    """
    pol = {col: Policy.of(p) for col, p in policies.items()}
    for col, p in pol.items():
        if col not in frame.columns:
            raise KeyError(f"suppression policy for missing column {col!r}")
        if p.base is not None and (p.base not in frame.columns or pol.get(p.base) is None):
            raise KeyError(f"{col!r}: base column {p.base!r} is missing or has no count policy")
        if p.base is not None and pol[p.base].kind != COUNT:
            raise ValueError(f"{col!r}: base column {p.base!r} is not a count")
    counts = [c for c, p in pol.items() if p.kind == COUNT]
    mask = pd.DataFrame(False, index=frame.index, columns=frame.columns)
    marker = pd.DataFrame(None, index=frame.index, columns=frame.columns, dtype=object)
    if threshold <= 1 or frame.empty:
        return mask, marker

    rows = list(range(len(frame)))
    totals = set(total_rows)
    is_total = [label in totals for label in frame.index]
    values = {c: [_int_or_none(v) for v in frame[c].tolist()] for c in counts}
    hidden: dict[tuple[int, str], str] = {}  # (row position, column) -> "primary" / "secondary"

    # Primary: 1 .. threshold - 1.
    for c in counts:
        for i in rows:
            v = values[c][i]
            if v is not None and 0 < v < threshold:
                hidden[(i, c)] = "primary"

    # Cells another table of the same page needs hidden (e.g. villages of a kecamatan whose total
    # is hidden there): secondary from the start, so that the groups below protect them too.
    positions = {label: i for i, label in enumerate(frame.index)}
    for label, c in forced:
        i = positions.get(label)
        if i is not None and c in values and (i, c) not in hidden and (values[c][i] or 0) > 0:
            hidden[(i, c)] = "secondary"

    # The groups whose members add up to a known total: (member cells, total cell or None).
    groups: list[tuple[list[tuple[int, str]], tuple[int, str] | None]] = []
    keys = [group_by] if isinstance(group_by, str) else list(group_by or [])
    if keys:
        labels = list(zip(*(frame[k].tolist() for k in keys), strict=True))
    else:
        labels = [()] * len(frame)
    by_group: dict[tuple, list[int]] = {}
    for i in rows:
        if not is_total[i]:
            by_group.setdefault(labels[i], []).append(i)
    total_positions = [i for i in rows if is_total[i]]
    for c in counts:
        for _label, members in by_group.items():
            # A total row serves as this group's margin only when there is one group.
            margin = total_positions[0] if len(by_group) == 1 and total_positions else None
            groups.append(([(i, c) for i in members], (margin, c) if margin is not None else None))
    for total_col, parts in (row_totals or {}).items():
        for col in (total_col, *parts):
            if col not in values:
                raise KeyError(f"row total {total_col!r}: {col!r} has no count policy")
        for i in rows:
            groups.append(([(i, p) for p in parts], (i, total_col)))

    def bounds(cell: tuple[int, str]) -> tuple[float, float]:
        kind = hidden.get(cell)
        if kind == "primary":
            return (1, threshold - 1)
        return (threshold, INFINITY)  # secondary: every smaller non-zero count is primary

    def unsafe(members: list[tuple[int, str]], margin: tuple[int, str] | None) -> bool:
        if margin is not None and margin in hidden:
            return False  # the total is not shown: nothing to subtract from
        hid = [cell for cell in members if cell in hidden]
        if not hid:
            return False
        known = [values[c][i] for i, c in members if (i, c) not in hidden]
        if any(v is None for v in known) or any(values[c][i] is None for i, c in hid):
            return False  # an unknown (null) shown cell: the total cannot be split
        total = sum(values[c][i] for i, c in hid)  # = group total − shown cells
        return _feasible_exactly([bounds(cell) for cell in hid], total)

    changed = True
    while changed:
        changed = False
        for members, margin in groups:
            while unsafe(members, margin):
                candidates = [
                    (values[c][i], i, c)
                    for i, c in members
                    if (i, c) not in hidden and values[c][i] is not None and values[c][i] > 0
                ]
                if not candidates and margin is not None and margin not in hidden:
                    hidden[margin] = "secondary"  # last resort: hide the total itself
                    changed = True
                    break
                if not candidates:
                    break  # the group's total lives elsewhere and must be hidden there
                _, i, c = min(candidates)
                hidden[(i, c)] = "secondary"
                changed = True

    # Written into arrays, then framed: a pandas write per cell cost ~70 µs (a 1000-row list of
    # a leadership page hides thousands of cells on every rerun).
    hide = mask.to_numpy(copy=True)
    mark = marker.to_numpy(copy=True)
    column = {c: frame.columns.get_loc(c) for c in frame.columns}
    for (i, c), kind in hidden.items():
        hide[i, column[c]] = True
        mark[i, column[c]] = small(threshold) if kind == "primary" else SECONDARY
    # Rates, medians and money sums over a hidden base.
    for col, p in pol.items():
        if p.base is None:
            continue
        j, b = column[col], column[p.base]
        under = hide[:, b].copy()
        hide[under, j] = True
        mark[under, j] = DASH
    mask = pd.DataFrame(hide, index=frame.index, columns=frame.columns)
    marker = pd.DataFrame(mark, index=frame.index, columns=frame.columns, dtype=object)
    return mask, marker


def suppress(
    frame: pd.DataFrame,
    policies: Mapping[str, Policy | str | tuple],
    threshold: int,
    *,
    group_by: str | Sequence[str] | None = None,
    total_rows: Iterable[Hashable] = (),
    row_totals: Mapping[str, Sequence[str]] | None = None,
    forced: Iterable[tuple[Hashable, str]] = (),
) -> Suppressed:
    """Mask small counts of ``frame`` (docs/indicators.md); returns the masked frame and whether anything was
    hidden.

    ``policies`` maps a column to ``"count"``, ``"rate:<base>"``, ``"median:<base>"``,
    ``"money:<base>"``, ``"none"`` (or a :class:`Policy`); ``threshold`` is the programme's
    ``[privasi] ambang_sel_kecil``. The rows (apart from ``total_rows``, index labels of rows holding
    the column totals) add up to a known total per column, within each ``group_by`` group (e.g.
    villages within a kecamatan whose totals are shown). ``row_totals`` maps a total column to the
    count columns that add up to it in each row (e.g. ``{"selesai": [...tracer statuses...]}``).
    ``forced`` lists cells (index label, column) to hide in any case (shown as ``×``), e.g. where
    another table of the same page hides their total.

    Hidden cells hold ``<5`` (a small count), ``×`` (hidden to protect another) or ``–`` (a rate,
    median or money sum over a hidden count); their columns become ``object`` dtype. A threshold of 1
    or less hides nothing.
    """
    mask, marker = hidden_mask(
        frame,
        policies,
        threshold,
        group_by=group_by,
        total_rows=total_rows,
        row_totals=row_totals,
        forced=forced,
    )
    if not mask.to_numpy().any():
        return Suppressed(frame.copy(), False)
    out = frame.copy()
    for col in out.columns[mask.any(axis=0).to_numpy()]:
        out[col] = out[col].astype(object).where(~mask[col], marker[col])
    return Suppressed(out, True)


def suppress_value(value: int | float | None, threshold: int, *, base: int | None = None):
    """One figure on a card: a count (``base=None``) → ``<5`` when small; a rate, median or money
    sum → ``–`` when its ``base`` count is small. Anything else is returned unchanged.

    A single figure has no complementary cells; the tables it belongs to are suppressed with
    :func:`suppress`.
    """
    n = _int_or_none(value if base is None else base)
    if n is not None and 0 < n < threshold:
        return small(threshold) if base is None else DASH
    return value
