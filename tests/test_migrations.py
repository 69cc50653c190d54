"""Alembic migrations on SQLite and PostgreSQL: empty → head, models agree, base → head again."""

from __future__ import annotations

import subprocess
import sys

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select

from lib.core import db
from lib.core.models import Base, Kecamatan, Meta, Package, Village
from tests.conftest import ROOT, new_pg_database

TABLES = {
    "kecamatan", "village", "package", "training_class", "person", "enrolment", "tracer_survey",
    "aid", "import_log", "quarantine", "data_warning", "meta",
    "an_class", "an_enrolment", "an_tracer", "an_aid", "an_registry",  # analytics tables (lib.semantic)
    "audit_log",  # lib.core.audit
}  # fmt: skip

# Natural keys of the import contract (docs/data-contract.md): kode_paket (primary key of package), kode_kelas,
# nik, nik+kode_kelas (person_id+class_id), nik+kode_kelas+tanggal_survei (enrolment_id+date),
# nik+jenis+tanggal (person_id+jenis+tanggal).
NATURAL_KEYS = {
    "training_class": ["kode"],
    "person": ["nik"],
    "enrolment": ["person_id", "class_id"],
    "tracer_survey": ["enrolment_id", "tanggal_survei"],
    "aid": ["person_id", "jenis", "tanggal"],
}


@pytest.fixture
def engine(empty_db_url):
    eng = db.get_engine(empty_db_url)
    yield eng
    eng.dispose()


def schema_diff(engine) -> list:
    with engine.connect() as conn:
        mc = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(mc, Base.metadata)


def count(engine, model) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(model)).scalar_one()


def assert_schema_at_head(engine) -> None:
    insp = inspect(engine)
    assert set(insp.get_table_names()) == TABLES | {"alembic_version"}
    for table, columns in NATURAL_KEYS.items():
        uniques = [u["column_names"] for u in insp.get_unique_constraints(table)]
        assert columns in uniques, (table, uniques)
    assert insp.get_pk_constraint("package")["constrained_columns"] == ["kode"]
    assert insp.get_pk_constraint("village")["constrained_columns"] == ["kode"]
    # The filter columns are indexed.
    indexed = {
        (table, tuple(ix["column_names"]))
        for table in ("person", "training_class", "enrolment")
        for ix in insp.get_indexes(table)
    }
    assert {
        ("person", ("desa_kode",)),
        ("person", ("jk",)),
        ("training_class", ("tahun",)),
        ("training_class", ("paket_kode",)),
        ("enrolment", ("person_id",)),
        ("enrolment", ("class_id", "status")),
    } <= indexed
    assert db.current_revision(engine) == db.head_revision()


def test_empty_database_to_head_with_reference_data(empty_db_url, engine):
    assert inspect(engine).get_table_names() == []
    assert db.ensure_ready(empty_db_url) is engine
    assert_schema_at_head(engine)
    # Reference data of data/: 8 kecamatan, 67 villages, the 40-package catalogue, meta defaults.
    assert (count(engine, Kecamatan), count(engine, Village), count(engine, Package)) == (8, 67, 40)
    assert db.data_version(engine) == "1" and not db.is_demo(engine)
    assert count(engine, Meta) == 3  # demo, data_version and the database's random id
    database_id = db.database_id(engine)
    assert len(database_id) == 32
    # Idempotent: a second call changes nothing (the id included).
    db.ensure_ready(empty_db_url)
    assert (count(engine, Village), count(engine, Package), count(engine, Meta)) == (67, 40, 3)
    assert db.database_id(engine) == database_id
    assert schema_diff(engine) == []


def test_downgrade_to_base_and_upgrade_again(empty_db_url, engine):
    db.ensure_ready(empty_db_url)
    cfg = db.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    assert db.current_revision(engine) is None

    db.ensure_ready(empty_db_url)
    assert_schema_at_head(engine)
    assert count(engine, Package) == 40
    assert schema_diff(engine) == []


@pytest.mark.pg
def test_concurrent_first_start_on_postgresql(pg_cluster):
    """App replicas starting at once on an empty PostgreSQL database (the README's deployment):
    each must get a ready database, with the reference data loaded once. Without the advisory lock
    of ``lib.core.db`` this failed most runs (duplicate ``pg_type`` entry or duplicate ``kecamatan``)."""
    url = new_pg_database(pg_cluster)
    code = "import sys; from lib.core import db; db.ensure_ready(sys.argv[1])"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, url], cwd=ROOT, stderr=subprocess.PIPE, text=True
        )
        for _ in range(3)
    ]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], "\n".join(errors)
    engine = db.get_engine(url)
    try:
        assert (count(engine, Village), count(engine, Package), count(engine, Meta)) == (67, 40, 3)
    finally:
        engine.dispose()
