"""The briefing as a PowerPoint file (python-pptx): 16:9 slides with native, editable text boxes.

Text is set in Arial (present wherever PowerPoint runs); type sizes are fitted by measuring with a
metric-compatible font on this machine (:func:`lib.briefing.layout.sans_measure`), so the text
stays inside its box. Charts and the map are the PNG pictures of the deck. Every slide carries the
filter stamp and the data date in its footer.
"""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Inches, Pt

from lib.briefing import layout as L
from lib.briefing.slides import Deck, Slide, segments
from lib.core.i18n import t

FONT = "Arial"


def _measure(bold: bool = False) -> L.Measure:
    return L.sans_measure(bold)


def _rgb(colour: tuple[int, int, int]) -> RGBColor:
    return RGBColor(*colour)


def _textbox(slide, box: L.Box, *, anchor=MSO_ANCHOR.TOP):
    shape = slide.shapes.add_textbox(Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
    tf = shape.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
    tf.vertical_anchor = anchor
    return shape


def _style(run, size: float, bold: bool = False, colour=L.DARK) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = _rgb(colour)


def _paragraphs(
    slide,
    texts,
    box: L.Box,
    size: float,
    *,
    bold: bool = False,
    colour=L.DARK,
    bullet: str | None = None,
    align=PP_ALIGN.LEFT,
    anchor=MSO_ANCHOR.TOP,
):
    shape = _textbox(slide, box, anchor=anchor)
    tf = shape.text_frame
    for i, text in enumerate(texts):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.alignment = align
        p.line_spacing = L.LINE
        if i < len(texts) - 1:
            p.space_after = Pt(L.PARA * size)
        if bullet:
            run = p.add_run()
            run.text = bullet + "\u00a0"
            _style(run, size, True, L.BLUE)
        for piece, strong in segments(text) if bullet else [(text, False)]:
            run = p.add_run()
            run.text = piece
            _style(run, size, bold or strong, colour)
    return shape


def _one_line(slide, text: str, box: L.Box, size: float, minimum: float, **style):
    bold = style.get("bold", False)
    measure = _measure(bold)
    while size > minimum and measure(text, size) > box.w * 72:
        size -= 0.5
    return _paragraphs(
        slide, [text], box, size, bold=bold, colour=style.get("colour", L.DARK),
        align=style.get("align", PP_ALIGN.LEFT), anchor=style.get("anchor", MSO_ANCHOR.TOP),
    )  # fmt: skip


def _fit(texts, box: L.Box, sizes: tuple[float, float], bold: bool = False) -> float:
    return L.fit_size(list(texts), box, sizes[0], sizes[1], _measure(bold))


def _rect(slide, box: L.Box, colour, shape=MSO_SHAPE.RECTANGLE):
    r = slide.shapes.add_shape(shape, Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h))
    r.fill.solid()
    r.fill.fore_color.rgb = _rgb(colour)
    r.line.fill.background()
    r.shadow.inherit = False
    return r


def _footer(slide, deck: Deck, index: int) -> None:
    rule = slide.shapes.add_connector(
        1, Inches(L.MARGIN), Inches(L.FOOTER_RULE_Y), Inches(L.SLIDE_W - L.MARGIN),
        Inches(L.FOOTER_RULE_Y),
    )  # fmt: skip
    rule.line.color.rgb = _rgb(L.BLUE)
    rule.line.width = Pt(0.75)
    right = deck.page_label(index)
    if deck.demo:
        right = f"{t('brief.demo', deck.lang)} · {right}"
    right_w = _measure()(right, L.SIZES["footer"]) / 72 + 0.15
    _one_line(
        slide, right, L.Box(L.FOOTER.right - right_w, L.FOOTER.y, right_w, L.FOOTER.h),
        L.SIZES["footer"], 7, colour=L.RED if deck.demo else L.MUTED, align=PP_ALIGN.RIGHT,
    )  # fmt: skip
    left = L.Box(L.FOOTER.x, L.FOOTER.y, L.FOOTER.w - right_w - 0.3, L.FOOTER.h)
    _one_line(slide, deck.footer(index), left, L.SIZES["footer"], 6.5, colour=L.MUTED)


