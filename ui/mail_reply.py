"""Reply by email from the ticket dialog: fills the dialog's ``ctx.mail_sender`` hook."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from app.config import MailSettings
from app.intake.ack import SmtpSettings
from app.services.errors import ServiceError
from app.services.mail_replies import MailReplyService
from app.services.snapshots import TicketDetail
from ui.service_errors import error_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("MailReply", text)


def smtp_settings(mail: MailSettings) -> SmtpSettings:
    """The console's outgoing-mail settings as the sender needs them (no password here)."""
    security = mail.security if mail.security in ("none", "ssl", "starttls") else "starttls"
    return SmtpSettings(
        host=mail.host.strip(),
        port=mail.port,
        security=security,
        user=mail.user.strip(),
        from_addr=mail.from_addr.strip() or "soporte@imr.com.pa",
    )


class MailReplySender:
    """Asks for the text, sends it off the GUI thread through ``ctx.runner``, then reloads."""

    def __init__(self, ctx: Any, smtp: SmtpSettings) -> None:
        self.ctx = ctx
        self.service = MailReplyService(ctx.tickets.db, smtp, ctx.tickets)

    def open_reply(self, dialog: QWidget, detail: TicketDetail) -> None:
        text, ok = QInputDialog.getMultiLineText(
            dialog,
            _tr("Responder por correo"),
            _tr("Correo a {0} — [{1}]").format(
                detail.requester_address or _tr("el solicitante"), detail.number
            ),
        )
        if not ok or not text.strip():
            return
        actor = self.ctx.actor

        def done(_result: object) -> None:
            reload = getattr(dialog, "reload", None)
            if callable(reload):
                reload()

        def failed(error: BaseException) -> None:
            message = error_text(error) if isinstance(error, ServiceError) else str(error)
            QMessageBox.warning(dialog, _tr("Correo no enviado"), message)

        self.ctx.runner.run(lambda: self.service.send_reply(detail.id, actor, text), done, failed)
