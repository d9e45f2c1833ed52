"""Stage 5 — tasks: who must do what, by when, under which section.

1. paragraphs of the body (header, recipients, signer, footnotes and table rows left out);
2. clauses (sentences; ';'-clauses after an item lead "X có trách nhiệm: a; b; c");
3. which clauses are tasks (rules; the model in :mod:`model` refines the decision);
4. actors, from the nearest source that names one: the clause itself, the item's lead,
   a plan's assignment lines ("Cơ quan chủ trì: ..."), a section heading, the preamble,
   the công văn's addressees — never a guess;
5. deadline, legal references, recurrence, confidence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache, partial
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from . import actors as ac
from .layout_repair import is_upper_line
from .schema import Actor, Deadline, Header, LegalReference, Section, Task
from .vntext import LOWER, UPPER, fold
from .zones.lines import split_lines

if TYPE_CHECKING:
    from .gazetteer import BodyMatch


@dataclass
class Para:
    start: int  # content start (after a numbering label)
    end: int
    section: Section | None
    is_label_line: bool
    quoted: bool = False  # inside a provision quoted from another document
    cell: bool = False  # a cell of a table that is no plan table (criteria, figures, steps)


@dataclass
class Clause:
    start: int
    end: int
    para: Para
    after_lead: bool = False  # a clause of "lead: a; b; c"


@dataclass
class Sourced:
    spans: list[tuple[int, int, str]]  # (start, end, role) in the document text
    source: str


@dataclass
class Draft:
    start: int
    end: int
    section: Section | None
    actors: Sourced | None
    coordinate: list[tuple[int, int]] = field(default_factory=list)
    confidence: float = 0.6
    cue_start: bool = False
    deadline: Deadline | None = None
    # the clause and its coordinators as they were when the draft was made, for the tagger
    # to look at when no rule names an actor (asked only then: the tagger is costly)
    model_clause: tuple[Clause, tuple[tuple[int, int], ...]] | None = None


_data, _alt = ac.task_words, ac.alternation
_non_task_re = partial(ac.word_list_re, "non_task_openers", "^", "")
_noun_item_re = partial(ac.word_list_re, "noun_item_openers", "^")
_basis_re = partial(ac.word_list_re, "basis_openers", r"\s*", r"\s+")
_basis_any_case_re = partial(ac.word_list_re, "basis_openers", r"\s*", r"\s+", ignore_case=True)
_forward_re = partial(ac.word_list_re, "forward_openers", r"\s*", r"\s*,?\s+")
_non_task_section_re = partial(ac.word_list_re, "non_task_sections", r"^(?:về\s+)?", r"(?![\w])", ignore_case=True)
_execution_section_re = partial(ac.word_list_re, "execution_sections", "", r"(?![\w])", ignore_case=True)
_state_collective_re = partial(
    ac.word_list_re, "state_collectives", r"(?<![\w])(?<!cán )", r"(?![\w])", ignore_case=True
)
_sector_re = partial(ac.word_list_re, "lead_targets", r"(?:các\s+)?", r"(?![\w])", ignore_case=True)
_adverbial_re = partial(ac.word_list_re, "adverbial_openers", "", r"(?![\w])")
_passive_ok_re = partial(ac.word_list_re, "passive_subjects", "", r"(?![\w])")
_narrative_re = partial(ac.word_list_re, "narrative_markers", "", "")
_qualification_re = partial(
    ac.word_list_re,
    "qualifications",
    r"(?<![\w])(?:phải|cần) có\s+(?:(?:ít nhất|tối thiểu)\s+)?(?:\d+\s+năm\s+)?",
    r"(?![\w])",
)


@cache
def _assign_re() -> re.Pattern[str]:
    d = _data()["assignment_labels"]
    return re.compile(
        rf"(?:(?P<lead>{_alt(d['lead'])})|(?P<coord>{_alt(d['coordinate'])})|(?P<time>{_alt(d['time'])}))"
        r"(?:\s+thực hiện)?\s*(?::|$)\s*"  # "Đơn vị chủ trì thực hiện:", "Đơn vị phối hợp thực hiện:"
    )


_MODAL = re.compile(
    r"(?<![\w])(phải|cần|có trách nhiệm|chịu trách nhiệm|có nhiệm vụ|nghiêm cấm|tuyệt đối không|không được)(?![\w])"
)
_PASSIVE = re.compile(r"[\s,]*(?:(?:cũng|đều|sẽ|vẫn|chỉ)\s+)?(được)\b")
_INNER_PASSIVE = re.compile(r"(?<=[\w)])\s+(được)\s")
_STATIVE = re.compile(r"(?<!\w)(?:được|là)(?!\w)")
_TELL = re.compile(r"thông báo (?:để|đến|cho) (.{3,120}?) (?:được )?biết(?:,| và| để)\s*(?=\w)")


# ------------------------------------------------------------------ deadlines by position


def deadline_in(deadlines: list[Deadline], a: int, b: int, *, dated: bool = False) -> Deadline | None:
    """The first deadline starting in [a, b) (with a value when ``dated``); ``deadlines``
    sorted by start, searched by bisection so a long document stays linear."""
    import bisect

    i = bisect.bisect_left(deadlines, a, key=lambda d: d.start)
    for d in deadlines[i:]:
        if d.start >= b:
            return None
        if d.value or not dated:
            return d
    return None


# ------------------------------------------------------------------ paragraphs and clauses


def paragraphs(
    text: str,
    regions: list[tuple[int, int, str]],
    skip: list[tuple[int, int]],
    sections: list[Section],
    table_rows: dict[int, frozenset[int]] | None = None,
) -> list[Para]:
    """The lines of the regions as paragraphs, each with the section it is in. A table row the plan-table
    reader does not take gives one paragraph per cell (a table of steps, of criteria, a two-column list)."""
    by_start = {s.start: s for s in sections}
    out: list[Para] = []
    opened: list[Section] = []  # sections open at the current line (a stack by level)
    order = sorted(sections, key=lambda s: s.start)
    k = 0
    quote = _QuoteTracker()
    for ln in split_lines(text):
        if not ln.text.strip() or not any(a <= ln.start < b for a, b, _ in regions):
            continue
        if any(a <= ln.start < b for a, b in skip):
            continue
        while k < len(order) and order[k].start <= ln.start:
            opened = [o for o in opened if o.level < order[k].level] + [order[k]]
            k += 1
        opened = [o for o in opened if o.start <= ln.start <= o.end]
        if ln.text.startswith("|"):
            if table_rows is not None:
                cols = table_rows.get(ln.start)
                out += _cell_paras(ln.start, ln.text, opened[-1] if opened else None, cols)
            continue
        sec = by_start.get(ln.start)
        quoted = quote.feed(ln.text)
        if sec is not None:
            out.append(Para(sec.body_start, ln.end, sec, True, quoted))
        else:
            out.append(Para(ln.start, ln.end, opened[-1] if opened else None, False, quoted))
    return out


_CELL = re.compile(r"[^|]+")


def _cell_paras(start: int, row: str, sec: Section | None, cols: frozenset[int] | None = None) -> list[Para]:
    """One paragraph per cell (only of the columns ``cols`` when given)."""
    out = []
    for i, m in enumerate(_CELL.finditer(row)):
        if cols is not None:
            if i in cols:
                out += _step_paras(start + m.start(), m.group(0), sec)
            continue
        raw = m.group(0)
        a = start + m.start() + len(raw) - len(raw.lstrip())
        b = start + m.end() - (len(raw) - len(raw.rstrip()))
        if b - a >= 8:  # not a row number, a mark, a figure
            out.append(Para(a, b, sec, False, cell=True))
    return out


# a procedure's steps joined in one cell: '1. Trình tự thực hiện - Tổ chức gửi hồ sơ ... - Trong thời hạn 05 ngày,
# Sở ... kiểm tra ... 2. Cách thức thực hiện: ...': each '- ' item and each numbered part is a paragraph
_STEP_BREAK = re.compile(r"(?:(?<=[.;:])|^)\s*(?:[-+•]\s+|\d{1,2}\.\s+(?=[A-ZĐ]))")


def _step_paras(start: int, cell: str, sec: Section | None) -> list[Para]:
    breaks = [(m.start(), m.end()) for m in _STEP_BREAK.finditer(cell)]
    pieces = zip([0] + [e for _, e in breaks], [s for s, _ in breaks] + [len(cell)], strict=True)
    out = []
    for a, b in pieces:
        seg = cell[a:b]
        a2, b2 = start + a + len(seg) - len(seg.lstrip()), start + a + len(seg.rstrip())
        if b2 - a2 >= 8:
            out.append(Para(a2, b2, sec, False, cell=True))
    return out


class _QuoteTracker:
    """Provisions quoted from other documents ('... quy định: "5. Việc miễn, giảm ..."'):
    a quotation opens with a line that starts with a quotation mark (or ends a lead with
    ': "') and closes at the line holding the closing mark. Quoted text assigns nothing."""

    _OPEN = re.compile(r'^\s*(?:[-+]\s*)?["“]|:\s*["“]\s*\S')
    _CLOSED = re.compile(r'["”]\s*[.;,)]*\s*$')

    def __init__(self) -> None:
        self.open = False

    def feed(self, line: str) -> bool:
        was_open = self.open
        m = self._OPEN.search(line)
        if not was_open and m:
            rest = line[m.end() :]
            self.open = rest.count('"') + rest.count("”") == 0  # '"học tập số" để ...' closes on its line
            return True
        if was_open and ('"' in line or "”" in line):
            self.open = False
        return was_open


_SENT = re.compile(rf"(?<=[.!?…])[\"”’)]?\s+(?=[\"“(]?{UPPER})")
_ABBREV_END = re.compile(r"(?:\b[A-ZĐ]{1,3}|\bTp|\bđ/c|\bĐ/c|\bSố|\bsố|\bkhoản \d+|\bĐiều \d+|\bđiểm \w)\.$")


def clauses(text: str, para: Para) -> list[Clause]:
    """Sentences of a paragraph; an item lead's ';'-separated clauses each on their own."""
    out: list[Clause] = []
    pos = para.start
    for m in _SENT.finditer(text, para.start, para.end):
        if _ABBREV_END.search(text[max(para.start, m.start() - 6) : m.start()]):
            continue
        out.append(Clause(pos, m.start(), para))
        pos = m.end()
    out.append(Clause(pos, para.end, para))
    out = [piece for c in out for piece in _split_merged_heading(text, c)]
    result: list[Clause] = []
    for c in out:
        if _non_task_re().match(text[c.start : c.end]):  # 'Tham dự Hội nghị có ...; ...': one sentence, no task
            result.append(c)
            continue
        for piece in _split_lead_list(text, c):
            result.extend(_split_actions(text, piece) if not piece.after_lead else [piece])
    return [c for c in result if text[c.start : c.end].strip(" .;:-")]


