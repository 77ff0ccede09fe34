"""The single command-line entry: `imr-console [sub-command]` (also `python -m app`)."""

from __future__ import annotations

import argparse
import importlib
import re
import sys
from collections.abc import Sequence

from sqlalchemy.exc import DBAPIError

from app import __version__
from app.commands import COMMAND_MODULES
from app.commands.common import CommandError, add_db_option, close_databases, fail
from app.services.errors import ServiceError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="imr-console",
        description="Consola de representantes técnicos — Centro de Soluciones IMR.",
    )
    parser.add_argument("--version", action="version", version=f"imr-console {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="prueba de arranque sin pantalla y termina"
    )
    add_db_option(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMANDO")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def run_console(args: argparse.Namespace) -> int:
    from ui.app import run  # imported late: the CLI sub-commands never load Qt

    return run(db_url=args.db, self_test=args.self_test)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(args)
    finally:
        close_databases()


def _dispatch(args: argparse.Namespace) -> int:
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            return run_console(args)
        return int(handler(args) or 0)
    except ServiceError as error:
        fail(error.message)
        return error.exit_code
    except CommandError as error:
        fail(str(error))
        return error.exit_code
    except KeyboardInterrupt:
        fail("interrumpido")
        return 130
    except BrokenPipeError:
        return 0
    except DBAPIError as error:
        first = str(error.orig or error).strip().splitlines()
        fail("error de base de datos: " + redact_url(first[0] if first else type(error).__name__))
        return 5 if error.connection_invalidated or _is_connection_error(error) else 1
    except Exception as error:  # the CLI never shows a traceback
        fail(f"error inesperado ({type(error).__name__}): {redact_url(str(error))}")
        return 1


def _is_connection_error(error: DBAPIError) -> bool:
    sqlstate = getattr(error.orig, "sqlstate", None) or ""
    return sqlstate.startswith("08") or type(error).__name__ == "OperationalError"


def redact_url(text: str) -> str:
    """Hide any password embedded in a database URL inside a message."""
    return _URL_PASSWORD.sub(r"\1***@", text)


_URL_PASSWORD = re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]+:)[^@\s]+@", re.IGNORECASE)


if __name__ == "__main__":
    sys.exit(main())
