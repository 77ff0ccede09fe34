"""Plain-data views of tickets for JSON/CSV export and `ticket show --format json`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.domain.policy import SlaPolicy
from app.domain.sla import read_clock
from app.services.snapshots import QueueRow, TicketDetail


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def row_record(row: QueueRow, policy: SlaPolicy, now: datetime) -> dict[str, Any]:
    calendar = policy.calendars.get(row.calendar_name) or policy.calendar_for(
        row.priority, row.channel
    )
    clock = read_clock(
        calendar,
        deadline=row.deadline,
        target=row.target,
        now=now,
        first_contact_at=row.first_contact_at,
        at_risk_fraction=policy.at_risk_fraction,
    )
    return {
        "number": row.number,
        "id": row.id,
        "subject": row.subject,
        "client": row.client_name,
        "requester": row.requester_name,
        "channel": row.channel.value,
        "priority": int(row.priority),
        "priority_label": row.priority.label,
        "status": row.status.value,
        "status_label": row.status.label,
        "assignee": row.assignee_login,
        "received_at": _iso(row.received_at),
        "first_contact_due": _iso(row.deadline),
        "first_contact_at": _iso(row.first_contact_at),
        "calendar": row.calendar_name,
        "clock_state": clock.state.value,
        "clock_label": clock.state.label,
        "needs_review": row.needs_review,
        "version": row.version,
    }


def detail_record(detail: TicketDetail, policy: SlaPolicy, now: datetime) -> dict[str, Any]:
    record = row_record(detail.row, policy, now)
    contract = detail.contract
    record.update(
        {
            "description": detail.description,
            "requester_address": detail.requester_address,
            "key_user": detail.contact.is_key_user if detail.contact else False,
            "contract": None
            if contract is None
            else {
                "number": contract.number,
                "starts_on": contract.starts_on.isoformat(),
                "ends_on": contract.ends_on.isoformat(),
            },
            "product": detail.product_name,
            "solution": detail.solution,
            "review_reasons": list(detail.review_reasons),
            "merged_into": detail.merged_into,
            "actions": [
                {
                    "uid": a.uid,
                    "kind": a.kind.value,
                    "author": a.author_login,
                    "occurred_at": a.occurred_at.isoformat(),
                    "text": a.text,
                    "is_contact": a.is_contact,
                    "duration_minutes": a.duration_minutes,
                    "attachments": [
                        {
                            "filename": f.filename,
                            "content_type": f.content_type,
                            "size": f.size,
                            "withheld": f.withheld,
                        }
                        for f in a.attachments
                    ],
                }
                for a in detail.actions
            ],
        }
    )
    return record
