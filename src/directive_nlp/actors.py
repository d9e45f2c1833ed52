"""Actor phrases: who must act. Finds the subject of a task clause, the object of a
directive verb ("yêu cầu X ...", "Giao X ..."), the bodies after "phối hợp với", and the
actor a heading or item lead names; splits actor lists without splitting a body's own
name ("Sở Giáo dục và Đào tạo", "UBND các huyện, thị xã, thành phố" stay whole).

Everything works on one clause string and returns spans (start, end) into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache, partial

from .resources import load
from .vntext import LOWER, UPPER, trie_alternation

Span = tuple[int, int]


@dataclass(frozen=True)
class ActorSpan:
    start: int
    end: int
    role: str  # lead, coordinate, support


@cache
def task_words() -> dict:  # type: ignore[type-arg]
    """data/tasks.json: the word lists of the task stage (shared with tasks.py)."""
    return load("tasks.json")  # type: ignore[no-any-return]


def alternation(words: list[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_data, _alt = task_words, alternation


@cache
def word_list_re(key: str, before: str = "", after: str = r"(?![\w])", ignore_case: bool = False) -> re.Pattern[str]:
    """The words of the ``key`` list of data/tasks.json as one pattern (a prefix tree)
    between ``before`` and ``after``; compiled once per set of arguments."""
    words = trie_alternation(task_words()[key]["words"], ignore_case=ignore_case)
    return re.compile(f"{before}(?:{words}){after}", re.I if ignore_case else 0)


_WORD_START = r"(?<![\w])"
_cue_re = partial(word_list_re, "predicate_cues", _WORD_START, ignore_case=True)
_strong_re = partial(word_list_re, "strong_cues")
_stop_re = partial(word_list_re, "np_stops", r"\s")
_opener_re = partial(word_list_re, "clause_openers", "^")
_inner_opener_re = partial(word_list_re, "inner_subject_openers", "", r"(?![\w])", ignore_case=True)
_colon_predicate_re = partial(word_list_re, "colon_predicates", r"\s*:\s*", ignore_case=True)
_role_head_re = partial(word_list_re, "role_heads", r"(?:(?<![\w])(?:các|Các)\s+)?(?<![\w])", r"\s+", ignore_case=True)
_directive_re = partial(word_list_re, "directive_verbs", _WORD_START, ignore_case=True)
_continuation_re = partial(word_list_re, "continuations", "^")
_compound_re = partial(word_list_re, "noun_compounds", _WORD_START, ignore_case=True)


@cache
def head_re() -> re.Pattern[str]:
    """An actor phrase starts here: a body head, a title, a collective ('các đơn vị')."""
    h = _data()["heads"]
    words = set(h["bodies"] + h["titles"] + h["levels"]["words"])
    colls = set(h["collectives"] + [c[0].upper() + c[1:] for c in h["collectives"]])
    # one alternation, longest first; a body's or title's first letter as printed, the rest in any case
    # ('Tổng Công ty', 'Tổng cục'); collectives as listed ('Văn phòng HĐND và UBND' before 'Văn phòng')
    alts = []
    for w in sorted(words | colls, key=len, reverse=True):
        flexible = w in words and " " in w and w not in colls
        alts.append((w[0], "(?i:" + re.escape(w[1:]) + ")" if flexible else re.escape(w[1:])))
    caps, coll = _grouped_by_first(alts), "(?!)"
    low = trie_alternation(h["lowercase_bodies"]["words"])
    plural = trie_alternation(h["plural_bodies"]["words"])
    neg = trie_alternation(h["not_heads"]["words"])
    return re.compile(
        rf"(?<![\w])(?!(?:{neg})(?![\w]))"
        rf"(?:(?:(?:các|Các|mỗi|Mỗi|toàn bộ|Toàn bộ)\s+)?(?:{caps}|{coll})(?![\w])|(?:{low})\s+(?={UPPER})"
        rf"|(?:các|Các|những|Những|mỗi|Mỗi|tất cả các|Tất cả các)\s+(?:{plural})(?![\w]))"
    )


def _grouped_by_first(alts: list[tuple[str, str]]) -> str:
    """An alternation of (first character, regex of the rest) as '(?:S(?:ở Y tế|ở)|B(?:ộ|an))':
    the engine tries the group of the character at hand instead of every alternative.
    The first character is matched as printed and the order within a group is kept, so
    the matches and the preference are those of the plain alternation."""
    groups: dict[str, list[str]] = {}
    for first, rest in alts:
        groups.setdefault(first, []).append(rest)
    return "(?:" + "|".join(re.escape(first) + "(?:" + "|".join(rests) + ")" for first, rests in groups.items()) + ")"


def is_strong(text: str, pos: int) -> bool:
    return _strong_re().match(text, pos) is not None


_SEP = re.compile(r"\s*(;|,|\bvà\b|\bcùng với\b|\bcùng\b)\s*")


def predicates(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Positions of predicate cues: lower-case cue words (a capitalized 'Quản lý' after a
    head is part of a name like 'Cục Quản lý thị trường'), or a cue opening the clause."""
    return list(_predicates(text, start, len(text) if end is None else end))


