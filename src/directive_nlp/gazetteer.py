"""Gazetteer of Vietnamese public bodies and titles (data/bodies.json, data/abbreviations.json).

Four verbs: :func:`expand` the abbreviations of a body name, split a recipient line into its
:func:`members`, give the :func:`canonical` form of an actor's name, and :func:`find_bodies` in
running text. The data files hold every word; this module compiles them once into small anchored
regexes that a short recursive matcher combines (head + field, wrapper + body, complements).
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from typing import Any

from rapidfuzz import fuzz, process

from .resources import load
from .vntext import fold, is_syllable, normalize_tones, trie_alternation

__all__ = ["BodyMatch", "canonical", "expand", "find_bodies", "members"]

_UP = "".join(c for c in map(chr, range(0x41, 0x1EFA)) if unicodedata.name(c, "").startswith("LATIN CAPITAL LETTER"))
_FUZZ_CUTOFF = 92
_FIELD_CORE = 1  # index of head + known field among _g()["core"]


@dataclass(frozen=True)
class BodyMatch:
    """A body, title or collective printed in the text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    canonical: str
    kind: str  # ministry, agency, department, committee, council, party, mass_org, school, title, collective, other


# -- compiling the data ---------------------------------------------------------------------------------
def _lit(phrase: str, strict: bool | None = None) -> str:
    """A data phrase as a regex; its first letter keeps its case when ``strict`` (default: when upper-case)."""
    strict = phrase[:1].isupper() if strict is None else strict
    return (f"(?-i:{re.escape(phrase[0])})" if strict else re.escape(phrase[0])) + re.escape(phrase[1:])


_ci: Callable[[str], str] = partial(_lit, strict=False)


def _abbr(a: str) -> str:
    """An abbreviation: exact case, not glued to letters nor to the '/' and '-' of a number ('06-CT/TU'),
    but after a wrapper that ends with '/' ('TT/HĐND')."""
    pre = _abbr_start() if a[0].isalnum() else ""
    return f"{pre}(?-i:{re.escape(a)}){_abbr_end(a)}"


def _abbr_start() -> str:
    slashed = [x["abbr"] for x in load("abbreviations.json")["abbreviations"] if x["abbr"].endswith("/")]
    return rf"(?<![\w&-])(?:{''.join(f'(?<={re.escape(k)})|' for k in slashed)}(?<!/))"


def _abbr_end(a: str) -> str:
    return r"(?![\w&/-])" if a[-1].isalnum() else ""


def _abbrs_rx(abbrs: list[str]) -> re.Pattern[str]:
    """'|'.join(map(_abbr, abbrs)) (longest first), as two prefix trees: one for the abbreviations that start
    with a letter or digit, behind the start guard they share, one for the others. No abbreviation of one
    tree can match where one of the other does (their first characters differ in kind), and within a tree
    the longest is still tried first (see :func:`trie_alternation`); the pattern has no IGNORECASE."""
    words = [a for a in abbrs if a[:1].isalnum()]
    others = [a for a in abbrs if not a[:1].isalnum()]
    parts = [f"{_abbr_start()}(?:{trie_alternation(words, end=_abbr_end)})"] if words else []
    parts += [trie_alternation(others, end=_abbr_end)] if others else []
    return re.compile("|".join(parts))


def _alt(items: Iterable[str], fn: Callable[[str], str] = _lit, end: str = r"(?!\w)") -> str:
    items = sorted(set(items), key=len, reverse=True)
    return "(?:" + "|".join(fn(x) for x in items) + ")" + end if items else "(?!)"


def _alt_ci(items: Iterable[str], end: str = r"(?!\w)") -> str:
    """_alt(items, _ci, end) as a prefix tree (see :func:`trie_alternation`): the same
    matches in a pattern compiled with IGNORECASE, and only there."""
    words = set(items)
    return "(?:" + trie_alternation(words, ignore_case=True) + ")" + end if words else "(?!)"


def _fill(pattern: str, var: dict[str, str]) -> str:
    return re.sub(r"\$(\w+)", lambda m: var[m.group(1)], pattern)


def _abbrs_of(*roles: str) -> str:
    ab = load("abbreviations.json")["abbreviations"]
    return _abbr_alt([a["abbr"] for a in ab if a["role"] in roles and a["when"] != "citation"])


