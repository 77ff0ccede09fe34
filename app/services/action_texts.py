"""The words of the actions the system writes into a ticket's history, in Spanish and English.

Each function gives ``(spanish, english)``. The Spanish text is the action's ``text`` (what every
report, export and the command line show); the English one is kept beside it in the action's
details as ``text_en``, for a console set to English. People's names, subjects, reasons and
notes are shown as they were written.
"""

from __future__ import annotations

from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import TicketStatus

TEXT_EN = "text_en"  # the key in TicketAction.details

Texts = tuple[str, str]


def opened(channel: Channel) -> Texts:
    return f"Tiquete abierto por {channel.label}", f"Ticket opened via {channel.label_en}"


def taken(name: str) -> Texts:
    return f"Tomado por {name}", f"Taken by {name}"


def released(name: str) -> Texts:
    return f"Liberado por {name}", f"Released by {name}"


def reassigned(name: str) -> Texts:
    return f"Reasignado a {name}", f"Reassigned to {name}"


def reprioritised(old: Priority, new: Priority, reason: str) -> Texts:
    return (
        f"Prioridad {old.label} → {new.label}. Motivo: {reason}",
        f"Priority {old.label_en} → {new.label_en}. Reason: {reason}",
    )


def status_changed(old: TicketStatus, new: TicketStatus, note: str = "") -> Texts:
    spanish = f"{old.label} → {new.label}" + (f". {note}" if note else "")
    english = f"{old.label_en} → {new.label_en}" + (f". {note}" if note else "")
    return spanish, english


def client_replied(old: TicketStatus) -> Texts:
    """A client's mail reply moved the ticket back to in progress (reopening a closed one)."""
    new = TicketStatus.IN_PROGRESS
    if old.is_open:
        return status_changed(old, new, "El cliente respondió por correo.")[0], (
            f"{old.label_en} → {new.label_en}. The client replied by email."
        )
    return status_changed(old, new, "Reabierto: el cliente respondió por correo.")[0], (
        f"{old.label_en} → {new.label_en}. Reopened: the client replied by email."
    )


def merged_from(number: str, subject: str) -> Texts:
    return f"Fusionado desde {number}: {subject}", f"Merged from {number}: {subject}"


def duplicate_of(number: str) -> Texts:
    return f"Duplicado de {number}", f"Duplicate of {number}"


def acknowledgment_sent(address: str) -> Texts:
    return f"Acuse de recibo enviado a {address}", f"Acknowledgment sent to {address}"
