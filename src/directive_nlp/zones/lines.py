"""The normalized text as lines with offsets: the unit every zone is made of."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str


def split_lines(text: str) -> list[Line]:
    """Every line of ``text`` with its offsets (``text[start:end] == line``). Every stage reads the
    document's lines: they are made once per text."""
    return list(_lines_of(text))


@lru_cache(maxsize=8)
def _lines_of(text: str) -> tuple[Line, ...]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return tuple(out)
