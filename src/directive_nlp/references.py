"""Legal references: "Thông tư số 51/2020/TT-BGDĐT ngày 31/12/2020", "29-NQ/TW", "Thông tư 17, 18, 19/2018".

Two passes over the normalized text. The first finds a type word ("Thông tư", "công văn",
"QUYẾT ĐỊNH") followed by an optional name, "số", an optional enumeration and a
number/symbol, then follows continuations (", số 53/2010/QĐ-TTg và số 62/..."). The second
keeps a number/symbol printed without a type word when its symbol names a type
("105/2020/NĐ-CP"). The type word decides the type ("Công văn số 830/PA-GDĐT" is CV); the
generic "văn bản" yields to the symbol. Patterns live in ``data/references.json``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import NamedTuple

from . import doctypes
from .resources import load
from .schema import LegalReference
from .vntext import fold, normalize_tones, strip_accents, trie_alternation

__all__ = ["find_references"]

_MAX_ISSUER_WORDS = 12
_MAX_LOWER_GAP_WORDS = 6  # "các quyết định của Thủ tướng Chính phủ số ..."
_FORM_WINDOW = 30  # characters before a bare number searched for "mẫu số", "Bản kê" ...


class _Rx(NamedTuple):
    typed: re.Pattern[str]
    continuation: re.Pattern[str]
    bare: re.Pattern[str]
    date_after: re.Pattern[str]
    issuer: re.Pattern[str]
    issuer_end: re.Pattern[str]
    issuer_and: re.Pattern[str]
    number_end: re.Pattern[str]
    form_before: re.Pattern[str]


@dataclass(frozen=True)
class _Hit:
    """One reference before it becomes a LegalReference."""

    start: int
    end: int
    num: str
    year: int | None
    code: str | None
    canonical: str
    date: str | None = None
    issuer: str | None = None
    doc_type: tuple[str, str] | None = None
    malformed: bool = False
    after: int = 0  # end of the date/issuer printed after it: where a continuation may start


# -- data -------------------------------------------------------------------------------
@cache
def _letter_classes() -> dict[str, str]:
    """'ô' -> '[oòóỏõọôồốổỗộơờớởỡợ]': letters sharing a base letter and a case, so that OCR'd
    accents ("QUYÉT ĐỊNH", "Quyêt đinh") still match."""
    groups: dict[str, set[str]] = {"d": {"d", "đ"}, "D": {"D", "Đ"}}
    for v in "aăâeêioôơuưy":
        for tone in ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"):
            ch = unicodedata.normalize("NFC", v + tone)
            groups.setdefault(strip_accents(ch), set()).add(ch)
            groups.setdefault(strip_accents(ch).upper(), set()).add(ch.upper())
    classes = {ch: "[" + "".join(sorted(g)) + "]" for g in groups.values() for ch in g}
    return classes


def _loose_char(ch: str) -> str:
    """A character as a regex that ignores its accents (not its case); a space matches any whitespace."""
    return r"\s+" if ch == " " else _letter_classes().get(ch, re.escape(ch))


def _exact_char(ch: str) -> str:
    return r"\s+" if ch == " " else re.escape(ch)


def _alternation(words: Sequence[str], *, ignore_case: bool = True, loose: bool = True) -> str:
    """Words (longest first; accents ignored when ``loose``) as one group, written as a
    prefix tree of per-character pieces (see trie_alternation): the type words are tried
    at every word start of a text. Two different pieces never match one character (the
    letter classes hold one base letter in one case), as the tree requires; under
    ``ignore_case`` the words are lower-cased first, which changes nothing they match."""
    keys = {normalize_tones(w) for w in words}
    if ignore_case:
        keys = {k.lower() for k in keys}
    body = trie_alternation(keys, unit=_loose_char if loose else _exact_char)
    return rf"(?<!\w)(?{'i' if ignore_case else '-i'}:{body})(?!\w)"


def _type_words() -> list[str]:
    words = [w for t in load("doc_types.json")["types"] for w in t["words"]]
    return [normalize_tones(w) for w in words + load("references.json")["generic_type_words"]]


@cache
def _folded(key: str) -> frozenset[str]:
    """A word list of references.json, folded: 'verb_type_words', 'generic_type_words'."""
    return frozenset(fold(w) for w in load("references.json")[key])


@cache
def _folded_types() -> dict[str, tuple[str, str]]:
    return {fold(w): (t["code"], t["name"]) for t in load("doc_types.json")["types"] for w in t["words"]}


def _word_type(word: str) -> tuple[str, str] | None:
    """'Thông tư' -> ('TT', 'Thông tư'), also with OCR'd accents ('QUYÉT ĐỊNH')."""
    return doctypes.from_word(word) or _folded_types().get(fold(word))


