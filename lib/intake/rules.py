"""Cross-row and database rules of the import contract (docs/data-contract.md).

They run on the rows that passed :mod:`lib.intake.schemas`, inside the import's transaction (so
that, e.g., the capacity check and the writes see the same database), add errors and warnings to
the rows, and resolve what the loader needs (person, class and enrolment ids). Lookups query only
the keys that the file names, in chunks, never whole tables.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from sqlalchemy import Connection, func, select, tuple_

from lib.core import fmt
from lib.core.config import Settings
from lib.core.models import Enrolment, Package, Person, TrainingClass, Village
from lib.intake import parsers
from lib.intake.schemas import SPECS, Row
from lib.semantic.measures import (
    ACTIVE_STATUSES,  # a participant, as the indicator `peserta` counts
)

CHUNK = 500


def chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def natural_key(kind: str, values: dict) -> tuple:
    return tuple(values[c] for c in SPECS[kind].key)


def duplicates_in_file(kind: str, rows: list[Row]) -> None:
    """Rows sharing a natural key are all rejected, each naming the other rows (the file must say
    which one is right). For ``dtks`` this is the "duplicate NIK" rule, for ``peserta`` "the same
    person twice in one class"."""
    seen: dict[tuple, list[Row]] = defaultdict(list)
    for row in rows:
        seen[natural_key(kind, row.values)].append(row)
    code = {"dtks": "nik_ganda", "peserta": "peserta_ganda"}.get(kind, "kunci_ganda")
    column = SPECS[kind].key[0] if kind in ("dtks", "peserta") else SPECS[kind].key[-1]
    for group in seen.values():
        if len(group) > 1:
            for row in group:
                others = ", ".join(str(r.number) for r in group if r is not row)
                row.error(column, code, rows=others, kunci=" + ".join(SPECS[kind].key))


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


# --- lookups --------------------------------------------------------------------------------------


def persons_by_nik(conn: Connection, niks: set[str]) -> dict[str, tuple[int, date]]:
    out: dict[str, tuple[int, date]] = {}
    for part in chunks(sorted(niks)):
        stmt = select(Person.nik, Person.id, Person.tanggal_lahir).where(Person.nik.in_(part))
        out.update({nik: (pid, born) for nik, pid, born in conn.execute(stmt)})
    return out


def classes_by_code(conn: Connection, codes: set[str]) -> dict[str, dict]:
    """Classes named in the file, looked up case-insensitively: ``{code as written: class}``."""
    found: dict[str, dict] = {}
    for part in chunks(sorted({c.lower() for c in codes})):
        stmt = select(
            TrainingClass.id, TrainingClass.kode, TrainingClass.kapasitas,
            TrainingClass.tanggal_mulai, TrainingClass.tanggal_selesai,
        ).where(func.lower(TrainingClass.kode).in_(part))  # fmt: skip
        found.update({row["kode"].lower(): dict(row) for row in conn.execute(stmt).mappings()})
    return {code: found[code.lower()] for code in codes if code.lower() in found}


def packages_by_code(conn: Connection) -> dict[str, tuple[str, int]]:
    """The package catalogue (tens of rows): ``{lower-case code: (code, capacity)}``."""
    stmt = select(Package.kode, Package.kapasitas)
    return {kode.lower(): (kode, cap) for kode, cap in conn.execute(stmt)}


# --- per kind -------------------------------------------------------------------------------------


def check_paket(conn: Connection, rows: list[Row], settings: Settings) -> None:
    existing = packages_by_code(conn)
    for row in rows:
        v = row.values
        v["kode_paket"] = existing.get(v["kode_paket"].lower(), (v["kode_paket"],))[0]
        if v["kapasitas"] is None:
            v["kapasitas"] = settings.kapasitas_kelas
    duplicates_in_file("paket", rows)


def check_kelas(conn: Connection, rows: list[Row], settings: Settings) -> None:
    packages = packages_by_code(conn)
    known = classes_by_code(conn, {r.values["kode_kelas"] for r in rows})
    for row in rows:
        v = row.values
        if v["kode_kelas"] in known:
            v["kode_kelas"] = known[v["kode_kelas"]]["kode"]
        package = packages.get(v["kode_paket"].lower())
        if package is None:
            row.error("kode_paket", "paket_tidak_dikenal")
            continue
        v["kode_paket"] = package[0]
        if v["kapasitas"] is None:
            v["kapasitas"] = package[1]
    duplicates_in_file("kelas", [r for r in rows if r.ok])


def check_dtks(conn: Connection, rows: list[Row], settings: Settings) -> None:
    villages = set(conn.execute(select(Village.kode)).scalars())
    region = settings.wilayah_kode_digits
    for row in rows:
        v = row.values
        if v["kode_desa"] not in villages:
            row.error("kode_desa", "desa_tidak_dikenal", wilayah=settings.wilayah_nama)
        for code in parsers.nik_disagreements(v["nik"], v["tanggal_lahir"], v["jenis_kelamin"]):
            day, month, yy, gender = parsers.nik_birth(v["nik"])
            row.warn(
                "nik",
                code,
                nik_tanggal=f"{day:02d}-{month:02d}-{yy:02d}",
                nik_jk=gender,
                tanggal=fmt.tanggal(v["tanggal_lahir"]),
                jk=v["jenis_kelamin"],
            )
        if not v["nik"].startswith(region):
            row.warn("nik", "nik_wilayah", kode=v["nik"][:4], wilayah=settings.wilayah_nama)
    duplicates_in_file("dtks", rows)


