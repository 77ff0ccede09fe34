"""The audit trail in words: Spanish labels for kinds of record and actions, and one entry's
field-by-field before → after (changed fields only). No database here: plain functions."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.domain.channels import Channel
from app.domain.formatting import format_datetime
from app.domain.priorities import Priority
from app.domain.tickets import ActionKind, format_ticket_number
from app.services.directory import ROLE_LABELS

SYSTEM_ACTOR = "system"
SYSTEM_LABEL = "Sistema"
EMPTY = "—"


@dataclass(frozen=True, slots=True)
class RecordKind:
    """One choice of the trail's "kind of record" filter and the audit entities it covers."""

    key: str
    label: str
    entities: tuple[str, ...]


RECORD_KINDS = (
    RecordKind(
        "sla",
        "Calendarios y política del SLA",
        ("calendar", "sla_assignment", "app_setting", "calendar_setting", "calendar_closure"),
    ),
    RecordKind("client", "Clientes", ("client",)),
    RecordKind("contract", "Contratos", ("contract", "contract_product")),
    RecordKind("contact", "Contactos", ("contact", "contact_address")),
    RecordKind("product", "Productos", ("product",)),
    RecordKind("technician", "Representantes técnicos", ("technician",)),
    RecordKind(
        "ticket",
        "Tiquetes",
        ("ticket", "ticket_action", "attachment", "mail_message", "mail_quarantine"),
    ),
)
KINDS_BY_KEY = {k.key: k for k in RECORD_KINDS}

ENTITY_LABELS = {
    "calendar": "Calendario",
    "sla_assignment": "Calendario por prioridad y canal",
    "app_setting": "Política del SLA",
    "client": "Cliente",
    "contract": "Contrato",
    "contact": "Contacto",
    "product": "Producto",
    "technician": "Representante técnico",
    "ticket": "Tiquete",
    # tables audited only when stored text had to be repaired (app.services.untrusted)
    "contract_product": "Producto del contrato",
    "contact_address": "Correo o teléfono de contacto",
    "ticket_action": "Acción de tiquete",
    "attachment": "Adjunto",
    "mail_message": "Correo",
    "mail_quarantine": "Correo en cuarentena",
    "calendar_setting": "Calendario",
    "calendar_closure": "Día de cierre",
}

ACTION_LABELS = {
    "set_weekly": "Cambió el horario semanal",
    "add_closure": "Agregó un día de cierre",
    "remove_closure": "Quitó un día de cierre",
    "set_calendar": "Cambió el calendario asignado",
    "set": "Cambió el valor",
    "create": "Creó el registro",
    "update": "Modificó el registro",
    "import": "Importó desde CSV",
    "reassign": "Reasignó el tiquete",
    "reprioritise": "Cambió la prioridad",
    "merge": "Lo unió a otro tiquete como duplicado",
    "received_at_entered": "Indicó la hora de recepción",
    "action_time_entered": "Indicó la hora de una acción",
    "nul_replaced": "Reemplazó caracteres no válidos",
}
DEACTIVATED = "Desactivó el registro"
REACTIVATED = "Reactivó el registro"

SETTING_LABELS = {"at_risk_fraction": "Umbral de riesgo"}

FIELD_LABELS = {
    "name": "Nombre",
    "tax_id": "RUC",
    "notes": "Notas",
    "active": "Activo",
    "number": "Número",
    "starts_on": "Inicio",
    "ends_on": "Fin",
    "critical_line_24x7": "Línea Crítica 24×7",
    "coverage_notes": "Notas de cobertura",
    "products": "Productos",
    "client_id": "Cliente (n.º interno)",
    "emails": "Correos",
    "phones": "Teléfonos",
    "whatsapps": "WhatsApp",
    "is_key_user": "Usuario clave",
    "login": "Usuario",
    "email": "Correo",
    "role": "Rol",
    "on_shift": "En turno",
    "code": "Código",
    "calendar": "Calendario",
    "value": "Valor",
    "day": "Día",
    "reason": "Motivo",
    "priority": "Prioridad",
    "first_contact_due": "Vence el primer contacto",
    "assignee": "Asignado a",
    "into": "Unido al tiquete",
    "occurred_at": "Hora de la acción",
    "kind": "Tipo de acción",
    "received_at": "Recibido",
    "fields": "Campos corregidos",
}
WEEKDAYS = ("Lunes", "Martes", "Miércoles", "Jueves", "Viernes", "Sábado", "Domingo")
YES, NO, CLOSED = "Sí", "No", "cerrado"

