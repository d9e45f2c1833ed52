"""Deadlines: Vietnamese time expressions that say when something must happen.

Driven by ``data/deadlines.json``. (1) scan: every time expression ("atom": a date, month, quarter,
year, school year, duration "10 ngày kể từ ngày ký", recurrence "hằng tháng"); overlaps keep the
longest. (2) govern: the cue right before an atom ("trước", "chậm nhất", "trong", "từ", "Thời hạn:",
a "label:", a line head, a table cell) gives its relation; "từ A đến B" is one range. (3) resolve
to ISO dates; the anchor (reference_date, else issued_date) places year-less dates, recurrences,
"năm sau" and "kể từ ngày ký" (null without one). (4) veto: ungoverned atoms, effective dates,
past narrative ("đến nay", "... đã ...", a period over before the issue date), excluded spans.
Calendar arithmetic is the standard library's: dateparser mis-reads Vietnamese times and quarters
(tests/test_deadlines_vs_dateparser.py).
"""

from __future__ import annotations

import bisect
import calendar
import importlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from .resources import load
from .schema import Deadline
from .vntext import trie_alternation

__all__ = ["expand", "find_deadlines", "parse_deadline"]

# the regex parser and its opcodes, read by _first_chars (private modules of ``re``: should they
# change, _first_chars finds nothing and the patterns are used as they are)
try:
    _sre_parse: Any = importlib.import_module("re._parser")
    _sre: Any = importlib.import_module("re._constants")
except ImportError:  # _first_chars then fails with AttributeError and adds no look-ahead
    _sre_parse = _sre = None

_FLAGS = re.IGNORECASE | re.MULTILINE
_COARSE = {"week", "month", "quarter", "year", "school_year"}
_RANGE_KINDS = {"date", "month", "quarter", "year", "school_year"}
_HEAD_KINDS = {"month", "quarter", "year", "school_year"}  # may head a line with a comma: "Năm 2019, ..."
_RECURRABLE = {"date", "month", "quarter", "time", "weekday"}
_WINDOW = 160  # how far back a cue or a veto is looked for


@dataclass(frozen=True)
class _Atom:
    kind: str
    start: int
    end: int
    f: dict[str, str]  # the named groups that matched, lower-cased


@dataclass(frozen=True)
class _Cue:
    name: str
    relation: str
    strong: bool
    start: int  # where the cue starts
    span_start: int  # where the deadline's span starts (the atom, for labels)


@dataclass(frozen=True)
class _Period:
    earliest: date | None
    latest: date | None
    grain: str
    time: str | None = None  # "17:00"
    recurrence: str | None = None
    anchor: str | None = "absolute"


@dataclass(frozen=True)
class _Grammar:
    data: dict[str, Any]
    atoms: list[tuple[str, re.Pattern[str]]]
    cue: re.Pattern[str]
    cues: dict[str, dict[str, Any]]
    before: list[tuple[re.Pattern[str], dict[str, Any]]]
    after: list[tuple[re.Pattern[str], dict[str, Any]]]
    rx: dict[str, re.Pattern[str]]  # range_gap, tail, recurrence_suffix, line_label, docev


# -- grammar ------------------------------------------------------------------------------
@cache
def _variables() -> dict[str, str]:
    data = load("deadlines.json")
    variables = {name: v["pattern"] for name, v in data["variables"].items()}
    # the number words longest first, as a prefix tree (the patterns are compiled with IGNORECASE)
    variables["numword"] = trie_alternation(data["numbers"], ignore_case=True)
    return variables


def expand(template: str) -> str:
    """Replace each ``$name`` by its variable from data/deadlines.json, recursively."""
    variables = _variables()
    for _ in range(10):
        done = re.sub(r"\$([a-z_]+)", lambda m: f"(?:{variables[m[1]]})" if m[1] in variables else m[0], template)
        if done == template:
            return done
        template = done
    raise ValueError(f"variables nest too deep in {template!r}")


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(expand(pattern), _FLAGS)


