"""`imr-console technician add` and `imr-console client add`: scripted onboarding."""

from __future__ import annotations

import argparse

from app.commands.common import add_db_option, open_database, parse_day
from app.services.directory import ROLES, DirectoryService


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tech = subparsers.add_parser("technician", help="representantes técnicos")
    tsub = tech.add_subparsers(dest="technician_command", metavar="ACCIÓN", required=True)
    add = tsub.add_parser("add", help="registra un representante técnico")
    add.add_argument("login")
    add.add_argument("--name", required=True)
    add.add_argument("--role", default="technician", choices=[r for r in ROLES if r != "intake"])
    add.add_argument("--email")
    add_db_option(add)
    add.set_defaults(handler=_add_technician)

    client = subparsers.add_parser("client", help="clientes")
    csub = client.add_subparsers(dest="client_command", metavar="ACCIÓN", required=True)
    cadd = csub.add_parser("add", help="registra un cliente, su contrato y su usuario clave")
    cadd.add_argument("name")
    cadd.add_argument("--contract-from", metavar="AAAA-MM-DD")
    cadd.add_argument("--contract-until", metavar="AAAA-MM-DD")
    cadd.add_argument("--key-user", metavar="CORREO")
    cadd.add_argument("--key-user-name", metavar="NOMBRE")
    cadd.add_argument("--tax-id", metavar="RUC")
    add_db_option(cadd)
    cadd.set_defaults(handler=_add_client)


def _add_technician(args: argparse.Namespace) -> int:
    service = DirectoryService(open_database(args))
    tech = service.add_technician(args.login, args.name, args.role, args.email)
    print(f"{tech.login}\t{tech.name}\t{tech.role}")
    return 0


def _add_client(args: argparse.Namespace) -> int:
    service = DirectoryService(open_database(args))
    client = service.add_client(
        args.name,
        contract_from=parse_day(args.contract_from, "inicio del contrato")
        if args.contract_from
        else None,
        contract_until=parse_day(args.contract_until, "fin del contrato")
        if args.contract_until
        else None,
        key_user_email=args.key_user,
        key_user_name=args.key_user_name,
        tax_id=args.tax_id,
    )
    print(f"{client.id}\t{client.name}\t{client.contract_label}")
    return 0
