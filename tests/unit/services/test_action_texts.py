"""The history entries the system writes: Spanish as before, English kept beside them."""

from __future__ import annotations

from app.data.engine import Database
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind, TicketStatus
from app.services import action_texts
from app.services.directory import DirectoryService
from app.services.tickets import OpenTicketRequest, TicketService


def test_spanish_wording_and_its_english() -> None:
    assert action_texts.opened(Channel.EMAIL) == (
        "Tiquete abierto por Correo electrónico",
        "Ticket opened via Email",
    )
    assert action_texts.taken("Ana Ríos") == ("Tomado por Ana Ríos", "Taken by Ana Ríos")
    assert action_texts.reprioritised(Priority.MEDIO, Priority.ALTO, "Sin facturar") == (
        "Prioridad Medio → Alto. Motivo: Sin facturar",
        "Priority Medium → High. Reason: Sin facturar",
    )
    assert action_texts.status_changed(TicketStatus.NEW, TicketStatus.IN_PROGRESS) == (
        "Nuevo → En proceso",
        "New → In progress",
    )
    assert action_texts.client_replied(TicketStatus.CLOSED) == (
        "Cerrado → En proceso. Reabierto: el cliente respondió por correo.",
        "Closed → In progress. Reopened: the client replied by email.",
    )
    assert action_texts.client_replied(TicketStatus.WAITING_CLIENT)[0] == (
        "En espera del cliente → En proceso. El cliente respondió por correo."
    )
    assert action_texts.duplicate_of("IMR-7") == ("Duplicado de IMR-7", "Duplicate of IMR-7")


def test_system_entries_carry_english_and_peoples_words_do_not(db: Database) -> None:
    directory = DirectoryService(db)
    directory.add_technician("ana", "Ana Ríos")
    directory.add_technician("sup", "Sara Supervisora", role="supervisor")
    tickets = TicketService(db)

    def new(subject: str) -> int:
        request = OpenTicketRequest(channel=Channel.PHONE, priority=Priority.MEDIO, subject=subject)
        return tickets.open(request, "ana").id

    first, second = new("No imprime"), new("No imprime (otra vez)")
    tickets.claim(first, "ana")
    tickets.log_action(first, "ana", ActionKind.NOTE, "Revisé la cola de impresión")
    tickets.reprioritise(first, Priority.ALTO, "Toda la sucursal", "sup")
    tickets.release(first, "ana")
    tickets.merge(second, first, "sup")
    entries = [(a.text, a.text_en) for a in tickets.get(first).actions]
    expected = [
        ("Tiquete abierto por Central telefónica", "Ticket opened via Phone"),
        ("Tomado por Ana Ríos", "Taken by Ana Ríos"),
        ("Revisé la cola de impresión", None),  # a technician's words: no second language
        (
            "Prioridad Medio → Alto. Motivo: Toda la sucursal",
            "Priority Medium → High. Reason: Toda la sucursal",
        ),
        ("Liberado por Ana Ríos", "Released by Ana Ríos"),
        (
            f"Fusionado desde IMR-{second}: No imprime (otra vez)",
            f"Merged from IMR-{second}: No imprime (otra vez)",
        ),
    ]
    # (the merged ticket's history is shown too: its own opening entry repeats the first)
    assert list(dict.fromkeys(e for e in entries if e in expected)) == expected
    duplicate = [(a.text, a.text_en) for a in tickets.get(second).actions][-1]
    assert duplicate == (f"Duplicado de IMR-{first}", f"Duplicate of IMR-{first}")
