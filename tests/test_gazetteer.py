"""Gazetteer of bodies and titles: expand, members, canonical, find_bodies, and the data files' examples."""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from directive_nlp.gazetteer import BodyMatch, canonical, expand, find_bodies, members
from directive_nlp.resources import load
from directive_nlp.vntext import normalize_tones

BODIES = load("bodies.json")
ABBREVIATIONS = load("abbreviations.json")["abbreviations"]
KINDS = {
    "ministry",
    "agency",
    "department",
    "committee",
    "council",
    "party",
    "mass_org",
    "school",
    "title",
    "collective",
    "other",
}


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for k, v in node.items():
            yield k
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


def _whole(text: str) -> BodyMatch | None:
    """The single match that covers all of ``text``, if find_bodies finds exactly that."""
    found = find_bodies(text)
    return found[0] if len(found) == 1 and (found[0].start, found[0].end) == (0, len(text)) else None


# -- the data files ---------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["bodies.json", "abbreviations.json"])
def test_data_is_nfc_and_tone_normalized(name: str) -> None:
    bad = [s for s in _strings(load(name)) if s != normalize_tones(unicodedata.normalize("NFC", s))]
    assert bad == []


@pytest.mark.parametrize("entry", BODIES["heads"], ids=lambda e: e["head"])
def test_head_examples(entry: dict[str, Any]) -> None:
    m = _whole(entry["example"])
    assert m is not None, find_bodies(entry["example"])
    assert m.kind in KINDS


@pytest.mark.parametrize("entry", BODIES["titles"], ids=lambda e: e["title"])
def test_title_examples(entry: dict[str, Any]) -> None:
    m = _whole(entry["example"])
    assert m is not None and m.kind == "title", find_bodies(entry["example"])


@pytest.mark.parametrize("entry", BODIES["fixed"], ids=lambda e: e["name"])
def test_fixed_bodies_are_found_as_themselves(entry: dict[str, Any]) -> None:
    m = _whole(entry["name"])
    assert m is not None and m.canonical == entry["name"] and m.kind == entry["kind"]


@pytest.mark.parametrize("entry", BODIES["collectives"], ids=lambda e: e["example"])
def test_collective_examples(entry: dict[str, Any]) -> None:
    assert _whole(entry["example"]) is not None, find_bodies(entry["example"])


@pytest.mark.parametrize("entry", BODIES["complements"], ids=lambda e: e["example"])
def test_complement_examples(entry: dict[str, Any]) -> None:
    text = "các đơn vị " + entry["example"]
    assert _whole(text) is not None, find_bodies(text)


@pytest.mark.parametrize("field", [f for g in BODIES["fields"] for f in g["names"]])
def test_every_field_makes_a_body(field: str) -> None:
    assert _whole("Phòng " + field) is not None


@pytest.mark.parametrize("variant", [k for k in BODIES["field_variants"] if k != "#"])
def test_field_variants_map_to_the_official_name(variant: str) -> None:
    assert canonical("Sở " + variant) == "Sở " + BODIES["field_variants"][variant]


@pytest.mark.parametrize("entry", BODIES["negatives"], ids=lambda e: e["not"])
def test_negative_examples(entry: dict[str, Any]) -> None:
    a = entry["text"].index(entry["not"])
    b = a + len(entry["not"])
    assert [m.text for m in find_bodies(entry["text"]) if m.start < b and m.end > a] == []


@pytest.mark.parametrize("entry", ABBREVIATIONS, ids=lambda e: f"{e['abbr']}:{e['expansion']}")
def test_abbreviation_examples(entry: dict[str, Any]) -> None:
    assert expand(entry["example"]) == entry["expanded"]


# -- expand ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở GDĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở GD-ĐT", "Sở Giáo dục và Đào tạo"),
        ("Sở GD - ĐT", "Sở Giáo dục và Đào tạo"),
        ("Phòng GD&ĐT", "Phòng Giáo dục và Đào tạo"),
        ("Cục NCC", "Cục Người có công"),
        ("MTTQ", "Mặt trận Tổ quốc"),
        ("các PCT UBND tỉnh", "các Phó Chủ tịch Ủy ban nhân dân tỉnh"),
        ("Bộ LĐTBXH", "Bộ Lao động - Thương binh và Xã hội"),
        ("Sở TP", "Sở Tư pháp"),
        ("UBND TP Hà Nội", "Ủy ban nhân dân thành phố Hà Nội"),
        ("UBND TP.HCM", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
        ("TT. TU", "Thường trực Tỉnh ủy"),
        ("TT/HĐND tỉnh", "Thường trực Hội đồng nhân dân tỉnh"),
        ("TT.GDNN-GDTX", "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên"),
        ("Các Bộ: NN&PTNT, TC", "Các Bộ: Nông nghiệp và Phát triển nông thôn, Tài chính"),
        ("Uỷ ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
        ("06-CT/TU", "06-CT/TU"),  # a document number is not a name
        ("12/UBND-VX", "12/UBND-VX"),
        ("Sở Y tế", "Sở Y tế"),
    ],
)
def test_expand(name: str, expected: str) -> None:
    assert expand(name) == expected


