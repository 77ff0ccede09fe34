"""`imr-console sla due`: the first-contact deadline for a case, with its explanation."""

from __future__ import annotations

import argparse
from zoneinfo import ZoneInfo

from app.commands.common import add_db_option, open_database, parse_instant
from app.domain.channels import Channel
from app.domain.policy import default_policy
from app.domain.priorities import Priority
from app.domain.sla import explain_deadline
from app.services.errors import InvalidInput
from app.services.sla_settings import PolicyCache


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("sla", help="plazos de primer contacto")
    sub = parser.add_subparsers(dest="sla_command", metavar="ACCIÓN", required=True)
    due = sub.add_parser("due", help="vencimiento del primer contacto y su explicación")
    due.add_argument("--priority", required=True, choices=["1", "2", "3", "4"])
    due.add_argument("--channel", required=True, choices=[c.value for c in Channel])
    due.add_argument("--received", required=True, help="ISO 8601 (sin zona: hora de Panamá)")
    add_db_option(due)
    due.set_defaults(handler=_due)


def _due(args: argparse.Namespace) -> int:
    priority = Priority(int(args.priority))
    channel = Channel(args.channel)
    received = parse_instant(args.received, "fecha de recepción")
    policy = PolicyCache(open_database(args)).get() if args.db else default_policy()
    calendar = policy.calendar_for(priority, channel)
    try:
        explanation = explain_deadline(calendar, received, priority.target)
    except ValueError as error:
        raise InvalidInput(str(error)) from error
    print(explanation.deadline.astimezone(ZoneInfo(calendar.timezone)).isoformat())
    for line in explanation.lines():
        print(line)
    return 0
