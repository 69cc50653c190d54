"""Decision support (docs/indicators.md), computed once for the ``/rencana`` page and the briefing deck.

Everything here is data: frozen dataclasses and DataFrames, no text (labels live in
:mod:`lib.core.i18n.decisions`, sentences in the page and the deck). Figures come from
:func:`lib.semantic.query.query` / :func:`~lib.semantic.query.values`; where a plain aggregate
cannot express a rule (first class of a person, a median of differences, survey waves, waiting
days, a per-person score) a SELECT over the analytics tables uses bound parameters and the scope
of :func:`lib.semantic.query.cube_condition`, so the filters mean what they mean everywhere.

Scope. Figures are programme-wide unless a filter narrows them, and then they say so: each result
carries a :class:`Scope` (``filtered``, ``class_filtered``, ``person_filtered``). The quota status
(:func:`status`, :func:`progress_series`) is always programme-wide; under a filter it reports
``filters_ignored``. A filtered group's share of the quota is a *share* ("porsi dari kuota
kabupaten", :func:`fair_share`), never the quota reached.

Parameters (tolerances, weights) come from the ``[keputusan]`` table of ``data/programme.toml``
with the defaults of :class:`Parameters`; class size, quota, dates and the small-count threshold
from the ``[program]`` and ``[privasi]`` tables.

The public functions:

- :func:`status` and :func:`progress_series`: on track / behind / will miss the deadline;
- :func:`fair_share`: a filtered area's share of the quota and its fair share;
- :func:`packages`: packages to open, rates with n and 95 % Wilson intervals (:func:`wilson`);
- :func:`villages_by_need` and :func:`kecamatan_by_need`: unmet need, largest gap first;
- :func:`alumni_priority`: the score for dusun/RW capital aid, per person and per dusun/RW;
- :func:`tracer_followups`: 3-, 6- and 12-month surveys overdue;
- :func:`kur_pipeline`: KUR applications by status, waiting days of those still pending;
- :func:`proposals`: 3–6 proposals for the closing slide, each with its key figure.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
from sqlalchemy import Engine, func, select

from lib.core import db
from lib.core.config import Settings, settings
from lib.core.filters import Filters
from lib.core.models import (
    AnAid,
    AnEnrolment,
    AnTracer,
    Kecamatan,
    Package,
    Person,
    Village,
)
from lib.semantic import plan
from lib.semantic.analytics import months_before
from lib.semantic.measures import ACTIVE_STATUSES, APPROVED_AID, CUBES, get
from lib.semantic.query import cube_condition, percent, query, values

# --- parameters ([keputusan] in data/programme.toml) ---------------------------------------------

SCORE_PARTS = ("kompeten", "wirausaha", "belum_dibantu", "desil", "kebutuhan_desa")
PACKAGE_RATES = ("persen_penempatan", "persen_selesai", "persen_kompeten", "persen_keterisian")


@dataclass(frozen=True)
class Parameters:
    """The ``[keputusan]`` settings, with their defaults.

    - ``bulan_laju_terkini``: months of the recent pace that decides *behind* (still reachable)
      from *will miss the deadline* (:func:`status`).
    - ``urutan_paket``: the rate whose Wilson lower bound sorts the packages (:func:`packages`).
    - ``bulan_telusur``: the follow-up surveys, in months after the class ended.
    - ``toleransi_telusur_hari``: days after the nominal survey date before a survey is overdue.
    - ``telusur_lebih_awal_bulan``: a survey this many whole months early still counts for a wave
      (surveys are dated by day, months since the class end are whole months).
    - ``kur_tunggu_lama_hari``: a KUR application pending longer than this waits long.
    - ``kecualikan_penerima_modal``: leave alumni who already got dusun/RW capital aid
      (approved or disbursed) out of the priority list.
    - ``bobot_prioritas``: the weight of each part of the alumni priority score
      (:data:`SCORE_PARTS`).
    """

    bulan_laju_terkini: int = 6
    urutan_paket: str = "persen_penempatan"
    bulan_telusur: tuple[int, ...] = (3, 6, 12)
    toleransi_telusur_hari: int = 30
    telusur_lebih_awal_bulan: int = 1
    kur_tunggu_lama_hari: int = 30
    kecualikan_penerima_modal: bool = True
    bobot_prioritas: tuple[tuple[str, float], ...] = (
        ("kompeten", 2.0),
        ("wirausaha", 3.0),
        ("belum_dibantu", 2.0),
        ("desil", 2.0),
        ("kebutuhan_desa", 1.0),
    )

    @property
    def weights(self) -> dict[str, float]:
        return dict(self.bobot_prioritas)


def parameters(s: Settings | None = None) -> Parameters:
    """:class:`Parameters` from ``[keputusan]`` of the programme settings (defaults for what is
    missing). An unknown package rate, score part or a negative weight is a ``ValueError``."""
    s = s or settings()
    raw: Mapping = s.extra.get("keputusan", {})
    d = Parameters()
    weights = dict(d.bobot_prioritas)
    for key, value in raw.get("bobot_prioritas", {}).items():
        if key not in SCORE_PARTS:
            raise ValueError(f"[keputusan.bobot_prioritas] unknown part {key!r}")
        if float(value) < 0:
            raise ValueError(f"[keputusan.bobot_prioritas] {key} must not be negative")
        weights[key] = float(value)
    rank_key = str(raw.get("urutan_paket", d.urutan_paket))
    if rank_key not in PACKAGE_RATES:
        raise ValueError(f"[keputusan] urutan_paket must be one of {', '.join(PACKAGE_RATES)}")
    waves = tuple(sorted({int(m) for m in raw.get("bulan_telusur", d.bulan_telusur)}))
    if not waves or waves[0] <= 0:
        raise ValueError("[keputusan] bulan_telusur must list positive months")
    return Parameters(
        bulan_laju_terkini=max(1, int(raw.get("bulan_laju_terkini", d.bulan_laju_terkini))),
        urutan_paket=rank_key,
        bulan_telusur=waves,
        toleransi_telusur_hari=int(raw.get("toleransi_telusur_hari", d.toleransi_telusur_hari)),
        telusur_lebih_awal_bulan=int(
            raw.get("telusur_lebih_awal_bulan", d.telusur_lebih_awal_bulan)
        ),
        kur_tunggu_lama_hari=int(raw.get("kur_tunggu_lama_hari", d.kur_tunggu_lama_hari)),
        kecualikan_penerima_modal=bool(
            raw.get("kecualikan_penerima_modal", d.kecualikan_penerima_modal)
        ),
        bobot_prioritas=tuple((k, weights[k]) for k in SCORE_PARTS),
    )


# --- shared helpers ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    """Whether a result is narrowed by filters (and by which kind); ``regency_wide`` otherwise."""

    filtered: bool
    class_filtered: bool
    person_filtered: bool

    @property
    def regency_wide(self) -> bool:
        return not self.filtered


def scope_of(f: Filters | None) -> Scope:
    f = f or Filters()
    return Scope(
        filtered=not f.is_empty(),
        class_filtered=f.has_class_filter(),
        person_filtered=f.has_person_filter(),
    )


def wilson(k: int, n: int, z: float = 1.96) -> tuple[float, float] | None:
    """The Wilson score interval of ``k`` successes in ``n`` trials, as proportions (0–1).

    ``z = 1.96`` gives the 95 % interval. ``None`` when ``n`` is 0 (no evidence); ``k`` outside
    0…``n`` is a ``ValueError``. Unlike the normal approximation it stays inside 0–1 and is
    sensible for small ``n`` and for rates of 0 % or 100 %.
    """
    if n <= 0:
        return None
    if not 0 <= k <= n:
        raise ValueError(f"wilson: k={k} is outside 0…n={n}")
    p = k / n
    z2 = z * z
    denom = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom
    low = 0.0 if k == 0 else max(0.0, centre - half)
    high = 1.0 if k == n else min(1.0, centre + half)
    return low, high


def _pct1(x: float | None) -> float | None:
    """A proportion as a percentage rounded half-up to one decimal (docs/indicators.md)."""
    if x is None:
        return None
    return float(Decimal(repr(x * 100)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _whole(x: float | Decimal) -> int:
    return int(Decimal(str(x)).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def _as_of(engine: Engine, as_of: date | None) -> date:
    return as_of or db.data_as_of(engine) or date.today()


def _as_date(v) -> date:
    if isinstance(v, date):
        return v
    return date.fromisoformat(str(v)[:10])


def months_after(day: date, months: int) -> date:
    """``day`` moved ``months`` calendar months on (the last day of a shorter month)."""
    return months_before(day, -months)


@dataclass(frozen=True)
class _Names:
    kecamatan: dict[str, str]
    desa: dict[str, str]
    paket: dict[str, str]


def _names(engine: Engine) -> _Names:
    with engine.connect() as conn:
        kec = dict(conn.execute(select(Kecamatan.kode, Kecamatan.nama)).all())
        vil = dict(conn.execute(select(Village.kode, Village.nama)).all())
        pkg = dict(conn.execute(select(Package.kode, Package.nama)).all())
    return _Names(kec, vil, pkg)


def _rows(engine: Engine, stmt, columns: list[str]) -> pd.DataFrame:
    with engine.connect() as conn:
        rows = conn.execute(stmt).all()
    return pd.DataFrame([tuple(r) for r in rows], columns=columns)


def _fair(kuota: int, sasaran: int | None, total: int | None) -> int | None:
    """``kuota × sasaran / total`` rounded half-up to whole persons (``None`` without sasaran)."""
    if not total or sasaran is None or pd.isna(sasaran):
        return None
    return _whole(Decimal(kuota) * Decimal(int(sasaran)) / Decimal(int(total)))


# --- 1. status against the quota and the deadline ------------------------------------------------

STATUS_KEYS = ("tercapai", "sesuai", "tertinggal", "terlambat")


def _first_starts(engine: Engine, f: Filters) -> list[tuple[date, int]]:
    """(date, persons) for each start date of a person's first class with an active enrolment."""
    e = AnEnrolment.__table__
    first = (
        select(e.c.person_id, func.min(e.c.tanggal_mulai).label("mulai"))
        .where(cube_condition(CUBES["pendaftaran"], f), e.c.status.in_(ACTIVE_STATUSES))
        .group_by(e.c.person_id)
        .subquery()
    )
    stmt = select(first.c.mulai, func.count()).group_by(first.c.mulai).order_by(first.c.mulai)
    with engine.connect() as conn:
        return [(_as_date(d), int(n)) for d, n in conn.execute(stmt)]