# The task stage asks the same questions about one clause several times (is it a task,
# the model's signals, its actors): the answers are kept for the last thousand or so.
_MEMO = 1024


@lru_cache(maxsize=_MEMO)
def _predicates(text: str, start: int, stop: int) -> tuple[int, ...]:
    return tuple(_each_predicate(text, start, stop))


def first_predicate(text: str, start: int = 0, end: int | None = None) -> int | None:
    """The first of :func:`predicates`, looking no further than it."""
    return next(_each_predicate(text, start, len(text) if end is None else end), None)


def _each_predicate(text: str, start: int, stop: int) -> Iterator[int]:
    for m in _cue_re().finditer(text, start, stop):
        word = m.group(0)
        if _compound_re().search(text, max(0, m.start() - 12), m.end()) and _in_compound(text, m.start(), m.end()):
            continue
        if word.islower() or (word[0].isupper() and text[start : m.start()].strip(' -+•"“(') == ""):
            yield m.start()


_LIST_BEFORE = re.compile(r"(?:,|các|và)\s$")
_UNIT_HEAD_BEFORE = re.compile(r"(?:Tổng cục|Cục|Ban|Viện|Trung tâm|Chi cục)\s$")


def np_stop(text: str, start: int, end: int) -> int | None:
    """Where a stop word ends a noun phrase in text[start:end] ('... theo chức năng', '... để thực hiện')."""
    m = _stop_re().search(text, start, end)
    return m.start() if m else None


def cue_stops(text: str, pos: int, end: int) -> list[int]:
    """Where an actor phrase starting at ``pos`` must end: a lower-case predicate that is
    not part of a name ('các tổ chức', 'Tổng cục quản lý ruộng đất'), or a stop word."""
    inside = [(m.start(), m.end()) for m in head_re().finditer(text, pos, end)]
    out = []
    for p in predicates(text, pos + 1, end):
        if not text[p].islower() or any(a <= p < b for a, b in inside):
            continue
        if text.startswith("tổ chức", p) and _LIST_BEFORE.search(text[max(0, p - 5) : p]):
            continue  # 'cơ quan, tổ chức': a noun in a list
        if _UNIT_HEAD_BEFORE.search(text[max(pos, p - 12) : p]):
            continue
        out.append(p)
    out += [m.start() for m in _stop_re().finditer(text, pos, end)]
    return sorted(out)


def _in_compound(text: str, a: int, b: int) -> bool:
    """The cue at [a, b) is the second half of a noun like 'chương trình'."""
    return any(m.start() < a < m.end() for m in _compound_re().finditer(text, max(0, a - 12), b + 20))


def is_head_at(text: str, pos: int) -> bool:
    m = head_re().match(text, pos)
    return m is not None and m.start() == pos


def _is_boundary(text: str, sep_end: int) -> bool:
    """After a comma: does a new clause start here (not a new actor, not a name's continuation)?"""
    rest = text[sep_end:]
    return not (is_head_at(text, sep_end) or _continuation_re().match(rest) or rest[:1].isupper())


