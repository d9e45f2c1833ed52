"""Lines that anchor the parts of a document: the header's motto, number, date and title; the preamble's
"Căn cứ"; the closing's "Nơi nhận" and signature; an attachment's title and "kèm theo" caption.

Recognizers only: each takes one normalized line. The word lists live in data files (closing.json for
signer titles and authority prefixes, doc_types.json for type words); later stages read the same
recognizers from here.
"""

from __future__ import annotations

import re
from functools import cache

from .. import doctypes
from ..layout_repair import dien_sender, fold_same_length, is_upper_line
from ..resources import load
from ..vntext import UPPER

MOTTO = re.compile(r"^(?:c[o0]ng\s*h[o0]a\s*x[aã]?\s*h[o0]i|dang cong san viet nam)")
TIEU_NGU = re.compile(r"^d[oô]c\s*l[aâ]p\s*[-–—]")
NUMBER = re.compile(r"^(?:S[ốô]|SỐ)\s*:?\s*[0-9OoIlÏÌ|][\w.]*\s*[/-]\s*\S")
DAY_MONTH_YEAR = r"ng[aàáả][yvý]\s+(?P<d>\S{1,2}(?:\s\d)?)\s+th[aá]ng\s+(?P<m>\S{1,2}(?:\s\d)?)\s+n[aă]m\s+(?P<y>\d{4})"
DATE_LINE = re.compile(rf"^(?:[^\d,][^,]{{0,60}}?,\s*)?{DAY_MONTH_YEAR}", re.I)
KINH_GUI = re.compile(r"(?i)^kính\s*gửi\b")
VV = re.compile(r"(?i)^(?:v/v|về việc)\b")
PREAMBLE = re.compile(
    r"^(?:[-–•]\s*)?(?:Căn cứ|CĂN CỨ|Theo đề nghị|Xét đề nghị|Xét Tờ trình|Xét tờ trình|Xét báo cáo|Xét|Trên cơ sở)\b"
)
DECISION = re.compile(r"(?:^|\s)(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|CHỈ THỊ|KẾT LUẬN|THÔNG BÁO|NGHỊ QUYẾT|BAN HÀNH)\s*:\s*$")
NOI_NHAN = re.compile(r"^n[oơ]i\s*nh[aậ]n\b")
CAPTION = re.compile(r"(?i)^\(?\s*(?:được\s+)?(?:ban hành\s+)?kèm theo\b")
URGENCY = re.compile(r"^(?:HỎA TỐC|THƯỢNG KHẨN|KHẨN|TUYỆT MẬT|TỐI MẬT|MẬT)\b")
APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục|BIỂU MẪU|Biểu mẫu|MẪU SỐ|Mẫu số)\b(?:\s+(?:số\s+)?[\dIVXLivx]+[a-z]?\b)?")


def is_decision(text: str) -> bool:
    """'QUYẾT ĐỊNH:' ending the preamble, alone or at the end of the last legal basis."""
    t = text.strip(" *")
    m = DECISION.search(t)
    return m is not None and (m.start() == 0 or is_upper_line(t[m.start() :]))


def opens_addressees(text: str) -> bool:
    """'Kính gửi:', or a công điện's 'THỦ TƯỚNG CHÍNH PHỦ điện:' before its list of addressees."""
    return KINH_GUI.match(text.strip(" *")) is not None or dien_sender(text) is not None


def is_date_line(text: str) -> bool:
    """The header's place and date, alone on the line: 'Hà Nội, ngày 05 tháng 3 năm 2024'."""
    t = text.strip(" *")
    m = DATE_LINE.match(t)
    return m is not None and m.end() >= len(t.rstrip(" .")) - 2


def is_motto(text: str) -> bool:
    """'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'ĐẢNG CỘNG SẢN VIỆT NAM' (also OCR-damaged)."""
    return bool(MOTTO.match(fold_same_length(text.strip(" |*"))))


def is_tieu_ngu(text: str) -> bool:
    return bool(TIEU_NGU.match(fold_same_length(text.strip(" |*"))))


def is_title(text: str) -> bool:
    """A type word alone in capitals: 'CHỈ THỊ', 'QUYẾT ĐỊNH', 'KẾ HOẠCH', 'CÔNG ĐIỆN'."""
    t = text.strip(" :*")
    return bool(t) and is_upper_line(t) and doctypes.from_word(t) is not None


def is_title_start(text: str) -> bool:
    """A title in capitals with its subject on the same line: 'KẾ HOẠCH TRIỂN KHAI ...'."""
    if not is_upper_line(text):
        return False
    words = text.split()
    return any(doctypes.from_word(" ".join(words[:n])) for n in (1, 2, 3) if len(words) > n)


@cache
def _authority() -> re.Pattern[str]:
    alts = "|".join(re.escape(a["re"]) for a in sorted(load("closing.json")["authority"], key=lambda a: -len(a["re"])))
    return re.compile(rf"(?<![\w/])({alts})(?:\s*\.\s*|\s+)(?={UPPER})")


def authority() -> re.Pattern[str]:
    """'KT.', 'TM.', 'TL.', 'TUQ.', 'Q.', 'K/T' before a capital: signing on someone's behalf."""
    return _authority()


@cache
def authority_codes() -> dict[str, str]:
    return {a["re"]: a["code"] for a in load("closing.json")["authority"]}


@cache
def titles() -> re.Pattern[str]:
    """Signer titles in capitals ('PHÓ CHỦ TỊCH', 'BỘ TRƯỞNG'), longest first."""
    words = sorted(set(load("closing.json")["titles"]), key=len, reverse=True)
    return re.compile(r"(?<!\S)(" + "|".join(re.escape(t) for t in words) + r")(?!\S)")


def is_signer_line(text: str) -> bool:
    """'KT. CHỦ TỊCH', 'THỦ TƯỚNG Nguyễn Tấn Dũng', 'CHÁNH VĂN PHÒNG'."""
    t = text.strip()
    if _authority().match(t):
        return True
    return bool(titles().match(t)) and t.split(" ")[0].isupper()


def is_noi_nhan(text: str) -> bool:
    return bool(NOI_NHAN.match(fold_same_length(text.strip(" *"))))


_ARCHIVE = re.compile(r"^[-–•*+\s]*L[ưu]u\s*:", re.I)
_COPIES = re.compile(r"\d{1,3}\s*(?:bản|b)\b")


def is_archive_tail(prev: str, t: str) -> bool:
    """The archive line goes on below: 'Lưu: VT, HCC, NC.' / 'Huy (23 bản)' — the drafter's initials and the
    number of copies that end it, broken onto a line of their own."""
    return bool(_ARCHIVE.match(prev)) and len(t.strip()) <= 40 and bool(_COPIES.search(t))


def is_recipient_line(t: str) -> bool:
    """A line of the 'Nơi nhận' list: '- Sở Tài chính;', or an item whose bullet the converter dropped
    ('Như trên;', 'Như Điều 3;')."""
    t = t.strip()
    return len(t) <= 300 and (t.startswith(("-", "+", "•", "*", "_", "–")) or (len(t) <= 120 and t.endswith(";")))