def _cumulative(starts: list[tuple[date, int]], day: date, as_of: date) -> int:
    """Persons counted by ``day``: from the start of their first class, or from the data date when
    that class starts later (a registration for a coming class counts as of the data date)."""
    if day >= as_of:
        return sum(n for _, n in starts)
    return sum(n for d, n in starts if d <= day)


@dataclass(frozen=True)
class Status:
    """The programme against its quota and deadline, always programme-wide.

    ``key``: ``tercapai`` (quota reached), ``sesuai`` (at or ahead of the linear plan),
    ``tertinggal`` (behind the plan, but the pace of the last ``bulan_laju_terkini`` months, kept up,
    fills the quota in time) or ``terlambat`` (behind, and that recent pace falls short of the pace
    needed, or the deadline has passed).
    """

    key: str
    as_of: date
    kuota: int
    peserta: int  # whole programme (the ``peserta`` indicator)
    persen_kuota: float | None
    sisa_kuota: int
    kelas_dibutuhkan: int
    kapasitas_kelas: int
    tanggal_selesai: date  # programme end (last day)
    hari_tersisa: int
    laju_dibutuhkan: float | None  # persons per month until the end; None: no day left
    kelas_per_bulan: float | None  # laju_dibutuhkan / class size
    laju_rata: float | None  # average persons per month since the start
    laju_terkini: float | None  # persons per month over the last bulan_laju_terkini months
    bulan_laju_terkini: int
    proyeksi: date | None  # quota reached at the average pace (None: reached or no pace)
    proyeksi_selisih_hari: int | None  # days after the end (negative: before)
    rencana: int  # persons the linear plan expects by as_of
    selisih_rencana: int  # rencana − peserta (positive: behind)
    akhir_bulan_lalu: date
    peserta_bulan_lalu: int
    perubahan_bulan_lalu: int
    pace: plan.Pace  # for lib.semantic.plan's sentences
    projection: plan.Projection
    scope: Scope  # always regency-wide
    filters_ignored: bool  # filters were set, and these figures do not follow them


def status(
    engine: Engine,
    filters: Filters | None = None,
    as_of: date | None = None,
    *,
    starts: list[tuple[date, int]] | None = None,
) -> Status:
    """:class:`Status` of the whole programme as of ``as_of`` (default: the data date).

    Filters never narrow it (the quota is the regency's); ``filters_ignored`` says when some were
    set. Peserta at a past date count each person from the start date of their first class
    (``an_enrolment``), or from the data date when that class starts later, so the count at the
    data date is the ``peserta`` indicator.
    """
    s = settings()
    p = parameters(s)
    as_of = _as_of(engine, as_of)
    starts = first_starts(engine) if starts is None else starts
    v = values(engine, ["peserta", "persen_kuota"])
    peserta = int(v["peserta"])
    out = plan.outlook(peserta, as_of, s)
    start, end = s.tanggal_mulai, s.tanggal_selesai
    needed = plan.needed_per_month(out.seats, as_of, end)
    window = max(months_before(as_of, p.bulan_laju_terkini), start)
    recent = None
    if as_of > window:
        gained = peserta - _cumulative(starts, window, as_of)
        recent = gained / ((as_of - window).days / plan.DAYS_PER_MONTH)
    prev_end = as_of.replace(day=1) - timedelta(days=1)
    prev = _cumulative(starts, prev_end, as_of)
    if out.pace.quota_reached:
        key = "tercapai"
    elif out.pace.on_track and as_of <= end:
        key = "sesuai"
    elif needed is None or recent is None or recent < needed:
        key = "terlambat"
    else:
        key = "tertinggal"
    return Status(
        key=key,
        as_of=as_of,
        kuota=s.kuota,
        peserta=peserta,
        persen_kuota=v["persen_kuota"],
        sisa_kuota=out.seats,
        kelas_dibutuhkan=out.classes,
        kapasitas_kelas=s.kapasitas_kelas,
        tanggal_selesai=end,
        hari_tersisa=plan.days_left(as_of, end),
        laju_dibutuhkan=needed,
        kelas_per_bulan=None if needed is None else needed / s.kapasitas_kelas,
        laju_rata=out.projection.rate_per_month,
        laju_terkini=recent,
        bulan_laju_terkini=p.bulan_laju_terkini,
        proyeksi=out.projection.date,
        proyeksi_selisih_hari=out.projection.days_late,
        rencana=out.pace.planned,
        selisih_rencana=out.pace.gap,
        akhir_bulan_lalu=prev_end,
        peserta_bulan_lalu=prev,
        perubahan_bulan_lalu=peserta - prev,
        pace=out.pace,
        projection=out.projection,
        scope=scope_of(None),
        filters_ignored=not (filters or Filters()).is_empty(),
    )


