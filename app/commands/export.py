"""`imr-console export tickets --format csv|json`."""

from __future__ import annotations

import argparse
import csv
import json
import sys

from app.commands.common import add_db_option, open_database
from app.commands.directory_io import register_export
from app.services.export import row_record
from app.services.tickets import TicketService, now_utc


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("export", help="exporta datos")
    sub = parser.add_subparsers(dest="export_command", metavar="QUÉ", required=True)
    tickets = sub.add_parser("tickets", help="todos los tiquetes")
    tickets.add_argument("--format", choices=["csv", "json"], default="csv")
    tickets.add_argument("--open-only", action="store_true")
    add_db_option(tickets)
    tickets.set_defaults(handler=_tickets)
    register_export(sub)  # clients | contracts | contacts | products


def _tickets(args: argparse.Namespace) -> int:
    service = TicketService(open_database(args))
    policy = service.policy.get()
    now = now_utc()
    rows = service.queue(include_closed=not args.open_only)
    records = [row_record(r, policy, now) for r in rows]
    if args.format == "json":
        json.dump(records, sys.stdout, ensure_ascii=False, indent=1)
        print()
        return 0
    fields = list(records[0]) if records else ["number"]
    writer = csv.DictWriter(sys.stdout, fieldnames=fields)
    writer.writeheader()
    writer.writerows(records)
    return 0