# -- members ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "TT. TU, HĐND, UBND tỉnh",
            ["Thường trực Tỉnh ủy", "Thường trực Hội đồng nhân dân tỉnh", "Ủy ban nhân dân tỉnh"],
        ),
        ("Các Bộ: TC, NV", ["Bộ Tài chính", "Bộ Nội vụ"]),
        # a head sharing its colon with a collective: each field takes the head, a body named whole stays itself
        ("Các Bộ, cơ quan: Xây dựng, Y tế, NHNNVN", ["Bộ Xây dựng", "Bộ Y tế", "Ngân hàng Nhà nước Việt Nam"]),
        ("các Sở, ngành: Nội vụ, Công an tỉnh", ["Sở Nội vụ", "Công an tỉnh"]),
        ("Các sở: TNMT, XD, GTVT", ["Sở Tài nguyên và Môi trường", "Sở Xây dựng", "Sở Giao thông vận tải"]),
        ("Chủ tịch, các PCT UBND tỉnh", ["Chủ tịch Ủy ban nhân dân tỉnh", "các Phó Chủ tịch Ủy ban nhân dân tỉnh"]),
        ("CT và các PCT UBND huyện", ["Chủ tịch Ủy ban nhân dân huyện", "các Phó Chủ tịch Ủy ban nhân dân huyện"]),
        (
            "HĐND, UBND các tỉnh, TP trực thuộc Trung ương",
            [
                "Hội đồng nhân dân các tỉnh, thành phố trực thuộc Trung ương",
                "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
            ],
        ),
        ("Thủ tướng, các Phó Thủ tướng Chính phủ", ["Thủ tướng Chính phủ", "các Phó Thủ tướng Chính phủ"]),
        (
            "VPCP: BTCN, các PCN, Trợ lý TTCP, Cổng TTĐT, các Vụ, Cục",
            [
                "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
                "các Phó Chủ nhiệm Văn phòng Chính phủ",
                "Trợ lý Thủ tướng Chính phủ",
                "Cổng Thông tin điện tử Chính phủ",
                "các Vụ, Cục Văn phòng Chính phủ",
            ],
        ),
        (
            "UBND các tỉnh Hưng Yên, Hòa Bình, Thanh Hóa",
            ["Ủy ban nhân dân tỉnh Hưng Yên", "Ủy ban nhân dân tỉnh Hòa Bình", "Ủy ban nhân dân tỉnh Thanh Hóa"],
        ),
        ("UBND các huyện: Cao Lãnh, Tam Nông", ["Ủy ban nhân dân huyện Cao Lãnh", "Ủy ban nhân dân huyện Tam Nông"]),
        ("Các sở, ban, ngành", ["Các sở, ban, ngành"]),
        ("UBND các huyện, thị xã, thành phố", ["Ủy ban nhân dân các huyện, thị xã, thành phố"]),
        ("Các huyện ủy, thị ủy, thành ủy", ["Các huyện ủy, thị ủy, thành ủy"]),
        ("Sở Tài chính", ["Sở Tài chính"]),
        ("Sở Xây dựng, Sở TN&MT", ["Sở Xây dựng", "Sở Tài nguyên và Môi trường"]),
        ("Sở GD&ĐT, Y tế", ["Sở Giáo dục và Đào tạo", "Sở Y tế"]),
        ("Giám đốc, các PGĐ Sở", ["Giám đốc Sở", "các Phó Giám đốc Sở"]),
        ("TTTU, TT HĐND thành phố", ["Thường trực Tỉnh ủy", "Thường trực Hội đồng nhân dân thành phố"]),
        ("Bộ trưởng, các Thứ trưởng", ["Bộ trưởng", "các Thứ trưởng"]),
        ("Sở Văn hóa, Thể thao và Du lịch", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("Bộ Giáo dục và Đào tạo (để b/c);", ["Bộ Giáo dục và Đào tạo"]),
        ("BHXH tỉnh (phối hợp)", ["Bảo hiểm xã hội tỉnh"]),
        ("UBND các xã, phường, thị trấn[2]", ["Ủy ban nhân dân các xã, phường, thị trấn"]),
        ("Các trường cao đẳng, trung cấp trực thuộc Bộ", ["Các trường cao đẳng, trung cấp trực thuộc Bộ"]),
        ("Đơn vị chủ trì: Cục Pháp chế", ["Đơn vị chủ trì: Cục Pháp chế"]),  # a label, not an owner
        ("Như trên", []),
    ],
)
def test_members(name: str, expected: list[str]) -> None:
    assert members(name) == expected


