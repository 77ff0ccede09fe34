"""Mails recorded in batches: each accounted exactly as it would be on its own."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import ColumnElement, func, select, text

from app.cli import main
from app.data.engine import Database
from app.data.models import Attachment, MailMessage, MailQuarantine, Ticket, TicketAction
from app.domain.tickets import ActionKind, TicketStatus
from app.intake.pipeline import (
    Incoming,
    IntakeConfig,
    IntakeCounts,
    IntakePipeline,
    IntakeResult,
    Outcome,
    parse_incoming,
)
from app.services import mail_intake
from app.services.directory import DirectoryService
from app.services.tickets import TicketService
from tests.support.mail_corpus import KEY_USER, build_corpus, ticket_mail, write_eml_files


@pytest.fixture
def pipeline(db: Database) -> IntakePipeline:
    directory = DirectoryService(db)
    directory.add_technician("ana", "Ana Ríos")
    today = date.today()
    directory.add_client(
        "Cliente Vigente",
        contract_from=today - timedelta(days=30),
        contract_until=today + timedelta(days=300),
        key_user_email=KEY_USER,
        key_user_name="Karla Clave",
    )
    return IntakePipeline(db, IntakeConfig())


def _count(db: Database, model: type, *where: ColumnElement[bool]) -> int:
    with db.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def _batch(pipeline: IntakePipeline, raws: list[bytes]) -> list[IntakeResult]:
    items = [parse_incoming(Incoming(raw, source=f"t{i}")) for i, raw in enumerate(raws)]
    results, error = pipeline.process_batch(items)
    assert error is None
    assert all(r is not None for r in results)
    return [r for r in results if r is not None]


def _next_ticket_id(db: Database) -> int:
    """The id the next ticket will get (on PostgreSQL one sequence value is used up here)."""
    with db.engine.begin() as conn:
        if db.engine.dialect.name == "postgresql":
            used = conn.scalar(text("SELECT nextval(pg_get_serial_sequence('ticket', 'id'))"))
            return int(used) + 1
        return int(conn.scalar(text("SELECT coalesce(max(id), 0) FROM ticket"))) + 1


def test_batch_with_duplicate_quarantine_and_replies_is_accounted_exactly(
    pipeline: IntakePipeline, db: Database
) -> None:
    first = ticket_mail("Impresora fiscal", "no imprime", msgid="<a@cliente>")
    old_id = pipeline.process(first).ticket_id
    assert old_id is not None
    TicketService(db).resolve(old_id, "Cambio de cinta", "ana")
    new_id = _next_ticket_id(db)
    opening = ticket_mail(
        "Servidor caído", "no arranca", msgid="<b@cliente>", attachment=b"\x89PNG x"
    )
    raws = [
        opening,  # new
        first,  # recorded before: duplicate
        ticket_mail(f"Re: [IMR-{old_id}] Impresora", "sigue igual"),  # threaded, reopens
        b"\x00\x01 basura",  # quarantined
        opening,  # the same bytes again in the batch: duplicate
        ticket_mail(
            "Re: Servidor caído", "más datos", msgid="<c@cliente>", extra="In-Reply-To: <b@cliente>"
        ),  # threaded into the ticket this batch opened
        ticket_mail(f"Re: [IMR-{new_id}] Servidor", "adjunto log"),  # by its new number
        ticket_mail("Consulta", "hola", sender="nadie@otro.pa"),  # new, flagged for review
        ticket_mail("Otra", "x", msgid="<b@cliente>"),  # same Message-ID: duplicate
    ]
    results = _batch(pipeline, raws)
    assert [r.outcome for r in results] == [
        Outcome.NEW,
        Outcome.DUPLICATE,
        Outcome.THREADED,
        Outcome.QUARANTINED,
        Outcome.DUPLICATE,
        Outcome.THREADED,
        Outcome.THREADED,
        Outcome.NEW,
        Outcome.DUPLICATE,
    ]
    assert results[0].ticket_id == new_id
    assert results[2].ticket_id == old_id
    assert results[5].ticket_id == results[6].ticket_id == new_id
    counts = IntakeCounts()
    for result in results:
        counts.received += 1
        counts.add(result.outcome)
    assert counts.accounted
    assert counts.line() == "received=9 new=2 threaded=3 duplicates=3 quarantined=1"

    assert _count(db, Ticket) == 3
    assert _count(db, MailMessage) == 1 + 5
    assert _count(db, MailQuarantine) == 1
    assert _count(db, Attachment, Attachment.ticket_id == new_id) == 1
    assert _count(db, TicketAction, TicketAction.kind == ActionKind.EMAIL_IN.value) == 3
    tickets = TicketService(db)
    reopened = tickets.get(old_id)
    assert reopened.row.status is TicketStatus.IN_PROGRESS
    assert any(a.text.startswith("Resuelto") for a in reopened.actions), [
        a.text for a in reopened.actions
    ]
    reopening = next(a for a in reopened.actions if a.text.startswith("Resuelto"))
    assert reopening.text == "Resuelto → En proceso. Reabierto: el cliente respondió por correo."
    assert reopening.text_en == "Resolved → In progress. Reopened: the client replied by email."
    opened = tickets.get(new_id)
    first_entry = opened.actions[0]
    assert (first_entry.text, first_entry.text_en) == (
        "Tiquete abierto por Correo electrónico",
        "Ticket opened via Email",
    )
    assert not opened.row.needs_review and opened.client is not None
    assert opened.row.status is TicketStatus.NEW
    stranger = tickets.get(results[7].ticket_id or 0)
    assert stranger.row.needs_review and stranger.client is None

    # The same batch again: nothing new, every mail a duplicate.
    again = _batch(pipeline, raws)
    assert {r.outcome for r in again} == {Outcome.DUPLICATE}
    assert _count(db, Ticket) == 3


def test_batch_gives_the_corpus_the_outcomes_of_one_by_one(
    pipeline: IntakePipeline, db: Database
) -> None:
    samples = build_corpus()
    results = _batch(pipeline, [s.raw for s in samples])
    counts = IntakeCounts()
    for sample, result in zip(samples, results, strict=True):
        assert result.outcome.value in sample.expect, sample.name
        counts.received += 1
        counts.add(result.outcome)
    assert counts.accounted
    assert counts.quarantined == 4 and counts.duplicates == 2
    assert _count(db, Ticket) == counts.new
    assert _count(db, MailMessage) == counts.new + counts.threaded
    assert {r.outcome for r in _batch(pipeline, [s.raw for s in samples])} == {Outcome.DUPLICATE}


def test_batch_hit_by_a_concurrent_worker_falls_back_one_by_one(
    pipeline: IntakePipeline, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another worker records a mail between the batch's read and its writes."""
    raws = [ticket_mail(f"Caso {i}", "texto") for i in range(4)]
    original = mail_intake._BatchWriter._read
    other = IntakePipeline(db, IntakeConfig())

    def racing(self: mail_intake._BatchWriter) -> tuple[set[str], set[str]]:
        seen = original(self)
        assert other.process(raws[2]).outcome is Outcome.NEW  # commits on its own
        return seen

    monkeypatch.setattr(mail_intake._BatchWriter, "_read", racing)
    results = _batch(pipeline, raws)
    assert [r.outcome for r in results] == [
        Outcome.NEW,
        Outcome.NEW,
        Outcome.DUPLICATE,
        Outcome.NEW,
    ]
    assert _count(db, Ticket) == 4
    assert _count(db, MailMessage) == 4


