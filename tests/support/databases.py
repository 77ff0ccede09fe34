"""Real test databases: a migrated SQLite template copied per test, a private PostgreSQL
database per test session, truncated between tests."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from app.data.base import Base
from app.data.defaults import DEFAULT_APP_SETTINGS, DEFAULT_ASSIGNMENTS, DEFAULT_CALENDARS
from app.data.engine import Database, make_engine
from app.data.migrate import upgrade

PG_ADMIN_URL = os.environ.get("IMR_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
SETTINGS_TABLES = ("calendar_setting", "sla_assignment", "app_setting")


def pg_reachable() -> str | None:
    """None when the server answers, else the reason."""
    try:
        engine = make_engine(PG_ADMIN_URL)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as error:  # any failure means: no server for these tests
        return str(error).splitlines()[0]


def create_pg_database(prefix: str = "imr_t") -> str:
    """A fresh, migrated PostgreSQL database; returns its URL."""
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(_psycopg(PG_ADMIN_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(_psycopg(PG_ADMIN_URL)).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


def drop_pg_database(url: str) -> None:
    name = make_url(url).database
    admin = create_engine(_psycopg(PG_ADMIN_URL), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def create_sqlite_template(folder: Path) -> Path:
    path = folder / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    engine.dispose()
    return path


def sqlite_copy(template: Path, folder: Path) -> str:
    path = folder / f"{uuid.uuid4().hex}.sqlite3"
    shutil.copyfile(template, path)
    return f"sqlite:///{path}"


def reset_pg(db: Database) -> None:
    """Empty every data table and restore the default SLA settings."""
    tables = [t.name for t in Base.metadata.sorted_tables]
    with db.engine.begin() as conn:
        existing = set(
            conn.execute(
                text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    "AND tablename <> 'alembic_version'"
                )
            ).scalars()
        )
        names = ", ".join(f'"{t}"' for t in sorted(existing | (set(tables) & existing)))
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
        meta = Base.metadata.tables
        conn.execute(insert(meta["calendar_setting"]), DEFAULT_CALENDARS)
        conn.execute(insert(meta["sla_assignment"]), DEFAULT_ASSIGNMENTS)
        conn.execute(insert(meta["app_setting"]), DEFAULT_APP_SETTINGS)
        conn.execute(text("SELECT setval(pg_get_serial_sequence('calendar_setting', 'id'), 2)"))


def _psycopg(url: str) -> str:
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)