def first_starts(engine: Engine) -> list[tuple[date, int]]:
    """(date, persons) per start date of persons' first class, programme-wide: what
    :func:`status` and :func:`progress_series` count from (pass it to both to read it once)."""
    return _first_starts(engine, Filters())


def progress_series(
    engine: Engine, as_of: date | None = None, *, starts: list[tuple[date, int]] | None = None
) -> pd.DataFrame:
    """Cumulative peserta of the whole programme against the linear plan, for a chart.

    Columns ``tanggal`` (date), ``peserta`` (Int64; ``<NA>`` after the data date) and ``rencana``
    (persons the plan expects, whole persons). Rows: the programme start, every month end, the
    data date and the programme end. The row of the data date equals :func:`status`'s ``peserta``.
    """
    s = settings()
    as_of = _as_of(engine, as_of)
    start, end = s.tanggal_mulai, s.tanggal_selesai
    starts = first_starts(engine) if starts is None else starts
    days = {start, as_of, end}
    day = months_after(start.replace(day=1), 1) - timedelta(days=1)
    last = max(as_of, end)
    while day < last:
        days.add(day)
        day = months_after(day.replace(day=1), 2) - timedelta(days=1)
    rows = []
    for d in sorted(days):
        rows.append(
            (
                d,
                _cumulative(starts, d, as_of) if d <= as_of else None,
                plan.pace(0, d, start, end, s.kuota).planned,
            )
        )
    frame = pd.DataFrame(rows, columns=["tanggal", "peserta", "rencana"])
    frame["peserta"] = frame["peserta"].astype("Int64")
    frame["rencana"] = frame["rencana"].astype("int64")
    return frame


# --- 2. share of the quota and fair share --------------------------------------------------------


@dataclass(frozen=True)
class FairShare:
    """A filtered group's share of the regency quota and, for an area, its fair share.

    ``porsi_kuota`` = peserta in scope / kuota × 100 ("porsi dari kuota kabupaten", never the quota
    reached). ``bagian_wajar`` = kuota × sasaran of the area / sasaran of the regency (whole
    persons), compared with ``peserta_wilayah``: the area's peserta under the person filters only
    (the fair share is of the whole programme's quota, so class filters do not narrow it).
    ``applicable`` is False without a person filter (``reason``: ``tanpa_filter`` or
    ``hanya_filter_kelas``).
    """

    applicable: bool
    reason: str | None
    kuota: int
    peserta: int  # under every filter
    porsi_kuota: float | None
    sasaran: int | None = None  # of the area (person filters)
    sasaran_kabupaten: int | None = None
    bagian_wajar: int | None = None
    peserta_wilayah: int | None = None
    persen_bagian_wajar: float | None = None  # peserta_wilayah / bagian_wajar × 100
    kurang_dari_bagian_wajar: int | None = None  # max(0, bagian_wajar − peserta_wilayah)
    scope: Scope = field(default_factory=lambda: scope_of(None))


def fair_share(engine: Engine, filters: Filters | None = None) -> FairShare:
    """:class:`FairShare` for ``filters`` (kecamatan, desa and jk make an area; see the class)."""
    f = filters or Filters()
    kuota = settings().kuota
    v = values(engine, ["peserta", "porsi_kuota"], f)
    base = dict(kuota=kuota, peserta=int(v["peserta"]), porsi_kuota=v["porsi_kuota"])
    if not f.has_person_filter():
        reason = "tanpa_filter" if f.is_empty() else "hanya_filter_kelas"
        return FairShare(applicable=False, reason=reason, scope=scope_of(f), **base)
    area = Filters(kecamatan=f.kecamatan, desa=f.desa, jk=f.jk)
    w = values(engine, ["peserta", "sasaran"], area)
    total = int(values(engine, ["sasaran"])["sasaran"])
    fair = _fair(kuota, w["sasaran"], total)
    mine = int(w["peserta"])
    return FairShare(
        applicable=True,
        reason=None,
        sasaran=int(w["sasaran"]),
        sasaran_kabupaten=total,
        bagian_wajar=fair,
        peserta_wilayah=mine,
        persen_bagian_wajar=percent(mine, fair) if fair else None,
        kurang_dari_bagian_wajar=None if fair is None else max(0, fair - mine),
        scope=scope_of(f),
        **base,
    )


# --- 3. packages to open -------------------------------------------------------------------------


@dataclass(frozen=True)
class PackageRanking:
    """Every catalogue package within the class filters (``table``), ranked ones first.

    Columns: ``paket``, ``nama``, ``kejuruan``, ``kelas``, ``kursi``, ``terisi``, ``pernah_terdaftar``,
    ``selesai``, ``kompeten``, ``ditempatkan``; for each rate of :data:`PACKAGE_RATES` the rate
    (``persen_…``, as the registry defines it), ``<rate>_n`` (its denominator) and
    ``<rate>_bawah`` / ``<rate>_atas`` (95 % Wilson interval, percent); ``median_perubahan_pendapatan``
    (median over persons of latest income − income before, rupiah) with
    ``perubahan_pendapatan_n``; ``diperingkat``, ``peringkat`` (Int64) and ``alasan`` (why not
    ranked: ``belum_berjalan``, no class in scope; ``n_kecil``, the sorting rate's n is under
    ``ambang``).

    The order: ranked packages by ``<sort_key>_bawah`` (the lower Wilson bound, so a rate from few
    persons does not outrank a solid one), then the rate, then its n, then the code.
    """

    table: pd.DataFrame
    sort_key: str
    ambang: int
    scope: Scope


def packages(engine: Engine, filters: Filters | None = None) -> PackageRanking:
    """:class:`PackageRanking` under ``filters``: class counts and the fill rate follow the class
    filters only (docs/indicators.md); the person rates and incomes follow every filter."""
    f = filters or Filters()
    s = settings()
    key = parameters(s).urutan_paket
    counts = ["kelas", "kursi", "terisi", "pernah_terdaftar", "selesai", "kompeten", "ditempatkan"]
    df = query(engine, [*counts, *PACKAGE_RATES], by=["paket"], filters=f, complete=True)
    names = _package_names(engine)
    df.insert(1, "nama", df["paket"].map(lambda k: names.get(k, (k, ""))[0]))
    df.insert(2, "kejuruan", df["paket"].map(lambda k: names.get(k, ("", ""))[1]))
    for rate in PACKAGE_RATES:
        num, den, _ = get(rate).ratio
        bounds = [
            wilson(int(k), int(n)) if 0 <= k <= n else None
            for k, n in zip(df[num], df[den], strict=True)
        ]
        df[f"{rate}_n"] = df[den].astype("int64")
        df[f"{rate}_bawah"] = pd.array([_pct1(b[0]) if b else None for b in bounds], "Float64")
        df[f"{rate}_atas"] = pd.array([_pct1(b[1]) if b else None for b in bounds], "Float64")
    income = _income_change(engine, f)
    df = df.merge(income, on="paket", how="left")
    df["perubahan_pendapatan_n"] = df["perubahan_pendapatan_n"].fillna(0).astype("int64")
    df["median_perubahan_pendapatan"] = df["median_perubahan_pendapatan"].astype("Float64")
    ambang = s.ambang_sel_kecil
    never = df["kelas"] == 0
    small = df[f"{key}_n"] < ambang
    df["diperingkat"] = ~never & ~small
    df["alasan"] = [
        "belum_berjalan" if a else "n_kecil" if b else None
        for a, b in zip(never, small, strict=True)
    ]
    ranked = df[df["diperingkat"]].sort_values(
        [f"{key}_bawah", key, f"{key}_n", "paket"],
        ascending=[False, False, False, True],
        na_position="last",
    )
    rest = df[~df["diperingkat"]].sort_values(["kelas", "paket"], ascending=[False, True])
    ranked = ranked.assign(peringkat=range(1, len(ranked) + 1))
    out = pd.concat([ranked, rest.assign(peringkat=None)], ignore_index=True)
    out["peringkat"] = out["peringkat"].astype("Int64")
    return PackageRanking(table=out, sort_key=key, ambang=ambang, scope=scope_of(f))


