"""The global filters: parsed, validated and written back in one place (docs/architecture.md).

The same :class:`Filters` value drives the dashboard (from ``st.query_params``), the CLI (from its
options) and the briefing. Unknown or malformed values are dropped and reported as notices, never
raised and never passed to SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache

from lib.core import db

# URL parameter names, in the order they are written to a URL. Also the widget keys' suffixes.
PARAMS = ("tahun", "kecamatan", "desa", "paket", "kejuruan", "jk")
CLASS_PARAMS = ("tahun", "paket", "kejuruan")
PERSON_PARAMS = ("kecamatan", "desa", "jk")
JK_VALUES = ("L", "P")
_YEAR = re.compile(r"^\d{4}$")


@dataclass(frozen=True)
class Filters:
    """An immutable, hashable set of filter values. Empty tuples mean "all"."""

    tahun: tuple[int, ...] = ()
    kecamatan: tuple[str, ...] = ()
    desa: tuple[str, ...] = ()
    paket: tuple[str, ...] = ()
    kejuruan: tuple[str, ...] = ()
    jk: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def has_person_filter(self) -> bool:
        return any(getattr(self, p) for p in PERSON_PARAMS)

    def has_class_filter(self) -> bool:
        return any(getattr(self, p) for p in CLASS_PARAMS)

    def to_params(self) -> dict[str, str]:
        """Non-empty filters as URL query parameters (comma-separated values)."""
        out = {}
        for name in PARAMS:
            values = getattr(self, name)
            if values:
                out[name] = ",".join(str(v) for v in values)
        return out

    def replace(self, **changes) -> Filters:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        for key, value in changes.items():
            data[key] = tuple(value or ())
        return Filters(**data)


@dataclass(frozen=True)
class Reference:
    """The values a filter may take, read from the reference tables."""

    years: tuple[int, ...]
    kecamatan: dict[str, str]  # kode -> nama
    villages: dict[str, tuple[str, str]]  # kode -> (nama, kecamatan_kode)
    packages: dict[str, tuple[str, str]]  # kode -> (nama, kejuruan)
    kejuruan: tuple[str, ...] = field(default=())


def load_reference(url: str, version: str = "") -> Reference:
    """Filter choices from the database (cached per URL and data version)."""
    return _load_reference(url, version)


@lru_cache(maxsize=16)
def _load_reference(url: str, version: str) -> Reference:
    from sqlalchemy import select

    from lib.core.models import Kecamatan, Package, TrainingClass, Village

    engine = db.get_engine(url)
    with engine.connect() as conn:
        years = tuple(
            conn.execute(
                select(TrainingClass.tahun).distinct().order_by(TrainingClass.tahun)
            ).scalars()
        )
        kec = dict(
            conn.execute(select(Kecamatan.kode, Kecamatan.nama).order_by(Kecamatan.kode)).all()
        )
        vil = {
            k: (n, kk)
            for k, n, kk in conn.execute(
                select(Village.kode, Village.nama, Village.kecamatan_kode).order_by(Village.kode)
            )
        }
        pkg = {
            k: (n, j)
            for k, n, j in conn.execute(
                select(Package.kode, Package.nama, Package.kejuruan).order_by(Package.kode)
            )
        }
    kej = tuple(sorted({j for _, j in pkg.values()}))
    return Reference(years=years, kecamatan=kec, villages=vil, packages=pkg, kejuruan=kej)


def normalise_village_code(value: str) -> str:
    """``7303012001`` → ``73.03.01.2001``; a dotted code is returned as is."""
    value = value.strip()
    if re.fullmatch(r"\d{10}", value):
        return f"{value[:2]}.{value[2:4]}.{value[4:6]}.{value[6:]}"
    return value


def normalise_kecamatan_code(value: str) -> str:
    value = value.strip()
    if re.fullmatch(r"\d{6}", value):
        return f"{value[:2]}.{value[2:4]}.{value[4:]}"
    return value


def _shorten(raw: str, limit: int = 40) -> str:
    """A user-supplied value fit to echo in a notice: one line, at most ``limit`` characters."""
    text = " ".join(str(raw).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _split(raw: str | Iterable[str] | None) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str | int):  # a bare number (tahun=2022 from code) is one value
        parts = str(raw).split(",")
    else:
        parts = [p for item in raw for p in str(item).split(",")]
    seen: list[str] = []
    for part in (p.strip() for p in parts):
        if part and part not in seen:
            seen.append(part)
    return seen


class Notice(str):
    """A notice of the parser, as data: ``kind`` (``unknown`` or ``outside``), the parameter and the
    value it is about. It reads as its Indonesian text (``str``) and :meth:`text` words it in any
    language of the catalogue, so a page renders it through i18n and the CLI prints it as it is."""

    kind: str
    param: str
    value: str

    strict: bool

    def __new__(cls, kind: str, param: str, value: str, strict: bool = False) -> Notice:
        self = super().__new__(cls, _notice_text(kind, param, value, "id", strict))
        self.kind, self.param, self.value, self.strict = kind, param, value, strict
        return self

    def text(self, lang: str = "id") -> str:
        return _notice_text(self.kind, self.param, self.value, lang, self.strict)


def _notice_text(kind: str, param: str, value: str, lang: str, strict: bool = False) -> str:
    """The sentence of a notice; ``strict`` (the command line refuses instead of ignoring) leaves
    out "and was ignored"."""
    from lib.core.i18n import t

    suffix = ".strict" if strict else ""
    if kind == "outside":
        return t(f"filter.notice.outside{suffix}", lang, value=value)
    return t(f"filter.notice{suffix}", lang, name=t(f"filter.param.{param}", lang), value=value)


def parse(
    params: Mapping[str, str | Iterable[str]], ref: Reference, *, strict: bool = False
) -> tuple[Filters, list[str]]:
    """Parse raw parameters into :class:`Filters`; returns the filters and the notices
    (:class:`Notice`: data that reads as Indonesian text and words itself in other languages).

    Values are checked against the reference lists: a year must have classes or lie in the programme
    period, codes must exist, ``desa`` values outside the chosen kecamatan are dropped. A value may
    be a string of comma-separated values or a list of them (a URL parameter given twice).
    ``strict``: the caller refuses the filters when there is any notice (the CLI, README), so the
    notices say that the value is wrong rather than that it was ignored.
    """
    notices: list[str] = []

    def keep(name: str, values: list[str], valid, label: str, norm=lambda v: v) -> tuple:
        del label  # the parameter's name is worded by the catalogue
        good = []
        for raw in values:
            value = norm(raw)
            if valid(value):
                if value not in good:
                    good.append(value)
            else:
                notices.append(Notice("unknown", name, _shorten(raw), strict))
        return tuple(good)

    from lib.core.config import settings

    s = settings()
    programme_years = set(range(s.tanggal_mulai.year, s.tanggal_mulai.year + s.lama_tahun + 1))
    allowed_years = set(ref.years) | programme_years
    tahun = keep(
        "tahun",
        _split(params.get("tahun")),
        lambda v: bool(_YEAR.match(v)) and int(v) in allowed_years,
        "tahun",
    )
    tahun = tuple(sorted(int(v) for v in tahun))
    kecamatan = keep(
        "kecamatan",
        _split(params.get("kecamatan")),
        lambda v: v in ref.kecamatan,
        "kecamatan",
        normalise_kecamatan_code,
    )
    desa = keep(
        "desa",
        _split(params.get("desa")),
        lambda v: v in ref.villages,
        "desa",
        normalise_village_code,
    )
    if kecamatan and desa:
        inside = tuple(d for d in desa if ref.villages[d][1] in kecamatan)
        for d in desa:
            if d not in inside:
                notices.append(Notice("outside", "desa", ref.villages[d][0], strict))
        desa = inside
    paket = keep("paket", _split(params.get("paket")), lambda v: v in ref.packages, "paket")
    kejuruan_lookup = {k.casefold(): k for k in ref.kejuruan}
    kejuruan = keep(
        "kejuruan",
        _split(params.get("kejuruan")),
        lambda v: v in ref.kejuruan,
        "kejuruan",
        lambda v: kejuruan_lookup.get(v.casefold(), v),
    )
    jk = keep("jk", _split(params.get("jk")), lambda v: v in JK_VALUES, "jenis kelamin", str.upper)
    return (
        Filters(
            tahun=tahun,
            kecamatan=tuple(sorted(kecamatan)),
            desa=tuple(sorted(desa)),
            paket=tuple(sorted(paket)),
            kejuruan=tuple(sorted(kejuruan)),
            jk=tuple(sorted(jk)),
        ),
        notices,
    )


def describe(filters: Filters, ref: Reference, lang: str = "id") -> str:
    """The filters in plain words, e.g. "Kecamatan Bissappu · Tahun 2024 · Perempuan".

    Used for page captions, chart subtitles, briefing stamps and export file names; ``lang="en"``
    gives the English wording ("District Bissappu · Year 2024 · Female").
    """
    from lib.core.i18n import t

    parts = []
    if filters.kecamatan:
        names = ", ".join(ref.kecamatan.get(k, k) for k in filters.kecamatan)
        parts.append(t("stamp.kecamatan", lang, names=names))
    if filters.desa:
        names = ", ".join(ref.villages[d][0] if d in ref.villages else d for d in filters.desa)
        parts.append(t("stamp.desa", lang, names=names))
    if filters.tahun:
        parts.append(t("stamp.tahun", lang, names=", ".join(str(y) for y in filters.tahun)))
    if filters.kejuruan:
        parts.append(t("stamp.kejuruan", lang, names=", ".join(filters.kejuruan)))
    if filters.paket:
        names = ", ".join(ref.packages[p][0] if p in ref.packages else p for p in filters.paket)
        parts.append(t("stamp.paket", lang, names=names))
    if filters.jk:
        parts.append(t("stamp.and", lang).join(t(f"filter.jk.{j}", lang) for j in filters.jk))
    return " · ".join(parts) if parts else t("filter.none", lang)
