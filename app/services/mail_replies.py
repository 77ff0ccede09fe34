"""A technician's email to the requester from the console: tagged, threaded, logged as contact."""

from __future__ import annotations

import uuid
from email.message import EmailMessage
from email.utils import formataddr, formatdate, make_msgid

from app.data.engine import Database
from app.domain.tickets import ActionKind, format_ticket_number
from app.intake.ack import MailSendError, SmtpSettings, send
from app.services.errors import InvalidInput, ServiceError
from app.services.mail_intake import MailIntakeService
from app.services.snapshots import TicketDetail
from app.services.tickets import TicketService

MAX_BODY = 100_000


class MailUnavailable(ServiceError):
    exit_code = 5


class MailReplyService:
    def __init__(self, db: Database, smtp: SmtpSettings, tickets: TicketService | None = None):
        self.db = db
        self.smtp = smtp
        self.tickets = tickets or TicketService(db)
        self.mail = MailIntakeService(db, self.tickets)

    def send_reply(
        self,
        ticket_id: int,
        actor: str,
        body: str,
        *,
        to_addr: str | None = None,
        subject: str | None = None,
        uid: str | None = None,
    ) -> TicketDetail:
        """Send the email and log it as an EMAIL_OUT contact action (stops the SLA clock)."""
        text = body.strip()
        if not text:
            raise InvalidInput("Escriba el texto del correo antes de enviarlo.")
        if len(text) > MAX_BODY:
            raise InvalidInput("El correo es demasiado largo.")
        detail = self.tickets.get(ticket_id)
        recipient = (to_addr or detail.requester_address or "").strip()
        if "@" not in recipient:
            raise InvalidInput(
                "El tiquete {number} no tiene un correo del solicitante; indíquelo.",
                params={"number": detail.number},
            )
        number = format_ticket_number(ticket_id)
        base = (subject or detail.row.subject).strip()
        tag = f"[{number}]"
        title = base if tag.lower() in base.lower() else f"{tag} {base}"
        if not title.lower().startswith("re:") and subject is None:
            title = f"Re: {title}"
        message = EmailMessage()
        message["Subject"] = title[:900]
        message["From"] = formataddr((self.smtp.from_name, self.smtp.from_addr))
        message["To"] = formataddr((detail.requester_name, recipient))
        message_id = make_msgid(domain=self.smtp.domain)
        message["Message-ID"] = message_id
        message["Date"] = formatdate(localtime=True)
        refs = self.mail.thread_ids(ticket_id)
        parent = self.mail.last_inbound_id(ticket_id) or (refs[-1] if refs else None)
        if parent:
            message["In-Reply-To"] = parent
        if refs:
            message["References"] = " ".join(refs[-20:])
        message.set_content(text)
        try:
            raw = send(self.smtp, message)
        except MailSendError as error:
            raise MailUnavailable(str(error)) from error
        action_uid = uid or uuid.uuid4().hex
        result = self.tickets.log_action(
            ticket_id,
            actor,
            ActionKind.EMAIL_OUT,
            f"Correo a {recipient}: {title}\n\n{text}",
            is_contact=True,
            uid=action_uid,
        )
        action_id = next((a.id for a in result.actions if a.uid == action_uid), None)
        self.mail.record_outbound(
            ticket_id=ticket_id,
            message_id=message_id,
            raw=raw,
            subject=title,
            from_addr=self.smtp.from_addr,
            to_addr=recipient.lower(),
            kind=None,
            action_id=action_id,
        )
        return self.tickets.get(ticket_id)


def send_reply(
    db: Database, smtp: SmtpSettings, ticket_id: int, actor: str, body: str, **kwargs: str
) -> TicketDetail:
    return MailReplyService(db, smtp).send_reply(ticket_id, actor, body, **kwargs)
