"""Geometry of a 16:9 briefing slide, shared by the PDF and the PowerPoint file, and text fitting.

Boxes are in inches on a 13.333 × 7.5 in slide (PowerPoint's widescreen size); the PDF converts
them to millimetres. Text is fitted by measuring words with the font the renderer uses (fpdf2's own
metrics for the PDF; the TrueType file of a metric-compatible font for PowerPoint), shrinking the
type size step by step until the paragraphs fit their box, so that no sentence spills over.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SLIDE_W, SLIDE_H = 13.333, 7.5
MARGIN = 0.5
LINE = 1.2  # line height as a multiple of the type size
PARA = 0.45  # space after a paragraph, in multiples of the type size

DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
LIBERATION_DIR = Path("/usr/share/fonts/truetype/liberation")
BLUE = (0x0B, 0x5D, 0x7A)  # lib.render.charts.PRIMARY
DARK = (0x22, 0x22, 0x22)
MUTED = (0x5A, 0x5A, 0x5A)
TILE_BG = (0xEE, 0xF3, 0xF7)
RED = (0xB0, 0x2A, 0x2A)


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h


CONTENT_W = SLIDE_W - 2 * MARGIN
BAND = Box(0, 0, SLIDE_W, 0.14)
TITLE = Box(MARGIN, 0.3, CONTENT_W, 0.95)  # a conclusion: up to two lines
SENTENCES = Box(MARGIN, 1.33, CONTENT_W, 1.5)
LOWER_Y, LOWER_H = 2.95, 3.8
TILES = Box(MARGIN, LOWER_Y, 3.2, LOWER_H)
IMAGE = Box(MARGIN + 3.45, LOWER_Y, CONTENT_W - 3.45, LOWER_H)
IMAGE_WIDE = Box(MARGIN, LOWER_Y, CONTENT_W, LOWER_H)
BULLETS = Box(
    MARGIN + 0.2, 2.25, CONTENT_W - 0.2, 6.75 - 2.25
)  # below a sentence of up to two lines
SIDE_BULLETS = Box(MARGIN + 3.45, LOWER_Y, CONTENT_W - 3.45, LOWER_H)  # beside the tiles
FOOTER_RULE_Y = 6.93
FOOTNOTE = Box(MARGIN, 6.755, CONTENT_W, 0.17)  # small counts hidden: one line above the rule
FOOTER = Box(MARGIN, 7.0, CONTENT_W, 0.32)
TILE_GAP = 0.12

# Title slide
T_KICKER = Box(MARGIN + 0.3, 1.15, CONTENT_W - 0.6, 0.45)
T_TITLE = Box(MARGIN + 0.3, 1.65, CONTENT_W - 0.6, 1.75)
T_ORG = Box(MARGIN + 0.3, 3.45, CONTENT_W - 0.6, 0.5)
T_SENTENCE = Box(MARGIN + 0.3, 4.15, CONTENT_W - 0.6, 0.9)
T_STAMP = Box(MARGIN + 0.3, 5.15, CONTENT_W - 0.6, 0.45)
T_DATE = Box(MARGIN + 0.3, 5.6, CONTENT_W - 0.6, 0.45)
T_DEMO = Box(MARGIN + 0.3, 6.2, CONTENT_W - 0.6, 0.4)

SIZES = {
    "title": (28, 18),
    "sentences": (20, 13),  # start, minimum
    "bullets": (22, 12),
    "tile_value": 24,
    "tile_label": 12,
    "footer": 10,
    "footnote": (8, 5.5),  # start, minimum (one line)
    "t_kicker": 18,
    "t_title": (36, 24),
    "t_org": 18,
    "t_sentence": (20, 14),
    "t_stamp": 16,
}


def tile_boxes(count: int, area: Box = TILES) -> list[Box]:
    """``count`` tiles stacked in ``area`` (at most 4; each as tall as four fit)."""
    if count <= 0:
        return []
    h = (area.h - 3 * TILE_GAP) / 4
    return [Box(area.x, area.y + i * (h + TILE_GAP), area.w, h) for i in range(min(count, 4))]


def fit_image(box: Box, px_w: int, px_h: int) -> Box:
    """The largest box of the image's aspect ratio inside ``box``, centred."""
    if px_w <= 0 or px_h <= 0:
        return box
    ratio = px_w / px_h
    w, h = box.w, box.w / ratio
    if h > box.h:
        h, w = box.h, box.h * ratio
    return Box(box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h)


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height of a PNG from its header."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


