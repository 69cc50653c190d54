"""The exactness proof (issue 8): the semantic layer returns the numbers of two independent
references, for every measure, under a spread of filter sets, on SQLite and PostgreSQL.

Two references read the NORMALISED tables (person, enrolment, training_class, tracer_survey, aid,
package, village) and never the analytics tables or ``lib/semantic``:

- :func:`tests.reference.compute` (SQL, the indicator code Pantau used before the semantic layer):
  every spec-4 indicator; a breakdown row by a filter dimension must equal it with that value added
  to the filters.
- :func:`expected` below (pandas over plain SELECTs): every measure of the registry that
  :func:`lib.semantic.query.query` computes, by any dimension (also those that are not filters:
  bulan, kelas, kelompok_umur, desil, status_kerja, jenis, status_bantuan), including sasaran
  (from birth dates and desil on the data date), cakupan and unmet need.

Datasets: the small programme of ``tests/test_indicators.py``; :func:`build_edge_cases` (ties on
the survey date, an older survey recorded last, re-enrolment after a drop-out, untraced completers
either side of the overdue date, aid of a drop-out and of a person never enrolled, ages on the
boundaries of the bands and of the productive range); the demo at scales 1 and 5. Filter values
are taken from the data (:func:`filter_sets`). Finally, the analytics tables follow every data
change: imports, ``demo.seed(replace=True)`` and ``demo.clear`` (:func:`test_analytics_follow_every_data_change`).

A failure lists every differing value (dataset, filters, dimension, row, measure, semantic layer
vs reference), not only the first.
"""

from __future__ import annotations

import itertools
import math
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction

import pandas as pd
import pytest
from dateutil.relativedelta import relativedelta
from sqlalchemy import Engine, select, text

from lib.core import db
from lib.core.config import settings
from lib.core.filters import Filters
from lib.core.models import (
    Aid,
    Enrolment,
    Kecamatan,
    Package,
    Person,
    TracerSurvey,
    TrainingClass,
    Village,
)
from lib.intake import demo, importer
from lib.semantic import analytics, measures, query
from tests import reference
from tests.builders import (
    BONTO_CINDE,
    BONTO_JAI,
    BONTO_TIRO,
    TAPPANJENG,
    dataset,
)
from tests.conftest import new_pg_database
from tests.test_indicators import build_small_programme
from tests.test_intake_load import ANI, CICI, programme_files, write

PALLANTIKANG = "73.03.02.1002"  # kelurahan in Bantaeng

# --- the rules, written out from the spec (section 4 and 4a), not imported -----------------------

ACTIVE = ("terdaftar", "aktif", "selesai")
OUTCOMES = ("bekerja", "wirausaha", "belum_bekerja", "melanjutkan_pendidikan")
PLACED = ("bekerja", "wirausaha")
APPROVED = ("disetujui", "disalurkan")
# Age bands of the kelompok_umur dimension: (lower bound, label); the last is open-ended.
BANDS = ((0, "<15"), (15, "15-24"), (25, "25-34"), (35, "35-44"), (45, "45-54"), (55, "55-64"),
         (65, "65+"))  # fmt: skip

# The facts the reference computes from, and the dimensions each of them has: e enrolments, c
# classes, a aid records of persons in scope, r registry persons.
FACT_DIMS = {
    "e": ("tahun", "bulan", "paket", "kejuruan", "kelas", "kecamatan", "desa", "jk",
          "kelompok_umur", "desil", "status_kerja"),
    "c": ("tahun", "bulan", "paket", "kejuruan", "kelas"),
    "a": ("kecamatan", "desa", "jk", "jenis", "status_bantuan"),
    "r": ("kecamatan", "desa", "jk", "kelompok_umur", "desil"),
}  # fmt: skip
E_COUNTS = ("peserta", "selesai", "keluar", "kompeten", *OUTCOMES, "tidak_terlacak",
            "ditempatkan", "tidak_terlacak_jatuh_tempo", "terlacak", "pernah_terdaftar",
            "n_pendapatan")  # fmt: skip
E_MEDIANS = ("median_pendapatan_sebelum", "median_pendapatan_sesudah")
C_COUNTS = ("kelas", "kursi", "terisi", "paket_berjalan", "kelas_kurang_terisi")
A_COUNTS = ("kur_disetujui", "kur_nilai_rp", "peralatan", "modal_dusun_rw", "penerima_kur",
            "catatan_bantuan", "nilai_bantuan_rp", "penerima_bantuan")  # fmt: skip
R_COUNTS = ("sasaran", "warga_registri")
CONSTANTS = ("kuota", "paket_total")
# ratio measures: numerator, denominator, scale (rounded half-up to one decimal)
RATIOS = {
    "persen_kuota": ("peserta", "kuota", 100),
    "porsi_kuota": ("peserta", "kuota", 100),
    "persen_keterisian": ("terisi", "kursi", 100),
    "persen_penempatan": ("ditempatkan", "selesai", 100),
    "persen_selesai": ("selesai", "pernah_terdaftar", 100),
    "persen_kompeten": ("kompeten", "selesai", 100),
    "cakupan": ("peserta", "sasaran", 100),
    "per_1000_sasaran": ("peserta", "sasaran", 1000),
}
FACT_OF = {
    **{m: "e" for m in (*E_COUNTS, *E_MEDIANS)},
    **{m: "c" for m in C_COUNTS},
    **{m: "a" for m in A_COUNTS},
    **{m: "r" for m in R_COUNTS},
}
ALL_DIMS = tuple(dict.fromkeys(d for dims in FACT_DIMS.values() for d in dims))
FILTER_DIMS = ("tahun", "paket", "kejuruan", "kecamatan", "desa", "jk")


def facts(measure: str) -> set[str]:
    """The facts ``measure`` is computed from."""
    if measure in CONSTANTS:
        return set()
    if measure in RATIOS:
        num, den, _ = RATIOS[measure]
        return facts(num) | facts(den)
    if measure == "kebutuhan_belum_terlayani":
        return facts("sasaran") | facts("peserta")
    return {FACT_OF[measure]}