_DATES = frozenset({"starts_on", "ends_on", "day"})
_TIMES = frozenset({"first_contact_due", "occurred_at", "received_at"})
# The record's own name already says which client a contract or contact belongs to.
_NAMED_BY_RECORD = frozenset({"client_id"})


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One changed field; ``before`` is None when the field is new, ``after`` when it is gone."""

    key: str
    label: str
    before: str | None
    after: str | None


# ---------------------------------------------------------------------------------- labels
def entity_label(entity: str) -> str:
    return ENTITY_LABELS.get(entity, entity)


def actor_label(login: str, name: str | None = None) -> str:
    if login == SYSTEM_ACTOR:
        return SYSTEM_LABEL
    return name or login


def action_label(entity: str, action: str, before: Any = None, after: Any = None) -> str:
    """ "Cambió el horario semanal"; an update that only (de)activates says so."""
    if (
        action in ("update", "import")
        and isinstance(before, Mapping)
        and isinstance(after, Mapping)
        and set(after) == {"active"}
        and before.get("active") != after.get("active")
    ):
        return REACTIVATED if after["active"] else DEACTIVATED
    return ACTION_LABELS.get(action, action)


def assignment_key(entity_id: str) -> tuple[Priority, Channel] | None:
    """The priority × channel of a ``sla_assignment`` entry ("1/email"); None if unreadable."""
    priority, _, channel = entity_id.partition("/")
    try:
        return Priority(int(priority)), Channel(channel)
    except ValueError:
        return None


def record_label(entity: str, entity_id: str, name: str | None = None) -> str:
    """What was changed, for people: a resolved name, a ticket number, a setting's label."""
    if name:
        return name
    if entity == "ticket" and entity_id.isdigit():
        return format_ticket_number(int(entity_id))
    if entity == "app_setting":
        return SETTING_LABELS.get(entity_id, entity_id)
    if entity == "sla_assignment":
        key = assignment_key(entity_id)
        if key is not None:
            return f"{key[0].label} · {key[1].label}"
    if entity_id.isdigit():
        return f"n.º {entity_id}"
    return entity_id


def fold(text: str) -> str:
    """Lower case without accents, for matching what a person types ("dia" finds "día")."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


def actions_matching(text: str) -> tuple[str, ...]:
    """Action codes whose label contains ``text`` (accents and case ignored)."""
    needle = fold(text.strip())
    if not needle:
        return ()
    labels = dict(ACTION_LABELS)
    matched = {code for code, label in labels.items() if needle in fold(label)}
    if needle in fold(DEACTIVATED) or needle in fold(REACTIVATED):
        matched.add("update")
    return tuple(sorted(matched))


# ---------------------------------------------------------------------------------- values
def format_value(key: str, value: Any, *, entity: str = "", entity_id: str = "") -> str:
    """One audited value as text: dates dd/mm/yyyy, booleans Sí/No, enums by their label."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return YES if value else NO
    if key == "value" and entity_id == "at_risk_fraction" and isinstance(value, int | float):
        return f"{value * 100:.0f} %"
    if key == "priority" and isinstance(value, int):
        try:
            return Priority(value).label
        except ValueError:
            return str(value)
    if key == "role" and isinstance(value, str):
        return ROLE_LABELS.get(value, value)
    if key == "kind" and isinstance(value, str):
        try:
            return ActionKind(value).label
        except ValueError:
            return value
    if key == "into" and isinstance(value, int):
        return format_ticket_number(value)
    if key in _DATES and isinstance(value, str):
        try:
            return f"{date.fromisoformat(value[:10]):%d/%m/%Y}"
        except ValueError:
            return value
    if key in _TIMES and isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        if moment.tzinfo is not None:
            return format_datetime(moment)
        return value
    if isinstance(value, list | tuple):
        return ", ".join(format_value(key, v) for v in value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k}: {format_value(str(k), v)}" for k, v in value.items())
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _hours(day: Any) -> str:
    if not day:
        return CLOSED
    return ", ".join(f"{span[0]}–{span[1]}" for span in day)


