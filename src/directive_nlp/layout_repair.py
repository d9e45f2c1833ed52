"""Layout repairs used by :mod:`normalize`: each takes a list of lines and returns a new one.

Kept apart from ``normalize.py`` so that each repair is a small pure function that a
test can call on a few written lines.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from . import doctypes
from .numbering import LABEL_ONLY, match_label, starts_item
from .resources import load
from .vntext import UPPER, CharTable, is_syllable, known_syllables, normalize_tone, strip_accents

# ------------------------------------------------------------------ helpers


def _fold_char(ch: str) -> str:
    s = strip_accents(ch)
    return s.lower() if len(s) == 1 else ch.lower()


_FOLD_CHARS = CharTable(_fold_char)


def fold_same_length(text: str) -> str:
    """Lower-case and accent-free, one character for one character (offsets survive)."""
    if text.isascii():  # every ASCII character folds to its lower case
        return text.lower()
    return text.translate(_FOLD_CHARS)


def is_upper_line(line: str) -> bool:
    letters = "".join(filter(str.isalpha, line))  # the per-character tests run in C
    return bool(letters) and sum(map(str.isupper, letters)) / len(letters) > 0.85


_TABLE_SEP = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?$")
_HEADERISH = re.compile(
    r"(?i)c[oộ]ng h[oò]a x|số\s*:|kính gửi|nơi nhận|ngày\s+\S+\s+tháng\s+\S+\s+năm|độc lập|đảng cộng sản"
)
_RULE = re.compile(r"\s*[-—–_=*]{3,}\s*")
_INLINE_ITEM = re.compile(r"(?:(?<=[;.)])|(?<=^))\s*[-–]\s+(?=\S)")


def _explode_cell(cell: str) -> list[str]:
    """One table cell → lines: rules ("-------") end a line; "Nơi nhận: - A; - B" and
    "- A; - B." become one line per list item."""
    out: list[str] = []
    for part in _RULE.split(cell):
        part = part.strip()
        if not part:
            continue
        out.extend(explode_inline_list(part))
    return out


def explode_inline_list(text: str) -> list[str]:
    """'Nơi nhận: - A; - B; - Lưu: VT.' → ['Nơi nhận:', '- A;', '- B;', '- Lưu: VT.']."""
    m = re.match(r"(?i)^((?:nơi nhận|kính gửi)\s*:)\s*(.*)$", text)
    head = None
    if m:
        head, text = m.group(1), m.group(2)
    if not text.startswith("-") or not re.search(r"[;.)]\s*[-–]\s+\S", text):
        return [x for x in (head, text) if x]
    items = [p.strip() for p in _INLINE_ITEM.split(text) if p.strip()]
    return ([head] if head else []) + ["- " + it for it in items]


def explode_tables(lines: list[str]) -> list[str]:
    """Markdown tables: drop separator rows; header, "Kính gửi" and "Nơi nhận"/signature
    rows become one line per cell (and per list item); other rows stay as table rows."""
    out: list[str] = []
    for line in lines:
        s = line.strip()
        if not s.startswith("|"):
            out.append(line)
            continue
        if _TABLE_SEP.match(s):
            continue
        cells = [c.strip() for c in s.strip("|").split("|")]
        if any(_headerish(c) for c in cells) or len([c for c in cells if c]) == 1:
            for c in cells:
                out.extend(_explode_cell(c))
        else:
            out.append(s)
    return out


# ------------------------------------------------------------------ tables printed a cell per line


def rebuild_cell_tables(lines: list[str]) -> list[str]:
    """Tables a converter printed one cell per line, each cell opened by a line holding only '|' and
    each row closed by an empty cell ('|' right after '|'): the rows of a data table (three cells or more,
    with the narrower group rows between them) become markdown rows ('| 1 | Rà soát ... | Sở Tài chính |
    2026 |') that the table readers know. Other rows stay as they were: a header's issuer and motto, a
    signature beside the recipients, a page's 'key: | value' metadata."""
    out: list[str] = []
    i, n = 0, len(lines)
    while i < n:
        if lines[i].strip() != "|":
            out.append(lines[i])
            i += 1
            continue
        rows, end = _cell_rows(lines, i)
        data = [_data_row(cells) for cells, _, _ in rows]
        for k, (cells, a, b) in enumerate(rows):
            near = (k > 0 and data[k - 1]) or (k + 1 < len(rows) and data[k + 1])
            width = max((len(r[0]) for r in rows[k + 1 : k + 6]), default=0)  # a group row below is narrower
            caption = data[k] and width and len(cells) > width and _captioned_headers(cells, width)
            if not caption and (data[k] or (near and len(cells) >= 2 and _plain_row(cells))):
                out.append("| " + " | ".join(cells) + " |")
            elif k + 1 < len(rows) and (caption or (data[k + 1] and _headers_at_end(cells, len(rows[k + 1][0])))):
                # the column headers printed in the cells after a caption (or a signature) in one row
                width = width if caption else len(rows[k + 1][0])
                cut = _cell_line(lines, a, b, len(cells) - width)
                out.extend(ln for ln in lines[a:cut] if ln.strip() != "|")
                out.append("| " + " | ".join(cells[-width:]) + " |")
            else:
                out.extend(lines[a:b])
        out.extend(lines[rows[-1][2] if rows else i : end])
        i = max(end, i + 1)
    return out


def _headers_at_end(cells: list[str], width: int) -> bool:
    """'PHỤ LỤC ... (Kèm theo Công văn số ... ngày ...) | TT | Nội dung | Cơ quan xử lý': cells that are no
    table row, then short plain cells, as many as the data rows below have: their column headers."""
    head, tail = cells[:-width], cells[-width:]
    return width >= 3 and bool(head) and _plain_row(tail) and max(len(c) for c in tail) <= 80


_ORDINAL_HEAD = re.compile(r"(?i)\**\s*(?:s[ốô] tt|stt|tt|bước)\s*\**")


def _captioned_headers(cells: list[str], width: int) -> bool:
    """'PHỤ LỤC II ... (Ban hành kèm theo Quyết định số ... ngày ...) ... | TT | Trình tự thực hiện | ...': a
    long caption in the cells before the column headers, which open with an ordinal column."""
    return any(len(c) > 100 for c in cells[:-width]) and bool(_ORDINAL_HEAD.fullmatch(cells[-width]))


def _cell_line(lines: list[str], a: int, b: int, m: int) -> int:
    """The index of the first line of cell ``m`` (0-based) in the row printed on lines[a:b]."""
    seen, inside = -1, False
    for j in range(a, b):
        if lines[j].strip() == "|":
            inside = False
        elif not inside:
            inside, seen = True, seen + 1
            if seen == m:
                return j
    return b


def _plain_row(cells: list[str]) -> bool:
    keyed = sum(1 for c in cells if c.rstrip(" *").endswith(":"))
    return keyed * 2 < len(cells) and not any(_headerish(c) for c in cells)


_CELL_DATE = re.compile(r"(?i)ngày\s+\S+\s+tháng\s+\S+\s+năm")


def _headerish(cell: str) -> bool:
    """A cell of a document's header: the motto, 'Số:', 'Kính gửi', or a date line — short, unlike a data
    cell citing a law 'Luật ... ngày 27 tháng 6 năm 2025' among others."""
    m = _HEADERISH.search(cell)
    return m is not None and (len(cell) <= 120 or not _CELL_DATE.fullmatch(m.group(0)))


def _data_row(cells: list[str]) -> bool:
    return len(cells) >= 3 and _plain_row(cells) and max(len(c) for c in cells) <= 2000


def _cell_rows(lines: list[str], i: int) -> tuple[list[tuple[list[str], int, int]], int]:
    """(rows as (cells, first line, after last line), index after the block's last '|') for a block of
    cells starting at line ``i``; a blank line ends the block (no cell holds one)."""
    rows: list[tuple[list[str], int, int]] = []
    cells: list[str] = []
    cur: list[str] = []
    row_start, last_bar = i, i
    for j in range(i + 1, len(lines)):
        s = lines[j].strip()
        if s == "|":
            if cur:
                cells.append(" ".join(cur).replace("|", "/"))
                cur = []
            elif cells:
                rows.append((cells, row_start, j + 1))
                cells, row_start = [], j + 1
            else:
                row_start = j
            last_bar = j
        elif not s or len(cur) >= 40:
            break  # a blank line, or far more lines than a cell holds: the table has ended
        else:
            cur.append(s)
    if cells:
        rows.append((cells, row_start, last_bar + 1))
    return rows, last_bar + 1


# ------------------------------------------------------------------ phrases broken over lines


@cache
def _phrase_pieces() -> dict[tuple[str, ...], frozenset[tuple[str, ...]]]:
    """For each fixed phrase of the genre and each place it can break: first words → the rest.
    The phrases: layout.json's, signer titles (closing.json), type words (doc_types.json) and the
    ministries and departments of the gazetteer in capitals ("BỘ CÔNG THƯƠNG", "SỞ Y TẾ"). Phrases in
    capitals match lines in capitals; the others match as printed."""
    phrases = [e["phrase"] for e in load("layout.json")["fixed_phrases"]["phrases"]]
    phrases += load("closing.json")["titles"]
    phrases += [w.upper() for w in doctypes.type_words() if " " in w]
    fields = [n for group in load("bodies.json")["fields"] if not group["kind"] for n in group["names"]]
    phrases += [f"{head} {name.upper()}" for head in ("BỘ", "SỞ") for name in fields]
    pieces: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for phrase in phrases:
        words = tuple(phrase.split())
        for k in range(1, len(words)):
            pieces.setdefault(words[:k], set()).add(words[k:])
    return {k: frozenset(v) for k, v in pieces.items()}


def _breaks_phrase(prev: str, nxt: str) -> bool:
    pieces = _phrase_pieces()
    head, tail = prev.split(), [w.strip(".,:;") for w in nxt.split()]
    for k in range(1, min(len(head), 8) + 1):
        rests = pieces.get(tuple(head[-k:]))
        if rests and any(tuple(tail[: len(r)]) == r for r in rests):
            return True
    return False


def join_split_phrases(lines: list[str]) -> list[str]:
    """'ỦY BAN NHÂN' / 'DÂN', 'CỘNG HÒA XÃ' / 'HỘI CHỦ NGHĨA VIỆT NAM', 'TM. ỦY' / 'BAN NHÂN DÂN':
    a fixed phrase of the genre (motto, body, signer title, type word) broken over two lines."""
    out: list[str] = []
    for line in lines:
        s = line.strip()
        if out and out[-1].strip() and s and s != "|" and _breaks_phrase(out[-1].strip(), s):
            out[-1] = out[-1].rstrip() + " " + s
        else:
            out.append(line)
    return out


# ------------------------------------------------------------------ header fields

_QUOC_HIEU = re.compile(r"c[o0]ng\s*h[o0]a\s*x[aã]?\s*h[o0]i|cong hoa xa hoi|dang cong san viet nam")
_TIEU_NGU = re.compile(r"d[oô]c\s*l[aâ]p\s*[-–—]")
_DATE_LINE = re.compile(
    r"(?<![\w/])ng[aàáả][yvý]\s+\S{1,3}\s*[\w|]?\s+th[aá]ng\s+\S{1,3}\s*[\w|]?\s+n[aă]m\s+\d{4}", re.I
)
_PLACE_WORD = re.compile(rf"^(?:{UPPER}[\w.'’-]*|TP\.|Tp\.|thành phố|phố|thị xã|thị trấn)$")
_TITLE_WORDS = (
    "CHỈ THỊ|QUYẾT ĐỊNH|THÔNG BÁO|KẾ HOẠCH|HƯỚNG DẪN|CÔNG ĐIỆN|NGHỊ QUYẾT|BÁO CÁO|TỜ TRÌNH|"
    "CHƯƠNG TRÌNH|QUY CHẾ|QUY ĐỊNH|THÔNG TƯ|NGHỊ ĐỊNH|PHƯƠNG ÁN|ĐỀ ÁN|KẾT LUẬN|THÔNG CÁO|GIẤY MỜI"
)
_TITLE_AFTER_DATE = re.compile(rf"^(?:{_TITLE_WORDS})\b")


def _split_at(line: str, positions: list[int]) -> list[str]:
    cuts = sorted({p for p in positions if 0 < p < len(line)})
    parts, prev = [], 0
    for p in cuts:
        parts.append(line[prev:p])
        prev = p
    parts.append(line[prev:])
    return [p.strip() for p in parts if p.strip()]


def _place_start(line: str, comma: int) -> int:
    """Start of the place name that ends at ``comma`` ("... 299/TTg Hà Nội, ngày")."""
    words = list(re.finditer(r"\S+", line[:comma]))
    start = comma
    for w in list(reversed(words))[:6]:
        if not _PLACE_WORD.match(w.group(0)):
            break
        start = w.start()
    return start


_NUMBER_CUT = re.compile(r"(?<=\S)\s+(Số\s*:?\s*\d|Số\s*:\s*$)")
_VV_CUT = re.compile(r"\s(V/[vV]\b)")
_KINH_GUI_CUT = re.compile(r"\s(Kính gửi\s*:)")


def _header_cuts(line: str) -> list[int]:
    folded = fold_same_length(line)
    cuts: list[int] = []
    cuts += [m.start() for m in _QUOC_HIEU.finditer(folded) if is_upper_line(line[m.start() : m.start() + 12])]
    cuts += [m.start() for m in _TIEU_NGU.finditer(folded)]
    # each search below runs only when the text its pattern needs is in the line
    if not _RULE_CHARS.isdisjoint(line):
        rules = list(_RULE.finditer(line))
        cuts += [m.start() for m in rules] + [m.end() for m in rules]
    if "Số" in line:
        cuts += [m.start() for m in _NUMBER_CUT.finditer(line)]
    if "V/" in line:
        cuts += [m.start() + 1 for m in _VV_CUT.finditer(line)]
    if "Kính gửi" in line:
        cuts += [m.start() + 1 for m in _KINH_GUI_CUT.finditer(line)]
    for m in _DATE_LINE.finditer(line):
        before = line[: m.start()].rstrip()
        if before.endswith(","):  # "Hà Nội, ngày ..." — a place-and-date field
            cuts.append(_place_start(line, len(before) - 1))
            if line[m.end() :].strip():
                cuts.append(m.end())
    return cuts


def split_header_fields(lines: list[str]) -> list[str]:
    """Merged scrapes: put the Quốc hiệu, Tiêu ngữ, "Số:", "V/v", the place-and-date,
    "Kính gửi", the type name and the subject each on a line of its own. Applied to the
    first lines of the document (the header zone) and to "QUYẾT ĐỊNH:" anywhere."""
    out: list[str] = []
    zone = 18
    for i, line in enumerate(lines):
        if not line or (line.startswith("|") and line.endswith("|") and line.count("|") >= 3):
            out.append(line)  # a data table's row stays as it is
            continue
        parts = _split_at(line, _header_cuts(line)) if i < zone else [line]
        for part in parts:
            for piece in _split_title(part) if i < zone else [part]:
                piece = _strip_edge_noise(piece) if i < zone else _strip_rule_edges(piece)
                if piece:
                    out.extend(explode_inline_list(piece) if _KINH_GUI.match(piece) else [piece])
    return _join_split_fields([p for ln in out for p in _split_decision_word(ln)])


_EDGE_NOISE = re.compile(r"^(?:\s*\|+|\s*[-—–_=*]{3,})+\s*|(?:\s*\|+|\s*[-—–_=*]{3,})+\s*$")


_RULE_EDGE = re.compile(r"^\s*[-—–_=*]{3,}\s*|\s*[-—–_=*]{3,}\s*$")
_RULE_CHARS = frozenset("-—–_=*")
_EDGE_CHARS = _RULE_CHARS | {"|"}


def _strip_edge_noise(piece: str) -> str:
    """_EDGE_NOISE removed; as for _strip_rule_edges, a '|' or a rule character must be
    the first or the last character that is not a space."""
    s = piece.strip()
    if s and (s[0] in _EDGE_CHARS or s[-1] in _EDGE_CHARS):
        return _EDGE_NOISE.sub("", piece)
    return piece


def _strip_rule_edges(piece: str) -> str:
    """_RULE_EDGE removed; it can only match when the first or the last character that is
    not a space is a rule character, which most lines are not (and the search is slow)."""
    s = piece.strip()
    if s and (s[0] in _RULE_CHARS or s[-1] in _RULE_CHARS):
        return _RULE_EDGE.sub("", piece)
    return piece


_NUMBER_OR_VV_LABEL = re.compile(r"(?i)số\s*:?|v/v\s*:?")
_FIELD_LABEL = re.compile(r"(?i)số\s*:?|v/v\s*:?|kính gửi\s*:?")
_KINH_GUI = re.compile(r"(?i)kính gửi\s*:")


def _join_split_fields(lines: list[str]) -> list[str]:
    """'Số:' / '04/CT-UBND' — a field label left alone on its line joins its value."""
    out: list[str] = []
    for line in lines:
        if out and _NUMBER_OR_VV_LABEL.fullmatch(out[-1]) and not line:
            continue
        field = _FIELD_LABEL.fullmatch(out[-1]) if out else None
        if field and line and not line.startswith(("-", "|")) and not _HEADER_FIELD.match(line):
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
    return out


def _split_title(line: str) -> list[str]:
    """'CHỈ THỊ VỀ CÔNG TÁC ĐO ĐẠC Ngày 24 tháng 6 ...' → type name, subject, body."""
    m = _TITLE_AFTER_DATE.match(line)
    if not m or not is_upper_line(line[: m.end()]):
        return [line]
    rest = line[m.end() :].strip()
    if not rest:
        return [line]
    out = [line[: m.end()]]
    # the upper-case run (the subject) ends at the first word with a lower-case letter
    words = list(re.finditer(r"\S+", rest))
    cut = len(rest)
    for w in words:
        tok = w.group(0)
        if any(c.islower() for c in tok) and not tok.startswith("V/v"):
            cut = w.start()
            break
    subject, body = rest[:cut].strip(), rest[cut:].strip()
    if not subject:  # a subject in sentence case, then the first sentence: "... năm 2019 Ngày 12 tháng 7 năm 2019, ..."
        opening = _OPENING_DATE.search(body)
        if opening:
            subject, body = body[: opening.start()].strip(), body[opening.start() :].strip()
    out += [x for x in (subject, body) if x]
    return out


_OPENING_DATE = re.compile(r"(?<=[^\W_])\s+(?=Ngày\s+\d{1,2}(?:\s+tháng\s+\d{1,2}|/\d{1,2})\D)")


_DECISION_WORD = re.compile(r"(?<=\S)\s+((?:QUYẾT ĐỊNH|QUYẾT NGHỊ|CHỈ THỊ|KẾT LUẬN)\s*:)")


def _split_decision_word(line: str) -> list[str]:
    m = _DECISION_WORD.search(line) if ":" in line else None  # the pattern ends with ':'
    if not m:
        return [line]
    return [line[: m.start()].strip(), line[m.start() :].strip()]


# ------------------------------------------------------------------ closing block

_AUTHORITY = r"(?:KT|TM|TL|TUQ|Q|K/T|T/M|T/L)\s*\.?"
_NOI_NHAN = re.compile(r"(?i)(?<=\S)\s+(n[oơ]i\s+nh[aậ]n\s*:)")
_NOI_NHAN_START = re.compile(r"(?i)n[oơ]i\s+nh[aậ]n")
_NOI_NHAN_REST = re.compile(r"(?i)(n[oơ]i\s+nh[aậ]n\s*:)\s*(.*)$")
_AUTHORITY_ALONE = re.compile(_AUTHORITY)
_AUTHORITY_THEN_TEXT = re.compile(_AUTHORITY + r"\s+\S")
_AUTHORITY_THEN_SPACE = re.compile(_AUTHORITY + r"\s")


def is_name_token(tok: str) -> bool:
    """'Nguyễn', 'Hữu': a capitalised word (a personal name's syllable)."""
    return len(tok) >= 2 and tok[0].isupper() and tok[1:].isalpha() and tok[1:].islower()


def _name_then_upper(line: str) -> int | None:
    """End of a personal name (2–5 capitalised words) that is followed by upper-case
    text: 'KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Hữu Tháp CHƯƠNG TRÌNH ...' → after 'Tháp'."""
    toks = list(re.finditer(r"\S+", line))
    for k in range(len(toks)):
        run = 0
        while k + run < len(toks) and is_name_token(toks[k + run].group(0)):
            run += 1
        if 2 <= run <= 5 and k + run < len(toks):
            nxt = toks[k + run].group(0)
            if len(nxt) >= 2 and nxt.isupper():
                return toks[k + run - 1].end()
        if run:
            return None
    return None


def split_closing(lines: list[str]) -> list[str]:
    """'Noi nhận: TL. TỔNG CỤC TRƯỞNG' → two lines; 'KT.' alone joins the next line;
    a signer's name followed by an attachment's upper-case title → two lines."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if _AUTHORITY_ALONE.fullmatch(line.strip()) and i + 1 < len(lines):
            line = line.strip() + " " + lines[i + 1].strip()
            i += 1
        m = _NOI_NHAN.search(line) if ":" in line else None  # the pattern ends with ':'
        if m and not _NOI_NHAN_START.match(line):
            out.append(line[: m.start()].strip())
            line = line[m.start() :].strip()
        m = _NOI_NHAN_REST.match(line)
        if m and _AUTHORITY_THEN_TEXT.match(m.group(2)):
            out += [m.group(1), m.group(2)]
            i += 1
            continue
        if _AUTHORITY_THEN_SPACE.match(line):
            cut = _name_then_upper(line)
            if cut:
                out += [line[:cut].strip(), line[cut:].strip()]
                i += 1
                continue
        out.append(line)
        i += 1
    return out


# ------------------------------------------------------------------ labels

_TRAILING_ML = re.compile(r"(?<=[^\W\d_,;:.)”\"])\s+(\d{1,2}(?:\.\d{1,2}){1,3}\.)$")
_TRAILING_AFTER_HEADING = re.compile(r"\s+(\d{1,2}\.)$")
_TRAILING_AFTER_SENTENCE = re.compile(r"(?<=[:.])\s+(1\.|I\.|a\))$")
_INLINE_FIRST = re.compile(rf"(?<=:)\s+(?=(?:1|I|a)[.)]\s+{UPPER})")


def attach_labels(lines: list[str]) -> list[str]:
    """Numbering cut from its text: a label alone on a line ("Điều 1.", "2.", "1.4.")
    joins the next line; a label at the end of a line ("... tiến bộ 1.1.") moves to the
    start of the next; a heading merged with its first subitem ("2. Về X 2.1. Điều
    kiện ...") is split."""
    out: list[str] = []
    carry = ""
    for line in lines:
        s = line.strip()
        if carry:
            if not s:
                continue
            if s.startswith("|"):
                out.append(carry)  # never glue a label to a table row
            else:
                s = carry + " " + s
            carry = ""
        if s and LABEL_ONLY.match(s):
            carry = s
            continue
        # every trailing label ends with a digit and '.' ('1.4.'), or is 'I.' or 'a)'
        m = _trailing_label(s) if s.endswith(".") and s[-2:-1].isdigit() or s.endswith(("I.", "a)")) else None
        if m:
            carry = m.group(1)
            s = s[: m.start()].rstrip()
        for part in _INLINE_FIRST.split(s) if ":" in s else [s]:  # the split needs a ':'
            out.extend(_split_first_child(part.strip()))
    if carry:
        out.append(carry)
    return out


def _trailing_label(s: str) -> re.Match[str] | None:
    return (
        _TRAILING_ML.search(s)
        or (_TRAILING_AFTER_HEADING.search(s) if _heading_like(s) else None)
        or _TRAILING_AFTER_SENTENCE.search(s)
        or _trailing_own_child(s)
    )


def _trailing_own_child(line: str) -> re.Match[str] | None:
    """'2. Kế hoạch năm 2022 2.1.' — the item's first sub-label at the end of its line."""
    lab = match_label(line)
    if lab is None or lab.kind not in ("arabic", "multilevel"):
        return None
    return _own_child_at_end(lab.label).search(line)


@lru_cache(maxsize=1024)
def _own_child_at_end(label: str) -> re.Pattern[str]:
    return re.compile(rf"\s({re.escape(label)}\.1\.)$")


@lru_cache(maxsize=1024)
def _first_child(child: str) -> re.Pattern[str]:
    return re.compile(rf"\s({child})\s+(?={UPPER})")  # compiled once per label: the letter class is long


def _heading_like(line: str) -> bool:
    lab = match_label(line)
    return lab is not None and lab.kind in ("roman", "letter_upper", "part", "chapter") and is_upper_line(line)


def _split_first_child(line: str) -> list[str]:
    lab = match_label(line)
    if lab is None or lab.kind not in ("arabic", "multilevel", "roman", "letter_upper", "article", "part", "chapter"):
        return [line]
    nested = lab.kind in ("arabic", "multilevel")
    rest = line[lab.end :]
    # the child label's text must be there: most lines do not have it, and each new label
    # would compile a pattern (with the long class of upper-case letters) to learn that
    if (lab.label + ".1" if nested else "1.") not in rest:
        return [line]
    child = re.escape(lab.label) + r"\.1\.?" if nested else r"1\."
    m = _first_child(child).search(rest)
    if not m:
        return [line]
    cut = lab.end + m.start() + 1
    return [line[:cut].strip()] + _split_first_child(line[cut:].strip())


# ------------------------------------------------------------------ letter spacing


_DIGRAPHS = {"ch", "nh", "ng", "ngh", "th", "tr", "ph", "kh", "gh", "gi", "qu"}


@lru_cache(maxsize=65536)
def _is_fragment(tok: str) -> bool:
    """A piece of a word split by broken letter spacing ('tướ', 'nh', 'B', 'CH')."""
    if not tok.isalpha():
        return False
    if len(tok) == 1:
        return True
    if is_syllable(tok):
        return False
    if tok.isupper() and tok.lower() not in _DIGRAPHS:
        return False  # an abbreviation: UBND, GDĐT, KT
    return len(tok) <= 3


# initial, nucleus and final of a syllable have at most 3 + 3 + 2 letters (vntext._SYLLABLE),
# and neither lower-casing nor moving a tone shortens a Vietnamese word
_LONGEST_SYLLABLE = 8


def _case_consistent(word: str) -> bool:
    return word[1:].islower() or word.isupper()


def repair_letter_spacing(lines: list[str], known: dict[str, str] | None = None) -> list[str]:
    """'ỦY B AN NHÂN D Â N' → 'ỦY BAN NHÂN DÂN', 'T hủ tướ ng' → 'Thủ tướng', on lines
    that show the symptom (several fragments that are not Vietnamese syllables).

    ``known`` (line -> repaired line) may be shared by calls over one document: normalize
    repairs the spacing twice, the second time over mostly the same lines."""
    known = {} if known is None else known
    out = []
    for line in lines:
        if line not in known:
            known[line] = _respace(line)
        out.append(known[line])
    return out


def _respace(line: str) -> str:
    words = [w.strip(".,;:()\"“”'") for w in line.split()]
    frags = sum(map(_is_fragment, [w for w in words if len(w) <= 3]))  # longer words never are
    if frags >= 3 or (frags >= 2 and frags / max(sum(map(str.isalpha, words)), 1) >= 0.15):
        return _merge_fragments(_tokens(line))
    return line


_PIECE = re.compile(r"[^\W\d_]+|\d+|[^\w\s]|_")


def _tokens(line: str) -> list[tuple[str, bool]]:
    """Words and punctuation; the flag says the token was glued to the one before."""
    out: list[tuple[str, bool]] = []
    for word in line.split():
        glued = False
        for piece in _PIECE.findall(word):
            out.append((piece, glued))
            glued = True
    return out


def _word_cost(word: str, pieces: int) -> float:
    if pieces == 1:
        cost = 3.0 if _is_fragment(word) and len(word) > 1 else 1.0
    elif normalize_tone(word.lower()) in known_syllables():
        cost = 1.0
    else:
        cost = 1.8
    return cost + (0.3 if word[:1].lower() in "aăâeêioôơuưy" else 0.0)


def _merge_fragments(toks: list[tuple[str, bool]]) -> str:
    """Re-glue a line's tokens by dynamic programming: the fewest words, real syllables
    preferred, leftover fragments costly ("Chí M inh" → "Chí Minh", "Thà nh ủy" → "Thành ủy")."""
    n = len(toks)
    inf = float("inf")
    best: list[tuple[float, int]] = [(0.0, 0)] + [(inf, 0)] * n
    for i in range(n):
        if best[i][0] == inf:
            continue
        word, alpha, fragment = "", True, False  # of the pieces i..j-1, grown one piece per j
        for j in range(i + 1, min(i + 7, n + 1)):
            piece = toks[j - 1][0]
            word += piece
            alpha = alpha and piece.isalpha()
            fragment = fragment or _is_fragment(piece)
            if j > i + 1 and not alpha:
                break
            if j > i + 1 and len(word) > _LONGEST_SYLLABLE:
                break  # no longer word is a syllable either
            if j > i + 1 and j < n and toks[j][1] and toks[j][0] in ".)" and len(piece) == 1:
                continue  # 'VỤ I.' — a label letter is not a fragment
            if j > i + 1 and not (fragment and _case_consistent(word) and is_syllable(word)):
                continue
            cost = best[i][0] + (_word_cost(word, j - i) if word.isalpha() else 0.0)
            if cost < best[j][0]:
                best[j] = (cost, i)
    groups: list[tuple[str, bool]] = []
    j = n
    while j > 0:
        i = best[j][1]
        groups.append(("".join(t for t, _ in toks[i:j]), toks[i][1]))
        j = i
    groups.reverse()
    groups = _join_initials(groups)
    return "".join(w if glued or k == 0 else " " + w for k, (w, glued) in enumerate(groups))


def _join_initials(groups: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """A run of spaced upper-case pieces with single letters in it is an abbreviation
    whose letters were spaced out: 'T TU B' → 'TTUB', 'V PU B' → 'VPUB'."""
    out: list[tuple[str, bool]] = []
    run: list[tuple[str, bool]] = []

    def flush() -> None:
        words = [w for w, _ in run]
        if len(run) >= 2 and any(len(w) == 1 for w in words) and sum(map(len, words)) <= 8:
            out.append(("".join(words), run[0][1]))
        else:
            out.extend(run)
        run.clear()

    for k, (w, glued) in enumerate(groups):
        whole = not glued and (k + 1 == len(groups) or not groups[k + 1][1])
        fits = w.isalpha() and w.isupper() and len(w) <= 3 and (len(w) == 1 or not is_syllable(w) or bool(run))
        if fits and whole:
            run.append((w, glued))
        else:
            flush()
            out.append((w, glued))
    flush()
    return out


# ------------------------------------------------------------------ hard wrap

_TERMINAL = tuple(".;:!?…")


def looks_hard_wrapped(lines: list[str]) -> bool:
    """PDF/OCR text broken every 60–80 characters mid-sentence."""
    body = [ln for ln in lines if ln and not ln.startswith("|")]
    if len(body) < 8:
        return False
    cut = [ln for ln in body if 45 <= len(ln) <= 100 and not ln.endswith(_TERMINAL)]
    return len(cut) >= 5 and len(cut) / len(body) > 0.3


_HEADER_FIELD = re.compile(
    r"^(?:Số\s*:|Số\s+\S*\d|SỐ\s*:|V/[vV]\b|Căn cứ|CĂN CỨ|Xét đề nghị|Theo đề nghị)"
    r"|(?i:^(?:kính gửi|nơi nhận|cộng hòa|cong hoa|độc lập|đảng cộng sản))"
)


_NUMBER_FIELD = re.compile(r"(?i)^số\s*:?\s*\S*\d")
# a header date line: "Hà Nội, ngày 05 tháng 3 năm 2024" (not a date inside a sentence)
_DATE_LINE_START = re.compile(r"^[^\W\d][^,;:.]{0,40},\s*ng[aàáả][yvý]\s+\S{1,3}\s+th[aá]ng\s", re.I)


def _ends_with_date(line: str) -> bool:
    m = _DATE_LINE.search(line)
    return m is not None and m.end() >= len(line.rstrip(" .*")) - 1


_DIEN = re.compile(r"^(?P<who>.{4,80}?)\s+(?:điện|ĐIỆN)\s*:")


def dien_sender(line: str) -> str | None:
    """Who sends a công điện, as its line before the addressees names it ('THỦ TƯỚNG CHÍNH PHỦ điện:'): a line
    of its own, which the zones and the header read too."""
    m = _DIEN.match(line.strip(" *_"))
    return m.group("who").strip(" *_") if m is not None and is_upper_line(m.group("who")) else None


def _blocks_join(prev: str, nxt: str, forced: bool = False) -> bool:
    if not prev or not nxt:
        return True
    if starts_item(nxt) or _HEADER_FIELD.match(nxt) or nxt.startswith("|") or prev.startswith("|"):
        return True
    if LABEL_ONLY.match(prev) or _DATE_LINE_START.match(nxt) or _ends_with_date(prev):
        return True
    if _NUMBER_FIELD.match(prev) and not nxt[:1].islower():
        return True
    if _AUTHORITY_THEN_SPACE.match(nxt) or _NOI_NHAN_START.match(prev) or dien_sender(nxt) is not None:
        return True
    if _KINH_GUI.match(prev) and not nxt[:1].islower():
        return True  # 'Kính gửi: Các bộ, ngành' / 'Thực hiện ...': the addressees end with their line
    if is_upper_line(prev) and len(prev) < 120 and not nxt[:1].islower():
        return not (_upper_goes_on(prev, nxt) or (forced and is_upper_line(nxt) and not doctypes.from_word(prev)))
    return False


def _upper_goes_on(prev: str, nxt: str) -> bool:
    """An upper-case title or subject broken over lines: 'QUY ĐỊNH ĐỐI VỚI ĐƠN VỊ' / 'VÀ CÁN BỘ ...',
    '... HƯỚNG DẪN THI HÀNH LUẬT SỐ' / '45/2024/QH15'."""
    if doctypes.from_word(prev.strip(" :")):
        return False  # "CHỈ THỊ" / "VỀ VIỆC ...": the title word stands alone
    label = match_label(prev)
    if label is not None and label.kind in ("roman", "arabic", "multilevel", "letter_upper") and is_upper_line(nxt):
        return len(prev) <= 60 and len(nxt) <= 80  # 'V. TỔ CHỨC' / 'THỰC HIỆN': a numbered heading broken
    first = nxt.split(" ", 1)[0]
    if is_upper_line(nxt) and first.lower() in _NEXT_LINE_JOINERS:
        return True
    return continuing_word_at_end(prev) and (is_upper_line(nxt) or nxt[:1].isdigit())


_NEXT_LINE_JOINERS = frozenset({"và", "của", "với", "cho", "tại", "trong", "thuộc", "đối"})


@cache
def _continuing_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(words matched in any case, words matched as printed, words that go on only into a name)."""
    entries = [e for e in load("layout.json")["continuing_words"]["words"] if not e.get("before_number")]
    words = [e["word"] for e in entries]
    printed = frozenset(e["word"] for e in entries if not e["word"].islower() or e.get("as_printed"))
    return (
        frozenset(w for w in words if w not in printed),
        printed,
        frozenset(e["word"] for e in entries if e.get("before_name")),
    )


_NAME_START = re.compile(rf"{UPPER}\w*\s+{UPPER}")


def continuing_word_at_end(line: str, nxt: str | None = None) -> bool:
    """Whether ``line`` ends on a word its sentence cannot end on ('... phối hợp với', 'Giao Sở'); a word
    that may also end a heading ('Cục Quản lý thị trường tỉnh') goes on only into a proper name that
    opens the next line ('tỉnh' / 'Quảng Bình và ...')."""
    words = line.rstrip().rsplit(" ", 2)
    any_case, exact, before_name = _continuing_words()
    for n in (1, 2):
        if len(words) < n:
            break
        tail = " ".join(words[-n:])
        if tail.lower() in any_case or tail in exact:
            return tail not in before_name or (nxt is not None and _NAME_START.match(nxt) is not None)
    return False


def title_goes_on(prev: str, nxt: str) -> bool:
    """A hard wrap inside an office holder's title or between the title and its body: 'Điều 3. Chánh' /
    'Văn phòng Ủy ban nhân dân tỉnh, ...', '...; Chỉ huy trưởng' / 'Bộ Chỉ huy Quân sự tỉnh; ...'. Titles
    and body heads as printed (bodies.json), so the capitals of a signature block ('CHỦ TỊCH') and a
    person's name after a title ('Chủ tịch' / 'Nguyễn Văn A') never join."""
    titles, heads = _titles_and_heads()
    tail, head = prev.rstrip().split(), nxt.lstrip("*_ ").split()
    for n in (1, 2, 3):
        if len(tail) < n:
            break
        end = " ".join(tail[-n:])
        if any(t.startswith(end + " ") and t == end + " " + " ".join(head[: t.count(" ") + 1 - n]) for t in titles):
            return True  # 'Chánh' / 'Văn phòng ...'
        if end in titles:
            return any(" ".join(head[: h.count(" ") + 1]) == h for h in heads)  # 'Giám đốc' / 'Sở Y tế ...'
    return False


@cache
def _titles_and_heads() -> tuple[frozenset[str], frozenset[str]]:
    data = load("bodies.json")
    titles = frozenset(t["title"] for t in data["titles"])
    heads = frozenset(h["head"] for h in data["heads"] if h["head"][:1].isupper())
    return titles, heads


def _wrap_width(lines: list[str]) -> int:
    lengths = sorted(len(ln) for ln in lines if len(ln) > 30)
    return lengths[int(len(lengths) * 0.8)] if lengths else 80


def fixed_width(lines: list[str]) -> int | None:
    """The column a converter wrapped the text at (markdown of web pages: ~80), or None: many lines
    end within ten characters short of one width and almost none go past it."""
    lengths = Counter(len(ln) for ln in lines if len(ln) > 30)
    total = sum(lengths.values())
    if total < 8:
        return None
    best: tuple[int, int] | None = None
    for width in range(55, 131):
        near = sum(lengths[n] for n in range(width - 10, width + 1))
        over = sum(lengths[n] for n in range(width + 1, width + 16))
        if near >= 8 and near >= 0.15 * total and over <= 0.15 * near and (best is None or near > best[1]):
            best = (width, near)
    return best[0] if best else None


def _forced_break(prev: str, nxt: str, width: int) -> bool:
    """The next line's first word would not have fitted on the previous line. A line already longer than
    the column was put together by an earlier repair ('... CỦA SỞ' / 'NÔNG NGHIỆP ...'): where its last
    piece ended is not known, so it forces nothing."""
    first = nxt.split(" ", 1)[0]
    return len(prev) <= width and len(prev) + 1 + len(first) > width - 4


def join_wrapped(lines: list[str], wrapped: bool) -> list[str]:
    """Rejoin a line cut mid-sentence with its continuation — never across a numbered
    item, a list line or a header field. A following line that starts in lower case
    continues; so does one after a line ending on a word a sentence cannot end on
    ("của", "phối hợp với", "Giao Sở"), or on a comma or hyphen. In a hard-wrapped source
    (PDF/OCR) a full-width line without final punctuation continues (a short line ends its
    paragraph); in text wrapped at a fixed column, a line continues when the next line's
    first word would not have fitted on it."""
    out: list[str] = []
    blank = 0
    column = None if wrapped else fixed_width(lines)
    width = column or _wrap_width(lines)
    fixed = column is not None
    last_raw = ""
    for i, line in enumerate(lines):
        if not line:
            blank += 1
            continue
        prev = out[-1] if out else ""
        if _enacting_authority(line, lines[i + 1 : i + 4]):
            out.append(line)
        elif out and (_continues(prev, last_raw, line, blank, width, wrapped, fixed) or _field_split(prev, line)):
            out[-1] = prev + " " + line
        else:
            out.append(line)
        last_raw = line
        blank = 0
    return out


_BASIS_LINE = re.compile(r"(?i)^[*_\s]*(?:căn(?: cứ)?|xét)\b")  # "Căn" / "cứ Luật ...": broken too


def _enacting_authority(line: str, following: list[str]) -> bool:
    """'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X' or 'HỘI ĐỒNG NHÂN DÂN TỈNH X' right before the first 'Căn cứ'
    line (the authority itself may be broken over two lines): who enacts the decision, a line of its own
    however the subject above it ends."""
    if not is_upper_line(line) or len(line) > 120 or not opens_with_authority(line):
        return False
    for nxt in (ln for ln in following if ln):
        if _BASIS_LINE.match(nxt):
            return True
        if not is_upper_line(nxt):
            return False  # 'CỤC TRƯỞNG CỤC' / 'HẢI QUAN' / 'Căn cứ ...': the authority may take two lines
    return False


def opens_with_authority(line: str) -> bool:
    """'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X', 'HỘI ĐỒNG NHÂN DÂN TỈNH X', 'BỘ TRƯỞNG BỘ Y TẾ': the line opens
    with a signer title (closing.json) or an enacting body (layout.json enacting_authority)."""
    return _enacting_heads().match(line.lstrip("*_ ")) is not None


@cache
def _enacting_heads() -> re.Pattern[str]:
    data = load("layout.json")["enacting_authority"]["bodies"]
    heads = [e["head"] for e in data] + list(load("closing.json")["titles"])
    return re.compile("(?:" + "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True)) + r")\b")


@cache
def _label_words() -> frozenset[str]:
    return frozenset(e["word"] for e in load("layout.json")["continuing_words"]["words"] if e.get("before_number"))


_NUMBER_START = re.compile(r"[*_\s]*(?:\d+|[IVXLC]+)\b")


def _label_then_number(prev: str, line: str) -> bool:
    """'Điều' / '14. Trách nhiệm của Sở ...', 'Chương' / 'III': a label word broken from its number."""
    words = prev.rstrip("*_ ").split()
    return bool(words) and words[-1].lstrip("*_") in _label_words() and _NUMBER_START.match(line) is not None


def _continues(prev: str, last_raw: str, line: str, blank: int, width: int, wrapped: bool, fixed: bool) -> bool:
    if line[:1].islower():
        return blank <= 2 and not _blocks_join(prev, line)
    if not blank and _label_then_number(prev, line):
        return True
    forced = fixed and _forced_break(last_raw, line, width)
    if blank or prev.endswith(_TERMINAL) or _blocks_join(prev, line, forced):
        return False
    if wrapped and len(last_raw) >= 0.72 * width:
        return True
    if forced or continuing_word_at_end(prev, line) or prev.endswith((",", " -", " –", "(")):
        return True
    if title_goes_on(prev, line):
        return True
    return is_upper_line(prev) and _upper_goes_on(prev, line)


_PLACE_PIECE = re.compile(r"^(?:thành|phố|thị|xã|trấn|TP\.|Tp\.)$")
_DATE_REST = re.compile(r"^(?:\d{1,2}\s+tháng\s+\d{1,2}\s+năm|\d{1,2}\s+năm\s+\d{4}|\d{4}\b|\d{1,2}/\d{1,2}/\d{4})")
_DATE_CUT = re.compile(r"(?:ngày|tháng|năm)$")


def _field_split(prev: str, nxt: str) -> bool:
    """'An' / 'Giang, ngày 14 tháng 9 năm 2021' or 'Thành phố Hồ' / 'Chí Minh, ngày ...': a place name cut
    before its date; 'Hà Nội, ngày' / '18 tháng 11 năm 2025': a date cut inside."""
    if _DATE_CUT.search(prev) and _DATE_REST.match(nxt):
        return True
    words = prev.split()
    return (
        1 <= len(words) <= 4
        and all(is_name_token(w) or _PLACE_PIECE.match(w) for w in words)
        and is_name_token(words[-1])
        and bool(re.match(r"^[\w ]+,\s*ngày\s", nxt))
    )


# ------------------------------------------------------------------ spacing, footnotes


_SPACE_BEFORE_CLOSER = re.compile(r"\s+([,;:)\]])(?=\s|$)")
_SPACE_BEFORE_DOT = re.compile(r"\s+\.(?=\s|$)")
_FOOTNOTE_MARK = re.compile(r"(?<=[^\W\d_])\[\d{1,2}\](?=[\s,.;:]|$)")  # footnote markers in the text


def tidy_spacing(line: str) -> str:
    line = " ".join(line.split())  # as re.sub(r"\s+", " ", line).strip(): both split at str.isspace()
    # each repair below runs only when the text it needs is there (its regex search is slower);
    # after the line above, the only space left is " "
    if " ," in line or " ;" in line or " :" in line or " )" in line or " ]" in line:
        line = _SPACE_BEFORE_CLOSER.sub(r"\1", line)
    if " ." in line:
        line = _SPACE_BEFORE_DOT.sub(".", line)
    return _FOOTNOTE_MARK.sub("", line) if "[" in line else line


_FOOTNOTE = re.compile(r"^\[\d{1,2}\]\s+\S")


def mark_footnotes(lines: list[str]) -> tuple[list[str], int | None]:
    """Footnotes "[1] ..." at the end of the document: their first line index."""
    for i in range(len(lines) // 2, len(lines)):
        if _FOOTNOTE.match(lines[i]) and not any(starts_item(x) for x in lines[i + 1 :]):
            return lines, i
    return lines, None
