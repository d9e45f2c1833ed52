"""Stage 2 — header: issuing body, number and symbol, place and date, type and subject,
urgency and secrecy marks, the "Kính gửi" addressees.

Works on the normalized lines of the document's top. Anything missing stays null and
adds a warning; nothing here raises on odd input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import doctypes
from .layout_repair import fold_same_length, is_upper_line
from .numbering import match_label
from .schema import Header


@dataclass
class HeaderResult:
    header: Header
    body_start: int  # offset where the body (after subject / Kính gửi) begins
    own_number_spans: list[tuple[int, int]] = field(default_factory=list)
    date_span: tuple[int, int] | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def split_lines(text: str) -> list[Line]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return out


_QUOC_HIEU = re.compile(r"^(c[o0]ng\s*h[o0]a|dang cong san viet nam)")
_TIEU_NGU = re.compile(r"^d[oô]c\s*l[aâ]p")
_NUMBER = re.compile(r"^S[ốô]\s*:?\s*(?P<num>[0-9OoIlÏÌ|][^\s]*(?:\s*[/-]\s*[^\s]+)*)", re.I)
_META = re.compile(
    r"^(?P<key>số ký hiệu|số hiệu|ký hiệu|số văn bản|ngày ban hành|ngày ký|loại văn bản|cơ quan ban hành|người ký"
    r"|trích yếu)"
    r"\s*:\s*(?P<val>.+)$",
    re.I,
)
_LEDE = re.compile(
    r"(?:ban hành|đã ban hành|ký ban hành)\s+(?P<type>[A-ZĐ][\wÀ-ỹ ]{2,20}?)\s+số\s+(?P<num>\d[\w/.-]*[\w])"
)
_DAY_MONTH_YEAR = (
    r"ng[aàáả][yvý]\s+(?P<d>\S{1,2}(?:\s\d)?)\s+th[aá]ng\s+(?P<m>\S{1,2}(?:\s\d)?)\s+n[aă]m\s+(?P<y>\d{4})"
)
_DATE = re.compile(rf"(?:(?P<place>[^\d,][^,]{{0,60}}?)\s*,\s*)?{_DAY_MONTH_YEAR}", re.I)
_DATE_CORE = re.compile(_DAY_MONTH_YEAR, re.I)  # in every match of _DATE


def _date_search(text: str) -> re.Match[str] | None:
    """_DATE.search, skipped on the many lines without a date (its optional place part
    makes the search slow: it is tried from every position)."""
    return _DATE.search(text) if _DATE_CORE.search(text) else None


_URGENCY = re.compile(r"^(HỎA TỐC|THƯỢNG KHẨN|KHẨN)(\s*[-–]\s*.*)?$")
_SECRET = re.compile(r"^(TUYỆT MẬT|TỐI MẬT|MẬT)$")
_OCR_DIGITS = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "Q": "0",
        "D": "0",
        "I": "1",
        "l": "1",
        "Ï": "1",
        "Ì": "1",
        "Í": "1",
        "ì": "1",
        "í": "1",
        "|": "1",
        "!": "1",
        "S": "5",
        "s": "5",
        "B": "8",
        "Z": "2",
        "z": "2",
        "G": "6",
        "g": "9",
        "q": "9",
    }
)
_ISSUER_HEADS = re.compile(
    r"\s(?=(?:TỔNG CỤC|CHI CỤC|CỤC|SỞ|PHÒNG|VỤ|VĂN PHÒNG|BAN|TRUNG TÂM|TRƯỜNG|VIỆN|THANH TRA|KHO BẠC|"
    r"BỆNH VIỆN|ĐẢNG ỦY|HUYỆN ỦY|TỈNH ỦY|THÀNH ỦY|CHI BỘ)\b)"
)


def clean_number(raw: str) -> str | None:
    """'4489 /TCT-TTKT' → '4489/TCT-TTKT'; '5Ï/TCT-TTKT' → '51/TCT-TTKT'; '..../QĐ' → None."""
    s = re.sub(r"\s+", "", raw).rstrip(".,;:")
    if "/" not in s and "-" not in s:
        return None
    head, sep, tail = s.partition("/") if "/" in s else s.partition("-")
    core = head.split("-")[0]
    if re.search(r"\d", core) and not core.isdigit() and core.translate(_OCR_DIGITS).isdigit():
        head = core.translate(_OCR_DIGITS) + head[len(core) :]
    if not re.fullmatch(r"\d+[A-Za-zĐđ]?(-[A-ZĐ]+)?", head):
        return None if not re.search(r"\d", head) else s
    return head + sep + tail


def parse_date(d: str, m: str, y: str) -> str | None:
    try:
        return date(int(y), int(re.sub(r"\s", "", m)), int(re.sub(r"\s", "", d))).isoformat()
    except ValueError:
        return None


def _find_date(lines: list[Line]) -> tuple[Line, re.Match[str]] | None:
    for ln in lines:
        m = _date_search(ln.text)
        if m and (m.group("place") or m.start() == 0):
            return ln, m
    return None


def _issuer(lines: list[Line], stop: int) -> tuple[str | None, str | None]:
    """Upper-case lines above the number that are not the Quốc hiệu / Tiêu ngữ."""
    names: list[str] = []
    for ln in lines[:stop]:
        t = ln.text.strip(" -–—|")
        f = fold_same_length(t)
        if not t or _QUOC_HIEU.match(f) or _TIEU_NGU.match(f) or _URGENCY.match(t) or _SECRET.match(t):
            continue
        if doctypes.from_word(t) or match_label(t):
            break
        if is_upper_line(t) and len(t) < 120:
            names.append(t)
    if not names:
        return None, None
    if len(names) == 1:
        parts = _ISSUER_HEADS.split(names[0], maxsplit=1)
        if len(parts) == 2 and len(parts[0].split()) >= 2:
            return parts[1].strip(), parts[0].strip()
        return names[0], None
    return names[-1], " ".join(names[:-1])


def _doc_type(title: str | None, number: str | None, has_vv: bool) -> tuple[str, str] | tuple[None, None]:
    if title:
        hit = doctypes.from_word(title)
        if hit:
            return hit
    if number:
        hit = doctypes.from_symbol(number)
        if hit:
            return hit
    if has_vv or number:
        return doctypes.from_word("công văn") or (None, None)
    return None, None


def _title_line(lines: list[Line]) -> int | None:
    for i, ln in enumerate(lines):
        t = ln.text.strip()
        if is_upper_line(t) and doctypes.from_word(t):
            return i
    return None


def parse_header(text: str, *, signed_at: str | None = None) -> HeaderResult:
    """Read the header fields from the first lines of a normalized document."""
    lines = split_lines(text)
    top = lines[:30]
    h = Header()
    warnings: list[str] = []
    own: list[tuple[int, int]] = []
    stop = len(top)
    for i, ln in enumerate(top):
        m = _NUMBER.match(ln.text)
        if m:
            h.number = clean_number(m.group("num"))
            own.append((ln.start, ln.end))
            stop = i
            break
    meta = _metadata(top)
    own += [(ln.start, ln.end) for ln in top if _META.match(ln.text.strip())]
    if h.number is None and meta.get("number"):
        h.number = clean_number(meta["number"])
    dated = _find_date(top)
    date_span = None
    if dated:
        ln, m = dated
        stop = min(stop, top.index(ln))
        place = (m.group("place") or "").strip(" ,-|")
        h.place = place or None
        h.issued_date = parse_date(m.group("d"), m.group("m"), m.group("y"))
        h.issued_date_source = "date_line" if h.issued_date else None
        date_span = (ln.start + m.start(), ln.start + m.end())
    if not h.issued_date and meta.get("date"):
        h.issued_date, h.issued_date_source = meta["date"], "date_line"
    lede = _LEDE.search(text[:3000]) if h.number is None else None
    if lede and doctypes.from_word(lede.group("type")):
        h.number = clean_number(lede.group("num"))
        meta.setdefault("type", lede.group("type"))
        if not h.issued_date:
            h.issued_date = _lede_date(text[: lede.start()])
    if not h.issued_date and signed_at:
        h.issued_date, h.issued_date_source = signed_at[:10], "signature"
        warnings.append("issue date unreadable in the date line; taken from the signature stamp")
    anchored = stop < len(top) or any(_QUOC_HIEU.match(fold_same_length(ln.text)) for ln in top[:12])
    if anchored:
        h.issuer, h.issuer_parent = _issuer(top, stop)
    for ln in top[:12]:
        t = ln.text.strip()
        if _URGENCY.match(t):
            h.urgency = _URGENCY.match(t).group(1)  # type: ignore[union-attr]
        if _SECRET.match(t):
            h.confidentiality = t
    body_start = _subject_and_addressees(top, h)
    title = _title_text(top) or meta.get("type") or _sentence_title(top)
    h.doc_type, h.doc_type_name = _doc_type(title, h.number, _has_vv(top))
    if h.issuer is None and meta.get("issuer"):
        h.issuer = meta["issuer"]
    if h.subject is None and meta.get("subject"):
        h.subject = meta["subject"]
    for key, label in (("number", "number"), ("issued_date", "issue date"), ("doc_type", "document type")):
        if getattr(h, key) is None:
            warnings.append(f"header: no {label} found")
    h.start, h.end = 0, body_start
    return HeaderResult(h, body_start, own, date_span, warnings)


def _metadata(top: list[Line]) -> dict[str, str]:
    """Web pages list a document's fields: 'Số ký hiệu: ...', 'Ngày ban hành: ...'."""
    keys = {
        "số ký hiệu": "number",
        "số hiệu": "number",
        "ký hiệu": "number",
        "số văn bản": "number",
        "ngày ban hành": "date",
        "ngày ký": "date",
        "loại văn bản": "type",
        "cơ quan ban hành": "issuer",
        "người ký": "signer",
        "trích yếu": "subject",
    }
    out: dict[str, str] = {}
    for ln in top:
        m = _META.match(ln.text.strip())
        if not m:
            continue
        key, val = keys[m.group("key").lower()], m.group("val").strip()
        if key == "date":
            d = re.search(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", val)
            iso = parse_date(d.group(1), d.group(2), d.group(3)) if d else None
            if iso:
                out[key] = iso
        else:
            out.setdefault(key, val)
    return out


def _lede_date(before: str) -> str | None:
    """'Ngày 31/10/2023, Sở ... ban hành Hướng dẫn số ...': the date that opens the sentence."""
    sentence = re.split(r"[.!?]\s", before)[-1]
    m = re.search(r"(?i)ngày\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", sentence)
    return parse_date(m.group(1), m.group(2), m.group(3)) if m else None


def _sentence_title(top: list[Line]) -> str | None:
    """A web page's title line in sentence case: 'Hướng dẫn tổ chức kiểm tra ...'."""
    for ln in top[:8]:
        words = ln.text.split()
        for n in (3, 2):
            if len(words) > n and doctypes.from_word(" ".join(words[:n])):
                return " ".join(words[:n])
    return None


def _title_text(top: list[Line]) -> str | None:
    i = _title_line(top)
    return top[i].text if i is not None else None


def _has_vv(top: list[Line]) -> bool:
    return any(re.match(r"(?i)v/v\b", ln.text) for ln in top)


def _subject_and_addressees(top: list[Line], h: Header) -> int:
    """Fill subject and addressees; return the offset where the body starts."""
    end = 0
    for i, ln in enumerate(top):
        t = ln.text
        lab = match_label(t)
        if lab is not None and lab.kind != "bullet" and i > 0:
            break
        if _NUMBER.match(t) or _date_search(t) or is_upper_line(t):
            end = max(end, ln.end + 1)
        m = re.match(r"(?i)^v/v\s*:?\s*(.*)$", t)
        if m and not h.subject:
            h.subject = "V/v " + m.group(1).strip()
            end = max(end, ln.end + 1)
        if re.match(r"(?i)^kính gửi\s*:?", t):
            h.addressees = _addressees(top, i)
            end = max(end, _addressee_end(top, i))
            break
        if re.match(r"(?i)^(căn cứ|thực hiện|xét đề nghị|theo đề nghị)\b", t) or (
            len(t) > 160 and not is_upper_line(t)
        ):
            break
    ti = _title_line(top)
    if ti is not None and not h.subject and ti + 1 < len(top):
        nxt = top[ti + 1].text
        if is_upper_line(nxt) or re.match(r"(?i)^(về|v/v|kết luận|ban hành)", nxt):
            h.subject = nxt.strip()
            end = max(end, top[ti + 1].end + 1)
    return end


def _addressees(top: list[Line], i: int) -> list[str]:
    first = re.sub(r"(?i)^kính gửi\s*:?\s*", "", top[i].text).strip()
    items = [first] if first else []
    for ln in top[i + 1 :]:
        if not ln.text.startswith(("-", "+", "•")):
            break
        items.append(ln.text)
    return [re.sub(r"^[-+•]\s*", "", x).strip().rstrip(";.,").strip() for x in items if x.strip()]


def _addressee_end(top: list[Line], i: int) -> int:
    end = top[i].end + 1
    for ln in top[i + 1 :]:
        if not ln.text.startswith(("-", "+", "•")):
            break
        end = ln.end + 1
    return end