def split_actor_list(text: str, start: int, end: int) -> list[Span]:
    """'Thủ trưởng các sở, ban, ngành; Chủ tịch UBND các huyện, thành phố' → two spans.
    Split at ';' always; at ',', 'và', 'cùng' only before a new actor head."""
    spans: list[Span] = []
    cur = start
    for m in _SEP.finditer(text, start, end):
        sep = m.group(1)
        nxt = m.end()
        if nxt >= end:
            break
        if _protected_inside(text, m.start()):
            continue
        listed = colon_list(text, cur, m.start()) is not None
        if sep == ";" and listed and not _body_at(text, nxt):
            continue  # 'các Bộ: Nông nghiệp và Môi trường; Xây dựng': the fields of one list
        blocked = sep == "," and (_continuation_re().match(text[nxt:end]) or listed)
        if sep == ";" or (is_head_at(text, nxt) and not blocked and _own_name_ok(text, cur, m.start())):
            spans.append((cur, m.start()))
            cur = nxt
    spans.append((cur, end))
    return [(a, b) for a, b in (_trim(text, a, b) for a, b in spans) if b > a and _looks_actor(text[a:b])]


# 'Giám đốc các Sở: Tài chính, Khoa học và Công nghệ': after a head and its colon the list names fields, not
# new actors, up to the next ';' (distribute() gives each its head)
_COLON_LIST = re.compile(r"(?:các|Các)\s+\w+(?:\s+\w+)?(?:,\s*\w+(?:\s+\w+)?){0,2}\s*:\s")


def colon_list(text: str, start: int, end: int, *, whole: bool = False) -> re.Match[str] | None:
    """'các Sở: ', 'Các Bộ, cơ quan: ' in text[start:end] (all of it when ``whole``): a head of bodies and the
    colon before their fields ('Các Công điện: số ...' is no such list)."""
    if whole:
        m = _COLON_LIST.fullmatch(text, start, end)
        return m if m and is_head_at(text, m.start()) else None
    return next((m for m in _COLON_LIST.finditer(text, start, end) if is_head_at(text, m.start())), None)


def _body_at(text: str, pos: int) -> bool:
    """A body the gazetteer knows starts here ('Chủ tịch UBND các xã', 'Công an tỉnh'), not a field of a list
    ('Báo chí', 'Xây dựng')."""
    from .gazetteer import find_bodies

    found = find_bodies(text[pos : pos + 80])
    return bool(found) and found[0].start == 0


def _own_name_ok(text: str, a: int, b: int) -> bool:
    """The left part is a complete phrase (not 'Sở Giáo dục' before 'và Đào tạo')."""
    left = text[a:b].strip()
    return bool(left) and not left.endswith((" các", " của"))


def _trim(text: str, a: int, b: int) -> Span:
    seg = text[a:b]
    lead = len(seg) - len(seg.lstrip(" ,;:.-–("))
    seg2 = seg.rstrip(" ,;:.-–")
    if seg2.count("(") > seg2.count(")"):
        seg2 = seg2[: seg2.rfind("(")].rstrip(" ,;:")
    return a + lead, a + len(seg2)


_LETTER = re.compile(r"[^\W\d_]")


def _looks_actor(s: str) -> bool:
    s = s.strip()
    listed = colon_list(s, 0, min(len(s), 60)) is not None  # 'Các Bộ: Tài chính, Xây dựng, ...' names each body once
    if not s or len(s) > (400 if listed else 160) or len(s.split()) > (60 if listed else 24):
        return False
    return bool(_LETTER.search(s))


_SHORT_LABEL = re.compile(r"\s*[^\W\d][\w ,()]{0,20}:\s+")  # also "Các ông, bà: ", "Các ông (bà): "


