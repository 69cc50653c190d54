"""The enrolment database: SQLAlchemy 2 typed models.

Natural keys of the import contract (docs/data-contract.md) are unique constraints; the columns that the
global filters touch are indexed. Alembic migrations in ``lib/core/migrations`` create this schema and a
test checks that the two agree.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Stable constraint names, so that migrations on SQLite and PostgreSQL name things alike.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ENROLMENT_STATUSES = ("terdaftar", "aktif", "selesai", "keluar")
TEST_RESULTS = ("kompeten", "belum_kompeten")
TRACER_STATUSES = ("bekerja", "wirausaha", "belum_bekerja", "melanjutkan_pendidikan")
AID_KINDS = ("peralatan", "kur", "modal_dusun_rw")
AID_STATUSES = ("diajukan", "disetujui", "ditolak", "disalurkan")
REGISTRY_SOURCES = ("DTKS", "DTSEN")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Kecamatan(Base):
    __tablename__ = "kecamatan"

    kode: Mapped[str] = mapped_column(String(8), primary_key=True)  # 73.03.01
    nama: Mapped[str] = mapped_column(String(100))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)


class Village(Base):
    __tablename__ = "village"

    kode: Mapped[str] = mapped_column(String(13), primary_key=True)  # 73.03.01.2001
    kecamatan_kode: Mapped[str] = mapped_column(ForeignKey("kecamatan.kode"), index=True)
    nama: Mapped[str] = mapped_column(String(100))
    jenis: Mapped[str] = mapped_column(String(10))  # desa / kelurahan
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)

    __table_args__ = (CheckConstraint("jenis IN ('desa', 'kelurahan')", name="jenis"),)


class Package(Base):
    __tablename__ = "package"

    kode: Mapped[str] = mapped_column(String(40), primary_key=True)
    nama: Mapped[str] = mapped_column(String(200))
    kejuruan: Mapped[str] = mapped_column(String(100), index=True)
    durasi_jp: Mapped[int] = mapped_column(Integer)
    kapasitas: Mapped[int] = mapped_column(Integer, default=16)

    __table_args__ = (CheckConstraint("kapasitas > 0", name="kapasitas"),)


class TrainingClass(Base):
    __tablename__ = "training_class"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kode: Mapped[str] = mapped_column(String(40), unique=True)
    paket_kode: Mapped[str] = mapped_column(ForeignKey("package.kode"), index=True)
    tahun: Mapped[int] = mapped_column(Integer, index=True)
    angkatan: Mapped[int] = mapped_column(Integer)
    tanggal_mulai: Mapped[date] = mapped_column(Date)
    tanggal_selesai: Mapped[date] = mapped_column(Date)
    kapasitas: Mapped[int] = mapped_column(Integer)
    lokasi: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        CheckConstraint("tanggal_mulai <= tanggal_selesai", name="tanggal"),
        CheckConstraint("kapasitas > 0", name="kapasitas"),
    )


class Person(Base):
    """A DTKS/DTSEN registry record."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    nik: Mapped[str] = mapped_column(String(16), unique=True)
    no_kk: Mapped[str] = mapped_column(String(16), index=True)
    nama: Mapped[str] = mapped_column(String(200))
    jk: Mapped[str] = mapped_column(String(1), index=True)
    tanggal_lahir: Mapped[date] = mapped_column(Date)
    desa_kode: Mapped[str] = mapped_column(ForeignKey("village.kode"), index=True)
    dusun: Mapped[str | None] = mapped_column(String(100))
    rw: Mapped[str | None] = mapped_column(String(10))
    rt: Mapped[str | None] = mapped_column(String(10))
    desil: Mapped[int] = mapped_column(Integer, index=True)
    sumber: Mapped[str | None] = mapped_column(String(10))
    tanggal_data: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        CheckConstraint("jk IN ('L', 'P')", name="jk"),
        CheckConstraint("desil BETWEEN 1 AND 10", name="desil"),
        # the data-quality check of the registry's age (lib.intake.quality) counts and groups old
        # records by these two: without it, two scans of the whole registry (~0.7 s at scale 20)
        Index("ix_person_tanggal_data_sumber", "tanggal_data", "sumber"),
    )


class Enrolment(Base):
    __tablename__ = "enrolment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("training_class.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), index=True)
    tanggal_daftar: Mapped[date | None] = mapped_column(Date)
    kehadiran_persen: Mapped[float | None] = mapped_column(Float)
    hasil_uji: Mapped[str | None] = mapped_column(String(16))

    __table_args__ = (
        UniqueConstraint("person_id", "class_id"),
        CheckConstraint(_in("status", ENROLMENT_STATUSES), name="status"),
        CheckConstraint(f"hasil_uji IS NULL OR {_in('hasil_uji', TEST_RESULTS)}", name="hasil_uji"),
        Index("ix_enrolment_class_status", "class_id", "status"),
    )


