"""Alembic environment: runs on the connection that lib.core.db hands over, or on PANTAU's URL."""

from alembic import context

from lib.core.models import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")


def _run(conn) -> None:
    context.configure(
        connection=conn,
        target_metadata=target_metadata,
        render_as_batch=conn.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if connection is not None:
    _run(connection)
else:  # `alembic upgrade head` from the command line
    from lib.core.db import get_engine

    with get_engine().begin() as conn:
        _run(conn)
