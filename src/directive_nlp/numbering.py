"""Numbering labels of Vietnamese documents: "Điều 1.", "I.", "A.", "2.1.3.", "(1)", "a)", "a/",
"a.1)", "2.1.a.", "-", "+". One place for the patterns the normalizer and the section
parser both use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_ROMAN = r"[IVXL]{1,6}"
_LETTER = r"[a-zđ]"

# order matters: the first matching kind wins
LABEL_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("part", re.compile(rf"^(?:PHẦN|Phần)\s+({_ROMAN}|\d{{1,2}}|THỨ\s+\w+|thứ\s+\w+)\s*[.:\-–]?\s*")),
    ("chapter", re.compile(rf"^(?:CHƯƠNG|Chương)\s+({_ROMAN}|\d{{1,2}})\s*[.:\-–]?\s*")),
    ("article", re.compile(r"^(?:ĐIỀU|Điều)\s+(\d{1,3})\s*[.:]\s*")),
    (
        "multilevel",
        re.compile(r"^(\d{1,2}(?:\.\d{1,2}){1,3}(?:\.[a-zđ])?)(?:[.)](?!\d)|\s*[:\-–](?=\s))?\s*(?=[^\W\d_])"),
    ),
    ("letter_multilevel", re.compile(rf"^({_LETTER}\.\d{{1,2}})\s*[).]\s*")),
    ("roman", re.compile(rf"^({_ROMAN})(?:\s*[.:)](?!\d)|/(?=\s)|\s[-–](?=\s))\s*(?=\S)")),
    ("letter_upper", re.compile(r"^([A-ZĐ])\s*[.)/]\s+(?=\S)")),
    ("paren", re.compile(r"^(\(\d{1,2}\))\s*(?=[^\W\d_])")),
    ("arabic", re.compile(r"^(\d{1,2})(?:\s*[.)](?!\d)|/(?=\s)|\s[-–](?=\s))\s*(?=\S)")),
    ("letter", re.compile(rf"^({_LETTER})(?:\)|/(?=\s))\s*(?=\S)|^({_LETTER})\.\s+(?=\S)")),
    ("bullet", re.compile(r"^([-+•*–_○◦▪·])\s*(?=\S)")),
]

LABEL_ONLY = re.compile(
    rf"^(?:(?:ĐIỀU|Điều)\s+\d{{1,3}}\s*[.:]?|{_ROMAN}\s*[.:/)]|\d{{1,2}}(?:\.\d{{1,2}}){{0,3}}\s*[.)]|{_LETTER}\s*[)/]|[A-ZĐ]\.)$"
)


@dataclass(frozen=True)
class Label:
    kind: str
    label: str  # as printed without its trailing punctuation
    end: int  # where the text after the label starts (offset in the line)


@lru_cache(maxsize=16384)
def match_label(line: str) -> Label | None:
    """The numbering label at the start of ``line``, or None.

    >>> match_label("2.1. Toàn ngành xây dựng").label, match_label("Điều 3. Chánh").kind
    ('2.1', 'article')
    """
    for kind, pat in LABEL_PATTERNS:
        m = pat.match(line)
        if m:
            label = next(g for g in m.groups() if g)
            if kind == "part" or kind == "chapter":
                label = line[: m.end()].strip().rstrip(".:-– ")
            elif kind == "article":
                label = f"Điều {label}"
            return Label(kind, label, m.end())
    return None


def starts_item(line: str) -> bool:
    """Whether a line begins a numbered item or a list entry (never joined to the line before)."""
    lab = match_label(line)
    if lab is None:
        return False
    if lab.kind in ("arabic", "paren", "letter_upper", "roman", "letter"):
        # "2018 đối với ..." is caught by the patterns already; "A." must be followed by text
        return True
    return True
