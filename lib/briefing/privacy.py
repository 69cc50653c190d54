"""Small counts in the briefing (docs/indicators.md, "angka kecil"): the deck's side of
:mod:`lib.semantic.guard`.

A leadership viewer (``exact=False``) sees every count of persons or aid records from 1 to
threshold − 1 as ``<5``, and a rate, money sum or median over such a group as ``–``; a table of the
deck (kecamatan, villages, outcomes, follow-up waves, KUR stages) is masked as a whole by
:func:`lib.semantic.suppression.hidden_mask` with the policies its measures declare, so no total
gives a hidden cell away (a second cell is hidden, ``×``). Operators, admins and ``--exact`` get
the figures as they are (:data:`EXACT`).

:class:`Privacy` formats one figure; :class:`Masked` is a masked table whose cells the slides read
as text (sentences, notes) or as numbers (charts: a hidden cell is ``None`` and draws nothing).
Every hidden figure is remembered (:attr:`Privacy.hid`) so the slide can carry the footnote.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import pandas as pd

from lib.core import fmt
from lib.core.i18n import t
from lib.semantic import guard, suppression


def _missing(v) -> bool:
    return v is None or fmt.is_missing(v)


@dataclass
class Privacy:
    """How the deck shows figures to one viewer: ``exact`` or small counts hidden at
    ``threshold`` (``[privasi] ambang_sel_kecil``)."""

    exact: bool = True
    threshold: int = 5
    hid: bool = field(default=False, compare=False)  # something was hidden since :meth:`reset`

    @property
    def marker(self) -> str:
        return suppression.small(self.threshold)

    def reset(self) -> bool:
        """Whether something was hidden since the last reset (then start afresh)."""
        was, self.hid = self.hid, False
        return was

    def small(self, v) -> bool:
        """Whether count ``v`` is hidden for this viewer (1 .. threshold − 1)."""
        if self.exact or _missing(v):
            return False
        return 0 < int(round(float(v))) < self.threshold

    def count(self, v, lang: str) -> str:
        """A count of persons or records: ``<5`` when small, else the number (zero is 0)."""
        if self.small(v):
            self.hid = True
            return self.marker
        return fmt.number(None if _missing(v) else v, lang=lang)

    def derived(self, text: str, *bases) -> str:
        """``text`` (a rate, money sum, median or a figure computed from ``bases``) or ``–`` when
        any of its base counts is hidden."""
        if any(self.small(b) for b in bases):
            self.hid = True
            return suppression.DASH
        return text

    def pct(self, v, base, lang: str) -> str:
        return self.derived(fmt.pct(None if _missing(v) else float(v), lang), base)

    def chart(self, v) -> float | None:
        """A count for a chart: ``None`` (no bar, no label) when hidden."""
        if _missing(v):
            return None
        if self.small(v):
            self.hid = True
            return None
        return float(v)

    def value(self, key: str, values: Mapping):
        """One indicator of ``values`` through :func:`lib.semantic.guard.value` (its registry policy)."""
        if self.exact:
            return values.get(key)
        shown = guard.value(key, values, self.threshold)
        if isinstance(shown, str):
            self.hid = True
        return shown

    def mask(
        self,
        df: pd.DataFrame,
        columns: Mapping[str, str],
        *,
        derived: Mapping[str, Sequence[str]] | None = None,
        group_by: str | Sequence[str] | None = None,
    ) -> Masked:
        """``df`` masked with the policies of ``columns`` (column -> measure key, see
        :func:`lib.semantic.guard.policies`); ``derived`` maps a column computed from others
        (e.g. a shortfall from a fair share and the participants) to those columns: it is hidden
        (``–``) in every row where one of them is."""
        if self.exact or df.empty:
            return Masked(df, None, None, self)
        mask, marker = guard.hidden(df, self.threshold, columns, group_by=group_by)
        for col, bases in (derived or {}).items():
            for i in range(len(df)):
                if not mask.iat[i, mask.columns.get_loc(col)] and any(
                    mask.iat[i, mask.columns.get_loc(b)] for b in bases
                ):
                    mask.iat[i, mask.columns.get_loc(col)] = True
                    marker.iat[i, marker.columns.get_loc(col)] = suppression.DASH
        return Masked(df, mask, marker, self)

    def footnote(self, lang: str) -> str:
        """The footnote the pages put under a table with hidden cells."""
        return t("supresi.footnote", lang, small=self.marker, n=self.threshold)


EXACT = Privacy()


@dataclass
class Masked:
    """A table and, for a leadership viewer, which of its cells are hidden (by position)."""

    frame: pd.DataFrame
    mask: pd.DataFrame | None
    marker: pd.DataFrame | None
    privacy: Privacy

    def hidden(self, i: int, col: str) -> bool:
        return self.mask is not None and bool(self.mask.iat[i, self.mask.columns.get_loc(col)])

    def pos(self, label) -> int:
        """The position of index ``label``."""
        return int(self.frame.index.get_loc(label))

    def text(self, i: int, col: str, lang: str, kind: str = "number") -> str:
        """Cell ``i``, ``col`` as text: its marker when hidden, else a number or a percentage."""
        if self.hidden(i, col):
            assert self.marker is not None
            self.privacy.hid = True
            return str(self.marker.iat[i, self.marker.columns.get_loc(col)])
        v = self.frame[col].iloc[i]
        v = None if _missing(v) else v
        return fmt.pct(v, lang) if kind == "pct" else fmt.number(v, lang=lang)

    def number(self, i: int, col: str) -> float | None:
        """Cell ``i``, ``col`` for a chart: ``None`` when hidden or missing."""
        v = self.frame[col].iloc[i]
        if self.hidden(i, col):
            self.privacy.hid = True
            return None
        return None if _missing(v) else float(v)

    def column(self, col: str, rows: Sequence[int] | None = None) -> tuple[float | None, ...]:
        rows = range(len(self.frame)) if rows is None else rows
        return tuple(self.number(i, col) for i in rows)

    def any_hidden(self, col: str, rows: Sequence[int]) -> bool:
        if any(self.hidden(i, col) for i in rows):
            self.privacy.hid = True
            return True
        return False
