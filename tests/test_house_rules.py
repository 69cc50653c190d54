"""Cheap checks of Pantau's own rules: pages render and lib computes, offline, one text catalogue."""

import re
import subprocess
from pathlib import Path

import pytest

from lib.app import nav
from lib.core import i18n

ROOT = Path(__file__).resolve().parent.parent
SQL = re.compile(
    r"(^|[^a-z_])(select|insert|update|delete)\s.*(from|into|set)\s|import sqlalchemy|from sqlalchemy|\.execute\(",
    re.IGNORECASE,
)
EXTERNAL = re.compile(r"https?://[^\s\"')]*(cdn|googleapis|gstatic|cartocdn|mapbox|unpkg|jsdelivr)")


def tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True)
    if out.returncode != 0:  # not a git checkout: look at the tree
        return [p.relative_to(ROOT) for p in ROOT.rglob("*") if ".venv" not in p.parts]
    return [Path(line) for line in out.stdout.splitlines()]


@pytest.mark.parametrize("page", sorted((ROOT / "app_pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_hold_no_sql(page):
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
        assert not SQL.search(line), f"{page.name}:{number} runs SQL; move it to lib/"


def test_no_request_leaves_the_machine():
    offenders = []
    for rel in tracked_files():
        if rel.suffix not in {".py", ".toml", ".html", ".js", ".css"} or rel.parts[0] == "tests":
            continue
        path = ROOT / rel
        if path.is_file() and EXTERNAL.search(path.read_text(encoding="utf-8", errors="ignore")):
            offenders.append(str(rel))
    assert offenders == []


SHIPPED_BOUNDARIES = Path("data/batas_desa.geojson")


def test_only_the_attributed_boundary_file_is_shipped():
    """Exactly one boundary file ships: the indicative village boundaries in data/, with its
    sources and licence beside it (data/BATAS_DESA.md); a regency points [peta] batas_desa at its
    official file instead of adding one."""
    shipped = [p for p in tracked_files() if p.suffix.lower() in {".geojson", ".shp", ".topojson"}]
    assert shipped == [SHIPPED_BOUNDARIES]
    note = (ROOT / "data" / "BATAS_DESA.md").read_text(encoding="utf-8")
    assert "cahyadsn/wilayah_boundaries" in note and "MIT" in note and "indikatif" in note


def test_every_registered_page_has_a_script():
    for spec in nav.PAGES:
        assert (ROOT / "app_pages" / spec.file).is_file(), spec.file
    paths = [p.path for p in nav.PAGES]
    assert len(paths) == len(set(paths))
    assert {"", "kuota", "paket", "peta", "hasil", "rencana", "briefing", "data"} <= set(paths)


def test_text_catalogue_keys_are_unique_and_bilingual():
    seen: dict[str, str] = {}
    for section in i18n._SECTIONS:
        for key, entry in section.items():
            assert key not in seen, f"UI text key {key} defined twice"
            seen[key] = key
            assert entry.get("id"), f"{key} has no Indonesian text"
            assert entry.get("en"), f"{key} has no English text"


def test_every_nav_entry_has_a_title():
    for spec in nav.PAGES:
        assert i18n.t(f"nav.{spec.key}", "id") and i18n.t(f"nav.{spec.key}", "en")


def test_the_browser_is_never_shown_error_details():
    """An unexpected error shows a generic message in the browser, its details go to the server's
    console (issue 11); checked as Streamlit 1.67 itself reads .streamlit/config.toml."""
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "streamlit", "config", "show"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert re.search(r'^showErrorDetails = "none"$', out.stdout, re.MULTILINE), out.stdout[-2000:]


def test_nothing_points_outside_the_repository():
    """Code and tests cite the repository's own documents (README, docs/), never a specification
    or a folder that users of Pantau do not have."""
    outside = re.compile(r"\.\./shared|\bspec(ification)?('s)?( section)? [0-9]")
    offenders = []
    for rel in tracked_files():
        if rel.suffix == ".md" or not (ROOT / rel).is_file():
            continue
        text = (ROOT / rel).read_text(encoding="utf-8", errors="ignore")
        offenders += [
            f"{rel}:{n}" for n, line in enumerate(text.splitlines(), 1) if outside.search(line)
        ]
    assert offenders == []
