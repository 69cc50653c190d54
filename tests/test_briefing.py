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

import pandas as pd
import pytest
import sqlalchemy as sa
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from lib.briefing import images, layout, narrative, slides
from lib.briefing import pdf as brief_pdf
from lib.briefing import pptx as brief_pptx
from lib.core import db, fmt
from lib.core.filters import Filters
from lib.semantic import analytics, decisions, query
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


def notes_text(slide) -> str:
    return "\n".join(slide.notes)


def test_every_figure_is_the_semantic_layers(db_url):
    """Structure (keys, conclusion titles, notes) and every figure of the deck and the WhatsApp
    text against lib.semantic.decisions / query for the same filter (filtered and regency)."""
    build_scenario(db_url)
    engine = db.get_engine(db_url)
    for scope in (SCOPE, Filters()):
        check_deck(engine, scope)


def check_deck(engine, scope: Filters) -> None:
    # the semantic layer's exact figures: the deck of an operator or admin (small counts hidden
    # for leadership: tests/test_suppression_deck.py)
    deck = slides.build(engine, scope, with_images=False, exact=True)
    by_key = {s.key: s for s in deck.slides}
    assert [s.key for s in deck.slides] == list(slides.SLIDE_KEYS)
    assert all(s.title and "{" not in s.title for s in deck.slides)
    assert not deck.slides[0].notes
    for s in deck.slides[1:]:
        assert AS_OF in notes_text(s) and s.title in notes_text(s), s.key
    st = decisions.status(engine, scope)
    share = decisions.fair_share(engine, scope)
    values = query.indicators(engine, scope)
    kec = decisions.kecamatan_by_need(engine, scope)
    kur = decisions.kur_pipeline(engine, scope)
    fu = decisions.tracer_followups(engine, scope)
    vil = decisions.villages_by_need(engine, scope)
    # summary: status (programme-wide), three figures, at most three gaps
    summary = by_key["ringkasan"]
    assert summary.title == narrative.status_title(st)
    assert summary.metrics[0].value == f"{fmt.number(st.peserta)} dari {fmt.number(st.kuota)}"
    assert summary.metrics[0].raw == st.peserta
    if scope.is_empty():
        assert summary.metrics[1].raw == st.hari_tersisa
    else:
        assert summary.metrics[1].raw == share.peserta
        assert fmt.pct(share.porsi_kuota) in summary.metrics[1].label
        assert "dari kuota kabupaten" in summary.metrics[1].label
        assert "porsi" in summary.sentences[1] and "seluruh kabupaten" in summary.sentences[1]
    assert summary.metrics[2].raw == values["persen_penempatan"]
    assert 1 <= len(summary.bullets) <= 3
    # every registry metric of a scoped slide shows the registry's value for the filter (the
    # programme-wide figures of the summary and pace slides are checked against the status)
    for s in deck.slides[3:]:
        for m in s.metrics:
            if m.key and m.key in values:
                assert m.raw == values[m.key], (s.key, m.key)
    laju = by_key["laju"]
    assert [m.raw for m in laju.metrics[:3]] == [st.rencana, st.peserta, st.selisih_rencana]
    assert "-" not in laju.metrics[2].value  # words, not a hyphen-minus
    series = decisions.progress_series(engine)
    assert laju.chart.series[0].values == tuple(
        None if v is pd.NA else float(v) for v in series["peserta"]
    )
    assert laju.chart.series[1].values == tuple(float(v) for v in series["rencana"])
    wilayah = by_key["wilayah"].chart
    table = kec.table.set_index("nama_kecamatan")
    for name, peserta, wajar in zip(
        wilayah.categories, wilayah.series[0].values, wilayah.series[1].values, strict=True
    ):
        # the fair share is compared with the whole programme's participants of the area
        assert peserta == table.loc[name, "peserta_wilayah"]
        assert wajar == table.loc[name, "bagian_wajar"]
    assert by_key["desa"].metrics[0].raw == vil.tanpa_peserta
    hasil = by_key["hasil"]
    assert hasil.chart.series[0].values == tuple(
        float(values[k] or 0) for k in slides.OUTCOME_ORDER
    )
    assert hasil.metrics[3].raw == fu.total
    bantuan = by_key["bantuan"]
    assert bantuan.chart.series[0].values == tuple(float(v) for v in kur.by_status["catatan"])
    assert bantuan.metrics[1].value == narrative.money(values["kur_nilai_rp"])
    assert bantuan.metrics[2].raw == kur.diajukan
    # the closing slide: one bullet per proposal of the decisions API, each with its figure
    props = decisions.proposals(engine, scope)
    usulan = by_key["usulan"]
    assert usulan.title == "Usulan tindak lanjut" and len(usulan.bullets) == len(props)
    for bullet, p in zip(usulan.bullets, props, strict=True):
        assert fmt.number(p.figure) in bullet, (p.kind, bullet)
    # the WhatsApp text
    text = deck.summary
    assert len(text) <= 1500 and text.count("*") % 2 == 0
    assert f"{fmt.number(st.peserta)} dari {fmt.number(st.kuota)} orang" in text
    assert text.endswith(AS_OF) and f"*{summary.title}*" in text
    assert fmt.pct(values["persen_penempatan"]) in text
    assert narrative.money(values["kur_nilai_rp"]) in text
    assert ("porsi " + fmt.pct(share.porsi_kuota)) in text or scope.is_empty()


