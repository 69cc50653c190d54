"""The briefing as an editable PowerPoint file (python-pptx), on the default or the regency's master.

Every slide uses a layout with a title placeholder (the outline view lists the conclusions; a
Pemkab template restyles them): the cover the template's title layout, the others its "title
only" layout. Charts are native PowerPoint charts (:class:`lib.briefing.slides.Chart`: the same
data and the registry's palette as the pages), so staff can edit them; only the map is a picture.
Every slide after the cover carries speaker notes (figures, definitions, data date).

Text is set in Arial (present wherever PowerPoint runs) unless a template is given (then the
theme's fonts apply); type sizes are fitted by measuring with a metric-compatible font on this
machine (:func:`lib.briefing.layout.sans_measure`), so the text stays inside its box. Every slide
carries the filter stamp and the data date in its footer.
"""

from __future__ import annotations

import io
from pathlib import Path

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Inches, Pt

from lib.briefing import layout as L
from lib.briefing.slides import Chart, Deck, Slide, plain, segments
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


TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)


def _hex(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _title(slide, text: str, box: L.Box, sizes: tuple[float, float], *, colour, themed: bool):
    """The slide's title placeholder, placed in ``box`` with ``text`` fitted to it."""
    ph = slide.shapes.title
    ph.left, ph.top, ph.width, ph.height = (
        Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h),
    )  # fmt: skip
    tf = ph.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE
    tf.margin_left = tf.margin_right = tf.margin_top = tf.margin_bottom = 0
    tf.vertical_anchor = MSO_ANCHOR.TOP
    size = _fit([text], box, sizes, bold=True)
    tf.text = ""
    p = tf.paragraphs[0]
    p.alignment = PP_ALIGN.LEFT
    p.line_spacing = L.LINE
    run = p.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = True
    if not themed:
        run.font.name = FONT
        run.font.color.rgb = _rgb(colour)
    return ph


def _drop_other_placeholders(slide) -> None:
    for ph in list(slide.placeholders):
        if ph.placeholder_format.type not in TITLE_TYPES:
            ph._element.getparent().remove(ph._element)


def _title_slide(slide, deck: Deck, s: Slide, themed: bool) -> None:
    _drop_other_placeholders(slide)
    if not themed:
        _rect(slide, L.Box(0, 0, 0.35, L.SLIDE_H), L.BLUE)
    _one_line(
        slide, t("brief.kicker", deck.lang).upper(), L.T_KICKER, L.SIZES["t_kicker"], 12,
        bold=True, colour=L.BLUE,
    )  # fmt: skip
    _title(slide, s.title, L.T_TITLE, L.SIZES["t_title"], colour=L.DARK, themed=themed)
    _one_line(slide, deck.organiser, L.T_ORG, L.SIZES["t_org"], 12, colour=L.MUTED)
    sentences = [L.keep_together(x) for x in s.sentences]
    size = _fit(sentences, L.T_SENTENCE, L.SIZES["t_sentence"])
    _paragraphs(slide, sentences, L.T_SENTENCE, size)
    _one_line(slide, deck.stamp, L.T_STAMP, L.SIZES["t_stamp"], 10)
    _one_line(slide, deck.as_of_text, L.T_DATE, L.SIZES["t_stamp"], 10, bold=True, colour=L.BLUE)
    if deck.demo:
        _one_line(slide, t("brief.demo", deck.lang), L.T_DEMO, 14, 10, bold=True, colour=L.RED)


def _number_format(chart: Chart) -> str:
    return '0.0"%"' if chart.unit == "persen" else "#,##0"


def _native_chart(slide, chart: Chart, box: L.Box) -> None:
    """``chart`` as a PowerPoint chart object (editable, data in the embedded workbook)."""
    data = CategoryChartData(number_format=_number_format(chart))
    data.categories = list(chart.categories)
    for se in chart.series:
        data.add_series(se.name, list(se.values))
    kind = {
        "bar": XL_CHART_TYPE.BAR_CLUSTERED,
        "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
        "line": XL_CHART_TYPE.LINE,
    }[chart.kind]
    frame = slide.shapes.add_chart(
        kind, Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h), data
    )
    frame.name = chart.title
    c = frame.chart
    c.font.size = Pt(11)
    c.font.name = FONT
    c.has_title = True
    c.chart_title.text_frame.text = chart.title
    title_font = c.chart_title.text_frame.paragraphs[0].runs[0].font
    title_font.size, title_font.bold = Pt(13), True
    multi = len(chart.series) > 1
    c.has_legend = multi
    if multi:
        c.legend.position = XL_LEGEND_POSITION.BOTTOM
        c.legend.include_in_layout = False
    va = c.value_axis
    va.has_major_gridlines = True
    va.major_gridlines.format.line.color.rgb = RGBColor(0xE6, 0xE6, 0xE6)
    va.tick_labels.number_format = _number_format(chart)
    va.tick_labels.number_format_is_linked = False
    va.format.line.fill.background()
    if chart.kind == "bar":
        c.category_axis.reverse_order = True  # first category on top, as on the page
    if chart.kind == "line":
        c.category_axis.tick_labels.font.size = Pt(10)
    for i, se in enumerate(chart.series):
        series = c.plots[0].series[i]
        if chart.kind == "line":
            series.smooth = False
            line = series.format.line
            line.color.rgb = _hex(se.colour)
            line.width = Pt(2.5)
            if se.dashed:
                line.dash_style = MSO_LINE_DASH_STYLE.DASH
            series.marker.style = XL_MARKER_STYLE.NONE
            continue
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = _hex(se.colour)
        if chart.point_colours and not multi:
            for j, colour in enumerate(chart.point_colours):
                point = series.points[j]
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = _hex(colour)
    if chart.kind != "line":
        plot = c.plots[0]
        plot.gap_width = 60
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = _number_format(chart)
        labels.number_format_is_linked = False
        labels.font.size = Pt(10)
        labels.position = XL_LABEL_POSITION.OUTSIDE_END


