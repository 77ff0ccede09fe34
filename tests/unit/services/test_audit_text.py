"""Audit entries in words: labels of kinds and actions, values, and the changed fields only."""

from __future__ import annotations

from datetime import datetime

from app.domain.formatting import format_datetime
from app.services.audit_text import (
    RECORD_KINDS,
    FieldChange,
    action_label,
    actions_matching,
    actor_label,
    changes_text,
    entity_label,
    field_changes,
    fixed_texts,
    format_value,
    record_label,
)

OFFICE = [[["08:00", "17:00"]]] * 5 + [[], []]


def test_kinds_cover_settings_and_each_directory_kind_once() -> None:
    entities = [e for kind in RECORD_KINDS for e in kind.entities]
    assert len(entities) == len(set(entities))
    assert RECORD_KINDS[0].entities[:3] == ("calendar", "sla_assignment", "app_setting")
    assert {k.key for k in RECORD_KINDS} >= {"client", "contract", "contact", "product"}
    assert entity_label("calendar") == "Calendario"
    assert entity_label("contract") == "Contrato"
    assert entity_label("mail_quarantine") == "Correo en cuarentena"
    assert entity_label("some_future_table") == "some_future_table"  # unknown: shown as stored


def test_every_table_that_can_be_audited_has_a_kind_and_a_label() -> None:
    """Any table's row can be audited (text repaired on save: app.services.untrusted), so each
    one is named and filed under a kind; the logs themselves are never audited."""
    from app.data.models import Base

    tables = set(Base.metadata.tables) - {"audit_log", "ticket_audit"}
    filed = {e for kind in RECORD_KINDS for e in kind.entities}
    assert tables <= filed
    assert all(entity_label(table) != table for table in tables)


def test_action_labels_say_what_happened() -> None:
    assert action_label("calendar", "set_weekly") == "Cambió el horario semanal"
    assert action_label("client", "create", None, {"name": "X"}) == "Creó el registro"
    assert action_label("client", "update", {"notes": ""}, {"notes": "x"}) == (
        "Modificó el registro"
    )
    assert action_label("product", "update", {"active": True}, {"active": False}) == (
        "Desactivó el registro"
    )
    assert action_label("product", "update", {"active": False}, {"active": True}) == (
        "Reactivó el registro"
    )
    assert action_label("ticket", "teleport") == "teleport"
    assert actor_label("system") == "Sistema"
    assert actor_label("sup", "Sara Supervisora") == "Sara Supervisora"
    assert actor_label("gone", None) == "gone"


def test_actions_matching_ignores_case_and_accents() -> None:
    assert actions_matching("HORARIO") == ("set_weekly",)
    assert actions_matching("dia de cierre") == ("add_closure", "remove_closure")
    assert "update" in actions_matching("desactivo")
    assert actions_matching("  ") == ()


def test_record_labels_without_a_name() -> None:
    assert record_label("ticket", "42") == "IMR-42"
    assert record_label("app_setting", "at_risk_fraction") == "Umbral de riesgo"
    assert record_label("sla_assignment", "1/critical-line") == "Muy alto · Línea Crítica"
    assert record_label("sla_assignment", "9/fax") == "9/fax"
    assert record_label("client", "7") == "n.º 7"
    assert record_label("client", "7", "Farmacias El Canal") == "Farmacias El Canal"


def test_values_read_like_the_rest_of_the_console() -> None:
    assert format_value("active", True) == "Sí"
    assert format_value("notes", "") == "—"
    assert format_value("emails", []) == "—"
    assert format_value("ends_on", "2027-01-31") == "31/01/2027"
    assert format_value("priority", 1) == "Muy alto"
    assert format_value("role", "supervisor") == "Supervisor"
    assert format_value("kind", "call_out") == "Llamada saliente"
    assert format_value("products", ["ERP-FIN", "POS"]) == "ERP-FIN, POS"
    assert format_value("value", 0.25, entity_id="at_risk_fraction") == "25 %"
    assert format_value("into", 12) == "IMR-12"
    due = "2026-12-03T15:00:00+00:00"
    assert format_value("first_contact_due", due) == format_datetime(datetime.fromisoformat(due))
    assert format_value("fields", {"subject": 2}) == "subject: 2"


def test_update_lists_only_changed_fields() -> None:
    before = {"name": "A", "tax_id": None, "notes": "", "active": True}
    after = {"name": "B", "tax_id": None, "notes": "", "active": False}
    assert field_changes("client", "update", before, after) == (
        FieldChange("name", "Nombre", "A", "B"),
        FieldChange("active", "Activo", "Sí", "No"),
    )
    assert field_changes("client", "update", before, dict(before)) == ()


def test_creation_lists_filled_fields_and_removal_what_was_there() -> None:
    created = field_changes(
        "contract",
        "create",
        None,
        {"client_id": 3, "number": "CM-1", "coverage_notes": "", "products": []},
    )
    assert created == (FieldChange("number", "Número", None, "CM-1"),)
    removed = field_changes(
        "calendar", "remove_closure", {"day": "2026-12-24", "reason": "Nochebuena"}, None
    )
    assert removed == (
        FieldChange("day", "Día", "24/12/2026", None),
        FieldChange("reason", "Motivo", "Nochebuena", None),
    )


def test_weekly_hours_differ_by_weekday() -> None:
    after = [list(day) for day in OFFICE]
    after[0] = [["07:00", "12:00"], ["13:00", "16:00"]]
    after[5] = [["08:00", "12:00"]]
    after[4] = []
    assert field_changes("calendar", "set_weekly", OFFICE, after) == (
        FieldChange("weekday_0", "Lunes", "08:00–17:00", "07:00–12:00, 13:00–16:00"),
        FieldChange("weekday_4", "Viernes", "08:00–17:00", "cerrado"),
        FieldChange("weekday_5", "Sábado", "cerrado", "08:00–12:00"),
    )


def test_stored_codes_can_be_named() -> None:
    names = {"calendar": {"office": "Horario de oficina"}}
    changes = field_changes(
        "sla_assignment",
        "set_calendar",
        {"calendar": "office"},
        {"calendar": "24x7"},
        "1/email",
        names,
    )
    assert changes == (FieldChange("calendar", "Calendario", "Horario de oficina", "24x7"),)


def test_plain_values_and_the_one_line_summary() -> None:
    changes = field_changes("app_setting", "set", 0.25, 0.3, "at_risk_fraction")
    assert changes == (FieldChange("value", "Valor", "25 %", "30 %"),)
    assert field_changes("x", "set", 1, 1) == ()
    assert changes_text(changes) == "Valor: 25 % → 30 %"
    assert changes_text((FieldChange("day", "Día", None, "24/12/2026"),)) == ("Día: — → 24/12/2026")


def test_fixed_texts_cover_every_label_once() -> None:
    texts = fixed_texts()
    assert len(texts) == len(set(texts))
    for text in ("Cambió el horario semanal", "Calendario", "Lunes", "Sí", "cerrado", "Sistema"):
        assert text in texts
