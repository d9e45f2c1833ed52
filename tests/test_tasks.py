"""Tasks and their actors: one small written case per actor source and per kind of
non-task, plus deadlines, coordination and plan tables."""

import pytest

from directive_nlp import extract, tasks

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
        # a time adverbial between the subject and its verb is no part of the name
        (
            "6. Sở Nội vụ định kỳ 6 tháng tổng hợp kết quả thi đua.",
            "tổng hợp kết quả",
            [("Sở Nội vụ", "lead", "explicit")],
        ),
        (
            "7. Ban Dân tộc hằng năm rà soát danh sách thôn đặc biệt khó khăn.",
            "rà soát danh sách",
            [("Ban Dân tộc", "lead", "explicit")],
        ),
        # an execution article's ';' list: a part's own words ('cấp tỉnh, cấp xã', 'tại tỉnh') stay in its name
        (
            "Điều 4. Các ông, bà: Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Trung tâm Phục vụ hành chính công"
            " cấp tỉnh, cấp xã; Thủ trưởng cơ quan Thuế tại tỉnh Hà Nam; Chủ tịch UBND các xã, phường; Thủ trưởng"
            " các đơn vị sự nghiệp công lập thuộc tỉnh chịu trách nhiệm thi hành Quyết định này./.",
            "chịu trách nhiệm thi hành",
            [
                ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead", "explicit"),
                ("Giám đốc Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã", "lead", "explicit"),
                ("Thủ trưởng cơ quan Thuế tại tỉnh Hà Nam", "lead", "explicit"),
                ("Chủ tịch UBND các xã, phường", "lead", "explicit"),
                ("Thủ trưởng các đơn vị sự nghiệp công lập thuộc tỉnh", "lead", "explicit"),
            ],
        ),
        # a body named by what it was given: the name runs to the main predicate
        (
            "12. Các đơn vị được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này có trách nhiệm lập dự toán.",
            "lập dự toán",
            [("Các đơn vị được phân công chủ trì thực hiện nhiệm vụ theo Kế hoạch này", "lead", "explicit")],
        ),
        # a note in brackets after a body's name is no part of it
        (
            "11. Sở Nội vụ (cơ quan thường trực Ban Chỉ đạo tỉnh) tổng hợp kết quả thực hiện.",
            "tổng hợp kết quả",
            [("Sở Nội vụ", "lead", "explicit")],
        ),
        # a head and its colon name each body once: 'Các Bộ, cơ quan: ...' as subject, 'giao các Sở: ...' as object
        (
            "9. Các Bộ, cơ quan: Nội vụ, Y tế, Văn hóa, Thể thao và Du lịch, Công Thương, Ngoại giao, Khoa học và"
            " Công nghệ, Ngân hàng Nhà nước Việt Nam theo chức năng được giao khẩn trương rà soát các dự án.",
            "rà soát các dự án",
            [
                ("Bộ Nội vụ", "lead", "explicit"),
                ("Bộ Y tế", "lead", "explicit"),
                ("Bộ Văn hóa, Thể thao và Du lịch", "lead", "explicit"),
                ("Bộ Công Thương", "lead", "explicit"),
                ("Bộ Ngoại giao", "lead", "explicit"),
                ("Bộ Khoa học và Công nghệ", "lead", "explicit"),
                ("Ngân hàng Nhà nước Việt Nam", "lead", "explicit"),
            ],
        ),
        (
            "10. Giao các Sở: Xây dựng, Nội vụ rà soát hồ sơ các dự án.",
            "rà soát hồ sơ",
            [("Sở Xây dựng", "lead", "explicit"), ("Sở Nội vụ", "lead", "explicit")],
        ),
        (
            "8. Ngân hàng Chính sách xã hội tỉnh hàng quý báo cáo dư nợ cho vay.",
            "báo cáo dư nợ",
            [("Ngân hàng Chính sách xã hội tỉnh", "lead", "explicit")],
        ),
        # the execution article: a long list, a special zone among the units, bodies listed under one head
        (
            "Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc các Sở: Tài chính, Khoa học và Công nghệ; "
            "Chủ tịch Ủy ban nhân dân các phường, xã, đặc khu, các tổ chức và cá nhân có liên quan chịu trách "
            "nhiệm thi hành Quyết định này./.",
            "chịu trách nhiệm thi hành",
            [
                ("Chánh Văn phòng Ủy ban nhân dân tỉnh", "lead", "explicit"),
                ("Giám đốc Sở Tài chính", "lead", "explicit"),
                ("Giám đốc Sở Khoa học và Công nghệ", "lead", "explicit"),
                ("Chủ tịch Ủy ban nhân dân các phường, xã, đặc khu", "lead", "explicit"),
                ("các tổ chức", "lead", "explicit"),
                ("cá nhân có liên quan", "lead", "explicit"),
            ],
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


def test_heading_coordinators_are_inherited():
    doc = extract(
        HEAD + "3. Sở Lao động chủ trì, phối hợp với Bảo hiểm xã hội tỉnh, Sở Tài chính:\n"
        "- Rà soát đối tượng được hỗ trợ đóng bảo hiểm.\n- Bố trí kinh phí hỗ trợ."
    )
    assert actors(task_with(doc, "Bố trí kinh phí")) == [
        ("Sở Lao động", "lead", "heading"),
        ("Bảo hiểm xã hội tỉnh", "coordinate", "heading"),
        ("Sở Tài chính", "coordinate", "heading"),
    ]


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


def test_an_assignment_line_names_no_purpose_but_the_body_named_after_it():
    doc = extract(
        HEAD + "II. NỘI DUNG\n1. Tuyên truyền\n1.1. Tổ chức tuyên truyền trên báo, đài.\n"
        "- Cơ quan thực hiện: Sở Văn hóa, Thể thao và Du lịch trong phạm vi chức năng, nhiệm vụ của mình và các"
        " cơ quan, đơn vị có liên quan.\n"
    )
    assert actors(task_with(doc, "Tổ chức tuyên truyền")) == [
        ("Sở Văn hóa, Thể thao và Du lịch", "lead", "assignment"),
        ("các cơ quan, đơn vị có liên quan", "lead", "assignment"),
    ]


def test_a_titled_plan_item_with_its_own_bullets_and_assignment_lines():
    doc = extract(
        HEAD
        + "II. NHIỆM VỤ, GIẢI PHÁP\n2. Nâng cao chất lượng công tác phòng cháy tại các khu dân cư và chợ truyền thống\n"
        "- Thường xuyên kiểm tra hệ thống điện tại các chợ.\n"
        "Đơn vị chủ trì thực hiện: Ủy ban nhân dân các xã.\nĐơn vị phối hợp thực hiện: Công an tỉnh.\n"
        "Thời gian thực hiện: Thường xuyên."
    )
    assert [t.text for t in doc.tasks] == ["Thường xuyên kiểm tra hệ thống điện tại các chợ."]
    assert actors(doc.tasks[0]) == [
        ("Ủy ban nhân dân các xã", "lead", "assignment"),
        ("Công an tỉnh", "coordinate", "assignment"),
    ]


def test_plan_table_rows():
    doc = extract(
        HEAD + "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
        "|---|---|---|---|---|\n| 1 | Xây dựng cơ sở dữ liệu về phòng cháy | Công an tỉnh | Sở Tư pháp | Tháng 9/2023 |"
    )
    t = task_with(doc, "Xây dựng cơ sở dữ liệu")
    assert [(a.name, a.role) for a in t.actors] == [("Công an tỉnh", "lead"), ("Sở Tư pháp", "coordinate")]
    assert t.deadline.value == "2023-09-30"


def test_a_procedures_steps_name_who_acts_even_where_a_step_spans_two_rows():
    doc = extract(
        UBND_HEAD
        + "| Bước thực hiện | Đơn vị/người thực hiện | Nội dung công việc | Thời gian thực hiện | Biểu mẫu |\n"
        "|---|---|---|---|---|\n"
        "| Bước 1 | Bộ phận một cửa cấp xã | Tiếp nhận hồ sơ, kiểm tra tính hợp lệ | 04 giờ | Mẫu 01 |\n"
        "| Bước 2 | Lãnh đạo Phòng Kinh tế | Phân công công chức xử lý hồ sơ | 04 giờ | Phiếu kiểm soát |\n"
        "| Chuyên viên Phòng Kinh tế | Thẩm định hồ sơ, dự thảo văn bản trả lời | 16 giờ |"
    )
    got = {t.text: [a.name for a in t.actors] for t in doc.tasks}
    assert got == {
        "Tiếp nhận hồ sơ, kiểm tra tính hợp lệ": ["Bộ phận một cửa cấp xã"],
        "Phân công công chức xử lý hồ sơ": ["Lãnh đạo Phòng Kinh tế"],
        "Thẩm định hồ sơ, dự thảo văn bản trả lời": ["Chuyên viên Phòng Kinh tế"],
    }


def test_a_table_of_steps_under_a_caption_row_is_read_by_its_header():
    doc = extract(
        UBND_HEAD + "| 2.10 | Quy trình xử lý công việc |\n| TT | Trình tự | Trách nhiệm | Thời gian | Biểu mẫu |\n"
        "| B1 | Tiếp nhận hồ sơ và chuyển phòng chuyên môn | Công chức một cửa | 0,5 ngày | Mẫu 01 |\n"
        "| B2 | Thẩm định hồ sơ, dự thảo quyết định | Phòng Tổ chức hành chính | 05 ngày | Mẫu 02 |"
    )
    assert [(t.text, [a.name for a in t.actors]) for t in doc.tasks] == [
        ("Tiếp nhận hồ sơ và chuyển phòng chuyên môn", ["Công chức một cửa"]),
        ("Thẩm định hồ sơ, dự thảo quyết định", ["Phòng Tổ chức hành chính"]),
    ]


def test_a_list_after_what_was_done_holds_no_task():
    doc = extract(
        CV_HEAD + "Sở Y tế đã biên soạn Sổ tay nghiệp vụ nhằm hỗ trợ các trạm y tế trong các nội dung: quản lý hồ sơ"
        " sức khỏe; tiêm chủng mở rộng; tuyên truyền phòng bệnh."
    )
    assert doc.tasks == []


def test_a_list_of_procedures_gives_the_steps_of_its_procedures_column_and_nothing_else():
    doc = extract(
        UBND_HEAD + "| STT | Tên thủ tục hành chính | Cách thức thực hiện | Trình tự thực hiện |\n|---|---|---|---|\n"
        "| 1 | Cấp giấy phép hoạt động thư viện | - Nộp trực tiếp tại Bộ phận một cửa; - Nộp hồ sơ trực tuyến. | "
        "- Tổ chức gửi hồ sơ đến Sở Văn hóa. - Trong thời hạn 05 ngày làm việc, Sở Văn hóa kiểm tra tính hợp lệ "
        "của hồ sơ. |"
    )
    assert [(t.text, [a.name for a in t.actors]) for t in doc.tasks] == [
        ("Trong thời hạn 05 ngày làm việc, Sở Văn hóa kiểm tra tính hợp lệ của hồ sơ.", ["Sở Văn hóa"])
    ]


def test_a_list_of_administrative_procedures_is_no_plan_table():
    doc = extract(
        UBND_HEAD
        + "| STT | Tên thủ tục hành chính | Lĩnh vực | Căn cứ pháp lý | Cơ quan thực hiện |\n|---|---|---|---|---|\n"
        "| 1 | Cấp giấy phép khai thác nước dưới đất | Tài nguyên nước | Nghị định số 54/2024/NĐ-CP ngày 16/5/2024 "
        "của Chính phủ quy định việc hành nghề khoan nước dưới đất | Sở Nông nghiệp và Môi trường |\n"
        "| 2 | Gia hạn giấy phép khai thác nước dưới đất | Tài nguyên nước | Nghị định số 54/2024/NĐ-CP "
        "ngày 16/5/2024 của Chính phủ | Sở Nông nghiệp và Môi trường |"
    )
    assert doc.tasks == []


@pytest.mark.parametrize(
    ("cell", "value"),
    [("Năm 2024", "2024-12-31"), ("2024", "2024-12-31"), ("2024 - 2026", "2026-12-31"), ("Thường xuyên", None)],
)
def test_plan_table_time_cells(cell, value):
    """Only in a plan table's time column is a bare year (or period of years) a deadline."""
    doc = extract(
        HEAD + "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |\n"
        f"|---|---|---|---|---|\n| 1 | Xây dựng cơ sở dữ liệu về phòng cháy | Công an tỉnh | Sở Tư pháp | {cell} |"
    )
    t = task_with(doc, "Xây dựng cơ sở dữ liệu")
    assert (t.deadline.value if t.deadline else None) == value


def test_a_bare_year_in_prose_is_no_deadline():
    doc = extract(HEAD + "1. Công an tỉnh xây dựng cơ sở dữ liệu về phòng cháy, số liệu năm 2024 - 2026.")
    assert task_with(doc, "xây dựng cơ sở dữ liệu").deadline is None


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
        "Cùng dự buổi làm việc có đồng chí Nguyễn Văn An, Giám đốc Sở Tài chính; đồng chí Trần Văn Bình, Thứ trưởng "
        "Bộ Nội vụ; đại diện Bộ Nội vụ, Văn phòng Chính phủ và đại diện lãnh đạo các sở, ngành của tỉnh.",
        "Dự họp có lãnh đạo Sở Y tế, Sở Nội vụ và Ủy ban nhân dân các huyện.",
        "Trên đây là kết luận của Chủ tịch UBND tỉnh tại hội nghị.",
        "Chỉ thị này có hiệu lực kể từ ngày ký.",
        "Căn cứ Luật Phòng cháy và chữa cháy ngày 29 tháng 6 năm 2001;",
        "Các đơn vị đã triển khai thực hiện nghiêm túc các nhiệm vụ năm học.",
        # an entitlement, even where the subject runs on to a later verb
        "Trưởng phòng được ký thừa lệnh Giám đốc các văn bản hướng dẫn nghiệp vụ.",
        # a standard the holder of an office must meet
        "Giám đốc Trung tâm phải có ít nhất 05 năm kinh nghiệm quản lý và trình độ thạc sĩ trở lên.",
        # what a body is
        "Cổng Thông tin điện tử tỉnh là kênh cung cấp thông tin chính thức về hoạt động của các cơ quan.",
        # what a body will do, said as a statement ('sẽ'), assigns nothing
        "Về triển khai Đề án: Bộ Nội vụ sẽ hướng dẫn các địa phương xây dựng kế hoạch.",
        "Văn phòng sẽ phối hợp với các cơ quan liên quan tổng hợp các kiến nghị.",
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


# ------------------------------------------------------------------ what is a task (issue 10)

UBND_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 30/KH-UBND\nNinh Bình, ngày 10 tháng 11 năm 2025\nKẾ HOẠCH\nPhòng chống rét cho cây trồng vụ đông\n"
)


