"""Live change feed: PostgreSQL LISTEN/NOTIFY, SQLite polling, pending-actions journal."""
