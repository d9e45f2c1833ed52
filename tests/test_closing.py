import pytest

from directive_nlp import extract
from directive_nlp.closing import parse_recipient, parse_signer
from directive_nlp.header import Line


@pytest.mark.parametrize(
    ("line", "name", "purpose", "archive"),
    [
        ("- Bộ trưởng (để b/c);", "Bộ trưởng", "báo cáo", False),
        ("- UBND huyện (b/c);", "UBND huyện", "báo cáo", False),
        ("- Các đơn vị thuộc và trực thuộc TCHQ (để t/h);", "Các đơn vị thuộc và trực thuộc TCHQ", "thực hiện", False),
        ("- Cục NCC (p/hợp t/hiện);", "Cục NCC", "phối hợp", False),
        ("- Sở Tư pháp (để biết);", "Sở Tư pháp", "để biết", False),
        ("- Văn phòng UBND tỉnh (đăng công báo);", "Văn phòng UBND tỉnh", "đăng công báo", False),
        ("- Bộ Công an (Cục A03 - để b/c);", "Bộ Công an", "báo cáo", False),
        ("- Bộ Giáo dục và Đào tạo; (báo cáo)", "Bộ Giáo dục và Đào tạo", "báo cáo", False),
        ("- Phó TCTr Cao Anh Tuấn để b/c;", "Phó TCTr Cao Anh Tuấn", "báo cáo", False),
        ("- Lưu: VT, KTTH (3b).", "Lưu: VT, KTTH (3b)", None, True),
        ("- Lưu VT, KGVX2.", "Lưu VT, KGVX2", None, True),
        ("- Website Phòng GD&ĐT;", "Website Phòng GD&ĐT", None, False),
    ],
)
def test_recipient_lines(line, name, purpose, archive):
    r = parse_recipient(Line(0, len(line), line), [])
    assert (r.name, r.purpose, r.archive) == (name, purpose, archive)


def test_nhu_tren_refers_to_the_addressees():
    r = parse_recipient(Line(0, 13, "- Như trên;"), ["Sở Y tế", "Sở Tài chính"])
    assert (r.name, r.refers_to, r.members) == ("Như trên", "Kính gửi", ["Sở Y tế", "Sở Tài chính"])


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        ("KT. CHỦ TỊCH PHÓ CHỦ TỊCH Hoàng Việt Phương", ("KT", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Hoàng Việt Phương")),
        (
            "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Hữu Tháp",
            ("KT", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Hữu Tháp"),
        ),
        (
            "KT. BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM Nguyễn Sỹ Hiệp",
            ("KT", "BỘ TRƯỞNG, CHỦ NHIỆM", "PHÓ CHỦ NHIỆM", "Nguyễn Sỹ Hiệp"),
        ),
        (
            "TL. BỘ TRƯỞNG VỤ TRƯỞNG VỤ KẾ HOẠCH - TÀI CHÍNH Phạm Quang Phụng",
            ("TL", "BỘ TRƯỞNG", "VỤ TRƯỞNG VỤ KẾ HOẠCH - TÀI CHÍNH", "Phạm Quang Phụng"),
        ),
        (
            "TL. TỔNG CỤC TRƯỞNG KT. VỤ TRƯỞNG VỤ CHÍNH SÁCH PHÓ VỤ TRƯỞNG Ngô Văn Độ",
            ("KT", "VỤ TRƯỞNG VỤ CHÍNH SÁCH", "PHÓ VỤ TRƯỞNG", "Ngô Văn Độ"),
        ),
        ("K/T THỦ TƯỚNG CHÍNH PHỦ PHÓ THỦ TƯỚNG Tố Hữu", ("KT", "THỦ TƯỚNG CHÍNH PHỦ", "PHÓ THỦ TƯỚNG", "Tố Hữu")),
        ("THỦ TƯỚNG Nguyễn Tấn Dũng", (None, None, "THỦ TƯỚNG", "Nguyễn Tấn Dũng")),
        ("T/M BAN THƯỜNG VỤ BÍ THƯ Lê Minh Hải", ("TM", "BAN THƯỜNG VỤ", "BÍ THƯ", "Lê Minh Hải")),
        ("TL. GIÁM ĐỐC CHÁNH VĂN PHÒNG Hồ Tấn Minh", ("TL", "GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "Hồ Tấn Minh")),
    ],
)
def test_signer_blocks(block, expected):
    s = parse_signer(block)
    assert (s.authority, s.on_behalf_of, s.title, s.name) == expected


def test_closing_in_a_document_with_emphasis():
    raw = (
        "Số: 12/TB-PGDĐT\nHà Nội, ngày 05 tháng 10 năm 2021\nTHÔNG BÁO\nKết luận\n1. Các trường thực hiện.\n"
        "Nơi nhận:\n- UBND huyện (b/c);\n- Các đơn vị trực\nthuộc;\n- Lưu: VT.\n\n**KT.TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG**\n\nLê Ngọc Thành"
    )
    doc = extract(raw)
    assert [r.name for r in doc.recipients if not r.archive] == ["UBND huyện", "Các đơn vị trực thuộc"]
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == ("KT", "PHÓ TRƯỞNG PHÒNG", "Lê Ngọc Thành")


def test_a_first_recipient_whose_bullet_the_converter_dropped():
    raw = (
        "BỘ CÔNG THƯƠNG\nSố: 12/QĐ-BCT\nHà Nội, ngày 05 tháng 10 năm 2025\nQUYẾT ĐỊNH\nVề việc công bố thủ tục\n"
        "Điều 1. Công bố kèm theo Quyết định này thủ tục hành chính.\n"
        "Điều 2. Chánh Văn phòng Bộ chịu trách nhiệm thi hành Quyết định này./.\n"
        "Nơi nhận:\nNhư Điều 2;\n- Văn phòng Chính phủ;\n- Lưu: VT.\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTrần\nVăn Bình\n"
        "PHỤ LỤC\nTHỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI\n(Kèm theo Quyết định số 12/QĐ-BCT ngày 05 tháng 10 năm 2025)\n"
        "1. Thủ tục cấp giấy chứng nhận xuất xứ hàng hóa."
    )
    doc = extract(raw)
    assert [r.name for r in doc.recipients if not r.archive] == ["Như Điều 2", "Văn phòng Chính phủ"]
    assert (doc.signer.authority, doc.signer.title, doc.signer.name) == ("KT", "THỨ TRƯỞNG", "Trần Văn Bình")


def test_the_archive_line_goes_on_below_with_the_copies():
    raw = (
        "ỦY BAN NHÂN DÂN\nTỈNH NAM ĐỊNH\nSố: 45/QĐ-UBND\nNam Định, ngày 05 tháng 10 năm 2025\nQUYẾT ĐỊNH\nVề việc giao chỉ tiêu\n"
        "Điều 1. Giao chỉ tiêu tuyển sinh năm học 2025 - 2026.\n"
        "Điều 2. Chánh Văn phòng Ủy ban nhân dân tỉnh chịu trách nhiệm thi hành Quyết định này./.\n"
        "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT, KGVX.\nLan (12 bản)\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nPhạm Đình Nghị"
    )
    doc = extract(raw)
    assert doc.signer.name == "Phạm Đình Nghị"
    assert [r.archive for r in doc.recipients] == [False, True]
