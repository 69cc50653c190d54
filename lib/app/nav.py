"""The page registry: one list feeds ``st.navigation``, the page tests and the glossary.

URL paths are fixed (README, Pages). ``enabled=False`` keeps a slot for a page that a later
issue brings (``/rencana``). ``role`` is the least role that may open a page (README, Access):
``pimpinan`` (every role: leadership pages, aggregates only), ``operator`` (``/data``: imports and
lists of persons; admins too). The navigation lists only the pages the visitor's role may open; a
page opened by URL without the right shows a refusal and no figure (``lib.app.ui.refuse``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    key: str  # i18n key suffix: nav.<key>
    path: str  # URL path ("" for /)
    file: str  # script under app_pages/
    icon: str
    section: str  # nav.section.<section>
    enabled: bool = True
    role: str = "pimpinan"  # least role that may open it (lib.core.access.LEVEL)

    @property
    def leadership(self) -> bool:
        """Aggregates only, for every role; otherwise an operator page with individual records."""
        return self.role == "pimpinan"


PAGES: tuple[PageSpec, ...] = (
    PageSpec("ringkasan", "", "ringkasan.py", ":material/dashboard:", "pantau"),
    PageSpec("kuota", "kuota", "kuota.py", ":material/trending_up:", "pantau"),
    PageSpec("paket", "paket", "paket.py", ":material/school:", "pantau"),
    PageSpec("peta", "peta", "peta.py", ":material/map:", "pantau"),
    PageSpec("hasil", "hasil", "hasil.py", ":material/work:", "pantau"),
    PageSpec("rencana", "rencana", "rencana.py", ":material/checklist:", "kerja"),
    PageSpec("briefing", "briefing", "briefing.py", ":material/slideshow:", "kerja"),
    PageSpec("data", "data", "data.py", ":material/upload_file:", "kerja", role="operator"),
    PageSpec("glosarium", "glosarium", "glosarium.py", ":material/menu_book:", "kerja"),
)


def enabled_pages() -> tuple[PageSpec, ...]:
    return tuple(p for p in PAGES if p.enabled)


def by_path(path: str) -> PageSpec | None:
    return next((p for p in PAGES if p.path == path), None)