MEASURES = (*CONSTANTS, *E_COUNTS, *E_MEDIANS, *C_COUNTS, *A_COUNTS, *R_COUNTS, *RATIOS,
            "kebutuhan_belum_terlayani")  # fmt: skip


def supported(by: Iterable[str]) -> list[str]:
    """The measures that can be broken down by every dimension of ``by``."""
    by = set(by)
    return [
        m for m in MEASURES
        # a measure cannot be broken down by the dimension of its own name (kelas)
        if m not in by and all(by <= set(FACT_DIMS[x]) for x in facts(m))
    ]  # fmt: skip


def rate(num: int, den: int, scale: int = 100) -> float | None:
    """``num / den × scale`` rounded half-up to one decimal, in exact integer arithmetic."""
    if not den:
        return None
    tenths = math.floor(Fraction(num * scale * 10, den) + Fraction(1, 2))
    return float(Fraction(tenths, 10))


def age(born: pd.Series, on: pd.Series | date) -> pd.Series:
    """Whole years from ``born`` to ``on`` (a birthday counts on its day; 29 February on 1 March)."""
    b = pd.to_datetime(born)
    o = (
        pd.to_datetime(pd.Series(on, index=born.index))
        if isinstance(on, date)
        else pd.to_datetime(on)
    )
    before = (o.dt.month * 100 + o.dt.day) < (b.dt.month * 100 + b.dt.day)
    return (o.dt.year - b.dt.year - before.astype(int)).astype(int)


def band(ages: pd.Series) -> pd.Series:
    out = pd.Series(BANDS[0][1], index=ages.index, dtype=object)
    for lower, label in BANDS[1:]:
        out[ages >= lower] = label
    return out


# --- the pandas reference over the normalised tables ---------------------------------------------


@dataclass
class Tables:
    """The normalised tables, joined as the rules need them (read once per dataset)."""

    enrol: pd.DataFrame  # one row per enrolment: class, package, person, village, latest survey
    classes: pd.DataFrame  # one row per class, with kejuruan and enrolment count
    aid: pd.DataFrame  # one row per aid record, with the recipient's residence
    registry: pd.DataFrame  # one row per person: residence, age band and eligibility on as_of
    packages: pd.DataFrame  # the catalogue: paket, kejuruan
    villages: pd.DataFrame  # desa, kecamatan
    kecamatan: list[str]
    as_of: date


def _read(conn, model, **columns) -> pd.DataFrame:
    """``SELECT`` of ``model``'s columns, renamed ``new=old``."""
    table = model.__table__
    rows = conn.execute(select(*(table.c[c] for c in columns.values()))).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=list(columns), dtype=object)


def load(engine: Engine) -> Tables:
    s = settings()
    aturan = s.extra.get("aturan", {})
    overdue_months = int(aturan.get("telusur_setelah_bulan", 3))
    with engine.connect() as conn:
        person = _read(conn, Person, person_id="id", jk="jk", lahir="tanggal_lahir",
                       desa="desa_kode", desil="desil")  # fmt: skip
        village = _read(conn, Village, desa="kode", kecamatan="kecamatan_kode")
        kec = sorted(conn.execute(select(Kecamatan.kode)).scalars())
        package = _read(conn, Package, paket="kode", kejuruan="kejuruan")
        klass = _read(conn, TrainingClass, class_id="id", kelas="kode", paket="paket_kode",
                      tahun="tahun", mulai="tanggal_mulai", akhir="tanggal_selesai",
                      kapasitas="kapasitas")  # fmt: skip
        enrol = _read(conn, Enrolment, enrolment_id="id", person_id="person_id",
                      class_id="class_id", status="status", hasil_uji="hasil_uji")  # fmt: skip
        survey = _read(conn, TracerSurvey, survey_id="id", enrolment_id="enrolment_id",
                       tanggal="tanggal_survei", status_kerja="status_kerja",
                       sesudah="pendapatan_bulanan", sebelum="pendapatan_sebelum")  # fmt: skip
        aid = _read(conn, Aid, aid_id="id", person_id="person_id", jenis="jenis",
                    status_bantuan="status", nilai="nilai_rupiah")  # fmt: skip
    as_of = db.data_as_of(engine) or date.today()
    due_by = as_of - relativedelta(months=overdue_months)

    person = person.merge(village, on="desa", how="left")
    for col in ("person_id", "desil"):
        person[col] = person[col].astype("int64")
    klass = klass.merge(package, on="paket", how="left")
    for col in ("class_id", "tahun", "kapasitas"):
        klass[col] = klass[col].astype("int64")
    mulai = pd.to_datetime(klass["mulai"])
    klass["bulan"] = (mulai.dt.year * 100 + mulai.dt.month).astype("int64")
    for col in ("enrolment_id", "person_id", "class_id"):
        enrol[col] = enrol[col].astype("int64")
    for col in ("survey_id", "enrolment_id"):
        survey[col] = survey[col].astype("int64")
    klass["terisi"] = klass["class_id"].map(enrol["class_id"].value_counts()).fillna(0)
    klass["terisi"] = klass["terisi"].astype("int64")

    # the latest survey of each person over all their enrolments: latest date, then recorded last
    sv = survey.merge(enrol[["enrolment_id", "person_id"]], on="enrolment_id")
    sv = sv.sort_values(["person_id", "tanggal", "survey_id"], kind="stable")
    latest = sv.groupby("person_id", sort=False).tail(1)
    latest = latest[["person_id", "status_kerja", "sebelum", "sesudah"]]

    e = (
        enrol.merge(klass, on="class_id")
        .merge(person, on="person_id")
        .merge(latest, on="person_id", how="left")
    )
    e["status_kerja"] = e["status_kerja"].astype(object).where(e["status_kerja"].notna(), None)
    e["kelompok_umur"] = band(age(e["lahir"], e["mulai"]))
    e["due"] = pd.to_datetime(e["akhir"]) <= pd.Timestamp(due_by)

    a = aid.merge(person[["person_id", "desa", "kecamatan", "jk"]], on="person_id")
    a["nilai"] = a["nilai"].astype("int64")

    r = person.copy()
    r_age = age(r["lahir"], as_of)
    r["kelompok_umur"] = band(r_age)
    r["eligible"] = (
        (r_age >= s.usia_produktif_min)
        & (r_age <= s.usia_produktif_max)
        & (r["desil"] <= s.desil_sasaran_max)
    )
    return Tables(e, klass, a, r, package, village, kec, as_of)