@pytest.mark.parametrize(
    "body",
    [
        # the issuer's own narrative: its name is the subject
        "Ủy ban nhân dân tỉnh nhận được báo cáo của các huyện về tình hình sâu bệnh.",
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau.",
        # closing formulas that assign nothing new
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh về Sở Nông nghiệp và Môi trường.",
        "Ủy ban nhân dân tỉnh thông báo để các sở, ngành biết, thực hiện./.",
        # an action nobody is given
        "1. Tăng cường kiểm tra đồng ruộng vào buổi sáng.",
        # a passive or an entitlement: done to the subject, not by it
        "Cán bộ, công chức làm nhiệm vụ trực được hưởng phụ cấp theo quy định.",
        # achievements, assessments and explanations
        "Thủ tướng Chính phủ ghi nhận, biểu dương kết quả của tỉnh trong năm qua.",
        "Đây là nhiệm vụ quan trọng, cần tập trung hoàn thành.",
        # a heading in capitals, a body's name alone, a list of documents, a note
        "II. NHIỆM VỤ TRỌNG TÂM",
        "Sở Tài chính",
        "- Quyết định số 15/2024/QĐ-UBND ngày 02/3/2024 của Ủy ban nhân dân tỉnh ban hành Quy chế quản lý giống.",
        "Ghi chú: Bảng trên chỉ có giá trị tham khảo đối với các hợp tác xã.",
        # a subject that is no body: the clause's first noun
        "Hệ thống tưới tiêu được nạo vét trước mùa rét.",
    ],
)
def test_not_tasks_in_a_plan(body):
    doc = extract(UBND_HEAD + body)
    assert doc.tasks == [], [t.text for t in doc.tasks]


