"""The dashboard in Debian's Chromium against a real ``streamlit run`` on the scale-1 demo.

Every page renders without an exception and no request leaves the machine; a filtered URL
reproduces its view; changing a filter updates the URL; switching pages keeps filters and
language; a deep link that is the very first request after a server start shows the right page,
navigation and filters; the map draws. Locators: key classes (``st-key-f_*``), test ids, roles.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from lib.app import nav
from lib.core import db, fmt
from lib.core.filters import Filters
from lib.core.i18n import t
from lib.semantic import query
from tests.conftest import start_streamlit, stop_streamlit

pytestmark = pytest.mark.browser
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
TIMEOUT = 60_000  # a cold page on a busy 2-core machine


@pytest.fixture(autouse=True)
def _patient(page: Page):
    page.set_default_timeout(TIMEOUT)
    expect.set_options(timeout=TIMEOUT)


def settled(page: Page) -> None:
    """Wait until the script run that the last action started has finished."""
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")


def open_view(page: Page, url: str, heading: str) -> None:
    page.goto(url)
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    settled(page)


def chips(page: Page, name: str):
    """The selected values of filter ``name`` as shown in its multiselect."""
    return page.locator(f".st-key-f_{name} [data-tag]")


def choose(page: Page, name: str, typed: str) -> None:
    """Pick the option of filter ``name`` that starts with ``typed`` (typed, then Enter)."""
    page.locator(f".st-key-f_{name} input").click()
    page.keyboard.type(typed)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def test_every_page_renders_and_stays_on_this_machine(app_server, page: Page):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for spec in nav.enabled_pages():
        open_view(page, f"{app_server}/{spec.path}", t(f"nav.{spec.key}"))
        main = page.get_by_test_id("stMain")
        header = main.get_by_test_id("stCaptionContainer").filter(has_text="Filter aktif:").first
        expect(header).to_contain_text("Data per 31 Januari 2025")
        expect(page.get_by_test_id("stException")).to_have_count(0)
        if spec.key in ("ringkasan", "kuota", "paket"):
            expect(main.get_by_test_id("stMetricValue").first).to_be_visible()
        if spec.key in ("kuota", "paket"):
            expect(main.get_by_test_id("stVegaLiteChart").first).to_be_visible()
    assert requests, "no request recorded"
    outside = sorted({u for u in requests if urlsplit(u).hostname not in LOCAL_HOSTS})
    assert outside == [], outside


def test_a_filtered_url_reproduces_the_view(app_server, demo_db_url, page: Page):
    v = query.indicators(
        db.get_engine(demo_db_url), Filters(tahun=(2023,), kecamatan=("73.03.01",))
    )
    open_view(page, f"{app_server}/paket?tahun=2023&kecamatan=73.03.01", "Paket Pelatihan")
    expect(chips(page, "tahun")).to_have_text(["2023"])
    expect(chips(page, "kecamatan")).to_have_text(["Bissappu"])
    expect(page.get_by_text("Filter aktif: Kecamatan Bissappu · Tahun 2023")).to_be_visible()
    label = page.get_by_test_id("stMetricLabel").get_by_text("Kelas", exact=True)
    kelas = page.get_by_test_id("stMetric").filter(has=label).get_by_test_id("stMetricValue")
    expect(kelas).to_have_text(fmt.number(v["kelas"]))
    expect(
        page.get_by_test_id("stSidebarNav").get_by_role("link", name="Paket Pelatihan")
    ).to_have_attribute("aria-current", "page")
    assert page.url.endswith("/paket?tahun=2023&kecamatan=73.03.01")


def test_changing_a_filter_updates_the_url_and_reset_clears_it(app_server, page: Page):
    open_view(page, f"{app_server}/kuota?tahun=1999", "Kuota & Kemajuan")
    expect(page.get_by_text("Filter tahun “1999” tidak dikenal dan diabaikan.")).to_be_visible()
    choose(page, "jk", "Perem")
    expect(page).to_have_url(re.compile(r"/kuota\?jk=P$"))
    expect(page.get_by_text("Filter aktif: Perempuan")).to_be_visible()
    settled(page)
    page.locator(".st-key-f_reset button").click()
    expect(page).to_have_url(re.compile(r"/kuota$"))
    expect(
        page.get_by_text("Filter aktif: Seluruh kabupaten, semua tahun dan paket")
    ).to_be_visible()


def test_switching_pages_keeps_filters_and_language(app_server, page: Page):
    open_view(page, f"{app_server}/?tahun=2022&jk=L&lang=en", "Overview")
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Training packages").click()
    expect(page.get_by_role("heading", name="Training packages", level=1)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/paket\?tahun=2022&jk=L&lang=en$"))
    expect(page.get_by_text("Active filters: Year 2022 · Male")).to_be_visible()
    settled(page)
    # A filter chosen on this page goes along to the next one.
    choose(page, "kecamatan", "Sinoa")
    expect(page).to_have_url(re.compile(r"/paket\?tahun=2022&kecamatan=73\.03\.08&jk=L&lang=en$"))
    settled(page)
    page.get_by_test_id("stSidebarNav").get_by_role("link", name="Glossary").click()
    expect(page.get_by_role("heading", name="Glossary", level=1)).to_be_visible()
    expect(page).to_have_url(
        re.compile(r"/glosarium\?tahun=2022&kecamatan=73\.03\.08&jk=L&lang=en$")
    )
    settled(page)
    # Back to Indonesian: the titles change, the filters (and the gender chip) stay.
    page.get_by_test_id("stSidebar").get_by_text("Bahasa Indonesia").click()
    expect(page.get_by_role("heading", name="Glosarium", level=1)).to_be_visible()
    expect(page).to_have_url(re.compile(r"/glosarium\?tahun=2022&kecamatan=73\.03\.08&jk=L$"))
    expect(chips(page, "jk")).to_have_text(["Laki-laki"])


def test_deep_link_as_the_first_request_after_a_server_start(demo_db_url, browser):
    base, proc = start_streamlit(demo_db_url)
    try:
        page = browser.new_page()
        page.set_default_timeout(TIMEOUT)
        open_view(page, f"{base}/kuota?kecamatan=73.03.02&jk=P&lang=en", "Quota & progress")
        expect(page).to_have_url(re.compile(r"/kuota\?kecamatan=73\.03\.02&jk=P&lang=en$"))
        expect(chips(page, "kecamatan")).to_have_text(["Bantaeng"])
        expect(chips(page, "jk")).to_have_text(["Female"])
        expect(page.get_by_text("Active filters: District Bantaeng · Female")).to_be_visible()
        link = page.get_by_test_id("stSidebarNav").get_by_role("link", name="Quota & progress")
        expect(link).to_have_attribute("aria-current", "page")
        expect(page.get_by_test_id("stMetricValue").first).to_be_visible()
        page.close()
    finally:
        stop_streamlit(proc)


def test_the_map_draws(app_server, page: Page):
    open_view(page, f"{app_server}/peta", "Peta Desa")
    expect(page.locator('[data-testid="stDeckGlJsonChart"] canvas').first).to_be_visible()
