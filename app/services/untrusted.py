"""Untrusted text is stored verbatim, except NUL, which PostgreSQL refuses in text columns.

Every text attribute of a row about to be written has U+0000 replaced with U+FFFD (the
replacement character), on SQLite too so both databases hold the same thing, and the
replacement is recorded in audit_log (which fields, how many), never silently.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, inspect
from sqlalchemy.orm import Session, UOWTransaction

NUL = "\x00"
REPLACEMENT = "\ufffd"
_PENDING_KEY = "imr_nul_replaced"


def replace_nul(value: str) -> tuple[str, int]:
    """The text with NUL replaced by U+FFFD, and how many were replaced."""
    count = value.count(NUL)
    return (value.replace(NUL, REPLACEMENT), count) if count else (value, 0)


def _scrub(obj: Any) -> dict[str, int]:
    replaced: dict[str, int] = {}
    state = inspect(obj)
    for attr in state.mapper.column_attrs:
        key = attr.key
        value = state.dict.get(key)  # never triggers a load
        if isinstance(value, str) and NUL in value:
            clean, count = replace_nul(value)
            setattr(obj, key, clean)
            replaced[key] = count
    return replaced


def _before_flush(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    from app.data.models import AuditEntry

    pending: list[tuple[Any, dict[str, int]]] = session.info.setdefault(_PENDING_KEY, [])
    for obj in list(session.new) + list(session.dirty):
        if isinstance(obj, AuditEntry):
            continue
        replaced = _scrub(obj)
        if replaced:
            pending.append((obj, replaced))


def _after_flush_postexec(session: Session, _flush: UOWTransaction) -> None:
    pending = session.info.pop(_PENDING_KEY, None)
    if not pending:
        return
    from app.data.models import AuditEntry

    for obj, replaced in pending:
        state = inspect(obj)
        identity = state.identity
        entity_id = ",".join(str(part) for part in identity) if identity else ""
        session.add(
            AuditEntry(
                actor="system",
                entity=state.mapper.local_table.name[:40],
                entity_id=entity_id[:60],
                action="nul_replaced",
                before=None,
                after={"fields": replaced},
                reason="Caracteres NUL (U+0000) reemplazados por U+FFFD al guardar.",
            )
        )


def install() -> None:
    """Listen on every Session (idempotent)."""
    if not event.contains(Session, "before_flush", _before_flush):
        event.listen(Session, "before_flush", _before_flush)
        event.listen(Session, "after_flush_postexec", _after_flush_postexec)
