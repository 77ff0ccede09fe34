"""Typed errors raised by the services; messages are in Spanish, ready for the screen."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Worded:
    """A param written differently in each language (a size with a decimal comma or point)."""

    label: str
    label_en: str


def spanish(value: Any) -> Any:
    """A param as the Spanish message shows it: a domain enum by its Spanish ``label``, another
    service error (the cause a message builds on) by its message."""
    if hasattr(value, "label_en"):
        return value.label
    if isinstance(value, ServiceError):
        return value.message
    return value


class ServiceError(Exception):
    """Base class. ``str(error)`` is a complete sentence in Spanish.

    With ``params`` the first argument is a template with ``{name}`` fields: ``message`` is that
    template filled in, and the screens translate ``template`` and fill it with ``params``. A
    domain enum (a ``label`` and a ``label_en``) may be given as a param: the Spanish message
    shows its ``label``, an English screen its ``label_en``."""

    exit_code = 1

    def __init__(self, message: str, *, params: Mapping[str, Any] | None = None) -> None:
        self.template = message
        self.params: dict[str, Any] = dict(params or {})
        if self.params:
            message = message.format(**{k: spanish(v) for k, v in self.params.items()})
        super().__init__(message)
        self.message = message


class InvalidInput(ServiceError):
    exit_code = 2


class Conflict(ServiceError):
    """Someone else got there first: already claimed, or changed since it was read."""

    exit_code = 3

    def __init__(
        self,
        message: str,
        *,
        params: Mapping[str, Any] | None = None,
        changed_by: str | None = None,
        current_version: int | None = None,
    ) -> None:
        super().__init__(message, params=params)
        self.changed_by = changed_by
        self.current_version = current_version


class NotFound(ServiceError):
    exit_code = 4


class DatabaseUnavailable(ServiceError):
    exit_code = 5


class PermissionDenied(ServiceError):
    exit_code = 6
