"""A service error's message on screen, in the console's language."""

from __future__ import annotations

from string import Formatter
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.services.errors import ServiceError
from ui import i18n


def error_text(error: BaseException) -> str:
    """The message of a service error, or a short generic line (never a traceback).

    A ServiceError's Spanish template is translated in the "ServiceError" context (listed by
    ``tools/extract_strings.py``) and filled with its params; without a translation, or when
    the translation does not name exactly the template's fields, the Spanish message is shown.
    """
    if isinstance(error, ServiceError) and error.message:
        return _translated(error)
    message = getattr(error, "message", None)
    if isinstance(message, str) and message:
        return message
    first = str(error).strip().splitlines()
    return first[0] if first else type(error).__name__


def _translated(error: ServiceError) -> str:
    template = getattr(error, "template", error.message)
    params: dict[str, Any] = getattr(error, "params", {})
    translated = QCoreApplication.translate("ServiceError", template)
    if not translated or translated == template:
        return error.message
    if not params:
        return translated
    try:
        if _fields(translated) != _fields(template):
            return error.message
        return translated.format(**{name: _shown(value) for name, value in params.items()})
    except (ValueError, KeyError, IndexError, AttributeError, TypeError):
        return error.message


def _fields(template: str) -> set[str]:
    return {field for _text, field, _spec, _conv in Formatter().parse(template) if field}


def _shown(value: Any) -> Any:
    """A domain enum (priority, status, action kind) by its label in the console's language; a
    service error given as the cause of another by its own message in that language."""
    if isinstance(value, ServiceError):
        return error_text(value)
    return i18n.label(value) if hasattr(value, "label_en") else value
