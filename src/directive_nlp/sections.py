"""Stage 3b — sections: the numbering tree actually used in the document.

A stack of open numbering kinds decides nesting: a label of a kind already open closes
everything below it (a sibling); a new kind opens a child. The attached document after
the signer (a Kế hoạch issued by a Quyết định) starts a fresh tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .header import Line, split_lines
from .layout_repair import is_upper_line
from .numbering import match_label
from .schema import Section

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def roman_value(s: str) -> int:
    total, prev = 0, 0
    for ch in reversed(s):
        v = _ROMAN_VALUES.get(ch, 0)
        total += -v if v < prev else v
        prev = max(prev, v)
    return total


@dataclass
class _Open:
    key: str
    section: Section
    number: int | None


def _kind_key(kind: str, label: str) -> str:
    if kind == "multilevel":
        depth = label.count(".") + 1
        return f"multilevel{depth}{'x' if label[-1].isalpha() else ''}"
    if kind == "bullet":
        return f"bullet{label}"
    return kind


def _number(kind: str, label: str) -> int | None:
    if kind in ("arabic", "paren"):
        return int(label.strip("()"))
    if kind == "roman":
        return roman_value(label)
    if kind in ("letter", "letter_upper"):
        return ord(label.lower())
    if kind == "multilevel":
        last = label.split(".")[-1]
        return int(last) if last.isdigit() else ord(last)
    return None


def _plausible(kind: str, label: str, number: int | None, stack: list[_Open]) -> bool:
    """'2018 đối với lớp 2, lớp 6.' is not a section; '5.' right after '2.' is doubtful."""
    if kind in ("arabic", "paren", "roman", "multilevel") and number is not None:
        key = _kind_key(kind, label)
        same = [o for o in stack if o.key == key]
        if number == 1 or not same:
            return number <= 3 or kind not in ("arabic", "paren") or not stack
        prev = same[-1].number or 0
        return prev < number <= prev + 2
    return True


def _heading(text: str) -> bool:
    """'I. NHIỆM VỤ, GIẢI PHÁP' and '2.2. Đối với cấp mầm non:' are headings; an item
    whose body is a sentence is not."""
    t = text.strip()
    if not t:
        return True
    if is_upper_line(t) or t.endswith(":"):
        return True
    return len(t) <= 110 and _unpunctuated(t)


def _unpunctuated(text: str) -> bool:
    """A line that is no sentence: no final stop, at most three commas."""
    t = text.strip()
    return bool(t) and not re.search(r"[.;!?]$", t) and t.count(",") <= 3


def _opens_list(lines: list[Line], k: int, end: int, open_keys: list[str]) -> bool:
    """The next line is an item of a new, deeper list: the line at ``k`` is the title of what follows
    ('7. Các doanh nghiệp hoạt động trong lĩnh vực ... trên địa bàn tỉnh' over '- Chủ động ...'), however long."""
    nxt = next((ln for ln in lines[k + 1 :] if ln.text.strip()), None)
    if nxt is None or nxt.end > end:
        return False
    lab = match_label(nxt.text)
    return lab is not None and _kind_key(lab.kind, lab.label) not in open_keys


def find_sections(text: str, regions: list[tuple[int, int, str]], skip: list[tuple[int, int]]) -> list[Section]:
    """Sections of each region (start, end, part); lines inside ``skip`` spans
    (recipients, signer, footnotes) and table rows are ignored."""
    out: list[Section] = []
    for start, end, part in regions:
        out.extend(_region_sections(split_lines(text), start, end, part, skip, len(out)))
    return out


def _region_sections(
    lines: list[Line], start: int, end: int, part: str, skip: list[tuple[int, int]], first_id: int
) -> list[Section]:
    stack: list[_Open] = []
    found: list[Section] = []
    for k, ln in enumerate(lines):
        if ln.start < start or ln.end > end or not ln.text or ln.text.startswith("|"):
            continue
        if any(a <= ln.start < b for a, b in skip):
            continue
        quote = len(ln.text) - len(ln.text.lstrip("\"“'‘ "))
        lab = match_label(ln.text[quote:])
        if lab is None:
            continue
        kind = lab.kind
        if kind == "roman" and _continues_letters(lab.label, stack):
            kind = "letter_upper"
        number = _number(kind, lab.label)
        if not _plausible(kind, lab.label, number, stack):
            continue
        key = _kind_key(kind, lab.label)
        depth = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].key == key), None)
        if depth is not None and kind == "paren" and number == 1 and depth < len(stack) - 1:
            depth = None  # '(1)' again under a later item: a new list of its own, not a sibling of the first
        if depth is not None:
            del stack[depth:]
        elif kind in _NEVER_UNDER_BULLETS:
            while stack and stack[-1].key.startswith("bullet"):
                stack.pop()  # '- ...' lines before 'I. MỤC ĐÍCH': a numbered heading is no bullet's child
        body = ln.text[quote + lab.end :]
        if not body.strip() and kind in ("chapter", "part"):
            body = _title_below(lines, k, end)  # 'Chương III' / 'TỔ CHỨC THỰC HIỆN'
        heading = _heading(body) or (_unpunctuated(body) and _opens_list(lines, k, end, [o.key for o in stack] + [key]))
        sec = Section(
            id=f"s{first_id + len(found) + 1}",
            label=lab.label,
            level=len(stack) + 1,
            parent_id=stack[-1].section.id if stack else None,
            kind=_schema_kind(kind),  # type: ignore[arg-type]
            title=body.strip().rstrip(":").strip() if heading and body.strip() else None,
            is_heading=heading,
            start=ln.start,
            end=ln.end,
            body_start=ln.start + quote + lab.end,
            part=part,  # type: ignore[arg-type]
        )
        stack.append(_Open(key, sec, number))
        found.append(sec)
    _set_ends(found, lines, end)
    return found


def _title_below(lines: list[Line], k: int, end: int) -> str:
    """The upper-case lines under a chapter or part label printed alone ('Chương III' / 'TỔ CHỨC THỰC HIỆN')."""
    title: list[str] = []
    for nxt in lines[k + 1 : k + 4]:
        if not nxt.text.strip():
            continue
        if nxt.end > end or not is_upper_line(nxt.text) or match_label(nxt.text) is not None:
            break
        title.append(nxt.text.strip())
    return " ".join(title)


_NEVER_UNDER_BULLETS = frozenset({"part", "chapter", "article", "roman", "letter_upper", "arabic", "multilevel"})


def _continues_letters(label: str, stack: list[_Open]) -> bool:
    """'I.' after 'H.' is the letter I, not the Roman one."""
    prev = next((o for o in reversed(stack) if o.key == "letter_upper"), None)
    return prev is not None and len(label) == 1 and ord(label) == ord(prev.section.label) + 1


def _schema_kind(kind: str) -> str:
    return {"letter_multilevel": "letter", "paren": "arabic"}.get(kind, kind)


def _set_ends(sections: list[Section], lines: list[Line], region_end: int) -> None:
    """A section runs until the next section at its level or above (or the region end),
    trimmed to the last non-empty line before that point. One pass with a stack."""
    import bisect

    ends = [ln.end for ln in lines if ln.text.strip()]
    starts = [ln.start for ln in lines if ln.text.strip()]
    stops: dict[str, int] = {}
    open_: list[Section] = []
    for sec in sections:
        while open_ and open_[-1].level >= sec.level:
            stops[open_.pop().id] = sec.start
        open_.append(sec)
    for sec in open_:
        stops[sec.id] = region_end
    for sec in sections:
        k = bisect.bisect_right(starts, stops[sec.id] - 1) - 1
        if k >= 0 and ends[k] <= stops[sec.id]:
            sec.end = max(sec.end, ends[k])
