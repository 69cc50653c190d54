"""One slide of the deck as HTML for the ``/briefing`` page: the same boxes as the PDF and PPTX.

The slide is a 16:9 box whose children are placed in percent of its size and whose type is sized in
``cqw`` (percent of the slide's width, a CSS container unit), so it looks the same in a narrow
column and full screen on a projector. Pictures are inlined as ``data:`` URIs (offline). All text
is escaped; ``**bold**`` in alert bullets becomes ``<strong>``.
"""

from __future__ import annotations

import base64

from lib.briefing import layout as L
from lib.briefing.slides import Deck, Slide, plain, segments
from lib.core.fmt import html_text as escape
from lib.core.i18n import t

SLIDE_PT = L.SLIDE_W * 72  # the slide's width in points

CSS = """
<style>
.pantau-slide {
  position: relative; width: 100%; aspect-ratio: 16 / 9; container-type: inline-size;
  background: #fff; color: #222; overflow: hidden; border: 1px solid #d5dde4;
  box-shadow: 0 2px 10px rgba(0,0,0,.08); border-radius: 4px;
  font-family: "Source Sans", "Source Sans Pro", Arial, "Liberation Sans", sans-serif;
  margin: 0 auto;
}
.pantau-slide > * { position: absolute; margin: 0; padding: 0; line-height: 1.2; }
.pantau-slide p, .pantau-slide li, .pantau-slide ul, .pantau-slide strong {
  font-size: inherit; font-family: inherit; color: inherit; }
.pantau-slide .ps-band { background: #0b5d7a; }
.pantau-slide .ps-bar { background: #0b5d7a; }
.pantau-slide .ps-title { color: #0b5d7a; font-weight: 700; }
.pantau-slide .ps-title p { margin: 0; line-height: 1.2; }
.pantau-slide .ps-text p { margin: 0 0 0.45em 0; line-height: 1.2; }
.pantau-slide .ps-tile { background: #eef3f7; border-left: 0.45cqw solid #0b5d7a;
  border-radius: 0.4cqw; box-sizing: border-box; padding: 0.6cqw 1.2cqw; }
.pantau-slide .ps-tile .v { color: #0b5d7a; font-weight: 700; white-space: nowrap;
  line-height: 1.15; }
.pantau-slide .ps-tile .l { color: #5a5a5a; line-height: 1.2; margin-top: 0.35cqw; }
.pantau-slide .ps-img { object-fit: contain; }
.pantau-slide ul.ps-bullets { list-style: none; }
.pantau-slide ul.ps-bullets li { margin: 0 0 0.45em 0; padding-left: 1.4em; text-indent: -1.4em;
  line-height: 1.2; }
.pantau-slide ul.ps-bullets li::before { content: "•"; color: #0b5d7a; font-weight: 700;
  display: inline-block; width: 1.4em; text-indent: 0; }
.pantau-slide .ps-rule { border-top: 1px solid #0b5d7a; }
.pantau-slide .ps-foot { color: #5a5a5a; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.pantau-slide .ps-page { color: #5a5a5a; text-align: right; white-space: nowrap; }
.pantau-slide .ps-demo { color: #b02a2a; font-weight: 700; }
.pantau-slide .ps-kicker { color: #0b5d7a; font-weight: 700; letter-spacing: 0.05em; }
.pantau-slide .ps-muted { color: #5a5a5a; }
.pantau-slide .ps-date { color: #0b5d7a; font-weight: 700; }
</style>
"""


def _box(box: L.Box) -> str:
    return (
        f"left:{box.x / L.SLIDE_W * 100:.3f}%;top:{box.y / L.SLIDE_H * 100:.3f}%;"
        f"width:{box.w / L.SLIDE_W * 100:.3f}%;height:{box.h / L.SLIDE_H * 100:.3f}%;"
    )


def _size(points: float) -> str:
    return f"font-size:{points / SLIDE_PT * 100:.3f}cqw;"


def _text(box: L.Box, paragraphs, size: float, cls: str = "ps-text") -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f'<div class="{cls}" style="{_box(box)}{_size(size)}">{body}</div>'


def _line(box: L.Box, text: str, size: float, cls: str) -> str:
    return f'<div class="{cls}" style="{_box(box)}{_size(size)}">{escape(text)}</div>'


def _fit(paragraphs, box: L.Box, sizes: tuple[float, float], bold: bool = False) -> float:
    return L.fit_size(list(paragraphs), box, sizes[0], sizes[1], L.sans_measure(bold))


