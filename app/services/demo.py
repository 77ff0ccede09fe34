"""A realistic Panamanian demo data set: clients, contracts, key users, products, tickets, and
a supervisor's first edits of the day (made through the services, so they are audited)."""

from __future__ import annotations

import random
import unicodedata
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from app.data.engine import Database
from app.data.models import (
    Client,
    Contact,
    Contract,
    Product,
    Technician,
    Ticket,
    TicketAction,
)
from app.domain.channels import Channel
from app.domain.priorities import Priority
from app.domain.sla import compute_deadline
from app.domain.tickets import ActionKind, TicketStatus
from app.services import action_texts
from app.services.directory import DirectoryService
from app.services.errors import Conflict
from app.services.sla_admin import SlaAdminService
from app.services.sla_settings import PolicyCache, load_policy
from app.services.tickets import TicketService
from app.services.uow import unit_of_work

T = TypeVar("T")
PANAMA = ZoneInfo("America/Panama")

PRODUCTS = [
    ("ERP-FIN", "ERP Financiero"),
    ("NOM", "Nómina y Planilla"),
    ("FE-DGI", "Facturación Electrónica DGI"),
    ("POS", "Punto de Venta"),
    ("INV", "Control de Inventarios"),
    ("BI", "Inteligencia de Negocios"),
    ("CRM", "Gestión de Clientes (CRM)"),
    ("RRHH", "Portal de Recursos Humanos"),
]

CLIENTS = [
    "Distribuidora Istmeña, S.A.",
    "Farmacias El Canal",
    "Constructora Bahía Azul",
    "Grupo Logístico Colón Libre",
    "Clínica San Judas Tadeo",
    "Supermercados La Chorrera",
    "Aseguradora del Pacífico",
    "Importadora Chiriquí",
    "Hotel Casco Viejo Suites",
    "Transportes Veraguas",
    "Cooperativa Azuero",
    "Agroindustrias Coclé",
    "Cervecería Artesanal Boquete",
    "Ferretería Tumba Muerto",
    "Laboratorios Vía España",
    "Colegio Bilingüe Costa del Este",
    "Naviera Balboa",
    "Telecomunicaciones Istmo Sur",
    "Financiera Punta Pacífica",
    "Textiles David",
    "Grupo Inmobiliario Albrook",
    "Restaurantes El Cangrejo",
    "Energía Solar Penonomé",
    "Cafetalera Volcán",
    "Automotriz Transístmica",
    "Centro Médico Santiago",
    "Almacenes Los Pueblos",
    "Universidad Tecnológica del Caribe",
    "Mueblería Las Tablas",
    "Zona Libre Trading Corp.",
]

FIRST = [
    "María",
    "José",
    "Ana",
    "Luis",
    "Carmen",
    "Carlos",
    "Yariela",
    "Ricardo",
    "Itzel",
    "Rogelio",
    "Marisol",
    "Eduardo",
    "Yessenia",
    "Abdiel",
    "Katherine",
    "Omar",
]
LAST = [
    "González",
    "Rodríguez",
    "Pérez",
    "Sánchez",
    "Castillo",
    "Batista",
    "De León",
    "Vergara",
    "Quintero",
    "Samaniego",
    "Herrera",
    "Ríos",
    "Moreno",
    "Jaén",
    "Arosemena",
]

TECHNICIANS = [
    ("jperez", "José Pérez", "technician"),
    ("mcastillo", "Melissa Castillo", "technician"),
    ("rbatista", "Rubén Batista", "technician"),
    ("ydeleon", "Yaritza De León", "technician"),
    ("aquintero", "Abdiel Quintero", "technician"),
    ("kvergara", "Katherine Vergara", "technician"),
    ("lsamaniego", "Lorena Samaniego", "supervisor"),
]

SUBJECTS = {
    Priority.MUY_ALTO: [
        "El sistema no levanta: pantalla en blanco al iniciar",
        "Servidor de {p} caído, nadie puede facturar",
        "Error de base de datos en {p}, operación detenida",
        "Sin acceso a {p} en todas las sucursales",
    ],
    Priority.ALTO: [
        "No imprime facturas fiscales, el resto funciona",
        "Reporte de cierre mensual de {p} da error",
        "Lentitud extrema en {p} desde esta mañana",
        "No sincroniza con la DGI, usamos contingencia",
    ],
    Priority.MEDIO: [
        "Consulta sobre configuración de impuestos en {p}",
        "Usuario nuevo no ve el módulo de {p}",
        "Ajuste en formato de cheque",
        "Error al exportar a Excel en {p}",
    ],
    Priority.BAJO: [
        "Solicitud de capacitación en {p}",
        "Cambiar logo en reportes",
        "Duda sobre atajo de teclado en {p}",
        "Solicitud de manual actualizado de {p}",
    ],
}

