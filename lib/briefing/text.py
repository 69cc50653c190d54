"""The briefing as a WhatsApp message: ``briefing --out FILE.txt`` and "Salin ringkasan" on /briefing.

Leadership in Indonesia shares updates on WhatsApp, so the deck's summary also exists as plain text
in WhatsApp's formatting (``*tebal*``): the headline (the summary slide's conclusion title), the
programme's participants against the quota, two more figures, the main gaps, the filter and the
data date written out. Every figure is the deck's own (the summary slide's metrics and bullets and
the same semantic results), so nothing is computed twice. At most :data:`MAX_CHARS` characters:
gaps are dropped from the end until it fits.

Text from the data (area and package names, the filter description) cannot switch WhatsApp
formatting on or off: its ``*``, ``_``, ``~`` and backticks are replaced by look-alikes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lib.briefing.privacy import EXACT, Privacy
from lib.core import fmt
from lib.core.i18n import t

if TYPE_CHECKING:  # pragma: no cover
    from lib.briefing.slides import Deck

MAX_CHARS = 1500
_NEUTRAL = str.maketrans({"*": "∗", "_": " ", "~": "∼", "`": "'"})


def neutral(text: str) -> str:
    """``text`` with WhatsApp's formatting characters replaced (for text from the data)."""
    return str(text).translate(_NEUTRAL)


def _bold_segments(text: str) -> str:
    """A deck bullet (``**bold**`` spans around data text) as WhatsApp text (``*bold*``)."""
    from lib.briefing.slides import segments

    out = []
    for piece, strong in segments(text):
        piece = neutral(piece)
        out.append(f"*{piece.strip()}*" + (" " if piece.endswith(" ") else "") if strong else piece)
    return "".join(out)


def whatsapp(
    deck: Deck, st, share, values: dict, lang: str = "id", *, privacy: Privacy = EXACT
) -> str:
    """The message for ``deck`` (``st``: ``decisions.status``; ``share``: ``decisions.fair_share``;
    ``values``: the deck's indicators). For a leadership viewer (``privacy``) small counts read
    ``<5`` and figures over them ``–``, as on the deck, with a one-line footnote."""
    summary = next(s for s in deck.slides if s.key == "ringkasan")
    p = privacy
    p.reset()
    n = lambda v: p.count(v, lang)  # noqa: E731
    head = [
        t("wa.head", lang, programme=neutral(deck.programme)),
        f"*{neutral(summary.title)}*",
        "",
        t(
            "wa.status",
            lang,
            peserta=n(st.peserta),
            kuota=n(st.kuota),
            persen=p.pct(st.persen_kuota, st.peserta, lang),
            akhir=fmt.tanggal(st.tanggal_selesai, lang),
        ),  # fmt: skip
    ]
    if not share.scope.regency_wide:
        head.append(
            t(
                "wa.scope",
                lang,
                peserta=n(share.peserta),
                porsi=p.pct(share.porsi_kuota, share.peserta, lang),
            )  # fmt: skip
        )
    head.append(
        t(
            "wa.penempatan",
            lang,
            persen=p.pct(values.get("persen_penempatan"), values.get("selesai"), lang),
            selesai=n(values.get("selesai")),
        )  # fmt: skip
    )
    from lib.briefing.narrative import money

    head.append(
        t(
            "wa.kur",
            lang,
            n=n(values.get("kur_disetujui")),
            rp=p.derived(money(values.get("kur_nilai_rp"), lang), values.get("kur_disetujui")),
        )
    )
    tail = [
        "",
        t("wa.filter", lang, desc=neutral(deck.description)),
        neutral(deck.as_of_text),
    ]
    gaps = [f"• {_bold_segments(b)}" for b in summary.bullets]
    marker = p.marker
    if p.reset() or any(marker in g for g in gaps):  # the footnote, before the filter and date
        tail.insert(1, t("brief.supresi.wa", lang, small=marker, n=p.threshold))
    while True:
        body = head + (["", t("wa.gaps", lang), *gaps] if gaps else []) + tail
        text = "\n".join(body)
        if len(text) <= MAX_CHARS or not gaps:
            break
        gaps.pop()
    if len(text) > MAX_CHARS:  # a very long filter description: shorten it, keep the date
        over = len(text) - MAX_CHARS + 1
        desc = neutral(deck.description)
        tail[-2] = t("wa.filter", lang, desc=desc[: max(0, len(desc) - over)] + "…")
        text = "\n".join(head + tail)
    return text