def _gap_block(type_words: list[str]) -> str:
    """Type words that end a name gap: capitalized or upper-case ones, and lower-case nouns."""
    nouns = [w for w in type_words if not any(fold(w).startswith(v) for v in _folded("verb_type_words"))]
    forms = [f(w) for w in type_words for f in (str.capitalize, str.upper)]
    return _alternation(forms + nouns, ignore_case=False)


@cache
def _variables() -> dict[str, str]:
    data = load("references.json")
    table = {name: v["pattern"] for name, v in data["variables"].items()}
    table["type_word"] = _alternation(_type_words())
    table["gap_block"] = _gap_block(_type_words())
    table["form_word"] = _alternation(data["form_words"])
    table["issuer_stop"] = _alternation(data["issuer_stops"], loose=False)
    return table


def expand(template: str) -> str:
    """Replace every ``$name`` by its variable, recursively (used by the data-file test)."""
    table = _variables()
    while re.search(r"\$\w", template):
        template = re.sub(r"\$(\w+)", lambda m: f"(?:{table[m.group(1)]})", template)
    return template


@cache
def _rx() -> _Rx:
    pats = load("references.json")["patterns"]
    return _Rx(**{name: re.compile(expand(pats[name]["pattern"])) for name in _Rx._fields})


@cache
def _symbol_codes() -> frozenset[str]:
    data = load("references.json")
    codes = {s.upper() for t in load("doc_types.json")["types"] for s in t["symbol"]}
    return frozenset(codes | {c.upper() for c in data["standalone_body_codes"]})


# -- small readers ----------------------------------------------------------------------
def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _parse_date(m: re.Match[str]) -> dt.date | None:
    d, mo, y = (m["d"], m["m"], m["y"]) if m["d"] else (m["wd"], m["wm"], m["wy"])
    try:
        return dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None


def _date_after(text: str, pos: int) -> tuple[dt.date | None, int]:
    """The date printed right after ``pos`` (", ngày 30/5/2019") and where it ends."""
    m = _rx().date_after.match(text, pos)
    date = _parse_date(m) if m else None
    return (date, m.end()) if m and date else (None, pos)


def _cut_issuer(raw: str) -> str | None:
    """'Bộ GDĐT về việc ...' -> 'Bộ GDĐT'; None when nothing issuer-like is left."""
    upper = raw.isupper()
    probe = raw.lower() if upper else raw
    ends = [m.start() for m in [_rx().issuer_end.search(probe)] if m]
    if not upper:
        ends += [m.start() for m in _rx().issuer_and.finditer(raw) if m["next"].islower()]
    cut = raw[: min(ends)] if ends else raw
    words = re.match(rf"(?:\S+\s+){{0,{_MAX_ISSUER_WORDS - 1}}}\S+", cut)
    issuer = words.group(0).rstrip(" -–.") if words else ""
    return issuer if issuer[:1].isupper() else None


def _issuer_after(text: str, pos: int) -> tuple[str | None, int]:
    """'của Bộ trưởng Bộ GDĐT' printed right after ``pos``: the body and where it ends."""
    m = _rx().issuer.match(text, pos)
    issuer = _cut_issuer(m["issuer"]) if m else None
    if not m or issuer is None:
        return None, pos
    return issuer, m.start("issuer") + len(issuer)


