"""Text from data and from the URL reaches the page as text, never as markdown, HTML or LaTeX
(issue 11; README, privacy and offline promises).

A small database whose package, village, kecamatan, kejuruan and person names hold markdown, HTML
and LaTeX payloads is shown on every registered page, with and without hostile URL filters: no
element that renders markdown (markdown, caption, alerts, labels, help) may carry a payload
unescaped. Hostile query strings never end in an exception. One browser test checks that such data
makes no request leave the machine and puts no link or picture of the payload into the DOM.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import pytest
from sqlalchemy import update
from streamlit.testing.v1 import AppTest

from lib.app import nav
from lib.core import db, fmt
from lib.core.models import Kecamatan, Package, Person, Village
from lib.render import maps
from lib.semantic import analytics
from tests.builders import BANTAENG, BISSAPPU, BONTO_CINDE, BONTO_JAI, TAPPANJENG, dataset
from tests.conftest import ROOT, start_streamlit, stop_streamlit
from tests.intake_files import DTKS, csv_bytes, dtks_row

MD = "**x** [klik](https://contoh.invalid) ![t](http://contoh.invalid/t.png)"
IMG = "<img src=http://contoh.invalid/x.png>"
SCRIPT = "<script>alert(1)</script>"
TEX = "$\\frac{1}{2}$"
PAYLOADS = (MD, IMG, SCRIPT, TEX)
FILE_NAME = (
    "**x** [klik](https:contoh.invalid) ![t](http:contoh.invalid.png).csv"  # no "/" in a name
)
# What a payload would become if rendered: none of these may reach a markdown-rendering element.
LIVE = ("**x**", "](http", "![t]", "<img", "<script", "<b>", "{1}", "contoh.invalid", "://")
HOSTILE_URL = {"paket": "[a](http://contoh.invalid)", "kecamatan": "<b>x</b>"}
HOSTILE_QUERIES = (
    {"slide": "²"},
    {"tahun": ["2022", "2023"]},
    {"paket": "\x00"},
    {"tahun": "9" * 5000},
    {"lang": "xx"},
)
ESCAPED = re.compile(r"\\.", re.S)  # a backslash escape (the character shows as itself)
SAFE_TYPES = {"text", "code", "dataframe", "arrow_data_frame", "json", "vega_lite_chart"}


def hostile_db(url: str) -> str:
    """Schema, reference data and a few persons and classes, with hostile names."""
    analytics.ensure_ready(url)
    with dataset(url) as d:
        for i in range(3):  # many eligible, nobody trained: an alert with a link to the village
            d.person(f"Sasaran {i}", desa=BONTO_JAI)
        ani = d.person(SCRIPT, desa=BONTO_CINDE)
        budi = d.person(MD, desa=TAPPANJENG, jk="L")
        a = d.kelas("GAR-01", tahun=2022)
        b = d.kelas("GAR-01", tahun=2024, mulai=date(2024, 7, 1), selesai=date(2024, 8, 30))
        d.enrol(ani, a, "selesai", uji="kompeten")
        d.enrol(budi, b, "terdaftar")
        d.data_date(date(2024, 6, 1))
        conn = d.conn
        conn.execute(update(Package).where(Package.kode == "GAR-01").values(nama=MD, kejuruan=IMG))
        conn.execute(update(Package).where(Package.kode != "GAR-01").values(nama=TEX))
        conn.execute(update(Village).where(Village.kode == BONTO_JAI).values(nama=MD))
        conn.execute(update(Village).where(Village.kode == BONTO_CINDE).values(nama=IMG))
        conn.execute(update(Village).where(Village.kode == TAPPANJENG).values(nama=TEX))
        conn.execute(update(Kecamatan).where(Kecamatan.kode == BISSAPPU).values(nama=SCRIPT))
        conn.execute(update(Kecamatan).where(Kecamatan.kode == BANTAENG).values(nama=MD))
        conn.execute(update(Person).where(Person.nama.like("Sasaran%")).values(nama=IMG))
    return url


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    return hostile_db(f"sqlite:///{tmp_path_factory.mktemp('hostile') / 'hostile.db'}")


def walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from walk(child)


def rendered_texts(at: AppTest) -> list[tuple[str, str]]:
    """(element type, string) for every string an element renders as markdown: values of
    markdown/caption/alerts/headings, and labels and help of widgets and links."""
    out = []
    for node in walk(at._tree):
        kind = getattr(node, "type", "")
        if kind in SAFE_TYPES:
            continue
        proto = getattr(node, "proto", None)
        for field in ("value", "label", "help", "body"):
            value = None
            if field in ("value", "body") and kind not in SAFE_TYPES:
                value = getattr(proto, "body", None) if proto is not None else None
                if field == "value" and isinstance(getattr(node, "value", None), str):
                    value = node.value
            elif proto is not None and hasattr(proto, field):
                value = getattr(proto, field)
            if isinstance(value, str) and value:
                out.append((kind, value))
    return out


def open_app(url: str, monkeypatch, page: str, params: dict | None = None) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", url)
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    at.run()
    if page != "ringkasan" and not at.exception:
        at.switch_page(f"app_pages/{page}.py").run()
    return at


LIVE_HTML = ("<script", "<b>x</b>", "<img src=http")


def live_in(text: str, kind: str = "markdown") -> list[str]:
    """The payload fragments that ``text`` would render: in HTML (``st.html``) tags of a payload,
    in markdown any payload fragment once the escaped characters are taken out."""
    if kind == "html":
        return [bad for bad in LIVE_HTML if bad in text]
    bare = ESCAPED.sub("", text)
    return [bad for bad in LIVE if bad in bare]


def assert_inert(at: AppTest) -> list[tuple[str, str]]:
    assert not at.exception, [e.message for e in at.exception]
    texts = rendered_texts(at)
    live = [(kind, text) for kind, text in texts if live_in(text, kind)]
    assert not live, live
    return texts


def test_md_text_escapes_every_special_and_keeps_the_text():
    for payload in PAYLOADS:
        escaped = fmt.md_text(payload)
        assert live_in(payload), payload  # the check itself sees a raw payload
        assert not live_in(escaped), escaped
        # Removing the escapes gives back the characters, so the reader sees the name as it is.
        unescaped = ESCAPED.sub(lambda m: m.group(0)[1], escaped).replace(fmt.WORD_JOINER, "")
        assert unescaped == payload
    assert fmt.md_text("Bissappu") == "Bissappu"
    assert fmt.md_text("a\nb") == "a b"
    assert "://" not in fmt.md_text("http://x.id") and "www." not in fmt.md_text("www.x.id")
    assert fmt.html_text(SCRIPT) == "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.mark.parametrize("page", [p.key for p in nav.PAGES])
def test_every_page_shows_hostile_names_as_text(hostile_url, monkeypatch, page):
    assert_inert(open_app(hostile_url, monkeypatch, page))
    # Filtered by the hostile kecamatan and package: the stamp, chips and headings carry the names.
    params = {"kecamatan": BISSAPPU, "paket": "GAR-01", "kejuruan": IMG}
    texts = assert_inert(open_app(hostile_url, monkeypatch, page, params))
    assert any(fmt.md_text(SCRIPT) in text for _, text in texts), "the stamp names the filter"


def test_alert_links_and_stamp_on_ringkasan_escaped(hostile_url, monkeypatch):
    at = open_app(hostile_url, monkeypatch, "ringkasan", {"kecamatan": BISSAPPU})
    texts = assert_inert(at)
    labels = [text for kind, text in texts if fmt.md_text(MD) in text]
    assert labels, "the village of the alert is named (escaped) in its link"


@pytest.mark.parametrize("page", [p.key for p in nav.PAGES])
def test_url_values_in_notices_are_text(hostile_url, monkeypatch, page):
    at = open_app(hostile_url, monkeypatch, page, HOSTILE_URL)
    assert_inert(at)
    warnings = [w.value for w in at.warning]
    assert any(fmt.md_text(HOSTILE_URL["paket"]) in w for w in warnings), warnings


def test_map_tooltip_is_escaped_html(hostile_url):
    import pandas as pd

    shown = pd.DataFrame(
        [{"kode": BONTO_JAI, "desa": SCRIPT, "kecamatan": IMG, "jenis": "desa", "lon": 119.9,
          "lat": -5.5, "peserta": 0, "warga_sasaran": 3}]
    )  # fmt: skip
    records = maps._records(shown, maps.METRIC_BY_KEY["peserta"], "id", MD, 1000.0)
    assert records[0]["tip_desa"] == fmt.html_text(SCRIPT)
    assert records[0]["tip_kecamatan"] == fmt.html_text(IMG)
    assert "<" not in records[0]["tip_metrik"] + records[0]["tip_desa"]


@pytest.mark.parametrize("page", [p.key for p in nav.PAGES])
@pytest.mark.parametrize("query", HOSTILE_QUERIES, ids=lambda q: next(iter(q)))
def test_hostile_query_strings_never_raise(hostile_url, monkeypatch, page, query):
    at = open_app(hostile_url, monkeypatch, page, query)
    assert not at.exception, [e.message for e in at.exception]


@pytest.mark.parametrize("lang", ["xx", ["en", "id"], "9" * 5000])
def test_an_unknown_or_repeated_language_is_ignored_with_a_notice(hostile_url, monkeypatch, lang):
    at = open_app(hostile_url, monkeypatch, "ringkasan", {"lang": lang})
    assert not at.exception, [e.message for e in at.exception]
    notices = [ESCAPED.sub(lambda m: m.group(0)[1], w.value) for w in at.warning]
    assert any("(lang=…) tidak dikenal dan diabaikan" in n for n in notices), notices
    assert "lang" not in at.query_params  # the page is in Indonesian and says so in its address
    english = open_app(hostile_url, monkeypatch, "ringkasan", {"lang": ["en", "en"]})
    assert not any("lang=" in w.value for w in english.warning)
    assert english.query_params["lang"] == "en"


@pytest.mark.browser
def test_hostile_names_make_no_request_and_no_link(tmp_path, page):
    from playwright.sync_api import expect

    url = hostile_db(f"sqlite:///{tmp_path / 'hostile.db'}")
    base, proc = start_streamlit(url)
    outside: list[str] = []
    page.on(
        "request",
        lambda r: (
            outside.append(r.url)
            if urlsplit(r.url).hostname not in ("127.0.0.1", "localhost")
            and not r.url.startswith("data:")
            else None
        ),
    )
    page.set_default_timeout(90_000)
    try:
        for path, query in (("/", "?kecamatan=73.03.01"), ("/", ""), ("/data", "")):
            page.goto(base + path + query)
            app = page.get_by_test_id("stApp")
            expect(app).to_have_attribute("data-test-script-state", "notRunning", timeout=90_000)
            page.wait_for_timeout(500)
            for expander in page.get_by_test_id("stExpander").all():
                if expander.is_visible():  # open the alert lists (tabs hide some expanders)
                    expander.locator("summary").click()
            page.wait_for_timeout(500)
            links = page.locator("a[href*='contoh.invalid']")
            assert links.count() == 0, [
                links.nth(i).evaluate("e => e.parentElement.outerHTML")
                for i in range(links.count())
            ]
            assert page.locator("img[src*='contoh.invalid']").count() == 0
            assert page.locator("script:text('alert(1)')").count() == 0
            assert page.locator("span.katex").count() == 0
        # An upload whose file name is markdown: the success message names it as text.
        page.goto(base + "/data")
        uploader = page.get_by_test_id("stFileUploader")
        expect(uploader).to_be_visible()
        uploader.locator("input[type=file]").set_input_files(
            {"name": FILE_NAME, "mimeType": "text/csv", "buffer": csv_bytes(DTKS, [dtks_row(1)])}
        )
        page.get_by_role("button", name="Muat 1 baris ke basis data").click()
        expect(page.get_by_text("1 baris ditulis", exact=False)).to_be_visible()
        assert page.locator("a[href*='contoh.invalid']").count() == 0
        assert page.locator("img[src*='contoh.invalid']").count() == 0
        expect(page.get_by_text("[klik](https:", exact=False).first).to_be_visible()
        page.goto(base + "/?" + "&".join(f"{k}={v}" for k, v in HOSTILE_URL.items()))
        expect(page.get_by_test_id("stApp")).to_have_attribute(
            "data-test-script-state", "notRunning", timeout=90_000
        )
        # The value shows as it was typed (a word joiner, invisible, keeps it from being linked).
        typed = re.compile(r"\[a\]\(http:\u2060?//contoh\.invalid\)")
        expect(page.get_by_text(typed).first).to_be_visible()
        links = page.locator("a[href*='contoh.invalid']")
        shown = [
            links.nth(i).evaluate("e => e.parentElement.outerHTML") for i in range(links.count())
        ]
        assert not shown, shown
        assert page.locator("b:text('x')").count() == 0
    finally:
        stop_streamlit(proc)
    assert not outside, outside
    assert db.data_version(db.get_engine(url)) is not None
