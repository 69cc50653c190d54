"""A tiny run of the ``make bench`` machinery (lib/bench.py): scale 1, SQLite, one page, once."""

from __future__ import annotations

import json

import pytest

from lib.app import nav
from lib.devtools import bench


def test_bench_times_every_page_the_app_serves():
    paths = [bench._page_path(p) for p in bench.page_specs()]
    assert paths == [bench._page_path(p) for p in nav.PAGES if p.enabled]
    assert {"/", "/hasil", "/rencana", "/briefing", "/data", "/glosarium"} <= set(paths)
    assert [p.key for p in bench.page_specs(["briefing", "rencana"])] == ["rencana", "briefing"]
    with pytest.raises(ValueError, match="renc"):
        bench.page_specs(["renc"])


def test_bench_smoke(tmp_path):
    out = tmp_path / "bench.json"
    records, path = bench.run(
        scales=(1,), pg=False, pages=("hasil",), repeat=1, import_rows=0, out=out,
        workdir=tmp_path / "work", startup=False,
    )  # fmt: skip
    assert path == out and json.loads(out.read_text()) == records
    rebuild, record = records
    # The analytics rebuild that ran inside the seed is recorded.
    assert rebuild["page"] == "rebuild" and rebuild["scale"] == 1 and rebuild["db"] == "sqlite"
    assert 0 < rebuild["seconds"] < rebuild["seed_s"]
    assert record["scale"] == 1 and record["db"] == "sqlite" and record["page"] == "/hasil"
    assert "error" not in record
    assert record["cold_s"] > 0 and record["warm_s"] > 0
    assert record["first_cold_s"] > 0 and record["cold_cpu_s"] > 0 and record["load_1m"] >= 0
    # The page's data functions were found and replayed: the kpi and the outcome aggregates.
    # no timing comparison here (timings are for `make bench`): the replay ran and measured something
    assert record["sql_s"] > 0 and record["sql_calls"] >= 2
    assert not (tmp_path / "work").exists()  # seeded files removed
    text = bench.table(records)
    assert "/hasil" in text and "cold/sql" in text and "rebuild  scale   1 sqlite" in text
