"""Mail intake use cases: new ticket or threaded reply from a mail, quarantine, mail thread."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import cast

from sqlalchemy import ColumnElement, Table, func, insert, or_, select, update
from sqlalchemy import text as sql_text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.data.engine import Database
from app.data.models import (
    Attachment,
    AuditEntry,
    Contact,
    ContactAddress,
    MailMessage,
    MailQuarantine,
    Ticket,
    TicketAction,
)
from app.domain.channels import Channel
from app.domain.contacts import AddressKind, looks_like_email, try_normalise
from app.domain.priorities import Priority
from app.domain.sla import compute_deadline
from app.domain.tickets import SUBJECT_TAG_RE, ActionKind, TicketStatus, format_ticket_number
from app.intake.parsing import MailPart, ParsedMail, parse_mail, sha256_hex
from app.services import action_texts
from app.services.action_texts import TEXT_EN
from app.services.directory_lookup import technician_by_login
from app.services.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from app.services.tickets import (
    CLOCK_SKEW_ALLOWANCE,
    OpenTicketRequest,
    TicketService,
    now_utc,
)
from app.services.uow import unit_of_work

SUPERVISOR_ROLES = ("supervisor", "admin")


@dataclass(frozen=True, slots=True)
class QuarantineView:
    id: int
    received_at: datetime
    reason: str
    source: str
    size: int
    sha256: str
    resolved_ticket_id: int | None
    resolved_by: str | None
    resolved_at: datetime | None
    from_addr: str = ""  # from the headers, when they can be read at all
    subject: str = ""


@dataclass(frozen=True, slots=True)
class MailView:
    """One mail of a ticket's thread, for the detail dialog."""

    id: int
    direction: str
    message_id: str | None
    subject: str
    from_addr: str
    to_addr: str
    at: datetime
    action_id: int | None
    text: str = ""  # the plain text recorded with the mail's action (never HTML)
    size: int = 0


def mail_uid(key: str) -> str:
    """The action uid of a mail: retry-safe, derived from its Message-ID or its bytes."""
    return "mail-" + hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:59]


