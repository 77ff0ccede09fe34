"""Ticket life cycle, action kinds and the rules that connect them."""

from __future__ import annotations

import re
from enum import StrEnum


class TicketStatus(StrEnum):
    NEW = "new"
    ASSIGNED = "assigned"
    IN_PROGRESS = "in_progress"
    WAITING_CLIENT = "waiting_client"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        return _STATUS_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _STATUS_LABELS[self][1]

    @property
    def is_open(self) -> bool:
        return self not in (TicketStatus.RESOLVED, TicketStatus.CLOSED)


OPEN_STATUSES = tuple(s for s in TicketStatus if s.is_open)

_STATUS_LABELS = {
    TicketStatus.NEW: ("Nuevo", "New"),
    TicketStatus.ASSIGNED: ("Asignado", "Assigned"),
    TicketStatus.IN_PROGRESS: ("En proceso", "In progress"),
    TicketStatus.WAITING_CLIENT: ("En espera del cliente", "Waiting for client"),
    TicketStatus.RESOLVED: ("Resuelto", "Resolved"),
    TicketStatus.CLOSED: ("Cerrado", "Closed"),
}


class ActionKind(StrEnum):
    CALL_OUT = "call_out"
    CALL_IN = "call_in"
    CALL_ATTEMPT = "call_attempt"
    EMAIL_OUT = "email_out"
    EMAIL_IN = "email_in"
    WHATSAPP = "whatsapp"
    REMOTE_SESSION = "remote_session"
    VISIT = "visit"
    NOTE = "note"
    DIAGNOSIS = "diagnosis"
    # System-recorded kinds: written by services, never chosen in the log form.
    ACKNOWLEDGMENT = "acknowledgment"
    STATUS_CHANGE = "status_change"
    ASSIGNMENT = "assignment"
    REPRIORITISED = "reprioritised"
    RESOLUTION = "resolution"
    MERGE = "merge"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _KIND_LABELS[self][1]

    @property
    def can_be_contact(self) -> bool:
        """Whether this kind of action may count as contact with the requester."""
        return self in CONTACT_CAPABLE

    @property
    def contact_by_default(self) -> bool:
        return self in (
            ActionKind.CALL_OUT,
            ActionKind.CALL_IN,
            ActionKind.EMAIL_OUT,
            ActionKind.WHATSAPP,
            ActionKind.REMOTE_SESSION,
            ActionKind.VISIT,
        )

    @classmethod
    def parse(cls, value: str) -> ActionKind:
        text = value.strip().lower().replace("-", "_")
        aliases = {"email": cls.EMAIL_OUT, "call": cls.CALL_OUT, "remote": cls.REMOTE_SESSION}
        if text in aliases:
            return aliases[text]
        for member in cls:
            if text in (member.value, member.label.lower()):
                return member
        choices = ", ".join(m.value for m in LOGGABLE_KINDS)
        raise ValueError(f"tipo de acción desconocido: {value!r} (use {choices})")


CONTACT_CAPABLE = frozenset(
    {
        ActionKind.CALL_OUT,
        ActionKind.CALL_IN,
        ActionKind.EMAIL_OUT,
        ActionKind.WHATSAPP,
        ActionKind.REMOTE_SESSION,
        ActionKind.VISIT,
        ActionKind.RESOLUTION,
    }
)

LOGGABLE_KINDS = (
    ActionKind.CALL_OUT,
    ActionKind.CALL_IN,
    ActionKind.CALL_ATTEMPT,
    ActionKind.EMAIL_OUT,
    ActionKind.WHATSAPP,
    ActionKind.REMOTE_SESSION,
    ActionKind.VISIT,
    ActionKind.NOTE,
    ActionKind.DIAGNOSIS,
)

_KIND_LABELS = {
    ActionKind.CALL_OUT: ("Llamada saliente", "Outbound call"),
    ActionKind.CALL_IN: ("Llamada entrante", "Inbound call"),
    ActionKind.CALL_ATTEMPT: ("Intento de llamada sin respuesta", "Call attempt, no answer"),
    ActionKind.EMAIL_OUT: ("Correo enviado", "Email sent"),
    ActionKind.EMAIL_IN: ("Correo recibido", "Email received"),
    ActionKind.WHATSAPP: ("WhatsApp", "WhatsApp"),
    ActionKind.REMOTE_SESSION: ("Sesión remota", "Remote session"),
    ActionKind.VISIT: ("Visita", "Visit"),
    ActionKind.NOTE: ("Nota interna", "Internal note"),
    ActionKind.DIAGNOSIS: ("Diagnóstico", "Diagnosis"),
    ActionKind.ACKNOWLEDGMENT: ("Acuse de recibo automático", "Automatic acknowledgment"),
    ActionKind.STATUS_CHANGE: ("Cambio de estado", "Status change"),
    ActionKind.ASSIGNMENT: ("Asignación", "Assignment"),
    ActionKind.REPRIORITISED: ("Cambio de prioridad", "Priority change"),
    ActionKind.RESOLUTION: ("Solución", "Solution"),
    ActionKind.MERGE: ("Fusión de tiquetes", "Tickets merged"),
}

# Which status changes a technician may ask for directly.
ALLOWED_TRANSITIONS: dict[TicketStatus, frozenset[TicketStatus]] = {
    TicketStatus.NEW: frozenset(
        {TicketStatus.ASSIGNED, TicketStatus.WAITING_CLIENT, TicketStatus.RESOLVED}
    ),
    TicketStatus.ASSIGNED: frozenset(
        {
            TicketStatus.NEW,
            TicketStatus.IN_PROGRESS,
            TicketStatus.WAITING_CLIENT,
            TicketStatus.RESOLVED,
        }
    ),
    TicketStatus.IN_PROGRESS: frozenset(
        {TicketStatus.WAITING_CLIENT, TicketStatus.RESOLVED, TicketStatus.ASSIGNED}
    ),
    TicketStatus.WAITING_CLIENT: frozenset(
        {TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, TicketStatus.ASSIGNED}
    ),
    TicketStatus.RESOLVED: frozenset({TicketStatus.CLOSED, TicketStatus.IN_PROGRESS}),
    TicketStatus.CLOSED: frozenset({TicketStatus.IN_PROGRESS}),
}


def can_transition(current: TicketStatus, target: TicketStatus) -> bool:
    return target in ALLOWED_TRANSITIONS[current]


TICKET_NUMBER_RE = re.compile(r"\bIMR-(\d{1,9})\b", re.IGNORECASE)
SUBJECT_TAG_RE = re.compile(r"\[IMR-(\d{1,9})\]", re.IGNORECASE)


def format_ticket_number(number: int) -> str:
    return f"IMR-{number}"


def parse_ticket_number(text: str) -> int:
    """'IMR-42', 'imr-42' or '42' → 42."""
    raw = text.strip()
    match = TICKET_NUMBER_RE.fullmatch(raw) if not raw.isdigit() else None
    if raw.isdigit():
        return int(raw)
    if match is None:
        raise ValueError(f"número de tiquete inválido: {text!r} (use IMR-<n>)")
    return int(match.group(1))
