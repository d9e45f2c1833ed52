"""Legal reference extraction: one written sentence per phenomenon, offsets, data-file examples, fuzzing."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from directive_nlp.references import expand, find_references
from directive_nlp.resources import load

Row = tuple[str | None, str | None, int | None, str | None]

CASES: list[tuple[str, list[Row]]] = [
    # -- full shapes ------------------------------------------------------------------
    (
        "Căn cứ Thông tư số 22/2021/TT-BGDĐT ngày 20/7/2021 của Bộ trưởng Bộ Giáo dục và Đào tạo;",
        [("TT", "22", 2021, "TT-BGDĐT")],
    ),
    ("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;", [("NĐ", "30", 2020, "NĐ-CP")]),
    ("Thực hiện Quyết định số 1982/QĐ-TTg ngày 18/10/2016, Sở yêu cầu:", [("QĐ", "1982", 2016, "QĐ-TTg")]),
    ("theo Nghị quyết 43/2022/QH15, ngày 11/01/2022 của Quốc hội khóa XV", [("NQ", "43", 2022, "QH15")]),
    ("Luật Bảo vệ môi trường số 72/2020/QH14 có hiệu lực", [("LUẬT", "72", 2020, "QH14")]),
    (
        "Pháp lệnh Phòng, chống thiên tai và cứu hộ số 15/2009/PL-UBTVQH12",
        [("PL", "15", 2009, "PL-UBTVQH12")],
    ),
    ("Pháp lệnh Dân số số 06/2003/PL-UBTVQH11 được sửa đổi", [("PL", "06", 2003, "PL-UBTVQH11")]),
    ("Luật số 59/2020/QH14 về doanh nghiệp", [("LUẬT", "59", 2020, "QH14")]),
    ("Thông tư liên tịch số 07/2015/TTLT-BGDĐT-BNV hướng dẫn", [("TTLT", "07", 2015, "TTLT-BGDĐT-BNV")]),
    ("Nghị quyết số 05/2019/NQ-HĐND của Hội đồng nhân dân tỉnh", [("NQ", "05", 2019, "NQ-HĐND")]),
    # -- no year in the number: year from a date printed right after ----------------------
    ("Chỉ thị số 666/CT-BGDĐT ngày 17/8/2022 của Bộ trưởng về nhiệm vụ", [("CT", "666", 2022, "CT-BGDĐT")]),
    ("triển khai Kế hoạch số 318/KH-UBND để thực hiện", [("KH", "318", None, "KH-UBND")]),
    (
        "Ngày 02/3/2020, Sở đã ban hành Công văn số 512/SGDĐT-VP về việc phòng dịch",
        [("CV", "512", None, "SGDĐT-VP")],
    ),
    ("Công văn số 1923 ngày 06/6/2022 của Tổng cục Thuế", [("CV", "1923", 2022, None)]),
    # -- old numbering -------------------------------------------------------------------
    ("Quyết định số 217-CP quy định chế độ", [("QĐ", "217", None, "CP")]),
    ("Quyết định 176-CP ngày 03 tháng 10 năm 1984 của Hội đồng Chính phủ", [("QĐ", "176", 1984, "CP")]),
    ("Nghị định 118-CP ngày 20/6/1979 vẫn được áp dụng", [("NĐ", "118", 1979, "CP")]),
    ("Quyết định số 256/TTg ngày 12/5/1995 của Thủ tướng", [("QĐ", "256", 1995, "TTg")]),
    ("Công văn số 702/GDDT ngày 15/10/2021 của Phòng", [("CV", "702", 2021, "GDDT")]),
    # -- Party documents ---------------------------------------------------------------
    ("quán triệt Nghị quyết số 19-NQ/TW của Hội nghị Trung ương", [("NQ", "19", None, "NQ/TW")]),
    ("Kết luận 76-KL/TW ngày 04 tháng 6 năm 2020 của Bộ Chính trị", [("KL", "76", 2020, "KL/TW")]),
    ("Chỉ thị số 42-CT/TW ngày 24/3/2020 của Ban Bí thư", [("CT", "42", 2020, "CT/TW")]),
    ("Quy định số 08-QĐi/TW ngày 25/10/2018 về trách nhiệm nêu gương", [("QyĐ", "08", 2018, "QĐi/TW")]),
    ("Quy định số 102-QĐ/TW ngày 15/11/2017 của Bộ Chính trị", [("QyĐ", "102", 2017, "QĐ/TW")]),
    ("Chương trình số 24-CTr/TU ngày 12 tháng 3 năm 2021", [("CTr", "24", 2021, "CTr/TU")]),
    ("Kế hoạch số 87-KH/TU ngày 14-9-2020 của Ban Thường vụ", [("KH", "87", 2020, "KH/TU")]),
    ("Thông tri số 03-TT/TW của Ban Bí thư", [("TT", "03", None, "TT/TW")]),
    # -- short forms -------------------------------------------------------------------
    ("thực hiện theo Thông tư 32/2020 của Bộ", [("TT", "32", 2020, None)]),
    ("Nghị định 100/2019 và Nghị định 123/2021", [("NĐ", "100", 2019, None), ("NĐ", "123", 2021, None)]),
    ("Thông tư 28/2020, 29/2020 của Bộ Tài chính", [("TT", "28", 2020, None), ("TT", "29", 2020, None)]),
    # -- enumerations ------------------------------------------------------------------
    (
        "áp dụng Thông tư 26, 27, 28/2020 của Bộ GDĐT",
        [("TT", "26", 2020, None), ("TT", "27", 2020, None), ("TT", "28", 2020, None)],
    ),
    (
        "Thông tư số 13, 14, 15, 16 và 20/2018 quy định chuẩn",
        [("TT", n, 2018, None) for n in ("13", "14", "15", "16", "20")],
    ),
    (
        "Nghị định số 01, 02/2021/NĐ-CP của Chính phủ",
        [("NĐ", "01", 2021, "NĐ-CP"), ("NĐ", "02", 2021, "NĐ-CP")],
    ),
    (
        "các Quyết định của Ủy ban nhân dân tỉnh số 12/2019/QĐ-UBND ngày 02/4/2019, số 25/2020/QĐ-UBND "
        "ngày 15/6/2020 và số 07/2021/QĐ-UBND",
        [("QĐ", "12", 2019, "QĐ-UBND"), ("QĐ", "25", 2020, "QĐ-UBND"), ("QĐ", "07", 2021, "QĐ-UBND")],
    ),
    (
        "Quyết định số 150/QĐ-TTg, Quyết định số 255/QĐ-TTg; Quyết định số 1400/QĐ-TTg",
        [("QĐ", "150", None, "QĐ-TTg"), ("QĐ", "255", None, "QĐ-TTg"), ("QĐ", "1400", None, "QĐ-TTg")],
    ),
    (
        "Công văn số 101/SYT-NVY và số 230/SYT-NVY của Sở Y tế",
        [("CV", "101", None, "SYT-NVY"), ("CV", "230", None, "SYT-NVY")],
    ),
    (
        "Quyết định số 45/QĐ-UBND, 46/KH-UBND của UBND huyện",
        [("QĐ", "45", None, "QĐ-UBND"), ("KH", "46", None, "KH-UBND")],
    ),
    # -- the type word wins over the symbol ----------------------------------------------
    ("Công văn số 915/PA-GDDT ngày 12/10/2021 của Phòng", [("CV", "915", 2021, "PA-GDDT")]),
    ("theo Công văn số 402/CT-TTHT của Cục Thuế", [("CV", "402", None, "CT-TTHT")]),
    ("công văn số 20311/BTC-QLCS gửi các Bộ", [("CV", "20311", None, "BTC-QLCS")]),
    ("Tờ trình số 15/TTr-CAH- PC06 của Công an huyện", [("TTr", "15", None, "TTr-CAH-PC06")]),
    ("Đề án số 311/ĐA-UBND về sắp xếp", [("ĐA", "311", None, "ĐA-UBND")]),
    ("Công văn hướng dẫn số 2345/SGDĐT-GDTrH về dạy học", [("CV", "2345", None, "SGDĐT-GDTrH")]),
    ("văn bản số 88/KH-SYT của Sở Y tế", [("KH", "88", None, "KH-SYT")]),
    ("văn bản số 451/UBND-VX của Ủy ban", [("CV", "451", None, "UBND-VX")]),
    # -- without a type word: the symbol decides ----------------------------------------
    ("Số: 815 /QĐ-UBND", [("QĐ", "815", None, "QĐ-UBND")]),
    ("theo 116/2020/NĐ-CP về chính sách", [("NĐ", "116", 2020, "NĐ-CP")]),
    ("Luật Phòng, chống ma túy số 73/2021/QH14", [("LUẬT", "73", 2021, "QH14")]),
    # -- malformed symbols kept ----------------------------------------------------------
    ("Thông tư số 28/2020/BGDĐT quy định", [("TT", "28", 2020, "BGDĐT")]),
    # -- stray spaces and case -----------------------------------------------------------
    ("Chỉ thị số 16- CT/TW của Ban Bí thư", [("CT", "16", None, "CT/TW")]),
    ("Quyết định số 522/QĐ- TTg ; Sở yêu cầu", [("QĐ", "522", None, "QĐ-TTg")]),
    ("theo Thông tư 78/2014/TT- BTC và", [("TT", "78", 2014, "TT-BTC")]),
    ("Thông tư 219/2013/TT-BTC . Các đơn vị", [("TT", "219", 2013, "TT-BTC")]),
    ("Kế hoạch số 54- KH/TU của Tỉnh ủy", [("KH", "54", None, "KH/TU")]),
    (
        "TRIỂN KHAI CHƯƠNG TRÌNH SỐ 07-CTr/TU NGÀY 05 THÁNG 3 NĂM 2021 CỦA TỈNH ỦY",
        [("CTr", "07", 2021, "CTr/TU")],
    ),
    (
        "HƯỚNG DẪN THỰC HIỆN NGHỊ ĐỊNH SỐ 81/2021/NĐ-CP NGÀY 27 THÁNG 8 NĂM 2021 CỦA CHÍNH PHỦ",
        [("NĐ", "81", 2021, "NĐ-CP")],
    ),
    ("THỰC HIỆN QUYẾT ĐỊNH SỐ 15/2017/QĐ-TTG", [("QĐ", "15", 2017, "QĐ-TTG")]),
    # -- dates -------------------------------------------------------------------------
    ("Kết luận số 14-KL/TW 22-9-2021 của Bộ Chính trị", [("KL", "14", 2021, "KL/TW")]),
    ("Chỉ thị số 05/CT-UBND, ngày 01 tháng 02 năm 2022", [("CT", "05", 2022, "CT-UBND")]),
    ("Kế hoạch số 90/KH-UBND ngày 31/02/2021", [("KH", "90", None, "KH-UBND")]),
    # -- line breaks -------------------------------------------------------------------
    ("theo Thông tư\nsố 32/2020/TT-BGDĐT ban hành", [("TT", "32", 2020, "TT-BGDĐT")]),
    ("Công văn số\n2211/TCT-CS ngày\n14/7/2021 của Tổng cục Thuế", [("CV", "2211", 2021, "TCT-CS")]),
    # -- each mention counts; references inside article citations ---------------------------
    (
        "Nghị định số 15/2018/NĐ-CP; khoản 3 Điều 5 Nghị định số 15/2018/NĐ-CP",
        [("NĐ", "15", 2018, "NĐ-CP"), ("NĐ", "15", 2018, "NĐ-CP")],
    ),
    ("điểm a khoản 2 Điều 7 Thông tư số 02/2021/TT-BNV", [("TT", "02", 2021, "TT-BNV")]),
    # -- a number alone after a capitalized type word or "số" ------------------------------
    ("thực hiện Nghị quyết 36, Chỉ thị 13 của Bộ Chính trị", [("NQ", "36", None, None), ("CT", "13", None, None)]),
    ("Quyết định số 45 của Chủ tịch UBND huyện", [("QĐ", "45", None, None)]),
    ("(sau đây viết tắt là Thông tư 28).", [("TT", "28", None, None)]),
    ("Kế hoạch 100 ngày đêm thi đua", []),
    ("Chương trình 2030 của ngành", []),
    ("kế hoạch 3, đề án 4 của xã", []),
    # -- other types, OCR'd accents, spacing --------------------------------------------
    ("Thông báo kết luận số 45-TB/TU của Thường trực", [("TB", "45", None, "TB/TU")]),
    ("Công điện số 06/CĐ-TTg về ứng phó bão", [("CĐ", "06", None, "CĐ-TTg")]),
    ("Hướng dẫn số 36-HD/BTGTW của Ban Tuyên giáo", [("HD", "36", None, "HD/BTGTW")]),
    ("QUYÉT ĐỊNH SỐ 21/2019/QĐ-TTG CỦA THỦ TƯỚNG", [("QĐ", "21", 2019, "QĐ-TTG")]),
    ("theo Quyêt đinh sô 318/QĐ-UBND của tỉnh", [("QĐ", "318", None, "QĐ-UBND")]),
    ("Quyết định số 2150 / QĐ-UBND ngày 05 /4/2022", [("QĐ", "2150", 2022, "QĐ-UBND")]),
    ("văn bản của Sở Tài chính số 77/STC-QLNS", [("CV", "77", None, "STC-QLNS")]),
    ("các quyết định của Thủ tướng số 12/QĐ-TTg", [("QĐ", "12", None, "QĐ-TTg")]),
    ("Luật Ban hành văn bản quy phạm pháp luật số 80/2015/QH13", [("LUẬT", "80", 2015, "QH13")]),
    ("rà soát văn bản quy phạm pháp luật số 09/2021/QĐ-UBND của tỉnh", [("QĐ", "09", 2021, "QĐ-UBND")]),
    (
        "(sau đây gọi tắt là Chỉ thị 31); thực hiện Chỉ thị 31 của Thủ tướng",
        [("CT", "31", None, None), ("CT", "31", None, None)],
    ),
    ("Công văn số 2017 ngày 06/6 của Cục Thuế", [("CV", "2017", None, None)]),
    ("Báo cáo 6 tháng đầu năm; Thông báo 2 lần; Quyết định 5 nội dung", []),
    # -- unnumbered citations are left out -----------------------------------------------
    ("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XVII", []),
    ("Chương trình giáo dục phổ thông 2018 được áp dụng", []),
    ("Luật Giáo dục 2019 và Luật Đất đai năm 2013", []),
    ("thực hiện Chỉ thị của Thủ tướng Chính phủ", []),
    ("Kế hoạch 5 năm 2021-2025 của tỉnh", []),
    # -- not references ----------------------------------------------------------------
    ("khai theo mẫu số 05/KBS/GSQL kèm theo", []),
    ("Mẫu 12/DSCT/GSQL và Bản kê 07/BKTrC/GSQL", []),
    ("lập theo mẫu 02/BC-UBND tại Phụ lục 01", []),
    ("phấn đấu đạt 250 phòng học/1 vạn dân", []),
    ("trước ngày 15/3/2022, Điều 22, khoản 3", []),
    ("Điện thoại: 0296.3852.123; Fax: 0296/3852124", []),
    ("báo cáo số liệu về Sở trước ngày 20 hằng tháng", []),
    ("hướng dẫn các trường nộp hồ sơ số 12/2020/BGDĐT", []),
    ("quyết định 12/2020 của hội đồng", []),
]


def _rows(text: str) -> list[Row]:
    return [(r.doc_type, r.number, r.year, r.code) for r in find_references(text)]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_references_table(text: str, expected: list[Row]) -> None:
    assert _rows(text) == expected


def test_enough_cases() -> None:
    assert len(CASES) >= 60


@pytest.mark.parametrize(("text", "_"), CASES, ids=[c[0][:40] for c in CASES])
def test_offsets(text: str, _: Any) -> None:
    refs = find_references(text)
    assert [r.start for r in refs] == sorted(r.start for r in refs)
    for r in refs:
        assert text[r.start : r.end] == r.text
        assert r.number is not None and r.number in r.text


@pytest.mark.parametrize(
    ("text", "field", "expected"),
    [
        ("Thông tư số 51/2020/TT-BGDĐT ngày 31/12/2020 của Bộ", "canonical", "51/2020/TT-BGDĐT"),
        ("Chỉ thị số 37- CT/TW của Ban Bí thư", "canonical", "37-CT/TW"),
        ("Số: 773 /QĐ-TTg", "canonical", "773/QĐ-TTg"),
        ("Kết luận 51-KL/TW ngày 30 tháng 5 năm 2019", "date", "2019-05-30"),
        ("Kế hoạch số 119-KH/TU ngày 21-02-2018", "date", "2018-02-21"),
        ("Quyết định số 1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ phê duyệt", "issuer", "Thủ tướng Chính phủ"),
        ("Chỉ thị số 800/CT-BGDĐT ngày 24/8/2021 của Bộ trưởng Bộ GDĐT, các", "issuer", "Bộ trưởng Bộ GDĐT"),
        ("Thông tư số 12/2021/TT-BYT của Bộ Y tế hướng dẫn", "issuer", "Bộ Y tế"),
        ("Nghị định số 12/2021/NĐ-CP của Chính phủ (sửa đổi)", "issuer", "Chính phủ"),
        ("theo Thông tư 17, 18, 19/2018 của Bộ GDĐT; các", "issuer", "Bộ GDĐT"),
        ("Quyết định của Thủ tướng Chính phủ số 62/2011/QĐ-TTg", "issuer", "Thủ tướng Chính phủ"),
        ("Công văn số 12/UBND-VX của UBND tỉnh và các văn bản", "issuer", "UBND tỉnh"),
        ("Kế hoạch số 1/KH-BGDĐT của Bộ Giáo dục và Đào tạo về", "issuer", "Bộ Giáo dục và Đào tạo"),
        ("KẾ HOẠCH SỐ 119-KH/TU CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ VIỆC", "issuer", "BAN THƯỜNG VỤ TỈNH ỦY"),
        ("Thông tư số 32/2018/BGDĐT quy định", "malformed", True),
        ("Luật số 34/2018/QH14", "malformed", False),
        ("Quyết định số 118/TTg", "malformed", False),
        ("Quyết định số 1373/QĐ-TTg", "doc_type_name", "Quyết định"),
    ],
)
def test_fields(text: str, field: str, expected: Any) -> None:
    assert getattr(find_references(text)[0], field) == expected


def test_text_spans() -> None:
    text = "Thông tư 17, 18, 19/2018 của Bộ GDĐT và Công văn số 5/SGD-VP ngày 1/2/2020."
    assert [r.text for r in find_references(text)] == [
        "Thông tư 17",
        "18",
        "19/2018",
        "Công văn số 5/SGD-VP ngày 1/2/2020",
    ]


def test_exclude_header_number() -> None:
    text = "Số: 04/CT-UBND\nThực hiện Chỉ thị số 16/CT-TTg"
    own = text.index("04/CT-UBND")
    refs = find_references(text, exclude=[(own, own + len("04/CT-UBND"))])
    assert [r.canonical for r in refs] == ["16/CT-TTg"]


def _data_entries() -> list[tuple[str, dict[str, str]]]:
    data = load("references.json")
    return [(f"{part}.{name}", entry) for part in ("variables", "patterns") for name, entry in data[part].items()]


@pytest.mark.parametrize(("name", "entry"), _data_entries(), ids=[n for n, _ in _data_entries()])
def test_data_examples_match(name: str, entry: dict[str, str]) -> None:
    assert re.search(expand(entry["pattern"]), entry["example"]), name


def _strings(obj: Any) -> list[str]:
    if isinstance(obj, str):
        return [obj]
    if isinstance(obj, dict):
        return [s for k, v in obj.items() for s in (k, *_strings(v))]
    if isinstance(obj, list):
        return [s for v in obj for s in _strings(v)]
    return []


def test_data_is_nfc() -> None:
    for s in _strings(load("references.json")):
        assert unicodedata.normalize("NFC", s) == s, s


_ALPHABET = st.sampled_from(
    list("0123456789/-. ,;:\nAQĐTBCNKHsốngàyThôưtQuyếđịhcủaSvàTWUBND&()") + ["số ", "Thông tư ", "ngày "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_never_crashes(text: str) -> None:
    for r in find_references(text):
        assert 0 <= r.start <= r.end <= len(text)
        assert text[r.start : r.end] == r.text


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_never_crashes_on_any_text(text: str) -> None:
    for r in find_references(text):
        assert 0 <= r.start <= r.end <= len(text)
