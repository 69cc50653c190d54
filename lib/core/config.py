"""Where Pantau finds its database, its reference data and its programme settings.

Nothing about a particular regency lives in code: it is all in ``data/`` (or in the folder named by
``PANTAU_DATA_DIR``), so another regency swaps files, not code.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parents[2]
DEFAULT_SQLITE_PATH = PROJECT_DIR / "data" / "pantau.db"


def data_dir() -> Path:
    return Path(os.environ.get("PANTAU_DATA_DIR", PROJECT_DIR / "data"))


def database_url(explicit: str | None = None) -> str:
    """Resolve the database URL: explicit > DATABASE_URL > secrets.toml > SQLite default (README)."""
    if explicit:
        return normalise_url(explicit)
    env = os.environ.get("DATABASE_URL")
    if env:
        return normalise_url(env)
    secrets = PROJECT_DIR / ".streamlit" / "secrets.toml"
    if secrets.exists():
        with secrets.open("rb") as fh:
            url = tomllib.load(fh).get("connections", {}).get("pantau", {}).get("url")
        if url:
            return normalise_url(url)
    return f"sqlite:///{DEFAULT_SQLITE_PATH}"


def normalise_url(url: str) -> str:
    """Use psycopg 3 for PostgreSQL URLs that name no driver (``postgres://`` and ``postgresql://``)."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


@dataclass(frozen=True)
class Settings:
    """Programme settings from ``programme.toml``."""

    nama: str
    nama_singkat: str
    penyelenggara: str
    kuota: int
    tanggal_mulai: date
    lama_tahun: int
    kapasitas_kelas: int
    usia_produktif_min: int
    usia_produktif_max: int
    usia_dewasa: int
    desil_sasaran_max: int
    target_tahunan: dict[int, int]
    wilayah_kode: str
    wilayah_nama: str
    provinsi: str
    peta_lat: float
    peta_lon: float
    peta_zoom: float
    batas_desa: str
    properti_kode: str
    ambang_sel_kecil: int
    supresi_aktif: bool
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def tanggal_selesai(self) -> date:
        """Last day of the programme: the day before the anniversary ``lama_tahun`` years on."""
        from datetime import timedelta

        end = self.tanggal_mulai.replace(year=self.tanggal_mulai.year + self.lama_tahun)
        return end - timedelta(days=1)

    @property
    def wilayah_kode_digits(self) -> str:
        return self.wilayah_kode.replace(".", "")

    def boundaries_path(self) -> Path | None:
        """The configured village-boundary GeoJSON, if one is configured and exists."""
        raw = os.environ.get("PANTAU_BOUNDARIES", self.batas_desa or "")
        if not raw:
            return None
        path = Path(raw)
        if not path.is_absolute():
            path = PROJECT_DIR / path
        return path if path.is_file() else None


@lru_cache(maxsize=4)
def _load_settings(path: Path) -> Settings:
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    prog, wil, peta, priv = (
        raw["program"],
        raw["wilayah"],
        raw.get("peta", {}),
        raw.get("privasi", {}),
    )
    return Settings(
        nama=prog["nama"],
        nama_singkat=prog.get("nama_singkat", prog["nama"]),
        penyelenggara=prog.get("penyelenggara", ""),
        kuota=int(prog["kuota"]),
        tanggal_mulai=prog["tanggal_mulai"],
        lama_tahun=int(prog["lama_tahun"]),
        kapasitas_kelas=int(prog["kapasitas_kelas"]),
        usia_produktif_min=int(prog["usia_produktif_min"]),
        usia_produktif_max=int(prog["usia_produktif_max"]),
        usia_dewasa=int(prog.get("usia_dewasa", 18)),
        desil_sasaran_max=int(prog.get("desil_sasaran_max", 4)),
        target_tahunan={int(k): int(v) for k, v in prog.get("target_tahunan", {}).items()},
        wilayah_kode=wil["kode"],
        wilayah_nama=wil["nama"],
        provinsi=wil.get("provinsi", ""),
        peta_lat=float(wil.get("lat", 0)),
        peta_lon=float(wil.get("lon", 0)),
        peta_zoom=float(wil.get("zoom", 9)),
        batas_desa=peta.get("batas_desa", ""),
        properti_kode=peta.get("properti_kode", "kode"),
        ambang_sel_kecil=int(priv.get("ambang_sel_kecil", 5)),
        supresi_aktif=bool(priv.get("supresi_aktif", True)),
        extra=raw,
    )


def settings() -> Settings:
    return _load_settings(data_dir() / "programme.toml")
