"""Alembic environment: the engine comes from the caller (see app.data.migrate)."""

from __future__ import annotations

from alembic import context

from app.data import models  # noqa: F401  (registers the tables)
from app.data.base import Base

config = context.config
engine = config.attributes.get("engine")
if engine is None:  # pragma: no cover - only used for `alembic revision --autogenerate`
    from app.data.engine import make_engine

    engine = make_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///:memory:")

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
