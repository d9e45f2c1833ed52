"""Properties over generated input: the pipeline never crashes, every offset points into
the text it returns, and normalizing twice changes nothing."""

from hypothesis import given, settings
from hypothesis import strategies as st

from directive_nlp import extract
from directive_nlp.normalize import normalize

PIECES = [
    "Số: 04/CT-UBND",
    "Hà Nội, ngày 05 tháng 3 năm 2023",
    "CHỈ THỊ",
    "V/v ",
    "Kính gửi:",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT.",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Lê Văn An",
    "I. NHIỆM VỤ",
    "1. ",
    "2.1. ",
    "a) ",
    "- ",
    "Điều 1. ",
    "Sở Y tế",
    "chủ trì, phối hợp với",
    "UBND các huyện, thị xã, thành phố",
    "trước ngày 20/12",
    "trước 17g00 ngày 11/3/2022",
    "Thông tư số 51/2020/TT-BGDĐT",
    "Quý II/2023",
    "hằng tháng",
    "| a | b |",
    "|---|---|",
    "--- PAGE BREAK ---",
    "**",
    "Giao",
    "yêu cầu",
    "có trách nhiệm",
    ":",
    ";",
    ".",
    ",",
    "\n",
    "\n\n",
    " ",
    "(",
    ")",
    "Đối với cấp mầm non:",
]


@settings(max_examples=120, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=60))
def test_extract_never_crashes_and_offsets_hold(parts):
    doc = extract("".join(parts))
    n = len(doc.text)
    for span in [*doc.sections, *doc.recipients, *doc.legal_references, *doc.deadlines, *doc.tasks]:
        assert 0 <= span.start <= span.end <= n
    for t in doc.tasks:
        assert doc.text[t.start : t.end] == t.text
        for a in t.actors:
            if a.start is not None and a.end is not None:
                assert doc.text[a.start : a.end] == a.name


LINE_PIECES = [  # whole lines as documents have them (bare labels and table rows are exercised above)
    "Số: 04/CT-UBND",
    "Hà Nội, ngày 05 tháng 3 năm 2023",
    "CHỈ THỊ",
    "V/v tăng cường phòng chống dịch",
    "Kính gửi: Sở Y tế.",
    "Nơi nhận:",
    "- Như trên;",
    "- Lưu: VT.",
    "KT. CHỦ TỊCH",
    "PHÓ CHỦ TỊCH",
    "Lê Văn An",
    "I. NHIỆM VỤ",
    "1. Sở Y tế chủ trì, phối hợp với các địa phương.",
    "2.1. Đối với cấp mầm non:",
    "a) Tổ chức tập huấn trước ngày 20/12.",
    "- Báo cáo hằng tháng.",
    "Điều 1. Ban hành kèm theo Quyết định này.",
    "Thông tư số 51/2020/TT-BGDĐT",
    "--- PAGE BREAK ---",
    "**TL. GIÁM ĐỐC",
    "CHÁNH VĂN PHÒNG**",
    "các đơn vị,",
    "thực hiện nghiêm túc.",
    "Trên đây là kết luận.",
    "Căn cứ Luật Tổ chức chính quyền địa phương;",
]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(st.sampled_from(LINE_PIECES), min_size=1, max_size=1), max_size=30))
def test_normalize_is_idempotent_on_document_lines(lines):
    once = normalize("\n".join(" ".join(words) for words in lines)).text
    assert normalize(once).text == once
