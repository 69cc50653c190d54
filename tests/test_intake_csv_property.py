"""Property tests of the CSV reader (issue 11): over random bytes, quotes, separators, line endings
and encodings, reading ends in a clear error (the reader's UnusableFile, or row errors in
``Sheet.problems``) or a correct read, never another exception.

- A table written by ``csv.writer`` in any accepted encoding and separator reads back exactly
  (cells trimmed, blank cells empty, blank rows skipped, row numbers as the spreadsheet shows),
  except that a row holding a NUL character is a row error showing the NUL as ␀.
- Anything else (random bytes, or such a file with bytes inserted, replaced or cut) either is
  refused as unusable or reads into a sheet that keeps the reader's promises: no NUL in any
  cell, increasing row numbers after the header, problems only for rows that exist and only with
  messages that exist.
"""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lib.core.i18n import CATALOGUE
from lib.intake import reader
from lib.intake.reader import NUL_SHOWN, UnusableFile

SEPARATORS = (",", ";", "\t")
ENCODINGS = ("utf-8", "utf-8-sig", "cp1252", "utf-16")
SETTINGS = settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])

header_names = st.from_regex(r"[a-z][a-z0-9_]{0,7}", fullmatch=True)
# Cell text: letters (accented too), digits, spaces, the separators, quotes, line breaks, and
# now and then a NUL, an emoji or a non-breaking space.
cell_text = st.text(
    alphabet=st.sampled_from(
        list("abcXYZ019 .-'/") + list(',;\t"') + ["\n", "\r"] + list("éÉñÑüçÀÿ")
        + ["\x00", "😀", "\u00a0"]
    ),
    max_size=12,
)  # fmt: skip
# Windows-1252 files: letters only beyond ASCII (its symbols 0x80-0xBF could form valid UTF-8
# byte pairs after an accented capital, which no decoder could tell from UTF-8).
cp1252_text = st.text(alphabet=st.sampled_from(list("abcXYZ019 .-'/,;\"") + list("éÉñÑüçÀÿ")),
                      max_size=12)  # fmt: skip


@st.composite
def tables(draw):
    encoding = draw(st.sampled_from(ENCODINGS))
    width = draw(st.integers(min_value=2, max_value=6))
    header = draw(st.lists(header_names, min_size=width, max_size=width, unique=True))
    cells = cp1252_text if encoding == "cp1252" else cell_text
    rows = draw(st.lists(st.lists(cells, min_size=1, max_size=width + 1), max_size=8))
    separator = draw(st.sampled_from(SEPARATORS))
    ending = draw(st.sampled_from(["\r\n", "\n"]))
    return encoding, separator, ending, header, rows


def write(encoding, separator, ending, header, rows) -> bytes:
    buf = io.StringIO()
    # csv.writer quotes a field holding a line break only if the break is in its line terminator,
    # so with "\n" endings a bare "\r" would be written unquoted (a line break to any reader).
    quoting = csv.QUOTE_MINIMAL if ending == "\r\n" else csv.QUOTE_ALL
    out = csv.writer(buf, delimiter=separator, lineterminator=ending, quoting=quoting)
    out.writerow(header)
    out.writerows(rows)
    return buf.getvalue().encode(encoding)


def expected(header, rows):
    """What the reader promises for a well-formed table: (rows, rows with a NUL)."""
    out, nul_rows = [], set()
    for number, row in enumerate(rows, start=2):
        cells = [c.strip() or None for c in row]
        while cells and cells[-1] is None:
            cells.pop()
        if not cells:
            continue
        if any(c and "\x00" in c for c in cells):
            nul_rows.add(number)
            cells = [c.replace("\x00", NUL_SHOWN) if c else c for c in cells]
        out.append((number, cells))
    return out, nul_rows


def check_promises(sheet) -> None:
    assert sheet.headers and all(isinstance(h, str) for h in sheet.headers)
    numbers = [n for n, _ in sheet.rows]
    assert numbers == sorted(set(numbers)) and numbers and numbers[0] >= 2
    for _, cells in sheet.rows:
        for value in cells:
            assert value is None or (isinstance(value, str) and "\x00" not in value)
    for number, problems in sheet.problems.items():
        assert number in numbers
        for _column, code, _params, value in problems:
            assert f"imp.msg.{code}" in CATALOGUE
            assert value is None or "\x00" not in value


