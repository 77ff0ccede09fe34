"""SMTP sending: the automatic acknowledgment of a new ticket (no loops, rate-limited)."""

from __future__ import annotations

import email.policy
import os
import smtplib
import ssl
from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid

from app.config import KEYRING_SERVICE
from app.domain.priorities import Priority
from app.domain.tickets import format_ticket_number
from app.intake.parsing import ParsedMail

SMTP_PASSWORD_ENV = "IMR_SMTP_PASSWORD"


class MailSendError(Exception):
    """The SMTP server refused or could not be reached; the message is in Spanish."""


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    security: str = "starttls"  # "ssl", "starttls" or "none"
    user: str = ""
    from_addr: str = "soporte@imr.com.pa"
    from_name: str = "Centro de Soluciones IMR"
    timeout: float = 30.0
    verify_tls: bool = True

    @property
    def keyring_key(self) -> str:
        return f"smtp:{self.user}@{self.host}:{self.port}"

    @property
    def domain(self) -> str:
        return self.from_addr.rpartition("@")[2] or "imr.local"


def secret(keyring_key: str, env_var: str) -> str | None:
    """A mail password: the OS keyring first, then the service account's environment variable."""
    try:
        import keyring

        value = keyring.get_password(KEYRING_SERVICE, keyring_key)
        if value:
            return value
    except Exception:  # no usable keyring backend: fall through to the environment
        pass
    return os.environ.get(env_var) or None


def send(settings: SmtpSettings, message: EmailMessage) -> bytes:
    """Send one message; returns the exact bytes sent (kept in the database)."""
    if "Message-ID" not in message:
        message["Message-ID"] = make_msgid(domain=settings.domain)
    if "Date" not in message:
        message["Date"] = formatdate(localtime=True)
    raw = message.as_bytes(policy=email.policy.SMTP)  # CRLF: smtplib sends bytes verbatim
    context = ssl.create_default_context()
    if not settings.verify_tls:
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
    try:
        if settings.security == "ssl":
            client: smtplib.SMTP = smtplib.SMTP_SSL(
                settings.host, settings.port, timeout=settings.timeout, context=context
            )
        else:
            client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
        with client:
            if settings.security == "starttls":
                client.starttls(context=context)
            if settings.user:
                password = secret(settings.keyring_key, SMTP_PASSWORD_ENV)
                if password is None:
                    raise MailSendError(
                        f"No hay contraseña SMTP para {settings.user} en el llavero del sistema."
                    )
                client.login(settings.user, password)
            recipients = [a for a in _recipients(message) if a]
            client.sendmail(settings.from_addr, recipients, raw)
    except (OSError, smtplib.SMTPException) as error:
        raise MailSendError(
            f"No se pudo enviar el correo por {settings.host}:{settings.port}: {error}"
        ) from error
    return raw


def _recipients(message: EmailMessage) -> list[str]:
    from email.utils import getaddresses

    values = [str(v) for k in ("To", "Cc") for v in message.get_all(k, [])]
    return [addr for _n, addr in getaddresses(values)]


# ------------------------------------------------------------------ acknowledgment
@dataclass(frozen=True)
class AckPolicy:
    own_addresses: frozenset[str] = frozenset()
    per_sender_limit: int = 3
    window: timedelta = timedelta(hours=1)
    office_hours: str = "lunes a viernes de 08:00 a 17:00 (hora de Panamá), excepto feriados"
    critical_line: str = "la Línea Crítica"


def skip_reason(mail: ParsedMail, policy: AckPolicy) -> str | None:
    """Why this mail must not be acknowledged (loops, lists, bounces), or None."""
    if not mail.from_addr:
        return "sin remitente"
    if mail.automated:
        return mail.automated
    if mail.from_addr.lower() in {a.lower() for a in policy.own_addresses}:
        return "enviado por nuestra propia dirección"
    return None


def ack_text(ticket_id: int, policy: AckPolicy) -> str:
    number = format_ticket_number(ticket_id)
    rows = "\n".join(
        f"  {p.label:<9} {p.summary}: primer contacto en {p.target_text}" for p in Priority
    )
    return (
        "Estimado cliente:\n\n"
        f"Recibimos su correo y abrimos el tiquete {number}. Un representante técnico del "
        "Centro de Soluciones lo atenderá según la prioridad del caso:\n\n"
        f"{rows}\n\n"
        f"Horario de oficina: {policy.office_hours}.\n"
        "Para casos críticos fuera del horario de oficina, llame a "
        f"{policy.critical_line}.\n\n"
        f"Para agregar información responda a este correo conservando [{number}] en el asunto.\n\n"
        "Centro de Soluciones IMR\n"
        "(mensaje automático)"
    )


def build_ack(
    ticket_id: int, mail: ParsedMail, settings: SmtpSettings, policy: AckPolicy
) -> EmailMessage:
    number = format_ticket_number(ticket_id)
    message = EmailMessage()
    subject = mail.subject.strip() or "(sin asunto)"
    message["Subject"] = f"[{number}] Recibimos su caso: {subject}"[:900]
    message["From"] = formataddr((settings.from_name, settings.from_addr))
    message["To"] = formataddr((mail.from_name, mail.from_addr))
    message["Auto-Submitted"] = "auto-replied"
    message["X-Auto-Response-Suppress"] = "All"
    message["Message-ID"] = make_msgid(domain=settings.domain)
    message["Date"] = formatdate(localtime=True)
    if mail.message_id:
        message["In-Reply-To"] = mail.message_id
        message["References"] = " ".join([*mail.references[-10:], mail.message_id])
    message.set_content(ack_text(ticket_id, policy))
    return message