def _weekly_changes(before: Any, after: Any) -> tuple[FieldChange, ...]:
    changes = []
    for index, label in enumerate(WEEKDAYS):
        old = before[index] if isinstance(before, list) and index < len(before) else None
        new = after[index] if isinstance(after, list) and index < len(after) else None
        if old == new:
            continue
        changes.append(
            FieldChange(
                f"weekday_{index}",
                label,
                None if before is None else _hours(old),
                None if after is None else _hours(new),
            )
        )
    return tuple(changes)


def _is_blank(value: Any) -> bool:
    return value is None or value == "" or value == []


def field_changes(
    entity: str,
    action: str,
    before: Any,
    after: Any,
    entity_id: str = "",
    names: Mapping[str, Mapping[str, str]] | None = None,
) -> tuple[FieldChange, ...]:
    """The fields that differ between ``before`` and ``after``, each as text.

    A creation lists the new record's filled-in fields (nothing before); a removal lists what
    was there (nothing after); an update lists only the fields that changed. ``names`` gives
    people's names for stored codes, per field (``{"calendar": {"office": "Horario…"}}``)."""
    if action == "set_weekly":
        return _weekly_changes(before, after)

    def text(key: str, value: Any) -> str:
        named = (names or {}).get(key, {})
        if isinstance(value, str) and value in named:
            return named[value]
        return format_value(key, value, entity=entity, entity_id=entity_id)

    if (before is None or isinstance(before, Mapping)) and (
        after is None or isinstance(after, Mapping)
    ):
        old: Mapping[str, Any] = before or {}
        new: Mapping[str, Any] = after or {}
        keys = list(new) + [k for k in old if k not in new]
        changes = []
        for key in keys:
            if key in _NAMED_BY_RECORD and (before is None or after is None):
                continue
            if before is None or after is None:
                value = new.get(key) if before is None else old.get(key)
                if _is_blank(value):
                    continue
            elif old.get(key) == new.get(key):
                continue
            changes.append(
                FieldChange(
                    key,
                    FIELD_LABELS.get(key, key),
                    None if before is None else text(key, old.get(key)),
                    None if after is None else text(key, new.get(key)),
                )
            )
        return tuple(changes)
    if before == after:
        return ()
    return (
        FieldChange(
            "value",
            FIELD_LABELS["value"],
            None if before is None else text("value", before),
            None if after is None else text("value", after),
        ),
    )


def changes_text(changes: tuple[FieldChange, ...]) -> str:
    """ "Nombre: A → B; Activo: Sí → No" for one-line exports."""
    return "; ".join(
        f"{c.label}: {EMPTY if c.before is None else c.before} → "
        f"{EMPTY if c.after is None else c.after}"
        for c in changes
    )


def fixed_texts() -> list[str]:
    """Every fixed text above, for the screens' translation catalogue (``ui.i18n.domain``)."""
    texts = [k.label for k in RECORD_KINDS]
    texts += [*ENTITY_LABELS.values(), *ACTION_LABELS.values(), DEACTIVATED, REACTIVATED]
    texts += [*SETTING_LABELS.values(), *FIELD_LABELS.values(), *WEEKDAYS]
    texts += [YES, NO, CLOSED, SYSTEM_LABEL, *ROLE_LABELS.values()]
    texts += [p.label for p in Priority] + [c.label for c in Channel]
    texts += [k.label for k in ActionKind]
    return list(dict.fromkeys(texts))
