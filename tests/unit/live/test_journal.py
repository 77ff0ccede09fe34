"""Pending-actions journal: written before saving, removed after, replayed exactly once."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import data_dir
from app.data.engine import Database
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind
from app.live import journal as journal_module
from app.live.journal import ActionNotKept, ActionPending, Journal, PendingEntry, new_uid
from app.services.errors import DatabaseUnavailable, InvalidInput
from app.services.tickets import NewAttachment, TicketService
from tests.unit.live.conftest import open_ticket


class _Down:
    """A ticket service whose database is unreachable (what unit_of_work raises)."""

    def log_action(self, *_args: object, **_kw: object) -> None:
        raise DatabaseUnavailable("No se pudo conectar con la base de datos.")


def test_default_location_is_the_data_folder() -> None:
    assert Journal().path.parent == data_dir()


def test_saved_action_leaves_no_pending_entry(db: Database, svc: TicketService) -> None:
    ticket_id = open_ticket(svc)
    journal = Journal()
    uid = new_uid()
    detail = journal.log_action(svc, ticket_id, "ana", ActionKind.NOTE, "Llamé", uid=uid)
    assert [a.uid for a in detail.actions].count(uid) == 1
    assert journal.entries() == []


def test_unsaved_action_stays_pending_and_lands_once_on_replay(
    db: Database, svc: TicketService, tmp_path: Path
) -> None:
    ticket_id = open_ticket(svc)
    journal = Journal(tmp_path / "pending.jsonl")
    uid = new_uid()
    with pytest.raises(DatabaseUnavailable):
        journal.log_action(_Down(), ticket_id, "ana", ActionKind.NOTE, "Sin red", uid=uid)  # type: ignore[arg-type]
    # A new desk process reading the same file sees the entry (it was fsynced).
    assert [e.uid for e in Journal(journal.path).entries()] == [uid]
    report = journal.replay(svc)
    assert report.saved == [uid] and report.pending == [] and report.rejected == []
    assert journal.replay(svc).saved == []
    actions = [a for a in svc.get(ticket_id).actions if a.uid == uid]
    assert len(actions) == 1 and actions[0].text == "Sin red"


def test_replay_after_an_uncertain_commit_does_not_duplicate(
    db: Database, svc: TicketService, tmp_path: Path
) -> None:
    ticket_id = open_ticket(svc)
    journal = Journal(tmp_path / "pending.jsonl")
    entry = PendingEntry(
        uid=new_uid(),
        op="log_action",
        ticket_id=ticket_id,
        actor="ana",
        args={"kind": "note", "text": "Guardado pero sin respuesta"},
    )
    journal.add(entry)
    svc.log_action(ticket_id, "ana", ActionKind.NOTE, "Guardado pero sin respuesta", uid=entry.uid)
    assert journal.replay(svc).saved == [entry.uid]
    assert [a.uid for a in svc.get(ticket_id).actions].count(entry.uid) == 1


def test_replay_stops_while_the_database_is_away(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "pending.jsonl")
    uids = [new_uid() for _ in range(3)]
    for uid in uids:
        journal.add(
            PendingEntry(
                uid=uid,
                op="log_action",
                ticket_id=1,
                actor="ana",
                args={"kind": "note", "text": "x"},
            )
        )
    report = journal.replay(_Down())  # type: ignore[arg-type]
    assert report.pending == uids and report.saved == []
    assert [e.uid for e in journal.entries()] == uids


def test_refused_input_is_not_kept_pending(db: Database, svc: TicketService) -> None:
    ticket_id = open_ticket(svc)
    journal = Journal()
    with pytest.raises(InvalidInput):
        journal.log_action(svc, ticket_id, "ana", ActionKind.NOTE, "   ")
    assert journal.entries() == []


def test_stale_edit_is_set_aside_with_its_reason(
    db: Database, svc: TicketService, tmp_path: Path
) -> None:
    ticket_id = open_ticket(svc)
    version = svc.get(ticket_id).row.version
    journal = Journal(tmp_path / "pending.jsonl")
    entry = PendingEntry(
        uid=new_uid(),
        op="reprioritise",
        ticket_id=ticket_id,
        actor="ana",
        args={
            "priority": int(Priority.BAJO),
            "reason": "Tiene solución",
            "expected_version": version,
        },
    )
    journal.add(entry)
    svc.claim(ticket_id, "beto")  # someone else changed it meanwhile
    report = journal.replay(svc)
    assert report.rejected and report.rejected[0][0] == entry.uid
    assert "modificó el tiquete" in report.rejected[0][1]
    assert journal.entries() == []
    assert entry.uid in journal.rejected_path.read_text(encoding="utf-8")


def test_a_torn_last_line_does_not_lose_earlier_entries(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "pending.jsonl")
    uid = new_uid()
    journal.add(
        PendingEntry(
            uid=uid, op="log_action", ticket_id=1, actor="ana", args={"kind": "note", "text": "a"}
        )
    )
    with journal.path.open("a", encoding="utf-8") as handle:
        handle.write('{"uid": "half')
    assert [e.uid for e in journal.entries()] == [uid]


def _png(n: int = 3000) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * (n // 256)


def test_pending_attachments_are_kept_beside_the_journal_and_land_once(
    db: Database, svc: TicketService, tmp_path: Path
) -> None:
    ticket_id = open_ticket(svc)
    journal = Journal(tmp_path / "pending.jsonl")
    uid = new_uid()
    files = (
        NewAttachment("captura.png", "image/png", _png()),
        NewAttachment("registro.txt", "text/plain", "línea de error\n".encode()),
    )
    with pytest.raises(ActionPending, match="se registrará automáticamente"):
        journal.log_action(
            _Down(),  # type: ignore[arg-type]
            ticket_id,
            "ana",
            ActionKind.NOTE,
            "Adjunto la captura",
            uid=uid,
            attachments=files,
        )
    [entry] = Journal(journal.path).entries()  # what a restarted desk would read
    assert [a["filename"] for a in entry.args["attachments"]] == ["captura.png", "registro.txt"]
    assert len(journal.path.read_text(encoding="utf-8")) < 1000
    assert journal.load_attachments(entry) == files
    report = journal.replay(svc)
    assert report.saved == [uid] and journal.entries() == []
    assert not journal.attachment_folder(uid).exists()
    assert journal.replay(svc).saved == []
    [action] = [a for a in svc.get(ticket_id).actions if a.uid == uid]
    assert [a.filename for a in action.attachments] == ["captura.png", "registro.txt"]
    assert svc.attachment_data(action.attachments[0].id) == files[0].data


def test_attachments_above_the_cap_are_not_kept_and_the_message_says_so(
    db: Database, svc: TicketService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(journal_module, "MAX_PENDING_ATTACHMENT_BYTES", 1000)
    ticket_id = open_ticket(svc)
    journal = Journal(tmp_path / "pending.jsonl")
    big = (NewAttachment("video.mp4", "video/mp4", b"x" * 5000),)
    with pytest.raises(ActionNotKept) as refused:
        journal.log_action(
            _Down(),  # type: ignore[arg-type]
            ticket_id,
            "ana",
            ActionKind.NOTE,
            "Grabación",
            attachments=big,
        )
    assert "superan el límite" in refused.value.message
    assert "NO se reintentará" in refused.value.message
    assert journal.entries() == [] and not journal.attachments_dir.exists()
    # With the database up the same big action is simply saved.
    uid = new_uid()
    detail = journal.log_action(
        svc, ticket_id, "ana", ActionKind.NOTE, "Grabación", uid=uid, attachments=big
    )
    assert [a.uid for a in detail.actions].count(uid) == 1


def test_an_altered_attachment_file_sets_the_action_aside(
    db: Database, svc: TicketService, tmp_path: Path
) -> None:
    ticket_id = open_ticket(svc)
    journal = Journal(tmp_path / "pending.jsonl")
    uid = new_uid()
    with pytest.raises(ActionPending):
        journal.log_action(
            _Down(),  # type: ignore[arg-type]
            ticket_id,
            "ana",
            ActionKind.NOTE,
            "Con adjunto",
            uid=uid,
            attachments=(NewAttachment("a.png", "image/png", _png()),),
        )
    (journal.attachment_folder(uid) / "0").write_bytes(b"truncated")
    report = journal.replay(svc)
    assert report.saved == [] and report.rejected[0][0] == uid
    assert "a.png" in report.rejected[0][1]
    assert all(a.uid != uid for a in svc.get(ticket_id).actions)
    assert uid in journal.rejected_path.read_text(encoding="utf-8")