@pytest.mark.parametrize(
    ("body", "phrase", "expected"),
    [
        # a lead paragraph hands its actors to the numbered items after it and is no task of its own
        (
            "Ủy ban nhân dân tỉnh đề nghị Sở Nông nghiệp và Môi trường tập trung chỉ đạo, thực hiện các nội dung sau:\n"
            "1. Hướng dẫn nông dân che phủ mạ trước ngày 15/12/2025.\n2. Theo dõi diễn biến thời tiết.",
            "Hướng dẫn nông dân",
            [("Sở Nông nghiệp và Môi trường", "lead", "preamble")],
        ),
        # a numbered request naming who acts, its items say what
        (
            "3. Đề nghị Ủy ban nhân dân các huyện Kim Sơn, Yên Khánh\n- Chỉ đạo các xã gieo cấy đúng lịch.",
            "Chỉ đạo các xã",
            [("Ủy ban nhân dân các huyện Kim Sơn, Yên Khánh", "lead", "heading")],
        ),
        # bodies listed under one head are each an actor
        (
            "4. Các Sở: Tài chính, Công Thương rà soát nguồn kinh phí hỗ trợ giống.",
            "rà soát nguồn kinh phí",
            [("Sở Tài chính", "lead", "explicit"), ("Sở Công Thương", "lead", "explicit")],
        ),
        # a topic, then who acts
        (
            "5. Về giống lúa dự phòng: Trung tâm Khuyến nông tỉnh chuẩn bị đủ giống trước ngày 20/12/2025.",
            "chuẩn bị đủ giống",
            [("Trung tâm Khuyến nông tỉnh", "lead", "explicit")],
        ),
        # a title that is also a verb opens the clause as a title
        (
            "6. Lãnh đạo các hợp tác xã nông nghiệp bố trí người trực đồng.",
            "bố trí người trực",
            [("Lãnh đạo các hợp tác xã nông nghiệp", "lead", "explicit")],
        ),
        # a plural of a body noun is a collective
        (
            "7. Các trạm khuyến nông huyện tổng hợp diện tích bị hại.",
            "tổng hợp diện tích",
            [("Các trạm khuyến nông huyện", "lead", "explicit")],
        ),
        # a level of government gives its own steps; the body in brackets is who acts
        (
            "8. Trình tự thực hiện\n- Cấp huyện (Ủy ban nhân dân cấp huyện):\nBước 1: Lập danh sách hộ bị thiệt hại.\n"
            "- Cấp xã:\nBước 1: Tổng hợp diện tích lúa bị hại.",
            "Lập danh sách",
            [("Ủy ban nhân dân cấp huyện", "lead", "heading")],
        ),
        (
            "8. Trình tự thực hiện\n- Cấp huyện (Ủy ban nhân dân cấp huyện):\nBước 1: Lập danh sách hộ bị thiệt hại.\n"
            "- Cấp xã:\nBước 1: Tổng hợp diện tích lúa bị hại.",
            "Tổng hợp diện tích lúa",
            [("Cấp xã", "lead", "heading")],
        ),
    ],
)
def test_actors_of_a_plan(body, phrase, expected):
    assert actors(task_with(extract(UBND_HEAD + body), phrase)) == expected


