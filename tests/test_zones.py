"""Zones: a page's furniture and metadata, and the document's header, preamble, body, closing and
attachments. Written pages in the shapes archives hold (no sentence of a real page)."""

import re

import pytest

from directive_nlp import extract
from directive_nlp.normalize import normalize
from directive_nlp.resources import load
from directive_nlp.zones import find_zones
from directive_nlp.zones import furniture as fu


def kinds(raw: str) -> list[tuple[str, str]]:
    text = normalize(raw).text
    return [(z.kind, text[z.start : z.end].split("\n")[0]) for z in find_zones(text).zones]


PORTAL_PAGE = """Nội dung trang này thuộc bản quyền của Cổng pháp luật Ví Dụ. Cấm sao chép khi không có sự đồng ý của ban biên tập.
Đang tải văn bản...
Số hiệu:
15/CT-UBND
Loại văn bản:
Chỉ thị
Ngày ban hành:
03/12/2025
ỦY BAN NHÂN DÂN
TỈNH ĐIỆN BIÊN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 15/CT-UBND
Điện Biên, ngày 03 tháng 12 năm 2025
CHỈ THỊ
Về tăng cường quản lý chợ
Thời gian qua, công tác quản lý chợ trên địa bàn tỉnh còn nhiều hạn chế.
1. Sở Công Thương chủ trì kiểm tra các chợ trước ngày 31/12/2025.
2. Ủy ban nhân dân các xã, phường rà soát quy hoạch chợ.
Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Trần Văn Bình
Chỉ thị 15/CT-UBND năm 2025 về tăng cường quản lý chợ do tỉnh Điện Biên ban hành
Văn bản liên quan
Ban hành:
01/07/2025
Tình trạng: Còn hiệu lực
Tiếp tục sử dụng dịch vụ, Quý khách vui lòng đăng nhập lại."""


def test_a_portal_page_is_split_into_furniture_metadata_and_the_document():
    got = kinds(PORTAL_PAGE)
    # (the normalizer drops a page's lists of other documents, "Văn bản liên quan" and below)
    assert [k for k, _ in got] == ["furniture", "metadata", "header", "body", "closing", "metadata"]
    assert got[-1][1].startswith("Chỉ thị 15/CT-UBND năm 2025")
    header = next(first for k, first in got if k == "header")
    assert header == "ỦY BAN NHÂN DÂN"


def test_tasks_and_header_come_from_the_document_only():
    doc = extract(PORTAL_PAGE)
    assert doc.kind == "document"
    assert (doc.header.number, doc.header.issued_date, doc.header.place) == ("15/CT-UBND", "2025-12-03", "Điện Biên")
    assert doc.header.sources["number"] == "header"
    texts = [t.text for t in doc.tasks]
    assert any(t.startswith("Sở Công Thương chủ trì") for t in texts)
    assert not any("đăng nhập" in t or "Tiếp tục" in t for t in texts)
    assert doc.signer.name == "Trần Văn Bình"
    assert all(0 <= z.start <= z.end <= len(doc.text) for z in doc.zones)


PREAMBLE_AND_ATTACHMENT = """ỦY BAN NHÂN DÂN
TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 40/QĐ-UBND
Lai Châu, ngày 10 tháng 11 năm 2025
QUYẾT ĐỊNH
Ban hành Kế hoạch phòng chống rét cho gia súc
ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Căn cứ Luật Tổ chức chính quyền địa phương;
Theo đề nghị của Giám đốc Sở Nông nghiệp và Môi trường.
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng chống rét cho gia súc.
Điều 2. Giám đốc Sở Nông nghiệp và Môi trường chịu trách nhiệm thi hành Quyết định này.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Lê Thị Hoa
KẾ HOẠCH
Phòng chống rét cho gia súc
(Kèm theo Quyết định số 40/QĐ-UBND ngày 10 tháng 11 năm 2025 của Ủy ban nhân dân tỉnh)
1. Ủy ban nhân dân các xã hướng dẫn người chăn nuôi che chắn chuồng trại."""


