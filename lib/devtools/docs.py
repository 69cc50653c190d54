"""``make docs``: write the generated documents (``docs/indicators.md`` from the measure registry)."""

from __future__ import annotations

import sys

from lib.core import config
from lib.views import glossary

INDICATORS = config.PROJECT_DIR / "docs" / "indicators.md"


def main() -> int:
    INDICATORS.write_text(glossary.markdown(), encoding="utf-8")
    print(INDICATORS)
    return 0


if __name__ == "__main__":
    sys.exit(main())
