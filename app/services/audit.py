"""The application audit trail: who changed what and when, with the values before and after."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.data.models import AuditEntry


@dataclass(frozen=True, slots=True)
class AuditView:
    at: datetime
    actor: str
    entity: str
    entity_id: str
    action: str
    before: Any
    after: Any
    reason: str = ""


def _plain(value: Any) -> Any:
    """JSON-safe: dates as ISO text, tuples as lists, nested dicts too."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def record(
    session: Session,
    actor: str,
    entity: str,
    entity_id: int | str,
    action: str,
    before: Any,
    after: Any,
    reason: str = "",
    *,
    core: bool = False,
) -> None:
    """Add one audit row to the caller's transaction (so it commits or rolls back with it)."""
    values = {
        "actor": actor,
        "entity": entity,
        "entity_id": str(entity_id),
        "action": action,
        "before": _plain(before),
        "after": _plain(after),
        "reason": reason,
    }
    if core:
        # No RETURNING: a role that may insert audit rows but not read them can write this.
        session.execute(insert(AuditEntry).values(**values))
        return
    session.add(AuditEntry(**values))


def record_changes(
    session: Session,
    actor: str,
    entity: str,
    entity_id: int | str,
    action: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Like record(), keeping only the fields that changed; nothing when nothing changed."""
    if before is not None and after is not None:
        changed = [k for k in after if before.get(k) != after.get(k)]
        if not changed:
            return
        before = {k: before.get(k) for k in changed}
        after = {k: after[k] for k in changed}
    record(session, actor, entity, entity_id, action, before, after)


def trail(
    session: Session,
    *,
    entities: Iterable[str] | None = None,
    entity_id: int | str | None = None,
    limit: int | None = None,
    newest_first: bool = False,
) -> list[AuditView]:
    stmt = select(AuditEntry)
    if entities is not None:
        stmt = stmt.where(AuditEntry.entity.in_(list(entities)))
    if entity_id is not None:
        stmt = stmt.where(AuditEntry.entity_id == str(entity_id))
    order = (AuditEntry.id.desc(),) if newest_first else (AuditEntry.at, AuditEntry.id)
    stmt = stmt.order_by(*order)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        AuditView(r.at, r.actor, r.entity, r.entity_id, r.action, r.before, r.after, r.reason)
        for r in session.scalars(stmt)
    ]