def test_the_issuer_may_give_itself_a_task_under_a_heading_or_with_a_deadline():
    doc = extract(UBND_HEAD + "3. Ủy ban nhân dân tỉnh\n- Bố trí kinh phí dự phòng cho công tác chống rét.")
    assert actors(task_with(doc, "Bố trí kinh phí")) == [("Ủy ban nhân dân tỉnh", "lead", "heading")]
    doc = extract(UBND_HEAD + "Ủy ban nhân dân tỉnh sẽ tổ chức sơ kết trước ngày 31/3/2026.")
    assert task_with(doc, "tổ chức sơ kết").deadline.value == "2026-03-31"


def test_the_sender_of_a_cong_dien_speaking_for_itself_is_no_task():
    doc = extract(
        "THỦ TƯỚNG CHÍNH PHỦ\nSố: 40/CĐ-TTg\nHà Nội, ngày 10 tháng 3 năm 2026\nCÔNG ĐIỆN\nVỀ VIỆC ỨNG PHÓ VỚI RÉT\n"
        "ĐẬM, RÉT HẠI\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n- Chủ tịch Ủy ban nhân dân các tỉnh miền núi phía Bắc.\n"
        "Thủ tướng Chính phủ gửi lời thăm hỏi tới các gia đình bị thiệt hại do rét hại.\n"
        "1. Chủ tịch Ủy ban nhân dân các tỉnh chỉ đạo bảo vệ đàn gia súc."
    )
    assert doc.header.issuer == "THỦ TƯỚNG CHÍNH PHỦ"
    assert doc.header.subject == "VỀ VIỆC ỨNG PHÓ VỚI RÉT ĐẬM, RÉT HẠI"
    assert doc.header.addressees == ["Chủ tịch Ủy ban nhân dân các tỉnh miền núi phía Bắc"]
    assert [t.text[:25] for t in doc.tasks] == ["Chủ tịch Ủy ban nhân dân "]


def test_addressees_act_for_clauses_that_open_with_their_action_only():
    doc = extract(CV_HEAD + "1. Giám sát ca bệnh tại cộng đồng.\n2. Tổ công tác đặc biệt bố trí cán bộ trực 24/24 giờ.")
    assert actors(task_with(doc, "Giám sát ca bệnh")) == [("Trung tâm Y tế các huyện, thành phố", "lead", "addressee")]
    assert actors(task_with(doc, "trực 24/24 giờ")) == [("Tổ công tác đặc biệt", "lead", "explicit")]


def test_a_plan_table_without_a_header_row_shows_its_columns_by_its_cells():
    rows = [
        ("1", "Rà soát quy hoạch các chợ trên địa bàn và đề xuất điều chỉnh", "Sở Công Thương", "Quý I/2026"),
        ("2", "Kiểm tra an toàn phòng cháy tại các chợ đầu mối của tỉnh", "Công an tỉnh", "Quý II/2026"),
        ("3", "Bố trí kinh phí cải tạo các chợ xuống cấp theo phân cấp ngân sách", "Sở Tài chính", "Năm 2026"),
    ]
    doc = extract(HEAD + "\n".join("| " + " | ".join(r) + " |" for r in rows))
    t = task_with(doc, "Kiểm tra an toàn phòng cháy")
    assert [(a.name, a.role) for a in t.actors] == [("Công an tỉnh", "lead")]


TT_HEAD = (
    "BỘ Y TẾ\nSố: 05/2026/TT-BYT\nHà Nội, ngày 12 tháng 01 năm 2026\nTHÔNG TƯ\nQuy định về cập nhật kiến thức y khoa\n"
)


def test_in_a_text_of_norms_only_real_bodies_get_tasks_but_its_execution_chapter_keeps_them():
    doc = extract(
        TT_HEAD + "Chương I\nQUY ĐỊNH CHUNG\nĐiều 3. Trách nhiệm của người hành nghề\n"
        "Người hành nghề khám bệnh phải cập nhật kiến thức y khoa liên tục.\n"
        "Điều 4. Trách nhiệm của cơ quan quản lý\nSở Y tế các tỉnh kiểm tra việc cập nhật kiến thức hằng năm.\n"
        "Chương II\nTỔ CHỨC THỰC HIỆN\nĐiều 9. Điều khoản thi hành\n"
        "Các cơ sở khám bệnh, chữa bệnh có trách nhiệm thực hiện Thông tư này."
    )
    texts = [t.text[:20] for t in doc.tasks]
    assert not any(x.startswith("Người hành nghề") for x in texts)
    assert "Sở Y tế các tỉnh kiể" in texts and "Các cơ sở khám bệnh," in texts


def test_the_data_example_of_a_text_of_norms():
    example = tasks._data()["normative_texts"]["example"]
    doc = extract(TT_HEAD + example.split("\n", 2)[2])
    assert [t.text[:22] for t in doc.tasks] == ["Sở Khoa học và Công ng"]


