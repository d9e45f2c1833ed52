"""Stage 3a — the closing block: "Nơi nhận" recipients and the signer, and where the
main body ends (and an attached document, if any, begins)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from .layout_repair import fold_same_length, is_name_token, is_upper_line
from .resources import load
from .schema import Recipient, Signer
from .zones import Zones
from .zones.anchors import authority as _authority
from .zones.anchors import authority_codes as _authority_codes
from .zones.anchors import is_archive_tail, is_recipient_line, is_signer_line
from .zones.anchors import titles as _titles
from .zones.lines import Line, split_lines


@dataclass
class Closing:
    body_end: int  # offset where the main document's body ends
    attachment_start: int | None  # offset where an attached document starts
    recipients: list[Recipient] = field(default_factory=list)
    signer: Signer = field(default_factory=Signer)
    spans: list[tuple[int, int]] = field(default_factory=list)  # recipients and signer blocks


_NOI_NHAN = re.compile(r"^n[oơ]i\s*nh[aậ]n\s*:?\s*")
_BULLET = re.compile(r"^[-+•_–*]\s*")


@cache
def _RANKS() -> re.Pattern[str]:  # noqa: N802
    ranks = sorted(load("closing.json")["ranks"], key=len, reverse=True)
    return re.compile(r"(?<!\S)(?:" + "|".join(re.escape(r) for r in ranks) + r")(?!\S)")


@cache
def _purposes() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(rf"^(?:{p['re']})$", re.I), p["purpose"]) for p in load("closing.json")["purposes"]]


def parse_signer(block: str) -> Signer:
    """'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Hữu Tháp' →
    authority KT, on behalf of CHỦ TỊCH, title PHÓ CHỦ TỊCH, name Nguyễn Hữu Tháp."""
    text = re.sub(r"\s+", " ", block).strip()
    authority = None
    last = None
    for m in _authority().finditer(text):
        if m.start() == 0 or text[m.start() - 1] == " ":
            last = m
    if last is not None:
        authority = _authority_codes().get(last.group(1))
        text = text[last.end() :]
    text = _RANKS().sub(" ", text).strip()
    toks = text.split(" ")
    k = next((i for i, t in enumerate(toks) if is_name_token(t)), len(toks))
    upper = " ".join(toks[:k]).strip(" ,")
    name_toks: list[str] = []
    for t in toks[k:]:
        if not is_name_token(t.rstrip(".,")):
            break
        name_toks.append(t.rstrip(".,"))
    name = " ".join(name_toks) if 2 <= len(name_toks) <= 6 else None
    on_behalf, title = _split_titles(upper, has_authority=authority is not None)
    return Signer(authority=authority, on_behalf_of=on_behalf, title=title, name=name)


def _split_titles(upper: str, *, has_authority: bool) -> tuple[str | None, str | None]:
    """'CHỦ TỊCH PHÓ CHỦ TỊCH' → ('CHỦ TỊCH', 'PHÓ CHỦ TỊCH'); 'BỘ TRƯỞNG, CHỦ NHIỆM PHÓ CHỦ NHIỆM'
    → ('BỘ TRƯỞNG, CHỦ NHIỆM', 'PHÓ CHỦ NHIỆM'); 'BAN THƯỜNG VỤ PHÓ BÍ THƯ THƯỜNG TRỰC' → ('BAN THƯỜNG VỤ', ...).
    Titles joined by a comma belong together; the signer's title starts at the next one."""
    if not upper:
        return None, None
    if not has_authority:
        return None, upper
    starts: list[int] = []
    pos = 0
    while True:
        m = _titles().search(upper, pos)
        if not m:
            break
        starts.append(m.start())
        pos = m.end()
    cut = next((st for st in starts if st > 0 and not upper[:st].rstrip().endswith(",")), None)
    if cut is None:
        return upper, None
    return upper[:cut].strip(" ,"), upper[cut:].strip(" ,")


