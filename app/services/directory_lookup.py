"""Small read helpers over the directory shared by the ticket services and intake."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.data.models import Client, Contact, ContactAddress, Contract, Technician
from app.domain.contacts import AddressKind, looks_like_email, try_normalise
from app.services.errors import NotFound
from app.services.snapshots import ClientView, ContactView, ContractView, TechnicianView


def technician_by_login(session: Session, login: str) -> Technician:
    tech = session.scalar(select(Technician).where(Technician.login == login.strip().lower()))
    if tech is None:
        raise NotFound("No existe el representante técnico «{login}».", params={"login": login})
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
        raise NotFound("No existe el cliente «{name}».", params={"name": name})
    return client


def contract_in_force(session: Session, client_id: int, day: date) -> Contract | None:
    """The contract covering ``day`` (the latest-ending one when renewals overlap)."""
    return session.scalar(
        select(Contract)
        .where(Contract.client_id == client_id, Contract.starts_on <= day, Contract.ends_on >= day)
        .order_by(Contract.ends_on.desc(), Contract.id.desc())
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
    """The active contact owning this email (any of theirs, case-insensitive) or number.

    Phone and WhatsApp numbers match in E.164 form, so "6093-0740", "+507 6093 0740" and
    "(507) 6093-0740" find the same person.
    """
    text = address.strip()
    if not text:
        return None
    active = Contact.active.is_(True)
    if looks_like_email(text):
        value = try_normalise(AddressKind.EMAIL, text) or text.lower()
        by_address = (
            select(Contact)
            .join(ContactAddress, ContactAddress.contact_id == Contact.id)
            .where(ContactAddress.kind == AddressKind.EMAIL.value, ContactAddress.value == value)
        )
        legacy = func.lower(Contact.email) == value
    else:
        value = try_normalise(AddressKind.PHONE, text) or text
        by_address = (
            select(Contact)
            .join(ContactAddress, ContactAddress.contact_id == Contact.id)
            .where(
                ContactAddress.kind.in_([AddressKind.PHONE.value, AddressKind.WHATSAPP.value]),
                ContactAddress.value == value,
            )
            .order_by(ContactAddress.kind)  # a phone entry before a WhatsApp one
        )
        legacy = (Contact.phone == value) | (Contact.whatsapp == value)
    found = session.scalar(by_address.where(active).limit(1))
    if found is None:
        found = session.scalar(select(Contact).where(legacy, active).order_by(Contact.id).limit(1))
    return found


class ContactRef(NamedTuple):
    """The columns of a contact that every role may read (no phone numbers)."""

    id: int
    client_id: int
    name: str
    email: str | None
    is_key_user: bool


class ClientRef(NamedTuple):
    id: int
    name: str


_CONTACT_REF = (Contact.id, Contact.client_id, Contact.name, Contact.email, Contact.is_key_user)


def find_contact_ref(session: Session, address: str) -> ContactRef | None:
    """Like find_contact for an email address, reading only column-granted fields.

    The mail-intake role may not read phone numbers nor whole contact rows; numbers are not
    looked up here.
    """
    text = address.strip()
    if not text or not looks_like_email(text):
        return None
    value = try_normalise(AddressKind.EMAIL, text) or text.lower()
    active = Contact.active.is_(True)
    row = session.execute(
        select(*_CONTACT_REF)
        .join(ContactAddress, ContactAddress.contact_id == Contact.id)
        .where(ContactAddress.kind == AddressKind.EMAIL.value, ContactAddress.value == value)
        .where(active)
        .limit(1)
    ).first()
    if row is None:
        row = session.execute(
            select(*_CONTACT_REF)
            .where(func.lower(Contact.email) == value, active)
            .order_by(Contact.id)
            .limit(1)
        ).first()
    return ContactRef(*row) if row is not None else None


def contact_ref(session: Session, contact_id: int) -> ContactRef | None:
    row = session.execute(select(*_CONTACT_REF).where(Contact.id == contact_id)).first()
    return ContactRef(*row) if row is not None else None


def client_ref(session: Session, client_id: int) -> ClientRef | None:
    row = session.execute(select(Client.id, Client.name).where(Client.id == client_id)).first()
    return ClientRef(*row) if row is not None else None


def has_contract_in_force(session: Session, client_id: int, day: date) -> bool:
    """Whether a contract covers ``day``, reading only its id."""
    return (
        session.scalar(
            select(Contract.id)
            .where(
                Contract.client_id == client_id, Contract.starts_on <= day, Contract.ends_on >= day
            )
            .limit(1)
        )
        is not None
    )
