"""Ticket use cases: open, claim, release, take next, log, reprioritise, status, resolve, merge."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, Select, bindparam, func, or_, select, update
from sqlalchemy.orm import Session, aliased, selectinload
from sqlalchemy.orm.exc import StaleDataError

from app.data.engine import Database
from app.data.models import (
    Attachment,
    Client,
    Contact,
    Product,
    Technician,
    Ticket,
    TicketAction,
)
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.sla import compute_deadline
from app.domain.tickets import (
    OPEN_STATUSES,
    ActionKind,
    TicketStatus,
    can_transition,
    format_ticket_number,
)
from app.services import action_texts
from app.services.action_texts import TEXT_EN
from app.services.audit import record as _audit
from app.services.directory_lookup import (
    ContactRef,
    client_ref,
    client_view,
    contact_ref,
    contact_view,
    find_contact_ref,
    has_contract_in_force,
    technician_by_login,
)
from app.services.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from app.services.sla_settings import PolicyCache
from app.services.snapshots import ActionView, AttachmentView, QueueRow, TicketDetail
from app.services.uow import unit_of_work

CLOCK_SKEW_ALLOWANCE = timedelta(minutes=2)
SUPERVISOR_ROLES = ("supervisor", "admin")


@dataclass(frozen=True)
class NewAttachment:
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class FirstAction:
    """An action logged together with a new ticket (the phone call itself, a WhatsApp reply)."""

    kind: ActionKind
    text: str
    is_contact: bool
    duration_minutes: int | None = None


@dataclass(frozen=True)
class OpenTicketRequest:
    channel: Channel
    priority: Priority
    subject: str
    description: str = ""
    client_id: int | None = None
    contact_id: int | None = None
    requester_name: str = ""
    requester_address: str = ""  # email or phone, as given
    product_id: int | None = None
    received_at: datetime | None = None  # None: now
    first_action: FirstAction | None = None
    uid: str | None = None  # client-made id: a retried request opens one ticket
    attachments: tuple[NewAttachment, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)


def now_utc() -> datetime:
    return datetime.now(UTC)


def _require_aware(value: datetime, naive: InvalidInput) -> datetime:
    if value.tzinfo is None:
        raise naive
    return value.astimezone(UTC)


class TicketService:
    """Every public method is one transaction."""

    def __init__(self, db: Database, policy: PolicyCache | None = None) -> None:
        self.db = db
        self.policy = policy or PolicyCache(db)

    # ----------------------------------------------------------------- reading
    def queue(self, *, include_closed: bool = False) -> list[QueueRow]:
        """All open tickets (the live queue), sorted by priority then deadline."""
        with unit_of_work(self.db) as session:
            stmt = _row_select()
            if not include_closed:
                stmt = stmt.where(Ticket.status.in_([s.value for s in OPEN_STATUSES]))
            stmt = stmt.order_by(Ticket.priority, Ticket.first_contact_due)
            return [_row_from(r) for r in session.execute(stmt)]

    def rows(self, ticket_ids: Sequence[int]) -> list[QueueRow]:
        """Fresh rows for the given tickets (after a change notification)."""
        if not ticket_ids:
            return []
        with unit_of_work(self.db) as session:
            # Every desk runs this on each change notification: a statement built once, one
            # autocommit read (no BEGIN/ROLLBACK round trips), no ORM layer — 3-4x cheaper.
            conn = session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
            result = conn.execute(_rows_by_id(), {"ids": list(ticket_ids)})
            return [_row_from(r) for r in result]

    def search(self, text: str, *, limit: int = 200) -> list[QueueRow]:
        """Every ticket, closed ones too, by number, client, contact, subject and text."""
        needle = text.strip()
        if not needle:
            return []
        with unit_of_work(self.db) as session:
            like = f"%{needle.lower()}%"
            conditions: list[ColumnElement[bool]] = [
                func.lower(Ticket.subject).like(like),
                func.lower(Ticket.description).like(like),
                func.lower(Client.name).like(like),
                func.lower(Ticket.requester_name).like(like),
                func.lower(Ticket.requester_address).like(like),
                Ticket.id.in_(
                    select(TicketAction.ticket_id).where(func.lower(TicketAction.text).like(like))
                ),
            ]
            digits = needle.upper().removeprefix("IMR-").strip()
            if digits.isdigit():
                conditions.append(Ticket.id == int(digits))
            stmt = (
                _row_select()
                .where(or_(*conditions))
                .order_by(Ticket.received_at.desc())
                .limit(limit)
            )
            return [_row_from(r) for r in session.execute(stmt)]

    def client_tickets(self, client_id: int, *, limit: int = 500) -> list[QueueRow]:
        with unit_of_work(self.db) as session:
            stmt = (
                _row_select()
                .where(Ticket.client_id == client_id)
                .order_by(Ticket.received_at.desc())
                .limit(limit)
            )
            return [_row_from(r) for r in session.execute(stmt)]

    def get(self, ticket_id: int) -> TicketDetail:
        with unit_of_work(self.db) as session:
            return self._detail(session, ticket_id)

    def attachment_data(self, attachment_id: int) -> bytes:
        with unit_of_work(self.db) as session:
            data = session.scalar(select(Attachment.data).where(Attachment.id == attachment_id))
            if data is None:
                raise NotFound("El adjunto no existe o fue retenido por su tamaño.")
            return data

    # ----------------------------------------------------------------- opening
    def open(self, request: OpenTicketRequest, actor: str | None) -> TicketDetail:
        """Open a ticket from any channel; a retried request (same uid) opens one ticket."""
        return self.get(self.open_id(request, actor))

    def open_id(
        self,
        request: OpenTicketRequest,
        actor: str | None,
        *,
        limited: bool = False,
        review_notes: Sequence[str] = (),
        before_commit: Callable[[Session, int, int], None] | None = None,
    ) -> int:
        """Like open(), returning only the ticket id (mail intake needs no snapshot).

        ``limited``: read only the columns the mail-intake role is granted (no whole contact,
        client or contract rows); ``review_notes`` are added to the reasons for review;
        ``before_commit(session, ticket_id, opening_action_id)`` adds rows to the same
        transaction (not called when the uid had already opened a ticket).
        """
        subject = " ".join(request.subject.split())
        if not subject:
            raise InvalidInput("El asunto del tiquete no puede estar vacío.")
        now = now_utc()
        received = (
            now
            if request.received_at is None
            else _require_aware(
                request.received_at,
                InvalidInput("La fecha de recepción debe indicar la zona horaria."),
            )
        )
        if received > now + CLOCK_SKEW_ALLOWANCE:
            raise InvalidInput("La fecha de recepción no puede estar en el futuro.")
        with unit_of_work(self.db) as session:
            policy = self.policy.current(session)
            calendar = policy.calendar_for(request.priority, request.channel)
            deadline = compute_deadline(calendar, received, request.priority.target)
            if request.uid:
                existing = session.scalar(
                    select(TicketAction.ticket_id).where(TicketAction.uid == request.uid)
                )
                if existing is not None:
                    return existing
            author = technician_by_login(session, actor) if actor else None
            client_id, ref, reasons = self._requester_ref(session, request, received)
            contact_id = ref.id if ref else None
            contact_name = ref.name if ref else ""
            contact_address = (ref.email or "") if ref else ""
            if ref is not None and not contact_address and not limited:
                # The intake role may not read phone numbers; a desk may.
                contact_address = (
                    session.scalar(select(Contact.phone).where(Contact.id == ref.id)) or ""
                )
            reasons = [*reasons, *(n for n in review_notes if n not in reasons)]
            ticket = Ticket(
                subject=subject[:500],
                description=request.description,
                client_id=client_id,
                contact_id=contact_id,
                requester_name=request.requester_name or contact_name,
                requester_address=request.requester_address or contact_address,
                product_id=request.product_id,
                channel=request.channel.value,
                priority=int(request.priority),
                status=TicketStatus.NEW.value,
                received_at=received,
                created_at=now,
                created_by_id=author.id if author else None,
                calendar_name=calendar.name,
                target_minutes=int(request.priority.target.total_seconds() // 60),
                first_contact_due=deadline,
                needs_review=bool(reasons),
                review_reasons="\n".join(reasons),
                updated_at=now,
                updated_by_id=author.id if author else None,
            )
            session.add(ticket)
            session.flush()
            opened_es, opened_en = action_texts.opened(request.channel)
            opening = TicketAction(
                uid=request.uid or uuid.uuid4().hex,
                ticket_id=ticket.id,
                kind=ActionKind.STATUS_CHANGE.value,
                author_id=author.id if author else None,
                occurred_at=received,
                created_at=now,
                text=opened_es,
                details={
                    "opened": True,
                    **request.details,
                    TEXT_EN: opened_en,
                },
            )
            session.add(opening)
            session.flush()
            self._store_attachments(session, ticket.id, opening.id, request.attachments)
            if request.received_at is not None and abs(received - now) > CLOCK_SKEW_ALLOWANCE:
                _audit(
                    session,
                    actor or "system",
                    "ticket",
                    ticket.id,
                    "received_at_entered",
                    None,
                    {"received_at": received.isoformat()},
                    core=limited,
                )
            if request.first_action is not None:
                if author is None:
                    raise InvalidInput("Una acción inicial necesita un representante técnico.")
                fa = request.first_action
                self._add_action(
                    session,
                    ticket,
                    author,
                    fa.kind,
                    fa.text,
                    fa.is_contact,
                    fa.duration_minutes,
                    max(received, now) if fa.is_contact else now,
                    uid=None,
                    attachments=(),
                )
            if before_commit is not None:
                before_commit(session, ticket.id, opening.id)
            session.commit()
            return ticket.id

    def _requester_ref(
        self, session: Session, request: OpenTicketRequest, received: datetime
    ) -> tuple[int | None, ContactRef | None, list[str]]:
        """Client, contact and the reasons for supervisor review, through column-limited reads."""
        reasons: list[str] = []
        contact = contact_ref(session, request.contact_id) if request.contact_id else None
        if contact is None and request.requester_address:
            contact = find_contact_ref(session, request.requester_address)
        client = client_ref(session, request.client_id) if request.client_id else None
        if client is None and contact is not None:
            client = client_ref(session, contact.client_id)
        if client is None:
            reasons.append("Cliente no identificado: revisar quién solicita el servicio.")
        else:
            local_day = received.astimezone(self._local_zone()).date()
            if not has_contract_in_force(session, client.id, local_day):
                reasons.append(
                    f"{client.name} no tiene contrato de mantenimiento vigente "
                    f"al {local_day:%d/%m/%Y}."
                )
        if contact is None:
            reasons.append("El solicitante no es un contacto registrado del cliente.")
        elif client is not None and contact.client_id != client.id:
            reasons.append("El contacto pertenece a otro cliente.")
        elif not contact.is_key_user:
            reasons.append(
                f"{contact.name} no es el usuario clave (líder de proyecto) del cliente."
            )
        return (client.id if client else None), contact, reasons

    def mail_requester(
        self,
        session: Session,
        address: str,
        received: datetime,
        cache: dict[tuple[str, object], Any] | None = None,
    ) -> tuple[int | None, ContactRef | None, list[str]]:
        """A mail sender resolved as open_id(limited=True) does: client id, contact, reasons.

        For intake that writes its tickets in batches; ``cache`` (one per batch) keeps the
        answer per address and local day.
        """
        key = (address, received.astimezone(self._local_zone()).date())
        if cache is None or key not in cache:
            request = OpenTicketRequest(
                Channel.EMAIL, Priority.MEDIO, "-", requester_address=address
            )
            found = self._requester_ref(session, request, received)
            if cache is None:
                return found
            cache[key] = found
        client_id, contact, reasons = cache[key]
        return client_id, contact, list(reasons)

    # ----------------------------------------------------------------- claims
    def claim(self, ticket_id: int, actor: str) -> TicketDetail:
        with unit_of_work(self.db) as session:
            tech = technician_by_login(session, actor)
            self._claim(session, ticket_id, tech)
            session.commit()
            return self._detail(session, ticket_id)

    def _claim(self, session: Session, ticket_id: int, tech: Technician) -> None:
        now = now_utc()
        result = session.execute(
            update(Ticket)
            .where(
                Ticket.id == ticket_id,
                Ticket.assignee_id.is_(None),
                Ticket.status.in_([s.value for s in OPEN_STATUSES]),
            )
            .values(
                assignee_id=tech.id,
                status=func.coalesce(
                    func.nullif(Ticket.status, TicketStatus.NEW.value),
                    TicketStatus.ASSIGNED.value,
                ),
                version=Ticket.version + 1,
                updated_at=now,
                updated_by_id=tech.id,
            )
            .execution_options(synchronize_session=False)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            ticket = self._load(session, ticket_id)
            if ticket.assignee_id == tech.id:
                raise Conflict(
                    "Usted ya tiene tomado el tiquete {number}.",
                    params={"number": format_ticket_number(ticket_id)},
                )
            if ticket.assignee is not None:
                raise Conflict(
                    "El tiquete {number} ya lo tomó {assignee}.",
                    params={
                        "number": format_ticket_number(ticket_id),
                        "assignee": ticket.assignee.name,
                    },
                    changed_by=ticket.assignee.login,
                    current_version=ticket.version,
                )
            raise Conflict(
                "El tiquete {number} ya no está abierto.",
                params={"number": format_ticket_number(ticket_id)},
            )
        taken_es, taken_en = action_texts.taken(tech.name)
        session.add(
            TicketAction(
                uid=uuid.uuid4().hex,
                ticket_id=ticket_id,
                kind=ActionKind.ASSIGNMENT.value,
                author_id=tech.id,
                occurred_at=now,
                created_at=now,
                text=taken_es,
                details={"assignee": tech.login, TEXT_EN: taken_en},
            )
        )

    def take_next(self, actor: str) -> TicketDetail | None:
        """Claim the most urgent unassigned ticket, skipping rows another desk is locking."""
        with unit_of_work(self.db) as session:
            tech = technician_by_login(session, actor)
            for _attempt in range(20):
                candidate = session.scalar(
                    select(Ticket.id)
                    .where(
                        Ticket.assignee_id.is_(None),
                        Ticket.status.in_([s.value for s in OPEN_STATUSES]),
                        Ticket.merged_into_id.is_(None),
                    )
                    .order_by(Ticket.priority, Ticket.first_contact_due, Ticket.id)
                    .limit(1)
                    .with_for_update(skip_locked=True)
                )
                if candidate is None:
                    return None
                try:
                    with session.begin_nested():
                        self._claim(session, candidate, tech)
                except Conflict:
                    continue
                session.commit()
                return self._detail(session, candidate)
            raise Conflict("Otros escritorios están tomando tiquetes; intente de nuevo.")

    def release(
        self, ticket_id: int, actor: str, expected_version: int | None = None
    ) -> TicketDetail:
        with unit_of_work(self.db) as session:
            tech = technician_by_login(session, actor)
            ticket = self._load_for_edit(session, ticket_id, expected_version)
            if ticket.assignee_id is None:
                raise Conflict(
                    "El tiquete {id} no está tomado por nadie.", params={"id": ticket.id}
                )
            if ticket.assignee_id != tech.id and tech.role not in SUPERVISOR_ROLES:
                raise PermissionDenied(
                    "Solo quien tomó el tiquete o un supervisor puede liberarlo."
                )
            previous = ticket.assignee.login if ticket.assignee else None
            ticket.assignee_id = None
            if ticket.status == TicketStatus.ASSIGNED.value:
                ticket.status = TicketStatus.NEW.value
            self._touch(ticket, tech)
            self._system_action(
                session,
                ticket,
                tech,
                ActionKind.ASSIGNMENT,
                action_texts.released(tech.name),
                {"released": previous},
            )
            return self._commit_detail(session, ticket)

    def reassign(
        self, ticket_id: int, to_login: str, actor: str, expected_version: int | None = None
    ) -> TicketDetail:
        with unit_of_work(self.db) as session:
            tech = technician_by_login(session, actor)
            if tech.role not in SUPERVISOR_ROLES:
                raise PermissionDenied("Solo un supervisor puede reasignar tiquetes.")
            target = technician_by_login(session, to_login)
            ticket = self._load_for_edit(session, ticket_id, expected_version)
            before = ticket.assignee.login if ticket.assignee else None
            ticket.assignee_id = target.id
            if ticket.status == TicketStatus.NEW.value:
                ticket.status = TicketStatus.ASSIGNED.value
            self._touch(ticket, tech)
            self._system_action(
                session,
                ticket,
                tech,
                ActionKind.ASSIGNMENT,
                action_texts.reassigned(target.name),
                {"from": before, "to": target.login},
            )
            _audit(
                session,
                tech.login,
                "ticket",
                ticket.id,
                "reassign",
                {"assignee": before},
                {"assignee": target.login},
            )
            return self._commit_detail(session, ticket)

    # ----------------------------------------------------------------- actions
    def log_action(
        self,
        ticket_id: int,
        actor: str,
        kind: ActionKind,
        text: str,
        *,
        is_contact: bool = False,
        duration_minutes: int | None = None,
        occurred_at: datetime | None = None,
        uid: str | None = None,
        attachments: Sequence[NewAttachment] = (),
    ) -> TicketDetail:
        """Append an action; the first contact with the requester stops the SLA clock.

        Retrying with the same ``uid`` never stores it twice.
        """
        now = now_utc()
        at = (
            now
            if occurred_at is None
            else _require_aware(
                occurred_at, InvalidInput("La fecha de la acción debe indicar la zona horaria.")
            )
        )
        if at > now + CLOCK_SKEW_ALLOWANCE:
            raise InvalidInput("La hora de la acción no puede estar en el futuro.")
        if duration_minutes is not None and not 0 <= duration_minutes <= 24 * 60:
            raise InvalidInput("La duración debe estar entre 0 y 1440 minutos.")
        if is_contact and not kind.can_be_contact:
            raise InvalidInput(
                "«{kind}» no cuenta como contacto con el solicitante.", params={"kind": kind}
            )
        if not text.strip() and not attachments:
            raise InvalidInput("Escriba qué se hizo antes de registrar la acción.")
        with unit_of_work(self.db) as session:
            if uid:
                existing = session.scalar(
                    select(TicketAction.ticket_id).where(TicketAction.uid == uid)
                )
                if existing is not None:
                    return self._detail(session, existing)
            tech = technician_by_login(session, actor)
            ticket = self._load(session, ticket_id)
            if at < ticket.received_at - CLOCK_SKEW_ALLOWANCE:
                raise InvalidInput("La acción no puede ser anterior a la recepción del caso.")
            self._add_action(
                session,
                ticket,
                tech,
                kind,
                text,
                is_contact,
                duration_minutes,
                at,
                uid=uid,
                attachments=attachments,
            )
            if occurred_at is not None and abs(at - now) > CLOCK_SKEW_ALLOWANCE:
                _audit(
                    session,
                    tech.login,
                    "ticket",
                    ticket.id,
                    "action_time_entered",
                    None,
                    {"occurred_at": at.isoformat(), "kind": kind.value},
                )
            try:
                session.commit()
            except StaleDataError as error:
                raise self._conflict(session, ticket_id) from error
            return self._detail(session, ticket_id)

    def _add_action(
        self,
        session: Session,
        ticket: Ticket,
        tech: Technician,
        kind: ActionKind,
        text: str,
        is_contact: bool,
        duration: int | None,
        at: datetime,
        *,
        uid: str | None,
        attachments: Sequence[NewAttachment],
    ) -> TicketAction:
        action = TicketAction(
            uid=uid or uuid.uuid4().hex,
            ticket_id=ticket.id,
            kind=kind.value,
            author_id=tech.id,
            occurred_at=at,
            created_at=now_utc(),
            text=text,
            is_contact=is_contact,
            duration_minutes=duration,
            details={},
        )
        session.add(action)
        session.flush()
        self._store_attachments(session, ticket.id, action.id, attachments)
        status = TicketStatus(ticket.status)
        if is_contact and ticket.first_contact_at is None:
            ticket.first_contact_at = at
            if ticket.assignee_id is None:
                ticket.assignee_id = tech.id
            if status in (TicketStatus.NEW, TicketStatus.ASSIGNED):
                ticket.status = TicketStatus.IN_PROGRESS.value
            self._touch(ticket, tech)
        elif is_contact and status is TicketStatus.WAITING_CLIENT:
            ticket.status = TicketStatus.IN_PROGRESS.value
            self._touch(ticket, tech)
        return action

    def _store_attachments(
        self, session: Session, ticket_id: int, action_id: int, attachments: Sequence[NewAttachment]
    ) -> None:
        for item in attachments:
            session.add(
                Attachment(
                    ticket_id=ticket_id,
                    action_id=action_id,
                    filename=item.filename[:500],
                    content_type=item.content_type or "application/octet-stream",
                    size=len(item.data),
                    data=item.data,
                )
            )

    # ----------------------------------------------------------------- edits
    def reprioritise(
        self,
        ticket_id: int,
        priority: Priority,
        reason: str,
        actor: str,
        expected_version: int | None = None,
    ) -> TicketDetail:
        if not reason.strip():
            raise InvalidInput("Indique el motivo del cambio de prioridad.")
        with unit_of_work(self.db) as session:
            tech = technician_by_login(session, actor)
            ticket = self._load_for_edit(session, ticket_id, expected_version)
            old = Priority(ticket.priority)
            if old == priority:
                raise InvalidInput(
                    "El tiquete ya tiene prioridad {priority}.", params={"priority": priority}
                )
            before = {
                "priority": int(old),
                "first_contact_due": ticket.first_contact_due.isoformat(),
            }
            ticket.priority = int(priority)
            if ticket.first_contact_at is None:
                policy = self.policy.current(session)
                calendar = policy.calendar_for(priority, Channel(ticket.channel))
                ticket.calendar_name = calendar.name
                ticket.target_minutes = int(priority.target.total_seconds() // 60)
                ticket.first_contact_due = compute_deadline(
                    calendar, ticket.received_at, priority.target
                )
            self._touch(ticket, tech)
            after = {
                "priority": int(priority),
                "first_contact_due": ticket.first_contact_due.isoformat(),
            }
            self._system_action(
                session,
                ticket,
                tech,
                ActionKind.REPRIORITISED,
                action_texts.reprioritised(old, priority, reason.strip()),
                {"before": before, "after": after},
            )
            _audit(
                session,
                tech.login,
                "ticket",
                ticket.id,
                "reprioritise",
                before,
                after,
                reason=reason.strip(),
            )
            return self._commit_detail(session, ticket)

    def set_status(
        self,
        ticket_id: int,
        status: TicketStatus,
        actor: str,
        expected_version: int | None = None,
        note: str = "",
    ) -> TicketDetail:
        if status is TicketStatus.RESOLVED:
            raise InvalidInput("Para resolver un tiquete indique la solución.")
        with unit_of_work(self.db) as session:
            tech = technician_by_login(session, actor)
            ticket = self._load_for_edit(session, ticket_id, expected_version)
            self._transition(session, ticket, tech, status, note)
            return self._commit_detail(session, ticket)

    def resolve(
        self, ticket_id: int, solution: str, actor: str, expected_version: int | None = None
    ) -> TicketDetail:
        if not solution.strip():
            raise InvalidInput("Describa la solución brindada antes de resolver el tiquete.")
        with unit_of_work(self.db) as session:
            tech = technician_by_login(session, actor)
            ticket = self._load_for_edit(session, ticket_id, expected_version)
            self._transition(session, ticket, tech, TicketStatus.RESOLVED, solution.strip())
            ticket.solution = solution.strip()
            ticket.resolved_at = now_utc()
            if ticket.assignee_id is None:
                ticket.assignee_id = tech.id
            return self._commit_detail(session, ticket)

    def close(
        self, ticket_id: int, actor: str, expected_version: int | None = None, note: str = ""
    ) -> TicketDetail:
        return self.set_status(ticket_id, TicketStatus.CLOSED, actor, expected_version, note)

    def reopen(
        self, ticket_id: int, actor: str, reason: str, expected_version: int | None = None
    ) -> TicketDetail:
        if not reason.strip():
            raise InvalidInput("Indique por qué se reabre el tiquete.")
        return self.set_status(
            ticket_id,
            TicketStatus.IN_PROGRESS,
            actor,
            expected_version,
            f"Reabierto: {reason.strip()}",
        )

    def _transition(
        self, session: Session, ticket: Ticket, tech: Technician, status: TicketStatus, note: str
    ) -> None:
        current = TicketStatus(ticket.status)
        if not can_transition(current, status):
            raise InvalidInput(
                "No se puede pasar de «{current}» a «{status}».",
                params={"current": current, "status": status},
            )
        ticket.status = status.value
        now = now_utc()
        if status is TicketStatus.CLOSED:
            ticket.closed_at = now
        if status.is_open and not current.is_open:  # reopening
            ticket.resolved_at = None
            ticket.closed_at = None
        self._touch(ticket, tech)
        kind = (
            ActionKind.RESOLUTION if status is TicketStatus.RESOLVED else ActionKind.STATUS_CHANGE
        )
        texts: action_texts.Texts | str = action_texts.status_changed(current, status, note)
        if status is TicketStatus.RESOLVED:
            texts = note  # the resolution is the technician's own words: no second language
        self._system_action(
            session, ticket, tech, kind, texts, {"from": current.value, "to": status.value}
        )

    def merge(self, duplicate_id: int, original_id: int, actor: str) -> TicketDetail:
        """Fold a duplicate into the original: its history is copied there, it is closed."""
        if duplicate_id == original_id:
            raise InvalidInput("Un tiquete no se puede fusionar consigo mismo.")
        with unit_of_work(self.db) as session:
            tech = technician_by_login(session, actor)
            dup = self._load(session, duplicate_id)
            original = self._load(session, original_id)
            if dup.merged_into_id is not None:
                raise Conflict(
                    "El tiquete {id} ya fue fusionado en IMR-{original}.",
                    params={"id": dup.id, "original": dup.merged_into_id},
                )
            if not TicketStatus(original.status).is_open:
                raise InvalidInput("Solo se puede fusionar en un tiquete abierto.")
            for action in dup.actions:
                session.add(
                    TicketAction(
                        uid=uuid.uuid4().hex,
                        ticket_id=original.id,
                        kind=action.kind,
                        author_id=action.author_id,
                        occurred_at=action.occurred_at,
                        created_at=now_utc(),
                        text=action.text,
                        is_contact=action.is_contact,
                        duration_minutes=action.duration_minutes,
                        details={
                            **(action.details or {}),
                            "merged_from": dup.id,
                            "original_action": action.id,
                        },
                    )
                )
            if dup.first_contact_at and (
                original.first_contact_at is None
                or dup.first_contact_at < original.first_contact_at
            ):
                original.first_contact_at = dup.first_contact_at
            dup.merged_into_id = original.id
            dup.status = TicketStatus.CLOSED.value
            dup.closed_at = now_utc()
            self._touch(dup, tech)
            self._touch(original, tech)
            self._system_action(
                session,
                original,
                tech,
                ActionKind.MERGE,
                action_texts.merged_from(format_ticket_number(dup.id), dup.subject),
                {"merged_from": dup.id},
            )
            self._system_action(
                session,
                dup,
                tech,
                ActionKind.MERGE,
                action_texts.duplicate_of(format_ticket_number(original.id)),
                {"merged_into": original.id},
            )
            _audit(session, tech.login, "ticket", dup.id, "merge", None, {"into": original.id})
            return self._commit_detail(session, original)

    # ----------------------------------------------------------------- helpers
    def _load(self, session: Session, ticket_id: int) -> Ticket:
        ticket = session.get(Ticket, ticket_id)
        if ticket is None:
            raise NotFound(
                "No existe el tiquete {number}.", params={"number": format_ticket_number(ticket_id)}
            )
        return ticket

    def _load_for_edit(
        self, session: Session, ticket_id: int, expected_version: int | None
    ) -> Ticket:
        ticket = self._load(session, ticket_id)
        if expected_version is not None and ticket.version != expected_version:
            raise self._conflict(session, ticket_id)
        return ticket

    def _conflict(self, session: Session, ticket_id: int) -> Conflict:
        session.rollback()
        ticket = self._load(session, ticket_id)
        session.refresh(ticket)
        when = ticket.updated_at.astimezone(self._local_zone())
        params = {"number": format_ticket_number(ticket_id), "time": f"{when:%H:%M:%S}"}
        if ticket.updated_by is None:
            return Conflict(
                "otro proceso modificó el tiquete {number} a las {time}. "
                "Recargue para ver los cambios; su texto se conserva.",
                params=params,
                current_version=ticket.version,
            )
        return Conflict(
            "{who} modificó el tiquete {number} a las {time}. "
            "Recargue para ver los cambios; su texto se conserva.",
            params={**params, "who": ticket.updated_by.name},
            changed_by=ticket.updated_by.login,
            current_version=ticket.version,
        )

    def _local_zone(self) -> ZoneInfo:
        return ZoneInfo(self.policy.calendar("office").timezone)

    def _touch(self, ticket: Ticket, tech: Technician) -> None:
        ticket.updated_at = now_utc()
        ticket.updated_by_id = tech.id

    def _system_action(
        self,
        session: Session,
        ticket: Ticket,
        tech: Technician,
        kind: ActionKind,
        texts: action_texts.Texts | str,
        details: dict[str, Any],
    ) -> None:
        """A history entry written by the system: Spanish ``text`` and, for the system's own
        words, the English ones in the details; a person's words (a str) are kept as written."""
        text, english = (texts, None) if isinstance(texts, str) else texts
        now = now_utc()
        session.add(
            TicketAction(
                uid=uuid.uuid4().hex,
                ticket_id=ticket.id,
                kind=kind.value,
                author_id=tech.id,
                occurred_at=now,
                created_at=now,
                text=text,
                details={**details, TEXT_EN: english} if english else details,
            )
        )

    def _commit_detail(self, session: Session, ticket: Ticket) -> TicketDetail:
        ticket_id = ticket.id
        try:
            session.commit()
        except StaleDataError as error:
            raise self._conflict(session, ticket_id) from error
        return self._detail(session, ticket_id)

    def _detail(self, session: Session, ticket_id: int) -> TicketDetail:
        row = session.execute(_row_select().where(Ticket.id == ticket_id)).one_or_none()
        if row is None:
            raise NotFound(
                "No existe el tiquete {number}.", params={"number": format_ticket_number(ticket_id)}
            )
        ticket = session.scalar(
            select(Ticket)
            .where(Ticket.id == ticket_id)
            .options(
                selectinload(Ticket.actions).selectinload(TicketAction.attachments),
                selectinload(Ticket.actions).selectinload(TicketAction.author),
            )
            .execution_options(populate_existing=True)
        )
        assert ticket is not None
        day = ticket.received_at.astimezone(self._local_zone()).date()
        product = session.get(Product, ticket.product_id) if ticket.product_id else None
        return TicketDetail(
            row=_row_from(row),
            description=ticket.description,
            requester_name=ticket.requester_name,
            requester_address=ticket.requester_address,
            contact=contact_view(ticket.contact) if ticket.contact else None,
            client=client_view(session, ticket.client, day) if ticket.client else None,
            product_name=product.name if product else None,
            solution=ticket.solution,
            review_reasons=tuple(r for r in ticket.review_reasons.split("\n") if r),
            merged_into=ticket.merged_into_id,
            resolved_at=ticket.resolved_at,
            closed_at=ticket.closed_at,
            updated_at=ticket.updated_at,
            updated_by=ticket.updated_by.name if ticket.updated_by else None,
            actions=tuple(_action_view(a) for a in ticket.actions),
        )


