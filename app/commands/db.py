"""`imr-console db …`: schema migrations."""

from __future__ import annotations

import argparse

from sqlalchemy.exc import DBAPIError

from app.commands.accounts import register_account_commands
from app.commands.common import add_db_option
from app.config import resolve_db_url
from app.data.engine import Database
from app.data.migrate import upgrade
from app.services.errors import DatabaseUnavailable


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("db", help="base de datos: migraciones y usuarios")
    sub = parser.add_subparsers(dest="db_command", metavar="ACCIÓN", required=True)
    up = sub.add_parser("upgrade", help="aplica las migraciones pendientes")
    add_db_option(up)
    up.set_defaults(handler=_upgrade)
    register_account_commands(sub)


def _upgrade(args: argparse.Namespace) -> int:
    db = Database(resolve_db_url(args.db))
    try:
        upgrade(db.engine)
    except DBAPIError as error:
        raise DatabaseUnavailable(
            f"No se pudo actualizar la base de datos {db.display_name}: "
            f"{str(error.orig or error).strip().splitlines()[0]}"
        ) from error
    print(f"Base de datos al día: {db.display_name}")
    return 0
