"""Privacy and the audit trail: malformed NIK/KK values masked in every output of an import (CLI
summary, report CSV, stored and shown quarantine, preview), birth dates turned into ages with minors
flagged, audit rows for imports, demo clearing, downloads, person lists and backups, and the rules
that keep destructive commands safe."""

from __future__ import annotations

import json
import re
from datetime import date
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select
from streamlit.testing.v1 import AppTest

from lib import cli
from lib.core import audit, backup, db, fmt, privacy
from lib.core.access import Access
from lib.core.filters import Filters
from lib.core.models import AuditLog, ImportLog, Person, Quarantine
from lib.intake import demo, history, importer, report
from lib.semantic import analytics
from tests.builders import BONTO_JAI, dataset
from tests.conftest import ROOT, new_pg_database
from tests.intake_files import DTKS, KK, csv_bytes, dtks_row

SPACED = "7303 0141 0185 0001"  # a NIK typed with spaces
DIGITS = "7303014101850001"
SCIENTIFIC = "7.30302E+15"  # what a spreadsheet makes of a NIK (the message cites 7.30301E+15)
KK_DASHED = "7303-0101-2200-01"
BORN_CHILD = date(2012, 6, 1)
RAW_VALUES = (SPACED, DIGITS, SCIENTIFIC, KK_DASHED, "7303010122000", "2012-06-01")


def leaks(text: str) -> list[str]:
    found = [v for v in RAW_VALUES if v in text]
    found += re.findall(r"(?<!\d)\d{16}(?!\d)", text)  # any full NIK-like number
    return found


@pytest.fixture
def url(tmp_path):
    url = f"sqlite:///{tmp_path / 'pantau.db'}"
    analytics.ensure_ready(url)
    return url


def bad_file(tmp_path):
    rows = [
        dtks_row(1, nik=SPACED, no_kk=KK_DASHED),
        dtks_row(2, nik=SCIENTIFIC),
        dtks_row(3, desil=11, no_kk="7303010122000"),  # rejected; KK too short
        dtks_row(4, born=BORN_CHILD, desil=12),  # rejected child: birth date must not show
        dtks_row(5),
    ]
    path = tmp_path / "dtks.csv"
    path.write_bytes(csv_bytes(DTKS, rows))
    return path


def audit_rows(url: str, action: str) -> list[tuple[str, str]]:
    with db.get_engine(url).connect() as conn:
        stmt = select(AuditLog.who, AuditLog.what).where(AuditLog.action == action)
        return [tuple(r) for r in conn.execute(stmt.order_by(AuditLog.id))]


# --- masking ----------------------------------------------------------------------------------------


def test_mask_nik_masks_every_value():
    assert fmt.mask_nik(DIGITS) == "730301********01"
    assert fmt.mask_nik(SPACED) == "730301********01"
    assert fmt.mask_nik(KK_DASHED) == "730301******01"
    assert fmt.mask_nik(SCIENTIFIC) == "*" * len(SCIENTIFIC)
    assert fmt.mask_nik("12") == "**" and fmt.mask_nik(None) == "" and fmt.mask_nik("") == ""
    assert fmt.mask_nik(fmt.mask_nik(DIGITS)) == "730301********01"  # idempotent
    assert fmt.mask_identity_runs(f"NIK {SPACED} baris 12, Rp 1.500.000") == (
        "NIK 730301********01 baris 12, Rp 1.500.000"
    )


def test_person_frames_show_ages_not_birth_dates_and_flag_minors():
    rows = [
        {"nik": SPACED, "nama": "Anak", "tanggal_lahir": "01/06/2012"},
        {"nik": DIGITS, "nama": "Dewasa", "tanggal_lahir": "1990-01-05"},
        {"nik": None, "nama": f"catatan {DIGITS}", "tanggal_lahir": "31/02/1990"},
    ]
    df = privacy.person_frame(rows, on=date(2025, 1, 31), adult_age=18)
    assert list(df.columns) == ["nik", "nama", "umur", "anak"]
    assert df["umur"].tolist()[:2] == [12, 35] and df["anak"].tolist() == [True, False, False]
    assert not leaks(df.to_csv())