def _package_names(engine: Engine) -> dict[str, tuple[str, str]]:
    with engine.connect() as conn:
        rows = conn.execute(select(Package.kode, Package.nama, Package.kejuruan)).all()
    return {k: (n, j) for k, n, j in rows}


def _income_change(engine: Engine, f: Filters) -> pd.DataFrame:
    """Per package: median over completers of (latest income − income before), and their count.

    Each person counts once per package, with their latest survey over all their enrolments (the
    outcome rule of docs/indicators.md), and only when that survey records both incomes.
    """
    e = AnEnrolment.__table__
    diff = (e.c.pendapatan_bulanan - e.c.pendapatan_sebelum).label("d")
    stmt = (
        select(e.c.paket_kode, e.c.person_id, diff)
        .where(
            cube_condition(CUBES["pendaftaran"], f),
            e.c.status == "selesai",
            e.c.pendapatan_bulanan.is_not(None),
            e.c.pendapatan_sebelum.is_not(None),
        )
        .distinct()
    )
    rows = _rows(engine, stmt, ["paket", "person_id", "d"])
    if rows.empty:
        return pd.DataFrame(
            {"paket": [], "median_perubahan_pendapatan": [], "perubahan_pendapatan_n": []}
        )
    g = rows.groupby("paket")["d"]
    return pd.DataFrame(
        {
            "median_perubahan_pendapatan": g.median().astype(float),
            "perubahan_pendapatan_n": g.size(),
        }
    ).reset_index()


# --- 4. villages and kecamatan ranked by unmet need ----------------------------------------------

NEED_MEASURES = ("sasaran", "peserta", "cakupan", "kebutuhan_belum_terlayani")


@dataclass(frozen=True)
class NeedRanking:
    """Areas by unmet need, largest gap first (then more sasaran, then the code).

    ``table`` columns (villages): ``peringkat``, ``desa``, ``nama_desa``, ``kecamatan``,
    ``nama_kecamatan``, ``sasaran``, ``peserta``, ``cakupan``, ``kebutuhan_belum_terlayani``,
    ``bagian_wajar``, ``tanpa_peserta`` (sasaran > 0 and no peserta: always listed, also beyond
    ``limit``). Kecamatan: ``peringkat``, ``kecamatan``, ``nama_kecamatan``, the same measures,
    ``porsi_kuota``, ``bagian_wajar``, ``persen_bagian_wajar`` and ``kurang_dari_bagian_wajar``.
    ``areas`` is the number of areas in scope, ``tanpa_peserta`` how many have no peserta.
    """

    table: pd.DataFrame
    areas: int
    tanpa_peserta: int
    limit: int | None
    scope: Scope


def _need_order(df: pd.DataFrame, code: str) -> pd.DataFrame:
    df = df.sort_values(
        ["kebutuhan_belum_terlayani", "sasaran", code], ascending=[False, False, True]
    ).reset_index(drop=True)
    df.insert(0, "peringkat", range(1, len(df) + 1))
    df["tanpa_peserta"] = (df["sasaran"] > 0) & (df["peserta"] == 0)
    return df


def villages_by_need(
    engine: Engine, filters: Filters | None = None, *, limit: int | None = None
) -> NeedRanking:
    """Every village within the person filters by unmet need (``limit``: the top ``limit`` plus
    every village with sasaran and no peserta). Sasaran follows the person filters only; peserta
    every filter, so under a class filter the gap is against that year's or package's peserta."""
    f = filters or Filters()
    df = query(engine, list(NEED_MEASURES), by=["desa"], filters=f, complete=True)
    names = _names(engine)
    with engine.connect() as conn:
        parent = dict(conn.execute(select(Village.kode, Village.kecamatan_kode)).all())
    df.insert(1, "nama_desa", df["desa"].map(names.desa))
    df.insert(2, "kecamatan", df["desa"].map(parent))
    df.insert(3, "nama_kecamatan", df["kecamatan"].map(names.kecamatan))
    total = int(values(engine, ["sasaran"])["sasaran"])
    kuota = settings().kuota
    df["bagian_wajar"] = pd.array([_fair(kuota, v, total) for v in df["sasaran"]], "Int64")
    df = _need_order(df, "desa")
    n_areas, n_none = len(df), int(df["tanpa_peserta"].sum())
    if limit is not None:
        df = df[(df["peringkat"] <= limit) | df["tanpa_peserta"]].reset_index(drop=True)
    return NeedRanking(df, n_areas, n_none, limit, scope_of(f))


def kecamatan_by_need(engine: Engine, filters: Filters | None = None) -> NeedRanking:
    """Every kecamatan within the person filters by unmet need, with its share of the quota
    (``porsi_kuota``) and its fair share ``bagian_wajar`` = kuota × its sasaran / the regency's
    sasaran (docs/indicators.md), compared with ``peserta_wilayah`` (its participants under the
    person filters only: ``persen_bagian_wajar``, ``kurang_dari_bagian_wajar``). Other filter
    semantics as in :func:`villages_by_need`."""
    f = filters or Filters()
    df = query(engine, [*NEED_MEASURES, "porsi_kuota"], by=["kecamatan"], filters=f, complete=True)
    names = _names(engine)
    df.insert(1, "nama_kecamatan", df["kecamatan"].map(names.kecamatan))
    total = int(values(engine, ["sasaran"])["sasaran"])
    kuota = settings().kuota
    fair = [_fair(kuota, v, total) for v in df["sasaran"]]
    df["bagian_wajar"] = pd.array(fair, "Int64")
    # The fair share is of the whole programme's quota: it is compared with the participants under
    # the person filters only, as in :func:`fair_share` (a year's intake against a three-year share
    # would overstate every gap); ``peserta`` and the unmet need still follow every filter.
    if f.has_class_filter():
        area = Filters(kecamatan=f.kecamatan, desa=f.desa, jk=f.jk)
        whole = query(engine, ["peserta"], by=["kecamatan"], filters=area, complete=True)
        mine = df["kecamatan"].map(dict(zip(whole["kecamatan"], whole["peserta"], strict=True)))
        df["peserta_wilayah"] = mine.fillna(0).astype("int64")
    else:
        df["peserta_wilayah"] = df["peserta"].astype("int64")
    df["persen_bagian_wajar"] = pd.array(
        [percent(p, b) if b else None for p, b in zip(df["peserta_wilayah"], fair, strict=True)],
        "Float64",
    )
    df["kurang_dari_bagian_wajar"] = pd.array(
        [
            None if b is None else max(0, b - int(p))
            for p, b in zip(df["peserta_wilayah"], fair, strict=True)
        ],
        "Int64",
    )
    df = _need_order(df, "kecamatan")
    return NeedRanking(df, len(df), int(df["tanpa_peserta"].sum()), None, scope_of(f))