def test_empty_scope_reads_as_sentences(db_url):
    build_scenario(db_url)
    deck = slides.build(db.get_engine(db_url), Filters(tahun=(2022,)), with_images=False)
    text = " ".join(s for slide in deck.slides for s in (slide.title, *slide.sentences))
    assert "hasil pasca pelatihan belum dapat diukur" in text
    assert "Belum ada KUR, bantuan peralatan, maupun modal usaha dusun/RW" in text
    assert "Belum ada paket dengan cukup alumni untuk diperingkat" in text
    assert "None" not in text and "{" not in text and "nan" not in text.split()


def test_money_minus_and_gap_words():
    assert narrative.money(3_991_000_000) == "Rp3,99 miliar"
    assert narrative.money(438_000_000) == "Rp438 juta"
    assert narrative.money(750_000) == "Rp750.000"
    assert narrative.money(-15_000_000) == "\u2212Rp15 juta"
    assert narrative.money(3_991_000_000, "en") == "Rp3.99 billion"
    assert narrative.signed(-35) == "\u221235"
    assert narrative.gap_words(35) == "kurang 35 orang"
    assert narrative.gap_words(-5) == "lebih 5 orang"
    assert narrative.gap_words(0, "en") == "on plan"


@pytest.mark.parametrize(
    ("value", "card", "deck"),
    [
        # The card said "Rp4 M" beside the deck's "Rp3,99 miliar".
        (3_994_000_000, "Rp3,99 M", "Rp3,99 miliar"),
        (999_999_999, "Rp1 M", "Rp1 miliar"),  # not "Rp1.000 juta"
        (1_234_567, "Rp1,23 jt", "Rp1,23 juta"),
        (750_000, "Rp750.000", "Rp750.000"),
    ],
)
def test_cards_and_deck_write_the_same_sum_of_money(value, card, deck):
    assert fmt.by_unit("rupiah", value) == card
    assert narrative.money(value) == deck
    # English keeps the rupiah's sign, in both styles.
    assert fmt.by_unit("rupiah", value, "en").startswith("Rp")
    assert narrative.money(value, "en").startswith("Rp")


def test_whatsapp_text_keeps_data_text_from_formatting():
    from lib.briefing import text

    assert text.neutral("Desa *Bonto_Jai* ~x~ `y`") == "Desa ∗Bonto Jai∗ ∼x∼ 'y'"


# --- the files (SQLite, pictures rendered once) --------------------------------------------------


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('brief') / 'brief.db'}"
    analytics.ensure_ready(url)
    build_scenario(url)
    engine = db.get_engine(url)
    deck = slides.build(engine, SCOPE, exact=True)  # checked against the exact figures
    values = query.indicators(engine, SCOPE)
    return deck, values, brief_pdf.render(deck), brief_pptx.render(deck)


