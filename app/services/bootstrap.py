"""Open a database for the console: resolve the URL, migrate, build the services."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from app.config import resolve_db_url, url_is_sqlite
from app.data.engine import Database
from app.data.migrate import upgrade
from app.data.models import Ticket
from app.services.credentials import connection_error_detail
from app.services.demo import load_demo_data
from app.services.directory import DirectoryService
from app.services.errors import DatabaseUnavailable
from app.services.sla_settings import PolicyCache
from app.services.tickets import TicketService
from app.services.uow import unit_of_work


@dataclass
class Services:
    """Everything the console needs, for one database."""

    db: Database
    tickets: TicketService
    directory: DirectoryService
    policy: PolicyCache

    @property
    def database_label(self) -> str:
        kind = "PostgreSQL" if self.db.is_postgres else "SQLite (local)"
        return f"{kind} · {self.db.display_name}"

    @property
    def is_embedded(self) -> bool:
        return not self.db.is_postgres

    def close(self) -> None:
        self.db.dispose()


def open_services(
    url: str | None = None, *, migrate: bool | None = None, demo_if_empty: bool = False
) -> Services:
    """Connect; migrations run for SQLite always, for PostgreSQL when ``migrate`` is True.

    ``demo_if_empty``: the embedded first-start experience, an empty database gets demo data.
    """
    url = resolve_db_url(url)
    db = Database(url)
    try:
        if migrate or (migrate is None and url_is_sqlite(url)):
            upgrade(db.engine)
        policy = PolicyCache(db)
        services = Services(
            db=db, tickets=TicketService(db, policy), directory=DirectoryService(db), policy=policy
        )
        if demo_if_empty:
            with unit_of_work(db) as session:
                empty = not session.scalar(select(func.count(Ticket.id)))
            if empty:
                load_demo_data(db)
        return services
    except DBAPIError as error:
        db.dispose()
        detail = connection_error_detail(str(error.orig or error).strip().splitlines()[0])
        raise DatabaseUnavailable(
            "No se pudo abrir la base de datos {database}: {detail}",
            params={"database": db.display_name, "detail": detail},
        ) from error
