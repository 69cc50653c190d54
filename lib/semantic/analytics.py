"""The analytics tables: derived from the normalised tables, rebuilt on every data change.

Like DHIS2's analytics tables, ``an_class``, ``an_enrolment``, ``an_tracer``, ``an_aid`` and ``an_registry`` (see
:mod:`lib.core.models`) flatten the joins that every figure needs (class → package → kejuruan,
person → village → kecamatan, the person's latest tracer survey, age on a date) once, so that the
measures of :mod:`lib.semantic.measures` are plain aggregates over one table. The normalised tables
stay the source of truth; these are never edited by hand.

:func:`refresh` is called inside the transaction of every write (import, seed, clear-demo, test
builders): it bumps the data version and rebuilds, so a reader never sees tables older than the data.
:func:`ensure_ready` (used by the CLI, the app and the benchmark) migrates a database and rebuilds in
the migration's transaction, and rebuilds whenever the stamp differs from the data version or from
:data:`REVISION` (a change of the rebuild code).
"""

from __future__ import annotations

import logging
import time
from datetime import date

from sqlalchemy import (
    Connection,
    Engine,
    Select,
    case,
    delete,
    extract,
    func,
    insert,
    select,
)
from sqlalchemy.sql.elements import ColumnElement

from lib.core import db
from lib.core.config import settings
from lib.core.models import (
    Aid,
    AnAid,
    AnClass,
    AnEnrolment,
    AnRegistry,
    AnTracer,
    Enrolment,
    Package,
    Person,
    TracerSurvey,
    TrainingClass,
    Village,
)
from lib.semantic.measures import untraced_after_months

log = logging.getLogger(__name__)
REVISION = "4"  # bump when the rebuild below changes, so existing databases rebuild at start
STAMP_KEY = "analytics_version"
ANALYTICS_MODELS = (AnClass, AnEnrolment, AnTracer, AnAid, AnRegistry)
# The normalised tables the rebuild reads (analysed first on PostgreSQL, see :func:`rebuild`).
SOURCE_MODELS = (Package, TrainingClass, Enrolment, Person, Village, TracerSurvey, Aid)

# Age bands (lower bound, key); the last is open-ended. The programme's productive range comes from
# the settings and is a separate flag, so the bands need not match it.
AGE_BANDS: tuple[tuple[int, str], ...] = (
    (0, "<15"),
    (15, "15-24"),
    (25, "25-34"),
    (35, "35-44"),
    (45, "45-54"),
    (55, "55-64"),
    (65, "65+"),
)


def age_on(born, on) -> ColumnElement[int]:
    """Whole years from ``born`` to ``on`` (columns or dates), portable SQL (no date arithmetic)."""
    on_md = extract("month", on) * 100 + extract("day", on)
    born_md = extract("month", born) * 100 + extract("day", born)
    return extract("year", on) - extract("year", born) - case((on_md < born_md, 1), else_=0)


def age_band(age) -> ColumnElement[str]:
    """The :data:`AGE_BANDS` key of ``age``."""
    whens = [
        (age < upper, key) for (_, key), (upper, _) in zip(AGE_BANDS, AGE_BANDS[1:], strict=False)
    ]
    return case(*whens, else_=AGE_BANDS[-1][1])


def latest_surveys():
    """Subquery, one row per person with a tracer survey: ``person_id`` and the columns of that
    person's latest survey over all of their enrolments (latest ``tanggal_survei``; a tie on the
    date goes to the survey recorded last). The one definition of "latest survey" (docs/indicators.md,
    outcome keys).

    Computed once for all persons with a window function (SQLite ≥ 3.25, PostgreSQL), then joined:
    a correlated lookup per enrolment row made PostgreSQL scan the surveys once per enrolment when
    the tables had no statistics yet (inside the transaction of a seed or an import), minutes at
    demo scale 20.
    """
    e = Enrolment.__table__.alias("e_latest")
    t = TracerSurvey.__table__.alias("t_latest")
    ranked = (
        select(
            e.c.person_id,
            t.c.status_kerja,
            t.c.tanggal_survei,
            t.c.pendapatan_sebelum,
            t.c.pendapatan_bulanan,
            func.row_number()
            .over(partition_by=e.c.person_id, order_by=(t.c.tanggal_survei.desc(), t.c.id.desc()))
            .label("rn"),
        )
        .select_from(t)
        .join(e, e.c.id == t.c.enrolment_id)
        .subquery("ranked_surveys")
    )
    cols = [c for c in ranked.c if c.name != "rn"]
    return select(*cols).where(ranked.c.rn == 1).subquery("latest_survey")


