"""Login in Debian's Chromium: ``st.login`` against a local mock OpenID provider (oidc-provider-mock),
with a real ``streamlit run`` whose secrets carry ``[auth]`` and ``[akses]``.

Anonymous visitors see the login page and no figure; each role sees its pages (a page opened by URL
without the right says so); an unknown email sees "no access yet"; two users work at once in
separate browser contexts; logout returns to the login page; a camat cannot widen the view by URL.
No request leaves this machine. Host spelling is ``localhost`` everywhere (the login state cookie is
host-scoped and the redirect URI says ``localhost``).
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from lib.semantic import analytics
from tests.builders import BONTO_JAI, TAPPANJENG, dataset
from tests.conftest import free_port, start_streamlit, stop_streamlit

pytestmark = pytest.mark.browser
TIMEOUT = 60_000
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
USERS = {
    "bupati@bantaeng.go.id": {"name": "Ilham Bupati"},
    "camat@bantaeng.go.id": {"name": "Camat Bissappu"},
    "operator@bantaeng.go.id": {"name": "Rahma Operator"},
    "kasi@dinsos.go.id": {"name": "Kasi Dinsos", "pantau_peran": "admin"},  # role from the claim
    "tamu@gmail.com": {"name": "Tamu"},
}
AKSES = {
    "bupati@bantaeng.go.id": "pimpinan",
    "camat@bantaeng.go.id": "camat:73.03.01",
    "operator@bantaeng.go.id": "operator",
}


@pytest.fixture(scope="module")
def oidc():
    """A mock OpenID provider on localhost; every user of :data:`USERS` can log in by email."""
    import oidc_provider_mock

    users = [
        oidc_provider_mock.User(sub=email, claims={"email": email, **claims})
        for email, claims in USERS.items()
    ]
    with oidc_provider_mock.run_server_in_thread(port=free_port(), user_claims=users) as server:
        yield f"http://localhost:{server.server_port}"


@pytest.fixture(scope="module")
def login_app(oidc, tmp_path_factory):
    """``streamlit run`` with login configured, on a small dataset (6 in Bissappu, 2 in Bantaeng)."""
    from tests.conftest import _require_browser

    _require_browser()
    folder = tmp_path_factory.mktemp("login")
    url = f"sqlite:///{folder / 'pantau.db'}"
    analytics.ensure_ready(url)
    with dataset(url) as d:
        kelas = d.kelas("GAR-01", tahun=2023)
        for i in range(6):
            d.enrol(d.person(f"Bissappu {i}", desa=BONTO_JAI), kelas)
        for i in range(2):
            d.enrol(d.person(f"Bantaeng {i}", desa=TAPPANJENG, lahir=date(1990, 1, 1)), kelas)
    port = free_port()
    akses = "\n".join(f'"{email}" = "{role}"' for email, role in AKSES.items())
    secrets = folder / "secrets.toml"
    secrets.write_text(
        f"""[auth]
redirect_uri = "http://localhost:{port}/oauth2callback"
cookie_secret = "uji-browser-rahasia-cookie-yang-panjang-0123456789"
client_id = "pantau"
client_secret = "mock"
server_metadata_url = "{oidc}/.well-known/openid-configuration"