class TracerSurvey(Base):
    __tablename__ = "tracer_survey"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(ForeignKey("enrolment.id"), index=True)
    tanggal_survei: Mapped[date] = mapped_column(Date)
    status_kerja: Mapped[str] = mapped_column(String(24))
    pendapatan_bulanan: Mapped[int | None] = mapped_column(BigInteger)
    pendapatan_sebelum: Mapped[int | None] = mapped_column(BigInteger)
    tempat_kerja_usaha: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        UniqueConstraint("enrolment_id", "tanggal_survei"),
        CheckConstraint(_in("status_kerja", TRACER_STATUSES), name="status_kerja"),
    )


class Aid(Base):
    __tablename__ = "aid"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    jenis: Mapped[str] = mapped_column(String(16))
    tanggal: Mapped[date] = mapped_column(Date)
    nilai_rupiah: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(12))
    penyalur: Mapped[str | None] = mapped_column(String(200))
    keterangan: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("person_id", "jenis", "tanggal"),
        CheckConstraint(_in("jenis", AID_KINDS), name="jenis"),
        CheckConstraint(_in("status", AID_STATUSES), name="status"),
        CheckConstraint("nilai_rupiah >= 0", name="nilai"),
    )


class ImportLog(Base):
    __tablename__ = "import_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    user: Mapped[str] = mapped_column(String(200))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime)
    mode: Mapped[str] = mapped_column(String(16))  # semua / sebagian / uji
    outcome: Mapped[str] = mapped_column(String(16))  # dimuat / ditolak / uji / gagal
    rows_total: Mapped[int] = mapped_column(Integer, default=0)
    rows_written: Mapped[int] = mapped_column(Integer, default=0)
    rows_rejected: Mapped[int] = mapped_column(Integer, default=0)
    warnings: Mapped[int] = mapped_column(Integer, default=0)


