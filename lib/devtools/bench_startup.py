"""Session start-up benchmark: how long a new browser session waits for its first figure.

``run(url)`` starts two real servers with ``streamlit run``: Pantau's ``dashboard.py`` on the
database at ``url``, and a bare one-metric Streamlit page generated in a temporary folder, with the
same ``.streamlit/config.toml`` (the floor that Streamlit itself sets on this machine: the
frontend's JavaScript, the server round trip, one script run). Debian's Chromium (Playwright)
opens ``/`` of each, alternating between the two servers, so that other work on a shared machine
weighs on both alike.

Two kinds of new session:

- **cold**: a new browser context each time (no cookies, no session state, an empty HTTP cache), as
  on a first visit: the browser also downloads the frontend code of every kind of element the page
  shows;
- **warm**: a new tab in a browser context that has opened the page before (a new Streamlit session
  with its own session state; the frontend code comes from the browser's cache), as when a user
  opens the dashboard again or in a second tab.

What is timed, in the page itself (``performance.now()``, milliseconds since the navigation started,
read on every animation frame): when the element first has a size on screen.

- ``figure``: the page's first figure. On ``/`` that is the status headline ("Kuota ... 1.401 dari
  1.444 orang"), the answer the page gives first, above its cards; on the bare page, its metric.
- ``card``: the first metric card (``st.metric``). Streamlit's frontend loads each kind of element's
  code on demand and React holds back a card that is ready while other elements of the same
  screen are still loading theirs (up to 500 ms after it last showed a placeholder), so on a page
  with a chart and filters the cards come after the headline.

Playwright's own waits are not used for the timing: they poll at growing intervals, up to 500 ms,
which made the bare page's time jump between ~0.9 and ~1.4 s from one run to the next.

The first session after each server start (imports, schema check, cold caches) is timed apart; the
figures compared are medians of the sessions after it, which is what every further visitor meets.
Target: the dashboard's first figure within 1.3 × the bare page's (``TARGET_RATIO``), for cold and
warm sessions. ``python -m lib.devtools.bench_startup [DATABASE_URL]`` prints the records.
"""

from __future__ import annotations

import json
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
SETTLE_S = 0.5
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


# What is timed on each page: name -> CSS selector (see the module's docstring).
WATCHED = {
    "dashboard": {
        "figure": '.st-key-status_headline [data-testid="stAlert"]',
        "card": '[data-testid="stMetricValue"]',
    },
    "bare": {"figure": '[data-testid="stMetricValue"]', "card": '[data-testid="stMetricValue"]'},
}
# Runs in the page before its own scripts: on every animation frame, the first time that each
# watched element has a size, in milliseconds since the navigation started.
WATCH_SCRIPT = """(() => {
  const want = %s;
  const shown = window.__pantauShown = {};
  function frame() {
    for (const [name, selector] of Object.entries(want)) {
      if (name in shown) continue;
      const el = document.querySelector(selector);
      if (el) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 && box.height > 0) shown[name] = performance.now();
      }
    }
    if (Object.keys(shown).length < Object.keys(want).length) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})();"""