# --- text fitting --------------------------------------------------------------------------------

Measure = Callable[[str, float], float]  # (text, size in pt) -> width in pt


_NUMBER_WORD = re.compile(r"(?<=\d) (?=[^\s\d])|(?<=[A-Za-z]) (?=\d{4}\b)")


def keep_together(text: str) -> str:
    """No line break between a number and its word (``11 orang``, ``31 Januari``, ``Rp3,4 M``)
    or before a year (``Januari 2025``): those spaces become non-breaking."""
    return _NUMBER_WORD.sub("\u00a0", text)


def wrap(text: str, size: float, width_pt: float, measure: Measure) -> list[str]:
    """Greedy word wrap of ``text`` at ``size`` into lines no wider than ``width_pt`` (breaking
    at ordinary spaces only, as the renderers do)."""
    lines: list[str] = []
    current = ""
    for word in (w for w in text.split(" ") if w):
        candidate = f"{current} {word}" if current else word
        if current and measure(candidate, size) > width_pt:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def text_height(paragraphs: Sequence[str], size: float, width_in: float, measure: Measure) -> float:
    """Height in inches of ``paragraphs`` wrapped at ``size`` pt into ``width_in`` inches."""
    width_pt = width_in * 72
    lines = sum(max(1, len(wrap(p, size, width_pt, measure))) for p in paragraphs)
    gaps = max(0, len(paragraphs) - 1)
    return (lines * LINE * size + gaps * PARA * size) / 72


def one_line_size(text: str, box: Box, start: float, minimum: float, measure: Measure) -> float:
    """The largest size from ``start`` down to ``minimum`` (half-point steps) at which ``text``
    fits the width of ``box`` on one line."""
    size = start
    while size > minimum and measure(text, size) > box.w * 72:
        size -= 0.5
    return size


def fit_size(
    paragraphs: Sequence[str], box: Box, start: float, minimum: float, measure: Measure
) -> float:
    """The largest size from ``start`` down to ``minimum`` (half-point steps) at which the
    paragraphs fit ``box``; ``minimum`` if none does."""
    size = start
    while size > minimum:
        if text_height(paragraphs, size, box.w, measure) <= box.h:
            return size
        size -= 0.5
    return minimum


@lru_cache(maxsize=8)
def _pil_font(path: str, size10: int):
    from PIL import ImageFont

    return ImageFont.truetype(path, size10)


def ttf_measure(path: Path) -> Measure:
    """A :data:`Measure` from a TrueType file (PIL), measured at 100 px and scaled."""

    def measure(text: str, size: float) -> float:
        font = _pil_font(str(path), 100)
        return font.getlength(text) * size / 100

    return measure


def find_font(*candidates: Path) -> Path | None:
    for path in candidates:
        if path.is_file():
            return path
    return None


SANS = find_font(LIBERATION_DIR / "LiberationSans-Regular.ttf", DEJAVU_DIR / "DejaVuSans.ttf")
SANS_BOLD = find_font(
    LIBERATION_DIR / "LiberationSans-Bold.ttf", DEJAVU_DIR / "DejaVuSans-Bold.ttf"
)


def sans_measure(bold: bool = False) -> Measure:
    """Widths of an Arial-like sans serif (Liberation Sans is metric-compatible with Arial; DejaVu
    Sans is wider, so fitting with it is on the safe side); a rough estimate without either."""
    path = SANS_BOLD if bold else SANS
    if path is None:
        return lambda text, size: len(text) * size * 0.6
    return ttf_measure(path)
