"""Gazetteer of Vietnamese public bodies and titles (data/bodies.json, data/abbreviations.json).

Four verbs: :func:`expand` the abbreviations of a body name, split a recipient line into its
:func:`members`, give the :func:`canonical` form of an actor's name, and :func:`find_bodies` in
running text. The data files hold every word; this module compiles them once into regexes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from rapidfuzz import fuzz, process

from .resources import load
from .vntext import fold, is_syllable, normalize_tones

__all__ = ["BodyMatch", "canonical", "expand", "find_bodies", "members"]

_UP = "".join(
    c for c in map(chr, range(0x41, 0x1EFA)) if unicodedata.name(c, "").startswith("LATIN CAPITAL LETTER")
)
_FUZZ_CUTOFF = 92


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
    """A data phrase as a regex; its first letter must keep its case when ``strict`` (default: when upper)."""
    strict = phrase[:1].isupper() if strict is None else strict
    first = f"(?-i:{re.escape(phrase[0])})" if strict else re.escape(phrase[0])
    return first + re.escape(phrase[1:])


def _ci(phrase: str) -> str:
    return _lit(phrase, False)


def _abbr(a: str) -> str:
    """An abbreviation: exact case, not glued to letters or to the '/' and '-' of a document code."""
    pre = r"(?<![\w&/-])" if a[0].isalnum() else ""
    post = r"(?![\w&/-])" if a[-1].isalnum() else ""
    return f"{pre}(?-i:{re.escape(a)}){post}"


def _alt(items: Iterable[str], fn: Callable[[str], str] = _lit, end: str = r"(?!\w)") -> str:
    items = sorted(set(items), key=len, reverse=True)
    return "(?:" + "|".join(fn(x) for x in items) + ")" + end if items else "(?!)"


def _fill(pattern: str, var: dict[str, str]) -> str:
    return re.sub(r"\$(\w+)", lambda m: var[m.group(1)], pattern)


def _head(h: dict[str, Any]) -> str:
    rx = _lit(h["head"], bool(h.get("capital")) and h["head"][0].isupper())
    rx = "".join(f"(?<!{re.escape(w)} )" for w in h.get("not_after", [])) + rx
    if h.get("not"):
        rx += rf"(?! (?:{'|'.join(map(re.escape, h['not']))})(?!\w))"
    return rx


@cache
def _g() -> dict[str, Any]:
    """Every regex and table, compiled once."""
    b, ab = load("bodies.json"), load("abbreviations.json")["abbreviations"]

    def abbrs(*roles: str) -> list[str]:
        return [a["abbr"] for a in ab if a["role"] in roles and a["when"] != "citation"]

    heads = sorted(b["heads"], key=lambda h: -len(h["head"]))
    fields = [n for grp in b["fields"] for n in grp["names"]]
    variants = {k: v for k, v in b["field_variants"].items() if k != "#"}
    titles = [t["title"] for t in b["titles"]]
    fixed = [f["name"] for f in b["fixed"]]
    v: dict[str, str] = {}
    v["field"] = f"(?:{_alt([*fields, *variants])}|{_alt(abbrs('field'), _abbr, '')})"
    v["fieldci"] = f"(?:{_alt([*fields, *variants], _ci)}|{_alt(abbrs('field'), _abbr, '')})"
    v["unit"] = f"(?:{_alt(b['units'], _ci)}|{_alt(abbrs('unit'), _abbr, '')})"
    v["units"] = rf"{v['unit']}(?:(?:, | - |/| và ){v['unit']})*"
    v["center"] = f"(?:{_alt(['Trung ương Đảng', 'Trung ương'], _ci)}|{_alt(abbrs('center'), _abbr, '')})"
    v["level"] = f"(?:{_alt(b['levels'], _ci)}|{_alt(abbrs('level'), _abbr, '')})"
    v["levels"] = rf"{v['level']}(?:(?:, | và | - ){v['level']})*"
    stop = _alt([*titles, *(h["head"] for h in heads if h["head"] != "Hội"), "Các", "Và"], end=r"(?!\w)")
    word = rf"(?!{stop}|{_alt(abbrs('body', 'title'), _abbr, '')})(?:(?-i:[{_UP}])\w*|\d+|{_alt(abbrs('name'), _abbr, '')})"
    v["name"] = rf"{word}(?:(?: | - ){word}){{0,4}}"
    v["names"] = rf"{v['name']}(?:(?:, | và ){v['name']})*"
    owners = [h["head"] for h in heads if h.get("owner")] + [f["name"] for f in b["fixed"] if f.get("owner")]
    owner_ab = [a["abbr"] for a in ab if a["role"] == "body" and a["expansion"] in owners]
    v["owner"] = rf"(?:{_alt(owners)}|{_alt(owner_ab, _abbr, '')})(?: (?:các |cấp )?{v['units']}(?: {v['name']})?)?"
    nouns = b["collective_nouns"]
    neg = b["collective_not"]
    v["cnoun"] = _alt(nouns, lambda n: _ci(n) + (rf"(?! (?:{'|'.join(neg[n])})(?!\w))" if n in neg else ""))
    v["cnouns"] = rf"{v['cnoun']}(?:(?:, | và |/)(?:các )?{v['cnoun']})*"
    v["person"] = _alt(b["persons"], _ci)
    comps = [c for c in b["complements"] if "thuộc" not in c["pattern"]]
    v["comp0"] = "(?:" + "|".join(_fill(c["pattern"], v) for c in comps) + ")"
    v["title"] = f"(?:{_alt(titles, lambda t: _ci(t) if not _title(t).get('capital') else _lit(t))}|{_alt(abbrs('title'), _abbr, '')})"
    v["titles"] = rf"(?:(?:các )?(?:đồng chí|(?-i:[đĐ]/c)) )?(?:các )?{v['title']}(?:(?:, |/| và )(?:các )?{v['title']})*"
    by_take: dict[str, list[str]] = {}
    for h in heads:
        for t in h["takes"]:
            by_take.setdefault(t, []).append(_head(h))

    def heads_of(take: str) -> str:
        return "(?:" + "|".join(by_take.get(take, ["(?!)"])) + ")"

    core = [
        _alt(fixed),
        rf"{heads_of('field')} {v['field']}",
        rf"{heads_of('school')} {v['levels']}(?: {v['name']})?",
        rf"{heads_of('number')} \d+(?!\d)",
        rf"{heads_of('desc')}(?: [\w-]+,?){{1,10}}?(?= {v['unit']}(?!\w))",
        rf"{heads_of('name')} {v['name']}",
        rf"{heads_of('comp')}(?= {v['comp0']})",
        rf"{heads_of('bare')}(?!\w)",
        _alt(abbrs("body"), _abbr, ""),
    ]
    colls = "(?:" + "|".join(_fill(c["pattern"], v) for c in b["collectives"]) + ")"
    wrap = rf"(?:{'|'.join(by_take['body'])}|{heads_of('field_body')} {v['field']}) |{_alt(abbrs('wrapper'), _abbr, '')} ?"
    stand = _alt(
        [t["title"] for t in b["titles"] if t.get("standalone")],
        lambda t: _lit(t, True) + "".join(rf"(?! {re.escape(n)})" for n in _title(t).get("not", [])),
    )
    shared = "|".join(_fill(c["pattern"], v) for c in comps if c.get("shared"))
    bodystart = rf"(?:{_alt([h['head'] for h in heads], _ci)}|{_alt(fixed)}|{_alt(abbrs('body', 'wrapper'), _abbr, '')})"
    local = _alt([h["head"] for h in heads if h.get("local")], _ci, "")
    field_heads = _alt([h["head"] for h in heads if {"field", "field_body"} & set(h["takes"])], _ci, "")
    owned = _alt([h["head"] for h in heads if h.get("owned")], _ci, "")
    rx = {
        "core": [re.compile(c, re.I) for c in core],
        "comp": re.compile(rf" (?:{v['comp0']})", re.I),
        "thuoc": re.compile(r" (?:trực )?thuộc ", re.I),
        "wrap": re.compile(wrap, re.I),
        "pair": re.compile(rf"{v['owner']} và {v['owner']}", re.I),
        "headref": re.compile(v["headref"], re.I),
        "coll": re.compile(colls, re.I),
        "titles_sp": re.compile(v["titles"] + " ", re.I),
        "stand": re.compile(rf"(?:các )?{stand}", re.I),
        "start": re.compile(r"(?<![\w&/-])\w"),
        "protect": re.compile(rf"{v['fieldci']}|(?:các |cấp )?{v['units']}(?::? {v['names']})?|{colls}", re.I),
        "and_split": re.compile(rf" và (?=(?:các )?(?:{v['title']}|{bodystart}))", re.I),
        "titles": re.compile(v["titles"], re.I),
        "coll0": re.compile(colls, re.I),
        "tail": re.compile(rf" ((?:{shared})(?: (?:{shared}))*)$", re.I),
        "local": re.compile(rf"(?:Thường trực )?{local}(?: {v['fieldci']})?", re.I),
        "standing": re.compile(_alt([h["head"] for h in heads if h.get("standing")], _ci), re.I),
        "field_head": re.compile(rf"({field_heads}) {v['fieldci']}", re.I),
        "head_only": re.compile(field_heads, re.I),
        "field": re.compile(v["fieldci"], re.I),
        "owned": re.compile(rf"({owned})(?: {v['fieldci']})?", re.I),
        "per_place": re.compile(rf"^(.*?)\bcác ({v['unit']}):? ({v['name']}(?:(?:, | và ){v['name']})+)(.*)$"),
        "unit_end": re.compile(rf"^(.*?)\bcác ({v['unit']})$", re.I),
        "after_head": re.compile(rf"(?:^|[\s(]){field_heads}[\s:]*$", re.I),
        "next_body": re.compile(rf"^[\s.,:/]*(?:(?:và )?(?:các )?{v['title']}[\s,]+)*(?:và )?(?:các )?{bodystart}", re.I),
        "next_field": re.compile(rf"^ ?{v['field']}", re.I),
        "after_title": re.compile(rf"{v['title']}\s*$", re.I),
        "school": re.compile(r"(?i:\b(?:trường|cấp|học)\b)|(?-i:\b(?:MN|TH|THCS|THPT|PTDTNT|ĐH|CĐ|GDTX)\b)"),
    }
    return {**rx, "variants": variants}


@cache
def _title(t: str) -> dict[str, Any]:
    return next(x for x in load("bodies.json")["titles"] if x["title"] == t)


@cache
def _abbrs() -> tuple[dict[str, list[dict[str, str]]], re.Pattern[str]]:
    senses: dict[str, list[dict[str, str]]] = {}
    for a in load("abbreviations.json")["abbreviations"]:
        senses.setdefault(a["abbr"], []).append(a)
    return senses, re.compile("|".join(_abbr(k) for k in sorted(senses, key=len, reverse=True)))


# -- expand -----------------------------------------------------------------------------------------
def _clean(name: str) -> str:
    s = normalize_tones(unicodedata.normalize("NFC", name))
    s = re.sub(r"\s+", " ", s).strip()
    return re.sub(r"(?<![A-ZĐ])([A-ZĐ]{1,3}) ?([&-]) ?(?=[A-ZĐ]{1,4}(?![a-zđ]))", r"\1\2", s)


def _applies(when: str, s: str, a: int, b: int) -> bool:
    g = _g()
    if when in ("always", "citation"):
        return when == "always"
    if when == "school":
        return bool(g["school"].search(s[max(0, a - 25) : a]) or g["school"].search(s[b : b + 15]))
    if when in ("after_head", "after_title"):
        return bool(g[when].search(s[:a]))
    return bool(g["next_" + when.split("_")[1]].match(s[b:]))


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
    if e[:1].islower() and s[:1].isupper() and not s[:1].islower():
        e = e[0].upper() + e[1:]
    return e


# -- members ----------------------------------------------------------------------------------------
def _split(s: str) -> list[tuple[int, int]]:
    """Spans of the items of a list, cutting at ',', ';' and a ' và ' before a body or title,
    never inside a field name, an administrative list or a collective ('các sở, ban, ngành')."""
    g = _g()
    prot = [m.span() for m in g["protect"].finditer(s)]
    cuts = [m.span() for m in re.finditer(r"\s*[,;]\s*", s)] + [m.span() for m in g["and_split"].finditer(s)]
    spans, last = [], 0
    for a, b in sorted(cuts):
        if a >= last and not any(p < a < q for p, q in prot):
            spans.append((last, a))
            last = b
    spans.append((last, len(s)))
    return [(a, b) for a, b in spans if s[a:b].strip(" .-")]


def _titled_body(item: str) -> str | None:
    m = _g()["titles"].match(item)
    return item[m.end() :].strip() if m and m.end() < len(item) and item[m.end()] == " " else None


def _distribute(items: list[str]) -> list[str]:
    """Share what a list prints once: 'Chủ tịch, các PCT UBND tỉnh', 'HĐND, UBND tỉnh', 'TT. TU, HĐND'."""
    g, out = _g(), list(items)
    for i, it in enumerate(out):
        if g["titles"].fullmatch(it):
            for nxt in out[i + 1 :]:
                if not g["titles"].fullmatch(nxt):
                    body = _titled_body(nxt)
                    out[i] = f"{it} {body}" if body else it
                    break
    for i, it in enumerate(out):
        if g["local"].fullmatch(it):
            tail = next((m.group(1) for m in (g["tail"].search(x) for x in out[i + 1 :]) if m), None)
            out[i] = f"{it} {tail}" if tail else it
    if out and out[0].startswith("Thường trực "):
        for i in range(1, len(out)):
            if not g["standing"].match(out[i]):
                break
            out[i] = "Thường trực " + out[i]
    for i in range(1, len(out)):
        head = g["field_head"].match(out[i - 1])
        if head and g["field"].fullmatch(out[i]):
            out[i] = f"{head.group(1)} {out[i]}"
    return out


def _per_place(item: str) -> list[str]:
    """'Ủy ban nhân dân các tỉnh Hưng Yên, Hòa Bình' -> one member per named place."""
    m = _g()["per_place"].match(item)
    if not m:
        return [item]
    pre, unit, names, post = m.groups()
    return [f"{pre}{unit} {n}{post}" for n in re.split(r", | và ", names)]


def _plural_head(left: str) -> str | None:
    """'Các Bộ' / 'các sở' / 'Bộ' -> 'Bộ' when the words are a head that takes a field."""
    m = re.fullmatch(r"(?:các\s+)?(\w+(?: \w+)?)", left.strip(), re.I)
    if not m or not _g()["head_only"].fullmatch(m.group(1)):
        return None
    return m.group(1)[0].upper() + m.group(1)[1:].lower()


def _own(item: str, owner: str) -> str:
    """'Bộ trưởng, Chủ nhiệm' under 'Văn phòng Chính phủ' -> 'Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ'."""
    g = _g()
    m = g["titles"].match(item)
    core = item[m.end() :].strip() if m else item
    if not core or g["coll0"].fullmatch(core):
        return f"{item} {owner}"
    h = g["owned"].fullmatch(core)
    if not h:
        return item
    office = any(x["head"].lower() == h.group(1).lower() and x.get("office_owner") for x in load("bodies.json")["heads"])
    return f"{item} {owner[len('Văn phòng ') :] if office and owner.startswith('Văn phòng ') else owner}"


def _colon(left: str, right: str) -> list[str]:
    """'Các Bộ: TC, NV', 'UBND các tỉnh: Long An, Tiền Giang', 'VPCP: BTCN, các PCN, các Vụ: TH, KTTH'."""
    pieces = [right[a:b].strip() for a, b in _split(right)]
    head = _plural_head(left)
    if head:
        return [expand(p if _g()["field_head"].match(expand(p)) else f"{head} {p}") for p in pieces]
    owner = expand(left)
    if fold(left) == "luu":
        return [expand(p) for p in pieces]
    unit = _g()["unit_end"].match(owner)
    if unit:
        return [f"{unit.group(1)}{unit.group(2)} {expand(p)}" for p in pieces]
    items, sub = [], None
    for p in pieces:
        if ":" in p:
            sub_left, p = (x.strip() for x in p.split(":", 1))
            sub = _plural_head(sub_left)
        items.append(expand(f"{sub} {p}" if sub else p))
    return [_own(it, owner) for it in _distribute(items)]


def members(name: str) -> list[str]:
    """A recipient line's name -> the bodies it names, each expanded ('TT. TU, HĐND, UBND tỉnh' ->
    Thường trực Tỉnh ủy, Thường trực Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh). A collective
    ('Các sở, ban, ngành') is one member; 'Như trên' names none."""
    s = re.sub(r"\s*\([^()]*\)\s*$", "", _clean(name)).strip(" -;.,")
    if not s or re.match(r"(?i)như (?:trên|điều\b)", s):
        return []
    m = re.match(r"^([^:,;]{1,40}?)\s*:\s*(.+)$", s)
    if m:
        return [x for x in _colon(m.group(1), m.group(2)) if x]
    items = [_expand(s, a, b) for a, b in _split(s)]
    return [p for it in _distribute(items) for p in _per_place(it)]


# -- canonical --------------------------------------------------------------------------------------
@cache
def _recasing() -> tuple[dict[str, str], re.Pattern[str], re.Pattern[str]]:
    """Known phrases in their official letter case (lower-cased key -> phrase)."""
    b = load("bodies.json")
    table: dict[str, str] = {}
    multi = [h["head"] for h in b["heads"] if " " in h["head"]] + [n for n in b["collective_nouns"] if " " in n]
    fields = [n for grp in b["fields"] for n in grp["names"]]
    groups = [[f["name"] for f in b["fixed"]], multi, [t["title"] for t in b["titles"]], fields, b["units"], b["levels"]]
    for phrase in (p for grp in groups for p in grp):
        table.setdefault(phrase.lower(), phrase)
    table.update({k.lower(): w for k, w in _g()["variants"].items()})
    table.update({"trung ương": "Trung ương", "việt nam": "Việt Nam"})
    rx = re.compile(_alt(table, lambda p: r"(?<!\w)" + re.escape(p)), re.I)
    single = [h["head"] for h in b["heads"] if " " not in h["head"]]
    heads = re.compile(rf"(?<!\w)({_alt(single, _ci, '')}) (?={_alt(fields, _ci)})", re.I)
    return table, rx, heads


def _recase(e: str, all_caps: bool) -> str:
    table, rx, heads = _recasing()
    e = rx.sub(lambda m: table[m.group(0).lower()], e)
    e = heads.sub(lambda m: m.group(1)[0].upper() + m.group(1)[1:].lower() + " ", e)
    if all_caps:
        e = re.sub(r"\b\w+\b", lambda m: m.group(0).capitalize() if m.group(0).isupper() and is_syllable(m.group(0).lower()) else m.group(0), e)
    return e


@cache
def _choices() -> dict[str, str]:
    """Folded key -> canonical name of every full body name the gazetteer can build."""
    b = load("bodies.json")
    names = [f["name"] for f in b["fixed"]] + [h["head"] for h in b["heads"] if " " in h["head"]]
    fields = [n for grp in b["fields"] for n in grp["names"] if n[0].isupper()]
    names += [f"{h['head']} {f}" for h in b["heads"] if "field" in h["takes"] for f in fields]
    out = {fold(n): n for n in reversed(names)}
    out.update({fold(f"{h['head']} {k}"): f"{h['head']} {w}" for h in b["heads"] for k, w in _g()["variants"].items()})
    return out


def _fuzzy(e: str) -> str | None:
    table = _choices()
    tail = _g()["tail"].search(e)
    for cand, rest in [(e, "")] + ([(e[: tail.start()], e[tail.start() :])] if tail else []):
        key = fold(cand)
        if key in table:
            return table[key] + rest
        hits = process.extract(key, list(table), scorer=fuzz.ratio, limit=2, score_cutoff=_FUZZ_CUTOFF)
        if hits and (len(hits) == 1 or hits[0][1] > hits[1][1]):
            return table[hits[0][0]] + rest
    return None


@lru_cache(maxsize=4096)
def canonical(name: str) -> str:
    """Normalized form of an actor's name: abbreviations expanded, known heads in their official case
    ('UỶ BAN NHÂN DÂN tỉnh' -> 'Ủy ban nhân dân tỉnh'), a variant spelling mapped to the gazetteer's name."""
    s = _clean(name)
    letters = [c for c in s if c.isalpha()]
    e = _recase(expand(s), bool(letters) and not any(c.islower() for c in letters) and len(s.split()) > 1)
    return _fuzzy(e) or e