_MID_CAP = re.compile(rf"(?<={LOWER}|[\d)])\s+(?={UPPER}{LOWER})")


def _split_merged_heading(text: str, c: Clause) -> list[Clause]:
    """'Địa điểm làm thủ tục hải quan Thực hiện theo quy định ...': a heading run into its
    text (a capitalized verb after a lower-case word that is not a body's head)."""
    if not c.para.is_label_line or c.start != c.para.start:
        return [c]
    for m in _MID_CAP.finditer(text, c.start, min(c.end, c.start + 200)):
        pos, before = m.end(), text[c.start : m.start()]
        if re.search(r"[,;:.()]", before) or len(before.split()) > 15:
            break
        prev = before.split()[-1].lower() if before.split() else ""
        if prev in ("và", "cùng", "của", "với") or _after_head(text, m.start()):
            continue
        if _starts_with_cue(text, pos) and not ac.is_head_at(text, pos):
            return [Clause(c.start, m.start(), c.para), Clause(pos, c.end, c.para)]
    return [c]


def _after_head(text: str, pos: int) -> bool:
    """'7. Bộ Thông tin ...', 'phòng Kế hoạch ...': the word before is a body's head, so the capital
    after it starts the body's name, not a new clause."""
    word = text[max(0, pos - 12) : pos].split()[-1:] or [""]
    return word[0].lower() in _head_words()


@cache
def _head_words() -> frozenset[str]:
    words = _data()["heads"]["lowercase_bodies"]["words"]
    return frozenset(w.split()[-1] for w in words) | {"bộ"}


def _split_actions(text: str, c: Clause) -> list[Clause]:
    """'gửi báo cáo quý trước ngày 12; gửi báo cáo năm trước ngày 25/11': one clause per
    ';'-separated action (a part that does not open with a verb stays with the one before)."""
    if _top_level_colon(text[c.start : c.end]) is not None:
        return [c]
    parts = _split_semicolons(text, c.start, c.end)
    if len(parts) < 2:
        return [c]
    merged: list[tuple[int, int]] = [parts[0]]
    for a, b in parts[1:]:
        if _starts_with_cue(text, a):
            merged.append((a, b))
        else:
            merged[-1] = (merged[-1][0], b)
    return [Clause(a, b, c.para) for a, b in merged]


def _split_lead_list(text: str, c: Clause) -> list[Clause]:
    """'X chỉ đạo: xây dựng ...; lập ...; báo cáo ...' → lead + one clause per action."""
    seg = text[c.start : c.end]
    colon = _top_level_colon(seg)
    if colon is None:
        return [c]
    if _names_bodies(seg, colon) or _PAST.search(seg, 0, colon):
        return [c]  # '... đã chỉ đạo xây dựng ... trong các nội dung: quản lý ...; xác minh ...': what was done
    parts = _split_semicolons(text, c.start + colon + 1, c.end)
    if not parts or not _starts_with_cue(text, parts[0][0]):
        return [c]
    merged: list[tuple[int, int]] = []
    for a, b in parts:  # a ';' part that is not a new action continues the one before
        if merged and not _starts_with_cue(text, a):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    head = Clause(c.start, c.start + colon + 1, c.para)
    return [head] + [Clause(a, b, c.para, after_lead=True) for a, b in merged]


def _names_bodies(seg: str, colon: int) -> bool:
    """'Giao các Sở: Xây dựng, Nội vụ rà soát ...': the colon opens the fields of the bodies addressed
    (capitalized), not a list of actions."""
    m = ac.colon_list(seg, max(0, colon - 40), colon + 2)
    return m is not None and m.end() == colon + 2 and seg[m.end() : m.end() + 1].isupper()


def _top_level_colon(seg: str) -> int | None:
    """The first ':' among the first 260 characters that is outside parentheses (the
    depth is the count of '(' minus ')' before it, never clamped)."""
    head = seg[:260]
    depth, prev = 0, 0
    i = head.find(":")
    while i != -1:
        depth += head.count("(", prev, i) - head.count(")", prev, i)
        if depth == 0:
            return i
        prev, i = i, head.find(":", i + 1)
    return None


def _split_semicolons(text: str, start: int, end: int) -> list[tuple[int, int]]:
    parts, pos, depth, prev = [], start, 0, start
    i = text.find(";", start, end)
    while i != -1:  # a ';' splits where as many '(' as ')' precede it since ``start``
        depth += text.count("(", prev, i) - text.count(")", prev, i)
        if depth == 0:
            parts.append((pos, i))
            pos = i + 1
        prev, i = i, text.find(";", i + 1, end)
    parts.append((pos, end))
    return [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in parts if text[a:b].strip()]


@cache
def _time_opener() -> re.Pattern[str]:
    return re.compile(_data()["time_openers"]["pattern"], re.I)


_LEADING_MARKS = re.compile(r"[\s\"“(]*")


def _pure_basis(text: str, start: int, end: int | None = None, *, any_case: bool = False) -> bool:
    """'Căn cứ ...', 'Theo ...' open a clause with what it rests on ('căn cứ ...' after a ';' with
    ``any_case``); 'Thực hiện ...', 'Triển khai ...' (basis_openers' orders) may be the order itself."""
    m = (_basis_any_case_re() if any_case else _basis_re()).match(text, start, len(text) if end is None else end)
    return m is not None and m.group().strip().capitalize() not in _data()["basis_openers"]["orders"]


def _subject_after_basis(text: str, start: int, end: int) -> int:
    """'Căn cứ vào phương hướng, nhiệm vụ đã nêu, Văn phòng X và các văn phòng Y cụ thể hóa ...': where the
    subject after the basis a clause opens with starts (the first piece after a comma that names a body)."""
    comma = text.find(", ", start, end)
    while comma != -1:
        if ac.is_head_at(text, comma + 2):
            return comma + 2
        comma = text.find(", ", comma + 2, end)
    return start


def _adverbial_then_action(text: str, start: int, end: int) -> bool:
    """'Để phục vụ ..., cần tiến hành ...', 'Căn cứ quy định trên, đề nghị ...': after its adverbial phrase
    the clause goes on with the action, so those it is addressed to act; 'Căn cứ quy định trên, mặt hàng X
    thuộc đối tượng chịu thuế' goes on with a subject of its own that is no actor: an explanation."""
    m = _adverbial_re().match(text, start)
    if m is None:
        return False
    return text.find(", ", m.end(), end) == -1 or _action_after_comma(text, m.end(), end)


def _action_after_comma(text: str, start: int, end: int) -> bool:
    """A comma in [start, end) followed by the action ('..., khẩn trương xây dựng ...', '..., cần ...');
    an adverbial phrase may hold commas of its own."""
    comma = text.find(", ", start, end)
    while comma != -1:
        after = comma + 2
        if _starts_with_cue(text, after) or _MODAL.match(text, after) is not None:
            return True
        nxt = text.find(", ", after, end)
        piece = text[after : nxt if nxt != -1 else end]
        if ac.is_head_at(text, after) or _PAST.search(piece) or ac.predicates(text, after, after + len(piece)):
            return False  # '..., Chính phủ đã ...', '..., cơ quan thuế có thể tham khảo ...': a subject of its own
        comma = nxt
    return False


@lru_cache(maxsize=1024)  # asked again for one clause by each of the task stage's questions
def _starts_with_cue(text: str, pos: int) -> bool:
    m = _LEADING_MARKS.match(text[pos : pos + 10])
    p = pos + (m.end() if m else 0)
    t = _time_opener().match(text, p)
    if t:
        p = t.end()
    return any(q == p for q in ac.predicates(text, p, min(len(text), p + 40))[:1])


# ------------------------------------------------------------------ what is a task


_COPULA = re.compile(r"\s*là\s")
_PAST = re.compile(r"(?<!\w)(?:đã|đang|vừa)(?!\w)")
_CONDITIONAL = re.compile(r"^(?:Trường hợp|trường hợp|Nếu|nếu|Khi|khi|Trong quá trình|Đối với)\b")


_T = TypeVar("_T")


class _once(Generic[_T]):  # lower-case: used as a decorator, like cached_property
    """:func:`functools.cached_property` without its lock: before Python 3.12 it takes one
    on each first read of each instance's property, some twenty thousand times a pass over
    the corpus for the clauses' facts, which are read by the thread that made them only."""

    def __init__(self, fn: Callable[[Any], _T]) -> None:
        self._fn, self._name = fn, fn.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, obj: Any, owner: type | None = None) -> _T:
        value = self._fn(obj)
        obj.__dict__[self._name] = value  # read from the instance from now on (no __set__ here)
        return value


