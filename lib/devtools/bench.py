"""``make bench``: page render times at demo scale 1 and 20 on SQLite and PostgreSQL, and at scale
100 on PostgreSQL; the analytics rebuild; the start-up of a new browser session.

``python -m lib.devtools.bench [--scales 1,20] [--pg-scales 1,20,100] [--pg | --no-pg]
[--pages peta,hasil] [--repeat 3] [--no-startup]``

For each database and scale it seeds the demo into a fresh database under ``bench/`` (git-ignored;
PostgreSQL in a throwaway cluster from :mod:`lib.devtools.pgtmp`, analysed after loading), records
the analytics rebuild that ran inside the seed (``"page": "rebuild"``), then for every page of
``lib.app.nav.enabled_pages()`` runs the real app (``dashboard.py``) through Streamlit's AppTest:

- ``cold_s``: ``switch_page`` + run right after ``st.cache_data`` and ``st.cache_resource`` were
  cleared. Clearing the resource cache would make the next run repeat the start-up bootstrap
  (schema check, "is the database empty?"), which a real first visit after a server start pays
  once, not per page: the bootstrap is therefore re-run, untimed, before each cold run. Per-process
  ``lru_cache`` entries (the SQLAlchemy engine, the reference lists) stay, as in production, and so
  do the briefing's pictures kept on disk (:mod:`lib.briefing.png_cache`, once per picture drawn):
  ``first_cold_s`` is the first cold run of the page, which for ``/briefing`` renders the deck.
  ``cold_cpu_s`` is the CPU time of this process during the cold run (SQLite runs in-process), a
  figure that other work on a shared machine does not inflate; ``load_1m`` the load average then.
- ``warm_s``: the rerun that follows (every cache warm).
- ``sql_s``: the page's query functions alone, called directly without Streamlit. They are found,
  not listed by hand: during the cold run every call to a cached data function of ``lib.app.cache``
  (and ``lib.app.ui._meta``) is recorded with its arguments; afterwards the distinct calls are replayed
  through the undecorated functions (``__wrapped__``), timed. Chart-spec caches are not SQL and
  are not replayed. A page that queries outside those caches is undercounted.

Each figure is the median of ``--repeat`` runs. At the target scale, :mod:`lib.devtools.bench_startup`
times a new browser session's first figure against a bare one-metric Streamlit page, on a first visit
and in a new tab (records with ``"page": "session:/"``; needs Playwright and Debian's Chromium,
else skipped). The import benchmark of :mod:`lib.devtools.bench_import` adds its records when
that module is present. The table goes to stdout, the JSON (a list of records ``{"scale", "db", "page", "cold_s", "warm_s",
"sql_s", ...}``) to ``bench/`` and its path is printed.

Targets on a 2-core machine: at scale 20 every page cold ≤ 1.0 s and warm ≤ 0.15 s (SQLite and
PostgreSQL), at scale 100 on PostgreSQL cold ≤ 1.5 s, the rebuild at scale 20 ≤ 15 s, cold nearly
flat from scale 1 to 20, and a new session's first figure within 1.3 × the bare page's.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from lib.core import config, db
from lib.semantic import analytics

ROOT = config.PROJECT_DIR
BENCH_DIR = ROOT / "bench"
TARGET_SCALE = 20
LARGE_SCALE = 100  # PostgreSQL only
# (scale -> (cold, warm or None)) page targets in seconds
TARGETS = {TARGET_SCALE: (1.0, 0.15), LARGE_SCALE: (1.5, None)}
TARGET_REBUILD_S = 15.0


def log(message: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# --- recording the data calls of a page ----------------------------------------------------------


class Recorder:
    """Wraps the ``st.cache_data`` functions of ``lib.app.cache`` and ``lib.app.ui._meta`` to record calls."""

    def __init__(self) -> None:
        self.calls: list[tuple[Callable, tuple, dict]] = []
        self.active = False
        self._patched: list[tuple[object, str, object]] = []

    def install(self) -> None:
        from lib.app import cache, ui

        targets = [(cache, name) for name in dir(cache) if name.startswith("_")]
        targets.append((ui, "_meta"))
        for module, name in targets:
            fn = getattr(module, name, None)
            raw = getattr(fn, "__wrapped__", None)
            if raw is None or not hasattr(fn, "clear") or "chart" in name:
                continue
            setattr(module, name, self._wrap(fn, raw))
            self._patched.append((module, name, fn))

    def uninstall(self) -> None:
        for module, name, fn in self._patched:
            setattr(module, name, fn)
        self._patched.clear()

    def _wrap(self, cached, raw):
        recorder = self

        def recording(*args, **kwargs):
            if recorder.active:
                recorder.calls.append((raw, args, kwargs))
            return cached(*args, **kwargs)

        recording.clear = cached.clear  # cache.clear() keeps working
        recording.__wrapped__ = raw
        return recording

    def replay(self) -> tuple[float, int]:
        """Run the distinct recorded calls without Streamlit; (seconds, number of calls)."""
        seen, todo = set(), []
        for raw, args, kwargs in self.calls:
            key = (raw.__module__, raw.__name__, repr(args), repr(sorted(kwargs.items())))
            if key not in seen:
                seen.add(key)
                todo.append((raw, args, kwargs))
        start = time.perf_counter()
        for raw, args, kwargs in todo:
            raw(*args, **kwargs)
        return time.perf_counter() - start, len(todo)


# --- measuring ------------------------------------------------------------------------------------


def _quiet_streamlit() -> None:
    for name in ("streamlit", "streamlit.runtime", "streamlit.runtime.caching"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _page_path(spec) -> str:
    return "/" + spec.path


def measure_pages(url: str, pages: Iterable, repeat: int = 3) -> list[dict]:
    """Cold, warm and SQL seconds (medians of ``repeat`` runs) for each page spec on ``url``."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    from lib.app import ui

    _quiet_streamlit()
    previous_url = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url
    recorder = Recorder()
    recorder.install()
    results = []
    try:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=300)
        at.run()  # start-up: bootstrap, first page
        for spec in pages:
            colds, cpus, warms, sqls, calls, error = [], [], [], [], 0, None
            for _ in range(repeat):
                st.cache_data.clear()
                st.cache_resource.clear()
                ui._bootstrap(url)  # start-up work, not the page's: untimed (see module doc)
                recorder.calls.clear()
                recorder.active = True
                cpu = time.process_time()
                start = time.perf_counter()
                at.switch_page(f"app_pages/{spec.file}").run()
                colds.append(time.perf_counter() - start)
                cpus.append(time.process_time() - cpu)
                recorder.active = False
                start = time.perf_counter()
                at.run()
                warms.append(time.perf_counter() - start)
                if at.exception:
                    error = at.exception[0].message.splitlines()[0][:200]
                seconds, calls = recorder.replay()
                sqls.append(seconds)
            record = {
                "page": _page_path(spec),
                "cold_s": round(statistics.median(colds), 3),
                "warm_s": round(statistics.median(warms), 3),
                "sql_s": round(statistics.median(sqls), 3),
                "sql_calls": calls,
                "first_cold_s": round(colds[0], 3),
                "cold_cpu_s": round(statistics.median(cpus), 3),
                "load_1m": round(os.getloadavg()[0], 1),
            }
            if error:
                record["error"] = error
            results.append(record)
            log(
                f"  {record['page']:<11} cold {record['cold_s']:.2f} s, warm {record['warm_s']:.2f} s"
            )
    finally:
        recorder.uninstall()
        if previous_url is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = previous_url
    return results


