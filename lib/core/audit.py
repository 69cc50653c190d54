"""The audit trail (README, Access): who did what, when, under which filters.

Written for every login, import, demo seed and clear, backup, export download, view of a list of
persons and refusal of a role. Rows are only ever added. :func:`write` takes an engine, a URL or an
open connection (then the row commits or rolls back with that transaction, e.g. an import's).
"""

from __future__ import annotations

import getpass
from collections.abc import Mapping
from datetime import datetime

import pandas as pd
from sqlalchemy import Connection, Engine, insert, select

from lib.core.access import Access
from lib.core.filters import Filters
from lib.core.models import AuditLog

LOGIN, LOGOUT = "masuk", "keluar"
IMPORT, SEED, CLEAR_DEMO, BACKUP = "impor", "seed", "hapus_demo", "cadangan"
EXPORT, PERSON_LIST, REFUSED = "unduh", "daftar_orang", "ditolak"
ACTIONS = (LOGIN, LOGOUT, IMPORT, SEED, CLEAR_DEMO, BACKUP, EXPORT, PERSON_LIST, REFUSED)
COLUMNS = ("id", "waktu", "pengguna", "peran", "tindakan", "apa", "filter")


def cli_user() -> str:
    """How a command-line run is named in the audit log and the import history: ``cli:<os user>``."""
    try:
        name = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name in a container is no reason to fail
        name = "?"
    return f"cli:{name}"


def _filters_text(filters: Filters | Mapping | str | None) -> str:
    if filters is None:
        return ""
    if isinstance(filters, str):
        return filters
    params = filters.to_params() if isinstance(filters, Filters) else dict(filters)
    return "&".join(f"{k}={v}" for k, v in params.items() if v not in (None, ""))


def write(
    target: Engine | Connection | str,
    action: str,
    *,
    who: Access | str,
    what: str = "",
    filters: Filters | Mapping | str | None = None,
    role: str | None = None,
) -> None:
    """Add one row: ``action`` (one of :data:`ACTIONS`) by ``who`` (an :class:`Access`, or a name
    such as :func:`cli_user`), about ``what``, under ``filters`` (a :class:`Filters`, URL-style
    parameters or text)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    if isinstance(who, Access):
        role = who.role_text if role is None else role
        who = who.who
    row = {
        "at": datetime.now().replace(microsecond=0),
        "who": str(who)[:200],
        "role": (role or "")[:40],
        "action": action,
        "what": str(what)[:2000],
        "filters": _filters_text(filters)[:2000],
    }
    if isinstance(target, Connection):
        target.execute(insert(AuditLog).values(**row))
        return
    if isinstance(target, str):
        from lib.core import db

        target = db.get_engine(target)
    with target.begin() as conn:
        conn.execute(insert(AuditLog).values(**row))


def exists(target: Engine | str, action: str, *, who: str, what: str) -> bool:
    """Whether the same action by the same person about the same thing is recorded (e.g. one
    login row per identity token, however often the page is reloaded)."""
    if isinstance(target, str):
        from lib.core import db

        target = db.get_engine(target)
    stmt = (
        select(AuditLog.id)
        .where(AuditLog.action == action, AuditLog.who == who, AuditLog.what == what)
        .limit(1)
    )
    with target.connect() as conn:
        return conn.execute(stmt).first() is not None


def recent(
    target: Engine | str, limit: int = 1000, action: str | None = None, lang: str = "id"
) -> pd.DataFrame:
    """The latest rows, newest first, with headers and action names in ``lang``."""
    from lib.core.i18n import t

    if isinstance(target, str):
        from lib.core import db

        target = db.get_engine(target)
    A = AuditLog
    stmt = select(A.id, A.at, A.who, A.role, A.action, A.what, A.filters)
    if action:
        stmt = stmt.where(A.action == action)
    stmt = stmt.order_by(A.id.desc()).limit(limit)
    with target.connect() as conn:
        rows = conn.execute(stmt).all()
    df = pd.DataFrame([tuple(r) for r in rows], columns=list(COLUMNS))
    df["tindakan"] = df["tindakan"].map(lambda a: t(f"audit.action.{a}", lang))
    return df.rename(columns={c: t(f"audit.col.{c}", lang) for c in COLUMNS})