def _scanner(pattern: str) -> re.Pattern[str]:
    """:func:`_compile`, with a look-ahead for the characters a match can start with in
    front when those are known: the same matches, but the engine, which tries the
    whole pattern at every position of the text, gives up at most positions after
    one character test instead of look-behinds and alternatives."""
    rx = _compile(pattern)
    first = _first_chars(rx.pattern, rx.flags)
    return re.compile(f"(?=[{first}])(?:{rx.pattern})", rx.flags) if first else rx


@cache
def _class_escapes() -> dict[Any, str]:
    return {
        _sre.CATEGORY_DIGIT: r"\d",
        _sre.CATEGORY_NOT_DIGIT: r"\D",
        _sre.CATEGORY_SPACE: r"\s",
        _sre.CATEGORY_NOT_SPACE: r"\S",
        _sre.CATEGORY_WORD: r"\w",
        _sre.CATEGORY_NOT_WORD: r"\W",
    }


def _first_chars(pattern: str, flags: int) -> str | None:
    """The inside of a character class that holds every character a match of ``pattern``
    can start with (under ``flags``, as the class is compiled with them); None when that
    is unknown, a match can be empty, or the pattern opens with a character (the engine
    then fails as fast without a look-ahead). Read from the regex parser's tree:
    look-arounds and anchors match no character, a repeat that may be skipped lets the
    next item start."""
    try:
        tree = _sre_parse.parse(pattern, flags).data
        if not tree or tree[0][0] in (_sre.LITERAL, _sre.IN):
            return None
        parts: list[str] = []
        nullable = _first_of(tree, parts, flags)
    except (_Unknown, AttributeError, TypeError, ValueError, IndexError, re.error):
        return None
    return None if nullable or not parts else "".join(parts)


class _Unknown(Exception):
    """A construct :func:`_first_of` does not read: no look-ahead is added."""


def _first_of(items: Sequence[tuple[Any, Any]], out: list[str], flags: int) -> bool:
    """Add to ``out`` the class items a match of the sequence ``items`` can start with;
    return whether the sequence can match the empty string."""
    for op, av in items:
        if op is _sre.LITERAL:
            out.append(re.escape(chr(av)))
            return False
        if op is _sre.IN:
            out.extend(_class_items(av))
            return False
        if op is _sre.BRANCH:
            if not any([_first_of(alt, out, flags) for alt in av[1]]):
                return False
        elif op is _sre.SUBPATTERN:
            _, add_flags, _, sub = av
            if add_flags & re.IGNORECASE and not flags & re.IGNORECASE:
                raise _Unknown  # the class would be compiled without the group's IGNORECASE
            if not _first_of(sub.data, out, flags):
                return False
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            lo, _, sub = av
            if not _first_of(sub.data, out, flags) and lo > 0:
                return False
        elif op is _sre.ATOMIC_GROUP:
            if not _first_of(av.data, out, flags):
                return False
        elif op not in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):  # zero-width: the next item starts
            raise _Unknown(op)
    return True


def _class_items(av: list[tuple[Any, Any]]) -> list[str]:
    out = []
    for op, v in av:
        if op is _sre.LITERAL:
            out.append(re.escape(chr(v)))
        elif op is _sre.RANGE:
            out.append(f"{re.escape(chr(v[0]))}-{re.escape(chr(v[1]))}")
        elif op is _sre.CATEGORY and v in _class_escapes():
            out.append(_class_escapes()[v])
        else:  # a negated class, a locale category
            raise _Unknown(op)
    return out


@cache
def _grammar() -> _Grammar:
    data = load("deadlines.json")
    bound = {True: "(?<!\\w)", False: ""}
    alternatives = "|".join(f"{bound[c.get('bound', True)]}(?P<{c['name']}>{c['pattern']})" for c in data["cues"])
    singles = ("range_gap", "coordination", "tail", "recurrence_suffix", "line_label", "cell")
    return _Grammar(
        data=data,
        atoms=[(a["kind"], _scanner(a["pattern"])) for a in data["atoms"]],
        cue=_scanner(f"(?:{alternatives})$filler$"),
        cues={c["name"]: c for c in data["cues"]},
        before=[(_compile(n["pattern"]), n) for n in data["before"]],
        after=[(_compile(n["pattern"]), n) for n in data["after"]],
        rx={name: _compile(data[name]["pattern"]) for name in singles}
        | {"docev": _compile("$docev"), "cell_after": _compile(data["cell"]["after"])},
    )