def _class_ok(df: pd.DataFrame, f: Filters) -> pd.Series:
    ok = pd.Series(True, index=df.index)
    if f.tahun:
        ok &= df["tahun"].isin(f.tahun)
    if f.paket:
        ok &= df["paket"].isin(f.paket)
    if f.kejuruan:
        ok &= df["kejuruan"].isin(f.kejuruan)
    return ok


def _person_ok(df: pd.DataFrame, f: Filters) -> pd.Series:
    ok = pd.Series(True, index=df.index)
    if f.desa:
        ok &= df["desa"].isin(f.desa)
    if f.kecamatan:
        ok &= df["kecamatan"].isin(f.kecamatan)
    if f.jk:
        ok &= df["jk"].isin(f.jk)
    return ok


def _aggregate(df: pd.DataFrame, by: list[str], spec: dict[str, tuple[str, str]]) -> dict:
    """``{key: {name: value}}`` of named aggregates ``name=(column, "sum"|"nunique")``, grouped by
    ``by`` (missing values are a group of their own), or one row ``()`` when ``by`` is empty."""
    if not by:
        return {(): {k: plain(getattr(df[col], how)()) for k, (col, how) in spec.items()}}
    groups = df.groupby(by, dropna=False, sort=False)
    frame = pd.DataFrame({k: getattr(groups[col], how)() for k, (col, how) in spec.items()})
    out = {}
    for key, *values in frame.itertuples(name=None):
        key = key if isinstance(key, tuple) else (key,)
        out[tuple(plain(k) for k in key)] = {k: plain(v) for k, v in zip(spec, values, strict=True)}
    return out


def _enrolment_part(e: pd.DataFrame, by: list[str]) -> dict[tuple, dict]:
    sel = e["status"] == "selesai"
    traced = e["status_kerja"].notna()
    has_income = e["sebelum"].notna() | e["sesudah"].notna()
    persons_if = {
        "peserta": e["status"].isin(ACTIVE),
        "selesai": sel,
        "kompeten": e["hasil_uji"] == "kompeten",
        **{o: sel & (e["status_kerja"] == o) for o in OUTCOMES},
        "tidak_terlacak": sel & ~traced,
        "ditempatkan": sel & e["status_kerja"].isin(PLACED),
        "tidak_terlacak_jatuh_tempo": sel & ~traced & e["due"],
        "terlacak": sel & traced,
        "pernah_terdaftar": pd.Series(True, index=e.index),
        "n_pendapatan": sel & has_income,
    }
    # a column per measure: the person id where the enrolment counts, else missing
    cols = pd.DataFrame({k: e["person_id"].where(m) for k, m in persons_if.items()})
    cols["keluar_rows"] = (e["status"] == "keluar").astype("int64")
    for d in by:
        cols[d] = e[d]
    spec = {k: (k, "nunique") for k in persons_if}
    spec["keluar"] = ("keluar_rows", "sum")
    out = _aggregate(cols, by, spec)
    # medians: each completer once per group, by the latest survey's income
    for col, key in (("sebelum", "median_pendapatan_sebelum"), ("sesudah", "median_pendapatan_sesudah")):  # fmt: skip
        done = e[sel & e[col].notna()].drop_duplicates([*by, "person_id"])
        values = done[col].astype("int64")
        if by:
            med = values.groupby([done[d] for d in by], dropna=False).median()
            keys = (k if isinstance(k, tuple) else (k,) for k in med.index)
            medians = {tuple(plain(x) for x in k): plain(v) for k, v in zip(keys, med, strict=True)}
        else:
            medians = {(): plain(values.median()) if len(values) else None}
        for k, row in out.items():
            row[key] = medians.get(k)
    return out


def _class_part(c: pd.DataFrame, by: list[str]) -> dict[tuple, dict]:
    pct = int(settings().extra.get("aturan", {}).get("keterisian_rendah_persen", 75))
    c = c.assign(one=1, under=(c["terisi"] * 100 < c["kapasitas"] * pct).astype("int64"))
    return _aggregate(c, by, {
        "kelas": ("one", "sum"),
        "kursi": ("kapasitas", "sum"),
        "terisi": ("terisi", "sum"),
        "paket_berjalan": ("paket", "nunique"),
        "kelas_kurang_terisi": ("under", "sum"),
    })  # fmt: skip


def _aid_part(a: pd.DataFrame, by: list[str]) -> dict[tuple, dict]:
    approved = a["status_bantuan"].isin(APPROVED)
    kur = approved & (a["jenis"] == "kur")
    a = a.assign(
        one=1,
        kur=kur.astype("int64"),
        kur_rp=a["nilai"].where(kur, 0),
        alat=(approved & (a["jenis"] == "peralatan")).astype("int64"),
        modal=(approved & (a["jenis"] == "modal_dusun_rw")).astype("int64"),
        kur_person=a["person_id"].where(kur),
    )
    return _aggregate(a, by, {
        "kur_disetujui": ("kur", "sum"),
        "kur_nilai_rp": ("kur_rp", "sum"),
        "peralatan": ("alat", "sum"),
        "modal_dusun_rw": ("modal", "sum"),
        "penerima_kur": ("kur_person", "nunique"),
        "catatan_bantuan": ("one", "sum"),
        "nilai_bantuan_rp": ("nilai", "sum"),
        "penerima_bantuan": ("person_id", "nunique"),
    })  # fmt: skip


def _registry_part(r: pd.DataFrame, by: list[str]) -> dict[tuple, dict]:
    r = r.assign(one=1, eligible_n=r["eligible"].astype("int64"))
    return _aggregate(r, by, {"sasaran": ("eligible_n", "sum"), "warga_registri": ("one", "sum")})


