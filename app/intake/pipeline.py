"""The intake pipeline: one mail → a new ticket, a threaded reply, a duplicate or a quarantine."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from app.data.engine import Database
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind
from app.intake.ack import AckPolicy, MailSendError, SmtpSettings, build_ack, send, skip_reason
from app.intake.parsing import DEFAULT_SIZE_CAP, ParsedMail, UnparseableMail, parse_mail
from app.services import action_texts
from app.services.errors import DatabaseUnavailable, ServiceError
from app.services.mail_intake import BatchMail, MailIntakeService
from app.services.tickets import TicketService, now_utc

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    NEW = "new"
    THREADED = "threaded"
    DUPLICATE = "duplicate"
    QUARANTINED = "quarantined"


@dataclass
class IntakeCounts:
    received: int = 0
    new: int = 0
    threaded: int = 0
    duplicates: int = 0
    quarantined: int = 0
    acknowledged: int = 0
    failed: int = 0  # not recorded (database down): will be retried, never marked processed

    def add(self, outcome: Outcome) -> None:
        if outcome is Outcome.NEW:
            self.new += 1
        elif outcome is Outcome.THREADED:
            self.threaded += 1
        elif outcome is Outcome.DUPLICATE:
            self.duplicates += 1
        else:
            self.quarantined += 1

    @property
    def accounted(self) -> bool:
        return self.failed == 0 and self.received == (
            self.new + self.threaded + self.duplicates + self.quarantined
        )

    def line(self) -> str:
        return (
            f"received={self.received} new={self.new} threaded={self.threaded} "
            f"duplicates={self.duplicates} quarantined={self.quarantined}"
        )


@dataclass(frozen=True)
class IntakeResult:
    outcome: Outcome
    ticket_id: int | None = None
    quarantine_id: int | None = None
    acknowledged: bool = False
    note: str = ""


@dataclass(frozen=True)
class IntakeConfig:
    size_cap: int = DEFAULT_SIZE_CAP
    default_priority: Priority = Priority.MEDIO
    smtp: SmtpSettings | None = None
    ack: AckPolicy = field(default_factory=AckPolicy)


class IntakePipeline:
    def __init__(self, db: Database, config: IntakeConfig | None = None) -> None:
        self.db = db
        self.config = config or IntakeConfig()
        self.service = MailIntakeService(db, TicketService(db))

    def process(
        self,
        raw: bytes,
        *,
        internal_date: datetime | None = None,
        fallback_date: datetime | None = None,
        source: str = "",
    ) -> IntakeResult:
        """Record one mail. Raises DatabaseUnavailable only; then nothing was recorded."""
        incoming = Incoming(raw, internal_date, fallback_date, source)
        return self.process_parsed(parse_incoming(incoming, self.config.size_cap))

    def process_parsed(self, parsed: ParsedIncoming) -> IntakeResult:
        """Record one mail parsed by parse_incoming(); raises DatabaseUnavailable only."""
        raw, source = parsed.incoming.raw, parsed.incoming.source
        mail = parsed.mail
        if mail is None:
            return self._quarantine(raw, parsed.error, source)
        try:
            return self._record(
                mail, raw, parsed.incoming.internal_date, parsed.incoming.fallback_date, source
            )
        except DatabaseUnavailable:
            raise
        except ServiceError as error:
            return self._quarantine(raw, error.message, source)
        except Exception as error:
            if _is_connection_problem(error):
                raise DatabaseUnavailable(
                    "Se perdió la conexión con la base de datos: {error}",
                    params={"error": str(error)},
                ) from error
            log.exception("intake failure on %s", source)
            return self._quarantine(
                raw, f"No se pudo registrar ({type(error).__name__}: {error}).", source
            )

    def process_batch(
        self, items: Sequence[ParsedIncoming]
    ) -> tuple[list[IntakeResult | None], DatabaseUnavailable | None]:
        """Record several mails, the parsed ones in one transaction.

        The results are in the order of ``items``, each the outcome that mail would have had
        on its own. When the batch cannot be recorded as a whole (a concurrent worker
        recorded one of its mails, a bad value, a mail left half-recorded) nothing of it is
        written and its mails are recorded one by one, so that a bad mail never takes the
        others down. If the database goes away, the results of the mails not recorded are
        None and the error is returned; those mails must be offered again.
        """
        results: list[IntakeResult | None] = [None] * len(items)
        batch = [(i, p.mail, p) for i, p in enumerate(items) if p.mail is not None]
        if len(batch) > 1:
            try:
                records = self.service.record_batch(
                    [
                        BatchMail(
                            mail, p.incoming.raw, _received(mail, p.incoming), p.incoming.source
                        )
                        for _i, mail, p in batch
                    ],
                    priority=self.config.default_priority,
                )
            except Exception as error:
                log.info("batch of %d mails recorded one by one: %r", len(batch), error)
            else:
                for (i, mail, _p), record in zip(batch, records, strict=True):
                    outcome = Outcome(record.outcome)
                    result = IntakeResult(outcome, ticket_id=record.ticket_id)
                    if outcome is Outcome.NEW and record.ticket_id is not None:
                        try:
                            acked, note = self._acknowledge(record.ticket_id, mail)
                        except Exception as error:  # recorded already: only the ack is missing
                            log.warning(
                                "no acknowledgment for ticket %s: %r", record.ticket_id, error
                            )
                            acked, note = False, f"sin acuse: {type(error).__name__}"
                        result = replace(result, acknowledged=acked, note=note)
                    results[i] = result
        for i, parsed in enumerate(items):
            if results[i] is not None:
                continue
            try:
                results[i] = self.process_parsed(parsed)
            except DatabaseUnavailable as error:
                return results, error
        return results, None

    def _record(
        self,
        mail: ParsedMail,
        raw: bytes,
        internal_date: datetime | None,
        fallback_date: datetime | None,
        source: str,
    ) -> IntakeResult:
        service = self.service
        seen, ticket_id = service.precheck(mail)
        if seen:
            return IntakeResult(Outcome.DUPLICATE)
        received = _pick_received(mail, internal_date, fallback_date)
        if ticket_id is not None:
            if service.add_reply(ticket_id, mail, raw, received):
                return IntakeResult(Outcome.THREADED, ticket_id=ticket_id)
            return IntakeResult(Outcome.DUPLICATE, ticket_id=ticket_id)
        new_id = service.open_ticket(
            mail, raw, received, priority=self.config.default_priority, source=source
        )
        if new_id is None:
            return IntakeResult(Outcome.DUPLICATE)
        acked, note = self._acknowledge(new_id, mail)
        return IntakeResult(Outcome.NEW, ticket_id=new_id, acknowledged=acked, note=note)

    def _acknowledge(self, ticket_id: int, mail: ParsedMail) -> tuple[bool, str]:
        smtp = self.config.smtp
        if smtp is None:
            return False, ""
        policy = self.config.ack
        own = policy.own_addresses | {smtp.from_addr.lower()}
        reason = skip_reason(mail, replace(policy, own_addresses=own))
        if reason is not None:
            return False, f"sin acuse: {reason}"
        if (
            self.service.recent_outbound_to(mail.from_addr, policy.window)
            >= policy.per_sender_limit
        ):
            return False, "sin acuse: límite de acuses por remitente"
        message = build_ack(ticket_id, mail, smtp, policy)
        try:
            raw = send(smtp, message)
        except MailSendError as error:
            log.warning("acknowledgment of ticket %s not sent: %s", ticket_id, error)
            return False, str(error)
        sent_es, sent_en = action_texts.acknowledgment_sent(mail.from_addr)
        self.service.record_outbound(
            ticket_id=ticket_id,
            message_id=str(message["Message-ID"]).strip(),
            raw=raw,
            subject=str(message["Subject"]),
            from_addr=smtp.from_addr,
            to_addr=mail.from_addr,
            kind=ActionKind.ACKNOWLEDGMENT,
            text=sent_es,
            text_en=sent_en,
        )
        return True, ""

    def _quarantine(self, raw: bytes, reason: str, source: str) -> IntakeResult:
        qid, created = self.service.quarantine(raw, reason, source)
        if not created:
            return IntakeResult(Outcome.DUPLICATE, quarantine_id=qid)
        return IntakeResult(Outcome.QUARANTINED, quarantine_id=qid, note=reason)


@dataclass(frozen=True)
class Incoming:
    """A mail as it arrived: its bytes, the server's arrival time, where it came from."""

    raw: bytes
    internal_date: datetime | None = None
    fallback_date: datetime | None = None  # the file time of an .eml
    source: str = ""