# -- canonical --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("UBND", "Ủy ban nhân dân"),
        ("ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
        ("Uỷ ban nhân dân  tỉnh", "Ủy ban nhân dân tỉnh"),
        ("UỶ BAN NHÂN DÂN TỈNH AN GIANG", "Ủy ban nhân dân tỉnh An Giang"),
        ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
        ("Sở GD&ĐT", "Sở Giáo dục và Đào tạo"),
        ("sở giáo dục và đào tạo tỉnh Hưng Yên", "Sở Giáo dục và Đào tạo tỉnh Hưng Yên"),
        ("Sở Giáo dục - Đào tạo", "Sở Giáo dục và Đào tạo"),
        ("Sở Giao duc va Dao tao", "Sở Giáo dục và Đào tạo"),  # accents lost
        ("Bộ Giáo dục và Đào tao", "Bộ Giáo dục và Đào tạo"),  # one typo: rapidfuzz
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("Phòng Nội vụ", "Phòng Nội vụ"),  # exact names are never "corrected" to a near one
        ("các hợp tác xã", "các hợp tác xã"),  # a collective is not fuzzy-matched to 'Cục Hợp tác xã'
        ("Cục trưởng Cục Thuế", "Cục trưởng Cục Thuế"),
        ("BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy"),
        ("các trường THPT", "các trường trung học phổ thông"),
    ],
)
def test_canonical(name: str, expected: str) -> None:
    assert canonical(name) == expected