class MailIntakeService:
    def __init__(self, db: Database, tickets: TicketService | None = None) -> None:
        self.db = db
        self.tickets = tickets or TicketService(db)

    # ----------------------------------------------------------------- lookups
    def is_duplicate(self, message_id: str | None, raw_sha256: str) -> bool:
        with unit_of_work(self.db) as session:
            return _seen(session, message_id, raw_sha256)

    def find_thread(self, mail: ParsedMail) -> int | None:
        """The ticket this mail answers: [IMR-n] in the subject, then In-Reply-To/References."""
        with unit_of_work(self.db) as session:
            return _find_thread(session, mail)

    def precheck(self, mail: ParsedMail) -> tuple[bool, int | None]:
        """(already recorded?, the ticket it answers) in one short read transaction."""
        with unit_of_work(self.db) as session:
            if _seen(session, mail.message_id, mail.raw_sha256):
                return True, None
            return False, _find_thread(session, mail)

    # ----------------------------------------------------------------- recording
    def open_ticket(
        self,
        mail: ParsedMail,
        raw: bytes,
        received_at: datetime,
        *,
        priority: Priority = Priority.MEDIO,
        source: str = "",
    ) -> int | None:
        """A new ticket from the mail; None when another worker recorded it first.

        One transaction: the ticket, its opening action, the mail and its parts. The uid derived
        from the mail makes a retry find the same ticket; a ticket left by an older two-step
        run gets its mail recorded in a second transaction.
        """
        key = mail.message_id or mail.raw_sha256
        uid = mail_uid(key)
        received = min(received_at, now_utc())
        subject = mail.subject.strip() or "(sin asunto)"
        recorded: list[int] = []

        def record(session: Session, ticket_id: int, action_id: int) -> None:
            _add_mail(session, mail, raw, received, ticket_id, action_id)
            session.flush()
            recorded.append(ticket_id)

        try:
            ticket_id = self.tickets.open_id(
                OpenTicketRequest(
                    channel=Channel.EMAIL,
                    priority=priority,
                    subject=subject,
                    description=mail.body,
                    requester_name=mail.from_name,
                    requester_address=mail.from_addr,
                    received_at=received,
                    uid=uid,
                    details={
                        "message_id": mail.message_id,
                        "from": mail.from_addr,
                        "source": source[:300],
                    },
                ),
                None,
                limited=True,
                review_notes=() if mail.from_addr else (NO_FROM_NOTE,),
                before_commit=record,
            )
        except IntegrityError:  # another worker recorded this mail first
            return None
        if recorded:
            return ticket_id
        with unit_of_work(self.db) as session:
            action_id = session.scalar(select(TicketAction.id).where(TicketAction.uid == uid))
            if not self._record(session, mail, raw, received, ticket_id, action_id):
                return None
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                return None
        return ticket_id

    def record_batch(
        self, mails: Sequence[BatchMail], *, priority: Priority = Priority.MEDIO
    ) -> list[BatchRecord]:
        """Record several parsed mails in one transaction, each as new, threaded or duplicate.

        Raises on any problem (a unique constraint hit by a concurrent worker, a mail left
        half-recorded, bad data) with nothing written: the caller records that batch one by one.
        """
        if not mails:
            return []
        with unit_of_work(self.db) as session:
            records = _BatchWriter(self, session, mails, priority).record()
            session.commit()
        return records

    def add_reply(
        self, ticket_id: int, mail: ParsedMail, raw: bytes, received_at: datetime
    ) -> bool:
        """The mail becomes an EMAIL_IN action; a resolved or closed ticket is reopened.

        False when the mail was already recorded (duplicate delivery).
        """
        key = mail.message_id or mail.raw_sha256
        received = min(received_at, now_utc())
        with unit_of_work(self.db) as session:
            ticket = session.execute(
                select(Ticket.id, Ticket.received_at).where(Ticket.id == ticket_id)
            ).first()
            if ticket is None:
                raise NotFound(
                    "No existe el tiquete {number}.",
                    params={"number": format_ticket_number(ticket_id)},
                )
            now = now_utc()
            action = TicketAction(
                uid=mail_uid(key),
                ticket_id=ticket.id,
                kind=ActionKind.EMAIL_IN.value,
                author_id=None,
                occurred_at=max(received, _aware(ticket.received_at)),
                created_at=now,
                text=mail.body or "(correo sin texto)",
                details={
                    "message_id": mail.message_id,
                    "from": mail.from_addr,
                    "from_name": mail.from_name,
                    "subject": mail.subject,
                },
            )
            session.add(action)
            try:
                session.flush()
            except IntegrityError:
                session.rollback()
                return False
            status = _touch_for_reply(session, ticket.id, now)
            if status in REOPENED_BY_REPLY:
                text, english = action_texts.client_replied(status)
                session.add(
                    TicketAction(
                        uid=uuid.uuid4().hex,
                        ticket_id=ticket.id,
                        kind=ActionKind.STATUS_CHANGE.value,
                        occurred_at=now,
                        created_at=now,
                        text=text,
                        details={
                            "from": status.value,
                            "to": TicketStatus.IN_PROGRESS.value,
                            "reason": "email_reply",
                            TEXT_EN: english,
                        },
                    )
                )
            if not self._record(session, mail, raw, received, ticket.id, action.id):
                return False
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                return False
        return True

    def _record(
        self,
        session: Session,
        mail: ParsedMail,
        raw: bytes,
        received: datetime,
        ticket_id: int,
        action_id: int | None,
    ) -> bool:
        cond = MailMessage.raw_sha256 == mail.raw_sha256
        if mail.message_id:
            cond = or_(cond, MailMessage.message_id == mail.message_id)
        if session.scalar(select(MailMessage.id).where(cond).limit(1)) is not None:
            return False
        _add_mail(session, mail, raw, received, ticket_id, action_id)
        try:
            session.flush()
        except IntegrityError:
            session.rollback()
            return False
        return True

    def record_outbound(
        self,
        *,
        ticket_id: int,
        message_id: str,
        raw: bytes,
        subject: str,
        from_addr: str,
        to_addr: str,
        kind: ActionKind | None,
        text: str = "",
        action_id: int | None = None,
        text_en: str | None = None,
    ) -> None:
        """Store a sent mail (acknowledgment or reply) so that the client's answer threads."""
        with unit_of_work(self.db) as session:
            now = now_utc()
            if kind is not None and action_id is None:
                action = TicketAction(
                    uid=mail_uid(message_id),
                    ticket_id=ticket_id,
                    kind=kind.value,
                    occurred_at=now,
                    created_at=now,
                    text=text,
                    details={
                        "message_id": message_id,
                        "to": to_addr,
                        **({TEXT_EN: text_en} if text_en else {}),
                    },
                )
                session.add(action)
                session.flush()
                action_id = action.id
            session.add(
                MailMessage(
                    message_id=message_id,
                    raw_sha256=sha256_hex(raw),
                    direction="out",
                    ticket_id=ticket_id,
                    action_id=action_id,
                    subject=subject[:998],
                    from_addr=from_addr[:320],
                    to_addr=to_addr[:998],
                    internal_date=now,
                    raw=raw,
                )
            )
            session.commit()

    def recent_outbound_to(self, address: str, within: timedelta) -> int:
        with unit_of_work(self.db) as session:
            return int(
                session.scalar(
                    select(func.count(MailMessage.id)).where(
                        MailMessage.direction == "out",
                        MailMessage.to_addr == address.lower(),
                        MailMessage.created_at >= now_utc() - within,
                    )
                )
                or 0
            )

    def thread_ids(self, ticket_id: int) -> list[str]:
        """Message-IDs of the ticket's mails, oldest first (for References)."""
        with unit_of_work(self.db) as session:
            return [
                mid
                for mid in session.scalars(
                    select(MailMessage.message_id)
                    .where(MailMessage.ticket_id == ticket_id, MailMessage.message_id.is_not(None))
                    .order_by(MailMessage.created_at, MailMessage.id)
                )
                if mid
            ]

    def last_inbound_id(self, ticket_id: int) -> str | None:
        with unit_of_work(self.db) as session:
            return session.scalar(
                select(MailMessage.message_id)
                .where(
                    MailMessage.ticket_id == ticket_id,
                    MailMessage.direction == "in",
                    MailMessage.message_id.is_not(None),
                )
                .order_by(MailMessage.created_at.desc(), MailMessage.id.desc())
                .limit(1)
            )

    def thread(self, ticket_id: int) -> list[MailView]:
        """The ticket's mails, oldest first, without their raw bytes."""
        with unit_of_work(self.db) as session:
            rows = session.execute(
                select(
                    MailMessage.id,
                    MailMessage.direction,
                    MailMessage.message_id,
                    MailMessage.subject,
                    MailMessage.from_addr,
                    MailMessage.to_addr,
                    MailMessage.internal_date,
                    MailMessage.created_at,
                    MailMessage.action_id,
                    TicketAction.text,
                    func.length(MailMessage.raw),
                    TicketAction.kind,
                    Ticket.description,
                )
                .join(Ticket, Ticket.id == MailMessage.ticket_id)
                .outerjoin(TicketAction, TicketAction.id == MailMessage.action_id)
                .where(MailMessage.ticket_id == ticket_id)
                .order_by(MailMessage.created_at, MailMessage.id)
            ).all()
            return [
                MailView(
                    id=r[0],
                    direction=r[1],
                    message_id=r[2],
                    subject=r[3],
                    from_addr=r[4],
                    to_addr=r[5],
                    at=r[6] or r[7],
                    action_id=r[8],
                    # The mail that opened the ticket: its text is the ticket's description.
                    text=(r[12] if r[11] == ActionKind.STATUS_CHANGE.value else r[9]) or "",
                    size=int(r[10] or 0),
                )
                for r in rows
            ]

    def mail_raw(self, mail_id: int) -> bytes:
        with unit_of_work(self.db) as session:
            data = session.scalar(select(MailMessage.raw).where(MailMessage.id == mail_id))
            if data is None:
                raise NotFound("El correo no existe.")
            return data

    # ----------------------------------------------------------------- quarantine
    def quarantine(self, raw: bytes, reason: str, source: str = "") -> tuple[int, bool]:
        """Keep unusable bytes with the reason; (id, False) when they were already kept."""
        digest = sha256_hex(raw)
        with unit_of_work(self.db) as session:
            existing = session.scalar(
                select(MailQuarantine.id).where(MailQuarantine.sha256 == digest)
            )
            if existing is not None:
                return existing, False
            row = MailQuarantine(
                received_at=now_utc(),
                reason=reason[:4000],
                source=source[:500],
                raw=raw,
                sha256=digest,
            )
            session.add(row)
            try:
                session.commit()
            except IntegrityError:
                session.rollback()
                again = session.scalar(
                    select(MailQuarantine.id).where(MailQuarantine.sha256 == digest)
                )
                assert again is not None
                return again, False
            return row.id, True

    def list_quarantine(
        self, *, include_resolved: bool = False, headers: bool = False
    ) -> list[QuarantineView]:
        """Quarantined mails, newest first; ``headers``: also From and Subject when readable."""
        with unit_of_work(self.db) as session:
            stmt = select(
                MailQuarantine.id,
                MailQuarantine.received_at,
                MailQuarantine.reason,
                MailQuarantine.source,
                func.length(MailQuarantine.raw),
                MailQuarantine.sha256,
                MailQuarantine.resolved_ticket_id,
                MailQuarantine.resolved_by,
                MailQuarantine.resolved_at,
            ).order_by(MailQuarantine.received_at.desc(), MailQuarantine.id.desc())
            if not include_resolved:
                stmt = stmt.where(MailQuarantine.resolved_at.is_(None))
            if not headers:
                return [QuarantineView(*row) for row in session.execute(stmt)]
            stmt = stmt.add_columns(func.substr(MailQuarantine.raw, 1, HEADER_PEEK))
            views = []
            for row in session.execute(stmt):
                from_addr, subject = _peek_headers(row[-1] or b"")
                base = QuarantineView(*row[:-1])
                views.append(replace(base, from_addr=from_addr, subject=subject))
            return views

    def quarantine_raw(self, quarantine_id: int, actor: str) -> bytes:
        with unit_of_work(self.db) as session:
            _require_supervisor(session, actor)
            data = session.scalar(
                select(MailQuarantine.raw).where(MailQuarantine.id == quarantine_id)
            )
            if data is None:
                raise NotFound(
                    "No existe el correo en cuarentena n.º {id}.", params={"id": quarantine_id}
                )
            return data

    def ticket_from_quarantine(
        self,
        quarantine_id: int,
        actor: str,
        *,
        subject: str,
        priority: Priority = Priority.MEDIO,
        requester_address: str = "",
        description: str = "",
    ) -> int:
        """A supervisor turns a quarantined mail into a ticket by hand; the bytes go along."""
        with unit_of_work(self.db) as session:
            _require_supervisor(session, actor)
            row = session.get(MailQuarantine, quarantine_id)
            if row is None:
                raise NotFound(
                    "No existe el correo en cuarentena n.º {id}.", params={"id": quarantine_id}
                )
            if row.resolved_ticket_id is not None:
                raise Conflict(
                    "Ese correo ya se convirtió en {number}.",
                    params={"number": format_ticket_number(row.resolved_ticket_id)},
                )
            raw, received = row.raw, row.received_at
        if not subject.strip():
            raise InvalidInput("Indique el asunto del tiquete.")
        try:
            mail: ParsedMail | None = parse_mail(raw)
        except Exception:
            mail = None
        body = description or (mail.body if mail else raw[:20000].decode("utf-8", "replace"))
        ticket_id = self.tickets.open_id(
            OpenTicketRequest(
                channel=Channel.EMAIL,
                priority=priority,
                subject=subject,
                description=body,
                requester_address=requester_address or (mail.from_addr if mail else ""),
                received_at=received,
                uid=mail_uid(f"quarantine-{quarantine_id}"),
                details={"from_quarantine": quarantine_id},
            ),
            actor,
        )
        with unit_of_work(self.db) as session:
            action_id = session.scalar(
                select(TicketAction.id).where(
                    TicketAction.uid == mail_uid(f"quarantine-{quarantine_id}")
                )
            )
            row = session.get(MailQuarantine, quarantine_id)
            assert row is not None
            if row.resolved_ticket_id is None:
                row.resolved_ticket_id = ticket_id
                row.resolved_by = actor
                row.resolved_at = now_utc()
                if action_id is not None:
                    session.add(
                        Attachment(
                            ticket_id=ticket_id,
                            action_id=action_id,
                            filename=f"correo-original-{quarantine_id}.eml",
                            content_type="message/rfc822",
                            size=len(raw),
                            data=raw,
                        )
                    )
                session.commit()
        return ticket_id


