"""Keep ``True`` alive under PySide6 6.12: each Python-side ``Signal.emit()`` drops a reference.

With Python 3.11 (no immortal objects) about two thousand emits bring ``True``'s reference count to
zero and abort the interpreter ("bool_dealloc"). Until PySide is fixed we raise the count of the
(never freed) ``True`` singleton directly and top it up from a timer. No owner holds these extra
references, so nothing releases them at interpreter shutdown either.
"""

from __future__ import annotations

import ctypes
import sys

from PySide6.QtCore import QObject, QTimer

FLOOR = 200_000
BATCH = 1_000_000


def top_up() -> int:
    """Add spare references when the count runs low; returns how many were added."""
    if sys.version_info >= (3, 12):
        return 0  # True is immortal there
    if sys.getrefcount(True) >= FLOOR:
        return 0
    refcount = ctypes.c_ssize_t.from_address(id(True))  # ob_refcnt is the first field
    refcount.value += BATCH
    return BATCH


def install(parent: QObject, interval_ms: int = 10_000) -> QTimer:
    """Top up now and every ``interval_ms`` (a queue ticks three signals a second at most)."""
    top_up()
    timer = QTimer(parent)
    timer.setObjectName("refcountGuard")
    timer.setInterval(interval_ms)
    timer.timeout.connect(top_up)
    timer.start()
    return timer