EMPTY = {
    "e": {**dict.fromkeys(E_COUNTS, 0), **dict.fromkeys(E_MEDIANS)},
    "c": dict.fromkeys(C_COUNTS, 0),
    "a": dict.fromkeys(A_COUNTS, 0),
    "r": dict.fromkeys(R_COUNTS, 0),
}


def expected(t: Tables, f: Filters, by: Iterable[str] = (), wanted=None) -> dict[tuple, dict]:
    """Every supported measure by ``by`` under ``f``: one row per combination of dimension values
    that has data in at least one of the facts involved (one row when ``by`` is empty)."""
    by = list(by)
    wanted = list(wanted or supported(by))
    needed = set().union(*(facts(m) for m in wanted))
    e = t.enrol[_class_ok(t.enrol, f) & _person_ok(t.enrol, f)]
    parts: dict[str, dict] = {}
    if "e" in needed:
        parts["e"] = _enrolment_part(e, by)
    if "c" in needed:
        parts["c"] = _class_part(t.classes[_class_ok(t.classes, f)], by)
    if "a" in needed:
        in_scope = t.aid["person_id"].isin(e["person_id"].unique()) & _person_ok(t.aid, f)
        parts["a"] = _aid_part(t.aid[in_scope], by)
    if "r" in needed:
        parts["r"] = _registry_part(t.registry[_person_ok(t.registry, f)], by)
    keys = {k for part in parts.values() for k in part} | ({()} if not by else set())
    return {k: _finish(t, [parts[x].get(k, EMPTY[x]) for x in needed], wanted) for k in keys}


def _finish(t: Tables, parts: list[dict], wanted: list[str]) -> dict:
    """One row: the facts' aggregates, the constants, and the ratios and gap computed from them."""
    row = {"kuota": settings().kuota, "paket_total": len(t.packages)}
    for part in parts:
        row.update(part)
    for m, (num, den, scale) in RATIOS.items():
        if num in row and den in row:
            row[m] = rate(row[num], row[den], scale)
    if "sasaran" in row and "peserta" in row:
        row["kebutuhan_belum_terlayani"] = max(0, row["sasaran"] - row["peserta"])
    return {m: row[m] for m in wanted}


def blank(t: Tables, wanted: list[str]) -> dict:
    """The row of a group without any data: zero counts, no median, rates of zero."""
    return _finish(t, list(EMPTY.values()), wanted)


def members(t: Tables, dim: str, f: Filters) -> set:
    """Every value of a filter dimension within ``f`` (the rows of ``complete=True``)."""
    pk, vil = t.packages, t.villages
    if dim == "paket":
        return set(pk["paket"][_class_ok(pk, f.replace(tahun=()))])
    if dim == "kejuruan":
        return set(pk["kejuruan"][_class_ok(pk, f.replace(tahun=()))])
    if dim == "desa":
        return set(vil["desa"][_person_ok(vil, f.replace(jk=()))])
    if dim == "kecamatan":
        return {k for k in t.kecamatan if not f.kecamatan or k in f.kecamatan}
    if dim == "jk":
        return set(f.jk or ("L", "P"))
    if dim == "tahun":
        return set(f.tahun or (int(y) for y in t.classes["tahun"]))
    raise ValueError(dim)


# --- comparing -----------------------------------------------------------------------------------


