"""Legacy Vietnamese encodings: TCVN3 (ABC), VNI-Windows and Windows-1258, read and repaired."""

import random
import time

import pytest

from directive_nlp.errors import InputError
from directive_nlp.legacy_encodings import decode_legacy_bytes, encode_legacy, repair_legacy_text
from directive_nlp.resources import load

# written for these tests, in the style of a directive; TCVN3 cannot carry a toned capital
# at the start of a mixed-case word, so these lines have none (see test_tcvn3_mixed_case_capital)
LINES = [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    "KẾ HOẠCH TRIỂN KHAI CÔNG TÁC PHÒNG, CHỐNG THIÊN TAI NĂM 2024",
    "Căn cứ Thông tư số 12/2019/TT-BGDĐT, các trường tổ chức kiểm tra trước ngày 30 tháng 6 năm 2020.",
    "Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc thực hiện; định kỳ hằng quý gửi báo cáo về Văn phòng.",
    "Giao Sở Tài chính chủ trì, phối hợp với các sở, ngành liên quan hướng dẫn sử dụng kinh phí đúng mục đích.",
    "Chậm nhất ngày 15/10/2021, các huyện gửi kết quả rà soát về Sở Nội vụ để tổng hợp, báo cáo Tỉnh ủy.",
    "Điều 3. Chánh Văn phòng, Giám đốc các sở chịu trách nhiệm thi hành Quyết định này.",
    "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH",
]

TCVN3 = [
    ("Céng hßa x· héi chñ nghÜa ViÖt Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("Uû ban nh©n d©n tØnh", "Uỷ ban nhân dân tỉnh"),
    ("Uû BAN NH¢N D¢N TØNH", "UỶ BAN NHÂN DÂN TỈNH"),
    ("Së Gi¸o dôc vµ §µo t¹o", "Sở Giáo dục và Đào tạo"),
    ("Th«ng t\xad sè 12/2019/TT-BGD§T", "Thông tư số 12/2019/TT-BGDĐT"),
    ("c¸c tr\xadêng tæ chøc kiÓm tra ®Õn hÕt n¨m häc", "các trường tổ chức kiểm tra đến hết năm học"),
    ("nh÷ng c¬ së b»ng v¨n b¶n cÇn cÊp sÏ ®\xadîc h\xadíng dÉn", "những cơ sở bằng văn bản cần cấp sẽ được hướng dẫn"),
    ("vÒ t×nh h×nh kü thuËt vµ hç trî", "về tình hình kỹ thuật và hỗ trợ"),
    ("tïy theo còng sö dông tõ nguån", "tùy theo cũng sử dụng từ nguồn"),
    ("gi÷ g×n søc khoÎ, diÔn tËp cã theo dâi", "giữ gìn sức khoẻ, diễn tập có theo dõi"),
    ("TH¤NG B¸O KÕT LUËN", "THÔNG BÁO KẾT LUẬN"),
]

VNI = [
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("Thoâng tö soá 12/2019/TT-BGDÑT", "Thông tư số 12/2019/TT-BGDĐT"),
    ("naêm nay baèng kinh phí ñaëc bieät", "năm nay bằng kinh phí đặc biệt"),
    ("laàn thöù hai theå hieän roõ höôùng daãn", "lần thứ hai thể hiện rõ hướng dẫn"),
    ("ôû caùc tröôøng hoïc", "ở các trường học"),
    ("UÛY BAN NHAÂN DAÂN TÆNH", "ỦY BAN NHÂN DÂN TỈNH"),
    ("chæ thò cuûa Thuû töôùng veà kyø hoïp", "chỉ thị của Thủ tướng về kỳ họp"),
    ("Myõ, Nhaät, Haøn; ñònh kyø baùo caùo", "Mỹ, Nhật, Hàn; định kỳ báo cáo"),
]


def as_bytes(legacy: str) -> bytes:
    """The bytes a legacy file holds for text written as it looks through Windows-1252."""
    return legacy.encode("cp1252")


@pytest.mark.parametrize(("legacy", "expected"), TCVN3)
def test_tcvn3_text(legacy, expected):
    assert repair_legacy_text(legacy) == (expected, "tcvn3")


@pytest.mark.parametrize(("legacy", "expected"), VNI)
def test_vni_text(legacy, expected):
    assert repair_legacy_text(legacy) == (expected, "vni")


@pytest.mark.parametrize(("legacy", "expected", "name"), [(*c, "tcvn3") for c in TCVN3] + [(*c, "vni") for c in VNI])
def test_legacy_bytes(legacy, expected, name):
    assert decode_legacy_bytes(as_bytes(legacy)) == (expected, name)


@pytest.mark.parametrize(("legacy", "expected"), [(legacy, expected) for legacy, expected in TCVN3[:3]])
def test_tcvn3_encoder_writes_the_known_bytes(legacy, expected):
    assert encode_legacy(expected, "tcvn3") == as_bytes(legacy)


@pytest.mark.parametrize(("legacy", "expected"), VNI)
def test_vni_encoder_writes_the_known_bytes(legacy, expected):
    assert encode_legacy(expected, "vni") == as_bytes(legacy)


@pytest.mark.parametrize(
    ("text", "cp1258"),
    [
        ("Việt Nam", b"Vi\xea\xf2t Nam"),
        ("Độc lập", b"\xd0\xf4\xf2c l\xe2\xf2p"),
        ("trường", b"tr\xfd\xf5\xccng"),
    ],
)
def test_cp1258_encoder_uses_combining_tones(text, cp1258):
    assert encode_legacy(text, "windows-1258") == cp1258
    assert decode_legacy_bytes(cp1258) == (text, "windows-1258")


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "windows-1258"])
@pytest.mark.parametrize("line", LINES)
def test_round_trip_line(line, encoding):
    assert decode_legacy_bytes(encode_legacy(line, encoding)) == (line, encoding)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "windows-1258"])
