"""Split a normalized text into zones: the page's furniture and metadata before, inside and after the
document; the document's header block, preamble, body and closing; each attachment issued with it.

The document starts at its header's anchor (the national motto, the "Số:" field or the title in
capitals, with the issuer lines just above) and ends where a run of page furniture begins after its
closing. Everything outside is the page's. Inside, the header runs to the first line of the preamble or
body, the preamble ("Căn cứ ...") to the line "QUYẾT ĐỊNH:", the body to the closing ("Nơi nhận" and the
signature), and what follows the closing is a series of attachments, each opening with a title and a
"kèm theo" caption or a "PHỤ LỤC" line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import doctypes
from ..layout_repair import is_name_token, is_upper_line
from ..numbering import match_label
from . import anchors
from . import furniture as fu
from .lines import Line, split_lines

FURNITURE, METADATA, HEADER, PREAMBLE, BODY, CLOSING, ATTACHMENT = (
    "furniture",
    "metadata",
    "header",
    "preamble",
    "body",
    "closing",
    "attachment",
)
DOCUMENT_KINDS = (HEADER, PREAMBLE, BODY, CLOSING, ATTACHMENT)
_STRONG = (fu.FURNITURE, fu.META_KEY, fu.END, fu.ENGLISH, fu.CAPTION)
_HEADER_SPAN = 40  # lines a header block can take at most


@dataclass(frozen=True)
class Zone:
    kind: str
    start: int
    end: int


@dataclass(frozen=True)
class Zones:
    zones: tuple[Zone, ...]
    is_document: bool = True

    def of(self, *kinds: str) -> list[Zone]:
        return [z for z in self.zones if z.kind in kinds]

    def first(self, kind: str) -> Zone | None:
        return next((z for z in self.zones if z.kind == kind), None)

    def span(self, *kinds: str) -> tuple[int, int] | None:
        """From the first to the last zone of these kinds."""
        hits = self.of(*kinds)
        return (hits[0].start, hits[-1].end) if hits else None


def find_zones(text: str) -> Zones:
    """The zones of one normalized text, in order, covering every non-empty line."""
    lines = split_lines(text)
    kinds = [fu.classify(ln.text) for ln in lines]
    _mark_meta_values(lines, kinds)
    if _reads_as_article(lines, kinds):
        return Zones(_merge(lines, _outside(kinds, 0, len(lines))), is_document=False)
    start = _document_start(lines, kinds)
    if start is None:
        return _without_header(lines, kinds)
    labels = _label_document(lines, kinds, start)
    doc = [i for i, k in enumerate(labels) if k in (HEADER, PREAMBLE, BODY)]
    if doc and _is_template(lines, doc[0], doc[-1] + 1):
        return Zones(_merge(lines, _outside(kinds, 0, len(lines))), is_document=False)
    return Zones(_merge(lines, labels), is_document=True)


def _reads_as_article(lines: list[Line], kinds: list[str | None]) -> bool:
    """A question-and-answer or news page: its title, among its first lines of content, is a question."""
    content = [
        ln.text.strip() for ln, k in zip(lines, kinds, strict=True) if k in (None, fu.CAPTION) and ln.text.strip()
    ]
    return any(t.endswith("?") for t in content[:3])


_PLACEHOLDER = re.compile(r"\.{5,}|…{2,}|(?:\.\s?){5,}")


def _is_template(lines: list[Line], a: int, b: int) -> bool:
    """A blank form (a 'Mẫu' printed on a page): its fields are dot leaders to fill in."""
    text = [ln.text for ln in lines[a:b] if ln.text.strip()]
    return bool(text) and sum(1 for t in text if _PLACEHOLDER.search(t)) >= 0.25 * len(text)


# ------------------------------------------------------------------ the document's parts


def _label_document(lines: list[Line], kinds: list[str | None], start: int) -> list[str]:
    n = len(lines)
    h_end = _header_end(lines, start, n)
    c_start, c_end = _closing(lines, h_end, n)
    tail = _tail_start(lines, kinds, c_end if c_start is not None else h_end)
    if c_start is not None and c_start >= tail:
        c_start = None
        tail = _tail_start(lines, kinds, h_end)
    body_end = c_start if c_start is not None else _first_attachment(lines, h_end, tail)
    p_end = _preamble_end(lines, h_end, body_end)
    labels = [FURNITURE] * n
    _fill(labels, 0, start, _outside(kinds, 0, start))
    _fill(labels, start, h_end, HEADER)
    _fill(labels, h_end, p_end, PREAMBLE)
    _fill(labels, p_end, body_end, BODY)
    if c_start is not None:
        _fill(labels, c_start, c_end, CLOSING)
        _fill(labels, c_end, tail, ATTACHMENT)
    else:
        _fill(labels, body_end, tail, ATTACHMENT)
    _fill(labels, tail, n, _outside(kinds, tail, n))
    for i in range(h_end, tail):  # site text inside the document: a loading notice, a menu
        if kinds[i] in (fu.FURNITURE, fu.ENGLISH, fu.META_KEY, fu.END):
            labels[i] = FURNITURE
    return labels


def _fill(labels: list[str], a: int, b: int, kind: str | list[str]) -> None:
    for i in range(a, b):
        labels[i] = kind if isinstance(kind, str) else kind[i - a]


def _outside(kinds: list[str | None], a: int, b: int) -> list[str]:
    """Outside the document: the metadata table and the page's captions are metadata, the rest furniture."""
    return [METADATA if kinds[i] in (fu.META_KEY, _META_VALUE, fu.CAPTION) else FURNITURE for i in range(a, b)]


