"""Queue rows carried by change notifications (PostgreSQL ``imr_changes`` payloads).

The NOTIFY trigger (migration 0004) puts the ticket's queue row in the payload as JSON, the same
columns ``TicketService.rows()`` reads. ``row_from_payload`` turns that JSON into the same frozen
``QueueRow`` a reload would give, so a desk can update its queue without a database round trip.
Anything missing or malformed gives ``None``: the desk then reloads the row as before.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind, TicketStatus
from app.services.snapshots import QueueRow

NO_CLIENT = "(sin cliente)"


def _when(value: Any) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("timestamp is not text")
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def _required_when(value: Any) -> datetime:
    parsed = _when(value)
    if parsed is None:
        raise ValueError("missing timestamp")
    return parsed


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("not text")
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not an integer")
    return value


def row_from_payload(raw: Any) -> QueueRow | None:
    """The ``row`` object of a change payload as a QueueRow; ``None`` when absent or invalid."""
    if not isinstance(raw, dict):
        return None
    try:
        kind = _text(raw.get("last_action_kind"))
        needs_review = raw.get("needs_review")
        if not isinstance(needs_review, bool):
            raise TypeError("needs_review is not a boolean")
        return QueueRow(
            id=_int(raw["id"]),
            subject=_text(raw["subject"]) or "",
            client_name=_text(raw.get("client_name")) or NO_CLIENT,
            channel=Channel(raw["channel"]),
            priority=Priority(_int(raw["priority"])),
            status=TicketStatus(raw["status"]),
            received_at=_required_when(raw["received_at"]),
            deadline=_required_when(raw["first_contact_due"]),
            target=timedelta(minutes=_int(raw["target_minutes"])),
            calendar_name=_text(raw["calendar_name"]) or "",
            first_contact_at=_when(raw.get("first_contact_at")),
            assignee_login=_text(raw.get("assignee_login")),
            assignee_name=_text(raw.get("assignee_name")),
            last_action_at=_when(raw.get("last_action_at")),
            last_action_kind=ActionKind(kind) if kind else None,
            needs_review=needs_review,
            version=_int(raw["version"]),
            requester_name=_text(raw.get("requester_name")) or "",
        )
    except (KeyError, ValueError, TypeError):
        return None