class _RebuildTimes(logging.Handler):
    """Collects the durations that :func:`lib.semantic.analytics.rebuild` logs."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.seconds: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        if hasattr(record, "seconds"):
            self.seconds.append(record.seconds)


def seed(url: str, scale: int) -> tuple[float, float | None]:
    """Schema, reference data and the demo at ``scale`` into ``url``; returns the seconds of the
    seed and of the analytics rebuild that ran inside it."""
    from lib.intake import demo

    engine = analytics.ensure_ready(url)
    times = _RebuildTimes()
    logger = logging.getLogger(analytics.__name__)
    level = logger.level
    logger.addHandler(times)
    logger.setLevel(logging.INFO)
    try:
        start = time.perf_counter()
        demo.seed(engine, scale=scale, seed=2022)
    finally:
        logger.removeHandler(times)
        logger.setLevel(level)
    if engine.dialect.name == "postgresql":
        # Autovacuum analyses freshly loaded tables within a minute or so; without statistics the
        # planner guesses (e.g. 1 matching aid row) and picks nested loops that take seconds.
        # Analyse now, so that the pages are timed with the plans of a settled database.
        with engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - start, (times.seconds[-1] if times.seconds else None)


def startup_record(url: str, scale: int, name: str) -> list[dict]:
    """The session start-up record of :mod:`lib.devtools.bench_startup` (none without a browser)."""
    from lib.devtools import bench_startup

    if not bench_startup.available():
        log("Playwright or Chromium not found: no session start-up measurement")
        return []
    log(f"{name} scale {scale}: session start-up (browser)…")
    try:
        result = bench_startup.run(url)
    except Exception as exc:  # noqa: BLE001 - a failed measurement is reported, not fatal
        return [{"scale": scale, "db": name, "page": "session:/", "error": str(exc)[:200]}]
    return [{"scale": scale, "db": name, "page": "session:/", **result}]


def import_records(rows: int | None) -> list[dict]:
    """The records of ``lib.devtools.bench_import.run()`` (another module; skipped when absent)."""
    if rows == 0:
        return []
    try:
        bench_import = importlib.import_module("lib.devtools.bench_import")
    except ImportError:
        log("lib.devtools.bench_import not found: no import benchmark")
        return []
    log("import benchmark (lib.devtools.bench_import)…")
    return bench_import.run() if rows is None else bench_import.run(rows, min(rows, 10_000))


def page_specs(pages: Iterable[str] | None = None) -> list:
    """The pages to time: every page the app serves (``lib.app.nav.enabled_pages()``, the list
    ``dashboard.py`` gives ``st.navigation``, so a new page is timed without editing the bench), or
    those of the keys ``pages`` (an unknown key is an error, not a silently shorter table)."""
    from lib.app import nav

    specs = list(nav.enabled_pages())
    if pages is None:
        return specs
    wanted = list(pages)
    unknown = set(wanted) - {p.key for p in specs}
    if unknown:
        raise ValueError(f"unknown page keys: {', '.join(sorted(unknown))}")
    return [p for p in specs if p.key in set(wanted)]


def run(
    scales: Iterable[int] = (1, TARGET_SCALE),
    pg: bool | None = None,
    pages: Iterable[str] | None = None,
    repeat: int = 3,
    import_rows: int | None = None,
    out: Path | None = None,
    workdir: Path | None = None,
    keep: bool = False,
    pg_scales: Iterable[int] | None = None,
    startup: bool = True,
) -> tuple[list[dict], Path]:
    """The whole benchmark; returns the records and the path of the JSON written.

    ``scales``: SQLite scales (and PostgreSQL's unless ``pg_scales`` is given). ``pg``: ``None`` =
    when the binaries exist, ``True`` = required, ``False`` = SQLite only. ``pages``: page keys of
    ``lib.app.nav`` (default: every enabled page). ``import_rows``: ``None`` runs the import
    benchmark at its own size, ``0`` skips it. ``startup``: time a new browser session at the
    target scale (when Playwright and Chromium are there).
    """
    from lib.devtools import pgtmp

    specs = page_specs(pages)
    scales = list(scales)
    pg_scales = scales if pg_scales is None else list(pg_scales)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    workdir = workdir or BENCH_DIR / f"run-{stamp}"
    workdir.mkdir(parents=True, exist_ok=True)
    out = out or BENCH_DIR / f"bench-{stamp}.json"
    databases: list[tuple[str, list[int], Callable[[int], str]]] = [
        ("sqlite", scales, lambda scale: f"sqlite:///{workdir / f'scale{scale}.db'}")
    ]
    cluster = None
    if pg is not False:
        if pgtmp.pg_bin() is None:
            if pg:
                raise RuntimeError("--pg: PostgreSQL binaries not found")
            log("PostgreSQL binaries not found: SQLite only")
        else:
            cluster = pgtmp.start()
            databases.append(
                ("postgresql", pg_scales, lambda scale: pgtmp.new_database(cluster.url, "bench_"))
            )
    records: list[dict] = []
    previous_cache = os.environ.get("PANTAU_CACHE_DIR")
    os.environ["PANTAU_CACHE_DIR"] = str(workdir / "cache")  # deck pictures of this run only
    try:
        for name, db_scales, make_url in databases:
            for scale in db_scales:
                url = make_url(scale)
                log(f"{name} scale {scale}: seeding…")
                seconds, rebuild_s = seed(url, scale)
                log(f"{name} scale {scale}: seeded in {seconds:.1f} s; pages…")
                records.append(
                    {"scale": scale, "db": name, "page": "rebuild", "seconds": _round(rebuild_s),
                     "seed_s": round(seconds, 2)}
                )  # fmt: skip
                for record in measure_pages(url, specs, repeat):
                    records.append({"scale": scale, "db": name, **record})
                if startup and scale == TARGET_SCALE:
                    records.extend(startup_record(url, scale, name))
                db.engine_for(config.normalise_url(url)).dispose()
                if name == "postgresql" and cluster is not None:
                    pgtmp.drop_database(cluster.url, url)  # scale 100 is gigabytes
        records.extend(import_records(import_rows))
    finally:
        if previous_cache is None:
            os.environ.pop("PANTAU_CACHE_DIR", None)
        else:
            os.environ["PANTAU_CACHE_DIR"] = previous_cache
        if cluster is not None:
            cluster.stop()
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return records, out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


# --- reporting ------------------------------------------------------------------------------------


def _page_verdict(r: dict) -> str:
    target = TARGETS.get(r["scale"])
    if target is None or (r["scale"] == LARGE_SCALE and r["db"] != "postgresql"):
        return ""
    cold, warm = target
    misses = []
    if r["cold_s"] > cold:
        misses.append("cold")
    if warm is not None and r["warm_s"] > warm:
        misses.append("warm")
    return "MISS " + "+".join(misses) if misses else "ok"


def table(records: list[dict]) -> str:
    """The records as a plain-text table, with cold/SQL ratios and the targets checked."""
    lines = [
        f"{'scale':>5}  {'db':<10} {'page':<11} {'cold_s':>7} {'warm_s':>7} {'sql_s':>7} "
        f"{'cold/sql':>8} {'cpu_s':>6} {'first_s':>7} {'load':>5}  target",
        "-" * 96,
    ]
    for r in records:
        if "cold_s" not in r:
            continue
        ratio = f"{r['cold_s'] / r['sql_s']:.1f}" if r.get("sql_s") else "–"
        verdict = _page_verdict(r)
        if r.get("error"):
            verdict += f" ERROR: {r['error']}"
        lines.append(
            f"{r['scale']:>5}  {r['db']:<10} {r['page']:<11} {r['cold_s']:>7.2f} "
            f"{r['warm_s']:>7.2f} {r['sql_s']:>7.2f} {ratio:>8} {r.get('cold_cpu_s', 0):>6.2f} "
            f"{r.get('first_cold_s', 0):>7.2f} {r.get('load_1m', 0):>5.1f}  {verdict}"
        )
    lines += _flatness(records)
    rebuilds = [r for r in records if r.get("page") == "rebuild"]
    if rebuilds:
        lines.append("")
        for r in rebuilds:
            verdict = ""
            if r["scale"] == TARGET_SCALE and r["seconds"] is not None:
                verdict = "ok" if r["seconds"] <= TARGET_REBUILD_S else "MISS"
            lines.append(
                f"rebuild  scale {r['scale']:>3} {r['db']:<10} {r['seconds']:>7} s "
                f"(seed {r['seed_s']} s)  {verdict}"
            )
    for r in records:
        if r.get("page") != "session:/":
            continue
        if r.get("error"):
            lines.append(f"\nsession start-up {r['db']}: ERROR {r['error']}")
            continue
        lines.append(f"\nsession start-up (scale {r['scale']}, {r['db']}):")
        lines.append(startup_text(r))
    imports = [r for r in records if str(r.get("page", "")).startswith("import:")]
    if imports:
        lines.append("")
        for r in imports:
            rate = r.get("rows_per_s")
            lines.append(
                f"{r['page']:<16} {r.get('rows', ''):>8} rows  {r.get('seconds', ''):>7} s  "
                f"{rate if rate is not None else '–':>8} rows/s"
            )
    return "\n".join(lines)


def startup_text(record: dict) -> str:
    from lib.devtools import bench_startup

    return bench_startup.describe(record)


def _flatness(records: list[dict]) -> list[str]:
    """Per database: the pages' cold seconds summed at scale 1 and at the target scale."""
    out = []
    for name in dict.fromkeys(r["db"] for r in records if "cold_s" in r):
        sums = {
            scale: sum(r["cold_s"] for r in records
                       if r["db"] == name and r["scale"] == scale and "cold_s" in r)
            for scale in (1, TARGET_SCALE)
        }  # fmt: skip
        if sums[1] and sums[TARGET_SCALE]:
            out.append(
                f"{name}: all pages cold {sums[1]:.2f} s at scale 1, {sums[TARGET_SCALE]:.2f} s "
                f"at scale {TARGET_SCALE} (× {sums[TARGET_SCALE] / sums[1]:.2f})"
            )
    return [""] + out if out else []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m lib.devtools.bench", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--scales", default=f"1,{TARGET_SCALE}", help="demo scales (comma list)")
    parser.add_argument(
        "--pg-scales", default=f"1,{TARGET_SCALE},{LARGE_SCALE}",
        help="PostgreSQL demo scales (comma list)",
    )  # fmt: skip
    parser.add_argument(
        "--no-startup", dest="startup", action="store_false",
        help="skip the browser session start-up measurement",
    )  # fmt: skip
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--pg", action="store_true", default=None, help="require PostgreSQL")
    group.add_argument("--no-pg", dest="pg", action="store_false", help="SQLite only")
    parser.add_argument("--pages", help="page keys of lib.app.nav (comma list; default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page (median)")
    parser.add_argument(
        "--import-rows", type=int, default=None, help="registry rows of the import benchmark "
        "(default: its own size; 0 skips it)"
    )  # fmt: skip
    parser.add_argument("--out", type=Path, help="JSON path (default: bench/bench-<time>.json)")
    parser.add_argument("--keep", action="store_true", help="keep the seeded SQLite files")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    records, out = run(
        scales=[int(s) for s in args.scales.split(",") if s.strip()],
        pg_scales=[int(s) for s in args.pg_scales.split(",") if s.strip()],
        startup=args.startup,
        pg=args.pg,
        pages=args.pages.split(",") if args.pages else None,
        repeat=args.repeat,
        import_rows=args.import_rows,
        out=args.out,
        keep=args.keep,
    )
    print(table(records))
    print(f"\nJSON: {out}")
    print(f"Total: {time.perf_counter() - start:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
