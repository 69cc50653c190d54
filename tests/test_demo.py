"""The synthetic demo (``lib/demo.py``) on real databases: determinism, the launch intake, valid
registry identifiers, indicator invariants, record rules, and the refusal to overwrite real data."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select, text

from lib import cli
from lib.core import audit, config, db
from lib.core.filters import Filters
from lib.core.models import (
    Aid,
    AuditLog,
    DataWarning,
    Enrolment,
    ImportLog,
    Package,
    Person,
    Quarantine,
    TracerSurvey,
    TrainingClass,
    Village,
)
from lib.intake import demo
from lib.semantic import analytics, measures, query

ROOT = Path(__file__).resolve().parent.parent
CLASS_KEYS = ("kelas", "kursi", "terisi", "persen_keterisian", "paket_berjalan", "paket_total")
# Keys that count persons (or their records), so that a partition of the persons partitions them.
ADDITIVE_KEYS = (
    "peserta", "selesai", "keluar", "kompeten", "bekerja", "wirausaha", "belum_bekerja",
    "melanjutkan_pendidikan", "tidak_terlacak", "kur_disetujui", "kur_nilai_rp", "peralatan",
    "modal_dusun_rw",
)  # fmt: skip

FINGERPRINT_SQL = {
    "person": "SELECT nik, no_kk, nama, jk, tanggal_lahir, desa_kode, dusun, rw, rt, desil, sumber,"
    " tanggal_data FROM person ORDER BY nik",
    "class": "SELECT kode, paket_kode, tahun, angkatan, tanggal_mulai, tanggal_selesai, kapasitas,"
    " lokasi FROM training_class ORDER BY kode",
    "enrolment": "SELECT p.nik, c.kode, e.status, e.tanggal_daftar, e.kehadiran_persen, e.hasil_uji"
    " FROM enrolment e JOIN person p ON p.id = e.person_id"
    " JOIN training_class c ON c.id = e.class_id ORDER BY p.nik, c.kode",
    "tracer": "SELECT p.nik, c.kode, t.tanggal_survei, t.status_kerja, t.pendapatan_bulanan,"
    " t.pendapatan_sebelum, t.tempat_kerja_usaha FROM tracer_survey t"
    " JOIN enrolment e ON e.id = t.enrolment_id JOIN person p ON p.id = e.person_id"
    " JOIN training_class c ON c.id = e.class_id ORDER BY p.nik, c.kode, t.tanggal_survei",
    "aid": "SELECT p.nik, a.jenis, a.tanggal, a.nilai_rupiah, a.status, a.penyalur, a.keterangan"
    " FROM aid a JOIN person p ON p.id = a.person_id ORDER BY p.nik, a.jenis, a.tanggal",
}


def fingerprint(url: str) -> dict[str, str]:
    """A SHA-256 per table over its rows in a stable order (natural keys, no surrogate ids)."""
    out = {}
    with db.get_engine(url).connect() as conn:
        for name, sql in FINGERPRINT_SQL.items():
            digest = hashlib.sha256()
            for row in conn.execute(text(sql)):
                digest.update(repr(tuple(str(v) for v in row)).encode())
            out[name] = digest.hexdigest()
    return out


def count(conn, model) -> int:
    return conn.execute(select(func.count()).select_from(model)).scalar_one()


def kecamatan_codes(url: str) -> list[str]:
    with db.get_engine(url).connect() as conn:
        return sorted(set(conn.execute(select(Village.kecamatan_kode)).scalars()))


def assert_kpi_invariants(url: str, total: dict) -> None:
    """Spec 4 invariants of the demo's indicators, with ``total`` the unfiltered result."""
    engine = db.get_engine(url)
    assert 1300 <= total["peserta"] <= 1444
    assert total["kuota"] == config.settings().kuota
    assert total["paket_total"] == 40
    assert 34 <= total["paket_berjalan"] <= 36  # 4–6 of the 40 packages never run
    assert total["selesai"] <= total["peserta"]
    assert total["kompeten"] <= total["selesai"]
    kecs = kecamatan_codes(url)
    assert len(kecs) == 8
    for dimension, values in (("kecamatan", kecs), ("jk", ["L", "P"])):
        parts = [query.indicators(engine, Filters(**{dimension: (v,)})) for v in values]
        for key in ADDITIVE_KEYS:
            assert sum(p[key] for p in parts) == total[key], (dimension, key)
        for p in parts:
            assert {k: p[k] for k in CLASS_KEYS} == {k: total[k] for k in CLASS_KEYS}
        assert all(p["peserta"] > 0 for p in parts), dimension