def subject_span(text: str, start: int, pred: int) -> Span | None:
    """The subject in front of the predicate at ``pred``: walking back over the actor
    list that ends there ('..., Sở A, Sở B phải ...'), stopping at a clause boundary
    ('Trường hợp ..., người khai hải quan phải nộp')."""
    if not text[start:pred].strip():
        return None
    label = _SHORT_LABEL.match(text[start:pred])
    if label and not head_re().search(label.group(0)):
        start += label.end()  # 'Ghi chú: Các cơ quan ...'
    pieces = _pieces(text, start, pred)
    subject_start = None
    trailing_continuations = True
    for k in range(len(pieces) - 1, -1, -1):
        a, b = pieces[k]
        if not text[a:b].strip():
            continue
        lead = a + len(text[a:b]) - len(text[a:b].lstrip())
        if (is_head_at(text, lead) or unit_name_re().match(text, lead)) and not _protected_inside(text, lead):
            subject_start = lead
            trailing_continuations = False
            continue
        if _continuation_re().match(text[lead:b]) and (subject_start is not None or trailing_continuations):
            continue
        if subject_start is not None and _in_named_segment(text, start, a):
            continue  # '...; Giám đốc Trung tâm Phục vụ hành chính công cấp tỉnh, cấp xã; ...': its head comes first
        if subject_start is None:
            inner = _inner_head(text, lead, b)
            if inner is not None:
                return inner, _first_stop(text, inner, pred)
            return _unknown_body(text, a, b) if k == 0 else None
        break
    if subject_start is None:
        return None
    return subject_start, _first_stop(text, subject_start, pred)


def _opens_named_part(text: str, pos: int) -> bool:
    """A ';'-separated part of a list starting at ``pos`` opens with an actor's head."""
    return is_head_at(text, pos) and not _protected_inside(text, pos)


def _in_named_segment(text: str, start: int, pos: int) -> bool:
    """``pos`` lies inside a ';'-separated part of a list that opens with an actor's head, after its opening."""
    semi = text.rfind(";", start, pos)
    if semi == -1:
        return False
    seg = semi + 1 + len(text[semi + 1 : pos]) - len(text[semi + 1 : pos].lstrip())
    return seg < pos and _opens_named_part(text, seg)


def _last_named_segment(text: str, start: int, pred: int) -> int:
    """Where the last ';'-separated part of a subject that opens with an actor's head starts (``start`` if none):
    words inside the parts before it belong to their names."""
    for m in reversed(list(re.finditer(r";\s*", text[start:pred]))):
        if _opens_named_part(text, start + m.end()):
            return start + m.end()
    return start


def _first_stop(text: str, start: int, pred: int) -> int:
    """The subject ends at its first verb: 'Bộ Công an chỉ đạo lực lượng ... phải' → 'Bộ Công an'; but a
    body named by its role runs to the main predicate: 'Cơ quan phối hợp có trách nhiệm ...'."""
    bare = _bare_unit_re().match(text, start, pred)
    if bare is not None:
        return bare.end()  # 'Tỉnh tổ chức thực hiện ...': the province the document speaks to, unnamed
    last = _last_named_segment(text, start, pred)  # '...; Thủ trưởng cơ quan Thuế tại tỉnh; Chủ tịch ...': a
    stops = [p for p in cue_stops(text, last, pred) if p > last and not text.startswith("tổ chức", p)]  # list of ';'
    if stops and is_strong(text, pred) and role_name_at(text, start, stops[0]):
        return _name_end(text, start, pred)
    return min(stops) if stops else pred


@cache
def _bare_unit_re() -> re.Pattern[str]:
    """'Tỉnh', 'Thành phố' as a subject with no name after it (a lower-case word follows)."""
    return re.compile(rf"(?:{alternation(_unit_heads())})(?=\s+{LOWER})")


def role_name_at(text: str, start: int, first_stop: int) -> bool:
    """'Cơ quan chủ trì', 'các đơn vị phối hợp', 'Cơ quan đăng ký đầu tư': a generic head whose verb names
    the body's role (the verb right after the head is part of the name)."""
    m = _role_head_re().match(text, start)
    if m is None:
        return False
    assigned = _assigned_re().match(text, m.end())
    if assigned is not None:  # 'Các đơn vị được phân công chủ trì ... có trách nhiệm': named by what it was given
        return first_stop <= assigned.end()
    return m.end() == first_stop


