"""Hand-built datasets for tests, so that a test reads like its scenario.

    with dataset(db_url) as d:
        ani = d.person("Ani", desa=BONTO_JAI, jk="P")
        a = d.kelas("GAR-01", tahun=2022)
        d.enrol(ani, a, "selesai", uji="kompeten")

Everything goes through SQLAlchemy Core on a real database that already has the schema and the
reference data (the ``db_url`` fixture). Defaults are readable and valid: a woman of 1995 from Bonto
Jai (Bissappu), desil 1; a class of 16 in March–April of its year; an enrolment that is completed.
NIKs and class codes are generated when not given.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import Connection, insert

from lib.core import db
from lib.core.models import Aid, Enrolment, Person, TracerSurvey, TrainingClass
from lib.semantic import analytics

# Villages of data/villages.csv used by the scenarios (code → name, kecamatan).
BISSAPPU = "73.03.01"
BANTAENG = "73.03.02"
SINOA = "73.03.08"
BONTO_JAI = "73.03.01.2008"  # desa in Bissappu
BONTO_CINDE = "73.03.01.2009"  # desa in Bissappu
TAPPANJENG = "73.03.02.1001"  # kelurahan in Bantaeng
BONTO_TIRO = "73.03.08.2001"  # desa in Sinoa


class Dataset:
    """Inserts rows on one open connection; every method returns the new row's id."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._seq = itertools.count(1)

    def _insert(self, model, **values) -> int:
        return self.conn.execute(insert(model).values(**values)).inserted_primary_key[0]

    def person(
        self,
        nama: str = "Warga",
        *,
        desa: str = BONTO_JAI,
        jk: str = "P",
        lahir: date = date(1995, 5, 17),
        desil: int = 1,
        nik: str | None = None,
        no_kk: str | None = None,
        dusun: str | None = None,
        rw: str | None = None,
    ) -> int:
        """A DTKS/DTSEN registry person."""
        n = next(self._seq)
        return self._insert(
            Person,
            nik=nik or f"7303{n:012d}",
            no_kk=no_kk or f"7303{n:012d}",
            nama=nama,
            jk=jk,
            tanggal_lahir=lahir,
            desa_kode=desa,
            dusun=dusun,
            rw=rw,
            desil=desil,
            sumber="DTKS",
        )

    def kelas(
        self,
        paket: str = "GAR-01",
        *,
        tahun: int = 2022,
        kapasitas: int = 16,
        angkatan: int = 1,
        kode: str | None = None,
        mulai: date | None = None,
        selesai: date | None = None,
    ) -> int:
        """A training class of a catalogue package (``data/packages.csv``)."""
        n = next(self._seq)
        return self._insert(
            TrainingClass,
            kode=kode or f"{paket}-{tahun}-{n:03d}",
            paket_kode=paket,
            tahun=tahun,
            angkatan=angkatan,
            tanggal_mulai=mulai or date(tahun, 3, 1),
            tanggal_selesai=selesai or date(tahun, 4, 30),
            kapasitas=kapasitas,
        )

    def enrol(
        self,
        person: int,
        kelas: int,
        status: str = "selesai",
        *,
        uji: str | None = None,
        tanggal: date | None = None,
        kehadiran: float | None = None,
    ) -> int:
        """An enrolment of ``person`` in ``kelas``; ``uji`` is the test result (selesai only)."""
        return self._insert(
            Enrolment,
            person_id=person,
            class_id=kelas,
            status=status,
            hasil_uji=uji,
            tanggal_daftar=tanggal,
            kehadiran_persen=kehadiran,
        )

    def survey(
        self,
        enrolment: int,
        tanggal: date,
        status: str = "bekerja",
        *,
        pendapatan: int | None = None,
        sebelum: int | None = None,
    ) -> int:
        """A tracer survey of an enrolment on ``tanggal``."""
        return self._insert(
            TracerSurvey,
            enrolment_id=enrolment,
            tanggal_survei=tanggal,
            status_kerja=status,
            pendapatan_bulanan=pendapatan,
            pendapatan_sebelum=sebelum,
        )

    def aid(
        self,
        person: int,
        jenis: str = "kur",
        *,
        tanggal: date,
        nilai: int = 0,
        status: str = "disetujui",
    ) -> int:
        """An aid record (``kur``, ``peralatan`` or ``modal_dusun_rw``) of a person."""
        return self._insert(
            Aid, person_id=person, jenis=jenis, tanggal=tanggal, nilai_rupiah=nilai, status=status
        )

    def data_date(self, day: date) -> None:
        """Set the data date ("data per") that eligibility and overdue tracing are measured on."""
        db.set_meta(self.conn, "data_per", day.isoformat())

    def bulk(self, model, rows: list[dict]) -> None:
        """Many rows at once (executemany); give explicit ids when later rows refer to them."""
        if rows:
            self.conn.execute(insert(model), rows)


@contextmanager
def dataset(url: str) -> Iterator[Dataset]:
    """A :class:`Dataset` on a transaction of ``url``'s engine, committed on exit with the analytics
    tables rebuilt (as every import does)."""
    with db.get_engine(url).begin() as conn:
        yield Dataset(conn)
        analytics.refresh(conn)


def small_cells(url: str) -> str:
    """Cells of 1 to 4 for the small-count tests: Kecamatan Bissappu has 3 completers of GAR-01
    (2 employed, 1 untraced, the last with one KUR of Rp8,5 juta) and 5 active in OTO-01;
    Bantaeng (Tappanjeng) has 4 active in OTO-01. Returns ``url``."""
    with dataset(url) as d:
        d.data_date(date(2024, 6, 30))
        a = d.kelas("GAR-01", tahun=2023)
        b = d.kelas("OTO-01", tahun=2023)
        for i in range(3):
            person = d.person(f"A{i}", desa=BONTO_JAI)
            e = d.enrol(person, a, "selesai", uji="kompeten")
            if i < 2:
                d.survey(e, date(2023, 9, 1), "bekerja")
        d.aid(person, "kur", tanggal=date(2023, 10, 1), nilai=8_500_000)
        for i in range(9):
            d.enrol(d.person(f"B{i}", desa=TAPPANJENG if i % 2 else BONTO_CINDE), b, "aktif")
    return url