def _abbr_alt(abbrs: list[str]) -> str:
    """``_alt(abbrs, _abbr, "")`` written as the two prefix trees of :func:`_abbrs_rx`, each
    case-sensitive inside ``(?-i:...)`` as :func:`_abbr` is (the start guard stays outside, as
    there): the same matches, in the same order, in a pattern compiled with IGNORECASE or
    without. The abbreviations sit in many of the gazetteer's patterns, where one alternative
    per abbreviation, each behind its own guard, was tried at every position."""
    words = [a for a in abbrs if a[:1].isalnum()]
    others = [a for a in abbrs if not a[:1].isalnum()]
    parts = [f"{_abbr_start()}(?-i:{trie_alternation(words, end=_abbr_end)})"] if words else []
    parts += [f"(?-i:{trie_alternation(others, end=_abbr_end)})"] if others else []
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _heads(*, flag: str = "", take: str = "", multi: bool | None = None) -> list[str]:
    """The heads with a flag, or that take something, or of one or more words."""
    ok = lambda h: h.get(flag, not flag) and take in [*h["takes"], ""] and multi in (None, " " in h["head"])  # noqa: E731
    return [h["head"] for h in load("bodies.json")["heads"] if ok(h)]


def _head(h: dict[str, Any]) -> str:
    rx = _lit(h["head"], bool(h.get("capital")) and h["head"][0].isupper())
    rx = "".join(f"(?<!{re.escape(w)} )" for w in h.get("not_after", [])) + rx
    return rx + (rf"(?! (?:{'|'.join(map(re.escape, h['not']))})(?!\w))" if h.get("not") else "")


@cache
def _places() -> dict[str, str]:
    """Regexes for fields, units, levels and place names: the $variables of the complements."""
    b = load("bodies.json")
    fields = [n for grp in b["fields"] for n in grp["names"]] + [k for k in b["field_variants"] if k != "#"]
    v = {
        "field": f"(?:{_alt(fields)}|{_abbrs_of('field')})",
        "fieldci": f"(?:{_alt_ci(fields)}|{_abbrs_of('field')})",  # only in patterns compiled with IGNORECASE
    }
    v["unit"] = rf"(?:{_alt(b['units'] + b['minor_units'], _ci)}|{_abbrs_of('unit')})(?! ủy(?!\w))"
    v["units"] = rf"{v['unit']}(?:(?:, | - |/| và ){v['unit']})*"
    v["center"] = f"(?:{_alt(['Trung ương Đảng', 'Trung ương'], _ci)}|{_abbrs_of('center')})"
    v["level"] = f"(?:{_alt(b['levels'], _ci)}|{_abbrs_of('level')})"
    v["levels"] = rf"{v['level']}(?:(?:, | và | - ){v['level']})*"
    ab = load("abbreviations.json")["abbreviations"]
    v["coded"] = "|".join(
        re.escape(a["abbr"]) for a in ab if a["role"] in ("body", "title", "unit") and a["abbr"].isalnum()
    )
    words = [*_heads(), *(t["title"] for t in b["titles"]), *b["units"], "Các", "Và"]  # a name never runs into these...
    stop = rf"(?!{_alt([w for w in words if w not in b['place_like_heads']], _ci)}|(?-i:{v['coded']})\b)"  # ...'Hội An'
    word = rf"{stop}(?:(?-i:[{_UP}])\w*|\d+|{_abbrs_of('name')})"
    people = b["person_names"]
    person = rf"(?!(?-i:{'|'.join(people['surnames'])}) (?-i:{'|'.join(people['middles'])}) [{_UP}])"
    v["name"] = rf"{person}{word}(?:(?: | - ){word}){{0,4}}"
    v["names"] = rf"{v['name']}(?:(?:, | và ){v['name']})*"
    owners = _heads(flag="owner") + [f["name"] for f in b["fixed"] if f.get("owner")]
    owner_ab = _alt([a["abbr"] for a in ab if a["role"] == "body" and a["expansion"] in owners], _abbr, "")
    v["owner"] = rf"(?:{_alt(owners)}|{owner_ab})(?: (?:các |cấp )?{v['units']}(?: {v['name']})?)?"
    return v


