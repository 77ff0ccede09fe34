"""CSV cells that a spreadsheet opens as text, never as a formula.

Exports for people (reports, the change log) are opened in Excel or LibreOffice, which run a cell
that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab/carriage return before one) as a formula.
Free text in them (client names, reasons typed by technicians) could carry one; such cells get a
leading apostrophe, the spreadsheet convention for "this is text". Numbers are left as numbers.
The directory export is not passed through here: it is meant to be imported again as it is
(phone numbers start with ``+``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def safe_row(values: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in values]