_META_VALUE = "meta_value"


def _mark_meta_values(lines: list[Line], kinds: list[str | None]) -> None:
    """The value printed on the line after a metadata key alone ('Số hiệu:' / '12/2025/QĐ-UBND')."""
    for i, ln in enumerate(lines[:-1]):
        m = fu.meta_key(ln.text) if kinds[i] == fu.META_KEY else None
        if m and not m.group("value").strip() and kinds[i + 1] is None and len(lines[i + 1].text) <= 80:
            kinds[i + 1] = _META_VALUE


def _document_start(lines: list[Line], kinds: list[str | None]) -> int | None:
    """The first header anchor and the issuer lines just above it."""
    anchor = None
    body_seen = False  # an article, a numbered item or a closing before it: a title opens an attachment
    for i, ln in enumerate(lines):
        if kinds[i] is not None:
            continue
        t = ln.text.strip()
        if anchors.is_motto(t) or anchors.NUMBER.match(t) or _kinh_gui_anchor(t):
            anchor = i
            break
        if anchors.is_title(t) and not body_seen:
            anchor = i
            break
        label = match_label(t)
        if (label is not None and label.kind != "bullet") or anchors.is_noi_nhan(t) or anchors.authority().match(t):
            body_seen = True
    if anchor is None:
        return None
    start = anchor
    for j in range(anchor - 1, max(-1, anchor - 5), -1):
        t = lines[j].text.strip()
        if kinds[j] is None and (is_upper_line(t) or anchors.URGENCY.match(t)) and len(t) <= 90:
            start = j
        else:
            break
    return start


def _kinh_gui_anchor(t: str) -> bool:
    """'Kính gửi:' opening a letter whose header the page lost (not 'Kính gửi cụ ...' quoted in prose)."""
    if anchors.KINH_GUI.match(t):
        return ":" in t[:12]
    return anchors.opens_addressees(t)


def _header_end(lines: list[Line], start: int, n: int) -> int:
    """Index of the first line after the header block (issuer, motto, number, date, title, subject,
    the issuing authority, "Kính gửi" and its list)."""
    end = start
    after_title = False
    i = start
    while i < min(n, start + _HEADER_SPAN):
        t = lines[i].text.strip()
        if anchors.PREAMBLE.match(t) or anchors.is_decision(t):
            break
        if anchors.opens_addressees(t):
            return _addressees_end(lines, i, n)
        label = match_label(t)
        if label is not None and label.kind != "bullet":
            break
        if _is_header_line(t) or (after_title and _is_subject_line(t)):
            # a subject follows the title, or the number of a công văn ('Số: ...' / 'Về việc ...')
            after_title = anchors.is_title(t) or anchors.is_title_start(t) or bool(anchors.NUMBER.match(t))
            end = i + 1
        else:
            break
        i += 1
    if end < n and anchors.opens_addressees(lines[end].text):
        return _addressees_end(lines, end, n)
    return end


def _is_header_line(t: str) -> bool:
    return bool(
        anchors.is_motto(t)
        or anchors.is_tieu_ngu(t)
        or anchors.NUMBER.match(t)
        or anchors.is_date_line(t)
        or anchors.VV.match(t)
        or anchors.URGENCY.match(t)
        or (is_upper_line(t) and len(t) <= 300)
    )


def _is_subject_line(t: str) -> bool:
    """A subject in sentence case under the title ('Về việc ...', 'Ban hành Quy chế ...') or under a
    công văn's number ('Về hướng dẫn ...')."""
    return len(t) <= 300 and not t.endswith((".", ";")) and not anchors.PREAMBLE.match(t)