# --- determinism ---------------------------------------------------------------------------------


def test_same_seed_same_data_other_seed_differs(demo_db_url, tmp_path):
    url = f"sqlite:///{tmp_path / 'again.db'}"
    engine = analytics.ensure_ready(url)
    summary = demo.seed(engine, scale=1, seed=2022)
    assert fingerprint(url) == fingerprint(demo_db_url)
    first = query.indicators(engine, Filters())
    assert first == query.indicators(db.get_engine(demo_db_url), Filters())
    assert summary["peserta"] == first["peserta"]
    version = db.data_version(engine)

    # Warnings of the replaced records go; the import log and its quarantine stay (never deleted).
    with engine.begin() as conn:
        log = conn.execute(
            insert(ImportLog).values(
                kind="dtks",
                file_name="x.csv",
                sha256="0" * 64,
                user="uji",
                started_at=date(2025, 1, 1),
                mode="semua",
                outcome="ditolak",
            )  # fmt: skip
        ).inserted_primary_key[0]
        conn.execute(
            insert(Quarantine).values(
                import_id=log, kind="dtks", row_number=2, data_json="{}", reasons="x"
            )
        )
        conn.execute(
            insert(DataWarning).values(
                import_id=log, kind="dtks", code="nik_tanggal", record_key="k", message="m"
            )
        )

    other = demo.seed(engine, scale=1, seed=2023)
    print_other = fingerprint(url)
    assert all(print_other[t] != fingerprint(demo_db_url)[t] for t in FINGERPRINT_SQL)
    assert query.indicators(engine, Filters()) != first
    assert int(db.data_version(engine)) == int(version) + 1
    with engine.connect() as conn:
        assert count(conn, Person) == other["orang_dtks"] == 40_000
        assert count(conn, TrainingClass) == other["kelas"]
        assert count(conn, Enrolment) == other["pendaftaran"]
        assert count(conn, TracerSurvey) == other["survei_tracer"]
        assert count(conn, Aid) == other["bantuan"]
        assert count(conn, ImportLog) == count(conn, Quarantine) == 1
        assert count(conn, DataWarning) == 0


@pytest.mark.pg
def test_postgresql_gets_the_same_demo_and_figures(demo_db_url, pg_cluster):
    """PostgreSQL is loaded with COPY and SQLite with the driver's executemany: the records, and
    the figures of the analytics tables rebuilt from them, are the same on both."""
    from tests.conftest import new_pg_database

    url = new_pg_database(pg_cluster)
    engine = analytics.ensure_ready(url)
    demo.seed(engine, scale=1, seed=2022)
    assert fingerprint(url) == fingerprint(demo_db_url)
    lite = db.get_engine(demo_db_url)
    assert query.indicators(engine, Filters()) == query.indicators(lite, Filters())
    wanted = ("sasaran", "warga_registri")
    by = ("desa", "jk", "kelompok_umur")
    assert query.query(engine, wanted, by).equals(query.query(lite, wanted, by))
    # COPY writes the ids; the sequences were moved past them, so a later import can insert.
    with engine.begin() as conn:
        before = count(conn, Person)
        new_id = conn.execute(
            insert(Person)
            .values(
                nik="7303010001900001",
                no_kk="7303010101900001",
                nama="Uji",
                jk="L",
                tanggal_lahir=date(1990, 1, 1),
                desa_kode="73.03.01.1001",
                desil=1,
            )
            .returning(Person.id)
        ).scalar_one()
        assert new_id == before + 1
        conn.rollback()


# --- shape of the demo ---------------------------------------------------------------------------


