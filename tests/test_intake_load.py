"""Loading imports (lib/intake/loader.py, importer.py): all or nothing, --partial and the quarantine,
idempotent re-import by natural keys, the import log, stored warnings, the data version, formula
text, and two processes importing overlapping files at once; on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import multiprocessing
import sys
import types
from datetime import date

from sqlalchemy import select

from lib import cli
from lib.core import db, fmt
from lib.core.models import DataWarning, Enrolment, Package, Person, TrainingClass
from lib.intake import history, importer, report
from lib.render import export
from tests.builders import dataset
from tests.intake_files import (
    DTKS,
    counts,
    csv_bytes,
    dtks_row,
    import_in_step,
    import_logs,
    nik,
    snapshot,
    xlsx_bytes,
)

ANI, BASO, CICI = (nik(date(1995, 5, 17), "P", 1), nik(date(1990, 1, 10), "L", 2),
                   nik(date(2001, 12, 1), "P", 3))  # fmt: skip


def write(tmp_path, name, header, rows, **kw):
    path = tmp_path / name
    path.write_bytes(
        xlsx_bytes(header, rows) if name.endswith(".xlsx") else csv_bytes(header, rows, **kw)
    )
    return path


def run_cli(url, path, kind, *extra):
    return cli.main(["import", str(path), "--kind", kind, "--db", url, *extra])


def programme_files(tmp_path):
    """One file of each kind, in load order: packages, classes, registry, enrolments, tracer, aid."""
    return [
        (write(tmp_path, "paket.csv", ["kode_paket", "nama_paket", "kejuruan", "durasi_jp", "kapasitas"],
               [["BRS-01", "Barista", "Pariwisata", "180", "20"], ["GAR-01", "Menjahit Pakaian Wanita", "Garmen", "280", ""]]), "paket"),
        (write(tmp_path, "kelas.xlsx", ["kode_kelas", "kode_paket", "tahun", "angkatan", "tanggal_mulai", "tanggal_selesai"],
               [["BRS-2023-1", "BRS-01", 2023, 1, date(2023, 3, 1), date(2023, 4, 15)],
                ["GAR-2023-1", "GAR-01", 2023, 1, "01/03/2023", "30-04-2023"]]), "kelas"),
        (write(tmp_path, "dtks.csv", DTKS, [dtks_row(1), dtks_row(2, born=date(1990, 1, 10), jk="L"),
               dtks_row(3, born=date(2001, 12, 1))], encoding="cp1252", sep=","), "dtks"),
        (write(tmp_path, "peserta.csv", ["nik", "kode_kelas", "status", "hasil_uji", "kehadiran_persen"],
               [[ANI, "BRS-2023-1", "selesai", "kompeten", "95,5"], [BASO, "BRS-2023-1", "selesai", "", ""],
                [CICI, "GAR-2023-1", "aktif", "", ""]]), "peserta"),
        (write(tmp_path, "tracer.csv", ["nik", "kode_kelas", "tanggal_survei", "status_kerja", "pendapatan_bulanan"],
               [[ANI, "BRS-2023-1", "2023-07-15", "wirausaha", "Rp 2.500.000"],
                [ANI, "BRS-2023-1", "2023-10-15", "wirausaha", "Rp3.000.000,00"]]), "tracer"),
        (write(tmp_path, "bantuan.csv", ["nik", "jenis", "tanggal", "nilai_rupiah", "status", "penyalur"],
               [[ANI, "kur", "2023-08-01", "25.000.000", "disetujui", "BRI"],
                [CICI, "peralatan", "2023-08-01", "1500000", "diajukan", ""]]), "bantuan"),
    ]  # fmt: skip


def test_every_kind_loads_and_reimporting_changes_nothing(db_url, tmp_path):
    files = programme_files(tmp_path)
    for path, kind in files:
        assert run_cli(db_url, path, kind) == 0, kind
    first = snapshot(db_url)
    assert {k: len(v) for k, v in first.items() if k != "package"} == {
        "training_class": 2, "person": 3, "enrolment": 3, "tracer_survey": 2,
        "aid": 2, "quarantine": 0, "data_warning": 0,
    }  # fmt: skip
    for path, kind in files:
        assert run_cli(db_url, path, kind) == 0, kind
    assert snapshot(db_url) == first
    logs = import_logs(db_url)
    assert [log["outcome"] for log in logs] == ["dimuat"] * 12
    assert [log["rows_written"] for log in logs[:6]] == [2, 2, 3, 3, 2, 2]
    engine = db.get_engine(db_url)
    with engine.connect() as conn:
        caps = dict(conn.execute(select(TrainingClass.kode, TrainingClass.kapasitas)).all())
        brs = conn.execute(select(Package.kapasitas).where(Package.kode == "BRS-01")).scalar_one()
        tested = conn.execute(select(Enrolment.hasil_uji, Enrolment.kehadiran_persen)).all()
    assert brs == 20 and caps == {"BRS-2023-1": 20, "GAR-2023-1": 16}  # the package's capacity
    assert sorted(tested, key=str) == sorted(
        [("kompeten", 95.5), (None, None), (None, None)], key=str
    )


def test_one_error_rejects_the_file_and_nothing_is_written(db_url, tmp_path, capsys):
    path = write(tmp_path, "dtks.csv", DTKS, [dtks_row(1), dtks_row(2, desil=0), dtks_row(3)])
    before, version = counts(db_url), db.data_version(db.get_engine(db_url))
    assert run_cli(db_url, path, "dtks") == 1
    assert "DITOLAK" in capsys.readouterr().out
    assert counts(db_url) == before
    assert db.data_version(db.get_engine(db_url)) == version
    (log,) = import_logs(db_url)
    assert (log["outcome"], log["mode"], log["rows_total"], log["rows_written"], log["rows_rejected"]) == (
        "ditolak", "semua", 3, 0, 1,
    )  # fmt: skip


def test_partial_writes_the_valid_rows_and_quarantines_the_rest(db_url, tmp_path, capsys):
    rows = [
        dtks_row(1),
        dtks_row(2, tanggal_lahir="30/02/1990"),
        dtks_row(3),
        dtks_row(4, desil=""),
    ]
    path = write(tmp_path, "dtks.csv", DTKS, rows)
    version = db.data_version(db.get_engine(db_url))
    assert run_cli(db_url, path, "dtks", "--partial", "--user", "rahma") == 0
    out = capsys.readouterr().out
    assert "4 baris data; 2 sah, 2 ditolak" in out and "2 baris ditulis" in out
    assert {k: n for k, n in counts(db_url).items() if k != "package"} == {
        "training_class": 0, "person": 2, "enrolment": 0, "tracer_survey": 0,
        "aid": 0, "quarantine": 2, "data_warning": 0,
    }  # fmt: skip
    assert int(db.data_version(db.get_engine(db_url))) == int(version) + 1
    (log,) = import_logs(db_url)
    assert log["user"] == "rahma" and log["mode"] == "sebagian" and log["outcome"] == "dimuat"
    assert log["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert log["file_name"] == "dtks.csv" and log["finished_at"] is not None
    held = history.quarantined_imports(db.get_engine(db_url))
    assert [(h["id"], h["n"]) for h in held] == [(log["id"], 2)]
    table = history.quarantine_rows(db.get_engine(db_url), log["id"])
    assert list(table["Baris"]) == [3, 5]
    assert list(table["nik"]) == [fmt.mask_nik(rows[1][0]), fmt.mask_nik(rows[3][0])]
    assert "tanggal_lahir: Tanggal ini tidak ada di kalender" in table["Alasan"][0]
    assert table["Alasan"][1] == "desil: Wajib diisi, tetapi kosong."


def test_upsert_updates_given_columns_and_keeps_absent_optional_ones(db_url, tmp_path):
    header = [*DTKS, "dusun", "tanggal_data"]
    write(tmp_path, "a.csv", header, [[*dtks_row(1), "Dusun Bonto", "2025-01-31"]])
    assert run_cli(db_url, tmp_path / "a.csv", "dtks") == 0
    write(tmp_path, "b.csv", DTKS, [dtks_row(1, nama="Ani Baru", desil=3)])  # no dusun column
    assert run_cli(db_url, tmp_path / "b.csv", "dtks") == 0
    with db.get_engine(db_url).connect() as conn:
        row = conn.execute(
            select(Person.nama, Person.desil, Person.dusun, Person.tanggal_data)
        ).one()
    assert tuple(row) == ("Ani Baru", 3, "Dusun Bonto", date(2025, 1, 31))
    write(tmp_path, "c.csv", header, [[*dtks_row(1), "", ""]])  # the column is there, empty
    assert run_cli(db_url, tmp_path / "c.csv", "dtks") == 0
    with db.get_engine(db_url).connect() as conn:
        assert conn.execute(select(Person.dusun, Person.tanggal_data)).one() == (None, None)


def test_warnings_are_stored_and_replaced_when_the_record_is_corrected(db_url, tmp_path):
    write(tmp_path, "a.csv", DTKS, [dtks_row(1, jenis_kelamin="L"), dtks_row(2)])
    assert run_cli(db_url, tmp_path / "a.csv", "dtks") == 0  # warnings allowed: exit 0
    with db.get_engine(db_url).connect() as conn:
        stored = conn.execute(
            select(DataWarning.code, DataWarning.nik, DataWarning.row_number)
        ).all()
    assert stored == [("nik_jenis_kelamin", dtks_row(1)[0], 2)]
    write(tmp_path, "b.csv", DTKS, [dtks_row(1)])
    assert run_cli(db_url, tmp_path / "b.csv", "dtks") == 0
    assert counts(db_url)["data_warning"] == 0


def test_formula_text_is_stored_as_is_and_neutralised_in_exports(db_url, tmp_path):
    write(
        tmp_path, "a.csv", DTKS, [dtks_row(1, nama='=HYPERLINK("x")'), dtks_row(2, desil="@SUM(1)")]
    )
    assert run_cli(db_url, tmp_path / "a.csv", "dtks", "--partial") == 0
    with db.get_engine(db_url).connect() as conn:
        assert conn.execute(select(Person.nama)).scalar_one() == '=HYPERLINK("x")'
    result = importer.run(tmp_path / "a.csv", url=db_url, kind="dtks", dry_run=True)
    assert "'@SUM(1)" in report.csv_bytes(result.issues).decode("utf-8-sig")
    (log,) = import_logs(db_url)
    table = history.quarantine_rows(db.get_engine(db_url), log["id"])
    assert "'@SUM(1)" in export.to_csv_bytes(table).decode("utf-8-sig")
    assert (tmp_path / "a.laporan.csv").read_text(encoding="utf-8-sig").count("'@SUM(1)") == 1


def test_two_processes_importing_overlapping_files_at_once(db_url, tmp_path, monkeypatch):
    """Registry files A (persons 1–1500) and B (1001–2500) at once: 2,500 persons, no duplicate.
    Then enrolments into one class of 16 at once: A persons 1–12, B 9–20. Whichever runs second
    would fill 20 seats, so it is rejected as a whole: the class never goes over capacity."""
    a = write(tmp_path, "a.csv", DTKS, [dtks_row(i) for i in range(1, 1501)])
    b = write(tmp_path, "b.csv", DTKS, [dtks_row(i) for i in range(1001, 2501)])
    niks = [dtks_row(i)[0] for i in range(1, 21)]
    pa = write(
        tmp_path, "pa.csv", ["nik", "kode_kelas", "status"], [[n, "K1", "aktif"] for n in niks[:12]]
    )
    pb = write(
        tmp_path, "pb.csv", ["nik", "kode_kelas", "status"], [[n, "K1", "aktif"] for n in niks[8:]]
    )
    with dataset(db_url) as d:
        d.kelas("GAR-01", kode="K1", tahun=2023)
    version = int(db.data_version(db.get_engine(db_url)))

    # A spawned child re-runs the parent's __main__; after an AppTest in the same worker that is
    # dashboard.py, which must not run outside Streamlit. Give the children a blank __main__.
    monkeypatch.setitem(sys.modules, "__main__", types.ModuleType("__main__"))
    ctx = multiprocessing.get_context("spawn")
    barrier, results = ctx.Barrier(2), ctx.Queue()
    procs = [
        ctx.Process(target=import_in_step, args=(db_url, jobs, barrier, results))
        for jobs in (
            [(str(a), "dtks"), (str(pa), "peserta")],
            [(str(b), "dtks"), (str(pb), "peserta")],
        )
    ]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=240)
    assert [p.exitcode for p in procs] == [0, 0]
    done = sorted(results.get(timeout=5) for _ in range(4))
    dtks_codes = [code for kind, _, code, _ in done if kind == "dtks"]
    peserta = sorted((code, written) for kind, _, code, written in done if kind == "peserta")
    assert dtks_codes == [0, 0]
    assert peserta == [(0, 12), (1, 0)]

    with db.get_engine(db_url).connect() as conn:
        persons = conn.execute(select(Person.nik)).scalars().all()
        enrolled = conn.execute(select(Enrolment.person_id)).scalars().all()
    assert len(persons) == len(set(persons)) == 2500
    assert len(enrolled) == len(set(enrolled)) == 12
    assert int(db.data_version(db.get_engine(db_url))) == version + 3
    assert sorted(log["outcome"] for log in import_logs(db_url)) == ["dimuat"] * 3 + ["ditolak"]