def _gap_issuer(gap: str | None) -> str | None:
    """'của Thủ tướng Chính phủ' printed between the type word and 'số'."""
    words = (gap or "").split()
    if len(words) < 2 or words[0].lower() != "của":
        return None
    return _cut_issuer(" ".join(words[1:]))


def _is_malformed(year: int | None, code: str | None) -> bool:
    """A year but a symbol without a type group: '32/2018/BGDĐT'."""
    if year is None or not code:
        return False
    first = re.match(r"[^\W\d_]+", code)
    return not first or first.group(0).upper() not in _symbol_codes()


# -- one reference --------------------------------------------------------------------
def _stands_alone(text: str, m: re.Match[str]) -> bool:
    """'Nghị quyết 29,' / 'Quyết định số 12 của UBND': a number without symbol, followed by
    punctuation or a linking word ('Kế hoạch 100 ngày' is not a reference); without 'số', not a year."""
    year_like = re.fullmatch(r"(?:19|20)\d\d", m["num"]) and not m["so"]
    return not year_like and bool(_rx().number_end.match(text, m.end()))


def _hit(text: str, m: re.Match[str], start: int, *, number_only: bool) -> _Hit | None:
    """The designator ending match ``m`` with the date and issuer printed after it;
    ``number_only``: whether a number without year, symbol or date may stand alone."""
    code = _squash(m["code"]) if m["code"] else None
    year = int(m["year"]) if m["year"] else None
    date, date_end = _date_after(text, m.end())
    if code is None and year is None and date is None and not (number_only and _stands_alone(text, m)):
        return None
    issuer, after = _issuer_after(text, date_end)
    return _Hit(
        start=start,
        end=date_end,
        num=m["num"],
        year=year if year is not None else (date.year if date else None),
        code=code,
        canonical=_squash(text[m.start("num") : m.end()]),
        date=date.isoformat() if date else None,
        issuer=issuer,
        malformed=_is_malformed(year, code),
        after=after,
    )


def _list_members(text: str, m: re.Match[str], last: _Hit) -> list[_Hit]:
    """'Thông tư 17, 18, 19/2018': one hit per bare number, sharing the last one's year and symbol."""
    if not m["list"]:
        return []
    tail = last.canonical[len(last.num) :]
    members = []
    for i, n in enumerate(re.finditer(r"\d+", m["list"])):
        s, e = m.start("list") + n.start(), m.start("list") + n.end()
        start = m.start("word") if i == 0 else s
        members.append(replace(last, start=start, end=e, num=n.group(0), canonical=n.group(0) + tail))
    return members


def _typed_type(word: str, canonical: str) -> tuple[str, str] | None:
    """The type word decides, except a generic word ('văn bản') when the symbol names a type."""
    by_word = _word_type(word)
    by_symbol = doctypes.from_symbol(canonical)
    generic = fold(word) in _folded("generic_type_words")
    return by_symbol if (by_symbol and (generic or by_word is None)) else by_word


def _continuation_type(head: _Hit, word: str, canonical: str) -> tuple[str, str] | None:
    """A continuation keeps the head's type unless its symbol names another type while the
    head's word and symbol agreed ('Quyết định số 12/QĐ-UBND, 15/KH-UBND')."""
    own = doctypes.from_symbol(canonical)
    head_symbol = doctypes.from_symbol(head.canonical)
    if own and head.doc_type and own != head.doc_type and head_symbol == head.doc_type:
        return own
    return _typed_type(word, canonical)


