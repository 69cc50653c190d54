"""One real upload on /data in Chromium: choose a file, see the dry-run preview, load it."""

from __future__ import annotations

from datetime import date

import pytest
from playwright.sync_api import expect

from lib.semantic import analytics
from tests.builders import dataset
from tests.conftest import start_streamlit, stop_streamlit
from tests.intake_files import DTKS, counts, csv_bytes, dtks_row

pytestmark = pytest.mark.browser


@pytest.fixture
def server(tmp_path, browser_type_launch_args):
    """A server of its own on a fresh database: the upload writes to it."""
    url = f"sqlite:///{tmp_path / 'pantau.db'}"
    analytics.ensure_ready(url)
    with dataset(url) as d:
        d.kelas("GAR-01", kode="K-2024-1", tahun=2024, mulai=date(2024, 3, 1))
        d.person("Penghuni")
    base, proc = start_streamlit(url)
    try:
        yield base, url
    finally:
        stop_streamlit(proc)


def test_upload_preview_and_load(server, page, tmp_path):
    base, url = server
    path = tmp_path / "registri.csv"
    path.write_bytes(csv_bytes(DTKS, [dtks_row(1), dtks_row(2, desil=11), dtks_row(3)]))
    page.goto(f"{base}/data")
    uploader = page.get_by_test_id("stFileUploader")
    expect(uploader).to_be_visible(timeout=30_000)
    uploader.locator("input[type=file]").set_input_files(str(path))

    metrics = page.get_by_test_id("stMetric")
    expect(metrics.filter(has_text="Ditolak")).to_contain_text("1", timeout=30_000)
    expect(page.get_by_text("akan DITOLAK seluruhnya", exact=False)).to_be_visible()
    confirm = page.get_by_role("button", name="Muat 2 baris ke basis data")
    expect(confirm).to_be_disabled()
    before = counts(url)["person"]

    page.locator(".st-key-imp_partial").get_by_text("Muat sebagian", exact=False).click()
    expect(confirm).to_be_enabled(timeout=15_000)
    confirm.click()
    expect(page.get_by_text("2 baris ditulis, 1 dikarantina", exact=False)).to_be_visible(
        timeout=30_000
    )
    assert counts(url)["person"] == before + 2