def plain(value):
    """A database/pandas value as a comparable Python value (NaN and NA as ``None``)."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
        if isinstance(value, float) and math.isnan(value):
            return None
    return value


def semantic(df: pd.DataFrame, by: list[str], wanted: list[str]) -> dict[tuple, dict]:
    out = {}
    for rec in df.to_dict("records"):
        out[tuple(plain(rec[d]) for d in by)] = {m: plain(rec[m]) for m in wanted}
    assert len(out) == len(df), f"duplicate rows by {by}"
    return out


@dataclass
class Report:
    """Comparisons made and differences found in one test."""

    label: str
    compared: int = 0
    diffs: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.process_time)

    def same(self, where: str, got: dict[tuple, dict], want: dict[tuple, dict]) -> None:
        for key in sorted(set(got) ^ set(want), key=repr):
            side = "semantic layer only" if key in got else "reference only"
            self.diffs.append(f"{where} row {key}: {side} {got.get(key) or want.get(key)}")
        for key in sorted(set(got) & set(want), key=repr):
            g, w = got[key], want[key]
            assert set(g) == set(w), (where, sorted(g), sorted(w))
            for m in w:
                self.compared += 1
                if g[m] != w[m] or (g[m] is None) != (w[m] is None):
                    self.diffs.append(f"{where} row {key} {m}: semantic {g[m]!r} != {w[m]!r}")

    def check(self) -> None:
        cpu = time.process_time() - self.started
        print(f"{self.label}: {self.compared} values compared ({cpu:.1f} s CPU)")
        shown = "\n".join(self.diffs[:60])
        assert not self.diffs, f"{len(self.diffs)} differences in {self.label}:\n{shown}"


def compare_indicators(engine, f: Filters, where: str, rep: Report) -> None:
    """``query.indicators`` == ``reference.compute`` for every key."""
    got, want = query.indicators(engine, f), reference.compute(engine, f)
    assert set(got) == set(want), (sorted(got), sorted(want))
    rep.same(f"{where} indicators", {(): got}, {(): want})


def compare_filter_breakdowns(engine, f: Filters, where: str, rep: Report,
                              dims: Iterable[str] = FILTER_DIMS) -> None:  # fmt: skip
    """Each row of a breakdown by a filter dimension == ``reference.compute`` with that value
    added to the filters (the indicators that this dimension can break down)."""
    indicator_keys = list(reference.compute(engine, Filters()))
    for dim in dims:
        wanted = [m for m in supported([dim]) if m in indicator_keys]
        df = query.query(engine, wanted, by=[dim], filters=f)
        got = semantic(df, [dim], wanted)
        want = {}
        for (value,) in got:
            full = reference.compute(engine, f.replace(**{dim: (value,)}))
            want[(value,)] = {m: full[m] for m in wanted}
        rep.same(f"{where} by {dim} (reference.compute)", got, want)


def compare_breakdowns(engine, t: Tables, f: Filters, where: str, rep: Report,
                       dims: Iterable[tuple[str, ...]]) -> None:  # fmt: skip
    """Every supported measure by ``by`` == the pandas reference, for each ``by`` in ``dims``;
    for filter dimensions also with ``complete=True`` (members without data: zeros)."""
    for by in dims:
        wanted = supported(by)
        got = semantic(query.query(engine, wanted, by=list(by), filters=f), list(by), wanted)
        rep.same(f"{where} by {'×'.join(by) or '()'}", got, expected(t, f, by, wanted))
        if len(by) == 1 and by[0] in FILTER_DIMS:
            dim = by[0]
            df = query.query(engine, wanted, by=[dim], filters=f, complete=True)
            got = semantic(df, [dim], wanted)
            want = expected(t, f, by, wanted)
            empty = blank(t, wanted)
            want = {(v,): want.get((v,), empty) for v in members(t, dim, f)}
            rep.same(f"{where} by {dim} complete", got, want)


# --- filter sets from the data -------------------------------------------------------------------


def _ranked(series: pd.Series) -> list:
    """Distinct values, most frequent first (ties by value)."""
    counts = series.value_counts()
    return sorted(counts.index, key=lambda v: (-counts[v], str(v)))


def filter_sets(t: Tables) -> dict[str, Filters]:
    """Filter sets named by what they test, with values taken from the data."""
    e = t.enrol
    years, pakets, kejs = _ranked(e["tahun"]), _ranked(e["paket"]), _ranked(e["kejuruan"])
    kecs, desas, jks = _ranked(e["kecamatan"]), _ranked(e["desa"]), _ranked(e["jk"])
    years = [int(y) for y in years]
    y0, y_last = min(years), max(years)
    c0, d0, p0, k0, j0 = kecs[0], desas[0], pakets[0], kejs[0], jks[0]
    kec_of = dict(zip(t.villages["desa"], t.villages["kecamatan"], strict=True))
    kej_of = dict(zip(t.packages["paket"], t.packages["kejuruan"], strict=True))
    in_c0 = [d for d in desas if kec_of[d] == c0]
    outside_c0 = [d for d in desas if kec_of[d] != c0]
    other_kej = sorted(k for k in set(t.packages["kejuruan"]) if k != kej_of[p0])[0]
    unused_paket = sorted(set(t.packages["paket"]) - set(t.classes["paket"]))
    empty_village = sorted(set(t.villages["desa"]) - set(t.registry["desa"]))
    sets = {
        "no filter": Filters(),
        "tahun first": Filters(tahun=(y0,)),
        "tahun last": Filters(tahun=(y_last,)),
        "kecamatan": Filters(kecamatan=(c0,)),
        "desa": Filters(desa=(d0,)),
        "paket": Filters(paket=(p0,)),
        "kejuruan": Filters(kejuruan=(k0,)),
        "jk": Filters(jk=(j0,)),
        "jk other": Filters(jk=tuple(jks[1:2])),
        "tahun+paket": Filters(tahun=(y0,), paket=(p0,)),
        "tahun+kejuruan": Filters(tahun=(y_last,), kejuruan=(k0,)),
        "kecamatan+desa": Filters(kecamatan=(c0,), desa=tuple(in_c0[:1])),
        "desa+jk": Filters(desa=(d0,), jk=(j0,)),
        "kecamatan+jk": Filters(kecamatan=(c0,), jk=tuple(jks[-1:])),
        "tahun+kecamatan": Filters(tahun=(y0,), kecamatan=(c0,)),
        "paket+desa": Filters(paket=(p0,), desa=(d0,)),
        "kejuruan+jk": Filters(kejuruan=(k0,), jk=(j0,)),
        "tahun+desa+jk": Filters(tahun=(y_last,), desa=tuple(desas[1:2]), jk=(j0,)),
        "every filter": Filters(tahun=tuple(years[:2]), kecamatan=(c0,), desa=tuple(in_c0[:2]),
                                paket=tuple(pakets[:3]), kejuruan=tuple(kejs[:2]), jk=(j0,)),
        "several tahun": Filters(tahun=tuple(sorted(years[:2]))),
        "several kecamatan": Filters(kecamatan=tuple(sorted(kecs[:2]))),
        "several desa": Filters(desa=tuple(sorted(desas[:3]))),
        "several paket": Filters(paket=tuple(sorted(pakets[:3]))),
        "several kejuruan": Filters(kejuruan=tuple(sorted(kejs[:2]))),
        "both jk": Filters(jk=("L", "P")),
        "nothing: tahun without classes": Filters(tahun=(int(max(t.classes["tahun"])) + 1,)),
        "nothing: paket of another kejuruan": Filters(paket=(p0,), kejuruan=(other_kej,)),
        "nothing: desa outside the kecamatan": Filters(kecamatan=(c0,),
                                                       desa=tuple(outside_c0[:1])),
    }  # fmt: skip
    if unused_paket:
        sets["nothing: paket without classes"] = Filters(paket=(unused_paket[0],))
    if empty_village:
        sets["nothing: desa without residents"] = Filters(desa=(empty_village[0],))
    unique: dict[Filters, str] = {}
    for name, f in sets.items():
        unique.setdefault(f, name)
    return {name: f for f, name in unique.items()}


# --- the edge-case scenario ----------------------------------------------------------------------

EDGE_AS_OF = date(2024, 5, 31)  # 3 months earlier is 29 Feb 2024: classes ending then are overdue


def build_edge_cases(url: str) -> None:
    """Seven classes, sixteen registry persons: every rule's edge in a dataset small enough to read.

    Data date 31 May 2024 (overdue tracing: classes that ended on or before 29 Feb 2024).

    Classes: K1 GAR-01 2022 (16 seats, ended 2022-04-29); K2 GAR-01 2023 (8, started 2023-02-28);
    K3 OTO-01 2023 (4, ended 2024-02-29: overdue); K4 TIK-02 2024 (5, started 2024-01-15, ended
    2024-03-01: not overdue); K5 PAR-01 2024 (16, one enrolment: 6.25 % → 6.3 half-up); K6 LAS-01
    2024 (6, started 2024-01-10, same month as K4); K7 PAR-02 2024 (16, empty).

    - Ani: K1 and K2 selesai (re-enrolment in the same package); surveys K1 2022-10-01 bekerja, then
      K2 2023-06-01 wirausaha and K1 2023-06-01 belum_bekerja on the same date (the one recorded
      last wins: belum_bekerja, found through K1 when only 2023 is in scope), then K1 2021-12-01
      bekerja recorded last but older.
    - Budi: K1 keluar, K2 selesai (re-enrolment after a drop-out), surveyed.
    - Citra: born 31 May 2009, 15 on the data date (eligible); 14 when K4 started (band <15).
    - Dedi: born 31 May 1959, 65 on the data date (not productive); K3 selesai, surveyed.
    - Eka: born 15 Jan 1999: 25 when K4 started (25-34), 24 when K6 started (15-24); desil 5.
    - Fajar: born 29 Feb 2000; K3 aktif, K6 selesai surveyed, K2 keluar.
    - Gita: never enrolled, KUR approved.  Joko: only dropped out, equipment aid disbursed.
    - Kiki (K3), Lina (K4), Made (K6): completers never surveyed, overdue / not / overdue.
    - Nur: K2 aktif, K5 terdaftar.  Oki: K1 selesai, survey 2022-12-01 recorded before 2022-07-01.
    - Hadi (64 on the data date, desil 4) and Ida (14): registry only.
    """
    with dataset(url) as d:
        d.data_date(EDGE_AS_OF)
        k1 = d.kelas("GAR-01", tahun=2022, kapasitas=16, mulai=date(2022, 3, 7),
                     selesai=date(2022, 4, 29))  # fmt: skip
        k2 = d.kelas("GAR-01", tahun=2023, kapasitas=8, angkatan=2, mulai=date(2023, 2, 28),
                     selesai=date(2023, 4, 14))  # fmt: skip
        k3 = d.kelas("OTO-01", tahun=2023, kapasitas=4, mulai=date(2023, 8, 1),
                     selesai=date(2024, 2, 29))  # fmt: skip
        k4 = d.kelas("TIK-02", tahun=2024, kapasitas=5, mulai=date(2024, 1, 15),
                     selesai=date(2024, 3, 1))  # fmt: skip
        k5 = d.kelas("PAR-01", tahun=2024, kapasitas=16, mulai=date(2024, 4, 1),
                     selesai=date(2024, 6, 28))  # fmt: skip
        k6 = d.kelas("LAS-01", tahun=2024, kapasitas=6, mulai=date(2024, 1, 10),
                     selesai=date(2024, 2, 15))  # fmt: skip
        d.kelas("PAR-02", tahun=2024, kapasitas=16, mulai=date(2024, 4, 1),
                selesai=date(2024, 6, 28))  # fmt: skip

        ani = d.person("Ani", desa=BONTO_JAI, jk="P", lahir=date(1995, 5, 17), desil=1)
        budi = d.person("Budi", desa=BONTO_JAI, jk="L", lahir=date(1990, 1, 1), desil=2)
        citra = d.person("Citra", desa=BONTO_CINDE, jk="P", lahir=date(2009, 5, 31), desil=4)
        dedi = d.person("Dedi", desa=TAPPANJENG, jk="L", lahir=date(1959, 5, 31), desil=1)
        eka = d.person("Eka", desa=TAPPANJENG, jk="P", lahir=date(1999, 1, 15), desil=5)
        fajar = d.person("Fajar", desa=BONTO_TIRO, jk="L", lahir=date(2000, 2, 29), desil=3)
        gita = d.person("Gita", desa=PALLANTIKANG, jk="P", lahir=date(1985, 7, 1), desil=1)
        d.person("Hadi", desa=BONTO_TIRO, jk="L", lahir=date(1959, 6, 1), desil=4)
        d.person("Ida", desa=BONTO_CINDE, jk="P", lahir=date(2009, 6, 1), desil=1)
        joko = d.person("Joko", desa=TAPPANJENG, jk="L", lahir=date(1980, 3, 3), desil=1)
        kiki = d.person("Kiki", desa=BONTO_JAI, jk="P", lahir=date(1992, 8, 8), desil=2)
        lina = d.person("Lina", desa=BONTO_CINDE, jk="P", lahir=date(1993, 9, 9), desil=3)
        made = d.person("Made", desa=BONTO_TIRO, jk="L", lahir=date(1988, 10, 10), desil=4)
        nur = d.person("Nur", desa=PALLANTIKANG, jk="P", lahir=date(1996, 11, 11), desil=2)
        oki = d.person("Oki", desa=BONTO_JAI, jk="L", lahir=date(2001, 12, 12), desil=6)
        d.person("Putri", desa=PALLANTIKANG, jk="P", lahir=date(1975, 1, 1), desil=4)

        ani1 = d.enrol(ani, k1, "selesai", uji="kompeten")
        ani2 = d.enrol(ani, k2, "selesai", uji="kompeten")
        d.enrol(budi, k1, "keluar")
        budi2 = d.enrol(budi, k2, "selesai", uji="belum_kompeten")
        citra4 = d.enrol(citra, k4, "selesai", uji="kompeten")
        dedi3 = d.enrol(dedi, k3, "selesai", uji="kompeten")
        d.enrol(eka, k6, "keluar")
        d.enrol(eka, k4, "selesai", uji="belum_kompeten")
        d.enrol(fajar, k3, "aktif")
        fajar6 = d.enrol(fajar, k6, "selesai", uji="kompeten")
        d.enrol(fajar, k2, "keluar")
        d.enrol(joko, k1, "keluar")
        d.enrol(kiki, k3, "selesai")
        d.enrol(lina, k4, "selesai", uji="kompeten")
        d.enrol(made, k6, "selesai")
        d.enrol(nur, k2, "aktif")
        d.enrol(nur, k5, "terdaftar")
        oki1 = d.enrol(oki, k1, "selesai", uji="kompeten")

        d.survey(ani1, date(2022, 10, 1), "bekerja", pendapatan=2_000_000, sebelum=500_000)
        d.survey(ani2, date(2023, 6, 1), "wirausaha", pendapatan=3_000_000)
        d.survey(ani1, date(2023, 6, 1), "belum_bekerja", sebelum=600_000)
        d.survey(ani1, date(2021, 12, 1), "bekerja", pendapatan=9_000_000)
        d.survey(budi2, date(2023, 5, 1), "bekerja", pendapatan=2_500_000, sebelum=1_000_000)
        d.survey(citra4, date(2024, 4, 1), "melanjutkan_pendidikan")
        d.survey(dedi3, date(2024, 4, 15), "bekerja", pendapatan=4_000_000, sebelum=2_000_000)
        d.survey(fajar6, date(2024, 5, 1), "wirausaha", pendapatan=1_500_000, sebelum=1_500_000)
        d.survey(oki1, date(2022, 12, 1), "bekerja", pendapatan=1_800_000)
        d.survey(oki1, date(2022, 7, 1), "belum_bekerja", sebelum=800_000)

        d.aid(ani, "kur", tanggal=date(2023, 7, 1), nilai=5_000_000, status="disetujui")
        d.aid(ani, "peralatan", tanggal=date(2023, 7, 1), nilai=1_000_000, status="diajukan")
        d.aid(budi, "modal_dusun_rw", tanggal=date(2023, 8, 1), nilai=1_500_000,
              status="disalurkan")  # fmt: skip
        d.aid(budi, "kur", tanggal=date(2023, 8, 1), nilai=2_000_000, status="ditolak")
        d.aid(dedi, "kur", tanggal=date(2024, 5, 1), nilai=7_000_000, status="disalurkan")
        d.aid(dedi, "kur", tanggal=date(2024, 5, 20), nilai=3_000_000, status="disetujui")
        d.aid(fajar, "peralatan", tanggal=date(2024, 5, 2), nilai=2_500_000, status="disetujui")
        d.aid(gita, "kur", tanggal=date(2023, 12, 1), nilai=9_000_000, status="disetujui")
        d.aid(joko, "peralatan", tanggal=date(2022, 6, 1), nilai=2_000_000, status="disalurkan")
        d.aid(oki, "modal_dusun_rw", tanggal=date(2023, 1, 5), nilai=500_000, status="diajukan")


# --- databases -----------------------------------------------------------------------------------


def _new_url(kind: str, request, tmp_path_factory) -> str:
    if kind == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('exact') / 'pantau.db'}"
    return new_pg_database(request.getfixturevalue("pg_cluster"))


def _analyze(engine: Engine) -> None:
    """Fresh planner statistics after a bulk load on PostgreSQL (the reference's correlated
    latest-survey lookup is slow on tables the planner has never seen filled)."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("ANALYZE"))


