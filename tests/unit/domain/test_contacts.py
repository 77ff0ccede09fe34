"""Phone numbers in E.164 (Panama by default) and case-insensitive e-mail addresses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.contacts import (
    AddressKind,
    InvalidAddress,
    format_phone,
    normalise,
    normalise_all,
    normalise_email,
    normalise_phone,
    split_list,
    try_normalise,
)


@pytest.mark.parametrize(
    "text",
    [
        "6093-0740",
        "+507 6093 0740",
        "(507) 6093-0740",
        "60930740",
        "00507 6093-0740",
        "tel:+50760930740",
        " 6093 0740 ",
    ],
)
def test_the_same_panama_mobile_typed_many_ways(text: str) -> None:
    assert normalise_phone(text) == "+50760930740"


def test_landline_and_foreign_numbers() -> None:
    assert normalise_phone("223-4567") == "+5072234567"
    assert normalise_phone("+1 (305) 555-0100") == "+13055550100"


@pytest.mark.parametrize("text", ["", "abc", "12", "6093-0740-99999999", "llamar a Ana"])
def test_malformed_numbers_are_refused_in_spanish(text: str) -> None:
    with pytest.raises(InvalidAddress, match="Número de teléfono inválido"):
        normalise_phone(text)


def test_emails_are_stripped_and_lower_cased() -> None:
    assert normalise_email("  Karla.Clave@Vigente.PA ") == "karla.clave@vigente.pa"
    assert normalise(AddressKind.EMAIL, "mailto:A@B.com") == "a@b.com"


@pytest.mark.parametrize("text", ["ana", "ana@", "@x.pa", "ana@x", "a b@x.pa", "ana@@x.pa"])
def test_malformed_emails_are_refused(text: str) -> None:
    with pytest.raises(InvalidAddress, match="Correo electrónico inválido"):
        normalise_email(text)
    assert try_normalise("email", text) is None


def test_lists_split_and_deduplicate() -> None:
    assert split_list("a@x.pa; B@x.pa,\nc@x.pa") == ["a@x.pa", "B@x.pa", "c@x.pa"]
    assert normalise_all("phone", ["6093-0740", "+507 6093 0740", "223-4567"]) == [
        "+50760930740",
        "+5072234567",
    ]


def test_format_for_screen() -> None:
    assert format_phone("+50760930740") == "6093-0740"
    assert format_phone("+13055550100").startswith("+1 ")


_SEPARATORS = st.sampled_from(["", " ", "-", ".", "  "])


@given(
    first=st.sampled_from("6"),
    rest=st.text(alphabet="0123456789", min_size=7, max_size=7),
    sep1=_SEPARATORS,
    sep2=_SEPARATORS,
    prefix=st.sampled_from(["", "+507 ", "+507", "(507) ", "00507 ", "507 ", "+ 507-"]),
)
def test_formatting_variants_of_one_number_normalise_equal(
    first: str, rest: str, sep1: str, sep2: str, prefix: str
) -> None:
    digits = first + rest
    plain = normalise_phone(digits)
    typed = f"{prefix}{digits[:4]}{sep1}{digits[4:]}"
    spaced = f"{prefix}{digits[:2]}{sep2}{digits[2:4]}{sep1}{digits[4:]}"
    assert normalise_phone(typed) == plain == normalise_phone(spaced)
    assert plain == "+507" + digits