def _footer(deck: Deck, index: int) -> str:
    rule = L.Box(L.MARGIN, L.FOOTER_RULE_Y, L.CONTENT_W, 0.01)
    right = deck.page_label(index)
    if deck.demo:
        right = f"{t('brief.demo', deck.lang)} · {right}"
    right_w = 4.2 if deck.demo else 0.8
    left = L.Box(L.FOOTER.x, L.FOOTER.y, L.FOOTER.w - right_w - 0.2, L.FOOTER.h)
    page = L.Box(L.FOOTER.right - right_w, L.FOOTER.y, right_w, L.FOOTER.h)
    cls = "ps-page ps-demo" if deck.demo else "ps-page"
    return (
        f'<div class="ps-rule" style="{_box(rule)}"></div>'
        + _line(left, deck.footer(index), L.SIZES["footer"], "ps-foot")
        + _line(page, right, L.SIZES["footer"], cls)
    )


def _title_slide(deck: Deck, slide: Slide) -> str:
    title_size = _fit([slide.title], L.T_TITLE, L.SIZES["t_title"], bold=True)
    sentences = [L.keep_together(x) for x in slide.sentences]
    sentence_size = _fit(sentences, L.T_SENTENCE, L.SIZES["t_sentence"])
    parts = [
        f'<div class="ps-bar" style="{_box(L.Box(0, 0, 0.35, L.SLIDE_H))}"></div>',
        _line(L.T_KICKER, t("brief.kicker", deck.lang).upper(), L.SIZES["t_kicker"], "ps-kicker"),
        f'<div class="ps-text" style="{_box(L.T_TITLE)}{_size(title_size)}font-weight:700;">'
        f"<p>{escape(slide.title)}</p></div>",
        _line(L.T_ORG, deck.organiser, L.SIZES["t_org"], "ps-muted"),
        _text(L.T_SENTENCE, sentences, sentence_size),
        _line(L.T_STAMP, deck.stamp, L.SIZES["t_stamp"], "ps-stamp"),
        _line(L.T_DATE, deck.as_of_text, L.SIZES["t_stamp"], "ps-date"),
    ]
    if deck.demo:
        parts.append(_line(L.T_DEMO, t("brief.demo", deck.lang), 14, "ps-demo"))
    return "".join(parts)


def _content_slide(slide: Slide) -> str:
    sentences = [L.keep_together(x) for x in slide.sentences]
    parts = [
        f'<div class="ps-band" style="{_box(L.BAND)}"></div>',
        _text(
            L.TITLE, [slide.title], _fit([slide.title], L.TITLE, L.SIZES["title"], True), "ps-title"
        ),
        _text(L.SENTENCES, sentences, _fit(sentences, L.SENTENCES, L.SIZES["sentences"])),
    ]
    for box, metric in zip(L.tile_boxes(len(slide.metrics)), slide.metrics, strict=False):
        parts.append(
            f'<div class="ps-tile" style="{_box(box)}">'
            f'<div class="v" style="{_size(L.SIZES["tile_value"])}">{escape(metric.value)}</div>'
            f'<div class="l" style="{_size(L.SIZES["tile_label"])}">{escape(metric.label)}</div>'
            "</div>"
        )
    if slide.image:
        area = L.IMAGE if slide.metrics else L.IMAGE_WIDE
        box = L.fit_image(area, *L.png_size(slide.image))
        data = base64.b64encode(slide.image).decode("ascii")
        parts.append(
            f'<img class="ps-img" style="{_box(box)}" alt="{escape(slide.image_alt)}" '
            f'src="data:image/png;base64,{data}">'
        )
    if slide.bullets:
        where = L.SIDE_BULLETS if slide.metrics else L.BULLETS
        bullets = [L.keep_together(b) for b in slide.bullets]
        box = L.Box(0, 0, where.w - 0.35, where.h)
        size = L.fit_size(
            [plain(b) for b in bullets], box, *L.SIZES["bullets"], L.sans_measure(True)
        )
        items = "".join(
            "<li>"
            + "".join(
                f"<strong>{escape(text)}</strong>" if bold else escape(text)
                for text, bold in segments(b)
            )
            + "</li>"
            for b in bullets
        )
        parts.append(f'<ul class="ps-bullets" style="{_box(where)}{_size(size)}">{items}</ul>')
    if slide.footnote:
        size = L.one_line_size(slide.footnote, L.FOOTNOTE, *L.SIZES["footnote"], L.sans_measure())
        parts.append(_line(L.FOOTNOTE, slide.footnote, size, "ps-foot ps-footnote"))
    return "".join(parts)


def slide_html(deck: Deck, index: int, *, css: bool = True) -> str:
    """Slide ``index`` (0-based) of ``deck`` as an HTML fragment (with its CSS unless ``css=False``)."""
    slide = deck.slides[index]
    label = t("brief.counter", deck.lang, n=index + 1, total=len(deck.slides))
    body = _title_slide(deck, slide) if slide.key == "judul" else _content_slide(slide)
    return (
        (CSS if css else "") + f'<section class="pantau-slide" data-slide="{escape(slide.key)}" '
        f'aria-label="{escape(label)}: {escape(slide.title)}">'
        + body
        + _footer(deck, index)
        + "</section>"
    )
