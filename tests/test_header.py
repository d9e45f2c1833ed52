import pytest

from directive_nlp.header import clean_number, parse_header
from directive_nlp.normalize import normalize
from directive_nlp.zones import find_zones


def header_of(raw: str):
    n = normalize(raw)
    return parse_header(n.text, find_zones(n.text), signed_at=n.signed_at)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            "Số: 04/CT-UBND\nAn Giang, ngày 14 tháng 9 năm 2021\nCHỈ THỊ\nVề việc tăng cường phòng chống dịch\nNăm qua ...",
            {
                "issuer": "TỈNH AN GIANG",
                "issuer_parent": "ỦY BAN NHÂN DÂN",
                "number": "04/CT-UBND",
                "doc_type": "CT",
                "doc_type_name": "Chỉ thị",
                "place": "An Giang",
                "issued_date": "2021-09-14",
                "subject": "Về việc tăng cường phòng chống dịch",
            },
        ),
        (
            "Số 610/TB-SGDĐT\nThành phố Hồ Chí Minh, ngày 08 tháng 3 năm 2022\nTHÔNG BÁO\nKết luận của Giám đốc Sở",
            {
                "number": "610/TB-SGDĐT",
                "doc_type": "TB",
                "place": "Thành phố Hồ Chí Minh",
                "issued_date": "2022-03-08",
                "subject": "Kết luận của Giám đốc Sở",
            },
        ),
        (  # a công văn: no type name, V/v subject, Kính gửi list
            "BỘ TÀI CHÍNH\nTỔNG CỤC THUẾ\nSố: 1414/TCT-CS\nV/v hỗ trợ người có công\nHà Nội, ngày 04 tháng 05 năm 2013\n"
            "Kính gửi:\n- Cục Thuế tỉnh Hà Tĩnh;\n- Cục Thuế tỉnh Nghệ An.\nTrả lời công văn ...",
            {
                "number": "1414/TCT-CS",
                "doc_type": "CV",
                "subject": "V/v hỗ trợ người có công",
                "issuer": "TỔNG CỤC THUẾ",
                "issuer_parent": "BỘ TÀI CHÍNH",
                "addressees": ["Cục Thuế tỉnh Hà Tĩnh", "Cục Thuế tỉnh Nghệ An"],
            },
        ),
        (  # one issuer line holding the superior body and the issuer
            "BỘ TÀI CHÍNH TỔNG CỤC HẢI QUAN\nSố: 778/TCHQ-GSQL\nHà Nội, ngày 13 tháng 02 năm 2017",
            {"issuer": "TỔNG CỤC HẢI QUAN", "issuer_parent": "BỘ TÀI CHÍNH", "issued_date": "2017-02-13"},
        ),
        (  # broken digits and spaces in the number
            "Số: 3210/QĐ - U B ND\nHà Nội, ngày 26 tháng 0 6 năm 2018\nQUYẾT ĐỊNH",
            {"number": "3210/QĐ-UBND", "doc_type": "QĐ", "issued_date": "2018-06-26"},
        ),
        (  # OCR-garbled date: the signature stamp's date is used
            "Thời gian ký: 02.12.2022 16:53\nBỘ TÀI CHÍNH\nSố: 5Ï/TCT-TTKT\nHà Nội, ngày ñ| tháng 42 năm 2022\nV/v quản lý thuế",
            {"number": "51/TCT-TTKT", "issued_date": "2022-12-02", "issued_date_source": "signature", "doc_type": "CV"},
        ),
        (  # urgency and secrecy marks
            "UBND TỈNH LÀO CAI\nSố: 88/UBND-NC\nHỎA TỐC\nMẬT\nLào Cai, ngày 01 tháng 8 năm 2024\nV/v ứng phó bão số 3",
            {"urgency": "HỎA TỐC", "confidentiality": "MẬT", "doc_type": "CV", "place": "Lào Cai"},
        ),
        (  # a Party document
            "ĐẢNG BỘ TỈNH BẾN TRE\nTỈNH ỦY\nĐẢNG CỘNG SẢN VIỆT NAM\nSố 06-CT/TU\nBến Tre, ngày 20 tháng 10 năm 2021\nCHỈ THỊ",
            {"number": "06-CT/TU", "doc_type": "CT", "issuer": "TỈNH ỦY", "issuer_parent": "ĐẢNG BỘ TỈNH BẾN TRE"},
        ),
        (  # an upper-case subject broken over lines (even after its first word) up to the enacting authority
            "Số: 15/2026/QĐ-UBND\nBình Định, ngày 03 tháng 02 năm 2026\nQUYẾT ĐỊNH\nBAN\n"
            "HÀNH QUY CHẾ PHỐI HỢP QUẢN LÝ\nCỤM CÔNG NGHIỆP TRÊN ĐỊA BÀN TỈNH\nỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương;",
            {"subject": "BAN HÀNH QUY CHẾ PHỐI HỢP QUẢN LÝ CỤM CÔNG NGHIỆP TRÊN ĐỊA BÀN TỈNH", "doc_type": "QĐ"},
        ),
        (  # a công điện: the subject stops at "<issuer> điện:"
            "Số: 31/CĐ-TTg\nHà Nội, ngày 02 tháng 3 năm 2026\nCÔNG ĐIỆN\nV/V TẬP TRUNG\n"
            "PHÒNG, CHỐNG DỊCH CÚM GIA CẦM\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n- Chủ tịch Ủy ban nhân dân các tỉnh;",
            {"subject": "V/v TẬP TRUNG PHÒNG, CHỐNG DỊCH CÚM GIA CẦM", "doc_type": "CĐ"},
        ),
        (  # a V/v subject wrapped before its last word; the date line is no part of it
            "Số: 812/TNI-QLDN1\nV/v thuế suất thuế\nGTGT\nTây Ninh, ngày 05 tháng 01 năm 2026\nKính gửi: Công ty TNHH An Phú",
            {"subject": "V/v thuế suất thuế GTGT", "place": "Tây Ninh", "issued_date": "2026-01-05"},
        ),
        (  # a cited decision inside an upper-case subject goes on it
            "Số: 07/2026/QĐ-UBND\nHuế, ngày 09 tháng 01 năm 2026\nQUYẾT ĐỊNH\nBÃI BỎ QUYẾT ĐỊNH\n"
            "SỐ 21/2019/QĐ-UBND NGÀY 04/4/2019 CỦA ỦY BAN NHÂN DÂN TỈNH\nCHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HUẾ\n"
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật;",
            {"subject": "BÃI BỎ QUYẾT ĐỊNH SỐ 21/2019/QĐ-UBND NGÀY 04/4/2019 CỦA ỦY BAN NHÂN DÂN TỈNH"},
        ),
        (  # issuer names broken by the layout: a one-word line, a lone head word, a joining word
            "BỘ QUỐC\nPHÒNG\nSố: 12/2026/TT-BQP\nHà Nội, ngày 02 tháng 02 năm 2026",
            {"issuer": "BỘ QUỐC PHÒNG", "issuer_parent": None},
        ),
        (
            "BỘ TÀI CHÍNH\nCỤC\nHẢI QUAN\nSố: 118/TB-CHQ\nHà Nội, ngày 02 tháng 02 năm 2026",
            {"issuer": "CỤC HẢI QUAN", "issuer_parent": "BỘ TÀI CHÍNH"},
        ),
        (
            "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 70/BNNMT-VP\nHà Nội, ngày 02 tháng 02 năm 2026",
            {"issuer": "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "issuer_parent": None},
        ),
        (
            "BAN CHỈ ĐẠO NHÀ NƯỚC\nVỀ PHÁT TRIỂN ĐÔ THỊ\nSố: 05/QĐ-BCĐ\nHà Nội, ngày 02 tháng 02 năm 2026",
            {"issuer": "BAN CHỈ ĐẠO NHÀ NƯỚC VỀ PHÁT TRIỂN ĐÔ THỊ", "issuer_parent": None},
        ),
    ],
)
def test_header_fields(raw, expected):
    h = header_of(raw).header
    for key, value in expected.items():
        assert getattr(h, key) == value, key


def test_missing_fields_give_nulls_and_warnings():
    r = header_of("Hướng dẫn thực hiện nhiệm vụ năm học\n1. Tăng cường kiểm tra.")
    assert r.header.number is None and r.header.issued_date is None
    assert any("number" in w for w in r.warnings)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("4489 /TCT-TTKT", "4489/TCT-TTKT"),
        ("5Ï/TCT-TTKT", "51/TCT-TTKT"),
        ("29-NQ/TW", "29-NQ/TW"),
        ("..../QĐ-UBND", None),
        ("12/2020/TT-BGDĐT.", "12/2020/TT-BGDĐT"),
    ],
)
def test_clean_number(raw, clean):
    assert clean_number(raw) == clean
