"""Session start-up benchmark: how long a new browser session waits for its first figure.

``run(url)`` starts two real servers with ``streamlit run``: Pantau's ``dashboard.py`` on the
database at ``url``, and a bare one-metric Streamlit page generated in a temporary folder (the
floor that Streamlit itself sets on this machine: server round trip, the frontend's JavaScript,
one script run). Debian's Chromium (Playwright) opens each a few times, every time in a new browser
context (a new session: no cookies, no session state, an empty browser cache), and times ``goto``
until the first ``stMetricValue`` is visible. Both servers run side by side and their sessions
alternate, so that other work on a shared machine weighs on both alike. The first session after a
server start (imports, schema check, cold caches) is timed apart; the figure compared is the median
of the sessions after it, which is what every further visitor meets.

Target: the dashboard's first figure within 1.3 × the bare page's (``TARGET_RATIO``).
``python -m lib.devtools.bench_startup [DATABASE_URL]`` prints the records.
"""

from __future__ import annotations

import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from lib.core import config

ROOT = config.PROJECT_DIR
TARGET_RATIO = 1.3
SESSIONS = 9
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
BARE_APP = """import streamlit as st

st.metric("Peserta", "1.444")
"""


def chromium() -> str | None:
    """Debian's Chromium (never ``playwright install``), or ``None``."""
    found = shutil.which("chromium") or "/usr/bin/chromium"
    return found if Path(found).exists() else None


def available() -> bool:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return False
    return chromium() is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(script: Path, cwd: Path, env: dict) -> tuple[str, subprocess.Popen]:
    """``streamlit run script`` on a free port of 127.0.0.1, once ``/_stcore/health`` answers."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
         "--server.headless", "true", "--server.address", "127.0.0.1",
         "--browser.gatherUsageStats", "false"],
        cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit run {script} exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(base + "/_stcore/health", timeout=1) as resp:
                if resp.read() == b"ok":
                    return base, proc
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"streamlit run {script} did not become healthy in 90 s")


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


def _first_figure(browser, base: str) -> float:
    """Seconds from ``goto`` in a new browser context until the first metric value is visible."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        start = time.perf_counter()
        page.goto(base + "/", wait_until="commit")
        page.get_by_test_id("stMetricValue").first.wait_for(state="visible", timeout=120_000)
        return time.perf_counter() - start
    finally:
        context.close()


def run(url: str, sessions: int = SESSIONS) -> dict:
    """Time the first figure of new sessions of the dashboard on ``url`` and of a bare page.

    Both servers run side by side and their sessions alternate, so that other work on the machine
    weighs on both alike. Returns ``first_figure_s`` (dashboard, median), ``bare_s`` (bare page,
    median), ``ratio``, ``first_session_s`` / ``bare_first_session_s`` (the first session after
    each server start) and the single timings.
    """
    from playwright.sync_api import sync_playwright

    env = {**os.environ, "DATABASE_URL": url}
    with tempfile.TemporaryDirectory(prefix="pantau-bare-") as tmp:
        folder = Path(tmp)
        (folder / "app.py").write_text(BARE_APP, encoding="utf-8")
        if (ROOT / ".streamlit" / "config.toml").exists():  # same theme and server settings
            (folder / ".streamlit").mkdir()
            shutil.copy(ROOT / ".streamlit" / "config.toml", folder / ".streamlit")
        servers: dict[str, tuple[str, subprocess.Popen]] = {}
        try:
            servers["bare"] = _serve(folder / "app.py", folder, env)
            servers["dashboard"] = _serve(ROOT / "dashboard.py", ROOT, env)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
                try:
                    first = {
                        name: _first_figure(browser, base) for name, (base, _) in servers.items()
                    }
                    timings: dict[str, list[float]] = {name: [] for name in servers}
                    for _ in range(sessions):
                        for name, (base, _) in servers.items():
                            timings[name].append(_first_figure(browser, base))
                finally:
                    browser.close()
        finally:
            for _, proc in servers.values():
                _stop(proc)
    bare = statistics.median(timings["bare"])
    dash = statistics.median(timings["dashboard"])
    return {
        "first_figure_s": round(dash, 3),
        "bare_s": round(bare, 3),
        "ratio": round(dash / bare, 2),
        "first_session_s": round(first["dashboard"], 3),
        "bare_first_session_s": round(first["bare"], 3),
        "sessions_s": [round(x, 3) for x in timings["dashboard"]],
        "bare_sessions_s": [round(x, 3) for x in timings["bare"]],
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    url = config.database_url(argv[0] if argv else None)
    result = run(url)
    for key, value in result.items():
        print(f"{key:<22} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
