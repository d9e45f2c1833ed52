"""Read an input file into text: plain text (UTF-8 with or without BOM, UTF-16),
HTML, DOCX (standard library only) and PDF (optional ``pypdf``).

Bad input raises :class:`InputError` with a one-line message; nothing else escapes.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from .errors import InputError
from .schema import Source

MAX_BYTES = 200 * 1024 * 1024


def decode(data: bytes) -> tuple[str, str]:
    """Bytes → (text, encoding). UTF-8 (BOM or not) and UTF-16 (BOM or a NUL pattern)."""
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
    text = _strict(data, "utf-8")
    controls = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > max(10, len(text[:20000]) // 50):
        raise InputError("the input looks binary (control characters), not text")
    return text, "utf-8"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise InputError(f"the input is not valid {encoding.upper()} text (byte {e.start})") from None


class _TextOfHtml(HTMLParser):
    _BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "noscript"):
            self._skip += 1
        elif tag in self._BLOCK:
            self.parts.append("\n")
        elif tag == "td":
            self.parts.append(" | ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript"):
            self._skip = max(0, self._skip - 1)
        elif tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    p = _TextOfHtml()
    p.feed(markup)
    return html.unescape("".join(p.parts))


def docx_to_text(data: bytes) -> str:
    """Paragraphs of word/document.xml, table cells joined with ' | '."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = z.read("word/document.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError, UnicodeDecodeError):
        raise InputError("the .docx file is damaged (no word/document.xml)") from None
    xml = re.sub(r"</w:tc>", " | ", xml)
    xml = re.sub(r"<w:(?:br|cr)[^>]*/>|</w:p>", "\n", xml)
    xml = re.sub(r"<w:tab[^>]*/>", " ", xml)
    return html.unescape(re.sub(r"<[^>]+>", "", xml))


def pdf_to_text(data: bytes) -> str:
    try:
        from pypdf import PdfReader  # optional dependency
    except ImportError:
        raise InputError("reading PDF needs the optional extra: pip install 'directive-nlp[pdf]'") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as e:  # pypdf raises many kinds on damaged files
        raise InputError(f"the PDF cannot be read: {type(e).__name__}") from None
    return "\n--- PAGE BREAK ---\n".join(pages)


def read_bytes(data: bytes, name: str | None = None) -> tuple[str, Source]:
    """Bytes of a document → (text, source description)."""
    if len(data) > MAX_BYTES:
        raise InputError(f"the input is larger than {MAX_BYTES // (1024 * 1024)} MB")
    suffix = Path(name).suffix.lower() if name else ""
    sha = hashlib.sha256(data).hexdigest()
    if suffix == ".docx" or data[:2] == b"PK" and suffix not in (".txt", ".md"):
        text, fmt, enc = docx_to_text(data), "docx", None
    elif suffix == ".pdf" or data[:5] == b"%PDF-":
        text, fmt, enc = pdf_to_text(data), "pdf", None
    else:
        text, enc = decode(data)
        fmt = "text"
        if suffix in (".html", ".htm") or re.match(r"\s*(<!doctype html|<html)", text[:200], re.I):
            text, fmt = html_to_text(text), "html"
        elif suffix == ".md":
            fmt = "markdown"
    if not text.strip():
        raise InputError("the input holds no text")
    return text, Source(file=name, sha256=sha, format=fmt, encoding=enc, bytes=len(data))


def read_path(path: str | Path) -> tuple[str, Source]:
    p = Path(path)
    if not p.exists():
        raise InputError(f"no such file: {p}")
    if p.is_dir():
        raise InputError(f"{p} is a directory, not a file")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read {p}: {e.strerror}") from None
    return read_bytes(data, p.name)
