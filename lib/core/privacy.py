"""Personal data minimised wherever rows about persons are shown (README, UU PDP 27/2022).

* Every value of an NIK or No. KK column is masked (:func:`lib.core.fmt.mask_nik`), well-formed or
  not.
* A birth date is never shown beside a masked NIK (the NIK's middle digits are the birth date: both
  together leave two digits to guess). It becomes the age in whole years.
* Minors (under ``[program] usia_dewasa``) are flagged: a child's data is specific personal data.

Lists of persons are for operators and admins only (``lib.core.access.Access.is_operator``); the
pages check that and write the view to the audit log.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

import pandas as pd

from lib.core import fmt

IDENTITY_COLUMNS = ("nik", "no_kk")
BIRTH_COLUMNS = ("tanggal_lahir",)
AGE, MINOR = "umur", "anak"


def age_on(born: date | None, on: date) -> int | None:
    """Whole years from ``born`` to ``on``."""
    if born is None:
        return None
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")
_DMY = re.compile(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$")


def _as_date(value) -> date | None:
    """A birth date as an import file may hold it (``YYYY-MM-DD``, ``DD/MM/YYYY``, ``DD-MM-YYYY``,
    a date cell); ``None`` when unreadable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value or "").strip()
    try:
        if m := _ISO.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
        if m := _DMY.match(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None
    return None


def _missing(value) -> bool:
    try:
        return value is None or bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def mask_identity_value(column: str | None, value) -> str | None:
    """A value as a person list shows it: NIK/No. KK masked, a birth date hidden."""
    if value is None:
        return None
    if column in IDENTITY_COLUMNS:
        return fmt.mask_nik(value)
    if column in BIRTH_COLUMNS:
        return "••••-••-••"
    return fmt.mask_identity_runs(str(value)) if isinstance(value, str) else value


def person_frame(
    rows: pd.DataFrame | Iterable[dict],
    *,
    on: date,
    adult_age: int,
    identity_columns: Iterable[str] = IDENTITY_COLUMNS,
    birth_columns: Iterable[str] = BIRTH_COLUMNS,
    ages: Iterable[int | None] | None = None,
) -> pd.DataFrame:
    """A list of persons fit to show: identity columns masked, birth dates replaced by ``umur``
    (age on ``on``) and a ``anak`` column that is True for anyone under ``adult_age``.

    ``ages`` gives the ages when the rows carry no birth date (e.g. looked up in the registry). Text
    columns are scanned for NIK-like runs of digits too.
    """
    df = pd.DataFrame(list(rows)) if not isinstance(rows, pd.DataFrame) else rows.copy()
    identity = [c for c in identity_columns if c in df.columns]
    births = [c for c in birth_columns if c in df.columns]
    for col in df.columns:
        if col in identity:
            df[col] = df[col].map(lambda v: None if _missing(v) else fmt.mask_nik(v)).astype(object)
        elif col not in births and (
            df[col].dtype == object or pd.api.types.is_string_dtype(df[col].dtype)
        ):
            df[col] = df[col].map(lambda v: fmt.mask_identity_runs(v) if isinstance(v, str) else v)
    age_values: list[int | None] | None = None
    if births:
        age_values = [age_on(_as_date(v), on) for v in df[births[0]].tolist()]
        position = df.columns.get_loc(births[0])
        df = df.drop(columns=births)
        df.insert(position, AGE, pd.array(age_values, dtype="Int64"))
    elif ages is not None:
        age_values = list(ages)
        df[AGE] = pd.array(age_values, dtype="Int64")
    if age_values is not None:
        df[MINOR] = [a is not None and a < adult_age for a in age_values]
    return df