def test_launch_intake(demo_db_url):
    start = config.settings().tanggal_mulai
    assert start == date(2022, 2, 7)
    with db.get_engine(demo_db_url).connect() as conn:
        classes = conn.execute(
            select(TrainingClass.id, TrainingClass.paket_kode, TrainingClass.kapasitas).where(
                TrainingClass.tanggal_mulai == start
            )
        ).all()
        per_class = dict(
            conn.execute(
                select(Enrolment.class_id, func.count())
                .where(Enrolment.class_id.in_([c.id for c in classes]))
                .group_by(Enrolment.class_id)
            ).all()
        )
        villages = conn.execute(
            select(Person.desa_kode)
            .join(Enrolment, Enrolment.person_id == Person.id)
            .join(TrainingClass, TrainingClass.id == Enrolment.class_id)
            .where(TrainingClass.tanggal_mulai == start)
        ).scalars()
        regency = config.settings().wilayah_kode
        known = set(conn.execute(select(Village.kode)).scalars())
        launch_villages = list(villages)
        earliest = conn.execute(select(func.min(TrainingClass.tanggal_mulai))).scalar_one()
    assert len(classes) == 13
    assert len({c.paket_kode for c in classes}) == 13
    assert all(c.kapasitas == 16 for c in classes)
    assert sorted(per_class.values()) == [16] * 13
    assert len(launch_villages) == 208
    assert all(v in known and v.startswith(regency + ".") for v in launch_villages)
    assert earliest == start


def nik_problems(nik, kk, jk, born, desa) -> list[str]:
    problems = []
    if not (len(nik) == 16 and nik.isdigit()):
        problems.append("nik digits")
    if not (len(kk) == 16 and kk.isdigit()):
        problems.append("kk digits")
    if nik[:6] != desa[:8].replace(".", ""):
        problems.append("nik region")
    day = int(nik[6:8]) - (40 if jk == "P" else 0)
    if (day, int(nik[8:10]), int(nik[10:12])) != (born.day, born.month, born.year % 100):
        problems.append("nik date/gender")
    if nik[12:] == "0000":
        problems.append("nik serial")
    return problems


def test_registry_identifiers_and_profile(demo_db_url):
    with db.get_engine(demo_db_url).connect() as conn:
        rows = conn.execute(
            select(
                Person.nik,
                Person.no_kk,
                Person.jk,
                Person.tanggal_lahir,
                Person.desa_kode,
                Person.desil,
                Person.sumber,
                Person.tanggal_data,
                Person.dusun,
                Person.rw,
                Person.rt,
            )  # fmt: skip
        ).all()
        n_villages = count(conn, Village)
    assert len(rows) == 40_000
    bad = [
        (r.nik, p)
        for r in rows
        for p in nik_problems(r.nik, r.no_kk, r.jk, r.tanggal_lahir, r.desa_kode)
    ]
    assert bad == []
    assert len({r.nik for r in rows}) == len(rows)
    households = Counter(r.no_kk for r in rows)
    assert max(households.values()) > 1 and len(households) < len(rows) / 2
    assert len({r.desa_kode for r in rows}) == n_villages
    assert all(r.dusun and r.rw and r.rt for r in rows)
    assert all((r.sumber == "DTSEN") == (r.tanggal_data >= date(2025, 1, 1)) for r in rows)
    assert all(r.tanggal_data <= demo.DATA_DATE for r in rows)
    desil = Counter(r.desil for r in rows)
    assert sum(desil[d] for d in (1, 2, 3, 4)) > 0.5 * len(rows)
    assert desil[1] > desil[10]
    women = sum(r.jk == "P" for r in rows) / len(rows)
    assert 0.47 < women < 0.53
    ages = [demo._age(r.tanggal_lahir, demo.DATA_DATE) for r in rows]
    productive = sum(15 <= a <= 64 for a in ages) / len(ages)
    assert 0.8 < productive < 0.97  # mostly productive, a few outside