# -- find_bodies ------------------------------------------------------------------------------------
@cache
def _kinds() -> tuple[list[tuple[str, str]], list[tuple[str, str]], dict[str, str]]:
    b = load("bodies.json")
    fixed = sorted(((f["name"].lower(), f["kind"]) for f in b["fixed"]), key=lambda x: -len(x[0]))
    heads = sorted(((h["head"].lower(), h["kind"]) for h in b["heads"]), key=lambda x: -len(x[0]))
    fields = {n.lower(): grp["kind"] for grp in b["fields"] if grp["kind"] for n in grp["names"]}
    return fixed, heads, fields


def _kind(c: str) -> str:
    fixed, heads, fields = _kinds()
    if _g()["titles"].match(c):
        return "title"
    low = re.sub(r"^thường trực ", "", c.lower())
    if re.match(r"(?:các|tất cả|toàn|cho các|quý)\b", low):
        return "collective"
    kind = next((k for n, k in fixed if low.startswith(n)), None)
    if kind:
        return kind
    for head, k in heads:
        if low.startswith(head) and k:
            rest = low[len(head) :].strip()
            over = next((fk for f, fk in fields.items() if rest.startswith(f)), None)
            return over if over and k not in ("ministry", "department") else k
    return "collective"


def find_bodies(text: str) -> list[BodyMatch]:
    """Bodies, titles with their bodies and collectives in running text, leftmost and longest first."""
    t = normalize_tones(text)
    if len(t) != len(text):
        t = text
    out = []
    for m in _g()["top"].finditer(t):
        printed = text[m.start() : m.end()]
        c = canonical(printed)
        out.append(BodyMatch(m.start(), m.end(), printed, c, _kind(c)))
    return out
