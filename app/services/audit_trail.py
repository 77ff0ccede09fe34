"""The audit trail for supervisors: filtered, newest first, in pages, with the names of the
people and records involved; also as CSV. Supervisors and administrators only."""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import String, and_, cast, false, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.data.engine import Database
from app.data.models import (
    AuditEntry,
    CalendarSetting,
    Client,
    Contact,
    Contract,
    Product,
    Technician,
)
from app.services.audit_text import (
    KINDS_BY_KEY,
    SYSTEM_ACTOR,
    FieldChange,
    action_label,
    actions_matching,
    actor_label,
    changes_text,
    entity_label,
    field_changes,
    fold,
    record_label,
)
from app.services.directory_lookup import technician_by_login
from app.services.errors import InvalidInput, PermissionDenied
from app.services.uow import unit_of_work
from app.spreadsheet import safe_row

PANAMA = ZoneInfo("America/Panama")
READER_ROLES = ("supervisor", "admin")
PAGE_SIZE = 500
_TICKET = re.compile(r"imr-?0*(\d{1,9})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AuditQuery:
    """What a supervisor asks for; every filter is optional. Days are Panama calendar days,
    both included; ``limit`` None means every matching entry (exports)."""

    kind: str | None = None  # a key of audit_text.RECORD_KINDS
    actor: str | None = None  # a login, or "system"
    text: str = ""  # in the record's id or name, the action, the reason
    first_day: date | None = None
    last_day: date | None = None
    limit: int | None = PAGE_SIZE


@dataclass(frozen=True, slots=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    actor_name: str  # "Lorena Samaniego", "Sistema"
    entity: str
    entity_id: str
    record: str  # "Farmacias El Canal", "CM-2025-0102 · Farmacias El Canal", "IMR-42"
    action: str
    before: Any
    after: Any
    reason: str
    calendars: tuple[tuple[str, str], ...] = ()  # (name, label), for calendar assignments

    @property
    def kind_label(self) -> str:
        return entity_label(self.entity)

    @property
    def action_label(self) -> str:
        return action_label(self.entity, self.action, self.before, self.after)

    def changes(self) -> tuple[FieldChange, ...]:
        names = {"calendar": dict(self.calendars)} if self.calendars else None
        return field_changes(
            self.entity, self.action, self.before, self.after, self.entity_id, names
        )


@dataclass(frozen=True, slots=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    more: bool  # older entries match too: ask again with ``before_id=rows[-1].id``


@dataclass(frozen=True, slots=True)
class ActorChoice:
    login: str
    name: str


class AuditTrailService:
    """Each call checks that ``reader`` is an active supervisor or administrator."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def search(
        self, reader: str, query: AuditQuery | None = None, *, before_id: int | None = None
    ) -> AuditPage:
        """Matching entries newest first (in the order they were saved), at most ``limit``."""
        query = query or AuditQuery()
        if query.kind is not None and query.kind not in KINDS_BY_KEY:
            raise InvalidInput(
                "Tipo de registro desconocido: «{kind}».", params={"kind": query.kind}
            )
        if query.first_day and query.last_day and query.last_day < query.first_day:
            raise InvalidInput("La fecha final es anterior a la inicial.")
        with unit_of_work(self.db) as session:
            self._require_reader(session, reader)
            stmt = select(AuditEntry).where(*self._filters(query))
            if before_id is not None:
                stmt = stmt.where(AuditEntry.id < before_id)
            stmt = stmt.order_by(AuditEntry.id.desc())
            if query.limit is not None:
                stmt = stmt.limit(query.limit + 1)
            entries = list(session.scalars(stmt))
            more = query.limit is not None and len(entries) > query.limit
            entries = entries[: query.limit] if query.limit is not None else entries
            return AuditPage(tuple(self._rows(session, entries)), more)

    def actors(self, reader: str) -> tuple[ActorChoice, ...]:
        """Everyone who appears in the trail, by name (for the "who" filter)."""
        with unit_of_work(self.db) as session:
            self._require_reader(session, reader)
            logins = list(session.scalars(select(AuditEntry.actor).distinct()))
            names = _actor_names(session, logins)
            choices = [ActorChoice(login, actor_label(login, names.get(login))) for login in logins]
            return tuple(sorted(choices, key=lambda c: (c.login == SYSTEM_ACTOR, c.name.lower())))

    def export_csv(self, reader: str, query: AuditQuery | None = None) -> str:
        """Every entry matching ``query`` (its limit ignored) as CSV, newest first."""
        page = self.search(reader, replace(query or AuditQuery(), limit=None))
        return audit_csv(page.rows)

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _require_reader(session: Session, reader: str) -> None:
        tech = technician_by_login(session, reader)
        if tech.role not in READER_ROLES or not tech.active:
            raise PermissionDenied(
                "Solo un supervisor o un administrador puede consultar el registro de cambios."
            )

    @staticmethod
    def _filters(query: AuditQuery) -> list[ColumnElement[bool]]:
        filters: list[ColumnElement[bool]] = []
        if query.kind is not None:
            filters.append(AuditEntry.entity.in_(KINDS_BY_KEY[query.kind].entities))
        if query.actor:
            filters.append(AuditEntry.actor == query.actor)
        if query.first_day is not None:
            filters.append(AuditEntry.at >= _start_of(query.first_day))
        if query.last_day is not None:
            filters.append(AuditEntry.at < _start_of(query.last_day + timedelta(days=1)))
        if query.text.strip():
            filters.append(_text_filter(query.text.strip()))
        return filters

    @staticmethod
    def _rows(session: Session, entries: Sequence[AuditEntry]) -> list[AuditRow]:
        people = _actor_names(session, {e.actor for e in entries})
        ids: dict[str, set[str]] = defaultdict(set)
        for e in entries:
            ids[e.entity].add(e.entity_id)
        names = _record_names(session, ids)
        calendars: tuple[tuple[str, str], ...] = ()
        if "sla_assignment" in ids:
            calendars = tuple(
                (name, label)
                for name, label in session.execute(
                    select(CalendarSetting.name, CalendarSetting.label)
                )
            )
        return [
            AuditRow(
                id=e.id,
                at=e.at,
                actor=e.actor,
                actor_name=actor_label(e.actor, people.get(e.actor)),
                entity=e.entity,
                entity_id=e.entity_id,
                record=record_label(e.entity, e.entity_id, names.get((e.entity, e.entity_id))),
                action=e.action,
                before=e.before,
                after=e.after,
                reason=e.reason or "",
                calendars=calendars if e.entity == "sla_assignment" else (),
            )
            for e in entries
        ]


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(0), PANAMA)


#: Spanish accented letters and what they fold to; applied in SQL on both engines alike (SQLite's
#: lower() only knows ASCII, so the capitals are listed too)
_FOLDS = tuple(zip("áéíóúüñÁÉÍÓÚÜÑ", "aeiouunaeiouun", strict=True))


def _folded(column: Any) -> Any:
    """``column`` in lower case without Spanish accents, as audit_text.fold() does in Python."""
    expr: Any = column
    for accented, plain in _FOLDS:
        expr = func.replace(expr, accented, plain)
    return func.lower(expr)


def _text_filter(text: str) -> ColumnElement[bool]:
    """The text in the record's id, the action (code or words), the reason, or the name of the
    client, contract, contact, product, technician or calendar the entry is about; case and
    accents ignored ("optica" finds "Óptica")."""
    needle = fold(text)

    def has(column: Any) -> ColumnElement[bool]:
        return _folded(column).contains(needle, autoescape=True)

    def about(entity: str, ids: Any) -> ColumnElement[bool]:
        return and_(AuditEntry.entity == entity, AuditEntry.entity_id.in_(ids))

    def id_text(column: Any) -> Any:
        return cast(column, String)

    options: list[ColumnElement[bool]] = [
        has(AuditEntry.entity_id),
        has(AuditEntry.action),
        has(AuditEntry.reason),
        about("client", select(id_text(Client.id)).where(has(Client.name))),
        about("contract", select(id_text(Contract.id)).where(has(Contract.number))),
        about("contact", select(id_text(Contact.id)).where(has(Contact.name))),
        about(
            "product",
            select(id_text(Product.id)).where(or_(has(Product.name), has(Product.code))),
        ),
        about(
            "technician",
            select(id_text(Technician.id)).where(or_(has(Technician.name), has(Technician.login))),
        ),
        about(
            "calendar",
            select(CalendarSetting.name).where(
                or_(has(CalendarSetting.name), has(CalendarSetting.label))
            ),
        ),
    ]
    actions = actions_matching(text)
    if actions:
        options.append(AuditEntry.action.in_(actions))
    ticket = _TICKET.fullmatch(text.strip())
    if ticket is not None:
        options.append(about("ticket", [ticket.group(1)]))
    return or_(false(), *options)


def _actor_names(session: Session, logins: Iterable[str]) -> dict[str, str]:
    wanted = [login for login in set(logins) if login != SYSTEM_ACTOR]
    if not wanted:
        return {}
    rows = session.execute(
        select(Technician.login, Technician.name).where(Technician.login.in_(wanted))
    )
    return {login: name for login, name in rows}


def _int_ids(values: Iterable[str]) -> list[int]:
    return [int(v) for v in values if v.isdigit()]


def _record_names(session: Session, ids: dict[str, set[str]]) -> dict[tuple[str, str], str]:
    """People's names for the records in one page: a few queries, one per kind of record."""
    names: dict[tuple[str, str], str] = {}
    if ids.get("client"):
        for key, name in session.execute(
            select(Client.id, Client.name).where(Client.id.in_(_int_ids(ids["client"])))
        ):
            names[("client", str(key))] = name
    if ids.get("contract"):
        for key, number, client in session.execute(
            select(Contract.id, Contract.number, Client.name)
            .join(Client, Client.id == Contract.client_id)
            .where(Contract.id.in_(_int_ids(ids["contract"])))
        ):
            names[("contract", str(key))] = f"{number} · {client}"
    if ids.get("contact"):
        for key, name, client in session.execute(
            select(Contact.id, Contact.name, Client.name)
            .join(Client, Client.id == Contact.client_id)
            .where(Contact.id.in_(_int_ids(ids["contact"])))
        ):
            names[("contact", str(key))] = f"{name} · {client}"
    if ids.get("product"):
        for key, code, name in session.execute(
            select(Product.id, Product.code, Product.name).where(
                Product.id.in_(_int_ids(ids["product"]))
            )
        ):
            names[("product", str(key))] = name if code in name else f"{name} ({code})"
    if ids.get("technician"):
        for key, name, login in session.execute(
            select(Technician.id, Technician.name, Technician.login).where(
                Technician.id.in_(_int_ids(ids["technician"]))
            )
        ):
            names[("technician", str(key))] = f"{name} ({login})"
    if ids.get("calendar"):
        for calendar, label in session.execute(
            select(CalendarSetting.name, CalendarSetting.label).where(
                CalendarSetting.name.in_(ids["calendar"])
            )
        ):
            names[("calendar", calendar)] = label
    return names


CSV_HEADERS = (
    "Fecha y hora (Panamá)",
    "Usuario",
    "Nombre",
    "Tipo de registro",
    "Registro",
    "Id del registro",
    "Acción",
    "Motivo",
    "Cambios",
)


def audit_csv(rows: Iterable[AuditRow]) -> str:
    """One line per entry, Spanish headings, local time, the changes in one column."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADERS)
    for row in rows:
        writer.writerow(
            safe_row(
                [
                    f"{row.at.astimezone(PANAMA):%Y-%m-%d %H:%M:%S}",
                    row.actor,
                    row.actor_name,
                    row.kind_label,
                    row.record,
                    row.entity_id,
                    row.action_label,
                    row.reason,
                    changes_text(row.changes()),
                ]
            )
        )
    return out.getvalue()
