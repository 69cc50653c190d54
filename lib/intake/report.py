"""The validation report: one :class:`Issue` per problem (row, column, value, message), a readable
summary for the terminal and a CSV written next to the imported file.

Messages live in the text catalogue (``lib/i18n/intake.py``, ``imp.msg.<code>``) and are
Indonesian by default. NIK and No. KK values are masked wherever the report is shown or offered
for download (UU PDP 27/2022), well-formed or not, and birth dates are hidden; the row number finds
the value in the operator's own file.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lib.core import fmt, privacy
from lib.core.i18n import t

ERROR, WARNING = "galat", "peringatan"
IDENTITY_COLUMNS = privacy.IDENTITY_COLUMNS


@dataclass(slots=True)
class Issue:
    """One error (the row is rejected) or warning (stored, shown on the data-quality page)."""

    row: int | None
    column: str | None
    value: str | None
    code: str
    level: str = ERROR
    params: dict = field(default_factory=dict)

    def message(self, lang: str = "id") -> str:
        return t(f"imp.msg.{self.code}", lang, **self.params)

    def shown_value(self) -> str:
        """The value as the report shows it: every NIK/No. KK value masked (also a malformed one),
        a birth date hidden (beside a masked NIK it would give the NIK away), NIK-like digits in
        any other column masked."""
        if self.value is None:
            return ""
        return privacy.mask_identity_value(self.column, self.value) or ""


def cell_text(value) -> str | None:
    """A raw cell as report text (dates without a midnight time)."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        text = value.isoformat(sep=" ") if hasattr(value, "hour") else value.isoformat()
        return text.removesuffix(" 00:00:00")
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


REPORT_COLUMNS = ("baris", "kolom", "nilai", "tingkat", "kode", "pesan")


def _ordered(issues: list[Issue]) -> list[Issue]:
    return sorted(issues, key=lambda i: (i.row or 0, i.level != ERROR))


def _row(i: Issue, lang: str) -> dict:
    return {
        "baris": i.row,
        "kolom": i.column or "",
        "nilai": i.shown_value(),
        "tingkat": t(f"imp.level.{i.level}", lang),
        "kode": i.code,
        "pesan": fmt.mask_identity_runs(i.message(lang)),
    }


def rows(issues: list[Issue], lang: str = "id") -> list[dict]:
    """The report as rows (NIK masked), in the order of the spreadsheet."""
    return [_row(i, lang) for i in _ordered(issues)]


def frame(issues: list[Issue], lang: str = "id"):
    """The report as a table with headers in ``lang`` (``imp.rep.<column>``)."""
    import pandas as pd

    df = pd.DataFrame(rows(issues, lang), columns=list(REPORT_COLUMNS))
    return df.rename(columns={c: t(f"imp.rep.{c}", lang) for c in REPORT_COLUMNS})


def _write_csv(issues: list[Issue], fh, lang: str) -> None:
    """The report as CSV into the text stream ``fh``, one issue at a time (a report of a million
    issues never exists as one table in memory); formula-looking text is neutralised."""
    import csv

    from lib.render.export import neutralise

    out = csv.writer(fh, lineterminator="\n")
    out.writerow(neutralise(t(f"imp.rep.{c}", lang)) for c in REPORT_COLUMNS)
    for issue in _ordered(issues):
        out.writerow(neutralise(v) for v in _row(issue, lang).values())


def csv_bytes(issues: list[Issue], lang: str = "id") -> bytes:
    """The report as CSV (UTF-8 with BOM, formula-looking text neutralised)."""
    import io

    buf = io.StringIO()
    _write_csv(issues, buf, lang)
    return buf.getvalue().encode("utf-8-sig")


def report_path(source: Path) -> Path:
    """Where the report goes by default: next to the file (``data.csv`` → ``data.laporan.csv``)."""
    return source.with_name(f"{source.stem}.laporan.csv")


def write(issues: list[Issue], source: Path) -> Path:
    """Write the report next to ``source`` when that folder is writable, else into the reports
    folder (:func:`reports_dir`); returns where it went."""
    target = report_path(source)
    try:
        _write_file(issues, target)
    except OSError:
        folder = reports_dir()
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / target.name
        _write_file(issues, target)
    return target


def reports_dir() -> Path:
    """The folder for reports that cannot go next to their file: ``PANTAU_REPORT_DIR``, else
    ``pantau-laporan`` in the user's home folder (the temporary folder if there is no home)."""
    import os
    import tempfile

    configured = os.environ.get("PANTAU_REPORT_DIR")
    if configured:
        return Path(configured)
    try:
        home = Path.home()
    except (KeyError, RuntimeError):
        home = Path(tempfile.gettempdir())
    return home / "pantau-laporan"


def _write_file(issues: list[Issue], target: Path) -> None:
    with target.open("w", encoding="utf-8-sig", newline="") as fh:
        _write_csv(issues, fh, "id")


def summary_lines(result, limit: int = 40, lang: str = "id") -> list[str]:
    """A readable summary of an :class:`~lib.intake.importer.ImportResult` for the terminal."""
    tr = lambda key, **v: t(key, lang, **v)  # noqa: E731
    if result.fatal is not None:
        return [tr("imp.cli.unusable", file=result.file_name, reason=result.fatal.message(lang))]
    lines = [
        tr(
            "imp.cli.head",
            file=result.file_name,
            kind=result.kind,
            total=fmt.number(result.rows_total),
            valid=fmt.number(result.rows_valid),
            rejected=fmt.number(result.rows_rejected),
            warnings=fmt.number(result.warnings),
        ),
        tr(f"imp.outcome.{result.outcome}", written=fmt.number(result.rows_written)),
    ]
    if result.issues:
        counts = Counter((i.level, i.code) for i in result.issues)
        lines.append(tr("imp.cli.by_kind"))
        for (level, code), n in counts.most_common():
            label = tr(f"imp.level.{level}")
            lines.append(f"  {fmt.number(n):>7} × {label}: {tr(f'imp.code.{code}')}")
        lines.append(tr("imp.cli.details"))
        for row in rows(_ordered(result.issues)[:limit], lang):
            where = tr("imp.cli.where", row=row["baris"] or "-", column=row["kolom"] or "-")
            value = f" «{row['nilai']}»" if row["nilai"] else ""
            lines.append(f"  [{row['tingkat']}] {where}{value}: {row['pesan']}")
        if len(result.issues) > limit:
            lines.append(tr("imp.cli.more", n=fmt.number(len(result.issues) - limit)))
    return lines