def parse_recipient(line: Line, addressees: list[str]) -> Recipient:
    text = _BULLET.sub("", line.text).strip()
    body = text.rstrip(" ;.,")
    purpose = None
    m = re.search(r"\(([^()]*)\)\s*[;.,]?\s*(.*)$", body)
    if m and (_purpose_of(m.group(1)) or re.match(r"(?i)để\s", m.group(1))):
        purpose = _purpose_of(m.group(1)) or m.group(1).strip()
        body = body[: m.start()].strip(" ;.,")
    else:
        m2 = re.search(r"\s(để\s+(?:b/c|báo cáo|biết|t/h|thực hiện)|b/c|t/h)$", body)
        if m2:
            purpose = _purpose_of(m2.group(1))
            body = body[: m2.start()].strip(" ;.,")
    folded = fold_same_length(body)
    archive = bool(re.match(r"^l[uư]u\b", folded))
    refers_to = None
    members: list[str] = []
    name = body
    if re.match(r"^nh[uư]\s*tr[eê]n\b", folded):
        name, refers_to, members = "Như trên", "Kính gửi", list(addressees)
    elif re.match(r"^nh[uư]\s*(đ|d)i[eề]u\s*\d+", folded):
        num = re.search(r"\d+", body)
        name = f"Như Điều {num.group(0) if num else ''}".strip()
        refers_to = name[4:]
    elif not archive:
        members = _members(name)
    return Recipient(
        text=line.text,
        name=name,
        purpose=purpose,
        archive=archive,
        members=members,
        refers_to=refers_to,
        start=line.start,
        end=line.end,
    )


def _purpose_of(raw: str) -> str | None:
    raw = raw.strip().lower()
    raw = re.sub(r"^.*?-\s*(?=để\b)", "", raw)  # "(Cục A03 - để b/c)"
    for pat, purpose in _purposes():
        if pat.match(raw):
            return purpose
    return None


def _members(name: str) -> list[str]:
    try:
        from .gazetteer import members
    except ImportError:  # the gazetteer is optional at this stage
        return [name]
    try:
        return members(name)
    except Exception:  # a data problem must not lose the recipient
        return [name]


def find_closing(text: str, zones: Zones, addressees: list[str]) -> Closing:
    """Parse the recipients list and the signer of the document's closing zone."""
    cz = zones.first("closing")
    if cz is None:
        return Closing(len(text), None)
    lines = [ln for ln in split_lines(text) if cz.start <= ln.start < cz.end]
    if not lines:
        return Closing(len(text), None)
    r = next((i for i, ln in enumerate(lines) if _NOI_NHAN.match(fold_same_length(ln.text))), None)
    if r is None:
        return _closing_without_recipients(lines, text)
    items, signer_lines, end_idx = _scan_recipient_block(lines, r)
    if not signer_lines:
        signer_lines = _signer_before(lines, r)
    recipients = [parse_recipient(it, addressees) for it in items]
    signer_lines = sorted(signer_lines, key=lambda ln: (not _is_title_piece(ln.text), ln.start))
    signer = parse_signer(" ".join(ln.text for ln in signer_lines)) if signer_lines else Signer()
    if signer_lines:
        signer.start, signer.end = signer_lines[0].start, signer_lines[-1].end
    body_end = min([lines[r].start] + [ln.start for ln in signer_lines])
    spans = [(lines[r].start, lines[end_idx - 1].end)] + [(ln.start, ln.end) for ln in signer_lines]
    rest = [ln for ln in lines[end_idx:] if ln.text.strip()]
    attachment = rest[0].start if sum(len(ln.text) for ln in rest) >= 80 else None
    return Closing(body_end, attachment, recipients, signer, spans)


