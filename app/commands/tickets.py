"""`imr-console ticket …`: the scripting door for integrations (WhatsApp bridge, phone system)."""

from __future__ import annotations

import argparse
import json

from app.commands.common import add_db_option, open_database, parse_instant
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import LOGGABLE_KINDS, ActionKind, parse_ticket_number
from app.services.directory_lookup import client_by_name
from app.services.errors import InvalidInput
from app.services.export import detail_record
from app.services.snapshots import TicketDetail
from app.services.tickets import OpenTicketRequest, TicketService, now_utc
from app.services.uow import unit_of_work


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("ticket", help="tiquetes: abrir, tomar, registrar, resolver")
    sub = parser.add_subparsers(dest="ticket_command", metavar="ACCIÓN", required=True)

    op = sub.add_parser("open", help="abre un tiquete; imprime su número")
    op.add_argument("--client", required=True, help="nombre del cliente")
    op.add_argument("--channel", required=True, choices=[c.value for c in Channel])
    op.add_argument("--priority", required=True, help="1-4 o Muy alto/Alto/Medio/Bajo")
    op.add_argument("--subject", required=True)
    op.add_argument("--description", default="")
    op.add_argument("--contact", metavar="CORREO", default="")
    op.add_argument("--received", metavar="ISO")
    _actor(op)
    op.set_defaults(handler=_open)

    for name, helptext, handler in (
        ("claim", "toma el tiquete", _claim),
        ("release", "libera el tiquete", _release),
    ):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("ticket")
        _actor(p)
        p.set_defaults(handler=handler)

    nxt = sub.add_parser("take-next", help="toma el siguiente tiquete más urgente sin asignar")
    _actor(nxt)
    nxt.set_defaults(handler=_take_next)

    log = sub.add_parser("log", help="registra una acción")
    log.add_argument("ticket")
    log.add_argument("--kind", required=True, help=", ".join(k.value for k in LOGGABLE_KINDS))
    log.add_argument("--text", required=True)
    log.add_argument("--contact", action="store_true", help="fue contacto con el solicitante")
    log.add_argument("--duration", type=int, metavar="MIN")
    log.add_argument("--at", metavar="ISO")
    log.add_argument("--uid", help="identificador único (reintentos seguros)")
    _actor(log)
    log.set_defaults(handler=_log)

    rp = sub.add_parser("reprioritise", aliases=["reprioritize"], help="cambia la prioridad")
    rp.add_argument("ticket")
    rp.add_argument("--priority", required=True)
    rp.add_argument("--reason", required=True)
    _actor(rp)
    rp.set_defaults(handler=_reprioritise)

    rs = sub.add_parser("resolve", help="resuelve con la solución brindada")
    rs.add_argument("ticket")
    rs.add_argument("--solution", required=True)
    _actor(rs)
    rs.set_defaults(handler=_resolve)

    sh = sub.add_parser("show", help="muestra un tiquete")
    sh.add_argument("ticket")
    sh.add_argument("--format", choices=["text", "json"], default="text")
    add_db_option(sh)
    sh.set_defaults(handler=_show)


def _actor(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as", dest="actor", required=True, metavar="USUARIO")
    add_db_option(parser)


def _number(text: str) -> int:
    try:
        return parse_ticket_number(text)
    except ValueError as error:
        raise InvalidInput(str(error)) from error


def _priority(text: str) -> Priority:
    try:
        return Priority.parse(text)
    except ValueError as error:
        raise InvalidInput(str(error)) from error


def _service(args: argparse.Namespace) -> TicketService:
    return TicketService(open_database(args))


def _open(args: argparse.Namespace) -> int:
    service = _service(args)
    with unit_of_work(service.db) as session:
        client_id = client_by_name(session, args.client).id
    detail = service.open(
        OpenTicketRequest(
            channel=Channel(args.channel),
            priority=_priority(args.priority),
            subject=args.subject,
            description=args.description,
            client_id=client_id,
            requester_address=args.contact,
            received_at=parse_instant(args.received, "fecha de recepción")
            if args.received
            else None,
        ),
        args.actor,
    )
    print(detail.number)
    _summary(detail)
    return 0


def _claim(args: argparse.Namespace) -> int:
    _summary(_service(args).claim(_number(args.ticket), args.actor))
    return 0


def _release(args: argparse.Namespace) -> int:
    _summary(_service(args).release(_number(args.ticket), args.actor))
    return 0


def _take_next(args: argparse.Namespace) -> int:
    detail = _service(args).take_next(args.actor)
    if detail is None:
        print("No hay tiquetes sin asignar.")
        return 0
    print(detail.number)
    _summary(detail)
    return 0


def _log(args: argparse.Namespace) -> int:
    try:
        kind = ActionKind.parse(args.kind)
    except ValueError as error:
        raise InvalidInput(str(error)) from error
    detail = _service(args).log_action(
        _number(args.ticket),
        args.actor,
        kind,
        args.text,
        is_contact=args.contact,
        duration_minutes=args.duration,
        occurred_at=parse_instant(args.at, "hora de la acción") if args.at else None,
        uid=args.uid,
    )
    _summary(detail)
    return 0


def _reprioritise(args: argparse.Namespace) -> int:
    detail = _service(args).reprioritise(
        _number(args.ticket), _priority(args.priority), args.reason, args.actor
    )
    _summary(detail)
    return 0


def _resolve(args: argparse.Namespace) -> int:
    _summary(_service(args).resolve(_number(args.ticket), args.solution, args.actor))
    return 0


def _show(args: argparse.Namespace) -> int:
    service = _service(args)
    detail = service.get(_number(args.ticket))
    record = detail_record(detail, service.policy.get(), now_utc())
    if args.format == "json":
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return 0
    _summary(detail)
    for action in record["actions"]:
        contact = " [contacto]" if action["is_contact"] else ""
        print(
            f"  {action['occurred_at']}  {action['kind']}{contact}  {action['author'] or '-'}: "
            f"{action['text']}"
        )
    return 0


def _summary(detail: TicketDetail) -> None:
    row = detail.row
    print(
        f"{row.number}\t{row.priority.label}\t{row.status.label}\t"
        f"vence {row.deadline.isoformat()}\t{row.assignee_login or 'sin asignar'}\t{row.subject}"
    )
