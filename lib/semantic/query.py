"""The one query function: these measures, by these dimensions, under these filters.

:func:`query` turns a request into one ``SELECT … GROUP BY`` per analytics table involved (the
cubes of :mod:`lib.semantic.measures`), runs them on SQLite or PostgreSQL alike with bound
parameters, merges the results on the dimensions and computes ratios and derived measures from the
aggregated parts (never from rounded figures). Pages (through :mod:`lib.app.cache`), the ``kpi``
CLI, the deck and exports all ask it; nothing else aggregates the data.

Filters follow the scope rules of docs/indicators.md: class filters (``tahun``, ``paket``,
``kejuruan``) select classes; person filters (``kecamatan``, ``desa``, ``jk``) select registry
persons; class measures follow the class filters only, registry measures the person filters only;
aid measures count the aid of persons in scope with an enrolment in a class in scope.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from sqlalchemy import Engine, and_, distinct, func, select, true
from sqlalchemy.sql.elements import ColumnElement

from lib.core.config import settings
from lib.core.filters import Filters
from lib.core.models import AnClass, AnEnrolment, Kecamatan, Package, Village
from lib.semantic.measures import (
    BY_KEY,
    CUBES,
    DIMENSIONS,
    INDICATORS,
    Cube,
    Measure,
    get,
)

# Filters field -> column name in the analytics tables.
FILTER_COLUMNS = {
    "tahun": "tahun",
    "paket": "paket_kode",
    "kejuruan": "kejuruan",
    "kecamatan": "kecamatan_kode",
    "desa": "desa_kode",
    "jk": "jk",
}


def rate(numerator: int | float | None, denominator: int | float | None, scale: int = 100):
    """``numerator / denominator × scale`` rounded half-up to one decimal; ``None`` when the
    denominator is 0 or missing (docs/indicators.md: never an error)."""
    if denominator is None or pd.isna(denominator) or not denominator:
        return None
    num = 0 if numerator is None or pd.isna(numerator) else numerator
    value = Decimal(int(num)) * scale / Decimal(int(denominator))
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def percent(numerator, denominator):
    """:func:`rate` × 100 (the registry's rounding)."""
    return rate(numerator, denominator, 100)


def _in(column, values) -> ColumnElement[bool]:
    return column.in_(list(values))


def cube_condition(cube: Cube, f: Filters) -> ColumnElement[bool]:
    """The WHERE clause of ``cube`` for ``f`` (bound parameters only)."""
    t = cube.table
    conds = []
    if cube.key == "bantuan":
        person_f = [n for n in ("kecamatan", "desa", "jk") if getattr(f, n)]
        for name in person_f:
            conds.append(_in(t.c[FILTER_COLUMNS[name]], getattr(f, name)))
        conds.append(has_enrolment_in_scope(t.c.person_id, f))
        return and_(true(), *conds)
    for name in cube.filters:
        values = getattr(f, name)
        if values:
            conds.append(_in(t.c[FILTER_COLUMNS[name]], values))
    return and_(true(), *conds)


def has_enrolment_in_scope(person_id, f: Filters) -> ColumnElement[bool]:
    """``EXISTS``: the person ``person_id`` has an enrolment (any status) in a class in scope.

    Written as ``EXISTS`` rather than ``person_id IN (SELECT … persons in scope)``: SQLite planned
    that ``IN`` as one index probe into the outer table per person in scope (~27k at demo scale
    20, twice the time of scanning the aid rows and probing the enrolments' person index)."""
    e = AnEnrolment.__table__
    return (
        select(e.c.person_id)
        .where(e.c.person_id == person_id, cube_condition(CUBES["pendaftaran"], f))
        .exists()
    )


def _expand(keys: Iterable[str]) -> list[Measure]:
    """The measures that must be fetched to compute ``keys`` (dependencies first, no repeats)."""
    out: dict[str, Measure] = {}

    def visit(key: str) -> None:
        m = get(key)
        if m.ratio:
            visit(m.ratio[0])
            visit(m.ratio[1])
        if m.derive:
            for dep in m.derive[0]:
                visit(dep)
        out.setdefault(key, m)

    for k in keys:
        visit(k)
    return list(out.values())


def _check_dims(by: Sequence[str], measures: Sequence[str] = ()) -> None:
    for d in by:
        if d not in DIMENSIONS:
            raise KeyError(f"unknown dimension {d!r}")
        if d in measures:
            # the result has one column per dimension and per measure: two columns of one name
            # would overwrite each other (the class count "kelas" by the class dimension "kelas")
            raise ValueError(f"measure {d!r} cannot be broken down by the dimension {d!r}")


def _dim_column(cube: Cube, dim: str):
    if dim not in cube.dims:
        raise ValueError(f"measures of {cube.key!r} cannot be broken down by {dim!r}")
    return cube.table.c[DIMENSIONS[dim].column]


def _cube_frame(engine: Engine, cube: Cube, measures: list[Measure], by, f) -> pd.DataFrame:
    dims = [_dim_column(cube, d).label(d) for d in by]
    cols = [m.sql(cube.table).label(m.key) for m in measures if m.sql is not None]
    stmt = select(*dims, *cols).where(cube_condition(cube, f))
    if dims:
        stmt = stmt.group_by(*[_dim_column(cube, d) for d in by])
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    names = [*by, *(m.key for m in measures)]
    if not rows:
        return pd.DataFrame({n: pd.Series(dtype="object") for n in names})
    return pd.DataFrame(dict(zip(names, zip(*rows, strict=True), strict=True)))


def median_stmt(cube: Cube, m: Measure, by: Sequence[str], f: Filters):
    """``SELECT dims…, median`` of ``m.median`` among the completers in scope, one row per group;
    each person counts once per group. Portable SQL has no median: the persons are counted per
    group and distinct value, those counts are summed cumulatively in value order with window
    functions (SQLite ≥ 3.25, PostgreSQL), and the value holding the middle person, or the mean of
    the two values holding the middle two, is kept, so one row per group leaves the database
    instead of one per person. Ranking the few distinct values (incomes are round figures)
    instead of every person makes it ~3× faster on SQLite."""
    t = cube.table
    assert m.median is not None
    value = t.c[m.median]
    dims = [_dim_column(cube, d).label(d) for d in by]
    # a person's latest survey is the same on each of their rows: once per person and group
    counts = (
        select(*dims, value.label("v"), func.count(distinct(t.c.person_id)).label("c"))
        .where(cube_condition(cube, f), t.c.status == "selesai", value.is_not(None))
        .group_by(*[_dim_column(cube, d) for d in by], value)
        .subquery("median_values")
    )
    groups = [counts.c[d] for d in by]
    ranked = select(
        *groups,
        counts.c.v,
        counts.c.c,
        # persons up to this value, and in the group (the same window: one sort serves both)
        func.sum(counts.c.c)
        .over(partition_by=groups or None, order_by=counts.c.v, rows=(None, 0))
        .label("cum"),
        func.sum(counts.c.c)
        .over(partition_by=groups or None, order_by=counts.c.v, rows=(None, None))
        .label("n"),
    ).subquery("median_ranked")
    # the value holds person k for cum − c < k ≤ cum; the middle persons are those with
    # n ≤ 2·k ≤ n + 2: some k in that range iff 2·cum ≥ n and 2·(cum − c) ≤ n (no division)
    r = ranked.c
    middle = (2 * r.cum >= r.n) & (2 * (r.cum - r.c) <= r.n)
    out_groups = [r[d] for d in by]
    stmt = select(*out_groups, func.avg(r.v).label(m.key)).where(middle)
    return stmt.group_by(*out_groups) if out_groups else stmt


def _median_frame(engine: Engine, cube: Cube, m: Measure, by, f) -> pd.DataFrame:
    """:func:`median_stmt` as a frame (``by…``, ``m.key`` as float; no row for a group without
    values, none at all without dimensions and values)."""
    with engine.connect() as conn:
        rows = conn.execute(median_stmt(cube, m, by, f)).all()
    names = [*by, m.key]
    if not rows or (not by and rows[0][0] is None):
        return pd.DataFrame({n: pd.Series(dtype="object") for n in names})
    df = pd.DataFrame(rows, columns=names)
    df[m.key] = df[m.key].astype("float64")
    return df


def _constant(engine: Engine, m: Measure) -> int:
    if m.constant is not None:
        return int(m.constant(settings()))
    if m.key == "paket_total":
        with engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(Package)).scalar_one())
    raise ValueError(f"measure {m.key!r} has no way to be computed")