def test_in_a_text_of_norms_a_duty_heading_assigns_its_items_unless_it_names_the_public():
    example = tasks._data()["normative_texts"]["public_example"]
    doc = extract(TT_HEAD + example.split("\n", 2)[2])
    assert [(t.text, [a.name for a in t.actors]) for t in doc.tasks] == [
        ("Kiểm tra sổ ghi chép hằng ngày.", ["Tổ quản lý bến"])
    ]


def test_in_a_text_of_norms_an_agency_named_by_cơ_quan_and_its_name_is_a_body_of_the_state():
    doc = extract(TT_HEAD + "Điều 5. Kiểm tra\nCơ quan Kiểm lâm chủ trì kiểm tra việc sử dụng lửa trong rừng hằng năm.")
    assert [[a.name for a in t.actors] for t in doc.tasks] == [["Cơ quan Kiểm lâm"]]


def test_whoever_a_duty_heading_names_acts_in_its_items():
    doc = extract(
        TT_HEAD + "Chương III\nTỔ CHỨC THỰC HIỆN\nĐiều 9. Trách nhiệm của người quản trị hệ thống\n"
        "1. Kiểm tra an toàn tài khoản quản trị hằng ngày.\n2. Báo cáo Sở Y tế khi có sự cố."
    )
    assert [(t.text, [a.name for a in t.actors]) for t in doc.tasks] == [
        ("Kiểm tra an toàn tài khoản quản trị hằng ngày.", ["người quản trị hệ thống"]),
        ("Báo cáo Sở Y tế khi có sự cố.", ["người quản trị hệ thống"]),
    ]


def test_after_what_it_rests_on_a_clause_names_its_own_actor():
    doc = extract(
        CV_HEAD + "Sở Y tế đã tổ chức thí điểm tại 3 huyện.\n"
        "Căn cứ kết quả thí điểm, trong năm 2026 Trung tâm Y tế huyện Lý Nhân tổng kết, đánh giá mô hình."
    )
    assert actors(task_with(doc, "tổng kết, đánh giá")) == [("Trung tâm Y tế huyện Lý Nhân", "lead", "explicit")]


def test_an_adverbial_phrase_then_the_action_takes_the_addressees():
    doc = extract(
        CV_HEAD + "Sở Y tế đề nghị các đơn vị thực hiện một số nội dung sau:\n"
        "1. Trên cơ sở kết quả giám sát năm 2025, giai đoạn 2026 - 2030, khẩn trương xây dựng kế hoạch phòng bệnh."
    )
    assert task_with(doc, "khẩn trương xây dựng kế hoạch").actors


def test_a_conclusion_addresses_the_body_its_session_was_with():
    doc = extract(
        "VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH\nSố: 88/TB-VP\nLai Châu, ngày 03 tháng 12 năm 2025\nTHÔNG BÁO\n"
        "KẾT LUẬN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO HUYỆN MƯỜNG TÈ\n"
        "Ngày 01 tháng 12 năm 2025, Chủ tịch Ủy ban nhân dân tỉnh làm việc tại huyện.\n"
        "1. Khẩn trương hoàn thành việc giải phóng mặt bằng các dự án giao thông trước ngày 31/12/2025."
    )
    t = task_with(doc, "giải phóng mặt bằng")
    assert [(a.name, a.normalized, a.source) for a in t.actors] == [("HUYỆN MƯỜNG TÈ", "huyện Mường Tè", "addressee")]


def test_a_heading_names_a_body_whose_name_holds_a_cue_word():
    doc = extract(UBND_HEAD + "2. Đối với các cơ sở giáo dục thường xuyên\n- Tổ chức ôn tập cho học viên trước kỳ thi.")
    assert actors(task_with(doc, "ôn tập")) == [("các cơ sở giáo dục thường xuyên", "lead", "heading")]


@pytest.mark.parametrize(
    ("head", "body", "kept"),
    [
        (  # a field whose value is only names assigns nothing
            "UBND",
            "1. Thủ tục cấp giấy phép khai thác cát\n- Cơ quan có thẩm quyền quyết định: Ủy ban nhân dân tỉnh.\n"
            "- Sở Nông nghiệp và Môi trường thẩm định hồ sơ trong 10 ngày làm việc.",
            ["Sở Nông nghiệp và Môi trường t"],
        ),
        (  # an explanation of the law to the addressee is no task; its request is
            "CV",
            "Sở Y tế nhận được câu hỏi của các đơn vị về thuế suất thiết bị y tế.\n"
            "Căn cứ quy định nêu trên, mặt hàng thiết bị lọc nước thuộc đối tượng chịu thuế suất 10%.\n"
            "Căn cứ quy định nêu trên, đề nghị các đơn vị rà soát hồ sơ hoàn thuế của doanh nghiệp.",
            ["Căn cứ quy định nêu trên, đề nghị các đơ"],
        ),
        (  # the text of a blank form is no task; ',....' for 'etc.' is no blank
            "UBND",
            "Mẫu số 02\nỦy ban nhân dân xã ……… đề nghị Sở Tài chính thẩm định dự toán.\nCăn cứ .................. (3)\n"
            "Sở Tài chính thẩm định dự toán, báo cáo Ủy ban nhân dân tỉnh, gồm: nhân công, vật tư,.... và chi phí khác.",
            ["Sở Tài chính thẩm định dự toán, bá"],
        ),
        (  # a question is no task
            "CV",
            "Câu hỏi của đơn vị: Đối với năm 2025, các đơn vị có phải gửi lại báo cáo không?\n"
            "Đề nghị các đơn vị gửi báo cáo bổ sung trước ngày 15/3/2023.",
            ["Đề nghị các đơn vị gửi báo cáo bổ"],
        ),
    ],
)
def test_only_the_assignments_are_tasks(head, body, kept):
    doc = extract({"UBND": UBND_HEAD, "CV": CV_HEAD}[head] + body)
    assert [t.text[:30] for t in doc.tasks] == [k[:30] for k in kept]


def test_a_table_of_figures_is_no_plan_table():
    rows = [("1", "Xã A", "1.200", "35"), ("2", "Xã B", "980", "41"), ("3", "Xã C", "1.050", "38")]
    doc = extract(HEAD + "\n".join("| " + " | ".join(r) + " |" for r in rows))
    assert doc.tasks == []


