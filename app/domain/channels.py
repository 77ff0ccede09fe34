"""The four ways a case reaches IMR's Centro de Soluciones."""

from __future__ import annotations

from enum import StrEnum


class Channel(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    WHATSAPP = "whatsapp"
    CRITICAL_LINE = "critical-line"

    @property
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _LABELS[self][1]

    @classmethod
    def parse(cls, value: str) -> Channel:
        text = value.strip().lower().replace("_", "-")
        for member in cls:
            if text in (member.value, member.label.lower(), member.label_en.lower()):
                return member
        choices = ", ".join(m.value for m in cls)
        raise ValueError(f"canal desconocido: {value!r} (use {choices})")


_LABELS = {
    Channel.EMAIL: ("Correo electrónico", "Email"),
    Channel.PHONE: ("Central telefónica", "Phone"),
    Channel.WHATSAPP: ("WhatsApp", "WhatsApp"),
    Channel.CRITICAL_LINE: ("Línea Crítica", "Critical line"),
}
