"""The briefing deck: figures and sentences for a filtered scope, and the PDF and PPTX files.

Scenario (hand-built): three classes, 2024 GAR-01 (A) and LAS-01 (B), 2023 GAR-01 (C); in
Kecamatan Bissappu Ani (A, selesai, kompeten, surveyed bekerja), Budi (B, selesai, surveyed
wirausaha, KUR Rp15.000.000 approved, equipment disbursed), Citra (A, aktif), Dedi (C, selesai),
Eka (B, keluar); in Kecamatan Bantaeng Fajar (A, selesai). Data date 31 October 2024.

For Kecamatan Bissappu · Tahun 2024, by hand: 3 participants (Ani, Budi, Citra), 2 completed,
1 competent, both completers placed (100,0%), 2 classes of 16 seats with 5 enrolments (15,6%);
the whole programme has 5 participants (Eka dropped out).
"""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from lib.briefing import images, layout, slides
from lib.briefing import pdf as brief_pdf
from lib.briefing import pptx as brief_pptx
from lib.core import db, fmt
from lib.core.filters import Filters
from lib.semantic import indicators
from tests.builders import BISSAPPU, BONTO_CINDE, BONTO_JAI, TAPPANJENG, dataset

SCOPE = Filters(kecamatan=(BISSAPPU,), tahun=(2024,))
STAMP = "Kecamatan Bissappu · Tahun 2024"
AS_OF = "Data per 31 Oktober 2024"


def build_scenario(url: str) -> None:
    with dataset(url) as d:
        a = d.kelas("GAR-01", tahun=2024)
        b = d.kelas("LAS-01", tahun=2024)
        c = d.kelas("GAR-01", tahun=2023)
        ani = d.person("Ani", desa=BONTO_JAI, jk="P")
        budi = d.person("Budi", desa=BONTO_JAI, jk="L")
        citra = d.person("Citra", desa=BONTO_CINDE, jk="P")
        dedi = d.person("Dedi", desa=BONTO_CINDE, jk="L")
        eka = d.person("Eka", desa=BONTO_JAI, jk="P")
        fajar = d.person("Fajar", desa=TAPPANJENG, jk="L")
        d.survey(d.enrol(ani, a, "selesai", uji="kompeten"), date(2024, 8, 1), "bekerja")
        d.survey(d.enrol(budi, b, "selesai"), date(2024, 8, 1), "wirausaha")
        d.aid(budi, "kur", tanggal=date(2024, 9, 1), nilai=15_000_000, status="disetujui")
        d.aid(budi, "peralatan", tanggal=date(2024, 9, 2), nilai=2_500_000, status="disalurkan")
        d.enrol(citra, a, "aktif")
        d.enrol(dedi, c, "selesai")
        d.enrol(eka, b, "keluar")
        d.enrol(fajar, a, "selesai")
        db.set_meta(d.conn, "data_per", "2024-10-31")


def flat(text: str) -> str:
    return " ".join(text.split())


# --- the deck's content, on SQLite and PostgreSQL ------------------------------------------------


def test_deck_for_one_kecamatan_and_one_year(db_url):
    build_scenario(db_url)
    engine = db.get_engine(db_url)
    deck = slides.build(engine, SCOPE, with_images=False)
    by_key = {s.key: s for s in deck.slides}
    assert [s.key for s in deck.slides] == list(slides.SLIDE_KEYS)
    assert deck.stamp == f"Filter aktif: {STAMP}" and deck.as_of_text == AS_OF
    assert by_key["kuota"].sentences == (
        "Sampai 31 Oktober 2024, 3 orang dalam cakupan ini (Kecamatan Bissappu; Tahun 2024) "
        "telah mengikuti pelatihan, setara 0,2% dari kuota program 1.444 orang.",
        "Untuk seluruh program, 5 dari 1.444 orang (0,3%) telah mengikuti pelatihan; 1.439 orang "
        "lagi diperlukan, atau 90 kelas berisi 16.",
    )
    assert [(m.label, m.value) for m in by_key["kuota"].metrics] == [
        ("Peserta", "3"), ("Capaian kuota", "0,2%"), ("Selesai", "2"), ("Kompeten", "1"),
    ]  # fmt: skip
    assert by_key["paket"].sentences == (
        "Di seluruh kabupaten, 2 dari 40 paket pelatihan telah dijalankan dalam 2 kelas, dengan "
        "keterisian kursi 15,6%.",
        "Di antara peserta dalam cakupan ini, paket terbanyak adalah Menjahit Pakaian Wanita "
        "(2 orang).",
    )
    assert by_key["peta"].sentences == (
        "Peserta berasal dari 2 dari 11 desa/kelurahan; terbanyak dari Desa Bonto Jai (2 orang) "
        "dan Desa Bonto Cinde (1 orang).",
        "Masih ada 9 desa/kelurahan yang belum memiliki peserta.",
    )
    assert by_key["hasil"].sentences == (
        "Dari 2 alumni, 1 bekerja dan 1 berwirausaha, sehingga tingkat penempatan 100,0%.",
    )
    assert by_key["bantuan"].sentences == (
        "Sebanyak 1 pengajuan KUR telah disetujui atau disalurkan dengan nilai Rp15 jt.",
        "Selain itu, 1 bantuan peralatan telah disetujui atau disalurkan; bantuan modal usaha "
        "dusun/RW belum ada.",
    )
    assert "Rp15.000.000" in [m.value for m in by_key["bantuan"].metrics]
    assert by_key["laju"].title == "Laju dan proyeksi seluruh program"
    assert "tercatat 5 peserta" in by_key["laju"].sentences[0]
    alerts = by_key["peringatan"]
    assert alerts.sentences[0] == f"Ada {len(alerts.bullets)} hal yang perlu mendapat perhatian."
    assert any("38 paket" in b for b in alerts.bullets)  # 40 in the catalogue, 2 ran in 2024


