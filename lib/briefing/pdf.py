"""The briefing as a PDF (fpdf2): one 16:9 landscape page per slide, text selectable and searchable.

The text is set in DejaVu Sans, embedded from the system fonts (Debian's ``fonts-dejavu-core``),
so Indonesian text and symbols print as they are. Without that font the PDF falls back to the core
Helvetica font and replaces characters outside Latin-1 (dashes, quotes, ellipsis). Charts and the
map are the PNG images of the deck. Every page carries the filter stamp and the data date.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from lib.briefing import layout as L
from lib.briefing.slides import Deck, Slide, plain
from lib.core.i18n import t

FONT_REGULAR = L.DEJAVU_DIR / "DejaVuSans.ttf"
FONT_BOLD = L.DEJAVU_DIR / "DejaVuSans-Bold.ttf"
FAMILY = "DejaVu"

_LATIN1 = str.maketrans(
    {
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2026": "...",
        "\u2022": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2264": "<=",
        "\u2265": ">=",
    }
)


def sanitise_latin1(text: str) -> str:
    """Text that the core PDF fonts can print: common punctuation mapped, the rest as ``?``."""
    return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")


class _Doc(FPDF):
    def __init__(self, unicode_font: bool) -> None:
        super().__init__(orientation="L", unit="in", format=(L.SLIDE_H, L.SLIDE_W))
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.set_compression(True)
        self.unicode_font = unicode_font
        if unicode_font:
            self.add_font(FAMILY, "", str(FONT_REGULAR))
            self.add_font(FAMILY, "B", str(FONT_BOLD))
            self.family_name = FAMILY
        else:
            self.family_name = "Helvetica"

    def txt(self, text: str) -> str:
        return text if self.unicode_font else sanitise_latin1(text)

    def use(self, size: float, bold: bool = False, colour=L.DARK) -> None:
        self.set_font(self.family_name, "B" if bold else "", size)
        self.set_text_color(*colour)

    def lines(self, text: str, width: float, size: float, markdown: bool = False) -> int:
        self.set_font_size(size)
        out = self.multi_cell(
            width,
            size * L.LINE / 72,
            self.txt(text),
            dry_run=True,
            output="LINES",
            markdown=markdown,
        )
        return max(1, len(out))

    def fit(self, paragraphs, box: L.Box, start: float, minimum: float, markdown=False) -> float:
        size = start
        while size > minimum:
            lines = sum(self.lines(p, box.w, size, markdown) for p in paragraphs)
            height = (lines * L.LINE * size + (len(paragraphs) - 1) * L.PARA * size) / 72
            if height <= box.h:
                return size
            size -= 0.5
        return minimum

    def paragraphs(
        self,
        paragraphs,
        box: L.Box,
        size: float,
        *,
        bold: bool = False,
        colour=L.DARK,
        markdown: bool = False,
        bullet: str | None = None,
    ) -> None:
        self.use(size, bold, colour)
        y = box.y
        indent = 0.32 if bullet else 0.0
        for text in paragraphs:
            if bullet:
                self.set_xy(box.x, y)
                self.set_text_color(*L.BLUE)
                self.cell(indent, size * L.LINE / 72, self.txt(bullet))
                self.set_text_color(*colour)
            self.set_xy(box.x + indent, y)
            self.multi_cell(
                box.w - indent,
                size * L.LINE / 72,
                self.txt(text),
                align="L",
                markdown=markdown,
                new_x=XPos.LEFT,
                new_y=YPos.NEXT,
            )
            y = self.get_y() + L.PARA * size / 72

    def one_line(self, text: str, box: L.Box, size: float, minimum: float, **style) -> None:
        """``text`` on one line in ``box``, shrunk to fit its width (down to ``minimum``)."""
        bold = style.get("bold", False)
        self.use(size, bold, style.get("colour", L.DARK))
        text = self.txt(text)
        while size > minimum and self.get_string_width(text) > box.w:
            size -= 0.5
            self.set_font_size(size)
        self.set_xy(box.x, box.y)
        self.cell(box.w, box.h, text, align=style.get("align", "L"))


def _footer(pdf: _Doc, deck: Deck, index: int) -> None:
    pdf.set_draw_color(*L.BLUE)
    pdf.set_line_width(0.01)
    pdf.line(L.MARGIN, L.FOOTER_RULE_Y, L.SLIDE_W - L.MARGIN, L.FOOTER_RULE_Y)
    right = deck.page_label(index)
    if deck.demo:
        right = f"{t('brief.demo', deck.lang)} · {right}"
    pdf.use(L.SIZES["footer"], colour=L.RED if deck.demo else L.MUTED)
    right_w = pdf.get_string_width(pdf.txt(right)) + 0.1
    pdf.set_xy(L.FOOTER.right - right_w, L.FOOTER.y)
    pdf.cell(right_w, L.FOOTER.h, pdf.txt(right), align="R")
    left = L.Box(L.FOOTER.x, L.FOOTER.y, L.FOOTER.w - right_w - 0.3, L.FOOTER.h)
    pdf.one_line(deck.footer(index), left, L.SIZES["footer"], 6.5, colour=L.MUTED)


def _band(pdf: _Doc) -> None:
    pdf.set_fill_color(*L.BLUE)
    pdf.rect(L.BAND.x, L.BAND.y, L.BAND.w, L.BAND.h, style="F")


def _title_slide(pdf: _Doc, deck: Deck, slide: Slide) -> None:
    pdf.set_fill_color(*L.BLUE)
    pdf.rect(0, 0, 0.35, L.SLIDE_H, style="F")
    pdf.one_line(
        t("brief.kicker", deck.lang).upper(), L.T_KICKER, L.SIZES["t_kicker"], 12, bold=True,
        colour=L.BLUE,
    )  # fmt: skip
    start, minimum = L.SIZES["t_title"]
    size = pdf.fit([slide.title], L.T_TITLE, start, minimum)
    pdf.paragraphs([slide.title], L.T_TITLE, size, bold=True)
    pdf.one_line(deck.organiser, L.T_ORG, L.SIZES["t_org"], 12, colour=L.MUTED)
    start, minimum = L.SIZES["t_sentence"]
    sentences = [L.keep_together(x) for x in slide.sentences]
    size = pdf.fit(sentences, L.T_SENTENCE, start, minimum)
    pdf.paragraphs(sentences, L.T_SENTENCE, size)
    pdf.one_line(deck.stamp, L.T_STAMP, L.SIZES["t_stamp"], 10)
    pdf.one_line(deck.as_of_text, L.T_DATE, L.SIZES["t_stamp"], 10, bold=True, colour=L.BLUE)
    if deck.demo:
        pdf.one_line(t("brief.demo", deck.lang), L.T_DEMO, 14, 10, bold=True, colour=L.RED)


def _tiles(pdf: _Doc, slide: Slide) -> None:
    for box, metric in zip(L.tile_boxes(len(slide.metrics)), slide.metrics, strict=False):
        pdf.set_fill_color(*L.TILE_BG)
        pdf.rect(box.x, box.y, box.w, box.h, style="F", round_corners=True, corner_radius=0.06)
        pdf.set_fill_color(*L.BLUE)
        pdf.rect(box.x, box.y, 0.06, box.h, style="F")
        inner = L.Box(box.x + 0.2, box.y + 0.08, box.w - 0.3, box.h * 0.55)
        pdf.one_line(metric.value, inner, L.SIZES["tile_value"], 12, bold=True, colour=L.BLUE)
        label = L.Box(box.x + 0.2, box.y + box.h * 0.6, box.w - 0.3, box.h * 0.32)
        pdf.one_line(metric.label, label, L.SIZES["tile_label"], 8, colour=L.MUTED)


def _content_slide(pdf: _Doc, deck: Deck, slide: Slide) -> None:
    _band(pdf)
    start, minimum = L.SIZES["title"]
    pdf.use(start, True, L.BLUE)
    size = pdf.fit([slide.title], L.TITLE, start, minimum)
    pdf.paragraphs([slide.title], L.TITLE, size, bold=True, colour=L.BLUE)
    pdf.use(size)
    start, minimum = L.SIZES["sentences"]
    sentences = [L.keep_together(x) for x in slide.sentences]
    size = pdf.fit(sentences, L.SENTENCES, start, minimum)
    pdf.paragraphs(sentences, L.SENTENCES, size)
    if slide.metrics:
        _tiles(pdf, slide)
    if slide.image:
        area = L.IMAGE if slide.metrics else L.IMAGE_WIDE
        box = L.fit_image(area, *L.png_size(slide.image))
        pdf.image(
            io.BytesIO(slide.image), x=box.x, y=box.y, w=box.w, h=box.h,
            alt_text=pdf.txt(slide.image_alt),
        )  # fmt: skip
    if slide.bullets:
        where = L.SIDE_BULLETS if slide.metrics else L.BULLETS
        start, minimum = L.SIZES["bullets"]
        bullets = [L.keep_together(b if pdf.unicode_font else plain(b)) for b in slide.bullets]
        pdf.use(start)
        size = pdf.fit(bullets, L.Box(0, 0, where.w - 0.32, where.h), start, minimum, True)
        pdf.paragraphs(bullets, where, size, markdown=pdf.unicode_font, bullet="•")
    if slide.footnote:
        pdf.one_line(slide.footnote, L.FOOTNOTE, *L.SIZES["footnote"], colour=L.MUTED)


def render(deck: Deck, *, unicode_font: bool | None = None) -> bytes:
    """The PDF bytes of ``deck``. ``unicode_font=None``: DejaVu Sans when installed."""
    if unicode_font is None:
        unicode_font = FONT_REGULAR.is_file() and FONT_BOLD.is_file()
    pdf = _Doc(unicode_font)
    pdf.set_title(pdf.txt(f"{deck.programme} – {deck.description}"))
    pdf.set_author("Pantau")
    pdf.set_subject(pdf.txt(f"{deck.stamp} · {deck.as_of_text}"))
    pdf.set_lang("id-ID" if deck.lang == "id" else "en-US")
    pdf.set_creator("Pantau")
    pdf.set_creation_date(datetime.now(UTC))
    for i, slide in enumerate(deck.slides):
        pdf.add_page()
        if slide.key == "judul":
            _title_slide(pdf, deck, slide)
        else:
            _content_slide(pdf, deck, slide)
        _footer(pdf, deck, i)
    return bytes(pdf.output())
