"""Reading an import file into header + rows of raw cells, safely (docs/data-contract.md).

- CSV: UTF-8 with or without BOM, else Windows-1252 (UTF-16 with BOM too, as Excel's "Unicode
  text" writes it); the delimiter (comma, semicolon or tab) is detected from the header line.
  The file is split into records on its bytes (quotes, delimiters and line breaks are ASCII in
  every accepted encoding) and each record is decoded on its own: in a UTF-8 file a row that is
  not valid UTF-8 (a row pasted from a Windows-1252 file) is named as a row error and the other
  rows are read correctly; a file that has no valid non-ASCII UTF-8 row at all is Windows-1252.
  A NUL character rejects its row (never stored, never stripped); a quote that is never closed
  makes the file unusable, naming the row where it opened; a quote in the wrong place rejects
  its row.
- XLSX: the first sheet through openpyxl in read-only mode with ``data_only=False``: formulas are
  never evaluated, a formula cell arrives as its text (``=SUM(A1:A3)``) and is validated, stored
  and exported as text (exports neutralise it). Date cells arrive as ``datetime``. The zip's
  declared sizes are checked before anything is inflated (Python's zipfile never inflates an entry
  beyond its declared size: a lying entry fails its CRC and the file is refused as damaged).
- Limits (:class:`Limits`, ``[impor]`` of ``data/programme.toml``) are checked while reading and
  stop it early: rows, columns, cells, characters per cell and per line, uncompressed size.
- Refused (:class:`UnusableFile`, exit 2): a file over a limit, an empty file, a binary file, a
  file whose name says CSV but holds a workbook (or the reverse), the old ``.xls`` format, a
  damaged workbook, a header without data rows.

Row numbers are the ones the spreadsheet shows: the header is row 1. Wholly blank rows are skipped
but keep their numbers counted. Problems of single rows found while reading are kept in
:attr:`Sheet.problems` and become row errors in :func:`lib.intake.schemas.validate_rows`.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import re
import struct
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from lib.core import config

DEFAULT_MAX_MB = 50
MIB = 1024 * 1024
_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")
CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
NUL_SHOWN = "\u2400"  # ␀: how a NUL character is shown in the report and the quarantine


class UnusableFile(Exception):
    """The file cannot be read as an import at all (exit 2). ``code`` names the message."""

    def __init__(self, code: str, **params) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def message(self, lang: str = "id") -> str:
        from lib.core.i18n import t

        return t(f"imp.file.{self.code}", lang, **self.params)

    def __reduce__(self):  # picklable with its parameters (the upload worker sends it back)
        return (_unusable, (self.code, self.params))


def _unusable(code: str, params: dict) -> UnusableFile:
    return UnusableFile(code, **params)


@dataclass(frozen=True)
class Limits:
    """What one import file may hold; every limit is checked while reading and stops it early.

    Defaults fit the largest real file of a regency (a DTSEN extract of 200,000 persons with a few
    extra columns) with room to spare, and keep an import under 1.5 GB of memory and a hostile
    file's refusal under two minutes. ``[impor]`` of ``data/programme.toml`` overrides them.
    """

    max_bytes: int = DEFAULT_MAX_MB * MIB  # the file as uploaded
    max_rows: int = 200_000  # rows after the header (blank rows included)
    max_columns: int = 100  # up to the last non-empty cell of a row
    max_cells: int = 5_000_000  # cells read in all (an XLSX's empty cells included)
    max_cell_chars: int = 32_767  # Excel's own limit for one cell
    max_line_chars: int = MIB  # one physical line of a CSV
    max_cell_lines: int = 50  # line breaks inside one quoted CSV cell
    max_unzipped: int = 300 * MIB  # an XLSX's entries, inflated
    max_shared_strings: int = 100 * MIB  # its shared-strings part, inflated
    max_other_part: int = 16 * MIB  # any other part (styles, workbook …), inflated
    max_zip_entries: int = 1_000
    worker_memory: int = 1024 * MIB  # address space of the upload worker process
    worker_seconds: int = 100  # the upload worker is stopped after this


_SETTING_KEYS = {  # [impor] key -> (field, unit)
    "batas_ukuran_mb": ("max_bytes", MIB),
    "batas_baris": ("max_rows", 1),
    "batas_kolom": ("max_columns", 1),
    "batas_sel": ("max_cells", 1),
    "batas_uraian_mb": ("max_unzipped", MIB),
    "batas_memori_mb": ("worker_memory", MIB),
    "batas_waktu_detik": ("worker_seconds", 1),
}


def limits() -> Limits:
    """The limits of ``[impor]`` in ``data/programme.toml``; ``PANTAU_IMPORT_MAX_MB`` overrides
    the size cap."""
    section = config.settings().extra.get("impor", {})
    values = {}
    for key, (name, unit) in _SETTING_KEYS.items():
        if key in section:
            values[name] = int(float(section[key]) * unit)
    raw = os.environ.get("PANTAU_IMPORT_MAX_MB")
    if raw is not None:
        values["max_bytes"] = int(float(raw) * MIB)
    return Limits(**values)


@dataclass
class Sheet:
    """A file read into normalised header names and raw rows (``(row_number, cells)``).

    ``problems`` maps a row number to what is wrong with that row as read: ``(column name or
    None, message code, parameters, the cell as shown)``; such a row is rejected whatever its
    values. When the file was read with a ``select`` function, ``headers`` and the cells hold only
    the selected columns, and ``selection`` is what ``select`` returned.
    """

    file_name: str
    sha256: str
    size: int
    fmt: str  # csv / xlsx
    headers: list[str]
    rows: list[tuple[int, list]] = field(default_factory=list)
    encoding: str | None = None
    delimiter: str | None = None
    problems: dict[int, list[tuple[str | None, str, dict, str | None]]] = field(
        default_factory=dict
    )
    selection: object = None


def max_bytes() -> int:
    """The size cap: ``PANTAU_IMPORT_MAX_MB``, else ``[impor] batas_ukuran_mb``, else 50 MB."""
    return limits().max_bytes


def normalise_header(name) -> str:
    """`` No KK `` → ``no_kk``: trimmed, case-insensitive, inner blanks as one underscore."""
    if name is None:
        return ""
    text = str(name).replace("\ufeff", "").strip().lower()
    return re.sub(r"\s+", "_", text)


def read(
    source: bytes | str | Path,
    file_name: str | None = None,
    lim: Limits | None = None,
    select: Callable | None = None,
) -> Sheet:
    """Read ``source`` (a path or the uploaded bytes) whose name is ``file_name``.

    ``select(headers)``, when given, is called with the normalised header as soon as it is read;
    it may refuse the file (raise :class:`UnusableFile`, e.g. a missing column, before any data
    row is read) and returns an object whose ``columns`` are the positions to keep: cells of other
    columns are checked (limits, NUL, encoding) but not kept."""
    lim = lim or limits()
    if isinstance(source, str | Path):
        path = Path(source)
        file_name = file_name or path.name
        size = path.stat().st_size
        if size > lim.max_bytes:
            raise UnusableFile("too_big", mb=_mb(size), max_mb=_mb(lim.max_bytes))
        data = path.read_bytes()
    else:
        data = bytes(source)
        file_name = file_name or "unggahan"
    return read_bytes(data, file_name, lim, select)


def _mb(n: int) -> str:
    from lib.core import fmt

    return fmt.number(n / MIB, decimals=1)


def _n(n: int) -> str:
    from lib.core import fmt

    return fmt.number(n)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_bytes(
    data: bytes, file_name: str, lim: Limits | None = None, select: Callable | None = None
) -> Sheet:
    """Read the bytes of a file named ``file_name`` (see :func:`read`)."""
    lim = lim or limits()
    if len(data) > lim.max_bytes:
        raise UnusableFile("too_big", mb=_mb(len(data)), max_mb=_mb(lim.max_bytes))
    suffix = Path(file_name).suffix.lower()
    if not data.strip():
        raise UnusableFile("empty")
    if suffix == ".xls" or data.startswith(_OLE):
        raise UnusableFile("xls_old")
    is_zip = data.startswith(_ZIP)
    try:
        if suffix in XLSX_SUFFIXES:
            if not is_zip:
                raise UnusableFile("mislabelled_xlsx", name=file_name)
            sheet = _read_xlsx(data, file_name, _Rows(lim, select))
        elif suffix in CSV_SUFFIXES:
            if is_zip:
                raise UnusableFile("mislabelled_csv", name=file_name)
            sheet = _read_csv(data, file_name, _Rows(lim, select))
        else:
            raise UnusableFile("suffix", name=file_name)
    except MemoryError:  # the limits should prevent it; never a traceback if they do not
        raise UnusableFile("too_heavy") from None
    if not sheet.headers:
        raise UnusableFile("empty")
    if not sheet.rows:
        raise UnusableFile("no_rows")
    return sheet


def _trim(cells: list) -> list:
    """Cells up to the last non-empty one."""
    end = len(cells)
    while end and cells[end - 1] is None:
        end -= 1
    return cells[:end] if end < len(cells) else cells


class _Rows:
    """The rows of a file as they are read: limits checked at each row, the header found (and
    the columns selected), problems of single rows noted, the kept cells collected."""

    def __init__(self, lim: Limits, select: Callable | None) -> None:
        self.lim = lim
        self.select = select
        self.selection = None
        self.cells = 0
        self.names: list[str] = []  # the file's whole header
        self.headers: list[str] = []  # the kept columns' names
        self.keep: list[int] | None = None
        self.rows: list[tuple[int, list]] = []
        self.problems: dict[int, list] = {}
        self.pending: list[tuple[int | None, str, dict]] = []  # of the row being read
        self.refused: UnusableFile | None = None  # what ``select`` said of the header

    def number(self, number: int) -> None:
        if number > self.lim.max_rows + 1:
            raise UnusableFile("too_many_rows", max=_n(self.lim.max_rows), row=_n(number))

    def count(self, number: int, n_cells: int) -> None:
        self.cells += n_cells
        if self.cells > self.lim.max_cells:
            raise UnusableFile("too_many_cells", max=_n(self.lim.max_cells), row=_n(number))

    def too_wide(self, number: int) -> UnusableFile:
        return UnusableFile("too_many_columns", max=_n(self.lim.max_columns), row=_n(number))

    def problem(self, index: int | None, code: str, **params) -> None:
        """Note a problem of the row being read (``index``: its column, if one)."""
        self.pending.append((index, code, params))

    def check_text(self, cells: list) -> None:
        """NUL characters and over-long cells reject the row; the cell is kept readable for the
        report (NUL shown as ␀, a long cell cut)."""
        for i, value in enumerate(cells):
            if not isinstance(value, str):
                continue
            if "\x00" in value:
                cells[i] = value = value.replace("\x00", NUL_SHOWN)
                self.problem(i, "nul")
            if len(value) > self.lim.max_cell_chars:
                cells[i] = value[:60] + "…"
                self.problem(i, "sel_panjang", n=_n(len(value)), max=_n(self.lim.max_cell_chars))

    def add(self, number: int, cells: list) -> None:
        """One row of cells (trimmed; counted by the caller): the header or a data row."""
        if not cells:
            self.pending = []
            return
        if len(cells) > self.lim.max_columns:
            raise self.too_wide(number)
        if not self.names:
            if self.pending:  # the header row itself cannot be read
                raise UnusableFile("header_row", row=_n(number))
            self._header([normalise_header(c) for c in cells])
            return
        if self.refused is not None:  # a header without data rows is told as such first
            raise self.refused
        if self.pending:
            self.problems[number] = [
                (self._name(i), code, params, _shown(cells, i)) for i, code, params in self.pending
            ]
            self.pending = []
        if self.keep is not None:
            cells = [cells[i] if i < len(cells) else None for i in self.keep]
        self.rows.append((number, cells))

    def broken(self, number: int, code: str, **params) -> None:
        """A row that could not be split into cells at all."""
        if not self.names:
            raise UnusableFile("header_row", row=_n(number))
        if self.refused is not None:
            raise self.refused
        self.pending = []
        self.problems[number] = [(None, code, params, None)]
        self.rows.append((number, []))

    def _header(self, names: list[str]) -> None:
        self.names = self.headers = names
        if self.select is not None:
            try:
                self.selection = self.select(names)
            except UnusableFile as exc:
                self.refused = exc
                return
            assert self.selection is not None
            self.keep = list(self.selection.columns)
            self.headers = [names[i] for i in self.keep]

    def _name(self, index: int | None) -> str | None:
        if index is None or index >= len(self.names):
            return None
        return self.names[index] or None

    def sheet(self, data: bytes, file_name: str, fmt: str, **extra) -> Sheet:
        sheet = Sheet(file_name, sha256(data), len(data), fmt, self.headers, self.rows, **extra)
        sheet.problems, sheet.selection = self.problems, self.selection
        return sheet


def _shown(cells: list, index: int | None) -> str | None:
    from lib.intake.report import cell_text

    return cell_text(cells[index]) if index is not None and index < len(cells) else None


# --- CSV ------------------------------------------------------------------------------------------


def _looks_binary(data: bytes) -> bool:
    if any(data.startswith(m) for m in _BINARY_MAGIC):
        return True
    sample = data[:65536]
    control = sum(sample.count(bytes([c])) for c in range(32) if c not in (9, 10, 13))
    return control >= 4 and control > len(sample) / 100


def _decode(data: bytes) -> tuple[str, str, str | None]:
    """The text to split into records, the file's encoding, and the encoding each record must
    still be decoded with (``None`` when the text is already decoded).

    When the file is not valid UTF-8 as a whole: if some non-ASCII line is valid UTF-8, the file
    is UTF-8 with bad rows and each record is decoded on its own (the text is the bytes as
    Latin-1, which keeps every byte and every ASCII delimiter, quote and line break where it is);
    otherwise the file is Windows-1252 (bytes that Windows-1252 leaves undefined as Latin-1).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", None
        except UnicodeDecodeError:
            raise UnusableFile("binary") from None
    if _looks_binary(data):
        raise UnusableFile("binary")
    encoding = "utf-8"
    if data.startswith(b"\xef\xbb\xbf"):
        data, encoding = data[3:], "utf-8-sig"
    try:
        return data.decode("utf-8"), encoding, None
    except UnicodeDecodeError:
        pass
    if encoding == "utf-8-sig" or any(
        _valid_utf8(m.group()) for m in _NON_ASCII_LINE.finditer(data)
    ):
        return data.decode("latin-1"), encoding, "utf-8"
    return data.decode("cp1252", errors=_LATIN1_FALLBACK), "cp1252", None