class _ClauseFacts:
    """What the rules see in one clause, each looked at once and only when asked: the task
    decision and the model's signals ask the same questions about a clause."""

    def __init__(self, text: str, c: Clause) -> None:
        self.text, self.c = text, c
        self.seg = text[c.start : c.end].strip()

    @_once
    def non_task_opener(self) -> bool:
        if _non_task_re().match(self.seg) or _amending_re().match(self.seg):
            return True
        before = self.text[self.c.para.start : self.c.start].rstrip()
        return (not before or before.endswith((".", ";", ":"))) and bool(_self_reference().match(self.seg))

    @_once
    def cue_start(self) -> bool:
        """The clause opens with its action, or with an adverbial phrase and then the action ('Trên cơ sở
        Nghị quyết ..., khẩn trương xây dựng ...')."""
        if _starts_with_cue(self.text, self.c.start):
            return True
        m = _adverbial_re().match(self.text, self.c.start)
        return (
            m is not None
            and not _pure_basis(self.text, self.c.start)
            and _action_after_comma(self.text, m.end(), self.c.end)
        )

    @_once
    def modal(self) -> bool:
        return bool(_MODAL.search(self.seg))

    @_once
    def directive(self) -> bool:
        return bool(ac.directive_objects(self.text, self.c.start, self.c.end))

    @_once
    def tell(self) -> bool:
        return bool(_TELL.search(self.seg))

    @_once
    def bare_directive(self) -> bool:
        return _bare_directive(self.text, self.c)

    @_once
    def narrative(self) -> bool:
        return bool(_narrative_re().search(self.seg))

    @_once
    def conditional(self) -> bool:
        return bool(_CONDITIONAL.match(self.seg))

    @_once
    def subject(self) -> tuple[int, int] | None:
        return first_subject(self.text, self.c.start, self.c.end)

    @_once
    def past(self) -> bool:
        """The subject is followed by 'đã' / 'đang' / 'vừa' (what was done, not what to do)."""
        subj = self.subject
        if subj is None:
            return False  # the subject may end before its 'đã' ('Tỉnh đã hoàn thành ...')
        return _PAST.search(self.text, subj[0], min(self.c.end, subj[1] + len(" đang "))) is not None

    @_once
    def passive(self) -> bool:
        """The subject is followed by 'được' ('Cán bộ, công chức được hưởng ...', 'Đội ngũ cán bộ được bố
        trí hợp lý'): done to it or owed to it, not assigned to it ('được giao chủ trì' is)."""
        subj = self.subject
        if subj is None:
            return False
        m = _PASSIVE.match(self.text, subj[1], self.c.end)
        if m is None:  # 'Vụ trưởng được ký thừa lệnh ... hướng dẫn': the subject ran past its 'được'
            m = _INNER_PASSIVE.search(self.text, subj[0], subj[1])
        return m is not None and _passive_ok_re().match(self.text, m.end(1) - len("được")) is None

    @_once
    def copula(self) -> bool:
        """The subject is followed by 'là' ('Cổng Thông tin điện tử tỉnh là kênh cung cấp ...'): what it is."""
        subj = self.subject
        if subj is None:
            return False  # the subject may run past its 'là' ('Cổng ... tỉnh là kênh'), as past 'được'
        return _COPULA.match(self.text, subj[1], self.c.end) is not None or " là " in self.text[subj[0] : subj[1]]

    @property
    def heading(self) -> bool:
        """The label line of a heading section (not a clause after a lead)."""
        c, sec = self.c, self.c.para.section
        return sec is not None and c.para.is_label_line and sec.is_heading and not c.after_lead


def is_task_clause(text: str, c: Clause, deadlines: list[Deadline] | None = None) -> tuple[bool, bool]:
    """(is a task, opens with an action verb) by the rules."""
    return _is_task(_ClauseFacts(text, c), deadlines)


def _is_task(f: _ClauseFacts, deadlines: list[Deadline] | None) -> tuple[bool, bool]:
    if not f.seg or f.non_task_opener:
        return False, False
    if deadlines and _schedule_item(f.text, f.c, deadlines):
        return True, False
    if f.heading and not _action_heading(f.text, f.c):
        return False, False
    cue_start, modal = f.cue_start, f.modal
    if modal and _qualification_re().search(f.seg):
        return False, False  # 'Giám đốc phải có ít nhất 05 năm kinh nghiệm': a standard to hold, not a task
    if f.directive or f.tell or f.bare_directive:
        return True, cue_start
    narrative = f.narrative and not f.conditional
    if cue_start or modal:
        return not (narrative and not modal and not cue_start), cue_start
    if f.subject is not None and not f.past and not narrative and not f.passive and not f.copula:
        return True, False
    return False, False


def clause_signals(text: str, c: Clause, deadlines: list[Deadline] | None = None) -> dict[str, float]:
    """What the rules see in a clause, as numbers: features for the statistical model."""
    return _signals(_ClauseFacts(text, c), deadlines)


def _signals(f: _ClauseFacts, deadlines: list[Deadline] | None) -> dict[str, float]:
    c, seg, sec = f.c, f.seg, f.c.para.section
    return {
        "cue_start": float(f.cue_start),
        "modal": float(f.modal),
        "directive": float(f.directive),
        "tell": float(f.tell),
        "bare_directive": float(f.bare_directive),
        "subject": float(f.subject is not None),
        "past": float(f.past),
        "narrative": float(f.narrative),
        "conditional": float(f.conditional),
        "non_task_opener": float(f.non_task_opener),
        "heading": float(f.heading),
        "after_lead": float(c.after_lead),
        "bullet": float(bool(sec is not None and sec.kind == "bullet" and c.para.is_label_line)),
        "numbered": float(bool(sec is not None and sec.kind != "bullet" and c.para.is_label_line)),
        "deadline": float(deadline_in(deadlines or [], c.start, c.end) is not None),
        "ends_colon": float(seg.endswith(":")),
        "words": min(len(seg.split()), 80) / 80,
    }


@dataclass(frozen=True)
class Candidate:
    """A clause the task stage considers, with the rules' view of it (for training and
    evaluating the model)."""

    start: int
    end: int
    text: str
    signals: dict[str, float]
    rule_task: bool


def candidates_for(raw_text: str) -> tuple[str, list[Candidate]]:
    """Run the pipeline up to the task stage on a raw document; return the normalized
    text and every clause of its body with the rules' signals and decision."""
    from .pipeline import Options, run_stages

    st = run_stages(raw_text, Options())
    norm, layout, sections = st.norm, st.layout, st.sections
    dls = sorted(st.deadlines, key=lambda d: d.start)
    out = []
    for para in paragraphs(norm.text, layout.regions, layout.skip, sections):
        for c in clauses(norm.text, para):
            ok, _ = is_task_clause(norm.text, c, dls)
            out.append(Candidate(c.start, c.end, norm.text[c.start : c.end], clause_signals(norm.text, c, dls), ok))
    return norm.text, out


_SCHEDULE_LABEL = re.compile(r"[^:;.]{3,60}:\s*")


def _schedule_item(text: str, c: Clause, deadlines: list[Deadline]) -> bool:
    """'Tựu trường: Ngày 26/8/2024 (thứ Hai).', 'Học kỳ I: Từ ngày 09/9/2024': a timetable line."""
    m = _SCHEDULE_LABEL.match(text, c.start, c.end)
    if not m or m.end() - c.start > 70:
        return False
    return deadline_in(deadlines, m.end() - 1, m.end() + 5, dated=True) is not None


def _action_heading(text: str, c: Clause) -> bool:
    """'Điều 1. Phân bổ chi tiết danh mục ... và giao nhiệm vụ ... sau:' opens with a verb and is long."""
    return _starts_with_cue(text, c.start) and len(text[c.start : c.end].split()) >= 7


_BARE_DIRECTIVE = re.compile(r"(?<![\w])(?:đề nghị|yêu cầu|Đề nghị|Yêu cầu)\s+(?=\w)")


def _bare_directive(text: str, c: Clause) -> bool:
    """'... nếu có khó khăn, vướng mắc, đề nghị phản ánh về Bộ': a request with no object."""
    for m in _BARE_DIRECTIVE.finditer(text, c.start, c.end):
        if ac.predicates(text, m.end(), min(c.end, m.end() + 30))[:1] == [m.end()]:
            return True
    return False


@lru_cache(maxsize=1024)  # asked again for one clause by each of the task stage's questions
def first_subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The subject of the clause: in front of its main predicate ('có trách nhiệm', 'phải',
    'chủ trì' ... tried first), else of the first predicate that has one."""
    preds = [p for p in ac.predicates(text, start + 1, end) if text[p].islower() and not _in_list(text, p)][:8]
    strong = [p for p in preds if ac.is_strong(text, p)]
    for p in strong + [q for q in preds if q not in strong]:
        subj = ac.subject_span(text, start, p)
        if subj is not None and ac.role_name_at(text, subj[0], p) and any(q > p for q in strong):
            continue  # 'Cơ quan phối hợp có trách nhiệm ...': the verb names the body's role
        if subj is not None:
            return subj
    return None


_LIST_WORD_BEFORE = re.compile(r"(,|các|và)\s$")


def _in_list(text: str, p: int) -> bool:
    """'các cơ quan, tổ chức và cá nhân': a cue word that is a noun in an actor list."""
    return text.startswith("tổ chức", p) and bool(_LIST_WORD_BEFORE.search(text[max(0, p - 5) : p]))


def _lineage(sec: Section | None, by_id: dict[str, Section]) -> Iterator[Section]:
    """The section and the sections it is inside, innermost first."""
    while sec is not None:
        yield sec
        sec = by_id.get(sec.parent_id) if sec.parent_id else None


def _within(sec: Section | None, outer: Section, by_id: dict[str, Section]) -> bool:
    return any(s is outer for s in _lineage(sec, by_id))


def _turns_to_items(text: str, para: Para, sc: Scopes) -> bool:
    """'I. ĐÁNH GIÁ CHUNG' ... 'Để ..., thành phố cần tập trung thực hiện một số nhiệm vụ sau đây:': a lead
    naming who acts hands the assessment over to the tasks in its items (not a plan's list of requirements)."""
    if para.start not in sc.lead_paras or para.section is None:
        return False
    lead = sc.lead.get(para.section.id)
    if lead is None or not any(para.start <= a < para.end for a, _b, _r in lead.spans):
        return False
    return not re.search(r"(?:các|một số|những)\s+yêu cầu\b", text[para.start : para.end])


def _in_purpose_section(sec: Section | None, by_id: dict[str, Section]) -> bool:
    return any(s.title and _non_task_section_re().match(s.title) for s in _lineage(sec, by_id))


# ------------------------------------------------------------------ actors of a clause


_TOPIC = re.compile(r"(?:Về|Đối với việc|Riêng việc|Riêng)\s[^:;]{3,300}?:\s+(?=\S)")


def clause_actors(text: str, start: int, end: int) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]]]:
    """Explicit lead/support actors and coordinating bodies printed in the clause (after a topic it opens
    with: 'Về dự án nạo vét luồng tàu: Bộ Xây dựng khẩn trương ...')."""
    topic = _TOPIC.match(text, start, end)
    if topic is not None and ac.is_head_at(text, topic.end()):
        start = topic.end()
    elif _pure_basis(text, start, end, any_case=True):  # also after ';': '...; căn cứ ..., Sở X ...'
        start = _subject_after_basis(text, start, end)
    leads: list[tuple[int, int, str]] = []
    objects = ac.directive_objects(text, start, end)
    imperative = _starts_with_cue(text, start) and not _title_subject(text, start) and not _pure_basis(text, start)
    subj = None if imperative else first_subject(text, start, end)
    tell = _TELL.search(text, start, end)
    if tell:
        subj = None  # 'X thông báo để Y biết, ...': Y acts
        leads += [(x, y, "lead") for x, y in ac.split_actor_list(text, tell.start(1), tell.end(1))]
    issuer_directive = [o for o in objects if o[0] in ("yêu cầu", "đề nghị", "giao")]
    if subj and any(subj[0] <= o[1][0] <= subj[1] + 20 for o in issuer_directive):
        subj = None  # 'Bộ yêu cầu X ...': the issuer asks, X acts
    if subj:
        leads += [(a, b, "lead") for a, b in ac.split_actor_list(text, *subj)]
    for verb, (a, b) in objects:
        if verb == "hướng dẫn" or (verb in ("chỉ đạo", "đôn đốc") and not (leads or subj)):
            continue  # 'Chỉ đạo các cấp ...' opening a clause: its object is not who acts
        role = "support" if verb in ("chỉ đạo", "đôn đốc") else "lead"
        leads += [(x, y, role) for x, y in ac.split_actor_list(text, a, b)]
    coords = [s for s in ac.coordinate_spans(text, start, end) if not any(a <= s[0] < b for a, b, _ in leads)]
    return _dedupe(leads), coords