@pytest.fixture(scope="session")
def demo_db(request, tmp_path_factory):
    """``get(kind, scale)``: the URL of a database seeded with the demo (seed 2022), built once per
    test process."""
    built: dict[tuple[str, int], str] = {}

    def get(kind: str, scale: int) -> str:
        if (kind, scale) not in built:
            url = _new_url(kind, request, tmp_path_factory)
            engine = analytics.ensure_ready(url)
            demo.seed(engine, scale=scale, seed=2022)
            _analyze(engine)
            built[kind, scale] = url
        return built[kind, scale]

    return get


# Which comparisons run where, to keep the module near a minute on two cores. Under each filter set
# of a plan: the indicators against reference.compute and every measure without a dimension
# against the pandas reference. Breakdowns cost one query each, so "no filter" gets every breakdown
# and the other filter sets ``per_set`` each, in rotation, so that every breakdown runs under
# several filter sets; likewise reference.compute per row, for one filter dimension under every
# ``rows``-th filter set (0: under "no filter" only). ``stride`` 2 takes every other filter set.
BREAKDOWNS = [*((d,) for d in ALL_DIMS),
              ("tahun", "jk"), ("kecamatan", "kelompok_umur"), ("paket", "status_kerja"),
              ("desa", "desil"), ("kejuruan", "bulan"), ("jenis", "status_bantuan", "jk")]  # fmt: skip


