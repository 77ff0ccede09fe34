"""CSV cells for people's spreadsheets: free text never opens as a formula."""

from __future__ import annotations

from app.spreadsheet import safe_cell, safe_row


def test_formula_starts_become_text() -> None:
    assert safe_cell('=HYPERLINK("http://x","clic")') == '\'=HYPERLINK("http://x","clic")'
    assert safe_cell("+507 6000-0000") == "'+507 6000-0000"
    assert safe_cell("-1+2") == "'-1+2"
    assert safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert safe_cell("\t=1") == "'\t=1"


def test_plain_text_and_numbers_are_untouched() -> None:
    assert safe_row(["Farmacias El Canal", "", 12, -3, 0.5, None]) == [
        "Farmacias El Canal",
        "",
        12,
        -3,
        0.5,
        None,
    ]
