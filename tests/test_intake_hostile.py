"""Hostile import files (issue 11): every one is refused or reduced to row errors with a clear
Bahasa Indonesia message, within seconds and bounded memory, never a traceback; nothing that the
database cannot hold is ever written (SQLite and PostgreSQL).

The files are generated here, never committed. Limits are those of :class:`lib.intake.reader.Limits`
unless a test narrows them to stay fast.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from lib import cli
from lib.core import db
from lib.core.models import Person, Quarantine
from lib.intake import importer, reader, schemas
from lib.intake.reader import Limits, UnusableFile
from tests.intake_files import (
    DTKS,
    SHEET_HEAD,
    SHEET_TAIL,
    counts,
    csv_bytes,
    dtks_row,
    import_logs,
    inline_row,
    repeated,
    xlsx_bytes,
    xlsx_with_sheet,
)

ROOT = Path(__file__).resolve().parent.parent
GB = 1024**3


def unusable(data: bytes, name: str, lim: Limits | None = None) -> UnusableFile:
    with pytest.raises(UnusableFile) as exc:
        reader.read_bytes(data, name, lim)
    return exc.value


def run_measured(*args: str) -> tuple[subprocess.CompletedProcess, float, int]:
    """``python -m lib.cli ARGS`` as a user runs it: (process, seconds, peak memory in bytes).

    The peak is the largest resident size of any child this test process has waited for, so an
    upper bound of this command's own peak."""
    import resource

    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PANTAU_DATA_DIR")}
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "lib.cli", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    seconds = time.monotonic() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
    return proc, seconds, peak


def million_row_bomb() -> bytes:
    """The issue's file: a small .xlsx whose sheet inflates to a million rows (no <dimension>)."""
    row = b"<row><c><v>7303015705950001</v></c></row>"
    return xlsx_with_sheet([SHEET_HEAD, inline_row(DTKS), *repeated(row, 1_000_000), SHEET_TAIL])


# --- XLSX: sizes checked before anything is inflated, reading stops early -------------------------


def test_a_million_row_xlsx_is_refused_early_with_bounded_time_and_memory(db_url, tmp_path):
    path = tmp_path / "bom.xlsx"
    path.write_bytes(million_row_bomb())
    assert path.stat().st_size < 2 * 1024 * 1024
    before = counts(db_url)
    proc, seconds, peak = run_measured("import", str(path), "--kind", "dtks", "--db", db_url)
    assert proc.returncode == 2, proc.stderr
    assert "melebihi batas 200.000 baris data" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert seconds < 60 and peak < 1.5 * GB, (seconds, peak)
    assert counts(db_url) == before
    assert [log["outcome"] for log in import_logs(db_url)] == ["gagal"]


def test_early_stop_does_not_parse_the_whole_sheet_first():
    """openpyxl sizes a sheet without <dimension> by parsing all of it; the reader must not."""
    data = million_row_bomb()
    started = time.monotonic()
    exc = unusable(data, "bom.xlsx", Limits(max_rows=1_000))
    assert exc.code == "too_many_rows" and exc.params["row"] == "1.002"
    assert time.monotonic() - started < 3


def test_a_zip_bomb_is_refused_from_its_declared_size_within_seconds(tmp_path, db_url):
    bomb = xlsx_with_sheet([SHEET_HEAD, *repeated(b"<row/>" * 1000, 60_000), SHEET_TAIL])
    assert len(bomb) < 3 * 1024 * 1024  # ~360 MB once inflated
    path = tmp_path / "bom.xlsx"
    path.write_bytes(bomb)
    started = time.monotonic()
    code = cli.main(["import", str(path), "--kind", "dtks", "--db", db_url])
    assert code == 2 and time.monotonic() - started < 5
    exc = unusable(bomb, "bom.xlsx")
    assert exc.code == "unzipped_too_big"
    assert "terlalu besar setelah dibuka" in exc.message() and "batas 300,0 MB" in exc.message()


def test_an_entry_that_inflates_beyond_its_declared_size_is_refused_as_damaged():
    """A zip may lie about an entry's size; zipfile stops at the declared size (CRC error)."""
    import io
    import struct
    import zipfile

    sheet_name = "xl/worksheets/sheet1.xml"
    big = SHEET_HEAD + inline_row(DTKS) + inline_row(dtks_row(1)) * 50_000 + SHEET_TAIL
    src = zipfile.ZipFile(io.BytesIO(xlsx_bytes(DTKS, [dtks_row(1)])))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info.filename, big if info.filename == sheet_name else src.read(info))
    data = bytearray(buf.getvalue())
    name = sheet_name.encode()
    for signature, name_at, size_at in ((b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)):
        pos = data.find(signature)
        while data[pos + name_at : pos + name_at + len(name)] != name:
            pos = data.find(signature, pos + 4)
        struct.pack_into("<I", data, pos + size_at, 1_000)  # declared: 1,000 bytes
    started = time.monotonic()
    exc = unusable(bytes(data), "bohong.xlsx")
    assert exc.code == "xlsx_broken" and time.monotonic() - started < 3