@cache
def _assigned_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(_data()['role_heads']['assigned'])})\s+")


def _name_end(text: str, start: int, end: int) -> int:
    """A role name ends before a colon or a parenthesis: 'Cơ quan chủ trì: Sở Y tế'."""
    cut = re.compile(r"\s*[:(]").search(text, start, end)
    return cut.start() if cut else end


_SEGMENT_SEP = re.compile(r";\s*|\sthì\s+")
_COMMA = re.compile(r",\s*")


def _pieces(text: str, start: int, pred: int) -> list[Span]:
    """Comma pieces of the window before a predicate; a ';'-segment holding a colon list
    ('Giám đốc các sở: Nội vụ, Tư pháp, Tài chính') stays one piece."""
    segs: list[tuple[int, int, bool]] = []  # (start, end, whether a ';' opened it)
    seg_start, by_semicolon = start, False
    for m in list(_SEGMENT_SEP.finditer(text[start:pred])) + [None]:
        seg_end = start + m.start() if m else pred
        prev = segs[-1] if segs else None
        if prev and by_semicolon and colon_list(text, prev[0], prev[1]) and not _body_at(text, seg_start):
            segs[-1] = (prev[0], seg_end, prev[2])  # 'Cục trưởng các Cục: Bản quyền tác giả; Báo chí': one list
        else:
            segs.append((seg_start, seg_end, by_semicolon))
        if m:
            seg_start, by_semicolon = start + m.end(), m.group(0).startswith(";")
    out: list[Span] = []
    for seg_start, seg_end, _ in segs:
        seg = text[seg_start:seg_end]
        if ":" in seg and head_re().match(seg.lstrip()):
            out.append((seg_start, seg_end))
        else:
            cuts = [seg_start] + [seg_start + c.end() for c in _COMMA.finditer(seg)]
            out += [(cuts[i], cuts[i + 1] if i + 1 < len(cuts) else seg_end) for i in range(len(cuts))]
    return out


def _inner_head(text: str, a: int, b: int) -> int | None:
    """A head after a short time or place opener: 'trong năm 2019 Bộ sẽ tổng kết', 'kể từ ngày nhận được
    hồ sơ Sở Khoa học và Công nghệ kiểm tra ...'."""
    for m in head_re().finditer(text, a, b):
        prefix = text[a : m.start()]
        if not prefix.strip():
            return m.start()
        words = len(prefix.split())
        if (words <= 5 and re.search(r"\d", prefix)) or (words <= 10 and _inner_opener_re().match(prefix.strip())):
            return m.start()
        return None
    return None


def _protected_inside(text: str, pos: int) -> bool:
    """pos falls inside a longer fixed phrase that began earlier ('các ngành, các cấp')."""
    return any(m.start() < pos < m.end() for m in head_re().finditer(text, max(0, pos - 40), pos + 1))


def _unknown_body(text: str, a: int, b: int) -> Span | None:
    """A body no list knows, from the clause's structure: a short, capitalized noun
    phrase opening the clause ('Tổ công tác liên ngành')."""
    seg = text[a:b].strip()
    words = seg.split()
    if not seg or _opener_re().match(seg) or not 2 <= len(words) <= 8 or re.search(r"[.;:()]", seg):
        return None
    caps = sum(w[:1].isupper() for w in words)
    if caps / len(words) < 0.5:
        return None
    off = text.index(seg, a)
    return off, off + len(seg)


_SPACES = re.compile(r"\s*")