def village_table(engine: Engine) -> pd.DataFrame:
    """The village dimension: ``kode, nama, jenis, kecamatan_kode, kecamatan, lat, lon``."""
    stmt = (
        select(
            Village.kode,
            Village.nama,
            Village.jenis,
            Village.kecamatan_kode,
            Kecamatan.nama.label("kecamatan"),
            Village.lat,
            Village.lon,
        )  # fmt: skip
        .join(Kecamatan, Kecamatan.kode == Village.kecamatan_kode)
        .order_by(Village.kode)
    )
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    cols = ["kode", "nama", "jenis", "kecamatan_kode", "kecamatan", "lat", "lon"]
    return pd.DataFrame(rows, columns=cols)


def members(engine: Engine, dim: str, f: Filters) -> list:
    """Every value of ``dim`` within ``f``, from the reference tables (for ``complete=True``)."""
    with engine.connect() as conn:
        if dim == "paket":
            stmt = select(Package.kode).order_by(Package.kode)
            if f.paket:
                stmt = stmt.where(Package.kode.in_(f.paket))
            if f.kejuruan:
                stmt = stmt.where(Package.kejuruan.in_(f.kejuruan))
            return list(conn.execute(stmt).scalars())
        if dim == "kejuruan":
            stmt = select(Package.kejuruan).distinct().order_by(Package.kejuruan)
            if f.kejuruan:
                stmt = stmt.where(Package.kejuruan.in_(f.kejuruan))
            if f.paket:
                stmt = stmt.where(Package.kode.in_(f.paket))
            return list(conn.execute(stmt).scalars())
        if dim == "desa":
            stmt = select(Village.kode).order_by(Village.kode)
            if f.desa:
                stmt = stmt.where(Village.kode.in_(f.desa))
            if f.kecamatan:
                stmt = stmt.where(Village.kecamatan_kode.in_(f.kecamatan))
            return list(conn.execute(stmt).scalars())
        if dim == "kecamatan":
            stmt = select(Kecamatan.kode).order_by(Kecamatan.kode)
            if f.kecamatan:
                stmt = stmt.where(Kecamatan.kode.in_(f.kecamatan))
            return list(conn.execute(stmt).scalars())
        if dim == "jk":
            return list(f.jk or ("L", "P"))
        if dim == "tahun":
            if f.tahun:
                return sorted(f.tahun)
            c = AnClass.__table__
            return list(conn.execute(select(c.c.tahun).distinct().order_by(c.c.tahun)).scalars())
    raise ValueError(f"dimension {dim!r} cannot be completed")


