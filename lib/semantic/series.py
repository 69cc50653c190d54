"""Time series over the enrolment fact: cumulative participants and completers.

A person counts as *peserta* from the start date of their first class in scope with an active
status (terdaftar, aktif, selesai) and as *selesai* from the end date of their first completed
class in scope; the last row therefore equals the measures ``peserta`` and ``selesai`` for the same
filters (a test checks it).
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, func, select

from lib.core.filters import Filters
from lib.core.models import AnEnrolment
from lib.semantic.measures import ACTIVE_STATUSES, CUBES
from lib.semantic.query import cube_condition


def cumulative(engine: Engine, f: Filters) -> pd.DataFrame:
    """Columns ``tanggal`` (date), ``peserta``, ``selesai`` (cumulative), one row per date on which
    either changes."""
    t = AnEnrolment.__table__
    scope = cube_condition(CUBES["pendaftaran"], f)
    first_start = (
        select(t.c.person_id, func.min(t.c.tanggal_mulai).label("d"))
        .where(scope, t.c.status.in_(ACTIVE_STATUSES))
        .group_by(t.c.person_id)
        .subquery()
    )
    first_end = (
        select(t.c.person_id, func.min(t.c.tanggal_selesai).label("d"))
        .where(scope, t.c.status == "selesai")
        .group_by(t.c.person_id)
        .subquery()
    )
    with engine.connect() as conn:
        starts = conn.execute(select(first_start.c.d, func.count()).group_by(first_start.c.d)).all()
        ends = conn.execute(select(first_end.c.d, func.count()).group_by(first_end.c.d)).all()
    df = pd.DataFrame(
        [(d, n, 0) for d, n in starts] + [(d, 0, n) for d, n in ends],
        columns=["tanggal", "peserta", "selesai"],
    )
    if df.empty:
        return df
    df["tanggal"] = pd.to_datetime(df["tanggal"]).dt.date
    df = df.groupby("tanggal", as_index=False)[["peserta", "selesai"]].sum().sort_values("tanggal")
    df[["peserta", "selesai"]] = df[["peserta", "selesai"]].cumsum().astype(int)
    return df.reset_index(drop=True)
