"""Reading import files (lib/intake/reader.py): encodings, delimiters, BOM, headers, XLSX cells, and
the files that are refused with exit 2 and a clear message, writing nothing."""

from datetime import date, datetime

import pytest

from lib import cli
from lib.intake import reader, schemas
from lib.intake.reader import UnusableFile
from lib.semantic import analytics
from tests.intake_files import DTKS, counts, csv_bytes, dtks_row, import_logs, xlsx_bytes


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    u = f"sqlite:///{tmp_path_factory.mktemp('reader') / 'pantau.db'}"
    analytics.ensure_ready(u)
    return u


def validated(data: bytes, name: str, kind: str = "dtks"):
    sheet = reader.read_bytes(data, name)
    index = schemas.column_index(kind, sheet.headers)
    return sheet, schemas.validate_rows(kind, index, sheet.rows)


def codes(rows):
    return {(i.row, i.column, i.code) for r in rows for i in r.errors}


# --- encodings, delimiters, headers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sep", "encoding", "bom"),
    [(";", "utf-8", False), (",", "utf-8", True), (";", "cp1252", False), ("\t", "utf-16", False)],
)
def test_encodings_and_delimiters_are_detected(sep, encoding, bom):
    row = dtks_row(1, nama="Andi Muh. Réza")
    sheet, rows = validated(csv_bytes(DTKS, [row], sep=sep, encoding=encoding, bom=bom), "a.csv")
    assert sheet.delimiter == sep
    assert sheet.encoding == {"utf-8": "utf-8-sig" if bom else "utf-8"}.get(encoding, encoding)
    assert rows[0].ok and rows[0].values["nama"] == "Andi Muh. Réza"


def test_headers_match_case_insensitively_after_trimming_and_extra_columns_are_ignored():
    header = ["  NIK ", "No_KK", "Nama", "JENIS_KELAMIN", "tanggal_lahir ", "kode_desa", "Desil"]
    header.insert(3, "Catatan Petugas")
    row = dtks_row(2)
    row.insert(3, "=HAPUS()")
    sheet, rows = validated(csv_bytes(header, [row]), "a.csv")
    assert rows[0].ok and "catatan_petugas" not in rows[0].raw
    assert rows[0].values["nik"] == row[0]


def test_quoted_cells_may_hold_the_delimiter():
    data = b"nik,no_kk,nama,jenis_kelamin,tanggal_lahir,kode_desa,desil\r\n"
    data += b'7303015705950001,7303010101220001,"Rahma, S.Pd",P,1995-05-17,7303012008,1\r\n'
    _, rows = validated(data, "a.csv")
    assert rows[0].ok and rows[0].values["nama"] == "Rahma, S.Pd"


def test_row_numbers_are_those_of_the_spreadsheet_blank_rows_included():
    good, bad = dtks_row(1), dtks_row(2, desil=11)
    data = csv_bytes(DTKS, [good, ["", "", "", "", "", "", ""], bad])
    _, rows = validated(data, "a.csv")
    assert [r.number for r in rows] == [2, 4]
    assert codes(rows) == {(4, "desil", "rentang")}


def test_excel_mangled_niks_in_a_csv():
    rows = [dtks_row(1, nik="7.30301E+15"), dtks_row(2, nik="7303015705950000.0"), dtks_row(3)]
    _, out = validated(csv_bytes(DTKS, rows), "a.csv")
    assert codes(out) == {(2, "nik", "id_excel"), (3, "nik", "id_excel")}
    message = out[0].errors[0].message()
    assert "Excel" in message and "Format Cells → Text" in message


# --- XLSX -----------------------------------------------------------------------------------------------


def test_xlsx_date_cells_serial_numbers_and_numeric_niks():
    born = date(1995, 5, 17)
    rows = [
        dtks_row(1, tanggal_lahir=datetime(1995, 5, 17)),  # a real date cell
        dtks_row(2, tanggal_lahir=34836),  # an Excel serial number (17 May 1995)
        dtks_row(3, nik=7303015705950003),  # NIK typed into a General cell
        dtks_row(4, no_kk=7.30301e15),
        dtks_row(5, desil=2.0, kode_desa=7303012008),
    ]
    _, out = validated(xlsx_bytes(DTKS, rows), "a.xlsx")
    assert out[0].values["tanggal_lahir"] == born
    assert out[1].values["tanggal_lahir"] == born
    assert codes(out) == {(4, "nik", "id_excel"), (5, "no_kk", "id_excel")}
    assert out[4].ok and out[4].values["desil"] == 2


def test_xlsx_formulas_are_not_evaluated_but_kept_as_text():
    rows = [dtks_row(1, nama='=HYPERLINK("http://example.org","klik")'), dtks_row(2, desil="=1+1")]
    _, out = validated(xlsx_bytes(DTKS, rows), "a.xlsx")
    assert out[0].ok and out[0].values["nama"] == '=HYPERLINK("http://example.org","klik")'
    assert codes(out) == {(3, "desil", "bulat_format")}  # the formula's text, not its result 2


def test_xlsx_percent_cells_count_as_percent():
    header = ["nik", "kode_kelas", "status", "kehadiran_persen"]
    data = xlsx_bytes(
        header, [["7303015705950001", "K1", "aktif", 0.875]], formats={(2, 4): "0.0%"}
    )
    sheet = reader.read_bytes(data, "p.xlsx")
    assert sheet.rows[0][1][3] == "87.5%"