# --- 5. alumni priority for dusun/RW capital aid -------------------------------------------------


@dataclass(frozen=True)
class AlumniPriority:
    """The transparent priority score for dusun/RW business-capital aid.

    Candidates: persons in scope with a completed (selesai) enrolment in a class in scope; with
    ``kecualikan_penerima_modal`` those who already have approved or disbursed dusun/RW capital
    aid are left out (``excluded`` counts them). The score is a person's, whatever the filters:
    its parts (each 0–1) are computed over all of the person's enrolments and aid, and the village
    need over the whole regency:

    - ``kompeten``: 1 when tested kompeten in some enrolment;
    - ``wirausaha``: 1 when the latest tracer survey says wirausaha;
    - ``belum_dibantu``: 1 when no KUR or equipment aid is approved or disbursed yet;
    - ``desil``: (D + 1 − desil) / D with D = ``desil_sasaran_max`` (desil 1 → 1), at least 0;
    - ``kebutuhan_desa``: the village's unmet need / the largest village unmet need in the regency.

    ``skor`` = Σ weight × part (``weights``; at most ``max_skor``), rounded to 3 decimals; order:
    skor (high first), then desil, then person id. ``persons`` (operators only; names and NIK are
    joined by whoever renders the list) has ``peringkat``, ``person_id``, ``kecamatan``,
    ``nama_kecamatan``, ``desa``, ``nama_desa``, ``dusun``, ``rw``, ``desil``, ``kelas_kode``,
    ``paket`` (latest completed class in scope), ``status_kerja``, ``kur_disetujui``,
    ``peralatan``, ``bagian_<part>`` and ``skor``. ``by_dusun_rw`` (aggregates for leadership):
    per kecamatan/desa/dusun/RW, ``alumni``, ``kompeten``, ``wirausaha``, ``belum_dibantu``,
    ``prioritas`` (wirausaha and not yet helped) and ``skor_rata``; most ``prioritas`` first.
    """

    persons: pd.DataFrame
    by_dusun_rw: pd.DataFrame
    weights: tuple[tuple[str, float], ...]
    max_skor: float
    excluded: int
    scope: Scope


def alumni_priority(engine: Engine, filters: Filters | None = None) -> AlumniPriority:
    """:class:`AlumniPriority` for the completers in scope of ``filters``."""
    f = filters or Filters()
    s = settings()
    p = parameters(s)
    e = AnEnrolment.__table__
    cond = cube_condition(CUBES["pendaftaran"], f)
    cols = [
        "person_id", "kecamatan", "desa", "dusun", "rw", "desil", "status_kerja",
        "kelas_kode", "paket", "tanggal_selesai",
    ]  # fmt: skip
    stmt = select(
        e.c.person_id, e.c.kecamatan_kode, e.c.desa_kode, e.c.dusun, e.c.rw, e.c.desil,
        e.c.status_kerja, e.c.kelas_kode, e.c.paket_kode, e.c.tanggal_selesai,
    ).where(cond, e.c.status == "selesai")  # fmt: skip
    rows = _rows(engine, stmt, cols)
    rows = rows.sort_values(["person_id", "tanggal_selesai", "kelas_kode"])
    people = rows.drop_duplicates("person_id", keep="last").drop(columns="tanggal_selesai")
    candidates = select(e.c.person_id).where(cond, e.c.status == "selesai").distinct()
    kompeten_stmt = (
        select(e.c.person_id)
        .where(e.c.hasil_uji == "kompeten", e.c.person_id.in_(candidates))
        .distinct()
    )
    a = AnAid.__table__
    aid_stmt = (
        select(a.c.person_id, a.c.jenis, func.count())
        .where(a.c.status.in_(APPROVED_AID), a.c.person_id.in_(candidates))
        .group_by(a.c.person_id, a.c.jenis)
    )
    with engine.connect() as conn:
        kompeten = set(conn.execute(kompeten_stmt).scalars())
        aid = [tuple(r) for r in conn.execute(aid_stmt)]
    aid = pd.DataFrame(aid, columns=["person_id", "jenis", "n"])
    aid_by = aid.pivot_table(index="person_id", columns="jenis", values="n", aggfunc="sum")
    for kind in ("kur", "peralatan", "modal_dusun_rw"):
        people[kind] = people["person_id"].map(aid_by.get(kind, {}))
        people[kind] = people[kind].fillna(0).astype("int64")
    excluded = 0
    if p.kecualikan_penerima_modal:
        excluded = int((people["modal_dusun_rw"] > 0).sum())
        people = people[people["modal_dusun_rw"] == 0]
    need = query(engine, ["kebutuhan_belum_terlayani"], by=["desa"])
    need_by = dict(zip(need["desa"], need["kebutuhan_belum_terlayani"], strict=True))
    top = max([int(v) for v in need_by.values() if not pd.isna(v)], default=0)
    dmax = s.desil_sasaran_max
    parts = {
        "kompeten": people["person_id"].isin(kompeten).astype(float),
        "wirausaha": (people["status_kerja"] == "wirausaha").astype(float),
        "belum_dibantu": ((people["kur"] == 0) & (people["peralatan"] == 0)).astype(float),
        "desil": ((dmax + 1 - people["desil"]) / dmax).clip(lower=0).astype(float),
        "kebutuhan_desa": people["desa"]
        .map(lambda d: (_count(need_by.get(d)) / top) if top else 0.0)
        .astype(float),
    }
    w = p.weights
    people = people.rename(columns={"kur": "kur_disetujui"}).drop(columns="modal_dusun_rw")
    for part in SCORE_PARTS:
        people[f"bagian_{part}"] = parts[part].round(4)
    people["skor"] = sum(w[part] * parts[part] for part in SCORE_PARTS).astype(float).round(3)
    people = people.sort_values(["skor", "desil", "person_id"], ascending=[False, True, True])
    people = people.reset_index(drop=True)
    people["peringkat"] = range(1, len(people) + 1)
    names = _names(engine)
    people["nama_kecamatan"] = people["kecamatan"].map(names.kecamatan)
    people["nama_desa"] = people["desa"].map(names.desa)
    order = [
        "peringkat", "person_id", "kecamatan", "nama_kecamatan", "desa", "nama_desa", "dusun",
        "rw", "desil", "kelas_kode", "paket", "status_kerja", "kur_disetujui", "peralatan",
        *(f"bagian_{part}" for part in SCORE_PARTS), "skor",
    ]  # fmt: skip
    people = people[order]
    return AlumniPriority(
        persons=people,
        by_dusun_rw=_by_dusun_rw(people),
        weights=p.bobot_prioritas,
        max_skor=float(sum(w.values())),
        excluded=excluded,
        scope=scope_of(f),
    )


