"""`imr-console import clients|contracts|contacts|products FILE.csv [--dry-run]` and the
matching `imr-console export clients|contracts|contacts|products`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.commands.common import CommandError, add_db_option, fail, open_database
from app.services.directory import SYSTEM_ACTOR
from app.services.directory_import import KIND_LABELS, KINDS, DirectoryImport


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import", help="importa clientes, contratos, contactos o productos desde CSV"
    )
    parser.add_argument("kind", choices=KINDS, metavar="QUÉ", help=" | ".join(KINDS))
    parser.add_argument("file", metavar="ARCHIVO.csv")
    parser.add_argument(
        "--dry-run", action="store_true", help="solo revisa el archivo; no cambia nada"
    )
    parser.add_argument(
        "--as", dest="actor", metavar="USUARIO", help="supervisor o administrador que importa"
    )
    add_db_option(parser)
    parser.set_defaults(handler=_import)


def register_export(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Adds the directory targets to `imr-console export` (see app/commands/export.py)."""
    for kind in KINDS:
        target = sub.add_parser(kind, help=f"{KIND_LABELS[kind]} en CSV (columnas de importación)")
        target.add_argument("--output", "-o", metavar="ARCHIVO", help="por defecto la salida")
        add_db_option(target)
        target.set_defaults(handler=_export, export_kind=kind)


def _read(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError as error:
        raise CommandError(f"No existe el archivo «{path}».") from error
    except OSError as error:
        raise CommandError(f"No se pudo leer «{path}»: {error.strerror}.") from error
    for encoding in ("utf-8-sig", "cp1252"):  # Excel in Spanish saves cp1252 by default
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CommandError(f"«{path}» no es un archivo de texto CSV.")


def _import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    text = _read(path)
    importer = DirectoryImport(open_database(args))
    report = importer.run(args.kind, text, actor=args.actor or SYSTEM_ACTOR, dry_run=args.dry_run)
    if report.rejections:
        for rejection in report.rejections:
            fail(f"{path.name}, {rejection}")
        fail(report.summary)
        return 2
    print(report.summary)
    return 0


def _export(args: argparse.Namespace) -> int:
    text = DirectoryImport(open_database(args)).export(args.export_kind)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8-sig", newline="")
        except OSError as error:
            raise CommandError(f"No se pudo escribir «{args.output}»: {error.strerror}.") from error
        return 0
    sys.stdout.write(text)
    return 0