_OF_BODY = re.compile(rf"\s+(?:các|toàn|những|{UPPER})")


def _title_subject(text: str, start: int) -> bool:
    """'Lãnh đạo các cơ sở giáo dục rà soát ...': a word that is a verb and a title ('lãnh đạo', 'chỉ
    huy') opens the clause as a title when a body follows it."""
    m = ac.head_re().match(text, start)
    return m is not None and m.start() == start and _OF_BODY.match(text, m.end()) is not None


def _dedupe(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for s in spans:
        if not any(s[0] < b and a < s[1] for a, b, _ in out):
            out.append(s)
    return out


# ------------------------------------------------------------------ scoped actors and times


@dataclass
class Scopes:
    heading: dict[str, Sourced] = field(default_factory=dict)  # section id → actors of its heading / lead
    assign: dict[str, Sourced] = field(default_factory=dict)  # section id → plan assignment (lead + coordinate)
    times: dict[str, Deadline] = field(default_factory=dict)  # section id → "Thời gian thực hiện"
    lead: dict[str, Sourced] = field(default_factory=dict)  # section id → a lead paragraph's actors ('Đề nghị X ...:')
    preamble: Sourced | None = None
    addressee: Sourced | None = None
    counterpart: Sourced | None = None  # whom a conclusion's session was with
    assignment_paras: set[int] = field(default_factory=set)
    lead_paras: set[int] = field(default_factory=set)  # paragraphs that only introduce the items after them
    covered: set[str] = field(default_factory=set)
    covered_times: set[str] = field(default_factory=set)
    siblings: dict[tuple[str | None, str], list[Section]] = field(default_factory=dict)  # see _sibling_groups


def build_scopes(
    text: str,
    paras: list[Para],
    sections: list[Section],
    by_id: dict[str, Section],
    deadlines: list[Deadline],
    header: Header,
    body_start: int,
) -> Scopes:
    sc = Scopes(siblings=_sibling_groups(sections))
    for sec in sections:
        lead_end = _lead_end(text, sec)
        if not lead_end:
            continue
        spans = ac.lead_actor_spans(text, sec.body_start, lead_end)
        if spans:
            # 'Sở Y tế chủ trì, phối hợp với Sở Tài chính:': the items inherit who coordinates too
            coords = [(a, b, "coordinate") for a, b in ac.coordinate_spans(text, sec.body_start, lead_end)]
            leads = [(a, b, "lead") for a, b in spans if not any(a <= x < b for x, _y, _r in coords)]
            sc.heading[sec.id] = Sourced(leads + coords, "heading")
    for p in paras:
        _collect_assignment(text, p, by_id, deadlines, sc)
    selves = _self_names(header)
    for k, p in enumerate(paras):
        _collect_lead(text, p, paras[k + 1] if k + 1 < len(paras) else None, sc, selves, deadlines)
    first_section = min((s.start for s in sections if s.part == "main"), default=None)
    for p in paras:
        if first_section is not None and p.start >= first_section:
            break
        objs = [x for x in _preamble_actors(text, p) if _names(text, x)]
        if objs:
            sc.preamble = Sourced(objs, "preamble")
    if header.addressees and header.start is not None:
        sc.addressee = _addressee_spans(text, header, body_start)
    elif header.subject:
        sc.counterpart = _counterpart_span(text, header.subject, body_start)
    return sc


@cache
def _counterpart_re() -> re.Pattern[str]:
    d = _data()["conclusion_counterparts"]
    before = "|".join(re.escape(w) for w in sorted(d["before"], key=len, reverse=True))
    drop = "|".join(re.escape(w) for w in d["drop"])
    return re.compile(rf"(?i)(?:{before})\s+(?:(?:{drop})\s+)?(?P<body>\S.{{2,80}}?)\s*$")


def _counterpart_span(text: str, subject: str, body_start: int) -> Sourced | None:
    """'... TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH SƠN LA': the body a conclusion was drawn with, where the
    header prints it (data/tasks.json conclusion_counterparts)."""
    from .gazetteer import canonical, find_bodies

    m = _counterpart_re().search(subject)
    if m is None:
        return None
    body = m.group("body")
    found = find_bodies(canonical(body))
    if not ac.unit_name_re().match(body.title()) and not _real_body(found):
        return None  # 'VỚI CÁC DOANH NGHIỆP': no body of the state
    at = re.search(r"\s+".join(re.escape(w) for w in body.split()), text[:body_start])
    return Sourced([(at.start(), at.end(), "lead")], "addressee") if at else None


def _names(text: str, span: tuple[int, int, str]) -> bool:
    """Whether a span names an actor ('... và ý kiến của' does not)."""
    name = ac.plausible_actor(text[span[0] : span[1]])
    return name is not None and not ac.dangling_end_re().search(name)


def _collect_lead(
    text: str, p: Para, nxt: Para | None, sc: Scopes, selves: list[str], deadlines: list[Deadline]
) -> None:
    """A paragraph that ends with ':' and is followed by items ('Đề nghị Thường trực Tỉnh ủy tập trung
    ... một số nội dung sau:' / '1. ...', '- ...') is no task of its own: its actors go to the items of
    its section."""
    seg = text[p.start : p.end].rstrip()
    if nxt is None or not nxt.is_label_line:
        return
    due = deadline_in(deadlines, p.start, p.end, dated=True) if seg.endswith(":") else None
    if due is not None and due.relation in ("by", "before", "within") and p.section is not None:
        # '..., hoàn thành trong tháng 11 năm 2025, cụ thể:': the items share the lead's deadline
        sc.times.setdefault(p.section.id, due)
    if p.is_label_line:  # '4. Đề nghị UBND các tỉnh A, B' over its own items
        if p.section is None or nxt.section is None or nxt.section.parent_id != p.section.id:
            return
        spans = _bare_request(text, p)
        if spans:
            sc.lead_paras.add(p.start)
            sc.lead.setdefault(p.section.id, Sourced(spans, "item_lead"))
        return
    if not seg.endswith(":"):
        return
    if _only_introduces(text, p):
        sc.lead_paras.add(p.start)
    # 'Ủy ban nhân dân tỉnh ban hành Kế hoạch ... như sau:' — the issuer introducing, not acting
    spans = [x for x in _lead_para_actors(text, p) if not _is_self(text[x[0] : x[1]], selves) and _names(text, x)]
    if spans:
        key = p.section.id if p.section is not None else "_doc"
        sc.lead.setdefault(key, Sourced(spans, "item_lead" if p.section is not None else "preamble"))


_ITEMS_NOUN = re.compile(
    r"(?:các|một số|những)\s+(?:nội dung|nhiệm vụ|việc|giải pháp|vấn đề|yêu cầu|biện pháp|công việc|hoạt động)"
    r"|(?:như|sau|cụ thể)\s*:\s*$"
)
_lead_verb_re = partial(ac.word_list_re, "lead_verbs", r"(?<![\w])")


def _only_introduces(text: str, p: Para) -> bool:
    """Whether a lead ending with ':' only hands over to its items: between who acts and 'các nội dung
    sau' there are only the verbs of a lead ('tập trung chỉ đạo, thực hiện')."""
    leads, _ = clause_actors(text, p.start, p.end)
    after = max((b for _, b, _r in leads), default=p.start)
    m = _ITEMS_NOUN.search(text, after, p.end)
    if m is None:
        return False
    middle = _lead_verb_re().sub(" ", text[after : m.start()])
    return len(re.findall(r"[^\W\d_]+", middle)) < 3


def _bare_request(text: str, p: Para) -> list[tuple[int, int, str]]:
    """'Đề nghị UBND các tỉnh Bắc Ninh, Long An' / 'Giao Sở Y tế:': a request naming who acts and nothing
    else (its items say what)."""
    objs = ac.directive_objects(text, p.start, p.end)
    if not objs:
        return []
    _, (a, b) = objs[0]
    if text[b : p.end].strip(" .:;"):
        return []
    return [(x, y, "lead") for x, y in ac.split_actor_list(text, a, b)]


def _lead_para_actors(text: str, p: Para) -> list[tuple[int, int, str]]:
    cs = clauses(text, p)
    if not cs or _ISSUER_ASKS.search(text, p.start, p.end):
        return []  # 'Sở Y tế đề nghị:' — the issuer asks; the addressees act
    last = cs[-1]
    objs = ac.directive_objects(text, last.start, last.end)
    spans = [(x, y, "lead") for _, (a, b) in objs for x, y in ac.split_actor_list(text, a, b)]
    if spans:
        return spans
    target = _LEAD_TARGET.search(text, last.start, last.end)
    if target is not None and ac.is_head_at(text, target.start(1)) and not _sector_re().match(text, target.start(1)):
        # '..., Phòng Giáo dục xác định nhiệm vụ đối với các trường trên địa bàn như sau:': the items are theirs
        return [(x, y, "lead") for x, y in ac.split_actor_list(text, target.start(1), target.end(1))]
    for c in reversed(cs):
        # '..., X cụ thể hóa để tổ chức thực hiện, trong đó, cần tập trung các nhiệm vụ sau:': the subject
        # of the lead may stand in an earlier clause of it
        leads, _ = clause_actors(text, c.start, c.end)
        if leads:
            return [(a, b, "lead") for a, b, _r in leads]
    return []


_LEAD_TARGET = re.compile(r"đối với\s+([^:;]{3,200}?)\s*(?:như sau|cụ thể như sau|sau đây|cụ thể)?\s*:\s*$")


def _lead_end(text: str, sec: Section) -> int | None:
    """End of the part of a section's first line that can name its actors."""
    line_end = text.find("\n", sec.body_start)
    line_end = len(text) if line_end == -1 else line_end
    if sec.is_heading:
        return line_end
    colon = _top_level_colon(text[sec.body_start : line_end])
    return sec.body_start + colon if colon is not None and colon < 200 else None


def _collect_assignment(text: str, p: Para, by_id: dict[str, Section], deadlines: list[Deadline], sc: Scopes) -> None:
    m = _assign_re().match(text, p.start, p.end)
    if not m:
        return
    sc.assignment_paras.add(p.start)
    sec = p.section
    # the assignment covers its parent's subtree: climb over assignment sections
    scope = sec
    if p.is_label_line and sec is not None:
        scope = by_id.get(sec.parent_id) if sec.parent_id else None
        while scope is not None and scope.title and _assign_re().match(scope.title):
            scope = by_id.get(scope.parent_id) if scope.parent_id else None
    key = scope.id if scope is not None else "_doc"
    end = sec.end if (p.is_label_line and sec is not None) else p.end
    after_items = scope is not None and (not p.is_label_line or (sec is not None and sec.kind == "bullet"))
    if m.group("time"):
        dl = deadline_in(deadlines, p.start, end, dated=True) or deadline_in(deadlines, p.start, end)
        if dl is not None:
            sc.times.setdefault(key, dl)
            if after_items:
                _cover_preceding_siblings(scope, sc.siblings, sc.times, sc.covered_times, key)
        return
    role = "coordinate" if m.group("coord") else "lead"
    spans = _assignment_actor_spans(text, m.end(), end)
    if not spans:
        return
    tagged = [(a, b, role if r == "lead" else r) for a, b, r in spans]
    cur = sc.assign.get(key)
    sc.assign[key] = Sourced((cur.spans if cur else []) + tagged, "assignment")
    if after_items:
        _cover_preceding_siblings(scope, sc.siblings, sc.assign, sc.covered, key)


def _cover_preceding_siblings(
    scope: Section | None,
    siblings: dict[tuple[str | None, str], list[Section]],
    table: dict,
    covered: set[str],  # type: ignore[type-arg]
    key: str,
) -> None:
    """'1.1 ... 1.2 ... - Cơ quan thực hiện: ...': assignment lines printed after a block of
    items cover the items before them that have none of their own."""
    if scope is None:
        return
    group = siblings.get((scope.parent_id, scope.kind), [])
    before = bisect.bisect_left(group, scope.start, key=lambda s: s.start)
    for sib in reversed(group[:before]):
        if sib.id in table or sib.id in covered:
            break
        table[sib.id] = table[key]
        covered.add(sib.id)


class _SectionFinder:
    """The innermost section holding a position, in about log(n) steps: the section that
    starts last at or before it, or the first of that section's ancestors that reaches it
    (sections nest, so the innermost holder is always on that chain)."""

    def __init__(self, sections: list[Section]) -> None:
        self._sections = sorted(sections, key=lambda s: s.start)
        self._starts = [s.start for s in self._sections]
        self._by_id = {s.id: s for s in sections}

    def innermost(self, pos: int) -> Section | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        sec = self._sections[i] if i >= 0 else None
        while sec is not None and sec.end < pos:
            sec = self._by_id.get(sec.parent_id) if sec.parent_id else None
        return sec


def _sibling_groups(sections: list[Section]) -> dict[tuple[str | None, str], list[Section]]:
    """Sections grouped by (parent, kind), each group sorted by start, so that finding
    an item's preceding siblings stays cheap in long plans."""
    groups: dict[tuple[str | None, str], list[Section]] = {}
    for sec in sorted(sections, key=lambda s: s.start):
        groups.setdefault((sec.parent_id, sec.kind), []).append(sec)
    return groups


_AND_NEXT = re.compile(r"(?:,|\bvà)\s+")


def _assignment_actor_spans(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for ln in split_lines(text[start:end]):
        a, b = start + ln.start, start + ln.end
        seg = text[a:b]
        lab = re.match(r"^\s*(?:[-+•]|[a-zđ]\)|\d+\.)\s*", seg)
        if lab:
            a += lab.end()
        if _assign_re().match(text, a, b):
            continue
        coords = ac.coordinate_spans(text, a, b)
        first = min((c[0] for c in coords), default=b)
        stop = text.rfind("chủ trì", a, first) if "chủ trì" in text[a:first] else first
        stop = first if stop == -1 else stop
        # '- Cơ quan thực hiện: Các sở, ngành trong phạm vi chức năng, nhiệm vụ của mình và các cơ quan khác': a
        # phrase after a stop word is no part of the name; a body named after it ('và các cơ quan ...') is
        cut = ac.np_stop(text, a, stop)
        parts = [(a, stop)] if cut is None else [(a, cut)]
        if cut is not None:
            more = next(
                (cut + m.end() for m in _AND_NEXT.finditer(text[cut:stop]) if ac.is_head_at(text, cut + m.end())), None
            )
            parts += [(more, stop)] if more is not None else []
        for x, y in (span for p, q in parts for span in ac.split_actor_list(text, p, q)):
            out.append((x, y, "lead"))
        out += [(x, y, "coordinate") for x, y in coords]
    return out


def _preamble_actors(text: str, p: Para) -> list[tuple[int, int, str]]:
    seg = text[p.start : p.end]
    if _non_task_re().match(seg) or not re.search(
        r"(:\s*$|như sau|sau đây|cụ thể|các nội dung|những việc|một số nội dung)", seg
    ):
        return []
    objs = ac.directive_objects(text, p.start, p.end)
    spans = [(x, y, "lead") for _, (a, b) in objs for x, y in ac.split_actor_list(text, a, b)]
    if spans:
        return spans
    m = re.search(r"(có trách nhiệm|chịu trách nhiệm|cần thực hiện|thực hiện tốt)[^:]*:\s*$", seg)
    if m:
        subj = ac.subject_span(text, p.start, p.start + m.start())
        if subj:
            return [(x, y, "lead") for x, y in ac.split_actor_list(text, *subj)]
    return []


def _addressee_spans(text: str, header: Header, body_start: int) -> Sourced | None:
    """The 'Kính gửi' addressees as printed in the header, each body of a line on its own."""
    spans: list[tuple[int, int, str]] = []
    for name in header.addressees:
        i = text.find(name, 0, body_start)
        if i != -1:
            spans += [(a, b, "lead") for a, b in ac.split_actor_list(text, i, i + len(name))]
    return Sourced(spans, "addressee") if spans else None


# ------------------------------------------------------------------ assembly


def _scoped(sec: Section | None, table: dict[str, _T], by_id: dict[str, Section]) -> _T | None:
    """The value the nearest enclosing section holds in ``table`` (actors, a time), else the document's."""
    return next((table[s.id] for s in _lineage(sec, by_id) if s.id in table), table.get("_doc"))


def _item_lead(text: str, c: Clause, lead_clause: Clause | None) -> Sourced | None:
    if lead_clause is None:
        return None
    if re.search(
        r"(?:yêu cầu|đề nghị|giao|thông báo)(?: như sau| một số nội dung sau| các nội dung sau)?\s*:\s*$",
        text[lead_clause.start : lead_clause.end],
    ):
        return None  # 'Sở Y tế đề nghị:' — the issuer asks; the addressees act
    objs = ac.directive_objects(text, lead_clause.start, lead_clause.end)
    spans = [s for _, (a, b) in objs for s in ac.split_actor_list(text, a, b)]
    if not spans and lead_clause.end - lead_clause.start < 160:
        spans = ac.lead_actor_spans(text, lead_clause.start, lead_clause.end - 1)
    if not spans:
        pred = next((p for p in ac.predicates(text, lead_clause.start, lead_clause.end)), None)
        subj = ac.subject_span(text, lead_clause.start, pred) if pred else None
        spans = ac.split_actor_list(text, *subj) if subj else []
    return Sourced([(a, b, "lead") for a, b in spans], "item_lead") if spans else None


_ISSUER_ASKS = re.compile(
    r"(?:yêu cầu|đề nghị|giao|thông báo)(?: như sau| một số nội dung sau| các nội dung sau)?\s*:\s*$"
)


def _list_lead(text: str, para: Para, paras: list[Para], idx: int) -> Sourced | None:
    """A lead paragraph ending with ':' ('Giám đốc Sở ... có trách nhiệm:') governs the
    bullets that follow it."""
    if not (para.section is not None and para.section.kind == "bullet" and para.is_label_line):
        return None
    for j in range(idx - 1, max(-1, idx - 30), -1):
        prev = paras[j]
        seg = text[prev.start : prev.end].rstrip()
        if seg.endswith(":") and not prev.is_label_line:
            last = clauses(text, prev)[-1]
            return _item_lead(text, last, last)
        if not (prev.section and prev.section.kind == "bullet"):
            return None
    return None


def assemble_tasks(
    text: str,
    header: Header,
    layout,
    sections: list[Section],
    references: list[LegalReference],  # type: ignore[no-untyped-def]
    deadlines: list[Deadline],
    *,
    use_model: bool = True,
) -> list[Task]:
    by_id = {s.id: s for s in sections}
    deadlines = sorted(deadlines, key=lambda d: d.start)
    from .table_tasks import plan_table_rows

    paras = paragraphs(text, layout.regions, layout.skip, sections, plan_table_rows(text, layout.regions))
    sc = build_scopes(text, paras, sections, by_id, deadlines, header, layout.body_start)
    ref_starts = sorted(r.start for r in references)
    model = _load_model() if use_model else None
    dutiful = _dutiful_items(text, paras, deadlines)
    duty_parents = _duty_parents(dutiful)
    drafts: list[Draft] = []
    forward: Section | None = None  # an assessment section that has turned to what comes next
    for idx, para in enumerate(paras):
        if para.start in sc.assignment_paras or para.quoted:
            continue
        if _in_purpose_section(para.section, by_id):
            if _forward_re().match(text, para.start, para.end) or _turns_to_items(text, para, sc):
                forward = para.section  # 'I. ĐÁNH GIÁ CHUNG' ... 'Trong thời gian tới, Tỉnh tổ chức ...'
            if forward is None or not _within(para.section, forward, by_id):
                continue
        if para.start in sc.lead_paras and len(clauses(text, para)) == 1:
            continue  # 'Đề nghị X thực hiện một số nội dung sau:' introduces its items
        lead_clause: Clause | None = None
        para_drafts: list[Draft] = []
        for c in clauses(text, para):
            if text[c.start : c.end].rstrip().endswith(":") and not c.after_lead:
                lead_clause = c
            if _cites_first(text, c, ref_starts):
                continue  # 'Quyết định số 12/QĐ-UBND ngày ... ban hành Kế hoạch ...': an item that names a document
            facts = _ClauseFacts(text, c)
            if (
                facts.heading
                and para.section is not None
                and para.section.id in duty_parents
                and not clause_actors(text, c.start, c.end)[0]
            ):
                continue  # '2. Tăng cường tuyên truyền ...' over '- Thường xuyên tuyên truyền ...': a title
            ok, cue_start = _is_task(facts, deadlines)
            if not ok and c.start == para.start and _like_its_siblings(facts, para, dutiful):
                ok = cue_start = True  # '- Chăm lo đời sống ...' among '- Tổ chức ...', '- Hướng dẫn ...'
            prob = None
            leads, coords = clause_actors(text, c.start, c.end)
            if not leads and _states_its_basis(text, c, ref_starts):
                continue  # 'Căn cứ Điều 17 Luật Quản lý thuế ...', 'Thực hiện Nghị quyết số 66/NQ-CP ...
            if model is not None:
                prob = model.task_probability(text[c.start : c.end], _signals(facts, deadlines))
                ok = decide(ok, prob, model.info.get("decision"), named=bool(leads))
            if not ok:
                if (
                    para_drafts
                    and deadline_in(deadlines, c.start, c.end, dated=True) is not None
                    and not _own_deadline(c, para_drafts[-1], deadlines)
                ):
                    para_drafts[-1].end = c.end  # 'Việc thiết lập ... thực hiện trước ngày 15/02/2017.'
                continue
            explicit = Sourced(leads, "explicit") if leads else None
            if para_drafts and not explicit and not c.after_lead and not _own_deadline(c, para_drafts[-1], deadlines):
                para_drafts[-1].end = c.end  # a follow-up sentence of the same assignment
                para_drafts[-1].coordinate += coords
                continue
            src = explicit or (_item_lead(text, c, lead_clause) if c.after_lead or lead_clause else None)
            if src is None and para_drafts and not explicit:
                prev = para_drafts[-1].actors
                src = Sourced(prev.spans, "inherited") if prev else None
            draft = Draft(c.start, c.end, para.section, src, coords, cue_start=cue_start)
            if prob is not None:
                draft.confidence = prob
            if src is None and model is not None and _CAPITAL.search(text, c.start + 1, c.end):
                draft.model_clause = (c, tuple(coords))  # the tagger looks for a name: none without a capital
            para_drafts.append(draft)
        for d in para_drafts:
            if d.actors is None and d.model_clause is not None:
                # a subject the tagger sees in the clause itself comes before anything inherited
                leads = [
                    x for x in _model_actors(model, text, *d.model_clause) if ac.plausible_actor(text[x[0] : x[1]])
                ]
                d.actors = Sourced(leads, "explicit") if leads else None
            if d.actors is None and not d.cue_start:
                d.actors = _opening_noun_phrase(text, d)  # 'Tiểu ban giúp việc ... thực hiện ...'
            if d.actors is None:
                # the document's addressees or preamble act only where the clause opens with the action
                if _pure_basis(text, d.start):  # 'Căn cứ quy định trên, ...': on what follows
                    whole = _adverbial_then_action(text, d.start, d.end)
                else:
                    whole = d.cue_start or _adverbial_re().match(text, d.start) is not None
                attached = any(a <= d.start < b and kind == "attachment" for a, b, kind in layout.regions)
                d.actors = _list_lead(text, para, paras, idx) or _fallback(
                    d.section, sc, by_id, whole, addressed=not attached
                )
        drafts.extend(para_drafts)
    drafts += _table_drafts(text, deadlines, layout.regions, header.issued_date, sections)
    drafts.sort(key=lambda d: d.start)
    drafts = _join_lone_leads(text, drafts, sections, sc)
    tasks = [_finish(text, i, d, sc, by_id, references, deadlines) for i, d in enumerate(drafts)]
    selves = _self_names(header)
    norms = _normative_spans(text, header, layout.regions)
    kept = [t for t in tasks if _assigns(t, selves) and not _norm_of_the_public(t, norms, by_id)]
    return [t.model_copy(update={"id": f"t{i + 1}"}) for i, t in enumerate(kept)]


_LABELLED = re.compile(r"[^:;,.]{2,40}:")  # '- Nội dung thực hiện: ...', '- Cơ quan chủ trì: ...': a field of its item
_Lists = dict[tuple[str | None, str], dict[str, bool]]


def _dutiful_items(text: str, paras: list[Para], deadlines: list[Deadline]) -> _Lists:
    """For each list (parent, kind): item id → whether the item's first clause is a task by the rules."""
    out: _Lists = {}
    for p in paras:
        sec = p.section
        if p.is_label_line and sec is not None and not sec.is_heading and not p.cell:
            ok = (
                not _LABELLED.match(text, p.start, p.end)
                and _is_task(_ClauseFacts(text, Clause(p.start, p.end, p)), deadlines)[0]
            )
            out.setdefault((sec.parent_id, sec.kind), {})[sec.id] = ok
    return out


def _duty_parents(dutiful: _Lists) -> set[str | None]:
    """The sections whose own items include a task: their line is the items' title, however it is worded."""
    return {parent for (parent, _kind), oks in dutiful.items() if any(oks.values())}


def _like_its_siblings(f: _ClauseFacts, para: Para, dutiful: _Lists) -> bool:
    """An item with no cue of its own is a duty when the items of its list are: a list of what a body
    must do is written one way ('- Chăm lo đời sống ...' among '- Tổ chức ...', '- Hướng dẫn ...'). Not
    an item that says what happened or what is owed, nor a 'Label: value' line."""
    sec = para.section
    if sec is None or para.quoted or not para.is_label_line:
        return False
    if f.narrative or f.past or f.passive or f.conditional or f.non_task_opener or f.heading:
        return False
    if ":" in f.text[para.start : min(para.end, para.start + 100)] or not f.seg[:1].isupper():
        return False
    if _noun_item_re().match(f.seg) or ac.is_head_at(f.seg, 0):
        return False  # '- Việc cấp phép ...', '- Ủy ban nhân dân các xã (gọi chung là ...)': no action
    opening = " ".join(f.seg.split()[:8])
    if _PAST.search(opening) or _STATIVE.search(opening):
        return False  # 'Hộ nghèo được hỗ trợ ...', 'Năm qua đã hỗ trợ ...': a statement, whoever its subject
    votes = [ok for i, ok in dutiful.get((sec.parent_id, sec.kind), {}).items() if i != sec.id]
    return sum(votes) >= 2 and sum(votes) * 3 >= len(votes) * 2


def _normative_spans(text: str, header: Header, regions: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The parts of the document that lay down norms (data/tasks.json normative_texts): the main text of a
    Nghị định or Thông tư, or of a decision whose subject is 'QUY ĐỊNH ...'; an attached Quy định or Quy chế."""
    d = _data()["normative_texts"]
    out: list[tuple[int, int]] = []
    subject = (header.subject or "").strip()
    main_norms = header.doc_type in d["types"] or (
        header.doc_type in ("QĐ", "NQ") and subject.startswith(tuple(d["subjects"]))
    )
    for start, end, part in regions:
        if part == "main" and (main_norms or _answers_a_question(text, start, end)):
            out.append((start, end))
        elif part == "attachment":
            title = text[start:end].lstrip(" \n*#").split("\n", 1)[0].strip(" *")
            if title.startswith(tuple(d["titles"])):
                out.append((start, end))
    return out


@cache
def _reply_re() -> re.Pattern[str]:
    d = _data()["normative_texts"]
    opener, asks = _alt(d["reply_openers"]), _alt(d["reply_asks"])
    return re.compile(rf"(?i)(?:{opener})\b[^\n]{{0,400}}?(?<![\w])(?:{asks})(?![\w])")


def _answers_a_question(text: str, start: int, end: int) -> bool:
    """'Cục Thuế nhận được công văn số ... của Công ty X hỏi về ...': a letter that explains the law to
    whoever asked (data/tasks.json normative_texts, reply_openers)."""
    return _reply_re().search(text, start, min(end, start + 3000)) is not None


def _norm_of_the_public(t: Task, norms: list[tuple[int, int]], by_id: dict[str, Section]) -> bool:
    """In a text of norms, a clause whose actors are no real body ('Tổ chức, cá nhân sử dụng điện phải ...',
    'Cán bộ, công chức phải bảo mật ...') is a norm, not a task; the section on who carries the text out
    ('Tổ chức thực hiện') keeps its tasks."""
    from .gazetteer import find_bodies

    if not any(a <= t.start < b for a, b in norms):
        return False
    sec = by_id.get(t.section_id) if t.section_id else None
    lineage = list(_lineage(sec, by_id))
    if any(s.title and _execution_section_re().match(s.title) for s in lineage):
        return False
    found = [find_bodies(a.name) for a in t.actors]
    if any(s.title and ac.duty_heading(s.title) for s in lineage) and not any(
        _public(a.name, f) for a, f in zip(t.actors, found, strict=True)
    ):
        return False  # 'Điều 17. Trách nhiệm của Văn thư cơ quan': the text assigns these duties to whom it names
    return not any(_real_body(f) or _NAMED_AGENCY.match(a.name) for a, f in zip(t.actors, found, strict=True))


# 'Cơ quan Kiểm lâm', 'Cơ quan Thuế', 'cơ quan Công an': the generic head before a capitalized name is an agency of
# the state, whatever the gazetteer knows
_NAMED_AGENCY = re.compile(r"(?:[Cc]ác\s+)?[Cc]ơ quan\s+[A-ZĐ]")


@cache
def _public_re() -> re.Pattern[str]:
    return re.compile(rf"(?i)(?:các\s+)?(?:{_alt(_data()['normative_texts']['public'])})(?!\w)")


def _public(name: str, found: list[BodyMatch]) -> bool:
    """'Tổ chức, cá nhân', 'người dân': a category of the public, which a norm binds but no task assigns."""
    return bool(_public_re().match(name)) or (bool(found) and found[0].kind == "collective" and not _real_body(found))


def _real_body(found: list[BodyMatch]) -> bool:
    """'Sở Y tế', 'Ủy ban nhân dân cấp xã', 'các sở, ban, ngành': a body of the state; not a category of
    people or of the public ('Cán bộ, công chức', 'tổ chức, cá nhân', 'Các cơ sở khám bệnh')."""
    if not found or found[0].start != 0:
        return False
    return found[0].kind != "collective" or _state_collective_re().search(found[0].text) is not None


_FOOTNOTE_MARK = re.compile(r"\[\d{1,3}\]\s")


_CAPITAL = re.compile(f"{UPPER}")


def _cites_first(text: str, c: Clause, ref_starts: list[int]) -> bool:
    """The clause opens with a reference to another document (a list of documents, a footnote '[7]')."""
    start = c.start + len(text[c.start : c.end]) - len(text[c.start : c.end].lstrip(" -+•*"))
    if _FOOTNOTE_MARK.match(text, start):
        return True
    i = bisect.bisect_left(ref_starts, start)
    return i < len(ref_starts) and ref_starts[i] <= start + 1


@cache
def _self_reference() -> re.Pattern[str]:
    """'Nghị quyết này thay thế ...', 'Quyết định này quy định ...', 'Nghị quyết quy định chi ...': the text
    speaking of itself (its scope, its effect), which assigns nothing."""
    from .doctypes import type_words

    return re.compile(rf"(?i:{_alt(type_words())})\s+(?:này\b(?!\s*,)|quy định\b)")


def _states_its_basis(text: str, c: Clause, ref_starts: list[int]) -> bool:
    """A clause in running text that opens by naming the document it rests on: 'Căn cứ Điều 17 Luật Quản
    lý thuế ...', 'Thực hiện Nghị quyết số 66/NQ-CP ...' (but 'Căn cứ chức năng, nhiệm vụ, chủ động ...'
    names no document, and a numbered item 'Thực hiện Kế hoạch số ...' is an order)."""
    m = _basis_re().match(text, c.start, c.end)
    if m is None or (c.para.is_label_line and m.group(0).strip() in _data()["basis_openers"]["orders"]):
        return False
    i = bisect.bisect_left(ref_starts, m.end())
    return i < len(ref_starts) and _basis_gap_re().fullmatch(text, m.end(), ref_starts[i]) is not None


@cache
def _amending_re() -> re.Pattern[str]:
    """'Sửa đổi, bổ sung điểm a khoản 1 Điều 9 như sau:': the document amending another (data/tasks.json
    amending_acts)."""
    d = _data()["amending_acts"]
    verbs = "|".join(re.escape(v) for v in sorted(d["verbs"], key=len, reverse=True))
    provisions = "|".join(re.escape(p) for p in sorted(d["provisions"], key=len, reverse=True))
    return re.compile(rf"^[\d.)\s-]*(?:{verbs})\s+(?:{provisions})(?![\w])")


@cache
def _basis_gap_re() -> re.Pattern[str]:
    """What may stand between the opener and the document: 'quy định tại', 'Điều 4, Điều 17, Điều 19'."""
    return re.compile(_data()["basis_openers"]["between"])


def _assigns(t: Task, selves: list[str]) -> bool:
    """A task is an action the document assigns: not without an identifiable body or office holder, not
    the issuer's own narrative ('Cục Thuế nhận được ...', 'Bộ sẽ tổng hợp ...': the issuer the subject
    of its own sentence, unless it sets itself a deadline; a plan's heading may still give the issuer a
    task), not a closing formula."""
    if not t.actors or _closing_formula().search(t.text) or is_upper_line(t.text) or _only_names(t.text):
        return False
    if _names_field(t.text) or _PLACEHOLDER.search(t.text) or t.text.rstrip(" .").endswith("?"):
        return False  # a field, a blank of a form, a question ('... có phải cung cấp lại không?')
    if _only_addressed(t):
        return False
    leads = [a for a in t.actors if a.role == "lead"] or t.actors
    own_time = t.deadline is not None and t.deadline.start >= t.start and t.deadline.end <= t.end
    if any(a.source == "explicit" and re.search(rf"{re.escape(a.name)}\s+sẽ\s", t.text) for a in leads):
        return own_time  # 'Chính phủ sẽ phân công ...', 'Văn phòng sẽ phối hợp ...': what a body will do, a statement
    if all(a.source == "explicit" and _is_self(a.name, selves) for a in leads):
        return own_time
    return True


def _only_addressed(t: Task) -> bool:
    """'Đề nghị Ban Tuyên giáo và Dân vận Tỉnh ủy' on its own line: it names whom the items below address and
    asks nothing itself (the words before the names: an item lead's prefixes, data/tasks.json lead_strip)."""
    text = t.text.lstrip(" -+•*")
    m = ac.lead_prefix().match(text)
    if m is None:
        return False
    rest = text[m.end() :]
    for a in sorted(t.actors, key=lambda a: -len(a.name)):
        rest = rest.replace(a.name, " ")
    return re.fullmatch(r"[\s,;:.()]*(?:(?:và|cùng)[\s,;:.()]*)*", rest) is not None


# a blank of a form to fill in ('Căn cứ .......... (5)', 'Hội đồng …… cam kết'), not ',....' for 'etc.'
_PLACEHOLDER = re.compile(r"(?<![,.])\.{5,}|…[\s.]*…|\.{3,}\s*\(\d{1,2}\)")
_FIELD = re.compile(r"^[^:]{3,120}:\s*(?=\S)")


def _names_field(seg: str) -> bool:
    """'Cơ quan có thẩm quyền quyết định: Ủy ban nhân dân tỉnh.': a field of a procedure or a plan whose
    value is only names assigns nothing itself."""
    m = _FIELD.match(seg.strip(" -+•*"))
    return m is not None and _only_names(seg.strip(" -+•*")[m.end() :])


@lru_cache(maxsize=4096)
def _only_names(seg: str) -> bool:
    """'Bộ Ngoại giao', 'Thanh tra Chính phủ': a body's name alone (a table cell) assigns nothing."""
    from .gazetteer import find_bodies

    core = seg.strip(" .;:,-")
    if len(core) > 160 or core.count(" ") > 24 or core.endswith(("./.", "./")):
        return False  # too long for a cell of names, or a sentence's end: the cheap checks first
    found = find_bodies(core)
    if not found:
        return False
    rest, pos = [], 0
    for m in found:
        rest.append(core[pos : m.start])
        pos = m.end
    rest.append(core[pos:])
    return all(re.fullmatch(r"[\s,;()]*(?:và|,)?[\s,;()]*", r) for r in rest)


@cache
def _closing_formula() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p['re']})" for p in _data()["closing_formulas"]["patterns"]), re.I)


