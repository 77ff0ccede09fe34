"""The mail parser on hostile input: never raises except UnparseableMail, keeps every part."""

from __future__ import annotations

import os
from email.message import EmailMessage

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.intake.parsing import UnparseableMail, html_to_text, parse_mail
from tests.support.mail_corpus import build_corpus


@pytest.fixture(scope="module")
def corpus() -> dict[str, bytes]:
    return {s.name: s.raw for s in build_corpus()}


def test_corpus_has_fifty_samples_and_each_parses_or_is_refused_cleanly(
    corpus: dict[str, bytes],
) -> None:
    assert len(corpus) >= 50
    refused = []
    for name, raw in corpus.items():
        try:
            mail = parse_mail(raw)
        except UnparseableMail:
            refused.append(name)
            continue
        assert len(mail.raw_sha256) == 64
        assert "\x00" not in mail.body
    assert sorted(refused) == sorted(
        ["garbage-random", "garbage-text", "garbage-binary-png", "only-whitespace"]
    )


def test_charsets_wrong_or_missing_still_give_readable_text(corpus: dict[str, bytes]) -> None:
    assert parse_mail(corpus["missing-charset"]).body == "Café roto"
    assert parse_mail(corpus["wrong-charset"]).body == "Facturación caída"
    assert parse_mail(corpus["unknown-charset"]).body == "qapla"


def test_headers_8bit_and_encoded_words_are_decoded(corpus: dict[str, bytes]) -> None:
    assert parse_mail(corpus["8bit-subject"]).subject == "Facturación caída ñ"
    assert parse_mail(corpus["8bit-from-utf8"]).from_name == "José Pérez"
    assert parse_mail(corpus["encoded-word-subject"]).subject == "Sistema caído — urgente"
    assert parse_mail(corpus["encoded-word-from"]).from_name == "María"
    assert "\x07" not in parse_mail(corpus["control-chars-subject"]).subject


def test_html_only_becomes_safe_text_without_scripts_or_remote_images(
    corpus: dict[str, bytes],
) -> None:
    body = parse_mail(corpus["html-only-hostile"]).body
    assert 'La pantalla muestra "Código 500"' in body
    assert "document" not in body and "evil" not in body and "tracker" not in body
    assert "color:red" not in body
    assert "[imagen: logo]" in body


def test_html_to_text_keeps_structure() -> None:
    assert html_to_text("<p>uno</p><p>dos<br>tres</p><ul><li>a</li></ul>") == (
        "uno\n\ndos\ntres\n\n• a"
    )


def test_nested_multipart_prefers_plain_text_and_keeps_inline_image_and_pdf(
    corpus: dict[str, bytes],
) -> None:
    mail = parse_mail(corpus["nested-multipart"])
    assert mail.body == "Texto plano"
    kinds = {p.content_type: p for p in mail.parts}
    assert kinds["image/png"].content_id == "img1@x" and kinds["image/png"].inline
    assert kinds["application/pdf"].filename == "informe.pdf"
    assert kinds["application/pdf"].data == b"%PDF-1.4 fake"


def test_tnef_forwarded_and_zero_byte_parts_are_kept(corpus: dict[str, bytes]) -> None:
    tnef = parse_mail(corpus["tnef-winmail"]).parts
    assert [(p.filename, p.content_type) for p in tnef] == [("winmail.dat", "application/ms-tnef")]
    forwarded = parse_mail(corpus["forwarded-rfc822"]).parts
    assert forwarded[0].content_type == "message/rfc822"
    assert b"Texto del mensaje reenviado" in (forwarded[0].data or b"")
    zero = parse_mail(corpus["zero-byte-parts"]).parts
    assert sorted((p.filename, p.size) for p in zero) == [("vacio.bin", 0), ("vacio.txt", 0)]
    odd = parse_mail(corpus["odd-filename"]).parts[0]
    assert "/" not in odd.filename and odd.filename.endswith(".png")


def test_automated_mail_is_recognised(corpus: dict[str, bytes]) -> None:
    for name in ("bounce", "auto-reply", "precedence-bulk", "list-id", "postmaster"):
        assert parse_mail(corpus[name]).automated, name
    assert parse_mail(corpus["plain-utf8"]).automated is None


def test_size_cap_withholds_parts_with_a_note_instead_of_dropping_the_mail() -> None:
    msg = EmailMessage()
    msg["From"] = "a@b.com"
    msg["Subject"] = "grande"
    msg.set_content("ver adjuntos")
    msg.add_attachment(b"x" * 600_000, maintype="application", subtype="zip", filename="a.zip")
    msg.add_attachment(b"y" * 600_000, maintype="application", subtype="zip", filename="b.zip")
    mail = parse_mail(msg.as_bytes(), size_cap=1_000_000)
    first, second = mail.parts
    assert not first.withheld and first.data == b"x" * 600_000
    assert second.withheld and second.data is None and second.size == 600_000
    assert "límite de" in second.note


def test_received_header_gives_the_arrival_time(corpus: dict[str, bytes]) -> None:
    mail = parse_mail(corpus["plain-utf8"])
    assert mail.last_received is not None
    assert mail.last_received.isoformat() == "2026-12-07T15:31:00+00:00"


def test_threading_ids_are_collected(corpus: dict[str, bytes]) -> None:
    mail = parse_mail(corpus["references-unknown"])
    assert mail.thread_ids == ("<nadie@x>", "<b@x>", "<a@x>")


_header_names = st.sampled_from(
    [
        "From",
        "To",
        "Subject",
        "Message-ID",
        "In-Reply-To",
        "References",
        "Content-Type",
        "Content-Transfer-Encoding",
        "Content-Disposition",
        "Date",
        "Received",
        "X-Odd",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    headers=st.lists(st.tuples(_header_names, st.binary(max_size=80)), max_size=12),
    body=st.binary(max_size=600),
)
def test_parser_never_raises_on_random_headers_and_bytes(
    headers: list[tuple[str, bytes]], body: bytes
) -> None:
    raw = (
        b"".join(
            name.encode() + b": " + value.replace(b"\n", b" ") + b"\r\n" for name, value in headers
        )
        + b"\r\n"
        + body
    )
    try:
        mail = parse_mail(raw)
    except UnparseableMail:
        return
    assert isinstance(mail.body, str) and isinstance(mail.subject, str)


@settings(max_examples=200, deadline=None)
@given(raw=st.binary(max_size=2000))
def test_parser_never_raises_on_random_bytes(raw: bytes) -> None:
    try:
        mail = parse_mail(raw)
    except UnparseableMail as error:
        assert str(error)  # a reason for the quarantine, in Spanish
        return
    assert len(mail.raw_sha256) == 64


def test_random_multipart_structures_do_not_raise() -> None:
    rnd = os.urandom
    for i in range(30):
        boundary = f"b{i}"
        raw = (
            (
                f'From: a@b.com\r\nContent-Type: multipart/mixed; boundary="{boundary}"\r\n\r\n'
                f"--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            ).encode()
            + rnd(200)
            + f"\r\n--{boundary}\r\nContent-Type: image/png\r\n".encode()
        )
        raw += b"Content-Transfer-Encoding: base64\r\n\r\n" + rnd(100) + b"\r\n"
        mail = parse_mail(raw)
        assert mail.from_addr == "a@b.com"
