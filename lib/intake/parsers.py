"""Indonesian value parsers for the import contract (docs/data-contract.md), free of I/O.

Each parser takes a raw cell (text from a CSV, or the Python value openpyxl gives for an XLSX cell:
``str``, ``int``, ``float``, ``datetime``) and returns the clean value, or raises
:class:`ParseError` whose ``code`` names a message of the text catalogue (``lib/i18n/intake.py``,
keys ``imp.msg.<code>``) and whose ``params`` fill it.

- NIK (Nomor Induk Kependudukan, Permendagri 72/2019): 16 digits; digits 1–6 the kecamatan of
  registration, 7–12 the birth date as DDMMYY with 40 added to the day for women, 13–16 a serial.
- No. KK: 16 digits.
- A 16-digit number that a spreadsheet stored as a number comes back as ``7.30301E+15`` or
  ``7303012345678900.0`` with its last digit lost (Excel keeps 15 significant digits): an error that
  says how to fix the column (format it as Text).
- Village codes (Kemendagri): ``73.03.01.2001`` or ``7303012001``; kept dotted.
- Dates: ``YYYY-MM-DD``, ``DD/MM/YYYY``, ``DD-MM-YYYY``, Excel date cells and Excel serial numbers.
- Rupiah: ``1500000``, ``1.500.000``, ``Rp 1.500.000``, ``Rp1.500.000,00`` (and numeric cells).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MISSING = "wajib"
NUMERIC = (
    int,
    float,
)  # numeric spreadsheet cells (bool is an int too: checked first where it matters)


class ParseError(ValueError):
    """A value that does not fit its column: ``code`` names the message, ``params`` fill it."""

    def __init__(self, code: str, **params) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def is_blank(value) -> bool:
    return value is None or (value.__class__ is str and not value.strip())


def _text(value) -> str:
    """A cell as trimmed text (numbers without a spurious ``.0``)."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


# --- NIK and No. KK -------------------------------------------------------------------------------

_DIGITS16 = re.compile(r"^\d{16}$")
_SCIENTIFIC = re.compile(r"^[+-]?\d+([.,]\d+)?[eE][+-]?\d+$")
_FLOATY = re.compile(r"^\d{12,17}[.,]\d+$")


def sixteen_digits(value, *, field: str = "nik") -> str:
    """A 16-digit identity number (NIK or No. KK) as text; errors explain Excel's damage."""
    if value.__class__ is str and len(value) == 16 and _DIGITS16.match(value):
        return value  # the common case, first
    if is_blank(value):
        raise ParseError(MISSING)
    if isinstance(value, bool):
        raise ParseError("id_format", field=field.upper(), n=1)
    if isinstance(value, NUMERIC):
        # A numeric spreadsheet cell: Excel keeps 15 significant digits, the 16th is already lost.
        raise ParseError("id_excel", field=field.upper())
    text = str(value).strip().lstrip("'")
    if _DIGITS16.match(text):
        return text
    if _SCIENTIFIC.match(text) or _FLOATY.match(text):
        raise ParseError("id_excel", field=field.upper())
    digits = sum(ch.isdigit() for ch in text)
    raise ParseError("id_format", field=field.upper(), n=digits)


def parse_nik(value) -> str:
    return sixteen_digits(value, field="nik")


def parse_kk(value) -> str:
    return sixteen_digits(value, field="no_kk")


def nik_birth(nik: str) -> tuple[int, int, int, str]:
    """The (day, month, two-digit year, gender) written in a NIK's digits 7–12 (women: day + 40)."""
    day, month, yy = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    if day > 40:
        return day - 40, month, yy, "P"
    return day, month, yy, "L"


def nik_disagreements(nik: str, tanggal_lahir: date, jk: str) -> list[str]:
    """Which of ``tanggal_lahir`` and ``jk`` the NIK's digits contradict: ``[]``, or codes
    ``nik_tanggal_lahir`` / ``nik_jenis_kelamin`` (warnings: the registry may hold a typo)."""
    day, month, yy, gender = nik_birth(nik)
    out = []
    if (day, month, yy) != (tanggal_lahir.day, tanggal_lahir.month, tanggal_lahir.year % 100):
        out.append("nik_tanggal_lahir")
    if gender != jk:
        out.append("nik_jenis_kelamin")
    return out


def nik_for(tanggal_lahir: date, jk: str, region: str = "730301", serial: int = 1) -> str:
    """A NIK whose digits agree with ``tanggal_lahir`` and ``jk`` (for templates, demo and tests)."""
    day = tanggal_lahir.day + (40 if jk == "P" else 0)
    return (
        f"{region[:6]}{day:02d}{tanggal_lahir.month:02d}{tanggal_lahir.year % 100:02d}{serial:04d}"
    )


# --- village codes --------------------------------------------------------------------------------

_DOTTED = re.compile(r"^(\d{2})\.(\d{2})\.(\d{2})\.(\d{4})$")
_PLAIN = re.compile(r"^(\d{2})(\d{2})(\d{2})(\d{4})$")


def parse_village_code(value) -> str:
    """``73.03.01.2001`` or ``7303012001`` → ``73.03.01.2001``."""
    if is_blank(value):
        raise ParseError(MISSING)
    if isinstance(value, NUMERIC) and not isinstance(value, bool):
        value = _text(value)
    text = str(value).strip().lstrip("'")
    m = _DOTTED.match(text) or _PLAIN.match(text)
    if not m:
        raise ParseError("desa_format")
    return ".".join(m.groups())