def months_before(day: date, months: int) -> date:
    """``day`` moved back ``months`` calendar months (the last day of a shorter month)."""
    y, m = divmod(day.year * 12 + day.month - 1 - months, 12)
    for d in (day.day, 30, 29, 28):
        try:
            return date(y, m + 1, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _month(column) -> ColumnElement[int]:
    return extract("year", column) * 100 + extract("month", column)


def _count_by(column, name: str):
    """Subquery ``(key, n)``: rows of ``column``'s table per value of ``column`` (for an outer join;
    one grouped pass instead of a correlated count per row)."""
    return select(column.label("key"), func.count().label("n")).group_by(column).subquery(name)


def _classes() -> Select:
    c = TrainingClass
    filled = _count_by(Enrolment.class_id, "filled")
    return (
        select(
            c.id, c.kode, c.paket_kode, Package.kejuruan, c.tahun, _month(c.tanggal_mulai),
            c.tanggal_mulai, c.tanggal_selesai, c.kapasitas, func.coalesce(filled.c.n, 0),
        )
        .join(Package, Package.kode == c.paket_kode)
        .outerjoin(filled, filled.c.key == c.id)
    )  # fmt: skip


def _enrolments(as_of: date) -> Select:
    e, c, p = Enrolment, TrainingClass, Person
    due_by = months_before(as_of, untraced_after_months())
    due = case((c.tanggal_selesai <= due_by, 1), else_=0)
    age = age_on(p.tanggal_lahir, c.tanggal_mulai)
    latest = latest_surveys()
    own = _count_by(TracerSurvey.enrolment_id, "own_surveys")
    rows = _count_by(Enrolment.person_id, "person_rows")
    return (
        select(
            e.id,
            c.id,
            c.kode,
            c.paket_kode,
            Package.kejuruan,
            c.tahun,
            _month(c.tanggal_mulai),
            c.tanggal_mulai,
            c.tanggal_selesai,
            p.id,
            p.desa_kode,
            Village.kecamatan_kode,
            p.dusun,
            p.rw,
            p.jk,
            p.desil,
            age,
            age_band(age),
            e.status,
            e.hasil_uji,
            e.tanggal_daftar,
            latest.c.status_kerja,
            latest.c.tanggal_survei,
            latest.c.pendapatan_sebelum,
            latest.c.pendapatan_bulanan,
            func.coalesce(own.c.n, 0),
            due,
            months_between(c.tanggal_selesai, latest.c.tanggal_survei),
            case((rows.c.n == 1, 1), else_=0),
        )  # fmt: skip
        .select_from(e)
        .join(c, c.id == e.class_id)
        .join(Package, Package.kode == c.paket_kode)
        .join(p, p.id == e.person_id)
        .join(Village, Village.kode == p.desa_kode)
        .outerjoin(latest, latest.c.person_id == e.person_id)
        .outerjoin(own, own.c.key == e.id)
        .join(rows, rows.c.key == e.person_id)
    )


def months_between(start, end) -> ColumnElement[int]:
    """Whole calendar months from ``start`` to ``end`` (portable SQL)."""
    return (
        (extract("year", end) - extract("year", start)) * 12
        + extract("month", end)
        - extract("month", start)
        - case((extract("day", end) < extract("day", start), 1), else_=0)
    )


def _tracer() -> Select:
    e, c, p, t = Enrolment, TrainingClass, Person, TracerSurvey
    return (
        select(
            t.id,
            e.id,
            p.id,
            c.id,
            c.paket_kode,
            Package.kejuruan,
            c.tahun,
            p.desa_kode,
            Village.kecamatan_kode,
            p.jk,
            c.tanggal_selesai,
            t.tanggal_survei,
            months_between(c.tanggal_selesai, t.tanggal_survei),
            t.status_kerja,
            t.pendapatan_sebelum,
            t.pendapatan_bulanan,
        )  # fmt: skip
        .select_from(t)
        .join(e, e.id == t.enrolment_id)
        .join(c, c.id == e.class_id)
        .join(Package, Package.kode == c.paket_kode)
        .join(p, p.id == e.person_id)
        .join(Village, Village.kode == p.desa_kode)
    )


def _aid() -> Select:
    return (
        select(
            Aid.id,
            Aid.person_id,
            Person.desa_kode,
            Village.kecamatan_kode,
            Person.jk,
            Aid.jenis,
            Aid.status,
            Aid.tanggal,
            Aid.nilai_rupiah,
        )  # fmt: skip
        .join(Person, Person.id == Aid.person_id)
        .join(Village, Village.kode == Person.desa_kode)
    )


def born_by(on: date, years: int) -> date:
    """The latest birth date of a person aged at least ``years`` on ``on`` (as :func:`age_on`
    counts: a person born on 29 February is a year older on 1 March of a common year)."""
    try:
        return on.replace(year=on.year - years)
    except ValueError:  # 29 February and a common year
        return date(on.year - years, 2, 28)


def age_band_on(born, on: date) -> ColumnElement[str]:
    """:func:`age_band` of :func:`age_on` (``born``, ``on``) for a fixed date ``on``, as plain
    comparisons of ``born`` with dates computed here: the registry has millions of rows, and
    ``EXTRACT`` repeated in every branch cost seconds per million on SQLite."""
    whens = [
        (born > born_by(on, upper), key)
        for (_, key), (upper, _) in zip(AGE_BANDS, AGE_BANDS[1:], strict=False)
    ]
    return case(*whens, else_=AGE_BANDS[-1][1])


def _registry(as_of: date) -> Select:
    s = settings()
    born = Person.tanggal_lahir
    productive = case(
        (
            (born <= born_by(as_of, s.usia_produktif_min))
            & (born > born_by(as_of, s.usia_produktif_max + 1)),
            1,
        ),
        else_=0,
    ).label("produktif")
    band = age_band_on(born, as_of).label("kelompok_umur")
    return (
        select(
            Person.desa_kode,
            Person.jk,
            Person.desil,
            band,
            productive,
            Village.kecamatan_kode,
            func.count(),
        )  # fmt: skip
        .join(Village, Village.kode == Person.desa_kode)
        .group_by(
            Person.desa_kode, Person.jk, Person.desil, band, productive, Village.kecamatan_kode
        )
    )


def rebuild(conn: Connection) -> None:
    """Empty and refill every analytics table from the normalised tables, on ``conn``'s
    transaction, and stamp the data version they reflect. Logs its duration (logger
    ``lib.semantic.analytics``, ``extra={"seconds": …}``; ``make bench`` records it)."""
    start = time.perf_counter()
    if conn.dialect.name == "postgresql":
        # Statistics of the source tables first: after a bulk load (seed, import) in this same
        # transaction the planner has none, guesses a handful of rows and may pick nested loops
        # that take minutes at demo scale 100. ANALYZE samples a fixed number of rows (fast even on
        # millions) and sees the transaction's own rows.
        _analyze(conn, SOURCE_MODELS)
    for model in ANALYTICS_MODELS:
        conn.execute(delete(model))
    conn.execute(insert(AnClass).from_select(_columns(AnClass), _classes()))
    as_of = db.data_as_of_conn(conn) or date.today()
    conn.execute(insert(AnEnrolment).from_select(_columns(AnEnrolment), _enrolments(as_of)))
    conn.execute(insert(AnTracer).from_select(_columns(AnTracer), _tracer()))
    conn.execute(insert(AnAid).from_select(_columns(AnAid), _aid()))
    conn.execute(insert(AnRegistry).from_select(_columns(AnRegistry), _registry(as_of)))
    if conn.dialect.name == "postgresql":
        # Fresh statistics for the pages' plans right away (autovacuum would take a minute or so;
        # without them the planner guesses and may pick nested loops that take seconds). ANALYZE
        # runs inside the transaction and sees its rows; these tables are small.
        _analyze(conn, ANALYTICS_MODELS)
    db.set_meta(conn, STAMP_KEY, _stamp(conn))
    seconds = time.perf_counter() - start
    log.info("analytics tables rebuilt in %.2f s", seconds, extra={"seconds": seconds})


def _analyze(conn: Connection, models) -> None:
    """PostgreSQL ``ANALYZE`` of ``models``' tables (names from the models, never from input)."""
    conn.exec_driver_sql("ANALYZE " + ", ".join(m.__tablename__ for m in models))


def _columns(model) -> list[str]:
    return [col.name for col in model.__table__.columns]


def _stamp(conn: Connection) -> str:
    """Data version, rebuild revision and the settings the rebuild reads: a change of any of them
    makes the tables stale."""
    s = settings()
    used = (s.usia_produktif_min, s.usia_produktif_max, untraced_after_months(s))
    version = db.get_meta(conn, "data_version") or "0"
    return f"{version}:{REVISION}:" + ",".join(str(v) for v in used)


def refresh(conn: Connection) -> None:
    """After a write on ``conn``: bump the data version (invalidating caches) and rebuild."""
    db.bump_data_version(conn)
    rebuild(conn)


def is_current(conn: Connection) -> bool:
    return db.get_meta(conn, STAMP_KEY) == _stamp(conn)


def ensure_ready(url: str | None = None) -> Engine:
    """:func:`lib.core.db.ensure_ready` plus current analytics tables (rebuilt in the migration's
    transaction when a migration ran; else only when the stamp is stale)."""
    engine = db.ensure_ready(url, after_migrate=rebuild)
    with engine.connect() as conn:
        current = is_current(conn)
    if not current:
        with engine.begin() as conn:
            db.lock_schema_work(conn)
            if not is_current(conn):
                rebuild(conn)
    return engine