_SPEAKER = re.compile(r"(?i)kết luận của\s+(.+?)\s+(?:tại|về|trong|khi)\b")
_HEAD_TITLES = ("bộ trưởng", "chủ tịch", "giám đốc", "cục trưởng", "tổng cục trưởng", "thủ tướng", "trưởng ban")


def _self_names(header: Header) -> list[str]:
    """The issuer as the document names itself: its body (with and without the superior body), and a
    conclusion's speaker ('Thông báo kết luận của Thủ tướng Chính phủ tại ...')."""
    out = [_fold_name(header.issuer)] if header.issuer else []
    if header.issuer and header.issuer_parent:
        out.append(_fold_name(f"{header.issuer_parent} {header.issuer}"))
        if ac.unit_name_re().match(header.issuer.title()):  # 'ỦY BAN NHÂN DÂN' / 'TỈNH BẮC NINH': one body
            out.append(_fold_name(header.issuer_parent))
    m = _SPEAKER.search(header.subject or "")
    if m:
        out.append(_fold_name(m.group(1)))
    return [x for x in out if x]


def _fold_name(name: str) -> str:
    from .gazetteer import expand

    return " ".join(fold(expand(name)).split())


def _is_self(name: str, selves: list[str]) -> bool:
    """'Cục Thuế' of a letter by CỤC THUẾ, 'Bộ' alone in a letter of a ministry, 'Ủy ban nhân dân tỉnh' in
    a decision of ỦY BAN NHÂN DÂN TỈNH X, 'Cục trưởng Cục Hải quan' of CỤC HẢI QUAN."""
    if not selves:
        return False
    n = _fold_name(name)
    if n in selves:
        return True  # 'Thủ tướng Chính phủ' of a công điện its sender signs as THỦ TƯỚNG CHÍNH PHỦ
    for title in map(_fold_name, _HEAD_TITLES):
        if n.startswith(title + " ") and len(n) > len(title) + 1:
            n = n[len(title) + 1 :]  # the head of the issuing body speaks for it
            break
    words = n.split()
    if not words or words[0] in ("cac", "toan", "tat"):
        return False
    for s in selves:
        if n == s or (len(words) >= 2 and s.startswith(n)) or (len(words) == 1 and s.split()[:1] == words):
            return True
    return False


