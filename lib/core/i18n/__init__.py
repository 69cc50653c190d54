"""The UI text catalogue: Bahasa Indonesia first, English selectable.

Each section module (``common``, ``dashboard``, ``peta_hasil``, ``intake``, ``briefing``,
``access``, ``decisions``, ``rencana``) holds a ``TEXT`` dict of
``key -> {"id": ..., "en": ...}``; keys are unique across sections (a test checks it). Use
:func:`t` everywhere; text shown to users is never written inline in page scripts.
"""

from __future__ import annotations

from lib.core.i18n import (
    access,
    briefing,
    common,
    dashboard,
    decisions,
    intake,
    peta_hasil,
    rencana,
)

LANGS = ("id", "en")
_SECTIONS = (
    common.TEXT, dashboard.TEXT, peta_hasil.TEXT, intake.TEXT, briefing.TEXT, access.TEXT,
    decisions.TEXT, rencana.TEXT,
)  # fmt: skip
CATALOGUE: dict[str, dict[str, str]] = {}
for _section in _SECTIONS:
    CATALOGUE.update(_section)


def t(key: str, lang: str = "id", **values) -> str:
    """The text for ``key`` in ``lang`` (falling back to Indonesian), formatted with ``values``."""
    entry = CATALOGUE.get(key)
    if entry is None:
        raise KeyError(f"missing UI text: {key}")
    text = entry.get(lang) or entry["id"]
    return text.format(**values) if values else text
