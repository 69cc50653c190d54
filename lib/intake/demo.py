"""Deterministic synthetic demo data for Pantau (``python -m lib.cli seed``, first start of the app).

Everything comes from one ``random.Random(seed)`` and a Faker ``id_ID`` instance seeded with the same
seed; nothing depends on today's date, the global random state or hash ordering. The same seed and
scale always give the same database content.

Choices (where the issue left room):

* **Data date** 31 January 2025 (``DATA_DATE``): six days before the end of the 3-year programme.
  Classes that started after it are ``terdaftar``, classes running on it are ``aktif``.
* **Registry**: 40,000 persons per scale unit, in households (3.3 persons on average) sharing a
  No. KK, dusun, RW, RT and desil. Village weights are deterministic and independent of the seed:
  kelurahan of the town kecamatan Bantaeng (73.03.02) weigh 3.2, kelurahan of Bissappu (73.03.01)
  2.4, other kelurahan 1.7, desa 1.0, each times a fixed jitter of 0.75–1.25 derived from the
  village code (CRC32). Highland desa (Tompo Bulu, Uluere, Sinoa) are poorer (more desil 1–4).
* **Hidden need**: six desa outside the town are drawn per seed as high-need villages: bigger, with
  more desil 1–4, and with few or no participants (recruitment propensity 0–0.15), so the map and
  the "unmet need" list have something to reveal.
* **NIK** = kecamatan digits (e.g. 730301) + DDMMYY of birth (day + 40 for women) + a serial from
  0001 unique per 12-digit prefix. **No. KK** = kecamatan digits + DDMMYY of issue (2005–2021) + a
  serial unique per prefix.
* **Programme**: the launch intake (13 classes of 16 in 13 distinct packages on the programme start
  date, all at BLK Bantaeng), then 19 more classes in the first year, 31 and 30 in the next two,
  three classes starting in January of the final year (``aktif`` on the data date) and two starting
  on the first Monday of February (``terdaftar``). Five packages never run. Durations are the
  package's JP at 8 JP per working day (Monday–Friday); no class starts in the two weeks before or
  the week after Idul Fitri. The total intake is then steered to ``TARGET_ENROLMENTS`` (1,490 per
  scale unit) by adding or removing single seats, so every seed gives about 1,350–1,400 distinct
  participants (the ``peserta`` indicator) at scale 1.
* **Scale N** multiplies the registry and every class count (the launch becomes N classes in each
  of the 13 launch packages on the start date, angkatan A01…AN). The quota indicators are only
  Bantaeng-sized at scale 1.
* **Participants**: mostly desil 1–4 aged 18–45 at class start; workshop trades recruit mostly men,
  garment/beauty/food processing mostly women; a quarter of the classes are held in a village hall
  and recruit locally. About 6.5 % of the enrolments of finished classes drop out (``keluar``);
  about a third of them enrol again in a later class; about 1.5 % of alumni take a second class.
* **Tracer**: surveys about 3, 6 and 12 months after the class ends (never after the data date),
  outcomes by kejuruan improving over time; about 9 % of alumni are never traced (plus the recent
  alumni not yet due).
* **Aid**: equipment for about 60 % of competent alumni, KUR for about 45 % of alumni who reported
  wirausaha (Super Mikro ≤ Rp10 juta or Mikro up to Rp50 juta, rounded to Rp500 ribu), and dusun/RW
  capital aid rounds in August of each year after the first for some alumni in desil 1–3.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import math
import random
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from faker import Faker
from sqlalchemy import Engine, delete, func, insert, select, text
from sqlalchemy.engine import Connection

from lib.core import audit, config, db
from lib.core.models import (
    TRACER_STATUSES,
    Aid,
    DataWarning,
    Enrolment,
    ImportLog,
    Package,
    Person,
    TracerSurvey,
    TrainingClass,
    Village,
)
from lib.semantic import analytics

DATA_DATE = date(2025, 1, 31)
PERSONS_PER_SCALE = 40_000
CHUNK = 5_000
JP_PER_DAY = 8

LAUNCH_PACKAGES = 13
NEVER_RUN = 5
# Classes per scale unit after the launch: (year offset, count); then the final-year tail.
YEAR_CLASSES = ((0, 19), (1, 31), (2, 30))
FINAL_AKTIF = 3
FINAL_TERDAFTAR = 2
# Enrolments (all statuses) per scale unit; about 1,380 distinct participants result.
TARGET_ENROLMENTS = 1_490

# Idul Fitri (1 Syawal) dates, to keep class starts out of the Lebaran weeks.
LEBARAN = (
    date(2021, 5, 13),
    date(2022, 5, 2),
    date(2023, 4, 22),
    date(2024, 4, 10),
    date(2025, 3, 31),
    date(2026, 3, 20),
)

DTSEN_FROM = date(2025, 1, 1)
REGISTRY_UPDATES = (
    date(2021, 10, 15),
    date(2022, 1, 14),
    date(2022, 4, 14),
    date(2022, 7, 15),
    date(2022, 10, 14),
    date(2023, 1, 13),
    date(2023, 4, 14),
    date(2023, 7, 14),
    date(2023, 10, 13),
    date(2024, 1, 12),
    date(2024, 4, 15),
    date(2024, 7, 12),
    date(2024, 10, 15),
    date(2025, 1, 15),
)

HAMLET_NAMES = (
    "Bonto", "Borong", "Kampung Beru", "Bungung Loe", "Tanetea", "Balang", "Tamarunang",
    "Campaga Loe", "Batu Massong", "Lembang Loe", "Panaikang", "Bunga Eja", "Tompong", "Bulu Loe",
    "Ganting", "Sapiri", "Tinggia", "Kassi", "Pannyikkokang", "Bonto Sallang", "Jannayya",
    "Moti", "Kaloling", "Pa'rasangang Beru", "Allu", "Bontoa", "Kayu Tangnga", "Pattiro",
    "Mangepong", "Lanying", "Parang", "Kampala Beru", "Bungaya", "Katangka", "Turung",
)  # fmt: skip

# Share of women recruited per kejuruan; recruitment popularity per kejuruan.
FEMALE_SHARE = {
    "Garmen": 0.9, "Kecantikan": 0.95, "Pariwisata": 0.6, "Pengolahan Hasil Pertanian": 0.7,
    "TIK": 0.5, "Las": 0.05, "Otomotif": 0.08, "Bangunan": 0.03, "Listrik": 0.1,
    "Refrigerasi": 0.08,
}  # fmt: skip
POPULARITY = {
    "Garmen": 1.3, "Kecantikan": 1.2, "Otomotif": 1.2, "Las": 1.1, "TIK": 1.0, "Pariwisata": 1.0,
    "Pengolahan Hasil Pertanian": 0.9, "Bangunan": 0.8, "Listrik": 0.8, "Refrigerasi": 0.7,
}  # fmt: skip

# Tracer outcome at the first survey: (bekerja, wirausaha, belum_bekerja, melanjutkan_pendidikan).
OUTCOME_FIRST = {
    "Las": (0.50, 0.15, 0.32, 0.03),
    "Otomotif": (0.45, 0.22, 0.30, 0.03),
    "TIK": (0.42, 0.18, 0.34, 0.06),
    "Listrik": (0.40, 0.22, 0.35, 0.03),
    "Refrigerasi": (0.40, 0.25, 0.32, 0.03),
    "Bangunan": (0.42, 0.20, 0.36, 0.02),
    "Pariwisata": (0.35, 0.25, 0.36, 0.04),
    "Garmen": (0.18, 0.42, 0.37, 0.03),
    "Kecantikan": (0.15, 0.45, 0.37, 0.03),
    "Pengolahan Hasil Pertanian": (0.12, 0.45, 0.40, 0.03),
}
OUTCOME_DEFAULT = (0.30, 0.30, 0.36, 0.04)
OUTCOMES = TRACER_STATUSES

WORKPLACES = {
    "Las": ("Bengkel Las {n}", "Kawasan Industri Bantaeng (KIBA)", "CV Karya Baja {n}"),
    "Otomotif": ("Bengkel {n} Motor", "Dealer Sepeda Motor Bantaeng", "Bengkel Mobil {n}"),
    "TIK": ("Kantor Desa {v}", "Percetakan {n}", "Konter Ponsel {n}", "Toko Komputer {n}"),
    "Listrik": ("CV Listrik {n}", "Kawasan Industri Bantaeng (KIBA)", "Toko Elektronik {n}"),
    "Refrigerasi": ("Servis AC {n}", "Toko Elektronik {n}", "Hotel di Bantaeng"),
    "Bangunan": ("CV Bangun {n}", "Proyek Perumahan Bantaeng", "Mebel {n}"),
    "Pariwisata": ("Kafe {n}", "Rumah Makan {n}", "Hotel di Bantaeng", "Pantai Seruni"),
    "Garmen": ("Konveksi {n}", "Penjahit {n}"),
    "Kecantikan": ("Salon {n}", "Rias Pengantin {n}"),
    "Pengolahan Hasil Pertanian": ("UMKM {n}", "Koperasi Tani {v}"),
}
BUSINESSES = {
    "Las": ("Usaha las {n}", "Bengkel las rumahan"),
    "Otomotif": ("Bengkel motor {n}", "Servis motor keliling"),
    "TIK": ("Jasa desain dan cetak {n}", "Konter pulsa dan servis HP {n}", "Jasa foto produk"),
    "Listrik": ("Jasa instalasi listrik {n}", "Servis elektronik {n}"),
    "Refrigerasi": ("Jasa servis AC {n}", "Servis kulkas {n}"),
    "Bangunan": ("Jasa tukang {n}", "Usaha mebel {n}"),
    "Pariwisata": ("Warung kopi {n}", "Usaha kue {n}", "Katering {n}"),
    "Garmen": ("Usaha jahit {n}", "Konveksi rumahan {n}"),
    "Kecantikan": ("Salon {n}", "Jasa rias {n}"),
    "Pengolahan Hasil Pertanian": ("Olahan rumput laut {n}", "Kopi bubuk {n}", "Abon ikan {n}"),
}
EQUIPMENT = {
    "Garmen": ("mesin jahit dan perlengkapan", 2_500_000, 4_500_000),
    "Las": ("mesin las inverter dan APD", 4_000_000, 7_500_000),
    "Otomotif": ("perkakas bengkel", 3_000_000, 6_000_000),
    "Kecantikan": ("perlengkapan salon dan rias", 1_500_000, 3_500_000),
    "Pengolahan Hasil Pertanian": ("peralatan pengolahan pangan", 1_500_000, 4_000_000),
    "TIK": ("perangkat komputer dan kamera", 3_000_000, 7_500_000),
    "Pariwisata": ("peralatan dapur dan kopi", 1_500_000, 5_000_000),
    "Bangunan": ("perkakas tukang", 1_000_000, 3_000_000),
    "Listrik": ("perkakas instalasi listrik", 1_500_000, 4_000_000),
    "Refrigerasi": ("perkakas servis pendingin", 3_000_000, 6_000_000),
}
EQUIPMENT_DEFAULT = ("peralatan kerja", 1_000_000, 5_000_000)
EQUIPMENT_SUPPLIERS = (
    "Dinas Tenaga Kerja Kab. Bantaeng",
    "Dinas Koperasi, UKM dan Perindustrian Kab. Bantaeng",
)
KUR_BANKS = (
    ("BRI Unit Bantaeng", 5),
    ("Bank Sulselbar Cabang Bantaeng", 3),
    ("BNI KCP Bantaeng", 1),
    ("Bank Mandiri KCP Bantaeng", 1),
    ("BSI KCP Bantaeng", 1),
)


@dataclass
class _Village:
    kode: str
    kec: str
    nama: str
    jenis: str
    weight: float
    need: float  # multiplier of the desil 1–4 weights
    propensity: float  # recruitment propensity
    hamlets: list[tuple[str, list[str]]] = field(default_factory=list)  # (dusun, [RW])


@dataclass
class _Registry:
    nik: list[str] = field(default_factory=list)
    kk: list[str] = field(default_factory=list)
    nama: list[str] = field(default_factory=list)
    jk: list[str] = field(default_factory=list)
    lahir: list[date] = field(default_factory=list)
    village: list[int] = field(default_factory=list)
    dusun: list[str] = field(default_factory=list)
    rw: list[str] = field(default_factory=list)
    rt: list[str] = field(default_factory=list)
    desil: list[int] = field(default_factory=list)
    tanggal_data: list[date] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.nik)


@dataclass
class _Class:
    id: int
    kode: str
    paket: str
    kejuruan: str
    tahun: int
    angkatan: int
    mulai: date
    selesai: date
    lokasi: str
    local_kec: str | None
    fill: int
    kapasitas: int


@dataclass
class _Enrol:
    id: int
    person: int  # registry index
    cls: _Class
    status: str
    daftar: date
    hadir: float | None
    hasil: str | None


# --- helpers -------------------------------------------------------------------------------------


def _crc_unit(text_: str) -> float:
    """A fixed pseudo-random number in [0, 1) derived from ``text_`` (seed-independent)."""
    return (zlib.crc32(text_.encode()) % 10_000) / 10_000


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _add_working_days(start: date, days: int) -> date:
    """The date of the ``days``-th working day (Mon–Fri) counting ``start`` as day 1."""
    d = start
    left = days - 1
    while left > 0:
        d += timedelta(days=1)
        if d.weekday() < 5:
            left -= 1
    return d


def _mondays(first: date, last: date) -> list[date]:
    d = first + timedelta(days=(7 - first.weekday()) % 7)
    out = []
    while d <= last:
        if not any(-14 <= (d - leb).days <= 7 for leb in LEBARAN):
            out.append(d)
        d += timedelta(days=7)
    return out


def _round_to(value: float, step: int) -> int:
    return int(round(value / step)) * step


def _load(conn: Connection, model, columns: tuple[str, ...], rows: Iterable[tuple]) -> None:
    """Bulk-insert ``rows`` (tuples in ``columns`` order) into ``model``'s table on ``conn``'s
    transaction.

    PostgreSQL: ``COPY … FROM STDIN`` through psycopg 3 on the same connection (scale 100 is 4
    million registry persons; row-by-row INSERTs took minutes). Other databases: the driver's
    ``executemany`` in chunks, with each column's SQLAlchemy bind processor applied (dates stored
    as SQLAlchemy stores them), without the per-row cost of compiling parameters. The same tuples go
    to every database, so the content is identical.
    """
    table = model.__table__
    if conn.dialect.name == "postgresql":
        names = ", ".join(conn.dialect.identifier_preparer.quote(c) for c in columns)
        copy_sql = f"COPY {table.name} ({names}) FROM STDIN"
        with conn.connection.driver_connection.cursor() as cur, cur.copy(copy_sql) as copy:
            for row in rows:
                copy.write_row(row)
        return
    sql = str(insert(table).compile(dialect=conn.dialect, column_keys=list(columns)))
    procs = [
        (i, proc)
        for i, c in enumerate(columns)
        if (proc := table.c[c].type.bind_processor(conn.dialect)) is not None
    ]
    batch: list = []
    for row in rows:
        if procs:
            row = list(row)
            for i, proc in procs:
                row[i] = proc(row[i])
            row = tuple(row)
        batch.append(row)
        if len(batch) >= CHUNK:
            conn.exec_driver_sql(sql, batch)
            batch = []
    if batch:
        conn.exec_driver_sql(sql, batch)


# --- reference and registry ----------------------------------------------------------------------


def _villages(conn: Connection, rng: random.Random) -> list[_Village]:
    rows = conn.execute(
        select(Village.kode, Village.kecamatan_kode, Village.nama, Village.jenis).order_by(
            Village.kode
        )
    ).all()
    if not rows:
        raise ValueError("Data referensi desa kosong; jalankan migrasi dan muat data referensi.")
    wilayah = config.settings().wilayah_kode
    kec_codes = sorted({r.kecamatan_kode for r in rows})
    town = f"{wilayah}.02" if f"{wilayah}.02" in kec_codes else kec_codes[0]
    second = f"{wilayah}.01" if f"{wilayah}.01" in kec_codes else kec_codes[-1]
    highland = {f"{wilayah}.04", f"{wilayah}.06", f"{wilayah}.08"}
    out = []
    for r in rows:
        if r.jenis == "kelurahan":
            base = 3.2 if r.kecamatan_kode == town else 2.4 if r.kecamatan_kode == second else 1.7
        else:
            base = 1.0
        weight = base * (0.75 + 0.5 * _crc_unit(r.kode))
        need = 0.75 if r.kecamatan_kode == town else 1.2 if r.kecamatan_kode in highland else 1.0
        propensity = (
            1.4
            if r.kecamatan_kode == town
            else 1.2
            if r.kecamatan_kode == second
            else 0.7
            if r.kecamatan_kode in highland
            else 1.0
        )
        out.append(_Village(r.kode, r.kecamatan_kode, r.nama, r.jenis, weight, need, propensity))
    # High-need villages with few or no participants (drawn per seed).
    candidates = [v for v in out if v.jenis == "desa" and v.kec not in (town, second)]
    hidden = rng.sample(candidates, min(6, len(candidates)))
    for v, prop in zip(hidden, (0.0, 0.0, 0.08, 0.08, 0.15, 0.15), strict=False):
        v.weight *= 1.4
        v.need = 1.7
        v.propensity = prop
    # Hamlets (dusun / lingkungan) with their RW numbers, about 3 dusun and 8 RW per village.
    for v in out:
        n_dusun = 2 + int(_crc_unit(v.kode + "d") * 3)  # 2–4
        names = rng.sample(HAMLET_NAMES, n_dusun)
        prefix = "Lingkungan" if v.jenis == "kelurahan" else "Dusun"
        rw_no = 0
        for name in names:
            rws = []
            for _ in range(rng.randint(2, 3)):
                rw_no += 1
                rws.append(f"{rw_no:03d}")
            v.hamlets.append((f"{prefix} {name}", rws))
    return out


def _name_pools(fake: Faker) -> tuple[list[str], list[str], list[str]]:
    male = list(dict.fromkeys(fake.first_name_male() for _ in range(600)))
    female = list(dict.fromkeys(fake.first_name_female() for _ in range(600)))
    last = list(dict.fromkeys(fake.last_name() for _ in range(500)))
    return male, female, last


def _age_table() -> tuple[list[int], list[float]]:
    """Registry ages and cumulative weights: 4 % aged 6–14, 88 % aged 15–64, 8 % aged 65–84."""
    bands = (
        ((6, 14), 4), ((15, 24), 21), ((25, 34), 20), ((35, 44), 18.5), ((45, 54), 17),
        ((55, 64), 11.5), ((65, 84), 8),
    )  # fmt: skip
    ages, weights = [], []
    for (lo, hi), share in bands:
        for a in range(lo, hi + 1):
            ages.append(a)
            weights.append(share / (hi - lo + 1))
    return ages, list(itertools.accumulate(weights))


_DESIL_BASE = (14, 15, 14, 12, 10, 9, 8, 7, 6, 5)


def _registry(rng: random.Random, fake: Faker, villages: list[_Village], n: int) -> _Registry:
    reg = _Registry()
    male, female, last = _name_pools(fake)
    total_w = sum(v.weight for v in villages)
    # Persons per village (largest remainder so that the total is exactly n).
    raw = [n * v.weight / total_w for v in villages]
    per_village = [int(x) for x in raw]
    for i in sorted(range(len(raw)), key=lambda i: (per_village[i] - raw[i], i))[
        : n - sum(per_village)
    ]:
        per_village[i] += 1

    nik_serial: dict[str, int] = {}
    kk_serial: dict[str, int] = {}
    date_cache: dict[int, date] = {}
    ref_ord = DATA_DATE.toordinal()
    kk_first = date(2005, 1, 1).toordinal()
    kk_last = date(2021, 12, 31).toordinal()
    sizes = (1, 2, 3, 4, 5, 6)
    size_w = (10, 22, 28, 24, 11, 5)
    desil_values = tuple(range(1, 11))
    ages, age_cum = _age_table()

    def as_date(o: int) -> date:
        d = date_cache.get(o)
        if d is None:
            d = date_cache[o] = date.fromordinal(o)
        return d

    rand = rng.random  # the hot loop draws with random() only: choice()/randint() are slower

    def pick(seq):
        return seq[int(rand() * len(seq))]

    size_cum = list(itertools.accumulate(size_w))
    names = {"L": male, "P": female}
    cols = (reg.nik, reg.kk, reg.nama, reg.jk, reg.lahir, reg.village, reg.dusun, reg.rw, reg.rt)
    nik_a, kk_a, nama_a, jk_a, lahir_a, village_a, dusun_a, rw_a, rt_a = (c.append for c in cols)
    desil_a, updated_a = reg.desil.append, reg.tanggal_data.append
    bisect_right = bisect.bisect_right
    for vi, v in enumerate(villages):
        region = v.kec.replace(".", "")
        desil_w = [w * (v.need if k < 4 else 1.0) for k, w in enumerate(_DESIL_BASE)]
        desil_cum = list(itertools.accumulate(desil_w))
        remaining = per_village[vi]
        while remaining > 0:
            size = min(remaining, sizes[bisect_right(size_cum, rand() * size_cum[-1])])
            remaining -= size
            dusun, rws = pick(v.hamlets)
            rw = pick(rws)
            rt = f"{1 + int(rand() * 4):03d}"
            desil = desil_values[bisect_right(desil_cum, rand() * desil_cum[-1])]
            issued = as_date(kk_first + int(rand() * (kk_last - kk_first + 1)))
            kk_prefix = f"{region}{issued:%d%m%y}"
            kk_serial[kk_prefix] = s = kk_serial.get(kk_prefix, 0) + 1
            kk = f"{kk_prefix}{s:04d}"
            family = pick(last)
            updated = pick(REGISTRY_UPDATES)
            for _ in range(size):
                jk = "P" if rand() < 0.5 else "L"
                age = ages[bisect_right(age_cum, rand() * age_cum[-1])]
                born = as_date(ref_ord - age * 365 - int(rand() * 365) - age // 4)
                day = born.day + (40 if jk == "P" else 0)
                prefix = f"{region}{day:02d}{born:%m%y}"
                nik_serial[prefix] = s = nik_serial.get(prefix, 0) + 1
                first = pick(names[jk])
                r = rand()
                if r < 0.72:
                    nama = f"{first} {family}"
                elif r < 0.87:
                    nama = first
                else:
                    nama = f"{first} {pick(names[jk])} {family}"
                nik_a(f"{prefix}{s:04d}")
                kk_a(kk)
                nama_a(nama)
                jk_a(jk)
                lahir_a(born)
                village_a(vi)
                dusun_a(dusun)
                rw_a(rw)
                rt_a(rt)
                desil_a(desil)
                updated_a(updated)
    return reg


PERSON_COLUMNS = (
    "id", "nik", "no_kk", "nama", "jk", "tanggal_lahir", "desa_kode", "dusun", "rw", "rt", "desil",
    "sumber", "tanggal_data",
)  # fmt: skip


def _person_rows(reg: _Registry, villages: list[_Village]):
    """Registry rows as tuples in :data:`PERSON_COLUMNS` order."""
    codes = [v.kode for v in villages]
    for i in range(len(reg)):
        yield (
            i + 1,
            reg.nik[i],
            reg.kk[i],
            reg.nama[i],
            reg.jk[i],
            reg.lahir[i],
            codes[reg.village[i]],
            reg.dusun[i],
            reg.rw[i],
            reg.rt[i],
            reg.desil[i],
            "DTSEN" if reg.tanggal_data[i] >= DTSEN_FROM else "DTKS",
            reg.tanggal_data[i],
        )


CLASS_COLUMNS = (
    "id", "kode", "paket_kode", "tahun", "angkatan", "tanggal_mulai", "tanggal_selesai",
    "kapasitas", "lokasi",
)  # fmt: skip
ENROLMENT_COLUMNS = (
    "id", "person_id", "class_id", "status", "tanggal_daftar", "kehadiran_persen", "hasil_uji",
)  # fmt: skip
TRACER_COLUMNS = (
    "id", "enrolment_id", "tanggal_survei", "status_kerja", "pendapatan_bulanan",
    "pendapatan_sebelum", "tempat_kerja_usaha",
)  # fmt: skip
AID_COLUMNS = (
    "id", "person_id", "jenis", "tanggal", "nilai_rupiah", "status", "penyalur", "keterangan",
)  # fmt: skip


# --- classes -------------------------------------------------------------------------------------


def _schedule(
    rng: random.Random, packages: list, villages: list[_Village], scale: int
) -> list[_Class]:
    s = config.settings()
    start = s.tanggal_mulai
    by_code = {p.kode: p for p in packages}
    codes = [p.kode for p in packages]
    never = set(rng.sample(codes, min(NEVER_RUN, max(0, len(codes) - LAUNCH_PACKAGES))))
    runnable = [c for c in codes if c not in never]
    launch = sorted(rng.sample(runnable, min(LAUNCH_PACKAGES, len(runnable))))
    weight = {c: POPULARITY.get(by_code[c].kejuruan, 1.0) * rng.uniform(0.4, 1.6) for c in runnable}

    plans: list[tuple[date, str]] = []  # (start date, package)
    for c in launch:
        plans.extend((start, c) for _ in range(scale))
    # Every runnable package not in the launch runs at least once per scale unit.
    slots: list[list[date]] = []
    for offset, count in YEAR_CLASSES:
        year = start.year + offset
        first = start + timedelta(days=35) if offset == 0 else date(year, 1, 9)
        mondays = _mondays(first, date(year, 11, 18))
        slots.append(sorted(rng.choice(mondays) for _ in range(count * scale)))
    flat = [d for year_slots in slots for d in year_slots]
    rng.shuffle(flat)
    forced = [c for c in runnable if c not in launch] * scale
    rng.shuffle(forced)
    chosen = forced + rng.choices(
        runnable, [weight[c] for c in runnable], k=len(flat) - len(forced)
    )
    plans.extend(zip(flat, chosen, strict=True))
    final_year = start.year + s.lama_tahun
    jan = _mondays(date(final_year, 1, 6), date(final_year, 1, 20))
    feb = _mondays(date(final_year, 2, 1), date(final_year, 2, 7))
    for _ in range(FINAL_AKTIF * scale):
        plans.append((rng.choice(jan), rng.choices(runnable, [weight[c] for c in runnable])[0]))
    for _ in range(FINAL_TERDAFTAR * scale):
        plans.append((feb[0], rng.choices(runnable, [weight[c] for c in runnable])[0]))
    plans.sort()

    hall_villages = [v for v in villages if v.propensity > 0.5]
    angkatan: dict[tuple[int, str], int] = {}
    classes = []
    for i, (mulai, paket) in enumerate(plans, start=1):
        pkg = by_code[paket]
        key = (mulai.year, paket)
        angkatan[key] = a = angkatan.get(key, 0) + 1
        days = math.ceil(pkg.durasi_jp / JP_PER_DAY)
        is_launch = mulai == start
        if is_launch or rng.random() < 0.75:
            lokasi, local = "BLK Bantaeng", None
        else:
            v = rng.choice(hall_villages)
            kind = "Kelurahan" if v.jenis == "kelurahan" else "Desa"
            lokasi, local = f"Aula Kantor {kind} {v.nama}", v.kec
        if is_launch:
            fill = pkg.kapasitas
        elif mulai > DATA_DATE:
            fill = rng.randint(10, pkg.kapasitas)
        else:
            r = rng.random()
            fill = (
                pkg.kapasitas
                if r < 0.75
                else pkg.kapasitas - rng.randint(1, 2)
                if r < 0.86
                else rng.randint(9, 12)
            )
        classes.append(
            _Class(
                id=i,
                kode=f"{mulai.year}-{paket}-A{a:02d}",
                paket=paket,
                kejuruan=pkg.kejuruan,
                tahun=mulai.year,
                angkatan=a,
                mulai=mulai,
                selesai=_add_working_days(mulai, days),
                lokasi=lokasi,
                local_kec=local,
                fill=min(fill, pkg.kapasitas),
                kapasitas=pkg.kapasitas,
            )
        )
    # Steer the total intake to the target, so that every seed lands well inside the quota band:
    # add or remove single seats in random classes after the launch (never below 9, never over
    # capacity).
    adjustable = [c for c in classes if c.mulai != start]
    fixed = sum(c.fill for c in classes if c.mulai == start)
    lowest = fixed + sum(min(9, c.fill) for c in adjustable)
    highest = fixed + sum(c.kapasitas for c in adjustable)
    target = min(max(TARGET_ENROLMENTS * scale, lowest), highest)
    total = sum(c.fill for c in classes)
    while total != target:
        c = rng.choice(adjustable)
        if total < target and c.fill < c.kapasitas:
            c.fill += 1
            total += 1
        elif total > target and c.fill > min(9, c.kapasitas):
            c.fill -= 1
            total -= 1
    return classes


# --- participants --------------------------------------------------------------------------------


class _Picker:
    """Draws registry persons for a class: by gender, pool (need/age group) and village propensity."""

    def __init__(self, rng: random.Random, reg: _Registry, villages: list[_Village]):
        self.rng = rng
        self.reg = reg
        self.villages = villages
        self.used: set[int] = set()
        # pools[(pool, jk)][village index] -> registry indices
        self.pools: dict[tuple[str, str], dict[int, list[int]]] = {}
        for i in range(len(reg)):
            age = _age(reg.lahir[i], DATA_DATE)
            d = reg.desil[i]
            if 20 <= age <= 48:
                pool = "main" if d <= 4 else "alt" if d <= 6 else None
            elif 49 <= age <= 60 and d <= 4:
                pool = "older"
            else:
                pool = None
            if pool:
                self.pools.setdefault((pool, reg.jk[i]), {}).setdefault(reg.village[i], []).append(
                    i
                )
        self._cum: dict[tuple, tuple[list[int], list[float]]] = {}

    def _village_cum(self, pool: str, jk: str, kec: str | None):
        key = (pool, jk, kec)
        if key not in self._cum:
            by_village = self.pools.get((pool, jk), {})
            idx = sorted(
                vi
                for vi in by_village
                if self.villages[vi].propensity > 0
                and (kec is None or self.villages[vi].kec == kec)
            )
            weights = [len(by_village[vi]) * self.villages[vi].propensity for vi in idx]
            self._cum[key] = (idx, list(itertools.accumulate(weights)))
        return self._cum[key]

    def pick(self, cls: _Class) -> int:
        rng = self.rng
        female = FEMALE_SHARE.get(cls.kejuruan, 0.5)
        for _ in range(200):
            jk = "P" if rng.random() < female else "L"
            r = rng.random()
            pool = "main" if r < 0.85 else "older" if r < 0.93 else "alt"
            kec = cls.local_kec if cls.local_kec and rng.random() < 0.7 else None
            idx, cum = self._village_cum(pool, jk, kec)
            if not idx:
                idx, cum = self._village_cum(pool, jk, None)
                if not idx:
                    continue
            vi = idx[bisect.bisect_right(cum, rng.random() * cum[-1])]
            cand = rng.choice(self.pools[(pool, jk)][vi])
            if cand in self.used:
                continue
            if not 18 <= _age(self.reg.lahir[cand], cls.mulai) <= 58:
                continue
            self.used.add(cand)
            return cand
        raise RuntimeError("Tidak cukup calon peserta dalam data DTKS demo.")


def _enrolments(rng: random.Random, classes: list[_Class], picker: _Picker) -> list[_Enrol]:
    out: list[_Enrol] = []
    # Persons who may come back: dropouts (to enrol again) and alumni (to take another package).
    # Each waits in a heap until its class has ended, then in a ready list.
    waiting: dict[str, list[tuple[date, int, int, str]]] = {"keluar": [], "selesai": []}
    ready: dict[str, list[tuple[int, str]]] = {"keluar": [], "selesai": []}
    back: set[int] = set()  # persons already taken back once
    launch_day = classes[0].mulai
    next_id = itertools.count(1)
    seq = itertools.count()
    for cls in classes:
        for kind, heap in waiting.items():
            while heap and heap[0][0] < cls.mulai:
                _, _, person, paket = heapq.heappop(heap)
                ready[kind].append((person, paket))
        in_class: set[int] = set()
        if cls.mulai > DATA_DATE:
            phase = "terdaftar"
        elif cls.selesai >= DATA_DATE:
            phase = "aktif"
        else:
            phase = "selesai"
        for _ in range(cls.fill):
            person = None
            r = rng.random() if cls.mulai != launch_day else 1.0
            pool = ready["keluar"] if r < 0.035 else ready["selesai"] if r < 0.05 else None
            for _try in range(5 if pool else 0):
                k = int(rng.random() * len(pool))
                cand, paket = pool[k]
                if cand in back or cand in in_class:
                    pool[k] = pool[-1]
                    pool.pop()
                elif pool is ready["keluar"] or paket != cls.paket:
                    pool[k] = pool[-1]
                    pool.pop()
                    person = cand
                    back.add(cand)
                if person is not None or not pool:
                    break
            if person is None:
                person = picker.pick(cls)
            in_class.add(person)
            daftar = cls.mulai - timedelta(days=rng.randint(5, 35))
            if phase == "terdaftar":
                status, hadir, hasil = "terdaftar", None, None
            elif phase == "aktif":
                if rng.random() < 0.03:
                    status, hadir = "keluar", round(rng.uniform(15, 60), 1)
                else:
                    status, hadir = "aktif", round(rng.uniform(85, 100), 1)
                hasil = None
            elif rng.random() < 0.065:
                status, hadir, hasil = "keluar", round(rng.uniform(10, 60), 1), None
            else:
                status = "selesai"
                hadir = round(rng.uniform(80, 100), 1)
                r = rng.random()
                hasil = "kompeten" if r < 0.85 else "belum_kompeten" if r < 0.99 else None
            if status == "keluar" and rng.random() < 0.35 or status == "selesai":
                heapq.heappush(waiting[status], (cls.selesai, next(seq), person, cls.paket))
            out.append(_Enrol(next(next_id), person, cls, status, daftar, hadir, hasil))
    return out


# --- tracer and aid ------------------------------------------------------------------------------


def _next_status(rng: random.Random, current: str, first: tuple[float, ...]) -> str:
    r = rng.random()
    if current == "belum_bekerja":
        if r < 0.30:
            work = first[0] / (first[0] + first[1])
            return "bekerja" if rng.random() < work else "wirausaha"
        return "belum_bekerja" if r < 0.97 else "melanjutkan_pendidikan"
    if current == "bekerja":
        return "bekerja" if r < 0.88 else "wirausaha" if r < 0.93 else "belum_bekerja"
    if current == "wirausaha":
        return "wirausaha" if r < 0.88 else "bekerja" if r < 0.92 else "belum_bekerja"
    return "melanjutkan_pendidikan" if r < 0.85 else "bekerja" if r < 0.95 else "belum_bekerja"


def _place(rng: random.Random, status: str, kejuruan: str, fake_names: list[str], desa: str):
    n = rng.choice(fake_names)
    if status == "bekerja":
        return rng.choice(WORKPLACES.get(kejuruan, ("Usaha {n}",))).format(n=n, v=desa)
    if status == "wirausaha":
        return rng.choice(BUSINESSES.get(kejuruan, ("Usaha {n}",))).format(n=n, v=desa)
    if status == "melanjutkan_pendidikan":
        return rng.choice(("Program Paket C", "SMK di Bantaeng", "Politeknik di Makassar"))
    return None


def _tracer(
    rng: random.Random,
    enrols: list[_Enrol],
    reg: _Registry,
    villages: list[_Village],
    names: list[str],
) -> tuple[list[dict], dict[int, list[tuple[date, str]]]]:
    rows: list[dict] = []
    history: dict[int, list[tuple[date, str]]] = {}  # person -> [(date, status)]
    before: dict[int, int] = {}
    never = {e.person for e in enrols if e.status == "selesai" and rng.random() < 0.09}
    for e in enrols:
        if e.status != "selesai" or e.person in never:
            continue
        first = OUTCOME_FIRST.get(e.cls.kejuruan, OUTCOME_DEFAULT)
        if e.person not in before:
            before[e.person] = (
                0 if rng.random() < 0.4 else _round_to(rng.uniform(300_000, 1_500_000), 50_000)
            )
        status = None
        place = None
        base_income = None
        for wave, months in enumerate((3, 6, 12)):
            when = e.cls.selesai + timedelta(days=round(months * 30.4) + rng.randint(-7, 14))
            if when > DATA_DATE:
                break
            new = (
                rng.choices(OUTCOMES, first)[0]
                if status is None
                else _next_status(rng, status, first)
            )
            if new != status:
                place = _place(
                    rng, new, e.cls.kejuruan, names, villages[reg.village[e.person]].nama
                )
                base_income = None
            status = new
            if wave > 0 and rng.random() < 0.12:
                continue  # this survey wave missed the person
            if status == "bekerja":
                base_income = base_income or _round_to(rng.uniform(1_500_000, 3_800_000), 50_000)
                income = _round_to(base_income * (1 + 0.04 * wave), 50_000)
            elif status == "wirausaha":
                base_income = base_income or _round_to(rng.uniform(1_000_000, 4_000_000), 50_000)
                income = _round_to(base_income * (1 + 0.08 * wave), 50_000)
            elif status == "belum_bekerja":
                income = (
                    0 if rng.random() < 0.7 else _round_to(rng.uniform(200_000, 800_000), 50_000)
                )
            else:
                income = 0
            rows.append(
                {
                    "enrolment_id": e.id,
                    "tanggal_survei": when,
                    "status_kerja": status,
                    "pendapatan_bulanan": income,
                    "pendapatan_sebelum": before[e.person],
                    "tempat_kerja_usaha": place,
                }
            )
            history.setdefault(e.person, []).append((when, status))
    return rows, history


def _aid(
    rng: random.Random,
    enrols: list[_Enrol],
    history: dict[int, list[tuple[date, str]]],
    reg: _Registry,
    villages: list[_Village],
) -> list[dict]:
    rows: list[dict] = []
    seen: set[tuple[int, str, date]] = set()

    def add(person: int, jenis: str, when: date, nilai: int, status: str, penyalur, ket) -> None:
        key = (person, jenis, when)
        if when > DATA_DATE or key in seen:
            return
        seen.add(key)
        rows.append(
            {
                "person_id": person + 1,
                "jenis": jenis,
                "tanggal": when,
                "nilai_rupiah": nilai,
                "status": status,
                "penyalur": penyalur,
                "keterangan": ket,
            }
        )

    def pipeline(when: date, recent_days: int = 45) -> str:
        r = rng.random()
        if (DATA_DATE - when).days < recent_days:
            return "diajukan" if r < 0.6 else "disetujui" if r < 0.9 else "ditolak"
        return (
            "disalurkan"
            if r < 0.82
            else "disetujui"
            if r < 0.9
            else "diajukan"
            if r < 0.95
            else "ditolak"
        )

    # Equipment for competent alumni.
    for e in enrols:
        if e.hasil != "kompeten" or rng.random() >= 0.6:
            continue
        what, lo, hi = EQUIPMENT.get(e.cls.kejuruan, EQUIPMENT_DEFAULT)
        when = e.cls.selesai + timedelta(days=rng.randint(14, 90))
        add(
            e.person,
            "peralatan",
            when,
            _round_to(rng.uniform(lo, hi), 50_000),
            pipeline(when, 30),
            rng.choice(EQUIPMENT_SUPPLIERS),
            f"Paket {what} ({e.cls.paket})",
        )

    # KUR for alumni who reported wirausaha.
    banks = [b for b, _ in KUR_BANKS]
    bank_w = [w for _, w in KUR_BANKS]
    for person in sorted(history):
        first_biz = next((d for d, s in history[person] if s == "wirausaha"), None)
        if first_biz is None or rng.random() >= 0.45:
            continue
        when = first_biz + timedelta(days=rng.randint(7, 60))
        if rng.random() < 0.4:
            nilai, jenis_kur = _round_to(rng.uniform(3_000_000, 10_000_000), 500_000), "Super Mikro"
        else:
            nilai = _round_to(rng.uniform(10_500_000, 50_000_000), 500_000)
            jenis_kur = "Mikro"
        status = pipeline(when)
        add(person, "kur", when, nilai, status, rng.choices(banks, bank_w)[0], f"KUR {jenis_kur}")
        if status == "ditolak" and rng.random() < 0.5:
            again = when + timedelta(days=rng.randint(60, 150))
            nilai = _round_to(rng.uniform(3_000_000, 10_000_000), 500_000)
            add(
                person, "kur", again, nilai, pipeline(again), "BRI Unit Bantaeng", "KUR Super Mikro"
            )

    # Dusun/RW business capital: a round each August after the first programme year.
    alumni: dict[int, date] = {}
    for e in enrols:
        if e.status == "selesai":
            alumni[e.person] = min(alumni.get(e.person, e.cls.selesai), e.cls.selesai)
    first_year = enrols[0].cls.mulai.year if enrols else DATA_DATE.year
    for year in range(first_year + 1, DATA_DATE.year + 1):
        round_day = date(year, 8, 15)
        if round_day > DATA_DATE:
            break
        for person in sorted(alumni):
            if alumni[person] >= round_day or reg.desil[person] > 3 or rng.random() >= 0.18:
                continue
            v = villages[reg.village[person]]
            when = round_day + timedelta(days=rng.randint(0, 30))
            status = rng.choices(("disalurkan", "disetujui", "ditolak"), (85, 10, 5))[0]
            add(
                person,
                "modal_dusun_rw",
                when,
                _round_to(rng.uniform(2_000_000, 5_000_000), 500_000),
                status,
                f"Pemerintah {'Kelurahan' if v.jenis == 'kelurahan' else 'Desa'} {v.nama}",
                f"{reg.dusun[person]}, RW {reg.rw[person]}",
            )
    return rows


# --- entry point ---------------------------------------------------------------------------------


# meta: the last import-log id when the demo was loaded; imports after it are real data. An id, not a
# clock time: an import and a seed within the same second must not be confused. Databases seeded
# before this change hold an ISO timestamp there, still read as one.
DEMO_SINCE = "demo_sejak"


def _clear(conn: Connection) -> None:
    """Delete the demo's records. The import log and its quarantine are never deleted: they are
    the record of what was imported, by whom and when."""
    for model in (TracerSurvey, Aid, Enrolment, DataWarning):
        conn.execute(delete(model))
    conn.execute(delete(TrainingClass))
    conn.execute(delete(Person))


def first_start_seeds(url: str, fresh: bool) -> bool:
    """Whether the first start of the app (or ``seed --first-start``) loads the demo into ``url``:
    only a fresh database (no schema yet), and only SQLite, unless ``PANTAU_DEMO=1`` asks for it on
    any database; ``PANTAU_DEMO=0`` never loads it. A new PostgreSQL database given by
    ``DATABASE_URL`` is therefore left empty for the real data."""
    import os

    wanted = os.environ.get("PANTAU_DEMO", "").strip()
    if not fresh or wanted == "0":
        return False
    return wanted == "1" or config.normalise_url(url).startswith("sqlite")


def real_imports(conn: Connection) -> int:
    """Imports that wrote rows into this database as real data: on a demo, those since the demo was
    loaded (all of them when the database predates that record); otherwise all of them."""
    stmt = select(func.count()).select_from(ImportLog).where(ImportLog.rows_written > 0)
    since = db.get_meta(conn, DEMO_SINCE)
    if db.get_meta(conn, "demo") == "1" and since:
        if since.isdigit():
            stmt = stmt.where(ImportLog.id > int(since))
        else:
            stmt = stmt.where(ImportLog.started_at >= datetime.fromisoformat(since))
    return conn.execute(stmt).scalar_one()


def real_data(conn: Connection) -> str | None:
    """What real data a new demo would overwrite, in words (Indonesian); ``None`` when none."""
    persons = conn.execute(select(func.count()).select_from(Person)).scalar_one()
    n_classes = conn.execute(select(func.count()).select_from(TrainingClass)).scalar_one()
    if db.get_meta(conn, "demo") != "1":
        if persons or n_classes:
            return f"{persons} orang DTKS dan {n_classes} kelas (bukan demo)"
        return None
    imported = real_imports(conn)
    if imported:
        return f"{imported} impor berkas yang menulis data ke basis data demo ini"
    return None


def clear_before_first_import(conn: Connection, who) -> bool:
    """On a demo database, delete the demo's records inside the transaction of the first import
    that writes real rows (the demo flag clears with it); returns whether it did."""
    if db.get_meta(conn, "demo") != "1":
        return False
    _clear(conn)
    db.set_meta(conn, "demo", "0")
    db.delete_meta(conn, "data_per")
    db.delete_meta(conn, DEMO_SINCE)
    audit.write(conn, audit.CLEAR_DEMO, who=who, what="otomatis: impor pertama data nyata")
    return True


def _reset_sequences(conn: Connection) -> None:
    if conn.dialect.name != "postgresql":
        return
    for model in (Person, TrainingClass, Enrolment, TracerSurvey, Aid):
        table = model.__tablename__
        conn.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            )
        )


def clear(engine: Engine, who="sistem") -> dict:
    """Remove the demo records so that real data can be imported (``python -m lib.cli clear-demo``).

    Reference data (villages, packages) and the import log stay. Refuses (``ValueError``) on a
    database that is not a demo, and on a demo that has received imports which wrote rows: real data
    is never wiped by this command. Written to the audit log as done by ``who``.
    """
    with engine.begin() as conn:
        if db.get_meta(conn, "demo") != "1":
            raise ValueError("Basis data ini bukan demo; tidak ada yang dikosongkan.")
        imported = real_imports(conn)
        if imported:
            raise ValueError(
                f"Basis data demo ini sudah menerima {imported} impor berkas yang menulis data. "
                "Data demo tidak dihapus agar data hasil impor tidak ikut terhapus."
            )
        persons = conn.execute(select(func.count()).select_from(Person)).scalar_one()
        _clear(conn)
        db.set_meta(conn, "demo", "0")
        db.delete_meta(conn, "data_per")
        db.delete_meta(conn, DEMO_SINCE)
        audit.write(conn, audit.CLEAR_DEMO, who=who, what=f"{persons} orang demo dihapus")
        analytics.refresh(conn)
    return {"demo": False, "orang_dihapus": persons}


def seed(
    engine: Engine, scale: int = 1, seed: int = 2022, replace: bool = False, who="sistem"
) -> dict:
    """Replace the demo records with a deterministic synthetic demo; returns a summary.

    Raises ``ValueError`` when the database holds real data (:func:`real_data`) and ``replace`` is
    false; the CLI asks for ``--replace --confirm`` and makes a backup first. Written to the audit
    log as done by ``who``.
    """
    if scale < 1:
        raise ValueError("Skala demo harus bilangan bulat 1 atau lebih.")
    rng = random.Random(seed)
    fake = Faker("id_ID")
    fake.seed_instance(seed)

    with engine.begin() as conn:
        real = real_data(conn)
        if real and not replace:
            raise ValueError(
                f"Basis data berisi data nyata: {real}. Data demo tidak dimuat agar data itu tidak "
                "terhapus; gunakan --replace --confirm bila memang ingin menggantinya dengan data "
                "demo (cadangan dibuat lebih dahulu)."
            )
        villages = _villages(conn, rng)
        packages = conn.execute(
            select(Package.kode, Package.kejuruan, Package.durasi_jp, Package.kapasitas).order_by(
                Package.kode
            )
        ).all()
        reg = _registry(rng, fake, villages, PERSONS_PER_SCALE * scale)
        classes = _schedule(rng, packages, villages, scale)
        picker = _Picker(rng, reg, villages)
        enrols = _enrolments(rng, classes, picker)
        business_names = list(dict.fromkeys(fake.first_name() for _ in range(300)))
        tracer_rows, history = _tracer(rng, enrols, reg, villages, business_names)
        aid_rows = _aid(rng, enrols, history, reg, villages)

        _clear(conn)
        _load(conn, Person, PERSON_COLUMNS, _person_rows(reg, villages))
        _load(
            conn,
            TrainingClass,
            CLASS_COLUMNS,
            (
                (c.id, c.kode, c.paket, c.tahun, c.angkatan, c.mulai, c.selesai, c.kapasitas,
                 c.lokasi)
                for c in classes
            ),
        )  # fmt: skip
        _load(
            conn,
            Enrolment,
            ENROLMENT_COLUMNS,
            ((e.id, e.person + 1, e.cls.id, e.status, e.daftar, e.hadir, e.hasil) for e in enrols),
        )
        _load(
            conn,
            TracerSurvey,
            TRACER_COLUMNS,
            ((i, *(row[c] for c in TRACER_COLUMNS[1:])) for i, row in enumerate(tracer_rows, 1)),
        )
        aid_rows.sort(key=lambda r: (r["tanggal"], r["person_id"], r["jenis"]))
        _load(
            conn,
            Aid,
            AID_COLUMNS,
            ((i, *(row[c] for c in AID_COLUMNS[1:])) for i, row in enumerate(aid_rows, 1)),
        )
        _reset_sequences(conn)
        db.set_meta(conn, "demo", "1")
        db.set_meta(conn, "data_per", DATA_DATE.isoformat())
        last_import = conn.execute(select(func.max(ImportLog.id))).scalar_one()
        db.set_meta(conn, DEMO_SINCE, str(last_import or 0))
        audit.write(
            conn,
            audit.SEED,
            who=who,
            what=f"demo skala {scale}, seed {seed}" + (" (mengganti data nyata)" if real else ""),
        )
        analytics.refresh(conn)

    active = {e.person for e in enrols if e.status in ("terdaftar", "aktif", "selesai")}
    return {
        "demo": True,
        "seed": seed,
        "scale": scale,
        "data_per": DATA_DATE.isoformat(),
        "orang_dtks": len(reg),
        "kelas": len(classes),
        "pendaftaran": len(enrols),
        "peserta": len(active),
        "survei_tracer": len(tracer_rows),
        "bantuan": len(aid_rows),
    }