def _table_drafts(
    text: str,
    deadlines: list[Deadline],
    regions: list[tuple[int, int, str]],
    issued: str | None,
    sections: list[Section],
) -> list[Draft]:
    from .table_tasks import table_tasks

    out = []
    find = _SectionFinder(sections)
    for t in table_tasks(text, deadlines, regions, issued):
        sec = find.innermost(t.content.start)
        src = Sourced([(a, b, "lead") for a, b in t.leads], "assignment") if t.leads else None
        out.append(Draft(t.content.start, t.content.end, sec, src, list(t.coordinates), deadline=t.deadline))
    return out


# ------------------------------------------------------------------ the statistical model


def _load_model():  # type: ignore[no-untyped-def]
    from .model import load_model

    return load_model()


def decide(rule: bool, prob: float, rule_of: dict | None = None, *, named: bool = False) -> bool:  # type: ignore[type-arg]
    """Rules first; the model overrules them only when it is sure: it drops a rule 'yes' below ``keep``
    (never one whose clause names who acts: the model has seen too few kinds of documents to overrule
    an explicit assignment) and adds a rule 'no' above ``add`` (thresholds chosen end to end by
    cross-validation on the train split, scripts/choose_decision.py, and stored with the model)."""
    keep = float((rule_of or {}).get("keep", 0.1))
    add = float((rule_of or {}).get("add", 0.9))
    if rule:
        return named or prob >= keep
    return prob >= add