# --- dates ----------------------------------------------------------------------------------------

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$")
_DMY = re.compile(r"^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$")
_SERIAL_TEXT = re.compile(r"^\d{5}(?:\.0+)?$")
_EXCEL_EPOCH = date(1899, 12, 30)
YEAR_MIN, YEAR_MAX = 1900, 2100


def from_excel_serial(serial: float) -> date:
    """Excel's day number (1900 system; 61 = 1 March 1900 because of Excel's 29 Feb 1900)."""
    days = int(serial)
    if days < 61:
        days += 1
    return _EXCEL_EPOCH + timedelta(days=days)


def to_excel_serial(value: date) -> int:
    return (value - _EXCEL_EPOCH).days


def _checked(y: int, m: int, d: int) -> date:
    try:
        result = date(y, m, d)
    except ValueError:
        raise ParseError("tanggal_mustahil") from None
    if not YEAR_MIN <= result.year <= YEAR_MAX:
        raise ParseError("tanggal_tahun", min=YEAR_MIN, max=YEAR_MAX)
    return result


def parse_date(value) -> date:
    """A date from ``YYYY-MM-DD``, ``DD/MM/YYYY``, ``DD-MM-YYYY``, a date cell or an Excel serial."""
    if is_blank(value):
        raise ParseError(MISSING)
    if isinstance(value, datetime):
        return _checked(value.year, value.month, value.day)
    if isinstance(value, date):
        return _checked(value.year, value.month, value.day)
    if isinstance(value, NUMERIC) and not isinstance(value, bool):
        if not 1 <= value < 2958466:
            raise ParseError("tanggal_format")
        result = from_excel_serial(value)
        return _checked(result.year, result.month, result.day)
    text = str(value).strip()
    if m := _ISO.match(text):
        return _checked(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.match(text):
        return _checked(int(m[4]), int(m[3]), int(m[1]))
    if _SERIAL_TEXT.match(text):
        result = from_excel_serial(float(text))
        return _checked(result.year, result.month, result.day)
    raise ParseError("tanggal_format")


# --- numbers --------------------------------------------------------------------------------------

_RP_PREFIX = re.compile(r"^(-)?\s*(?:rp\.?|idr)?\s*(-)?\s*", re.IGNORECASE)
_ID_GROUPED = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
_ID_PLAIN = re.compile(r"^\d+(,\d+)?$")
_DOT_DECIMAL = re.compile(r"^\d+\.\d{1,2}$")
RUPIAH_MAX = 10**15


def parse_rupiah(value) -> int:
    """Rupiah in Indonesian notation → whole rupiah (sen rounded half up); may be negative."""
    if is_blank(value):
        raise ParseError(MISSING)
    if isinstance(value, bool):
        raise ParseError("rupiah_format")
    if isinstance(value, NUMERIC):
        amount = Decimal(str(value))
    else:
        text = str(value).strip()
        m = _RP_PREFIX.match(text)
        negative = bool(m[1] or m[2])
        body = text[m.end() :].replace(" ", "").replace("\u00a0", "")
        if _ID_GROUPED.match(body) or _ID_PLAIN.match(body):
            body = body.replace(".", "").replace(",", ".")
        elif not _DOT_DECIMAL.match(body):
            raise ParseError("rupiah_format")
        amount = Decimal(body) * (-1 if negative else 1)
    try:
        result = int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))
    except InvalidOperation:
        raise ParseError("rupiah_format") from None
    if abs(result) >= RUPIAH_MAX:
        raise ParseError("rupiah_besar")
    return result


_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def parse_number(value) -> float:
    """A decimal number: ``87,5``, ``87.5``, ``87,5%`` or a numeric cell."""
    if is_blank(value):
        raise ParseError(MISSING)
    if isinstance(value, bool):
        raise ParseError("angka_format")
    if isinstance(value, NUMERIC):
        return float(value)
    text = str(value).strip().rstrip("%").strip()
    if not _NUMBER.match(text):
        raise ParseError("angka_format")
    return float(text.replace(",", "."))


def parse_int(value) -> int:
    """A whole number: ``3``, ``3.0`` from a numeric cell; ``3,5`` is an error."""
    if is_blank(value):
        raise ParseError(MISSING)
    if isinstance(value, bool):
        raise ParseError("bulat_format")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise ParseError("bulat_format")
    text = str(value).strip()
    if re.match(r"^[+-]?\d+$", text):
        return int(text)
    if re.match(r"^[+-]?\d+[.,]0+$", text):
        return int(text.split(".")[0].split(",")[0])
    raise ParseError("bulat_format")


def in_range(number, low=None, high=None):
    if (low is not None and number < low) or (high is not None and number > high):
        if high is None:
            raise ParseError("rentang_min", min=low)
        raise ParseError("rentang", min=low, max=high)
    return number


# --- codes and free text --------------------------------------------------------------------------


def choice_key(value) -> str:
    """``Belum Kompeten`` → ``belum_kompeten``: case, spaces and hyphens do not matter."""
    return re.sub(r"[\s\-]+", "_", _text(value).lower())


def parse_choice(value, allowed: tuple[str, ...], *, upper: bool = False) -> str:
    if is_blank(value):
        raise ParseError(MISSING)
    key = _text(value).upper() if upper else choice_key(value)
    if key not in allowed:
        raise ParseError("pilihan", allowed=", ".join(allowed))
    return key


def parse_text(value, max_len: int) -> str:
    if is_blank(value):
        raise ParseError(MISSING)
    text = _text(value)
    if len(text) > max_len:
        raise ParseError("teks_panjang", max=max_len)
    return text