@cache
def _vocab() -> dict[str, str]:
    """The regex vocabulary the data patterns use as $variables: places, collectives, titles, complements."""
    b, v = load("bodies.json"), dict(_places())
    titles = {t["title"]: t for t in b["titles"]}
    neg = b["collective_not"]
    not_after = lambda n: rf"(?! (?:{'|'.join(neg[n])})(?!\w))" if n in neg else ""  # noqa: E731
    v["cnoun"] = _alt(b["collective_nouns"], lambda n: _ci(n) + not_after(n), r"(?!\w)(?! trưởng)")
    v["cnouns"] = rf"{v['cnoun']}(?:(?:, | và |/)(?:các )?{v['cnoun']})*"
    v["person"] = _alt(b["persons"], _ci)
    v["fhead"] = _alt(_heads(take="field"), _ci)
    v["comp0"] = "(?:" + "|".join(_fill(c["pattern"], v) for c in b["complements"] if not c.get("nested")) + ")"
    v["title"] = f"(?:{_alt(titles, lambda t: _lit(t) if titles[t].get('capital') else _ci(t))}|{_abbrs_of('title')})"
    v["titles"] = (
        rf"(?:(?:các )?(?:đồng chí|(?-i:[đĐ]/c)) )?(?:các )?{v['title']}(?:(?:, |/| và )(?:các )?{v['title']})*"
    )
    v["headref"] = _alt(_heads(flag="ref"), lambda h: _lit(h, h[0].isupper()), r"(?!\w)(?! trưởng(?!\w))")
    v["colls"] = "(?:" + "|".join(_fill(c["pattern"], v) for c in b["collectives"]) + ")"
    comp_start = [c["example"].split()[0] for c in b["complements"]] + b["levels"] + _heads(flag="owner")
    fstop = _alt(b["open_field_stop"]["words"] + b["units"] + _heads(multi=True) + comp_start, _ci)
    more = rf"(?:phòng, chống|(?!{fstop}|(?-i:{v['coded']})\b)[\w-]+)"
    v["open"] = rf"(?-i:[{_UP}][^\W\d_A-ZĐ])\w*(?: {more}){{0,4}}"
    return v


@cache
def _g() -> dict[str, Any]:
    """The matchers find_bodies combines."""
    b, v = load("bodies.json"), _vocab()
    by: dict[str, list[str]] = {}
    for h in sorted(b["heads"], key=lambda h: -len(h["head"])):
        for t in h["takes"]:
            by.setdefault(t, []).append(_head(h))
    of = {t: "(?:" + "|".join(hs) + ")" for t, hs in by.items()}
    core = [
        _alt(f["name"] for f in b["fixed"]),
        rf"{of['field']} {v['field']}",
        rf"{of['field_name']} {v['field']} {v['name']}",
        rf"{of['school']} {v['levels']}(?: {v['name']})?",
        rf"{of['number']} \d+(?!\d)",
        rf"{of['desc']}(?: [\w-]+,?){{1,10}}?(?= {v['unit']}(?!\w))",
        rf"{of['name']} {v['name']}",
        rf"{of['comp']}(?= {v['comp0']})",
        rf"{of['bare']}(?!\w)",
        _abbrs_of("body"),
    ]
    stand = [t for t in b["titles"] if t.get("standalone")]
    not_after = {t["title"]: "".join(rf"(?! {re.escape(n)})" for n in t.get("not", [])) for t in stand}
    nested = "|".join(c["pattern"].split("$body")[0] for c in b["complements"] if c.get("nested"))
    i = re.I
    return {
        "core": [re.compile(c, i) for c in core],
        "coll": [re.compile(_fill(c["pattern"], v), i) for c in b["collectives"]],
        "comp": re.compile(rf" (?:{v['comp0']})", i),
        "nested": re.compile(rf" (?:{nested})", i),
        "wrap": re.compile(rf"(?:{'|'.join(by['body'])}|{of['field_body']} {v['field']}) |{_abbrs_of('wrapper')} ?", i),
        "pair": re.compile(rf"{v['owner']} và {v['owner']}", i),
        "headref": re.compile(v["headref"], i),
        "titles_sp": re.compile(v["titles"] + " ", i),
        "headed": re.compile(rf"(?:các )?{_alt([t['title'] for t in b['titles'] if t.get('headed')], _ci)}", i),
        "stand": re.compile(
            rf"(?:(?:các )?đồng chí )?(?:các )?{_alt(not_after, lambda t: _lit(t, True) + not_after[t])}", i
        ),
        "start": re.compile(r"(?<![\w&/-])\w"),
        "open": re.compile(rf"({of['open']}) ({v['open']})", i),
        "lead_end": re.compile(rf"(?<!\w){_alt([t['title'] for t in b['titles'] if t.get('leads')], _ci)} $", i),
        "of_title": re.compile(rf"{_alt([t['title'] for t in b['titles'] if t.get('of_title')], _ci)} ", i),
        "cnouns": re.compile(v["cnouns"], i),
    }


