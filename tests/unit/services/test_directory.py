"""Directory services on SQLite and PostgreSQL: contracts, contacts, key users, audit."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.data.engine import Database
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.services.directory import DirectoryService
from app.services.directory_lookup import find_contact
from app.services.errors import Conflict, InvalidInput, PermissionDenied
from app.services.tickets import OpenTicketRequest, TicketService
from app.services.uow import unit_of_work

TODAY = date.today()


@pytest.fixture
def directory(db: Database) -> DirectoryService:
    service = DirectoryService(db)
    service.add_technician("sup", "Sara Supervisora", role="supervisor")
    service.add_technician("ana", "Ana Ríos")
    return service


def _client(directory: DirectoryService, name: str = "Cervecería Istmo") -> int:
    return directory.add_client(
        name,
        contract_from=TODAY - timedelta(days=300),
        contract_until=TODAY + timedelta(days=10),
        key_user_email="Clave@Istmo.pa",
        key_user_name="Karla Clave",
        tax_id="155-1-2345",
    ).id


def test_find_contact_matches_any_email_and_any_phone_format(
    db: Database, directory: DirectoryService
) -> None:
    client_id = _client(directory)
    contact_id = directory.add_contact(
        client_id,
        "Luis Soporte",
        emails=["luis@istmo.pa", "Luis.Soporte@Gmail.com"],
        phones=["223-4567"],
        whatsapps=["6093-0740"],
        actor="sup",
    )
    with unit_of_work(db) as session:
        for typed in (
            "LUIS.SOPORTE@gmail.com",
            " luis@ISTMO.pa",
            "+507 6093 0740",
            "(507) 6093-0740",
            "60930740",
            "+507 223 4567",
        ):
            found = find_contact(session, typed)
            assert found is not None and found.id == contact_id, typed
        assert find_contact(session, "nadie@istmo.pa") is None
    detail = directory.contact(contact_id)
    assert detail.emails == ("luis@istmo.pa", "luis.soporte@gmail.com")
    assert detail.whatsapps == ("+50760930740",)


def test_an_address_belongs_to_one_contact(directory: DirectoryService) -> None:
    client_id = _client(directory)
    directory.add_contact(client_id, "Uno", whatsapps=["6093-0740"], actor="sup")
    with pytest.raises(Conflict, match="ya pertenece a Uno"):
        directory.add_contact(client_id, "Dos", whatsapps=["+507 6093-0740"], actor="sup")
    with pytest.raises(InvalidInput, match="Correo electrónico inválido"):
        directory.add_contact(client_id, "Tres", emails=["tres@"], actor="sup")


def test_technicians_read_but_cannot_edit(directory: DirectoryService) -> None:
    client_id = _client(directory)
    with pytest.raises(PermissionDenied):
        directory.update_client(client_id, actor="ana", notes="x")
    with pytest.raises(PermissionDenied):
        directory.add_product("ERP", "ERP", actor="ana")
    assert not directory.can_edit("ana") and directory.can_edit("sup")
    assert directory.clients()[0].id == client_id


def test_contract_edit_changes_ticket_contract_state_and_is_audited(
    db: Database, directory: DirectoryService
) -> None:
    client_id = _client(directory)
    tickets = TicketService(db)
    ticket = tickets.open(
        OpenTicketRequest(
            channel=Channel.EMAIL,
            priority=Priority.ALTO,
            subject="Caído",
            requester_address="clave@istmo.pa",
        ),
        "ana",
    )
    assert ticket.contract is not None
    contract = directory.contracts(client_id)[0]
    directory.update_contract(contract.id, actor="sup", ends_on=TODAY - timedelta(days=1))
    after = tickets.get(ticket.id)
    assert after.contract is None
    assert after.client is not None and after.client.contract_label == "Sin contrato vigente"
    trail = directory.audit_trail("contract", contract.id)
    assert [t.action for t in trail] == ["create", "update"]
    assert trail[-1].actor == "sup"
    assert trail[-1].before == {"ends_on": contract.ends_on.isoformat()}
    assert trail[-1].after == {"ends_on": (TODAY - timedelta(days=1)).isoformat()}


def test_renewal_is_a_new_record_and_history_stays_true(directory: DirectoryService) -> None:
    client_id = _client(directory)
    erp = directory.add_product("erp", "ERP Financiero", actor="sup")
    old = directory.contracts(client_id)[0]
    directory.update_contract(
        old.id,
        actor="sup",
        product_ids=[erp.id],
        coverage_notes="Solo módulo contable",
        critical_line_24x7=False,
    )
    assert [e.number for e in directory.expiring_contracts()] == [old.number]
    new = directory.renew_contract(
        old.id, actor="sup", ends_on=TODAY + timedelta(days=400), number="CM-2027-01"
    )
    assert new.starts_on == old.ends_on + timedelta(days=1)
    assert new.product_codes == ("ERP",) and not new.critical_line_24x7
    assert new.coverage_notes == "Solo módulo contable"
    contracts = directory.contracts(client_id)
    assert {c.number for c in contracts} == {old.number, "CM-2027-01"}
    assert directory.client(client_id, on=old.ends_on).contract_in_force.number == old.number  # type: ignore[union-attr]
    assert directory.client(client_id, on=new.starts_on).contract_in_force.number == "CM-2027-01"  # type: ignore[union-attr]
    assert directory.expiring_contracts() == []  # renewed: no longer a worry
    with pytest.raises(InvalidInput, match="anterior a su inicio"):
        directory.update_contract(new.id, actor="sup", ends_on=new.starts_on - timedelta(days=1))


def test_key_user_rule_and_list(directory: DirectoryService) -> None:
    client_id = _client(directory)
    key = next(c for c in directory.contacts(client_id) if c.is_key_user)
    with pytest.raises(InvalidInput, match="único usuario clave"):
        directory.update_contact(key.id, actor="sup", is_key_user=False)
    other = directory.add_client(
        "Sin Clave S.A.", contract_from=TODAY, contract_until=TODAY + timedelta(days=90)
    )
    missing = directory.clients_without_key_user()
    assert [m.client_name for m in missing] == ["Sin Clave S.A."]
    directory.add_contact(
        other.id, "Pedro Líder", emails=["pedro@sinclave.pa"], is_key_user=True, actor="sup"
    )
    assert directory.clients_without_key_user() == []
    second = directory.add_contact(client_id, "Segunda Clave", is_key_user=True, actor="sup")
    directory.update_contact(key.id, actor="sup", is_key_user=False)
    assert directory.contact(second).is_key_user


def test_deactivation_keeps_history(db: Database, directory: DirectoryService) -> None:
    client_id = _client(directory)
    tickets = TicketService(db)
    ticket = tickets.open(
        OpenTicketRequest(
            channel=Channel.PHONE,
            priority=Priority.BAJO,
            subject="Consulta",
            client_id=client_id,
            received_at=datetime.now(UTC) - timedelta(minutes=5),
        ),
        "ana",
    )
    directory.update_client(client_id, actor="sup", active=False)
    directory.update_technician("ana", actor="sup", active=False)
    assert tickets.get(ticket.id).client is not None
    techs = {t.login: t for t in directory.technicians(include_inactive=True)}
    assert not techs["ana"].active and not techs["ana"].on_shift
    assert "ana" not in {t.login for t in directory.technicians()}
    assert not directory.client(client_id).active
    with pytest.raises(InvalidInput, match="su propio usuario"):
        directory.update_technician("sup", actor="sup", active=False)
    assert [a.action for a in directory.audit_trail("client", client_id)] == ["create", "update"]


def test_refusals_name_the_address_kind_and_the_empty_field(directory: DirectoryService) -> None:
    client_id = _client(directory)
    directory.add_contact(
        client_id,
        "Uno",
        emails=["uno@istmo.pa"],
        phones=["223-4567"],
        whatsapps=["6093-0740"],
        actor="sup",
    )
    cases = [
        ({"emails": ["UNO@istmo.pa"]}, "El correo electrónico «uno@istmo.pa»"),
        ({"phones": ["+507 223 4567"]}, "El teléfono «+5072234567»"),
        ({"whatsapps": ["6093 0740"]}, "El WhatsApp «+50760930740»"),
    ]
    for addresses, start in cases:
        with pytest.raises(Conflict) as caught:
            directory.add_contact(client_id, "Dos", actor="sup", **addresses)  # type: ignore[arg-type]
        assert caught.value.message == f"{start} ya pertenece a Uno (Cervecería Istmo)."
        assert caught.value.params["contact"] == "Uno"
    with pytest.raises(InvalidInput) as empty:
        directory.add_product("  ", "ERP", actor="sup")
    assert empty.value.message == "El código del producto no puede estar vacío."
    with pytest.raises(Conflict) as duplicate:
        directory.add_client("Cervecería Istmo", actor="sup")
    assert duplicate.value.message == "Ya existe el cliente «Cervecería Istmo»."
    assert duplicate.value.params == {"name": "Cervecería Istmo"}