@dataclass(frozen=True)
class Plan:
    stride: int = 1  # every n-th filter set ("no filter" always)
    per_set: int = 1  # breakdowns per filter set other than "no filter"
    rows: int = 2  # reference.compute rows under every n-th filter set (0: "no filter" only)
    only: tuple[str, ...] | None = None  # these filter sets only


# scale 5 on PostgreSQL: fewer filter sets (its seed alone takes a third of the module's time)
PG_DEMO5 = ("no filter", "tahun last", "kecamatan", "desa", "paket", "kejuruan", "jk",
            "tahun+kecamatan", "several paket", "nothing: tahun without classes")  # fmt: skip
PLANS = {
    ("small", "sqlite"): Plan(),
    ("small", "pg"): Plan(stride=2),
    ("edge", "sqlite"): Plan(),
    ("edge", "pg"): Plan(stride=2),
    ("demo1", "sqlite"): Plan(rows=5),
    ("demo1", "pg"): Plan(stride=2, rows=5),
    ("demo5", "sqlite"): Plan(stride=2, per_set=0, rows=0),
    ("demo5", "pg"): Plan(per_set=0, rows=0, only=PG_DEMO5),
}


def _chosen(sets: dict[str, Filters], names) -> dict[str, Filters]:
    return sets if names is None else {n: f for n, f in sets.items() if n in names}


