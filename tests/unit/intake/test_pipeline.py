"""The intake pipeline on SQLite and PostgreSQL: tickets, threading, duplicates, quarantine."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from app.data.engine import Database
from app.data.models import Attachment, MailMessage, MailQuarantine, Ticket, TicketAction
from app.domain.tickets import ActionKind, TicketStatus
from app.intake.pipeline import IntakeConfig, IntakeCounts, IntakePipeline, Outcome
from app.services import mail_intake
from app.services.directory import DirectoryService
from app.services.errors import PermissionDenied
from app.services.mail_intake import MailIntakeService
from app.services.tickets import TicketService
from tests.support.mail_corpus import KEY_USER, build_corpus, ticket_mail, write_eml_files


@pytest.fixture
def pipeline(db: Database) -> IntakePipeline:
    directory = DirectoryService(db)
    directory.add_technician("ana", "Ana Ríos")
    directory.add_technician("sup", "Sara Supervisora", role="supervisor")
    today = date.today()
    directory.add_client(
        "Cliente Vigente",
        contract_from=today - timedelta(days=30),
        contract_until=today + timedelta(days=300),
        key_user_email=KEY_USER,
        key_user_name="Karla Clave",
    )
    return IntakePipeline(db, IntakeConfig())


def _count(db: Database, model: type) -> int:
    with db.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_corpus_each_mail_is_accounted_for(pipeline: IntakePipeline, db: Database) -> None:
    counts = IntakeCounts()
    samples = build_corpus()
    for sample in samples:
        counts.received += 1
        result = pipeline.process(sample.raw, source=sample.name)
        assert result.outcome.value in sample.expect, sample.name
        counts.add(result.outcome)
    assert counts.accounted
    assert counts.received == len(samples)
    assert _count(db, Ticket) == counts.new
    assert _count(db, MailQuarantine) == counts.quarantined == 4
    assert counts.duplicates == 2
    # every recorded mail keeps its original bytes
    assert _count(db, MailMessage) == counts.new + counts.threaded
    with db.sessions() as session:
        assert session.scalar(select(func.count()).where(MailMessage.raw.is_(None))) == 0
        names = set(session.scalars(select(Attachment.filename)))
    assert {"winmail.dat", "informe.pdf", "captura.png", "registro.zip"} <= names
    # replaying the whole corpus adds nothing
    for sample in samples:
        assert pipeline.process(sample.raw).outcome is Outcome.DUPLICATE
    assert _count(db, Ticket) == counts.new


def test_new_mail_opens_ticket_from_key_user_at_arrival_time(
    pipeline: IntakePipeline, db: Database
) -> None:
    arrival = datetime.now(UTC).replace(microsecond=0) - timedelta(days=3)
    result = pipeline.process(
        ticket_mail("Sistema caído", "No arranca", attachment=b"\x89PNG fake"),
        internal_date=arrival,
    )
    assert result.outcome is Outcome.NEW and result.ticket_id is not None
    detail = TicketService(db).get(result.ticket_id)
    assert detail.row.channel.value == "email"
    assert detail.row.received_at == arrival
    assert detail.client is not None and detail.client.name == "Cliente Vigente"
    assert not detail.row.needs_review
    assert detail.description == "No arranca"
    assert detail.actions[0].attachments[0].filename == "captura.png"


def test_unknown_sender_is_flagged_not_refused(pipeline: IntakePipeline, db: Database) -> None:
    result = pipeline.process(ticket_mail("Hola", "¿me ayudan?", sender="extraño@otro.com"))
    assert result.ticket_id is not None
    detail = TicketService(db).get(result.ticket_id)
    assert detail.row.needs_review and detail.client is None


def test_reply_threads_by_tag_and_by_references_and_reopens(
    pipeline: IntakePipeline, db: Database
) -> None:
    first = ticket_mail("Falla", "inicio", msgid="<uno@cliente>")
    ticket_id = pipeline.process(first).ticket_id
    assert ticket_id is not None
    tickets = TicketService(db)
    tickets.resolve(ticket_id, "Reinicio del servicio", "ana")
    by_tag = pipeline.process(ticket_mail(f"Re: [IMR-{ticket_id}] Falla", "sigue fallando"))
    assert by_tag.outcome is Outcome.THREADED and by_tag.ticket_id == ticket_id
    detail = tickets.get(ticket_id)
    assert detail.row.status is TicketStatus.IN_PROGRESS
    assert any(a.kind is ActionKind.EMAIL_IN and a.text == "sigue fallando" for a in detail.actions)
    by_refs = pipeline.process(
        ticket_mail("Re: Falla", "otra cosa", extra="In-Reply-To: <uno@cliente>")
    )
    assert by_refs.outcome is Outcome.THREADED and by_refs.ticket_id == ticket_id
    assert _count(db, Ticket) == 1


def test_quarantine_is_listed_and_turned_into_a_ticket_by_a_supervisor(
    pipeline: IntakePipeline, db: Database
) -> None:
    result = pipeline.process(b"\x00\x01 basura sin encabezados", source="eml:x")
    assert result.outcome is Outcome.QUARANTINED
    service = MailIntakeService(db)
    (row,) = service.list_quarantine()
    assert "encabezados" in row.reason
    with pytest.raises(PermissionDenied):
        service.quarantine_raw(row.id, "ana")
    assert service.quarantine_raw(row.id, "sup") == b"\x00\x01 basura sin encabezados"
    ticket_id = service.ticket_from_quarantine(row.id, "sup", subject="Correo ilegible")
    assert service.list_quarantine() == []
    detail = TicketService(db).get(ticket_id)
    assert detail.actions[0].attachments[0].content_type == "message/rfc822"


def test_crash_while_recording_does_not_double(
    pipeline: IntakePipeline, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ticket and its mail are one transaction: a crash in between leaves nothing."""
    raw = ticket_mail("Caso", "texto")
    original = mail_intake._add_mail

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt  # the process dies before the commit

    monkeypatch.setattr(mail_intake, "_add_mail", crash)
    with pytest.raises(KeyboardInterrupt):
        pipeline.process(raw)
    assert _count(db, Ticket) == 0
    monkeypatch.setattr(mail_intake, "_add_mail", original)
    assert pipeline.process(raw).outcome is Outcome.NEW
    assert pipeline.process(raw).outcome is Outcome.DUPLICATE
    assert _count(db, Ticket) == 1
    with db.sessions() as session:
        assert (
            session.scalar(
                select(func.count()).where(TicketAction.kind == ActionKind.STATUS_CHANGE.value)
            )
            == 1
        )


