"""``python -m lib.cli import`` and ``template`` (wired in :mod:`lib.cli`).

Exit codes (README): 0 done (warnings allowed; also ``--partial`` with rejected rows),
1 rejected (report printed and written), 2 unusable file or arguments.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lib.core import audit
from lib.core.i18n import t
from lib.intake import importer, report, templates


def run_import(args: argparse.Namespace, url: str) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(t("imp.cli.no_file", file=str(path)), file=sys.stderr)
        return 2
    result = importer.run(
        path,
        url=url,
        kind=args.kind,
        partial=args.partial,
        dry_run=args.dry_run,
        user=getattr(args, "user", None) or audit.cli_user(),
        isolated=True,  # bounded memory and time whatever the file holds (lib.intake.sandbox)
    )
    stream = sys.stderr if result.exit_code == 2 else sys.stdout
    for line in report.summary_lines(result):
        print(line, file=stream)
    if result.fatal is None:
        try:
            written = report.write(result.issues, path)
        except OSError as exc:
            detail = exc.strerror or type(exc).__name__
            print(t("imp.cli.report_failed", folder=str(report.reports_dir()), detail=detail),
                  file=sys.stderr)  # fmt: skip
        else:
            print(t("imp.cli.report", path=str(written)), file=stream)
    return result.exit_code


def run_template(args: argparse.Namespace) -> int:
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        print(t("imp.cli.template_suffix", file=str(out)), file=sys.stderr)
        return 2
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(templates.template_bytes(args.kind, suffix))
    except OSError as exc:
        print(
            t("imp.cli.template_write", file=str(out), detail=exc.strerror or ""), file=sys.stderr
        )
        return 2
    print(t("imp.cli.template_done", kind=args.kind, file=str(out)))
    return 0
