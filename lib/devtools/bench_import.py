"""Import benchmark: a 100,000-row registry file and a 10,000-row enrolment file on SQLite.

``run()`` returns records for ``make bench`` (``lib.devtools.bench``); ``python -m lib.devtools.bench_import`` prints
them. The files are generated (valid Bantaeng village codes, NIKs that agree with birth date and
gender), written as semicolon CSV like an operator's Excel export, and imported through the same
path as ``python -m lib.cli import`` into a fresh SQLite database. Target: the registry file in
under 60 s on a 2-core machine.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from lib.core import db
from lib.intake import importer, parsers
from lib.intake.schemas import SPECS
from lib.semantic import analytics

ENROLMENT_ROWS = 10_000


def _write(path: Path, kind: str, rows) -> Path:
    columns = SPECS[kind].required
    with path.open("w", encoding="utf-8", newline="") as fh:
        fh.write(";".join(columns) + "\r\n")
        for row in rows:
            fh.write(";".join(str(v) for v in row) + "\r\n")
    return path


def registry_rows(n: int):
    """``n`` registry persons: unique NIKs, 67 villages, desil 1–10."""
    villages = [v["kode"] for v in db.reference_villages()]
    start = date(1962, 1, 1)
    for i in range(n):
        born = start + timedelta(days=i % 15_000)
        jk = "P" if i % 2 else "L"
        village = villages[i % len(villages)]
        region = village.replace(".", "")[:6]
        nik = parsers.nik_for(born, jk, region=region, serial=i // 15_000 + 1)
        kk = f"{region}{i:010d}"
        yield (nik, kk, f"Warga {i}", jk, born.strftime("%d/%m/%Y"), village, i % 10 + 1)


def _timed(path: Path, url: str, kind: str) -> tuple[int, float]:
    t0 = time.perf_counter()
    result = importer.run(path, url=url, kind=kind, user="bench")
    seconds = time.perf_counter() - t0
    if result.exit_code != 0:
        raise RuntimeError(f"benchmark import of {kind} failed: {result.outcome}")
    return result.rows_written, seconds


def _record(scale: int, page: str, rows: int, seconds: float) -> dict:
    return {
        "scale": scale,
        "db": "sqlite",
        "page": page,
        "rows": rows,
        "seconds": round(seconds, 2),
        "rows_per_s": round(rows / seconds) if seconds else None,
    }


def run(scale_rows: int = 100_000, enrolment_rows: int = ENROLMENT_ROWS) -> list[dict]:
    """Import ``scale_rows`` registry rows, then ``enrolment_rows`` enrolments (into classes of 16
    imported first), each into a fresh SQLite database; one record per timed import."""
    enrolment_rows = min(enrolment_rows, scale_rows)
    with tempfile.TemporaryDirectory(prefix="pantau-bench-") as tmp:
        folder = Path(tmp)
        url = f"sqlite:///{folder / 'bench.db'}"
        analytics.ensure_ready(url)
        registry = _write(folder / "dtks.csv", "dtks", registry_rows(scale_rows))
        written, seconds = _timed(registry, url, "dtks")
        records = [_record(scale_rows, "import:dtks", written, seconds)]

        packages = [p["kode_paket"] for p in db.reference_packages()]
        n_classes = -(-enrolment_rows // 16)
        classes = [
            (f"B-{k:04d}", packages[k % len(packages)], 2023, k // len(packages) + 1,
             (date(2023, 1, 2) + timedelta(days=k % 300)).isoformat(),
             (date(2023, 2, 15) + timedelta(days=k % 300)).isoformat())
            for k in range(n_classes)
        ]  # fmt: skip
        _timed(_write(folder / "kelas.csv", "kelas", classes), url, "kelas")
        niks = (row[0] for row in registry_rows(enrolment_rows))
        enrolments = ((nik, f"B-{i // 16:04d}", "aktif") for i, nik in enumerate(niks))
        path = _write(folder / "peserta.csv", "peserta", enrolments)
        written, seconds = _timed(path, url, "peserta")
        records.append(_record(scale_rows, "import:peserta", written, seconds))
        db.get_engine(url).dispose()  # close the temporary database before it is removed
    return records


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    scale = int(argv[0]) if argv else 100_000
    print(f"{'impor':<16} {'baris':>9} {'detik':>8} {'baris/detik':>12}")
    for r in run(scale):
        print(f"{r['page']:<16} {r['rows']:>9,} {r['seconds']:>8.2f} {r['rows_per_s']:>12,}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