def _seen(session: Session, message_id: str | None, raw_sha256: str) -> bool:
    """Whether these bytes (or this Message-ID) were recorded or quarantined: one statement."""
    cond = MailMessage.raw_sha256 == raw_sha256
    if message_id:
        cond = or_(cond, MailMessage.message_id == message_id)
    return bool(
        session.scalar(
            select(
                or_(
                    # Explicit columns: the intake role may not SELECT * from these tables.
                    select(MailMessage.id).where(cond).exists(),
                    select(MailQuarantine.id).where(MailQuarantine.sha256 == raw_sha256).exists(),
                )
            )
        )
    )


def _find_thread(session: Session, mail: ParsedMail) -> int | None:
    for match in SUBJECT_TAG_RE.finditer(mail.subject):
        found = _follow_merge(session, int(match.group(1)))
        if found is not None:
            return found
    ids = list(mail.thread_ids)[:200]
    if ids:
        rows = session.execute(
            select(MailMessage.message_id, MailMessage.ticket_id).where(
                MailMessage.message_id.in_(ids), MailMessage.ticket_id.is_not(None)
            )
        ).all()
        by_id = {mid: tid for mid, tid in rows if tid is not None}
        for mid in ids:
            if mid in by_id:
                found = _follow_merge(session, by_id[mid])
                if found is not None:
                    return found
    return None


