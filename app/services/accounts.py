"""Database logins for people: one PostgreSQL user per person, member of one IMR group role."""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from app.data.engine import Database
from app.data.models import Technician
from app.services.credentials import redact
from app.services.errors import Conflict, InvalidInput, PermissionDenied
from app.services.uow import unit_of_work

ROLES = {
    "technician": "imr_technician",
    "supervisor": "imr_supervisor",
    "admin": "imr_admin",
    "intake": "imr_intake",
}
ROLE_LABELS = {
    "technician": "representante técnico",
    "supervisor": "supervisor",
    "admin": "administrador",
    "intake": "cuenta del buzón de correo",
}
_LOGIN = re.compile(r"^[a-z][a-z0-9_.]{1,62}$")
_RESERVED_PREFIXES = ("pg_", "imr_")
SCRAM_ITERATIONS = 4096


@dataclass(frozen=True)
class CreatedUser:
    login: str
    name: str
    role: str
    technician_id: int
    database_login: bool  # False on the embedded SQLite database: only the technician record


def validate_login(login: str) -> str:
    value = login.strip()
    if not _LOGIN.match(value) or value.startswith(_RESERVED_PREFIXES):
        raise InvalidInput(
            "Usuario inválido: «{login}». Use de 2 a 63 letras minúsculas, números, «_» o «.», "
            "comenzando con una letra (no «pg_» ni «imr_»).",
            params={"login": login},
        )
    return value


def scram_verifier(
    password: str, *, salt: bytes | None = None, iterations: int = SCRAM_ITERATIONS
) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores, computed here so the clear password
    never travels to the server nor appears in any SQL text (as psql's \\password does)."""
    salt = salt or secrets.token_bytes(16)
    normalised = unicodedata.normalize("NFKC", password).encode("utf-8")
    salted = hashlib.pbkdf2_hmac("sha256", normalised, salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def create_user(
    db: Database,
    login: str,
    name: str,
    role: str,
    password: str | None,
    *,
    email: str | None = None,
) -> CreatedUser:
    """Create the PostgreSQL login, its group membership and the technician record together.

    One transaction: if any step fails nothing is left behind. On SQLite there are no
    database logins, so only the technician record is created.
    """
    login = validate_login(login)
    if role not in ROLES:
        raise InvalidInput(
            "Rol inválido: «{role}». Use technician, supervisor, admin o intake.",
            params={"role": role},
        )
    full_name = " ".join(name.split()) or login
    if db.is_postgres and not password:
        raise InvalidInput("La contraseña del nuevo usuario no puede estar vacía.")
    with unit_of_work(db) as session:
        if session.scalar(select(Technician.id).where(Technician.login == login)) is not None:
            raise Conflict(
                "Ya existe un representante técnico con el usuario «{login}».",
                params={"login": login},
            )
        if db.is_postgres:
            assert password is not None
            exists = session.scalar(
                text("SELECT 1 FROM pg_roles WHERE rolname = :login"), {"login": login}
            )
            if exists:
                raise Conflict(
                    "Ya existe un usuario «{login}» en el servidor PostgreSQL.",
                    params={"login": login},
                )
            extra = " CREATEROLE" if role == "admin" else ""
            # Identifier validated above; the verifier is base64 and '$:' only.
            statement = (
                f'CREATE ROLE "{login}" LOGIN{extra} '
                f"PASSWORD '{scram_verifier(password)}' IN ROLE {ROLES[role]}"
            )
            try:
                session.connection().exec_driver_sql(statement)
            except DBAPIError as error:
                mapped = _role_error(error, login)
                if mapped is None:
                    raise
                session.rollback()
                raise mapped from None
        tech = Technician(login=login, name=full_name[:200], email=email or None, role=role)
        session.add(tech)
        session.commit()
        return CreatedUser(
            login=login,
            name=tech.name,
            role=role,
            technician_id=tech.id,
            database_login=db.is_postgres,
        )


def drop_login(db: Database, login: str) -> None:
    """Remove a person's PostgreSQL login and deactivate their technician record.

    The record stays (tickets and actions point to it); the login can no longer connect.
    """
    login = validate_login(login)
    with unit_of_work(db) as session:
        tech = session.scalar(select(Technician).where(Technician.login == login))
        if tech is not None:
            tech.active = False
        if db.is_postgres:
            try:
                session.connection().exec_driver_sql(f'DROP ROLE IF EXISTS "{login}"')
            except DBAPIError as error:
                mapped = _role_error(error, login)
                if mapped is None:
                    raise
                session.rollback()
                raise mapped from None
        session.commit()


def _role_error(error: DBAPIError, login: str) -> Exception | None:
    """A typed error for a refused statement; None for a lost connection (the unit of work
    turns that into DatabaseUnavailable)."""
    sqlstate = getattr(error.orig, "sqlstate", "") or ""
    if error.connection_invalidated or sqlstate.startswith(("08", "57P")):
        return None
    detail = redact(str(error.orig or error).strip().splitlines()[0])
    if sqlstate == "42710":
        return Conflict(
            "Ya existe un usuario «{login}» en el servidor PostgreSQL.", params={"login": login}
        )
    if sqlstate == "42501":
        return PermissionDenied(
            "Su usuario de base de datos no puede crear ni quitar usuarios "
            "(hace falta un administrador): {detail}",
            params={"detail": detail},
        )
    return InvalidInput(
        "El servidor rechazó el usuario «{login}»: {detail}",
        params={"login": login, "detail": detail},
    )
