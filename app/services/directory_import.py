"""CSV import and export of clients, contracts, contacts and products (see docs/import-format.md).

The import validates every row first and reports each rejection with its line number; only a
file without rejections is applied, in one transaction (all or nothing).
"""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.data.engine import Database
from app.data.models import Client, Contact, ContactAddress, Contract, Product
from app.domain.contacts import AddressKind, InvalidAddress, normalise_all, split_list
from app.services.directory import (
    DirectoryService,
    _audit,
    _client_state,
    _contact_state,
    _contract_state,
    _product_state,
    contact_detail,
)
from app.services.errors import InvalidInput
from app.services.uow import unit_of_work

KINDS = ("clients", "contracts", "contacts", "products")
COLUMNS: dict[str, tuple[str, ...]] = {
    "clients": ("name", "tax_id", "notes", "active"),
    "contracts": (
        "number",
        "client",
        "starts_on",
        "ends_on",
        "products",
        "critical_line_24x7",
        "coverage_notes",
    ),
    "contacts": ("client", "name", "emails", "phones", "whatsapp", "key_user", "active"),
    "products": ("code", "name", "active"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "clients": ("name",),
    "contracts": ("number", "client", "starts_on", "ends_on"),
    "contacts": ("client", "name"),
    "products": ("code", "name"),
}
KIND_LABELS = {
    "clients": "clientes",
    "contracts": "contratos",
    "contacts": "contactos",
    "products": "productos",
}
_TRUE = {"sí", "si", "s", "yes", "y", "true", "verdadero", "1", "x"}
_FALSE = {"no", "n", "false", "falso", "0"}


@dataclass(frozen=True, slots=True)
class Rejection:
    line: int
    message: str

    def __str__(self) -> str:
        return f"línea {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class ImportReport:
    kind: str
    rows: int
    created: int
    updated: int
    rejections: tuple[Rejection, ...]
    applied: bool

    @property
    def ok(self) -> bool:
        return not self.rejections

    @property
    def summary(self) -> str:
        what = KIND_LABELS[self.kind]
        if self.rejections:
            return (
                f"{len(self.rejections)} fila(s) rechazada(s) de {self.rows}: "
                f"no se importó ningún registro de {what}."
            )
        verb = "Se importaron" if self.applied else "Se importarían"
        return (
            f"{verb} {self.rows} fila(s) de {what}: "
            f"{self.created} nuevas, {self.updated} actualizadas."
        )


class RowError(Exception):
    pass


@dataclass
class _Row:
    line: int
    values: dict[str, Any]
    existing_id: int | None = None


@dataclass
class _Plan:
    rows: list[_Row] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    total: int = 0


def _bool(text: str, default: bool, column: str) -> bool:
    value = text.strip().lower()
    if not value:
        return default
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise RowError(f"valor «{text}» no válido en «{column}» (use sí o no)")


def _day(text: str, column: str) -> date:
    value = text.strip()
    for parse in (date.fromisoformat, lambda v: datetime.strptime(v, "%d/%m/%Y").date()):
        try:
            return parse(value)
        except ValueError:
            continue
    raise RowError(f"fecha «{text}» no válida en «{column}» (use AAAA-MM-DD)")


def _text(row: dict[str, str], column: str) -> str:
    return " ".join((row.get(column) or "").split())


_Record = TypeVar("_Record", Client, Product, Contract, Contact)


@contextmanager
def _imported(
    session: Session,
    who: str,
    row: _Row,
    model: type[_Record],
    entity: str,
    state_of: Callable[[Any], dict[str, Any]],
) -> Iterator[_Record]:
    """The row's record (existing or new) for the body to fill; then saved, its import audited."""
    record = session.get(model, row.existing_id) if row.existing_id else model()
    assert record is not None
    before = state_of(record) if row.existing_id else None
    yield record
    session.add(record)
    session.flush()
    _audit(session, who, entity, record.id, "import", before, state_of(record))


def _fmt_bool(value: bool) -> str:
    return "sí" if value else "no"


class DirectoryImport:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.directory = DirectoryService(db)

    # ------------------------------------------------------------------ import
    def run(self, kind: str, text: str, *, actor: str, dry_run: bool = False) -> ImportReport:
        if kind not in KINDS:
            raise InvalidInput(
                "Tipo de importación desconocido: «{kind}» (use {kinds}).",
                params={"kind": kind, "kinds": ", ".join(KINDS)},
            )
        with unit_of_work(self.db) as session:
            who = self.directory._require_editor(session, actor)
            plan = self._validate(session, kind, text)
            if plan.rejections or dry_run:
                return self._report(kind, plan, applied=False)
            apply = getattr(self, f"_apply_{kind}")
            for row in plan.rows:
                apply(session, who, row)
            session.commit()
            return self._report(kind, plan, applied=True)

    @staticmethod
    def _report(kind: str, plan: _Plan, *, applied: bool) -> ImportReport:
        updated = sum(1 for r in plan.rows if r.existing_id is not None)
        return ImportReport(
            kind=kind,
            rows=plan.total,
            created=len(plan.rows) - updated,
            updated=updated,
            rejections=tuple(sorted(plan.rejections, key=lambda r: r.line)),
            applied=applied,
        )

    def _validate(self, session: Session, kind: str, text: str) -> _Plan:
        plan = _Plan()
        text = text.lstrip("\ufeff")
        if not text.strip():
            plan.rejections.append(Rejection(1, "el archivo está vacío (falta la fila de títulos)"))
            return plan
        first = text.splitlines()[0]
        delimiter = ";" if first.count(";") > first.count(",") else ","
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = [h.strip().lower() for h in reader.fieldnames or []]
        reader.fieldnames = header
        missing = [c for c in REQUIRED[kind] if c not in header]
        unknown = [c for c in header if c not in COLUMNS[kind]]
        if missing or unknown:
            parts = []
            if missing:
                parts.append(f"faltan las columnas {', '.join(missing)}")
            if unknown:
                parts.append(f"columnas desconocidas {', '.join(unknown)}")
            plan.rejections.append(
                Rejection(1, "; ".join(parts) + f" (columnas válidas: {', '.join(COLUMNS[kind])})")
            )
            return plan
        check: Callable[[Session, dict[str, str], dict[str, Any]], _Row] = getattr(
            self, f"_check_{kind}"
        )
        seen: dict[str, Any] = {}
        line = 1
        for raw in reader:
            start = line + 1
            line = reader.line_num
            if not any((v or "").strip() for v in raw.values() if isinstance(v, str)):
                continue
            plan.total += 1
            if None in raw:
                plan.rejections.append(Rejection(start, "la fila tiene más campos que títulos"))
                continue
            seen["__current_line__"] = start
            try:
                row = check(session, raw, seen)
            except (RowError, InvalidAddress) as error:
                message = str(error)
                plan.rejections.append(Rejection(start, message[0].lower() + message[1:]))
                continue
            row.line = start
            plan.rows.append(row)
        return plan

    def _client_id(self, session: Session, name: str) -> int:
        if not name:
            raise RowError("falta el cliente")
        client_id = session.scalar(select(Client.id).where(Client.name == name))
        if client_id is None:
            for cid, cname in session.execute(select(Client.id, Client.name)):
                if cname.lower() == name.lower():
                    return int(cid)
            raise RowError(f"cliente desconocido «{name}»")
        return int(client_id)

    # one _check_<kind> per kind: validate a row against the database and the file so far
    def _check_clients(self, session: Session, raw: dict[str, str], seen: dict[str, Any]) -> _Row:
        name = _text(raw, "name")
        if not name:
            raise RowError("falta el nombre del cliente")
        key = f"client:{name.lower()}"
        self._dup(seen, key, f"«{name}»")
        existing = session.scalar(select(Client).where(Client.name == name))
        values = {
            "name": name,
            "tax_id": _text(raw, "tax_id") or None,
            "notes": (raw.get("notes") or "").strip(),
            "active": _bool(raw.get("active") or "", True, "active"),
        }
        return _Row(0, values, existing.id if existing else None)

    def _check_products(self, session: Session, raw: dict[str, str], seen: dict[str, Any]) -> _Row:
        code = _text(raw, "code").upper()
        name = _text(raw, "name")
        if not code:
            raise RowError("falta el código del producto")
        if not name:
            raise RowError("falta el nombre del producto")
        self._dup(seen, f"product:{code}", f"«{code}»")
        existing = session.scalar(select(Product.id).where(Product.code == code))
        values = {
            "code": code,
            "name": name,
            "active": _bool(raw.get("active") or "", True, "active"),
        }
        return _Row(0, values, existing)

    def _check_contracts(self, session: Session, raw: dict[str, str], seen: dict[str, Any]) -> _Row:
        number = _text(raw, "number")
        if not number:
            raise RowError("falta el número del contrato")
        self._dup(seen, f"contract:{number.lower()}", f"«{number}»")
        client_id = self._client_id(session, _text(raw, "client"))
        starts_on = _day(raw.get("starts_on") or "", "starts_on")
        ends_on = _day(raw.get("ends_on") or "", "ends_on")
        if ends_on < starts_on:
            raise RowError(
                f"el fin del contrato ({ends_on:%d/%m/%Y}) es anterior a su inicio "
                f"({starts_on:%d/%m/%Y})"
            )
        product_ids = []
        for code in split_list(raw.get("products") or ""):
            pid = session.scalar(select(Product.id).where(Product.code == code.upper()))
            if pid is None:
                raise RowError(f"producto desconocido «{code}»")
            product_ids.append(pid)
        existing = session.scalar(select(Contract.id).where(Contract.number == number))
        values = {
            "number": number,
            "client_id": client_id,
            "starts_on": starts_on,
            "ends_on": ends_on,
            "product_ids": product_ids,
            "critical_line_24x7": _bool(
                raw.get("critical_line_24x7") or "", True, "critical_line_24x7"
            ),
            "coverage_notes": (raw.get("coverage_notes") or "").strip(),
        }
        return _Row(0, values, existing)

    def _check_contacts(self, session: Session, raw: dict[str, str], seen: dict[str, Any]) -> _Row:
        name = _text(raw, "name")
        if not name:
            raise RowError("falta el nombre del contacto")
        client_name = _text(raw, "client")
        client_id = self._client_id(session, client_name)
        self._dup(seen, f"contact:{client_id}:{name.lower()}", f"«{name}» de «{client_name}»")
        existing = session.scalar(
            select(Contact.id).where(Contact.client_id == client_id, Contact.name == name)
        )
        emails = normalise_all(AddressKind.EMAIL, split_list(raw.get("emails") or ""))
        phones = normalise_all(AddressKind.PHONE, split_list(raw.get("phones") or ""))
        whatsapps = normalise_all(AddressKind.WHATSAPP, split_list(raw.get("whatsapp") or ""))
        for kind, values in (
            (AddressKind.EMAIL, emails),
            (AddressKind.PHONE, phones),
            (AddressKind.WHATSAPP, whatsapps),
        ):
            for value in values:
                self._dup(seen, f"address:{kind.value}:{value}", f"{kind.label} {value}")
                owner = session.execute(
                    select(Contact.id, Contact.name)
                    .join(ContactAddress, ContactAddress.contact_id == Contact.id)
                    .where(ContactAddress.kind == kind.value, ContactAddress.value == value)
                ).first()
                if owner is not None and owner[0] != existing:
                    raise RowError(f"el {kind.label} {value} ya pertenece a {owner[1]}")
        values_ = {
            "client_id": client_id,
            "name": name,
            "emails": emails,
            "phones": phones,
            "whatsapps": whatsapps,
            "is_key_user": _bool(raw.get("key_user") or "", False, "key_user"),
            "active": _bool(raw.get("active") or "", True, "active"),
        }
        return _Row(0, values_, existing)

    def _dup(self, seen: dict[str, Any], key: str, what: str) -> None:
        if key in seen:
            raise RowError(f"clave duplicada: {what} ya aparece en la línea {seen[key]}")
        seen[key] = seen.get("__current_line__", "?")

    # one _apply_<kind> per kind: write a validated row, audited
    def _apply_clients(self, session: Session, who: str, row: _Row) -> None:
        v = row.values
        with _imported(session, who, row, Client, "client", _client_state) as client:
            client.name, client.tax_id = v["name"], v["tax_id"]
            client.notes, client.active = v["notes"], v["active"]

    def _apply_products(self, session: Session, who: str, row: _Row) -> None:
        v = row.values
        with _imported(session, who, row, Product, "product", _product_state) as product:
            product.code, product.name, product.active = v["code"], v["name"], v["active"]

    def _apply_contracts(self, session: Session, who: str, row: _Row) -> None:
        v = row.values
        with _imported(session, who, row, Contract, "contract", _contract_state) as contract:
            contract.number, contract.client_id = v["number"], v["client_id"]
            contract.starts_on, contract.ends_on = v["starts_on"], v["ends_on"]
            contract.critical_line_24x7 = v["critical_line_24x7"]
            contract.coverage_notes = v["coverage_notes"]
            contract.products = list(
                session.scalars(select(Product).where(Product.id.in_(v["product_ids"])))
            )

    def _apply_contacts(self, session: Session, who: str, row: _Row) -> None:
        v = row.values
        state_of = functools.partial(_contact_state, session)
        with _imported(session, who, row, Contact, "contact", state_of) as contact:
            contact.client_id, contact.name = v["client_id"], v["name"]
            contact.is_key_user, contact.active = v["is_key_user"], v["active"]
            session.add(contact)
            session.flush()  # the addresses need the contact's id
            self.directory._set_addresses(
                session, contact, v["emails"], v["phones"], v["whatsapps"]
            )

    # ------------------------------------------------------------------ export
    def export(self, kind: str) -> str:
        if kind not in KINDS:
            raise InvalidInput(
                "Tipo de exportación desconocido: «{kind}» (use {kinds}).",
                params={"kind": kind, "kinds": ", ".join(KINDS)},
            )
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS[kind])
        with unit_of_work(self.db) as session:
            for record in getattr(self, f"_export_{kind}")(session):
                writer.writerow(record)
        return out.getvalue()

    @staticmethod
    def _export_clients(session: Session) -> list[list[str]]:
        return [
            [c.name, c.tax_id or "", c.notes, _fmt_bool(c.active)]
            for c in session.scalars(select(Client).order_by(Client.name))
        ]

    @staticmethod
    def _export_products(session: Session) -> list[list[str]]:
        return [
            [p.code, p.name, _fmt_bool(p.active)]
            for p in session.scalars(select(Product).order_by(Product.code))
        ]

    @staticmethod
    def _export_contracts(session: Session) -> list[list[str]]:
        stmt = (
            select(Contract)
            .options(selectinload(Contract.products), selectinload(Contract.client))
            .order_by(Contract.number)
        )
        return [
            [
                c.number,
                c.client.name,
                c.starts_on.isoformat(),
                c.ends_on.isoformat(),
                "; ".join(sorted(p.code for p in c.products)),
                _fmt_bool(c.critical_line_24x7),
                c.coverage_notes,
            ]
            for c in session.scalars(stmt)
        ]

    @staticmethod
    def _export_contacts(session: Session) -> list[list[str]]:
        stmt = (
            select(Contact)
            .options(selectinload(Contact.client))
            .join(Client)
            .order_by(Client.name, Contact.name)
        )
        rows = []
        for c in session.scalars(stmt):
            d = contact_detail(session, c)
            rows.append(
                [
                    d.client_name,
                    d.name,
                    "; ".join(d.emails),
                    "; ".join(d.phones),
                    "; ".join(d.whatsapps),
                    _fmt_bool(d.is_key_user),
                    _fmt_bool(d.active),
                ]
            )
        return rows