def object_span(text: str, after: int, end: int) -> Span | None:
    """'yêu cầu [Chủ tịch UBND các tỉnh] thực hiện ...': from after the directive verb to
    the next predicate (or ':' / end), when it starts with an actor head."""
    m = _SPACES.match(text, after)  # the same as matching text[after:], without the copy
    pos = m.end() if m else after
    if not is_head_at(text, pos):
        return None
    stops = cue_stops(text, pos, end)
    colon = text.find(":", pos, end)
    if colon != -1 and colon_list(text, pos, min(colon + 2, end), whole=True):
        colon = -1  # 'giao các Sở: Tài chính, Xây dựng ...': the colon opens the list of the bodies addressed
    cands = [p for p in stops + ([colon] if colon != -1 else []) if p > pos]
    stop = min(cands) if cands else end
    return pos, stop


def _inside_name(text: str, head: int, pos: int) -> bool:
    """A cue word that is part of a body name: 'Ban Chỉ đạo', 'Sở Kế hoạch và Đầu tư'."""
    return not text[pos].islower()


_COORD = re.compile(
    r"(?<![\w])((?:[Pp]hối hợp chặt chẽ với|[Pp]hối hợp với|với sự phối hợp của|cùng với|[Pp]hối hợp))\s+(?=\S)"
)
_SUCH_AS = re.compile(r"(?<![\w])như\s*:\s*")


def coordinate_spans(text: str, start: int, end: int) -> list[Span]:
    """Bodies after 'phối hợp với' (or 'phối hợp', 'cùng với') and after 'như:' up to the next predicate."""
    out: list[Span] = []
    for pat in (_COORD, _SUCH_AS):
        for m in pat.finditer(text, start, end):
            pos = m.end()
            if not is_head_at(text, pos):
                continue
            stops = cue_stops(text, pos, end)
            stop = min(stops) if stops else end
            dot = re.search(r"[.(]|\.\.\.", text[pos:stop])
            if dot:
                stop = pos + dot.start()
            out.extend(split_actor_list(text, pos, stop))
    return out


def directive_objects(text: str, start: int, end: int) -> list[tuple[str, Span]]:
    """Objects of 'yêu cầu' / 'đề nghị' / 'giao' / 'chỉ đạo' in the clause."""
    return list(_directive_objects(text, start, end))


@lru_cache(maxsize=_MEMO)
def _directive_objects(text: str, start: int, end: int) -> tuple[tuple[str, Span], ...]:
    out = []
    for m in _directive_re().finditer(text, start, end):
        if m.group(0)[0].isupper() and re.search(
            r"(?:Ban|Sở|Cục|Phòng|Trung tâm)\s$", text[max(0, m.start() - 12) : m.start()]
        ):
            continue  # 'Ban Chỉ đạo' is a name
        if m.group(0).lower() in ("chỉ đạo", "đôn đốc", "hướng dẫn") and re.search(
            r"(?:để|nhằm)\s$", text[max(0, m.start() - 6) : m.start()]
        ):
            continue  # 'để chỉ đạo các cơ quan': a purpose, not an assignment
        span = object_span(text, m.end(), end)
        if span:
            out.append((m.group(0).lower(), span))
    return tuple(out)


@cache
def _lead_strip() -> tuple[re.Pattern[str], re.Pattern[str]]:
    d = _data()["lead_strip"]
    pre = re.compile(rf"^(?:{_alt(d['prefixes'] + _duty_prefixes())})\s+")
    suf = re.compile(rf"\s+(?:{_alt(d['suffixes'])})\s*:?\s*$")
    return pre, suf


@cache
def _duty_re() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(_duty_prefixes())})\s+(?=[^\W\d_])")


def _duty_prefixes() -> list[str]:
    return sorted({h[: h.index(" của ") + 4] for h, _ in _data()["lead_strip"]["duties"]["examples"]})


def after_duty_words(text: str, pos: int) -> bool:
    """``pos`` follows 'Trách nhiệm của' (a duty heading's words) on its line: whoever is named there acts."""
    line = text.rfind("\n", 0, pos) + 1
    return re.search(rf"(?:{alternation(_duty_prefixes())})\s+$", text[line:pos]) is not None


def duty_heading(seg: str) -> bool:
    """'Trách nhiệm của thủ quỹ': whose duties the items below are."""
    return _duty_re().match(seg) is not None


