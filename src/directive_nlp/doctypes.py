"""Document type codes: from a title word ("CHỈ THỊ"), a citation word ("Thông tư")
or a number/symbol ("04/CT-UBND") to the official code and name."""

from __future__ import annotations

import re
from functools import cache

from .resources import load
from .vntext import normalize_tones


@cache
def _tables() -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    by_word: dict[str, tuple[str, str]] = {}
    by_symbol: dict[str, tuple[str, str]] = {}
    for t in load("doc_types.json")["types"]:
        for w in t["words"]:
            by_word[normalize_tones(w).lower()] = (t["code"], t["name"])
        by_word.setdefault(t["code"].lower(), (t["code"], t["name"]))
        for s in t["symbol"]:
            by_symbol[s.upper()] = (t["code"], t["name"])
    return by_word, by_symbol


def from_word(word: str) -> tuple[str, str] | None:
    """'CHỈ THỊ' -> ('CT', 'Chỉ thị'); None when the words name no known type."""
    key = re.sub(r"\s+", " ", normalize_tones(word).lower()).strip()
    return _tables()[0].get(key)


def type_words() -> list[str]:
    """All type words, longest first (for building alternations)."""
    return sorted(_tables()[0], key=len, reverse=True)


def from_symbol(number: str) -> tuple[str, str] | None:
    """'04/CT-UBND' -> ('CT', 'Chỉ thị'); '05/BNV-VP' (a công văn) -> None.

    The type code is the first group after the number ("15/QĐ-BNV") or, in Party
    numbering, between the hyphen and the slash ("29-NQ/TW")."""
    s = re.sub(r"\s+", "", number).upper()
    m = re.match(r"^\d+[A-ZĐ]?(?:/\d{4})?/([A-ZĐ]+)", s) or re.match(r"^\d+-([A-ZĐ]+)/", s)
    if not m:
        return None
    return _tables()[1].get(m.group(1))
