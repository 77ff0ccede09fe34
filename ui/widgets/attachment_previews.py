"""Image previews of attachment cards, cached per attachment and fetched on demand."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import SignalInstance

if TYPE_CHECKING:
    from ui.timeline import AttachmentItem

Fetch = Callable[[int, Callable[[bytes], None]], None]


class AttachmentPreviews:
    """Connects attachment items' "Guardar como…" and fills their thumbnails through ``fetch``."""

    def __init__(self, fetch: Fetch | None) -> None:
        self._fetch = fetch
        self._images: dict[int, bytes] = {}

    def wire(self, items: Iterable[AttachmentItem], save_requested: SignalInstance) -> None:
        for item in items:
            item.save_requested.connect(save_requested)
            if item.attachment.is_image:
                self.load(item)

    def load(self, item: AttachmentItem) -> None:
        cached = self._images.get(item.attachment.id)
        if cached is not None:
            item.set_image(cached)
            return
        if self._fetch is None:
            return

        def done(data: bytes, item: AttachmentItem = item) -> None:
            self._images[item.attachment.id] = data
            with contextlib.suppress(RuntimeError):  # the card was replaced by a reload
                item.set_image(data)

        self._fetch(item.attachment.id, done)
