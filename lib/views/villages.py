"""Per-village figures for ``/peta`` (Peta Desa), from the semantic layer.

For each of the regency's villages: the participants, completers and placed alumni (all filters
apply) and the eligible registry persons (the measure ``sasaran``; person filters only), from one
:func:`lib.semantic.query.query` by ``desa``. ``in_scope`` marks the villages that the
``kecamatan`` and ``desa`` filters keep: the others have zeros and are drawn as context on the map.

Rates are the registry's ratios of the summed parts: ``cakupan`` = peserta / sasaran × 100 and
``persen_penempatan`` = ditempatkan / selesai × 100. A person lives in one village, so the village
counts add up to the ``kpi`` figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from lib.core.filters import Filters
from lib.semantic import query as semantic
from lib.semantic.measures import PLACED  # noqa: F401  (re-exported for the map legend)

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy import Engine


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
    "kebutuhan_belum_terlayani",
    "selesai",
    "ditempatkan",
    "persen_penempatan",
    "in_scope",
)


def _add_rates(df: pd.DataFrame) -> pd.DataFrame:
    _add_need(df)
    df["cakupan"] = pd.array(
        [semantic.percent(p, e) for p, e in zip(df["peserta"], df["warga_sasaran"], strict=True)],
        dtype="Float64",
    )
    df["persen_penempatan"] = pd.array(
        [semantic.percent(p, s) for p, s in zip(df["ditempatkan"], df["selesai"], strict=True)],
        dtype="Float64",
    )
    return df


def village_stats(engine: Engine, f: Filters) -> pd.DataFrame:
    """Per-village figures for ``f`` (columns :data:`COLUMNS`), every village of the regency."""
    counts = ["peserta", "sasaran", "selesai", "ditempatkan"]
    scoped = semantic.query(engine, counts, ["desa"], f, complete=True).set_index("desa")
    df = semantic.village_table(engine).rename(columns={"nama": "desa"})
    df["in_scope"] = df["kode"].isin(scoped.index)
    for col in counts:
        df[col] = df["kode"].map(scoped[col]).fillna(0).astype("int64")
    df = df.rename(columns={"sasaran": "warga_sasaran"})
    return _add_rates(df)[list(COLUMNS)]


def _add_need(df: pd.DataFrame) -> pd.DataFrame:
    """``kebutuhan_belum_terlayani``: eligible residents minus participants, never below 0 (the
    registry measure's rule, on the summed parts)."""
    df["kebutuhan_belum_terlayani"] = (df["warga_sasaran"] - df["peserta"]).clip(lower=0)
    return df


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
        "kebutuhan_belum_terlayani": int(villages["kebutuhan_belum_terlayani"].sum()),
        "cakupan": semantic.percent(counts["peserta"], counts["warga_sasaran"]),
        "persen_penempatan": semantic.percent(counts["ditempatkan"], counts["selesai"]),
    }