class Quarantine(Base):
    """Rows rejected by a ``--partial`` import, kept with their reasons."""

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    import_id: Mapped[int] = mapped_column(ForeignKey("import_log.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    row_number: Mapped[int] = mapped_column(Integer)
    data_json: Mapped[str] = mapped_column(Text)
    reasons: Mapped[str] = mapped_column(Text)


class DataWarning(Base):
    """A warning found at import (e.g. NIK digits disagreeing with the birth date), kept for review."""

    __tablename__ = "data_warning"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    import_id: Mapped[int | None] = mapped_column(ForeignKey("import_log.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(40), index=True)
    nik: Mapped[str | None] = mapped_column(String(16), index=True)
    record_key: Mapped[str] = mapped_column(String(200))
    row_number: Mapped[int | None] = mapped_column(Integer)
    column: Mapped[str | None] = mapped_column(String(64))
    value: Mapped[str | None] = mapped_column(Text)
    message: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("kind", "code", "record_key"),)


class Meta(Base):
    """Key-value metadata: ``demo`` ("1"/"0"), ``data_per`` (ISO date), ``data_version``."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditLog(Base):
    """Who did what, when, under which filters (README, Access): logins, imports, demo seeding and
    clearing, backups, export downloads, views of lists of persons, refusals. Never deleted by
    Pantau; written through ``lib.core.audit``."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    who: Mapped[str] = mapped_column(String(200))  # email, "lokal" or "cli:<os user>"
    role: Mapped[str] = mapped_column(String(40))  # as in [akses]: "camat:73.03.01"; "" none
    action: Mapped[str] = mapped_column(String(32), index=True)
    what: Mapped[str] = mapped_column(Text)  # page, file, list or command, in a few words
    filters: Mapped[str] = mapped_column(Text)  # the filters as URL parameters ("" = none)


# --- analytics tables ----------------------------------------------------------------------------
# Derived from the tables above and never edited by hand: lib.semantic.analytics rebuilds all of
# them inside the transaction of every data change (import, seed, clear-demo, migration) and stamps
# the data version they reflect. Every figure that Pantau shows is computed from these.


class AnClass(Base):
    """One row per training class (class grain): what class-level measures count."""

    __tablename__ = "an_class"

    class_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kelas_kode: Mapped[str] = mapped_column(String(40))
    paket_kode: Mapped[str] = mapped_column(String(40), index=True)
    kejuruan: Mapped[str] = mapped_column(String(100))
    tahun: Mapped[int] = mapped_column(Integer, index=True)
    bulan: Mapped[int] = mapped_column(Integer)  # YYYYMM of the start date
    tanggal_mulai: Mapped[date] = mapped_column(Date)
    tanggal_selesai: Mapped[date] = mapped_column(Date)
    kapasitas: Mapped[int] = mapped_column(Integer)
    terisi: Mapped[int] = mapped_column(Integer)  # enrolments, any status


class AnEnrolment(Base):
    """One row per enrolment (the fact table): class, person and outcome attributes flattened.

    ``status_kerja`` … ``pendapatan_bulanan`` are the person's latest tracer survey over all of
    their enrolments (the same on every row of that person); ``survei_kelas`` counts the surveys
    recorded for this enrolment; ``bulan_sejak_selesai`` counts whole calendar months from this
    class's end to that latest survey (negative when the survey is earlier).
    """

    __tablename__ = "an_enrolment"

    enrolment_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    class_id: Mapped[int] = mapped_column(Integer, index=True)
    kelas_kode: Mapped[str] = mapped_column(String(40))
    paket_kode: Mapped[str] = mapped_column(String(40), index=True)
    kejuruan: Mapped[str] = mapped_column(String(100))
    tahun: Mapped[int] = mapped_column(Integer, index=True)
    bulan: Mapped[int] = mapped_column(Integer)
    tanggal_mulai: Mapped[date] = mapped_column(Date)
    tanggal_selesai: Mapped[date] = mapped_column(Date)
    person_id: Mapped[int] = mapped_column(Integer, index=True)
    desa_kode: Mapped[str] = mapped_column(String(13), index=True)
    kecamatan_kode: Mapped[str] = mapped_column(String(8), index=True)
    dusun: Mapped[str | None] = mapped_column(String(100))
    rw: Mapped[str | None] = mapped_column(String(10))
    jk: Mapped[str] = mapped_column(String(1))
    desil: Mapped[int] = mapped_column(Integer)
    umur: Mapped[int] = mapped_column(Integer)  # whole years at the class start
    kelompok_umur: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(12))
    hasil_uji: Mapped[str | None] = mapped_column(String(16))
    tanggal_daftar: Mapped[date | None] = mapped_column(Date)
    status_kerja: Mapped[str | None] = mapped_column(String(24))
    tanggal_survei: Mapped[date | None] = mapped_column(Date)
    pendapatan_sebelum: Mapped[int | None] = mapped_column(BigInteger)
    pendapatan_bulanan: Mapped[int | None] = mapped_column(BigInteger)
    survei_kelas: Mapped[int] = mapped_column(Integer)
    # 1 when the class ended at least ``telusur_setelah_bulan`` months before the data date, so a
    # completer of it without any survey is overdue for tracing (the one "untraced" rule)
    telusur_jatuh_tempo: Mapped[int] = mapped_column(Integer)
    # whole calendar months from this class's end to the person's latest survey (None without
    # one): precomputed because date parts cost seconds per million rows on SQLite
    bulan_sejak_selesai: Mapped[int | None] = mapped_column(Integer)
    # 1 when this is the person's only enrolment: a distinct count of persons needs no
    # de-duplication for such rows (lib.semantic.measures, _persons)
    satu_baris: Mapped[int] = mapped_column(Integer)


class AnTracer(Base):
    """One row per tracer survey, with its enrolment's class and the person's residence;
    ``bulan_sejak_selesai`` counts whole calendar months from the class end to the survey."""

    __tablename__ = "an_tracer"

    survey_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    enrolment_id: Mapped[int] = mapped_column(Integer, index=True)
    person_id: Mapped[int] = mapped_column(Integer, index=True)
    class_id: Mapped[int] = mapped_column(Integer)
    paket_kode: Mapped[str] = mapped_column(String(40))
    kejuruan: Mapped[str] = mapped_column(String(100))
    tahun: Mapped[int] = mapped_column(Integer)
    desa_kode: Mapped[str] = mapped_column(String(13))
    kecamatan_kode: Mapped[str] = mapped_column(String(8))
    jk: Mapped[str] = mapped_column(String(1))
    tanggal_selesai: Mapped[date] = mapped_column(Date)
    tanggal_survei: Mapped[date] = mapped_column(Date)
    bulan_sejak_selesai: Mapped[int] = mapped_column(Integer)
    status_kerja: Mapped[str] = mapped_column(String(24))
    pendapatan_sebelum: Mapped[int | None] = mapped_column(BigInteger)
    pendapatan_bulanan: Mapped[int | None] = mapped_column(BigInteger)


class AnAid(Base):
    """One row per aid record, with the recipient's residence and gender."""

    __tablename__ = "an_aid"

    aid_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(Integer, index=True)
    desa_kode: Mapped[str] = mapped_column(String(13))
    kecamatan_kode: Mapped[str] = mapped_column(String(8))
    jk: Mapped[str] = mapped_column(String(1))
    jenis: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(12))
    tanggal: Mapped[date] = mapped_column(Date)
    nilai_rupiah: Mapped[int] = mapped_column(BigInteger)


class AnRegistry(Base):
    """Registry persons counted per village × gender × desil × age band on the data date."""

    __tablename__ = "an_registry"

    desa_kode: Mapped[str] = mapped_column(String(13), primary_key=True)
    jk: Mapped[str] = mapped_column(String(1), primary_key=True)
    desil: Mapped[int] = mapped_column(Integer, primary_key=True)
    kelompok_umur: Mapped[str] = mapped_column(String(8), primary_key=True)
    produktif: Mapped[int] = mapped_column(Integer, primary_key=True)  # 1: productive age
    kecamatan_kode: Mapped[str] = mapped_column(String(8), index=True)
    orang: Mapped[int] = mapped_column(Integer)
