"""The audit trail for supervisors on SQLite and PostgreSQL: filters, order, pages, names,
the before → after of each entry, CSV; technicians are refused."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.data.engine import Database
from app.data.models import AuditEntry
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.services.audit_trail import AuditQuery, AuditRow, AuditTrailService
from app.services.directory import DirectoryService
from app.services.errors import InvalidInput, NotFound, PermissionDenied
from app.services.sla_admin import SlaAdminService
from app.services.sla_settings import PolicyCache
from app.services.tickets import OpenTicketRequest, TicketService
from app.services.uow import unit_of_work

PANAMA = ZoneInfo("America/Panama")
SHORT_FRIDAY = [[["08:00", "17:00"]]] * 4 + [[["08:00", "12:00"]], [], []]


@dataclass
class Trail:
    service: AuditTrailService
    client_id: int
    contract_id: int
    ticket_id: int
    today: date  # the Panama date the entries were written on


@pytest.fixture
def trail(db: Database) -> Trail:
    """A short working day: a supervisor and an administrator edit the directory and the SLA
    settings, a technician opens a ticket that the supervisor reprioritises."""
    today = datetime.now(UTC).astimezone(PANAMA).date()
    directory = DirectoryService(db)
    directory.add_technician("sup", "Sara Supervisora", role="supervisor")
    directory.add_technician("jefa", "Julia Administradora", role="admin")
    directory.add_technician("ana", "Ana Ríos")
    client = directory.add_client(
        "Farmacias El Canal",
        contract_from=today - timedelta(days=100),
        contract_until=today + timedelta(days=200),
        key_user_email="clave@elcanal.com.pa",
        key_user_name="Karla Clave",
        actor="sup",
    )
    contract = directory.contracts(client.id)[0]
    directory.update_client(client.id, actor="sup", notes="Pagos por ACH", tax_id="8-123-456")
    directory.update_contract(
        contract.id, actor="jefa", ends_on=today + timedelta(days=565), critical_line_24x7=False
    )
    product = directory.add_product("POS", "Punto de Venta", actor="jefa")
    directory.update_product(product.id, actor="jefa", active=False)
    admin = SlaAdminService(db, PolicyCache(db))
    admin.set_weekly_hours("office", SHORT_FRIDAY, "sup")
    admin.add_closure("office", date(2026, 12, 24), "Nochebuena", "sup")
    admin.set_assignment(Priority.BAJO, Channel.WHATSAPP, "24x7", "jefa")
    admin.set_at_risk_fraction(0.3, "jefa")
    tickets = TicketService(db, PolicyCache(db))
    request = OpenTicketRequest(
        channel=Channel.PHONE,
        priority=Priority.MEDIO,
        subject="No imprime facturas",
        requester_address="clave@elcanal.com.pa",
    )
    ticket = tickets.open(request, "ana")
    tickets.reprioritise(ticket.id, Priority.ALTO, "Toda la sucursal sin facturar", "sup")
    return Trail(AuditTrailService(db), client.id, contract.id, ticket.id, today)


def _summary(rows: tuple[AuditRow, ...]) -> list[tuple[str, str, str]]:
    return [(r.entity, r.action, r.actor) for r in rows]


def test_technicians_and_unknown_people_are_refused(trail: Trail) -> None:
    with pytest.raises(PermissionDenied):
        trail.service.search("ana")
    with pytest.raises(PermissionDenied):
        trail.service.actors("ana")
    with pytest.raises(PermissionDenied):
        trail.service.export_csv("ana")
    with pytest.raises(NotFound):
        trail.service.search("nadie")


def test_a_deactivated_supervisor_is_refused(trail: Trail) -> None:
    DirectoryService(trail.service.db).update_technician("sup", actor="jefa", active=False)
    with pytest.raises(PermissionDenied):
        trail.service.search("sup")
    assert trail.service.search("jefa").rows


def test_newest_first_with_names_of_people_and_records(trail: Trail) -> None:
    rows = trail.service.search("sup").rows
    assert _summary(rows)[:6] == [
        ("ticket", "reprioritise", "sup"),
        ("app_setting", "set", "jefa"),
        ("sla_assignment", "set_calendar", "jefa"),
        ("calendar", "add_closure", "sup"),
        ("calendar", "set_weekly", "sup"),
        ("product", "update", "jefa"),
    ]
    assert [r.id for r in rows] == sorted((r.id for r in rows), reverse=True)
    assert [r.at for r in rows] == sorted((r.at for r in rows), reverse=True)
    by_action = {(r.entity, r.action): r for r in rows}
    ticket = by_action[("ticket", "reprioritise")]
    assert ticket.record == f"IMR-{trail.ticket_id}"
    assert ticket.reason == "Toda la sucursal sin facturar"
    assert ticket.actor_name == "Sara Supervisora"
    assert ticket.action_label == "Cambió la prioridad"
    assert by_action[("client", "update")].record == "Farmacias El Canal"
    assert by_action[("client", "update")].kind_label == "Cliente"
    assert by_action[("contract", "update")].record.endswith(" · Farmacias El Canal")
    assert by_action[("contact", "create")].record == "Karla Clave · Farmacias El Canal"
    assert by_action[("product", "update")].record == "Punto de Venta (POS)"
    assert by_action[("product", "update")].action_label == "Desactivó el registro"
    assert by_action[("calendar", "set_weekly")].action_label == "Cambió el horario semanal"
    assert by_action[("calendar", "set_weekly")].record == "Horario de oficina"
    assert by_action[("sla_assignment", "set_calendar")].record == "Bajo · WhatsApp"
    assert by_action[("app_setting", "set")].record == "Umbral de riesgo"
    technicians = [r for r in rows if r.entity == "technician"]
    assert {r.actor_name for r in technicians} == {"Sistema"}
    assert [r.record for r in technicians] == [
        "Ana Ríos (ana)",
        "Julia Administradora (jefa)",
        "Sara Supervisora (sup)",
    ]


def test_kind_filter_separates_settings_from_each_directory_kind(trail: Trail) -> None:
    service = trail.service
    sla = service.search("sup", AuditQuery(kind="sla")).rows
    assert {r.entity for r in sla} == {"calendar", "sla_assignment", "app_setting"}
    assert len(sla) == 4
    clients = service.search("sup", AuditQuery(kind="client")).rows
    assert [r.action for r in clients] == ["update", "create"]
    assert {r.entity for r in service.search("sup", AuditQuery(kind="contract")).rows} == {
        "contract"
    }
    technicians = service.search("sup", AuditQuery(kind="technician")).rows
    assert [r.entity_id for r in technicians] == sorted(
        (r.entity_id for r in technicians), key=int, reverse=True
    )
    assert len(technicians) == 3
    with pytest.raises(InvalidInput):
        service.search("sup", AuditQuery(kind="tickets"))


def test_actor_filter_and_the_list_of_actors(trail: Trail) -> None:
    service = trail.service
    jefa = service.search("sup", AuditQuery(actor="jefa")).rows
    assert {r.actor for r in jefa} == {"jefa"}
    assert _summary(jefa) == [
        ("app_setting", "set", "jefa"),
        ("sla_assignment", "set_calendar", "jefa"),
        ("product", "update", "jefa"),
        ("product", "create", "jefa"),
        ("contract", "update", "jefa"),
    ]
    both = service.search("sup", AuditQuery(actor="sup", kind="sla")).rows
    assert [r.action for r in both] == ["add_closure", "set_weekly"]
    actors = service.actors("jefa")
    assert [(a.login, a.name) for a in actors] == [
        ("jefa", "Julia Administradora"),
        ("sup", "Sara Supervisora"),
        ("system", "Sistema"),
    ]


def test_text_matches_names_actions_reasons_and_ticket_numbers(trail: Trail) -> None:
    service = trail.service

    def found(text: str) -> list[tuple[str, str, str]]:
        return _summary(service.search("sup", AuditQuery(text=text)).rows)

    assert found("farmacias") == [("client", "update", "sup"), ("client", "create", "sup")]
    assert found("Horario semanal") == [("calendar", "set_weekly", "sup")]
    assert found("dia de cierre") == [("calendar", "add_closure", "sup")]  # accents ignored
    assert found("SUCURSAL") == [("ticket", "reprioritise", "sup")]
    assert found(f"IMR-{trail.ticket_id}") == [("ticket", "reprioritise", "sup")]
    assert found("at_risk") == [("app_setting", "set", "jefa")]
    assert ("product", "update", "jefa") in found("desactivó")
    assert found("Karla") == [("contact", "create", "sup")]
    assert found("%") == []  # LIKE wildcards are plain text
    combined = service.search("sup", AuditQuery(text="oficina", actor="jefa")).rows
    assert combined == ()


def test_text_ignores_case_and_accents_on_both_engines(trail: Trail, db: Database) -> None:
    """SQLite's lower() only knows ASCII: accented capitals must still match, and people type
    Spanish names without their accents."""
    directory = DirectoryService(db)
    client = directory.add_client("Óptica Ñandú", actor="sup")
    directory.update_client(client.id, actor="sup", notes="Razón social nueva")
    expected = [("client", "update", "sup"), ("client", "create", "sup")]
    for text in ("Óptica", "óptica", "ÓPTICA", "optica", "Ñandú", "nandu", "ÑANDU"):
        rows = trail.service.search("sup", AuditQuery(text=text)).rows
        assert _summary(rows) == expected, text
    reasons = trail.service.search("sup", AuditQuery(text="TODA LA SUCURSAL")).rows
    assert _summary(reasons) == [("ticket", "reprioritise", "sup")]


def test_days_are_panama_days_both_included(trail: Trail) -> None:
    service, day, one = trail.service, trail.today, timedelta(days=1)
    everything = service.search("sup").rows
    assert service.search("sup", AuditQuery(first_day=day, last_day=day)).rows == everything
    assert service.search("sup", AuditQuery(last_day=day - one)).rows == ()
    assert service.search("sup", AuditQuery(first_day=day + one)).rows == ()
    with pytest.raises(InvalidInput):
        service.search("sup", AuditQuery(first_day=day, last_day=day - one))


def test_a_late_evening_change_belongs_to_its_panama_day(db: Database) -> None:
    """22:30 in Panama is already the next day in UTC; the filter goes by Panama's day."""
    DirectoryService(db).add_technician("sup", "Sara Supervisora", role="supervisor")
    evening = datetime(2026, 3, 9, 22, 30, tzinfo=PANAMA)
    with unit_of_work(db) as session:
        for at, reason in ((evening, "tarde"), (evening + timedelta(hours=2), "madrugada")):
            session.add(
                AuditEntry(
                    at=at.astimezone(UTC),
                    actor="sup",
                    entity="client",
                    entity_id="1",
                    action="update",
                    before={"notes": ""},
                    after={"notes": reason},
                )
            )
        session.commit()
    service = AuditTrailService(db)
    monday = service.search(
        "sup", AuditQuery(first_day=date(2026, 3, 9), last_day=date(2026, 3, 9))
    )
    assert [r.after for r in monday.rows] == [{"notes": "tarde"}]
    tuesday = service.search("sup", AuditQuery(first_day=date(2026, 3, 10), kind="client"))
    assert [r.after for r in tuesday.rows] == [{"notes": "madrugada"}]


