"""Typed service errors: a Spanish message, and the template and params the screens translate."""

from __future__ import annotations

import pytest

from app.domain.priorities import Priority
from app.domain.tickets import TicketStatus
from app.services.errors import (
    Conflict,
    DatabaseUnavailable,
    InvalidInput,
    NotFound,
    PermissionDenied,
    ServiceError,
)


def test_a_plain_message_is_its_own_template() -> None:
    error = InvalidInput("Indique el motivo del cambio de prioridad.")
    assert error.message == "Indique el motivo del cambio de prioridad."
    assert str(error) == error.message
    assert error.template == error.message
    assert error.params == {}
    assert error.exit_code == 2


def test_a_plain_message_with_braces_is_not_formatted() -> None:
    error = ServiceError("Texto con {llaves} literales.")
    assert error.message == "Texto con {llaves} literales."
    assert error.template == error.message


def test_params_fill_the_spanish_message_and_are_kept() -> None:
    error = NotFound("No existe el tiquete {number}.", params={"number": "IMR-000042"})
    assert error.message == "No existe el tiquete IMR-000042."
    assert str(error) == "No existe el tiquete IMR-000042."
    assert error.template == "No existe el tiquete {number}."
    assert error.params == {"number": "IMR-000042"}
    assert error.exit_code == 4


def test_params_are_a_copy_of_what_was_given() -> None:
    given = {"login": "ana"}
    error = NotFound("No existe el representante técnico «{login}».", params=given)
    given["login"] = "otro"
    assert error.params == {"login": "ana"}
    assert error.message == "No existe el representante técnico «ana»."


def test_domain_enums_show_their_spanish_label_in_the_message() -> None:
    error = InvalidInput(
        "No se puede pasar de «{current}» a «{status}».",
        params={"current": TicketStatus.CLOSED, "status": TicketStatus.IN_PROGRESS},
    )
    assert error.message == "No se puede pasar de «Cerrado» a «En proceso»."
    assert error.params["status"] is TicketStatus.IN_PROGRESS  # the English label stays at hand
    priority = InvalidInput(
        "El tiquete ya tiene prioridad {priority}.", params={"priority": Priority.MUY_ALTO}
    )
    assert priority.message == "El tiquete ya tiene prioridad Muy alto."


def test_conflict_keeps_its_own_keywords_next_to_params() -> None:
    error = Conflict(
        "El tiquete {number} ya lo tomó {assignee}.",
        params={"number": "IMR-000007", "assignee": "Ana Pérez"},
        changed_by="ana",
        current_version=3,
    )
    assert error.message == "El tiquete IMR-000007 ya lo tomó Ana Pérez."
    assert (error.changed_by, error.current_version, error.exit_code) == ("ana", 3, 3)
    plain = Conflict("El horario no cambió.", changed_by="luis")
    assert (plain.message, plain.template, plain.params) == (
        "El horario no cambió.",
        "El horario no cambió.",
        {},
    )
    assert (plain.changed_by, plain.current_version) == ("luis", None)


@pytest.mark.parametrize(
    ("kind", "code"), [(DatabaseUnavailable, 5), (PermissionDenied, 6), (ServiceError, 1)]
)
def test_every_kind_takes_params(kind: type[ServiceError], code: int) -> None:
    error = kind("La base de datos {database} no responde.", params={"database": "imr@db"})
    assert error.message == "La base de datos imr@db no responde."
    assert error.template == "La base de datos {database} no responde."
    assert error.exit_code == code


def test_a_missing_param_fails_where_the_error_is_raised() -> None:
    with pytest.raises(KeyError):
        NotFound("No existe el tiquete {number}.", params={"id": 1})
