"""Indonesian number, money and date formats through Babel's ``id_ID`` locale (spec section 8).

``1.444``, ``14,4%``, ``Rp1.500.000``, ``Rp1,5 jt``, ``7 Februari 2022``. Nothing is formatted by
hand elsewhere: pages, exports, the briefing and messages call these.
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import format_compact_currency, format_currency, format_decimal, format_percent

LOCALES = {"id": "id_ID", "en": "en_US"}
DASH = "–"


def _loc(lang: str) -> str:
    return LOCALES.get(lang, "id_ID")


def number(value: int | float | None, decimals: int = 0, lang: str = "id") -> str:
    if value is None:
        return DASH
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_loc(lang))


def pct(value: float | None, lang: str = "id") -> str:
    """A percentage given in percent units (``14.4`` → ``14,4%``); ``None`` → ``–``."""
    if value is None:
        return DASH
    return format_percent(value / 100, format="#,##0.0%", locale=_loc(lang))


def rupiah(value: int | float | None, lang: str = "id") -> str:
    if value is None:
        return DASH
    return format_currency(value, "IDR", format="¤#,##0", currency_digits=False, locale=_loc(lang))


def rupiah_compact(value: int | float | None, lang: str = "id") -> str:
    """``Rp1,5 jt``, ``Rp2,5 M`` (normal spaces, so that the text wraps and searches plainly)."""
    if value is None:
        return DASH
    if abs(value) < 1_000_000:
        return rupiah(value, lang)
    text = format_compact_currency(value, "IDR", locale=_loc(lang), fraction_digits=1)
    return text.replace("\xa0", " ")


def tanggal(value: date | datetime | None, lang: str = "id") -> str:
    """``7 Februari 2022``."""
    if value is None:
        return DASH
    return format_date(value, format="long", locale=_loc(lang))


def bulan(value: date | None, lang: str = "id") -> str:
    """``Februari 2022``."""
    if value is None:
        return DASH
    return format_date(value, format="MMMM y", locale=_loc(lang))


def is_missing(value) -> bool:
    """``None``, NaN or pandas' ``NA``."""
    if value is None or type(value).__name__ == "NAType":
        return True
    return isinstance(value, float) and value != value


def by_unit(unit: str, value, lang: str = "id", *, compact: bool = True) -> str:
    """A value as its unit is written: ``14,4%`` (persen), ``Rp3,4 M`` or ``Rp3.400.000`` (rupiah,
    ``compact`` or not), ``12,5`` (per_1000), ``1.368`` (counts); ``–`` for a missing value. The one
    "format by unit" of Pantau: cards, tables, map tooltips, the deck and the CLI use it."""
    if is_missing(value):
        return DASH
    if unit == "persen":
        return pct(value, lang)
    if unit == "rupiah":
        return rupiah_compact(value, lang) if compact else rupiah(value, lang)
    if unit == "per_1000":
        return number(value, 1, lang=lang)
    return number(value, lang=lang)


def mask_nik(nik: str | None) -> str:
    """``7303014507900001`` → ``730301**********01``-style masking: region kept, person hidden.

    Shows the 6-digit region code and the last 2 digits only (UU PDP 27/2022: data minimisation).
    """
    if not nik:
        return ""
    nik = str(nik)
    if len(nik) <= 8:
        return "*" * len(nik)
    return nik[:6] + "*" * (len(nik) - 8) + nik[-2:]
