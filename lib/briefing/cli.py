"""``python -m lib.cli briefing --out FILE.pdf|FILE.pptx [filters]``: the briefing deck as a file.

The suffix of ``--out`` decides the format; any other suffix is an unusable argument (exit 2).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lib.briefing import FORMATS, render, slides
from lib.core.filters import Filters
from lib.semantic import analytics


def run_briefing(args: argparse.Namespace, url: str, filters: Filters) -> int:
    out = Path(args.out)
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        print(
            f"Format berkas tidak dikenal: “{out.name}”. Gunakan akhiran .pdf atau .pptx.",
            file=sys.stderr,
        )
        return 2
    engine = analytics.ensure_ready(url)
    deck = slides.build(engine, filters, getattr(args, "lang", "id") or "id")
    data = render(deck, suffix)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as exc:
        print(f"Berkas {out} tidak dapat ditulis: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"Briefing ditulis ke {out} ({len(deck.slides)} slide; {deck.stamp}; {deck.as_of_text}).")
    return 0