def _resolve_person_and_class(conn: Connection, rows: list[Row]) -> None:
    persons = persons_by_nik(conn, {r.values["nik"] for r in rows})
    classes = classes_by_code(conn, {r.values["kode_kelas"] for r in rows})
    for row in rows:
        v = row.values
        person = persons.get(v["nik"])
        if person is None:
            row.error("nik", "nik_tidak_terdaftar")
        else:
            v["_person_id"], v["_lahir"] = person
        klass = classes.get(v["kode_kelas"])
        if klass is None:
            row.error("kode_kelas", "kelas_tidak_dikenal")
        else:
            v["kode_kelas"] = klass["kode"]
            v["_class"] = klass


def check_peserta(conn: Connection, rows: list[Row], settings: Settings) -> None:
    _resolve_person_and_class(conn, rows)
    duplicates_in_file("peserta", [r for r in rows if r.ok])
    rows = [r for r in rows if r.ok]
    # Seats: the persons already enrolled in each class, plus the file's new ones in file order.
    class_ids = sorted({r.values["_class"]["id"] for r in rows})
    occupied: dict[int, set[int]] = defaultdict(set)
    for part in chunks(class_ids):
        stmt = select(Enrolment.class_id, Enrolment.person_id).where(Enrolment.class_id.in_(part))
        for class_id, person_id in conn.execute(stmt):
            occupied[class_id].add(person_id)
    for row in rows:
        v = row.values
        klass, person = v["_class"], v["_person_id"]
        seats = occupied[klass["id"]]
        if person not in seats:
            if len(seats) >= klass["kapasitas"]:
                row.error("kode_kelas", "kelas_penuh", kapasitas=klass["kapasitas"])
                continue
            seats.add(person)
        age = age_on(v["_lahir"], klass["tanggal_mulai"])
        if not settings.usia_produktif_min <= age <= settings.usia_produktif_max:
            row.warn(
                "nik",
                "usia_produktif",
                usia=age,
                min=settings.usia_produktif_min,
                max=settings.usia_produktif_max,
            )
        if age < settings.usia_dewasa:
            row.warn("nik", "usia_anak", usia=age, min=settings.usia_dewasa)


def check_tracer(conn: Connection, rows: list[Row], settings: Settings) -> None:
    _resolve_person_and_class(conn, rows)
    rows = [r for r in rows if r.ok]
    pairs = sorted({(r.values["_person_id"], r.values["_class"]["id"]) for r in rows})
    enrolments: dict[tuple[int, int], tuple[int, str]] = {}
    for part in chunks(pairs):
        stmt = select(
            Enrolment.person_id, Enrolment.class_id, Enrolment.id, Enrolment.status
        ).where(tuple_(Enrolment.person_id, Enrolment.class_id).in_(part))
        enrolments.update({(pid, cid): (eid, st) for pid, cid, eid, st in conn.execute(stmt)})
    for row in rows:
        v = row.values
        found = enrolments.get((v["_person_id"], v["_class"]["id"]))
        if found is None:
            row.error("kode_kelas", "tracer_tanpa_pendaftaran")
            continue
        if found[1] != "selesai":
            row.error("kode_kelas", "tracer_belum_selesai", status=found[1])
            continue
        v["_enrolment_id"] = found[0]
        end = v["_class"]["tanggal_selesai"]
        if v["tanggal_survei"] < end:
            row.error("tanggal_survei", "survei_sebelum_selesai", tanggal=fmt.tanggal(end))
    duplicates_in_file("tracer", [r for r in rows if r.ok])


def check_bantuan(conn: Connection, rows: list[Row], settings: Settings) -> None:
    persons = persons_by_nik(conn, {r.values["nik"] for r in rows})
    ids = sorted({pid for pid, _ in persons.values()})
    participants: set[int] = set()
    for part in chunks(ids):
        stmt = (
            select(Enrolment.person_id)
            .where(Enrolment.person_id.in_(part), Enrolment.status.in_(ACTIVE_STATUSES))
            .distinct()
        )
        participants.update(conn.execute(stmt).scalars())
    for row in rows:
        v = row.values
        person = persons.get(v["nik"])
        if person is None:
            row.error("nik", "nik_tidak_terdaftar")
        elif person[0] not in participants:
            row.error("nik", "bukan_peserta")
        else:
            v["_person_id"] = person[0]
    duplicates_in_file("bantuan", [r for r in rows if r.ok])


CHECKS = {
    "paket": check_paket,
    "kelas": check_kelas,
    "dtks": check_dtks,
    "peserta": check_peserta,
    "tracer": check_tracer,
    "bantuan": check_bantuan,
}


def check(kind: str, conn: Connection, rows: list[Row], settings: Settings) -> None:
    """Apply the kind's rules to the rows that passed the row schema."""
    CHECKS[kind](conn, [r for r in rows if r.ok], settings)