def test_too_many_parts_and_oversized_parts_are_refused():
    many = xlsx_with_sheet(
        [SHEET_HEAD, inline_row(DTKS), inline_row(dtks_row(1)), SHEET_TAIL],
        extra={f"xl/media/x{i}.bin": b"" for i in range(1_001)},
    )
    assert unusable(many, "a.xlsx").code == "zip_entries"
    strings = xlsx_with_sheet(
        [SHEET_HEAD, inline_row(DTKS), inline_row(dtks_row(1)), SHEET_TAIL],
        extra={"xl/sharedStrings2.xml": b" " * (2 * 1024 * 1024)},
    )
    exc = unusable(strings, "a.xlsx", Limits(max_other_part=1024 * 1024))
    assert exc.code == "unzipped_part" and "sharedStrings2.xml" in exc.message()


def test_xlsx_columns_and_cells_limits():
    wide = b"<row><c r='XFD2' t='inlineStr'><is><t>x</t></is></c></row>"
    exc = unusable(xlsx_with_sheet([SHEET_HEAD, inline_row(DTKS), wide, SHEET_TAIL]), "a.xlsx")
    assert exc.code == "too_many_columns" and exc.params["row"] == "2"
    assert "Baris 2 berisi lebih dari 100 kolom" in exc.message()
    # Empty styled cells far to the right are fine (Excel writes them for formatted columns).
    styled = inline_row(dtks_row(1))[:-6] + b"<c r='XFD2' s='0'/></row>"
    sheet = reader.read_bytes(
        xlsx_with_sheet([SHEET_HEAD, inline_row(DTKS), styled, SHEET_TAIL]), "a.xlsx"
    )
    assert len(sheet.rows[0][1]) == len(DTKS)
    rows = repeated(inline_row(dtks_row(1)), 500)
    exc = unusable(
        xlsx_with_sheet([SHEET_HEAD, inline_row(DTKS), *rows, SHEET_TAIL]),
        "a.xlsx",
        Limits(max_cells=1_000),
    )
    assert exc.code == "too_many_cells" and "lebih dari 1.000 sel" in exc.message()


@pytest.mark.parametrize("shape", ["one_row", "no_row"])
def test_millions_of_empty_elements_are_refused_within_bounded_memory(db_url, tmp_path, shape):
    """The limits on rows, columns and cells see only the rows that openpyxl returns; one row of
    millions of empty cells, or millions of elements that are no row at all, is built whole inside
    the XML parser first (gigabytes from a file of a few hundred kB). The command line reads the
    file in the upload worker, whose memory is capped, as the web does."""
    body = repeated(b"<c/>" if shape == "one_row" else b"<x/>", 8_000_000, 100_000)
    row = [b"<row>", *body, b"</row>"] if shape == "one_row" else list(body)
    path = tmp_path / "sel.xlsx"
    path.write_bytes(xlsx_with_sheet([SHEET_HEAD, inline_row(DTKS), *row, SHEET_TAIL]))
    assert path.stat().st_size < 1024 * 1024
    before = counts(db_url)
    proc, seconds, peak = run_measured("import", str(path), "--kind", "dtks", "--db", db_url)
    assert proc.returncode == 2, proc.stderr
    assert "terlalu berat untuk dibaca" in proc.stderr and "Traceback" not in proc.stderr
    assert seconds < 60 and peak < 1.5 * GB, (seconds, peak)
    assert counts(db_url) == before


# --- CSV: limits ----------------------------------------------------------------------------------


def test_a_csv_of_ten_million_tiny_rows_is_refused_at_the_row_limit(tmp_path, db_url):
    path = tmp_path / "kecil.csv"
    path.write_bytes(";".join(DTKS).encode() + b"\r\n" + b"1;2;3;4;5;6;7\r\n" * 3_400_000)
    proc, seconds, peak = run_measured("import", str(path), "--kind", "dtks", "--db", db_url)
    assert proc.returncode == 2 and "melebihi batas 200.000 baris data" in proc.stderr
    assert seconds < 30 and peak < 1.5 * GB, (seconds, peak)


