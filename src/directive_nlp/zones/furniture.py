"""Page furniture by its nature: site and user-interface text, banners, notices to a site's readers,
English text, metadata tables about the document, a page's own captions of it, and headings of what a
page prints after it. The patterns live in ``data/zones.json``."""

from __future__ import annotations

import re
from functools import cache

from .. import doctypes
from ..resources import load

FURNITURE = "furniture"  # site text: never part of the document
CONTACT = "contact"  # a footer's contact line: furniture unless inside the document
META_KEY = "meta_key"  # "Số hiệu:", "Ngày ban hành: 02/12/2025"
CAPTION = "caption"  # the page's own title of the document: "Chỉ thị 07/CT-UBND năm 2025 về ..."
END = "end"  # "Văn bản liên quan": what follows is the page's, not the document's
ENGLISH = "english"


@cache
def _site_text() -> re.Pattern[str]:
    """Matched against the lower-cased line (twice as fast as a case-blind pattern on Vietnamese text)."""
    return re.compile("|".join(f"(?:{p['re']})" for p in load("zones.json")["site_text"]["patterns"]))


@cache
def _contact() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p['re']})" for p in load("zones.json")["contact"]["patterns"]), re.I)


@cache
def _end_markers() -> re.Pattern[str]:
    alts = "|".join(f"(?:{p['re']})" for p in load("zones.json")["end_markers"]["patterns"])
    return re.compile(rf"^(?:{alts})$", re.I)


@cache
def meta_keys() -> dict[str, str]:
    """Metadata key (lower case) → the header field it gives."""
    return {k["key"]: k["field"] for k in load("zones.json")["metadata_keys"]["keys"]}


@cache
def _meta_key_re() -> re.Pattern[str]:
    keys = "|".join(re.escape(k) for k in sorted(meta_keys(), key=len, reverse=True))
    return re.compile(rf"^(?P<key>{keys})\s*:\s*(?P<value>.{{0,60}})$", re.I)


@cache
def site_caption() -> re.Pattern[str]:
    """The page's caption of the document: type word and number without 'số' at the start of a line."""
    entry = load("zones.json")["site_caption"]
    types = "|".join(re.escape(w) for w in doctypes.type_words())
    return re.compile(entry["re"].replace("$type", types), re.I)


@cache
def _english_words() -> frozenset[str]:
    return frozenset(load("zones.json")["english"]["words"])


_WORD = re.compile(r"[^\W\d_]+")


def is_english(line: str) -> bool:
    """Mostly plain-ASCII words, two or more of them common English words."""
    words = _WORD.findall(line)
    if len(words) < 5:
        return False
    ascii_words = [w for w in words if w.isascii()]
    if len(ascii_words) < 0.8 * len(words):
        return False
    return sum(w.lower() in _english_words() for w in ascii_words) >= 2


def meta_key(line: str) -> re.Match[str] | None:
    """'Số hiệu:' (value on the next line) or 'Ngày ban hành: 02/12/2025'."""
    return _meta_key_re().match(line.strip(" *|#"))


def classify(line: str) -> str | None:
    """The furniture kind of one line, or None for a line that may belong to the document."""
    s = line.strip(" *|#")
    if not s:
        return None
    if meta_key(s):
        return META_KEY
    if _end_markers().match(s):
        return END
    if _site_text().search(s.lower()):
        return FURNITURE
    if is_english(s):
        return ENGLISH
    if _contact().match(s):
        return CONTACT
    if len(s) >= 25 and not s.endswith((".", ";", ":")) and site_caption().match(s):
        return CAPTION
    return None
