"""Indonesian number, money and date formats through Babel's ``id_ID`` locale (README).

``1.444``, ``14,4%``, ``Rp1.500.000``, ``Rp1,5 jt``, ``7 Februari 2022``. Nothing is formatted by
hand elsewhere: pages, exports, the briefing and messages call these.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    NumberPattern,
    format_decimal,
    format_percent,
    parse_pattern,
)

LOCALES = {"id": "id_ID", "en": "en_US"}
DASH = "–"


def _loc(lang: str) -> Locale:
    return _locale(LOCALES.get(lang, "id_ID"))


# Babel parses a locale given by name anew in every call, and again in each symbol it looks up
# (~60 % of the time of a formatted number); given the parsed ``Locale`` it skips that.
@cache
def _locale(name: str) -> Locale:
    return Locale.parse(name)


# The number patterns likewise: parsed once, not in every call (same text).
@cache
def _pattern(pattern: str) -> NumberPattern:
    return parse_pattern(pattern)


def number(value: int | float | None, decimals: int = 0, lang: str = "id") -> str:
    if value is None or is_missing(value):
        return DASH
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=_pattern(pattern), locale=_loc(lang))


def pct(value: float | None, lang: str = "id") -> str:
    """A percentage given in percent units (``14.4`` → ``14,4%``); ``None`` → ``–``."""
    if value is None or is_missing(value):
        return DASH
    return format_percent(value / 100, format=_pattern("#,##0.0%"), locale=_loc(lang))


def rupiah(value: int | float | None, lang: str = "id") -> str:
    """``Rp3.400.000`` (``Rp3,400,000`` in English: the rupiah's own sign in both languages)."""
    if value is None or is_missing(value):
        return DASH
    return f"{'-' if value < 0 else ''}Rp{number(abs(value), lang=lang)}"


# Millions, billions, trillions: (size, abbreviation, word) per language.
_MONEY_SCALES = {
    "id": ((10**12, "T", "triliun"), (10**9, "M", "miliar"), (10**6, "jt", "juta")),
    "en": ((10**12, "tn", "trillion"), (10**9, "bn", "billion"), (10**6, "mn", "million")),
}


def rupiah_compact(value: int | float | None, lang: str = "id", *, words: bool = False) -> str:
    """A sum of money in millions, billions or trillions, with at most two decimals: ``Rp3,99 M``,
    ``Rp438 jt`` on cards, tables and tooltips, or with ``words`` ``Rp3,99 miliar``, ``Rp438 juta``
    in the briefing's sentences: the same figure in both. Under a million: :func:`rupiah`. Normal
    spaces, so that the text wraps and searches plainly."""
    if value is None or is_missing(value):
        return DASH
    sign, v = ("-" if value < 0 else ""), abs(value)
    scales = _MONEY_SCALES.get(lang, _MONEY_SCALES["id"])
    for i, (size, abbr, word) in enumerate(scales):
        if v < size:
            continue
        n = round(v / size, 2)
        if n >= 1000 and i > 0:  # 999.999.999 is "Rp1 M", not "Rp1.000 jt"
            size, abbr, word = scales[i - 1]
            n = round(v / size, 2)
        text = format_decimal(n, format=_pattern("#,##0.##"), locale=_loc(lang))
        return f"{sign}Rp{text} {word if words else abbr}"
    return rupiah(value, lang)


def tanggal(value: date | datetime | None, lang: str = "id") -> str:
    """``7 Februari 2022``."""
    if value is None:
        return DASH
    return _tanggal(value, lang)


# Lists of thousands of persons write their dates on every rerun, and the same dates come back;
# Babel takes ~40 µs a date. ``typed``: a datetime and the date of its day are written apart.
@lru_cache(maxsize=1 << 15, typed=True)
def _tanggal(value: date | datetime, lang: str) -> str:
    return format_date(value, format="long", locale=_loc(lang))


def bulan(value: date | None, lang: str = "id") -> str:
    """``Februari 2022``."""
    if value is None:
        return DASH
    return format_date(value, format="MMMM y", locale=_loc(lang))


def is_missing(value) -> bool:
    """``None``, NaN or pandas' ``NA`` (a hidden small count in a chart is NaN): written ``–``."""
    if value is None or type(value).__name__ == "NAType":
        return True
    return isinstance(value, float) and value != value


def by_unit(unit: str, value, lang: str = "id", *, compact: bool = True) -> str:
    """A value as its unit is written: ``14,4%`` (persen), ``Rp3,4 M`` or ``Rp3.400.000`` (rupiah,
    ``compact`` or not), ``12,5`` (per_1000), ``218 orang/bulan`` (orang_per_bulan), ``1.368`` (counts); ``–`` for a missing value. The one
    "format by unit" of Pantau: cards, tables, map tooltips, the deck and the CLI use it."""
    if is_missing(value):
        return DASH
    if unit == "persen":
        return pct(value, lang)
    if unit == "rupiah":
        return rupiah_compact(value, lang) if compact else rupiah(value, lang)
    if unit == "per_1000":
        return number(value, 1, lang=lang)
    if unit == "orang_per_bulan":  # a pace: whole persons, with its unit (``218 orang/bulan``)
        return f"{number(value, lang=lang)} {'orang/bulan' if lang == 'id' else 'people/month'}"
    return number(value, lang=lang)


_SEPARATORS = re.compile(r"[\s.\-_/]")
_MASKED = re.compile(r"\d{0,6}\*+\d{0,2}")
_IDENTITY_RUN = re.compile(r"(?<!\d)\d(?:[\s.\-]?\d){11,19}(?!\d)")


def mask_nik(nik: str | int | None) -> str:
    """``7303014507900001`` → ``730301********01``: region kept, person hidden (UU PDP 27/2022).

    Every value of an NIK or No. KK column goes through here, well-formed or not: digits written
    with spaces, dots or dashes (``7303 0141 0185 0001``) are masked alike, and anything else that
    is not a long run of digits (``7.30301E+15``, ``abc``) is shown as asterisks only.
    """
    if nik is None:
        return ""
    text = str(nik).strip()
    if not text:
        return ""
    if _MASKED.fullmatch(text):  # masked already (idempotent)
        return text
    digits = _SEPARATORS.sub("", text)
    if digits.isdigit() and len(digits) >= 12:
        return digits[:6] + "*" * (len(digits) - 8) + digits[-2:]
    return "*" * min(len(text), 16)


def mask_identity_runs(text: str | None) -> str:
    """Mask every NIK-like run of 12–20 digits (spaces, dots or dashes allowed between them) inside
    free text, e.g. a message or a cell of an unexpected column."""
    if not text:
        return "" if text is None else text
    return _IDENTITY_RUN.sub(lambda m: mask_nik(m.group(0)), str(text))


WORD_JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?i)(?<=:)(?=//)|(?<=www)(?=\.)")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#+\-.!|<>{}~$:@&])")


def md_text(value) -> str:
    """Text from data, a file name or the URL, made inert for Streamlit's markdown (issue 11).

    Every markdown special (``\\ ` * _ [ ] ( ) # + - . ! | < > { } ~ $``) gets a backslash, so that
    links, images, emphasis, HTML tags, entities (``&``) and ``$…$`` LaTeX show as the characters
    they are. Bare addresses (``http://…``, ``www.…``, ``a@b.c``) are linked by Streamlit's markdown
    whatever the escapes, so an invisible word joiner (U+2060) goes into ``://`` and ``www.``.
    E-mail addresses stay as typed (they are searched and copied; a ``mailto:`` link fetches
    nothing). Line breaks become spaces (a name must not start a heading or a list).
    ``None`` → ``–``.
    """
    if value is None:
        return DASH
    text = " ".join(str(value).splitlines())
    text = _AUTOLINK.sub(WORD_JOINER, text)
    return _MD_SPECIAL.sub(r"\\\1", text)


def html_text(value) -> str:
    """Text from data, a file name or the URL, escaped for HTML (``st.html``, tooltips, slides)."""
    import html

    if value is None:
        return DASH
    return html.escape(str(value), quote=True)
