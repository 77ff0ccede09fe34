"""The database half of `imr-console --self-test` (no Qt): pick the database, migrate, report.

The configured database is the one named by --db, by IMR_DB_URL or by a PostgreSQL server in the
settings. Without one (or when the configured server does not answer and --db was not given), a
temporary SQLite database with demo data is used, so a fresh install can prove it works without
touching the technician's own files.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.exc import DBAPIError

from app.config import Settings, resolve_db_url, url_is_sqlite
from app.data.migrate import heads
from app.services.bootstrap import Services, open_services
from app.services.errors import DatabaseUnavailable, ServiceError


@dataclass
class SelfCheckDatabase:
    services: Services
    description: str
    revision: str
    notes: list[str] = field(default_factory=list)
    _temp: tempfile.TemporaryDirectory[str] | None = None

    def close(self) -> None:
        self.services.close()
        if self._temp is not None:
            self._temp.cleanup()
            self._temp = None


def configured_url(explicit: str | None, settings: Settings | None = None) -> str | None:
    """The database the console would open, or None when only the embedded default applies."""
    if explicit:
        return explicit
    settings = settings or Settings.load()
    if os.environ.get("IMR_DB_URL") or not settings.database.is_embedded:
        return resolve_db_url(None, settings)
    return None


def schema_revision(services: Services) -> str:
    """The schema revision the database is at; raises when it is behind this build."""
    from alembic.runtime.migration import MigrationContext

    try:
        with services.db.engine.connect() as connection:
            if not inspect(connection).has_table("alembic_version"):
                raise ServiceError(
                    "La base de datos {database} no tiene el esquema de IMR; "
                    "ejecute «imr-console db upgrade».",
                    params={"database": services.db.display_name},
                )
            current = set(MigrationContext.configure(connection).get_current_heads())
    except DBAPIError as error:
        first = str(error.orig or error).strip().splitlines()
        raise DatabaseUnavailable(
            "No se pudo abrir la base de datos {database}: {detail}",
            params={
                "database": services.db.display_name,
                "detail": first[0] if first else type(error).__name__,
            },
        ) from error
    expected = set(heads())
    if current != expected:
        params = {
            "database": services.db.display_name,
            "current": ", ".join(sorted(current)),
            "expected": ", ".join(sorted(expected)),
        }
        if not current:
            raise ServiceError(
                "La base de datos {database} está en la versión (ninguna) y esta consola espera "
                "{expected}; ejecute «imr-console db upgrade».",
                params=params,
            )
        raise ServiceError(
            "La base de datos {database} está en la versión {current} y esta consola espera "
            "{expected}; ejecute «imr-console db upgrade».",
            params=params,
        )
    return ", ".join(sorted(current))


def open_for_self_test(explicit: str | None) -> SelfCheckDatabase:
    """Open (and migrate) the database the self-test uses; see the module docstring."""
    notes: list[str] = []
    url = configured_url(explicit)
    if url is not None:
        services = None
        try:
            # SQLite is migrated on open; a shared PostgreSQL server is only checked (upgrading it
            # is an administrator's `imr-console db upgrade`, never a side effect of a self-test).
            services = open_services(url)
            revision = schema_revision(services)
        except DatabaseUnavailable as error:
            if services is not None:
                services.close()
            if explicit:
                raise
            notes.append(f"{error.message} Se usa una base temporal.")
        except BaseException:
            if services is not None:
                services.close()
            raise
        else:
            kind = "SQLite" if url_is_sqlite(url) else "PostgreSQL"
            return SelfCheckDatabase(
                services, f"{kind} configurada ({services.db.display_name})", revision, notes
            )
    temp = tempfile.TemporaryDirectory(prefix="imr-self-test-")
    try:
        services = open_services(
            f"sqlite:///{Path(temp.name) / 'self-test.sqlite3'}", demo_if_empty=True
        )
        revision = schema_revision(services)
    except BaseException:
        temp.cleanup()
        raise
    return SelfCheckDatabase(
        services, "SQLite temporal con datos de demostración", revision, notes, temp
    )
