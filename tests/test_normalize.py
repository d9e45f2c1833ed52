"""One small written case per layout phenomenon the normalizer repairs."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from directive_nlp.normalize import normalize


def lines(raw: str) -> list[str]:
    return normalize(raw).text.split("\n")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # markdown table header: one line per field, rules dropped
        (
            "| SỞ Y TẾ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --------------- |\n"
            "|---|---|\n| Số: 12/SYT-NVY V/v phòng chống dịch | Đà Nẵng, ngày 05 tháng 01 năm 2021 |",
            [
                "SỞ Y TẾ",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Số: 12/SYT-NVY",
                "V/v phòng chống dịch",
                "Đà Nẵng, ngày 05 tháng 01 năm 2021",
            ],
        ),
        # recipients and signature share one row
        (
            "| Nơi nhận: - Như trên; - Bộ trưởng (để b/c); - Lưu: VT, VP. | KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Văn Bình |\n|---|---|",
            [
                "Nơi nhận:",
                "- Như trên;",
                "- Bộ trưởng (để b/c);",
                "- Lưu: VT, VP.",
                "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Trần Văn Bình",
            ],
        ),
        # merged header lines of a plain-text scrape
        (
            "Số: 77/BXD-QLN V/v hướng dẫn hỗ trợ nhà ở\nHà Nội, ngày 29 tháng 12 năm 2015 Kính gửi: Sở Xây dựng các tỉnh.",
            [
                "Số: 77/BXD-QLN",
                "V/v hướng dẫn hỗ trợ nhà ở",
                "Hà Nội, ngày 29 tháng 12 năm 2015",
                "Kính gửi: Sở Xây dựng các tỉnh.",
            ],
        ),
        # number, date, type name, subject and first sentence on one line
        (
            "Số:\n15/TTg Hà Nội, ngày 02 tháng 3 năm 1985 CHỈ THỊ VỀ VIỆC KIỂM KÊ TÀI SẢN Năm qua các ngành đã làm tốt.",
            [
                "Số: 15/TTg",
                "Hà Nội, ngày 02 tháng 3 năm 1985",
                "CHỈ THỊ",
                "VỀ VIỆC KIỂM KÊ TÀI SẢN",
                "Năm qua các ngành đã làm tốt.",
            ],
        ),
        # a field split over lines in a two-column scrape
        (
            "Số:\n|\n04/CT-UBND\nAn\nGiang, ngày 14 tháng 9 năm 2021",
            ["Số: 04/CT-UBND", "An Giang, ngày 14 tháng 9 năm 2021"],
        ),
        # a line cut mid-sentence, continued in lower case after a blank line
        (
            "Các trường rà soát đội ngũ giáo viên,\n\nnhân viên trước khai giảng.",
            ["Các trường rà soát đội ngũ giáo viên, nhân viên trước khai giảng."],
        ),
        # never joined across a numbered item or a list line
        (
            "1. Tổ chức tập huấn cho giáo viên\n2. Rà soát cơ sở vật chất\n- kiểm tra phòng học",
            ["1. Tổ chức tập huấn cho giáo viên", "2. Rà soát cơ sở vật chất", "- kiểm tra phòng học"],
        ),
        # a label alone on its line, a label at the end of the previous line
        ("Điều 1.\nBan hành kèm theo Quyết định này Kế hoạch.", ["Điều 1. Ban hành kèm theo Quyết định này Kế hoạch."]),
        (
            "1. Nâng cao năng lực quản lý 1.1.\nTổ chức tập huấn nghiệp vụ.",
            ["1. Nâng cao năng lực quản lý", "1.1. Tổ chức tập huấn nghiệp vụ."],
        ),
        # a heading merged with its first sub-item
        (
            "3. Về hồ sơ 3.1. Thời hạn nộp hồ sơ: trước ngày 15.",
            ["3. Về hồ sơ", "3.1. Thời hạn nộp hồ sơ: trước ngày 15."],
        ),
        # broken letter spacing of a converter
        ("ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH", ["ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH"]),
        ("- T hủ tướ ng C h í nh ph ủ ;", ["- Thủ tướng Chính phủ;"]),
        # markdown emphasis and a signer block in it
        ("**TL. GIÁM ĐỐC\nCHÁNH VĂN PHÒNG**\n\nLê Văn An", ["TL. GIÁM ĐỐC", "CHÁNH VĂN PHÒNG", "Lê Văn An"]),
        # web page furniture
        (
            "Tiêu điểm\nA- A A+ | Tăng tương phản Giảm tương phản\n1. Tăng cường kiểm tra.\nTập tin đính kèm\nClick để đánh giá bài viết",
            ["1. Tăng cường kiểm tra."],
        ),
        # page breaks and page numbers of a PDF
        (
            "a) Các đơn vị gửi báo cáo.\n\n--- PAGE BREAK ---\n\n2\n\nb) Sở tổng hợp.",
            ["a) Các đơn vị gửi báo cáo.", "b) Sở tổng hợp."],
        ),
        # footnote markers in the text
        ("Theo chỉ đạo của Tỉnh ủy[1] và UBND tỉnh.", ["Theo chỉ đạo của Tỉnh ủy và UBND tỉnh."]),
        # tone marks put in one place
        ("Uỷ ban nhân dân tỉnh Khánh Hoà", ["Ủy ban nhân dân tỉnh Khánh Hòa"]),
    ],
)
def test_layout_repairs(raw, expected):
    assert lines(raw) == expected


HARD_WRAPPED = """Tổng cục đề nghị Cục Thuế các tỉnh, thành phố khẩn trương thực hiện
chỉ đạo tại Công văn số 1923/TCT-TTKT ngày 06/6/2022 và tiếp tục rà soát
đối với các hộ kinh doanh theo danh sách đã gửi, đồng thời báo cáo kết
quả về Tổng cục trước ngày 30/12/2022 để tổng hợp trình Bộ Tài chính.
- Tăng cường tuyên truyền, hướng dẫn các tổ chức, cá nhân kinh doanh tự
giác thực hiện nghĩa vụ kê khai, nộp thuế theo đúng quy định hiện hành.
- Phối hợp với các cơ quan liên quan như Công an, Quản lý thị trường để
quản lý chặt chẽ hoạt động kinh doanh thương mại điện tử trên địa bàn.
- Thực hiện khen thưởng đối với các công chức có thành tích xuất sắc.
"""


def test_hard_wrapped_text_is_rejoined_per_item():
    n = normalize(HARD_WRAPPED)
    assert n.wrapped
    out = n.text.split("\n")
    assert len(out) == 4
    assert out[0].startswith("Tổng cục đề nghị") and out[0].endswith("trình Bộ Tài chính.")
    assert all(x.startswith("- ") for x in out[1:])


def test_signature_stamp_gives_signing_time_and_is_removed():
    n = normalize("Ký bởi: Tổng cục Thuế\nEmail: tct@gdt.gov.vn\nThời gian ký: 02.12.2022 16:53\nBỘ TÀI CHÍNH")
    assert n.signed_at == "2022-12-02T16:53"
    assert n.text == "BỘ TÀI CHÍNH"


def test_footnotes_are_located():
    n = normalize("1. Thực hiện theo chỉ đạo.\n2. Báo cáo kết quả.\n[1] Chương trình số 51-CTr/TU ngày 09/02/2018.")
    assert n.footnotes_start is not None and n.text[n.footnotes_start :].startswith("[1]")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_never_crashes_and_is_idempotent(raw):
    once = normalize(raw).text
    assert normalize(once).text == once


# A page converted to markdown and wrapped at column 78 (the way web scrapes of legal portals come):
# a paragraph goes on when the next line's first word would not have fitted, or after a word a
# sentence cannot end on; headings and new paragraphs stay on their own lines.
FIXED_COLUMN = """1. Về công tác quản lý
Ủy ban nhân dân các xã, phường rà soát toàn bộ các điểm tập kết vật liệu xây
dựng trên địa bàn, lập danh sách các tổ chức, cá nhân chưa có giấy phép và
báo cáo Sở Xây dựng trước ngày 15 tháng 12 năm 2025 để tổng hợp trình Ủy ban
nhân dân tỉnh; Sở Xây dựng chủ trì, phối hợp với Công an tỉnh và Sở Nông nghiệp
Môi trường kiểm tra đột xuất các điểm tập kết có dấu hiệu vi phạm pháp luật.
2. Về công tác tuyên truyền
Sở Văn hóa, Thể thao và Du lịch phối hợp với Đài Phát thanh và Truyền hình tỉnh
mở chuyên mục phổ biến các quy định mới về quản lý vật liệu xây dựng, hướng dẫn
người dân phản ánh vi phạm qua đường dây nóng của Ủy ban nhân dân cấp xã và
Cổng thông tin điện tử của tỉnh trong suốt thời gian triển khai kế hoạch này.
Giao Sở
Tài chính bố trí kinh phí thực hiện."""


def test_text_wrapped_at_a_fixed_column_is_rejoined_per_paragraph():
    out = lines(FIXED_COLUMN)
    assert out[0] == "1. Về công tác quản lý"
    assert out[1].startswith("Ủy ban nhân dân các xã") and out[1].endswith("có dấu hiệu vi phạm pháp luật.")
    assert "Sở Nông nghiệp Môi trường kiểm tra" in out[1]  # a capital after a full line: wrapped
    assert out[2] == "2. Về công tác tuyên truyền"
    assert out[3].startswith("Sở Văn hóa") and out[3].endswith("triển khai kế hoạch này.")
    assert out[4] == "Giao Sở Tài chính bố trí kinh phí thực hiện."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # a fixed phrase broken over two lines is rejoined, the next field is not
        ("ỦY BAN NHÂN\nDÂN\nTỈNH LAI CHÂU", ["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU"]),
        ("TM. ỦY\nBAN NHÂN DÂN\nKT. CHỦ TỊCH", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]),
        # a title word stays alone; a subject broken before "VÀ" is rejoined
        (
            "QUYẾT ĐỊNH\nVỀ VIỆC PHÊ DUYỆT KẾ HOẠCH PHÒNG CHỐNG THIÊN TAI\nVÀ TÌM KIẾM CỨU NẠN",
            ["QUYẾT ĐỊNH", "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH PHÒNG CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN"],
        ),
        # "số" in the body is no "Số:" header field; a date in a sentence is no date line
        ("Căn cứ Luật Đất đai\nsố 31/2024/QH15;", ["Căn cứ Luật Đất đai số 31/2024/QH15;"]),
        (
            "Quyết định này có hiệu lực\ntừ ngày 01 tháng 12 năm 2025.",
            ["Quyết định này có hiệu lực từ ngày 01 tháng 12 năm 2025."],
        ),
        # the header's date line stays apart from what follows
        ("Lai Châu, ngày 19 tháng 11 năm 2025\nQUYẾT ĐỊNH", ["Lai Châu, ngày 19 tháng 11 năm 2025", "QUYẾT ĐỊNH"]),
        # an office holder's title broken inside it or before its body goes on; before a person's name it ends
        (
            "Điều 4. Chánh\nVăn phòng Sở, Trưởng phòng Tổ chức cán bộ chịu trách nhiệm thi hành.",
            ["Điều 4. Chánh Văn phòng Sở, Trưởng phòng Tổ chức cán bộ chịu trách nhiệm thi hành."],
        ),
        (
            "Thủ trưởng các đơn vị thuộc Sở; Chi cục trưởng\nChi cục Thủy lợi chịu trách nhiệm thi hành.",
            ["Thủ trưởng các đơn vị thuộc Sở; Chi cục trưởng Chi cục Thủy lợi chịu trách nhiệm thi hành."],
        ),
        ("Phó Chủ tịch\nTrần Văn Hải", ["Phó Chủ tịch", "Trần Văn Hải"]),
        # an article's or a chapter's label word broken from its number, also in emphasis
        (
            "**Chương\nII**\n**Điều\n7. Trách nhiệm của Sở Tư pháp**\n1. Hướng dẫn các xã.",
            ["Chương II", "Điều 7. Trách nhiệm của Sở Tư pháp", "1. Hướng dẫn các xã."],
        ),
        ("theo quy định tại Điều\n12 của Luật này.", ["theo quy định tại Điều 12 của Luật này."]),
    ],
)
def test_broken_lines(raw, expected):
    assert lines(raw) == expected


def test_column_headers_printed_after_a_caption_cell_become_the_tables_header_row():
    raw = (
        "|\nPHỤ LỤC\n(Kèm theo Công văn số 12/UBND-KT ngày 05 tháng 11 năm 2025)\n|\nTT\n|\nNội dung kiến nghị\n|\n"
        "Cơ quan xử lý\n|\n|\n1\n|\nĐề nghị hướng dẫn thủ tục cấp phép xây dựng nhà ở riêng lẻ\n|\nSở Xây dựng\n|\n|\n"
        "2\n|\nĐề nghị bố trí kinh phí sửa chữa trụ sở làm việc cấp xã\n|\nSở Tài chính\n|\n|"
    )
    got = lines(raw)
    assert got[:2] == ["PHỤ LỤC", "(Kèm theo Công văn số 12/UBND-KT ngày 05 tháng 11 năm 2025)"]
    assert got[2] == "| TT | Nội dung kiến nghị | Cơ quan xử lý |"
    assert got[3].startswith("| 1 | Đề nghị hướng dẫn thủ tục")


def test_a_data_row_citing_a_law_with_its_date_is_no_header_row_and_a_long_caption_stays_above_the_headers():
    cite = "- Luật Khoa học, công nghệ và đổi mới sáng tạo ngày 27 tháng 6 năm 2025; " * 3
    raw = (
        "|\nSTT\n|\nTên thủ tục\n|\nCăn cứ pháp lý\n|\n|\n1\n|\nCấp giấy chứng nhận đăng ký hoạt động\n|\n"
        f"{cite}\n|\n|\nPHỤ LỤC II\nQUY TRÌNH NỘI BỘ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH (Ban hành kèm theo Quyết định số"
        " 15/QĐ-UBND ngày 03 tháng 12 năm 2025 của Chủ tịch Ủy ban nhân dân tỉnh)\n|\nTT\n|\nTrình tự thực hiện\n|\n"
        "Trách nhiệm thực hiện\n|\n|\nB1\n|\nTiếp nhận hồ sơ và chuyển phòng chuyên môn\n|\nBộ phận một cửa\n|\n|"
    )
    got = lines(raw)
    assert got[1].startswith("| 1 | Cấp giấy chứng nhận đăng ký hoạt động | - Luật Khoa học")
    assert got[-2:] == [
        "| TT | Trình tự thực hiện | Trách nhiệm thực hiện |",
        "| B1 | Tiếp nhận hồ sơ và chuyển phòng chuyên môn | Bộ phận một cửa |",
    ]


def test_a_heading_that_ends_on_a_unit_word_stays_apart_from_its_first_sentence():
    assert lines("1.2. Cục Quản lý thị trường tỉnh\nLà cơ quan thường trực, tham mưu Trưởng ban.") == [
        "1.2. Cục Quản lý thị trường tỉnh",
        "Là cơ quan thường trực, tham mưu Trưởng ban.",
    ]