@pytest.mark.parametrize(
    ("body", "name"),
    [
        ("1. Cơ quan phối hợp có trách nhiệm trả lời bằng văn bản đúng thời hạn.", "Cơ quan phối hợp"),
        ("1. Các đơn vị chủ trì chịu trách nhiệm tổng hợp kết quả thực hiện.", "Các đơn vị chủ trì"),
        (
            "1. Cơ quan chủ trì thẩm định dự án\na) Hướng dẫn nhà đầu tư hoàn thiện hồ sơ.",
            "Cơ quan chủ trì thẩm định dự án",
        ),
        ("1. Cơ quan Công an phối hợp kiểm tra các điểm kinh doanh.", "Cơ quan Công an"),
    ],
)
def test_a_body_named_by_its_role(body, name):
    doc = extract(HEAD + body)
    assert [a.name for a in doc.tasks[0].actors] == [name]


def test_a_collective_with_its_members_in_brackets_acts_as_its_members():
    doc = extract(
        HEAD + "1. Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý các khu công nghiệp tỉnh):\n"
        "a) Tiếp nhận hồ sơ của nhà đầu tư."
    )
    assert [a.name for a in task_with(doc, "Tiếp nhận hồ sơ").actors] == [
        "Sở Tài chính",
        "Ban Quản lý các khu công nghiệp tỉnh",
    ]


def test_an_item_leads_name_ends_at_its_colon_when_a_predicate_follows():
    doc = extract(
        HEAD + "2. Các phòng chuyên môn: Là đơn vị tham mưu, chịu trách nhiệm các nội dung sau:\n"
        "a) Đánh giá sự phù hợp của dự án với quy hoạch."
    )
    assert [a.name for a in task_with(doc, "Đánh giá sự phù hợp").actors] == ["Các phòng chuyên môn"]


@pytest.mark.parametrize(
    "body",
    [
        "Căn cứ Điều 4, Điều 17 Nghị định số 12/2024/NĐ-CP ngày 01/02/2024 quy định về thuế suất.",
        "Thực hiện Công văn số 45/UBND-KT ngày 02/3/2024 của Ủy ban nhân dân tỉnh về rà soát hồ sơ.",
    ],
)
def test_a_clause_that_names_the_document_it_rests_on_is_no_task(body):
    assert extract(CV_HEAD + body).tasks == []


def test_a_numbered_order_to_carry_out_a_document_is_a_task():
    doc = extract(CV_HEAD + "1. Thực hiện Kế hoạch số 12/KH-UBND ngày 02/3/2023 của Ủy ban nhân dân tỉnh.")
    assert [a.source for a in task_with(doc, "Thực hiện Kế hoạch").actors] == ["addressee"]


def test_a_basis_that_names_no_document_leaves_the_action_after_it():
    doc = extract(HEAD + "1. Các sở, ban, ngành\nCăn cứ chức năng, nhiệm vụ, chủ động xây dựng kế hoạch thực hiện.")
    assert [a.name for a in task_with(doc, "chủ động xây dựng").actors] == ["Các sở, ban, ngành"]


TB_HEAD = (
    "VĂN PHÒNG CHÍNH PHỦ\nSố: 12/TB-VPCP\nHà Nội, ngày 05 tháng 3 năm 2025\nTHÔNG BÁO\n"
    "Kết luận của Phó Thủ tướng tại buổi làm việc với tỉnh Quảng Bình\n"
)


def test_the_province_spoken_to_is_an_actor():
    doc = extract(TB_HEAD + "II. KIẾN NGHỊ\n1. Tỉnh tổ chức rà soát quy hoạch các khu công nghiệp.")
    assert [a.name for a in task_with(doc, "rà soát quy hoạch").actors] == ["Tỉnh"]
    assert extract(TB_HEAD + "II. KIẾN NGHỊ\n1. Tỉnh đã hoàn thành các chỉ tiêu năm 2024.").tasks == []


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # an assessment section that turns to what comes next holds tasks from there on
        (
            TB_HEAD,
            "I. ĐÁNH GIÁ CHUNG\nNăm 2024, tỉnh đạt nhiều kết quả quan trọng, tăng trưởng kinh tế khá.\n"
            "Trong thời gian tới, Tỉnh tập trung hoàn thành việc sắp xếp trụ sở các xã.\n",
            ["Trong thời gian tới, Tỉnh tập trung hoàn thành việc sắp xếp trụ sở các xã."],
        ),
        # 'Về kết quả ...' is an assessment like 'Kết quả ...'
        (
            TB_HEAD,
            "1. Về kết quả thực hiện năm 2024\nCác sở, ngành đẩy mạnh cải cách hành chính, ứng dụng công nghệ thông tin.\n"
            "2. Về nhiệm vụ năm 2025\nCác sở, ngành tiếp tục đẩy mạnh chuyển đổi số.\n",
            ["Các sở, ngành tiếp tục đẩy mạnh chuyển đổi số."],
        ),
        # a lead naming who acts turns an assessment to the tasks of its items
        (
            TB_HEAD,
            "I. ĐÁNH GIÁ CHUNG\nNăm 2024, tỉnh đạt nhiều kết quả quan trọng, tăng trưởng kinh tế khá.\n"
            "Để phát triển nhanh và bền vững, tỉnh Quảng Bình cần tập trung thực hiện một số nhiệm vụ sau đây:\n"
            "1. Rà soát quy hoạch các khu công nghiệp ven biển.\n2. Đẩy nhanh giải phóng mặt bằng các dự án giao thông.\n",
            ["Rà soát quy hoạch các khu công nghiệp ven biển.", "Đẩy nhanh giải phóng mặt bằng các dự án giao thông."],
        ),
        # ... but a plan's requirements stay requirements
        (
            UBND_HEAD,
            "I. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\nCác cơ quan, đơn vị cần thực hiện các yêu cầu sau:\n"
            "- Bám sát chỉ đạo của Trung ương.\n- Tiết kiệm, hiệu quả.\n",
            [],
        ),
        # what an emulation campaign is about, whom it is for, its criteria: no task
        (
            UBND_HEAD,
            "II. NỘI DUNG ĐỢT THI ĐUA\n1. Thi đua hoàn thành các chỉ tiêu kinh tế - xã hội năm 2026.\n"
            "III. ĐỐI TƯỢNG, TIÊU CHÍ THI ĐUA\n2. Tiêu chí thi đua\nb) Đối với các doanh nghiệp\n"
            "- Giải quyết nhiều việc làm, nâng cao thu nhập cho người lao động.\n"
            "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n- Tham mưu Chủ tịch Ủy ban nhân dân tỉnh khen thưởng tổng kết đợt thi đua.\n",
            ["Tham mưu Chủ tịch Ủy ban nhân dân tỉnh khen thưởng tổng kết đợt thi đua."],
        ),
    ],
)
def test_which_sections_hold_tasks(head, body, expected):
    assert [t.text for t in extract(head + body).tasks] == expected