def _context(browser, watched: dict[str, str]):
    """A new browser context (own cookies and HTTP cache) that times ``watched`` on every page."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(WATCH_SCRIPT % json.dumps(watched))
    return context


def _session(context, base: str, watched: dict[str, str]) -> dict[str, float]:
    """Open ``/`` in a new tab of ``context`` (a new Streamlit session) and return, per watched
    name, the seconds from the start of the navigation until that element was on screen."""
    page = context.new_page()
    try:
        page.goto(base + "/", wait_until="commit")
        page.wait_for_function(
            "names => names.every(n => n in (window.__pantauShown || {}))",
            arg=list(watched),
            timeout=120_000,
        )
        shown = page.evaluate("window.__pantauShown")
        return {name: shown[name] / 1000 for name in watched}
    finally:
        page.close()
        # Let the closed tab's teardown finish before the next session is timed: on a 2-core
        # machine it would otherwise weigh on whichever session comes next.
        time.sleep(SETTLE_S)


def _cold(browser, base: str, watched: dict[str, str]) -> dict[str, float]:
    """A first visit: a new browser context, closed afterwards."""
    context = _context(browser, watched)
    try:
        return _session(context, base, watched)
    finally:
        context.close()


def run(url: str, sessions: int = SESSIONS) -> dict:
    """Time new sessions of the dashboard on ``url`` and of a bare page, cold and warm.

    Returns (seconds, medians over ``sessions`` sessions per kind, after the first one):
    ``figure_s``, ``card_s`` and ``bare_s`` for cold sessions, with ``ratio`` (figure / bare) and
    ``card_ratio``; the same prefixed ``warm_`` for warm sessions; ``first_session_s`` and
    ``bare_first_session_s`` (the first session after each server start, cold); ``met`` (both
    ratios within ``TARGET_RATIO``); and the single timings (``sessions``).
    """
    from playwright.sync_api import sync_playwright

    env = {**os.environ, "DATABASE_URL": url}
    times: dict[str, dict[str, list[float]]] = {
        f"{kind}_{name}": {"figure": [], "card": []}
        for kind in ("cold", "warm")
        for name in WATCHED
    }
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
                        name: _cold(browser, base, WATCHED[name])["figure"]
                        for name, (base, _) in servers.items()
                    }
                    warm = {name: _context(browser, WATCHED[name]) for name in servers}
                    for name, (base, _) in servers.items():  # fills the browser's cache
                        _session(warm[name], base, WATCHED[name])
                    for _ in range(sessions):
                        for name, (base, _) in servers.items():
                            for kind, shown in (
                                ("cold", _cold(browser, base, WATCHED[name])),
                                ("warm", _session(warm[name], base, WATCHED[name])),
                            ):
                                for what, seconds in shown.items():
                                    times[f"{kind}_{name}"][what].append(seconds)
                finally:
                    browser.close()
        finally:
            for _, proc in servers.values():
                _stop(proc)

    def median(key: str, what: str) -> float:
        return round(statistics.median(times[key][what]), 3)

    result: dict = {}
    for kind, prefix in (("cold", ""), ("warm", "warm_")):
        figure, card = median(f"{kind}_dashboard", "figure"), median(f"{kind}_dashboard", "card")
        bare = median(f"{kind}_bare", "figure")
        result |= {
            f"{prefix}figure_s": figure,
            f"{prefix}card_s": card,
            f"{prefix}bare_s": bare,
            f"{prefix}ratio": round(figure / bare, 2),
            f"{prefix}card_ratio": round(card / bare, 2),
        }
    result |= {
        "met": result["ratio"] <= TARGET_RATIO and result["warm_ratio"] <= TARGET_RATIO,
        "first_session_s": round(first["dashboard"], 3),
        "bare_first_session_s": round(first["bare"], 3),
        "sessions": {
            key: {what: [round(x, 3) for x in xs] for what, xs in values.items()}
            for key, values in times.items()
        },
    }
    return result


def describe(result: dict) -> str:
    """The record in a few lines, as ``make bench`` prints it."""
    lines = []
    for prefix, label in (("", "cold (first visit)"), ("warm_", "warm (new tab)")):
        lines.append(
            f"  {label:<19} first figure {result[prefix + 'figure_s']:.2f} s, "
            f"bare page {result[prefix + 'bare_s']:.2f} s, ratio {result[prefix + 'ratio']:.2f}; "
            f"first card {result[prefix + 'card_s']:.2f} s ({result[prefix + 'card_ratio']:.2f} x)"
        )
    lines.append(
        f"  first session after a server start {result['first_session_s']:.2f} s "
        f"(bare {result['bare_first_session_s']:.2f} s); target {TARGET_RATIO} x: "
        + ("ok" if result["met"] else "MISS")
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    url = config.database_url(argv[0] if argv else None)
    result = run(url)
    print(describe(result))
    print(json.dumps(result["sessions"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
