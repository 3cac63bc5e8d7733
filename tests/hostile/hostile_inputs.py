"""Generators of hostile input, one per class of issue 9, at any size.

Shared by ``tests/hostile`` (sizes that show each bound and keep CI fast) and
``benchmarks/hostile.py`` (larger sizes, with peak RSS and time). Every generator returns
``(file name, bytes)``; nothing is stored in the repository.
"""

from __future__ import annotations

import io
import zipfile
import zlib

SENDER = "olive.officer@test.gov.uk"
COUNCILLOR = "brian.baker@test.gov.uk"
MB = 1024 * 1024


def _email(headers: str, body: bytes, content_type: str = "text/plain; charset=utf-8") -> bytes:
    head = (
        f"From: Olive Officer <{SENDER}>\r\nTo: Cllr Brian Baker <{COUNCILLOR}>\r\n"
        f"Message-ID: <hostile@test.gov.uk>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n"
        f"MIME-Version: 1.0\r\n{headers}"
    )
    if content_type:
        head += f"Content-Type: {content_type}\r\n"
    return head.encode() + b"\r\n" + body


def normal_message() -> tuple[str, bytes]:
    """The baseline: an ordinary officer's reply of a few KB."""
    body = ("Dear Councillor Baker,\r\n\r\nThank you for your email about the play area. "
            "The repairs are booked for next week and I will let you know when they are done.\r\n\r\n" * 8
            + "Kind regards,\r\nOlive Officer\r\nParks Team Leader\r\n")
    return "normal.eml", _email("Subject: Play area repairs\r\n", body.encode())


def _docx(document_xml: bytes | None = None, padding_mb: int = 0, tail: bytes = b"") -> bytes:
    """A .docx from python-docx, its document.xml replaced by ``document_xml`` followed by
    ``padding_mb`` MB of spaces and ``tail`` (written a megabyte at a time: a bomb of a
    gigabyte is made without holding it)."""
    import docx

    document = docx.Document()
    document.add_paragraph("Dear Resident, the Council will repair the fence.")
    buffer = io.BytesIO()
    document.save(buffer)
    if document_xml is None:
        return buffer.getvalue()
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename != "word/document.xml":
                target.writestr(info.filename, source.read(info))
                continue
            packed = zipfile.ZipInfo(info.filename)
            packed.compress_type = zipfile.ZIP_DEFLATED
            with target.open(packed, "w", force_zip64=True) as member:
                member.write(document_xml)
                for _ in range(padding_mb):
                    member.write(b" " * MB)
                member.write(tail)
    return out.getvalue()


def docx_bomb(inflated_mb: int) -> tuple[str, bytes]:
    """A .docx whose word/document.xml inflates to ``inflated_mb`` MB (mostly one comment)."""
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
            b"<w:p><w:r><w:t>Dear Resident</w:t></w:r></w:p><!--")
    return "bomb.docx", _docx(head, inflated_mb, b"--></w:body></w:document>")


def docx_table(rows: int, columns: int) -> tuple[str, bytes]:
    """A .docx holding one table of ``rows`` x ``columns`` short cells, each different."""
    body = b"".join(
        b"<w:tr>" + b"".join(f"<w:tc><w:p><w:r><w:t>r{r}c{c}</w:t></w:r></w:p></w:tc>".encode() for c in range(columns))
        + b"</w:tr>"
        for r in range(rows)
    )
    xml = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
           b"<w:tbl>" + body + b"</w:tbl></w:body></w:document>")
    return "table.docx", _docx(xml)


def _pdf(pages: list[bytes]) -> bytes:
    """A PDF with one content stream (already encoded, with its /Filter) per page."""
    objects: list[bytes] = []
    count = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(count))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode())
    for i, content in enumerate(pages):
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {3 + 2 * count} 0 R >> >> >>".encode()
        )
        objects.append(content)
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _stream(data: bytes, flate: bool = False) -> bytes:
    if flate:
        data = zlib.compress(data, 9)
        return f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data + b"\nendstream"
    return f"<< /Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream"


def pdf_bomb(inflated_mb: int) -> tuple[str, bytes]:
    """A one-page PDF whose content stream inflates to ``inflated_mb`` MB."""
    packer = zlib.compressobj(9)
    data = packer.compress(b"BT /F1 12 Tf 72 720 Td (Dear Resident) Tj ET\n")
    data += b"".join(packer.compress(b" " * MB) for _ in range(inflated_mb)) + packer.flush()
    stream = f"<< /Length {len(data)} /Filter /FlateDecode >>\nstream\n".encode() + data + b"\nendstream"
    return "bomb.pdf", _pdf([stream])


def pdf_pages(count: int) -> tuple[str, bytes]:
    """A PDF of ``count`` pages, a line of text on each."""
    page = _stream(b"BT /F1 12 Tf 72 720 Td (Planning committee minutes) Tj ET")
    return "pages.pdf", _pdf([page] * count)