def test_pages_go_back_in_time_without_gaps_or_repeats(trail: Trail) -> None:
    service = trail.service
    everything = service.search("sup", AuditQuery(limit=None))
    assert not everything.more and len(everything.rows) > 10
    seen: list[AuditRow] = []
    before: int | None = None
    while True:
        page = service.search("sup", AuditQuery(limit=4), before_id=before)
        assert len(page.rows) <= 4
        seen.extend(page.rows)
        if not page.more:
            break
        before = page.rows[-1].id
    assert seen == list(everything.rows)
    exact = service.search("sup", AuditQuery(limit=len(everything.rows)))
    assert not exact.more


def test_each_entry_shows_only_the_fields_that_changed(trail: Trail) -> None:
    rows = {(r.entity, r.action): r for r in trail.service.search("sup").rows}
    client = rows[("client", "update")].changes()
    assert [(c.label, c.before, c.after) for c in client] == [
        ("RUC", "—", "8-123-456"),
        ("Notas", "—", "Pagos por ACH"),
    ]
    contract = rows[("contract", "update")].changes()
    assert [c.key for c in contract] == ["ends_on", "critical_line_24x7"]
    assert contract[0].after == f"{trail.today + timedelta(days=565):%d/%m/%Y}"
    assert (contract[1].before, contract[1].after) == ("Sí", "No")
    weekly = rows[("calendar", "set_weekly")].changes()
    assert [(c.label, c.before, c.after) for c in weekly] == [
        ("Viernes", "08:00–17:00", "08:00–12:00"),
    ]
    closure = rows[("calendar", "add_closure")].changes()
    assert [(c.label, c.before, c.after) for c in closure] == [
        ("Día", None, "24/12/2026"),
        ("Motivo", None, "Nochebuena"),
    ]
    fraction = rows[("app_setting", "set")].changes()
    assert [(c.label, c.before, c.after) for c in fraction] == [("Valor", "25 %", "30 %")]
    priority = rows[("ticket", "reprioritise")].changes()
    assert (priority[0].label, priority[0].before, priority[0].after) == (
        "Prioridad",
        "Medio",
        "Alto",
    )
    assignment = rows[("sla_assignment", "set_calendar")].changes()
    assert [(c.label, c.before, c.after) for c in assignment] == [
        ("Calendario", "Horario de oficina", "24×7"),
    ]
    created = rows[("contact", "create")].changes()
    assert "client_id" not in {c.key for c in created}
    assert all(c.before is None for c in created)