@cache
def _lists() -> dict[str, Any]:
    """The regexes of recipient lists and of abbreviation contexts."""
    b, v, i = load("bodies.json"), _vocab(), re.I
    shared = "|".join(_fill(c["pattern"], v) for c in b["complements"] if c.get("shared"))
    field_heads = _alt(_heads(take="field") + _heads(take="field_body"), _ci, "")
    start = rf"(?:{_alt(_heads(), _ci)}|{_alt(f['name'] for f in b['fixed'])}|{_abbrs_of('body', 'wrapper')})"
    return {
        "protect": [re.compile(x, i) for x in (v["fieldci"], rf"(?:các |cấp )?{v['units']}(?::? {v['names']})?")],
        "and_split": re.compile(rf" và (?=(?:các )?(?:{v['title']}|{start}))", i),
        "titles": re.compile(v["titles"], i),
        "colls": re.compile(v["colls"], i),
        "tail": re.compile(rf" ((?:{shared})(?: (?:{shared}))*)$", i),
        "local": re.compile(rf"(?:Thường trực )?{_alt(_heads(flag='local'), _ci, '')}(?: {v['fieldci']})?", i),
        "standing": re.compile(_alt(_heads(flag="standing"), _ci), i),
        "field_head": re.compile(rf"({field_heads}) {v['fieldci']}", i),
        "head_only": re.compile(field_heads, i),
        "field": re.compile(v["field"], i),
        "owned": re.compile(rf"({_alt(_heads(flag='owned'), _ci, '')})(?: {v['fieldci']})?", i),
        "per_place": re.compile(rf"^(.*?)\bcác ({v['unit']}):? ({v['name']}(?:(?:, | và ){v['name']})+)(.*)$"),
        "unit_end": re.compile(rf"^(.*?)\bcác ({v['unit']})$", i),
        "after_head": re.compile(rf"(?:^|[\s(]){field_heads}(?:\s*:(?:\s*[^,;:]+,)*)?\s*$", i),
        "after_title": re.compile(rf"{v['title']}\s*$", i),
        "before_body": re.compile(rf"^[\s.,:/]*(?:(?:và )?(?:các )?{v['title']}[\s,]+)*(?:và )?(?:các )?{start}", i),
        "before_field": re.compile(rf"^ ?{v['field']}", i),
        "school": re.compile(r"(?i:\b(?:trường|cấp|học)\b)|(?-i:\b(?:MN|TH|THCS|THPT|PTDTNT|ĐH|CĐ|GDTX)\b)"),
    }


# -- expand -----------------------------------------------------------------------------------------
@cache
def _abbrs() -> tuple[dict[str, list[dict[str, str]]], re.Pattern[str]]:
    senses: dict[str, list[dict[str, str]]] = {}
    for a in load("abbreviations.json")["abbreviations"]:
        senses.setdefault(a["abbr"], []).append(a)
    return senses, _abbrs_rx(list(senses))


def _clean(name: str) -> str:
    s = re.sub(r"\s+", " ", normalize_tones(unicodedata.normalize("NFC", name))).strip()
    return re.sub(r"(?<!\w)([A-ZĐ]{1,3}) ?([&-]) ?(?=[A-ZĐ]{1,4}(?!\w))", r"\1\2", s)  # 'GD - ĐT' -> 'GD-ĐT'


def _applies(when: str, s: str, a: int, b: int) -> bool:
    """Whether an abbreviation's sense applies to ``s[a:b]`` in its context (see abbreviations.json)."""
    rx = _lists()
    if when in ("always", "citation"):
        return when == "always"
    if when == "school":
        return bool(rx["school"].search(s[max(0, a - 25) : a]) or rx["school"].search(s[b : b + 15]))
    return bool(rx[when].search(s[:a]) if when.startswith("after") else rx[when].match(s[b:]))


def _expand(s: str, a: int = 0, b: int | None = None) -> str:
    """Expand the abbreviations of ``s[a:b]``, reading the rest of ``s`` as context."""
    b = len(s) if b is None else b
    senses, rx = _abbrs()
    out, pos = [], a
    for m in rx.finditer(s, a, b):
        key = m.group(0)
        rep = next((x["expansion"] for x in senses[key] if _applies(x["when"], s, m.start(), m.end())), key)
        if rep != key and key[-1] in "./" and s[m.end() : m.end() + 1].isalnum():
            rep += " "
        out += [s[pos : m.start()], rep]
        pos = m.end()
    out.append(s[pos:b])
    return re.sub(r"\s+", " ", "".join(out)).strip(" ,;")


def expand(name: str) -> str:
    """'UBND tỉnh' -> 'Ủy ban nhân dân tỉnh'; 'Sở GD&ĐT' -> 'Sở Giáo dục và Đào tạo'; the rest as printed."""
    s = _clean(name)
    e = _expand(s)
    return e[0].upper() + e[1:] if e[:1].islower() and s[:1].isupper() else e