[akses]
{akses}
""",
        encoding="utf-8",
    )
    base, proc = start_streamlit(
        url, port=port, host="localhost", extra_args=("--secrets.files", str(secrets))
    )
    try:
        yield base
    finally:
        stop_streamlit(proc)


@pytest.fixture(autouse=True)
def _patient(page: Page):
    page.set_default_timeout(TIMEOUT)
    expect.set_options(timeout=TIMEOUT)


def settled(page: Page) -> None:
    expect(page.get_by_test_id("stApp")).to_have_attribute("data-test-script-state", "notRunning")


def heading(page: Page, name: str):
    return page.get_by_role("heading", name=name, level=1)


def login(page: Page, base: str, email: str, landing: str = "Ringkasan") -> None:
    page.goto(base)
    expect(heading(page, "Masuk ke Pantau")).to_be_visible()
    page.get_by_role("button", name="Masuk").click()
    page.locator("input[type=text][name=sub]").fill(email)
    page.locator("form:has(input[type=text][name=sub]) button[type=submit]").click()
    expect(heading(page, landing)).to_be_visible()
    settled(page)


def nav_link(page: Page, name: str):
    return page.get_by_test_id("stSidebarNav").get_by_role("link", name=name)


def test_anonymous_sees_only_the_login_page_and_nothing_leaves_the_machine(login_app, page: Page):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for path in ("", "kuota?kecamatan=73.03.02", "data"):
        page.goto(f"{login_app}/{path}")
        expect(heading(page, "Masuk ke Pantau")).to_be_visible()
        settled(page)
        expect(page.get_by_test_id("stMetric")).to_have_count(0)
        expect(page.get_by_test_id("stDataFrame")).to_have_count(0)
        expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)
    outside = sorted({u for u in requests if urlsplit(u).hostname not in LOCAL_HOSTS})
    assert outside == [], outside


def test_roles_see_their_pages_and_two_users_work_at_once(login_app, browser: Browser):
    bupati_ctx, operator_ctx = browser.new_context(), browser.new_context()
    try:
        bupati, operator = bupati_ctx.new_page(), operator_ctx.new_page()
        for p in (bupati, operator):
            p.set_default_timeout(TIMEOUT)
        login(bupati, login_app, "bupati@bantaeng.go.id")
        login(operator, login_app, "operator@bantaeng.go.id")

        # Each context keeps its own user.
        sidebar = bupati.get_by_test_id("stSidebar")
        expect(sidebar.get_by_text("Ilham Bupati")).to_be_visible()
        expect(sidebar.get_by_text("Peran: Pimpinan (seluruh kabupaten)")).to_be_visible()
        expect(bupati.get_by_test_id("stMetricValue").first).to_be_visible()
        expect(nav_link(bupati, "Kuota & Kemajuan")).to_be_visible()
        expect(nav_link(bupati, "Data & Impor")).to_have_count(0)
        expect(operator.get_by_test_id("stSidebar").get_by_text("Rahma Operator")).to_be_visible()
        expect(nav_link(operator, "Data & Impor")).to_be_visible()

        # Opened by URL without the right: a refusal, no figure.
        bupati.goto(f"{login_app}/data")
        expect(heading(bupati, "Data & Impor")).to_be_visible()
        expect(
            bupati.get_by_text("hanya dapat dibuka oleh peran operator atau admin")
        ).to_be_visible()
        expect(bupati.get_by_test_id("stFileUploader")).to_have_count(0)
        operator.goto(f"{login_app}/data")
        expect(heading(operator, "Data & Impor")).to_be_visible()
        expect(operator.get_by_test_id("stFileUploader")).to_be_visible()
        expect(operator.get_by_text("Diimpor sebagai: operator@bantaeng.go.id")).to_be_visible()
        expect(operator.get_by_role("tab", name="Log audit")).to_have_count(0)
        # A reload keeps the login.
        bupati.reload()
        expect(heading(bupati, "Data & Impor")).to_be_visible()
        expect(bupati.get_by_text("hanya dapat dibuka")).to_be_visible()
    finally:
        bupati_ctx.close()
        operator_ctx.close()


def test_a_claimed_admin_sees_the_audit_log(login_app, page: Page):
    login(page, login_app, "kasi@dinsos.go.id")
    page.goto(f"{login_app}/data")
    expect(heading(page, "Data & Impor")).to_be_visible()
    page.get_by_role("tab", name="Log audit").click()
    log = page.get_by_test_id("stDataFrame").filter(has_text="Tindakan")
    expect(log).to_be_visible()


def test_an_unknown_email_has_no_access_and_can_log_out(login_app, page: Page):
    login(page, login_app, "tamu@gmail.com", landing="Belum ada akses")
    expect(page.get_by_text("tamu@gmail.com")).to_be_visible()
    expect(page.get_by_test_id("stMetric")).to_have_count(0)
    page.get_by_role("button", name="Keluar").click()
    page.get_by_role("button", name="End session").click()
    expect(heading(page, "Masuk ke Pantau")).to_be_visible()
    page.goto(login_app)
    expect(heading(page, "Masuk ke Pantau")).to_be_visible()


def test_a_camat_cannot_widen_the_view_by_url(login_app, page: Page):
    login(page, login_app, "camat@bantaeng.go.id")
    page.goto(f"{login_app}/kuota?kecamatan=73.03.02&desa=73.03.02.1001")
    expect(heading(page, "Kuota & Kemajuan")).to_be_visible()
    settled(page)
    expect(page).to_have_url(re.compile(r"/kuota\?kecamatan=73\.03\.01$"))
    chips = page.locator(".st-key-f_kecamatan [data-tag]")
    expect(chips).to_have_text(["Bissappu"])
    expect(page.locator(".st-key-f_kecamatan input")).to_be_disabled()
    expect(page.get_by_text("di luar wilayah Anda diabaikan")).to_be_visible()
    expect(page.get_by_text("Filter aktif: Kecamatan Bissappu")).to_be_visible()
