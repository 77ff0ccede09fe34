"""Robust parsing of hostile mail: headers, safe body text, attachments with a size cap."""

from __future__ import annotations

import email
import email.policy
import hashlib
import mimetypes
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.header import decode_header, make_header
from email.message import Message
from email.utils import getaddresses, parseaddr, parsedate_to_datetime
from html.parser import HTMLParser

DEFAULT_SIZE_CAP = 25 * 1024 * 1024
MAX_SUBJECT = 500
_MSGID_RE = re.compile(r"<[^<>\s]+>")
_HEADER_RE = re.compile(rb"^[A-Za-z0-9-]{1,76}:", re.MULTILINE)
_KNOWN_HEADERS = (
    "from",
    "to",
    "subject",
    "date",
    "message-id",
    "received",
    "mime-version",
    "content-type",
    "return-path",
    "reply-to",
    "cc",
    "sender",
    "in-reply-to",
    "references",
)


class UnparseableMail(Exception):
    """The bytes are not a mail the intake can turn into a ticket; the reason is in Spanish."""


@dataclass(frozen=True)
class MailPart:
    filename: str
    content_type: str
    size: int
    data: bytes | None  # None: withheld
    withheld: bool = False
    note: str = ""
    content_id: str | None = None
    inline: bool = False


@dataclass(frozen=True)
class ParsedMail:
    raw_sha256: str
    message_id: str | None
    subject: str
    from_name: str
    from_addr: str
    to_addrs: tuple[str, ...]
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    date: datetime | None
    last_received: datetime | None
    body: str
    parts: tuple[MailPart, ...]
    automated: str | None  # why no acknowledgment may be sent (auto-reply, list, bounce)
    defects: tuple[str, ...] = field(default=())

    @property
    def thread_ids(self) -> tuple[str, ...]:
        """Message-IDs this mail answers, the closest first."""
        seen: list[str] = []
        for mid in (*self.in_reply_to, *reversed(self.references)):
            if mid not in seen:
                seen.append(mid)
        return tuple(seen)