def test_cli_import_report_file_and_quarantine_mask_malformed_numbers(url, tmp_path, capsys):
    path = bad_file(tmp_path)
    code = cli.main(["import", str(path), "--kind", "dtks", "--partial", "--db", url])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert not leaks(out.out + out.err), out.out
    report_csv = report.report_path(path).read_text(encoding="utf-8-sig")
    assert "730301" in report_csv and not leaks(report_csv)

    engine = db.get_engine(url)
    with engine.connect() as conn:
        stored = conn.execute(select(Quarantine.data_json, Quarantine.reasons)).all()
        import_id, user = conn.execute(select(ImportLog.id, ImportLog.user)).one()
    # Stored rows keep the birth date (the view turns it into an age) but no full NIK or KK.
    stored_text = json.dumps([list(r) for r in stored], ensure_ascii=False)
    assert stored and not [v for v in leaks(stored_text) if v != "2012-06-01"]
    assert user.startswith("cli:")
    shown = history.quarantine_rows(engine, import_id, on=date(2025, 1, 31))
    assert "tanggal_lahir" not in shown.columns and not leaks(shown.to_csv())
    assert shown["Di bawah 18 th"].tolist().count(True) == 1  # the child
    rows = audit_rows(url, audit.IMPORT)
    assert len(rows) == 1 and rows[0][0].startswith("cli:") and "dtks.csv" in rows[0][1]


def test_web_preview_and_issue_table_mask_malformed_numbers(url, tmp_path):
    data = bad_file(tmp_path).read_bytes()
    result = importer.run(data, url=url, kind="dtks", file_name="dtks.csv", dry_run=True)
    assert result.rows_total == 5
    preview = json.dumps(result.preview, default=str, ensure_ascii=False)
    assert not leaks(preview) and "tanggal_lahir" not in preview
    assert [r["anak"] for r in result.preview] == [False, False, False, True, False]
    issues = report.frame(result.issues)
    assert not leaks(issues.to_csv()) and not leaks(report.csv_bytes(result.issues).decode())
    assert audit_rows(url, audit.IMPORT) == []  # a dry run imports nothing


def test_preview_of_enrolments_flags_minors_from_the_registry(url):
    with dataset(url) as d:
        d.kelas("GAR-01", kode="K-1", tahun=2024)
        d.person("Anak", nik="7303014106120001", lahir=BORN_CHILD)
    data = csv_bytes(["nik", "kode_kelas", "status"], [["7303014106120001", "K-1", "aktif"]])
    result = importer.run(data, url=url, kind="peserta", file_name="p.csv", dry_run=True)
    assert result.preview[0]["anak"] is True and result.preview[0]["nik"] == "730301********01"


# --- the demo, imports and destructive commands ------------------------------------------------------


def as_demo(url: str) -> None:
    with db.get_engine(url).begin() as conn:
        db.set_meta(conn, "demo", "1")


def test_clear_demo_keeps_the_import_log_and_is_audited(url):
    with dataset(url) as d:
        d.person("Demo")
    as_demo(url)
    rejected = importer.run(
        csv_bytes(DTKS, [dtks_row(1, desil=11)]), url=url, kind="dtks", file_name="x.csv"
    )
    assert rejected.outcome == "ditolak"
    assert db.is_demo(db.get_engine(url))  # a rejected import is no real data
    assert cli.main(["clear-demo", "--db", url]) == 0
    engine = db.get_engine(url)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(ImportLog)).scalar_one() == 1
        assert conn.execute(select(func.count()).select_from(Person)).scalar_one() == 0
    assert [w for w, _ in audit_rows(url, audit.CLEAR_DEMO)][0].startswith("cli:")


def test_the_first_real_import_deletes_the_demo_and_clears_its_flag(url):
    with dataset(url) as d:
        d.person("Demo", nik="7303010101010101")
    as_demo(url)
    who = Access("operator@bantaeng.go.id", "Operator", "operator")
    data = csv_bytes(DTKS, [dtks_row(1), dtks_row(2)])
    preview = importer.run(data, url=url, kind="dtks", file_name="d.csv", dry_run=True)
    assert preview.clears_demo and db.is_demo(db.get_engine(url))
    result = importer.run(data, url=url, kind="dtks", file_name="d.csv", user=who)
    engine = db.get_engine(url)
    assert result.clears_demo and result.rows_written == 2 and not db.is_demo(engine)
    with engine.connect() as conn:
        names = set(conn.execute(select(Person.nama)).scalars())
    assert names == {"Warga 1", "Warga 2"}
    assert audit_rows(url, audit.CLEAR_DEMO) == [
        ("operator@bantaeng.go.id", "otomatis: impor pertama data nyata")
    ]
    assert cli.main(["clear-demo", "--db", url]) == 2  # not a demo any more