def lead_prefix() -> re.Pattern[str]:
    """'Đối với', 'Trách nhiệm của' ...: the words before an actor that opens an item."""
    return _lead_strip()[0]


@cache
def _topic_re() -> re.Pattern[str]:
    return re.compile(rf"^(?:{_alt(_data()['topic_headings']['words'])})", re.I)


def lead_actor_spans(text: str, start: int, end: int) -> list[Span]:
    """Actors named by a heading or an item lead: '2.2. Đối với cấp mầm non:',
    '2. Bộ Quốc phòng', 'a) Tổng Cục Quản lý ruộng đất có trách nhiệm:', 'Điều 2. Giao Giám đốc Sở ...'."""
    seg = text[start:end]
    pre, suf = _lead_strip()
    s_off = 0
    m = pre.match(seg)
    if m:
        s_off = m.end()
    body = seg[s_off:].rstrip(" :.")
    said = _colon_predicate_re().search(body)
    if said is not None:
        body = body[: said.start()]  # '2. Các sở, ban, ngành: Là các đơn vị được lấy ý kiến ...'
    m2 = suf.search(body + ":")
    if m2:
        body = body[: m2.start()]
    if not body.strip() or _topic_re().match(body) and not is_head_at(body, 0):
        return []
    a = start + s_off
    if duty_heading(seg):  # 'Trách nhiệm của Tổ quản lý bến': a noun phrase by construction, up to a stop word
        stop = _stop_re().search(text, a, a + len(body))
        b = stop.start() if stop else a + len(body)
        if not 0 < len(text[a:b].split()) <= 20:
            return []
        return split_actor_list(text, a, b) if is_head_at(text, a) else [_trim(text, a, b)]
    if not is_head_at(text, a):
        return []
    members = _member_list(text, a, a + len(body))
    if members:
        return members
    preds = cue_stops(text, a, a + len(body))
    if preds and role_name_at(text, a, preds[0]):
        return [(a, _name_end(text, a, a + len(body)))]
    if preds:
        from .gazetteer import find_bodies

        whole = find_bodies(text[a : a + len(body)])  # 'các cơ sở giáo dục thường xuyên': the cue is in the name
        if whole and whole[0].start == 0 and a + whole[0].end > min(preds):
            preds = [p for p in preds if p >= a + whole[0].end]
    b = min(preds) if preds else a + len(body)
    return split_actor_list(text, a, b)


_MEMBERS = re.compile(r"\(([^()]{5,400})\)\s*$")


def _member_list(text: str, start: int, end: int) -> list[Span]:
    """'Các cơ quan đăng ký đầu tư (Sở Tài chính, Ban Quản lý các khu công nghiệp)': a collective named
    with its members in brackets acts as its members."""
    m = _MEMBERS.search(text, start, end)
    if m is None:
        return []
    spans = split_actor_list(text, m.start(1), m.end(1))
    level = _level_re().match(text, start, m.start()) is not None  # 'Cấp tỉnh (Ủy ban nhân dân tỉnh)'
    if len(spans) < (1 if level else 2) or not all(is_head_at(text, a) for a, _ in spans):
        return []
    return spans


@cache
def _level_re() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(_data()['heads']['levels']['words'])})\s*$")


# ------------------------------------------------------------------ is it a body at all?

_trailer_re = partial(word_list_re, "subject_trailers", r"\s")
dangling_end_re = partial(word_list_re, "dangling_ends", r"(?<![\w])", r"$")


@cache
def unit_name_re() -> re.Pattern[str]:
    """'Tỉnh Thanh Hóa', 'Thành phố Hải Phòng', and in running text '..., thành phố Đà Nẵng cần ...': an
    administrative unit by its proper name (matched where a name may start, never inside a name or a list,
    where 'và thành phố X' continues the name before it)."""
    units = _unit_heads() + load("bodies.json")["units"]
    return re.compile(rf"(?:{alternation(units)})\s+{UPPER}")


def _unit_heads() -> list[str]:
    """The administrative unit words capitalized as they open a name: 'Tỉnh', 'Thành phố' ..."""
    return [u[:1].upper() + u[1:] for u in load("bodies.json")["units"]]


