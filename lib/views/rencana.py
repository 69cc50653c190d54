"""What ``/rencana`` (Rencana & Prioritas) shows, as data: the decision measures of
:mod:`lib.semantic.decisions` for the page's filters, plus the few derived tables the page lists.

Every figure comes from :mod:`lib.semantic.decisions`; this module only arranges it:

- :func:`quota_plan`: the programme status, the share of the quota under the filters, the remaining
  quota as classes (:func:`schedule`) and the cumulative series for the chart;
- :func:`package_ranking`: packages to open (rates with n and 95 % Wilson intervals);
- :func:`need`: kecamatan and villages by unmet need (villages with sasaran and no peserta always
  listed);
- :func:`alumni`: the dusun/RW capital-aid priority (counts per dusun/RW for everyone);
- :func:`followups` and :func:`kur`: tracer follow-ups due and the KUR pipeline.

With ``persons=True`` (only when ``ui.may_see_persons`` allows it; the page logs each view),
:func:`alumni`, :func:`followups` and :func:`kur` add their lists of persons (names, masked NIK).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Generic, TypeVar

import pandas as pd

from lib.core import fmt
from lib.core.filters import Filters
from lib.core.i18n import t
from lib.semantic import decisions

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy import Engine

T = TypeVar("T")


# --- quota and classes ---------------------------------------------------------------------------

SCHEDULE_COLUMNS = ["mulai", "akhir", "kelas", "kursi", "peserta_baru", "target_kumulatif"]


def _periods(as_of: date, end: date) -> list[tuple[date, date]]:
    """Calendar-month periods from the day after ``as_of`` to ``end`` (the first and the last may
    be part of a month)."""
    out = []
    day = as_of + timedelta(days=1)
    while day <= end:
        month_end = decisions.months_after(day.replace(day=1), 1) - timedelta(days=1)
        last = min(month_end, end)
        out.append((day, last))
        day = last + timedelta(days=1)
    return out


def schedule(st: decisions.Status) -> pd.DataFrame:
    """The remaining quota as classes of the class size, spread over the months left.

    One row per month (period) from the day after the data date to the programme end: ``kelas``
    (whole classes; ``kelas_dibutuhkan`` shared out evenly, the earlier months taking the extra
    ones), ``kursi`` (their seats), ``peserta_baru`` (the seats that count towards the quota: the
    last classes may have more seats than the quota still needs) and ``target_kumulatif`` (peserta
    of the whole programme at the period's end if the plan is kept). Empty when the quota is
    reached or the deadline has passed.
    """
    periods = _periods(st.as_of, st.tanggal_selesai)
    if st.sisa_kuota <= 0 or not periods:
        return pd.DataFrame({c: [] for c in SCHEDULE_COLUMNS})
    n, total = len(periods), st.kelas_dibutuhkan
    base, extra = divmod(total, n)
    rows, left, reached = [], st.sisa_kuota, st.peserta
    for i, (start, end) in enumerate(periods):
        kelas = base + (1 if i < extra else 0)
        seats = kelas * st.kapasitas_kelas
        new = min(seats, left)
        left -= new
        reached += new
        rows.append((start, end, kelas, seats, new, reached))
    df = pd.DataFrame(rows, columns=SCHEDULE_COLUMNS)
    for c in ("kelas", "kursi", "peserta_baru", "target_kumulatif"):
        df[c] = df[c].astype("int64")
    return df


@dataclass(frozen=True)
class QuotaPlan:
    status: decisions.Status  # always programme-wide
    fair: decisions.FairShare  # the filtered group's share of the quota
    schedule: pd.DataFrame  # :func:`schedule`
    series: pd.DataFrame  # decisions.progress_series (cumulative vs plan)


def quota_plan(engine: Engine, f: Filters) -> QuotaPlan:
    starts = decisions.first_starts(engine)
    st = decisions.status(engine, f, starts=starts)
    return QuotaPlan(
        status=st,
        fair=decisions.fair_share(engine, f),
        schedule=schedule(st),
        series=decisions.progress_series(engine, st.as_of, starts=starts),
    )


def fair_share(engine: Engine, f: Filters) -> decisions.FairShare:
    return decisions.fair_share(engine, f)


def package_ranking(engine: Engine, f: Filters) -> decisions.PackageRanking:
    return decisions.packages(engine, f)


@dataclass(frozen=True)
class Need:
    kecamatan: decisions.NeedRanking
    villages: decisions.NeedRanking


def need(engine: Engine, f: Filters) -> Need:
    """Kecamatan and every village in scope by unmet need (largest first)."""
    return Need(decisions.kecamatan_by_need(engine, f), decisions.villages_by_need(engine, f))


def area_links(table: pd.DataFrame, code: str, name: str, lang: str = "id") -> pd.DataFrame:
    """``table`` with two relative links per row: ``link_peta`` (the map of that area) and
    ``link_ringkasan`` (the overview filtered to it). ``code`` is the filter name (``desa`` or
    ``kecamatan``) and the column holding its code."""
    suffix = "" if lang == "id" else f"&lang={lang}"
    out = table.copy()
    out["link_peta"] = [f"./peta?{name}={k}{suffix}" for k in out[code]]
    out["link_ringkasan"] = [f"./?{name}={k}{suffix}" for k in out[code]]
    return out


@dataclass(frozen=True)
class WithPersons(Generic[T]):
    """A decision measure as ``/rencana`` shows it: ``figures`` for every role and, for operators
    only, ``persons``: the list with names and masked NIK (``None`` unless asked for). Where the
    page does not read them, the rows per person the figures were counted from are left out of
    ``figures``, so that the cached entry stays small."""

    figures: T
    persons: pd.DataFrame | None


# --- alumni priority -----------------------------------------------------------------------------


def alumni(
    engine: Engine, f: Filters, persons: bool = False
) -> WithPersons[decisions.AlumniPriority]:
    """The priority score for dusun/RW capital aid, computed once for the counts per dusun/RW
    (every role) and, with ``persons`` (operators), the list with names and masked NIK."""
    ap = decisions.alumni_priority(engine, f)
    listed = _alumni_list(engine, ap.persons) if persons else None
    return WithPersons(dataclasses.replace(ap, persons=ap.persons.iloc[0:0]), listed)


def _with_identity(engine: Engine, df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with ``nama`` and ``nik_samar`` (masked NIK) after ``person_id``."""
    ids = decisions.person_identities(engine, df["person_id"]) if len(df) else None
    out = df.copy()
    if ids is None or ids.empty:
        out.insert(1, "nama", pd.Series([], dtype="object"))
        out.insert(2, "nik_samar", pd.Series([], dtype="object"))
        return out
    by_id = ids.set_index("person_id")
    out.insert(1, "nama", out["person_id"].map(by_id["nama"]))
    out.insert(2, "nik_samar", out["person_id"].map(by_id["nik"]).map(fmt.mask_nik))
    return out


def _alumni_list(engine: Engine, people: pd.DataFrame) -> pd.DataFrame:
    """Operators only: the alumni priority list with names and masked NIK, grouped by
    kecamatan, desa, dusun and RW and, within a group, by score (rank kept from the score)."""
    people = people.sort_values(
        ["kecamatan", "desa", "dusun", "rw", "peringkat"], na_position="last", kind="stable"
    ).reset_index(drop=True)
    return _with_identity(engine, people)


def score_parts(ap: decisions.AlumniPriority) -> pd.DataFrame:
    """The parts of the score with their weights (``bagian``, ``bobot``, ``maks``)."""
    rows = [(part, float(w), float(w)) for part, w in ap.weights]
    return pd.DataFrame(rows, columns=["bagian", "bobot", "maks"])


# --- follow-ups and KUR --------------------------------------------------------------------------


def followups(
    engine: Engine, f: Filters, persons: bool = False
) -> WithPersons[decisions.FollowUps]:
    """The overdue follow-up surveys, computed once for the counts (every role) and, with
    ``persons`` (operators), the list per enrolment with names and masked NIK."""
    fu = decisions.tracer_followups(engine, f)
    listed = _with_identity(engine, fu.enrolments) if persons else None
    return WithPersons(dataclasses.replace(fu, enrolments=fu.enrolments.iloc[0:0]), listed)


def kur(engine: Engine, f: Filters, persons: bool = False) -> WithPersons[decisions.KurPipeline]:
    """The KUR pipeline, computed once for the counts (every role) and, with ``persons``
    (operators), the pending applications with names and masked NIK, longest wait first."""
    kp = decisions.kur_pipeline(engine, f)
    return WithPersons(kp, _kur_list(engine, kp) if persons else None)


def _kur_list(engine: Engine, kp: decisions.KurPipeline) -> pd.DataFrame:
    """Operators only: the KUR applications still pending, with name and masked NIK, longest
    wait first."""
    waiting = kp.waiting
    cols = ["person_id", *[c for c in waiting.columns if c != "person_id"]]
    return _with_identity(engine, waiting[cols])


def waiting_buckets(kp: decisions.KurPipeline) -> pd.DataFrame:
    """Pending KUR applications by waiting time (counts only: for every role)."""
    edges = [(0, 30), (31, 90), (91, 180), (181, None)]
    days = kp.waiting["hari_menunggu"]
    rows = []
    for lo, hi in edges:
        hit = days >= lo if hi is None else (days >= lo) & (days <= hi)
        rows.append((lo, hi, int(hit.sum())))
    return pd.DataFrame(rows, columns=["dari_hari", "sampai_hari", "jumlah"])


def _interval(low, high, lang: str) -> str:
    if low is None or high is None or pd.isna(low) or pd.isna(high):
        return fmt.DASH
    return f"{fmt.number(low, 1, lang)}–{fmt.pct(high, lang)}"


def package_table(pr: decisions.PackageRanking, lang: str = "id") -> pd.DataFrame:
    """The package ranking as the page lists it: each rate beside its 95 % interval as text
    (``selang_<rate>``, e.g. ``62,7–83,7%``) and ``keterangan``, why a package is not ranked."""
    df = pr.table.copy()
    for rate, short in (
        ("persen_keterisian", "keterisian"),
        ("persen_selesai", "selesai"),
        ("persen_kompeten", "kompeten"),
        ("persen_penempatan", "penempatan"),
    ):
        df[f"selang_{short}"] = [
            _interval(lo, hi, lang)
            for lo, hi in zip(df[f"{rate}_bawah"], df[f"{rate}_atas"], strict=True)
        ]
    df["keterangan"] = [
        t(f"keputusan.paket.alasan.{a}", lang) if isinstance(a, str) else "" for a in df["alasan"]
    ]
    return df
