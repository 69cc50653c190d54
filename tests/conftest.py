"""Shared fixtures: real databases (a SQLite file, a throwaway PostgreSQL cluster) and the demo.

PostgreSQL: a cluster is started with ``initdb``/``pg_ctl`` from ``/usr/lib/postgresql/*/bin`` on a
free port of 127.0.0.1 with trust auth, once per test process, and stopped at the end. Without the
binaries PostgreSQL tests skip, unless ``PANTAU_REQUIRE_PG=1`` (CI), where that is an error.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from lib.semantic import analytics

ROOT = Path(__file__).resolve().parent.parent
REQUIRE_PG = os.environ.get("PANTAU_REQUIRE_PG") == "1"
REQUIRE_BROWSER = os.environ.get("PANTAU_REQUIRE_BROWSER") == "1"
SHARED_BOUNDARIES = ROOT / "data" / "batas_desa.geojson"  # the shipped, attributed file


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session", autouse=True)
def _picture_cache(tmp_path_factory):
    """The deck's kept pictures (lib/briefing/png_cache.py) and kept decks (lib/briefing/store.py,
    its ``deck/`` subfolder) go to a folder of this test run, not to the project's ``cache/``; the
    Streamlit servers and CLI processes the tests start inherit it."""
    previous = os.environ.get("PANTAU_CACHE_DIR")
    os.environ["PANTAU_CACHE_DIR"] = str(tmp_path_factory.mktemp("picture_cache"))
    yield
    if previous is None:
        os.environ.pop("PANTAU_CACHE_DIR", None)
    else:
        os.environ["PANTAU_CACHE_DIR"] = previous


@pytest.fixture(scope="session")
def pg_cluster():
    """Base URL (without database name) of a throwaway PostgreSQL cluster (``lib/pgtmp.py``)."""
    from lib.devtools import pgtmp

    if pgtmp.pg_bin() is None:
        if REQUIRE_PG:
            pytest.fail("PANTAU_REQUIRE_PG=1 but no /usr/lib/postgresql/*/bin/initdb")
        pytest.skip("PostgreSQL binaries not found")
    cluster = pgtmp.start()
    try:
        yield cluster.url
    finally:
        cluster.stop()


def new_pg_database(base_url: str) -> str:
    from lib.devtools import pgtmp

    return pgtmp.new_database(base_url)


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def empty_db_url(request, tmp_path):
    """URL of a new, empty database (no schema) on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'pantau.db'}"
    return new_pg_database(request.getfixturevalue("pg_cluster"))


@pytest.fixture
def db_url(empty_db_url):
    """URL of a new database with the schema and the reference data of data/ (no demo)."""
    analytics.ensure_ready(empty_db_url)
    return empty_db_url


@pytest.fixture(scope="session")
def demo_db_url(tmp_path_factory):
    """A SQLite database seeded with the scale-1 demo (seed 2022), built once per test process."""
    from lib.intake import demo

    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    engine = analytics.ensure_ready(url)
    demo.seed(engine, scale=1, seed=2022)
    return url


# --- browser tests -------------------------------------------------------------------------------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _require_browser():
    if not Path(CHROMIUM).exists():
        if REQUIRE_BROWSER:
            pytest.fail("PANTAU_REQUIRE_BROWSER=1 but Debian's chromium is not installed")
        pytest.skip("chromium not installed")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright: use Debian's Chromium (never `playwright install`)."""
    _require_browser()
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def start_streamlit(
    db_url: str,
    extra_env: dict | None = None,
    *,
    port: int | None = None,
    host: str = "127.0.0.1",
    extra_args: tuple[str, ...] = (),
) -> tuple[str, subprocess.Popen]:
    """Start ``streamlit run dashboard.py`` on a free port against ``db_url``; returns (base URL, process).

    Waits for ``/_stcore/health``. The caller stops it with :func:`stop_streamlit`. ``host`` is how
    the base URL spells the server (login cookies are host-scoped: use the redirect URI's spelling);
    ``extra_args`` go to ``streamlit run`` (e.g. ``--secrets.files``).
    """
    import time
    import urllib.request

    port = port or free_port()
    env = {**os.environ, "DATABASE_URL": db_url, **(extra_env or {})}
    proc = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv").exists() else "python",
         "-m", "streamlit", "run", str(ROOT / "dashboard.py"),
         "--server.port", str(port), "--server.headless", "true",
         "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false", *extra_args],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://{host}:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(proc.stdout.read().decode(errors="replace"))
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=1) as resp:
                if resp.read() == b"ok":
                    return base, proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("streamlit did not become healthy in 60 s")


def stop_streamlit(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="session")
def app_server(demo_db_url):
    """Base URL of a real ``streamlit run`` serving the demo database (one per test process)."""
    _require_browser()
    base, proc = start_streamlit(demo_db_url)
    try:
        yield base
    finally:
        stop_streamlit(proc)
