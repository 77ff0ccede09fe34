"""Local journal of actions and edits not yet saved: JSON lines, fsynced, retried later.

Every entry carries the client-made ``uid`` of the action, so a retry after an uncertain
failure (the commit reached the server but the answer was lost) never stores it twice.
"""

from __future__ import annotations

import json
import os
import threading
import uuid
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.config import data_dir
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind, TicketStatus
from app.services.errors import Conflict, DatabaseUnavailable, ServiceError
from app.services.snapshots import TicketDetail
from app.services.tickets import TicketService

JOURNAL_NAME = "pending-actions.jsonl"
REJECTED_NAME = "rejected-actions.jsonl"
OPS = ("log_action", "set_status", "reprioritise")


def new_uid() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class PendingEntry:
    """What the technician asked for, exactly as typed."""

    uid: str
    op: str
    ticket_id: int
    actor: str
    args: dict[str, Any] = field(default_factory=dict)
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())

    def to_line(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_line(cls, line: str) -> PendingEntry:
        raw = json.loads(line)
        return cls(
            uid=str(raw["uid"]),
            op=str(raw["op"]),
            ticket_id=int(raw["ticket_id"]),
            actor=str(raw["actor"]),
            args=dict(raw.get("args") or {}),
            created_at=str(raw.get("created_at", "")),
        )


@dataclass
class ReplayReport:
    saved: list[str] = field(default_factory=list)
    pending: list[str] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # uid, Spanish reason


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":
        return  # directories cannot be opened for fsync on Windows; replace() is enough there
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class Journal:
    """Pending entries in ``data_dir()/pending-actions.jsonl``; one journal per desk."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or data_dir() / JOURNAL_NAME
        self.rejected_path = self.path.with_name(REJECTED_NAME)
        self._lock = threading.Lock()

    # ------------------------------------------------------------ storage
    def entries(self) -> list[PendingEntry]:
        with self._lock:
            return self._read()

    def uids(self) -> set[str]:
        return {e.uid for e in self.entries()}

    def __len__(self) -> int:
        return len(self.entries())

    def add(self, entry: PendingEntry) -> None:
        """Append and fsync: after this returns the entry survives a crash or power cut."""
        with self._lock:
            if any(e.uid == entry.uid for e in self._read()):
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as handle:
                handle.write(entry.to_line() + "\n")
                handle.flush()
                os.fsync(handle.fileno())

    def remove(self, uid: str) -> None:
        with self._lock:
            kept = [e for e in self._read() if e.uid != uid]
            self._rewrite(kept)

    def _read(self) -> list[PendingEntry]:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        entries = []
        for line in text.splitlines():
            if not line.strip():
                continue
            try:
                entries.append(PendingEntry.from_line(line))
            except (ValueError, KeyError, TypeError):
                continue  # a line torn by a crash mid-write: everything before it is intact
        return entries

    def _rewrite(self, entries: Iterable[PendingEntry]) -> None:
        tmp = self.path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as handle:
            for entry in entries:
                handle.write(entry.to_line() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(self.path)
        _fsync_dir(self.path.parent)

    def _reject(self, entry: PendingEntry, reason: str) -> None:
        with self._lock:
            with self.rejected_path.open("a", encoding="utf-8") as handle:
                record = {**asdict(entry), "reason": reason}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
                handle.flush()
                os.fsync(handle.fileno())
            self._rewrite([e for e in self._read() if e.uid != entry.uid])

    # ------------------------------------------------------------ saving
    def log_action(
        self,
        service: TicketService,
        ticket_id: int,
        actor: str,
        kind: ActionKind,
        text: str,
        *,
        uid: str | None = None,
        is_contact: bool = False,
        duration_minutes: int | None = None,
        occurred_at: datetime | None = None,
    ) -> TicketDetail:
        """Journal first, then save; on success the entry is removed.

        When the database is unreachable (or fails in an unexpected way) the entry stays
        pending and the error is raised for the dialog to show. A refusal on the merits
        (bad input, conflict) removes it: the dialog keeps the text and shows the reason.
        """
        args: dict[str, Any] = {
            "kind": kind.value,
            "text": text,
            "is_contact": is_contact,
            "duration_minutes": duration_minutes,
            "occurred_at": (occurred_at or datetime.now(UTC)).isoformat(),
        }
        entry = PendingEntry(
            uid=uid or new_uid(), op="log_action", ticket_id=ticket_id, actor=actor, args=args
        )
        return self.submit(service, entry)

    def submit(self, service: TicketService, entry: PendingEntry) -> TicketDetail:
        if entry.op not in OPS:
            raise ValueError(f"unknown journal operation {entry.op!r}")
        self.add(entry)
        try:
            detail = self._apply(service, entry)
        except DatabaseUnavailable:
            raise  # stays pending: retried by replay()
        except ServiceError:
            self.remove(entry.uid)  # refused on its merits: the dialog shows why, keeps the text
            raise
        self.remove(entry.uid)
        return detail

    def replay(self, service: TicketService) -> ReplayReport:
        """Retry every pending entry in order; stops early while the database is away."""
        report = ReplayReport()
        entries = self.entries()
        for index, entry in enumerate(entries):
            try:
                self._apply(service, entry)
            except DatabaseUnavailable:
                report.pending.extend(e.uid for e in entries[index:])
                return report
            except (Conflict, ServiceError) as error:
                # A stale edit or input the server now refuses: kept aside, never dropped.
                self._reject(entry, error.message)
                report.rejected.append((entry.uid, error.message))
                continue
            self.remove(entry.uid)
            report.saved.append(entry.uid)
        return report

    @staticmethod
    def _apply(service: TicketService, entry: PendingEntry) -> TicketDetail:
        a = entry.args
        if entry.op == "log_action":
            occurred = a.get("occurred_at")
            return service.log_action(
                entry.ticket_id,
                entry.actor,
                ActionKind(a["kind"]),
                str(a.get("text", "")),
                is_contact=bool(a.get("is_contact", False)),
                duration_minutes=a.get("duration_minutes"),
                occurred_at=datetime.fromisoformat(occurred) if occurred else None,
                uid=entry.uid,
            )
        if entry.op == "set_status":
            return service.set_status(
                entry.ticket_id,
                TicketStatus(a["status"]),
                entry.actor,
                a.get("expected_version"),
                str(a.get("note", "")),
            )
        return service.reprioritise(
            entry.ticket_id,
            Priority(int(a["priority"])),
            str(a.get("reason", "")),
            entry.actor,
            a.get("expected_version"),
        )