def test_csv_line_columns_and_cells_limits():
    long_line = b"nik;nama\r\n1;" + b"x" * (1024 * 1024 + 1) + b"\r\n"
    exc = unusable(long_line, "a.csv")
    assert exc.code == "line_too_long" and exc.params["row"] == "2"
    wide = csv_bytes(DTKS, [dtks_row(1), [*dtks_row(2), *["x"] * 100]])
    exc = unusable(wide, "a.csv")
    assert exc.code == "too_many_columns" and exc.params["row"] == "3"
    trailing = csv_bytes(DTKS, [[*dtks_row(1), *[""] * 500]])  # empty cells at the end are fine
    assert reader.read_bytes(trailing, "a.csv").rows[0][1] == [str(v) for v in dtks_row(1)]
    many = csv_bytes(DTKS, [dtks_row(i) for i in range(1, 300)])
    assert unusable(many, "a.csv", Limits(max_cells=1_000)).code == "too_many_cells"


def test_an_overlong_cell_rejects_its_row_only():
    rows = [dtks_row(1), dtks_row(2, nama="A" * 40_000), dtks_row(3)]
    sheet = reader.read_bytes(csv_bytes(DTKS, rows), "a.csv")
    out = schemas.validate_rows(
        "dtks", schemas.column_index("dtks", sheet.headers), sheet.rows, sheet.problems
    )
    assert [r.ok for r in out] == [True, False, True]
    (issue,) = out[1].errors
    assert (issue.row, issue.column, issue.code) == (3, "nama", "sel_panjang")
    assert "40.000 karakter; batas 32.767" in issue.message()


# --- CSV: quotes ----------------------------------------------------------------------------------


def unterminated_quote_file(rows: int = 3_000) -> bytes:
    """The issue's file: a quote opened in row 6 and never closed, > 128 KiB after it."""
    lines = csv_bytes(DTKS, [dtks_row(i) for i in range(1, rows)]).split(b"\r\n")
    lines[5] = lines[5].replace(b";Warga", b';"Warga')
    return b"\r\n".join(lines)


@pytest.mark.parametrize("rows", [3_000, 20], ids=["beyond-field-limit", "to-end-of-file"])
def test_an_unterminated_quote_names_its_row(rows, db_url, tmp_path, capsys):
    path = tmp_path / "petik.csv"
    path.write_bytes(unterminated_quote_file(rows))
    before = counts(db_url)
    assert cli.main(["import", str(path), "--kind", "dtks", "--db", db_url]) == 2
    err = capsys.readouterr().err
    assert 'Tanda petik (") yang dibuka di baris 6 tidak pernah ditutup' in err
    assert "field limit" not in err and "Traceback" not in err
    assert counts(db_url) == before


def test_a_misplaced_quote_rejects_its_row_and_the_next_rows_are_read():
    data = csv_bytes(DTKS, [dtks_row(1), dtks_row(2), dtks_row(3)])
    data = data.replace(b";Warga 2;", b';"Warga" 2;')
    sheet = reader.read_bytes(data, "a.csv")
    assert sheet.problems == {3: [(None, "kutip", {}, None)]}
    assert [n for n, _ in sheet.rows] == [2, 3, 4] and sheet.rows[2][1] == [
        str(v) for v in dtks_row(3)
    ]


def test_multi_line_cells_are_fine_but_not_without_end():
    ok = csv_bytes(DTKS, [dtks_row(1, nama='"Andi\nMuh.\nReza"'), dtks_row(2)])
    sheet = reader.read_bytes(ok, "a.csv")
    assert [n for n, _ in sheet.rows] == [2, 3] and sheet.rows[0][1][2] == "Andi\nMuh.\nReza"
    lines = "\n".join(f"baris {i}" for i in range(60))
    exc = unusable(csv_bytes(DTKS, [dtks_row(1, nama=f'"{lines}"'), dtks_row(2)]), "a.csv")
    assert exc.code == "quote_open" and exc.params["row"] == "2"


# --- CSV: NUL characters --------------------------------------------------------------------------


def nul_file() -> bytes:
    """3,000 rows; row 2001 (past the first 64 KiB) holds a NUL byte in its name."""
    lines = csv_bytes(DTKS, [dtks_row(i) for i in range(1, 3001)]).split(b"\r\n")
    lines[2000] = lines[2000].replace(b"Warga 2000", b"War\x00ga 2000")
    data = b"\r\n".join(lines)
    assert data.index(b"\x00") > 65536
    return data


def test_a_nul_byte_anywhere_rejects_its_row_never_stored_never_stripped(db_url, tmp_path, capsys):
    path = tmp_path / "nul.csv"
    path.write_bytes(nul_file())
    before = counts(db_url)
    assert cli.main(["import", str(path), "--kind", "dtks", "--db", db_url]) == 1
    out = capsys.readouterr().out
    assert "baris 2001, kolom nama «War␀ga 2000»: Sel ini berisi karakter NUL" in out
    assert counts(db_url) == before  # all or nothing

    assert cli.main(["import", str(path), "--kind", "dtks", "--db", db_url, "--partial"]) == 0
    engine = db.get_engine(db_url)
    with engine.connect() as conn:
        names = set(conn.execute(select(Person.nama)).scalars())
        (held,) = conn.execute(select(Quarantine.row_number, Quarantine.data_json)).all()
    assert len(names) == 2999
    assert "Warga 2000" not in names and "Warga2000" not in names and "War\x00ga 2000" not in names
    assert held[0] == 2001 and json.loads(held[1])["nama"] == "War␀ga 2000"


