"""Shared plumbing for sub-commands: opening the database, parsing dates, printing errors."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import inspect
from sqlalchemy.exc import DBAPIError

from app.config import resolve_db_url, url_is_sqlite
from app.data.engine import Database
from app.data.migrate import heads, upgrade
from app.services.errors import DatabaseUnavailable, InvalidInput

PANAMA = ZoneInfo("America/Panama")


class CommandError(Exception):
    def __init__(self, message: str, exit_code: int = 2) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help="base de datos (postgresql://… o sqlite:///…); por defecto la configurada",
    )


def open_database(args: argparse.Namespace, *, migrate_sqlite: bool = True) -> Database:
    """Open the database; the embedded SQLite one is brought up to date automatically."""
    url = resolve_db_url(getattr(args, "db", None))
    db = Database(url)
    _opened.append(db)
    try:
        if url_is_sqlite(url) and migrate_sqlite:
            upgrade(db.engine)
        else:
            ensure_current(db)
    except DBAPIError as error:
        raise DatabaseUnavailable(
            f"No se pudo conectar con la base de datos {db.display_name}: "
            f"{str(error.orig).strip().splitlines()[0] if error.orig else error}"
        ) from error
    return db


_opened: list[Database] = []


def close_databases() -> None:
    """Close every database a sub-command opened (no connection left to the garbage collector)."""
    while _opened:
        _opened.pop().dispose()


def ensure_current(db: Database) -> None:
    from alembic.runtime.migration import MigrationContext

    with db.engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            raise CommandError(
                f"La base de datos {db.display_name} no tiene el esquema de IMR; "
                "ejecute «imr-console db upgrade»."
            )
        current = set(MigrationContext.configure(connection).get_current_heads())
    if current != set(heads()):
        raise CommandError(
            f"La base de datos {db.display_name} necesita actualizarse; "
            "ejecute «imr-console db upgrade»."
        )


def parse_instant(text: str, what: str = "fecha") -> datetime:
    """ISO 8601; without an offset the time is taken as Panama time."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as error:
        raise InvalidInput(
            f"{what.capitalize()} inválida: «{text}» (use ISO 8601, p. ej. 2026-12-07T10:30-05:00)."
        ) from error
    if value.tzinfo is None:
        value = value.replace(tzinfo=PANAMA)
    return value.astimezone(UTC)


def parse_day(text: str, what: str = "fecha") -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError as error:
        raise InvalidInput(f"{what.capitalize()} inválida: «{text}» (use AAAA-MM-DD).") from error


def fail(message: str) -> None:
    print(f"imr-console: {message}", file=sys.stderr)
