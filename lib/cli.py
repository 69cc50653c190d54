"""Command line: ``python -m lib.cli COMMAND ... [--db URL]`` (README).

Commands: ``seed``, ``kpi``, ``import``, ``template``, ``briefing``. Every command given a database
without the schema first creates it and loads the reference data of ``data/``.
Exit codes: 0 done, 1 rejected (import), 2 unusable file, arguments or database (read-only,
locked, full, unreachable: said in one sentence on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import json
import sys

from lib.core import audit, config, db, dberrors
from lib.core.filters import PARAMS, Filters, load_reference, parse
from lib.semantic import analytics

KINDS = ("paket", "kelas", "dtks", "peserta", "tracer", "bantuan")


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # exit 2 with an Indonesian hint, as argparse does
        self.print_usage(sys.stderr)
        print(f"Kesalahan argumen: {message}", file=sys.stderr)
        raise SystemExit(2)


def _add_filters(p: argparse.ArgumentParser) -> None:
    for name in PARAMS:
        p.add_argument(f"--{name}", metavar="NILAI", help=f"filter {name} (nilai dipisah koma)")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m lib.cli", description="Pantau: baris perintah.")
    parser.add_argument(
        "--db", help="URL basis data SQLAlchemy (bawaan: DATABASE_URL atau data/pantau.db)"
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("seed", help="isi data demo sintetis")
    p.add_argument("--scale", type=int, default=1)
    p.add_argument("--seed", type=int, default=2022)
    p.add_argument("--if-empty", action="store_true", help="hanya bila basis data masih kosong")
    p.add_argument(
        "--first-start",
        action="store_true",
        help="aturan awal aplikasi: hanya basis data baru, SQLite (atau PANTAU_DEMO=1)",
    )
    p.add_argument("--replace", action="store_true", help="ganti juga data yang bukan demo")
    p.add_argument(
        "--confirm",
        action="store_true",
        help="konfirmasi: data nyata boleh diganti (dengan --replace)",
    )
    p.add_argument(
        "--skip-backup",
        action="store_true",
        help="jangan buat cadangan (hanya bila cadangan sudah dibuat sendiri)",
    )
    p.add_argument("--db", dest="db_sub", help=argparse.SUPPRESS)

    p = sub.add_parser("clear-demo", help="hapus data demo agar data nyata dapat diimpor")
    p.add_argument("--db", dest="db_sub", help=argparse.SUPPRESS)

    p = sub.add_parser("kpi", help="cetak indikator (bagian 4 spesifikasi)")
    _add_filters(p)
    p.add_argument("--json", action="store_true", help="keluaran JSON")
    p.add_argument("--db", dest="db_sub", help=argparse.SUPPRESS)

    p = sub.add_parser("import", help="impor berkas CSV/XLSX")
    p.add_argument("file")
    p.add_argument("--kind", required=True, choices=KINDS)
    p.add_argument("--partial", action="store_true", help="muat baris yang sah, karantina sisanya")
    p.add_argument("--dry-run", action="store_true", help="periksa saja, tidak menulis")
    p.add_argument("--user", default=None, help="nama pengimpor (bawaan: cli:<pengguna OS>)")
    p.add_argument("--db", dest="db_sub", help=argparse.SUPPRESS)

    p = sub.add_parser("template", help="tulis templat impor")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("--out", required=True)

    p = sub.add_parser("briefing", help="buat dek briefing PDF/PPTX atau ringkasan WhatsApp (.txt)")
    p.add_argument("--out", required=True, help="berkas .pdf, .pptx atau .txt (ringkasan WhatsApp)")
    p.add_argument(
        "--template", metavar="BERKAS.pptx", help="master PowerPoint Pemkab untuk berkas .pptx"
    )
    p.add_argument(
        "--exact",
        action="store_true",
        help="angka persis (untuk operator/admin); tanpa opsi ini berkas untuk pimpinan: angka "
        "kecil 1–4 orang/catatan ditampilkan <5 dan angka turunannya –",
    )
    _add_filters(p)
    p.add_argument("--lang", default="id", choices=("id", "en"))
    p.add_argument("--db", dest="db_sub", help=argparse.SUPPRESS)
    return parser


def filters_from_args(args: argparse.Namespace, url: str) -> tuple[Filters, list[str]]:
    raw = {name: getattr(args, name) for name in PARAMS if getattr(args, name, None)}
    engine = analytics.ensure_ready(url)
    return parse(raw, load_reference(url, db.data_version(engine)), strict=True)


def _refuse_filters(notices: list[str]) -> int:
    """Spec 7: on the command line an unknown filter value is an error (exit 2, message on
    stderr): a script must never receive unfiltered figures for a filter it asked."""
    for notice in notices:
        print(notice, file=sys.stderr)
    print(
        "Perintah dihentikan: nilai filter di atas tidak dikenal (lihat daftar kode di data/).",
        file=sys.stderr,
    )
    return 2


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    url = config.database_url(getattr(args, "db_sub", None) or args.db)
    try:
        return _run(args, url)
    except Exception as exc:
        if not dberrors.is_database_error(exc):
            raise
        # read-only, locked, full or unreachable: one sentence, never a traceback or SQL
        print(dberrors.message(exc, url), file=sys.stderr)
        return 2


def _run(args: argparse.Namespace, url: str) -> int:
    if args.command == "seed":
        return _seed(args, url)

    if args.command == "clear-demo":
        from lib.intake import demo

        try:
            summary = demo.clear(analytics.ensure_ready(url), who=audit.cli_user())
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return 2
        print(json.dumps(summary, ensure_ascii=False))
        return 0

    if args.command == "kpi":
        from lib.semantic import measures, query

        filters, notices = filters_from_args(args, url)
        if notices:
            return _refuse_filters(notices)
        values = query.indicators(db.get_engine(url), filters)
        if args.json:
            print(json.dumps(values, ensure_ascii=False))
        else:
            from lib.core import fmt

            for key, v in values.items():
                m = measures.get(key)
                print(f"{m.label:<28} {fmt.by_unit(m.unit, v)}")
        return 0

    if args.command == "import":
        from lib.intake.cli import run_import

        return run_import(args, url)

    if args.command == "template":
        from lib.intake.cli import run_template

        return run_template(args)

    if args.command == "briefing":
        from lib.briefing.cli import run_briefing

        filters, notices = filters_from_args(args, url)
        if notices:
            return _refuse_filters(notices)
        return run_briefing(args, url, filters)
    return 2


def _seed(args: argparse.Namespace, url: str) -> int:
    """``seed``: a demo never overwrites real data unless asked twice (``--replace --confirm``), and
    then only after a backup (``lib.core.backup``) or the operator's word that one exists."""
    from lib.core import backup
    from lib.intake import demo

    who = audit.cli_user()
    fresh = db.current_revision(db.get_engine(url)) is None
    if args.first_start and not demo.first_start_seeds(url, fresh):
        analytics.ensure_ready(url)
        print("Demo tidak dimuat: basis data sudah ada, atau bukan SQLite (PANTAU_DEMO=1 memaksa).")
        return 0
    engine = analytics.ensure_ready(url)
    if args.if_empty and not db.is_empty(engine):
        print("Basis data sudah berisi data; demo tidak dimuat ulang.")
        return 0
    with engine.connect() as conn:
        real = demo.real_data(conn)
    if real:
        if not (args.replace and args.confirm):
            print(
                f"Basis data berisi data nyata: {real}. Data demo tidak dimuat. Bila memang ingin "
                "menggantinya dengan data demo, ulangi dengan --replace --confirm (cadangan dibuat "
                "lebih dahulu).",
                file=sys.stderr,
            )
            return 2
        if args.skip_backup:
            audit.write(engine, audit.BACKUP, who=who, what="dilewati (--skip-backup)")
        else:
            try:
                path = backup.make(url)
            except backup.BackupUnavailable as exc:
                print(exc, file=sys.stderr)
                return 2
            audit.write(engine, audit.BACKUP, who=who, what=str(path))
            print(f"Cadangan dibuat: {path}", file=sys.stderr)
    try:
        summary = demo.seed(engine, scale=args.scale, seed=args.seed, replace=bool(real), who=who)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(json.dumps(summary, ensure_ascii=False, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
