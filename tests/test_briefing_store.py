"""Whole decks kept on disk (lib/briefing/store.py): an exact JSON round trip, a key that misses
on any change of what decides the deck, files that are not decks ignored and removed, and the
/briefing page served from a kept deck after its in-memory cache is cleared."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from lib.briefing import slides, store
from lib.core import config, db
from lib.core.filters import Filters
from lib.semantic import analytics
from tests.test_briefing import SCOPE, build_scenario

ROOT = Path(__file__).resolve().parent.parent
DEMO_SCOPE = Filters(kecamatan=("73.03.01",), tahun=(2024,))


@pytest.fixture
def folder():
    """The deck folder of this test run (tests/conftest.py), emptied before and after the test;
    the pictures beside it stay, so a deck with pictures is not rendered again in every test."""
    path = store.directory()
    shutil.rmtree(path, ignore_errors=True)
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(params=["sqlite", pytest.param("pg", marks=pytest.mark.pg)])
def demo_url(request):
    """The scale-1 demo (seed 2022) on SQLite (the shared one) and on PostgreSQL."""
    if request.param == "sqlite":
        return request.getfixturevalue("demo_db_url")
    from lib.intake import demo
    from lib.semantic import analytics
    from tests.conftest import new_pg_database

    url = new_pg_database(request.getfixturevalue("pg_cluster"))
    demo.seed(analytics.ensure_ready(url), scale=1, seed=2022)
    return url


def _kinds(deck: slides.Deck) -> None:
    """The loaded deck has the declared types, not only equal values."""
    assert isinstance(deck.slides, tuple) and all(isinstance(s, slides.Slide) for s in deck.slides)
    assert deck.as_of is None or type(deck.as_of) is date
    for s in deck.slides:
        assert isinstance(s.sentences, tuple) and isinstance(s.metrics, tuple)
        assert s.image is None or (isinstance(s.image, bytes) and s.image.startswith(b"\x89PNG"))
        for m in s.metrics:
            assert m.raw is None or type(m.raw) in (int, float)
        if s.chart is not None:
            assert isinstance(s.chart.series, tuple) and isinstance(s.chart.positions, tuple)
            assert all(type(p) is date for p in s.chart.positions)


def _round_trip(deck: slides.Deck, folder: Path) -> None:
    name = "a" * 64
    assert store.decode(store.encode(deck, name), name) == deck
    assert store.save(name, deck)
    loaded = store.load(name)
    assert loaded == deck and loaded is not deck
    _kinds(loaded)
    assert (folder / f"{name}.json").is_file()


def test_exact_round_trip_of_the_demo_deck(demo_url, folder):
    """The demo deck with its pictures, regency-wide and filtered, for leadership and exact."""
    engine = db.get_engine(demo_url)
    for filters in (Filters(), DEMO_SCOPE):
        for exact in (False, True):
            deck = slides.build(engine, filters, exact=exact)
            assert any(s.image for s in deck.slides) and any(s.chart for s in deck.slides)
            assert any(s.metrics for s in deck.slides) and deck.as_of is not None
            assert any(s.footnote for s in deck.slides) is not exact  # small counts hidden
            _round_trip(deck, folder)


def test_exact_round_trip_on_both_databases(db_url, folder):
    """The hand-built scenario on SQLite and PostgreSQL (figures from either driver keep their
    types), filtered and not, leadership and exact."""
    build_scenario(db_url)
    engine = db.get_engine(db_url)
    for filters in (SCOPE, Filters()):
        for exact in (False, True):
            deck = slides.build(engine, filters, with_images=False, exact=exact)
            _round_trip(deck, folder)
    _round_trip(slides.build(engine, SCOPE), folder)  # with pictures


def _key(**changes) -> str:
    args: dict = {
        "url": "sqlite:////srv/pantau/data/pantau.db",
        "version": "7",
        "filters": Filters(kecamatan=("73.03.01",)),
        "lang": "id",
        "exact": False,
        "as_of": date(2025, 1, 31),
        "images": "all",
        "settings": config.settings(),
    }
    args.update(changes)
    return store.key(
        args.pop("url"), args.pop("version"), args.pop("filters"), args.pop("lang"), **args
    )


def test_the_key_misses_on_any_change_of_what_decides_the_deck():
    base = _key()
    assert _key() == base
    s = config.settings()
    others = [
        _key(url="sqlite:////srv/other/pantau.db"),
        _key(version="8"),
        _key(filters=Filters()),
        _key(filters=Filters(kecamatan=("73.03.02",))),
        _key(filters=Filters(kecamatan=("73.03.01",), tahun=(2024,))),
        _key(lang="en"),
        _key(exact=True),
        _key(as_of=date(2025, 2, 1)),
        _key(images="map"),
        _key(settings=replace(s, ambang_sel_kecil=s.ambang_sel_kecil + 1)),
        _key(settings=replace(s, supresi_aktif=not s.supresi_aktif)),
        _key(settings=replace(s, kuota=s.kuota + 1)),
        _key(db_id="another-database"),  # recreated at the same URL: its version restarts
    ]
    assert base not in others and len(set(others)) == len(others)


def test_the_database_identity_has_no_password():
    a = "postgresql://pantau:rahasia@db.example/pantau"
    b = "postgresql://pantau:lain@db.example/pantau"
    assert "rahasia" not in store._public_url(a)
    assert _key(url=a) == _key(url=b) != _key(url="postgresql://pantau:rahasia@db.example/lain")


def _tiny_deck(title: str = "Judul") -> slides.Deck:
    chart = slides.Chart(
        "line", "Laju", ("Jan", "Feb"), (slides.Series("Peserta", (1.0, None), "#0b5d7a"),),
        positions=(date(2024, 1, 1), date(2024, 2, 1)),
    )  # fmt: skip
    slide = slides.Slide(
        "laju", title, ("Satu.",), (slides.Metric("Peserta", "12", "peserta", 12),),
        image=b"\x89PNG\r\n\x1a\nrest", chart=chart, notes=("Catatan.",),
    )  # fmt: skip
    return slides.Deck(
        "Program", "Dinas", "Kabupaten", "Filter aktif: –", date(2025, 1, 31), "Data per 31 Januari 2025",
        True, "id", (slide,), "Ringkasan",
    )  # fmt: skip


def _valid_body(name: str) -> dict:
    return json.loads(store.encode(_tiny_deck(), name))


def _hostile(name: str) -> list[bytes]:
    """Files that must never be shown: broken, planted, of other types."""

    def edit(change) -> bytes:
        body = _valid_body(name)
        change(body)
        return json.dumps(body).encode()

    def slide(body) -> dict:
        return body["deck"]["slides"][0]

    return [
        store.encode(_tiny_deck(), name)[:-40],  # truncated
        b"",
        b"\xff\xfe not text",
        b"\x80\x04\x95pickle",  # a pickle is not read
        b"[" * 100_000,  # nested beyond the parser's depth
        b"null",
        edit(lambda b: slide(b).update(title=5)),
        edit(lambda b: slide(b).update(sentences="Satu.")),
        edit(lambda b: slide(b).update(image="bm90IGEgUE5H")),  # base64 of "not a PNG"
        edit(lambda b: slide(b).update(image="*not base64*")),
        edit(lambda b: slide(b)["metrics"][0].update(raw="12")),
        edit(lambda b: slide(b)["metrics"][0].update(raw=True)),
        edit(lambda b: slide(b).update(extra="x")),
        edit(lambda b: slide(b).pop("notes")),
        edit(lambda b: b["deck"].update(as_of="2025-02-30")),
        edit(lambda b: b["deck"].update(as_of="2025-01-31T00:00:00")),
        edit(lambda b: b["deck"]["slides"].append({"__class__": "os.system"})),
        edit(lambda b: b.update(revision="0")),
        edit(lambda b: b.update(key="b" * 64)),  # another deck's file under this name
        edit(lambda b: b.update(format="other")),
    ]


def test_a_file_that_is_not_a_deck_is_ignored_removed_and_rebuilt(folder):
    name = _key()
    path = folder / f"{name}.json"
    folder.mkdir(parents=True)
    calls = []

    def build():
        calls.append(1)
        return _tiny_deck("Dibangun")

    def deck():
        kw = {"exact": False, "as_of": date(2025, 1, 31), "build": build}
        return store.deck(
            "sqlite:////srv/pantau/data/pantau.db",
            "7",
            Filters(kecamatan=("73.03.01",)),
            "id",
            **kw,
        )

    for i, data in enumerate(_hostile(name)):
        path.write_bytes(data)
        assert store.load(name) is None, i
        assert not path.exists(), i  # removed
        path.write_bytes(data)
        assert deck() == _tiny_deck("Dibangun") and len(calls) == i + 1, i
        assert store.load(name) == _tiny_deck("Dibangun"), i  # rebuilt and kept
    before = len(calls)
    assert deck() == _tiny_deck("Dibangun") and len(calls) == before  # a hit builds nothing
    # A symbolic link planted under the name is not followed.
    target = folder / "elsewhere.txt"
    target.write_bytes(store.encode(_tiny_deck("Ditanam"), name))
    path.unlink()
    path.symlink_to(target)
    assert store.load(name) is None and not path.is_symlink() and target.exists()
    # Nor is a FIFO waited on.
    os.mkfifo(path)
    assert store.load(name) is None and not path.exists()


def test_a_deck_that_does_not_match_its_types_is_not_kept(folder):
    odd = replace(_tiny_deck(), as_of="2025-01-31")  # type: ignore[arg-type]
    assert not store.save("c" * 64, odd)
    assert not (folder / f"{'c' * 64}.json").exists()
    with pytest.raises(ValueError):
        store.load("../../etc/passwd")


def test_a_folder_that_cannot_be_written_only_means_no_keeping(folder, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PANTAU_CACHE_DIR", str(blocker))
    name = "d" * 64
    assert not store.save(name, _tiny_deck()) and store.load(name) is None


def test_the_clean_up_bounds_the_deck_folder(folder, monkeypatch):
    folder.mkdir(parents=True)
    size = len(store.encode(_tiny_deck(), "e" * 64))
    monkeypatch.setenv("PANTAU_CACHE_MAX_MB", str(2.5 * size / 1024 / 1024))
    for i, c in enumerate("0123"):
        assert store.save(c * 64, _tiny_deck())
        os.utime(folder / f"{c * 64}.json", (1_000_000 + i, 1_000_000 + i))
    left = sorted(p.name[0] for p in folder.glob("*.json"))
    assert len(left) < 4 and "3" in left  # the most recent is kept, the oldest went


# --- the page ------------------------------------------------------------------------------------


def _slide_html(at: AppTest) -> str:
    (body,) = [e.proto.body for e in at.get("html") if "pantau-slide" in e.proto.body]
    return body


def _open(slide: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=180)
    at.query_params.update({"kecamatan": "73.03.01", "tahun": "2024", "slide": slide})
    at.run()
    at.switch_page("app_pages/briefing.py").run()
    assert not at.exception, at.exception
    return at


def test_the_page_shows_the_kept_deck_after_the_cache_is_cleared(demo_db_url, folder, monkeypatch):
    import streamlit as st

    monkeypatch.setenv("DATABASE_URL", demo_db_url)
    st.cache_data.clear()
    first = _slide_html(_open("3"))  # built and kept
    assert "data:image/png;base64," in first
    assert len(list(folder.glob("*.json"))) == 1

    real_build = slides.build

    def no_build(*args, **kwargs):
        raise AssertionError("the deck was built again")

    st.cache_data.clear()  # as after a server restart
    monkeypatch.setattr(slides, "build", no_build)
    assert _slide_html(_open("3")) == first  # read back from the folder

    # A kept file that is not a deck is never shown: it is removed and the deck built again.
    monkeypatch.setattr(slides, "build", real_build)
    (kept,) = folder.glob("*.json")
    kept.write_bytes(kept.read_bytes()[:1000])
    st.cache_data.clear()
    assert _slide_html(_open("3")) == first
    assert store.decode(kept.read_bytes(), kept.stem).slides[2].key == "laju"


def test_the_cli_keeps_and_reads_the_deck_of_its_format(db_url, folder, tmp_path):
    """``briefing --out FILE.txt`` keeps its deck (no pictures) and reads it back next time."""
    from tests.test_cli import run_cli

    build_scenario(db_url)
    out = tmp_path / "ringkasan.txt"
    assert run_cli("briefing", "--out", str(out), "--db", db_url).returncode == 0
    (kept,) = folder.glob("*.json")
    deck = store.decode(kept.read_bytes(), kept.stem)
    assert out.read_text(encoding="utf-8") == deck.summary
    assert not any(s.image for s in deck.slides)  # a text needs no picture
    kept.write_bytes(store.encode(replace(deck, summary="Ringkasan yang disimpan"), kept.stem))
    assert run_cli("briefing", "--out", str(out), "--db", db_url).returncode == 0
    assert out.read_text(encoding="utf-8") == "Ringkasan yang disimpan"
    assert run_cli("briefing", "--out", str(out), "--exact", "--db", db_url).returncode == 0
    assert len(list(folder.glob("*.json"))) == 2  # the exact deck is another one


def test_a_database_recreated_at_the_same_url_gets_its_own_deck(tmp_path, folder):
    """The data version restarts at 1 in a new database; its random id keeps their decks apart."""
    url = f"sqlite:///{tmp_path / 'pantau.db'}"
    first = analytics.ensure_ready(url)
    before = db.database_id(first)
    first.dispose()
    (tmp_path / "pantau.db").unlink()
    again = analytics.ensure_ready(url)
    assert db.database_id(again) and db.database_id(again) != before
    assert db.data_version(again) == "1"
