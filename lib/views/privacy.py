"""Small counts across the tables of one page (docs/indicators.md, "angka kecil").

Each table is suppressed on its own by the one table renderer (``lib.app.ui.show_prepared_table``
through :mod:`lib.semantic.guard`), taking the column totals of its groups as known: the cards and
the totals shown beside it. Two tables of one page at two levels (kecamatan and their villages) are
tied: a kecamatan cell hidden to protect another (``×``) could be added up again from its villages
if all of them were shown. :func:`nested_forced` names the village cells to hide for that, and the
village table is then suppressed within each kecamatan (``group_by``), whose totals the kecamatan
table shows. The map of ``/peta`` colours from the same mask (:func:`village_mask`).
"""

from __future__ import annotations

import pandas as pd

from lib.semantic import guard


def _counts(columns: dict[str, str]) -> list[str]:
    return [c for c, rule in guard.policies(columns).items() if rule == "count"]


def nested_forced(
    outer: pd.DataFrame,
    inner: pd.DataFrame,
    *,
    outer_key: str,
    inner_key: str,
    outer_columns: dict[str, str],
    inner_columns: dict[str, str],
    threshold: int,
) -> list[tuple[int, str]]:
    """Cells (row position of ``inner``, column) that must be hidden in ``inner`` so that no hidden
    cell of ``outer`` is the sum of shown ``inner`` cells. ``outer_key``/``inner_key`` hold the
    code that ties a row of ``inner`` to its row of ``outer``; ``*_columns`` map each table's
    columns to their measures (as the page shows them)."""
    outer = outer.reset_index(drop=True)
    inner = inner.reset_index(drop=True)
    outer_mask = guard.mask(outer[list(outer_columns)], threshold, outer_columns)
    shared = [c for c in _counts(inner_columns) if c in _counts(outer_columns)]
    forced: list[tuple[int, str]] = []
    frame = inner[[*inner_columns, inner_key]] if inner_key not in inner_columns else inner
    for _ in range(len(inner) + 1):
        inner_mask = guard.mask(
            frame, threshold, inner_columns, group_by=inner_key, forced=list(forced)
        )
        new = []
        for i, code in enumerate(outer[outer_key]):
            members = inner.index[inner[inner_key] == code]
            for c in shared:
                if not outer_mask.at[i, c] or inner_mask.loc[members, c].any():
                    continue
                values = pd.to_numeric(inner.loc[members, c], errors="coerce")
                values = values[values > 0]
                if len(values):
                    new.append((int(values.idxmin()), c))
        if not new:
            break
        forced.extend(new)
    return forced


def village_mask(
    villages: pd.DataFrame,
    columns: dict[str, str],
    threshold: int,
    *,
    group_by: str,
    forced: list[tuple[int, str]] = (),  # type: ignore[assignment]
) -> pd.DataFrame:
    """The hidden cells of a village table (rows as given, a RangeIndex) for a leadership viewer:
    what the table renderer hides with the same ``group_by`` and ``forced`` cells."""
    frame = villages.reset_index(drop=True)
    frame = frame[[*columns, group_by]] if group_by not in columns else frame[list(columns)]
    return guard.mask(frame, threshold, columns, group_by=group_by, forced=list(forced))