def test_eml_command_in_batches_with_parse_workers(
    pipeline: IntakePipeline, db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = write_eml_files(tmp_path)
    args = ["intake", "eml", "--db", db.url, "--batch-size", "5", "--parse-workers", "1"]
    code = main([*args, *files])
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0
    assert out[-1] == "received=14 new=12 threaded=0 duplicates=1 quarantined=1"
    code = main([*args, *files])
    assert capsys.readouterr().out.strip().splitlines()[-1] == (
        "received=14 new=0 threaded=0 duplicates=14 quarantined=0"
    )
    assert code == 0


@pytest.mark.mail
def test_batch_acknowledges_new_tickets_after_the_commit(db: Database) -> None:
    from app.intake.ack import AckPolicy, SmtpSettings
    from tests.support.mailservers import SmtpSink

    sink = SmtpSink()
    sink.start()
    try:
        smtp = SmtpSettings(
            host=sink.host, port=sink.port, security="none", from_addr="soporte@imr.com.pa"
        )
        config = IntakeConfig(
            smtp=smtp, ack=AckPolicy(own_addresses=frozenset({"soporte@imr.com.pa"}))
        )
        pipeline = IntakePipeline(db, config)
        results = _batch(
            pipeline,
            [
                ticket_mail("Caso uno", "texto", sender="uno@cliente.pa"),
                ticket_mail("Caso dos", "texto", sender="dos@cliente.pa"),
                ticket_mail("Fuera de oficina", "x", extra="Auto-Submitted: auto-replied"),
            ],
        )
        assert [r.outcome for r in results] == [Outcome.NEW] * 3
        assert [r.acknowledged for r in results] == [True, True, False]
        acks = sink.wait_for(2)
        numbers = {str(a["Subject"]).split("]")[0] + "]" for a in acks}
        assert numbers == {f"[IMR-{results[0].ticket_id}]", f"[IMR-{results[1].ticket_id}]"}
        # The client answers the acknowledgment: the answer threads by In-Reply-To.
        ack = next(a for a in acks if f"IMR-{results[0].ticket_id}]" in str(a["Subject"]))
        reply = ticket_mail("Re: su caso", "más datos", extra=f"In-Reply-To: {ack['Message-ID']}")
        (threaded, other) = _batch(pipeline, [reply, ticket_mail("Nuevo", "y")])
        assert threaded.outcome is Outcome.THREADED
        assert threaded.ticket_id == results[0].ticket_id
        assert other.outcome is Outcome.NEW
    finally:
        sink.stop()