def _scan_recipient_block(lines: list[Line], r: int) -> tuple[list[Line], list[Line], int]:
    items: list[Line] = []
    signer: list[Line] = []
    head = _NOI_NHAN.sub("", fold_same_length(lines[r].text))
    first = lines[r].text[len(lines[r].text) - len(head) :].strip() if head.strip() else ""
    if first:
        off = lines[r].end - len(first)
        (signer if is_signer_line(first) else items).append(Line(off, lines[r].end, first))
    i = r + 1
    while i < len(lines):
        ln = lines[i]
        t = ln.text.strip()
        if is_signer_line(t) or (signer and _is_signer_continuation(t)):
            signer.append(ln)
            if any(is_name_token(w) for w in t.split()[-2:]) and not _authority().match(t):
                i += 1
                while i < len(lines) and _name_piece(lines[i].text) and _name_tokens(signer) < 4:
                    signer.append(lines[i])  # a name the layout broke: 'Mai' / 'Sơn'
                    i += 1
                break
            i += 1
            continue
        if _BULLET.match(t) or (not items and is_recipient_line(t)):
            item, tail = _split_signer_tail(ln)
            items.append(item)
            if tail is not None:
                signer.append(tail)
        elif items and not signer and is_archive_tail(items[-1].text, t):
            prev = items[-1]
            items[-1] = Line(prev.start, ln.end, prev.text + " " + t)  # 'Lưu: VT, NC.' / 'Huy (23 bản)'
        elif items and not items[-1].text.rstrip().endswith((";", ".")) and not signer:
            prev = items[-1]
            items[-1] = Line(prev.start, ln.end, prev.text + " " + t)  # a list line the layout broke
        else:
            break
        i += 1
    return items, signer, i


_TAIL = re.compile(r"[;)]\s+(?P<tail>[A-ZĐ][^;()]*)$")


def _split_signer_tail(ln: Line) -> tuple[Line, Line | None]:
    """Two OCR columns on one line: '- Bộ Tư pháp; Thượng tướng Lê Văn Hòa' → the
    recipient and a piece of the signature block."""
    m = _TAIL.search(ln.text)
    if not m:
        return ln, None
    tail = m.group("tail").strip()
    toks = _RANKS().sub(" ", tail).split()
    names = all(is_name_token(w) for w in toks) and 2 <= len(toks) <= 5
    if not (names or (is_upper_line(tail) and _titles().search(tail))):
        return ln, None
    cut = m.start("tail")
    return Line(ln.start, ln.start + cut, ln.text[:cut].rstrip()), Line(ln.start + cut, ln.end, tail)


def _name_piece(t: str) -> bool:
    words = t.strip(" .").split()
    return 1 <= len(words) <= 3 and all(is_name_token(w) for w in words)


def _name_tokens(block: list[Line]) -> int:
    words = " ".join(ln.text for ln in block).split()
    n = 0
    for w in reversed(words):
        if not is_name_token(w):
            break
        n += 1
    return n


def _is_signer_continuation(t: str) -> bool:
    toks = t.split()
    return bool(toks) and (is_upper_line(t) or all(is_name_token(w) for w in toks)) and len(toks) <= 8


def _is_title_piece(t: str) -> bool:
    return bool(_authority().match(t.strip())) or is_upper_line(t)


def _signer_before(lines: list[Line], r: int) -> list[Line]:
    """Some layouts print the signature block just before 'Nơi nhận'."""
    block: list[Line] = []
    for ln in reversed(lines[max(0, r - 4) : r]):
        if is_signer_line(ln.text) or _is_signer_continuation(ln.text):
            block.insert(0, ln)
        else:
            break
    return block if block and is_signer_line(block[0].text) else []


def _closing_without_recipients(lines: list[Line], text: str) -> Closing:
    """No 'Nơi nhận': the signer is the first authority line after the body, or an
    upper-case title with a name among the last lines."""
    start = None
    for i, ln in enumerate(lines):
        if _authority().match(ln.text.strip()):
            start = i
            break
    if start is None:
        for i in range(len(lines) - 1, max(-1, len(lines) - 5), -1):
            if is_signer_line(lines[i].text) and any(is_name_token(w) for w in lines[i].text.split()):
                start = i
                break
    if start is None:
        return Closing(len(text), None)
    block = [lines[start]]
    for ln in lines[start + 1 : start + 4]:
        if _is_signer_continuation(ln.text) and not any(is_name_token(w) for w in block[-1].text.split()[-2:]):
            block.append(ln)
        else:
            break
    signer = parse_signer(" ".join(ln.text for ln in block))
    signer.start, signer.end = block[0].start, block[-1].end
    end = lines.index(block[-1]) + 1
    rest = [ln for ln in lines[end:] if ln.text.strip()]
    attachment = rest[0].start if sum(len(ln.text) for ln in rest) >= 80 else None
    return Closing(block[0].start, attachment, [], signer, [(block[0].start, block[-1].end)])
