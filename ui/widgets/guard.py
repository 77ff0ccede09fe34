"""Callbacks from background jobs that arrive after their window was closed and deleted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


def while_alive(owner: QObject, fn: Callable[..., Any] | None) -> Callable[..., None] | None:
    """``fn`` wrapped so that it does nothing once ``owner``'s C++ object is gone."""
    if fn is None:
        return None

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            fn(*args)

    return call
