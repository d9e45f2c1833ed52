"""Word documents (.docx, python-docx) → text: body paragraphs and tables in reading
order (header tables first, as printed), tables through :mod:`table_layout`."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from .errors import InputError
from .table_layout import Row, render_table

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _paragraph_text(p: Any) -> str:
    """A paragraph's runs, tabs as spaces and breaks as new lines."""
    parts: list[str] = []
    for el in p.iter():
        tag = el.tag
        if tag == _W + "t":
            parts.append(el.text or "")
        elif tag == _W + "tab":
            parts.append(" ")
        elif tag in (_W + "br", _W + "cr"):
            parts.append("\n")
    return "".join(parts)


def _cell_lines(tc: Any) -> list[str]:
    lines: list[str] = []
    for block in _blocks(tc):
        lines.extend(block.split("\n"))
    return lines


def _table_rows(tbl: Any) -> list[Row]:
    rows: list[Row] = []
    for tr in tbl.iterchildren(_W + "tr"):
        cells: Row = []
        for tc in tr.iterchildren(_W + "tc"):
            cells.append(_cell_lines(tc))
        rows.append(cells)
    return rows


def _blocks(container: Any) -> list[str]:
    """Paragraph texts and rendered tables of a body or a cell, in document order."""
    out: list[str] = []
    for el in container.iterchildren():
        if el.tag == _W + "p":
            out.append(_paragraph_text(el))
        elif el.tag == _W + "tbl":
            out.extend(render_table(_table_rows(el)))
        elif el.tag == _W + "sdt":  # content controls wrap ordinary paragraphs
            content = el.find(_W + "sdtContent")
            if content is not None:
                out.extend(_blocks(content))
    return out


def _bare_body(data: bytes) -> Any:
    """The body of ``word/document.xml`` read straight from the zip, for packages
    python-docx refuses (a missing content-types part, a broken relationship)."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"), parser=etree.XMLParser(resolve_entities=False))
    body = root.find(_W + "body")
    if body is None:
        raise ValueError("no body")
    return body


def docx_to_text(data: bytes) -> str:
    try:
        import docx
    except ImportError:
        raise InputError("reading .docx needs python-docx: pip install python-docx") from None
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except Exception:  # python-docx, zipfile and lxml raise many kinds on odd packages
        try:
            body = _bare_body(data)
        except Exception as e:
            raise InputError(f"the .docx file is damaged ({type(e).__name__})") from None
    return "\n".join(_blocks(body)) + "\n"