def test_a_single_nul_in_the_first_64_kib_is_a_row_error_not_a_binary_file():
    data = csv_bytes(DTKS, [dtks_row(1), dtks_row(2, nama="Ani\x00")])
    sheet = reader.read_bytes(data, "a.csv")
    assert sheet.problems == {3: [("nama", "nul", {}, "Ani␀")]}


# --- CSV: encodings row by row --------------------------------------------------------------------


def mixed_encoding_file() -> bytes:
    """UTF-8 names with accents; row 11 was pasted from a Windows-1252 file."""
    rows = [dtks_row(i, nama=f"Andi Réza {i}") for i in range(1, 50)]
    lines = csv_bytes(DTKS, rows).split(b"\r\n")
    lines[10] = lines[10].decode("utf-8").encode("cp1252")
    return b"\r\n".join(lines)


def test_a_windows_1252_row_in_a_utf8_file_is_named_and_the_rest_read_right(
    db_url, tmp_path, capsys
):
    path = tmp_path / "campur.csv"
    path.write_bytes(mixed_encoding_file())
    assert cli.main(["import", str(path), "--kind", "dtks", "--db", db_url, "--partial"]) == 0
    out = capsys.readouterr().out
    assert "baris 11, kolom nama «Andi R�za 10»: Baris ini bukan teks UTF-8 yang sah" in out
    with db.get_engine(db_url).connect() as conn:
        names = set(conn.execute(select(Person.nama)).scalars())
    assert "Andi Réza 1" in names and "Andi Réza 49" in names and len(names) >= 48
    assert not any("Ã" in n or "�" in n for n in names)  # no mojibake stored


def test_whole_file_encodings_are_still_accepted():
    rows = [dtks_row(1, nama="Andi Réza"), dtks_row(2, nama="Cici")]
    for encoding in ("cp1252", "utf-8"):
        sheet = reader.read_bytes(csv_bytes(DTKS, rows, encoding=encoding), "a.csv")
        assert not sheet.problems and sheet.rows[0][1][2] == "Andi Réza"
        assert sheet.encoding == encoding
    # Bytes that Windows-1252 leaves undefined are read as Latin-1, never an exception.
    sheet = reader.read_bytes(
        csv_bytes(DTKS, [dtks_row(1, nama="A\x81")], encoding="latin-1"), "a.csv"
    )
    assert sheet.rows[0][1][2] == "A\x81"


def test_a_broken_header_row_makes_the_file_unusable():
    header = csv_bytes(DTKS, [dtks_row(1)]).replace(b"nama", b"na\x00ma", 1)
    exc = unusable(header, "a.csv")
    assert exc.code == "header_row" and "Baris judul kolom (baris 1)" in exc.message()


# --- the import path ------------------------------------------------------------------------------


def test_importer_reports_reader_row_errors_with_counts(db_url):
    result = importer.run(mixed_encoding_file(), url=db_url, kind="dtks", file_name="c.csv",
                          dry_run=True)  # fmt: skip
    assert result.exit_code == 1 and result.rows_total == 49 and result.rows_rejected == 1
    assert [(i.row, i.code) for i in result.errors] == [(11, "sandi")]


def test_limits_come_from_the_programme_settings(monkeypatch, tmp_path, capsys):
    from lib.core import config

    mib = 1024 * 1024
    section = {"batas_baris": 10, "batas_uraian_mb": 1.5, "batas_ukuran_mb": 2}
    monkeypatch.setitem(config.settings().extra, "impor", section)
    monkeypatch.delenv("PANTAU_IMPORT_MAX_MB", raising=False)
    lim = reader.limits()
    assert (lim.max_rows, lim.max_unzipped, lim.max_bytes) == (10, int(1.5 * mib), 2 * mib)
    monkeypatch.setenv("PANTAU_IMPORT_MAX_MB", "3")
    assert reader.limits().max_bytes == 3 * mib
    url = f"sqlite:///{tmp_path / 'pantau.db'}"
    path = tmp_path / "dtks.csv"
    path.write_bytes(csv_bytes(DTKS, [dtks_row(i) for i in range(1, 20)]))
    assert cli.main(["import", str(path), "--kind", "dtks", "--db", url]) == 2
    assert (
        "melebihi batas 10 baris data (pembacaan dihentikan di baris 12)" in capsys.readouterr().err
    )