def test_preamble_closing_and_attachment():
    got = kinds(PREAMBLE_AND_ATTACHMENT)
    assert [k for k, _ in got] == ["header", "preamble", "body", "closing", "attachment"]
    assert dict(got)["preamble"].startswith("Căn cứ")
    assert dict(got)["attachment"] == "KẾ HOẠCH"


def test_header_facts_from_an_attachment_caption_when_the_page_lost_the_header():
    raw = PREAMBLE_AND_ATTACHMENT.split("Điều 1.", 1)[1]
    doc = extract("Điều 1." + raw)
    assert (doc.header.number, doc.header.doc_type, doc.header.issued_date) == ("40/QĐ-UBND", "QĐ", "2025-11-10")
    assert doc.header.sources == {"doc_type": "caption", "issued_date": "caption", "number": "caption"}
    assert doc.header.place is None


def test_header_facts_from_the_page_metadata_when_the_page_has_no_document_header():
    raw = "Số hiệu:\n07/UBND-KT\nLoại văn bản:\nCông văn\nNgày ban hành:\n05/11/2025\n" + (
        "Kính gửi: Sở Tài chính.\nỦy ban nhân dân tỉnh đề nghị Sở Tài chính bố trí kinh phí trước ngày 30/11/2025."
    )
    doc = extract(raw)
    assert (doc.header.number, doc.header.doc_type, doc.header.issued_date) == ("07/UBND-KT", "CV", "2025-11-05")
    assert set(doc.header.sources.values()) == {"metadata"}


def test_the_signer_from_the_page_metadata_when_the_page_prints_no_signature():
    meta = "Số hiệu:\n07/UBND-KT\nLoại văn bản:\nCông văn\nNgười ký:\nTrần Văn Bình\nNgày ban hành:\n05/11/2025\n"
    body = "Kính gửi: Sở Tài chính.\nỦy ban nhân dân tỉnh đề nghị Sở Tài chính bố trí kinh phí trước ngày 30/11/2025."
    assert extract(meta + body).signer.name == "Trần Văn Bình"
    # a signature block wins over the metadata; a stamp line 'Người ký: ...' is dropped as before
    signed = body + "\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Nam\n"
    assert extract(meta + signed).signer.name == "Lê Văn Nam"
    assert "Người ký" not in extract(signed + "Người ký: Lê Văn Nam\n").text


@pytest.mark.parametrize(
    "raw",
    [
        # a question-and-answer page
        "Mẫu đơn xin nghỉ phép năm 2025 viết thế nào?\nNgười lao động cần nêu rõ lý do nghỉ.\n"
        "Theo quy định, người lao động phải báo trước cho người sử dụng lao động.",
        # a blank form printed on a page
        "THÔNG BÁO\nV/v ..........................\nKính gửi: ..............................\n"
        "Căn cứ ......................................\nĐơn vị ..................... thông báo ..............",
    ],
)
def test_pages_that_are_no_document_give_no_header_and_no_task(raw):
    doc = extract(raw)
    assert doc.kind == "not_a_document"
    assert doc.tasks == [] and doc.header.number is None


def test_a_web_page_without_a_header_starts_at_its_title():
    raw = (
        "Giới thiệu\nTin tức\nVăn bản\nHỏi đáp\nKế hoạch tổ chức ngày hội đọc sách năm 2025 của Phòng Văn hóa\n"
        "1. Các trường học trên địa bàn tổ chức trưng bày sách trước ngày 20/4/2025.\n"
        "2. Thư viện huyện phối hợp với các trường tổ chức thi kể chuyện."
    )
    got = kinds(raw)
    assert got[0][0] == "furniture"
    assert ("header", "Kế hoạch tổ chức ngày hội đọc sách năm 2025 của Phòng Văn hóa") in got
    assert extract(raw).header.doc_type == "KH"


@pytest.mark.parametrize("entry", load("zones.json")["site_text"]["patterns"], ids=lambda e: e["example"][:30])
def test_site_text_examples(entry):
    assert re.search(entry["re"], entry["example"], re.I)
    assert fu.classify(entry["example"]) == fu.FURNITURE
    if "not" in entry:  # a document's own sentence with the same words
        assert fu.classify(entry["not"]) is None


