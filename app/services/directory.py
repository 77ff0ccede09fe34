"""Directory use cases: technicians, clients with contracts and key users, products.

Every change is audited (who, when, before, after); nothing is ever deleted: clients,
contacts, products and technicians are deactivated and keep their history.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from app.data.engine import Database
from app.data.models import (
    Client,
    Contact,
    ContactAddress,
    Contract,
    Product,
    Technician,
    Ticket,
)
from app.domain.contacts import AddressKind, InvalidAddress, normalise_all
from app.domain.tickets import OPEN_STATUSES
from app.services.audit import AuditView, trail
from app.services.audit import record_changes as _audit
from app.services.directory_lookup import client_view, technician_view
from app.services.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from app.services.snapshots import ClientView, TechnicianView
from app.services.uow import unit_of_work

ROLES = ("technician", "supervisor", "admin", "intake")
EDITOR_ROLES = ("supervisor", "admin")
ROLE_LABELS = {
    "technician": "Representante técnico",
    "supervisor": "Supervisor",
    "admin": "Administrador",
    "intake": "Cuenta de ingreso de correo",
}
SYSTEM_ACTOR = "system"  # scripted set-up (CLI, demo data): not a person at a desk
EXPIRY_WINDOW_DAYS = 30


# ----------------------------------------------------------------- snapshots
@dataclass(frozen=True, slots=True)
class ProductView:
    id: int
    code: str
    name: str
    active: bool


@dataclass(frozen=True, slots=True)
class ContractDetail:
    id: int
    client_id: int
    client_name: str
    number: str
    starts_on: date
    ends_on: date
    critical_line_24x7: bool
    coverage_notes: str
    product_ids: tuple[int, ...]
    product_codes: tuple[str, ...]
    product_names: tuple[str, ...]

    def in_force_on(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on

    def state_label(self, day: date) -> str:
        if day < self.starts_on:
            return f"Inicia el {self.starts_on:%d/%m/%Y}"
        if day > self.ends_on:
            return "Vencido"
        left = (self.ends_on - day).days
        if left <= EXPIRY_WINDOW_DAYS:
            return "Vigente — vence hoy" if left == 0 else f"Vigente — vence en {left} días"
        return "Vigente"


@dataclass(frozen=True, slots=True)
class ContactDetail:
    id: int
    client_id: int
    client_name: str
    name: str
    emails: tuple[str, ...]
    phones: tuple[str, ...]
    whatsapps: tuple[str, ...]
    is_key_user: bool
    active: bool


@dataclass(frozen=True, slots=True)
class ExpiringContract:
    contract_id: int
    client_id: int
    client_name: str
    number: str
    ends_on: date
    days_left: int


@dataclass(frozen=True, slots=True)
class ClientWithoutKeyUser:
    client_id: int
    client_name: str
    contract_number: str
    contract_ends_on: date


def _insert_audited(
    session: Session,
    who: str,
    obj: Any,
    entity: str,
    state_of: Callable[[Any], dict[str, Any]],
    duplicate: Conflict,
) -> None:
    """Insert a new directory record and audit its creation; a duplicate key is a Conflict."""
    session.add(obj)
    try:
        session.flush()
    except IntegrityError as error:
        raise duplicate from error
    _audit(session, who, entity, obj.id, "create", None, state_of(obj))


@contextmanager
def _audited_update(
    session: Session, who: str, obj: Any, entity: str, state_of: Callable[[Any], dict[str, Any]]
) -> Iterator[None]:
    """Audit what the body changes on an existing directory record as one "update" entry."""
    before = state_of(obj)
    yield
    _audit(session, who, entity, obj.id, "update", before, state_of(obj))


def _client_state(c: Client) -> dict[str, Any]:
    return {"name": c.name, "tax_id": c.tax_id, "notes": c.notes, "active": c.active}


def _contract_state(c: Contract) -> dict[str, Any]:
    return {
        "client_id": c.client_id,
        "number": c.number,
        "starts_on": c.starts_on,
        "ends_on": c.ends_on,
        "critical_line_24x7": c.critical_line_24x7,
        "coverage_notes": c.coverage_notes,
        "products": sorted(p.code for p in c.products),
    }


def _product_state(p: Product) -> dict[str, Any]:
    return {"code": p.code, "name": p.name, "active": p.active}


def _tech_state(t: Technician) -> dict[str, Any]:
    return {
        "login": t.login,
        "name": t.name,
        "email": t.email,
        "role": t.role,
        "active": t.active,
        "on_shift": t.on_shift,
    }


def _addresses(session: Session, contact_id: int) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {k.value: [] for k in AddressKind}
    rows = session.scalars(
        select(ContactAddress)
        .where(ContactAddress.contact_id == contact_id)
        .order_by(ContactAddress.kind, ContactAddress.position, ContactAddress.id)
    )
    for row in rows:
        found[row.kind].append(row.value)
    return found


def _contact_state(session: Session, c: Contact) -> dict[str, Any]:
    addresses = _addresses(session, c.id)
    return {
        "client_id": c.client_id,
        "name": c.name,
        "emails": addresses["email"],
        "phones": addresses["phone"],
        "whatsapps": addresses["whatsapp"],
        "is_key_user": c.is_key_user,
        "active": c.active,
    }


def contract_detail(contract: Contract) -> ContractDetail:
    products = sorted(contract.products, key=lambda p: p.name.lower())
    return ContractDetail(
        id=contract.id,
        client_id=contract.client_id,
        client_name=contract.client.name,
        number=contract.number,
        starts_on=contract.starts_on,
        ends_on=contract.ends_on,
        critical_line_24x7=contract.critical_line_24x7,
        coverage_notes=contract.coverage_notes,
        product_ids=tuple(p.id for p in products),
        product_codes=tuple(p.code for p in products),
        product_names=tuple(p.name for p in products),
    )


def contact_detail(session: Session, contact: Contact) -> ContactDetail:
    addresses = _addresses(session, contact.id)

    def merged(kind: str, legacy: str | None) -> tuple[str, ...]:
        values = list(addresses[kind])
        if legacy and legacy not in values:  # contacts written before addresses existed
            values.insert(0, legacy)
        return tuple(values)

    return ContactDetail(
        id=contact.id,
        client_id=contact.client_id,
        client_name=contact.client.name,
        name=contact.name,
        emails=merged("email", contact.email),
        phones=merged("phone", contact.phone),
        whatsapps=merged("whatsapp", contact.whatsapp),
        is_key_user=contact.is_key_user,
        active=contact.active,
    )


def _clean_name(text: str, empty: InvalidInput) -> str:
    name = " ".join((text or "").split())
    if not name:
        raise empty
    return name


def _address_taken(kind: AddressKind, address: str, owner: str, client: str) -> Conflict:
    """An address of another contact; one sentence per kind, as each kind reads differently."""
    params = {"address": address, "contact": owner, "client": client}
    if kind is AddressKind.EMAIL:
        return Conflict(
            "El correo electrónico «{address}» ya pertenece a {contact} ({client}).", params=params
        )
    if kind is AddressKind.PHONE:
        return Conflict(
            "El teléfono «{address}» ya pertenece a {contact} ({client}).", params=params
        )
    return Conflict("El WhatsApp «{address}» ya pertenece a {contact} ({client}).", params=params)


def _normalised(kind: AddressKind, values: Sequence[str]) -> list[str]:
    try:
        return normalise_all(kind, values)
    except InvalidAddress as error:
        raise address_error(error) from error


def address_error(error: InvalidAddress) -> InvalidInput:
    """The domain's Spanish sentence as a template the screens can translate."""
    params = {"value": error.value}
    if error.problem == "email":
        return InvalidInput("Correo electrónico inválido: «{value}».", params=params)
    if error.problem == "phone":
        return InvalidInput("Número de teléfono inválido: «{value}».", params=params)
    if error.problem == "phone_digits":
        return InvalidInput(
            "Número de teléfono inválido: «{value}» (faltan o sobran dígitos).", params=params
        )
    return InvalidInput(str(error))


