"""The session start-up measurement of ``make bench`` (``lib.devtools.bench_startup``), once each."""

from __future__ import annotations

import pytest

from lib.devtools import bench_startup
from tests.conftest import _require_browser

pytestmark = pytest.mark.browser


def test_first_figure_of_the_dashboard_and_of_a_bare_page(demo_db_url):
    _require_browser()
    result = bench_startup.run(demo_db_url, sessions=1)
    assert result["first_figure_s"] > 0 and result["bare_s"] > 0
    assert result["ratio"] == pytest.approx(result["first_figure_s"] / result["bare_s"], abs=0.01)
    assert len(result["sessions_s"]) == len(result["bare_sessions_s"]) == 1
    assert result["first_session_s"] > 0 and result["bare_first_session_s"] > 0