# -- members ----------------------------------------------------------------------------------------
def _split(s: str) -> list[tuple[int, int]]:
    """Spans of the items of a list, cut at ',', ';' and ' và ' before a body or a title, never inside a
    body, a collective ('các sở, ban, ngành'), a field name or a list of places."""
    rx = _lists()
    prot = [m.span() for r in rx["protect"] for m in r.finditer(s)] + [(a, b) for a, b, _ in _scan(s, _unit_at)]
    cuts = sorted([m.span() for m in re.finditer(r"\s*[,;]\s*", s)] + [m.span() for m in rx["and_split"].finditer(s)])
    spans, last = [], 0
    for a, b in cuts:
        if a >= last and not any(p < a < q for p, q in prot):
            spans.append((last, a))
            last = b
    return [(a, b) for a, b in [*spans, (last, len(s))] if s[a:b].strip(" .-")]


def _distribute(items: list[str], titles: bool = True) -> list[str]:
    """Share what a list prints once: 'Chủ tịch, các PCT UBND tỉnh', 'HĐND, UBND tỉnh', 'TT. TU, HĐND'."""
    rx, out = _lists(), list(items)
    for i, it in enumerate(out):
        nxt = next((x for x in out[i + 1 :] if not rx["titles"].fullmatch(x)), "")
        m = rx["titles"].match(nxt)
        if titles and rx["titles"].fullmatch(it) and m and nxt[m.end() : m.end() + 1] == " ":
            out[i] = f"{it} {nxt[m.end() + 1 :]}"
    for i, it in enumerate(out):
        tail = next((m.group(1) for m in (rx["tail"].search(x) for x in out[i + 1 :]) if m), None)
        if tail and rx["local"].fullmatch(it):
            out[i] = f"{it} {tail}"
    for i in range(1, len(out) if out and out[0].startswith("Thường trực ") else 0):
        if not rx["standing"].match(out[i]):
            break
        out[i] = "Thường trực " + out[i]
    for i in range(1, len(out)):
        head = rx["field_head"].match(out[i - 1])
        if head and rx["field"].fullmatch(out[i]):
            out[i] = f"{head.group(1)} {out[i]}"
    return out


def _per_place(item: str) -> list[str]:
    """'Ủy ban nhân dân các tỉnh Hưng Yên, Hòa Bình' -> one member per named place."""
    m = _lists()["per_place"].match(item)
    return [f"{m.group(1)}{m.group(2)} {n}{m.group(4)}" for n in re.split(r", | và ", m.group(3))] if m else [item]


def companions() -> str:
    """The collectives a list's head may share its colon with: 'Các Bộ, cơ quan:', 'các Sở, ban, ngành:'."""
    return rf"(?:\s*,\s*{_vocab()['cnoun']})*"


def _plural_head(left: str) -> str | None:
    """'Các Bộ' / 'các sở' / 'Bộ' / 'Các Bộ, cơ quan' -> 'Bộ' when the words are a head that takes a field."""
    m = re.fullmatch(rf"(?:các\s+)?(\w+(?: \w+)?){companions()}", left.strip(), re.I)
    if not m or not _lists()["head_only"].fullmatch(m.group(1)):
        return None
    return m.group(1)[0].upper() + m.group(1)[1:].lower()


def _own(item: str, owner: str) -> str:
    """'Bộ trưởng, Chủ nhiệm' under 'Văn phòng Chính phủ' -> 'Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ'."""
    rx = _lists()
    m = rx["titles"].match(item)
    core = item[m.end() :].strip() if m else item
    if not core or rx["colls"].fullmatch(core):
        return f"{item} {owner}"
    h = rx["owned"].fullmatch(core)
    if not h:
        return item
    office = any(
        x["head"].lower() == h.group(1).lower() and x.get("office_owner") for x in load("bodies.json")["heads"]
    )
    return f"{item} {owner.removeprefix('Văn phòng ') if office else owner}"


def _colon(left: str, right: str) -> list[str] | None:
    """'Các Bộ: TC, NV', 'UBND các tỉnh: Long An, Tiền Giang', 'VPCP: BTCN, các PCN, các Vụ: TH, KTTH'."""
    pieces = [right[a:b].strip() for a, b in _split(right)]
    head = _plural_head(left)
    if head:
        whole = "," in left  # 'Các Bộ, cơ quan: Tài chính, Ngân hàng Nhà nước': a body named whole stays itself
        own = lambda p: _lists()["field_head"].match(p) or (whole and _body(p, 0) == len(p))  # noqa: E731
        return [expand(p if own(expand(p)) else f"{head} {p}") for p in pieces]
    if fold(left) == "luu":
        return [expand(p) for p in pieces]
    if _body(left, 0) != len(left):
        return None
    owner = expand(left)
    unit = _lists()["unit_end"].match(owner)
    if unit:
        return [f"{unit.group(1)}{unit.group(2)} {expand(p)}" for p in pieces]
    items, sub = [], None
    for p in pieces:
        if ":" in p:
            sub_left, p = (x.strip() for x in p.split(":", 1))
            sub = _plural_head(sub_left)
        items.append(expand(f"{sub} {p}" if sub else p))
    return [_own(it, owner) for it in _distribute(items, titles=False)]


