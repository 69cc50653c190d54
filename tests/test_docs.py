"""The documents that live beside the code stay true to it."""

from pathlib import Path

from lib.semantic import measures
from lib.views import glossary

ROOT = Path(__file__).resolve().parent.parent


def test_indicators_md_is_generated_from_the_registry():
    text = (ROOT / "docs" / "indicators.md").read_text(encoding="utf-8")
    assert text == glossary.markdown(), "docs/indicators.md is stale: run `make docs`"


def test_every_measure_and_dimension_is_documented():
    text = glossary.markdown()
    for m in measures.REGISTRY:
        assert f"| `{m.key}` |" in text and m.definition_for("id") in text
    for d in measures.DIMENSIONS:
        assert f"| `{d}` |" in text


def test_architecture_and_contract_docs_exist_and_are_linked():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("architecture.md", "indicators.md", "data-contract.md", "panduan.md"):
        assert (ROOT / "docs" / name).is_file(), name
        assert f"docs/{name}" in readme, name
    arch = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    for folder in ("lib/core", "lib/semantic", "lib/views", "lib/render", "lib/app", "lib/intake",
                   "lib/briefing", "lib/devtools"):  # fmt: skip
        assert f"`{folder}" in arch, folder
        assert (ROOT / folder).is_dir(), folder