def _english(action: TicketAction) -> str | None:
    """The English words the system kept for its own entries (none for what people wrote)."""
    value = (action.details or {}).get(TEXT_EN)
    return value if isinstance(value, str) and value else None


def _action_view(action: TicketAction) -> ActionView:
    return ActionView(
        id=action.id,
        uid=action.uid,
        kind=ActionKind(action.kind),
        author_login=action.author.login if action.author else None,
        author_name=action.author.name if action.author else "Sistema",
        occurred_at=action.occurred_at,
        text=action.text,
        text_en=_english(action),
        is_contact=action.is_contact,
        duration_minutes=action.duration_minutes,
        attachments=tuple(
            AttachmentView(
                id=a.id,
                filename=a.filename,
                content_type=a.content_type,
                size=a.size,
                withheld=a.withheld,
                note=a.note,
            )
            for a in action.attachments
        ),
    )


_LAST = aliased(TicketAction)


def _row_select() -> Select:
    # Two index probes per ticket on (ticket_id, occurred_at): cheaper than any join here.
    last_at = (
        select(_LAST.occurred_at)
        .where(_LAST.ticket_id == Ticket.id)
        .order_by(_LAST.occurred_at.desc(), _LAST.id.desc())
        .limit(1)
        .correlate(Ticket)
        .scalar_subquery()
    )
    last_kind = (
        select(_LAST.kind)
        .where(_LAST.ticket_id == Ticket.id)
        .order_by(_LAST.occurred_at.desc(), _LAST.id.desc())
        .limit(1)
        .correlate(Ticket)
        .scalar_subquery()
    )
    return (
        select(
            Ticket.id,
            Ticket.subject,
            Client.name,
            Ticket.channel,
            Ticket.priority,
            Ticket.status,
            Ticket.received_at,
            Ticket.first_contact_due,
            Ticket.target_minutes,
            Ticket.calendar_name,
            Ticket.first_contact_at,
            Technician.login,
            Technician.name,
            last_at.label("last_at"),
            last_kind.label("last_kind"),
            Ticket.needs_review,
            Ticket.version,
            Ticket.requester_name,
        )
        .select_from(Ticket)
        .outerjoin(Client, Client.id == Ticket.client_id)
        .outerjoin(Technician, Technician.id == Ticket.assignee_id)
    )


@functools.cache
def _rows_by_id() -> Select:
    return _row_select().where(Ticket.id.in_(bindparam("ids", expanding=True)))


def _row_from(r: Any) -> QueueRow:
    return QueueRow(
        id=r[0],
        subject=r[1],
        client_name=r[2] or "(sin cliente)",
        channel=Channel(r[3]),
        priority=Priority(r[4]),
        status=TicketStatus(r[5]),
        received_at=r[6],
        deadline=r[7],
        target=timedelta(minutes=r[8]),
        calendar_name=r[9],
        first_contact_at=r[10],
        assignee_login=r[11],
        assignee_name=r[12],
        last_action_at=r[13],
        last_action_kind=ActionKind(r[14]) if r[14] else None,
        needs_review=bool(r[15]),
        version=r[16],
        requester_name=r[17] or "",
    )
