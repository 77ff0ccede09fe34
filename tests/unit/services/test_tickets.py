"""Ticket services on SQLite and PostgreSQL: open, claim, log, reprioritise, resolve, conflicts."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.data.engine import Database
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind, TicketStatus
from app.services.directory import DirectoryService
from app.services.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from app.services.tickets import FirstAction, OpenTicketRequest, TicketService


@pytest.fixture
def svc(db: Database) -> TicketService:
    directory = DirectoryService(db)
    directory.add_technician("ana", "Ana Ríos")
    directory.add_technician("beto", "Beto Jaén")
    directory.add_technician("sup", "Sara Supervisora", role="supervisor")
    today = date.today()
    directory.add_client(
        "Cliente Vigente",
        contract_from=today - timedelta(days=30),
        contract_until=today + timedelta(days=300),
        key_user_email="Clave@Vigente.pa",
        key_user_name="Karla Clave",
    )
    directory.add_client(
        "Cliente Vencido",
        contract_from=today - timedelta(days=400),
        contract_until=today - timedelta(days=35),
        key_user_email="clave@vencido.pa",
    )
    return TicketService(db)


def _open(svc: TicketService, **kw: object) -> int:
    fields: dict[str, object] = {
        "channel": Channel.EMAIL,
        "priority": Priority.ALTO,
        "subject": "No imprime facturas",
        "requester_address": "clave@vigente.pa",
    }
    fields.update(kw)
    return svc.open(OpenTicketRequest(**fields), "ana").id  # type: ignore[arg-type]


def test_open_matches_contact_case_insensitively_and_computes_deadline(svc: TicketService) -> None:
    received = datetime(2026, 11, 27, 20, 0, tzinfo=UTC)  # Fri 15:00 Panamá
    ticket = svc.get(_open(svc, received_at=received, priority=Priority.MUY_ALTO))
    assert ticket.client is not None and ticket.client.name == "Cliente Vigente"
    assert ticket.contact is not None and ticket.contact.is_key_user
    assert not ticket.row.needs_review
    assert ticket.row.deadline == datetime(2026, 11, 27, 21, 0, tzinfo=UTC)
    assert ticket.row.status is TicketStatus.NEW


def test_client_without_contract_is_flagged_never_refused(svc: TicketService) -> None:
    ticket = svc.get(_open(svc, requester_address="clave@vencido.pa"))
    assert ticket.row.needs_review
    assert any("no tiene contrato" in r for r in ticket.review_reasons)


def test_unknown_requester_is_flagged(svc: TicketService) -> None:
    ticket = svc.get(_open(svc, requester_address="nadie@ejemplo.com"))
    assert ticket.row.needs_review
    assert ticket.client is None
    assert ticket.row.client_name == "(sin cliente)"


def test_claim_is_exclusive_and_names_the_holder(svc: TicketService) -> None:
    ticket_id = _open(svc)
    assert svc.claim(ticket_id, "ana").row.assignee_login == "ana"
    with pytest.raises(Conflict, match="Ana Ríos"):
        svc.claim(ticket_id, "beto")


def test_release_only_by_holder_or_supervisor(svc: TicketService) -> None:
    ticket_id = _open(svc)
    svc.claim(ticket_id, "ana")
    with pytest.raises(PermissionDenied):
        svc.release(ticket_id, "beto")
    released = svc.release(ticket_id, "sup")
    assert released.row.assignee_login is None
    assert released.row.status is TicketStatus.NEW


def test_take_next_picks_highest_priority_then_earliest_deadline(svc: TicketService) -> None:
    now = datetime.now(UTC)
    low = _open(svc, priority=Priority.BAJO, received_at=now - timedelta(hours=1))
    high_late = _open(
        svc,
        priority=Priority.MUY_ALTO,
        channel=Channel.CRITICAL_LINE,
        received_at=now - timedelta(minutes=5),
    )
    high_early = _open(
        svc,
        priority=Priority.MUY_ALTO,
        channel=Channel.CRITICAL_LINE,
        received_at=now - timedelta(minutes=30),
    )
    order = [svc.take_next("ana"), svc.take_next("beto"), svc.take_next("ana")]
    assert [t.id for t in order if t] == [high_early, high_late, low]
    assert svc.take_next("beto") is None


def test_first_contact_stops_clock_and_notes_do_not(svc: TicketService) -> None:
    ticket_id = _open(svc)
    svc.claim(ticket_id, "ana")
    after_note = svc.log_action(ticket_id, "ana", ActionKind.NOTE, "revisando registros")
    assert after_note.row.first_contact_at is None
    attempt = svc.log_action(ticket_id, "ana", ActionKind.CALL_ATTEMPT, "no contesta")
    assert attempt.row.first_contact_at is None
    done = svc.log_action(
        ticket_id,
        "ana",
        ActionKind.CALL_OUT,
        "hablé con Karla",
        is_contact=True,
        duration_minutes=10,
    )
    assert done.row.first_contact_at is not None
    assert done.row.status is TicketStatus.IN_PROGRESS
    again = svc.log_action(ticket_id, "ana", ActionKind.EMAIL_OUT, "resumen", is_contact=True)
    assert again.row.first_contact_at == done.row.first_contact_at


def test_log_action_with_same_uid_is_saved_once(svc: TicketService) -> None:
    ticket_id = _open(svc)
    for _ in range(3):
        svc.log_action(ticket_id, "ana", ActionKind.NOTE, "una vez", uid="desk-1-abc")
    detail = svc.get(ticket_id)
    assert [a.text for a in detail.actions].count("una vez") == 1


def test_contact_flag_refused_for_internal_note(svc: TicketService) -> None:
    ticket_id = _open(svc)
    with pytest.raises(InvalidInput):
        svc.log_action(ticket_id, "ana", ActionKind.NOTE, "x", is_contact=True)


def test_action_in_future_or_before_reception_refused(svc: TicketService) -> None:
    ticket_id = _open(svc, received_at=datetime.now(UTC) - timedelta(hours=2))
    with pytest.raises(InvalidInput):
        svc.log_action(
            ticket_id,
            "ana",
            ActionKind.NOTE,
            "x",
            occurred_at=datetime.now(UTC) + timedelta(hours=1),
        )
    with pytest.raises(InvalidInput):
        svc.log_action(
            ticket_id,
            "ana",
            ActionKind.NOTE,
            "x",
            occurred_at=datetime.now(UTC) - timedelta(days=1),
        )


def test_reprioritise_before_contact_recomputes_from_same_received_at(svc: TicketService) -> None:
    received = datetime(2026, 12, 2, 14, 0, tzinfo=UTC)  # Wed 09:00 Panamá
    ticket_id = _open(svc, received_at=received, priority=Priority.BAJO)
    before = svc.get(ticket_id)
    with pytest.raises(InvalidInput):
        svc.reprioritise(ticket_id, Priority.MUY_ALTO, "  ", "ana")
    after = svc.reprioritise(
        ticket_id, Priority.MUY_ALTO, "sistema caído", "ana", expected_version=before.version
    )
    assert after.row.priority is Priority.MUY_ALTO
    assert after.row.deadline == received + timedelta(hours=1)
    assert any(a.kind is ActionKind.REPRIORITISED for a in after.actions)


def test_reprioritise_after_contact_keeps_deadline(svc: TicketService) -> None:
    ticket_id = _open(svc, priority=Priority.MEDIO)
    contacted = svc.log_action(ticket_id, "ana", ActionKind.CALL_OUT, "ok", is_contact=True)
    after = svc.reprioritise(ticket_id, Priority.ALTO, "más usuarios afectados", "ana")
    assert after.row.deadline == contacted.row.deadline


def test_stale_edit_raises_conflict_naming_who_changed(svc: TicketService) -> None:
    ticket_id = _open(svc)
    seen = svc.get(ticket_id).version
    svc.claim(ticket_id, "beto")
    with pytest.raises(Conflict, match="Beto Jaén") as caught:
        svc.reprioritise(ticket_id, Priority.BAJO, "no es urgente", "ana", expected_version=seen)
    assert caught.value.changed_by == "beto"


def test_resolve_needs_solution_then_close_and_reopen(svc: TicketService) -> None:
    ticket_id = _open(svc)
    with pytest.raises(InvalidInput):
        svc.resolve(ticket_id, "", "ana")
    resolved = svc.resolve(ticket_id, "Se reinstaló el controlador", "ana")
    assert resolved.row.status is TicketStatus.RESOLVED and resolved.solution
    closed = svc.close(ticket_id, "ana")
    assert closed.row.status is TicketStatus.CLOSED
    with pytest.raises(InvalidInput):
        svc.reopen(ticket_id, "ana", "")
    reopened = svc.reopen(ticket_id, "ana", "el cliente reporta que volvió a fallar")
    assert reopened.row.status is TicketStatus.IN_PROGRESS and reopened.closed_at is None


def test_phone_ticket_logs_the_call_as_first_contact(svc: TicketService) -> None:
    detail = svc.open(
        OpenTicketRequest(
            channel=Channel.PHONE,
            priority=Priority.MUY_ALTO,
            subject="Sistema caído",
            requester_address="clave@vigente.pa",
            first_action=FirstAction(ActionKind.CALL_IN, "Llamó Karla", True, 5),
        ),
        "ana",
    )
    assert detail.row.first_contact_at is not None
    assert detail.row.assignee_login == "ana"


def test_open_with_same_uid_is_idempotent(svc: TicketService) -> None:
    first = _open(svc, uid="whatsapp-msg-77")
    second = _open(svc, uid="whatsapp-msg-77")
    assert first == second


def test_merge_copies_history_and_closes_duplicate(svc: TicketService) -> None:
    original = _open(svc)
    duplicate = _open(svc, subject="Mismo problema")
    svc.log_action(duplicate, "ana", ActionKind.NOTE, "nota del duplicado")
    merged = svc.merge(duplicate, original, "ana")
    assert any(a.text == "nota del duplicado" for a in merged.actions)
    dup = svc.get(duplicate)
    assert dup.merged_into == original and dup.row.status is TicketStatus.CLOSED


def test_search_finds_closed_tickets_by_number_client_and_text(svc: TicketService) -> None:
    ticket_id = _open(svc, subject="Impresora fiscal")
    svc.log_action(ticket_id, "ana", ActionKind.NOTE, "cambio de cinta Epson")
    svc.resolve(ticket_id, "listo", "ana")
    svc.close(ticket_id, "ana")
    assert [r.id for r in svc.search(f"IMR-{ticket_id}")] == [ticket_id]
    assert ticket_id in [r.id for r in svc.search("epson")]
    assert ticket_id in [r.id for r in svc.search("vigente")]
    assert ticket_id not in [r.id for r in svc.queue()]


def test_unknown_ticket_and_unknown_actor(svc: TicketService) -> None:
    with pytest.raises(NotFound):
        svc.get(999999)
    ticket_id = _open(svc)
    with pytest.raises(NotFound):
        svc.claim(ticket_id, "fantasma")


def test_queue_rows_carry_last_action(svc: TicketService) -> None:
    ticket_id = _open(svc)
    svc.log_action(ticket_id, "ana", ActionKind.DIAGNOSIS, "revisión")
    row = next(r for r in svc.queue() if r.id == ticket_id)
    assert row.last_action_kind is ActionKind.DIAGNOSIS
    assert row.last_action_at is not None and row.last_action_at.tzinfo is not None


def test_refusals_are_spanish_and_keep_their_template_and_params(svc: TicketService) -> None:
    ticket_id = _open(svc, priority=Priority.ALTO)
    number = svc.get(ticket_id).number
    svc.claim(ticket_id, "ana")
    with pytest.raises(Conflict) as taken:
        svc.claim(ticket_id, "beto")
    assert taken.value.message == f"El tiquete {number} ya lo tomó Ana Ríos."
    assert taken.value.template == "El tiquete {number} ya lo tomó {assignee}."
    assert taken.value.params == {"number": number, "assignee": "Ana Ríos"}
    with pytest.raises(InvalidInput) as note:
        svc.log_action(ticket_id, "ana", ActionKind.NOTE, "x", is_contact=True)
    assert note.value.message == "«Nota interna» no cuenta como contacto con el solicitante."
    assert note.value.params == {"kind": ActionKind.NOTE}
    with pytest.raises(InvalidInput) as naive:
        svc.log_action(ticket_id, "ana", ActionKind.NOTE, "x", occurred_at=datetime(2026, 1, 1))
    assert naive.value.message == "La fecha de la acción debe indicar la zona horaria."
    with pytest.raises(InvalidInput) as same:
        svc.reprioritise(ticket_id, Priority.ALTO, "igual", "ana")
    assert same.value.message == "El tiquete ya tiene prioridad Alto."
    with pytest.raises(InvalidInput) as status:
        svc.close(ticket_id, "ana")
    assert status.value.message == "No se puede pasar de «Asignado» a «Cerrado»."