def _by_dusun_rw(people: pd.DataFrame) -> pd.DataFrame:
    keys = ["kecamatan", "nama_kecamatan", "desa", "nama_desa", "dusun", "rw"]
    cols = [*keys, "alumni", "kompeten", "wirausaha", "belum_dibantu", "prioritas", "skor_rata"]
    if people.empty:
        return pd.DataFrame({c: [] for c in cols})
    flags = people.assign(
        alumni=1,
        kompeten=(people["bagian_kompeten"] == 1).astype(int),
        wirausaha=(people["bagian_wirausaha"] == 1).astype(int),
        belum_dibantu=(people["bagian_belum_dibantu"] == 1).astype(int),
    )
    flags["prioritas"] = flags["wirausaha"] * flags["belum_dibantu"]
    g = flags.groupby(keys, dropna=False)
    out = g[["alumni", "kompeten", "wirausaha", "belum_dibantu", "prioritas"]].sum()
    out["skor_rata"] = g["skor"].mean().round(2)
    out = out.reset_index()
    return out.sort_values(
        ["prioritas", "alumni", "kecamatan", "desa", "dusun", "rw"],
        ascending=[False, False, True, True, True, True],
        na_position="last",
    ).reset_index(drop=True)[cols]


# --- 6. tracer follow-ups due --------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUps:
    """Follow-up surveys of completed enrolments that are overdue on ``as_of``.

    For each selesai enrolment in scope and each wave N of ``waves`` (months): the nominal date
    (``tanggal_ideal``) is the class end + N calendar months; the survey is overdue when
    ``jatuh_tempo`` = that date + ``tolerance_days`` is before ``as_of`` (due today is not yet
    overdue) and no survey of that enrolment was taken at least N − ``early_months`` whole months
    after the class ended (``an_tracer.bulan_sejak_selesai``). A later survey also settles an
    earlier wave that was missed: the follow-up is to reach the person, and one survey does.

    ``enrolments`` (operators): ``enrolment_id``, ``person_id``, ``kelas_kode``, ``paket``,
    ``nama_paket``, ``kecamatan``, ``nama_kecamatan``, ``desa``, ``nama_desa``, ``tanggal_selesai``,
    ``bulan_survei`` (N), ``tanggal_ideal``, ``jatuh_tempo``, ``hari_terlambat``; most overdue
    first. Counts: ``by_wave`` (``bulan_survei``, ``jumlah``, ``hari_terlambat_maks``),
    ``by_month`` (by ``bulan_jatuh_tempo`` YYYYMM, oldest first), ``by_kecamatan``, ``by_paket``
    and ``by_kelas`` (cohorts), each with ``bulan_<N>`` per wave, ``jumlah`` and
    ``hari_terlambat_maks``, the most overdue group first.
    """

    enrolments: pd.DataFrame
    by_wave: pd.DataFrame
    by_month: pd.DataFrame
    by_kecamatan: pd.DataFrame
    by_paket: pd.DataFrame
    by_kelas: pd.DataFrame
    total: int
    as_of: date
    waves: tuple[int, ...]
    tolerance_days: int
    early_months: int
    scope: Scope


_FOLLOWUP_COLUMNS = [
    "enrolment_id", "person_id", "kelas_kode", "paket", "nama_paket", "kecamatan",
    "nama_kecamatan", "desa", "nama_desa", "tanggal_selesai", "bulan_survei", "tanggal_ideal",
    "jatuh_tempo", "hari_terlambat",
]  # fmt: skip


def tracer_followups(
    engine: Engine, filters: Filters | None = None, as_of: date | None = None
) -> FollowUps:
    """:class:`FollowUps` for the completed enrolments in scope of ``filters`` on ``as_of``
    (default: the data date)."""
    f = filters or Filters()
    p = parameters()
    as_of = _as_of(engine, as_of)
    e, t = AnEnrolment.__table__, AnTracer.__table__
    latest = (
        select(t.c.enrolment_id, func.max(t.c.bulan_sejak_selesai).label("maks"))
        .group_by(t.c.enrolment_id)
        .subquery()
    )
    stmt = (
        select(
            e.c.enrolment_id,
            e.c.person_id,
            e.c.kelas_kode,
            e.c.paket_kode,
            e.c.kecamatan_kode,
            e.c.desa_kode,
            e.c.tanggal_selesai,
            latest.c.maks,
        )  # fmt: skip
        .select_from(e.outerjoin(latest, latest.c.enrolment_id == e.c.enrolment_id))
        .where(cube_condition(CUBES["pendaftaran"], f), e.c.status == "selesai")
    )
    cols = [
        "enrolment_id", "person_id", "kelas_kode", "paket", "kecamatan", "desa",
        "tanggal_selesai", "maks",
    ]  # fmt: skip
    rows = _rows(engine, stmt, cols)
    rows["tanggal_selesai"] = rows["tanggal_selesai"].map(_as_date)
    parts = []
    for n in p.bulan_telusur:
        ideal = {d: months_after(d, n) for d in set(rows["tanggal_selesai"])}
        due = {d: v + timedelta(days=p.toleransi_telusur_hari) for d, v in ideal.items()}
        done = rows["maks"].notna() & (rows["maks"].fillna(-1) >= n - p.telusur_lebih_awal_bulan)
        over = rows["tanggal_selesai"].map(lambda d, due=due: due[d] < as_of).astype(bool)
        part = rows[~done & over].copy()
        part["bulan_survei"] = n
        part["tanggal_ideal"] = part["tanggal_selesai"].map(ideal)
        part["jatuh_tempo"] = part["tanggal_selesai"].map(due)
        parts.append(part)
    df = pd.concat(parts, ignore_index=True) if parts else rows.iloc[0:0]
    names = _names(engine)
    df["hari_terlambat"] = [(as_of - d).days for d in df["jatuh_tempo"]]
    df["nama_paket"] = df["paket"].map(names.paket)
    df["nama_kecamatan"] = df["kecamatan"].map(names.kecamatan)
    df["nama_desa"] = df["desa"].map(names.desa)
    df = df.sort_values(
        ["hari_terlambat", "enrolment_id", "bulan_survei"], ascending=[False, True, True]
    ).reset_index(drop=True)[_FOLLOWUP_COLUMNS]
    df["hari_terlambat"] = df["hari_terlambat"].astype("int64")
    df["bulan_survei"] = df["bulan_survei"].astype("int64")
    waves = p.bulan_telusur
    month = df.assign(bulan_jatuh_tempo=[d.year * 100 + d.month for d in df["jatuh_tempo"]])
    by_wave = (
        df.groupby("bulan_survei")
        .agg(jumlah=("enrolment_id", "size"), hari_terlambat_maks=("hari_terlambat", "max"))
        .reindex(list(waves), fill_value=0)
        .rename_axis("bulan_survei")
        .reset_index()
    )
    by_month = _followup_groups(month, ["bulan_jatuh_tempo"], waves).sort_values(
        "bulan_jatuh_tempo", ignore_index=True
    )
    return FollowUps(
        enrolments=df,
        by_wave=by_wave,
        by_month=by_month,
        by_kecamatan=_followup_groups(df, ["kecamatan", "nama_kecamatan"], waves),
        by_paket=_followup_groups(df, ["paket", "nama_paket"], waves),
        by_kelas=_followup_groups(
            df, ["kelas_kode", "paket", "nama_paket", "tanggal_selesai"], waves
        ),
        total=len(df),
        as_of=as_of,
        waves=waves,
        tolerance_days=p.toleransi_telusur_hari,
        early_months=p.telusur_lebih_awal_bulan,
        scope=scope_of(f),
    )