def test_a_province_named_in_lower_case_leads_the_items():
    body = (
        "Để phát triển nhanh và bền vững, tỉnh Quảng Bình cần tập trung thực hiện một số nhiệm vụ sau đây:\n"
        "1. Rà soát quy hoạch các khu công nghiệp ven biển.\n"
    )
    assert [a.name for a in task_with(extract(TB_HEAD + body), "Rà soát quy hoạch").actors] == ["tỉnh Quảng Bình"]


@pytest.mark.parametrize(
    "body",
    [
        "Câu hỏi: Doanh nghiệp có phải nộp lại tờ khai đã nộp không?\nTrả lời: Doanh nghiệp nộp tờ khai bổ sung.",
        "Tiếp theo Công văn số 45/UBND-KT ngày 02/3/2024 của Ủy ban nhân dân tỉnh về rà soát hồ sơ.",
    ],
)
def test_questions_answers_and_follow_ups_are_no_tasks(body):
    assert extract(CV_HEAD + body).tasks == []


def test_a_line_that_only_names_whom_the_items_address_is_no_task():
    doc = extract(HEAD + "Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy:\n- Chỉ đạo các cơ quan báo chí tuyên truyền.")
    assert [t.text for t in doc.tasks] == ["Chỉ đạo các cơ quan báo chí tuyên truyền."]
    assert [a.name for a in doc.tasks[0].actors] == ["Ban Tuyên giáo và Dân vận Tỉnh ủy"]


def test_an_election_body_keeps_its_name():
    doc = extract(HEAD + "1. Ủy ban bầu cử tỉnh hướng dẫn các xã lập danh sách cử tri.")
    assert [a.name for a in doc.tasks[0].actors] == ["Ủy ban bầu cử tỉnh"]


def test_the_addressees_do_not_act_in_an_attachment():
    raw = (
        CV_HEAD + "Đề nghị các đơn vị đánh giá, xếp loại theo Bảng tiêu chí kèm theo.\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Văn Bình\n"
        "BẢNG TIÊU CHÍ ĐÁNH GIÁ\n(Kèm theo Công văn số 45/SYT-NVY ngày 05 tháng 3 năm 2023 của Sở Y tế)\n"
        "1. Tổ chức bộ máy của trung tâm (10 điểm)\n1.1. Bố trí đủ các chức danh theo quy định.\n"
    )
    doc = extract(raw)
    assert [t.text for t in doc.tasks] == ["Đề nghị các đơn vị đánh giá, xếp loại theo Bảng tiêu chí kèm theo."]


@pytest.mark.parametrize(
    "body",
    [
        "Điều 2. Nghị quyết này thay thế Nghị quyết số 12/2023/NQ-HĐND ngày 10/7/2023 của Hội đồng nhân dân tỉnh.",
        "Điều 1. Nghị quyết quy định mức chi hỗ trợ cho cán bộ, công chức cấp xã.",
    ],
)
def test_the_text_speaking_of_itself_is_no_task(body):
    assert extract(HEAD + body).tasks == []


def test_an_actor_defined_for_later_keeps_its_own_name():
    doc = extract(CV_HEAD + "Đề nghị các cơ sở đào tạo trực thuộc Sở (sau đây gọi là cơ sở đào tạo) rà soát hồ sơ.")
    assert [a.name for a in doc.tasks[0].actors] == ["các cơ sở đào tạo trực thuộc Sở"]


def test_a_subject_after_a_time_phrase_without_a_comma():
    doc = extract(HEAD + "- Trong thời hạn 03 ngày làm việc, kể từ ngày nhận được hồ sơ Sở Tư pháp thẩm định hồ sơ.")
    assert [a.name for a in doc.tasks[0].actors] == ["Sở Tư pháp"]


def test_the_decisions_own_act_is_no_task():
    body = "QUYẾT ĐỊNH:\nĐiều 1. Công bố kèm theo Quyết định này danh mục 03 thủ tục hành chính sửa đổi, bổ sung."
    assert extract(HEAD + body).tasks == []


@pytest.mark.parametrize(
    ("body", "phrase", "expected"),
    [
        # after what the clause rests on, even past a ';'
        (
            "1. Quán triệt Nghị quyết của Tỉnh ủy; căn cứ nhiệm vụ được giao, Sở Y tế xây dựng kế hoạch phòng dịch.",
            "xây dựng kế hoạch phòng dịch",
            [("Sở Y tế", "lead", "explicit")],
        ),
        # the items of a lead whose subject stands in its first clause, numbered '(1)', '(2)'
        (
            "1. Về y tế\nCăn cứ tình hình thực tế, Sở Y tế và các bệnh viện chủ động xây dựng phương án, trong đó, "
            "cần tập trung một số nhiệm vụ sau:\n(1) Rà soát thuốc, vật tư dự phòng.\n(2) Tổ chức trực cấp cứu.\n",
            "Tổ chức trực cấp cứu",
            [("Sở Y tế", "lead", "item_lead"), ("các bệnh viện", "lead", "item_lead")],
        ),
    ],
)
def test_subjects_past_an_opening(body, phrase, expected):
    assert actors(task_with(extract(UBND_HEAD + body), phrase)) == expected


def test_the_items_of_a_lead_share_its_deadline():
    body = (
        "1. Về dữ liệu\na) Các Sở: Y tế, Tư pháp khẩn trương khắc phục lỗi của các hệ thống thông tin, hoàn thành "
        "trong tháng 11 năm 2025, cụ thể:\n(1) Sở Y tế hoàn thành kết nối dữ liệu khám chữa bệnh.\n"
        "(2) Sở Tư pháp khắc phục lỗi của hệ thống hộ tịch trước ngày 15/11/2025.\n"
    )
    doc = extract(UBND_HEAD + body)
    assert task_with(doc, "hoàn thành kết nối").deadline.value == "2025-11-30"
    assert task_with(doc, "khắc phục lỗi của hệ thống hộ tịch").deadline.value == "2025-11-15"


