"""`imr-console report sla --from DATE --to DATE --format csv|json`: compliance by priority."""

from __future__ import annotations

import argparse
import json
import sys

from app.commands.common import add_db_option, open_database, parse_day
from app.reports.compliance import Dimension
from app.reports.export import priority_csv, priority_records
from app.reports.period import Period
from app.services.errors import InvalidInput
from app.services.reports import ReportService


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("report", help="informes de supervisión")
    sub = parser.add_subparsers(dest="report_command", metavar="INFORME", required=True)
    sla = sub.add_parser("sla", help="cumplimiento del primer contacto por prioridad")
    sla.add_argument("--from", dest="date_from", required=True, metavar="AAAA-MM-DD")
    sla.add_argument("--to", dest="date_to", required=True, metavar="AAAA-MM-DD")
    sla.add_argument("--format", choices=["csv", "json"], default="csv")
    add_db_option(sla)
    sla.set_defaults(handler=_sla)


def _sla(args: argparse.Namespace) -> int:
    first = parse_day(args.date_from, "fecha inicial")
    last = parse_day(args.date_to, "fecha final")
    try:
        period = Period.from_days(first, last)
    except ValueError as error:
        raise InvalidInput(f"Periodo inválido: {error}.") from error
    report = ReportService(open_database(args)).compliance(period, dimensions=(Dimension.PRIORITY,))
    if args.format == "json":
        json.dump(priority_records(report), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        sys.stdout.write(priority_csv(report))
    return 0
