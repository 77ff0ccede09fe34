"""Unit of work: one session per user action; leaving without commit rolls back."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, ProgrammingError
from sqlalchemy.orm import Session

from app.data.engine import Database
from app.services.credentials import connection_error_detail
from app.services.errors import DatabaseUnavailable, PermissionDenied
from app.services.untrusted import install as _install_text_guard

_UNAVAILABLE_SQLSTATES = ("08", "57P")  # connection exceptions, operator intervention
_install_text_guard()  # NUL in text becomes U+FFFD, recorded, on every session


def _is_unavailable(error: DBAPIError) -> bool:
    if error.connection_invalidated:
        return True
    sqlstate = getattr(error.orig, "sqlstate", None)
    if sqlstate:
        return sqlstate.startswith(_UNAVAILABLE_SQLSTATES)
    return isinstance(error, OperationalError | InterfaceError) and "locked" not in str(error)


@contextmanager
def unit_of_work(db: Database) -> Iterator[Session]:
    """Yield a session; the caller commits. Connection loss becomes DatabaseUnavailable."""
    try:
        with db.sessions() as session:
            try:
                yield session
            finally:
                if session.in_transaction():
                    session.rollback()
    except DBAPIError as error:
        if _is_unavailable(error):
            lines = str(error.orig or "").strip().splitlines()
            if not lines:
                raise DatabaseUnavailable(
                    "No se pudo conectar con la base de datos ({database}). Revise la red o el "
                    "servidor e intente de nuevo.",
                    params={"database": db.display_name},
                ) from error
            raise DatabaseUnavailable(
                "No se pudo conectar con la base de datos ({database}). Revise la red o el "
                "servidor e intente de nuevo. Detalle: {detail}",
                params={"database": db.display_name, "detail": connection_error_detail(lines[0])},
            ) from error
        if isinstance(error, ProgrammingError) and getattr(error.orig, "sqlstate", "") == "42501":
            raise PermissionDenied(
                "La base de datos no permite esta operación a su usuario."
            ) from error
        raise
