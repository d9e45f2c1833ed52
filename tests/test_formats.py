"""Every input format gives the same directive: .txt, .docx, .html, .pdf; and each
kind of bad file gives one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_builders import directive_docx, directive_html, directive_text
from directive_nlp.errors import InputError
from directive_nlp.html_text import html_to_text
from directive_nlp.pipeline import extract
from directive_nlp.reading import read_bytes
from directive_nlp.table_layout import render_table

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


def _doc(data: bytes, name: str):
    text, source = read_bytes(data, name)
    return extract(text, source=source), source


@pytest.mark.parametrize(
    ("data", "name", "fmt"),
    [
        (directive_text().encode("utf-8"), "ct.txt", "text"),
        (directive_text().encode("utf-16"), "ct.txt", "text"),
        (directive_docx(), "ct.docx", "docx"),
        (directive_html().encode("utf-8"), "ct.html", "html"),
        (directive_html().encode("utf-8"), "ct.htm", "html"),
        (directive_docx(), None, "docx"),  # sniffed from the bytes
    ],
)
def test_every_format_gives_the_same_directive(data, name, fmt):
    doc, source = _doc(data, name)
    assert source.format == fmt
    h = doc.header
    assert (h.number, h.doc_type, h.issued_date, h.place) == ("7/CT-UBND", "CT", "2023-05-12", "Kiên Giang")
    assert h.issuer == "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG" or h.issuer_parent or h.issuer
    assert doc.signer.name == "Trần Văn Hòa" and doc.signer.authority == "KT"
    assert [r.name for r in doc.recipients if not r.archive][:1] == ["Bộ Nông nghiệp và PTNT"]
    assert len(doc.tasks) >= 3
    assert {d.value for d in doc.deadlines} >= {"2023-06-30", "2023-06-15T17:00"}
    assert [r.canonical for r in doc.legal_references] == ["16/CT-TTg"]


def test_html_furniture_is_dropped():
    text = html_to_text(directive_html())
    for furniture in ("Trang chủ", "Chia sẻ", "Bản quyền", "var x"):
        assert furniture not in text
    assert "Sở Tài chính tham mưu" in text


def test_pdf_with_a_text_layer_is_read():
    doc, source = _doc((FIXTURES / "directive.pdf").read_bytes(), "ct.pdf")
    assert source.format == "pdf"
    assert doc.header.number == "14/CT-UBND" and doc.header.doc_type == "CT"
    assert len(doc.tasks) >= 3


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        ((FIXTURES / "scan.pdf").read_bytes(), "scan.pdf", "no text layer"),
        (b"%PDF-1.7\n garbage", "broken.pdf", "PDF"),
        (b"PK\x03\x04 not really a zip", "broken.docx", ".docx"),
        (b"", "empty.txt", "empty"),
        (b"   \n\n", "blank.txt", "empty"),
        (b"\x00\x01\x02\x03binary" * 50, "x.txt", "binary"),
        (b"<html><body><script>x</script></body></html>", "x.html", "no text"),
        (b"anything", "old.doc", ".doc files are not read"),
    ],
)
def test_bad_files_get_one_clear_error(data, name, message):
    with pytest.raises(InputError, match=message) as err:
        read_bytes(data, name)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # a layout table (the header block): cells one after another
        (
            [[["ỦY BAN NHÂN DÂN", "Số: 1/CT"], ["CỘNG HÒA", "Hà Nội, ngày 1"]]],
            ["ỦY BAN NHÂN DÂN", "Số: 1/CT", "|", "CỘNG HÒA", "Hà Nội, ngày 1"],
        ),
        # a data table keeps its rows and columns
        (
            [
                [["STT"], ["Nhiệm vụ"], ["Chủ trì"]],
                [["1"], ["Rà soát", "văn bản"], ["Sở Tư pháp"]],
                [["2"], ["Báo cáo"], ["Sở Nội vụ"]],
            ],
            ["| STT | Nhiệm vụ | Chủ trì |", "| 1 | Rà soát văn bản | Sở Tư pháp |", "| 2 | Báo cáo | Sở Nội vụ |"],
        ),
        ([[[""], [" "]]], []),  # empty tables vanish
        (
            [[["a | b"], ["c"]], [["d"], ["e"]], [["f"], ["g"]]],
            ["| a / b | c |", "| d | e |", "| f | g |"],
        ),  # no stray column
    ],
)
def test_tables_render_in_reading_order(rows, expected):
    assert render_table(rows) == expected


def test_every_html_rule_example_does_what_it_says():
    from directive_nlp.resources import load

    rules = load("html.json")
    for key in ("drop_tags", "furniture_attr"):
        assert html_to_text(f"<html><body>{rules[key]['example']}</body></html>").strip() == "", key
    for key in ("block_tags", "content_roots"):
        assert html_to_text(f"<html><body>{rules[key]['example']}</body></html>").strip(), key


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_docx_typed_in_a_legacy_font_is_converted(encoding):
    """Word files typed with .VnTime or VNI-Times fonts hold the legacy codes as
    Unicode Latin-1 letters; they are converted line by line."""
    import io

    import docx

    from directive_nlp.legacy_encodings import encode_legacy

    d = docx.Document()
    for line in directive_text(8).splitlines():
        d.add_paragraph(encode_legacy(line, encoding).decode("cp1252"))
    buf = io.BytesIO()
    d.save(buf)
    doc, source = _doc(buf.getvalue(), "ct.docx")
    assert source.encoding == encoding
    assert doc.header.number == "8/CT-UBND" and doc.header.issued_date == "2023-05-12"
    assert "phối hợp với các địa phương tổ chức tiêm phòng" in doc.text