def _add_mail(
    session: Session,
    mail: ParsedMail,
    raw: bytes,
    received: datetime,
    ticket_id: int,
    action_id: int | None,
) -> None:
    session.add(
        MailMessage(
            message_id=mail.message_id,
            raw_sha256=mail.raw_sha256,
            direction="in",
            ticket_id=ticket_id,
            action_id=action_id,
            subject=mail.subject[:998],
            from_addr=mail.from_addr,
            to_addr=", ".join(mail.to_addrs)[:998],
            internal_date=received,
            raw=raw,
        )
    )
    if action_id is not None:
        _store_parts(session, ticket_id, action_id, mail.parts)


HEADER_PEEK = 32 * 1024


def _peek_headers(head: bytes) -> tuple[str, str]:
    """From and Subject of possibly broken mail bytes; empty strings when unreadable."""
    try:
        from email import policy
        from email.parser import BytesHeaderParser

        message = BytesHeaderParser(policy=policy.default).parsebytes(bytes(head))
        values = []
        for name in ("From", "Subject"):
            try:
                value = str(message.get(name, "") or "")
            except Exception:  # a malformed header: show nothing rather than fail the list
                value = ""
            values.append(" ".join(value.replace("\x00", "").split())[:300])
        return values[0], values[1]
    except Exception:
        return "", ""