def query(
    engine: Engine,
    measures: Sequence[str],
    by: Sequence[str] = (),
    filters: Filters | None = None,
    *,
    complete: bool = False,
) -> pd.DataFrame:
    """``measures`` by the dimensions ``by`` under ``filters``, one row per combination of
    dimension values, sorted by them.

    Counts absent from a group are 0; a ratio with a zero denominator is NaN (``None`` from
    :func:`values`). With
    ``complete=True`` every member of each dimension within the filters gets a row (e.g. all
    catalogue packages, all villages), not only those with data.
    """
    f = filters or Filters()
    by = list(by)
    wanted = list(dict.fromkeys(measures))
    needed = _expand(wanted)
    _check_dims(by, [m.key for m in needed])
    frame: pd.DataFrame | None = None
    if complete and by:
        grid = list(itertools.product(*(members(engine, d, f) for d in by)))
        frame = pd.DataFrame(grid, columns=by) if grid else pd.DataFrame(columns=by)

    def merge(part: pd.DataFrame) -> None:
        nonlocal frame
        if frame is None:
            frame = part
        elif by:
            frame = frame.merge(part, on=by, how="left" if complete else "outer")
        else:
            frame = pd.concat([frame, part], axis=1)

    by_cube: dict[str, list[Measure]] = {}
    for m in needed:
        if m.sql is not None:
            by_cube.setdefault(m.cube or "", []).append(m)
    for cube_key, ms in by_cube.items():
        part = _cube_frame(engine, CUBES[cube_key], ms, by, f)
        if not by and part.empty:
            part = pd.DataFrame({m.key: [0] for m in ms})
        merge(part)
    for m in needed:
        if m.median is not None:
            merge(_median_frame(engine, CUBES[m.cube or ""], m, by, f))
    if frame is None:
        frame = pd.DataFrame({d: [] for d in by}) if by else pd.DataFrame(index=[0])
    if not by and frame.empty:
        frame = pd.DataFrame(index=[0])
    for m in needed:
        if m.sql is not None:
            frame[m.key] = frame[m.key].fillna(0).astype("int64")
        elif m.median is not None:
            frame[m.key] = pd.to_numeric(frame[m.key]).astype("float64")
        elif m.ratio is None and m.derive is None:
            frame[m.key] = _constant(engine, m)
    for m in needed:
        if m.ratio is not None:
            num, den, scale = m.ratio
            frame[m.key] = pd.Series(
                [rate(a, b, scale) for a, b in zip(frame[num], frame[den], strict=True)],
                index=frame.index,
                dtype="float64",
            )
        elif m.derive is not None:
            deps, fn = m.derive
            frame[m.key] = [fn(*vals) for vals in zip(*(frame[d] for d in deps), strict=True)]
            frame[m.key] = frame[m.key].astype("Int64")
    if by:
        frame = frame.sort_values(by).reset_index(drop=True)
    return frame[[*by, *wanted]]


def values(engine: Engine, measures: Sequence[str], filters: Filters | None = None) -> dict:
    """:func:`query` without dimensions, as plain Python values (``None`` for a null rate)."""
    row = query(engine, measures, (), filters).iloc[0]
    return {k: _plain(row[k]) for k in measures}


def _plain(value):
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    return value


def indicators(engine: Engine, filters: Filters | None = None) -> dict[str, int | float | None]:
    """Every indicator of docs/indicators.md (the ``kpi --json`` object), in registry order."""
    return values(engine, INDICATORS, filters)


def frame_rows(frame: pd.DataFrame) -> list[dict]:
    """Rows of a :func:`query` result as plain dicts (for text and the deck)."""
    return [{k: _plain(v) for k, v in row.items()} for row in frame.to_dict("records")]


__all__ = [
    "BY_KEY",
    "indicators",
    "members",
    "percent",
    "query",
    "rate",
    "values",
]
