"""IMR Centro de Soluciones technician console."""

__version__ = "0.1.0"