def _require_supervisor(session: Session, actor: str) -> None:
    tech = technician_by_login(session, actor)
    if tech.role not in SUPERVISOR_ROLES:
        raise PermissionDenied("Solo un supervisor puede ver y resolver la cuarentena de correo.")


def _follow_merge(session: Session, ticket_id: int) -> int | None:
    """The ticket a merged ticket now lives in (reads only id and merged_into_id)."""
    row = session.execute(
        select(Ticket.id, Ticket.merged_into_id).where(Ticket.id == ticket_id)
    ).first()
    if row is None:
        return None
    current, target = row
    seen = {current}
    while target is not None and target not in seen:
        nxt = session.execute(
            select(Ticket.id, Ticket.merged_into_id).where(Ticket.id == target)
        ).first()
        if nxt is None:
            break
        current, target = nxt
        seen.add(current)
    return int(current)


REOPENED_BY_REPLY = (TicketStatus.RESOLVED, TicketStatus.CLOSED, TicketStatus.WAITING_CLIENT)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


def _touch_for_reply(session: Session, ticket_id: int, now: datetime) -> TicketStatus:
    """Bump the ticket's version (desks reload it) and reopen it if the client answered a
    resolved, closed or waiting ticket; the status it had.

    On PostgreSQL through imr_intake_mail_reply(), the one change the intake role may make
    to a ticket; elsewhere the same UPDATE directly.
    """
    if session.get_bind().dialect.name == "postgresql":
        previous = session.scalar(sql_text("SELECT imr_intake_mail_reply(:t)"), {"t": ticket_id})
        if previous is None:
            raise NotFound(
                "No existe el tiquete {number}.", params={"number": format_ticket_number(ticket_id)}
            )
        return TicketStatus(previous)
    current = session.scalar(select(Ticket.status).where(Ticket.id == ticket_id))
    if current is None:
        raise NotFound(
            "No existe el tiquete {number}.", params={"number": format_ticket_number(ticket_id)}
        )
    status = TicketStatus(current)
    values: dict[str, object] = {"updated_at": now, "version": Ticket.version + 1}
    if status in REOPENED_BY_REPLY:
        values |= {
            "status": TicketStatus.IN_PROGRESS.value,
            "resolved_at": None,
            "closed_at": None,
            "updated_by_id": None,
        }
    session.execute(
        update(Ticket)
        .where(Ticket.id == ticket_id)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    return status


def _store_parts(
    session: Session, ticket_id: int, action_id: int, parts: Sequence[MailPart]
) -> None:
    for part in parts:
        session.add(
            Attachment(
                ticket_id=ticket_id,
                action_id=action_id,
                filename=part.filename[:500] or "adjunto",
                content_type=(part.content_type or "application/octet-stream")[:200],
                size=part.size,
                data=part.data,
                withheld=part.withheld,
                note=part.note,
                content_id=part.content_id,
            )
        )


# ---------------------------------------------------------------------- batches
@dataclass(frozen=True, slots=True)
class BatchMail:
    """A parsed mail waiting to be recorded with others in one transaction."""

    mail: ParsedMail
    raw: bytes
    received_at: datetime
    source: str = ""


@dataclass(frozen=True, slots=True)
class BatchRecord:
    outcome: str  # "new", "threaded" or "duplicate"
    ticket_id: int | None = None


class BatchFallback(Exception):
    """The batch cannot be recorded in one go (a half-recorded mail); go one by one."""


class _NewTicket:
    """A ticket of the batch; its id is known once the pending tickets are inserted."""

    __slots__ = ("id", "index", "received", "values")

    def __init__(self, index: int, received: datetime, values: dict[str, object]) -> None:
        self.index = index
        self.received = received
        self.values = values
        self.id: int | None = None


_Ref = int | _NewTicket


def _ref_id(ref: _Ref) -> int:
    if isinstance(ref, _NewTicket):
        assert ref.id is not None
        return ref.id
    return ref


class _BatchWriter:
    """Records a batch of parsed mails in one transaction with Core statements.

    The outcome of every mail is the one it would have had if the mails had been recorded
    one by one in order: duplicates inside the batch, replies to a mail or a ticket of the
    same batch and replies that reopen a ticket are all accounted the same way.
    """

    def __init__(
        self,
        service: MailIntakeService,
        session: Session,
        mails: Sequence[BatchMail],
        priority: Priority,
    ) -> None:
        self.service = service
        self.session = session
        self.mails = mails
        self.priority = priority
        self.now = now_utc()
        policy = service.tickets.policy.current(session)
        self.calendar = policy.calendar_for(priority, Channel.EMAIL)
        self.target_minutes = int(priority.target.total_seconds() // 60)
        self.requesters: dict[tuple[str, object], object] = {}
        self.strangers: set[str] = set()
        self.tickets: dict[int, tuple[int | None, datetime]] = {}  # id → (merged into, received)
        self.thread_rows: dict[str, int] = {}
        self.unflushed: list[_NewTicket] = []
        self.created: dict[int, _NewTicket] = {}

    # ------------------------------------------------------------- reads
    def _read(self) -> tuple[set[str], set[str]]:
        """Message-IDs and digests already recorded or quarantined; thread candidates."""
        session = self.session
        mids = {m.mail.message_id for m in self.mails if m.mail.message_id}
        shas = {m.mail.raw_sha256 for m in self.mails}
        cond: ColumnElement[bool] = MailMessage.raw_sha256.in_(shas)
        if mids:
            cond = or_(cond, MailMessage.message_id.in_(mids))
        seen_mids: set[str] = set()
        seen_shas: set[str] = set()
        for mid, sha in session.execute(
            select(MailMessage.message_id, MailMessage.raw_sha256).where(cond)
        ):
            if mid:
                seen_mids.add(mid)
            seen_shas.add(sha)
        seen_shas.update(
            session.scalars(select(MailQuarantine.sha256).where(MailQuarantine.sha256.in_(shas)))
        )
        fresh = [
            m
            for m in self.mails
            if m.mail.raw_sha256 not in seen_shas
            and not (m.mail.message_id and m.mail.message_id in seen_mids)
        ]
        uids = {mail_uid(m.mail.message_id or m.mail.raw_sha256) for m in fresh}
        if uids and session.scalar(
            select(TicketAction.id).where(TicketAction.uid.in_(uids)).limit(1)
        ):
            # A mail whose action exists without its mail row (an older two-step run):
            # the one-by-one path knows how to complete it.
            raise BatchFallback
        self._find_strangers({m.mail.from_addr for m in fresh})
        tags = {int(t.group(1)) for m in fresh for t in SUBJECT_TAG_RE.finditer(m.mail.subject)}
        self._load_tickets(tags)
        ids = {mid for m in fresh for mid in list(m.mail.thread_ids)[:200]}
        if ids:
            rows = session.execute(
                select(MailMessage.message_id, MailMessage.ticket_id).where(
                    MailMessage.message_id.in_(ids), MailMessage.ticket_id.is_not(None)
                )
            ).all()
            self.thread_rows = {mid: tid for mid, tid in rows if mid and tid is not None}
            self._load_tickets(set(self.thread_rows.values()))
        return seen_mids, seen_shas

    def _find_strangers(self, addresses: set[str]) -> None:
        """Senders that no contact can match (one read for the batch).

        The same normalisation as find_contact_ref(), and a wider match (inactive contacts
        too): an address left out of ``strangers`` is looked up the usual way.
        """
        values: dict[str, str] = {}
        for address in addresses:
            text = address.strip()
            if text and looks_like_email(text):
                values[address] = try_normalise(AddressKind.EMAIL, text) or text.lower()
        if not values:
            return
        wanted = set(values.values())
        known = set(
            self.session.scalars(
                select(ContactAddress.value).where(
                    ContactAddress.kind == AddressKind.EMAIL.value,
                    ContactAddress.value.in_(wanted),
                )
            )
        )
        known.update(
            self.session.scalars(
                select(func.lower(Contact.email)).where(func.lower(Contact.email).in_(wanted))
            )
        )
        self.strangers = {address for address, value in values.items() if value not in known}

    def _load_tickets(self, ids: set[int]) -> None:
        """id, merged_into_id and received_at of these tickets and of what they merged into."""
        wanted = {i for i in ids if i not in self.tickets and 0 < i < 2**31}
        asked: set[int] = set()
        while wanted:
            asked |= wanted
            found = self.session.execute(
                select(Ticket.id, Ticket.merged_into_id, Ticket.received_at).where(
                    Ticket.id.in_(wanted)
                )
            ).all()
            for tid, merged, received in found:
                self.tickets[tid] = (merged, _aware(received))
            wanted = {m for m, _r in self.tickets.values() if m is not None} - asked

    def _follow(self, ticket_id: int) -> int | None:
        """_follow_merge() over the rows read for the batch."""
        if ticket_id not in self.tickets:
            return None
        current, seen = ticket_id, {ticket_id}
        target = self.tickets[current][0]
        while target is not None and target not in seen:
            if target not in self.tickets:
                break
            current = target
            seen.add(current)
            target = self.tickets[current][0]
        return current

    def _thread(self, mail: ParsedMail, in_batch: dict[str, _Ref]) -> _Ref | None:
        """_find_thread() for a mail of the batch, seeing the mails recorded before it."""
        for match in SUBJECT_TAG_RE.finditer(mail.subject):
            number = int(match.group(1))
            found = self._follow(number)
            if found is not None:
                return found
            if number not in self.created and self.unflushed:
                self._insert_tickets()  # the tag may name a ticket opened earlier in the batch
            if number in self.created:
                return self.created[number]
        for mid in list(mail.thread_ids)[:200]:
            if mid in self.thread_rows:
                found = self._follow(self.thread_rows[mid])
                if found is not None:
                    return found
            elif mid in in_batch:
                return in_batch[mid]
        return None

    # ------------------------------------------------------------- writes
    def _new_ticket(self, index: int, item: BatchMail) -> _NewTicket:
        mail = item.mail
        received = min(item.received_at, self.now)
        if received.tzinfo is None:
            raise InvalidInput("La fecha de recepción debe indicar la zona horaria.")
        received = received.astimezone(UTC)
        # A sender no contact can match resolves exactly like a mail without a sender: one
        # lookup serves all of them.
        address = "" if mail.from_addr in self.strangers else mail.from_addr
        client_id, ref, reasons = self.service.tickets.mail_requester(
            self.session, address, received, self.requesters
        )
        notes = () if mail.from_addr else (NO_FROM_NOTE,)
        reasons = [*reasons, *(n for n in notes if n not in reasons)]
        subject = " ".join((mail.subject.strip() or "(sin asunto)").split())
        values: dict[str, object] = {
            "subject": subject[:500],
            "description": mail.body,
            "client_id": client_id,
            "contact_id": ref.id if ref else None,
            "requester_name": mail.from_name or (ref.name if ref else ""),
            "requester_address": mail.from_addr or ((ref.email or "") if ref else ""),
            "product_id": None,
            "channel": Channel.EMAIL.value,
            "priority": int(self.priority),
            "status": TicketStatus.NEW.value,
            "received_at": received,
            "created_at": self.now,
            "created_by_id": None,
            "calendar_name": self.calendar.name,
            "target_minutes": self.target_minutes,
            "first_contact_due": compute_deadline(self.calendar, received, self.priority.target),
            "needs_review": bool(reasons),
            "review_reasons": "\n".join(reasons),
            "updated_at": self.now,
            "updated_by_id": None,
            "version": 1,
        }
        ticket = _NewTicket(index, received, values)
        self.unflushed.append(ticket)
        return ticket

    def _insert_tickets(self) -> None:
        pending, self.unflushed = self.unflushed, []
        if not pending:
            return
        ids = self.session.scalars(
            insert(_table(Ticket)).returning(_table(Ticket).c.id, sort_by_parameter_order=True),
            [t.values for t in pending],
        ).all()
        for ticket, tid in zip(pending, ids, strict=True):
            ticket.id = tid
            self.created[tid] = ticket

    def record(self) -> list[BatchRecord]:
        seen_mids, seen_shas = self._read()
        in_batch: dict[str, _Ref] = {}
        plan: list[tuple[str, _Ref | None]] = []
        for index, item in enumerate(self.mails):
            mail = item.mail
            if mail.raw_sha256 in seen_shas or (
                mail.message_id and (mail.message_id in seen_mids or mail.message_id in in_batch)
            ):
                plan.append(("duplicate", None))
                continue
            ref = self._thread(mail, in_batch)
            if ref is None:
                ref = self._new_ticket(index, item)
                plan.append(("new", ref))
            else:
                plan.append(("threaded", ref))
            seen_shas.add(mail.raw_sha256)
            if mail.message_id:
                in_batch[mail.message_id] = ref
        self._insert_tickets()
        self._write(plan)
        return [
            BatchRecord(outcome, None if ref is None else _ref_id(ref)) for outcome, ref in plan
        ]

    def _write(self, plan: list[tuple[str, _Ref | None]]) -> None:
        session, now = self.session, self.now
        actions: list[dict[str, object]] = []
        owners: list[int | None] = []  # the mail index of each action that has one
        opened_es, opened_en = action_texts.opened(Channel.EMAIL)
        for index, (outcome, ref) in enumerate(plan):
            if ref is None:
                continue
            item = self.mails[index]
            mail = item.mail
            uid = mail_uid(mail.message_id or mail.raw_sha256)
            ticket_id = _ref_id(ref)
            if outcome == "new":
                assert isinstance(ref, _NewTicket)
                details = {
                    "message_id": mail.message_id,
                    "from": mail.from_addr,
                    "source": item.source[:300],
                }
                actions.append(
                    _action(
                        uid,
                        ticket_id,
                        ActionKind.STATUS_CHANGE,
                        ref.received,
                        now,
                        opened_es,
                        {
                            "opened": True,
                            **details,
                            TEXT_EN: opened_en,
                        },
                    )
                )
                owners.append(index)
                continue
            received = min(item.received_at, now)
            opened = ref.received if isinstance(ref, _NewTicket) else self.tickets[ref][1]
            actions.append(
                _action(
                    uid,
                    ticket_id,
                    ActionKind.EMAIL_IN,
                    max(received, opened),
                    now,
                    mail.body or "(correo sin texto)",
                    {
                        "message_id": mail.message_id,
                        "from": mail.from_addr,
                        "from_name": mail.from_name,
                        "subject": mail.subject,
                    },
                )
            )
            owners.append(index)
            status = _touch_for_reply(session, ticket_id, now)
            if status in REOPENED_BY_REPLY:
                actions.append(_reopen_action(ticket_id, status, now))
                owners.append(None)
        action_ids: dict[int, int] = {}
        if actions:
            ids = session.scalars(
                insert(_table(TicketAction)).returning(
                    _table(TicketAction).c.id, sort_by_parameter_order=True
                ),
                actions,
            ).all()
            action_ids = {
                owner: aid for owner, aid in zip(owners, ids, strict=True) if owner is not None
            }
        audits: list[dict[str, object]] = []
        mails: list[dict[str, object]] = []
        parts: list[dict[str, object]] = []
        for index, (outcome, ref) in enumerate(plan):
            if ref is None:
                continue
            item = self.mails[index]
            mail = item.mail
            ticket_id = _ref_id(ref)
            action_id = action_ids[index]
            received = (
                ref.received
                if isinstance(ref, _NewTicket) and outcome == "new"
                else (min(item.received_at, now))
            )
            if outcome == "new" and abs(received - now) > CLOCK_SKEW_ALLOWANCE:
                audits.append(
                    {
                        "actor": "system",
                        "entity": "ticket",
                        "entity_id": str(ticket_id),
                        "action": "received_at_entered",
                        "before": None,
                        "after": {"received_at": received.isoformat()},
                        "reason": "",
                    }
                )
            mails.append(_mail_values(mail, item.raw, received, ticket_id, action_id, now))
            parts.extend(_part_values(ticket_id, action_id, mail.parts, now))
        if audits:  # no RETURNING: the intake role may insert audit rows but not read them
            session.execute(insert(_table(AuditEntry)), audits)
        if mails:
            session.execute(insert(_table(MailMessage)), mails)
        if parts:
            session.execute(insert(_table(Attachment)), parts)


def _table(model: type) -> Table:
    """The Core table of a model, for bulk statements without the unit of work."""
    return cast(Table, model.__table__)  # type: ignore[attr-defined]


NO_FROM_NOTE = "El correo no indica remitente (From): no se envió acuse de recibo."


def _action(
    uid: str,
    ticket_id: int,
    kind: ActionKind,
    occurred_at: datetime,
    now: datetime,
    text: str,
    details: dict[str, object],
) -> dict[str, object]:
    return {
        "uid": uid,
        "ticket_id": ticket_id,
        "kind": kind.value,
        "author_id": None,
        "occurred_at": occurred_at,
        "created_at": now,
        "text": text,
        "is_contact": False,
        "duration_minutes": None,
        "details": details,
    }


def _reopen_action(ticket_id: int, status: TicketStatus, now: datetime) -> dict[str, object]:
    text, english = action_texts.client_replied(status)
    return _action(
        uuid.uuid4().hex,
        ticket_id,
        ActionKind.STATUS_CHANGE,
        now,
        now,
        text,
        {
            "from": status.value,
            "to": TicketStatus.IN_PROGRESS.value,
            "reason": "email_reply",
            TEXT_EN: english,
        },
    )


def _mail_values(
    mail: ParsedMail,
    raw: bytes,
    received: datetime,
    ticket_id: int,
    action_id: int | None,
    now: datetime,
) -> dict[str, object]:
    return {
        "message_id": mail.message_id,
        "raw_sha256": mail.raw_sha256,
        "direction": "in",
        "ticket_id": ticket_id,
        "action_id": action_id,
        "subject": mail.subject[:998],
        "from_addr": mail.from_addr,
        "to_addr": ", ".join(mail.to_addrs)[:998],
        "internal_date": received,
        "raw": raw,
        "created_at": now,
    }


def _part_values(
    ticket_id: int, action_id: int, parts: Sequence[MailPart], now: datetime
) -> list[dict[str, object]]:
    return [
        {
            "ticket_id": ticket_id,
            "action_id": action_id,
            "filename": part.filename[:500] or "adjunto",
            "content_type": (part.content_type or "application/octet-stream")[:200],
            "size": part.size,
            "data": part.data,
            "withheld": part.withheld,
            "note": part.note,
            "content_id": part.content_id,
            "created_at": now,
        }
        for part in parts
    ]
