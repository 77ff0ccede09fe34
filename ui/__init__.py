"""PySide6 user interface of the technician console; talks only to app.services."""
