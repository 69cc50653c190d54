"""``python -m lib.cli kpi`` as a user runs it: a real subprocess on a SQLite file (README)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from lib.core import db
from lib.core.filters import Filters
from lib.semantic import measures, query
from tests.builders import BISSAPPU, BONTO_JAI, TAPPANJENG, dataset

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "PANTAU_DATA_DIR")}
    return subprocess.run(
        [sys.executable, "-m", "lib.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def kpi_json(proc: subprocess.CompletedProcess) -> dict:
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1, proc.stdout  # one JSON object, nothing else on stdout
    return json.loads(lines[0])


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory):
    """A SQLite file created by a first ``kpi`` run, then filled with a hand-built dataset.

    Returns the URL, the first run's output and what ``compute`` said about the fresh database.
    Bissappu: Ani (Bonto Jai, selesai kompeten in the 2022 class, bekerja) and Budi (Bonto Jai,
    keluar in 2022); Cici of Tappanjeng (selesai in 2022) is outside Bissappu; Dodi of Bonto Jai is
    only in the 2023 class.
    """
    path = tmp_path_factory.mktemp("cli") / "baru" / "pantau.db"
    url = f"sqlite:///{path}"
    assert not path.exists()
    first = run_cli("kpi", "--json", "--db", url)
    assert path.exists()
    engine = db.get_engine(url)
    fresh = query.indicators(engine, Filters())
    with dataset(url) as d:
        k22 = d.kelas("GAR-01", tahun=2022)
        k23 = d.kelas("LAS-01", tahun=2023)
        ani = d.person("Ani", desa=BONTO_JAI)
        budi = d.person("Budi", desa=BONTO_JAI, jk="L")
        cici = d.person("Cici", desa=TAPPANJENG)
        dodi = d.person("Dodi", desa=BONTO_JAI, jk="L")
        d.survey(d.enrol(ani, k22, "selesai", uji="kompeten"), date(2022, 10, 1), "bekerja")
        d.enrol(budi, k22, "keluar")
        d.enrol(cici, k22, "selesai")
        d.enrol(dodi, k23, "aktif")
    yield url, first, fresh
    engine.dispose()


def test_kpi_json_on_a_fresh_file_creates_the_schema(cli_db):
    url, first, fresh = cli_db
    values = kpi_json(first)
    assert list(values) == list(measures.INDICATORS)
    assert db.current_revision(db.get_engine(url)) == db.head_revision()
    assert values == fresh
    assert values["paket_total"] == 40 and values["kuota"] == 1444 and values["peserta"] == 0
    assert values["persen_keterisian"] is None  # JSON null


def test_kpi_json_with_filters_and_db_before_or_after_the_subcommand(cli_db):
    url, _, _ = cli_db
    # Kecamatan 73.03.01 and tahun 2022: peserta 1 (Ani), selesai 1, keluar 1 (Budi), kompeten 1,
    # bekerja 1 → placement 100.0; the class keys follow the 2022 class only, whatever the
    # kecamatan: 1 class, 16 seats, 3 enrolments → 18.75 → 18.8 %.
    filters = Filters(tahun=(2022,), kecamatan=(BISSAPPU,))
    expected = query.indicators(db.get_engine(url), filters)
    assert (expected["peserta"], expected["selesai"], expected["keluar"]) == (1, 1, 1)
    assert (expected["kompeten"], expected["bekerja"], expected["persen_penempatan"]) == (
        1,
        1,
        100.0,
    )
    assert (expected["kelas"], expected["kursi"], expected["terisi"]) == (1, 16, 3)
    assert expected["persen_keterisian"] == 18.8

    args = ("--kecamatan", "73.03.01", "--tahun", "2022", "--json")
    after = kpi_json(run_cli("kpi", *args, "--db", url))
    before = kpi_json(run_cli("--db", url, "kpi", *args))
    assert list(after) == list(measures.INDICATORS)
    assert after == before == expected
    # Without filters: peserta Ani, Cici and Dodi.
    assert kpi_json(run_cli("--db", url, "kpi", "--json"))["peserta"] == 3


@pytest.mark.parametrize(
    "args",
    [
        ("--tahun", "2026"),  # the issue: printed unfiltered totals with exit 0
        ("--tahun", "1999", "--kecamatan", "'; DROP TABLE person; --"),
        ("--kecamatan", "73.03.02", "--desa", "73.03.01.2008"),  # a village outside the kecamatan
        ("--jk", "X"),
    ],
)
def test_kpi_unknown_filter_value_is_an_error_never_unfiltered_figures(cli_db, args):
    url, _, _ = cli_db
    proc = run_cli("kpi", "--json", "--db", url, *args)
    assert proc.returncode == 2
    assert proc.stdout == ""  # a script receives no figures at all
    assert "tidak dikenal" in proc.stderr or "tidak berada di kecamatan" in proc.stderr
    assert "diabaikan" not in proc.stderr and "Perintah dihentikan" in proc.stderr
    for value in args[1::2]:
        if value not in ("73.03.02",):
            assert value.split(";")[0] in proc.stderr or "Bonto Jai" in proc.stderr


def test_briefing_unknown_filter_value_is_an_error(cli_db, tmp_path):
    url, _, _ = cli_db
    out = tmp_path / "b.txt"
    proc = run_cli("briefing", "--out", str(out), "--paket", "XYZ-99", "--db", url)
    assert proc.returncode == 2 and "“XYZ-99” tidak dikenal" in proc.stderr
    assert not out.exists()


def test_kpi_text_output(cli_db):
    url, _, _ = cli_db
    proc = run_cli("kpi", "--db", url, "--tahun", "2022")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == len(measures.INDICATORS)
    assert lines[0].startswith("Kuota") and lines[0].endswith("1.444")  # Indonesian format
    assert "18,8%" in proc.stdout


def test_unknown_subcommand_exits_2():
    proc = run_cli("bogus")
    assert proc.returncode == 2
    assert "bogus" in proc.stderr
    assert run_cli().returncode == 2  # no subcommand at all