def _followup_groups(df: pd.DataFrame, keys: list[str], waves: tuple[int, ...]) -> pd.DataFrame:
    wave_cols = [f"bulan_{n}" for n in waves]
    if df.empty:
        return pd.DataFrame({c: [] for c in [*keys, *wave_cols, "jumlah", "hari_terlambat_maks"]})
    counts = (
        df.pivot_table(index=keys, columns="bulan_survei", values="enrolment_id", aggfunc="size")
        .reindex(columns=list(waves))
        .fillna(0)
        .astype("int64")
    )
    counts.columns = wave_cols
    counts["jumlah"] = counts[wave_cols].sum(axis=1)
    counts["hari_terlambat_maks"] = df.groupby(keys)["hari_terlambat"].max()
    out = counts.reset_index()
    return out.sort_values(
        ["hari_terlambat_maks", "jumlah", *keys[:1]], ascending=[False, False, True]
    ).reset_index(drop=True)


# --- 7. KUR pipeline -----------------------------------------------------------------------------

KUR_STAGES = ("diajukan", "disetujui", "disalurkan", "ditolak")  # pipeline order


@dataclass(frozen=True)
class KurPipeline:
    """KUR aid records of persons in scope (the ``bantuan`` cube: persons in scope with an
    enrolment in a class in scope; aid dates are not filtered by year).

    ``by_status``: every status in :data:`KUR_STAGES` order with
    ``catatan`` (records), ``penerima`` (persons) and ``nilai_rp``. ``waiting``: the records still
    ``diajukan`` (operators: ``aid_id``, ``person_id``, ``kecamatan``, ``nama_kecamatan``,
    ``desa``, ``nama_desa``, ``tanggal``, ``nilai_rupiah``, ``hari_menunggu`` = data date −
    application date, at least 0), longest-waiting first. ``diajukan``, ``median_hari``,
    ``maks_hari`` and ``lama`` (waiting more than ``batas_lama_hari``) summarise it.
    """

    by_status: pd.DataFrame
    waiting: pd.DataFrame
    diajukan: int
    median_hari: float | None
    maks_hari: int | None
    lama: int
    batas_lama_hari: int
    as_of: date
    scope: Scope


def kur_pipeline(
    engine: Engine, filters: Filters | None = None, as_of: date | None = None
) -> KurPipeline:
    """:class:`KurPipeline` under ``filters`` on ``as_of`` (default: the data date)."""
    f = filters or Filters()
    p = parameters()
    as_of = _as_of(engine, as_of)
    df = query(
        engine,
        ["catatan_bantuan", "penerima_bantuan", "nilai_bantuan_rp"],
        by=["jenis", "status_bantuan"],
        filters=f,
    )
    kur = df[df["jenis"] == "kur"].set_index("status_bantuan")
    by_status = pd.DataFrame(
        {
            "status": list(KUR_STAGES),
            "catatan": [int(kur["catatan_bantuan"].get(st, 0)) for st in KUR_STAGES],
            "penerima": [int(kur["penerima_bantuan"].get(st, 0)) for st in KUR_STAGES],
            "nilai_rp": [int(kur["nilai_bantuan_rp"].get(st, 0)) for st in KUR_STAGES],
        }
    )
    a = AnAid.__table__
    stmt = select(
        a.c.aid_id, a.c.person_id, a.c.kecamatan_kode, a.c.desa_kode, a.c.tanggal, a.c.nilai_rupiah
    ).where(cube_condition(CUBES["bantuan"], f), a.c.jenis == "kur", a.c.status == "diajukan")
    cols = ["aid_id", "person_id", "kecamatan", "desa", "tanggal", "nilai_rupiah"]
    waiting = _rows(engine, stmt, cols)
    waiting["tanggal"] = waiting["tanggal"].map(_as_date)
    waiting["hari_menunggu"] = pd.array(
        [max(0, (as_of - d).days) for d in waiting["tanggal"]], "int64"
    )
    names = _names(engine)
    waiting.insert(3, "nama_kecamatan", waiting["kecamatan"].map(names.kecamatan))
    waiting.insert(5, "nama_desa", waiting["desa"].map(names.desa))
    waiting = waiting.sort_values(
        ["hari_menunggu", "aid_id"], ascending=[False, True], ignore_index=True
    )
    days = waiting["hari_menunggu"]
    return KurPipeline(
        by_status=by_status,
        waiting=waiting,
        diajukan=len(waiting),
        median_hari=float(days.median()) if len(days) else None,
        maks_hari=int(days.max()) if len(days) else None,
        lama=int((days > p.kur_tunggu_lama_hari).sum()),
        batas_lama_hari=p.kur_tunggu_lama_hari,
        as_of=as_of,
        scope=scope_of(f),
    )


# --- 8. proposals for the closing slide ----------------------------------------------------------

PROPOSAL_KINDS = (
    "buka_kelas",  # open classes of the best packages where the fair share is furthest off
    "desa_tanpa_peserta",  # reach villages with eligible residents and no participant
    "desa_kebutuhan_terbesar",  # (when every village has someone) the largest unmet need
    "telusur_alumni",  # follow up the cohorts with most overdue tracer surveys
    "percepat_kur",  # settle the KUR applications waiting longest
    "modal_dusun_rw",  # capital aid where most business alumni have had no help yet
)


@dataclass(frozen=True)
class Subject:
    """What a proposal is about: ``jenis`` is ``paket``, ``kecamatan``, ``desa``, ``kelas`` or
    ``dusun_rw`` (then ``kode`` is the village code, ``nama`` the dusun and ``rw`` the RW)."""

    jenis: str
    kode: str
    nama: str
    induk: str | None = None  # name of the enclosing area (kecamatan of a desa, desa of a dusun)
    rw: str | None = None


@dataclass(frozen=True)
class Proposal:
    """One data-derived proposal: ``kind`` (:data:`PROPOSAL_KINDS`), its subjects, its key
    ``figure`` in ``unit`` (``kelas``, ``desa``, ``orang``, ``survei``, ``catatan``) and further
    figures in ``details`` (name, value) for the sentence the page or deck writes."""

    kind: str
    subjects: tuple[Subject, ...]
    figure: int | float
    unit: str
    details: tuple[tuple[str, int | float | str | None], ...] = ()


TOP_SUBJECTS = 3  # subjects named per proposal
TOP_PACKAGES = 2  # packages proposed per area
TOP_AREAS = 2  # kecamatan proposed for new classes


def proposals(
    engine: Engine, filters: Filters | None = None, as_of: date | None = None, *, limit: int = 6
) -> tuple[Proposal, ...]:
    """:func:`proposals_from` the results of the functions above for ``filters`` and ``as_of``
    (default: the data date). A caller that already holds those results (a page showing them
    all) passes them to :func:`proposals_from` instead and computes nothing twice."""
    f = filters or Filters()
    as_of = _as_of(engine, as_of)
    return proposals_from(
        status(engine, f, as_of),
        packages(engine, f),
        kecamatan_by_need(engine, f),
        villages_by_need(engine, f),
        tracer_followups(engine, f, as_of),
        kur_pipeline(engine, f, as_of),
        alumni_priority(engine, f),
        limit=limit,
    )