def expected_strings(deck, values) -> list[str]:
    """Figures (query.indicators, formatted by lib.core.fmt), filter names and the data date."""
    return [
        fmt.number(values["peserta"]),
        fmt.pct(values["persen_keterisian"]),
        fmt.pct(values["persen_penempatan"]),
        narrative.money(values["kur_nilai_rp"]),
        "Bissappu",
        "Tahun 2024",
        "31 Oktober 2024",
        *[s for slide in deck.slides for s in (slide.title, *slide.sentences)],
        *[m.value for slide in deck.slides for m in slide.metrics],
        *[slides.plain(b) for slide in deck.slides for b in slide.bullets],
    ]


def test_pdf_text_pages_and_pictures(rendered):
    deck, values, data, _ = rendered
    reader = PdfReader(io.BytesIO(data))
    n = len(slides.SLIDE_KEYS)
    assert len(reader.pages) == len(deck.slides) == n
    pages = [flat(p.extract_text()) for p in reader.pages]
    for number, text in enumerate(pages, 1):
        assert STAMP in text and AS_OF in text, number
        assert f"{number}/{n}" in text
    whole = " ".join(pages)
    for wanted in expected_strings(deck, values):
        assert flat(wanted) in whole, wanted
    for page, slide in zip(reader.pages, deck.slides, strict=True):
        assert len(page.images) == (1 if slide.image else 0), slide.key
        assert slide.image or slide.key not in slides.WITH_IMAGE
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert width / height == pytest.approx(16 / 9, rel=1e-3)
    fonts = [f.get_object()["/BaseFont"] for f in reader.pages[1]["/Resources"]["/Font"].values()]
    assert all("DejaVuSans" in name for name in fonts), fonts  # embedded, Unicode