def test_only_the_first_sheet_is_read():
    data = xlsx_bytes(DTKS, [dtks_row(1)], extra_sheet=[DTKS, dtks_row(2), dtks_row(3)])
    sheet = reader.read_bytes(data, "a.xlsx")
    assert len(sheet.rows) == 1


# --- unusable files: exit 2, a clear message, nothing written -------------------------------------------


def _xlsx_header_only():
    return xlsx_bytes(DTKS, [])


UNUSABLE = {
    "empty": ("a.csv", b"", "kosong"),
    "blank": ("a.csv", b"\r\n  \r\n", "kosong"),
    "header_only_csv": ("a.csv", csv_bytes(DTKS, []), "tanpa baris data"),
    "header_only_xlsx": ("a.xlsx", None, "tanpa baris data"),
    "binary_png": ("a.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "bukan teks CSV"),
    "binary_nul": ("a.csv", b"nik;nama\x00\x01\x02\x00" * 50, "bukan teks CSV"),
    "csv_named_xlsx": ("a.xlsx", csv_bytes(DTKS, [dtks_row(1)]), "bernama .xlsx"),
    "xlsx_named_csv": ("a.csv", xlsx_bytes(DTKS, [dtks_row(1)]), "bernama .csv"),
    "old_xls": ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ".xls"),
    "pdf": ("a.pdf", b"%PDF-1.4 ...", ".csv atau .xlsx"),
    "broken_zip": ("a.xlsx", b"PK\x03\x04" + b"\x00" * 100, "tidak dapat dibaca"),
    "wrong_kind": (
        "a.csv",
        csv_bytes(["nik", "kode_kelas", "status"], [["7303015705950001", "K1", "aktif"]]),
        'tampaknya berjenis "peserta", bukan "dtks": kolom wajib jenis "dtks" yang tidak ada: '
        "no_kk, nama, jenis_kelamin, tanggal_lahir, kode_desa, desil",
    ),
    "missing_columns": ("a.csv", csv_bytes(DTKS[:-2], [dtks_row(1)[:-2]]), "kode_desa, desil"),
    "dup_column": ("a.csv", csv_bytes([*DTKS, "NIK"], [[*dtks_row(1), "x"]]), "dua kali"),
}


@pytest.mark.parametrize("case", list(UNUSABLE))
def test_unusable_files_exit_2_with_a_clear_message_and_write_nothing(case, url, tmp_path, capsys):
    name, data, phrase = UNUSABLE[case]
    if data is None:
        data = _xlsx_header_only()
    path = tmp_path / name
    path.write_bytes(data)
    before, logs = counts(url), len(import_logs(url))
    code = cli.main(["import", str(path), "--kind", "dtks", "--db", url])
    err = capsys.readouterr().err
    assert code == 2
    assert phrase in err, err
    assert counts(url) == before
    assert [log["outcome"] for log in import_logs(url)[logs:]] == ["gagal"]
    assert not (tmp_path / "a.laporan.csv").exists()


def test_the_size_cap_is_configurable(url, tmp_path, capsys, monkeypatch):
    path = tmp_path / "besar.csv"
    path.write_bytes(csv_bytes(DTKS, [dtks_row(i) for i in range(1, 200)]))
    monkeypatch.setenv("PANTAU_IMPORT_MAX_MB", "0.01")
    assert cli.main(["import", str(path), "--kind", "dtks", "--db", url]) == 2
    assert "terlalu besar" in capsys.readouterr().err
    monkeypatch.delenv("PANTAU_IMPORT_MAX_MB")
    assert reader.max_bytes() == 50 * 1024 * 1024


def test_missing_file_and_bad_arguments_exit_2(url, tmp_path, capsys):
    assert cli.main(["import", str(tmp_path / "tidak-ada.csv"), "--kind", "dtks", "--db", url]) == 2
    assert "tidak ditemukan" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        cli.main(["import", str(tmp_path / "x.csv"), "--kind", "warga", "--db", url])
    assert exc.value.code == 2


def test_kind_detection_from_the_header():
    assert schemas.detect_kind(DTKS) == "dtks"
    assert schemas.detect_kind(["nik", "kode_kelas", "tanggal_survei", "status_kerja"]) == "tracer"
    assert schemas.detect_kind(["nik", "kode_kelas", "status", "hasil_uji"]) == "peserta"
    assert schemas.detect_kind(["nama", "alamat"]) is None
    with pytest.raises(UnusableFile) as exc:
        schemas.column_index("bantuan", DTKS)
    assert exc.value.code == "wrong_kind" and exc.value.params["detected"] == "dtks"
    assert exc.value.params["columns"] == "jenis, tanggal, nilai_rupiah, status"
    assert "yang tidak ada: jenis, tanggal, nilai_rupiah, status" in exc.value.message()


def test_every_message_and_column_is_documented_for_operators():
    from pathlib import Path

    from lib.core.i18n.intake import TEXT

    docs = Path(__file__).resolve().parent.parent / "docs"
    text = "".join(p.read_text(encoding="utf-8") for p in docs.glob("*.md"))
    codes = [k.removeprefix("imp.code.") for k in TEXT if k.startswith("imp.code.")]
    assert [c for c in codes if f"`{c}`" not in text] == []
    columns = {c for spec in schemas.SPECS.values() for c in spec.columns}
    assert sorted(c for c in columns if f"`{c}`" not in text) == []
