"""Build correspondence and registers in one line, for tests and for plug-in authors.

Like structlog's ``testing`` module, this is shipped so that anyone writing a rule can
test it without writing MIME::

    doc = email("officer@council.gov.uk", to=["cllr.a@council.gov.uk"],
                bcc=["cllr.b@council.gov.uk"], text="Dear Cllr A, ...")
"""

from __future__ import annotations

from dataclasses import replace
from email.message import EmailMessage
from typing import Iterable

from .model import Correspondence, Envelope, Nested, Party, Relation
from .policy import Councillor, DistributionList, Officer, Policy, Register, load_policy


def parties(addresses: Iterable[str | Party]) -> tuple[Party, ...]:
    found = []
    for item in addresses:
        if isinstance(item, Party):
            found.append(item)
        elif "<" in item:
            name, _, rest = item.partition("<")
            found.append(Party(address=rest.strip(" >").lower(), name=name.strip().strip('"')))
        else:
            found.append(Party(address=item.strip().lower()))
    return tuple(found)


def email(
    sender: str | Party | None,
    to: Iterable[str] = (),
    cc: Iterable[str] = (),
    bcc: Iterable[str] = (),
    text: str = "",
    subject: str = "",
    nested: Iterable[Nested] = (),
    envelope: Envelope | None = None,
    headers: Iterable[tuple[str, str]] = (),
    kind: str = "email",
    source: str = "test.eml",
) -> Correspondence:
    """A piece of correspondence whose own text is ``text``; its sign-off is parsed from it."""
    from .sources.signature import split_signature

    sender_party = parties([sender])[0] if sender else None
    _, signature = split_signature(text)
    return Correspondence(
        kind=kind,
        source=source,
        sender=sender_party,
        to=parties(to),
        cc=parties(cc),
        bcc=parties(bcc),
        envelope=envelope or Envelope(),
        subject=subject,
        headers=tuple(headers),
        own_text=text,
        signature=signature,
        nested=tuple(nested),
    )


def letter(text: str, sender: str | None = None, to: Iterable[str] = (), marks: Iterable[str] = (), **kw) -> Correspondence:
    """A letter: like :func:`email`, with page-header and footer ``marks``."""
    kw.setdefault("source", "letter.txt")
    return replace(email(sender, to=to, text=text, kind="letter", **kw), marks=tuple(marks))


def forwarded(doc: Correspondence) -> Nested:
    return Nested(Relation.FORWARDED, doc)


def quoted(doc: Correspondence) -> Nested:
    return Nested(Relation.QUOTED, doc)


def attached(doc: Correspondence) -> Nested:
    return Nested(Relation.ATTACHED, doc)


def register(
    councillors: Iterable[tuple[str, Iterable[str]] | Councillor] = (),
    officers: Iterable[tuple[str, Iterable[str]] | Officer] = (),
    domains: Iterable[str] = ("council.gov.uk",),
    lists: Iterable[DistributionList] = (),
    council: str = "Test Borough Council",
) -> Register:
    """A register from (name, addresses) pairs; titles by passing ``Councillor`` values."""
    return Register(
        council=council,
        domains=tuple(domains),
        councillors=tuple(c if isinstance(c, Councillor) else Councillor(c[0], tuple(c[1])) for c in councillors),
        officers=tuple(o if isinstance(o, Officer) else Officer(o[0], tuple(o[1])) for o in officers),
        lists=tuple(lists),
    )


def mime(
    sender: str,
    to: Iterable[str] = (),
    subject: str = "",
    text: str = "",
    *,
    cc: Iterable[str] = (),
    bcc: Iterable[str] = (),
    date: str | None = None,
    message_id: str | None = None,
    headers: Iterable[tuple[str, str]] = (),
    html: str | None = None,
    attachments: Iterable[tuple[str, bytes | EmailMessage]] = (),
) -> EmailMessage:
    """A real RFC 822 message (``bytes(mime(...))``), for tests that go through the readers.

    Without ``date`` and ``message_id`` it is a draft as a mail client saves it. An
    attachment is a ``(filename, content)`` pair: a message is attached as
    ``message/rfc822``; bytes as a ``.pdf`` or, otherwise, a Word document.
    """
    message = EmailMessage()
    message["From"] = sender
    for name, addresses in (("To", to), ("Cc", cc), ("Bcc", bcc)):
        if addresses:
            message[name] = ", ".join(addresses)
    message["Subject"] = subject
    for name, value in (("Date", date), ("Message-ID", message_id), *headers):
        if value is not None:
            message[name] = value
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    for filename, data in attachments:
        if isinstance(data, EmailMessage):
            message.add_attachment(data)
            continue
        subtype = "pdf" if filename.lower().endswith(".pdf") else "vnd.openxmlformats-officedocument.wordprocessingml.document"
        message.add_attachment(data, maintype="application", subtype=subtype, filename=filename)
    return message


def policy(reg: Register | None = None, **changes) -> Policy:
    """The shipped default policy with ``reg`` as its register."""
    base = load_policy(None)
    return base.clone(register=reg or register(), **changes)


def pdf_letter(text: str) -> bytes:
    """A one-page PDF whose text is ``text`` (one line per line), for tests and benchmarks.

    Built by hand (Helvetica, WinAnsi) so that a test of the PDF reader needs no PDF writer.
    """
    lines = text.splitlines() or [""]
    escaped = [line.encode("cp1252", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") for line in lines]
    stream = b"BT /F1 10 Tf 12 TL 50 800 Td " + b" ".join(b"(" + line + b") '" for line in escaped) + b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def checked(checker, doc: Correspondence):
    """``checker.check(doc)``, failing when a rule fires on ``doc`` while its screen would
    have left the message unread: a rule's tests run through this test its screen too."""
    findings = checker.check(doc)
    for spec in checker.rules:
        if spec.screen is not None and any(f.rule == spec.id for f in findings):
            assert spec.screen(doc, checker.policy), f"the screen of {spec.id} rules out a message it fires on"
    return findings


def rule_plugin(folder, name: str, source: str) -> dict[str, str]:
    """An environment in which ``source`` (a module of ``@rule`` functions) is installed as
    the rule plug-in ``name`` the way any plug-in is: a distribution on ``PYTHONPATH`` with
    an entry point under ``correspondence_guard.rules``. Processes started with it (and
    their workers) load the rule as the council's would."""
    import os
    from pathlib import Path

    site = Path(folder) / "site"
    module = name.replace("-", "_")
    info = site / f"{module}-1.0.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (site / f"{module}.py").write_text(source, encoding="utf-8")
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[correspondence_guard.rules]\n{name} = {module}\n")
    return {**os.environ, "PYTHONPATH": str(site)}
