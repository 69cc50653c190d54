"""``python -m lib.cli briefing --out FILE.pdf|FILE.pptx|FILE.txt [--template MASTER.pptx] [filters]``.

The suffix of ``--out`` decides the format: the deck as PDF or PowerPoint (on the regency's master
with ``--template``), or ``.txt``, the WhatsApp summary. Any other suffix, or a template that is
not a readable PowerPoint file, is an unusable argument (exit 2).

The files go to leadership, so small counts are hidden by default (``<5``, ``–``, ``×``, as the
pages show them to a pimpinan; docs/indicators.md); ``--exact`` writes exact figures (for operators
and admins). ``kpi`` always prints exact figures.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from zipfile import BadZipFile

from pptx.exc import PackageNotFoundError

from lib.briefing import FORMATS, render, slides, store
from lib.core import db
from lib.core.filters import Filters
from lib.semantic import analytics


def run_briefing(args: argparse.Namespace, url: str, filters: Filters) -> int:
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        print(
            f"Format berkas tidak dikenal: “{out.name}”. Gunakan akhiran .pdf, .pptx atau .txt.",
            file=sys.stderr,
        )
        return 2
    template = getattr(args, "template", None)
    if template and not Path(template).is_file():
        print(f"Templat PowerPoint {template} tidak ditemukan.", file=sys.stderr)
        return 2
    engine = analytics.ensure_ready(url)
    lang = getattr(args, "lang", "id") or "id"
    exact = bool(getattr(args, "exact", False))
    # The deck kept on disk (lib.briefing.store); a PDF's is the /briefing page's.
    deck = store.deck(
        url, db.data_version(engine), filters, lang, exact=exact, as_of=db.data_as_of(engine),
        images={".txt": "none", ".pdf": "all"}.get(suffix, "map"), db_id=db.database_id(engine),
        build=lambda: slides.build(
            engine, filters, lang, with_images=suffix != ".txt", chart_images=suffix == ".pdf",
            exact=exact,
        ),
    )  # fmt: skip
    try:
        data = render(deck, suffix, template=template if suffix == ".pptx" else None)
    except (ValueError, KeyError, OSError, BadZipFile, PackageNotFoundError) as exc:
        # not a PowerPoint file, or a master without a title layout
        print(f"Templat PowerPoint {template} tidak dapat dipakai: {exc}", file=sys.stderr)
        return 2
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as exc:
        print(f"Berkas {out} tidak dapat ditulis: {exc.strerror or exc}", file=sys.stderr)
        return 2
    if suffix == ".txt":
        print(f"Ringkasan ditulis ke {out} ({len(deck.summary)} karakter; {deck.as_of_text}).")
    else:
        print(
            f"Briefing ditulis ke {out} ({len(deck.slides)} slide; {deck.stamp}; "
            f"{deck.as_of_text})."
        )
    return 0
