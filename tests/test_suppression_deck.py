"""Small counts in the briefing a leadership role sees: the slides (HTML), the PowerPoint file (text
frames, speaker notes, native chart values), the WhatsApp text and the CLI files hide every count
of persons or aid records from 1 to 4, and every rate or money sum over such a group; a total never
gives a hidden cell away. The same data built exact (an admin, ``briefing --exact``) shows the
exact figures. Hand-built data whose cells are small, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import re
from html import unescape

import pytest
from pptx import Presentation

from lib.briefing import html, pptx, slides
from lib.core import db
from lib.core.filters import Filters
from lib.semantic import measures
from tests.builders import small_cells
from tests.test_access import app, logged_in, open_path
from tests.test_cli import run_cli

# A count of 1..4 followed by what it counts (persons, records, surveys, applications).
UNITS = r"(orang|alumni|pengajuan|pendaftaran|catatan|peserta|bekerja|belum terlacak|survei)"
SMALL_COUNT = re.compile(rf"(?<![\d.,:/\-–])[1-4](?![\d.,%])\s+{UNITS}")
MONEY = "Rp8,5 juta"  # the value of the one KUR record
RATE = "66,7%"  # 2 of 3 completers placed
PERSON_KEYS = {m.key for m in measures.REGISTRY if m.policy == "count"}


@pytest.fixture
def small_url(db_url):
    return small_cells(db_url)


def _texts(deck: slides.Deck) -> list[str]:
    """Everything a reader of the deck sees as text: each slide's HTML (tags stripped), the
    PowerPoint text frames and speaker notes, the WhatsApp text."""
    out = [deck.summary]
    for i in range(len(deck.slides)):
        out.append(unescape(re.sub(r"<[^>]+>", " ", html.slide_html(deck, i, css=False))))
    prs = Presentation(io.BytesIO(pptx.render(deck)))
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.append(shape.text_frame.text)
        if slide.has_notes_slide:
            out.append(slide.notes_slide.notes_text_frame.text)
    return out


def _chart_values(deck: slides.Deck) -> list[tuple[str, str, list]]:
    """(slide title, series name, values) of every native PowerPoint chart."""
    out = []
    prs = Presentation(io.BytesIO(pptx.render(deck)))
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_chart:
                for plot in shape.chart.plots:
                    for se in plot.series:
                        out.append(
                            (shape.chart.chart_title.text_frame.text, se.name, list(se.values))
                        )
    return out


def test_leadership_deck_shows_no_small_count(small_url):
    engine = db.get_engine(small_url)
    deck = slides.build(engine, Filters(), with_images=False)  # leadership is the default
    texts = _texts(deck)
    for text in texts:
        assert not SMALL_COUNT.search(text), SMALL_COUNT.search(text)
        assert MONEY not in text and RATE not in text, text
    joined = "\n".join(texts)
    assert "<5" in joined and "UU PDP" in joined  # the pages' footnote
    for s in deck.slides:
        for m in s.metrics:
            if m.key in PERSON_KEYS:
                assert not re.fullmatch(r"[1-4]", m.value), (s.key, m)
    # Native charts of persons and records: no bar of 1..4, and never exactly one hidden cell
    # among those that add up to a shown total (it could be worked out by subtraction).
    charts = {s.key: s.chart for s in deck.slides if s.chart is not None}
    for key in ("wilayah", "hasil", "bantuan"):
        for se in charts[key].series[:1]:
            assert not [v for v in se.values if v is not None and 1 <= v <= 4], (key, se)
    for title, name, values in _chart_values(deck):
        if "persen" in title.lower() or "%" in title:
            continue
        assert not [v for v in values if v is not None and 1 <= v <= 4], (title, name, values)
    peserta = charts["wilayah"].series[0].values
    assert sum(v is None for v in peserta) >= 2  # Bantaeng 4 hidden, Bissappu 8 hidden with it
    hasil = charts["hasil"].series[0].values
    assert sum(v is None for v in hasil) != 1
    # the whole programme has 12 participants: shown, and no kecamatan figure gives 8 or 4 away
    assert "12 dari 1.444" in deck.summary
    kec = next(s for s in deck.slides if s.key == "wilayah")
    assert "955" not in " ".join(kec.notes + kec.sentences + (kec.title,))


def test_exact_deck_shows_exact_figures(small_url):
    engine = db.get_engine(small_url)
    deck = slides.build(engine, Filters(), with_images=False, exact=True)
    joined = "\n".join(_texts(deck))
    assert MONEY in joined and RATE in joined
    assert "<5" not in joined and "UU PDP" not in joined
    hasil = next(s for s in deck.slides if s.key == "hasil")
    assert {m.label: m.value for m in hasil.metrics}["Selesai"] == "3"
    kec = next(s for s in deck.slides if s.key == "wilayah")
    assert kec.chart is not None and 4.0 in kec.chart.series[0].values
    assert "1 pengajuan" in deck.summary and MONEY in deck.summary


def test_suppression_off_in_settings_gives_exact_figures(small_url, monkeypatch):
    from dataclasses import replace

    from lib.briefing import slides as module

    real = module.settings()
    monkeypatch.setattr(module, "settings", lambda: replace(real, supresi_aktif=False))
    deck = slides.build(db.get_engine(small_url), Filters(), with_images=False)
    assert MONEY in deck.summary


def test_cli_briefing_is_suppressed_unless_exact(small_url, tmp_path):
    out = tmp_path / "ringkasan.txt"
    proc = run_cli("briefing", "--out", str(out), "--db", small_url)
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert "<5" in text and MONEY not in text and RATE not in text
    assert not SMALL_COUNT.search(text)
    proc = run_cli("briefing", "--out", str(out), "--exact", "--db", small_url)
    assert proc.returncode == 0, proc.stderr
    text = out.read_text(encoding="utf-8")
    assert MONEY in text and RATE in text and "<5" not in text
    assert "--exact" in run_cli("briefing", "--help").stdout


def test_page_gives_leadership_and_admin_their_own_deck(small_url, monkeypatch):
    """/briefing passes the viewer's exactness, and the deck cache keeps the two apart."""
    from lib.app import briefing_cache

    briefing_cache._deck.clear()
    for email, exact in (("bupati@bantaeng.go.id", False), ("admin@bantaeng.go.id", True)):
        at = open_path(app(small_url, monkeypatch, logged_in(email)), "briefing")
        text = at.code[0].value
        assert (MONEY in text) is exact and ("<5" in text) is not exact, (email, text)


def test_leadership_pdf_with_pictures(small_url):
    """The PDF (chart PNGs drawn from the masked chart data, the map) of the leadership deck: no
    money or rate over a small group, the footnote on the slides that hide a figure."""
    from pypdf import PdfReader

    from lib.briefing import pdf

    deck = slides.build(db.get_engine(small_url), Filters())
    assert all(s.image for s in deck.slides if s.chart is not None)
    reader = PdfReader(io.BytesIO(pdf.render(deck)))
    pages = [p.extract_text() for p in reader.pages]
    assert len(pages) == len(deck.slides)
    for page, slide in zip(pages, deck.slides, strict=True):
        flat = " ".join(page.split())
        assert MONEY not in flat and RATE not in flat, slide.key
        assert ("UU PDP" in flat) is bool(slide.footnote), slide.key
    assert any(s.footnote for s in deck.slides)