def _model_actors(model, text: str, c: Clause, coords: Sequence[tuple[int, int]]) -> list[tuple[int, int, str]]:  # type: ignore[no-untyped-def]
    """Actor spans the tagger finds in the clause when the rules found none in it: only a
    confident span in subject position (before the clause's first verb)."""
    threshold = float((model.info.get("decision") or {}).get("actor", 0.8))
    first_verb = next(iter(ac.predicates(text, c.start + 1, c.end)), c.end)
    out = []
    for a, b, conf in model.actor_spans(text[c.start : c.end]):
        a, b = c.start + a, c.start + b
        if conf >= threshold and b <= first_verb + 1 and not any(x <= a < y for x, y in coords):
            out.append((a, b, "lead"))
    return out


def _own_deadline(c: Clause, prev: Draft, deadlines: list[Deadline]) -> bool:
    mine = deadline_in(deadlines, c.start, c.end, dated=True) is not None
    theirs = deadline_in(deadlines, prev.start, prev.end, dated=True) is not None
    return mine and theirs


def _fallback(
    sec: Section | None,
    sc: Scopes,
    by_id: dict[str, Section],
    whole_document: bool = True,
    *,
    addressed: bool = True,
) -> Sourced | None:
    """The nearest scope that names actors: from the item up through its sections, an assignment line,
    a heading or a lead paragraph; then, for a clause that opens with its action, the document's own
    lead, preamble or addressees (a clause that opens with a noun names its own actor, even where the
    rules cannot read it). The preamble and the addressees speak in the main text only, not in an
    attachment (a table of criteria, a form, a Quy định with its own chapters): ``addressed=False``."""
    in_item = sec is not None
    while sec is not None:
        for table in (sc.assign, sc.heading, sc.lead):
            if sec.id in table:
                return table[sec.id]
        sec = by_id.get(sec.parent_id) if sec.parent_id else None
    if not whole_document:
        return None
    found = sc.assign.get("_doc") or sc.lead.get("_doc")
    if found or not addressed:
        return found
    # a conclusion's counterpart is addressed by its numbered items, not by the narrative of the session
    return sc.preamble or sc.addressee or (sc.counterpart if in_item else None)


