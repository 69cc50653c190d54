"""Every row rule of docs/data-contract.md, each with a failing and a passing row, on SQLite and PostgreSQL.

The files are checked with ``dry_run=True`` (the database rules run, nothing is written) against one
hand-built database per backend and module:

- class K-A (GAR-01, 1 Mar – 30 Apr 2022, 16 seats): Ani selesai, Baso aktif, Dedi keluar;
- class K-PENUH (2 seats): Fani and Gita, both aktif;  class K-KECIL (3 seats): Fani aktif;
- registry persons without any enrolment: Hana; Teguh (15 at K-A's start), Cinta (13), Kakek (72).
"""

from __future__ import annotations

from datetime import date

import pytest

from lib import cli
from lib.intake import importer
from lib.semantic import analytics
from tests.builders import dataset
from tests.intake_files import DTKS, csv_bytes, dtks_row, nik


class Base:
    ani = nik(date(1995, 5, 17), "P", 1)
    baso = nik(date(1990, 1, 10), "L", 2)
    dedi = nik(date(1985, 3, 3), "L", 3)
    fani = nik(date(1993, 7, 1), "P", 4)
    gita = nik(date(1994, 8, 2), "P", 5)
    hana = nik(date(1980, 2, 2), "P", 6)
    teguh = nik(date(2006, 6, 1), "L", 7)
    cinta = nik(date(2008, 6, 1), "P", 8)
    kakek = nik(date(1950, 1, 1), "L", 9)
    baru = [nik(date(1991, 1, d), "L", 10 + d) for d in (1, 2, 3)]
    unregistered = nik(date(1996, 9, 9), "L", 99)


def _born(n: str) -> date:
    day, month, yy = int(n[6:8]) % 40, int(n[8:10]), int(n[10:12])
    return date(1900 + yy if yy > 25 else 2000 + yy, month, day)