def sha256_hex(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


# ------------------------------------------------------------------ headers
def _decode_raw_header(value: str) -> str:
    """compat32 path: encoded-words and 8-bit bytes (surrogate-escaped) to clean text."""
    if any("\udc80" <= ch <= "\udcff" for ch in value):
        raw = value.encode("utf-8", "surrogateescape")
        try:
            value = raw.decode("utf-8")
        except UnicodeDecodeError:
            value = raw.decode("cp1252", "replace")
    try:
        return str(make_header(decode_header(value)))
    except Exception:  # broken encoded-words: keep the text as it came
        return value


def _clean(text: str) -> str:
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = "".join(ch if ch.isprintable() or ch in "\t" else " " for ch in text)
    return " ".join(text.split())


def header_text(msg: Message, name: str) -> str:
    """A header as clean text; never raises, whatever the bytes.

    The raw stored value is decoded here (8-bit bytes as UTF-8 else cp1252, encoded-words);
    the policy's own parsed value is the fallback.
    """
    raw: object = None
    try:
        for key, value in msg.raw_items():
            if key.lower() == name.lower():
                raw = value
                break
    except Exception:
        raw = None
    if raw is None:
        try:
            raw = msg.get(name)
        except Exception:
            return ""
        if raw is None:
            return ""
    try:
        text = str(raw)
    except Exception:
        return ""
    return _clean(_decode_raw_header(text))


def _all_headers(msg: Message, name: str) -> list[str]:
    try:
        return [str(v) for k, v in msg.raw_items() if k.lower() == name.lower()]
    except Exception:
        return []


def _message_ids(text: str) -> tuple[str, ...]:
    return tuple(m[:998] for m in _MSGID_RE.findall(text))


def _address(msg: Message) -> tuple[str, str]:
    for name in ("from", "sender", "reply-to", "return-path"):
        text = header_text(msg, name)
        if not text:
            continue
        display, addr = parseaddr(text)
        addr = addr.strip().strip("<>").lower()
        if "@" in addr and " " not in addr:
            return _clean(display), addr[:320]
        if name == "from":
            return _clean(display or text), ""
    return "", ""


def _date(text: str) -> datetime | None:
    if not text:
        return None
    try:
        value = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    try:
        return value.astimezone(UTC)
    except (OverflowError, ValueError):
        return None


def _last_received(msg: Message) -> datetime | None:
    """The date the receiving server stamped: the topmost Received header's date."""
    for value in _all_headers(msg, "received"):
        _, sep, stamp = value.rpartition(";")
        if sep:
            found = _date(" ".join(stamp.split()))
            if found is not None:
                return found
    return None


def _automated(msg: Message, from_addr: str) -> str | None:
    auto = header_text(msg, "auto-submitted").lower()
    if auto and auto != "no":
        return f"Auto-Submitted: {auto}"
    precedence = header_text(msg, "precedence").lower()
    if precedence in ("bulk", "junk", "list", "auto_reply"):
        return f"Precedence: {precedence}"
    if header_text(msg, "list-id") or header_text(msg, "list-unsubscribe"):
        return "lista de correo"
    if header_text(msg, "x-autoreply") or header_text(msg, "x-autorespond"):
        return "respuesta automática"
    local = from_addr.split("@", 1)[0]
    if local in ("mailer-daemon", "postmaster", "noreply", "no-reply", "donotreply"):
        return f"remitente automático ({local})"
    try:
        ctype = msg.get_content_type()
        report = msg.get_param("report-type") if ctype == "multipart/report" else None
    except Exception:
        ctype, report = "", None
    if ctype == "multipart/report" or report:
        return "informe de entrega (rebote)"
    return None


# ------------------------------------------------------------------ HTML
class _HtmlText(HTMLParser):
    """HTML to readable text; scripts, styles and remote content are dropped, never fetched."""

    _SKIP = frozenset({"script", "style", "head", "title", "noscript", "template", "object"})
    _BREAK = frozenset(
        {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "blockquote"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self.skip += 1
        elif tag in self._BREAK:
            self.out.append("\n")
        elif tag == "img" and not self.skip:
            alt = dict(attrs).get("alt") or ""
            self.out.append(f"[imagen{': ' + alt if alt else ''}]")
        if tag == "li":
            self.out.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self._BREAK:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.out.append(data)


def html_to_text(html: str) -> str:
    parser = _HtmlText()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # malformed markup: keep what was read
        pass
    lines = [" ".join(line.split()) for line in "".join(parser.out).splitlines()]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# ------------------------------------------------------------------ body and parts
def _payload_bytes(part: Message) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:
        data = None
    if isinstance(data, bytes):
        return data
    raw = part.get_payload()
    if isinstance(raw, str):
        return raw.encode("utf-8", "surrogateescape")
    return b""


def _decode_text(data: bytes, charset: str | None) -> str:
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return data.decode(candidate)
        except (LookupError, UnicodeDecodeError, ValueError):
            continue
    return data.decode("cp1252", "replace")


def _charset(part: Message) -> str | None:
    try:
        value = part.get_content_charset()
    except Exception:
        return None
    if not value:
        return None
    value = str(value).strip().strip('"').lower()
    return {"us-ascii": "utf-8", "ascii": "utf-8", "x-unknown": None}.get(value, value)


def _filename(part: Message, index: int, ctype: str) -> str:
    try:
        name = part.get_filename()
    except Exception:
        name = None
    if name:
        name = _clean(_decode_raw_header(str(name)))
    if not name and ctype == "application/ms-tnef":
        name = "winmail.dat"
    if not name:
        ext = mimetypes.guess_extension(ctype) or ".bin"
        name = f"adjunto-{index}{ext}"
    return name.replace("/", "_").replace("\\", "_")[:200]


def _disposition(part: Message) -> str:
    try:
        return (part.get_content_disposition() or "").lower()
    except Exception:
        return ""


def _content_id(part: Message) -> str | None:
    text = header_text(part, "content-id").strip("<> ")
    return text[:300] or None


class _Walker:
    def __init__(self, size_cap: int) -> None:
        self.size_cap = size_cap
        self.used = 0
        self.plain: list[str] = []
        self.html: list[str] = []
        self.parts: list[MailPart] = []

    def walk(self, part: Message, depth: int = 0) -> None:
        try:
            ctype = part.get_content_type()
        except Exception:
            ctype = "application/octet-stream"
        if depth > 200:
            raise UnparseableMail("El mensaje tiene demasiadas partes anidadas.")
        if ctype == "message/rfc822" or (ctype.startswith("message/") and part.is_multipart()):
            self._attach(part, "message/rfc822", self._inner_bytes(part), "mensaje-reenviado.eml")
            return
        if part.is_multipart():
            payload = part.get_payload()
            if not isinstance(payload, list):
                return
            children = [c for c in payload if isinstance(c, Message)]
            if ctype == "multipart/alternative":
                chosen = self._pick_alternative(children)
                for child in children:
                    if child is chosen or not _is_body_text(child):
                        self.walk(child, depth + 1)
                return
            for child in children:
                self.walk(child, depth + 1)
            return
        disposition = _disposition(part)
        has_name = False
        try:
            has_name = bool(part.get_filename())
        except Exception:
            has_name = False
        if ctype in ("text/plain", "text/html") and disposition != "attachment" and not has_name:
            data = _payload_bytes(part)
            text = _decode_text(data, _charset(part))
            (self.plain if ctype == "text/plain" else self.html).append(text)
            return
        self._attach(part, ctype, _payload_bytes(part), None)

    def _pick_alternative(self, children: list[Message]) -> Message | None:
        for wanted in ("text/plain", "text/html"):
            for child in children:
                try:
                    if child.get_content_type() == wanted and _is_body_text(child):
                        return child
                except Exception:
                    continue
        return None

    def _inner_bytes(self, part: Message) -> bytes:
        payload = part.get_payload()
        inner = payload[0] if isinstance(payload, list) and payload else None
        if isinstance(inner, Message):
            try:
                return inner.as_bytes(policy=email.policy.compat32)
            except Exception:
                try:
                    return inner.as_string(policy=email.policy.compat32).encode(
                        "utf-8", "surrogateescape"
                    )
                except Exception:
                    return b""
        return _payload_bytes(part)

    def _attach(self, part: Message, ctype: str, data: bytes, name: str | None) -> None:
        index = len(self.parts) + 1
        filename = name or _filename(part, index, ctype)
        size = len(data)
        inline = _disposition(part) == "inline"
        cid = _content_id(part)
        if self.used + size > self.size_cap:
            cap_mb = self.size_cap / (1024 * 1024)
            self.parts.append(
                MailPart(
                    filename=filename,
                    content_type=ctype,
                    size=size,
                    data=None,
                    withheld=True,
                    note=(
                        f"Retenido: el mensaje supera el límite de {cap_mb:g} MB; "
                        "el original completo se conserva en el correo recibido."
                    ),
                    content_id=cid,
                    inline=inline,
                )
            )
            return
        self.used += size
        self.parts.append(
            MailPart(
                filename=filename,
                content_type=ctype,
                size=size,
                data=data,
                content_id=cid,
                inline=inline,
            )
        )


def _is_body_text(part: Message) -> bool:
    try:
        return (
            part.get_content_type() in ("text/plain", "text/html")
            and _disposition(part) != "attachment"
            and not part.get_filename()
        )
    except Exception:
        return False


def _looks_like_mail(raw: bytes, msg: Message) -> bool:
    head = raw.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    if not _HEADER_RE.search(head):
        return False
    try:
        keys = {k.lower() for k in msg}
    except Exception:
        return False
    return any(k in keys for k in _KNOWN_HEADERS)


def parse_mail(raw: bytes, *, size_cap: int = DEFAULT_SIZE_CAP) -> ParsedMail:
    """Parse bytes into a ParsedMail; UnparseableMail when they cannot be a mail at all."""
    if not raw or not raw.strip():
        raise UnparseableMail("El mensaje está vacío.")
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
    except Exception as error:  # the stdlib parser is lenient; this is truly broken input
        raise UnparseableMail(f"No se pudo leer el mensaje: {type(error).__name__}.") from error
    if not _looks_like_mail(raw, msg):
        raise UnparseableMail("Los datos no tienen encabezados de correo reconocibles.")
    from_name, from_addr = _address(msg)
    subject = header_text(msg, "subject")[:MAX_SUBJECT]
    message_ids = _message_ids(header_text(msg, "message-id"))
    walker = _Walker(size_cap)
    try:
        walker.walk(msg)
    except RecursionError as error:
        raise UnparseableMail("El mensaje tiene partes anidadas sin fin.") from error
    body = "\n\n".join(t.strip() for t in walker.plain if t.strip())
    if not body and walker.html:
        body = "\n\n".join(html_to_text(h) for h in walker.html).strip()
    body = body.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    to_addrs: list[str] = []
    try:
        for _name, addr in getaddresses([header_text(msg, "to"), header_text(msg, "cc")]):
            if "@" in addr:
                to_addrs.append(addr.lower()[:320])
    except Exception:
        pass
    defects = tuple(sorted({type(d).__name__ for d in getattr(msg, "defects", [])}))
    return ParsedMail(
        raw_sha256=sha256_hex(raw),
        message_id=message_ids[0] if message_ids else None,
        subject=subject,
        from_name=from_name[:200],
        from_addr=from_addr,
        to_addrs=tuple(to_addrs),
        in_reply_to=_message_ids(header_text(msg, "in-reply-to")),
        references=_message_ids(header_text(msg, "references")),
        date=_date(header_text(msg, "date")),
        last_received=_last_received(msg),
        body=body,
        parts=tuple(walker.parts),
        automated=_automated(msg, from_addr),
        defects=defects,
    )
