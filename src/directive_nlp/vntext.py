"""Vietnamese text primitives: tone-mark placement, folding, syllable shape.

Pure functions over strings; everything else in the package matches text through
these so that "hoà"/"hòa", "thuỷ"/"thủy" and "qúy"/"quý" compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

# combining tone marks (NFD): grave, acute, hook above, tilde, dot below
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
_VOWELS = set("aăâeêioôơuưy")
_MARKED = set("ăâêôơư")  # vowels carrying a quality mark take the tone
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def _split_tone(syllable: str) -> tuple[str, str | None]:
    """'hoà' -> ('hoa', '\u0300'): the syllable without its tone mark, and the mark."""
    tone = None
    chars = []
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in _TONES:
            tone = ch
        else:
            chars.append(ch)
    return unicodedata.normalize("NFC", "".join(chars)), tone


def _tone_index(base: str) -> int | None:
    """Index in ``base`` (lower-case, toneless) of the vowel that carries the tone."""
    start = 0
    if (
        base.startswith("qu")
        and len(base) > 2
        and base[2] in _VOWELS
        or base.startswith("gi")
        and len(base) > 2
        and base[2] in _VOWELS
    ):
        start = 2
    idx = [i for i in range(start, len(base)) if base[i] in _VOWELS]
    if not idx:
        return None
    # the vowel cluster is the first contiguous run of vowels
    run = [idx[0]]
    for i in idx[1:]:
        if i == run[-1] + 1:
            run.append(i)
        else:
            break
    marked = [i for i in run if base[i] in _MARKED]
    if marked:
        return marked[-1]  # "ươ" -> on ơ; "uyê" -> on ê
    if len(run) == 1:
        return run[0]
    has_final = run[-1] + 1 < len(base)
    if has_final:
        return run[-1]
    # open syllables: the traditional placement official texts use ("hòa", "thủy", "khỏe")
    if len(run) >= 3:
        return run[1]
    return run[0]


@lru_cache(maxsize=65536)
def normalize_tone(word: str) -> str:
    """Put the tone mark of one syllable where official texts mostly put it (ủy, hòa).

    >>> normalize_tone("hoà"), normalize_tone("thuỷ"), normalize_tone("qúy"), normalize_tone("HOẢ")
    ('hòa', 'thủy', 'quý', 'HỎA')
    """
    base, tone = _split_tone(word)
    if tone is None:
        return word
    i = _tone_index(base.lower())
    if i is None:
        return word
    target = unicodedata.normalize("NFC", unicodedata.normalize("NFD", base[i]) + tone)
    return unicodedata.normalize("NFC", base[:i] + target + base[i + 1 :])


def normalize_tones(text: str) -> str:
    """Apply :func:`normalize_tone` to every word of ``text``; length may change only
    when a word's NFC form changes length, which tone moves never do."""
    return _WORD.sub(lambda m: normalize_tone(m.group(0)), text)


def strip_accents(text: str) -> str:
    """Drop every diacritic; đ/Đ become d/D."""
    text = text.replace("đ", "d").replace("Đ", "D")
    nfd = unicodedata.normalize("NFD", text)
    return "".join(c for c in nfd if unicodedata.category(c) != "Mn")


def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced: the key for loose comparisons."""
    return re.sub(r"\s+", " ", strip_accents(text).lower()).strip()


# -- syllable shape ---------------------------------------------------------------
_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_NUCLEI = (
    "uyê|uya|uyu|oai|oay|oeo|uây|uôi|ươi|ươu|yêu|iêu|"
    "oa|oe|oă|oo|uâ|uê|uy|ua|uô|ươ|ưa|ưu|ui|ưi|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|yê|iu|oi|ôi|ơi|uơ|"
    "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y"
)
_FINALS = "ng|nh|ch|c|m|n|p|t"
_SYLLABLE = re.compile(rf"(?:{_INITIALS})?(?:{_NUCLEI})(?:{_FINALS})?")


@lru_cache(maxsize=65536)
def is_syllable(token: str) -> bool:
    """Whether ``token`` has the shape of one Vietnamese syllable ("nghiêng", "Hội").

    >>> is_syllable("Chính"), is_syllable("nh"), is_syllable("tướ")
    (True, False, False)
    """
    base, _ = _split_tone(token.lower())
    if not base or not _SYLLABLE.fullmatch(base):
        return False
    # nuclei that need a final consonant; finals "ch"/"nh" follow only a, ê, i, y
    if re.search(r"(iê|yê|uô|ươ|uyê|ă|â)$", base):
        return False
    return not (re.search(r"(ch|nh)$", base) and not re.search(r"[aêiy](ch|nh)$", base))


@cache
def known_syllables() -> frozenset[str]:
    """Syllables of real Vietnamese words (lower case, normalized tones), from the
    word list underthesea ships; read from its files without importing it."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("underthesea")
    words: set[str] = set()
    for loc in (spec.submodule_search_locations or []) if spec else []:
        path = Path(loc) / "corpus" / "data" / "Viet74K.txt"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                words.update(normalize_tone(w) for w in line.lower().split() if w.isalpha())
            break
    return frozenset(words)


def _letter_class(upper: bool) -> str:
    chars = [chr(c) for c in list(range(0x41, 0x7B)) + list(range(0xC0, 0x250)) + list(range(0x1EA0, 0x1EFA))]
    picked = "".join(c for c in chars if c.isalpha() and (c.isupper() if upper else c.islower()))
    return "[" + picked + "]"


UPPER = _letter_class(True)  # a regex class: one upper-case Vietnamese letter
LOWER = _letter_class(False)  # a regex class: one lower-case Vietnamese letter