def proposals_from(
    st: Status,
    ranking: PackageRanking,
    kecamatan: NeedRanking,
    villages: NeedRanking,
    fu: FollowUps,
    kur: KurPipeline,
    alumni: AlumniPriority,
    *,
    limit: int = 6,
) -> tuple[Proposal, ...]:
    """Up to ``limit`` (at most 6) proposals in this order, each only when the data supports it
    (so an empty or complete programme yields fewer than 3):

    1. ``buka_kelas`` (up to two): while classes are still needed (:func:`status`), the
       kecamatan furthest below their fair share (:func:`kecamatan_by_need`; if none is below it,
       the largest unmet need), each with the two best-ranked packages (:func:`packages`);
       figure: classes of the class size to close the shortfall, shared out of
       ``kelas_dibutuhkan`` in that order.
    2. ``desa_tanpa_peserta``: the villages with sasaran and no peserta (figure: how many;
       subjects: the three with most sasaran) or else ``desa_kebutuhan_terbesar`` (figure:
       the unmet need of the top three villages).
    3. ``telusur_alumni``: overdue follow-up surveys (figure), subjects the three classes with
       most.
    4. ``percepat_kur``: KUR applications still pending (figure), with the longest and median wait.
    5. ``modal_dusun_rw``: alumni in business without help yet (figure), subjects the three
       dusun/RW with most.

    Figures follow the filters of the results given, as those functions do (the class need is
    programme-wide). ``villages`` must be the full ranking (no ``limit``).
    """
    out: list[Proposal] = []
    best = ranking.table[ranking.table["diperingkat"]].head(TOP_PACKAGES)
    kec = kecamatan.table
    if st.kelas_dibutuhkan > 0 and not best.empty:
        short = kec[kec["kurang_dari_bagian_wajar"].fillna(0) > 0].sort_values(
            ["kurang_dari_bagian_wajar", "kecamatan"], ascending=[False, True]
        )
        use_fair = not short.empty
        areas = short if use_fair else kec[kec["kebutuhan_belum_terlayani"] > 0]
        left = st.kelas_dibutuhkan
        size = st.kapasitas_kelas
        for row in areas.head(TOP_AREAS).itertuples(index=False):
            if left <= 0:
                break
            gap = int(row.kurang_dari_bagian_wajar if use_fair else row.kebutuhan_belum_terlayani)
            classes = min(left, plan.classes_needed(gap, size))
            left -= classes
            subjects = (
                Subject("kecamatan", row.kecamatan, row.nama_kecamatan),
                *(Subject("paket", b.paket, b.nama) for b in best.itertuples(index=False)),
            )
            details = (
                ("kekurangan_orang", gap),
                ("dasar", "bagian_wajar" if use_fair else "kebutuhan_belum_terlayani"),
                ("bagian_wajar", _plain(row.bagian_wajar)),
                ("peserta", int(row.peserta)),
                ("kelas_dibutuhkan_program", st.kelas_dibutuhkan),
                *(
                    (f"{ranking.sort_key}:{b.paket}", _plain(getattr(b, ranking.sort_key)))
                    for b in best.itertuples(index=False)
                ),
            )
            out.append(Proposal("buka_kelas", subjects, classes, "kelas", details))
    villages = villages.table
    none = villages[villages["tanpa_peserta"]].sort_values(
        ["sasaran", "desa"], ascending=[False, True]
    )
    if not none.empty:
        top = none.head(TOP_SUBJECTS)
        out.append(
            Proposal(
                "desa_tanpa_peserta",
                tuple(_village(r) for r in top.itertuples(index=False)),
                len(none),
                "desa",
                (("sasaran", int(none["sasaran"].sum())),),
            )
        )
    else:
        top = villages[villages["kebutuhan_belum_terlayani"] > 0].head(TOP_SUBJECTS)
        if not top.empty:
            out.append(
                Proposal(
                    "desa_kebutuhan_terbesar",
                    tuple(_village(r) for r in top.itertuples(index=False)),
                    int(top["kebutuhan_belum_terlayani"].sum()),
                    "orang",
                    (("cakupan_terendah", _plain(top["cakupan"].min())),),
                )
            )
    if fu.total:
        cohorts = fu.by_kelas.sort_values(
            ["jumlah", "hari_terlambat_maks", "kelas_kode"], ascending=[False, False, True]
        ).head(TOP_SUBJECTS)
        out.append(
            Proposal(
                "telusur_alumni",
                tuple(Subject("kelas", r.kelas_kode, r.nama_paket) for r in cohorts.itertuples()),
                fu.total,
                "survei",
                (
                    ("pendaftaran", int(fu.enrolments["enrolment_id"].nunique())),
                    ("hari_terlambat_maks", int(fu.enrolments["hari_terlambat"].max())),
                ),
            )
        )
    if kur.diajukan:
        out.append(
            Proposal(
                "percepat_kur",
                (),
                kur.diajukan,
                "catatan",
                (
                    ("maks_hari", kur.maks_hari),
                    ("median_hari", kur.median_hari),
                    ("lama", kur.lama),
                    ("batas_lama_hari", kur.batas_lama_hari),
                ),
            )
        )
    groups = alumni.by_dusun_rw
    wanted = groups[groups["prioritas"] > 0]
    if not wanted.empty:
        out.append(
            Proposal(
                "modal_dusun_rw",
                tuple(
                    Subject("dusun_rw", r.desa, _text(r.dusun) or "", r.nama_desa, _text(r.rw))
                    for r in wanted.head(TOP_SUBJECTS).itertuples(index=False)
                ),
                int(wanted["prioritas"].sum()),
                "orang",
                (("dusun_rw", len(wanted)),),
            )
        )
    return tuple(out[: min(limit, 6)])


def _text(v) -> str | None:
    return v if isinstance(v, str) else None


def _count(v) -> int:
    return 0 if v is None or pd.isna(v) else int(v)


def _village(r) -> Subject:
    return Subject("desa", r.desa, r.nama_desa, r.nama_kecamatan)


def _plain(v):
    if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)):
        return None
    return v.item() if hasattr(v, "item") else v


__all__ = [
    "PACKAGE_RATES",
    "PROPOSAL_KINDS",
    "SCORE_PARTS",
    "STATUS_KEYS",
    "AlumniPriority",
    "KUR_STAGES",
    "FairShare",
    "FollowUps",
    "KurPipeline",
    "NeedRanking",
    "PackageRanking",
    "Parameters",
    "Proposal",
    "Scope",
    "Status",
    "Subject",
    "alumni_priority",
    "fair_share",
    "first_starts",
    "kecamatan_by_need",
    "kur_pipeline",
    "months_after",
    "packages",
    "parameters",
    "person_identities",
    "progress_series",
    "proposals",
    "proposals_from",
    "scope_of",
    "status",
    "tracer_followups",
    "villages_by_need",
    "wilson",
]


# --- person identities (operators' lists on /rencana) ---------------------------------------------


def person_identities(engine: Engine, person_ids) -> pd.DataFrame:
    """``person_id``, ``nama``, ``nik`` (unmasked) of the given registry persons, for the
    operators' lists of :func:`alumni_priority`, :func:`tracer_followups` and
    :func:`kur_pipeline`. Only the caller that may show persons asks, and it masks the NIK
    (``lib.core.fmt.mask_nik``); the birth date is never read here."""
    ids = sorted({int(i) for i in person_ids})
    rows: list[tuple] = []
    with engine.connect() as conn:
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            stmt = select(Person.id, Person.nama, Person.nik).where(Person.id.in_(chunk))
            rows.extend(tuple(r) for r in conn.execute(stmt))
    return pd.DataFrame(rows, columns=["person_id", "nama", "nik"])