def _join_lone_leads(text: str, drafts: list[Draft], sections: list[Section], sc: Scopes) -> list[Draft]:
    """'1. Sở Y tế chủ trì, phối hợp với Sở Tài chính:' over one paragraph and no items: the lead and
    its paragraph are one assignment, so the task reads from the lead (and the lead is no task of its own)."""
    parents = {s.parent_id for s in sections}
    per_section: dict[str, list[Draft]] = {}
    for d in drafts:
        if d.section is not None:
            per_section.setdefault(d.section.id, []).append(d)
    dropped: set[int] = set()
    for sec in sections:
        own = per_section.get(sec.id, [])
        if sec.id in parents or sec.id not in sc.heading or not sec.is_heading:
            continue
        line_end = text.find("\n", sec.body_start)
        if line_end == -1 or not text[sec.body_start : line_end].rstrip().endswith(":"):
            continue
        if len(own) == 2 and own[0].start <= sec.body_start and own[0].end <= line_end < own[1].start:
            dropped.add(id(own[0]))  # the lead itself was taken for a task
            own = own[1:]
        if len(own) == 1 and own[0].start > line_end:
            own[0].start = sec.body_start
    return [d for d in drafts if id(d) not in dropped]


def _opening_noun_phrase(text: str, d: Draft) -> Sourced | None:
    """The words before the clause's first verb, when they name a body ('Tiểu ban giúp việc Ban Chỉ đạo
    thực hiện ...'): a subject the list-reading rules did not take."""
    start = d.start + len(text[d.start : d.end]) - len(text[d.start : d.end].lstrip(" -+•"))
    lead = ac.lead_prefix().match(text, start)  # 'Đối với tổ chức trả thu nhập: chậm nhất là ...'
    if lead is not None:
        start = lead.end()
    pred = next(iter(ac.predicates(text, start + 1, d.end)), None)
    colon = text.find(":", start, d.end)
    stop = min(x for x in (pred, colon if colon != -1 else None, d.end) if x is not None)
    if stop - start > 120:
        return None
    name = ac.plausible_actor(text[start:stop])
    if name is None or not (name[:1].isupper() or lead is not None):
        return None
    return Sourced([(start, start + len(name), "lead")], "explicit")


_RECUR = [
    (re.compile(r"(hằng|hàng) ngày"), "daily"),
    (re.compile(r"(hằng|hàng) tuần"), "weekly"),
    (re.compile(r"(hằng|hàng) tháng"), "monthly"),
    (re.compile(r"(hằng|hàng) quý|định kỳ quý"), "quarterly"),
    (re.compile(r"6 tháng một lần|định kỳ 6 tháng|hằng 6 tháng"), "semiannual"),
    (re.compile(r"(hằng|hàng) năm|định kỳ năm"), "yearly"),
]


def _finish(
    text: str,
    i: int,
    d: Draft,
    sc: Scopes,
    by_id: dict[str, Section],
    references: list[LegalReference],
    deadlines: list[Deadline],
) -> Task:
    start, end = _strip_span(text, d.start, d.end)
    names: list[Actor] = []
    seen: set[str] = set()
    src = d.actors
    for a, b, role in src.spans if src else []:
        _add_actor(names, seen, text, a, b, role, src.source if src else "explicit")
    for a, b in d.coordinate:
        _add_actor(names, seen, text, a, b, "coordinate", "explicit")
    own = d.deadline or deadline_in(deadlines, start, end, dated=True) or deadline_in(deadlines, start, end)
    deadline = own or _scoped(d.section, sc.times, by_id)
    seg = text[start:end]
    recurrence = (deadline.recurrence if deadline else None) or next((r for p, r in _RECUR if p.search(seg)), None)
    conf = d.confidence if d.confidence != 0.6 else _rule_confidence(d, src, own)
    return Task(
        id=f"t{i + 1}",
        section_id=d.section.id if d.section else None,
        text=seg,
        start=start,
        end=end,
        actors=names,
        deadline=deadline,
        legal_references=_refs_in(references, start, end),
        recurrence=recurrence,
        confidence=round(min(conf, 0.95), 3),
    )


def _refs_in(references: list[LegalReference], a: int, b: int) -> list[LegalReference]:
    import bisect

    i = bisect.bisect_left(references, a, key=lambda r: r.start)
    out = []
    for r in references[i:]:
        if r.start >= b:
            break
        out.append(r)
    return out


def _rule_confidence(d: Draft, src: Sourced | None, own: Deadline | None) -> float:
    conf = 0.55 + (0.2 if src and src.source == "explicit" else 0.1 if src else 0.0) + (0.1 if d.cue_start else 0.0)
    return conf + (0.05 if own else 0.0)


def _strip_span(text: str, a: int, b: int) -> tuple[int, int]:
    seg = text[a:b]
    left = len(seg) - len(seg.lstrip(" -+•;:"))
    right = len(seg.rstrip(" ;:"))
    return a + left, a + max(right, left)


def _add_actor(out: list[Actor], seen: set[str], text: str, a: int, b: int, role: str, source: str) -> None:
    raw = text[a:b]
    name = ac.plausible_actor(raw)
    if name is None and is_upper_line(raw):  # 'TỈNH SƠN LA' of an upper-case subject, as printed
        recased = _canonical(raw) or ""
        name = raw.strip() if ac.plausible_actor(recased[:1].upper() + recased[1:]) else None
    if name is None and source == "heading" and ac.after_duty_words(text, a) and raw.strip():
        name = raw.strip()  # 'Điều 18. Trách nhiệm của người quản trị hệ thống': named by its heading
    if name is None or ac.dangling_end_re().search(name):
        return  # not a body, an office holder or a collective ('... và ý kiến của': a fragment): no actor
    a += raw.find(name)
    b = a + len(name)
    for each in ac.distribute(name):  # 'Các Bộ: Công an, Quốc phòng': each body an actor, all at the list's span
        key = each.lower()
        if key in seen:
            continue
        seen.add(key)
        out.append(Actor(name=each, normalized=_canonical(each), role=role, source=source, start=a, end=b))  # type: ignore[arg-type]


def _canonical(name: str) -> str | None:
    try:
        from .gazetteer import canonical
    except ImportError:
        return None
    try:
        return canonical(name)
    except Exception:  # a data problem must not lose the actor
        return None
