"""Directory use cases: technicians, clients with contracts and key users, products."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from app.data.engine import Database
from app.data.models import Client, Contact, Contract, Product, Technician, Ticket
from app.domain.tickets import OPEN_STATUSES
from app.services.directory_lookup import client_view, technician_view
from app.services.errors import Conflict, InvalidInput
from app.services.snapshots import ClientView, TechnicianView
from app.services.uow import unit_of_work

ROLES = ("technician", "supervisor", "admin", "intake")


class DirectoryService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add_technician(
        self, login: str, name: str, role: str = "technician", email: str | None = None
    ) -> TechnicianView:
        login = login.strip().lower()
        if not login or not login.replace(".", "").replace("_", "").isalnum():
            raise InvalidInput(
                f"Usuario inválido: «{login}» (letras, números, punto o guion bajo)."
            )
        if role not in ROLES:
            raise InvalidInput(f"Rol inválido: «{role}» (use {', '.join(ROLES)}).")
        with unit_of_work(self.db) as session:
            tech = Technician(login=login, name=name.strip() or login, role=role, email=email)
            session.add(tech)
            try:
                session.commit()
            except IntegrityError as error:
                raise Conflict(f"Ya existe el representante técnico «{login}».") from error
            return technician_view(tech)

    def technicians(self, *, include_inactive: bool = False) -> list[TechnicianView]:
        with unit_of_work(self.db) as session:
            stmt = select(Technician).order_by(Technician.name)
            if not include_inactive:
                stmt = stmt.where(Technician.active.is_(True))
            return [technician_view(t) for t in session.scalars(stmt)]

    def add_client(
        self,
        name: str,
        *,
        contract_from: date | None = None,
        contract_until: date | None = None,
        key_user_email: str | None = None,
        key_user_name: str | None = None,
        tax_id: str | None = None,
    ) -> ClientView:
        name = " ".join(name.split())
        if not name:
            raise InvalidInput("El nombre del cliente no puede estar vacío.")
        if (contract_from is None) != (contract_until is None):
            raise InvalidInput(
                "Indique inicio y fin del contrato (--contract-from y --contract-until)."
            )
        if contract_from and contract_until and contract_until < contract_from:
            raise InvalidInput("El fin del contrato no puede ser anterior a su inicio.")
        if key_user_email is not None and "@" not in key_user_email:
            raise InvalidInput(f"Correo inválido: «{key_user_email}».")
        with unit_of_work(self.db) as session:
            client = Client(name=name, tax_id=tax_id)
            session.add(client)
            try:
                session.flush()
            except IntegrityError as error:
                raise Conflict(f"Ya existe el cliente «{name}».") from error
            if contract_from and contract_until:
                count = session.scalar(select(func.count(Contract.id))) or 0
                session.add(
                    Contract(
                        client_id=client.id,
                        number=f"CM-{count + 1:05d}",
                        starts_on=contract_from,
                        ends_on=contract_until,
                    )
                )
            if key_user_email:
                session.add(
                    Contact(
                        client_id=client.id,
                        name=key_user_name or key_user_email,
                        email=key_user_email.strip().lower(),
                        is_key_user=True,
                    )
                )
            session.commit()
            session.refresh(client)
            return client_view(session, client, date.today())

    def clients(self, search: str = "", *, on: date | None = None) -> list[ClientView]:
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
            clients = list(session.scalars(stmt))
            counts = dict(
                session.execute(
                    select(Ticket.client_id, func.count(Ticket.id))
                    .where(Ticket.status.in_([s.value for s in OPEN_STATUSES]))
                    .group_by(Ticket.client_id)
                ).tuples()
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
        from app.services.errors import NotFound

        with unit_of_work(self.db) as session:
            client = session.get(Client, client_id)
            if client is None:
                raise NotFound("El cliente no existe.")
            return client_view(session, client, on or date.today())

    def products(self) -> list[tuple[int, str]]:
        with unit_of_work(self.db) as session:
            return [
                (p.id, p.name)
                for p in session.scalars(
                    select(Product).where(Product.active.is_(True)).order_by(Product.name)
                )
            ]

    def add_contact(
        self,
        client_id: int,
        name: str,
        *,
        email: str | None = None,
        phone: str | None = None,
        whatsapp: str | None = None,
        is_key_user: bool = False,
    ) -> int:
        if not name.strip():
            raise InvalidInput("El nombre del contacto no puede estar vacío.")
        with unit_of_work(self.db) as session:
            contact = Contact(
                client_id=client_id,
                name=name.strip(),
                email=email.strip().lower() if email else None,
                phone=phone,
                whatsapp=whatsapp,
                is_key_user=is_key_user,
            )
            session.add(contact)
            session.commit()
            return contact.id
