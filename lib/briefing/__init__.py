"""The briefing: presentation slides, the PDF/PPTX deck and the WhatsApp text of the filters.

:func:`lib.briefing.slides.build` turns the database and the filters into a :class:`Deck` of
slides (figures, sentences, pictures); :mod:`lib.briefing.pdf` and :mod:`lib.briefing.pptx` render
that same deck, and the page shows it. :func:`render` picks the format by name.
"""

from __future__ import annotations

FORMATS = {
    ".pdf": "application/pdf",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    ".txt": "text/plain; charset=utf-8",
}


def render(deck, suffix: str, *, template=None) -> bytes:
    """``deck`` as ``.pdf``, ``.pptx`` (``template``: the regency's .pptx master) or ``.txt``
    (the WhatsApp summary) bytes."""
    if suffix == ".pdf":
        from lib.briefing import pdf

        return pdf.render(deck)
    if suffix == ".pptx":
        from lib.briefing import pptx

        return pptx.render(deck, template)
    if suffix == ".txt":
        return deck.summary.encode("utf-8")
    raise ValueError(suffix)