class DirectoryService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------ permissions
    def can_edit(self, actor: str) -> bool:
        with unit_of_work(self.db) as session:
            try:
                self._require_editor(session, actor)
            except (PermissionDenied, NotFound):
                return False
            return True

    @staticmethod
    def _require_editor(session: Session, actor: str) -> str:
        if actor == SYSTEM_ACTOR:
            return actor
        tech = session.scalar(select(Technician).where(Technician.login == actor.strip().lower()))
        if tech is None:
            raise NotFound("No existe el representante técnico «{login}».", params={"login": actor})
        if tech.role not in EDITOR_ROLES or not tech.active:
            raise PermissionDenied(
                "Solo supervisores y administradores pueden modificar el directorio."
            )
        return tech.login

    def _commit(self, session: Session, conflict: Conflict) -> None:
        try:
            session.commit()
        except IntegrityError as error:
            session.rollback()
            raise conflict from error

    # ------------------------------------------------------------ technicians
    def add_technician(
        self,
        login: str,
        name: str,
        role: str = "technician",
        email: str | None = None,
        *,
        actor: str = SYSTEM_ACTOR,
    ) -> TechnicianView:
        login = login.strip().lower()
        if not login or not login.replace(".", "").replace("_", "").isalnum():
            raise InvalidInput(
                "Usuario inválido: «{login}» (letras, números, punto o guion bajo).",
                params={"login": login},
            )
        if role not in ROLES:
            raise InvalidInput(
                "Rol inválido: «{role}» (use {roles}).",
                params={"role": role, "roles": ", ".join(ROLES)},
            )
        if email:
            email = _normalised(AddressKind.EMAIL, [email])[0]
        with unit_of_work(self.db) as session:
            who = self._require_editor(session, actor)
            tech = Technician(login=login, name=name.strip() or login, role=role, email=email)
            duplicate = Conflict(
                "Ya existe el representante técnico «{login}».", params={"login": login}
            )
            _insert_audited(
                session,
                who,
                tech,
                "technician",
                _tech_state,
                duplicate,
            )
            self._commit(session, duplicate)
            return technician_view(tech)

    def update_technician(
        self,
        login: str,
        *,
        actor: str,
        name: str | None = None,
        role: str | None = None,
        email: str | None = None,
        active: bool | None = None,
        on_shift: bool | None = None,
    ) -> TechnicianView:
        if role is not None and role not in ROLES:
            raise InvalidInput(
                "Rol inválido: «{role}» (use {roles}).",
                params={"role": role, "roles": ", ".join(ROLES)},
            )
        with unit_of_work(self.db) as session:
            who = self._require_editor(session, actor)
            tech = session.scalar(select(Technician).where(Technician.login == login.lower()))
            if tech is None:
                raise NotFound(
                    "No existe el representante técnico «{login}».", params={"login": login}
                )
            with _audited_update(session, who, tech, "technician", _tech_state):
                if name is not None:
                    tech.name = _clean_name(name, InvalidInput("El nombre no puede estar vacío."))
                if email is not None:
                    tech.email = (
                        _normalised(AddressKind.EMAIL, [email])[0] if email.strip() else None
                    )
                if role is not None:
                    tech.role = role
                if active is not None:
                    if not active and tech.login == who:
                        raise InvalidInput("No puede desactivar su propio usuario.")
                    tech.active = active
                    if not active:
                        tech.on_shift = False
                if on_shift is not None:
                    tech.on_shift = on_shift and tech.active
            session.commit()
            return technician_view(tech)

    def technicians(self, *, include_inactive: bool = False) -> list[TechnicianView]:
        with unit_of_work(self.db) as session:
            stmt = select(Technician).order_by(Technician.name)
            if not include_inactive:
                stmt = stmt.where(Technician.active.is_(True))
            return [technician_view(t) for t in session.scalars(stmt)]

    # ----------------------------------------------------------------- clients
    def add_client(
        self,
        name: str,
        *,
        contract_from: date | None = None,
        contract_until: date | None = None,
        key_user_email: str | None = None,
        key_user_name: str | None = None,
        tax_id: str | None = None,
        notes: str = "",
        actor: str = SYSTEM_ACTOR,
    ) -> ClientView:
        name = _clean_name(name, InvalidInput("El nombre del cliente no puede estar vacío."))
        if (contract_from is None) != (contract_until is None):
            raise InvalidInput(
                "Indique inicio y fin del contrato (--contract-from y --contract-until)."
            )
        if contract_from and contract_until and contract_until < contract_from:
            raise InvalidInput("El fin del contrato no puede ser anterior a su inicio.")
        if key_user_email is not None:
            key_user_email = _normalised(AddressKind.EMAIL, [key_user_email])[0]
        with unit_of_work(self.db) as session:
            who = self._require_editor(session, actor)
            client = Client(name=name, tax_id=(tax_id or "").strip() or None, notes=notes)
            _insert_audited(
                session,
                who,
                client,
                "client",
                _client_state,
                Conflict("Ya existe el cliente «{name}».", params={"name": name}),
            )
            if contract_from and contract_until:
                contract = Contract(
                    client_id=client.id,
                    number=self._next_number(session),
                    starts_on=contract_from,
                    ends_on=contract_until,
                )
                session.add(contract)
                session.flush()
                _audit(
                    session, who, "contract", contract.id, "create", None, _contract_state(contract)
                )
            if key_user_email:
                contact = Contact(
                    client_id=client.id,
                    name=key_user_name or key_user_email,
                    is_key_user=True,
                )
                session.add(contact)
                session.flush()
                self._set_addresses(session, contact, [key_user_email], [], [])
                _audit(
                    session,
                    who,
                    "contact",
                    contact.id,
                    "create",
                    None,
                    _contact_state(session, contact),
                )
            self._commit(
                session,
                Conflict(
                    "Ya existe el cliente «{name}» o su usuario clave.", params={"name": name}
                ),
            )
            session.refresh(client)
            return client_view(session, client, date.today())

    def update_client(
        self,
        client_id: int,
        *,
        actor: str,
        name: str | None = None,
        tax_id: str | None = None,
        notes: str | None = None,
        active: bool | None = None,
    ) -> ClientView:
        with unit_of_work(self.db) as session:
            who = self._require_editor(session, actor)
            client = self._client(session, client_id)
            with _audited_update(session, who, client, "client", _client_state):
                if name is not None:
                    client.name = _clean_name(
                        name, InvalidInput("El nombre del cliente no puede estar vacío.")
                    )
                if tax_id is not None:
                    client.tax_id = tax_id.strip() or None
                if notes is not None:
                    client.notes = notes.strip()
                if active is not None:
                    client.active = active
            self._commit(
                session,
                Conflict("Ya existe otro cliente llamado «{name}».", params={"name": client.name}),
            )
            return client_view(session, client, date.today())

    def clients(
        self, search: str = "", *, on: date | None = None, include_inactive: bool = True
    ) -> list[ClientView]:
        """Clients with their contract state on the given day (today by default)."""
        day = on or date.today()
        with unit_of_work(self.db) as session:
            stmt = (
                select(Client)
                .options(
                    selectinload(Client.contracts).selectinload(Contract.products),
                    selectinload(Client.contacts),
                )
                .order_by(Client.name)
            )
            if search.strip():
                stmt = stmt.where(func.lower(Client.name).like(f"%{search.strip().lower()}%"))
            if not include_inactive:
                stmt = stmt.where(Client.active.is_(True))
            clients = list(session.scalars(stmt))
            counts = dict(
                session.execute(
                    select(Ticket.client_id, func.count(Ticket.id))
                    .where(Ticket.status.in_([s.value for s in OPEN_STATUSES]))
                    .group_by(Ticket.client_id)
                ).all()
            )
            views = []
            for c in clients:
                view = client_view(session, c, day)
                views.append(
                    ClientView(
                        **{
                            **{f: getattr(view, f) for f in view.__dataclass_fields__},
                            "open_tickets": counts.get(c.id, 0),
                        }
                    )
                )
            return views

    def client(self, client_id: int, *, on: date | None = None) -> ClientView:
        with unit_of_work(self.db) as session:
            return client_view(session, self._client(session, client_id), on or date.today())

    @staticmethod
    def _client(session: Session, client_id: int) -> Client:
        client = session.get(Client, client_id)
        if client is None:
            raise NotFound("El cliente no existe.")
        return client

    # --------------------------------------------------------------- contracts
    @staticmethod
    def _next_number(session: Session) -> str:
        count = session.scalar(select(func.count(Contract.id))) or 0
        while True:
            count += 1
            number = f"CM-{count:05d}"
            if session.scalar(select(Contract.id).where(Contract.number == number)) is None:
                return number

    @staticmethod
    def _products(session: Session, product_ids: Sequence[int]) -> list[Product]:
        products = list(session.scalars(select(Product).where(Product.id.in_(product_ids))))
        if len(products) != len(set(product_ids)):
            raise NotFound("Uno de los productos indicados no existe.")
        return products

    def add_contract(
        self,
        client_id: int,
        *,
        actor: str,
        starts_on: date,
        ends_on: date,
        number: str = "",
        product_ids: Sequence[int] = (),
        coverage_notes: str = "",
        critical_line_24x7: bool = True,
    ) -> ContractDetail:
        if ends_on < starts_on:
            raise InvalidInput("El fin del contrato no puede ser anterior a su inicio.")
        with unit_of_work(self.db) as session:
            who = self._require_editor(session, actor)
            self._client(session, client_id)
            number = " ".join(number.split()) or self._next_number(session)
            contract = Contract(
                client_id=client_id,
                number=number,
                starts_on=starts_on,
                ends_on=ends_on,
                coverage_notes=coverage_notes.strip(),
                critical_line_24x7=critical_line_24x7,
            )
            contract.products = self._products(session, product_ids)
            duplicate = Conflict(
                "Ya existe el contrato número «{number}».", params={"number": number}
            )
            _insert_audited(
                session,
                who,
                contract,
                "contract",
                _contract_state,
                duplicate,
            )
            self._commit(session, duplicate)
            return contract_detail(contract)

    def update_contract(
        self,
        contract_id: int,
        *,
        actor: str,
        number: str | None = None,
        starts_on: date | None = None,
        ends_on: date | None = None,
        product_ids: Sequence[int] | None = None,
        coverage_notes: str | None = None,
        critical_line_24x7: bool | None = None,
    ) -> ContractDetail:
        """Correct a contract record (a renewal is a new record: see renew_contract)."""
        with unit_of_work(self.db) as session:
            who = self._require_editor(session, actor)
            contract = self._contract(session, contract_id)
            with _audited_update(session, who, contract, "contract", _contract_state):
                if number is not None:
                    contract.number = _clean_name(
                        number, InvalidInput("El número del contrato no puede estar vacío.")
                    )
                if starts_on is not None:
                    contract.starts_on = starts_on
                if ends_on is not None:
                    contract.ends_on = ends_on
                if contract.ends_on < contract.starts_on:
                    raise InvalidInput("El fin del contrato no puede ser anterior a su inicio.")
                if product_ids is not None:
                    contract.products = self._products(session, product_ids)
                if coverage_notes is not None:
                    contract.coverage_notes = coverage_notes.strip()
                if critical_line_24x7 is not None:
                    contract.critical_line_24x7 = critical_line_24x7
            self._commit(
                session,
                Conflict(
                    "Ya existe el contrato número «{number}».", params={"number": contract.number}
                ),
            )
            return contract_detail(contract)

    def renew_contract(
        self,
        contract_id: int,
        *,
        actor: str,
        ends_on: date,
        starts_on: date | None = None,
        number: str = "",
    ) -> ContractDetail:
        """A renewal is a new record with the same coverage, so history stays true."""
        with unit_of_work(self.db) as session:
            old = self._contract(session, contract_id)
            client_id = old.client_id
            start = starts_on or old.ends_on + timedelta(days=1)
            products = [p.id for p in old.products]
            notes, critical = old.coverage_notes, old.critical_line_24x7
        return self.add_contract(
            client_id,
            actor=actor,
            starts_on=start,
            ends_on=ends_on,
            number=number,
            product_ids=products,
            coverage_notes=notes,
            critical_line_24x7=critical,
        )

    @staticmethod
    def _contract(session: Session, contract_id: int) -> Contract:
        contract = session.get(Contract, contract_id)
        if contract is None:
            raise NotFound("El contrato no existe.")
        return contract

    def contracts(self, client_id: int | None = None) -> list[ContractDetail]:
        with unit_of_work(self.db) as session:
            stmt = (
                select(Contract)
                .options(selectinload(Contract.products), selectinload(Contract.client))
                .order_by(Contract.starts_on.desc(), Contract.id.desc())
            )
            if client_id is not None:
                stmt = stmt.where(Contract.client_id == client_id)
            return [contract_detail(c) for c in session.scalars(stmt)]

    def expiring_contracts(
        self, *, days: int = EXPIRY_WINDOW_DAYS, on: date | None = None
    ) -> list[ExpiringContract]:
        """Contracts ending within ``days`` that no later contract of the client follows."""
        day = on or date.today()
        with unit_of_work(self.db) as session:
            ending = session.execute(
                select(Contract, Client)
                .join(Client, Client.id == Contract.client_id)
                .where(
                    Contract.ends_on >= day,
                    Contract.ends_on <= day + timedelta(days=days),
                    Client.active.is_(True),
                )
                .order_by(Contract.ends_on, Client.name)
            ).all()
            result = []
            for contract, client in ending:
                renewed = session.scalar(
                    select(Contract.id)
                    .where(
                        Contract.client_id == client.id,
                        Contract.ends_on > contract.ends_on,
                        Contract.id != contract.id,
                    )
                    .limit(1)
                )
                if renewed is None:
                    result.append(
                        ExpiringContract(
                            contract_id=contract.id,
                            client_id=client.id,
                            client_name=client.name,
                            number=contract.number,
                            ends_on=contract.ends_on,
                            days_left=(contract.ends_on - day).days,
                        )
                    )
            return result

    def clients_without_key_user(self, *, on: date | None = None) -> list[ClientWithoutKeyUser]:
        """Active clients with a current or upcoming contract and no active key user."""
        day = on or date.today()
        with unit_of_work(self.db) as session:
            has_key_user = (
                select(Contact.id)
                .where(
                    Contact.client_id == Client.id,
                    Contact.is_key_user.is_(True),
                    Contact.active.is_(True),
                )
                .exists()
            )
            rows = session.execute(
                select(Client, Contract)
                .join(Contract, Contract.client_id == Client.id)
                .where(Client.active.is_(True), Contract.ends_on >= day, ~has_key_user)
                .order_by(Client.name, Contract.starts_on)
            ).all()
            seen: dict[int, ClientWithoutKeyUser] = {}
            for client, contract in rows:
                seen.setdefault(
                    client.id,
                    ClientWithoutKeyUser(
                        client_id=client.id,
                        client_name=client.name,
                        contract_number=contract.number,
                        contract_ends_on=contract.ends_on,
                    ),
                )
            return list(seen.values())

    # ---------------------------------------------------------------- products
    def products(self) -> list[tuple[int, str]]:
        with unit_of_work(self.db) as session:
            return [
                (p.id, p.name)
                for p in session.scalars(
                    select(Product).where(Product.active.is_(True)).order_by(Product.name)
                )
            ]

    def product_list(self, *, include_inactive: bool = True) -> list[ProductView]:
        with unit_of_work(self.db) as session:
            stmt = select(Product).order_by(Product.name)
            if not include_inactive:
                stmt = stmt.where(Product.active.is_(True))
            return [ProductView(p.id, p.code, p.name, p.active) for p in session.scalars(stmt)]

    def add_product(self, code: str, name: str, *, actor: str) -> ProductView:
        code = _clean_name(
            code, InvalidInput("El código del producto no puede estar vacío.")
        ).upper()
        name = _clean_name(name, InvalidInput("El nombre del producto no puede estar vacío."))
        with unit_of_work(self.db) as session:
            who = self._require_editor(session, actor)
            product = Product(code=code, name=name)
            _insert_audited(
                session,
                who,
                product,
                "product",
                _product_state,
                Conflict("Ya existe el producto con código «{code}».", params={"code": code}),
            )
            session.commit()
            return ProductView(product.id, product.code, product.name, product.active)

    def update_product(
        self,
        product_id: int,
        *,
        actor: str,
        code: str | None = None,
        name: str | None = None,
        active: bool | None = None,
    ) -> ProductView:
        with unit_of_work(self.db) as session:
            who = self._require_editor(session, actor)
            product = session.get(Product, product_id)
            if product is None:
                raise NotFound("El producto no existe.")
            with _audited_update(session, who, product, "product", _product_state):
                if code is not None:
                    product.code = _clean_name(
                        code, InvalidInput("El código del producto no puede estar vacío.")
                    ).upper()
                if name is not None:
                    product.name = _clean_name(
                        name, InvalidInput("El nombre del producto no puede estar vacío.")
                    )
                if active is not None:
                    product.active = active
            self._commit(
                session,
                Conflict(
                    "Ya existe el producto con código «{code}».", params={"code": product.code}
                ),
            )
            return ProductView(product.id, product.code, product.name, product.active)

    # ---------------------------------------------------------------- contacts
    def _set_addresses(
        self,
        session: Session,
        contact: Contact,
        emails: Sequence[str],
        phones: Sequence[str],
        whatsapps: Sequence[str],
    ) -> None:
        wanted = {
            AddressKind.EMAIL: _normalised(AddressKind.EMAIL, emails),
            AddressKind.PHONE: _normalised(AddressKind.PHONE, phones),
            AddressKind.WHATSAPP: _normalised(AddressKind.WHATSAPP, whatsapps),
        }
        for kind, values in wanted.items():
            if not values:
                continue
            taken = session.execute(
                select(ContactAddress.value, Contact.name, Client.name)
                .join(Contact, Contact.id == ContactAddress.contact_id)
                .join(Client, Client.id == Contact.client_id)
                .where(
                    ContactAddress.kind == kind.value,
                    ContactAddress.value.in_(values),
                    ContactAddress.contact_id != contact.id,
                )
                .limit(1)
            ).first()
            if taken is not None:
                address, owner, client = taken
                raise _address_taken(kind, address, owner, client)
        for old in session.scalars(
            select(ContactAddress).where(ContactAddress.contact_id == contact.id)
        ):
            session.delete(old)
        session.flush()
        for kind, values in wanted.items():
            for position, value in enumerate(values):
                session.add(
                    ContactAddress(
                        contact_id=contact.id, kind=kind.value, value=value, position=position
                    )
                )
        contact.email = wanted[AddressKind.EMAIL][0] if wanted[AddressKind.EMAIL] else None
        contact.phone = wanted[AddressKind.PHONE][0] if wanted[AddressKind.PHONE] else None
        contact.whatsapp = wanted[AddressKind.WHATSAPP][0] if wanted[AddressKind.WHATSAPP] else None
        session.flush()

    def add_contact(
        self,
        client_id: int,
        name: str,
        *,
        email: str | None = None,
        phone: str | None = None,
        whatsapp: str | None = None,
        is_key_user: bool = False,
        emails: Sequence[str] = (),
        phones: Sequence[str] = (),
        whatsapps: Sequence[str] = (),
        actor: str = SYSTEM_ACTOR,
    ) -> int:
        name = _clean_name(name, InvalidInput("El nombre del contacto no puede estar vacío."))
        all_emails = [*([email] if email else []), *emails]
        all_phones = [*([phone] if phone else []), *phones]
        all_whatsapps = [*([whatsapp] if whatsapp else []), *whatsapps]
        with unit_of_work(self.db) as session:
            who = self._require_editor(session, actor)
            self._client(session, client_id)
            contact = Contact(client_id=client_id, name=name, is_key_user=is_key_user)
            session.add(contact)
            session.flush()
            self._set_addresses(session, contact, all_emails, all_phones, all_whatsapps)
            _audit(
                session,
                who,
                "contact",
                contact.id,
                "create",
                None,
                _contact_state(session, contact),
            )
            self._commit(session, Conflict("Una de las direcciones ya pertenece a otro contacto."))
            return contact.id

    def update_contact(
        self,
        contact_id: int,
        *,
        actor: str,
        name: str | None = None,
        emails: Sequence[str] | None = None,
        phones: Sequence[str] | None = None,
        whatsapps: Sequence[str] | None = None,
        is_key_user: bool | None = None,
        active: bool | None = None,
    ) -> ContactDetail:
        with unit_of_work(self.db) as session:
            who = self._require_editor(session, actor)
            contact = session.get(Contact, contact_id)
            if contact is None:
                raise NotFound("El contacto no existe.")
            current = contact_detail(session, contact)
            state_of = functools.partial(_contact_state, session)
            with _audited_update(session, who, contact, "contact", state_of):
                if name is not None:
                    contact.name = _clean_name(
                        name, InvalidInput("El nombre del contacto no puede estar vacío.")
                    )
                was_key = contact.is_key_user and contact.active
                if is_key_user is not None:
                    contact.is_key_user = is_key_user
                if active is not None:
                    contact.active = active
                if was_key and not (contact.is_key_user and contact.active):
                    self._keep_a_key_user(session, contact)
                self._set_addresses(
                    session,
                    contact,
                    current.emails if emails is None else emails,
                    current.phones if phones is None else phones,
                    current.whatsapps if whatsapps is None else whatsapps,
                )
            self._commit(session, Conflict("Una de las direcciones ya pertenece a otro contacto."))
            return contact_detail(session, contact)

    @staticmethod
    def _keep_a_key_user(session: Session, contact: Contact) -> None:
        """A client with a contract keeps at least one key user (protocol: project leader)."""
        today = date.today()
        has_contract = session.scalar(
            select(Contract.id)
            .where(Contract.client_id == contact.client_id, Contract.ends_on >= today)
            .limit(1)
        )
        others = session.scalar(
            select(func.count(Contact.id)).where(
                Contact.client_id == contact.client_id,
                Contact.id != contact.id,
                Contact.is_key_user.is_(True),
                Contact.active.is_(True),
            )
        )
        if has_contract is not None and not others:
            raise InvalidInput(
                "{contact} es el único usuario clave de {client}, que tiene "
                "contrato: designe otro usuario clave antes de quitarle ese papel.",
                params={"contact": contact.name, "client": contact.client.name},
            )

    def contacts(self, client_id: int | None = None, search: str = "") -> list[ContactDetail]:
        with unit_of_work(self.db) as session:
            stmt = (
                select(Contact)
                .options(selectinload(Contact.client))
                .order_by(Contact.name, Contact.id)
            )
            if client_id is not None:
                stmt = stmt.where(Contact.client_id == client_id)
            details = [contact_detail(session, c) for c in session.scalars(stmt)]
        needle = search.strip().lower()
        if needle:
            details = [
                d
                for d in details
                if needle
                in " ".join((d.name, d.client_name, *d.emails, *d.phones, *d.whatsapps)).lower()
            ]
        return details

    def contact(self, contact_id: int) -> ContactDetail:
        with unit_of_work(self.db) as session:
            contact = session.get(Contact, contact_id)
            if contact is None:
                raise NotFound("El contacto no existe.")
            return contact_detail(session, contact)

    # ------------------------------------------------------------------- audit
    def audit_trail(self, entity: str, entity_id: int | str) -> list[AuditView]:
        with unit_of_work(self.db) as session:
            return trail(session, entities=[entity], entity_id=entity_id)
