"""Outcome rules of ``/hasil`` that are not a plain aggregate of one measure.

Everything else on ``/hasil`` is :func:`lib.semantic.query.query`. What lives here is the one
per-person rule that a ``GROUP BY`` over the measures cannot express:

**Months since completion.** Each ``selesai`` person in scope counts once, under their *reference
class* (*kelas acuan*): the most recent class in scope that they completed (latest end date).
Months are whole calendar months from that class's end date to the date of the person's latest
tracer survey (over all their enrolments, as in every outcome measure); a survey dated before that
end, possible when the latest survey belongs to an earlier enrolment, counts as 0. The buckets are
≤3, 4–6, 7–12 and >12; persons never surveyed have no bucket, so the buckets add up to the
``terlacak`` measure.

It reads the enrolment fact (``an_enrolment``) only, with the scope of the ``pendaftaran`` cube
(:func:`lib.semantic.query.cube_condition`) and bound parameters, so it follows the filters exactly
as the outcome measures do.
"""

from __future__ import annotations

import pandas as pd
from sqlalchemy import Engine, case, func, select

from lib.core.filters import Filters
from lib.core.models import AnEnrolment, Package
from lib.semantic.measures import CUBES
from lib.semantic.query import cube_condition

MONTH_BUCKETS = ("le3", "4_6", "7_12", "gt12")


def month_bucket(months):
    """SQL: ≤3 → ``le3``, 4–6 → ``4_6``, 7–12 → ``7_12``, >12 → ``gt12`` (negative counts as 0)."""
    return case((months <= 3, "le3"), (months <= 6, "4_6"), (months <= 12, "7_12"), else_="gt12")


def by_months_stmt(f: Filters):
    """``(bulan, status, orang)``: surveyed completers in scope by month bucket × latest status."""
    t = AnEnrolment.__table__
    person = (
        select(
            t.c.person_id,
            # Whole months only fall as the class end moves later, so the reference class (latest
            # end) has the fewest months of the person's completed classes in scope. The latest
            # survey is the same on every row of a person (see AnEnrolment), and the months to it
            # are precomputed per row (date parts cost ~0.1 s per call at scale 20 on SQLite).
            func.min(t.c.bulan_sejak_selesai).label("bulan"),
            func.max(t.c.status_kerja).label("status"),
        )
        .where(
            cube_condition(CUBES["pendaftaran"], f),
            t.c.status == "selesai",
            t.c.tanggal_survei.is_not(None),
        )
        .group_by(t.c.person_id)
        .subquery("kelas_acuan")
    )
    # The bucket is computed in its own subquery and grouped by its name: PostgreSQL cannot match
    # a GROUP BY expression whose bound parameters differ from the SELECT's.
    bucketed = select(month_bucket(person.c.bulan).label("bulan"), person.c.status).subquery(
        "per_orang"
    )
    return select(bucketed.c.bulan, bucketed.c.status, func.count().label("orang")).group_by(
        bucketed.c.bulan, bucketed.c.status
    )


def by_months(engine: Engine, f: Filters) -> pd.DataFrame:
    """Surveyed completers by month bucket and latest status: ``bulan, status, orang``."""
    with engine.connect() as conn:
        rows = conn.execute(by_months_stmt(f)).all()
    df = pd.DataFrame(rows, columns=["bulan", "status", "orang"])
    return df.astype({"bulan": "object", "status": "object", "orang": "int64"})


def package_names(engine: Engine) -> dict[str, str]:
    """Package code → name, from the catalogue (labels only, no figure)."""
    with engine.connect() as conn:
        return dict(conn.execute(select(Package.kode, Package.nama)).all())
