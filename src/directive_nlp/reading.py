"""Read an input into text: plain text (UTF-8 with or without BOM, UTF-16, and the
legacy Windows-1258, TCVN3 and VNI encodings), HTML, DOCX and PDF with a text layer.

Bad input raises :class:`InputError` with a one-line message; nothing else escapes.
The format readers are imported only when a file of theirs comes, so reading text
stays fast.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .errors import InputError
from .schema import Source

MAX_BYTES = 200 * 1024 * 1024
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters text files do not hold
_HTML_START = re.compile(r"\s*(<!doctype html|<html|<head|<body)", re.I)


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding): UTF-8 (BOM or not), UTF-16 (BOM or a NUL pattern),
    else one of the legacy Vietnamese encodings, chosen by which reads as Vietnamese."""
    if not data.strip():
        raise InputError("the input is empty")
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16"), "utf-16"
    sample = data[:4000]
    if sample.count(b"\x00") > len(sample) // 4:
        even, odd = sample[0::2].count(b"\x00"), sample[1::2].count(b"\x00")
        enc = "utf-16-le" if odd > even else "utf-16-be"
        return _strict(data, enc), enc
    if b"\x00" in sample:
        raise InputError("the input looks binary (NUL bytes), not text")
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        from .legacy_encodings import decode_legacy_bytes

        text, enc = decode_legacy_bytes(data)
    controls = len(_CONTROL.findall(text, 0, 20000))
    if controls > max(10, len(text[:20000]) // 50):
        raise InputError("the input looks binary (control characters), not text")
    return text, enc


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(f"the input is not valid {encoding.upper()} text (byte {e.start})") from None


def _sniff(data: bytes, suffix: str) -> str:
    """The format, from the file name when it has a known suffix, else from the bytes."""
    if suffix == ".docx" or (data[:2] == b"PK" and suffix not in (".txt", ".md", ".html", ".htm")):
        return "docx"
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        return "pdf"
    if suffix in (".doc", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".rtf"):
        raise InputError(f"{suffix} files are not read; convert to .docx, .pdf, .html or .txt")
    return "text"


def read_bytes(data: bytes, name: str | None = None) -> tuple[str, Source]:
    """Bytes of a document → (text, source description)."""
    if len(data) > MAX_BYTES:
        raise InputError(f"the input is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise InputError("the input is empty")
    suffix = Path(name).suffix.lower() if name else ""
    sha = hashlib.sha256(data).hexdigest()
    fmt, enc = _sniff(data, suffix), None
    if fmt == "docx":
        from .docx_text import docx_to_text

        text = docx_to_text(data)
    elif fmt == "pdf":
        from .pdf_text import pdf_to_text

        text = pdf_to_text(data)
    else:
        text, enc = decode(data)
        if suffix in (".html", ".htm") or _HTML_START.match(text[:300]):
            from .html_text import html_to_text

            text, fmt = html_to_text(text), "html"
        elif suffix == ".md":
            fmt = "markdown"
    if enc is None or enc.startswith("utf"):
        from .legacy_encodings import repair_legacy_text

        text, legacy = repair_legacy_text(text)
        enc = legacy or enc
    if not text.strip():
        raise InputError("the input holds no text")
    return text, Source(file=name, sha256=sha, format=fmt, encoding=enc, bytes=len(data))


def read_path(path: str | Path, name: str | None = None) -> tuple[str, Source]:
    """Read a file; ``name`` is what the output calls it (default: the file's name)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"no such file: {p}")
    if p.is_dir():
        raise InputError(f"{p} is a directory, not a file")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read {p}: {e.strerror}") from None
    return read_bytes(data, name or p.name)
