"""Contact addresses: phone numbers to E.164 (Panama by default), e-mail addresses lower-cased."""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum

import phonenumbers

DEFAULT_REGION = "PA"

# Deliberately simple: one @, a dotted domain, no spaces. Real validation is the reply bouncing.
_EMAIL = re.compile(
    r"^[^@\s<>(),;:\"\[\]]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)
_LIST_SEPARATORS = re.compile(r"[;,\n]")


class AddressKind(StrEnum):
    EMAIL = "email"
    PHONE = "phone"
    WHATSAPP = "whatsapp"

    @property
    def label(self) -> str:
        return {"email": "correo electrónico", "phone": "teléfono", "whatsapp": "WhatsApp"}[
            self.value
        ]


class InvalidAddress(ValueError):
    """``str(error)`` is a complete sentence in Spanish; ``problem`` says which one ("email",
    "phone" or "phone_digits") and ``value`` is what was typed, so a screen can word it in its
    own language."""

    def __init__(self, message: str, *, problem: str = "", value: str = "") -> None:
        super().__init__(message)
        self.problem = problem
        self.value = value


def normalise_email(text: str) -> str:
    """Strip and lower-case; raise InvalidAddress when it is not an address."""
    value = text.strip().lower()
    if value.startswith("mailto:"):
        value = value[len("mailto:") :]
    if not _EMAIL.match(value) or len(value) > 320:
        raise InvalidAddress(
            f"Correo electrónico inválido: «{text.strip()}».", problem="email", value=text.strip()
        )
    return value


def normalise_phone(text: str, region: str = DEFAULT_REGION) -> str:
    """E.164 form (``+50760930740``); numbers without a country code are taken as Panamanian."""
    raw = text.strip()
    if raw.lower().startswith(("tel:", "whatsapp:")):
        raw = raw.split(":", 1)[1]
    typed = text.strip()
    if not raw or not re.search(r"\d", raw) or re.search(r"[A-Za-z]", raw.replace("ext", "")):
        raise InvalidAddress(
            f"Número de teléfono inválido: «{typed}».", problem="phone", value=typed
        )
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as error:
        raise InvalidAddress(
            f"Número de teléfono inválido: «{typed}».", problem="phone", value=typed
        ) from error
    if not phonenumbers.is_possible_number(number):
        raise InvalidAddress(
            f"Número de teléfono inválido: «{typed}» (faltan o sobran dígitos).",
            problem="phone_digits",
            value=typed,
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """Readable form for the screen: Panama numbers without the country code."""
    try:
        number = phonenumbers.parse(e164, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return e164
    if number.country_code == 507:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalise(kind: AddressKind | str, text: str) -> str:
    kind = AddressKind(kind)
    return normalise_email(text) if kind is AddressKind.EMAIL else normalise_phone(text)


def try_normalise(kind: AddressKind | str, text: str) -> str | None:
    """The normalised form, or None when the text is not a valid address of that kind."""
    try:
        return normalise(kind, text)
    except InvalidAddress:
        return None


def looks_like_email(text: str) -> bool:
    return "@" in text


def split_list(text: str) -> list[str]:
    """ "a@x.pa; b@x.pa" → ["a@x.pa", "b@x.pa"] (semicolon, comma or new line)."""
    return [part.strip() for part in _LIST_SEPARATORS.split(text or "") if part.strip()]


def normalise_all(kind: AddressKind | str, values: Iterable[str]) -> list[str]:
    """Normalise each value, drop repeats, keep order; the first bad value raises."""
    seen: list[str] = []
    for value in values:
        if not value.strip():
            continue
        normal = normalise(kind, value)
        if normal not in seen:
            seen.append(normal)
    return seen
