"""The web upload and the command line's import are read in a worker process with a memory and a time limit (issue 11): a file
that would exhaust either is refused with a plain message and the server process is untouched;
an ordinary file reads exactly as in-process."""

from __future__ import annotations

import functools
import io
import pickle
import time
from datetime import datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.core import db
from lib.intake import importer, reader, sandbox, schemas
from lib.intake.reader import Limits, UnusableFile
from tests.intake_files import DTKS, counts, csv_bytes, dtks_row, xlsx_bytes
from tests.test_intake_hostile import million_row_bomb, nul_file
from tests.test_pages import as_read

ROOT = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024


def many_rows(n: int = 190_000) -> bytes:
    head = (";".join(DTKS) + "\r\n").encode()
    return head + b"".join(
        f"{i};{i};nama {i};P;2000-01-01;7303012008;{i % 10}\r\n".encode() for i in range(n)
    )


@pytest.mark.parametrize("name", ["a.csv", "a.xlsx"])
def test_the_worker_reads_like_the_server_would(name):
    rows = [dtks_row(1, tanggal_lahir=datetime(1995, 5, 17)), dtks_row(2, nama="Réza")]
    data = xlsx_bytes(DTKS, rows) if name.endswith("xlsx") else csv_bytes(DTKS, rows)
    select = functools.partial(schemas.select, None)
    here, there = (
        reader.read_bytes(data, name, select=select),
        sandbox.read(data, name, select=select),
    )
    assert there == here and there.selection.kind == "dtks"
    with pytest.raises(UnusableFile) as exc:
        sandbox.read(b"", name)
    assert exc.value.code == "empty"


def test_a_path_is_read_like_its_bytes_and_never_read_when_over_the_size_cap(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(DTKS, [dtks_row(1)]))
    assert sandbox.read(path, "a.csv") == sandbox.read(path.read_bytes(), "a.csv")
    with pytest.raises(UnusableFile) as exc:
        sandbox.read(path, "a.csv", Limits(max_bytes=10))
    assert exc.value.code == "too_big"


def test_a_file_that_needs_more_memory_than_allowed_is_refused():
    started = time.monotonic()
    with pytest.raises(UnusableFile) as exc:
        sandbox.read(many_rows(), "a.csv", Limits(worker_memory=120 * MIB, worker_seconds=60))
    # the memory limit stops it (on a loaded machine the time limit may come first): either way a
    # plain refusal, never a crash of the caller
    assert exc.value.code in ("too_heavy", "too_slow") and time.monotonic() - started < 120
    assert ("terlalu berat untuk dibaca" in exc.value.message()) == (exc.value.code == "too_heavy")
    assert (
        len(sandbox.read(many_rows(1_000), "a.csv", Limits(worker_memory=400 * MIB)).rows) == 1_000
    )


def test_a_file_that_takes_longer_than_allowed_is_refused():
    started = time.monotonic()
    with pytest.raises(UnusableFile) as exc:
        sandbox.read(million_row_bomb(), "bom.xlsx", Limits(worker_seconds=1))
    assert exc.value.code == "too_slow" and exc.value.params == {"s": "1"}
    assert time.monotonic() - started < 10
    assert "melebihi 1 detik" in exc.value.message()


def test_the_answer_may_only_hold_what_a_sheet_holds():
    evil = pickle.dumps(("ok", io.StringIO("x")))
    with pytest.raises(pickle.UnpicklingError):
        sandbox._AnswerUnpickler(io.BytesIO(evil)).load()


def test_isolated_import_refuses_the_bomb_on_both_databases(db_url):
    before = counts(db_url)
    started = time.monotonic()
    result = importer.run(million_row_bomb(), url=db_url, kind=None, file_name="bom.xlsx",
                          isolated=True)  # fmt: skip
    assert result.exit_code == 2 and result.fatal.code == "too_many_rows"
    assert time.monotonic() - started < 60
    result = importer.run(nul_file(), url=db_url, kind="dtks", file_name="nul.csv", partial=True,
                          isolated=True)  # fmt: skip
    assert result.rows_written == 2999 and [i.code for i in result.errors] == ["nul"]
    assert counts(db_url)["person"] == before["person"] + 2999


def test_the_data_page_refuses_a_hostile_upload_and_keeps_serving(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'pantau.db'}"
    db.ensure_ready(url)
    monkeypatch.setenv("DATABASE_URL", url)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120).run()
    at.switch_page("app_pages/data.py").run()
    at.file_uploader[0].set_value(("bom.xlsx", million_row_bomb(), "application/zip")).run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("melebihi batas 200.000 baris data" in as_read(e.value) for e in at.error)
    data = csv_bytes(DTKS, [dtks_row(1)])
    at.file_uploader[0].set_value(("dtks.csv", data, "text/csv")).run()  # the next one works
    assert not at.exception and at.button(key="imp_confirm").disabled is False
