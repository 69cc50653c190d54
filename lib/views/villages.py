"""Per-village figures for ``/peta`` (Peta Desa), aggregated in SQL.

One statement returns, for each of the regency's villages, the participants, completers and placed
alumni (all filters apply, as in :mod:`lib.semantic.indicators`) and the eligible registry persons (*warga
sasaran*, :func:`lib.views.queries.eligible_condition`: productive age at the data date and desil at most
``desil_sasaran_max``; person filters only). ``in_scope`` marks the villages that the ``kecamatan``
and ``desa`` filters keep: the others have zeros and are drawn as context on the map only.

Rates use :func:`lib.semantic.indicators.percent`: ``cakupan`` = peserta / warga sasaran × 100 and
``persen_penempatan`` = (bekerja + wirausaha) / selesai × 100. A person lives in one village, so
the village counts add up to the ``kpi`` figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import Engine, and_, case, distinct, func, select, true

from lib.core import db
from lib.core.filters import Filters
from lib.core.models import Enrolment, Kecamatan, Person, Village
from lib.semantic import indicators, scope
from lib.views.queries import eligible_condition

PLACED = ("bekerja", "wirausaha")


@dataclass(frozen=True)
class Metric:
    """A metric of the map: ``key`` is a column of :func:`village_stats`."""

    key: str
    unit: str  # orang / persen
    size_by: str  # column that sizes the proportional circle (the denominator for rates)


METRICS: tuple[Metric, ...] = (
    Metric("peserta", "orang", "peserta"),
    Metric("warga_sasaran", "orang", "warga_sasaran"),
    Metric("cakupan", "persen", "warga_sasaran"),
    Metric("persen_penempatan", "persen", "selesai"),
)
METRIC_BY_KEY = {m.key: m for m in METRICS}

COLUMNS = (
    "kode",
    "desa",
    "jenis",
    "kecamatan_kode",
    "kecamatan",
    "lat",
    "lon",
    "peserta",
    "warga_sasaran",
    "cakupan",
    "selesai",
    "ditempatkan",
    "persen_penempatan",
    "in_scope",
)


def village_condition(f: Filters):
    """The villages that the person filters ``kecamatan``/``desa`` keep (``jk`` keeps all)."""
    conds = []
    if f.kecamatan:
        conds.append(Village.kecamatan_kode.in_(f.kecamatan))
    if f.desa:
        conds.append(Village.kode.in_(f.desa))
    return and_(true(), *conds)


def village_stats_stmt(f: Filters, as_of: date):
    """One row per village of the regency, ordered by code (:data:`COLUMNS` without the rates)."""
    e = Enrolment
    part = (
        scope.scoped_enrolments(
            f,
            Person.desa_kode.label("kode"),
            func.count(
                distinct(case((e.status.in_(indicators.ACTIVE_STATUSES), e.person_id)))
            ).label("peserta"),
            func.count(distinct(case((e.status == "selesai", e.person_id)))).label("selesai"),
        )
        .group_by(Person.desa_kode)
        .subquery("part")
    )
    elig = (
        select(Person.desa_kode.label("kode"), func.count().label("warga_sasaran"))
        .where(scope.person_condition(f), eligible_condition(as_of))
        .group_by(Person.desa_kode)
        .subquery("elig")
    )
    latest = indicators.latest_outcome_subquery(f)
    placed = (
        select(Person.desa_kode.label("kode"), func.count().label("ditempatkan"))
        .select_from(latest)
        .join(Person, Person.id == latest.c.person_id)
        .where(latest.c.rn == 1, latest.c.status_kerja.in_(PLACED))
        .group_by(Person.desa_kode)
        .subquery("placed")
    )
    return (
        select(
            Village.kode,
            Village.nama.label("desa"),
            Village.jenis,
            Village.kecamatan_kode,
            Kecamatan.nama.label("kecamatan"),
            Village.lat,
            Village.lon,
            func.coalesce(part.c.peserta, 0).label("peserta"),
            func.coalesce(elig.c.warga_sasaran, 0).label("warga_sasaran"),
            func.coalesce(part.c.selesai, 0).label("selesai"),
            func.coalesce(placed.c.ditempatkan, 0).label("ditempatkan"),
            case((village_condition(f), 1), else_=0).label("in_scope"),
        )
        .join(Kecamatan, Kecamatan.kode == Village.kecamatan_kode)
        .outerjoin(part, part.c.kode == Village.kode)
        .outerjoin(elig, elig.c.kode == Village.kode)
        .outerjoin(placed, placed.c.kode == Village.kode)
        .order_by(Village.kode)
    )


def _add_rates(df: pd.DataFrame) -> pd.DataFrame:
    df["cakupan"] = [
        indicators.percent(p, e) for p, e in zip(df["peserta"], df["warga_sasaran"], strict=True)
    ]
    df["persen_penempatan"] = [
        indicators.percent(p, s) for p, s in zip(df["ditempatkan"], df["selesai"], strict=True)
    ]
    for col in ("cakupan", "persen_penempatan"):
        df[col] = df[col].astype("Float64")
    return df


def village_stats(engine: Engine, f: Filters, as_of: date | None = None) -> pd.DataFrame:
    """Per-village figures for ``f`` (columns :data:`COLUMNS`); ``as_of`` defaults to the data date."""
    as_of = as_of or db.data_as_of(engine) or date.today()
    with engine.connect() as conn:
        rows = conn.execute(village_stats_stmt(f, as_of)).mappings().all()
    df = pd.DataFrame([dict(r) for r in rows], columns=[c for c in COLUMNS if c not in _RATES])
    for col in ("peserta", "warga_sasaran", "selesai", "ditempatkan"):
        df[col] = df[col].astype("int64")
    df["in_scope"] = df["in_scope"].astype(bool)
    return _add_rates(df)[list(COLUMNS)]


_RATES = ("cakupan", "persen_penempatan")


def in_scope(villages: pd.DataFrame) -> pd.DataFrame:
    """The rows of :func:`village_stats` that the ``kecamatan``/``desa`` filters keep."""
    return villages[villages["in_scope"]].reset_index(drop=True)


def kecamatan_summary(villages: pd.DataFrame) -> pd.DataFrame:
    """Kecamatan totals of the in-scope :func:`village_stats` rows (exact: every person lives in
    one village). Columns ``kode, kecamatan, jumlah_desa``, the counts and the rates."""
    counts = ["peserta", "warga_sasaran", "selesai", "ditempatkan"]
    grouped = (
        in_scope(villages)
        .groupby(["kecamatan_kode", "kecamatan"], sort=True, as_index=False)
        .agg(desa=("kode", "count"), **{c: (c, "sum") for c in counts})
        .rename(columns={"kecamatan_kode": "kode", "desa": "jumlah_desa"})
    )
    for col in counts:
        grouped[col] = grouped[col].astype("int64")
    return _add_rates(grouped)


def totals(villages: pd.DataFrame) -> dict[str, int | float | None]:
    """Counts and rates over the given village rows (e.g. the villages in scope)."""
    counts = {
        c: int(villages[c].sum()) for c in ("peserta", "warga_sasaran", "selesai", "ditempatkan")
    }
    return {
        **counts,
        "cakupan": indicators.percent(counts["peserta"], counts["warga_sasaran"]),
        "persen_penempatan": indicators.percent(counts["ditempatkan"], counts["selesai"]),
    }
