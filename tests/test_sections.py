import pytest

from directive_nlp import extract


def pairs(raw: str) -> list[tuple[str, str]]:
    doc = extract(raw)
    by_id = {s.id: s for s in doc.sections}
    return [(s.label, by_id[s.parent_id].label if s.parent_id else "") for s in doc.sections]


HEAD = "Số: 01/KH-UBND\nHà Nội, ngày 01 tháng 3 năm 2023\nKẾ HOẠCH\nTriển khai nhiệm vụ năm 2023\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "I. MỤC ĐÍCH\n1. Nâng cao nhận thức.\n2. Bảo đảm an toàn.\nII. NỘI DUNG\n1. Tổ chức tập huấn.",
            [("I", ""), ("1", "I"), ("2", "I"), ("II", ""), ("1", "II")],
        ),
        (
            "1. Nội dung\n1.1. Tập huấn.\n1.2. Kiểm tra.\n2. Tổ chức\n2.1. Giao Sở Tài chính.\n2.1.1. Bố trí kinh phí.",
            [("1", ""), ("1.1", "1"), ("1.2", "1"), ("2", ""), ("2.1", "2"), ("2.1.1", "2.1")],
        ),
        (
            "1. Sở Y tế có trách nhiệm:\na) Kiểm tra.\nb) Báo cáo.\n- Định kỳ hằng quý.\n2. Sở Tài chính:\na/ Bố trí kinh phí.",
            [("1", ""), ("a", "1"), ("b", "1"), ("-", "b"), ("2", ""), ("a", "2")],
        ),
        (
            "A. MỤC ĐÍCH\n1. Mục đích\nB. NỘI DUNG\nI. CÔNG TÁC TUYÊN TRUYỀN\n1. Nội dung\nC. TỔ CHỨC THỰC HIỆN\n1. Bộ Quốc phòng",
            [("A", ""), ("1", "A"), ("B", ""), ("I", "B"), ("1", "I"), ("C", ""), ("1", "C")],
        ),
        # a line that merely starts with a number inside a sentence is not a section
        (
            "1. Thực hiện chương trình giáo dục phổ thông\n2018 đối với lớp 2, lớp 6.\n2. Tổ chức kiểm tra.",
            [("1", ""), ("2", "")],
        ),
        # bullets before the first heading (a preamble's lines) never hold the numbered headings after them
        (
            "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n- Phạm vi: toàn tỉnh;\n- Thời gian: năm 2026.\n"
            "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
            "- Nâng cao nhận thức.\n2. Yêu cầu\n- Bảo đảm tiến độ.\nII. NHIỆM VỤ\n1. Sở Nội vụ",
            [("-", ""), ("-", ""), ("I", ""), ("1", "I"), ("-", "1"), ("2", "I"), ("-", "2"), ("II", ""), ("1", "II")],
        ),
        # 5. right after 1. is not the next item
        ("1. Tổ chức tập huấn.\n5. triệu đồng mỗi lớp.\n2. Kiểm tra.", [("1", ""), ("2", "")]),
        ("a.1) Tổng cục trưởng quyết định.\na.2) Cục trưởng quyết định.", [("a.1", ""), ("a.2", "")]),
        # a second '(1)' list under a later point is that point's own, not a sibling of the first list
        (
            "(1) Phạm vi áp dụng.\n1. Các Bộ:\na) Bộ Y tế:\n(1) Rà soát danh mục thuốc.\n(2) Báo cáo kết quả.",
            [("(1)", ""), ("1", "(1)"), ("a", "1"), ("(1)", "a"), ("(2)", "a")],
        ),
        # '(1)', '(2)' items under a lettered point; a line that opens with '(3)' and no word is no item
        (
            "1. Các Bộ:\na) Bộ Công Thương:\n(1) Rà soát quy hoạch điện.\n(2) Báo cáo kết quả.\n(3)\nb) Bộ Xây dựng.",
            [("1", ""), ("a", "1"), ("(1)", "a"), ("(2)", "a"), ("b", "1")],
        ),
    ],
)
def test_numbering_styles(body, expected):
    assert pairs(HEAD + body) == expected


def test_decision_with_attached_plan_starts_a_new_tree():
    raw = (
        "Số: 09/QĐ-UBND\nHà Nội, ngày 01 tháng 3 năm 2023\nQUYẾT ĐỊNH\nBan hành Kế hoạch\nQUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký.\n"
        "Điều 3. Giám đốc các sở chịu trách nhiệm thi hành Quyết định này./.\n"
        "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Nam\n"
        "KẾ HOẠCH\nTriển khai công tác chuyển đổi số (Ban hành kèm theo Quyết định số 09/QĐ-UBND)\n"
        "I. MỤC ĐÍCH\n1. Nâng cao nhận thức của cán bộ.\nII. NHIỆM VỤ\n1. Sở Thông tin và Truyền thông chủ trì."
    )
    doc = extract(raw)
    got = [(s.label, s.part) for s in doc.sections]
    assert got == [
        ("Điều 1", "main"),
        ("Điều 2", "main"),
        ("Điều 3", "main"),
        ("I", "attachment"),
        ("1", "attachment"),
        ("II", "attachment"),
        ("1", "attachment"),
    ]
    assert doc.signer.name == "Lê Văn Nam"
    assert [s.parent_id for s in doc.sections if s.label == "I"] == [None]


def test_headings_and_items():
    doc = extract(
        HEAD
        + "I. NHIỆM VỤ, GIẢI PHÁP\n1. Toàn ngành tiếp tục thực hiện nghiêm các quy định.\n2.2. Đối với cấp mầm non:"
    )
    kinds = {s.label: (s.is_heading, s.title) for s in doc.sections}
    assert kinds["I"] == (True, "NHIỆM VỤ, GIẢI PHÁP")
    assert kinds["1"] == (False, None)
    assert kinds["2.2"] == (True, "Đối với cấp mầm non")


def test_a_long_line_over_a_new_list_is_its_title():
    doc = extract(
        HEAD
        + "3. Các doanh nghiệp nhỏ và vừa hoạt động trong lĩnh vực chế biến nông sản, thủy sản trên địa bàn các xã ven biển của tỉnh\n"
        + "- Chủ động đăng ký tham gia chương trình.\n- Báo cáo kết quả hằng quý.\n"
        + "4. Sở Công Thương hướng dẫn các hợp tác xã và doanh nghiệp nhỏ đăng ký tham gia chương trình khuyến công trên địa bàn các xã ven biển\n"
        + "5. Sở Tài chính bố trí kinh phí."
    )
    kinds = {s.label: s.is_heading for s in doc.sections if s.label in ("3", "4")}
    assert kinds == {"3": True, "4": False}
    task = next(t for t in doc.tasks if "đăng ký tham gia chương trình." in t.text)
    assert [a.name for a in task.actors][0].startswith("Các doanh nghiệp nhỏ và vừa")


def test_section_offsets_cover_their_text():
    doc = extract(HEAD + "1. Nội dung\n1.1. Tập huấn cán bộ.\n2. Tổ chức")
    for s in doc.sections:
        assert doc.text[s.start : s.end].lstrip().startswith(s.label.split()[-1])
    first = doc.sections[0]
    assert "Tập huấn" in doc.text[first.start : first.end]
