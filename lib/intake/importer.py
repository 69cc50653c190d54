"""One import from file to database: read → validate rows → database rules → write or reject.

:func:`run` is what the CLI (``python -m lib.cli import``) and the ``/data`` page call. It returns an
:class:`ImportResult` with the counts, every issue, a preview of the first rows (NIK masked) and the
exit code (README, Command line): 0 done (warnings allowed; also ``--partial`` with rejected rows),
1 rejected, 2 unusable file or arguments.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from lib.core import audit, config, db
from lib.core.access import Access
from lib.intake import loader, reader, rules, schemas
from lib.intake.reader import UnusableFile
from lib.intake.report import Issue, cell_text
from lib.semantic import analytics

PREVIEW_ROWS = 10


@dataclass
class ImportResult:
    file_name: str
    kind: str | None
    mode: str  # semua / sebagian
    dry_run: bool
    outcome: str  # dimuat / ditolak / uji / gagal
    sha256: str | None = None
    rows_total: int = 0
    rows_valid: int = 0
    rows_written: int = 0
    rows_rejected: int = 0
    warnings: int = 0
    issues: list[Issue] = field(default_factory=list)
    preview: list[dict] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    import_id: int | None = None
    fatal: UnusableFile | None = None
    detected_kind: str | None = None
    clears_demo: bool = False  # the database is a demo that this import empties first

    @property
    def errors(self) -> list[Issue]:
        return [i for i in self.issues if i.level == "galat"]

    @property
    def exit_code(self) -> int:
        if self.fatal is not None:
            return 2
        if self.rows_rejected and self.mode != "sebagian":
            return 1
        return 0


def _preview(
    index: dict[str, int], sheet_rows: list[tuple[int, list]], engine, adult_age: int
) -> list[dict]:
    """The first rows as the page previews them: NIK/No. KK masked, well-formed or not; a birth
    date replaced by the age; minors flagged (from the registry when the file has no birth date)."""
    from lib.core import privacy

    raw = []
    for number, cells in sheet_rows[:PREVIEW_ROWS]:
        rec = {"baris": number}
        for column, i in index.items():
            rec[column] = cell_text(cells[i]) if i < len(cells) else None
        raw.append(rec)
    today = date.today()
    ages = None
    if raw and "nik" in index and "tanggal_lahir" not in index:
        births = _registry_births(engine, [str(r.get("nik") or "").strip() for r in raw])
        ages = [privacy.age_on(births.get(str(r.get("nik") or "").strip()), today) for r in raw]
    df = privacy.person_frame(raw, on=today, adult_age=adult_age, ages=ages)
    return df.astype(object).where(df.notna(), None).to_dict("records")


def _registry_births(engine, niks: list[str]) -> dict[str, date]:
    from sqlalchemy import select

    from lib.core.models import Person

    wanted = [n for n in niks if n]
    if not wanted:
        return {}
    with engine.connect() as conn:
        rows = conn.execute(
            select(Person.nik, Person.tanggal_lahir).where(Person.nik.in_(wanted))
        ).all()
    return {nik: born for nik, born in rows}


def run(
    source: bytes | str | Path,
    *,
    url: str,
    kind: str | None,
    file_name: str | None = None,
    partial: bool = False,
    dry_run: bool = False,
    user: str | Access = "cli",
    isolated: bool = False,
) -> ImportResult:
    """Import ``source`` (a path, or uploaded bytes named ``file_name``) as ``kind`` (``None``:
    detect it from the header). ``dry_run`` checks everything, the database rules included, and
    writes nothing. ``isolated`` reads the file in a worker process with a memory and time limit
    (:mod:`lib.intake.sandbox`; the web upload and the command line), so that a hostile file
    cannot take the server or the machine down. Database errors are raised (see :mod:`lib.core.dberrors`).

    ``user`` is who imports: the logged-in :class:`~lib.core.access.Access` on the ``/data`` page,
    ``cli:<os user>`` on the command line. Every import that is not a dry run is written to the
    audit log; the first one that writes rows into a demo database deletes the demo first."""
    settings = config.settings()
    engine = analytics.ensure_ready(url)
    who = user
    user = user.who if isinstance(user, Access) else user
    mode = "sebagian" if partial else "semua"
    name = file_name or (Path(source).name if isinstance(source, str | Path) else "unggahan")
    result = ImportResult(name, kind, mode, dry_run, "uji" if dry_run else "gagal")
    started = datetime.now().replace(microsecond=0)
    try:
        select = functools.partial(schemas.select, kind)
        if isolated:
            from lib.intake import sandbox

            sheet = sandbox.read(source, name, select=select)
        else:
            sheet = reader.read(source, name, select=select)
        result.sha256 = sheet.sha256
        result.detected_kind = sheet.selection.detected
        kind = result.kind = sheet.selection.kind
        index = schemas.column_index(kind, sheet.headers)  # the selected columns only
    except UnusableFile as exc:
        result.fatal = exc
        result.outcome = "gagal"
        if not dry_run:
            if result.sha256 is None and isinstance(source, bytes | bytearray):
                result.sha256 = reader.sha256(bytes(source))
            result.import_id = loader.log_unusable(
                engine, kind=kind, file_name=name, sha256=result.sha256, user=user, mode=mode
            )
            audit.write(engine, audit.IMPORT, who=who, what=f"{name} ({kind or '-'}): gagal")
        return result

    result.columns = [c for c in schemas.SPECS[kind].columns if c in index]
    result.preview = _preview(index, sheet.rows, engine, settings.usia_dewasa)
    rows = schemas.validate_rows(kind, index, sheet.rows, sheet.problems)
    sha = sheet.sha256
    del sheet  # the rows now hold the cells they need; the rest may go
    result.rows_total = len(rows)

    def tally() -> tuple[list, list]:
        valid = [r for r in rows if r.ok]
        rejected = [r for r in rows if not r.ok]
        result.rows_valid, result.rows_rejected = len(valid), len(rejected)
        result.issues = [i for r in rows for i in (*r.errors, *r.warnings)]
        result.warnings = sum(len(r.warnings) for r in rows)
        return valid, rejected

    if dry_run:
        with engine.connect() as conn:
            rules.check(kind, conn, rows, settings)
            result.clears_demo = db.get_meta(conn, "demo") == "1"
        tally()
        return result

    with loader.write_transaction(engine) as conn:
        rules.check(kind, conn, rows, settings)
        valid, rejected = tally()
        import_id = result.import_id = loader.start_log(
            conn, kind=kind, file_name=name, sha256=sha, user=user,
            started_at=started, mode=mode,
        )  # fmt: skip
        counts = {
            "rows_total": result.rows_total,
            "rows_rejected": len(rejected),
            "warnings": result.warnings,
        }
        what = f"{name} ({kind}): {len(valid)} sah, {len(rejected)} ditolak"
        if rejected and not partial:
            result.outcome = "ditolak"
            loader.finish_log(conn, import_id, outcome="ditolak", rows_written=0, **counts)
            audit.write(conn, audit.IMPORT, who=who, what=what + ", tidak dimuat")
            return result
        if valid and db.get_meta(conn, "demo") == "1":
            from lib.intake import demo

            result.clears_demo = demo.clear_before_first_import(conn, who)
        result.rows_written = loader.write_rows(conn, kind, valid, set(index))
        if rejected:
            loader.write_quarantine(conn, import_id, kind, rejected)
        loader.write_warnings(conn, import_id, kind, valid)
        loader.finish_log(
            conn, import_id, outcome="dimuat", rows_written=result.rows_written, **counts
        )
        audit.write(conn, audit.IMPORT, who=who, what=what + f", {result.rows_written} ditulis")
        analytics.refresh(conn)
    result.outcome = "dimuat"
    return result
