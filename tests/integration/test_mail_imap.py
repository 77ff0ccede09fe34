"""Real Dovecot IMAP + aiosmtpd sink: mail in → ticket + acknowledgment → reply threads;
the hostile corpus through the worker; a worker killed mid-batch loses and doubles nothing."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.data.engine import Database
from app.data.models import MailMessage, MailQuarantine, Ticket
from app.domain.tickets import ActionKind, TicketStatus
from app.intake.ack import AckPolicy, SmtpSettings
from app.intake.imap import ImapSettings, ImapWorker, idle, mailbox_lock
from app.intake.pipeline import IntakeConfig, IntakePipeline, IntakeResult, Outcome
from app.services.directory import DirectoryService
from app.services.errors import Conflict
from app.services.mail_replies import send_reply
from app.services.tickets import TicketService
from tests.support.mail_corpus import KEY_USER, build_corpus, ticket_mail
from tests.support.mailservers import DovecotServer, SmtpSink, dovecot_available

pytestmark = pytest.mark.mail
IN_CI = os.environ.get("CI", "").lower() == "true"
USER, PASSWORD = "soporte", "clave-de-prueba"


@pytest.fixture(scope="module")
def dovecot() -> Iterator[DovecotServer]:
    reason = dovecot_available()
    if reason is not None:
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    server = DovecotServer(users={USER: PASSWORD})
    server.start()
    yield server
    server.stop()


@pytest.fixture
def mailbox(dovecot: DovecotServer, request: pytest.FixtureRequest) -> str:
    """A fresh mailbox per test (folders under the same account)."""
    name = f"T{abs(hash(request.node.nodeid)) % 10**8}"
    imap = dovecot.client(USER)
    imap.create(name)
    imap.create(f"{name}/Procesados")
    imap.logout()
    return name


@pytest.fixture
def sink() -> Iterator[SmtpSink]:
    server = SmtpSink()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def directory(db: Database) -> Database:
    d = DirectoryService(db)
    d.add_technician("ana", "Ana Ríos")
    today = date.today()
    d.add_client(
        "Cliente Vigente",
        contract_from=today - timedelta(days=30),
        contract_until=today + timedelta(days=300),
        key_user_email=KEY_USER,
        key_user_name="Karla Clave",
    )
    return db


def _smtp(sink: SmtpSink) -> SmtpSettings:
    return SmtpSettings(
        host=sink.host, port=sink.port, security="none", from_addr="soporte@imr.com.pa"
    )


def _worker(
    db: Database,
    server: DovecotServer,
    mailbox: str,
    smtp: SmtpSettings | None = None,
    **kw: object,
) -> ImapWorker:
    settings = ImapSettings(
        host=server.host,
        port=server.port,
        security="none",
        user=USER,
        mailbox=mailbox,
        processed_folder=f"{mailbox}/Procesados",
        poll_seconds=0.2,
        idle_seconds=5,
    )
    config = IntakeConfig(smtp=smtp, ack=AckPolicy(own_addresses=frozenset({"soporte@imr.com.pa"})))
    return ImapWorker(db, settings, IntakePipeline(db, config), password=PASSWORD, **kw)  # type: ignore[arg-type]


def _count(db: Database, model: type) -> int:
    with db.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_mail_in_ack_out_client_reply_threads_and_console_reply_goes_out(
    directory: Database, dovecot: DovecotServer, mailbox: str, sink: SmtpSink
) -> None:
    db = directory
    arrival = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    dovecot.append(
        USER,
        ticket_mail(
            "El sistema no arranca",
            "Pantalla azul",
            msgid="<caso1@cliente.com.pa>",
            attachment=b"\x89PNG",
        ),
        when=arrival,
        mailbox=mailbox,
    )
    counts = _worker(db, dovecot, mailbox, _smtp(sink)).run(once=True)
    assert counts.line() == "received=1 new=1 threaded=0 duplicates=0 quarantined=0"
    assert dovecot.count(USER, mailbox) == 0
    assert dovecot.count(USER, f"{mailbox}/Procesados") == 1
    ticket_id = TicketService(db).queue()[0].id
    detail = TicketService(db).get(ticket_id)
    assert detail.row.received_at == arrival  # IMAP INTERNALDATE, not the Date header
    (ack,) = sink.wait_for(1)
    assert f"[IMR-{ticket_id}]" in str(ack["Subject"])
    assert KEY_USER in str(ack["To"])
    assert ack["Auto-Submitted"] == "auto-replied"
    text = ack.get_content()
    assert "Muy alto" in text and "1 hora" in text and "Línea Crítica" in text
    assert "horario de oficina" in text.lower()
    assert any(
        a.kind is ActionKind.ACKNOWLEDGMENT for a in TicketService(db).get(ticket_id).actions
    )
    # the client answers the acknowledgment without the tag: threads by In-Reply-To
    reply = ticket_mail(
        "Re: su caso", "Adjunto más detalles", extra=f"In-Reply-To: {ack['Message-ID']}"
    )
    dovecot.append(USER, reply, mailbox=mailbox)
    counts = _worker(db, dovecot, mailbox, _smtp(sink)).run(once=True)
    assert counts.line() == "received=1 new=0 threaded=1 duplicates=0 quarantined=0"
    actions = TicketService(db).get(ticket_id).actions
    assert any(a.kind is ActionKind.EMAIL_IN and "más detalles" in a.text for a in actions)
    assert len(sink.wait_for(1)) == 1  # replies are never acknowledged
    # the technician answers from the console: tagged, threaded, a contact
    after = send_reply(db, _smtp(sink), ticket_id, "ana", "¿Podemos hacer una sesión remota?")
    assert after.row.first_contact_at is not None
    assert after.row.status is TicketStatus.IN_PROGRESS
    out = sink.wait_for(2)[-1]
    assert f"[IMR-{ticket_id}]" in str(out["Subject"])
    assert "<caso1@cliente.com.pa>" in str(out["References"])
    assert out["In-Reply-To"] is not None
    # and the client's answer to that threads too
    dovecot.append(
        USER,
        ticket_mail("Re: algo", "Sí, a las 3", extra=f"References: {out['Message-ID']}"),
        mailbox=mailbox,
    )
    counts = _worker(db, dovecot, mailbox, _smtp(sink)).run(once=True)
    assert counts.threaded == 1
    assert _count(db, Ticket) == 1


def test_hostile_corpus_through_the_worker_none_lost(
    directory: Database, dovecot: DovecotServer, mailbox: str, sink: SmtpSink
) -> None:
    db = directory
    samples = build_corpus(huge=directory.is_postgres)  # the 30 MB mail once per run
    for sample in samples:
        dovecot.append(USER, sample.raw, mailbox=mailbox)
    seen: list[IntakeResult] = []
    counts = _worker(db, dovecot, mailbox, _smtp(sink), on_result=seen.append).run(once=True)
    assert counts.received == len(samples) >= 50
    assert counts.accounted, counts.line()
    for sample, result in zip(samples, seen, strict=True):
        assert result.outcome.value in sample.expect, sample.name
    assert dovecot.count(USER, mailbox) == 0
    assert dovecot.count(USER, f"{mailbox}/Procesados") == len(samples)
    assert _count(db, Ticket) == counts.new
    assert _count(db, MailQuarantine) == counts.quarantined
    acks = sink.wait_for(1, timeout=2)
    for ack in acks:  # never to bounces, lists, auto-replies or ourselves
        to = str(ack["To"]).lower()
        assert "mailer-daemon" not in to and "postmaster" not in to and "soporte@imr" not in to
    assert len(acks) <= 3  # rate limit per sender: the corpus comes from one address
    if directory.is_postgres:
        with db.sessions() as session:
            big = session.scalar(
                select(func.length(MailMessage.raw)).where(
                    MailMessage.subject == "Adjunto de 30 MB"
                )
            )
        assert big is not None and big > 30 * 1024 * 1024
        withheld = [
            a
            for t in TicketService(db).search("Adjunto de 30 MB")
            for act in TicketService(db).get(t.id).actions
            for a in act.attachments
        ]
        assert withheld and withheld[0].withheld and "límite" in withheld[0].note


def test_worker_killed_mid_batch_loses_and_doubles_nothing(
    directory: Database, dovecot: DovecotServer, mailbox: str
) -> None:
    db = directory
    mails = [ticket_mail(f"Caso {i}", f"texto {i}") for i in range(12)]
    for raw in mails:
        dovecot.append(USER, raw, mailbox=mailbox)

    class Killed(BaseException):
        pass

    done: list[IntakeResult] = []

    def die_after_five(result: IntakeResult) -> None:
        done.append(result)
        if len(done) == 5:
            raise Killed  # after the DB commit, before the message is marked processed

    with pytest.raises(Killed):
        _worker(db, dovecot, mailbox, on_result=die_after_five).run(once=True)
    assert _count(db, Ticket) == 5
    assert dovecot.count(USER, mailbox) == 8  # 4 processed and moved, the 5th still there
    counts = _worker(db, dovecot, mailbox).run(once=True)
    assert counts.line() == "received=8 new=7 threaded=0 duplicates=1 quarantined=0"
    assert _count(db, Ticket) == 12
    assert dovecot.count(USER, mailbox) == 0


def test_one_worker_per_mailbox(directory: Database) -> None:
    key = "soporte@x:993/INBOX"
    with mailbox_lock(directory, key):
        with pytest.raises(Conflict, match="Otro proceso"):
            mailbox_lock(directory, key).__enter__()
        with mailbox_lock(directory, "otro@x:993/INBOX"):
            pass  # another mailbox is independent
    with mailbox_lock(directory, key):
        pass  # released after use


def test_idle_wakes_up_on_new_mail(dovecot: DovecotServer, mailbox: str) -> None:
    imap = dovecot.client(USER)
    try:
        imap.select(f'"{mailbox}"')
        timer = threading.Timer(
            0.5, dovecot.append, (USER, ticket_mail("x", "y")), {"mailbox": mailbox}
        )
        timer.start()
        started = datetime.now(UTC)
        assert idle(imap, timeout=10)
        assert datetime.now(UTC) - started < timedelta(seconds=8)
        timer.join()
        assert not idle(imap, timeout=0.5)  # nothing new: returns at the timeout
        assert imap.noop()[0] == "OK"  # the connection is still usable
    finally:
        imap.logout()


def test_outcome_enum_matches_summary_words() -> None:
    assert {o.value for o in Outcome} == {"new", "threaded", "duplicate", "quarantined"}