def test_round_trip_document(encoding):
    doc = "\n".join(LINES) + "\n"
    data = encode_legacy(doc, encoding)
    assert data != doc.encode("utf-8")
    assert decode_legacy_bytes(data) == (doc, encoding)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_repair_document_in_a_legacy_font(encoding):
    doc = "\r\n".join(LINES)
    assert repair_legacy_text(encode_legacy(doc, encoding).decode("cp1252")) == (doc, encoding)


def test_tcvn3_mixed_case_capital():
    # .VnTime has no "Ủ": typists used the lower-case code, so it reads back in lower case
    assert encode_legacy("Ủy ban", "tcvn3") == b"\xf1y ban"
    assert decode_legacy_bytes(encode_legacy("Ủy ban nhân dân tỉnh", "tcvn3"))[0] == "ủy ban nhân dân tỉnh"


@pytest.mark.parametrize(
    ("lines", "converted", "name"),
    [
        # legacy lines among Unicode ones: only the legacy lines change
        (
            ["Céng hßa x· héi chñ nghÜa ViÖt Nam", "Độc lập - Tự do - Hạnh phúc", "Hµ Néi, ngµy 05 th¸ng 3 n¨m 2024"],
            [0, 2],
            "tcvn3",
        ),
        (
            ["Kính gửi: Ủy ban nhân dân các huyện", "C¸c c¬ quan b¸o c¸o tr\xadíc ngµy 20/12/2024.", "Nơi nhận:"],
            [1],
            "tcvn3",
        ),
        (["Ông Muñoz, chuyên gia của tổ chức Liên hợp quốc, làm việc với Sở Y tế", "Tæ chøc kiÓm tra"], [1], "tcvn3"),
        (["Thöïc hieän nghieâm caùc noäi dung treân", "Các đơn vị thực hiện nghiêm các nội dung trên"], [0], "vni"),
    ],
)
def test_mixed_documents(lines, converted, name):
    fixed, found = repair_legacy_text("\n".join(lines))
    out = fixed.split("\n")
    assert [i for i, (a, b) in enumerate(zip(lines, out, strict=True)) if a != b] == converted
    assert found == name


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(LINES),
        "Ông Muñoz, chuyên gia của tổ chức Liên hợp quốc, làm việc với Sở Y tế về kế hoạch năm 2025.",
        "Bản quyền © 2024 Cổng thông tin điện tử tỉnh; nhiệt độ 25°C; «Tin tức»",
        "Làm rõ trách nhiệm của tập thể, cá nhân; có văn bản gửi về Sở trước ngày 05/11/2024.",
        "Le ministère a publié un décret à Paris.",
        "",
    ],
)
def test_unicode_text_untouched(text):
    assert repair_legacy_text(text) == (text, None)


def test_plain_unicode_is_fast():
    text = ("\n".join(LINES) + "\n") * 2000
    start = time.perf_counter()
    for _ in range(5):
        assert repair_legacy_text(text)[1] is None
    assert (time.perf_counter() - start) / 5 < 0.05


@pytest.mark.parametrize(
    "data",
    [
        bytes(random.Random(7).randrange(256) for _ in range(4000)),
        bytes(random.Random(8).randrange(128, 256) for _ in range(500)),
        "Le ministère de la santé a publié un décret pour les hôpitaux de la région; les élèves étudient à l'école.".encode(
            "latin-1"
        ),
        "Die Schüler müssen die Prüfung bis Ende März ablegen, wie das Ministerium erklärt hat.".encode("latin-1"),
        b"\x00\x01\x02\xff\xfe\x80\x81" * 50,
    ],
)
def test_refuses_what_is_not_vietnamese(data):
    with pytest.raises(InputError, match="not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI"):
        decode_legacy_bytes(data)


@pytest.mark.parametrize(("text", "encoding"), [("µ", "tcvn3"), ("漢字", "vni"), ("x", "utf-7")])
def test_encoder_refuses_what_it_cannot_carry(text, encoding):
    with pytest.raises(ValueError):
        encode_legacy(text, encoding)


@pytest.mark.parametrize("name", ["tcvn3", "vni"])
def test_data_file_examples(name):
    legacy, expected = load("legacy_encodings.json")[name]["#"].split(" -> ")
    assert repair_legacy_text(legacy) == (expected, name)
    assert decode_legacy_bytes(as_bytes(legacy)) == (expected, name)
    assert encode_legacy(expected, name) == as_bytes(legacy)


def test_tcvn3_table_is_one_to_one():
    table = load("legacy_encodings.json")["tcvn3"]["map"]
    assert len(set(table.values())) == len(table) == 74  # 7 capitals, 7 small letters, 12 vowels x 5 tones
    assert all(0xA1 <= ord(k) <= 0xFE for k in table)
