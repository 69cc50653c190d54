"""Where the import report goes (issue 11): next to the file when that folder is writable, else
into the reports folder; its path is always printed. The report is written one issue at a time,
so that a file whose every row is wrong does not need a table of all messages in memory."""

from __future__ import annotations

import csv
import io
import os

import pytest

from lib import cli
from lib.core import db, fmt
from lib.intake import report
from tests.intake_files import DTKS, csv_bytes, dtks_row


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    u = f"sqlite:///{tmp_path_factory.mktemp('report') / 'pantau.db'}"
    db.ensure_ready(u)
    return u


def bad_file(folder, name="dtks.csv"):
    path = folder / name
    path.write_bytes(csv_bytes(DTKS, [dtks_row(1), dtks_row(2, desil=11)]))
    return path


def test_the_report_goes_next_to_the_file_and_its_path_is_printed(url, tmp_path, capsys):
    path = bad_file(tmp_path)
    assert cli.main(["import", str(path), "--kind", "dtks", "--db", url]) == 1
    target = tmp_path / "dtks.laporan.csv"
    assert f"Laporan lengkap: {target}" in capsys.readouterr().out
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert [(r["Baris"], r["Kolom"], r["Kode"]) for r in rows] == [("3", "desil", "rentang")]


def test_an_unwritable_folder_sends_the_report_to_the_reports_folder(url, tmp_path, capsys,
                                                                     monkeypatch):  # fmt: skip
    source = tmp_path / "masuk"
    source.mkdir()
    path = bad_file(source)
    # A folder where the report should go cannot be written over, whoever runs the test (root
    # ignores read-only permissions).
    (source / "dtks.laporan.csv").mkdir()
    reports = tmp_path / "laporan"
    monkeypatch.setenv("PANTAU_REPORT_DIR", str(reports))
    assert cli.main(["import", str(path), "--kind", "dtks", "--db", url]) == 1
    out = capsys.readouterr().out
    assert f"Laporan lengkap: {reports / 'dtks.laporan.csv'}" in out
    assert "rentang" in (reports / "dtks.laporan.csv").read_text(encoding="utf-8-sig")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_sends_the_report_to_the_reports_folder(url, tmp_path, capsys,
                                                                   monkeypatch):  # fmt: skip
    source = tmp_path / "hanya-baca"
    source.mkdir()
    path = bad_file(source)
    source.chmod(0o555)
    monkeypatch.setenv("PANTAU_REPORT_DIR", str(tmp_path / "laporan"))
    try:
        assert cli.main(["import", str(path), "--kind", "dtks", "--db", url]) == 1
    finally:
        source.chmod(0o755)
    assert str(tmp_path / "laporan" / "dtks.laporan.csv") in capsys.readouterr().out


def test_the_reports_folder_defaults_to_the_home_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("PANTAU_REPORT_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert report.reports_dir() == tmp_path / "pantau-laporan"


def test_no_writable_place_is_a_message_not_a_traceback(url, tmp_path, capsys, monkeypatch):
    path = bad_file(tmp_path)
    (tmp_path / "dtks.laporan.csv").mkdir()
    blocker = tmp_path / "berkas-biasa"
    blocker.write_text("x")
    monkeypatch.setenv("PANTAU_REPORT_DIR", str(blocker / "laporan"))  # under a file: impossible
    assert cli.main(["import", str(path), "--kind", "dtks", "--db", url]) == 1
    err = capsys.readouterr().err
    assert "Laporan tidak dapat ditulis" in err and "PANTAU_REPORT_DIR" in err


def test_report_csv_matches_the_table_and_masks_nik(url):
    from lib.intake.report import ERROR, Issue

    issues = [
        Issue(3, "nik", "7303015705950001", "nik_ganda", ERROR, {"rows": "4"}),
        Issue(2, "nama", "=HAPUS()", "teks_panjang", ERROR, {"max": "100"}),
    ]
    text = report.csv_bytes(issues).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["Baris"] for r in rows] == ["2", "3"]
    assert rows[0]["Nilai"] == "'=HAPUS()"  # neutralised for Excel
    assert rows[1]["Nilai"] == fmt.mask_nik("7303015705950001")
    assert list(report.frame(issues)["Baris"]) == [2, 3]