@dataclass(frozen=True)
class ParsedIncoming:
    incoming: Incoming
    mail: ParsedMail | None
    error: str = ""  # why it goes to quarantine, when mail is None


def parse_incoming(incoming: Incoming, size_cap: int = DEFAULT_SIZE_CAP) -> ParsedIncoming:
    """Parse one mail; never raises (unreadable mail carries its quarantine reason).

    A plain function of picklable values, so that a pool of processes may parse while the
    main process writes.
    """
    try:
        return ParsedIncoming(incoming, parse_mail(incoming.raw, size_cap=size_cap))
    except UnparseableMail as error:
        return ParsedIncoming(incoming, None, str(error))
    except Exception as error:  # a parser bug must not lose the mail
        log.exception("parser failure on %s", incoming.source)
        return ParsedIncoming(
            incoming, None, f"Error al leer el mensaje ({type(error).__name__}: {error})."
        )


def _pick_received(
    mail: ParsedMail, internal_date: datetime | None, fallback_date: datetime | None
) -> datetime:
    """The arrival time: the server's, else the last Received header, else the file time."""
    return internal_date or mail.last_received or fallback_date or now_utc()


def _received(mail: ParsedMail, incoming: Incoming) -> datetime:
    return _pick_received(mail, incoming.internal_date, incoming.fallback_date)


def _is_connection_problem(error: Exception) -> bool:
    from sqlalchemy.exc import DBAPIError

    return isinstance(error, DBAPIError) and bool(
        error.connection_invalidated or (getattr(error.orig, "sqlstate", "") or "").startswith("08")
    )
