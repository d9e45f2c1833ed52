"""Tasks and their actors: one small written case per actor source and per kind of
non-task, plus deadlines, coordination and plan tables."""

import pytest

from directive_nlp import extract

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\nSố: 12/CT-UBND\nHà Nam, ngày 05 tháng 3 năm 2023\nCHỈ THỊ\nVề việc tăng cường công tác phòng cháy\n"
CV_HEAD = (
    "SỞ Y TẾ\nSố: 45/SYT-NVY\nV/v phòng chống sốt xuất huyết\nHà Nam, ngày 05 tháng 3 năm 2023\n"
    "Kính gửi: Trung tâm Y tế các huyện, thành phố.\n"
)


def task_with(doc, phrase: str):
    hits = [t for t in doc.tasks if phrase in t.text]
    assert hits, f"no task contains {phrase!r}: {[t.text for t in doc.tasks]}"
    return hits[0]


def actors(task) -> list[tuple[str, str, str]]:
    return [(a.name, a.role, a.source) for a in task.actors]


@pytest.mark.parametrize(
    ("body", "phrase", "expected"),
    [
        # explicit subject
        (
            "1. Các đơn vị gửi kế hoạch về Sở trước 17g00 ngày 11/3/2023.",
            "gửi kế hoạch",
            [("Các đơn vị", "lead", "explicit")],
        ),
        # explicit object of a directive verb, split on commas and 'cùng' without splitting a name
        (
            "2. Giao Phòng Kế hoạch tài chính, Văn phòng Sở cùng các thủ trưởng các đơn vị nghiên cứu xây dựng bài giảng.",
            "nghiên cứu xây dựng",
            [
                ("Phòng Kế hoạch tài chính", "lead", "explicit"),
                ("Văn phòng Sở", "lead", "explicit"),
                ("các thủ trưởng các đơn vị", "lead", "explicit"),
            ],
        ),
        # a collective stays one actor
        (
            "3. Ủy ban nhân dân các huyện, thị xã, thành phố căn cứ chức năng, nhiệm vụ xây dựng kế hoạch cụ thể.",
            "xây dựng kế hoạch cụ thể",
            [("Ủy ban nhân dân các huyện, thị xã, thành phố", "lead", "explicit")],
        ),
        # lead and coordination
        (
            "4. Sở Xây dựng chủ trì, phối hợp với Sở Tài chính, Sở Nội vụ lập Đề án hỗ trợ nhà ở.",
            "lập Đề án",
            [
                ("Sở Xây dựng", "lead", "explicit"),
                ("Sở Tài chính", "coordinate", "explicit"),
                ("Sở Nội vụ", "coordinate", "explicit"),
            ],
        ),
        # the subject after a conditional clause
        (
            "5. Trường hợp phát hiện cháy rừng, chủ rừng phải báo ngay cho chính quyền địa phương.",
            "báo ngay",
            [("chủ rừng", "lead", "explicit")],
        ),
    ],
)
def test_explicit_actors(body, phrase, expected):
    assert actors(task_with(extract(HEAD + body), phrase)) == expected


def test_item_lead_actors():
    doc = extract(
        HEAD
        + "1. Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện chỉ đạo: xây dựng kế hoạch trước ngày 28/3/2023; "
        "lập dự toán kinh phí; báo cáo kết quả trước ngày 10/11/2023."
    )
    first, last = task_with(doc, "xây dựng kế hoạch"), task_with(doc, "báo cáo kết quả")
    assert [a.name for a in first.actors] == ["Thủ trưởng các sở, ban, ngành", "Chủ tịch UBND các huyện"]
    assert {a.source for a in last.actors} == {"item_lead"}
    assert (first.deadline.value, last.deadline.value) == ("2023-03-28", "2023-11-10")


def test_heading_actors():
    doc = extract(
        HEAD
        + "2. Các nhiệm vụ cụ thể\n2.1. Đối với cấp mầm non:\n- Tổ chức tập huấn cho giáo viên về an toàn phòng cháy.\n"
        "2.2. Sở Tài chính\n- Bố trí kinh phí thực hiện Chỉ thị."
    )
    assert actors(task_with(doc, "Tổ chức tập huấn")) == [("cấp mầm non", "lead", "heading")]
    assert actors(task_with(doc, "Bố trí kinh phí")) == [("Sở Tài chính", "lead", "heading")]


