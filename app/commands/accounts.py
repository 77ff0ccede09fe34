"""`imr-console db create-user NAME --role …`: a person's database login and technician record."""

from __future__ import annotations

import argparse
import getpass
import sys

from app.commands.common import CommandError, add_db_option, open_database
from app.services.accounts import ROLE_LABELS, create_user


def register_account_commands(
    db_subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Sub-commands of the `db` group (called from app.commands.db.register)."""
    create = db_subparsers.add_parser(
        "create-user",
        help="crea el usuario de base de datos de una persona y su registro de técnico",
    )
    create.add_argument("login", metavar="NOMBRE", help="usuario (minúsculas, p. ej. jperez)")
    create.add_argument(
        "--role", required=True, choices=sorted(ROLE_LABELS), help="rol de la persona"
    )
    create.add_argument("--name", metavar="NOMBRE_COMPLETO", default="", help="nombre completo")
    create.add_argument("--email", default=None, help="correo electrónico")
    create.add_argument(
        "--password-stdin",
        action="store_true",
        help="lee la contraseña de la primera línea de la entrada estándar",
    )
    add_db_option(create)
    create.set_defaults(handler=_create_user)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        line = sys.stdin.readline()
        password = line.rstrip("\r\n")
        if not password:
            raise CommandError("No se recibió la contraseña por la entrada estándar.")
        return password
    if not sys.stdin.isatty():
        raise CommandError("Sin terminal para pedir la contraseña: use --password-stdin.")
    first = getpass.getpass("Contraseña del nuevo usuario: ")
    second = getpass.getpass("Repita la contraseña: ")
    if first != second:
        raise CommandError("Las contraseñas no coinciden.")
    if not first:
        raise CommandError("La contraseña no puede estar vacía.")
    return first


def _create_user(args: argparse.Namespace) -> int:
    db = open_database(args)
    try:
        password = _read_password(args.password_stdin) if db.is_postgres else None
        user = create_user(db, args.login, args.name, args.role, password, email=args.email)
    finally:
        db.dispose()
    what = ROLE_LABELS[user.role]
    if user.database_login:
        print(f"Usuario «{user.login}» creado ({what}) con su registro de técnico.")
    else:
        print(
            f"Registro de técnico «{user.login}» creado ({what}); la base de datos local "
            "no tiene usuarios propios."
        )
    return 0
