"""Table exports (CSV, XLSX) with spreadsheet formula injection neutralised.

Text that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab/carriage return) is stored as it came,
but every export prefixes it with an apostrophe so that Excel and LibreOffice show it as text and
never evaluate it (OWASP "CSV injection").
"""

from __future__ import annotations

import io
import re

import pandas as pd

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def neutralise(value):
    """Prefix a formula-looking string with ``'``; numbers and other values pass unchanged."""
    if isinstance(value, str) and value.startswith(_DANGEROUS) and not _NUMBER.match(value):
        return "'" + value
    return value


def neutralise_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(neutralise)
    out.columns = [neutralise(str(c)) for c in out.columns]
    return out


def to_csv_bytes(df: pd.DataFrame) -> bytes:
    """UTF-8 CSV with BOM (so that Excel on Windows reads Indonesian text correctly)."""
    return neutralise_frame(df).to_csv(index=False).encode("utf-8-sig")


def to_xlsx_bytes(df: pd.DataFrame, sheet: str = "Data") -> bytes:
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        neutralise_frame(df).to_excel(writer, index=False, sheet_name=sheet[:31])
    return buf.getvalue()


def safe_filename(text: str) -> str:
    """A file-name stem from a description: ``Kecamatan Bissappu · Tahun 2024`` → ``kecamatan-bissappu-tahun-2024``."""
    stem = re.sub(r"[^0-9A-Za-z]+", "-", text).strip("-").lower()
    return stem[:80] or "pantau"