def _addressees_end(lines: list[Line], k: int, n: int) -> int:
    """After 'Kính gửi:' and its addressees (a list of '-' lines, or the next line when it is empty)."""
    end = k + 1
    rest = lines[k].text.split(":", 1)[1].strip() if ":" in lines[k].text else ""
    if not rest and end < n and not lines[end].text.startswith(("-", "+", "•")) and len(lines[end].text) <= 150:
        end += 1
    while end < n and lines[end].text.startswith(("-", "+", "•")) and len(lines[end].text) <= 200:
        end += 1
    return end


def _preamble_end(lines: list[Line], h_end: int, body_end: int) -> int:
    """After 'QUYẾT ĐỊNH:' when the lines before it are the legal bases; else after the leading
    'Căn cứ' lines; else no preamble."""
    limit = min(body_end, h_end + 80)
    for i in range(h_end, limit):
        t = lines[i].text.strip()
        if anchors.is_decision(t):
            return i + 1
        label = match_label(t)
        if label is not None and label.kind != "bullet":
            break
    i = h_end
    while i < body_end and (anchors.PREAMBLE.match(lines[i].text.strip()) or (i > h_end and _basis(lines[i].text))):
        i += 1
    return i


def _basis(t: str) -> bool:
    """'Nghị định số 167/2025/NĐ-CP ngày ...;': one more legal basis of a 'Căn cứ' list, on its own line."""
    t = t.strip()
    words = t.split(" ", 4)
    named = any(doctypes.from_word(" ".join(words[:n])) for n in (1, 2, 3))
    return named and t.endswith((";", ",")) and re.search(r"\s(?:số\s+)?\d", t[:40]) is not None


def _closing(lines: list[Line], h_end: int, n: int) -> tuple[int | None, int]:
    """(first, after last) line of the closing: 'Nơi nhận' with its list and the signature block
    around it; without 'Nơi nhận', the first signature block that ends with a name."""
    r = next((i for i in range(h_end, n) if anchors.is_noi_nhan(lines[i].text)), None)
    if r is not None:
        start = r
        while start - 1 >= h_end and _in_signature(lines[start - 1].text):
            start -= 1
        end = r + 1
        while end < n and (
            anchors.is_recipient_line(lines[end].text)
            or _in_signature(lines[end].text)
            or _continues_item(lines, end)
            or (end > 0 and anchors.is_archive_tail(lines[end - 1].text, lines[end].text))
        ):
            if _opens_attachment(lines, end, n):
                break  # 'PHỤ LỤC I' right after the signature
            end += 1
        return start, end
    for i in range(h_end, n):
        t = lines[i].text.strip()
        if anchors.authority().match(t) or (anchors.is_signer_line(t) and _name_follows(lines, i)):
            end = i + 1
            while end < n and end < i + 6 and _in_signature(lines[end].text):
                end += 1
            return i, end
    return None, n


def _name_follows(lines: list[Line], i: int) -> bool:
    words = lines[i].text.split()
    if any(is_name_token(w) for w in words[-3:]):
        return True
    return i + 1 < len(lines) and _is_name(lines[i + 1].text)


def _is_name(t: str) -> bool:
    words = t.strip(" .").split()
    return 1 <= len(words) <= 6 and all(is_name_token(w) for w in words)


def _in_signature(t: str) -> bool:
    t = t.strip()
    return bool(t) and (
        anchors.is_signer_line(t) or (is_upper_line(t) and len(t) <= 80 and not anchors.is_title(t)) or _is_name(t)
    )


def _continues_item(lines: list[Line], i: int) -> bool:
    """'- Thủ tướng, các Phó Thủ tướng' / 'Chính phủ;': a recipient line the layout broke (up to three
    lines on, the item not yet closed by ';' or '.')."""
    t = lines[i].text.strip()
    if not t or len(t) > 120 or anchors.is_signer_line(t):
        return False
    for k in range(i - 1, max(-1, i - 4), -1):
        prev = lines[k].text.strip()
        if prev.endswith((";", ".")):
            return False
        if anchors.is_recipient_line(prev):
            return True
    return False


def _tail_start(lines: list[Line], kinds: list[str | None], frm: int) -> int:
    """The first line, at or after ``frm``, of the furniture that follows the document: a heading such
    as 'Văn bản liên quan', or a line of site text followed closely by more."""
    n = len(lines)
    for i in range(frm, n):
        k = kinds[i]
        if k is None or k in (fu.CONTACT, _META_VALUE):
            continue
        if k == fu.END:
            return i
        window = [kinds[j] for j in range(i, min(n, i + 6))]
        if sum(1 for w in window if w in _STRONG) >= 2:
            return i
        if all(kinds[j] is not None or not lines[j].text.strip() for j in range(i, n)):
            return i  # nothing of the document's after it
    return n


def _first_attachment(lines: list[Line], frm: int, to: int) -> int:
    """Without a closing, the body ends where an attachment's title and caption begin."""
    for i in range(frm, to):
        if _opens_attachment(lines, i, to):
            return i
    return to


