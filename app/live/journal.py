"""Local journal of actions and edits not yet saved: JSON lines, fsynced, retried later.

Every entry carries the client-made ``uid`` of the action, so a retry after an uncertain
failure (the commit reached the server but the answer was lost) never stores it twice.

Attachments of a pending action are files beside the journal (``pending-attachments/<uid>/<n>``,
fsynced before the entry's line is written), named in the entry with their size and SHA-256. Up to
``MAX_PENDING_ATTACHMENT_BYTES`` in total per action; above that the action is still saved when the
database answers, but is not kept for an automatic retry (the error says so plainly).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.config import data_dir
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind, TicketStatus
from app.services.errors import Conflict, DatabaseUnavailable, ServiceError, Worded
from app.services.snapshots import TicketDetail
from app.services.tickets import NewAttachment, TicketService

JOURNAL_NAME = "pending-actions.jsonl"
REJECTED_NAME = "rejected-actions.jsonl"
ATTACHMENTS_DIR = "pending-attachments"
OPS = ("log_action", "set_status", "reprioritise")
MAX_PENDING_ATTACHMENT_BYTES = 50 * 1024 * 1024


def _mb(size: int) -> Worded:
    """Megabytes with a decimal comma in Spanish, a decimal point in English."""
    text = f"{size / (1024 * 1024):.1f}"
    return Worded(text.replace(".", ",") + " MB", text + " MB")


class ActionPending(DatabaseUnavailable):
    """Not saved now, but kept in this computer's journal: it is retried automatically."""

    def __init__(self, cause: DatabaseUnavailable) -> None:
        super().__init__(
            "{cause} La acción quedó pendiente en este equipo y se registrará "
            "automáticamente cuando vuelva la conexión.",
            params={"cause": cause},
        )


class ActionNotKept(DatabaseUnavailable):
    """Not saved, and too big to keep for an automatic retry: only the open form has it."""

    def __init__(self, cause: DatabaseUnavailable, size: int) -> None:
        super().__init__(
            "{cause} Los adjuntos ({size}) superan el límite de {limit} que se puede guardar en "
            "este equipo: la acción NO se reintentará sola. No cierre esta ventana; pulse "
            "«Registrar acción» cuando vuelva la conexión.",
            params={
                "cause": cause,
                "size": _mb(size),
                "limit": _mb(MAX_PENDING_ATTACHMENT_BYTES),
            },
        )


class PendingFilesMissing(ServiceError):
    """The attachment files of a pending action are gone or altered: never saved without them."""


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
        self.attachments_dir = self.path.with_name(ATTACHMENTS_DIR)
        self._lock = threading.Lock()

    # ------------------------------------------------------------ attachment files
    def attachment_folder(self, uid: str) -> Path:
        return self.attachments_dir / uid

    def _store_attachments(self, uid: str, attachments: Sequence[NewAttachment]) -> list[dict]:
        folder = self.attachment_folder(uid)
        folder.mkdir(parents=True, exist_ok=True)
        manifest = []
        for n, attachment in enumerate(attachments):
            target = folder / str(n)
            with target.open("wb") as handle:
                handle.write(attachment.data)
                handle.flush()
                os.fsync(handle.fileno())
            manifest.append(
                {
                    "file": str(n),
                    "filename": attachment.filename,
                    "content_type": attachment.content_type,
                    "size": len(attachment.data),
                    "sha256": hashlib.sha256(attachment.data).hexdigest(),
                }
            )
        _fsync_dir(folder)
        _fsync_dir(folder.parent)
        return manifest

    def load_attachments(self, entry: PendingEntry) -> tuple[NewAttachment, ...]:
        loaded = []
        for item in entry.args.get("attachments") or ():
            path = self.attachment_folder(entry.uid) / str(item["file"])
            try:
                data = path.read_bytes()
            except OSError:
                data = None
            if data is None or hashlib.sha256(data).hexdigest() != item.get("sha256"):
                raise PendingFilesMissing(
                    "Falta o está dañado el adjunto «{filename}» guardado en este equipo "
                    "({path}); la acción no se registró sin él.",
                    params={"filename": item.get("filename", ""), "path": path},
                )
            loaded.append(NewAttachment(str(item["filename"]), str(item["content_type"]), data))
        return tuple(loaded)

    def _drop_attachments(self, uid: str) -> None:
        shutil.rmtree(self.attachment_folder(uid), ignore_errors=True)

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
            self._drop_attachments(uid)

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
        attachments: Sequence[NewAttachment] = (),
    ) -> TicketDetail:
        """Journal first (attachments included), then save; on success the entry is removed.

        When the database is unreachable (or fails in an unexpected way) the entry stays
        pending and ``ActionPending`` is raised for the dialog to show. A refusal on the merits
        (bad input, conflict) removes it: the dialog keeps the text and shows the reason.
        Attachments above ``MAX_PENDING_ATTACHMENT_BYTES`` in total are not journalled: the
        save is tried once and an outage raises ``ActionNotKept``.
        """
        args: dict[str, Any] = {
            "kind": kind.value,
            "text": text,
            "is_contact": is_contact,
            "duration_minutes": duration_minutes,
            "occurred_at": (occurred_at or datetime.now(UTC)).isoformat(),
        }
        uid = uid or new_uid()
        size = sum(len(a.data) for a in attachments)
        if size > MAX_PENDING_ATTACHMENT_BYTES:
            try:
                return service.log_action(
                    ticket_id,
                    actor,
                    kind,
                    text,
                    is_contact=is_contact,
                    duration_minutes=duration_minutes,
                    occurred_at=datetime.fromisoformat(args["occurred_at"]),
                    uid=uid,
                    attachments=attachments,
                )
            except DatabaseUnavailable as error:
                raise ActionNotKept(error, size) from error
        if attachments and not any(e.uid == uid for e in self.entries()):
            args["attachments"] = self._store_attachments(uid, attachments)
        elif attachments:  # a second click on a pending action: its files are already here
            args["attachments"] = next(e for e in self.entries() if e.uid == uid).args.get(
                "attachments", []
            )
        entry = PendingEntry(uid=uid, op="log_action", ticket_id=ticket_id, actor=actor, args=args)
        return self.submit(service, entry)

    def submit(self, service: TicketService, entry: PendingEntry) -> TicketDetail:
        if entry.op not in OPS:
            raise ValueError(f"unknown journal operation {entry.op!r}")
        self.add(entry)
        try:
            detail = self._apply(service, entry)
        except ActionPending:
            raise
        except DatabaseUnavailable as error:
            raise ActionPending(error) from error  # stays pending: retried by replay()
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

    def _apply(self, service: TicketService, entry: PendingEntry) -> TicketDetail:
        a = entry.args
        if entry.op == "log_action":
            occurred = a.get("occurred_at")
            attachments = self.load_attachments(entry) if a.get("attachments") else ()
            return service.log_action(
                entry.ticket_id,
                entry.actor,
                ActionKind(a["kind"]),
                str(a.get("text", "")),
                is_contact=bool(a.get("is_contact", False)),
                duration_minutes=a.get("duration_minutes"),
                occurred_at=datetime.fromisoformat(occurred) if occurred else None,
                uid=entry.uid,
                attachments=attachments,
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
