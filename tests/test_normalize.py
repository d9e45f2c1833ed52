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