def test_empty_scope_reads_as_sentences(db_url):
    build_scenario(db_url)
    deck = slides.build(db.get_engine(db_url), Filters(tahun=(2022,)), with_images=False)
    text = " ".join(s for slide in deck.slides for s in slide.sentences)
    assert "belum ada peserta pelatihan dalam cakupan ini (Tahun 2022)" in text
    assert "Belum ada kelas pelatihan dalam cakupan ini; 40 paket" in text
    assert "hasil pasca pelatihan belum dapat diukur" in text
    assert "Belum ada KUR, bantuan peralatan, maupun modal usaha dusun/RW" in text
    assert "None" not in text and "{" not in text


# --- the files (SQLite, pictures rendered once) --------------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('brief') / 'brief.db'}"
    db.ensure_ready(url)
    build_scenario(url)
    engine = db.get_engine(url)
    deck = slides.build(engine, SCOPE)
    values = indicators.compute(engine, SCOPE)
    return deck, values, brief_pdf.render(deck), brief_pptx.render(deck)


def expected_strings(deck, values) -> list[str]:
    """Figures (indicators.compute, formatted by lib.core.fmt), filter names and the data date."""
    return [
        fmt.number(values["peserta"]),
        fmt.pct(values["persen_kuota"]),
        fmt.pct(values["persen_keterisian"]),
        fmt.pct(values["persen_penempatan"]),
        fmt.rupiah(values["kur_nilai_rp"]),
        fmt.rupiah_compact(values["kur_nilai_rp"]),
        "Bissappu",
        "Tahun 2024",
        "31 Oktober 2024",
        *[s for slide in deck.slides for s in slide.sentences],
        *[m.value for slide in deck.slides for m in slide.metrics],
        *[slides.plain(b) for slide in deck.slides for b in slide.bullets],
    ]


def test_pdf_text_pages_and_pictures(rendered):
    deck, values, data, _ = rendered
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == len(deck.slides) == 8
    pages = [flat(p.extract_text()) for p in reader.pages]
    for number, text in enumerate(pages, 1):
        assert STAMP in text and AS_OF in text, number
        assert f"{number}/8" in text
    whole = " ".join(pages)
    for wanted in expected_strings(deck, values):
        assert flat(wanted) in whole, wanted
    for page, slide in zip(reader.pages, deck.slides, strict=True):
        assert len(page.images) == (1 if slide.key in slides.WITH_IMAGE else 0), slide.key
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert width / height == pytest.approx(16 / 9, rel=1e-3)
    fonts = [f.get_object()["/BaseFont"] for f in reader.pages[1]["/Resources"]["/Font"].values()]
    assert all("DejaVuSans" in name for name in fonts), fonts  # embedded, Unicode