def members(name: str) -> list[str]:
    """A recipient line's name -> the bodies it names, each expanded ('TT. TU, HĐND, UBND tỉnh' ->
    Thường trực Tỉnh ủy, Thường trực Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh). A collective
    ('Các sở, ban, ngành') is one member; 'Như trên' names none."""
    s = re.sub(r"\s*(?:\([^()]*\)|\[\d+\])", "", _clean(name)).strip(" -;.,")
    if not s or re.match(r"(?i)như (?:trên|điều\b)", s):
        return []
    m = re.match(r"^([^:;]{1,40}?)\s*:\s*(.+)$", s)
    listed = _colon(m.group(1), m.group(2)) if m else None
    if listed is not None:
        return [x for x in listed if x]
    return [p for it in _distribute([_expand(s, a, b) for a, b in _split(s)]) for p in _per_place(it)]


# -- canonical --------------------------------------------------------------------------------------
@cache
def _recasing() -> dict[str, Any]:
    """Known phrases in their official case (lower-cased key -> phrase): names of organs and units (always),
    a title at the start, a head before a field ('sở tài chính'), other heads and levels (all-caps input only)."""
    b = load("bodies.json")
    organs = [h["head"] for h in b["heads"] if {"owner", "local", "standing"} & set(h) and h["head"][0].isupper()]
    plain = [f["name"] for f in b["fixed"]] + [o for o in organs if " " in o] + b["units"] + ["Trung ương", "Việt Nam"]
    titles = [t["title"] for t in b["titles"]]
    fields = [n for grp in b["fields"] for n in grp["names"]]
    caps = b["levels"] + _heads(multi=True)
    variants = {k.lower(): w for k, w in b["field_variants"].items() if k != "#"}
    heads = rf"(?<!\w)((?:các|trưởng|cơ) )?({_alt(_heads(take='field'), _ci, '')}) ({_alt([*fields, *variants], _ci)})"
    return {
        "table": {p.lower(): p for p in reversed(plain + titles + fields + caps)} | variants,
        # as (?=((?:(?<!\w)A|(?<!\w)B|...)(?!\w))): the shared guard put in front, the words as a prefix tree
        "plain": re.compile(rf"(?=((?<!\w)(?:{trie_alternation(plain, ignore_case=True)})(?!\w)))", re.I),
        "titles": re.compile(rf"^((?:các |(?:các )?đồng chí )?)({_alt(titles, re.escape)})", re.I),
        "heads": re.compile(heads, re.I),
        "caps": re.compile(rf"(?<!\w)(?:{trie_alternation(caps, ignore_case=True)})(?!\w)", re.I),  # as "plain"
    }


def _sub_longest(rx: re.Pattern[str], e: str, fn: Callable[[str], str]) -> str:
    """Replace the longest non-overlapping matches of ``rx`` (a lookahead capturing group 1)."""
    taken: list[tuple[int, int]] = []
    for a, b in sorted(((m.start(), m.start() + len(m.group(1))) for m in rx.finditer(e)), key=lambda x: x[0] - x[1]):
        if all(b <= p or a >= q for p, q in taken):
            taken.append((a, b))
    for a, b in sorted(taken, reverse=True):
        e = e[:a] + fn(e[a:b]) + e[b:]
    return e


def _recase_head(m: re.Match[str]) -> str:
    """'sở tài chính' -> 'Sở Tài chính'; after 'trưởng' only the field ('Trưởng phòng Tư pháp'); after 'các' nothing."""
    pre, head, field = m.group(1) or "", m.group(2), m.group(3)
    if pre.lower().startswith(("các", "cơ")):
        return m.group(0)
    return pre + (head if pre else head.capitalize()) + " " + _recasing()["table"][field.lower()]


def _title_case(word: str) -> str:
    return word.capitalize() if word.isupper() and is_syllable(word.lower()) else word


def _recase(e: str, all_caps: bool) -> str:
    rc = _recasing()
    table = rc["table"]
    e = _sub_longest(rc["plain"], e, lambda x: table[x.lower()])
    e = rc["titles"].sub(lambda m: m.group(1) + table[m.group(2).lower()], e)
    e = rc["heads"].sub(_recase_head, e)
    if all_caps:
        e = re.sub(
            r"\b\w+\b", lambda m: _title_case(m.group(0)), rc["caps"].sub(lambda m: table[m.group(0).lower()], e)
        )
    return e