def test_a_regulation_on_accounts_and_passwords_is_no_site_text():
    body = (
        "Điều 3. Quản lý tài khoản\n1. Mỗi cơ quan, đơn vị được cấp một tài khoản (gồm tên đăng nhập và mật khẩu).\n"
        "2. Người sử dụng đổi mật khẩu định kỳ và không để lộ tên đăng nhập.\n"
        "Điều 4. Trách nhiệm của Sở Tài chính\nSở Tài chính hướng dẫn, kiểm tra việc sử dụng tài khoản đăng nhập của các đơn vị.\n"
    )
    head = (
        "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: 40/2025/QĐ-UBND\nBắc Ninh, ngày 02 tháng 12 năm 2025\nQUY CHẾ\n"
        "Quản lý phần mềm tài sản công\n"
    )
    doc = extract(head + body)
    assert [z.kind for z in doc.zones if z.kind == "furniture"] == []
    assert any("kiểm tra việc sử dụng tài khoản" in t.text for t in doc.tasks)


@pytest.mark.parametrize("entry", load("zones.json")["metadata_keys"]["keys"], ids=lambda e: e["key"])
def test_metadata_key_examples(entry):
    m = fu.meta_key(entry["example"])
    assert m is not None and m.group("key").lower() == entry["key"]
    assert fu.meta_keys()[entry["key"]] == entry["field"]


@pytest.mark.parametrize("entry", load("zones.json")["end_markers"]["patterns"], ids=lambda e: e["example"])
def test_end_marker_examples(entry):
    assert fu.classify(entry["example"]) == fu.END


def test_site_caption_and_english_examples():
    data = load("zones.json")
    m = fu.site_caption().match(data["site_caption"]["example"])
    assert m and (m.group("number"), m.group("year")) == ("07/CT-UBND", "2025")
    assert fu.classify(data["english"]["example"]) == fu.ENGLISH


@pytest.mark.parametrize(
    "line",
    [
        # lines of documents that look a little like site text and must stay the document's
        "Đề nghị Quý cơ quan phối hợp, tạo điều kiện để đơn vị hoàn thành nhiệm vụ.",
        "Căn cứ Chỉ thị số 07/CT-UBND ngày 03/12/2025 của Ủy ban nhân dân tỉnh;",
        "Trân trọng cảm ơn sự phối hợp của Quý cơ quan./.",
        "Thực hiện theo đường dẫn: https://dichvucong.gov.vn",
        "- Điện thoại: 0215 3824 xxx",
        "Các nước bạn đã hỗ trợ kinh nghiệm quản lý.",
    ],
)
def test_document_lines_are_not_furniture(line):
    assert fu.classify(line) in (None, fu.CONTACT)


def test_a_type_read_from_the_symbol_alone_yields_to_the_page_metadata():
    """'Số: 812/CT-TTHT' with no title word and no 'V/v': CT is the issuing Cục Thuế; the page says công văn."""
    raw = (
        "Số hiệu:\n812/CT-TTHT\nLoại văn bản:\nCông văn\nNgày ban hành:\n04/11/2025\n"
        "CỤC THUẾ\nSố: 812/CT-TTHT\nHà Nội, ngày 04 tháng 11 năm 2025\n"
        "Kính gửi: Công ty cổ phần Ví Dụ.\nCục Thuế nhận được văn bản của Công ty hỏi về hóa đơn."
    )
    doc = extract(raw)
    assert (doc.header.doc_type, doc.header.sources["doc_type"]) == ("CV", "metadata")
    assert doc.header.sources["number"] == "header"


def test_a_type_read_from_the_symbol_stays_when_nothing_contradicts_it():
    doc = extract(
        "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN\nSố: 15/CT-UBND\nĐiện Biên, ngày 03 tháng 12 năm 2025\n"
        "1. Sở Công Thương chủ trì kiểm tra các chợ."
    )
    assert (doc.header.doc_type, doc.header.sources["doc_type"]) == ("CT", "header")
