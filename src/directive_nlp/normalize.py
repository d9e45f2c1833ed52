"""Stage 1 — normalize: raw text in the layouts real archives have → one clean text.

The result has one paragraph (or header field, or list item) per line, Unicode NFC,
one tone-mark placement, single spaces. Every later offset points into it.

Layout repairs, in order: characters; web furniture, page noise and signature stamps;
markdown tables; merged header fields; numbering labels cut from their text; broken
letter spacing; hard-wrapped lines; footnotes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from . import layout_repair as lr
from .resources import load
from .vntext import normalize_tones


@dataclass(frozen=True)
class Normalized:
    text: str
    signed_at: str | None = None  # ISO date-time of a digital-signature stamp
    footnotes_start: int | None = None  # offset where trailing footnotes begin
    wrapped: bool = False  # the source was hard-wrapped (PDF/OCR)
    warnings: tuple[str, ...] = field(default_factory=tuple)


_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACE_CHARS = "[ \t\u00a0\u2007\u202f\u2000-\u200a\u3000]"
# a run of spaces becomes one ' ': the runs that are a single ' ' already are, so only
# the others are matched (most spaces in a text are single and would be replaced by themselves)
_SPACES = re.compile(f" {_SPACE_CHARS}+|[\t\u00a0\u2007\u202f\u2000-\u200a\u3000]{_SPACE_CHARS}*")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_MD_ESCAPE = re.compile(r"\\([*_#\[\]()|`\\>.+-])")


def clean_characters(raw: str) -> str:
    """NFC, one newline convention, no invisible characters, one tone placement."""
    text = unicodedata.normalize("NFC", raw)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ZERO_WIDTH.sub("", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    if "\\" in text:
        text = _MD_ESCAPE.sub(r"\1", text)  # markdown escapes: "\*" is a star
    if "#" in text:
        text = _MD_HEADING.sub("", text)
    if "*" in text or "__" in text:  # every emphasis mark has one of them
        text = _EMPHASIS.sub("", text)
    return normalize_tones(text)


@cache
def _line_patterns(key: str) -> re.Pattern[str]:
    alts = "|".join(f"(?:{p['re']})" for p in load("layout.json")[key])
    return re.compile(rf"^(?:{alts})$", re.I)


_STAMP_TIME = re.compile(
    r"(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?:\D+(\d{1,2}):(\d{2}))?|(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?"
)


def _stamp_time(line: str) -> str | None:
    m = _STAMP_TIME.search(line)
    if not m:
        return None
    if m.group(1):
        d, mo, y, hh, mm = m.group(1, 2, 3, 4, 5)
    else:
        y, mo, d, hh, mm = m.group(6, 7, 8, 9, 10)
    try:
        from datetime import datetime

        when = datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0))
    except ValueError:
        return None
    return when.strftime("%Y-%m-%dT%H:%M")


def strip_noise(lines: list[str]) -> tuple[list[str], str | None]:
    """Drop web furniture, page-break markers, page numbers and signature stamps.

    Returns the kept lines and the stamp's signing time (a fallback issue date)."""
    furniture, noise, stamp = _line_patterns("furniture"), _line_patterns("page_noise"), _line_patterns("stamp_keys")
    lines = [_DA_KY.sub("", ln) if "(" in ln else ln for ln in lines]  # every stamp has its '('; most lines not
    signed_at = None
    kept: list[str] = []
    trailing = _line_patterns("trailing_blocks")
    for i, line in enumerate(lines):
        if trailing.match(line.strip()) and i > len(lines) * 0.6:
            break  # "Các tin khác": the rest is a list of links
        s = line.strip()
        if not s:
            kept.append("")
            continue
        key = s.split(":", 1)[0].strip() if ":" in s else ""
        if key and len(key) <= 20 and stamp.match(key) and _is_stamp_line(s):
            if re.match(r"(?i)(thời gian|ngày) ký", key):
                signed_at = signed_at or _stamp_time(s)
            continue
        if furniture.match(s) or noise.match(s):
            kept.append("")
            continue
        kept.append(s)
    return kept, signed_at


_PUNCT_ONLY = re.compile(r"[|\-—–_*=~.·…\s]+")
_DA_KY = re.compile(r"\s*\((?:đã ký|Đã ký|ĐÃ KÝ)\)")


def _is_stamp_line(s: str) -> bool:
    """'Ký bởi: Sở Y tế' / 'Thời gian ký: 02.12.2022 16:53' but not a body line that
    happens to start with 'Cơ quan:' and runs on for a paragraph, nor a page's metadata key printed
    alone with its value on the next line ('Người ký:' / 'Trần Văn Bình')."""
    return len(s) < 90 and bool(s.split(":", 1)[1].strip(" |*"))


def normalize(raw: str) -> Normalized:
    """Run every repair and return the normalized text with what was learnt on the way."""
    text = clean_characters(raw)
    lines = lr.rebuild_cell_tables([ln.strip() for ln in text.split("\n")])
    lines, signed_at = strip_noise(lines)
    lines = lr.join_split_phrases(lr.explode_tables(lines))
    respaced: dict[str, str] = {}  # both spacing repairs see mostly the same lines
    lines = lr.repair_letter_spacing(lines, respaced)
    lines = lr.split_header_fields(lines)
    lines = lr.split_closing(lines)
    lines = lr.attach_labels(lines)
    wrapped = lr.looks_hard_wrapped(lines)
    lines = lr.repair_letter_spacing(lr.attach_labels(lr.join_wrapped(lines, wrapped)), respaced)
    noise = _line_patterns("page_noise")
    lines = [
        t for t in (lr.tidy_spacing(ln) for ln in lines) if t and not _PUNCT_ONLY.fullmatch(t) and not noise.match(t)
    ]
    lines, footnote_index = lr.mark_footnotes(lines)
    out = "\n".join(lines)
    footnotes_start = None
    if footnote_index is not None:
        footnotes_start = sum(len(ln) + 1 for ln in lines[:footnote_index])
    return Normalized(text=out, signed_at=signed_at, footnotes_start=footnotes_start, wrapped=wrapped)
