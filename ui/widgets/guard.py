"""Callbacks from background jobs that arrive after their window was closed and deleted."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from ui.context import AppContext


def while_alive(owner: QObject, fn: Callable[..., Any] | None) -> Callable[..., None] | None:
    """``fn`` wrapped so that it does nothing once ``owner``'s C++ object is gone."""
    if fn is None:
        return None

    def call(*args: Any) -> None:
        if shiboken6.isValid(owner):
            fn(*args)

    return call


class GuardedJobs:
    """Mixin for a window with ``ctx``: background jobs whose callbacks die with the window."""

    ctx: AppContext

    def _run_job(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Background job whose callbacks are dropped if this dialog is deleted meanwhile."""
        owner: Any = self  # the QObject this is mixed into
        self.ctx.runner.run(fn, while_alive(owner, on_success), while_alive(owner, on_failure))