@pytest.fixture(scope="module", params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def url(request, tmp_path_factory):
    if request.param == "sqlite":
        u = f"sqlite:///{tmp_path_factory.mktemp('rules') / 'pantau.db'}"
    else:
        from tests.conftest import new_pg_database

        u = new_pg_database(request.getfixturevalue("pg_cluster"))
    analytics.ensure_ready(u)
    b = Base
    with dataset(u) as d:
        ids = {}
        for name in ("ani", "baso", "dedi", "fani", "gita", "hana", "teguh", "cinta", "kakek"):
            n = getattr(b, name)
            ids[name] = d.person(name, nik=n, jk="P" if int(n[6:8]) > 40 else "L", lahir=_born(n))
        for i, n in enumerate(b.baru):
            ids[f"baru{i}"] = d.person(f"baru{i}", nik=n, jk="L", lahir=_born(n))
        a = d.kelas("GAR-01", kode="K-A", mulai=date(2022, 3, 1), selesai=date(2022, 4, 30))
        full = d.kelas("GAR-02", kode="K-PENUH", kapasitas=2)
        small = d.kelas("GAR-03", kode="K-KECIL", kapasitas=3)
        d.enrol(ids["ani"], a, "selesai")
        d.enrol(ids["baso"], a, "aktif")
        d.enrol(ids["dedi"], a, "keluar")
        d.enrol(ids["fani"], full, "aktif")
        d.enrol(ids["gita"], full, "aktif")
        d.enrol(ids["fani"], small, "aktif")
    return u


def check(url, tmp_path, kind, header, rows, name="berkas.csv"):
    path = tmp_path / name
    path.write_bytes(csv_bytes(header, rows))
    return importer.run(path, url=url, kind=kind, dry_run=True)


def found(result, level="galat"):
    """{(row, column, code)} of the result's errors (or warnings)."""
    return {(i.row, i.column, i.code) for i in result.issues if i.level == level}


def bad_rows(result):
    return {i.row for i in result.errors}


# --- general rules ----------------------------------------------------------------------------------


def test_missing_required_value_is_an_error(url, tmp_path):
    r = check(url, tmp_path, "dtks", DTKS, [dtks_row(1, nama=""), dtks_row(2)])
    assert found(r) == {(2, "nama", "wajib")}
    assert r.rows_valid == 1 and r.exit_code == 1


def test_value_outside_listed_values_is_an_error(url, tmp_path):
    r = check(
        url,
        tmp_path,
        "dtks",
        DTKS,
        [dtks_row(1, jenis_kelamin="W"), dtks_row(2, jenis_kelamin="l")],
    )
    assert found(r) == {(2, "jenis_kelamin", "pilihan")}


def test_impossible_date_is_an_error(url, tmp_path):
    r = check(url, tmp_path, "dtks", DTKS, [dtks_row(1, tanggal_lahir="31/02/1995"), dtks_row(2)])
    assert found(r) == {(2, "tanggal_lahir", "tanggal_mustahil")}


def test_nik_and_kk_are_16_digits_and_excel_numbers_are_explained(url, tmp_path):
    rows = [
        dtks_row(1, no_kk="730301010122001"),  # 15 digits
        dtks_row(2, nik="7.30301E+15"),
        dtks_row(3, no_kk="7303010101220001.0"),
        dtks_row(4),
    ]
    r = check(url, tmp_path, "dtks", DTKS, rows)
    assert found(r) == {(2, "no_kk", "id_format"), (3, "nik", "id_excel"), (4, "no_kk", "id_excel")}
    by_row = {i.row: i for i in r.errors}
    assert by_row[2].message() == "NO_KK harus tepat 16 digit angka; yang tertulis berisi 15 digit."
    assert "Format Cells → Text" in by_row[3].message()


def test_all_failures_of_a_row_are_reported_not_only_the_first(url, tmp_path):
    row = dtks_row(1, nik="123", tanggal_lahir="1995/05/17", kode_desa="73.03", desil="x")
    r = check(url, tmp_path, "dtks", DTKS, [row])
    assert {c for _, c, _ in found(r)} == {"nik", "tanggal_lahir", "kode_desa", "desil"}


# --- dtks ----------------------------------------------------------------------------------------------


def test_dtks_unknown_village_is_an_error_dotted_and_plain_codes_are_fine(url, tmp_path):
    rows = [
        dtks_row(1, kode_desa="73.03.01.2999"),
        dtks_row(2, kode_desa="7303012008"),
        dtks_row(3),
    ]
    r = check(url, tmp_path, "dtks", DTKS, rows)
    assert found(r) == {(2, "kode_desa", "desa_tidak_dikenal")}
    assert "Kabupaten Bantaeng" in r.errors[0].message()


def test_dtks_desil_outside_1_to_10_is_an_error(url, tmp_path):
    rows = [
        dtks_row(1, desil=0),
        dtks_row(2, desil=11),
        dtks_row(3, desil=10),
        dtks_row(4, desil=1),
    ]
    r = check(url, tmp_path, "dtks", DTKS, rows)
    assert found(r) == {(2, "desil", "rentang"), (3, "desil", "rentang")}


def test_dtks_duplicate_nik_in_the_file_rejects_every_copy(url, tmp_path):
    rows = [dtks_row(1), dtks_row(2), dtks_row(1, nama="Lain")]
    r = check(url, tmp_path, "dtks", DTKS, rows)
    assert found(r) == {(2, "nik", "nik_ganda"), (4, "nik", "nik_ganda")}
    assert "baris 4" in next(i for i in r.errors if i.row == 2).message()


def test_dtks_nik_disagreeing_with_birth_date_or_gender_is_a_warning(url, tmp_path):
    rows = [
        dtks_row(1, tanggal_lahir="1995-05-18"),  # NIK says 17 May
        dtks_row(2, jenis_kelamin="L"),  # NIK says woman (day + 40)
        dtks_row(3),  # agrees
    ]
    r = check(url, tmp_path, "dtks", DTKS, rows)
    assert found(r) == set() and r.rows_valid == 3 and r.exit_code == 0
    assert found(r, "peringatan") == {
        (2, "nik", "nik_tanggal_lahir"),
        (3, "nik", "nik_jenis_kelamin"),
    }


def test_dtks_nik_from_outside_the_regency_is_a_warning(url, tmp_path):
    makassar = nik(date(1995, 5, 17), "P", 1, region="737101")
    r = check(url, tmp_path, "dtks", DTKS, [dtks_row(1, nik=makassar), dtks_row(2)])
    assert found(r, "peringatan") == {(2, "nik", "nik_wilayah")} and not r.errors


# --- paket and kelas -----------------------------------------------------------------------------------

PAKET = ["kode_paket", "nama_paket", "kejuruan", "durasi_jp", "kapasitas"]
KELAS = ["kode_kelas", "kode_paket", "tahun", "angkatan", "tanggal_mulai", "tanggal_selesai"]


def test_paket_values_and_ranges(url, tmp_path):
    rows = [
        ["BRS-01", "Barista", "Pariwisata", "180", ""],
        ["BRS-02", "Barista Lanjut", "Pariwisata", "seratus", "0"],
        ["BRS-01", "Barista", "Pariwisata", "180", "16"],
    ]
    r = check(url, tmp_path, "paket", PAKET, rows)
    assert found(r) == {
        (3, "durasi_jp", "bulat_format"), (3, "kapasitas", "rentang"),
        (2, "kode_paket", "kunci_ganda"), (4, "kode_paket", "kunci_ganda"),
    }  # fmt: skip


def test_kelas_unknown_package_is_an_error(url, tmp_path):
    rows = [
        ["K-B", "XYZ-99", "2023", "1", "2023-03-01", "2023-04-30"],
        ["K-C", "gar-01", "2023", "1", "01/03/2023", "30-04-2023"],  # code case does not matter
    ]
    r = check(url, tmp_path, "kelas", KELAS, rows)
    assert found(r) == {(2, "kode_paket", "paket_tidak_dikenal")}


def test_kelas_start_after_end_is_an_error_same_day_is_fine(url, tmp_path):
    rows = [
        ["K-B", "GAR-01", "2023", "1", "2023-05-01", "2023-04-30"],
        ["K-C", "GAR-01", "2023", "1", "2023-05-01", "2023-05-01"],
    ]
    r = check(url, tmp_path, "kelas", KELAS, rows)
    assert found(r) == {(2, "tanggal_mulai", "mulai_setelah_selesai")}


# --- peserta -------------------------------------------------------------------------------------------

PESERTA = ["nik", "kode_kelas", "status", "tanggal_daftar", "kehadiran_persen", "hasil_uji"]


def test_peserta_nik_not_in_registry_and_unknown_class(url, tmp_path):
    rows = [
        [Base.unregistered, "K-A", "aktif", "", "", ""],
        [Base.hana, "K-TIDAK-ADA", "aktif", "", "", ""],
        [Base.hana, "k-a", "aktif", "", "", ""],
    ]
    r = check(url, tmp_path, "peserta", PESERTA, rows)
    assert found(r) == {(2, "nik", "nik_tidak_terdaftar"), (3, "kode_kelas", "kelas_tidak_dikenal")}


def test_peserta_same_person_twice_in_one_class(url, tmp_path):
    rows = [
        [Base.hana, "K-A", "aktif", "", "", ""],
        [Base.hana, "K-KECIL", "aktif", "", "", ""],  # another class: fine
        [Base.hana, "K-A", "selesai", "", "", ""],
    ]
    r = check(url, tmp_path, "peserta", PESERTA, rows)
    assert found(r) == {(2, "nik", "peserta_ganda"), (4, "nik", "peserta_ganda")}


def test_peserta_class_over_capacity_counts_existing_enrolments_and_the_file(url, tmp_path):
    rows = [
        [Base.hana, "K-PENUH", "aktif", "", "", ""],  # 2 of 2 seats taken already
        [Base.gita, "K-PENUH", "selesai", "", "", ""],  # an update of an existing enrolment
        [Base.fani, "K-KECIL", "aktif", "", "", ""],  # existing: no new seat
        [Base.baru[0], "K-KECIL", "aktif", "", "", ""],  # seat 2 of 3
        [Base.baru[1], "K-KECIL", "aktif", "", "", ""],  # seat 3 of 3
        [Base.baru[2], "K-KECIL", "aktif", "", "", ""],  # seat 4 of 3
    ]
    r = check(url, tmp_path, "peserta", PESERTA, rows)
    assert found(r) == {(2, "kode_kelas", "kelas_penuh"), (7, "kode_kelas", "kelas_penuh")}


def test_peserta_test_result_only_on_completed_enrolments(url, tmp_path):
    rows = [
        [Base.baso, "K-A", "aktif", "", "", "kompeten"],
        [Base.ani, "K-A", "selesai", "", "", "Belum Kompeten"],
        [Base.dedi, "K-A", "keluar", "", "", ""],
    ]
    r = check(url, tmp_path, "peserta", PESERTA, rows)
    assert found(r) == {(2, "hasil_uji", "uji_belum_selesai")}


def test_peserta_status_and_attendance_ranges(url, tmp_path):
    rows = [
        [Base.baso, "K-A", "lulus", "", "", ""],
        [Base.ani, "K-A", "selesai", "", "100,5", ""],
        [Base.dedi, "K-A", "keluar", "07/03/2022", "87,5", ""],
    ]
    r = check(url, tmp_path, "peserta", PESERTA, rows)
    assert found(r) == {(2, "status", "pilihan"), (3, "kehadiran_persen", "rentang")}


def test_peserta_age_warnings_at_class_start(url, tmp_path):
    rows = [
        [Base.teguh, "K-A", "aktif", "", "", ""],  # 15 on 1 Mar 2022: productive, under 18
        [Base.cinta, "K-A", "aktif", "", "", ""],  # 13: under 15 and under 18
        [Base.kakek, "K-A", "aktif", "", "", ""],  # 72: over 64
        [Base.hana, "K-A", "aktif", "", "", ""],  # 42: fine
    ]
    r = check(url, tmp_path, "peserta", PESERTA, rows)
    assert not r.errors and r.exit_code == 0
    assert found(r, "peringatan") == {
        (2, "nik", "usia_anak"), (3, "nik", "usia_produktif"), (3, "nik", "usia_anak"),
        (4, "nik", "usia_produktif"),
    }  # fmt: skip


# --- tracer --------------------------------------------------------------------------------------------

TRACER = ["nik", "kode_kelas", "tanggal_survei", "status_kerja", "pendapatan_bulanan"]


def test_tracer_needs_a_completed_enrolment_in_that_class(url, tmp_path):
    rows = [
        [Base.hana, "K-A", "2022-08-01", "bekerja", ""],  # not enrolled
        [Base.baso, "K-A", "2022-08-01", "bekerja", ""],  # aktif
        [Base.ani, "K-A", "2022-08-01", "wirausaha", "Rp 2.500.000"],
        [Base.unregistered, "K-A", "2022-08-01", "bekerja", ""],
    ]
    r = check(url, tmp_path, "tracer", TRACER, rows)
    assert found(r) == {
        (2, "kode_kelas", "tracer_tanpa_pendaftaran"), (3, "kode_kelas", "tracer_belum_selesai"),
        (5, "nik", "nik_tidak_terdaftar"),
    }  # fmt: skip


def test_tracer_survey_before_the_class_ended_is_an_error_on_the_last_day_fine(url, tmp_path):
    rows = [
        [Base.ani, "K-A", "2022-04-29", "bekerja", ""],
        [Base.ani, "K-A", "30/04/2022", "bekerja", ""],
    ]
    r = check(url, tmp_path, "tracer", TRACER, rows)
    assert found(r) == {(2, "tanggal_survei", "survei_sebelum_selesai")}
    assert "30 April 2022" in r.errors[0].message()


def test_tracer_status_and_income(url, tmp_path):
    rows = [
        [Base.ani, "K-A", "2022-08-01", "menganggur", "-500.000"],
        [Base.ani, "K-A", "2022-09-01", "Belum Bekerja", "0"],
    ]
    r = check(url, tmp_path, "tracer", TRACER, rows)
    assert found(r) == {(2, "status_kerja", "pilihan"), (2, "pendapatan_bulanan", "nilai_negatif")}


# --- bantuan -------------------------------------------------------------------------------------------

BANTUAN = ["nik", "jenis", "tanggal", "nilai_rupiah", "status"]


def test_bantuan_only_for_participants(url, tmp_path):
    rows = [
        [Base.hana, "kur", "2022-09-01", "10.000.000", "diajukan"],  # never enrolled
        [Base.dedi, "kur", "2022-09-01", "10.000.000", "diajukan"],  # only dropped out
        [Base.baso, "peralatan", "2022-09-01", "Rp 1.500.000", "disetujui"],  # aktif
        [Base.ani, "kur", "2022-09-01", "Rp1.500.000,00", "disalurkan"],  # selesai
        [Base.unregistered, "kur", "2022-09-01", "1500000", "diajukan"],
    ]
    r = check(url, tmp_path, "bantuan", BANTUAN, rows)
    assert found(r) == {
        (2, "nik", "bukan_peserta"), (3, "nik", "bukan_peserta"), (6, "nik", "nik_tidak_terdaftar"),
    }  # fmt: skip


def test_bantuan_negative_value_and_listed_values(url, tmp_path):
    rows = [
        [Base.ani, "kur", "2022-09-01", "-1.500.000", "disetujui"],
        [Base.ani, "hibah", "2022-09-02", "1.500.000", "lunas"],
        [Base.ani, "modal_dusun_rw", "2022-09-03", "1.500.000", "disetujui"],
        [
            Base.ani,
            "kur",
            "2022-09-01",
            "1.500.000",
            "disetujui",
        ],  # row 2 was rejected: no duplicate
    ]
    r = check(url, tmp_path, "bantuan", BANTUAN, rows)
    assert found(r) == {
        (2, "nilai_rupiah", "nilai_negatif"), (3, "jenis", "pilihan"), (3, "status", "pilihan"),
    }  # fmt: skip


# --- the report ----------------------------------------------------------------------------------------


def test_cli_report_names_row_column_value_and_an_indonesian_message(url, tmp_path, capsys):
    path = tmp_path / "dtks.csv"
    path.write_bytes(csv_bytes(DTKS, [dtks_row(1), dtks_row(2, desil=12)]))
    code = cli.main(["import", str(path), "--kind", "dtks", "--dry-run", "--db", url])
    out = capsys.readouterr().out
    assert code == 1
    assert "baris 3, kolom desil «12»: Nilai harus antara 1 dan 10." in out
    report = (tmp_path / "dtks.laporan.csv").read_text(encoding="utf-8-sig")
    assert f"Laporan lengkap: {tmp_path / 'dtks.laporan.csv'}" in out
    assert report.splitlines() == [
        "Baris,Kolom,Nilai,Tingkat,Kode,Pesan",
        "3,desil,12,galat,rentang,Nilai harus antara 1 dan 10.",
    ]
