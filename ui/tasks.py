"""One small task runner: database work off the GUI thread, results back by signal."""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Relay(QObject):
    """Lives on the GUI thread; queued signals carry results back to it."""

    finished = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.job_id = job_id
        self.fn = fn
        self.relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as error:  # handed to the failure callback, never lost
            error.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.relay.failed.emit(self.job_id, error)
        else:
            self.relay.finished.emit(self.job_id, result)


class TaskRunner(QObject):
    """``run(fn, on_success, on_failure)``: fn runs on a worker thread; callbacks on the GUI.

    ``busy_changed`` lets the window show a spinner; ``pending`` counts jobs in flight.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._relay = _Relay()
        self._relay.finished.connect(self._on_finished)
        self._relay.failed.connect(self._on_failed)
        self._ids = itertools.count(1)
        self._callbacks: dict[
            int, tuple[Callable[[Any], None] | None, Callable[[BaseException], None] | None]
        ] = {}

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def run(
        self,
        fn: Callable[[], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
    ) -> int:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_success, on_failure)
        if len(self._callbacks) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(job_id, fn, self._relay))
        return job_id

    def wait_idle(self, msecs: int = 30000) -> bool:
        """For tests and shutdown: wait for the worker threads (callbacks still need events)."""
        return self._pool.waitForDone(msecs)

    @Slot(int, object)
    def _on_finished(self, job_id: int, result: object) -> None:
        on_success, _ = self._pop(job_id)
        if on_success is not None:
            on_success(result)

    @Slot(int, object)
    def _on_failed(self, job_id: int, error: object) -> None:
        _, on_failure = self._pop(job_id)
        if on_failure is not None:
            on_failure(error)  # type: ignore[arg-type]
        else:
            raise error  # type: ignore[misc]

    def _pop(self, job_id: int) -> tuple[Any, Any]:
        callbacks = self._callbacks.pop(job_id, (None, None))
        if not self._callbacks:
            self.busy_changed.emit(False)
        return callbacks