@cache
def _choices() -> dict[str, str]:
    """Folded key -> canonical name of every full body name the gazetteer can build."""
    b = load("bodies.json")
    fields = [n for grp in b["fields"] for n in grp["names"] if n[0].isupper()]
    names = [f["name"] for f in b["fixed"]] + _heads(multi=True)
    names += [f"{h} {f}" for h in _heads(take="field") for f in fields]
    variants = [(k, w) for k, w in b["field_variants"].items() if k != "#"]
    return {fold(n): n for n in reversed(names)} | {fold(f"{h} {k}"): f"{h} {w}" for h in _heads() for k, w in variants}


@cache
def _choices_by_length() -> tuple[list[int], list[str]]:
    """The folded choices ordered by length, and their lengths (for bisection)."""
    keys = sorted(_choices(), key=len)
    return [len(k) for k in keys], keys


def _near_length(key: str) -> list[str]:
    """The choices long enough and short enough to score the cutoff against ``key``: fuzz.ratio is
    100 * (1 - indel / (a + b)) and the Indel distance is at least the length difference |a - b|; a margin of
    one character each way keeps rounding out of it. Which of the hits is best does not depend on their order
    (a tie for the best is refused), so leaving the others out changes nothing but the time."""
    slack = (100 - _FUZZ_CUTOFF) / 100
    n, (lengths, keys) = len(key), _choices_by_length()
    lo, hi = math.floor(n * (1 - slack) / (1 + slack)) - 1, math.ceil(n * (1 + slack) / (1 - slack)) + 1
    return keys[bisect.bisect_left(lengths, lo) : bisect.bisect_right(lengths, hi)]


def _head_of(key: str) -> tuple[str, ...]:
    """The first two words of a folded name: a fuzzy hit must share them."""
    return tuple(key.split(" ")[:2])


@cache
def _choice_heads() -> frozenset[tuple[str, ...]]:
    return frozenset(map(_head_of, _choices()))


def _fuzzy(e: str) -> str | None:
    """The gazetteer's name for ``e`` (or for ``e`` without its trailing complement): exact on the folded
    form, else the single best rapidfuzz hit >= the cutoff with the same head, not a shorter or longer name."""
    table, tail = _choices(), _lists()["tail"].search(e)
    tries = [(e, "")] + ([(e[: tail.start()], e[tail.start() :])] if tail else [])
    for cand, rest in tries:
        if fold(cand) in table:
            return table[fold(cand)] + rest
    for cand, rest in tries:
        key = fold(cand)
        if _head_of(key) not in _choice_heads():
            continue  # no choice opens with the key's head, so neither does the best hit: skip the search
        hits = process.extract(key, _near_length(key), scorer=fuzz.ratio, limit=2, score_cutoff=_FUZZ_CUTOFF)
        if hits and (len(hits) == 1 or hits[0][1] > hits[1][1]):
            best = hits[0][0]
            same_head = _head_of(best) == _head_of(key)
            if same_head and not (best.startswith(key + " ") or key.startswith(best + " ")):
                return table[best] + rest
    return None


@lru_cache(maxsize=4096)
def canonical(name: str) -> str:
    """Normalized form of an actor's name: abbreviations expanded, known heads in their official case
    ('UỶ BAN NHÂN DÂN tỉnh' -> 'Ủy ban nhân dân tỉnh'), a variant spelling mapped to the gazetteer's name."""
    s = _clean(name)
    letters = [c for c in s if c.isalpha()]
    e = _recase(expand(s), bool(letters) and not any(c.islower() for c in letters) and " " in s)
    return _fuzzy(e) or e


# -- find_bodies ------------------------------------------------------------------------------------
@cache
def _kinds() -> tuple[list[tuple[str, str]], list[tuple[str, str, bool]], dict[str, str]]:
    b = load("bodies.json")
    fixed = sorted(((f["name"].lower(), f["kind"]) for f in b["fixed"]), key=lambda x: -len(x[0]))
    heads = sorted(
        ((h["head"].lower(), h["kind"], bool(h.get("capital"))) for h in b["heads"]), key=lambda x: -len(x[0])
    )
    return fixed, heads, {n.lower(): grp["kind"] for grp in b["fields"] if grp["kind"] for n in grp["names"]}


def _kind(c: str) -> str:
    """Kind of a canonical name: by its title, fixed name, head (or the field's kind, for a committee)."""
    fixed, heads, fields = _kinds()
    if _lists()["titles"].match(c):
        return "title"
    c = c.removeprefix("Thường trực ")
    low = c.lower()
    if re.match(r"(?:các|tất cả|toàn|cho các|quý)\b", low):
        return "collective"
    kind = next((k for n, k in fixed if low.startswith(n)), None)
    for head, k, cap in [] if kind else heads:
        if k and low.startswith(head) and (c[0].isupper() or not cap) and not c[len(head) : len(head) + 1].isalnum():
            over = next((fk for f, fk in fields.items() if low[len(head) :].strip().startswith(f)), None)
            return over if over and k not in ("ministry", "department") else k
    return kind or "collective"