CASES = [
    pytest.param("demo5", "pg", id="demo5-pg", marks=pytest.mark.pg),
    pytest.param("small", "sqlite", id="small-sqlite"),
    pytest.param("demo5", "sqlite", id="demo5-sqlite"),
    pytest.param("small", "pg", id="small-pg", marks=pytest.mark.pg),
    pytest.param("edge", "sqlite", id="edge-sqlite"),
    pytest.param("demo1", "pg", id="demo1-pg", marks=pytest.mark.pg),
    pytest.param("edge", "pg", id="edge-pg", marks=pytest.mark.pg),
    pytest.param("demo1", "sqlite", id="demo1-sqlite"),
]


@pytest.mark.parametrize(("name", "kind"), CASES)
def test_semantic_layer_equals_the_references(name, kind, request, tmp_path_factory, demo_db):
    if name.startswith("demo"):
        url = demo_db(kind, int(name.removeprefix("demo")))
    else:
        url = _new_url(kind, request, tmp_path_factory)
        analytics.ensure_ready(url)
        {"small": build_small_programme, "edge": build_edge_cases}[name](url)
    engine = db.get_engine(url)
    with engine.connect() as conn:
        assert analytics.is_current(conn)
    rep = Report(f"{name}-{kind}")
    t = load(engine)
    sets = filter_sets(t)
    assert len(sets) >= 25, sorted(sets)  # the spread did not collapse on this dataset
    plan = PLANS[name, kind]
    rotation = itertools.cycle(BREAKDOWNS)
    filter_dims = itertools.cycle(FILTER_DIMS)
    chosen = [(w, f) for i, (w, f) in enumerate(_chosen(sets, plan.only).items())
              if i % plan.stride == 0]  # fmt: skip
    for i, (where, f) in enumerate(chosen):
        compare_indicators(engine, f, where, rep)
        if where == "no filter":
            compare_breakdowns(engine, t, f, where, rep, [(), *BREAKDOWNS])
            compare_filter_breakdowns(engine, f, where, rep)
            continue
        compare_breakdowns(engine, t, f, where, rep,
                           [(), *(next(rotation) for _ in range(plan.per_set))])  # fmt: skip
        if plan.rows and i % plan.rows == 0:
            compare_filter_breakdowns(engine, f, where, rep, [next(filter_dims)])
    engine.dispose()
    rep.check()


# --- every measure and dimension is covered -------------------------------------------------------


def test_the_reference_covers_every_measure_and_dimension(tmp_path):
    """Every measure that :func:`query.query` computes has a reference above (a new measure fails
    here until it gets one), every dimension too, and a breakdown that the reference cannot make
    (a class count by village, a measure by the dimension of its own name) is refused."""
    # label-only measures (the decision figures of lib.semantic.decisions) compute nothing here
    queryable = {
        m.key
        for m in measures.REGISTRY
        if not m.plan
        and (m.sql or m.ratio or m.derive or m.constant or m.median or m.key == "paket_total")
    }
    assert queryable == set(MEASURES)
    assert set(measures.DIMENSIONS) == set(ALL_DIMS)
    url = f"sqlite:///{tmp_path / 'pantau.db'}"
    engine = analytics.ensure_ready(url)
    for dim in ALL_DIMS:
        for m in sorted(set(MEASURES) - set(supported([dim]))):
            with pytest.raises(ValueError):
                query.query(engine, [m], by=[dim])
    engine.dispose()


# --- the analytics tables follow every data change ------------------------------------------------


def _check_current(
    engine: Engine, step: str, rep: Report, names=("no filter",), dims=((), ("desa",))
) -> None:
    """After ``step``: the stamp is current, and the figures equal both references (by ``dims``)
    under the filter sets ``names`` that the data has."""
    with engine.connect() as conn:
        assert analytics.is_current(conn), f"analytics tables stale after {step}"
    t = load(engine)
    sets = _chosen(filter_sets(t), names) if len(t.enrol) else {"no filter": Filters()}
    for where, f in sets.items():
        compare_indicators(engine, f, f"{step}, {where}", rep)
        compare_breakdowns(engine, t, f, f"{step}, {where}", rep, dims)


def test_analytics_follow_every_data_change(db_url, tmp_path):
    """Imports (new rows, then changed rows), ``demo.seed(replace=True)`` and ``demo.clear`` each
    leave analytics tables that equal the references, without any rebuild by the test."""
    engine = db.get_engine(db_url)
    rep = Report("data changes")
    _check_current(engine, "empty database", rep)

    def load_files(files, step):
        for n, (path, kind) in enumerate(files, start=1):
            result = importer.run(path, url=db_url, kind=kind)
            assert result.outcome == "dimuat", (kind, [i.message() for i in result.issues])
            last = n == len(files)  # by village too after the last file
            _check_current(engine, f"{step} {kind}", rep, dims=[(), ("desa",)] if last else [()])

    load_files(programme_files(tmp_path), "import")
    # changed rows: Cici completes her class and is traced, Ani's status changes by a new survey
    changes = [
        (write(tmp_path, "peserta2.csv", ["nik", "kode_kelas", "status", "hasil_uji"],
               [[CICI, "GAR-2023-1", "selesai", "kompeten"]]), "peserta"),
        (write(tmp_path, "tracer2.csv", ["nik", "kode_kelas", "tanggal_survei", "status_kerja"],
               [[CICI, "GAR-2023-1", "2023-09-01", "bekerja"],
                [ANI, "BRS-2023-1", "2024-01-15", "belum_bekerja"]]), "tracer"),
        (write(tmp_path, "bantuan2.csv", ["nik", "jenis", "tanggal", "nilai_rupiah", "status"],
               [[CICI, "peralatan", "2023-08-01", "1500000", "disalurkan"]]), "bantuan"),
    ]  # fmt: skip
    load_files(changes, "re-import")

    demo.seed(engine, scale=1, seed=2023, replace=True)
    _check_current(engine, "demo.seed(replace=True)", rep, ("no filter", "kecamatan", "paket+desa"))
    demo.clear(engine)
    _check_current(engine, "demo.clear", rep)
    load_files(programme_files(tmp_path), "import after clear-demo")
    engine.dispose()
    rep.check()
