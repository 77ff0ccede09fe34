"""`imr-console intake imap|eml|quarantine`: the support mailbox and .eml backlog into tickets."""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import multiprocessing.pool
import os
import signal
import sys
from collections import deque
from collections.abc import Generator
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType

from app.commands.common import add_db_option, fail, open_database
from app.domain.priorities import Priority
from app.intake.ack import AckPolicy, SmtpSettings
from app.intake.imap import ImapSettings, ImapWorker
from app.intake.parsing import DEFAULT_SIZE_CAP
from app.intake.pipeline import (
    Incoming,
    IntakeConfig,
    IntakeCounts,
    IntakePipeline,
    ParsedIncoming,
    parse_incoming,
)
from app.services.errors import InvalidInput
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
    eml.add_argument(
        "--batch-size",
        type=int,
        default=BATCH_SIZE,
        metavar="N",
        help=f"mensajes por transacción ({BATCH_SIZE} por defecto; 1: uno por uno)",
    )
    eml.add_argument(
        "--parse-workers",
        type=int,
        metavar="N",
        help="procesos que leen los mensajes mientras se graban (automático por defecto)",
    )
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


BATCH_SIZE = 50
POOL_THRESHOLD = 200  # fewer files than this are parsed in the main process
PARSE_CHUNK = 10
PARSE_AHEAD = 12  # chunks in flight per worker: parsing runs ahead while a batch is written
_Parsing = multiprocessing.pool.AsyncResult  # of list[ParsedIncoming | str]


def _parse_file(name: str, size_cap: int) -> ParsedIncoming | str:
    """Read and parse one .eml file (in a pool worker); the error text when unreadable."""
    path = Path(name)
    try:
        raw = path.read_bytes()
        mtime = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError as error:
        return f"no se pudo leer {name}: {error.strerror or error}"
    return parse_incoming(Incoming(raw, None, mtime, f"eml:{path.name}"), size_cap)


def _parse_chunk(names: list[str], size_cap: int) -> list[ParsedIncoming | str]:
    return [_parse_file(name, size_cap) for name in names]


def _parse_pool(workers: int) -> multiprocessing.pool.Pool | None:
    """Processes that parse while the main one writes (forked before any connection)."""
    if workers <= 0 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    try:
        return multiprocessing.get_context("fork").Pool(workers)
    except OSError as error:  # no processes to spare: parse in the main process
        logging.getLogger(__name__).warning("sin procesos auxiliares de lectura: %s", error)
        return None


def _parsed_files(
    files: list[str], size_cap: int, pool: multiprocessing.pool.Pool | None, ahead: int
) -> Generator[tuple[str, ParsedIncoming | str]]:
    """The files parsed in order; with a pool, a few chunks ahead in other processes."""
    if pool is None:
        for name in files:
            yield name, _parse_file(name, size_cap)
        return
    pending: deque[
        tuple[list[str], multiprocessing.pool.AsyncResult[list[ParsedIncoming | str]]]
    ] = deque()
    for i in range(0, len(files), PARSE_CHUNK):
        chunk = files[i : i + PARSE_CHUNK]
        pending.append((chunk, pool.apply_async(_parse_chunk, (chunk, size_cap))))
        if len(pending) >= ahead:
            names, result = pending.popleft()
            yield from zip(names, result.get(), strict=True)
    while pending:
        names, result = pending.popleft()
        yield from zip(names, result.get(), strict=True)


def _eml(args: argparse.Namespace) -> int:
    _logging(args)
    config = _config(args)
    if args.batch_size < 1:
        raise InvalidInput("El tamaño del lote debe ser al menos 1.")
    workers = args.parse_workers
    if workers is None:
        # The main process and the database server need about one core between them.
        cores = os.cpu_count() or 1
        workers = max(1, min(4, cores - 1)) if len(args.files) >= POOL_THRESHOLD else 0
    counts = IntakeCounts()
    pool = _parse_pool(workers)
    parsed = _parsed_files(list(args.files), config.size_cap, pool, PARSE_AHEAD * max(1, workers))
    try:
        db = open_database(args)
    except BaseException:
        if pool is not None:
            pool.terminate()
        raise
    pipeline = IntakePipeline(db, config)

    def flush(batch: list[tuple[str, ParsedIncoming]]) -> bool:
        results, error = pipeline.process_batch([p for _name, p in batch])
        for (name, _p), result in zip(batch, results, strict=True):
            if result is None:
                counts.failed += 1
                continue
            counts.received += 1
            counts.add(result.outcome)
            if args.verbose:
                print(f"{name}: {result.outcome.value} {result.note}".rstrip(), file=sys.stderr)
        if error is not None:
            fail(error.message)
            return False
        return True

    try:
        batch: list[tuple[str, ParsedIncoming]] = []
        for name, item in parsed:
            if isinstance(item, str):
                counts.failed += 1
                fail(item)
                continue
            batch.append((name, item))
            if len(batch) >= args.batch_size:
                if not flush(batch):
                    batch = []
                    break
                batch = []
        if batch:
            flush(batch)
    finally:
        parsed.close()
        if pool is not None:
            pool.terminate()
            pool.join()
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