def _title_slide(slide, deck: Deck, s: Slide) -> None:
    _rect(slide, L.Box(0, 0, 0.35, L.SLIDE_H), L.BLUE)
    _one_line(
        slide, t("brief.kicker", deck.lang).upper(), L.T_KICKER, L.SIZES["t_kicker"], 12,
        bold=True, colour=L.BLUE,
    )  # fmt: skip
    size = _fit([s.title], L.T_TITLE, L.SIZES["t_title"], bold=True)
    _paragraphs(slide, [s.title], L.T_TITLE, size, bold=True)
    _one_line(slide, deck.organiser, L.T_ORG, L.SIZES["t_org"], 12, colour=L.MUTED)
    sentences = [L.keep_together(x) for x in s.sentences]
    size = _fit(sentences, L.T_SENTENCE, L.SIZES["t_sentence"])
    _paragraphs(slide, sentences, L.T_SENTENCE, size)
    _one_line(slide, deck.stamp, L.T_STAMP, L.SIZES["t_stamp"], 10)
    _one_line(slide, deck.as_of_text, L.T_DATE, L.SIZES["t_stamp"], 10, bold=True, colour=L.BLUE)
    if deck.demo:
        _one_line(slide, t("brief.demo", deck.lang), L.T_DEMO, 14, 10, bold=True, colour=L.RED)


def _content_slide(slide, deck: Deck, s: Slide) -> None:
    _rect(slide, L.BAND, L.BLUE)
    _one_line(slide, s.title, L.TITLE, L.SIZES["title"], 18, bold=True, colour=L.BLUE)
    sentences = [L.keep_together(x) for x in s.sentences]
    size = _fit(sentences, L.SENTENCES, L.SIZES["sentences"])
    _paragraphs(slide, sentences, L.SENTENCES, size)
    for box, metric in zip(L.tile_boxes(len(s.metrics)), s.metrics, strict=False):
        _rect(slide, box, L.TILE_BG)
        _rect(slide, L.Box(box.x, box.y, 0.06, box.h), L.BLUE)
        _one_line(
            slide, metric.value, L.Box(box.x + 0.2, box.y + 0.1, box.w - 0.3, box.h * 0.5),
            L.SIZES["tile_value"], 12, bold=True, colour=L.BLUE,
        )  # fmt: skip
        _one_line(
            slide, metric.label, L.Box(box.x + 0.2, box.y + box.h * 0.6, box.w - 0.3, box.h * 0.32),
            L.SIZES["tile_label"], 8, colour=L.MUTED,
        )  # fmt: skip
    if s.image:
        area = L.IMAGE if s.metrics else L.IMAGE_WIDE
        box = L.fit_image(area, *L.png_size(s.image))
        pic = slide.shapes.add_picture(
            io.BytesIO(s.image), Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h)
        )
        pic.name = s.image_alt or s.title
        pic._element.nvPicPr.cNvPr.set("descr", s.image_alt or s.title)
    if s.bullets:
        from lib.briefing.slides import plain

        bullets = [L.keep_together(b) for b in s.bullets]
        texts = [plain(b) for b in bullets]
        box = L.Box(0, 0, L.BULLETS.w - 0.35, L.BULLETS.h)
        size = L.fit_size(texts, box, *L.SIZES["bullets"], _measure(True))
        _paragraphs(slide, bullets, L.BULLETS, size, bullet="•")


CORE_TEXT_MAX = 255  # python-pptx refuses longer core properties (title, subject …)


def _core_text(text: str, limit: int = CORE_TEXT_MAX) -> str:
    """A document property cut to its limit with "…" (seven long package names in the filter
    made the title too long and the whole deck failed)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render(deck: Deck) -> bytes:
    """The .pptx bytes of ``deck``."""
    prs = Presentation()
    prs.slide_width = Inches(L.SLIDE_W)
    prs.slide_height = Inches(L.SLIDE_H)
    blank = prs.slide_layouts[6]
    core = prs.core_properties
    core.title = _core_text(f"{deck.programme} – {deck.description}")
    core.author = "Pantau"
    core.subject = _core_text(f"{deck.stamp} · {deck.as_of_text}")
    core.language = "id-ID" if deck.lang == "id" else "en-US"
    for i, s in enumerate(deck.slides):
        slide = prs.slides.add_slide(blank)
        if s.key == "judul":
            _title_slide(slide, deck, s)
        else:
            _content_slide(slide, deck, s)
        _footer(slide, deck, i)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
