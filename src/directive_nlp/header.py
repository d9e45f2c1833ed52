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
from .layout_repair import dien_sender, fold_same_length, is_name_token, is_upper_line, opens_with_authority
from .numbering import match_label
from .schema import Header
from .zones import DOCUMENT_KINDS, Zones
from .zones.anchors import DAY_MONTH_YEAR as _DAY_MONTH_YEAR
from .zones.anchors import opens_addressees
from .zones.furniture import meta_key, meta_keys, site_caption
from .zones.lines import Line, split_lines


@dataclass
class HeaderResult:
    header: Header
    body_start: int  # offset where the body (after subject / Kính gửi) begins
    own_number_spans: list[tuple[int, int]] = field(default_factory=list)
    date_span: tuple[int, int] | None = None
    warnings: list[str] = field(default_factory=list)
    listed_signer: str | None = None  # the signer the page's metadata table names ('Người ký: ...')


_QUOC_HIEU = re.compile(r"^(c[o0]ng\s*h[o0]a|dang cong san viet nam)")
_TIEU_NGU = re.compile(r"^d[oô]c\s*l[aâ]p")
_NUMBER = re.compile(r"^S[ốô]\s*:?\s*(?P<num>[0-9OoIlÏÌ|][^\s]*(?:\s*[/-]\s*[^\s]+)*)", re.I)
_LEDE = re.compile(
    r"(?:ban hành|đã ban hành|ký ban hành)\s+(?P<type>[A-ZĐ][\wÀ-ỹ ]{2,20}?)\s+số\s+(?P<num>\d[\w/.-]*[\w])"
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
    names = _rejoin_name_lines(names)
    if not names:
        return None, None
    if len(names) == 1:
        parts = _ISSUER_HEADS.split(names[0], maxsplit=1)
        if len(parts) == 2 and len(parts[0].split()) >= 2 and len(parts[1].split()) >= 2:  # not 'BỘ QUỐC' 'PHÒNG'
            return parts[1].strip(), parts[0].strip()
        return names[0], None
    return names[-1], " ".join(names[:-1])


_NAME_JOINERS = frozenset({"VÀ", "VỀ", "CỦA", "THUỘC", "TẠI"})
_LONE_HEADS = frozenset({"BỘ", "CỤC", "TỔNG CỤC", "CHI CỤC", "SỞ", "BAN", "VỤ", "PHÒNG", "VĂN PHÒNG", "ỦY BAN"})


def _rejoin_name_lines(names: list[str]) -> list[str]:
    """Issuer lines a layout broke inside a name: 'BỘ QUỐC' / 'PHÒNG', 'BỘ NÔNG NGHIỆP VÀ MÔI' / 'TRƯỜNG',
    'CỤC' / 'HẢI QUAN', 'BAN CHỈ ĐẠO NHÀ NƯỚC' / 'VỀ DU LỊCH': a line of one word, a line that is a lone
    head word, or one that opens or ends on a joining word, goes with its neighbour."""
    out: list[str] = []
    for name in names:
        words = name.split()
        if out and (
            len(words) == 1
            or words[0] in _NAME_JOINERS
            or out[-1] in _LONE_HEADS
            or out[-1].split()[-1] in _NAME_JOINERS
        ):
            out[-1] = f"{out[-1]} {name}"
            continue
        head = next((h for h in _LONE_HEADS if out and out[-1].endswith(" " + h)), None)
        if head is not None:  # 'BỘ TÀI CHÍNH CỤC' / 'HẢI QUAN': the head word goes with its name
            out[-1] = out[-1][: -len(head) - 1]
            name = f"{head} {name}"
        out.append(name)
    return out


def _doc_type(title: str | None, number: str | None, has_vv: bool) -> tuple[str, str] | tuple[None, None]:
    """From the title word; a letter with a 'V/v' subject is a công văn whatever its symbol says
    ('5333/CT-CS': CT is the issuing Cục Thuế, not a chỉ thị); then from the symbol."""
    if title:
        hit = doctypes.from_word(title)
        if hit:
            return hit
    if has_vv:
        return doctypes.from_word("công văn") or (None, None)
    if number:
        hit = doctypes.from_symbol(number)
        if hit:
            return hit
        return doctypes.from_word("công văn") or (None, None)
    return None, None


def _title_line(lines: list[Line]) -> int | None:
    for i, ln in enumerate(lines):
        t = ln.text.strip()
        if is_upper_line(t) and doctypes.from_word(t):
            return i
    return None


def parse_header(text: str, zones: Zones, *, signed_at: str | None = None) -> HeaderResult:
    """Read the header fields from the header zone of a normalized document; where the document has no
    header of its own (or the field is not in it), from what it states about itself elsewhere: an
    attachment's "kèm theo" caption, the signature stamp, the page's metadata table or caption."""
    hz = zones.first("header")
    top = [ln for ln in split_lines(text) if hz is not None and hz.start <= ln.start < hz.end][:40]
    h, own, date_span, body_start = _own_header(top)
    if hz is None:
        first = next((z for z in zones.zones if z.kind in DOCUMENT_KINDS), None)
        body_start = first.start if first else 0
    else:
        body_start = max(body_start, min(len(text), hz.end + 1))
    sources = {k: "header" for k in _SOURCED if getattr(h, k)}
    if top and not (_title_text(top) or _sentence_title(top) or _has_vv(top)):
        # a type read from the symbol alone yields to the page's own word for it: in '5387/CT-CS' CT may be
        # the issuing Cục Thuế as well as a chỉ thị
        sources.pop("doc_type", None)
    warnings: list[str] = []
    facts = _self_descriptions(text, zones, signed_at)
    _fill_from_self_descriptions(h, sources, facts)
    if h.doc_type and "doc_type" not in sources:
        sources["doc_type"] = "header"
    if sources.get("issued_date") == "signature":
        warnings.append("issue date unreadable in the date line; taken from the signature stamp")
    h.issued_date_source = _DATE_SOURCE.get(sources.get("issued_date", ""))  # type: ignore[assignment]
    h.sources = dict(sorted(sources.items()))  # type: ignore[arg-type]
    if zones.is_document:
        for key, label in (("number", "number"), ("issued_date", "issue date"), ("doc_type", "document type")):
            if getattr(h, key) is None:
                warnings.append(f"header: no {label} found")
    h.start, h.end = (hz.start, hz.end) if hz is not None else (None, None)
    listed = (v for f, v, _src in facts if f == "signer" and 2 <= len(v.split()) <= 5)
    signer = next((v for v in listed if all(is_name_token(w) for w in v.split())), None)
    return HeaderResult(h, body_start, own, date_span, warnings, signer)


_SOURCED = ("number", "doc_type", "issued_date", "place", "issuer", "subject")
_DATE_SOURCE = {
    "header": "date_line",
    "signature": "signature",
    "caption": "caption",
    "metadata": "metadata",
    "lede": "lede",
}


def _own_header(top: list[Line]) -> tuple[Header, list[tuple[int, int]], tuple[int, int] | None, int]:
    """The fields the header block prints: (header, the spans of its own number, the date's span, where
    the body starts)."""
    h = Header()
    own: list[tuple[int, int]] = []
    stop = len(top)
    for i, ln in enumerate(top):
        m = _NUMBER.match(ln.text)
        if m:
            h.number = clean_number(m.group("num"))
            own.append((ln.start, ln.end))
            stop = i
            break
    dated = _find_date(top)
    date_span = None
    if dated:
        ln, m = dated
        stop = min(stop, top.index(ln))
        h.place = (m.group("place") or "").strip(" ,-|") or None
        h.issued_date = parse_date(m.group("d"), m.group("m"), m.group("y"))
        date_span = (ln.start + m.start(), ln.start + m.end())
    anchored = stop < len(top) or any(_QUOC_HIEU.match(fold_same_length(ln.text)) for ln in top[:12])
    if anchored:
        h.issuer, h.issuer_parent = _issuer(top, stop)
    if not h.issuer:  # a công điện names its sender before the addressees: 'THỦ TƯỚNG CHÍNH PHỦ điện:'
        h.issuer = next((who for who in (dien_sender(ln.text) for ln in top) if who), None)
    for ln in top[:12]:
        t = ln.text.strip()
        urgent = _URGENCY.match(t)
        if urgent:
            h.urgency = urgent.group(1)
        if _SECRET.match(t):
            h.confidentiality = t
    body_start = _subject_and_addressees(top, h) if top else 0
    if top and not h.subject and not h.number and not dated and not h.addressees:
        h.subject = top[-1].text.strip()  # a web page's title: the last line of a header without fields
    if top:
        h.doc_type, h.doc_type_name = _doc_type(_title_text(top) or _sentence_title(top), h.number, _has_vv(top))
    return h, own, date_span, body_start


Fact = tuple[str, str, str]  # (field, value, source)


def _fill_from_self_descriptions(h: Header, sources: dict[str, str], facts: list[Fact]) -> None:
    """Fill the fields the header lacks, the first fact of each field winning (facts come in order of
    trust: captions of the document's own attachments, the signature stamp, then the page's)."""
    for key, value, source in facts:
        if key in sources:
            continue
        if key == "number":
            number = clean_number(value)
            if number:
                h.number = number
                sources[key] = source
        elif key == "doc_type":
            hit = doctypes.from_word(value) or doctypes.from_symbol(value)
            if hit:
                h.doc_type, h.doc_type_name = hit
                sources[key] = source
        elif key in ("issued_date", "issuer", "subject"):
            setattr(h, key, value)
            sources[key] = source
    if "doc_type" not in sources and h.number:
        hit = doctypes.from_symbol(h.number)
        if hit:
            h.doc_type, h.doc_type_name = hit
            sources["doc_type"] = sources["number"]


def _self_descriptions(text: str, zones: Zones, signed_at: str | None) -> list[Fact]:
    facts: list[Fact] = []
    for z in zones.of("attachment", "body"):
        facts += _caption_facts(text, z.start, z.end)
    if signed_at:
        facts.append(("issued_date", signed_at[:10], "signature"))
    for z in zones.of("metadata"):
        facts += _metadata_facts(text[z.start : z.end])
    body = zones.first("body") or zones.first("attachment")
    if body is not None:
        facts += _lede_facts(text[body.start : min(body.end, body.start + 3000)])
    return facts


_CAPTION = re.compile(
    r"(?i)^\(?\s*(?:được\s+)?(?:ban hành\s+)?kèm theo\s+(?P<type>[^\W\d][\w ]{1,25}?)\s+(?:số\s*:?\s*)?"
    r"(?P<num>\d[\w.]*(?:[/-][\wĐđ.&]+)+)(?P<rest>.*)$"
)
_DMY = re.compile(r"ngày\s+(\d{1,2})\s*(?:/|tháng)\s*(\d{1,2})\s*(?:/|năm)\s*(\d{4})", re.I)


def _caption_facts(text: str, start: int, end: int) -> list[Fact]:
    """'(Kèm theo Quyết định số 87/2025/QĐ-UBND ngày 19 tháng 11 năm 2025 của ...)': the main document's
    type, number and date as its attachment states them; the first such caption only."""
    for ln in split_lines(text[start:end])[:400]:
        m = _CAPTION.match(ln.text.strip())
        if not m or not doctypes.from_word(m.group("type")):
            continue
        facts: list[Fact] = [("number", m.group("num"), "caption"), ("doc_type", m.group("type"), "caption")]
        d = _DMY.search(m.group("rest"))
        iso = parse_date(d.group(1), d.group(2), d.group(3)) if d else None
        if iso:
            facts.append(("issued_date", iso, "caption"))
        return facts
    return []


def _metadata_facts(block: str) -> list[Fact]:
    """'Số hiệu:' / '12/2025/QĐ-UBND', 'Ngày ban hành: 02/12/2025', and the page's caption
    'Quyết định 12/2025/QĐ-UBND năm 2025 về ...'."""
    keys = meta_keys()
    facts: list[Fact] = []
    lines = [ln.text.strip() for ln in split_lines(block)]
    for i, t in enumerate(lines):
        m = meta_key(t)
        if m:
            value = m.group("value").strip() or (lines[i + 1] if i + 1 < len(lines) else "")
            field = keys.get(m.group("key").lower())
            if field == "issued_date":
                d = re.search(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", value)
                iso = parse_date(d.group(1), d.group(2), d.group(3)) if d else None
                if iso:
                    facts.append(("issued_date", iso, "metadata"))
            elif field in ("number", "doc_type", "issuer", "subject", "signer") and value and not meta_key(value):
                facts.append((field, value, "metadata"))
            continue
        c = site_caption().match(t)
        if c:
            facts += [("doc_type", c.group("type"), "metadata"), ("number", c.group("number"), "metadata")]
            if c.group("date"):
                day, month, year = c.group("date").split("/")
                iso = parse_date(day, month, year)
                if iso:
                    facts.append(("issued_date", iso, "metadata"))
    return facts


def _lede_facts(body: str) -> list[Fact]:
    """A news page's lede: 'Ngày 31/10/2023, Sở ... ban hành Hướng dẫn số 12/HD-SGDĐT ...'."""
    lede = _LEDE.search(body)
    if not lede or not doctypes.from_word(lede.group("type")):
        return []
    facts: list[Fact] = [("number", lede.group("num"), "lede"), ("doc_type", lede.group("type"), "lede")]
    iso = _lede_date(body[: lede.start()])
    if iso:
        facts.append(("issued_date", iso, "lede"))
    return facts


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
            more = _subject_lines(top, i + 1, upper=is_upper_line(m.group(1)))
            h.subject = " ".join(["V/v " + m.group(1).strip()] + [x.text.strip() for x in more])
            end = max(end, (more[-1] if more else ln).end + 1)
        if opens_addressees(t):
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
            more = _subject_lines(top, ti + 2, upper=is_upper_line(nxt))
            h.subject = " ".join([nxt.strip()] + [x.text.strip() for x in more])
            end = max(end, (more[-1] if more else top[ti + 1]).end + 1)
    return end


_SUBJECT_STOP = re.compile(r"(?i)^(?:căn cứ|xét|kính gửi|v/v\b)")
_FIELD_STOP = re.compile(r"(?i)^số\b|,\s*ngày\b")


def _subject_lines(top: list[Line], i: int, *, upper: bool) -> list[Line]:
    """The lines a subject goes on over ('TẬP' / 'TRUNG HOÀN THÀNH ...', 'V/v thuế suất thuế' / 'GTGT'): an
    upper-case subject goes on over upper-case lines (a cited 'QUYẾT ĐỊNH SỐ 10/2016/QĐ-UBND NGÀY ...'
    among them), one in sentence case over at most two short lines that hold no header field; never into
    a title word, the enacting authority ('CHỦ TỊCH ỦY BAN NHÂN DÂN ...'), the addressees of a công điện
    ('THỦ TƯỚNG CHÍNH PHỦ điện:') or the national motto."""
    out: list[Line] = []
    for ln in top[i : i + 6]:
        t = ln.text.strip()
        if not t or _SUBJECT_STOP.match(t) or dien_sender(t) or opens_with_authority(t) or match_label(t) is not None:
            break
        if (doctypes.from_word(t) and len(t.split()) <= 4) or _QUOC_HIEU.match(fold_same_length(t)):
            break
        if upper and not is_upper_line(t):
            break
        if not upper and (_FIELD_STOP.search(t) or _NUMBER.match(t) or _date_search(t)):
            break
        if not upper and (len(t) > 90 or len(out) >= 2 or (is_upper_line(t) and " " in t)):
            break
        out.append(ln)
    return out


def _addressees(top: list[Line], i: int) -> list[str]:
    first = top[i].text.split(":", 1)[1].strip() if ":" in top[i].text else ""
    items = [first] if first else []
    rest = top[i + 1 :]
    if not first and rest and not rest[0].text.startswith(("-", "+", "•")) and len(rest[0].text) <= 150:
        items.append(rest[0].text)  # 'Kính gửi:' / 'Sở Y tế các tỉnh, thành phố.'
        rest = rest[1:]
    for ln in rest:
        if not ln.text.startswith(("-", "+", "•")):
            break
        items.append(ln.text)
    out = [re.sub(r"^[-+•]\s*", "", x).strip().rstrip(";.,").strip() for x in items if x.strip()]
    return [_first_sentence(x) for x in out if x]


def _first_sentence(addressee: str) -> str:
    """An addressee line the layout ran into the first paragraph: keep it up to its sentence's end."""
    if len(addressee) <= 250:
        return addressee
    m = re.search(r"[.;]\s+(?=[A-ZĐÀ-Ỹ])", addressee)
    return addressee[: m.start()] if m else addressee[:250].rsplit(" ", 1)[0]


def _addressee_end(top: list[Line], i: int) -> int:
    end = top[i].end + 1
    for ln in top[i + 1 :]:
        if not ln.text.startswith(("-", "+", "•")):
            break
        end = ln.end + 1
    return end