def test_csv_export_has_every_match_whatever_the_page_size(trail: Trail) -> None:
    service = trail.service
    text = service.export_csv("sup", AuditQuery(kind="sla", limit=1))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["Fecha y hora (Panamá)", "Usuario", "Nombre"]
    assert len(rows) == 1 + 4
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Acción"] == "Cambió el valor"
    assert first["Registro"] == "Umbral de riesgo"
    assert first["Cambios"] == "Valor: 25 % → 30 %"
    assert first["Nombre"] == "Julia Administradora"
    assert first["Fecha y hora (Panamá)"].startswith(f"{trail.today:%Y-%m-%d} ")


def test_csv_cells_never_open_as_formulas(trail: Trail, db: Database) -> None:
    tickets = TicketService(db, PolicyCache(db))
    tickets.reprioritise(trail.ticket_id, Priority.MUY_ALTO, '=HYPERLINK("http://x")', "sup")
    rows = list(csv.reader(io.StringIO(trail.service.export_csv("sup").lstrip("\ufeff"))))
    reasons = [row[7] for row in rows[1:] if row[7]]
    assert '\'=HYPERLINK("http://x")' in reasons
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_repaired_text_entries_are_named_and_filed_under_their_kind(
    trail: Trail, db: Database
) -> None:
    """A NUL character typed into a note is replaced when saved, and audited by the system
    against the ticket_action table: the log names it and files it under tickets."""
    from app.domain.tickets import ActionKind

    TicketService(db, PolicyCache(db)).log_action(
        trail.ticket_id, "ana", ActionKind.NOTE, "Pegado de un visor\x00binario"
    )
    rows = trail.service.search("sup", AuditQuery(kind="ticket", actor="system")).rows
    assert [(r.entity, r.action) for r in rows] == [("ticket_action", "nul_replaced")]
    assert rows[0].kind_label == "Acción de tiquete"
    assert rows[0].action_label == "Reemplazó caracteres no válidos"
