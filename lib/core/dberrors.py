"""Database errors in words a user can act on: read-only, locked, full, unreachable.

Used at the boundaries where a person waits for an answer (``lib.cli`` and the import on the
``/data`` page), so that a database that cannot be used is one plain sentence, never a traceback
or an exception box quoting SQL. The driver's own first line is kept as a detail for the
maintainer; SQL statements and passwords never appear.
"""

from __future__ import annotations

import sqlite3

from sqlalchemy.exc import DBAPIError
from sqlalchemy.exc import TimeoutError as PoolTimeout

KINDS = ("readonly", "locked", "full", "unreachable", "other")

# SQLSTATE classes and codes of PostgreSQL (Appendix A of its manual).
_PG_STATES = {
    "25006": "readonly",  # read_only_sql_transaction
    "55P03": "locked",  # lock_not_available
    "40P01": "locked",  # deadlock_detected
    "57014": "locked",  # query_canceled (statement_timeout / lock_timeout)
    "53100": "full",  # disk_full
    "53200": "full",  # out_of_memory
    "3D000": "unreachable",  # invalid_catalog_name: the database does not exist
    "28000": "unreachable",  # invalid_authorization_specification
    "28P01": "unreachable",  # invalid_password
    "57P03": "unreachable",  # cannot_connect_now (starting up / shutting down)
}

_TEXTS = (  # lower-case fragments of SQLite and libpq messages
    ("readonly", ("readonly database", "read-only", "read only")),
    ("locked", ("database is locked", "database table is locked", "lock timeout", "deadlock")),
    ("full", ("database or disk is full", "no space left", "disk full", "disk quota")),
    (
        "unreachable",
        (
            "unable to open database",
            "could not connect",
            "connection refused",
            "connection failed",
            "connection timed out",
            "could not translate host name",
            "name or service not known",
            "server closed the connection",
            "terminating connection",
            "password authentication failed",
            "does not exist",
            "no such host",
        ),
    ),
)


def is_database_error(exc: BaseException) -> bool:
    """An error of the database or its driver (not of Pantau's own code)."""
    if isinstance(exc, DBAPIError | PoolTimeout | sqlite3.Error):
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    return isinstance(exc, psycopg.Error)


def _driver_error(exc: BaseException) -> BaseException:
    return getattr(exc, "orig", None) or exc


def kind(exc: BaseException) -> str:
    """One of :data:`KINDS`."""
    if isinstance(exc, PoolTimeout):
        return "locked"
    orig = _driver_error(exc)
    state = getattr(orig, "sqlstate", None) or getattr(
        getattr(orig, "diag", None), "sqlstate", None
    )
    if state in _PG_STATES:
        return _PG_STATES[state]
    if state and state.startswith("08"):  # connection_exception
        return "unreachable"
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        primary = code & 0xFF
        if primary == sqlite3.SQLITE_READONLY:
            return "readonly"
        if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return "locked"
        if primary == sqlite3.SQLITE_FULL:
            return "full"
        if primary in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_NOTADB):
            return "unreachable"
    text = str(orig).lower()
    for name, fragments in _TEXTS:
        if any(f in text for f in fragments):
            return name
    return "other"


def detail(exc: BaseException) -> str:
    """The driver's first line (no SQL, no parameters), shortened."""
    orig = _driver_error(exc)
    lines = [line.strip() for line in str(orig).splitlines() if line.strip()]
    first = lines[0] if lines else type(orig).__name__
    first = first.split("[SQL:")[0].strip()
    return first if len(first) <= 160 else first[:159] + "…"


def where(url: str | None) -> str:
    """The database as a user recognises it: the SQLite file, or host/database (no password)."""
    if not url:
        return ""
    try:
        from sqlalchemy.engine import make_url

        parsed = make_url(url)
    except Exception:  # noqa: BLE001 - a URL that does not parse is shown as nothing
        return ""
    if parsed.get_backend_name() == "sqlite":
        return (parsed.database or ":memory:").removeprefix("file:")
    host = parsed.host or "localhost"
    port = f":{parsed.port}" if parsed.port else ""
    return f"{host}{port}/{parsed.database or ''}"


def message(exc: BaseException, url: str | None = None, lang: str = "id") -> str:
    """The error as one sentence in ``lang`` (Bahasa Indonesia by default)."""
    from lib.core.i18n import t

    place = where(url)
    return t(f"error.db.{kind(exc)}", lang, where=f" {place}" if place else "", detail=detail(exc))