def _end(m: re.Match[str] | None) -> int:
    return m.end() if m else 0


def _comps(t: str, j: int, depth: int) -> int:
    """Extend a body ending at ``j`` over its complements ('tỉnh Hưng Yên', 'trực thuộc UBND tỉnh')."""
    g = _g()
    for _ in range(4):
        m = g["nested"].match(t, j)
        k = (_body(t, m.end(), depth + 1) or _end(g["headref"].match(t, m.end()))) if m and depth < 2 else 0
        k = k or _end(g["comp"].match(t, j))
        if not k:
            return j
        j = k
    return j


def _body(t: str, i: int, depth: int = 0) -> int:
    """End of the body starting at ``i`` (0: none): a wrapper and what it wraps, or a core; then complements."""
    g = _g()
    m = g["wrap"].match(t, i)
    if m and depth < 2:
        k = _end(g["pair"].match(t, m.end())) or _body(t, m.end(), depth + 1)
        k = k or _end(g["headref"].match(t, m.end())) or _coll(t, m.end(), depth + 1)
        if k:
            return _comps(t, k, depth)
    ends = [_end(rx.match(t, i)) for rx in g["core"]]
    k = max(ends) if ends[_FIELD_CORE] else max(*ends, _open(t, i))  # a known field before an open one
    return _comps(t, k, depth) if k else 0


def _open(t: str, i: int) -> int:
    """End of 'head + open field' ('Cục Trồng trọt'); an odd trailing lower-case syllable is left out, since
    field names are made of two-syllable words ('Cục Cảnh sát hình sự thụ lý' -> 'Cục Cảnh sát hình sự')."""
    m = _g()["open"].match(t, i)
    if not m:
        return 0
    words = [w for w in m.group(2).split(" ") if w != "-"]
    return m.end() - len(words[-1]) - 1 if len(words) % 2 and len(words) > 1 and words[-1].islower() else m.end()


def _coll(t: str, i: int, depth: int = 0) -> int:
    k = max(_end(rx.match(t, i)) for rx in _g()["coll"])
    return _comps(t, k, depth) if k else 0


def _unit_at(t: str, i: int) -> int:
    return max(_body(t, i), _coll(t, i))


def _match_at(t: str, i: int, depth: int = 0) -> int:
    """End of the longest body, collective or title (with what it heads) starting at ``i``; 0: none."""
    g = _g()
    ends = [_unit_at(t, i), _end(g["stand"].match(t, i))]
    m = g["titles_sp"].match(t, i)
    if m:  # 'Giám đốc Sở GDĐT', 'Trợ lý Thủ tướng', 'Thủ trưởng cơ quan, đơn vị', 'Lãnh đạo Cục'
        j = m.end()
        ends += [_unit_at(t, j), _match_at(t, j, 1) if depth < 1 and g["of_title"].match(t, i) else 0]
        ends += [_comps(t, _end(g["cnouns"].match(t, j)), 0) if g["lead_end"].search(m.group(0)) else 0]
        ends += [_end(g["headref"].match(t, j))]
    m = g["headed"].match(t, i)  # 'Trưởng phòng Tư pháp', 'Chánh Thanh tra tỉnh': the title ends with the head
    if m:
        j = _comps(
            t, (_end(_lists()["field"].match(t, m.end() + 1)) if t[m.end() : m.end() + 1] == " " else 0) or m.end(), 0
        )
        ends.append(j if j > m.end() else 0)
    return max(ends)


def _scan(t: str, at: Callable[[str, int], int]) -> list[tuple[int, int, str]]:
    """Leftmost-longest, non-overlapping spans found by ``at`` from each word start of ``t``."""
    out, pos = [], 0
    for m in _g()["start"].finditer(t):
        k = at(t, m.start()) if m.start() >= pos else 0
        if k and not (k < len(t) and t[k - 1 : k + 1].isalnum()):  # never end inside a word
            out.append((m.start(), k, t[m.start() : k]))
            pos = k
    return out


def find_bodies(text: str) -> list[BodyMatch]:
    """Bodies, titles with their bodies and collectives in running text, leftmost and longest first."""
    t = normalize_tones(text)
    spans = _scan(t if len(t) == len(text) else text, _match_at)
    return [BodyMatch(a, b, text[a:b], c := canonical(text[a:b]), _kind(c)) for a, b, _ in spans]