def read(data: bytes):
    """The reader's answer: a sheet, or None for a clear refusal; any other exception fails."""
    try:
        return reader.read_bytes(data, "berkas.csv")
    except UnusableFile as exc:
        assert f"imp.file.{exc.code}" in CATALOGUE
        assert exc.message()  # the message formats with its parameters
        return None


@SETTINGS
@given(tables())
def test_a_well_formed_table_reads_back_exactly(table):
    encoding, separator, ending, header, rows = table
    try:
        data = write(*table)
    except UnicodeEncodeError:
        assume(False)
    want, nul_rows = expected(header, rows)
    sheet = read(data)
    if not want:
        assert sheet is None  # a header without data rows is unusable
        return
    if sheet is None:  # only NUL bytes may make a small file look binary
        assert nul_rows and encoding != "utf-16"
        return
    check_promises(sheet)
    assert sheet.headers == header
    assert sheet.delimiter == separator or len(header) == 1
    assert sheet.rows == want
    assert set(sheet.problems) == nul_rows
    assert all(code == "nul" for p in sheet.problems.values() for _, code, _, _ in p)


@SETTINGS
@given(
    st.lists(header_names, min_size=2, max_size=4, unique=True),
    st.lists(
        st.tuples(st.lists(cp1252_text, min_size=1, max_size=4), st.booleans()),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(SEPARATORS),
)
def test_rows_in_windows_1252_inside_a_utf8_file_are_named_the_rest_read_right(
    header, rows, separator
):
    """Each row is written in UTF-8 or (flag) pasted from a Windows-1252 file."""
    lines = [write("utf-8", separator, "\r\n", header, [])]
    for cells, pasted in rows:
        lines.append(write("cp1252" if pasted else "utf-8", separator, "\r\n", [], [cells])[2:])
    data = b"".join(lines)
    want, _ = expected(header, [cells for cells, _ in rows])
    utf8_accents = any(not p and not "".join(c).isascii() for c, p in rows)
    broken = {
        number
        for number, (cells, pasted) in enumerate(rows, start=2)
        if pasted and utf8_accents and not "".join(cells).isascii()
        and any(n == number for n, _ in want)
    }  # fmt: skip
    sheet = read(data)
    if not want:
        assert sheet is None
        return
    check_promises(sheet)
    assert set(sheet.problems) == broken
    assert all(code == "sandi" for p in sheet.problems.values() for _, code, _, _ in p)
    good = [(n, cells) for n, cells in want if n not in broken]
    assert [(n, c) for n, c in sheet.rows if n not in broken] == good  # never mojibake
    assert sheet.encoding == ("utf-8" if utf8_accents else "cp1252") or data.isascii()


@SETTINGS
@given(
    tables(),
    st.lists(
        st.tuples(
            st.floats(min_value=0, max_value=1),
            st.sampled_from(["insert", "replace", "cut"]),
            st.binary(min_size=1, max_size=4)
            | st.sampled_from([b'"', b'""', b"\x00", b"\xff", b"\xe9", b"\r", b"\n", b";", b","]),
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_a_damaged_table_is_refused_or_read_with_row_errors(table, damage):
    try:
        data = bytearray(write(*table))
    except UnicodeEncodeError:
        assume(False)
    for where, how, chunk in damage:
        at = int(where * len(data))
        if how == "insert":
            data[at:at] = chunk
        elif how == "replace":
            data[at : at + len(chunk)] = chunk
        else:
            del data[at:]
    sheet = read(bytes(data))
    if sheet is not None:
        check_promises(sheet)


@SETTINGS
@given(st.binary(max_size=3000))
def test_random_bytes_are_refused_or_read(data):
    sheet = read(data)
    if sheet is not None:
        check_promises(sheet)


@SETTINGS
@given(
    st.lists(
        st.sampled_from(
            [
                b'"',
                b"a",
                b";",
                b",",
                b"\t",
                b"\n",
                b"\r",
                b"\xc3",
                b"\xa9",
                b"\x00",
                b" ",
                b"nik",
                b'""',
            ]
        ),
        max_size=200,
    )  # fmt: skip
)
def test_quotes_and_separators_in_any_order_are_refused_or_read(parts):
    sheet = read(b"nik;nama;desil\r\n" + b"".join(parts))
    if sheet is not None:
        check_promises(sheet)
