"""Vietnamese text primitives: tone-mark placement, folding, syllable shape.

Pure functions over strings; everything else in the package matches text through
these so that "hoà"/"hòa", "thuỷ"/"thủy" and "qúy"/"quý" compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
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
    # most texts already place every tone where it belongs: look at each distinct word once
    moved = {w: n for w in set(_WORD.findall(text)) if (n := normalize_tone(w)) != w}
    if not moved:
        return text
    return _WORD.sub(lambda m: moved.get(m.group(0), m.group(0)), text)


class CharTable(dict[int, "int | str | None"]):
    """A ``str.translate`` table filled lazily: the first time a character is seen,
    ``per_char`` says what it becomes; later sightings are a dict hit in C. For
    per-character functions applied to whole texts (a Python loop per character is
    the pipeline's slowest way to do it)."""

    def __init__(self, per_char: Callable[[str], str | None], preset: dict[int, str] | None = None) -> None:
        super().__init__(preset or {})
        self._per_char = per_char

    def __missing__(self, cp: int) -> int | str | None:
        out = self._per_char(chr(cp))
        self[cp] = out
        return out


def _drop_marks(ch: str) -> str | None:
    """One character of an NFD text without its combining marks (category Mn)."""
    return None if unicodedata.category(ch) == "Mn" else ch


# đ/Đ have no decomposition, so mapping them after NFD equals replacing them before it
_STRIP = CharTable(_drop_marks, {ord("đ"): "d", ord("Đ"): "D"})


def strip_accents(text: str) -> str:
    """Drop every diacritic; đ/Đ become d/D."""
    if text.isascii():  # nothing to decompose nor to drop
        return text
    return unicodedata.normalize("NFD", text).translate(_STRIP)


_SPACE_RUN = re.compile(r"\s+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, accent-free, single-spaced: the key for loose comparisons."""
    return _SPACE_RUN.sub(" ", strip_accents(text).lower()).strip()


# -- word lists as regexes ----------------------------------------------------------
_Trie = tuple[dict[str, "_Trie"], list[str | None]]  # next letter → subtree; [what follows a word ending here]


def trie_alternation(
    words: Iterable[str],
    *,
    ignore_case: bool = False,
    end: Callable[[str], str] | None = None,
    unit: Callable[[str], str] | None = None,
) -> str:
    """A regex alternation of literal words, longest first ('abc|abd|ab|x'), written as
    a prefix tree ('(?:ab(?:c|d|)|x)'): the engine then tries one branch per next
    character instead of every word, which is what makes scanning for hundreds of
    words slow. ``end(word)``, when given, is an assertion put after each word.

    Matches and preference are those of the plain alternation: the words that can
    match at one point are prefixes of one another, and a node tries its longer
    continuations before ending the shorter word. ``ignore_case`` must be the flag the
    pattern is compiled with: letters equal under it then share a branch, else two
    branches could both match one letter and the order between them would matter.
    Should two letters match each other in one direction only, the plain
    alternation is returned.

    ``unit(ch)``, when given, is the regex written for a character instead of its
    escape (a class of accented variants, ``\\s+`` for a space), and characters with
    the same unit share a branch. Two different units must match no common
    character (under the pattern's flags), which keeps the argument above; the words
    are then taken as they are (``ignore_case`` is not used: lower-case them first)."""
    root: _Trie = ({}, [None])
    unique = sorted(set(words), key=len, reverse=True)
    for w in unique:
        node = root
        for ch in w:
            key = unit(ch) if unit else _branch_key(node, ch, ignore_case)
            if key is None:
                return "|".join(re.escape(x) + (end(x) if end else "") for x in unique)
            node = node[0].setdefault(key, ({}, [None]))
        node[1][0] = end(w) if end else ""
    return _trie_regex(root, str if unit else re.escape)


def _branch_key(node: _Trie, ch: str, ignore_case: bool) -> str | None:
    """The branch of ``node`` that ``ch`` belongs to (itself if new); None when case
    folding is not symmetric for it."""
    if ch in node[0] or not ignore_case:
        return ch
    for k in node[0]:
        there, back = re.fullmatch(re.escape(k), ch, re.I), re.fullmatch(re.escape(ch), k, re.I)
        if there and back:
            return k
        if there or back:
            return None
    return ch


def _trie_regex(node: _Trie, escape: Callable[[str], str]) -> str:
    alts = [escape(k) + _trie_regex(sub, escape) for k, sub in node[0].items()]
    if node[1][0] is not None:
        alts.append(node[1][0])  # the word ending here, tried after its continuations
    if len(alts) <= 1:
        return alts[0] if alts else ""  # no words: the empty alternation, as "|".join([])
    return "(?:" + "|".join(alts) + ")"


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
