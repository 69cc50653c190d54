"""The briefing: presentation slides and the PDF/PPTX deck for the current filters (``/briefing``).

:func:`lib.briefing.slides.build` turns the database and the filters into a :class:`Deck` of
slides (figures, sentences, pictures); :mod:`lib.briefing.pdf` and :mod:`lib.briefing.pptx` render
that same deck, and the page shows it. :func:`render` picks the format by name.
"""

from __future__ import annotations

FORMATS = {
    ".pdf": "application/pdf",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def render(deck, suffix: str) -> bytes:
    """``deck`` as ``.pdf`` or ``.pptx`` bytes."""
    if suffix == ".pdf":
        from lib.briefing import pdf

        return pdf.render(deck)
    if suffix == ".pptx":
        from lib.briefing import pptx

        return pptx.render(deck)
    raise ValueError(suffix)
