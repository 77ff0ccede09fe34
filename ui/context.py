"""What every window and dialog needs: the services, the runner, who is at the desk."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.config import Settings
from app.live.journal import Journal
from app.services.directory import DirectoryService
from app.services.sla_settings import PolicyCache
from app.services.snapshots import TechnicianView
from app.services.tickets import TicketService
from ui.tasks import TaskRunner


@dataclass
class AppContext:
    tickets: TicketService
    directory: DirectoryService
    policy: PolicyCache
    technician: TechnicianView
    runner: TaskRunner
    settings: Settings = field(default_factory=Settings)
    database_label: str = ""
    mail_sender: Any = None  # ui.mail_reply.MailReplySender when outgoing mail is set up
    journal: Journal = field(default_factory=Journal)  # actions not yet saved, retried

    @property
    def actor(self) -> str:
        return self.technician.login