def test_seed_over_real_data_needs_confirmation_then_backs_up(url, monkeypatch, capsys):
    with dataset(url) as d:
        d.person("Nyata")
    calls = []

    def fake_seed(engine, scale=1, seed=2022, replace=False, who="sistem"):
        calls.append(replace)
        return {"demo": True}

    monkeypatch.setattr(demo, "seed", fake_seed)  # the real seed is exercised in test_demo
    assert cli.main(["seed", "--db", url, "--replace"]) == 2
    assert "--replace --confirm" in capsys.readouterr().err and calls == []
    assert cli.main(["seed", "--db", url, "--replace", "--confirm"]) == 0
    assert calls == [True]
    (backup_row,) = audit_rows(url, audit.BACKUP)
    assert ".cadangan-" in backup_row[1]
    assert "Cadangan dibuat" in capsys.readouterr().err


def test_first_start_seeds_only_fresh_sqlite_unless_asked(monkeypatch):
    monkeypatch.delenv("PANTAU_DEMO", raising=False)
    pg = "postgresql+psycopg://u@h/db"
    assert demo.first_start_seeds("sqlite:///x.db", fresh=True)
    assert not demo.first_start_seeds("sqlite:///x.db", fresh=False)
    assert not demo.first_start_seeds(pg, fresh=True)
    monkeypatch.setenv("PANTAU_DEMO", "1")
    assert demo.first_start_seeds(pg, fresh=True) and not demo.first_start_seeds(pg, fresh=False)
    monkeypatch.setenv("PANTAU_DEMO", "0")
    assert not demo.first_start_seeds("sqlite:///x.db", fresh=True)


@pytest.mark.pg
def test_postgresql_backup_with_pg_dump(pg_cluster, tmp_path, monkeypatch):
    if backup.pg_dump_program() is None:
        pytest.skip("pg_dump not found")
    url = new_pg_database(pg_cluster)
    analytics.ensure_ready(url)
    monkeypatch.setenv("PANTAU_BACKUP_DIR", str(tmp_path))
    path = backup.make(url)
    assert path.parent == tmp_path and path.stat().st_size > 0
    db.get_engine(url).dispose()


# --- audit of downloads and person lists ------------------------------------------------------------


def test_a_download_is_audited_when_it_is_made(url):
    from lib.app import ui

    who = Access("camat@bantaeng.go.id", "Camat", "camat", "73.03.01")
    ctx = SimpleNamespace(url=url, access=who, filters=Filters(kecamatan=("73.03.01",)))
    make = ui.audited(ctx, "paket-Kecamatan Bissappu.csv", lambda: b"a;b\n")
    assert audit_rows(url, audit.EXPORT) == []  # nothing until the button is clicked
    assert make() == b"a;b\n"
    with db.get_engine(url).connect() as conn:
        row = conn.execute(select(AuditLog.who, AuditLog.role, AuditLog.filters)).one()
    assert tuple(row) == ("camat@bantaeng.go.id", "camat:73.03.01", "kecamatan=73.03.01")


def test_viewing_the_quarantine_is_audited_once(url, monkeypatch):
    with dataset(url) as d:
        d.kelas("GAR-01", tahun=2024)
        d.person("Penghuni")
    importer.run(
        csv_bytes(DTKS, [dtks_row(1, desil=11), dtks_row(2)]),
        url=url,
        kind="dtks",
        file_name="k.csv",
        partial=True,
    )
    monkeypatch.setenv("DATABASE_URL", url)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=60).run()
    at.switch_page("app_pages/data.py").run()
    assert not at.exception
    at.run()  # a rerun is the same view
    rows = [r for r in audit_rows(url, audit.PERSON_LIST) if r[1].startswith("karantina")]
    assert rows == [("lokal", rows[0][1])] and "#" in rows[0][1]


def test_no_audit_row_is_ever_deleted_by_pantau():
    """Audit rows are only added: no module deletes from or updates the audit table."""
    offenders = []
    for path in (ROOT / "lib").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"(delete|update)\(\s*AuditLog", text):
            offenders.append(str(path))
    assert offenders == []
    assert KK and BONTO_JAI  # fixtures of intake_files/builders in use


def test_seed_first_start_leaves_an_existing_database_alone(url, capsys):
    assert cli.main(["seed", "--first-start", "--db", url]) == 0
    assert "Demo tidak dimuat" in capsys.readouterr().out
    assert db.is_empty(db.get_engine(url)) and audit_rows(url, audit.SEED) == []
