"""The measure registry: every number Pantau shows, declared once.

A :class:`Measure` carries its key, labels (id/en), unit, level, definition text (built from the
programme settings, never from literals such as the quota), its small-count policy, its colour and
how it is computed: an aggregate over one analytics table (a *cube*, see :data:`CUBES`), a ratio of
two declared measures, or a derivation from declared measures. :mod:`lib.semantic.query` evaluates
them for any dimensions and filters; pages, the ``kpi`` CLI, the deck, exports and the glossary
read labels and definitions from here. ``docs/indicators.md`` is generated from this registry.

The rules that several pages share live here too, each once, with its parameter in the programme
settings: what counts as placed (:data:`PLACED`), untraced (:func:`untraced_after_months`), a class
under capacity (:func:`under_capacity_pct`), when the annual targets apply
(:func:`annual_targets_apply`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import FromClause, case, distinct, func, true
from sqlalchemy.sql.elements import ColumnElement

from lib.core import fmt
from lib.core.config import Settings, settings
from lib.core.filters import Filters
from lib.core.models import TRACER_STATUSES, AnAid, AnClass, AnEnrolment, AnRegistry

ACTIVE_STATUSES = ("terdaftar", "aktif", "selesai")
APPROVED_AID = ("disetujui", "disalurkan")
OUTCOMES = TRACER_STATUSES  # the statuses a tracer survey records (the schema's own list)
PLACED = ("bekerja", "wirausaha")  # the one rule of "placed" (ditempatkan)
STATUSES = (*OUTCOMES, "tidak_terlacak")

# --- one palette (Okabe–Ito based, colour-blind safe), used by pages, map and deck ----------------
PRIMARY = "#0b5d7a"
SECONDARY = "#d55e00"
PLAN = "#7a8793"
GOOD = "#009e73"
WARN = "#e69f00"
BAD = "#b02a2a"
MUTED = "#bbbbbb"
OUTCOME_COLOURS = {
    "bekerja": "#009e73",
    "wirausaha": "#0072b2",
    "belum_bekerja": "#e69f00",
    "melanjutkan_pendidikan": "#cc79a7",
    "tidak_terlacak": "#bbbbbb",
}
AID_STATUS_COLOURS = {
    "diajukan": "#e69f00",
    "disetujui": "#56b4e9",
    "disalurkan": "#0072b2",
    "ditolak": "#999999",
}


# --- cubes: the analytics tables and which filters reach them ---------------------------------


@dataclass(frozen=True)
class Cube:
    key: str
    table: FromClause
    filters: tuple[str, ...]  # Filters fields that apply to this cube's rows
    dims: tuple[str, ...]  # dimensions it can be grouped by


CLASS_FILTERS = ("tahun", "paket", "kejuruan")
PERSON_FILTERS = ("kecamatan", "desa", "jk")
CLASS_DIMS = ("tahun", "bulan", "paket", "kejuruan", "kelas")
PERSON_DIMS = ("kecamatan", "desa", "jk", "kelompok_umur", "desil")
ENROLMENT_DIMS = (*CLASS_DIMS, *PERSON_DIMS, "status_kerja")

CUBES: dict[str, Cube] = {
    c.key: c
    for c in (
        Cube("kelas", AnClass.__table__, CLASS_FILTERS, CLASS_DIMS),
        Cube("pendaftaran", AnEnrolment.__table__, CLASS_FILTERS + PERSON_FILTERS, ENROLMENT_DIMS),
        # aid of persons in scope with an enrolment in a class in scope (docs/indicators.md): person filters on
        # the aid row, class filters through the enrolment fact
        Cube(
            "bantuan",
            AnAid.__table__,
            CLASS_FILTERS + PERSON_FILTERS,
            ("kecamatan", "desa", "jk", "jenis", "status_bantuan"),
        ),
        Cube(
            "registri",
            AnRegistry.__table__,
            PERSON_FILTERS,
            ("kecamatan", "desa", "jk", "kelompok_umur", "desil"),
        ),
    )
}


@dataclass(frozen=True)
class Dimension:
    key: str
    label: str
    label_en: str
    column: str  # column name in every cube that has it


DIMENSIONS: dict[str, Dimension] = {
    d.key: d
    for d in (
        Dimension("tahun", "Tahun kelas", "Class year", "tahun"),
        Dimension("bulan", "Bulan mulai kelas", "Class start month", "bulan"),
        Dimension("kecamatan", "Kecamatan", "District", "kecamatan_kode"),
        Dimension("desa", "Desa/kelurahan", "Village", "desa_kode"),
        Dimension("paket", "Paket", "Package", "paket_kode"),
        Dimension("kejuruan", "Kejuruan", "Trade", "kejuruan"),
        Dimension("kelas", "Kelas", "Class", "kelas_kode"),
        Dimension("status_kerja", "Status kerja terakhir", "Latest work status", "status_kerja"),
        Dimension("jk", "Jenis kelamin", "Gender", "jk"),
        Dimension("kelompok_umur", "Kelompok umur", "Age band", "kelompok_umur"),
        Dimension("desil", "Desil", "Decile", "desil"),
        Dimension("jenis", "Jenis bantuan", "Aid kind", "jenis"),
        Dimension("status_bantuan", "Status bantuan", "Aid status", "status"),
    )
}


# --- measures ------------------------------------------------------------------------------------

SqlFn = Callable[[FromClause], ColumnElement]


@dataclass(frozen=True)
class Measure:
    """One number, declared once. Exactly one of ``sql``, ``ratio``, ``derive`` or ``constant``
    says how it is computed."""

    key: str
    label: str
    label_en: str
    unit: str  # orang, pendaftaran, kelas, kursi, paket, persen, rupiah, catatan, per_1000
    level: str  # program, kelas, orang, hasil, bantuan, wilayah
    definisi: str  # str.format template over :func:`text_values`
    definition_en: str
    cube: str | None = None
    sql: SqlFn | None = None
    median: str | None = None  # column whose per-person median this is (``cube`` rows)
    ratio: tuple[str, str, int] | None = None  # numerator, denominator, scale (100 or 1000)
    derive: tuple[tuple[str, ...], Callable[..., int | None]] | None = None
    constant: Callable[[Settings], int] | None = None
    plan: bool = False  # a programme-wide pace measure computed by :mod:`lib.semantic.plan`
    policy: str = "count"  # count | rate | money | median | none (4b)
    base: str | None = None  # the count a rate/money/median is computed from (4b)
    colour: str = PRIMARY
    indicator: bool = False  # one of the keys of docs/indicators.md (``kpi --json``)
    depends: tuple[str, ...] = field(default=())

    def label_for(self, lang: str = "id") -> str:
        return self.label_en if lang == "en" else self.label

    def definition_for(self, lang: str = "id", s: Settings | None = None) -> str:
        template = self.definition_en if lang == "en" else self.definisi
        return template.format(**text_values(lang, s))


def text_values(lang: str = "id", s: Settings | None = None) -> dict[str, str]:
    """The programme figures that definition texts quote, formatted for ``lang``."""
    s = s or settings()
    return {
        "kuota": fmt.number(s.kuota, lang=lang),
        "tahun": fmt.number(s.lama_tahun, lang=lang),
        "kelas": fmt.number(s.kapasitas_kelas, lang=lang),
        "umur_min": str(s.usia_produktif_min),
        "umur_max": str(s.usia_produktif_max),
        "desil": str(s.desil_sasaran_max),
        "ambang": str(s.ambang_sel_kecil),
        "keterisian": fmt.number(under_capacity_pct(s), lang=lang),
        "telusur": str(untraced_after_months(s)),
    }


def _persons(cond) -> SqlFn:
    """Distinct persons among the rows where ``cond`` holds. On the enrolment fact, the rows of a
    person with one enrolment only (``satu_baris``) are summed and only the others de-duplicated:
    the same count under any filter, without a distinct set of ~all persons per measure (a third
    of the time of the indicators at demo scale 20)."""

    def sql(t):
        if "satu_baris" not in t.c:
            return func.count(distinct(case((cond(t), t.c.person_id))))
        single = t.c.satu_baris == 1
        return func.coalesce(func.sum(case((cond(t) & single, 1), else_=0)), 0) + func.count(
            distinct(case((cond(t) & (t.c.satu_baris == 0), t.c.person_id)))
        )

    return sql


def _rows(cond) -> SqlFn:
    return lambda t: func.coalesce(func.sum(case((cond(t), 1), else_=0)), 0)


def _active(t):
    return t.c.status.in_(ACTIVE_STATUSES)


def _selesai(t):
    return t.c.status == "selesai"


def _outcome(status: str):
    return lambda t: (t.c.status == "selesai") & (t.c.status_kerja == status)


def _approved(kind: str):
    return lambda t: t.c.status.in_(APPROVED_AID) & (t.c.jenis == kind)


def _eligible(t):
    return (t.c.produktif == 1) & (t.c.desil <= settings().desil_sasaran_max)


def _gap(sasaran: int | None, peserta: int | None) -> int | None:
    if sasaran is None:
        return None
    return max(0, int(sasaran) - int(peserta or 0))


M = Measure
REGISTRY: tuple[Measure, ...] = (
    # --- docs/indicators.md -------------------------------------------------------------------------
    M("kuota", "Kuota", "Quota", "orang", "program",
      "Kuota program menurut pengaturan program ({kuota} orang dalam {tahun} tahun).",
      "Programme quota from the programme settings ({kuota} people over {tahun} years).",
      constant=lambda s: s.kuota, policy="none", indicator=True, colour=PLAN),
    M("peserta", "Peserta", "Participants", "orang", "orang",
      "Jumlah orang (NIK berbeda) yang punya sedikitnya satu pendaftaran berstatus terdaftar, "
      "aktif atau selesai.",
      "Distinct persons (NIK) with at least one enrolment that is registered, active or completed.",
      cube="pendaftaran", sql=_persons(_active), indicator=True),
    M("persen_kuota", "Capaian kuota", "Quota reached", "persen", "orang",
      "Peserta dibagi kuota × 100. Dengan filter, angka ini adalah porsi kelompok itu dari kuota "
      "kabupaten.",
      "Participants / quota × 100. Under a filter it is that group's share of the regency quota.",
      ratio=("peserta", "kuota", 100), policy="rate", base="peserta", indicator=True),
    M("selesai", "Selesai", "Completed", "orang", "orang",
      "Jumlah orang yang punya sedikitnya satu pendaftaran berstatus selesai.",
      "Distinct persons with at least one completed enrolment.",
      cube="pendaftaran", sql=_persons(_selesai), indicator=True, colour=GOOD),
    M("keluar", "Keluar", "Dropped out", "pendaftaran", "orang",
      "Jumlah pendaftaran berstatus keluar (putus pelatihan).",
      "Enrolments whose status is dropped out.",
      cube="pendaftaran", sql=_rows(lambda t: t.c.status == "keluar"), indicator=True, colour=BAD),
    M("kompeten", "Kompeten", "Competent", "orang", "orang",
      "Jumlah orang dengan sedikitnya satu pendaftaran yang hasil uji kompetensinya kompeten.",
      "Distinct persons with at least one enrolment tested competent.",
      cube="pendaftaran", sql=_persons(lambda t: t.c.hasil_uji == "kompeten"), indicator=True),
    M("kelas", "Kelas", "Classes", "kelas", "kelas",
      "Jumlah kelas dalam cakupan filter kelas (tahun, paket, kejuruan).",
      "Classes in scope of the class filters (year, package, trade).",
      cube="kelas", sql=lambda t: func.count(t.c.class_id), policy="none", indicator=True),
    M("kursi", "Kapasitas kursi", "Seats", "kursi", "kelas",
      "Jumlah kapasitas kelas dalam cakupan (bawaan {kelas} kursi per kelas).",
      "Sum of the capacity of the classes in scope (default {kelas} seats per class).",
      cube="kelas", sql=lambda t: func.coalesce(func.sum(t.c.kapasitas), 0), policy="none",
      indicator=True, colour=PLAN),
    M("terisi", "Kursi terisi", "Seats filled", "pendaftaran", "kelas",
      "Jumlah pendaftaran (semua status) di kelas dalam cakupan.",
      "Enrolments (any status) in the classes in scope.",
      cube="kelas", sql=lambda t: func.coalesce(func.sum(t.c.terisi), 0), indicator=True),
    M("persen_keterisian", "Keterisian kelas", "Fill rate", "persen", "kelas",
      "Kursi terisi dibagi kapasitas kursi × 100. Kelas di bawah {keterisian}% dianggap kurang "
      "terisi.",
      "Seats filled / seats × 100. Classes under {keterisian}% count as under-filled.",
      ratio=("terisi", "kursi", 100), policy="none", indicator=True),
    M("paket_berjalan", "Paket berjalan", "Packages run", "paket", "kelas",
      "Jumlah paket berbeda di antara kelas dalam cakupan.",
      "Distinct packages among the classes in scope.",
      cube="kelas", sql=lambda t: func.count(distinct(t.c.paket_kode)), policy="none",
      indicator=True),
    M("paket_total", "Paket dalam katalog", "Packages in catalogue", "paket", "program",
      "Jumlah paket dalam katalog pelatihan.", "Packages in the training catalogue.",
      policy="none", indicator=True, colour=PLAN),
    M("bekerja", "Bekerja", "Employed", "orang", "hasil",
      "Di antara peserta selesai: yang survei penelusuran terakhirnya (atas semua "
      "pendaftarannya) berstatus bekerja.",
      "Among completers: those whose latest tracer survey (over all their enrolments) says "
      "employed.",
      cube="pendaftaran", sql=_persons(_outcome("bekerja")), indicator=True,
      colour=OUTCOME_COLOURS["bekerja"]),
    M("wirausaha", "Wirausaha", "Self-employed", "orang", "hasil",
      "Di antara peserta selesai: yang survei penelusuran terakhirnya berstatus wirausaha.",
      "Among completers: those whose latest tracer survey says self-employed.",
      cube="pendaftaran", sql=_persons(_outcome("wirausaha")), indicator=True,
      colour=OUTCOME_COLOURS["wirausaha"]),
    M("belum_bekerja", "Belum bekerja", "Not yet working", "orang", "hasil",
      "Di antara peserta selesai: yang survei penelusuran terakhirnya berstatus belum bekerja.",
      "Among completers: those whose latest tracer survey says not yet working.",
      cube="pendaftaran", sql=_persons(_outcome("belum_bekerja")), indicator=True,
      colour=OUTCOME_COLOURS["belum_bekerja"]),
    M("melanjutkan_pendidikan", "Melanjutkan pendidikan", "In further education", "orang",
      "hasil",
      "Di antara peserta selesai: yang survei penelusuran terakhirnya berstatus melanjutkan "
      "pendidikan.",
      "Among completers: those whose latest tracer survey says in further education.",
      cube="pendaftaran", sql=_persons(_outcome("melanjutkan_pendidikan")), indicator=True,
      colour=OUTCOME_COLOURS["melanjutkan_pendidikan"]),
    M("tidak_terlacak", "Tidak terlacak", "Not traced", "orang", "hasil",
      "Peserta selesai yang belum pernah disurvei (tracer study).",
      "Completers with no tracer survey.",
      cube="pendaftaran",
      sql=_persons(lambda t: (t.c.status == "selesai") & t.c.status_kerja.is_(None)),
      indicator=True, colour=OUTCOME_COLOURS["tidak_terlacak"]),
    M("persen_penempatan", "Tingkat penempatan", "Placement rate", "persen", "hasil",
      "(Bekerja + wirausaha) dibagi peserta selesai × 100, menurut survei penelusuran terakhir.",
      "(Employed + self-employed) / completers × 100, by the latest tracer survey.",
      ratio=("ditempatkan", "selesai", 100), policy="rate", base="selesai", indicator=True,
      colour=GOOD),
    M("kur_disetujui", "KUR disetujui", "KUR approved", "catatan", "bantuan",
      "Catatan bantuan KUR berstatus disetujui atau disalurkan, milik peserta dalam cakupan.",
      "KUR aid records approved or disbursed, of persons in scope.",
      cube="bantuan", sql=_rows(_approved("kur")), indicator=True),
    M("kur_nilai_rp", "Nilai KUR disetujui", "KUR value approved", "rupiah", "bantuan",
      "Jumlah nilai (rupiah) KUR yang disetujui atau disalurkan.",
      "Sum of the value (rupiah) of approved or disbursed KUR.",
      cube="bantuan",
      sql=lambda t: func.coalesce(
          func.sum(case((_approved("kur")(t), t.c.nilai_rupiah), else_=0)), 0
      ),
      policy="money", base="kur_disetujui", indicator=True),
    M("peralatan", "Bantuan peralatan", "Equipment aid", "catatan", "bantuan",
      "Catatan bantuan peralatan berstatus disetujui atau disalurkan.",
      "Equipment aid records approved or disbursed.",
      cube="bantuan", sql=_rows(_approved("peralatan")), indicator=True),
    M("modal_dusun_rw", "Modal usaha dusun/RW", "Hamlet/RW capital aid", "catatan", "bantuan",
      "Catatan bantuan modal usaha berbasis dusun dan RW berstatus disetujui atau disalurkan.",
      "Hamlet/RW business-capital aid records approved or disbursed.",
      cube="bantuan", sql=_rows(_approved("modal_dusun_rw")), indicator=True),
    # --- measures that pages, the deck and exports show ----------------------------------------
    M("ditempatkan", "Ditempatkan", "Placed", "orang", "hasil",
      "Peserta selesai yang survei penelusuran terakhirnya berstatus bekerja atau wirausaha.",
      "Completers whose latest tracer survey says employed or self-employed.",
      cube="pendaftaran",
      sql=_persons(lambda t: (t.c.status == "selesai") & t.c.status_kerja.in_(PLACED)),
      colour=GOOD),
    M("tidak_terlacak_jatuh_tempo", "Belum ditelusuri lewat waktu", "Tracing overdue", "orang",
      "hasil",
      "Peserta selesai tanpa survei penelusuran yang kelasnya selesai sedikitnya {telusur} bulan "
      "sebelum tanggal data.",
      "Completers without a tracer survey whose class ended at least {telusur} months before the "
      "data date.",
      cube="pendaftaran",
      sql=_persons(
          lambda t: (t.c.status == "selesai") & t.c.status_kerja.is_(None)
          & (t.c.telusur_jatuh_tempo == 1)
      ), colour=WARN),
    M("kelas_kurang_terisi", "Kelas kurang terisi", "Under-filled classes", "kelas", "kelas",
      "Kelas dalam cakupan yang terisi kurang dari {keterisian}% kapasitasnya.",
      "Classes in scope filled below {keterisian}% of their capacity.",
      cube="kelas",
      sql=lambda t: func.coalesce(
          func.sum(case((t.c.terisi * 100 < t.c.kapasitas * under_capacity_pct(), 1), else_=0)),
          0,
      ), policy="none", colour=WARN),
    M("terlacak", "Terlacak", "Traced", "orang", "hasil",
      "Peserta selesai yang sudah pernah disurvei.", "Completers with at least one survey.",
      cube="pendaftaran",
      sql=_persons(lambda t: (t.c.status == "selesai") & t.c.status_kerja.is_not(None))),
    M("pernah_terdaftar", "Pernah terdaftar", "Ever enrolled", "orang", "orang",
      "Orang yang pernah terdaftar di kelas dalam cakupan, semua status (termasuk keluar).",
      "Persons ever enrolled in a class in scope, any status (drop-outs included).",
      cube="pendaftaran", sql=_persons(lambda t: true())),
    M("persen_selesai", "Tingkat penyelesaian", "Completion rate", "persen", "orang",
      "Orang yang selesai dibagi semua orang yang pernah terdaftar, termasuk yang keluar "
      "(× 100). Kelas yang masih berjalan menurunkannya.",
      "Completers / everyone ever enrolled, drop-outs included (× 100). Classes still running "
      "lower it.",
      ratio=("selesai", "pernah_terdaftar", 100), policy="rate", base="pernah_terdaftar"),
    M("persen_kompeten", "Tingkat kompeten", "Competence rate", "persen", "orang",
      "Orang yang diuji kompeten dibagi peserta selesai × 100.",
      "Persons tested competent / completers × 100.",
      ratio=("kompeten", "selesai", 100), policy="rate", base="selesai"),
    M("penerima_kur", "Penerima KUR", "KUR recipients", "orang", "bantuan",
      "Orang dalam cakupan dengan sedikitnya satu KUR disetujui atau disalurkan.",
      "Persons in scope with at least one approved or disbursed KUR.",
      cube="bantuan", sql=_persons(_approved("kur"))),
    M("catatan_bantuan", "Catatan bantuan", "Aid records", "catatan", "bantuan",
      "Semua catatan bantuan (semua jenis dan status) milik peserta dalam cakupan.",
      "All aid records (any kind and status) of persons in scope.",
      cube="bantuan", sql=lambda t: func.count(t.c.aid_id)),
    M("nilai_bantuan_rp", "Nilai bantuan", "Aid value", "rupiah", "bantuan",
      "Jumlah nilai (rupiah) catatan bantuan.", "Sum of the value (rupiah) of the aid records.",
      cube="bantuan", sql=lambda t: func.coalesce(func.sum(t.c.nilai_rupiah), 0),
      policy="money", base="catatan_bantuan"),
    M("penerima_bantuan", "Penerima bantuan", "Aid recipients", "orang", "bantuan",
      "Orang berbeda di antara catatan bantuan.", "Distinct persons among the aid records.",
      cube="bantuan", sql=lambda t: func.count(distinct(t.c.person_id))),
    M("median_pendapatan_sebelum", "Median pendapatan sebelum", "Median income before",
      "rupiah", "hasil",
      "Median pendapatan bulanan sebelum pelatihan, menurut survei penelusuran terakhir (orang "
      "yang mengisinya).",
      "Median monthly income before training, from the latest tracer survey (persons who gave "
      "it).",
      cube="pendaftaran", median="pendapatan_sebelum", policy="median", base="n_pendapatan"),
    M("median_pendapatan_sesudah", "Median pendapatan sesudah", "Median income after",
      "rupiah", "hasil",
      "Median pendapatan bulanan menurut survei penelusuran terakhir.",
      "Median monthly income from the latest tracer survey.",
      cube="pendaftaran", median="pendapatan_bulanan", policy="median", base="n_pendapatan"),
    M("n_pendapatan", "Orang dengan data pendapatan", "Persons with income data", "orang",
      "hasil",
      "Peserta selesai yang survei terakhirnya mencatat pendapatan (sebelum atau sesudah).",
      "Completers whose latest survey records an income (before or after).",
      cube="pendaftaran",
      sql=_persons(
          lambda t: (t.c.status == "selesai")
          & (t.c.pendapatan_sebelum.is_not(None) | t.c.pendapatan_bulanan.is_not(None))
      )),
    # --- decision measures (docs/indicators.md) -----------------------------------------------------------
    M("sasaran", "Warga sasaran", "Eligible residents", "orang", "wilayah",
      "Orang dalam data DTKS/DTSEN berusia produktif ({umur_min}–{umur_max} tahun) pada tanggal "
      "data dengan desil 1 sampai {desil}.",
      "Registry persons of productive age ({umur_min}–{umur_max}) on the data date whose desil "
      "is 1 to {desil}.",
      cube="registri",
      sql=lambda t: func.coalesce(func.sum(case((_eligible(t), t.c.orang), else_=0)), 0),
      colour=PLAN),
    M("warga_registri", "Warga dalam DTKS/DTSEN", "Registry residents", "orang", "wilayah",
      "Semua orang dalam data DTKS/DTSEN.", "Every person in the registry.",
      cube="registri", sql=lambda t: func.coalesce(func.sum(t.c.orang), 0), policy="none"),
    M("cakupan", "Cakupan", "Coverage", "persen", "wilayah",
      "Peserta dari wilayah itu dibagi warga sasarannya × 100 (menurut tempat tinggal di "
      "DTKS/DTSEN).",
      "Participants from the area / its eligible residents × 100 (by registry residence).",
      ratio=("peserta", "sasaran", 100), policy="rate", base="peserta"),
    M("per_1000_sasaran", "Peserta per 1.000 warga sasaran",
      "Participants per 1,000 eligible residents", "per_1000", "wilayah",
      "Peserta dibagi warga sasaran × 1.000.", "Participants / eligible residents × 1,000.",
      ratio=("peserta", "sasaran", 1000), policy="rate", base="peserta"),
    M("kebutuhan_belum_terlayani", "Kebutuhan belum terlayani", "Unmet need", "orang",
      "wilayah",
      "Warga sasaran dikurangi peserta (paling kecil 0).",
      "Eligible residents minus participants (never below 0).",
      derive=(("sasaran", "peserta"), _gap), colour=SECONDARY),
    M("sisa_kuota", "Sisa kuota", "Quota remaining", "orang", "program",
      "Kuota dikurangi peserta seluruh program (paling kecil 0).",
      "Quota minus the whole programme's participants (never below 0).",
      plan=True, policy="none", colour=SECONDARY),
    M("kelas_dibutuhkan", "Kelas yang masih dibutuhkan", "Classes still needed", "kelas",
      "program",
      "Sisa kuota dibagi kapasitas kelas ({kelas}), dibulatkan ke atas.",
      "Quota remaining divided by the class size ({kelas}), rounded up.",
      plan=True, policy="none", colour=SECONDARY),
    M("laju", "Laju terhadap rencana", "Pace against the plan", "orang", "program",
      "Rencana linear dari 0 orang pada tanggal mulai program sampai kuota ({kuota} orang) pada "
      "akhir tahun ke-{tahun}; dibandingkan dengan peserta seluruh program per tanggal data.",
      "A straight line from 0 people at the programme start to the quota ({kuota}) at the end of "
      "year {tahun}, compared with the whole programme's participants as of the data date.",
      plan=True, policy="none", colour=PLAN),
    M("proyeksi", "Proyeksi", "Projection", "tanggal", "program",
      "Tanggal kuota tercapai bila laju rata-rata sejak program dimulai (peserta dibagi hari "
      "berjalan) berlanjut.",
      "The date the quota is reached if the average pace since the start (participants per "
      "day elapsed) continues.",
      plan=True, policy="none", colour=PLAN),
    # --- /hasil ---------------------------------------------------------------------------------
    # --- decision support (/rencana, docs/indicators.md) ---------------------------------------------------
    # Computed by lib.semantic.decisions; porsi_kuota is a plain ratio, the others are declared
    # here for their labels and definitions (query() cannot compute them).
    M("porsi_kuota", "Porsi dari kuota kabupaten", "Share of the regency quota", "persen",
      "orang",
      "Peserta kelompok yang difilter dibagi kuota kabupaten ({kuota} orang) × 100: porsi "
      "kelompok itu, bukan capaian kuota.",
      "Participants of the filtered group / the regency quota ({kuota}) × 100: that group's "
      "share, not the quota reached.",
      ratio=("peserta", "kuota", 100), policy="rate", base="peserta"),
    M("bagian_wajar", "Bagian wajar dari kuota", "Fair share of the quota", "orang", "wilayah",
      "Kuota ({kuota} orang) × warga sasaran wilayah itu / warga sasaran seluruh kabupaten, "
      "dibulatkan ke orang terdekat; dibandingkan dengan peserta dari wilayah itu.",
      "The quota ({kuota}) × the area's eligible residents / the regency's eligible residents, "
      "rounded to whole people; compared with the area's participants.",
      colour=PLAN),
    M("hari_tersisa", "Hari tersisa", "Days left", "hari", "program",
      "Hari setelah tanggal data sampai hari terakhir program (akhir tahun ke-{tahun}).",
      "Days after the data date up to the programme's last day (end of year {tahun}).",
      plan=True, policy="none"),
    M("laju_dibutuhkan", "Laju yang dibutuhkan", "Pace needed", "orang_per_bulan", "program",
      "Sisa kuota dibagi bulan yang tersisa sampai akhir program: peserta baru per bulan agar "
      "kuota {kuota} orang tercapai tepat waktu.",
      "Quota remaining / months left to the programme end: new participants per month needed to "
      "reach the quota of {kuota} in time.",
      plan=True, policy="none", colour=SECONDARY),
    M("laju_terkini", "Laju terkini", "Recent pace", "orang_per_bulan", "program",
      "Tambahan peserta seluruh program dalam beberapa bulan terakhir (bawaan 6 bulan) dibagi "
      "jumlah bulannya. Bila laju ini kurang dari laju yang dibutuhkan, program diperkirakan "
      "terlambat.",
      "New participants of the whole programme over the last months (6 by default) per month. "
      "When it is below the pace needed, the programme is expected to miss the deadline.",
      plan=True, policy="none", colour=PRIMARY),
    M("skor_prioritas", "Skor prioritas modal dusun/RW", "Hamlet/RW capital priority score",
      "skor", "bantuan",
      "Jumlah bagian skor alumni dikali bobotnya: kompeten, berwirausaha menurut survei "
      "terakhir, belum menerima KUR atau bantuan peralatan, desil rendah, dan kebutuhan desanya "
      "yang belum terlayani. Bagian dan bobot ditampilkan bersama daftar dan diatur dalam "
      "pengaturan program.",
      "The sum of an alumnus's score parts times their weights: competent, self-employed by the "
      "latest survey, no KUR or equipment aid yet, a low desil, and the unmet need of their "
      "village. Parts and weights are shown with the list and set in the programme settings.",
      policy="none"),
    M("telusur_terlambat", "Survei lanjutan terlambat", "Follow-up surveys overdue", "survei",
      "hasil",
      "Survei penelusuran bulan ke-3, ke-6 dan ke-12 setelah kelas selesai (bawaan) yang belum "
      "tercatat untuk pendaftaran berstatus selesai, padahal batas waktunya (ditambah toleransi "
      "dalam pengaturan program) sudah lewat pada tanggal data.",
      "Tracer surveys at 3, 6 and 12 months after the class ended (by default) not yet recorded "
      "for a completed enrolment although their due date (plus the tolerance of the programme "
      "settings) has passed on the data date.",
      colour=WARN),
    M("hari_menunggu_kur", "Lama menunggu KUR", "KUR waiting time", "hari", "bantuan",
      "Hari sejak tanggal pengajuan KUR yang masih berstatus diajukan sampai tanggal data.",
      "Days from the application date of a KUR still pending to the data date.",
      policy="median", base="catatan_bantuan", colour=WARN),
    # --- the columns of the /rencana lists (declared for their small-count policy, 4b) ----------
    M("peserta_wilayah", "Peserta seluruh program", "Participants, whole programme", "orang",
      "wilayah",
      "Peserta dari wilayah itu sepanjang program (filter tahun, paket dan kejuruan tidak "
      "berlaku): yang dibandingkan dengan bagian wajar dari kuota.",
      "The area's participants over the whole programme (year, package and kejuruan filters do "
      "not apply): what the fair share of the quota is compared with.",
      colour=PRIMARY),
    M("persen_bagian_wajar", "Persen dari bagian wajar", "Percent of the fair share", "persen",
      "wilayah",
      "Peserta seluruh program dari wilayah itu dibagi bagian wajarnya × 100.",
      "The area's participants over the whole programme / its fair share × 100.",
      policy="rate", base="peserta_wilayah", colour=PRIMARY),
    M("kurang_dari_bagian_wajar", "Kurang dari bagian wajar", "Short of the fair share", "orang",
      "wilayah",
      "Bagian wajar dari kuota dikurangi peserta seluruh program dari wilayah itu (paling kecil 0).",
      "The fair share of the quota minus the area's participants over the whole programme (never "
      "below 0).",
      colour=SECONDARY),
    M("perubahan_pendapatan_n", "Orang dengan perubahan pendapatan",
      "Persons with an income change", "orang", "hasil",
      "Peserta selesai yang survei terakhirnya mencatat pendapatan sebelum dan sesudah pelatihan.",
      "Completers whose latest survey records an income both before and after the training."),
    M("median_perubahan_pendapatan", "Median perubahan pendapatan", "Median income change",
      "rupiah", "hasil",
      "Median per orang dari pendapatan bulanan terakhir dikurangi pendapatan sebelum pelatihan.",
      "Median over persons of the latest monthly income minus the income before the training.",
      policy="median", base="perubahan_pendapatan_n"),
    M("alumni_calon_modal", "Alumni calon penerima modal", "Alumni candidates for capital aid",
      "orang", "bantuan",
      "Peserta selesai dalam cakupan yang dinilai untuk modal usaha dusun/RW (tanpa yang sudah "
      "menerimanya, bila diatur demikian).",
      "Completers in scope scored for hamlet/RW capital aid (without those who already have it, "
      "when so configured)."),
    M("alumni_belum_dibantu", "Alumni belum dibantu", "Alumni not yet helped", "orang", "bantuan",
      "Alumni calon penerima modal tanpa KUR atau bantuan peralatan yang disetujui atau "
      "disalurkan.",
      "Candidate alumni without an approved or disbursed KUR or equipment aid."),
    M("alumni_prioritas_modal", "Alumni prioritas modal", "Priority alumni for capital aid",
      "orang", "bantuan",
      "Alumni calon penerima modal yang berwirausaha menurut survei terakhir dan belum dibantu.",
      "Candidate alumni self-employed by the latest survey and not yet helped."),
    M("skor_rata", "Skor rata-rata", "Average score", "skor", "bantuan",
      "Rata-rata skor prioritas modal dusun/RW alumni calon penerima dalam kelompok itu.",
      "The mean hamlet/RW capital priority score of the group's candidate alumni.",
      policy="median", base="alumni_calon_modal"),
    M("hari_terlambat_maks", "Keterlambatan terlama", "Longest overdue", "hari", "hasil",
      "Hari keterlambatan survei lanjutan yang paling lama dalam kelompok itu.",
      "The days overdue of the group's most overdue follow-up survey.",
      policy="median", base="telusur_terlambat", colour=WARN),
    M("persen_peserta", "Bagian dari peserta", "Share of participants", "persen", "wilayah",
      "Peserta dari wilayah itu dibagi peserta seluruh cakupan × 100.",
      "The area's participants / all participants in scope × 100.",
      policy="rate", base="peserta"),
    # --- briefing --------------------------------------------------------------------------------
)  # fmt: skip

BY_KEY: dict[str, Measure] = {m.key: m for m in REGISTRY}
INDICATORS: tuple[str, ...] = tuple(m.key for m in REGISTRY if m.indicator)


def get(key: str) -> Measure:
    try:
        return BY_KEY[key]
    except KeyError:
        raise KeyError(f"unknown measure {key!r}") from None


# --- shared rules, each once --------------------------------------------------------------------


def under_capacity_pct(s: Settings | None = None) -> int:
    """Fill rate (%) under which a class counts as under-filled (``[aturan]``, default 75)."""
    s = s or settings()
    return int(s.extra.get("aturan", {}).get("keterisian_rendah_persen", 75))


def untraced_after_months(s: Settings | None = None) -> int:
    """Months after a class ends by which a completer should have a tracer survey (default 3)."""
    s = s or settings()
    return int(s.extra.get("aturan", {}).get("telusur_setelah_bulan", 3))


def annual_targets_apply(f: Filters) -> bool:
    """Annual targets are regency-wide: shown only when no filter other than ``tahun`` is set."""
    return not (f.paket or f.kejuruan or f.has_person_filter())
