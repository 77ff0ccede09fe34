"""Outgoing mail settings: saved without the password, and they turn on replying by email."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from app.config import MailSettings, Settings
from app.services.bootstrap import Services
from ui.app import build_context
from ui.mail_reply import MailReplySender, smtp_settings
from ui.settings_dialog import SettingsDialog
from ui.tasks import TaskRunner


def test_smtp_group_saves_the_mail_section_without_the_password(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.smtp_host, "smtp.imr.com.pa")
    dialog.smtp_port.setValue(465)
    dialog.smtp_security.setCurrentIndex(dialog.smtp_security.findData("ssl"))
    qtbot.keyClicks(dialog.smtp_user, "soporte")
    qtbot.keyClicks(dialog.smtp_password, "Clave-SMTP-no-en-archivo")
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    text = Settings.path().read_text(encoding="utf-8")
    assert "smtp.imr.com.pa" in text
    assert "Clave-SMTP-no-en-archivo" not in text
    assert "llavero" in (dialog.problem or "")  # null keyring in tests: said plainly
    mail = Settings.load().mail
    assert (mail.host, mail.port, mail.security, mail.user) == (
        "smtp.imr.com.pa",
        465,
        "ssl",
        "soporte",
    )
    assert mail.from_addr == "soporte@imr.com.pa"


def test_old_settings_file_without_mail_section_loads() -> None:
    Settings.path().write_text('{"technician": "ana"}', encoding="utf-8")
    loaded = Settings.load()
    assert loaded.technician == "ana"
    assert not loaded.mail.configured


def test_reply_sender_only_when_smtp_is_configured(demo_services: Services, qapp: object) -> None:
    runner = TaskRunner()
    tech = next(t for t in demo_services.directory.technicians() if t.active)
    settings = Settings()
    assert build_context(demo_services, tech, runner, settings).mail_sender is None
    settings.mail = MailSettings(host="smtp.imr.com.pa", security="bogus", user="soporte")
    ctx = build_context(demo_services, tech, runner, settings)
    assert isinstance(ctx.mail_sender, MailReplySender)
    smtp = smtp_settings(settings.mail)
    assert (smtp.host, smtp.port, smtp.security) == ("smtp.imr.com.pa", 587, "starttls")
    runner.wait_idle()
