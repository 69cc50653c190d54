"""/briefing page: the slide of the URL, navigation, presentation mode, downloads and the summary.

AppTest runs the real entrypoint on the demo database; one browser test checks what AppTest
cannot: the sidebar really disappears, the Right key turns the slide and the PDF downloads.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

import pytest
from playwright.sync_api import expect
from streamlit.testing.v1 import AppTest

from lib.briefing import slides
from lib.core import db
from lib.core.filters import Filters

ROOT = Path(__file__).resolve().parent.parent
SCOPE = {"kecamatan": "73.03.01", "tahun": "2024"}


@pytest.fixture
def open_briefing(demo_db_url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", demo_db_url)

    def run(**params: str) -> AppTest:
        at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
        for key, value in params.items():
            at.query_params[key] = value
        at.run()
        at.switch_page("app_pages/briefing.py").run()
        assert not at.exception, at.exception
        return at

    return run


def slide_html(at: AppTest) -> str:
    bodies = [e.proto.body for e in at.get("html") if "pantau-slide" in e.proto.body]
    assert len(bodies) == 1
    return bodies[0]


def counter(at: AppTest) -> str:
    return next(e.proto.body for e in at.get("html") if "brief-counter" in e.proto.body)


def test_the_url_chooses_the_slide_and_the_filters(open_briefing, demo_db_url):
    at = open_briefing(**SCOPE, slide="2")
    body = slide_html(at)
    assert 'data-slide="ringkasan"' in body
    assert "Filter aktif: Kecamatan Bissappu · Tahun 2024" in body
    assert "Data per 31 Januari 2025" in body
    assert "data:image/png;base64," not in body  # the summary has figures and gaps, no chart
    deck = slides.build(
        db.get_engine(demo_db_url),
        Filters(kecamatan=("73.03.01",), tahun=(2024,)),
        with_images=False,
        exact=True,
    )  # fmt: skip  the local-mode visitor is an admin: exact figures
    assert escape(deck.slides[1].title) in body
    for sentence in deck.slides[1].sentences:
        assert escape(sentence) in body.replace("\u00a0", " ")
    assert "Slide 2 dari 9" in counter(at)
    # "Salin ringkasan": the deck's WhatsApp text in a code block (which has a copy button)
    assert [c.value for c in at.code] == [deck.summary]
    assert at.title[0].value == "Briefing"  # not in presentation mode: the page header is shown


def test_previous_and_next(open_briefing):
    at = open_briefing(**SCOPE)
    assert at.button(key="brief_prev").disabled
    at.button(key="brief_next").click().run()
    assert at.query_params["slide"] == "2" and 'data-slide="ringkasan"' in slide_html(at)
    at.button(key="brief_next").click().run()
    assert at.query_params["slide"] == "3" and 'data-slide="laju"' in slide_html(at)
    assert "data:image/png;base64," in slide_html(at)  # the chart's picture
    at.button(key="brief_prev").click().run()
    assert at.query_params["slide"] == "2"
    assert at.query_params["kecamatan"] == "73.03.01"  # the filters stay in the URL


def test_a_slide_number_past_the_end_shows_the_last(open_briefing):
    at = open_briefing(**SCOPE, slide="99")
    assert 'data-slide="usulan"' in slide_html(at)
    assert at.button(key="brief_next").disabled
    assert at.query_params["slide"] == "9"


@pytest.mark.parametrize("value", ["²", "1" * 5000, "0", "-1"])
def test_a_slide_value_that_is_not_a_bounded_number_is_ignored(open_briefing, value):
    at = open_briefing(**SCOPE, slide=value, present="ya")
    assert 'data-slide="judul"' in slide_html(at)
    notices = [w for w in at.warning if w.icon == ":material/info:"]
    assert len(notices) == 2 and at.query_params["slide"] == "1"


@pytest.mark.parametrize("raw", ["²", "9" * 5000, "0", "-1", "1e3", " 2", "٣"])
def test_a_malformed_slide_number_is_ignored_with_a_notice(open_briefing, raw):
    at = open_briefing(**SCOPE, slide=raw)  # the fixture asserts no exception box
    assert 'data-slide="judul"' in slide_html(at) and "Slide 1 dari 9" in counter(at)
    notices = [w.value for w in at.warning]
    assert any("Nomor slide di alamat halaman (slide=…) tidak sah" in n for n in notices)
    assert at.query_params["slide"] == "1"


def test_a_malformed_present_value_is_ignored_with_a_notice(open_briefing):
    at = open_briefing(**SCOPE, slide="2", present="ya")
    assert at.toggle(key="brief_present").value is False and len(at.title) == 1
    assert any("present=1" in w.value for w in at.warning)
    assert "present" not in at.query_params and "Slide 2 dari 9" in counter(at)


def test_a_slide_or_present_given_twice_is_ignored_with_a_notice(open_briefing):
    """``?slide=2&slide=3`` has no one meaning: the first slide and the notice, not the last value
    taken silently; the same value twice is that value."""
    at = open_briefing(**SCOPE, slide=["2", "3"], present=["1", "0"])
    assert "Slide 1 dari 9" in counter(at) and at.query_params["slide"] == "1"
    notices = [w.value for w in at.warning]
    assert any("(slide=…) tidak sah" in n for n in notices), notices
    assert any("present=1" in n for n in notices), notices
    assert at.toggle(key="brief_present").value is False
    same = open_briefing(**SCOPE, slide=["3", "3"])
    assert "Slide 3 dari 9" in counter(same)
    assert not [w for w in same.warning if w.icon == ":material/info:"]


def test_presentation_mode_hides_the_chrome_and_is_a_link(open_briefing):
    at = open_briefing(**SCOPE, slide="3")
    at.toggle(key="brief_present").set_value(True).run()
    assert at.query_params["present"] == "1"
    assert any('[data-testid="stSidebar"]' in m.value for m in at.markdown)
    assert len(at.title) == 0
    at.toggle(key="brief_present").set_value(False).run()
    assert "present" not in at.query_params and at.title[0].value == "Briefing"
    linked = open_briefing(**SCOPE, slide="3", present="1")
    assert linked.toggle(key="brief_present").value is True and len(linked.title) == 0


def test_download_buttons_and_english(open_briefing):
    at = open_briefing(**SCOPE)
    labels = [e.proto.label for e in at.get("download_button")]
    assert labels == ["Unduh PDF", "Unduh PowerPoint"]
    english = open_briefing(**SCOPE, lang="en")
    assert "Slide 1 of 9" in counter(english)
    assert "Data as of January 31, 2025" in slide_html(english)


@pytest.mark.browser
def test_projector_view_in_the_browser(app_server, page):
    page.set_viewport_size({"width": 1280, "height": 760})
    page.goto(f"{app_server}/briefing?kecamatan=73.03.01&tahun=2024&slide=2&present=1")
    expect(page.locator("section.pantau-slide[data-slide='ringkasan']")).to_be_visible(
        timeout=90_000
    )
    expect(page.get_by_test_id("stSidebar")).to_be_hidden()
    box = page.locator("section.pantau-slide").bounding_box()
    assert box["width"] / box["height"] == pytest.approx(16 / 9, rel=0.02)
    assert box["y"] + box["height"] <= 760
    # the shortcut works once the run that drew the buttons has finished: on a fast machine the
    # slide shows before that, and a key pressed then was lost
    expect(page.get_by_test_id("stApp")).to_have_attribute(
        "data-test-script-state", "notRunning", timeout=90_000
    )
    page.keyboard.press("ArrowRight")
    expect(page.locator("section.pantau-slide[data-slide='laju']")).to_be_visible()
    expect(page).to_have_url(re.compile(r"[?&]slide=3"))
    with page.expect_download() as info:
        page.get_by_role("button", name="Unduh PDF").click()
    download = info.value
    assert download.suggested_filename.endswith(".pdf")
    assert Path(download.path()).read_bytes()[:5] == b"%PDF-"
