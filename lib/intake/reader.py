"""Reading an import file into header + rows of raw cells, safely (spec section 6).

- CSV: UTF-8 with or without BOM, else Windows-1252 (UTF-16 with BOM too, as Excel's "Unicode
  text" writes it); the delimiter (comma, semicolon or tab) is detected from the header line.
- XLSX: the first sheet through openpyxl in read-only mode with ``data_only=False``: formulas are
  never evaluated, a formula cell arrives as its text (``=SUM(A1:A3)``) and is validated, stored
  and exported as text (exports neutralise it). Date cells arrive as ``datetime``.
- Refused before anything is parsed (:class:`UnusableFile`, exit 2): a file over the size cap, an
  empty file, a binary file, a file whose name says CSV but holds a workbook (or the reverse), the
  old ``.xls`` format, a damaged workbook, a header without data rows.

Row numbers are the ones the spreadsheet shows: the header is row 1. Wholly blank rows are skipped
but keep their numbers counted.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from lib.core import config

DEFAULT_MAX_MB = 50
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")
CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


class UnusableFile(Exception):
    """The file cannot be read as an import at all (exit 2). ``code`` names the message."""

    def __init__(self, code: str, **params) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str = "id") -> str:
        from lib.core.i18n import t

        return t(f"imp.file.{self.code}", lang, **self.params)


@dataclass
class Sheet:
    """A file read into normalised header names and raw rows (``(row_number, cells)``)."""

    file_name: str
    sha256: str
    size: int
    fmt: str  # csv / xlsx
    headers: list[str]
    rows: list[tuple[int, list]] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None


def max_bytes() -> int:
    """The size cap: ``PANTAU_IMPORT_MAX_MB``, else ``[impor] batas_ukuran_mb``, else 50 MB."""
    raw = os.environ.get("PANTAU_IMPORT_MAX_MB")
    if raw is None:
        raw = config.settings().extra.get("impor", {}).get("batas_ukuran_mb", DEFAULT_MAX_MB)
    return int(float(raw) * 1024 * 1024)


def normalise_header(name) -> str:
    """`` No KK `` → ``no_kk``: trimmed, case-insensitive, inner blanks as one underscore."""
    if name is None:
        return ""
    text = str(name).replace("\ufeff", "").strip().lower()
    return re.sub(r"\s+", "_", text)


def read(source: bytes | str | Path, file_name: str | None = None) -> Sheet:
    """Read ``source`` (a path or the uploaded bytes) whose name is ``file_name``."""
    limit = max_bytes()
    if isinstance(source, str | Path):
        path = Path(source)
        file_name = file_name or path.name
        size = path.stat().st_size
        if size > limit:
            raise UnusableFile("too_big", mb=_mb(size), max_mb=_mb(limit))
        data = path.read_bytes()
    else:
        data = bytes(source)
        file_name = file_name or "unggahan"
        if len(data) > limit:
            raise UnusableFile("too_big", mb=_mb(len(data)), max_mb=_mb(limit))
    return read_bytes(data, file_name)


def _mb(n: int) -> str:
    from lib.core import fmt

    return fmt.number(n / (1024 * 1024), decimals=1)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(data: bytes, file_name: str) -> Sheet:
    suffix = Path(file_name).suffix.lower()
    if not data.strip():
        raise UnusableFile("empty")
    if suffix == ".xls" or data.startswith(_OLE):
        raise UnusableFile("xls_old")
    is_zip = data.startswith(_ZIP)
    if suffix in XLSX_SUFFIXES:
        if not is_zip:
            raise UnusableFile("mislabelled_xlsx", name=file_name)
        sheet = _read_xlsx(data, file_name)
    elif suffix in CSV_SUFFIXES:
        if is_zip:
            raise UnusableFile("mislabelled_csv", name=file_name)
        sheet = _read_csv(data, file_name)
    else:
        raise UnusableFile("suffix", name=file_name)
    if not sheet.headers:
        raise UnusableFile("empty")
    if not sheet.rows:
        raise UnusableFile("no_rows")
    return sheet


# --- CSV ------------------------------------------------------------------------------------------


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    if any(data.startswith(m) for m in _BINARY_MAGIC) or b"\x00" in data[:65536]:
        raise UnusableFile("binary")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    return text, "cp1252"


def _control_ratio(text: str) -> float:
    sample = text[:65536]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t")
    return bad / max(len(sample), 1)


def _read_csv(data: bytes, file_name: str) -> Sheet:
    try:
        text, encoding = _decode(data)
    except UnicodeDecodeError:
        raise UnusableFile("binary") from None
    if _control_ratio(text) > 0.01:
        raise UnusableFile("binary")
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers: list[str] = []
    rows: list[tuple[int, list]] = []
    for number, record in enumerate(reader, start=1):
        cells = [c.strip() or None for c in record]
        if not any(cells):
            continue
        if not headers:
            headers = [normalise_header(c) for c in cells]
            continue
        rows.append((number, cells))
    return Sheet(file_name, sha256(data), len(data), "csv", headers, rows, encoding, delimiter)


# --- XLSX -----------------------------------------------------------------------------------------


def _cell_value(cell):
    value = cell.value
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, (int, float)):
        fmt = getattr(cell, "number_format", "") or ""
        if "%" in fmt:  # a percentage cell holds 0.875 for 87,5%
            return f"{value * 100:g}%"
        return value
    if isinstance(value, datetime):
        return value
    text = getattr(value, "text", None)  # ArrayFormula / DataTableFormula: their formula text
    return str(text if text is not None else value)


def _read_xlsx(data: bytes, file_name: str) -> Sheet:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - any damaged or foreign zip is one message
        raise UnusableFile("xlsx_broken", name=file_name) from None
    try:
        if not wb.worksheets:
            raise UnusableFile("empty")
        ws = wb.worksheets[0]
        ws.reset_dimensions()  # some writers store a wrong <dimension>; read every row
        headers: list[str] = []
        rows: list[tuple[int, list]] = []
        try:
            for number, row in enumerate(ws.iter_rows(), start=1):
                cells = [_cell_value(c) for c in row]
                if not any(v is not None for v in cells):
                    continue
                if not headers:
                    headers = [normalise_header(v) for v in cells]
                    continue
                rows.append((number, cells))
        except UnusableFile:
            raise
        except Exception:  # noqa: BLE001
            raise UnusableFile("xlsx_broken", name=file_name) from None
    finally:
        wb.close()
    return Sheet(file_name, sha256(data), len(data), "xlsx", headers, rows)