CHANNEL_WEIGHTS = [
    (Channel.EMAIL, 55),
    (Channel.PHONE, 20),
    (Channel.WHATSAPP, 18),
    (Channel.CRITICAL_LINE, 7),
]
PRIORITY_WEIGHTS = [
    (Priority.MUY_ALTO, 10),
    (Priority.ALTO, 22),
    (Priority.MEDIO, 38),
    (Priority.BAJO, 30),
]


def _pick(rng: random.Random, weighted: Sequence[tuple[T, int]]) -> T:
    return rng.choices([w[0] for w in weighted], weights=[w[1] for w in weighted])[0]


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in plain.lower() if ch.isalnum())


def load_demo_data(
    db: Database, *, tickets: int = 300, seed: int = 507, now: datetime | None = None
) -> dict[str, int]:
    """Fill an empty database; refuses to touch one that already has tickets or clients."""
    rng = random.Random(seed)
    now = (now or datetime.now(UTC)).astimezone(UTC)
    today = now.astimezone(PANAMA).date()
    with unit_of_work(db) as session:
        if session.scalar(select(func.count(Client.id))) or session.scalar(
            select(func.count(Ticket.id))
        ):
            raise Conflict(
                "La base de datos ya tiene datos; los datos de demostración "
                "solo se cargan en una base vacía."
            )
        policy = load_policy(session)
        products = [Product(code=c, name=n) for c, n in PRODUCTS]
        session.add_all(products)
        techs = []
        for login, name, role in TECHNICIANS:
            tech = session.scalar(select(Technician).where(Technician.login == login))
            if tech is None:
                tech = Technician(login=login, name=name, role=role, email=f"{login}@imrsa.com")
                session.add(tech)
            techs.append(tech)
        session.flush()
        workers = [t for t in techs if t.role == "technician"]

        clients: list[tuple[Client, list[Contact], bool]] = []
        for index, name in enumerate(CLIENTS):
            client = Client(
                name=name,
                tax_id=f"{rng.randint(1, 9)}-{rng.randint(100, 999)}-"
                f"{rng.randint(1000, 9999)} DV {rng.randint(10, 99)}",
            )
            session.add(client)
            session.flush()
            expired = index % 7 == 3  # about one in seven without a contract in force
            start = today - timedelta(days=rng.randint(200, 900))
            end = (
                today - timedelta(days=rng.randint(5, 120))
                if expired
                else today + timedelta(days=rng.randint(10, 400))
            )
            contract = Contract(
                client_id=client.id,
                number=f"CM-{2024 + index % 3}-{index + 101:04d}",
                starts_on=start,
                ends_on=end,
                critical_line_24x7=index % 4 != 0,
                coverage_notes="Soporte funcional y técnico de las soluciones cubiertas.",
            )
            contract.products = rng.sample(products, rng.randint(1, 4))
            session.add(contract)
            domain = _slug(name.split(",")[0])[:18] + ".com.pa"
            contacts = []
            for k in range(rng.randint(2, 4)):
                first, last = rng.choice(FIRST), rng.choice(LAST)
                phone = f"+507{rng.choice('62')}{rng.randint(1000000, 9999999)}"
                contact = Contact(
                    client_id=client.id,
                    name=f"{first} {last}",
                    email=f"{_slug(first)[0]}{_slug(last)}@{domain}",
                    phone=phone,
                    whatsapp=phone if k == 0 or rng.random() < 0.4 else None,
                    is_key_user=k == 0,
                )
                session.add(contact)
                contacts.append(contact)
            clients.append((client, contacts, expired))
        session.flush()

        created = 0
        for _ in range(tickets):
            client, contacts, expired = rng.choice(clients)
            contact = contacts[0] if rng.random() < 0.8 else rng.choice(contacts)
            priority = _pick(rng, PRIORITY_WEIGHTS)
            channel = _pick(rng, CHANNEL_WEIGHTS)
            if channel is Channel.CRITICAL_LINE and priority > Priority.ALTO:
                priority = Priority.ALTO
            # Recent tickets are denser: most of the open queue is from the last days.
            age = (
                timedelta(minutes=int(rng.triangular(5, 30 * 24 * 60, 30 * 24 * 60) ** 1))
                if rng.random() < 0.7
                else timedelta(minutes=rng.randint(5, 3 * 24 * 60))
            )
            received = now - age
            calendar = policy.calendar_for(priority, channel)
            deadline = compute_deadline(calendar, received, priority.target)
            product = rng.choice(products)
            subject = rng.choice(SUBJECTS[priority]).format(p=product.name)
            reasons = []
            if expired:
                reasons.append(f"{client.name} no tiene contrato de mantenimiento vigente.")
            if not contact.is_key_user:
                reasons.append(
                    f"{contact.name} no es el usuario clave (líder de proyecto) del cliente."
                )
            ticket = Ticket(
                subject=subject,
                description=(
                    f"{contact.name} reporta: {subject.lower()}. "
                    "Adjunta capturas de pantalla del error."
                ),
                client_id=client.id,
                contact_id=contact.id,
                requester_name=contact.name,
                requester_address=contact.email or "",
                product_id=product.id,
                channel=channel.value,
                priority=int(priority),
                status=TicketStatus.NEW.value,
                received_at=received,
                created_at=received,
                calendar_name=calendar.name,
                target_minutes=int(priority.target.total_seconds() // 60),
                first_contact_due=deadline,
                needs_review=bool(reasons),
                review_reasons="\n".join(reasons),
                updated_at=received,
            )
            session.add(ticket)
            session.flush()
            actions = [
                _action(
                    ticket.id,
                    ActionKind.STATUS_CHANGE,
                    None,
                    received,
                    action_texts.opened(channel),
                    False,
                )
            ]
            tech = rng.choice(workers)
            elapsed = now - received
            # The older the ticket, the further along its life.
            progress = min(1.0, elapsed / timedelta(days=4)) * rng.random() * 1.6
            # A well-run desk: most cases past their deadline did get a contact; a few did not.
            if deadline < now and rng.random() < 0.9:
                progress = max(progress, 0.4)
            claimed_at = received + min(elapsed, timedelta(minutes=rng.randint(2, 45)))
            if progress > 0.15 or elapsed > timedelta(days=3):
                ticket.assignee_id = tech.id
                ticket.status = TicketStatus.ASSIGNED.value
                actions.append(
                    _action(
                        ticket.id,
                        ActionKind.ASSIGNMENT,
                        tech.id,
                        claimed_at,
                        action_texts.taken(tech.name),
                        False,
                    )
                )
                if rng.random() < 0.15:
                    actions.append(
                        _action(
                            ticket.id,
                            ActionKind.CALL_ATTEMPT,
                            tech.id,
                            claimed_at + timedelta(minutes=3),
                            "Llamé al usuario clave, no contesta.",
                            False,
                        )
                    )
            if ticket.assignee_id and (progress > 0.35 or elapsed > timedelta(days=3)):
                late = rng.random() < 0.18
                share = rng.uniform(1.05, 1.8) if late else rng.uniform(0.1, 0.95)
                # Contacts happen in the ticket's own calendar hours, like real ones.
                contact_at = compute_deadline(calendar, received, priority.target * share)
                if contact_at < now:
                    kind = rng.choice(
                        [
                            ActionKind.CALL_OUT,
                            ActionKind.EMAIL_OUT,
                            ActionKind.WHATSAPP,
                            ActionKind.REMOTE_SESSION,
                        ]
                    )
                    ticket.first_contact_at = contact_at
                    ticket.status = TicketStatus.IN_PROGRESS.value
                    actions.append(
                        _action(
                            ticket.id,
                            kind,
                            tech.id,
                            contact_at,
                            _contact_text(kind, contact.name),
                            True,
                            rng.choice([5, 10, 15, 30, 45]),
                        )
                    )
                    if rng.random() < 0.5:
                        actions.append(
                            _action(
                                ticket.id,
                                ActionKind.DIAGNOSIS,
                                tech.id,
                                contact_at + timedelta(minutes=20),
                                "Se revisan registros del servidor y se "
                                "reproduce el error en ambiente de pruebas.",
                                False,
                            )
                        )
                    done_at = contact_at + timedelta(hours=rng.uniform(1, 48))
                    old_case = elapsed > timedelta(days=4) and rng.random() < 0.85
                    if (progress > 0.6 or old_case) and done_at < now:
                        if rng.random() < 0.2 and not old_case:
                            ticket.status = TicketStatus.WAITING_CLIENT.value
                            actions.append(
                                _action(
                                    ticket.id,
                                    ActionKind.EMAIL_OUT,
                                    tech.id,
                                    done_at,
                                    "Se solicitan capturas y el archivo de registro al usuario.",
                                    True,
                                )
                            )
                        else:
                            ticket.status = TicketStatus.RESOLVED.value
                            ticket.resolved_at = done_at
                            ticket.solution = (
                                "Se aplicó la corrección de configuración y el "
                                "usuario confirmó que funciona."
                            )
                            actions.append(
                                _action(
                                    ticket.id,
                                    ActionKind.RESOLUTION,
                                    tech.id,
                                    done_at,
                                    ticket.solution,
                                    False,
                                )
                            )
                            if (progress > 0.9 or old_case) and done_at + timedelta(days=2) < now:
                                ticket.status = TicketStatus.CLOSED.value
                                ticket.closed_at = done_at + timedelta(days=2)
                                actions.append(
                                    _action(
                                        ticket.id,
                                        ActionKind.STATUS_CHANGE,
                                        tech.id,
                                        ticket.closed_at,
                                        action_texts.status_changed(
                                            TicketStatus.RESOLVED,
                                            TicketStatus.CLOSED,
                                            "Confirmado por el cliente.",
                                        ),
                                        False,
                                    )
                                )
            ticket.updated_at = max(a.occurred_at for a in actions)
            ticket.updated_by_id = ticket.assignee_id
            session.add_all(actions)
            created += 1
        session.commit()
        supervisor = next((t.login for t in techs if t.role in ("supervisor", "admin")), None)
    changes = _supervisor_edits(db, supervisor, today) if supervisor else 0
    return {
        "clients": len(clients),
        "technicians": len(techs),
        "products": len(products),
        "tickets": created,
        "audited_changes": changes,
    }


def _supervisor_edits(db: Database, actor: str, today: date) -> int:
    """A few everyday directory and calendar edits, through the services like the screens make
    them, so the supervisor panel's "Registro de cambios" has something true to show."""
    directory = DirectoryService(db)
    clients = {c.name: c for c in directory.clients()}
    directory.update_client(
        clients["Farmacias El Canal"].id,
        actor=actor,
        notes="Facturación mensual por ACH; enviar copia a contabilidad.",
    )
    contract = directory.contracts(clients["Aseguradora del Pacífico"].id)[0]
    directory.update_contract(
        contract.id,
        actor=actor,
        coverage_notes=f"{contract.coverage_notes} Incluye una visita trimestral en sitio.",
    )
    directory.add_contact(
        clients["Farmacias El Canal"].id,
        "Itzel Arosemena",
        email="contabilidad@farmaciaselcanal.com.pa",
        phone="+507 263-0000",
        actor=actor,
    )
    crm = next(p for p in directory.product_list() if p.code == "CRM")
    directory.update_product(crm.id, actor=actor, name="Gestión de Relaciones con Clientes (CRM)")
    policy = PolicyCache(db)
    tickets = TicketService(db, policy)
    changes = 4
    waiting = next(
        (
            r
            for r in tickets.queue()
            if r.priority in (Priority.MEDIO, Priority.BAJO) and r.first_contact_at is None
        ),
        None,
    )
    if waiting is not None:  # a small demo may have none
        tickets.reprioritise(
            waiting.id,
            Priority.ALTO,
            "El cliente confirma que ninguna sucursal puede facturar.",
            actor,
        )
        changes += 1
    admin = SlaAdminService(db, policy)
    year = today.year if today < date(today.year, 12, 24) else today.year + 1
    admin.add_closure(
        "office", date(year, 12, 24), "Nochebuena: cierre acordado por la gerencia", actor
    )
    admin.add_closure("office", date(year, 12, 31), "Fin de año: inventario anual", actor)
    return changes + 2


def _action(
    ticket_id: int,
    kind: ActionKind,
    author_id: int | None,
    at: datetime,
    text: str | action_texts.Texts,
    contact: bool,
    duration: int | None = None,
) -> TicketAction:
    """A history entry; the system's own (Spanish, English) words or a person's text."""
    english = None
    if isinstance(text, tuple):
        text, english = text
    return TicketAction(
        uid=uuid.uuid4().hex,
        ticket_id=ticket_id,
        kind=kind.value,
        author_id=author_id,
        occurred_at=at,
        created_at=at,
        text=text,
        is_contact=contact,
        duration_minutes=duration,
        details={action_texts.TEXT_EN: english} if english else {},
    )


def _contact_text(kind: ActionKind, name: str) -> str:
    return {
        ActionKind.CALL_OUT: f"Llamada con {name}: se revisa el caso y se toman datos.",
        ActionKind.EMAIL_OUT: f"Se responde a {name} por correo con los pasos a seguir.",
        ActionKind.WHATSAPP: f"WhatsApp a {name}: se confirma recepción y se coordina revisión.",
        ActionKind.REMOTE_SESSION: f"Sesión remota con {name}; se diagnostica en su equipo.",
    }.get(kind, f"Contacto con {name}.")