def test_preamble_actors():
    doc = extract(
        HEAD
        + "Chủ tịch UBND tỉnh yêu cầu Giám đốc các sở, ban, ngành và Chủ tịch UBND các huyện thực hiện nghiêm các nội dung sau:\n"
        "1. Tăng cường kiểm tra an toàn phòng cháy tại các chợ.\n2. Sở Công Thương kiểm tra các cơ sở kinh doanh xăng dầu."
    )
    assert actors(task_with(doc, "Tăng cường kiểm tra")) == [
        ("Giám đốc các sở, ban, ngành", "lead", "preamble"),
        ("Chủ tịch UBND các huyện", "lead", "preamble"),
    ]
    assert actors(task_with(doc, "kiểm tra các cơ sở")) == [("Sở Công Thương", "lead", "explicit")]


def test_addressee_actors_of_a_cong_van():
    doc = extract(CV_HEAD + "Sở Y tế đề nghị:\n- Tăng cường giám sát ca bệnh tại cộng đồng.")
    assert actors(task_with(doc, "Tăng cường giám sát")) == [
        ("Trung tâm Y tế các huyện, thành phố", "lead", "addressee")
    ]


def test_plan_assignment_lines():
    doc = extract(
        HEAD + "II. NỘI DUNG\n1. Tuyên truyền\n1.1. Tổ chức tuyên truyền trên báo, đài.\n"
        "- Cơ quan thực hiện: Sở Thông tin và Truyền thông chủ trì, phối hợp với Đài Phát thanh và Truyền hình tỉnh.\n"
        "- Thời gian thực hiện: Quý II/2023."
    )
    t = task_with(doc, "Tổ chức tuyên truyền")
    assert actors(t) == [
        ("Sở Thông tin và Truyền thông", "lead", "assignment"),
        ("Đài Phát thanh và Truyền hình tỉnh", "coordinate", "assignment"),
    ]
    assert t.deadline is not None and t.deadline.value == "2023-06-30"


def test_plan_table_rows():
    doc = extract(
        HEAD + "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
        "|---|---|---|---|---|\n| 1 | Xây dựng cơ sở dữ liệu về phòng cháy | Công an tỉnh | Sở Tư pháp | Tháng 9/2023 |"
    )
    t = task_with(doc, "Xây dựng cơ sở dữ liệu")
    assert [(a.name, a.role) for a in t.actors] == [("Công an tỉnh", "lead"), ("Sở Tư pháp", "coordinate")]
    assert t.deadline.value == "2023-09-30"


def test_an_action_assigned_to_no_one_is_no_task():
    doc = extract("Hướng dẫn nhiệm vụ năm học\n1. Tăng cường kiểm tra nội bộ trường học.")
    assert doc.tasks == []
    doc = extract("Hướng dẫn nhiệm vụ năm học\n1. Các trường tăng cường kiểm tra nội bộ.")
    assert [a.name for a in task_with(doc, "tăng cường kiểm tra").actors] == ["Các trường"]


@pytest.mark.parametrize(
    "body",
    [
        "Năm học 2021-2022 mặc dù gặp rất nhiều khó khăn nhưng toàn ngành đã đạt được kết quả cao.",
        "Tham dự Hội nghị có các đồng chí lãnh đạo các phòng thuộc Sở.",
        "Trên đây là kết luận của Chủ tịch UBND tỉnh tại hội nghị.",
        "Chỉ thị này có hiệu lực kể từ ngày ký.",
        "Căn cứ Luật Phòng cháy và chữa cháy ngày 29 tháng 6 năm 2001;",
        "Các đơn vị đã triển khai thực hiện nghiêm túc các nhiệm vụ năm học.",
    ],
)
def test_not_tasks(body):
    assert extract(HEAD + body).tasks == []


def test_task_fields_and_offsets():
    doc = extract(
        HEAD + "1. Sở Tài chính bố trí kinh phí theo Thông tư số 51/2020/TT-BGDĐT trước ngày 30/6/2023 hằng năm."
    )
    t = doc.tasks[0]
    assert doc.text[t.start : t.end] == t.text
    assert t.section_id == doc.sections[0].id
    assert [r.canonical for r in t.legal_references] == ["51/2020/TT-BGDĐT"]
    assert 0 <= t.confidence <= 1 and t.recurrence == "yearly"
    for a in t.actors:
        assert doc.text[a.start : a.end] == a.name