def _content_slide(slide, deck: Deck, s: Slide, themed: bool) -> None:
    _drop_other_placeholders(slide)
    if not themed:
        _rect(slide, L.BAND, L.BLUE)
    _title(slide, s.title, L.TITLE, L.SIZES["title"], colour=L.BLUE, themed=themed)
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
    area = L.IMAGE if s.metrics else L.IMAGE_WIDE
    if s.chart is not None:
        _native_chart(slide, s.chart, area)
    elif s.image:
        box = L.fit_image(area, *L.png_size(s.image))
        pic = slide.shapes.add_picture(
            io.BytesIO(s.image), Inches(box.x), Inches(box.y), Inches(box.w), Inches(box.h)
        )
        pic.name = s.image_alt or s.title
        pic._element.nvPicPr.cNvPr.set("descr", s.image_alt or s.title)
    if s.bullets:
        where = L.SIDE_BULLETS if s.metrics else L.BULLETS
        bullets = [L.keep_together(b) for b in s.bullets]
        texts = [plain(b) for b in bullets]
        box = L.Box(0, 0, where.w - 0.35, where.h)
        size = L.fit_size(texts, box, *L.SIZES["bullets"], _measure(True))
        _paragraphs(slide, bullets, where, size, bullet="•")
    if s.footnote:
        _one_line(slide, s.footnote, L.FOOTNOTE, *L.SIZES["footnote"], colour=L.MUTED)
    if s.notes:
        slide.notes_slide.notes_text_frame.text = "\n".join(s.notes)


CORE_TEXT_MAX = 255  # python-pptx refuses longer core properties (title, subject …)


def _core_text(text: str, limit: int = CORE_TEXT_MAX) -> str:
    """A document property cut to its limit with "…" (seven long package names in the filter
    made the title too long and the whole deck failed)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _layouts(prs):
    """The cover layout (title and subtitle, else any with a title) and the content layout (a
    title and the fewest other placeholders) of the master."""
    with_title = [
        lay for lay in prs.slide_layouts
        if any(ph.placeholder_format.type in TITLE_TYPES for ph in lay.placeholders)
    ]  # fmt: skip
    if not with_title:
        raise ValueError("template has no layout with a title placeholder")
    cover = next(
        (
            lay for lay in with_title
            if any(ph.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE for ph in lay.placeholders)
        ),
        with_title[0],
    )  # fmt: skip
    content = min(
        with_title,
        key=lambda lay: sum(
            ph.placeholder_format.type
            not in (*TITLE_TYPES, PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER,
                    PP_PLACEHOLDER.SLIDE_NUMBER)
            for ph in lay.placeholders
        ),
    )  # fmt: skip
    return cover, content


def _drop_slides(prs) -> None:
    """Remove the slides a template file brings (its master and layouts stay)."""
    ids = prs.slides._sldIdLst
    for sld in list(ids):
        prs.part.drop_rel(sld.rId)
        ids.remove(sld)


def render(deck: Deck, template: str | Path | None = None) -> bytes:
    """The .pptx bytes of ``deck``; ``template``: a .pptx/.potx whose master and layouts to use
    (its own slides are left out; a 16:9 master fits the deck's geometry)."""
    themed = template is not None
    prs = Presentation(str(template)) if themed else Presentation()
    if themed:
        _drop_slides(prs)
    prs.slide_width = Inches(L.SLIDE_W)
    prs.slide_height = Inches(L.SLIDE_H)
    cover, content = _layouts(prs)
    core = prs.core_properties
    core.title = _core_text(f"{deck.programme} – {deck.description}")
    core.author = "Pantau"
    core.subject = _core_text(f"{deck.stamp} · {deck.as_of_text}")
    core.language = "id-ID" if deck.lang == "id" else "en-US"
    for i, s in enumerate(deck.slides):
        if s.key == "judul":
            slide = prs.slides.add_slide(cover)
            _title_slide(slide, deck, s, themed)
        else:
            slide = prs.slides.add_slide(content)
            _content_slide(slide, deck, s, themed)
        _footer(slide, deck, i)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
