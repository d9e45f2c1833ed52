"""PDF with a text layer → text (pypdf), pages joined by a page-break marker the
normalizer removes. A PDF without text (a scan) is refused with a clear message:
empty output would look like a document with nothing in it."""

from __future__ import annotations

import io

from .errors import InputError

PAGE_BREAK = "\n--- PAGE BREAK ---\n"
MIN_LETTERS = 20  # fewer letters than this in the whole file: no usable text layer


def pdf_to_text(data: bytes) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise InputError("reading PDF needs pypdf: pip install pypdf") from None
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError("the PDF is encrypted with a password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as e:
        raise InputError(f"the PDF is damaged ({type(e).__name__})") from None
    except Exception as e:  # pypdf raises many kinds on broken files
        raise InputError(f"the PDF cannot be read ({type(e).__name__})") from None
    text = PAGE_BREAK.join(pages)
    if sum(c.isalpha() for c in text) < MIN_LETTERS:
        raise InputError(f"the PDF has no text layer ({len(pages)} page(s), a scan?): run OCR first")
    return text
