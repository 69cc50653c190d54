"""The scope rules of spec section 4 as SQLAlchemy Core building blocks.

Class filters (``tahun``, ``paket``, ``kejuruan``) select classes; person filters (``kecamatan``,
``desa``, ``jk``) select registry persons by residence and gender. Every indicator and every page
query starts from these, so the rules exist once. Values are always bound parameters.
"""

from __future__ import annotations

from sqlalchemy import Select, and_, select, true
from sqlalchemy.sql.elements import ColumnElement

from lib.core.filters import Filters
from lib.core.models import Enrolment, Package, Person, TrainingClass, Village


def class_condition(f: Filters) -> ColumnElement[bool]:
    """Condition on ``TrainingClass`` (and ``Package`` when ``kejuruan`` is set)."""
    conds = []
    if f.tahun:
        conds.append(TrainingClass.tahun.in_(f.tahun))
    if f.paket:
        conds.append(TrainingClass.paket_kode.in_(f.paket))
    if f.kejuruan:
        conds.append(
            TrainingClass.paket_kode.in_(
                select(Package.kode).where(Package.kejuruan.in_(f.kejuruan))
            )
        )
    return and_(true(), *conds)


def person_condition(f: Filters) -> ColumnElement[bool]:
    """Condition on ``Person`` (residence and gender)."""
    conds = []
    if f.desa:
        conds.append(Person.desa_kode.in_(f.desa))
    if f.kecamatan:
        conds.append(
            Person.desa_kode.in_(
                select(Village.kode).where(Village.kecamatan_kode.in_(f.kecamatan))
            )
        )
    if f.jk:
        conds.append(Person.jk.in_(f.jk))
    return and_(true(), *conds)


def classes_in_scope(f: Filters) -> Select:
    """``SELECT training_class.id`` of the classes in scope."""
    return select(TrainingClass.id).where(class_condition(f))


def scoped_enrolments(f: Filters, *columns) -> Select:
    """Enrolments in classes in scope of persons in scope, joined to class and person.

    ``columns`` are the selected columns; callers add aggregates, WHERE and GROUP BY.
    """
    stmt = (
        select(*columns)
        .select_from(Enrolment)
        .join(TrainingClass, TrainingClass.id == Enrolment.class_id)
        .join(Person, Person.id == Enrolment.person_id)
        .where(class_condition(f))
    )
    if f.has_person_filter():
        stmt = stmt.where(person_condition(f))
    return stmt


def persons_in_scope(f: Filters) -> Select:
    """Distinct person ids with at least one enrolment (any status) in a class in scope."""
    return scoped_enrolments(f, Enrolment.person_id).distinct()