def test_pptx_text_slides_pictures_and_bounds(rendered):
    deck, values, _, data = rendered
    prs = Presentation(io.BytesIO(data))
    assert prs.slide_width / prs.slide_height == pytest.approx(16 / 9, rel=1e-3)
    assert len(prs.slides) == len(deck.slides) == 8
    texts = []
    for number, (slide, source) in enumerate(zip(prs.slides, deck.slides, strict=True), 1):
        text = flat(" ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame))
        assert STAMP in text and AS_OF in text and f"{number}/8" in text, number
        texts.append(text)
        pictures = [sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == (1 if source.key in slides.WITH_IMAGE else 0), source.key
        for sh in slide.shapes:
            assert sh.left >= 0 and sh.top >= 0, (number, sh.name)
            assert sh.left + sh.width <= prs.slide_width, (number, sh.name)
            assert sh.top + sh.height <= prs.slide_height, (number, sh.name)
            if sh.has_text_frame and sh.text_frame.text.strip():
                runs = [r for p in sh.text_frame.paragraphs for r in p.runs]
                size = runs[0].font.size.pt
                # measured in the weight the box is set in (a bold measure is wider and flagged
                # regular sentences that fit once Liberation Sans was installed)
                measure = layout.sans_measure(bool(runs[0].font.bold))
                paragraphs = [p.text for p in sh.text_frame.paragraphs]
                needed = layout.text_height(paragraphs, size, sh.width / 914400, measure)
                assert needed <= sh.height / 914400 + 0.02, (number, paragraphs, size)
    whole = " ".join(texts)
    for wanted in expected_strings(deck, values):
        assert flat(wanted) in whole, wanted


def test_pictures_are_pngs_of_the_slide_box(rendered):
    deck, *_ = rendered
    for slide in deck.slides:
        if slide.key in slides.WITH_IMAGE:
            w, h = layout.png_size(slide.image)
            assert w >= 1200 and 1.5 < w / h < 3.2, (slide.key, w, h)
        else:
            assert slide.image is None


def test_core_font_fallback_sanitises_text(rendered):
    deck, *_ = rendered
    assert brief_pdf.sanitise_latin1("a – b “c” … d\u202fe") == 'a - b "c" ... d e'
    reader = PdfReader(io.BytesIO(brief_pdf.render(deck, unicode_font=False)))
    assert len(reader.pages) == 8
    assert STAMP in flat(reader.pages[0].extract_text())


def test_cli_writes_pptx_and_refuses_other_suffixes(rendered, tmp_path, capsys):
    from lib import cli

    deck, *_ = rendered
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    db.ensure_ready(url)
    build_scenario(url)
    args = ["--db", url, "briefing", "--kecamatan", "73.03.01", "--tahun", "2024"]
    assert cli.main([*args, "--out", str(tmp_path / "deck.docx")]) == 2
    assert ".pdf atau .pptx" in capsys.readouterr().err
    assert not (tmp_path / "deck.docx").exists()
    out = tmp_path / "out" / "deck.pptx"
    assert cli.main([*args, "--out", str(out)]) == 0
    prs = Presentation(str(out))
    assert len(prs.slides) == len(deck.slides)
    text = flat(" ".join(sh.text_frame.text for sh in prs.slides[1].shapes if sh.has_text_frame))
    assert deck.slides[1].sentences[0] in text


def test_cli_pptx_with_seven_long_package_names_in_the_filter(tmp_path, capsys):
    """The filter stamp of seven packages made the title core property exceed python-pptx's 255
    characters and the whole command died; the properties are cut, the slides keep the stamp."""
    from lib import cli

    url = f"sqlite:///{tmp_path / 'paket.db'}"
    db.ensure_ready(url)
    longest = sorted(db.reference_packages(), key=lambda r: -len(r["nama_paket"]))[:7]
    out = tmp_path / "paket.pptx"
    codes = ",".join(r["kode_paket"] for r in longest)
    assert cli.main(["--db", url, "briefing", "--paket", codes, "--out", str(out)]) == 0, (
        capsys.readouterr().err
    )
    core = Presentation(str(out)).core_properties
    assert len(core.title) <= 255 and core.title.endswith("…")
    assert len(core.subject) <= 255
    assert core.title.startswith("Program Pelatihan Berbasis Kompetensi")
    first = min(longest, key=lambda r: r["kode_paket"])  # the stamp lists them by code
    assert first["nama_paket"] in core.title  # the start of the stamp is kept


# --- pictures stay offline; the map uses boundaries when configured ------------------------------


def test_rendering_refuses_external_data():
    import altair as alt

    chart = alt.Chart(alt.UrlData("https://example.com/data.json")).mark_point().encode(x="a:Q")
    with pytest.raises(Exception, match=re.compile("not allowed|allowed|denied|permitted", re.I)):
        images.to_png(chart)


def test_map_draws_boundaries_when_a_file_is_configured(db_url, monkeypatch):
    from conftest import SHARED_BOUNDARIES

    from lib.views import villages

    build_scenario(db_url)
    stats = villages.village_stats(db.get_engine(db_url), SCOPE)
    circles = images.village_map(stats).to_dict(validate=False)
    assert "geoshape" not in str(circles) and "circle" in str(circles)
    if not SHARED_BOUNDARIES.is_file():
        pytest.skip("shared boundary file not present")
    monkeypatch.setenv("PANTAU_BOUNDARIES", str(SHARED_BOUNDARIES))
    geometries = images.boundary_geometries()
    assert geometries and BONTO_JAI in geometries
    spec = str(images.village_map(stats, geometries=geometries).to_dict(validate=False))
    assert "geoshape" in spec