# -- 1. scan ------------------------------------------------------------------------------
def _atom(text: str, kind: str, m: re.Match[str]) -> _Atom:
    rx = _grammar().rx
    f = {k: re.sub(r"\s+", " ", v.lower()) for k, v in m.groupdict().items() if v}
    end = m.end()
    if kind == "duration":
        doc = rx["docev"].match(m["event"])
        if doc:  # "10 ngày kể từ ngày ký": stop after the document's own event
            f["doc"] = "1"
            end = m.start("event") + doc.end()
    elif kind in _RECURRABLE and "y" not in f:
        suffix = rx["recurrence_suffix"].match(text, end)
        if suffix:
            f["per"] = suffix["per"].lower()
            end = suffix.end()
    return _Atom(kind, m.start(), end, f)


def _longest(atoms: list[_Atom]) -> list[_Atom]:
    """Non-overlapping atoms, longer first; kept spans in a sorted list (bisect), so the
    cost grows with the text, not with its square."""
    starts: list[int] = []
    kept: list[_Atom] = []
    for a in sorted(atoms, key=lambda a: (a.start - a.end, a.start)):
        i = bisect.bisect_left(starts, a.start)
        left = kept[i - 1] if i > 0 else None
        right = kept[i] if i < len(kept) else None
        if (left is None or left.end <= a.start) and (right is None or a.end <= right.start):
            starts.insert(i, a.start)
            kept.insert(i, a)
    return kept


def _scan(text: str) -> list[_Atom]:
    at = {key: [m.start() for m in rx.finditer(text)] for key, rx in _shared_leads().items()}
    found = []
    for kind, rx in _grammar().atoms:
        key = (_literal_lead(rx.pattern, rx.flags), rx.flags)
        matches = _matches_at(rx, text, at[key]) if key in at else rx.finditer(text)
        found += [_atom(text, kind, m) for m in matches if m.end() > m.start()]
    return _longest(found)