def html_unclosed(count: int, opener: str = "<a href='") -> tuple[str, bytes]:
    """An email whose only body is HTML of ``count`` unclosed ``opener`` constructs."""
    body = ("<html><body><p>Dear Councillor</p>" + opener * count).encode()
    return "unclosed.eml", _email("Subject: Update\r\n", body, "text/html; charset=utf-8")


def rfc2047_subject(words: int) -> tuple[str, bytes]:
    """A Subject of ``words`` RFC 2047 encoded words, folded."""
    subject = "\r\n ".join("=?utf-8?q?Planning_update?=" for _ in range(words))
    return "subject.eml", _email(f"Subject: {subject}\r\n", b"Dear Councillor,\r\nPlease see below.\r\n")


def many_addresses(count: int, header: str = "Bcc") -> tuple[str, bytes]:
    """An email with ``count`` addresses in one header."""
    addresses = ",\r\n ".join(f"resident{i}@example.org" for i in range(count))
    return "addresses.eml", _email(f"Subject: Newsletter\r\n{header}: {addresses}\r\n", b"Dear all,\r\nNews.\r\n")


def big_message(mb: int) -> tuple[str, bytes]:
    """An email with ``mb`` MB of body text."""
    line = b"The Council will repair the fence on the north side of the recreation ground.\r\n"
    return "big.eml", _email("Subject: Long report\r\n", line * (mb * MB // len(line)))


def nul_in_header() -> tuple[str, bytes]:
    """An email with a NUL byte in its first KB (no parser will read it as email)."""
    _, raw = normal_message()
    return "nul.eml", raw.replace(b"Subject: ", b"Subject: \x00", 1)


def deep_multipart(depth: int) -> tuple[str, bytes]:
    """A message of ``depth`` multiparts, each inside the one before."""
    opened = b""
    closed = b""
    for level in range(depth):
        boundary = f"b{level}".encode()
        opened += (f'Content-Type: multipart/mixed; boundary="b{level}"\r\n\r\n--b{level}\r\n').encode()
        closed = b"\r\n--" + boundary + b"--\r\n" + closed
    inner = b"Content-Type: text/plain\r\n\r\nDear Councillor, the Council will pay the grant.\r\n"
    return "deep.eml", _email("Subject: Nested\r\n", opened[len(b'Content-Type: multipart/mixed; boundary="b0"\r\n\r\n'):] + inner + closed,
                              'multipart/mixed; boundary="b0"')


def many_parts(count: int) -> tuple[str, bytes]:
    """A multipart message of ``count`` small text parts side by side."""
    part = b"--p\r\nContent-Type: text/plain\r\n\r\nPart of the parish newsletter.\r\n"
    return "parts.eml", _email("Subject: Newsletter\r\n", part * count + b"--p--\r\n", 'multipart/mixed; boundary="p"')


def attachment_email(filename: str, payload: bytes, content_type: str = "application/octet-stream") -> tuple[str, bytes]:
    """An email carrying ``payload`` as an attachment (base64)."""
    import base64

    encoded = base64.encodebytes(payload).replace(b"\n", b"\r\n")
    body = (b'--mix\r\nContent-Type: text/plain\r\n\r\nDear Councillor, please see the attached.\r\n'
            b"--mix\r\nContent-Type: " + content_type.encode() + b'\r\nContent-Disposition: attachment; filename="'
            + filename.encode() + b'"\r\nContent-Transfer-Encoding: base64\r\n\r\n' + encoded + b"--mix--\r\n")
    return "attached.eml", _email("Subject: Letter attached\r\n", body, 'multipart/mixed; boundary="mix"')


def lying_docx(inflated_mb: int, declared: int = 1000) -> tuple[str, bytes]:
    """A .docx bomb whose zip headers declare word/document.xml to be ``declared`` bytes."""
    import struct

    _, data = docx_bomb(inflated_mb)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo("word/document.xml")
    data = bytearray(data)
    name = info.filename.encode()
    local = info.header_offset
    extra = struct.unpack_from("<H", data, local + 28)[0]
    if info.file_size >= 0xFFFFFFFF or extra:  # zip64: the sizes are in the extra field
        struct.pack_into("<QQ", data, local + 30 + len(name) + 4, declared, info.compress_size)
    else:
        struct.pack_into("<I", data, local + 22, declared)
    central = data.find(b"PK\x01\x02", data.rfind(b"PK\x05\x06") - 4096 if len(data) > 4096 else 0)
    while central != -1:
        if data[central + 46: central + 46 + len(name)] == name:
            struct.pack_into("<I", data, central + 24, declared if info.file_size < 0xFFFFFFFF else 0xFFFFFFFF)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    return "lying.docx", bytes(data)
