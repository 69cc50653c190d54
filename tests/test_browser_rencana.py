"""The status headline, the filter chips, the map and /rencana in Debian's Chromium at 1366×768,
1920×1080 and 390×844 (a phone), against a real ``streamlit run`` on the demo; no request leaves
the machine."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.test_browser import LOCAL_HOSTS, TIMEOUT, open_view, settled

pytestmark = pytest.mark.browser
SIZES = ((1366, 768), (1920, 1080), (390, 844))


@pytest.fixture(autouse=True)
def _patient(page: Page):
    page.set_default_timeout(TIMEOUT)
    expect.set_options(timeout=TIMEOUT)


def test_status_chips_map_and_rencana_at_three_widths(app_server, page: Page):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for width, height in SIZES:
        page.set_viewport_size({"width": width, "height": height})
        open_view(page, f"{app_server}/?kecamatan=73.03.01", "Ringkasan")
        headline = page.locator(".st-key-status_headline")
        expect(headline).to_contain_text("Kuota terancam terlambat: kurang 43 orang (3 kelas)")
        box = headline.bounding_box()
        assert box and box["y"] + box["height"] <= height, (width, box)  # in the first screen
        chip = (
            page.locator(".st-key-filter_chips button", has_text="Kecamatan: Bissappu")
            .filter(visible=True)
            .first
        )
        expect(chip).to_be_visible()
        open_view(page, f"{app_server}/rencana?kecamatan=73.03.05", "Rencana & Prioritas")
        expect(page.locator(".st-key-status_headline")).to_be_visible()
        page.get_by_role("tab", name="Desa prioritas").click()
        expect(page.get_by_text("Borong Loe (Pajukukang)", exact=False).first).to_be_visible()
        open_view(page, f"{app_server}/peta", "Peta Desa")
        expect(page.locator('[data-testid="stDeckGlJsonChart"] canvas').first).to_be_visible()
        expect(page.get_by_text("Batas desa indikatif")).to_be_visible()
        expect(page.get_by_text("PANTAU_BOUNDARIES")).to_have_count(0)
    # A chip removes its filter (the sidebar is not needed).
    open_view(page, f"{app_server}/?kecamatan=73.03.01&jk=P", "Ringkasan")
    page.locator(".st-key-filter_chips button", has_text="Kecamatan: Bissappu").filter(
        visible=True
    ).first.click()
    expect(page).to_have_url(re.compile(r"/\?jk=P$"))
    settled(page)
    outside = sorted({u for u in requests if urlsplit(u).hostname not in LOCAL_HOSTS})
    assert outside == [], outside
