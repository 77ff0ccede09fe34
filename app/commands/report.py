"""`imr-console report sla --from DATE --to DATE --format csv|json|pdf`: compliance by priority
(CSV, JSON) or the whole period report with charts (PDF, written to --output)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.commands.common import add_db_option, open_database, parse_day
from app.reports.compliance import Dimension
from app.reports.export import priority_csv, priority_records
from app.reports.period import Period
from app.services.errors import InvalidInput
from app.services.reports import ReportService
from app.services.tickets import now_utc


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("report", help="informes de supervisión")
    sub = parser.add_subparsers(dest="report_command", metavar="INFORME", required=True)
    sla = sub.add_parser("sla", help="cumplimiento del primer contacto por prioridad")
    sla.add_argument("--from", dest="date_from", required=True, metavar="AAAA-MM-DD")
    sla.add_argument("--to", dest="date_to", required=True, metavar="AAAA-MM-DD")
    sla.add_argument("--format", choices=["csv", "json", "pdf"], default="csv")
    sla.add_argument(
        "--output", metavar="ARCHIVO", help="archivo PDF a escribir (con --format pdf)"
    )
    add_db_option(sla)
    sla.set_defaults(handler=_sla)


def _sla(args: argparse.Namespace) -> int:
    first = parse_day(args.date_from, "fecha inicial")
    last = parse_day(args.date_to, "fecha final")
    try:
        period = Period.from_days(first, last)
    except ValueError as error:
        raise InvalidInput(f"Periodo inválido: {error}.") from error
    if args.format == "pdf":
        return _pdf(args, period)
    report = ReportService(open_database(args)).compliance(period, dimensions=(Dimension.PRIORITY,))
    if args.format == "json":
        json.dump(priority_records(report), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        sys.stdout.write(priority_csv(report))
    return 0


def _pdf(args: argparse.Namespace, period: Period) -> int:
    if not args.output:
        raise InvalidInput("Indique con --output el archivo PDF que desea escribir.")
    path = Path(args.output)
    if not path.parent.is_dir():
        raise InvalidInput(f"La carpeta {path.parent} no existe.")
    service = ReportService(open_database(args))
    now = now_utc()
    compliance = service.compliance(period, now=now)
    causes = service.causes(period, now=now)
    forecast = service.forecast(now=now)
    from ui.reports_pdf import render_headless  # Qt only for this format

    try:
        pages = render_headless(path, compliance, causes, forecast)
    except OSError as error:
        raise InvalidInput(f"No se pudo escribir {path}: {error.strerror or error}.") from error
    print(f"Informe guardado en {path} ({pages} páginas).")
    return 0
