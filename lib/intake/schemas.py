"""The six import kinds (docs/data-contract.md): their columns and a pydantic v2 model per row.

A row is validated as a whole and pydantic collects every failing column, not only the first; each
failure becomes an :class:`~lib.intake.report.Issue` with the row number, the column, the raw value
and a message code. Cross-row and database rules are in :mod:`lib.intake.rules`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from lib.core.fmt import mask_nik
from lib.core.i18n import CATALOGUE
from lib.core.models import (
    AID_KINDS,
    AID_STATUSES,
    ENROLMENT_STATUSES,
    REGISTRY_SOURCES,
    TEST_RESULTS,
    TRACER_STATUSES,
)
from lib.intake import parsers as p
from lib.intake.reader import UnusableFile
from lib.intake.report import ERROR, IDENTITY_COLUMNS, WARNING, Issue, cell_text


@dataclass(frozen=True)
class KindSpec:
    kind: str
    required: tuple[str, ...]
    optional: tuple[str, ...]
    key: tuple[str, ...]  # natural key (docs/data-contract.md)

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


SPECS: dict[str, KindSpec] = {
    s.kind: s
    for s in (
        KindSpec(
            "paket", ("kode_paket", "nama_paket", "kejuruan", "durasi_jp"), ("kapasitas",),
            ("kode_paket",),
        ),
        KindSpec(
            "kelas",
            ("kode_kelas", "kode_paket", "tahun", "angkatan", "tanggal_mulai", "tanggal_selesai"),
            ("kapasitas", "lokasi"),
            ("kode_kelas",),
        ),
        KindSpec(
            "dtks",
            ("nik", "no_kk", "nama", "jenis_kelamin", "tanggal_lahir", "kode_desa", "desil"),
            ("dusun", "rw", "rt", "sumber", "tanggal_data"),
            ("nik",),
        ),
        KindSpec(
            "peserta", ("nik", "kode_kelas", "status"),
            ("tanggal_daftar", "kehadiran_persen", "hasil_uji"),
            ("nik", "kode_kelas"),
        ),
        KindSpec(
            "tracer", ("nik", "kode_kelas", "tanggal_survei", "status_kerja"),
            ("pendapatan_bulanan", "pendapatan_sebelum", "tempat_kerja_usaha"),
            ("nik", "kode_kelas", "tanggal_survei"),
        ),
        KindSpec(
            "bantuan", ("nik", "jenis", "tanggal", "nilai_rupiah", "status"),
            ("penyalur", "keterangan"),
            ("nik", "jenis", "tanggal"),
        ),
    )
}  # fmt: skip
KINDS = tuple(SPECS)  # in load order, as lib.cli lists them


# --- field types: every parser failure becomes a PydanticCustomError with our message code --------


def _field(parse, *, optional: bool = False) -> BeforeValidator:
    def validate(value):
        if optional and p.is_blank(value):
            return None
        try:
            return parse(value)
        except p.ParseError as exc:
            raise PydanticCustomError(exc.code, exc.code, exc.params) from None

    return BeforeValidator(validate)


def _int(low=None, high=None):
    return lambda v: p.in_range(p.parse_int(v), low, high)


def _rupiah_nonneg(value) -> int:
    amount = p.parse_rupiah(value)
    if amount < 0:
        raise p.ParseError("nilai_negatif")
    return amount


def _text(n):
    return lambda v: p.parse_text(v, n)


def _choice(allowed, upper=False):
    return lambda v: p.parse_choice(v, allowed, upper=upper)


Nik = Annotated[str, _field(p.parse_nik)]
Kk = Annotated[str, _field(p.parse_kk)]
Date = Annotated[date, _field(p.parse_date)]
OptDate = Annotated[date | None, _field(p.parse_date, optional=True)]
Rupiah = Annotated[int, _field(_rupiah_nonneg)]
OptRupiah = Annotated[int | None, _field(_rupiah_nonneg, optional=True)]
Village = Annotated[str, _field(p.parse_village_code)]


def Text(n: int):  # noqa: N802 - reads like a type
    return Annotated[str, _field(_text(n))]


def OptText(n: int):  # noqa: N802
    return Annotated[str | None, _field(_text(n), optional=True)]


def Int(low=None, high=None):  # noqa: N802
    return Annotated[int, _field(_int(low, high))]


def OptInt(low=None, high=None):  # noqa: N802
    return Annotated[int | None, _field(_int(low, high), optional=True)]


def Choice(allowed, upper=False):  # noqa: N802
    return Annotated[str, _field(_choice(allowed, upper))]


def OptChoice(allowed, upper=False):  # noqa: N802
    return Annotated[str | None, _field(_choice(allowed, upper), optional=True)]


def _row_error(code: str, column: str, **params):
    return PydanticCustomError(code, code, {"column": column, **params})


class _Row(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=False)


class PaketRow(_Row):
    kode_paket: Text(40)
    nama_paket: Text(200)
    kejuruan: Text(100)
    durasi_jp: Int(1, 5000)
    kapasitas: OptInt(1, 500)


class KelasRow(_Row):
    kode_kelas: Text(40)
    kode_paket: Text(40)
    tahun: Int(2000, 2100)
    angkatan: Int(1, 999)
    tanggal_mulai: Date
    tanggal_selesai: Date
    kapasitas: OptInt(1, 500)
    lokasi: OptText(200)

    @model_validator(mode="after")
    def _start_before_end(self):
        if self.tanggal_mulai > self.tanggal_selesai:
            raise _row_error("mulai_setelah_selesai", "tanggal_mulai")
        return self


class DtksRow(_Row):
    nik: Nik
    no_kk: Kk
    nama: Text(200)
    jenis_kelamin: Choice(("L", "P"), upper=True)
    tanggal_lahir: Date
    kode_desa: Village
    desil: Int(1, 10)
    dusun: OptText(100)
    rw: OptText(10)
    rt: OptText(10)
    sumber: OptChoice(REGISTRY_SOURCES, upper=True)
    tanggal_data: OptDate


class PesertaRow(_Row):
    nik: Nik
    kode_kelas: Text(40)
    status: Choice(ENROLMENT_STATUSES)
    tanggal_daftar: OptDate
    kehadiran_persen: Annotated[
        float | None,
        _field(lambda v: p.in_range(p.parse_number(v), 0, 100), optional=True),
    ]
    hasil_uji: OptChoice(TEST_RESULTS)

    @model_validator(mode="after")
    def _tested_only_when_completed(self):
        if self.hasil_uji is not None and self.status != "selesai":
            raise _row_error("uji_belum_selesai", "hasil_uji", status=self.status)
        return self


class TracerRow(_Row):
    nik: Nik
    kode_kelas: Text(40)
    tanggal_survei: Date
    status_kerja: Choice(TRACER_STATUSES)
    pendapatan_bulanan: OptRupiah
    pendapatan_sebelum: OptRupiah
    tempat_kerja_usaha: OptText(200)


class BantuanRow(_Row):
    nik: Nik
    jenis: Choice(AID_KINDS)
    tanggal: Date
    nilai_rupiah: Rupiah
    status: Choice(AID_STATUSES)
    penyalur: OptText(200)
    keterangan: OptText(2000)


MODELS: dict[str, type[_Row]] = {
    "paket": PaketRow,
    "kelas": KelasRow,
    "dtks": DtksRow,
    "peserta": PesertaRow,
    "tracer": TracerRow,
    "bantuan": BantuanRow,
}


# --- header matching ------------------------------------------------------------------------------


def detect_kind(headers: list[str]) -> str | None:
    """The kind whose required columns the header holds (the most specific one), else ``None``."""
    present = set(headers)
    fits = [s for s in SPECS.values() if set(s.required) <= present]
    if not fits:
        return None
    return max(fits, key=lambda s: (len(s.required), len(set(s.optional) & present))).kind


@dataclass(frozen=True)
class Selection:
    """The kind of a file and where its columns are, decided from the header alone."""

    kind: str
    detected: str | None  # the kind the header looks like, whatever was asked
    columns: tuple[int, ...]  # positions of the kind's columns in the header, in file order


def select(kind: str | None, headers: list[str]) -> Selection:
    """The columns to read for ``kind`` (``None``: the kind the header looks like); raises
    :class:`UnusableFile` as :func:`column_index` does, before any data row is read. Pass
    ``functools.partial(select, kind)`` as the reader's ``select``."""
    detected = detect_kind(headers)
    chosen = kind or detected
    if chosen is None:
        raise UnusableFile("kind_unknown")
    index = column_index(chosen, headers)
    return Selection(chosen, detected, tuple(sorted(index.values())))


