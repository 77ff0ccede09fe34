"""`imr-console intake imap|eml|quarantine`: the support mailbox and .eml backlog into tickets."""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

from app.commands.common import add_db_option, fail, open_database
from app.domain.priorities import Priority
from app.intake.ack import AckPolicy, SmtpSettings
from app.intake.imap import ImapSettings, ImapWorker
from app.intake.parsing import DEFAULT_SIZE_CAP
from app.intake.pipeline import IntakeConfig, IntakeCounts, IntakePipeline
from app.services.errors import DatabaseUnavailable, InvalidInput
from app.services.mail_intake import MailIntakeService
from app.services.tickets import TicketService


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("intake", help="correo entrante: buzón IMAP, archivos .eml")
    sub = parser.add_subparsers(dest="intake_command", metavar="ACCIÓN", required=True)

    imap = sub.add_parser("imap", help="atiende un buzón IMAP (IDLE o consulta periódica)")
    imap.add_argument("--host", required=True)
    imap.add_argument("--port", type=int)
    tls = imap.add_mutually_exclusive_group()
    tls.add_argument("--ssl", dest="security", action="store_const", const="ssl")
    tls.add_argument("--starttls", dest="security", action="store_const", const="starttls")
    tls.add_argument(
        "--plain",
        dest="security",
        action="store_const",
        const="none",
        help="sin cifrado (solo pruebas en la misma máquina)",
    )
    imap.add_argument("--user", required=True)
    imap.add_argument("--mailbox", default="INBOX")
    imap.add_argument(
        "--processed-folder",
        metavar="CARPETA",
        help="mueve ahí lo procesado (por defecto solo lo marca como leído)",
    )
    imap.add_argument(
        "--poll",
        type=float,
        default=60.0,
        metavar="SEG",
        help="intervalo de consulta si el servidor no ofrece IDLE",
    )
    imap.add_argument("--once", action="store_true", help="procesa lo pendiente y termina")
    _common(imap)
    imap.set_defaults(handler=_imap, security=None)

    eml = sub.add_parser("eml", help="importa archivos .eml (carga de pendientes, pruebas)")
    eml.add_argument("files", nargs="+", metavar="ARCHIVO")
    _common(eml)
    eml.set_defaults(handler=_eml)

    quarantine = sub.add_parser("quarantine", help="cuarentena de correo (supervisores)")
    quarantine.add_argument("--all", action="store_true", help="incluye los ya resueltos")
    add_db_option(quarantine)
    quarantine.set_defaults(handler=_quarantine)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-mb",
        type=float,
        default=DEFAULT_SIZE_CAP / (1024 * 1024),
        help="límite de adjuntos por mensaje en MB (25 por defecto)",
    )
    parser.add_argument("--priority", default="3", help="prioridad inicial (Medio por defecto)")
    parser.add_argument("--smtp-host", help="servidor SMTP para el acuse de recibo")
    parser.add_argument("--smtp-port", type=int)
    smtp_tls = parser.add_mutually_exclusive_group()
    smtp_tls.add_argument("--smtp-ssl", dest="smtp_security", action="store_const", const="ssl")
    smtp_tls.add_argument(
        "--smtp-starttls", dest="smtp_security", action="store_const", const="starttls"
    )
    smtp_tls.add_argument("--smtp-plain", dest="smtp_security", action="store_const", const="none")
    parser.add_argument("--smtp-user", default="")
    parser.add_argument(
        "--from",
        dest="from_addr",
        default="soporte@imr.com.pa",
        help="nuestra dirección (remitente de los acuses)",
    )
    parser.add_argument("--verbose", action="store_true")
    add_db_option(parser)


def _config(args: argparse.Namespace) -> IntakeConfig:
    try:
        priority = Priority.parse(args.priority)
    except ValueError as error:
        raise InvalidInput(str(error)) from error
    if args.max_mb <= 0:
        raise InvalidInput("El límite por mensaje debe ser mayor que cero.")
    smtp = None
    if args.smtp_host:
        security = args.smtp_security or "starttls"
        port = args.smtp_port or {"ssl": 465, "starttls": 587}.get(security, 25)
        smtp = SmtpSettings(
            host=args.smtp_host,
            port=port,
            security=security,
            user=args.smtp_user,
            from_addr=args.from_addr,
        )
    return IntakeConfig(
        size_cap=int(args.max_mb * 1024 * 1024),
        default_priority=priority,
        smtp=smtp,
        ack=AckPolicy(own_addresses=frozenset({args.from_addr.lower()})),
    )


def _logging(args: argparse.Namespace) -> None:
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(message)s",
        stream=sys.stderr,
    )


def _eml(args: argparse.Namespace) -> int:
    _logging(args)
    config = _config(args)
    db = open_database(args)
    pipeline = IntakePipeline(db, config)
    counts = IntakeCounts()
    try:
        for name in args.files:
            path = Path(name)
            counts.received += 1
            try:
                raw = path.read_bytes()
                mtime = datetime.fromtimestamp(path.stat().st_mtime, UTC)
            except OSError as error:
                counts.received -= 1
                counts.failed += 1
                fail(f"no se pudo leer {name}: {error.strerror or error}")
                continue
            try:
                result = pipeline.process(raw, fallback_date=mtime, source=f"eml:{path.name}")
            except DatabaseUnavailable as error:
                counts.received -= 1
                counts.failed += 1
                fail(f"{name}: {error.message}")
                break
            counts.add(result.outcome)
            if args.verbose:
                print(f"{name}: {result.outcome.value} {result.note}".rstrip(), file=sys.stderr)
    finally:
        db.dispose()
    print(counts.line())
    return 0 if counts.accounted and counts.received == len(args.files) else 1


def _imap(args: argparse.Namespace) -> int:
    _logging(args)
    security = args.security or "ssl"
    port = args.port or {"ssl": 993}.get(security, 143)
    settings = ImapSettings(
        host=args.host,
        port=port,
        security=security,
        user=args.user,
        mailbox=args.mailbox,
        processed_folder=args.processed_folder,
        poll_seconds=args.poll,
    )
    config = _config(args)
    db = open_database(args)
    worker = ImapWorker(db, settings, IntakePipeline(db, config))

    def stop(_signum: int, _frame: FrameType | None) -> None:
        worker.stop_event.set()

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        counts = worker.run(once=args.once)
    except KeyboardInterrupt:
        counts = worker.counts
    finally:
        signal.signal(signal.SIGTERM, previous)
        db.dispose()
    print(worker.counts.line() if counts is None else counts.line())
    return 0 if counts.accounted else 1


def _quarantine(args: argparse.Namespace) -> int:
    db = open_database(args)
    try:
        rows = MailIntakeService(db, TicketService(db)).list_quarantine(include_resolved=args.all)
    finally:
        db.dispose()
    if not rows:
        print("La cuarentena de correo está vacía.")
        return 0
    for row in rows:
        state = f"→ IMR-{row.resolved_ticket_id}" if row.resolved_ticket_id else "pendiente"
        when = row.received_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{row.id}\t{when}\t{row.size} B\t{state}\t{row.reason}")
    return 0
