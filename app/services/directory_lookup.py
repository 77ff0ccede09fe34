"""Small read helpers over the directory shared by the ticket services and intake."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.data.models import Client, Contact, Contract, Technician
from app.services.errors import NotFound
from app.services.snapshots import ClientView, ContactView, ContractView, TechnicianView


def technician_by_login(session: Session, login: str) -> Technician:
    tech = session.scalar(select(Technician).where(Technician.login == login.strip().lower()))
    if tech is None:
        raise NotFound(f"No existe el representante técnico «{login}».")
    return tech


def technician_view(tech: Technician) -> TechnicianView:
    return TechnicianView(
        id=tech.id,
        login=tech.login,
        name=tech.name,
        role=tech.role,
        active=tech.active,
        on_shift=tech.on_shift,
        email=tech.email,
    )


def client_by_name(session: Session, name: str) -> Client:
    client = session.scalar(select(Client).where(func.lower(Client.name) == name.strip().lower()))
    if client is None:
        raise NotFound(f"No existe el cliente «{name}».")
    return client


def contract_in_force(session: Session, client_id: int, day: date) -> Contract | None:
    return session.scalar(
        select(Contract)
        .where(Contract.client_id == client_id, Contract.starts_on <= day, Contract.ends_on >= day)
        .order_by(Contract.ends_on.desc())
        .limit(1)
    )


def contract_view(contract: Contract) -> ContractView:
    return ContractView(
        id=contract.id,
        number=contract.number,
        starts_on=contract.starts_on,
        ends_on=contract.ends_on,
        critical_line_24x7=contract.critical_line_24x7,
        products=tuple(p.name for p in contract.products),
        coverage_notes=contract.coverage_notes,
    )


def contact_view(contact: Contact) -> ContactView:
    return ContactView(
        id=contact.id,
        client_id=contact.client_id,
        name=contact.name,
        email=contact.email,
        phone=contact.phone,
        whatsapp=contact.whatsapp,
        is_key_user=contact.is_key_user,
        active=contact.active,
    )


def client_view(session: Session, client: Client, day: date, *, full: bool = True) -> ClientView:
    in_force = contract_in_force(session, client.id, day)
    return ClientView(
        id=client.id,
        name=client.name,
        tax_id=client.tax_id,
        notes=client.notes,
        active=client.active,
        contract_in_force=contract_view(in_force) if in_force else None,
        contracts=tuple(contract_view(c) for c in client.contracts) if full else (),
        contacts=tuple(contact_view(c) for c in client.contacts) if full else (),
    )


def find_contact(session: Session, address: str) -> Contact | None:
    """Match an email (case-insensitive) or a phone/WhatsApp number already normalised."""
    text = address.strip()
    if not text:
        return None
    if "@" in text:
        cond = func.lower(Contact.email) == text.lower()
    else:
        cond = (Contact.phone == text) | (Contact.whatsapp == text)
    return session.scalar(select(Contact).where(cond, Contact.active.is_(True)).limit(1))
