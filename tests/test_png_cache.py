"""The deck's pictures kept on disk (lib/briefing/png_cache.py): addressed by what they draw."""

from __future__ import annotations

import os

import altair as alt
import pandas as pd
import pytest

from lib.briefing import images, png_cache

PNG = b"\x89PNG\r\n\x1a\n"


def _bars(values):
    df = pd.DataFrame({"k": ["a", "b"], "v": values})
    return alt.Chart(df).mark_bar().encode(x="k:N", y="v:Q")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    path = tmp_path / "pictures"
    monkeypatch.setenv("PANTAU_CACHE_DIR", str(path))
    return path


def test_a_picture_is_rendered_once_and_found_by_what_it_draws(folder):
    first = images.to_png(_bars([1, 2]))
    assert first.startswith(PNG)
    (kept,) = folder.glob("*.png")
    assert kept.read_bytes() == first
    # The second request is served from the folder: a marker written there comes back.
    kept.write_bytes(PNG + b"kept")
    assert images.to_png(_bars([1, 2])) == PNG + b"kept"
    # Other data, another language: other pictures, rendered.
    assert images.to_png(_bars([1, 3])).startswith(PNG)
    assert images.to_png(_bars([1, 2]), "en") != PNG + b"kept"
    assert len(list(folder.glob("*.png"))) == 3
    assert not list(folder.glob(".part-*"))  # no half-written file left behind


def test_the_address_covers_the_spec_and_the_rendering():
    spec = {"mark": "bar", "data": {"values": [{"v": 1}]}}
    assert png_cache.key(spec, scale=2, lang="id") == png_cache.key(dict(spec), scale=2, lang="id")
    others = {
        png_cache.key({**spec, "data": {"values": [{"v": 2}]}}, scale=2, lang="id"),
        png_cache.key(spec, scale=1, lang="id"),
        png_cache.key(spec, scale=2, lang="en"),
    }
    assert png_cache.key(spec, scale=2, lang="id") not in others and len(others) == 3


def test_a_folder_that_cannot_be_written_only_means_no_caching(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PANTAU_CACHE_DIR", str(blocker / "sub"))
    assert images.to_png(_bars([4, 5])).startswith(PNG)


def test_errors_are_not_kept(folder):
    chart = alt.Chart(alt.UrlData("https://example.com/data.json")).mark_point().encode(x="a:Q")
    for _ in range(2):
        with pytest.raises(Exception, match="(?i)allowed|denied|permitted"):
            images.to_png(chart)
    assert not folder.exists() or not list(folder.iterdir())


def test_cleanup_removes_the_least_recently_used_beyond_the_bound(folder, monkeypatch):
    folder.mkdir()
    for i in range(10):
        path = folder / f"{i:02d}.png"
        path.write_bytes(b"x" * 1000)
        os.utime(path, (1_000_000 + i, 1_000_000 + i))
    assert png_cache.cleanup(folder, limit=20_000) == 0
    assert png_cache.cleanup(folder, limit=8_000) == 4  # down to 6 000 bytes, oldest first
    assert sorted(p.name for p in folder.iterdir()) == [f"{i:02d}.png" for i in range(4, 10)]
    # A hit refreshes a picture's time, so it outlives newer ones that nobody asked for.
    monkeypatch.setenv("PANTAU_CACHE_MAX_MB", str(4_500 / 1024 / 1024))
    spec = {"any": 1}
    hit = folder / f"{png_cache.key(spec, scale=2)}.png"
    hit.write_bytes(b"y" * 1000)
    os.utime(hit, (1, 1))
    assert png_cache.png(spec, lambda: b"never", scale=2) == b"y" * 1000
    new = png_cache.png({"other": 1}, lambda: b"z" * 1000, scale=2)
    assert new == b"z" * 1000
    left = {p.name for p in folder.iterdir()}
    assert hit.name in left and len(left) == 3  # 7 000 bytes over 4 500: down to 3 375 at most


def test_the_deck_configuration_is_what_configure_gives(folder):
    """The shortcut of ``to_png`` (the configuration set on the dict) draws what
    ``chart.configure(…)`` would: same specification, hence the same kept picture."""
    chart = alt.hconcat(_bars([1, 2]), alt.layer(_bars([3, 4]), _bars([5, 6]).mark_text()))
    for lang in ("id", "en"):
        spec = chart.to_dict(validate=False)
        spec["config"] = images._config_of(lang)
        assert spec == images._config(chart, lang).to_dict(validate=False)
        images.to_png(chart, lang)
        expected = png_cache.key(
            images._config(chart, lang).to_dict(validate=False), scale=images.SCALE, lang=lang
        )
        assert (folder / f"{expected}.png").is_file()