def column_index(kind: str, headers: list[str]) -> dict[str, int]:
    """Where each column of ``kind`` is in the header; raises :class:`UnusableFile` when the file
    lacks required columns (naming the kind it looks like, if any) or repeats a column."""
    spec = SPECS[kind]
    index: dict[str, int] = {}
    for i, name in enumerate(headers):
        if name in spec.columns:
            if name in index:
                raise UnusableFile("dup_column", column=name)
            index[name] = i
    missing = [c for c in spec.required if c not in index]
    if missing:
        detected = detect_kind(headers)
        if detected and detected != kind:
            raise UnusableFile(
                "wrong_kind", kind=kind, detected=detected, columns=", ".join(missing)
            )
        raise UnusableFile("missing_columns", kind=kind, columns=", ".join(missing))
    return index


# --- validation -----------------------------------------------------------------------------------


@dataclass(slots=True)
class Row:
    """One data row: its raw cells by column, its parsed values (``None`` if invalid), its issues."""

    number: int
    raw: dict
    values: dict | None
    errors: list[Issue]
    warnings: list[Issue]

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, column: str | None, code: str, **params) -> None:
        self.errors.append(
            Issue(self.number, column, cell_text(self.raw.get(column)), code, ERROR, params)
        )

    def warn(self, column: str | None, code: str, **params) -> None:
        self.warnings.append(
            Issue(self.number, column, cell_text(self.raw.get(column)), code, WARNING, params)
        )


