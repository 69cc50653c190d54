"""Post-training outcomes for ``/hasil`` (Hasil Pasca Pelatihan), as data.

Every figure comes from the semantic layer: :func:`lib.semantic.query.query` (the measures of the
registry, :mod:`lib.semantic.measures`) and, for the one per-person rule that is not a plain
aggregate, :func:`lib.semantic.outcomes.by_months`. This module only shapes those results for
tables and charts; it holds no SQL and no rule of its own.

The outcome of a completer is the status of their latest tracer survey over all of their
enrolments; completers never surveyed are *tidak terlacak* (the outcome measures of the registry).

By package and by cohort year, a row counts the persons who completed a class of that package (of
that year) in scope, each with their latest status: a row equals the indicators with that
package (year) added to the filters, as on ``/paket``. A person who completed classes of two
packages counts in both rows, so rows may add up to more than the total.

By months since completion, each ``selesai`` person counts once, under their **reference class**
(*kelas acuan*): the most recent class in scope that they completed. Months are whole calendar
months from that class's end date to the date of the latest survey (a survey dated before that
end, possible when the latest survey belongs to an earlier enrolment, counts as 0), grouped as
≤3, 4–6, 7–12 and >12; persons never surveyed have no bucket. The buckets add up to the surveyed
``selesai`` persons (:func:`lib.semantic.outcomes.by_months`).

There is one placement rate, the registry's ``persen_penempatan`` (placed / completers). The
funnel shows each stage's count and the rate declared for that stage (``persen_selesai``,
``persen_kompeten``, ``persen_penempatan``), never a second placement rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from lib.core.filters import Filters
from lib.semantic import guard, measures, query
from lib.semantic import outcomes as semantic_outcomes
from lib.semantic.measures import APPROVED_AID, OUTCOMES, PLACED, STATUSES

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy import Engine

MONTH_BUCKETS = semantic_outcomes.MONTH_BUCKETS
AID_STATUS_ORDER = ("diajukan", "disetujui", "disalurkan", "ditolak")
AID_KINDS = ("kur", "peralatan", "modal_dusun_rw")
KUR_STAGES = ("diajukan", "disetujui", "disalurkan", "ditolak")
INCOME_STATUSES = PLACED  # income is asked of the employed and the self-employed

# Funnel stage -> (count measure, the rate measure declared for that stage or None).
FUNNEL = {
    "terdaftar": ("pernah_terdaftar", None),
    "selesai": ("selesai", "persen_selesai"),
    "kompeten": ("kompeten", "persen_kompeten"),
    "bekerja_wirausaha": ("ditempatkan", "persen_penempatan"),
    "penerima_kur": ("penerima_kur", None),
}
FUNNEL_STAGES = tuple(FUNNEL)

STATUS_MEASURES = (*STATUSES, "selesai", "persen_penempatan")
INCOME_MEASURES = ("median_pendapatan_sebelum", "median_pendapatan_sesudah", "n_pendapatan")
AID_MEASURES = {
    "catatan_bantuan": "catatan",
    "nilai_bantuan_rp": "nilai_rp",
    "penerima_bantuan": "orang",
}


@dataclass(frozen=True)
class Outcomes:
    """What ``/hasil`` shows besides the indicator cards (small, already aggregated frames)."""

    by_paket: pd.DataFrame  # paket + STATUS_MEASURES (query by paket)
    by_tahun: pd.DataFrame  # tahun + STATUS_MEASURES (query by tahun)
    by_bulan: pd.DataFrame  # bulan (month bucket), status, orang
    packages: dict  # package code -> name
    income: pd.DataFrame  # status, paket_kode, paket, sebelum, sesudah, n (paket_kode "" = all)
    aid: pd.DataFrame  # jenis, status, catatan, nilai_rp, orang
    stages: dict  # the funnel's measures (counts and rates), from query.values

    @property
    def terdaftar(self) -> int:
        return int(self.stages["pernah_terdaftar"])

    @property
    def penerima_kur(self) -> int:
        return int(self.stages["penerima_kur"])


def income_frame(engine: Engine, f: Filters, names: dict) -> pd.DataFrame:
    """Median income before and after of completers whose latest status is bekerja or wirausaha,
    per status for all packages (``paket_kode`` "") and per status × package."""
    parts = []
    for by in (["status_kerja"], ["status_kerja", "paket"]):
        df = query.query(engine, INCOME_MEASURES, by, f)
        df = df[df["status_kerja"].isin(INCOME_STATUSES) & (df["n_pendapatan"] > 0)]
        paket = df["paket"] if "paket" in df.columns else pd.Series("", index=df.index)
        parts.append(
            pd.DataFrame(
                {
                    "status": df["status_kerja"].astype(str),
                    "paket_kode": paket.astype(str),
                    "sebelum": df["median_pendapatan_sebelum"],
                    "sesudah": df["median_pendapatan_sesudah"],
                    "n": df["n_pendapatan"].astype("int64"),
                }
            )
        )
    out = pd.concat(parts, ignore_index=True)
    out.insert(2, "paket", out["paket_kode"].map(names).fillna(""))
    out = out.sort_values(["status", "paket_kode"], kind="stable").reset_index(drop=True)
    return out.astype({"sebelum": "Float64", "sesudah": "Float64", "n": "int64"})


def aid_frame(engine: Engine, f: Filters) -> pd.DataFrame:
    """Aid records of persons in scope by kind and status: ``jenis, status, catatan, nilai_rp,
    orang`` (records, rupiah, distinct recipients)."""
    df = query.query(engine, list(AID_MEASURES), ["jenis", "status_bantuan"], f)
    df = df.rename(columns={"status_bantuan": "status", **AID_MEASURES})
    return df.astype({"catatan": "int64", "nilai_rp": "int64", "orang": "int64"})


PARTS = ("stages", "paket", "tahun", "bulan", "income", "aid")
# What each section of /hasil reads (its tabs are lazy: a tab computes only its own part).
SECTION_PARTS = {
    "funnel": ("stages",),
    "paket": ("paket",),
    "tahun": ("tahun",),
    "bulan": ("bulan",),
    "income": ("income",),
    "kur": ("aid",),
    "aid": ("aid",),
}


def compute(engine: Engine, f: Filters, parts: tuple[str, ...] = PARTS) -> Outcomes:
    """The outcome aggregates of ``/hasil`` for ``f``; ``parts`` (of :data:`PARTS`) says which
    to compute, the others are left empty (a frame without rows, an empty dict)."""
    names = semantic_outcomes.package_names(engine) if {"paket", "income"} & set(parts) else {}
    stage_measures = [m for pair in FUNNEL.values() for m in pair if m]
    empty = pd.DataFrame()
    return Outcomes(
        by_paket=query.query(engine, STATUS_MEASURES, ["paket"], f) if "paket" in parts else empty,
        by_tahun=query.query(engine, STATUS_MEASURES, ["tahun"], f) if "tahun" in parts else empty,
        by_bulan=semantic_outcomes.by_months(engine, f) if "bulan" in parts else empty,
        packages=names,
        income=income_frame(engine, f, names) if "income" in parts else empty,
        aid=aid_frame(engine, f) if "aid" in parts else empty,
        stages=query.values(engine, stage_measures, f) if "stages" in parts else {},
    )


# --- shaping the aggregates for tables and charts (no SQL, no new figure) ----------------------


def status_table(out: Outcomes, by: str) -> pd.DataFrame:
    """Persons per ``by`` (``paket``, ``tahun`` or ``bulan``) × latest status.

    Packages and years: ``by`` (``paket_kode`` and ``paket`` for packages), the :data:`STATUSES`,
    ``selesai`` and ``persen_penempatan``, straight from :func:`lib.semantic.query.query`; only
    rows with completers. Month buckets: ``bulan`` (all four, in order), the :data:`OUTCOMES` and
    ``selesai`` (the surveyed completers of the bucket, the row total); no rate, since a rate over
    surveyed persons would be a second placement rate.
    """
    if by == "bulan":
        df = out.by_bulan
        wide = df.pivot_table(index="bulan", columns="status", values="orang", aggfunc="sum")
        wide = wide.reindex(index=list(MONTH_BUCKETS), columns=list(OUTCOMES))
        wide = wide.fillna(0).astype("int64").reset_index()
        wide.columns.name = None
        wide["selesai"] = wide[list(OUTCOMES)].sum(axis=1).astype("int64")
        return wide
    df = {"paket": out.by_paket, "tahun": out.by_tahun}[by]
    df = df[df["selesai"] > 0].copy()
    if by == "paket":
        df = df.rename(columns={"paket": "paket_kode"})
        df.insert(1, "paket", df["paket_kode"].map(out.packages))
        df = df.sort_values(["selesai", "paket_kode"], ascending=[False, True], kind="stable")
    else:
        df["tahun"] = df["tahun"].astype("int64")
        df = df.sort_values("tahun", kind="stable")
    return df.reset_index(drop=True)


def kur_pipeline(aid: pd.DataFrame) -> pd.DataFrame:
    """KUR stages: diajukan (all records), disetujui (approved or disbursed: the ``kur_disetujui``
    indicator), disalurkan, and ditolak; each with records and rupiah (sums of the disjoint
    status rows of :func:`aid_frame`)."""
    kur = aid[aid["jenis"] == "kur"]

    def stage(statuses) -> dict:
        part = kur[kur["status"].isin(statuses)]
        return {
            "catatan": int(part["catatan"].sum()),
            "nilai_rp": int(part["nilai_rp"].sum()),
        }

    rows = {
        "diajukan": stage(AID_STATUS_ORDER),
        "disetujui": stage(APPROVED_AID),
        "disalurkan": stage(("disalurkan",)),
        "ditolak": stage(("ditolak",)),
    }
    return pd.DataFrame([{"tahap": k, **v} for k, v in rows.items()])


def aid_status_table(aid: pd.DataFrame, kinds=("peralatan", "modal_dusun_rw")) -> pd.DataFrame:
    """Records and rupiah per aid kind × status (statuses in pipeline order), all statuses shown."""
    index = pd.MultiIndex.from_product(
        [list(kinds), list(AID_STATUS_ORDER)], names=["jenis", "status"]
    )
    part = aid[aid["jenis"].isin(kinds)].set_index(["jenis", "status"])[
        ["catatan", "nilai_rp", "orang"]
    ]
    out = part.reindex(index, fill_value=0).reset_index()
    return out.astype({"catatan": "int64", "nilai_rp": "int64", "orang": "int64"})


def funnel(out: Outcomes, small: int | None = None) -> pd.DataFrame:
    """Ever enrolled → selesai → kompeten → bekerja/wirausaha → KUR: ``tahap``, ``orang`` (the
    stage's count measure), ``ukuran`` (the key of the stage's declared rate, "" where there is
    none) and ``persen`` (that rate).

    ``small``: the small-count threshold for a leadership viewer. Each row's rate has its own base
    (another row's count), which the table's column policies cannot see, so it is hidden here
    (missing, written ``–``) wherever its base or the stage's own count is from 1 to ``small`` − 1:
    a rate beside a shown base would give a hidden count back. The counts themselves are hidden
    by the renderers (``orang`` is a count)."""
    rows = []
    for stage, (count, rate) in FUNNEL.items():
        value = out.stages[rate] if rate else None
        if rate and small is not None:
            base = measures.BY_KEY[rate].base
            if any(guard.hides(out.stages[k], small) for k in (count, base) if k):
                value = None
        rows.append(
            {"tahap": stage, "orang": int(out.stages[count]), "ukuran": rate or "", "persen": value}
        )
    df = pd.DataFrame(rows)
    df["persen"] = pd.array(df["persen"].tolist(), dtype="Float64")
    return df
