"""Table exports: formula injection neutralised, CSV with a BOM, XLSX readable by openpyxl."""

from __future__ import annotations

import csv
import io

import openpyxl
import pandas as pd
import pytest

from lib.render import export


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://x","klik")', '\'=HYPERLINK("http://x","klik")'),
        ("+62 811 1234", "'+62 811 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Bonto Jai", "Bonto Jai"),
        ("-5", "-5"),  # a plain number stays a number
        ("+12,5", "+12,5"),
        ("", ""),
        (42, 42),
        (None, None),
    ],
)
def test_neutralise(value, expected):
    assert export.neutralise(value) == expected


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "nama": ["=cmd|'/C calc'!A0", "Ani Mardiani", "@risiko"],
            "=kolom": ["a", "b", "c"],
            "peserta": [16, 1444, 0],
            "persen": [14.4, None, 100.0],
        }
    )


def test_csv_has_bom_and_neutralised_cells():
    data = export.to_csv_bytes(frame())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["nama", "'=kolom", "peserta", "persen"]
    assert rows[1][0] == "'=cmd|'/C calc'!A0"
    assert rows[2][:3] == ["Ani Mardiani", "b", "1444"]
    assert rows[3][0] == "'@risiko"
    assert not any(cell.startswith(("=", "+", "@")) for row in rows for cell in row)


def test_xlsx_is_readable_and_holds_no_formula():
    wb = openpyxl.load_workbook(io.BytesIO(export.to_xlsx_bytes(frame(), sheet="Peserta")))
    ws = wb["Peserta"]
    cells = [c for row in ws.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert [c.value for c in ws[1]] == ["nama", "'=kolom", "peserta", "persen"]
    assert ws["A2"].value == "'=cmd|'/C calc'!A0"
    assert ws["A4"].value == "'@risiko"
    assert ws["C3"].value == 1444 and ws["C3"].data_type == "n"
    assert ws["D2"].value == 14.4 and ws["D3"].value is None


def test_original_frame_is_left_alone():
    df = frame()
    export.to_csv_bytes(df)
    assert df.loc[0, "nama"] == "=cmd|'/C calc'!A0" and list(df.columns)[1] == "=kolom"


def test_safe_filename():
    assert (
        export.safe_filename("Kecamatan Bissappu · Tahun 2024") == "kecamatan-bissappu-tahun-2024"
    )
    assert export.safe_filename("···") == "pantau"
    assert len(export.safe_filename("x" * 200)) == 80