# A line holding at least one non-ASCII byte (searched lazily: the first valid one decides).
_NON_ASCII_LINE = re.compile(rb"[^\r\n]*[\x80-\xff][^\r\n]*")
_LATIN1_FALLBACK = "pantau-latin1"


def _latin1_fallback(e: UnicodeError) -> tuple[str, int]:
    assert isinstance(e, UnicodeDecodeError)
    return e.object[e.start : e.end].decode("latin-1"), e.end


# the five bytes that Windows-1252 leaves undefined are read as Latin-1
codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)


def _valid_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


class _LineTooLong(Exception):
    pass


# One physical line with its ending (CRLF, LF or a lone CR), as ``io.StringIO(newline="")`` splits
# them; found lazily, without the four bytes per character of a StringIO buffer.
_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+\Z")


def _lines(text: str, lim: Limits):
    for match in _LINE.finditer(text):
        line = match.group()
        if len(line) > lim.max_line_chars:
            raise _LineTooLong
        yield line


def _read_csv(data: bytes, file_name: str, out: _Rows) -> Sheet:
    lim = out.lim
    text, encoding, per_record = _decode(data)
    has_nul = "\x00" in text
    first = next((m.group() for m in _LINE.finditer(text) if m.group().strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(_lines(text, lim), delimiter=delimiter, strict=True)
    number = 0
    while True:
        number += 1
        started = reader.line_num
        try:
            record = next(reader)
        except StopIteration:
            break
        except _LineTooLong:
            raise UnusableFile(
                "line_too_long", row=_n(number), max=_n(lim.max_line_chars)
            ) from None
        except csv.Error as exc:
            # strict mode: the rest of the line is skipped and reading goes on with the next one
            message = str(exc)
            spanned = reader.line_num - started
            if "unexpected end of data" in message or spanned > lim.max_cell_lines:
                raise UnusableFile("quote_open", row=_n(number)) from None
            out.number(number)
            if "field limit" in message:
                limit = "> " + _n(csv.field_size_limit())
                out.broken(number, "sel_panjang", n=limit, max=_n(lim.max_cell_chars))
            else:
                out.broken(number, "kutip")
            continue
        if reader.line_num - started > lim.max_cell_lines + 1:
            raise UnusableFile("quote_open", row=_n(number))
        out.number(number)
        if per_record is not None:
            _decode_record(record, per_record, out)
        cells = [c.strip() or None for c in record]
        if has_nul or max(map(len, record), default=0) > lim.max_cell_chars:
            out.check_text(cells)
        cells = _trim(cells)
        out.count(number, len(cells))
        out.add(number, cells)
    return out.sheet(data, file_name, "csv", encoding=encoding, delimiter=delimiter)


def _decode_record(record: list[str], encoding: str, out: _Rows) -> None:
    """Decode the cells of one record (read as Latin-1) with the file's encoding; a cell that
    does not decode is kept with replacement marks and rejects the row."""
    for i, cell in enumerate(record):
        if cell.isascii():
            continue
        raw = cell.encode("latin-1")
        try:
            record[i] = raw.decode(encoding)
        except UnicodeDecodeError:
            record[i] = raw.decode(encoding, errors="replace")
            out.problem(i, "sandi")


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


def _zip_entry_count(data: bytes) -> int | None:
    """The number of entries that the zip's end record declares (read before the central
    directory is parsed); ``None`` when there is no end record (a damaged file)."""
    at = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if at < 0 or at + 22 > len(data):
        return None
    return struct.unpack_from("<H", data, at + 10)[0]


def _check_zip(data: bytes, file_name: str, lim: Limits) -> None:
    """Refuse a workbook whose parts would inflate beyond the limits, from the sizes the zip
    declares (nothing is inflated here; zipfile never inflates an entry beyond its declared size)."""
    import zipfile

    entries = _zip_entry_count(data)
    if entries is None:
        raise UnusableFile("xlsx_broken", name=file_name)
    if entries > lim.max_zip_entries:
        raise UnusableFile("zip_entries", n=_n(entries), max=_n(lim.max_zip_entries))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except Exception:  # noqa: BLE001 - any damaged zip is one message
        raise UnusableFile("xlsx_broken", name=file_name) from None
    if len(infos) > lim.max_zip_entries:
        raise UnusableFile("zip_entries", n=_n(len(infos)), max=_n(lim.max_zip_entries))
    total = sum(i.file_size for i in infos)
    if total > lim.max_unzipped:
        raise UnusableFile("unzipped_too_big", mb=_mb(total), max_mb=_mb(lim.max_unzipped))
    for info in infos:
        name = info.filename.lower()
        if name.startswith("xl/worksheets/"):
            continue
        cap = lim.max_shared_strings if name.endswith("sharedstrings.xml") else lim.max_other_part
        if info.file_size > cap:
            raise UnusableFile(
                "unzipped_part", part=info.filename[:80], mb=_mb(info.file_size), max_mb=_mb(cap)
            )


def _open_workbook(data: bytes):
    """openpyxl's ``load_workbook(read_only=True, data_only=False)``, except that no sheet is
    sized when opened: openpyxl sizes a read-only sheet that lacks a ``<dimension>`` element by
    parsing all of it, for every sheet, before one row can be read (a million-row sheet would be
    parsed whole however early the reading stops). ``iter_rows()`` then streams the rows as
    after ``reset_dimensions()``; missing rows come as empty tuples."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class UnsizedSheet(ReadOnlyWorksheet):
        def _get_size(self) -> None:
            pass

    class Reader(ExcelReader):
        def read_worksheets(self) -> None:
            for sheet, rel in self.parser.find_sheets():
                if rel.target not in self.valid_files:
                    continue
                if "chartsheet" in rel.Type:
                    self.read_chartsheet(sheet, rel)
                    continue
                ws = UnsizedSheet(self.wb, sheet.name, rel.target, self.shared_strings)
                ws.sheet_state = sheet.state
                self.wb._sheets.append(ws)

    reader = Reader(io.BytesIO(data), read_only=True, data_only=False)
    reader.read()
    return reader.wb


def _read_xlsx(data: bytes, file_name: str, out: _Rows) -> Sheet:
    lim = out.lim
    _check_zip(data, file_name, lim)
    with warnings.catch_warnings():  # e.g. "date outside the limits": the cell tells it instead
        warnings.simplefilter("ignore")
        try:
            wb = _open_workbook(data)
        except MemoryError:
            raise
        except Exception:  # noqa: BLE001 - any damaged or foreign zip is one message
            raise UnusableFile("xlsx_broken", name=file_name) from None
        try:
            if not wb.worksheets:
                raise UnusableFile("empty")
            _read_rows(wb.worksheets[0].iter_rows(), out)  # streamed, unsized
        except (UnusableFile, MemoryError):
            raise
        except Exception:  # noqa: BLE001 - a damaged sheet is one message
            raise UnusableFile("xlsx_broken", name=file_name) from None
        finally:
            wb.close()
    return out.sheet(data, file_name, "xlsx")


def _read_rows(rows, out: _Rows) -> None:
    lim = out.lim
    for number, row in enumerate(rows, start=1):
        out.number(number)
        out.count(number, len(row))  # every cell read costs time, the empty ones too
        if len(row) > lim.max_columns:  # only empty cells may lie beyond the limit
            if any(c.value is not None for c in row[lim.max_columns :]):
                raise out.too_wide(number)
            row = row[: lim.max_columns]
        cells = _trim([_cell_value(c) for c in row])
        out.check_text(cells)
        out.add(number, cells)