def test_ticket_left_without_its_mail_gets_it_on_retry(
    pipeline: IntakePipeline, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A ticket opened by an older two-step run, whose mail was never recorded."""
    raw = ticket_mail("Caso viejo", "texto")
    monkeypatch.setattr(mail_intake, "_add_mail", lambda *a, **k: None)
    pipeline.process(raw)  # the ticket commits, the mail row is missing
    monkeypatch.undo()
    assert _count(db, MailMessage) == 0
    assert pipeline.process(raw).outcome is Outcome.NEW  # same ticket, mail recorded now
    assert pipeline.process(raw).outcome is Outcome.DUPLICATE
    assert _count(db, Ticket) == 1
    assert _count(db, MailMessage) == 1


def test_eml_command_prints_summary_and_exits_zero(
    pipeline: IntakePipeline, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = write_eml_files(tmp_path)
    code = main(["intake", "eml", "--db", db.url, *files])
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0
    assert out[-1] == "received=14 new=12 threaded=0 duplicates=1 quarantined=1"


def test_eml_command_missing_file_is_not_accounted(
    pipeline: IntakePipeline, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["intake", "eml", "--db", db.url, str(tmp_path / "no-existe.eml")])
    captured = capsys.readouterr()
    assert code == 1
    assert "no se pudo leer" in captured.err
    assert captured.out.strip() == "received=0 new=0 threaded=0 duplicates=0 quarantined=0"