def test_a_reply_explains_the_law_and_assigns_only_to_bodies():
    doc = extract(
        "CỤC THUẾ\nSố: 120/CT-CS\nHà Nội, ngày 05 tháng 11 năm 2025\nV/v chính sách thuế thu nhập doanh nghiệp\n"
        "Kính gửi: Thuế tỉnh Nam Định.\n"
        "Cục Thuế nhận được công văn số 45/NDI-QLDN của Thuế tỉnh Nam Định hỏi về chính sách thuế. "
        "Về vấn đề này, Cục Thuế có ý kiến như sau:\n"
        "Doanh nghiệp thực hiện kê khai bổ sung hồ sơ khai thuế theo quy định tại Điều 47 Luật Quản lý thuế.\n"
        "Đề nghị Thuế tỉnh Nam Định rà soát hồ sơ thực tế của doanh nghiệp để hướng dẫn theo quy định.\n"
    )
    assert [[a.name for a in t.actors] for t in doc.tasks] == [["Thuế tỉnh Nam Định"]]


def test_the_steps_of_an_internal_procedure_are_tasks_a_list_of_procedures_is_not():
    steps = (
        "PHỤ LỤC II\nQUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH\n"
        "| TT | Trình tự thực hiện | Trách nhiệm thực hiện | Sản phẩm thực hiện | Thời gian thực hiện |\n"
        "| B1 | Tiếp nhận hồ sơ và chuyển phòng chuyên môn | Bộ phận một cửa của Sở Nội vụ | Phiếu tiếp nhận | 1/2 ngày |\n"
        "| B2 | Thẩm định hồ sơ, trình lãnh đạo Sở ký | Phòng Người có công | Tờ trình | 3 ngày |\n"
    )
    doc = extract(UBND_HEAD + steps)
    assert [(t.text.split(" | ")[0], [a.name for a in t.actors], t.deadline) for t in doc.tasks] == [
        ("Tiếp nhận hồ sơ và chuyển phòng chuyên môn", ["Bộ phận một cửa của Sở Nội vụ"], None),
        ("Thẩm định hồ sơ, trình lãnh đạo Sở ký", ["Phòng Người có công"], None),
    ]
    listing = (
        "PHỤ LỤC I\nDANH MỤC THỦ TỤC HÀNH CHÍNH\n"
        "| STT | Tên thủ tục hành chính | Thời gian giải quyết | Địa điểm thực hiện | Căn cứ pháp lý |\n"
        "| 1 | Thủ tục giải quyết chế độ trợ cấp một lần | 12 ngày làm việc | Trung tâm Phục vụ hành chính công tỉnh | "
        "Nghị định số 131/2021/NĐ-CP ngày 30/12/2021 của Chính phủ quy định chi tiết Pháp lệnh Ưu đãi người có công |\n"
    )
    assert extract(UBND_HEAD + listing).tasks == []


LIST_OF_DUTIES = "1. Sở Lao động hướng dẫn các huyện:\n- Tổ chức rà soát hộ nghèo.\n- Hướng dẫn lập hồ sơ hỗ trợ.\n"


@pytest.mark.parametrize(
    "item, is_task",
    [
        ("- Chăm lo đời sống của người có công.", True),  # a duty written without a cue verb
        ("- Thời gian: trong quý II.", False),  # a 'Label: value' line
        ("- Hộ nghèo được hỗ trợ tiền điện.", False),  # what is owed, not what to do
        ("- Năm 2022 đã hỗ trợ 200 hộ.", False),  # what was done
    ],
)
def test_an_item_is_a_duty_when_the_items_of_its_list_are(item, is_task):
    doc = extract(HEAD + LIST_OF_DUTIES + item)
    assert any(item[2:] in t.text for t in doc.tasks) is is_task
    if is_task:
        assert [a.name for a in task_with(doc, item[2:]).actors] == ["Sở Lao động"]


def test_an_item_among_items_that_are_no_duties_stays_no_task():
    doc = extract(
        HEAD + "1. Kết quả năm qua:\n- Số hộ nghèo giảm mạnh.\n- Thu nhập tăng.\n- Chăm lo đời sống của người có công."
    )
    assert doc.tasks == []


def test_a_lead_over_one_paragraph_is_read_with_it():
    doc = extract(
        UBND_HEAD
        + "1. Sở Xây dựng chủ trì, phối hợp với Công an tỉnh:\nKiểm tra an toàn các công trình đang thi công.\n"
        "2. Sở Tài chính:\n- Bố trí kinh phí.\n- Hướng dẫn thanh quyết toán."
    )
    first = task_with(doc, "Kiểm tra an toàn")
    assert first.text.startswith("Sở Xây dựng chủ trì")
    assert [(a.name, a.role) for a in first.actors] == [("Sở Xây dựng", "lead"), ("Công an tỉnh", "coordinate")]
    assert task_with(doc, "Bố trí kinh phí").text == "Bố trí kinh phí."  # items keep their own text


def test_a_lead_taken_for_a_task_of_its_own_is_joined_to_its_one_paragraph(monkeypatch):
    # the model may take the lead line itself for a task: it still makes one task with its paragraph
    monkeypatch.setattr(tasks, "decide", lambda *args, **kwargs: True)
    doc = extract(
        UBND_HEAD + "1. Thanh tra tỉnh chủ trì, phối hợp Văn phòng Ủy ban nhân dân tỉnh và Ủy ban nhân dân các xã:\n"
        "Rà soát quy trình tiếp nhận hồ sơ tại Bộ phận Một cửa.\n2. Sở Tài chính bố trí kinh phí."
    )
    first = [t for t in doc.tasks if "Thanh tra tỉnh" in t.text or "Rà soát quy trình" in t.text]
    assert len(first) == 1
    assert first[0].text.startswith("Thanh tra tỉnh chủ trì") and first[0].text.endswith("Bộ phận Một cửa.")
