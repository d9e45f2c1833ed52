import pytest

from directive_nlp.vntext import fold, is_syllable, normalize_tone, normalize_tones


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("hoà", "hòa"),
        ("HOÀ", "HÒA"),
        ("thuỷ", "thủy"),
        ("Uỷ", "Ủy"),
        ("qúy", "quý"),
        ("quý", "quý"),
        ("khoẻ", "khỏe"),
        ("hoá", "hóa"),
        ("HOẢ", "HỎA"),
        ("người", "người"),
        ("quyết", "quyết"),
        ("giữ", "giữ"),
        ("già", "già"),
        ("ngoài", "ngoài"),
        ("hoàn", "hoàn"),
        ("Tỉnh", "Tỉnh"),
        ("mía", "mía"),
        ("của", "của"),
    ],
)
def test_tone_placement(word, expected):
    assert normalize_tone(word) == expected


def test_tones_in_running_text_keep_length():
    text = "Ủy ban nhân dân tỉnh Khánh Hoà, Sở Tài nguyên và Môi trường thuỷ lợi"
    out = normalize_tones(text)
    assert out == "Ủy ban nhân dân tỉnh Khánh Hòa, Sở Tài nguyên và Môi trường thủy lợi"
    assert len(out) == len(text)


@pytest.mark.parametrize(
    ("token", "ok"),
    [
        ("Chính", True),
        ("nghiêng", True),
        ("Hội", True),
        ("tươi", True),
        ("nh", False),
        ("tướ", False),
        ("hồch", False),
        ("UBND", False),
        ("x", False),
        ("khuya", True),
    ],
)
def test_syllable_shape(token, ok):
    assert is_syllable(token) is ok


def test_fold():
    assert fold("  Sở Giáo dục  và Đào tạo ") == "so giao duc va dao tao"
