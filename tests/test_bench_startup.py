"""The session start-up measurement of ``make bench`` (``lib.devtools.bench_startup``), once each."""

from __future__ import annotations

import pytest

from lib.devtools import bench_startup
from tests.conftest import _require_browser

pytestmark = pytest.mark.browser


def test_first_figure_and_first_card_of_the_dashboard_and_of_a_bare_page(demo_db_url):
    _require_browser()
    result = bench_startup.run(demo_db_url, sessions=1)
    for prefix in ("", "warm_"):
        figure, card, bare = (result[f"{prefix}{k}_s"] for k in ("figure", "card", "bare"))
        assert figure > 0 and card > 0 and bare > 0
        assert result[f"{prefix}ratio"] == pytest.approx(figure / bare, abs=0.01)
        assert result[f"{prefix}card_ratio"] == pytest.approx(card / bare, abs=0.01)
    # Each kind of session was timed once per server, on the elements it names.
    assert set(result["sessions"]) == {"cold_dashboard", "cold_bare", "warm_dashboard", "warm_bare"}
    assert all(len(xs) == 1 for kinds in result["sessions"].values() for xs in kinds.values())
    assert result["first_session_s"] > 0 and result["bare_first_session_s"] > 0
    assert result["met"] == (
        result["ratio"] <= bench_startup.TARGET_RATIO
        and result["warm_ratio"] <= bench_startup.TARGET_RATIO
    )
    assert "first figure" in bench_startup.describe(result)