def _matches_at(rx: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` for a pattern that opens with a literal word found at ``starts``
    (every place it occurs, in order) and cannot match empty: the leftmost match from where
    the last one ended, tried only where the word is."""
    pos = 0
    for p in starts:
        if p >= pos:
            m = rx.match(text, p)
            if m:
                yield m
                pos = m.end()


@cache
def _shared_leads() -> dict[tuple[str | None, int], re.Pattern[str]]:
    """The literal words that open more than one atom pattern ('ngày' opens most dates), each
    with a pattern for every place it occurs (a look-ahead: overlapping places too). The
    engine tries a pattern at every position of the text; for those patterns one scan for
    their word and a match where it is cost less."""
    counts: dict[tuple[str | None, int], int] = {}
    for _, rx in _grammar().atoms:
        key = (_literal_lead(rx.pattern, rx.flags), rx.flags)
        counts[key] = counts.get(key, 0) + 1
    # compiled with the patterns' own flags: the word matches where their opening does
    return {(w, f): re.compile(f"(?={re.escape(w)})", f) for (w, f), n in counts.items() if w and n > 1}


@cache
def _literal_lead(pattern: str, flags: int) -> str | None:
    """The literal characters every match of ``pattern`` starts with (read from the regex
    parser's tree, as :func:`_first_chars`), or None; compared under ``flags`` like the
    pattern itself."""
    try:
        tree = _sre_parse.parse(pattern, flags).data
        chars = []
        for op, av in tree:
            if op is not _sre.LITERAL:
                break
            chars.append(chr(av))
    except (AttributeError, TypeError, ValueError, re.error):
        return None
    return "".join(chars) or None


# -- 2. govern ----------------------------------------------------------------------------
def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _heading(text: str, a: _Atom) -> _Cue | None:
    """A time heading a line before ':' ("Năm 2018: ...", "- Quý I/2024: ...") or alone in a table
    cell ("| Quý I/2023 |"; not a bare year, which heads the columns of statistics)."""
    rx, ls = _grammar().rx, _line_start(text, a.start)
    head = _Cue("line", "on", False, a.start, a.start)
    if a.kind not in ("year", "rel_year") and rx["cell"].search(text, ls, a.start):
        return head if rx["cell_after"].match(text, a.end) else None
    if not rx["line_label"].fullmatch(text, ls, a.start):
        return None
    marks = ":," if a.kind in _HEAD_KINDS else ":"
    rest = text[a.end : a.end + 6].lstrip(" *_")
    return head if rest[:1] and rest[0] in marks else None


def _cue(text: str, a: _Atom) -> _Cue | None:
    g = _grammar()
    lo = max(0, a.start - _WINDOW)
    m = g.cue.search(text[lo : a.start].replace("\n", " "))
    if not m:
        return _heading(text, a)
    name = next(k for k, v in m.groupdict().items() if v is not None)
    info = g.cues[name]
    start = lo + m.start(name)
    return _Cue(name, info["relation"], info["strength"] == "strong", start, start if info["in_span"] else a.start)


def _governed(a: _Atom, cue: _Cue | None, strict: bool) -> bool:
    """Whether an atom may be a deadline: durations and recurrences stand alone ("hằng tháng",
    "thứ Hai hằng tuần"), a time of day needs a strong cue ("trước 16 giờ hằng ngày", not
    "lúc 20 giờ hằng ngày"), the rest any cue ("Ngày 9/1 hằng năm là ..." is a commemoration)."""
    if a.kind in ("duration", "recur", "weekday"):
        return True
    if a.kind == "time":
        return not strict or bool(cue and cue.strong)
    return not strict or cue is not None


def _vetoed(text: str, cue: _Cue | None, a: _Atom, last: _Atom) -> bool:
    g = _grammar()
    pos = cue.start if cue else a.start
    before = text[max(_line_start(text, pos), pos - _WINDOW) : pos]
    for rx, neg in g.before:
        if (not neg.get("cues") or (cue and cue.name in neg["cues"])) and rx.search(before):
            return True
    after = text[last.end : last.end + 80]
    weak = cue is None or not cue.strong
    return any(rx.match(after) for rx, neg in g.after if weak or neg.get("strength") != "weak")


# -- 3. resolve ---------------------------------------------------------------------------
def _ymd(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _next_day(anchor: date, d: int, months: set[int], clamp: bool) -> date | None:
    """The first day ``d`` of one of ``months`` on or after ``anchor``; ``clamp``: day 31 of a
    shorter month is its last day ("ngày 30 hằng tháng" in February)."""
    y, m = anchor.year, anchor.month
    for _ in range(50):
        day = _ymd(y, m, min(d, calendar.monthrange(y, m)[1]) if clamp else d) if m in months else None
        if day and day >= anchor:
            return day
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return None


def _clock(f: dict[str, str]) -> tuple[str | None, str]:
    if "hh" not in f:
        return None, "day"
    h, mi = int(f["hh"]), f.get("mi") or f.get("mi2")
    if f.get("ap") in ("chiều", "tối") and h < 12:
        h += 12
    return f"{h:02d}:{int(mi or 0):02d}", ("minute" if mi else "hour")


def _day_months(f: dict[str, str], anchor: date | None) -> tuple[set[int] | None, str | None]:
    """Which months a day without a year may fall in, and the recurrence that says so."""
    if "nextm" in f:  # "ngày 05 của tháng sau"
        return ({anchor.month % 12 + 1} if anchor else set()), None
    if "m" in f:
        return {int(f["m"])}, ("yearly" if f.get("per") == "năm" else None)
    if "qpos" in f:
        return set(range(3 if f["qpos"] == "cuối" else 1, 13, 3)), "quarterly"
    if f.get("per") == "tháng":
        return set(range(1, 13)), "monthly"
    return None, None


def _resolve_date(f: dict[str, str], anchor: date | None) -> _Period | None:
    d, (time, grain) = int(f["d"]), _clock(f)
    if "y" in f and "m" in f:
        last = int(re.findall(r"\d+", f["dmore"])[-1]) if "dmore" in f else d  # "ngày 06, 07 và 08/6/2023"
        first, day = _ymd(int(f["y"]), int(f["m"]), d), _ymd(int(f["y"]), int(f["m"]), last)
        return _Period(first, day, grain, time) if first and day and first <= day else None
    months, recurrence = _day_months(f, anchor)
    if months is None:
        return None
    day = _next_day(anchor, d, months, recurrence in ("monthly", "quarterly")) if anchor else None
    if anchor and not day:
        return None
    return _Period(day, day, grain, time, recurrence, "document")


def _resolve_months(months: list[int], f: dict[str, str], anchor: date | None, grain: str) -> _Period | None:
    recurrence = "yearly" if f.get("per") == "năm" else None
    lo, hi = min(months), max(months)
    if "y" in f:
        y, kind = int(f["y"]), "absolute"
    elif anchor is None:
        return _Period(None, None, grain, None, recurrence, "document")
    else:
        y, kind = anchor.year + (_month_end(anchor.year, hi) < anchor), "document"
    return _Period(date(y, lo, 1), _month_end(y, hi), grain, None, recurrence, kind)


def _quarter_months(f: dict[str, str]) -> list[int]:
    roman = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
    qs = [int(q) if q.isdigit() else roman[q] for q in re.findall(r"iv|i{1,3}|[1-4]", f["q"] + f.get("more", ""))]
    return [3 * q - 2 for q in qs] + [3 * q for q in qs]


def _resolve_school_year(f: dict[str, str], anchor: date | None) -> _Period | None:
    y, y2 = int(f["y"]), int(f["y2"])
    return _Period(date(y, 9, 1), date(y2, 5, 31), "school_year") if y2 == y + 1 else None


def _resolve_rel_year(f: dict[str, str], anchor: date | None) -> _Period | None:
    if anchor is None:
        return _Period(None, None, "year", anchor="document")
    y = anchor.year + _grammar().data["relative_years"][f.get("rel", "")]
    return _Period(date(y, 1, 1), date(y, 12, 31), "year", anchor="document")


def _resolve_recur(f: dict[str, str], anchor: date | None) -> _Period | None:
    grain, recurrence = _grammar().data["periods"][f["per"]]
    return _Period(None, None, grain, recurrence=recurrence, anchor=None)


def _resolve_clock(f: dict[str, str], anchor: date | None) -> _Period | None:
    """A time and/or weekday that recurs: "16 giờ hằng ngày", "thứ Hai hằng tuần"."""
    if f.get("per") not in ("ngày", "tuần"):
        return None
    time, grain = _clock(f)
    recurrence = _grammar().data["periods"][f["per"]][1]
    weekday = 6 if "sun" in f else _grammar().data["weekdays"].get(f.get("wd", ""))
    if weekday is None or anchor is None:
        return _Period(None, None, grain, time, recurrence, None)
    day = anchor + timedelta(days=(weekday - anchor.weekday()) % 7)
    return _Period(day, day, grain, time, recurrence, "document")


def _shift(day: date, n: int, step: str) -> date:
    if step == "workday":
        one = timedelta(days=1 if n >= 0 else -1)
        for _ in range(abs(n)):
            day += one
            while day.weekday() >= 5:
                day += one
        return day
    if step in ("month", "year"):
        y, m = divmod(day.month - 1 + n * (12 if step == "year" else 1), 12)
        y += day.year
        return date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))
    if step == "hour":
        return (datetime.combine(day, datetime.min.time()) + timedelta(hours=n)).date()
    return day + timedelta(days=n * (7 if step == "week" else 1))


def _resolve_duration(f: dict[str, str], anchor: date | None) -> _Period | None:
    data = _grammar().data
    n = int(f["n"]) if f["n"].isdigit() else data["numbers"][f["n"]]
    grain, step = data["units"][f["unit"]]
    if "doc" not in f:
        return _Period(None, None, grain, anchor="event")
    if anchor is None:
        return _Period(None, None, "day", anchor="document")
    target = _shift(anchor, -n if f["dir"].startswith("trước") else n, step)
    return _Period(min(anchor, target), max(anchor, target), "day", anchor="document")


_RESOLVERS: dict[str, Callable[[dict[str, str], date | None], _Period | None]] = {
    "date": _resolve_date,
    "month": lambda f, anchor: _resolve_months(
        [int(m) for m in re.findall(r"\d+", f["m"] + f.get("more", ""))], f, anchor, "month"
    ),
    "quarter": lambda f, anchor: _resolve_months(_quarter_months(f), f, anchor, "quarter"),
    "year": lambda f, _: _Period(date(int(f["y"]), 1, 1), date(int(f["y"]), 12, 31), "year"),
    "school_year": _resolve_school_year,
    "rel_year": _resolve_rel_year,
    "duration": _resolve_duration,
    "doc_day": lambda _, anchor: _Period(anchor, anchor, "day", anchor="document"),
    "recur": _resolve_recur,
    "time": _resolve_clock,
    "weekday": _resolve_clock,
}


def _resolve(a: _Atom, anchor: date | None) -> _Period | None:
    try:
        return _RESOLVERS[a.kind](a.f, anchor)
    except (ValueError, OverflowError):  # an anchor at the edge of the calendar (year 1 or 9999)
        return None


def _resolve_range(a: _Atom, b: _Atom, anchor: date | None) -> _Period | None:
    """ "từ A đến B": B resolved first; A borrows the month and year it does not print."""
    pb = _resolve(b, anchor)
    if pb is None or pb.latest is None:
        return pb
    fa = dict(a.f)
    if a.kind == "date":
        fa.setdefault("m", str(pb.latest.month))
    if a.kind in ("date", "month", "quarter"):
        fa.setdefault("y", str(pb.latest.year))
    pa = _resolve(replace(a, f=fa), anchor)
    if pa and pa.earliest and pa.earliest > pb.latest and "y" not in a.f:  # "từ tháng 11 đến tháng 2/2014"
        pa = _resolve(replace(a, f=fa | {"y": str(int(fa["y"]) - 1)}), anchor)
    if pa is None or pa.earliest is None or pa.earliest > pb.latest:
        return None
    return replace(pb, earliest=pa.earliest)


def _relation(cue: _Cue | None, a: _Atom, period: _Period) -> str | None:
    if a.kind == "duration":
        if a.f["dir"].startswith("trước"):
            return "before"
        return cue.relation if cue and cue.relation in ("within", "by", "from") else "within"
    if cue is None:
        return None if a.kind == "recur" else ("within" if period.grain in _COARSE else "on")
    return "within" if cue.relation == "on" and period.grain in _COARSE else cue.relation


def _value(period: _Period, relation: str | None) -> str | None:
    day = period.earliest if relation in ("from", "on") else period.latest
    if day is None:
        return None
    return f"{day.isoformat()}T{period.time}" if period.time else day.isoformat()


# -- 4. veto and assemble -----------------------------------------------------------------
def _is_past(period: _Period, past: date | None, cue: _Cue | None) -> bool:
    """A period that ended before the document was issued is narrative, not a deadline."""
    if past is None or period.anchor != "absolute" or period.recurrence or period.latest is None:
        return False
    return period.latest < past - timedelta(days=31 if cue and cue.strong else 0)


def _deadline(
    text: str, cue: _Cue | None, a: _Atom, b: _Atom | None, anchor: date | None, past: date | None, strict: bool
) -> Deadline | None:
    if not _governed(a, cue, strict) or _vetoed(text, cue, a, b or a):
        return None
    period = _resolve_range(a, b, anchor) if b else _resolve(a, anchor)
    if period is None or _is_past(period, past, cue):
        return None
    relation = "until" if b else _relation(cue, a, period)
    if a.kind == "duration" and relation == "from":  # "sau 15 ngày kể từ ...": from the day reached
        period = replace(period, earliest=period.latest, latest=None)
    end = (b or a).end
    tail = _grammar().rx["tail"].match(text, end)
    if tail:
        end, relation = tail.end(), ("from" if tail["onward"] and not b else relation)
    start = cue.span_start if cue else a.start
    days = {k: d.isoformat() if d else None for k, d in (("earliest", period.earliest), ("latest", period.latest))}
    return Deadline.model_validate(
        dict(start=start, end=end, text=text[start:end], value=_value(period, relation), relation=relation)
        | dict(grain=period.grain, recurrence=period.recurrence, anchor=period.anchor, **days)
    )


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether [start, end) meets a span; ``spans`` sorted by start (see _extract)."""
    i = bisect.bisect_left(spans, (end,))
    return any(s < end and start < e for s, e in spans[max(0, i - 64) : i])


def _shared_cue(text: str, a: _Atom, last: tuple[int, _Cue] | None) -> _Cue | None:
    """ "trước ngày 30/6 và ngày 31/12": the second date shares the first's cue."""
    if last is None or a.kind not in _RANGE_KINDS:
        return None
    if not _grammar().rx["coordination"].fullmatch(text, last[0], a.start):
        return None
    return replace(last[1], span_start=a.start)


def _is_range(text: str, cue: _Cue | None, a: _Atom, b: _Atom) -> bool:
    """ "từ A đến B", "từ A - B": one deadline from A until B."""
    if not (cue and cue.relation == "from" and {a.kind, b.kind} <= _RANGE_KINDS):
        return False
    return _grammar().rx["range_gap"].fullmatch(text, a.end, b.start) is not None


def _extract(
    text: str, anchor: date | None, past: date | None, exclude: Sequence[tuple[int, int]], strict: bool
) -> list[Deadline]:
    exclude = sorted(exclude)
    atoms = [a for a in _scan(text) if not _overlaps(a.start, a.end, exclude)]
    found: list[Deadline] = []
    i, last = 0, None  # where the previous atom ends, and its cue
    while i < len(atoms):
        a, b = atoms[i], (atoms[i + 1] if i + 1 < len(atoms) else None)
        cue = _cue(text, a) or _shared_cue(text, a, last)
        b = b if b and _is_range(text, cue, a, b) else None
        d = _deadline(text, cue, a, b, anchor, past, strict)
        i, last = i + (2 if b else 1), (((b or a).end, cue) if cue else None)
        if d and not _overlaps(d.start, d.end, exclude):
            found.append(d)
    return found


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def find_deadlines(
    text: str,
    *,
    issued_date: str | None = None,
    reference_date: str | None = None,
    exclude: Sequence[tuple[int, int]] = (),
) -> list[Deadline]:
    """Every deadline in a normalized document, in text order.

    ``reference_date`` (else ``issued_date``) anchors year-less dates, recurrences and
    expressions relative to the document; ``issued_date`` (else ``reference_date``) is the
    date before which a named period is past narrative. Nothing overlapping ``exclude`` spans
    (legal references, the header's date line) is returned."""
    issued, reference = _day(issued_date), _day(reference_date)
    return _extract(text, reference or issued, issued or reference, exclude, strict=True)


def parse_deadline(
    phrase: str, *, issued_date: str | None = None, reference_date: str | None = None
) -> Deadline | None:
    """The first time expression in ``phrase`` ("17g00 ngày 11/3/2022", "trong quý I/2024"),
    which needs no governing cue here; None when there is none or it is vetoed."""
    found = _extract(phrase, _day(reference_date) or _day(issued_date), None, (), strict=False)
    return found[0] if found else None


@cache
def _time_cell_period() -> re.Pattern[str]:
    return _compile(load("deadlines.json")["time_cell_period"]["pattern"])


def parse_time_cell(cell: str, *, issued_date: str | None = None) -> Deadline | None:
    """The time of a plan table's time column ("Thời gian hoàn thành"): any time expression, or, only
    there, a bare year or period ("2026", "Giai đoạn 2026 - 2030"), done within it. Outside such a
    column a bare year heads statistics, so the document scan never reads one."""
    found = parse_deadline(cell, issued_date=issued_date)
    if found is not None:
        return found
    m = _time_cell_period().fullmatch(cell.strip(" *_.;"))
    if m is None:
        return None
    first = int(m.group("first"))
    last = int(m.group("last") or first)
    if not 0 <= last - first <= 20:
        return None
    lead = len(cell) - len(cell.lstrip(" *_"))
    return Deadline(
        start=lead,
        end=lead + m.end(),
        text=cell[lead : lead + m.end()],
        value=f"{last}-12-31",
        grain="year",
        relation="within",
        earliest=f"{first}-01-01",
        latest=f"{last}-12-31",
        anchor="absolute",
    )