def _opens_attachment(lines: list[Line], i: int, to: int) -> bool:
    t = lines[i].text.strip()
    if anchors.APPENDIX.match(t) and (is_upper_line(t) or len(t) <= 40):
        return True
    if anchors.is_title(t) or anchors.is_title_start(t):
        return any(anchors.CAPTION.match(lines[j].text.strip()) for j in range(i + 1, min(to, i + 5)))
    return False


# ------------------------------------------------------------------ pages without a header


def _without_header(lines: list[Line], kinds: list[str | None]) -> Zones:
    """No header anchor: the document is the page's main run of content, from the first line after the
    furniture that opens the page."""
    n = len(lines)
    first = _content_start(lines, kinds)
    if first is None:
        return Zones(_merge(lines, _outside(kinds, 0, n)), is_document=False)
    tail = _tail_start(lines, kinds, first)
    c_start, c_end = _closing(lines, first, tail)
    if c_start is not None and c_start >= tail:
        c_start = None
    labels = _outside(kinds, 0, n)
    body_end = c_start if c_start is not None else _first_attachment(lines, first, tail)
    _fill(labels, first, body_end, BODY)
    k = first
    while k < min(first + 3, body_end - 1) and (_is_page_title(lines[k].text) or _is_type_title(lines[k].text)):
        labels[k] = HEADER  # a web page's titles: the site's name in capitals, the document's title
        k += 1
    if c_start is not None:
        _fill(labels, c_start, c_end, CLOSING)
        _fill(labels, c_end, tail, ATTACHMENT)
    else:
        _fill(labels, body_end, tail, ATTACHMENT)
    for i in range(first, tail):
        if kinds[i] in (fu.FURNITURE, fu.ENGLISH, fu.META_KEY, fu.END):
            labels[i] = FURNITURE
    return Zones(_merge(lines, labels), is_document=True)


def _content_start(lines: list[Line], kinds: list[str | None]) -> int | None:
    """The first line of content after the last furniture line that comes before the page's first
    run of real text (three lines of content with no furniture among them)."""
    n = len(lines)
    last_furniture = -1
    run = 0
    for i in range(n):
        if kinds[i] == fu.END and run < 3:
            return None  # the page's own lists begin before any document did
        if kinds[i] in _STRONG:
            if run >= 3:
                break
            last_furniture, run = i, 0
        elif kinds[i] is None and lines[i].text.strip():
            run += 1
    content = [i for i in range(last_furniture + 1, n) if kinds[i] is None and lines[i].text.strip()]
    if not content or run < 1:
        return None
    for k, i in enumerate(content[:12]):  # menus and headlines above the page's title are the page's
        title = _is_page_title(lines[i].text) or _is_type_title(lines[i].text)
        if title and all(_menu_like(lines[j].text) for j in content[:k]):
            return i
    return content[0]


def _is_page_title(t: str) -> bool:
    t = t.strip()
    return is_upper_line(t) and len(t.split()) >= 3 and len(t) <= 250 and not t.endswith((".", ";", ":"))


def _is_type_title(t: str) -> bool:
    """A title in sentence case opening with a type word: 'Thông báo kết luận của ...', 'Hướng dẫn ...'."""
    t = t.strip()
    if len(t) > 250 or t.endswith((".", ";", ":")):
        return False
    words = t.split()
    return len(words) >= 5 and any(doctypes.from_word(" ".join(words[:n])) for n in (3, 2, 1))


def _menu_like(t: str) -> bool:
    t = t.strip()
    return len(t.split()) <= 15 and not t.endswith((".", ";", ":", ","))


# ------------------------------------------------------------------ lines → zones


def _split_attachments(lines: list[Line], labels: list[str]) -> list[tuple[str, int, int]]:
    """Runs of equal labels as (kind, first line, after last line); a run of attachment lines is cut
    where the next attachment opens."""
    runs: list[tuple[str, int, int]] = []
    i, n = 0, len(labels)
    while i < n:
        j = i + 1
        while (
            j < n
            and labels[j] == labels[i]
            and not (
                labels[i] == ATTACHMENT and _opens_attachment(lines, j, n) and not _opens_attachment(lines, j - 1, n)
            )
        ):
            j += 1
        runs.append((labels[i], i, j))
        i = j
    return runs


def _merge(lines: list[Line], labels: list[str]) -> tuple[Zone, ...]:
    out = []
    for kind, a, b in _split_attachments(lines, labels):
        while a < b and not lines[a].text.strip():
            a += 1
        while b > a and not lines[b - 1].text.strip():
            b -= 1
        if a < b:
            out.append(Zone(kind, lines[a].start, lines[b - 1].end))
    return tuple(out)
