"""Typed errors raised by the services; messages are in Spanish, ready for the screen."""

from __future__ import annotations


class ServiceError(Exception):
    """Base class. ``str(error)`` is a complete sentence in Spanish."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InvalidInput(ServiceError):
    exit_code = 2


class Conflict(ServiceError):
    """Someone else got there first: already claimed, or changed since it was read."""

    exit_code = 3

    def __init__(
        self, message: str, *, changed_by: str | None = None, current_version: int | None = None
    ) -> None:
        super().__init__(message)
        self.changed_by = changed_by
        self.current_version = current_version


class NotFound(ServiceError):
    exit_code = 4


class DatabaseUnavailable(ServiceError):
    exit_code = 5


class PermissionDenied(ServiceError):
    exit_code = 6