def test_pptx_text_slides_pictures_and_bounds(rendered):
    deck, values, _, data = rendered
    prs = Presentation(io.BytesIO(data))
    assert prs.slide_width / prs.slide_height == pytest.approx(16 / 9, rel=1e-3)
    n = len(slides.SLIDE_KEYS)
    assert len(prs.slides) == len(deck.slides) == n
    texts = []
    native = 0
    for number, (slide, source) in enumerate(zip(prs.slides, deck.slides, strict=True), 1):
        text = flat(" ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame))
        assert STAMP in text and AS_OF in text and f"{number}/{n}" in text, number
        texts.append(text)
        # a title placeholder on every slide (outline view, the regency's master)
        assert slide.shapes.title is not None and slide.shapes.title.text_frame.text == source.title
        pictures = [sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert len(pictures) == (1 if source.key in slides.WITH_IMAGE else 0), source.key
        charts = [sh.chart for sh in slide.shapes if sh.has_chart]
        assert len(charts) == (1 if source.chart else 0), source.key
        assert source.chart is None or source.key in slides.WITH_CHART
        for chart in charts:  # the deck's data, editable in PowerPoint
            native += 1
            assert list(chart.plots[0].categories) == list(source.chart.categories)
            for got, want in zip(chart.plots[0].series, source.chart.series, strict=True):
                assert got.name == want.name
                assert list(got.values) == list(want.values)
        # speaker notes after the cover: figures, definitions, data date
        if number == 1:
            assert not slide.has_notes_slide
        else:
            notes = slide.notes_slide.notes_text_frame.text
            assert AS_OF in notes and source.title in notes, number
            for m in source.metrics:
                assert f"{m.label}: {m.value}" in notes
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
    assert native >= 2
    whole = " ".join(texts)
    for wanted in expected_strings(deck, values):
        assert flat(wanted) in whole, wanted


def test_pictures_are_pngs_of_the_slide_box(rendered):
    deck, *_ = rendered
    for slide in deck.slides:
        if slide.image is not None:
            assert slide.key in slides.WITH_IMAGE + slides.WITH_CHART
            w, h = layout.png_size(slide.image)
            assert w >= 1200 and 1.5 < w / h < 3.2, (slide.key, w, h)
        else:
            assert slide.image is None


def test_core_font_fallback_sanitises_text(rendered):
    deck, *_ = rendered
    assert brief_pdf.sanitise_latin1("a – b “c” … d\u202fe") == 'a - b "c" ... d e'
    reader = PdfReader(io.BytesIO(brief_pdf.render(deck, unicode_font=False)))
    assert len(reader.pages) == len(slides.SLIDE_KEYS)
    assert STAMP in flat(reader.pages[0].extract_text())


def test_cli_writes_pptx_and_refuses_other_suffixes(rendered, tmp_path, capsys):
    from lib import cli

    deck, *_ = rendered
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    analytics.ensure_ready(url)
    build_scenario(url)
    # --exact: the files of the exact deck (the default, for leadership, hides small counts:
    # tests/test_suppression_deck.py)
    args = ["--db", url, "briefing", "--exact", "--kecamatan", "73.03.01", "--tahun", "2024"]
    assert cli.main([*args, "--out", str(tmp_path / "deck.docx")]) == 2
    assert ".pdf, .pptx atau .txt" in capsys.readouterr().err
    assert not (tmp_path / "deck.docx").exists()
    out = tmp_path / "out" / "deck.pptx"
    assert cli.main([*args, "--out", str(out)]) == 0
    prs = Presentation(str(out))
    assert len(prs.slides) == len(deck.slides)
    text = flat(" ".join(sh.text_frame.text for sh in prs.slides[1].shapes if sh.has_text_frame))
    assert deck.slides[1].sentences[0] in text
    # the WhatsApp text, and the regency's own master (its sample slide is left out)
    txt = tmp_path / "ringkasan.txt"
    assert cli.main([*args, "--out", str(txt)]) == 0
    assert txt.read_text(encoding="utf-8") == deck.summary
    master = Presentation()
    master.slide_layouts[5].name = "Judul Pemkab"
    master.slides.add_slide(master.slide_layouts[0]).shapes.title.text = "Contoh"
    master.save(str(tmp_path / "pemkab.pptx"))
    themed = tmp_path / "themed.pptx"
    assert cli.main([*args, "--template", str(tmp_path / "pemkab.pptx"), "--out", str(themed)]) == 0
    prs = Presentation(str(themed))
    assert len(prs.slides) == len(deck.slides)
    assert prs.slides[1].slide_layout.name == "Judul Pemkab"
    assert [s.shapes.title.text_frame.text for s in prs.slides] == [s.title for s in deck.slides]
    (tmp_path / "bad.pptx").write_text("not a presentation")
    assert cli.main([*args, "--template", str(tmp_path / "bad.pptx"), "--out", str(themed)]) == 2
    assert "Templat" in capsys.readouterr().err


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

    from lib.semantic import decisions
    from lib.views import villages

    build_scenario(db_url)
    stats = villages.village_stats(db.get_engine(db_url), SCOPE)
    need = decisions.villages_by_need(db.get_engine(db_url), SCOPE).table.head(8)
    circles = images.need_map(stats, need).to_dict(validate=False)
    assert "geoshape" not in str(circles) and "circle" in str(circles)
    if not SHARED_BOUNDARIES.is_file():
        pytest.skip("shared boundary file not present")
    monkeypatch.setenv("PANTAU_BOUNDARIES", str(SHARED_BOUNDARIES))
    geometries = images.boundary_geometries()
    assert geometries and BONTO_JAI in geometries
    spec = str(images.need_map(stats, need, geometries=geometries).to_dict(validate=False))
    assert "geoshape" in spec


# --- the demo: a long filter still renders ------------------------------------------------------


def test_a_filter_of_all_40_packages_renders(demo_db_url):
    from lib.core.models import Package

    engine = db.get_engine(demo_db_url)
    with engine.connect() as conn:
        codes = tuple(sorted(conn.execute(sa.select(Package.kode)).scalars()))
    assert len(codes) == 40
    deck = slides.build(engine, Filters(paket=codes), with_images=False)
    assert len(deck.description) > 255  # longer than a PowerPoint document property may be
    prs = Presentation(io.BytesIO(brief_pptx.render(deck)))
    assert len(prs.slides) == len(slides.SLIDE_KEYS)
    assert len(prs.core_properties.title) <= 255 and prs.core_properties.title.endswith("…")
    assert len(PdfReader(io.BytesIO(brief_pdf.render(deck))).pages) == len(slides.SLIDE_KEYS)
    assert len(deck.summary) <= 1500 and deck.summary.endswith("Data per 31 Januari 2025")