def _continuations(text: str, head: _Hit, word: str) -> list[_Hit]:
    """', số 53/2010/QĐ-TTg ngày 20/8/2010 và số 62/2011/QĐ-TTg' after ``head``."""
    hits: list[_Hit] = []
    last = head
    while True:
        m = _rx().continuation.match(text, last.end) or _rx().continuation.match(text, last.after)
        start = m.start("so") if m and m["so"] else m.start("num") if m else 0
        nxt = _hit(text, m, start, number_only=bool(m["so"])) if m else None
        if m is None or nxt is None or not (m["code"] or m["year"] or m["so"]):
            return hits
        issuer = nxt.issuer or head.issuer
        last = replace(nxt, issuer=issuer, doc_type=_continuation_type(head, word, nxt.canonical))
        hits.append(last)


def _typed_group(text: str, m: re.Match[str]) -> list[_Hit]:
    """Every reference one type-word match yields: enumeration, the reference, continuations."""
    word = m["word"]
    capital = word[0].isupper()
    if (
        m["gap"]
        and not capital
        and (fold(word) in _folded("verb_type_words") or len(m["gap"].split()) > _MAX_LOWER_GAP_WORDS)
    ):
        return []  # "hướng dẫn các đơn vị ... số": a lower-case verb, not a title
    start = m.start("num") if m["list"] else m.start("word")
    last = _hit(text, m, start, number_only=bool(m["so"]) or capital)
    if last is None or (last.code is None and not m["so"] and not capital):
        return []
    issuer = last.issuer or _gap_issuer(m["gap"])
    last = replace(last, issuer=issuer, doc_type=_typed_type(word, last.canonical))
    if last.doc_type is None:
        return []
    group = [*_list_members(text, m, last), last]
    return group + _continuations(text, last, word)


# -- passes -----------------------------------------------------------------------------
def _typed_hits(text: str) -> list[_Hit]:
    hits: list[_Hit] = []
    pos = 0
    while m := _rx().typed.search(text, pos):
        group = _typed_group(text, m)
        hits += group
        pos = max([m.end(), *(h.end for h in group)])
    return hits


class _Spans:
    """Spans asked "does anything overlap [start, end)?" many times: sorted by start with
    the running maximum of their ends, so each question is one bisection."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end = list(itertools.accumulate((e for _, e in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self._starts, end)  # the spans that start before ``end``
        return k > 0 and self._max_end[k - 1] > start


def _bare_hits(text: str, taken: Sequence[tuple[int, int]]) -> list[_Hit]:
    """Numbers/symbols printed without a type word, kept when the symbol names a type."""
    hits = []
    taken_spans = _Spans(taken)
    for m in _rx().bare.finditer(text):
        found = doctypes.from_symbol(text[m.start("num") : m.end()]) if m["code"] else None
        if found is None or taken_spans.overlaps(m.start(), m.end()):
            continue
        if _rx().form_before.search(text, max(0, m.start() - _FORM_WINDOW), m.start()):
            continue
        hit = _hit(text, m, m.start("num"), number_only=False)
        if hit is not None:
            hits.append(replace(hit, doc_type=found))
    return hits


def _to_model(text: str, h: _Hit) -> LegalReference:
    code, name = h.doc_type if h.doc_type else (None, None)
    shared = {f: getattr(h, f) for f in ("start", "end", "year", "code", "canonical", "date", "issuer", "malformed")}
    return LegalReference(text=text[h.start : h.end], doc_type=code, doc_type_name=name, number=h.num, **shared)


def find_references(text: str, *, exclude: Sequence[tuple[int, int]] = ()) -> list[LegalReference]:
    """Every numbered reference to another document in ``text``, in text order.

    ``exclude``: spans to skip (the document's own number in its header).

    >>> [r.canonical for r in find_references("theo Thông tư số 51/2020/TT-BGDĐT và Nghị quyết số 29-NQ/TW")]
    ['51/2020/TT-BGDĐT', '29-NQ/TW']
    """
    typed = _typed_hits(text)
    hits = typed + _bare_hits(text, [(h.start, h.end) for h in typed])
    excluded = _Spans(exclude)
    kept = [h for h in hits if not excluded.overlaps(h.start, h.end)]
    kept.sort(key=lambda h: (h.start, h.end))
    return [_to_model(text, h) for h in kept]
