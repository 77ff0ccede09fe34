"""The protocol's four priority levels and their first-contact targets."""

from __future__ import annotations

from datetime import timedelta
from enum import IntEnum


class Priority(IntEnum):
    """Priority level; the integer value is the protocol's service order."""

    MUY_ALTO = 1
    ALTO = 2
    MEDIO = 3
    BAJO = 4

    @property
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def label_en(self) -> str:
        return _LABELS[self][1]

    @property
    def summary(self) -> str:
        """The protocol's short classification ("Caso crítico sin alternativa conocida")."""
        return _SUMMARIES[self]

    @property
    def definition(self) -> str:
        """The protocol's definition of the level, verbatim."""
        return _DEFINITIONS[self]

    @property
    def target(self) -> timedelta:
        """Time allowed until first contact with the requester."""
        return _TARGETS[self]

    @property
    def target_text(self) -> str:
        hours = int(self.target.total_seconds() // 3600)
        return "1 hora" if hours == 1 else f"{hours} horas"

    @classmethod
    def parse(cls, value: str | int) -> Priority:
        """Accept 1-4, an enum name, or the Spanish/English label (any case, accents optional)."""
        if isinstance(value, int):
            return cls(value)
        text = value.strip().lower().replace("_", " ").replace("-", " ")
        if text.isdigit():
            return cls(int(text))
        for member in cls:
            names = {member.name.lower().replace("_", " "), member.label.lower()}
            names.add(member.label_en.lower())
            if text in names:
                return member
        raise ValueError(
            f"prioridad desconocida: {value!r} (use 1-4 o Muy alto, Alto, Medio, Bajo)"
        )


_LABELS = {
    Priority.MUY_ALTO: ("Muy alto", "Very high"),
    Priority.ALTO: ("Alto", "High"),
    Priority.MEDIO: ("Medio", "Medium"),
    Priority.BAJO: ("Bajo", "Low"),
}

_SUMMARIES = {
    Priority.MUY_ALTO: "Caso crítico sin alternativa conocida",
    Priority.ALTO: "Caso crítico con alternativa",
    Priority.MEDIO: "Caso no crítico sin opción inmediata",
    Priority.BAJO: "Caso no crítico que no demanda atención inmediata",
}

_DEFINITIONS = {
    Priority.MUY_ALTO: "Se refiere a casos donde el sistema está completamente inoperativo.",
    Priority.ALTO: (
        "Se refiere a casos donde funciones aleatorias están inoperantes, sin embargo, "
        "el sistema continúa operante en otras funciones."
    ),
    Priority.MEDIO: "Casos que requieren atención pero la operación diaria no se ve afectada.",
    Priority.BAJO: "Casos que no requieren atención inmediata. Existe una alternativa conocida.",
}

_TARGETS = {
    Priority.MUY_ALTO: timedelta(hours=1),
    Priority.ALTO: timedelta(hours=3),
    Priority.MEDIO: timedelta(hours=12),
    Priority.BAJO: timedelta(hours=24),
}