def validate_rows(
    kind: str,
    index: dict[str, int],
    sheet_rows: list[tuple[int, list]],
    problems: dict[int, list] | None = None,
) -> list[Row]:
    """Validate every row of the sheet with the kind's model; all failures are collected.

    ``problems`` (:attr:`lib.intake.reader.Sheet.problems`) are what the reader found wrong with a
    row as a whole (a NUL character, a row that is not valid UTF-8, a misplaced quote): such a row
    is rejected with those errors and its values are not validated further.
    """
    model = MODELS[kind]
    columns = SPECS[kind].columns
    problems = problems or {}
    out: list[Row] = []
    for number, cells in sheet_rows:
        raw = {
            c: (cells[index[c]] if c in index and index[c] < len(cells) else None) for c in columns
        }
        row = Row(number, raw, None, [], [])
        if number in problems:
            for column, code, params, value in problems[number]:
                if column in IDENTITY_COLUMNS and value:  # masked even when malformed
                    value = mask_nik(value)
                row.errors.append(Issue(number, column, value, code, ERROR, params))
            out.append(row)
            continue
        try:
            row.values = model.model_validate(raw).model_dump()
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                ctx = dict(err.get("ctx") or {})
                column = err["loc"][0] if err["loc"] else ctx.pop("column", None)
                ctx.pop("column", None)
                code = err["type"]
                if f"imp.msg.{code}" not in CATALOGUE:  # a pydantic error of its own
                    code, ctx = "tidak_sah", {}
                row.error(column, code, **ctx)
        out.append(row)
    return out