_ALIAS = re.compile(r"\s*\((?:sau đây|dưới đây|gọi tắt)")
_ENUMERATED = re.compile(r"\s*:\s*\(?\d{1,2}[).]")
_NOTE = re.compile(r"\s*\([^()]*\)$")


@lru_cache(maxsize=8192)
def plausible_actor(name: str) -> str | None:
    """The name cut to what can name a body, an office holder or a collective ('Văn phòng Chính phủ
    trân trọng' → 'Văn phòng Chính phủ'), or None for a phrase that names none ('Hệ thống', 'Kinh phí',
    'Đầu tư': a clause's first noun taken for its subject)."""
    name = _ALIAS.split(name)[0]  # 'các cơ sở đào tạo trực thuộc Bộ (sau đây gọi là cơ sở đào tạo)'
    name = _ENUMERATED.split(name)[0]  # 'Bộ Tài chính: (1) Chủ trì ...': the body, then what it is given
    name = name.strip(" ,;:.-")
    bare = _NOTE.sub("", name)
    if bare != name and len(bare.split()) >= 2 and plausible_actor(bare) == bare:
        name = bare  # 'Sở Nội vụ (Cơ quan thường trực Ban ...)', 'Trung tâm ... (VNMAC)': the name, not its note
    role = _role_head_re().match(name)
    given = _assigned_re().match(name, role.end()) if role else None  # 'Các cơ quan được phân công chủ trì ...'
    cut = _trailer_re().search(name, given.end() if given else 0)
    if given is not None and dangling_end_re().search(name[: cut.start()] if cut else name):
        cut = _trailer_re().search(name)  # the name ran on into the action: the body alone
    if cut is not None:
        name = name[: cut.start()].rstrip(" ,;:")
    if not name:
        return None
    from .gazetteer import find_bodies

    found = find_bodies(name)
    if found and found[0].start == 0:
        rest = name[found[0].end :].strip()
        if rest and " " not in rest and rest.isalpha() and rest.islower() and len(found) == 1:
            return name[: found[0].end].rstrip()  # 'Ủy ban nhân dân tỉnh nhận': a verb the subject ran into
        return name
    if is_head_at(name, 0) or unit_name_re().match(name):
        return name
    return None


@cache
def _colon_list_re() -> re.Pattern[str]:
    heads = alternation(_data()["heads"]["bodies"] + [h.lower() for h in _data()["heads"]["bodies"]])
    from .gazetteer import companions

    return re.compile(rf"^(?P<title>.*?\s)?(?:các|Các)\s+(?P<head>{heads}){companions()}\s*:\s*(?P<items>.+)$")


@cache
def _shared_title_re() -> re.Pattern[str]:
    titles = alternation(_data()["heads"]["shared_titles"]["words"])
    return re.compile(rf"^(?P<title>{titles})\s+(?P<bodies>cơ quan\b[^,;:()]+(?:,\s*cơ quan\b[^,;:()]+)+)$")


def distribute(name: str) -> list[str]:
    """'Các Bộ: Công an, Quốc phòng' → ['Bộ Công an', 'Bộ Quốc phòng']; 'Cục trưởng các Cục: Báo chí, Di
    sản văn hóa' → ['Cục trưởng Cục Báo chí', 'Cục trưởng Cục Di sản văn hóa']: bodies listed under one
    head are each an actor (the gazetteer knows which 'và' belongs to a name). Any other name is itself."""
    shared = _shared_title_re().match(name.strip())
    if shared:  # 'Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ': the title holds for each body
        return [f"{shared.group('title')} {b.strip()}" for b in shared.group("bodies").split(",")]
    m = _colon_list_re().match(name.strip())
    if m is None:
        return [name]
    from .gazetteer import members

    title = (m.group("title") or "").strip()
    bodies = members(name.strip()[len(m.group("title") or "") :])
    if len(bodies) < 2:
        return [name]
    return [f"{title} {b}".strip() for b in bodies]