def test_programme_shape(demo_db_url):
    url = demo_db_url
    with db.get_engine(url).connect() as conn:
        classes = conn.execute(select(TrainingClass)).all()
        fill = dict(
            conn.execute(
                select(Enrolment.class_id, func.count()).group_by(Enrolment.class_id)
            ).all()
        )
        enrols = conn.execute(
            select(
                Enrolment.person_id,
                Enrolment.status,
                Enrolment.hasil_uji,
                TrainingClass.tanggal_mulai,
            )
            .join(TrainingClass, TrainingClass.id == Enrolment.class_id)
            .order_by(TrainingClass.tanggal_mulai)
        ).all()
        participants = conn.execute(
            select(Person.desil, Person.tanggal_lahir, TrainingClass.tanggal_mulai)
            .join(Enrolment, Enrolment.person_id == Person.id)
            .join(TrainingClass, TrainingClass.id == Enrolment.class_id)
        ).all()
        need = conn.execute(
            text(
                "SELECT v.kode, SUM(CASE WHEN p.desil <= 4 AND p.tanggal_lahir BETWEEN :old AND"
                " :young THEN 1 ELSE 0 END), (SELECT COUNT(DISTINCT e.person_id) FROM enrolment e"
                " JOIN person q ON q.id = e.person_id WHERE q.desa_kode = v.kode)"
                " FROM village v JOIN person p ON p.desa_kode = v.kode GROUP BY v.kode"
            ),
            {"old": date(1960, 2, 1), "young": date(2010, 1, 31)},
        ).all()
    by_year = Counter(c.tahun for c in classes)
    assert by_year[2022] >= 25 and by_year[2023] >= 25 and by_year[2024] >= 25
    assert all(c.kapasitas == 16 for c in classes)
    assert all(9 <= fill[c.id] <= 16 for c in classes)
    assert sum(fill[c.id] <= 12 for c in classes) >= 3  # some classes far under 16
    terdaftar = [c for c in classes if c.tanggal_mulai > demo.DATA_DATE]
    aktif = [c for c in classes if c.tanggal_mulai <= demo.DATA_DATE <= c.tanggal_selesai]
    assert 1 <= len(terdaftar) <= 2 and all(c.tanggal_mulai.month == 2 for c in terdaftar)
    assert aktif
    assert all(c.kode == f"{c.tahun}-{c.paket_kode}-A{c.angkatan:02d}" for c in classes)
    assert all(c.tahun == c.tanggal_mulai.year for c in classes)

    statuses = Counter(e.status for e in enrols)
    done = statuses["selesai"] + statuses["keluar"]
    assert 0.05 <= statuses["keluar"] / done <= 0.08
    results = Counter(e.hasil_uji for e in enrols if e.status == "selesai")
    assert 0.80 <= results["kompeten"] / statuses["selesai"] <= 0.90
    history = defaultdict(list)
    for e in enrols:
        history[e.person_id].append(e.status)
    reenrolled = [h for h in history.values() if "keluar" in h[:-1] and h[-1] != "keluar"]
    twice = [h for h in history.values() if h.count("selesai") >= 2]
    assert len(reenrolled) >= 5 and len(twice) >= 5

    assert sum(p.desil <= 4 for p in participants) / len(participants) > 0.85
    ages = [demo._age(p.tanggal_lahir, p.tanggal_mulai) for p in participants]
    assert min(ages) >= 18
    assert sum(18 <= a <= 45 for a in ages) / len(ages) > 0.75

    # Villages of high need with few or no participants: the dashboard has something to reveal.
    median_need = sorted(n for _, n, _ in need)[len(need) // 2]
    neglected = [k for k, n, part in need if n >= median_need and part == 0]
    assert neglected


def test_outcomes_differ_by_trade_and_improve(demo_db_url):
    with db.get_engine(demo_db_url).connect() as conn:
        rows = conn.execute(
            select(
                Package.kejuruan,
                TracerSurvey.status_kerja,
                TracerSurvey.tanggal_survei,
                TrainingClass.tanggal_selesai,
                TracerSurvey.pendapatan_bulanan,
                TracerSurvey.pendapatan_sebelum,
                TracerSurvey.tempat_kerja_usaha,
            )
            .join(Enrolment, Enrolment.id == TracerSurvey.enrolment_id)
            .join(TrainingClass, TrainingClass.id == Enrolment.class_id)
            .join(Package, Package.kode == TrainingClass.paket_kode)
        ).all()
    kpi = query.indicators(db.get_engine(demo_db_url), Filters())
    assert 0.10 <= kpi["tidak_terlacak"] / kpi["selesai"] <= 0.20

    def share(status, trades):
        sel = [r for r in rows if r.kejuruan in trades]
        return sum(r.status_kerja == status for r in sel) / len(sel)

    workshop = ("Las", "Otomotif", "TIK")
    home = ("Garmen", "Kecantikan", "Pengolahan Hasil Pertanian")
    assert share("bekerja", workshop) > share("bekerja", home) + 0.15
    assert share("wirausaha", home) > share("wirausaha", workshop) + 0.15

    early = [r for r in rows if (r.tanggal_survei - r.tanggal_selesai).days < 130]
    late = [r for r in rows if (r.tanggal_survei - r.tanggal_selesai).days > 300]
    idle = lambda sel: sum(r.status_kerja == "belum_bekerja" for r in sel) / len(sel)  # noqa: E731
    assert idle(late) < idle(early) - 0.05
    working = [r for r in rows if r.status_kerja in ("bekerja", "wirausaha")]
    assert all(r.pendapatan_bulanan and r.tempat_kerja_usaha for r in working)
    assert sum(1_500_000 <= r.pendapatan_bulanan <= 4_500_000 for r in working) > 0.8 * len(working)
    assert sum(r.pendapatan_sebelum <= 1_500_000 for r in rows) == len(rows)


def test_record_rules(demo_db_url):
    engine = db.get_engine(demo_db_url)
    with engine.connect() as conn:
        hasil_wrong = conn.execute(
            select(func.count()).where(
                Enrolment.status != "selesai", Enrolment.hasil_uji.is_not(None)
            )
        ).scalar_one()
        status_vs_dates = conn.execute(
            select(
                Enrolment.status, TrainingClass.tanggal_mulai, TrainingClass.tanggal_selesai
            ).join(TrainingClass, TrainingClass.id == Enrolment.class_id)
        ).all()
        tracer = conn.execute(
            select(TracerSurvey.tanggal_survei, TrainingClass.tanggal_selesai, Enrolment.status)
            .join(Enrolment, Enrolment.id == TracerSurvey.enrolment_id)
            .join(TrainingClass, TrainingClass.id == Enrolment.class_id)
        ).all()
        enrolled = set(conn.execute(select(Enrolment.person_id)).scalars())
        aid = conn.execute(select(Aid)).all()
        daftar_late = conn.execute(
            select(func.count())
            .select_from(Enrolment)
            .join(TrainingClass, TrainingClass.id == Enrolment.class_id)
            .where(Enrolment.tanggal_daftar > TrainingClass.tanggal_mulai)
        ).scalar_one()
    assert hasil_wrong == 0
    assert daftar_late == 0
    for status, start, end in status_vs_dates:
        if start > demo.DATA_DATE:
            assert status == "terdaftar"
        elif end >= demo.DATA_DATE:
            assert status in ("aktif", "keluar")
        else:
            assert status in ("selesai", "keluar")
    assert tracer
    assert all(end <= when <= demo.DATA_DATE and st == "selesai" for when, end, st in tracer)

    assert aid and all(a.person_id in enrolled for a in aid)
    assert len({(a.person_id, a.jenis, a.tanggal) for a in aid}) == len(aid)
    assert all(a.tanggal <= demo.DATA_DATE for a in aid)
    kinds = Counter(a.jenis for a in aid)
    assert kinds["kur"] and kinds["peralatan"] > kinds["kur"] and kinds["modal_dusun_rw"]
    for a in aid:
        if a.jenis == "kur":
            assert 0 < a.nilai_rupiah <= 100_000_000 and a.nilai_rupiah % 500_000 == 0
            assert a.penyalur and (a.nilai_rupiah <= 10_000_000 or "Super" not in a.keterangan)
        elif a.jenis == "peralatan":
            assert 1_000_000 <= a.nilai_rupiah <= 7_500_000
    kur_status = Counter(a.status for a in aid if a.jenis == "kur")
    assert all(kur_status[s] for s in ("diajukan", "disetujui", "ditolak", "disalurkan"))
    alat = Counter(a.status for a in aid if a.jenis == "peralatan")
    assert alat["disalurkan"] > 0.6 * sum(alat.values())

    assert db.is_demo(engine)
    assert db.data_as_of(engine) == demo.DATA_DATE == date(2025, 1, 31)


def test_kpi_invariants(demo_db_url):
    total = query.indicators(db.get_engine(demo_db_url), Filters())
    assert_kpi_invariants(demo_db_url, total)


# --- CLI and safety ------------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PANTAU_DATA_DIR")}
    return subprocess.run(
        [sys.executable, "-m", "lib.cli", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_cli_seed_then_kpi(empty_db_url):
    seeded = run_cli("seed", "--db", empty_db_url)
    assert seeded.returncode == 0, seeded.stderr
    summary = json.loads(seeded.stdout.strip().splitlines()[-1])
    assert summary["data_per"] == "2025-01-31" and summary["orang_dtks"] == 40_000
    proc = run_cli("kpi", "--json", "--db", empty_db_url)
    assert proc.returncode == 0, proc.stderr
    total = json.loads(proc.stdout)
    assert tuple(total) == measures.INDICATORS
    assert total["peserta"] == summary["peserta"]
    assert_kpi_invariants(empty_db_url, total)


def test_refuses_to_overwrite_real_data(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'nyata.db'}"
    engine = analytics.ensure_ready(url)
    with engine.begin() as conn:
        conn.execute(
            insert(Person).values(
                nik="7303014101900001",
                no_kk="7303010101100001",
                nama="Data Nyata",
                jk="P",
                tanggal_lahir=date(1990, 1, 1),
                desa_kode="73.03.01.1001",
                desil=2,
            )  # fmt: skip
        )
    with pytest.raises(ValueError, match="bukan demo"):
        demo.seed(engine)
    assert cli.main(["seed", "--db", url]) == 2
    assert "--replace" in capsys.readouterr().err
    with engine.connect() as conn:
        assert count(conn, Person) == 1
        assert db.get_meta(conn, "demo") == "0"
    with pytest.raises(ValueError):
        demo.seed(engine, scale=0, replace=True)

    # --replace alone is not enough: real data needs --confirm too, and a backup is made first.
    assert cli.main(["seed", "--db", url, "--replace"]) == 2
    assert "--confirm" in capsys.readouterr().err
    assert cli.main(["seed", "--db", url, "--replace", "--confirm"]) == 0
    backups = list(tmp_path.glob("nyata.db.cadangan-*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as kept:
        assert kept.execute("SELECT nama FROM person").fetchall() == [("Data Nyata",)]
    with engine.connect() as conn:  # the backup and the seed are in the audit log
        logged = conn.execute(select(AuditLog.action, AuditLog.what)).all()
    assert [a for a, _ in logged] == [audit.BACKUP, audit.SEED]
    assert "mengganti data nyata" in logged[1][1]
    with engine.connect() as conn:
        assert count(conn, Person) == 40_000
        assert conn.execute(select(Person.id).where(Person.nama == "Data Nyata")).first() is None
    assert db.is_demo(engine)
    demo.seed(engine, seed=5)  # a demo database is replaced without asking
    assert db.is_demo(engine)


def test_imports_into_a_demo_are_protected(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'campur.db'}"
    engine = analytics.ensure_ready(url)
    demo.seed(engine, scale=1, seed=7)
    with engine.begin() as conn:
        conn.execute(
            insert(ImportLog).values(
                kind="peserta",
                file_name="nyata.csv",
                sha256="1" * 64,
                user="operator",
                started_at=datetime.now(),  # after the demo was loaded: real data
                finished_at=datetime.now(),
                mode="semua",
                outcome="dimuat",
                rows_total=3,
                rows_written=3,
            )  # fmt: skip
        )
    # Reseeding would wipe imported rows: refused unless --replace --confirm.
    with pytest.raises(ValueError, match="impor"):
        demo.seed(engine, seed=8)
    assert cli.main(["seed", "--db", url]) == 2
    assert "--replace --confirm" in capsys.readouterr().err

    # clear-demo refuses too: it would delete what the import wrote.
    version = int(db.data_version(engine))
    assert cli.main(["clear-demo", "--db", url]) == 2
    assert "impor" in capsys.readouterr().err
    assert db.is_demo(engine) and int(db.data_version(engine)) == version
    with engine.connect() as conn:
        assert count(conn, ImportLog) == 1 and count(conn, Person) == 40_000


def test_data_date_of_real_data_is_the_last_import_that_wrote_rows(tmp_path):
    engine = analytics.ensure_ready(f"sqlite:///{tmp_path / 'nyata.db'}")
    with engine.begin() as conn:
        for day, written in ((3, 5), (9, 0), (6, 2)):
            conn.execute(
                insert(ImportLog).values(
                    kind="dtks",
                    file_name=f"f{day}.csv",
                    sha256=str(day) * 64,
                    user="cli",
                    started_at=datetime(2025, 4, day, 8),
                    finished_at=datetime(2025, 4, day, 8, 5),
                    mode="semua",
                    outcome="dimuat" if written else "ditolak",
                    rows_total=5,
                    rows_written=written,
                )  # fmt: skip
            )
    assert db.data_as_of(engine) == date(2025, 4, 6)
