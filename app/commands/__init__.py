"""Sub-commands of `imr-console`, one module per group; each exposes register(subparsers)."""

COMMAND_MODULES = (
    "app.commands.db",
    "app.commands.sla",
    "app.commands.directory",
    "app.commands.tickets",
    "app.commands.demo",
    "app.commands.export",
    "app.commands.directory_io",
    "app.commands.intake",
    "app.commands.screenshot",
    "app.commands.watch",
    "app.commands.report",
)