# -- find_bodies ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sở Lao động - Thương binh và Xã hội tỉnh Hưng Yên chủ trì",
            [("Sở Lao động - Thương binh và Xã hội tỉnh Hưng Yên", "department")],
        ),
        ("UBND các huyện, thị xã, thành phố có trách nhiệm", [("UBND các huyện, thị xã, thành phố", "committee")]),
        ("giao Ủy ban nhân dân xã, phường, thị trấn", [("Ủy ban nhân dân xã, phường, thị trấn", "committee")]),
        (
            "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo",
            [("Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương", "title")],
        ),
        ("đề nghị Giám đốc Sở GDĐT", [("Giám đốc Sở GDĐT", "title")]),
        ("Thủ trưởng các sở, ban, ngành có liên quan", [("Thủ trưởng các sở, ban, ngành có liên quan", "title")]),
        (
            "Cục Thuế các tỉnh, thành phố trực thuộc Trung ương",
            [("Cục Thuế các tỉnh, thành phố trực thuộc Trung ương", "agency")],
        ),
        ("tại Chi cục Hải quan nơi đăng ký tờ khai", [("Chi cục Hải quan", "agency")]),
        (
            "Giao Bộ Giáo dục và Đào tạo chủ trì, phối hợp với Bộ Tài chính và các cơ quan, đơn vị liên quan",
            [
                ("Bộ Giáo dục và Đào tạo", "ministry"),
                ("Bộ Tài chính", "ministry"),
                ("các cơ quan, đơn vị liên quan", "collective"),
            ],
        ),
        ("Phòng Giáo dục và Đào tạo quận - huyện", [("Phòng Giáo dục và Đào tạo quận - huyện", "department")]),
        ("các sở, ban, ngành trực thuộc UBND tỉnh", [("các sở, ban, ngành trực thuộc UBND tỉnh", "collective")]),
        ("yêu cầu các Bộ, ngành trung ương", [("các Bộ, ngành trung ương", "collective")]),
        ("huy động các ngành, các cấp", [("các ngành, các cấp", "collective")]),
        ("Các đơn vị trực thuộc báo cáo", [("Các đơn vị trực thuộc", "collective")]),
        ("Toàn ngành tập trung", [("Toàn ngành", "collective")]),
        ("Đối với cấp mầm non:", [("cấp mầm non", "collective")]),
        ("cán bộ, chuyên viên phụ trách trường", [("cán bộ, chuyên viên phụ trách trường", "collective")]),
        ("người khai hải quan nộp hồ sơ", [("người khai hải quan", "collective")]),
        ("công chức hải quan giám sát", [("công chức hải quan giám sát", "collective")]),
        ("TT. HĐND tỉnh", [("TT. HĐND tỉnh", "council")]),
        ("TT/TU, TT/HĐND tỉnh", [("TT/TU", "party"), ("TT/HĐND tỉnh", "council")]),
        ("Ban Tuyên giáo Tỉnh ủy", [("Ban Tuyên giáo Tỉnh ủy", "party")]),
        ("Văn phòng HĐND và UBND huyện theo dõi", [("Văn phòng HĐND và UBND huyện", "agency")]),
        ("Cổng TTĐT Bộ GDĐT", [("Cổng TTĐT Bộ GDĐT", "agency")]),
        ("Hiệu trưởng các trường mầm non, tiểu học", [("Hiệu trưởng các trường mầm non, tiểu học", "title")]),
        ("Các Chi cục Thuế khu vực", [("Các Chi cục Thuế khu vực", "collective")]),
        ("Giám đốc các sở giáo dục và đào tạo", [("Giám đốc các sở giáo dục và đào tạo", "title")]),
        (
            "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh",
            [("Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh", "committee")],
        ),
        ("UỶ BAN NHÂN DÂN TỈNH AN GIANG", [("UỶ BAN NHÂN DÂN TỈNH AN GIANG", "committee")]),
        ("Trường THPT Nguyễn Du", [("Trường THPT Nguyễn Du", "school")]),
        ("Thủ tướng Chính phủ", [("Thủ tướng Chính phủ", "title")]),
        ("Đoàn đại biểu Quốc hội tỉnh", [("Đoàn đại biểu Quốc hội tỉnh", "council")]),
        ("UBND huyện Vụ Bản", [("UBND huyện Vụ Bản", "committee")]),  # a place named like a head
        ("Ủy ban nhân dân thành phố Hội An", [("Ủy ban nhân dân thành phố Hội An", "committee")]),
        ("Vụ việc được Cục Cảnh sát hình sự thụ lý", [("Cục Cảnh sát hình sự", "agency")]),  # an open field name
        ("Cục Trồng trọt chủ trì", [("Cục Trồng trọt", "agency")]),
        ("Trung tâm Khí tượng Thủy văn quốc gia", [("Trung tâm Khí tượng Thủy văn quốc gia", "agency")]),
        ("kết luận của Chủ tịch UBND tỉnh Lê Văn Bình", [("Chủ tịch UBND tỉnh", "title")]),  # a person, not a place
        ("Thủ trưởng cơ quan, đơn vị", [("Thủ trưởng cơ quan, đơn vị", "title")]),
        ("Trưởng phòng Tư pháp huyện", [("Trưởng phòng Tư pháp huyện", "title")]),
        ("Trợ lý Thủ tướng", [("Trợ lý Thủ tướng", "title")]),
        ("Hạt Kiểm lâm huyện", [("Hạt Kiểm lâm huyện", "agency")]),
        ("các xã ven biển", [("các xã ven biển", "collective")]),
        ("cán bộ, công chức, viên chức", [("cán bộ, công chức, viên chức", "collective")]),
        ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", [("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "agency")]),
        ("Bệnh viện Đa khoa Quảng Nam", [("Bệnh viện Đa khoa Quảng Nam", "agency")]),
        # negatives
        ("NHIỆM VỤ TRỌNG TÂM", []),
        ("cán bộ Tư pháp xã", []),
        ("Hội nghị tổng kết tại Hội trường", []),
        ("trong trường hợp cần thiết", []),
        ("theo Bộ Luật Lao động", []),
        ("Ban hành chính sách mới", []),
        ("ổn định thị trường", []),
        ("BÁO CÁO KẾT QUẢ", []),
        ("Phòng, chống dịch bệnh", []),
        ("xử lý các vụ việc", []),
        ("lập các bộ hồ sơ", []),
        ("xây dựng chính phủ điện tử", []),
        ("số 06-CT/TU và 12/UBND-VX", []),
    ],
)
def test_find_bodies(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_bodies(text)
    assert [(m.text, m.kind) for m in found] == expected
    assert all(text[m.start : m.end] == m.text for m in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Giám đốc Sở GDĐT", "Giám đốc Sở Giáo dục và Đào tạo"),
        ("UBND các tỉnh, TP trực thuộc TW", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"),
        ("Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
        ("CT, các PCT UBND tỉnh", "Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân tỉnh"),
        ("Bộ Nông nghiệp và PTNT", "Bộ Nông nghiệp và Phát triển nông thôn"),
    ],
)
def test_find_bodies_canonical(text: str, expected: str) -> None:
    (m,) = find_bodies(text)
    assert m.canonical == expected


def test_body_match_is_frozen() -> None:
    (m,) = find_bodies("Sở Y tế")
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.start = 1  # type: ignore[misc]


def test_offsets_survive_tone_variants() -> None:
    text = "Giao Uỷ ban nhân dân tỉnh và Sở Y tế."
    found = find_bodies(text)
    assert [text[m.start : m.end] for m in found] == ["Uỷ ban nhân dân tỉnh", "Sở Y tế"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="Sở Bộ UBND HĐND tỉnh các, và Ủy ban nhân dân Phòng GD&ĐT Tài chính-/.\n", max_size=80))
def test_find_bodies_never_crashes_and_offsets_hold(text: str) -> None:
    for m in find_bodies(text):
        assert text[m.start : m.end] == m.text and m.kind in KINDS
    members(text)
    expand(text)
