"""Page data for Ringkasan, Kuota & Kemajuan and Paket Pelatihan, from the semantic layer.

Every function takes an engine and :class:`~lib.core.filters.Filters` (plus plain values) and returns
a small pandas DataFrame or dict built from :func:`lib.semantic.query.query` (measures × dimensions
× filters), so a row for one package or one year equals the ``kpi`` figures for that package or year.
The dashboard reaches these through :mod:`lib.app.cache`; the CLI and the briefing call them
directly. No SQL here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from lib.core.config import settings
from lib.core.filters import Filters, load_reference
from lib.semantic import query as semantic
from lib.semantic import series
from lib.semantic.query import percent

if TYPE_CHECKING:  # pragma: no cover
    from sqlalchemy import Engine


def peserta(engine: Engine, f: Filters) -> int:
    """The indicator ``peserta`` alone, e.g. for the whole programme's pace."""
    return int(semantic.values(engine, ["peserta"], f)["peserta"])


def quota_progress(engine: Engine, f: Filters) -> dict[str, int | float | None]:
    """``kuota``, ``peserta`` and ``persen_kuota`` (one query)."""
    return semantic.values(engine, ["kuota", "peserta", "persen_kuota"], f)


def cumulative(engine: Engine, f: Filters) -> pd.DataFrame:
    """Cumulative peserta and selesai by date (:func:`lib.semantic.series.cumulative`)."""
    return series.cumulative(engine, f)


def per_year(engine: Engine, f: Filters) -> pd.DataFrame:
    """Per class year: ``tahun, kelas, kursi, terisi, peserta, selesai, target, persen_target``.

    Class counts follow the class filters only; ``peserta``/``selesai`` follow all filters (a person
    trained in two years counts in both). ``target`` is the annual target of the programme settings
    (0 when the year has none) and ``persen_target`` = peserta / target × 100; the targets are
    regency-wide, so pages and the deck show them only where
    :func:`lib.semantic.measures.annual_targets_apply` says so. Years: those with classes in scope and, unless a
    year filter is set, the years of the annual targets.
    """
    df = semantic.query(engine, ["kelas", "kursi", "terisi", "peserta", "selesai"], ["tahun"], f)
    targets = settings().target_tahunan
    years = set(df["tahun"].astype(int)) | (set(f.tahun) if f.tahun else set(targets))
    df = df.set_index(df["tahun"].astype(int)).reindex(sorted(years), fill_value=0)
    df["tahun"] = df.index.astype("int64")
    df = df.reset_index(drop=True)
    df["target"] = [int(targets.get(y, 0)) for y in df["tahun"]]
    df["persen_target"] = [percent(p, g) for p, g in zip(df["peserta"], df["target"], strict=True)]
    cols = ["tahun", "kelas", "kursi", "terisi", "peserta", "selesai", "target", "persen_target"]
    return df[cols].astype({c: "int64" for c in cols[:-1]})


def per_village(engine: Engine, f: Filters) -> pd.DataFrame:
    """Per village in the person filters: ``kode, nama, kecamatan_kode, kecamatan, peserta,
    warga_sasaran`` (the measure ``sasaran``: eligible residents on the data date)."""
    df = semantic.query(engine, ["peserta", "sasaran"], ["desa"], f, complete=True)
    ref = load_reference(str(engine.url), "")
    df["nama"] = [ref.villages[k][0] for k in df["desa"]]
    df["kecamatan_kode"] = [ref.villages[k][1] for k in df["desa"]]
    df["kecamatan"] = [ref.kecamatan[k] for k in df["kecamatan_kode"]]
    df = df.rename(columns={"desa": "kode", "sasaran": "warga_sasaran"})
    return df[["kode", "nama", "kecamatan_kode", "kecamatan", "peserta", "warga_sasaran"]]


def per_kecamatan(villages: pd.DataFrame) -> pd.DataFrame:
    """Per kecamatan from :func:`per_village`: ``kode, nama, peserta, persen_peserta,
    warga_sasaran, per_1000_sasaran`` (largest number of participants first).

    ``persen_peserta`` is the kecamatan's share of the participants in scope (a person lives in one
    village, so the shares add up to 100 %).
    """
    cols = ["kode", "nama", "peserta", "persen_peserta", "warga_sasaran", "per_1000_sasaran"]
    if villages.empty:
        return pd.DataFrame(columns=cols)
    g = (
        villages.groupby(["kecamatan_kode", "kecamatan"], as_index=False)[
            ["peserta", "warga_sasaran"]
        ]
        .sum()
        .rename(columns={"kecamatan_kode": "kode", "kecamatan": "nama"})
    )
    total = int(g["peserta"].sum())
    g["persen_peserta"] = [percent(p, total) for p in g["peserta"]]
    g["per_1000_sasaran"] = [
        semantic.rate(p, e, 1000) for p, e in zip(g["peserta"], g["warga_sasaran"], strict=True)
    ]
    g = g.sort_values(["peserta", "kode"], ascending=[False, True]).reset_index(drop=True)
    return g[cols]


def per_thousand(numerator: int, denominator: int) -> float | None:
    """``numerator / denominator × 1000`` to one decimal (half-up); ``None`` for a 0 denominator."""
    return semantic.rate(numerator, denominator, 1000)


PACKAGE_COLUMNS = [
    "kode", "nama", "kejuruan", "kelas", "kursi", "terisi", "persen_keterisian", "peserta",
    "selesai", "persen_selesai", "kompeten", "persen_kompeten", "ditempatkan",
    "persen_penempatan",
]  # fmt: skip


def packages(engine: Engine, f: Filters) -> pd.DataFrame:
    """One row per catalogue package (within the ``paket``/``kejuruan`` filters), in code order.

    Class columns follow the class filters; person columns follow all filters. Each row equals the
    ``kpi`` figures with ``paket`` set to that package.
    """
    wanted = PACKAGE_COLUMNS[3:]
    df = semantic.query(engine, wanted, ["paket"], f, complete=True)
    ref = load_reference(str(engine.url), "")
    df["nama"] = [ref.packages[k][0] for k in df["paket"]]
    df["kejuruan"] = [ref.packages[k][1] for k in df["paket"]]
    df = df.rename(columns={"paket": "kode"})
    return df[PACKAGE_COLUMNS]


def package_year(engine: Engine, f: Filters) -> pd.DataFrame:
    """Per package and class year with classes in scope: ``paket, tahun, kelas, peserta``."""
    df = semantic.query(engine, ["kelas", "peserta"], ["paket", "tahun"], f)
    df = df[df["kelas"] > 0].reset_index(drop=True)
    df["tahun"] = df["tahun"].astype("int64")
    return df[["paket", "tahun", "kelas", "peserta"]]
