"""Detect and convert pre-Unicode Vietnamese text: TCVN3 (ABC), VNI-Windows, Windows-1258.

Older archives hold directives typed with the .VnTime/.VnTimeH fonts (TCVN3), the
VNI-Times fonts (VNI-Windows) or in the Windows-1258 code page. Read as Windows-1252
they look like "Céng hßa x· héi" (TCVN3) or "Coäng hoøa xaõ hoäi" (VNI).

* :func:`decode_legacy_bytes` decodes bytes that are not UTF-8/UTF-16 with each legacy
  encoding and keeps the reading whose words are most often real Vietnamese syllables.
* :func:`repair_legacy_text` converts, line by line, the TCVN3 or VNI lines of text that is
  already Unicode (a .docx typed in a legacy font, a UTF-8 file converted from one).
* :func:`encode_legacy` writes Unicode text in a legacy encoding (tests, benchmarks).

TCVN3 has no toned capitals: the .VnTimeH font draws the lower-case codes as capitals. After
conversion, a word whose other letters are all capitals gets its toned letters upper-cased
too ("CéNG HßA" -> "CỘNG HÒA"); a word with a single other letter ("X·", "Uû") follows the
rest of its line. A toned capital in a mixed-case word ("Ủy ban") is written with the
lower-case code, as .VnTime typists did, and so reads back in lower case.

The byte tables live in ``data/legacy_encodings.json``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from functools import cache, lru_cache

from .errors import InputError
from .resources import load
from .vntext import is_syllable, known_syllables, normalize_tone

_WORD = re.compile(r"[^\W\d_]+")
_ABBREVIATION = re.compile(r"[A-ZĐ]+")
_TOKEN = re.compile(r"[^\s!-/:-@\[-`{-~\d]+")  # runs without spaces, ASCII punctuation or digits
_TONE_MARKS = {"ngang": "", "sắc": "\u0301", "huyền": "\u0300", "hỏi": "\u0309", "ngã": "\u0303", "nặng": "\u0323"}
_TONE_CHARS = frozenset(_TONE_MARKS.values()) - {""}
_MIN_SHARE = 0.6  # share of letters in real syllables a reading needs to be accepted
_CLEAR_GAIN = 0.2  # how much a converted line must beat the line as it stands
_LEGACY_DOCUMENT_LINES = 3  # converted lines that make a document "in" a legacy encoding
_LEGACY_LETTER = re.compile(r"[\xa1-\xff]")  # a character the legacy encodings use for a Vietnamese letter
_SAMPLE_BYTES = 65536  # bytes scored per candidate encoding
_REFUSAL = "the input is not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI text"
# Latin-1 characters modern Vietnamese text does not use (no-break space aside): a text
# without any of them holds no TCVN3 or VNI line.
_VIETNAMESE_LATIN1 = set("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý\xa0")
_SUSPICIOUS = re.compile("[" + "".join(chr(c) for c in range(0xA1, 0x100) if chr(c) not in _VIETNAMESE_LATIN1) + "]")


# -- scoring ------------------------------------------------------------------------
@lru_cache(maxsize=65536)
def _is_known(token: str) -> bool:
    """Whether one token is a real Vietnamese syllable (any case, any tone placement)."""
    return token.isalpha() and is_syllable(token) and normalize_tone(token.lower()) in known_syllables()


@lru_cache(maxsize=65536)
def _is_abbreviation(token: str) -> bool:
    """Plain capitals that are no syllable ("UBND", "BGDĐT"): neither Vietnamese nor not.
    Mojibake capitals ("COÄNG", "HéI") are no abbreviations."""
    return len(token) > 1 and _ABBREVIATION.fullmatch(token) is not None and not is_syllable(token)


def _score(text: str) -> tuple[int, int]:
    """(characters in real syllables, characters in all words) of ``text``.

    Words are the runs between spaces and ASCII punctuation, without digits: a mojibake
    word keeps its symbols ("Gi¶i", "L\xadu") and so is no syllable. Weighting by length
    keeps short foreign words that happen to be syllables ("le", "de", "un") from making
    French or English look Vietnamese. Abbreviations are left out.
    """
    known = total = 0
    for token in _TOKEN.findall(text):
        if not _is_abbreviation(token):
            total += len(token)
            known += len(token) if _is_known(token) else 0
    return known, total


def _share(text: str) -> float:
    """Share of the letters of ``text`` that sit in real Vietnamese syllables (0 with no words)."""
    known, total = _score(text)
    return known / total if total else 0.0


# -- TCVN3 --------------------------------------------------------------------------
@cache
def _data() -> dict:
    """The parsed data file."""
    return load("legacy_encodings.json")  # type: ignore[no-any-return]


@cache
def _tcvn3_map() -> dict[int, str]:
    """``str.translate`` table: code point of a TCVN3 byte (as Latin-1) -> Unicode letter."""
    return {ord(k): v for k, v in _data()["tcvn3"]["map"].items()}


@cache
def _tcvn3_lower() -> frozenset[str]:
    """The lower-case letters TCVN3 codes give: the ones .VnTimeH draws as capitals."""
    return frozenset(v for v in _data()["tcvn3"]["map"].values() if v.islower())


@cache
def _tcvn3_chars() -> re.Pattern[str]:
    """A character class matching any TCVN3 code (as Latin-1)."""
    return re.compile("[" + re.escape("".join(_data()["tcvn3"]["map"])) + "]")


def _word_case(word: str) -> str | None:
    """How one converted TCVN3 word votes on capitals: "upper" or "lower"; "unsure" for a
    TCVN3 lower-case code with at most one other letter, a capital ("XÃ" or "Xã"?); None
    for abbreviations and single letters ("UBND", "TCT", "V")."""
    lower_codes = _tcvn3_lower()
    others = [c for c in word if c not in lower_codes]
    if len(others) == len(word):  # no lower-case code: only a real syllable votes ("BAN", "Anh")
        return (
            ("upper" if word.isupper() else "lower")
            if len(word) > 1 and is_syllable(word) and _is_known(word)
            else None
        )
    if not all(c.isupper() for c in others):
        return "lower"
    return "upper" if len(others) >= 2 else "unsure"


def _unsure_is_upper(line: str, cases: list[str | None], i: int) -> bool:
    """Whether the unsure word ``i`` is a capital word, as the nearest voting word says (the
    nearer side wins, a tie with different votes is lower case). With no voting word in
    the line: whether it has two unsure words and no other lower-case letter ("SỞ Y TẾ")."""
    votes = [(abs(j - i), c) for j, c in enumerate(cases) if c in ("upper", "lower")]
    if not votes:
        lower = any(c.islower() and c not in _tcvn3_lower() for c in line)
        return not lower and cases.count("unsure") >= 2
    nearest = min(d for d, _ in votes)
    return {c for d, c in votes if d == nearest} == {"upper"}


def _restore_capitals(line: str) -> str:
    """Upper-case the toned letters of the all-capital words of one converted TCVN3 line."""
    if line.islower() or not any(c in _tcvn3_lower() for c in line):
        return line
    matches = list(_WORD.finditer(line))
    cases = [_word_case(m.group()) for m in matches]
    chars = list(line)
    for i, m in enumerate(matches):
        if cases[i] == "upper" or cases[i] == "unsure" and _unsure_is_upper(line, cases, i):
            chars[m.start() : m.end()] = m.group().upper()
    return "".join(chars)


def _from_tcvn3(text: str) -> str:
    """Convert TCVN3 text (bytes seen as Latin-1/Windows-1252 characters) to Unicode."""
    converted = text.translate(_tcvn3_map())
    return "".join(_restore_capitals(line) for line in converted.splitlines(keepends=True))


# -- VNI ----------------------------------------------------------------------------
def _compose(base: str, tone: str) -> str:
    """One NFC letter: ``base`` with the combining ``tone`` mark ('' for none)."""
    return unicodedata.normalize("NFC", base + tone)


def _vni_lower_letters() -> Iterator[tuple[str, str]]:
    """(Unicode letter, VNI spelling) for every lower-case Vietnamese letter VNI spells specially."""
    d = _data()["vni"]
    singles = {v: k for k, v in d["letters"].items()}
    tones = {_TONE_MARKS[v]: k for k, v in d["tones"].items()}
    yield from singles.items()
    for tone, mark in tones.items():
        for base in "aeouy":
            yield _compose(base, tone), base + mark
        yield _compose("ơ", tone), singles["ơ"] + mark
        yield _compose("ư", tone), singles["ư"] + mark
    for quality, table in (("\u0302", d["circumflex"]), ("\u0306", d["breve"])):
        for mark, tone_name in table.items():
            for base in "aeo" if quality == "\u0302" else "a":
                yield _compose(base + quality, _TONE_MARKS[tone_name]), base + mark


@cache
def _vni_encoding() -> dict[str, str]:
    """Unicode letter -> VNI spelling, both cases (the upper case spells with upper-case marks)."""
    table: dict[str, str] = {}
    for letter, spelling in _vni_lower_letters():
        table.setdefault(letter, spelling)  # ỵ: the single "î", not "y" + nặng
        table.setdefault(letter.upper(), spelling.upper())
    return {k: v for k, v in table.items() if k != v}


@cache
def _vni_decoding() -> tuple[dict[str, str], re.Pattern[str]]:
    """VNI spelling -> Unicode letter, and a pattern matching one spelling."""
    table: dict[str, str] = {}
    for letter, spelling in _vni_lower_letters():
        for s, out in ((spelling, letter), (spelling.upper(), letter.upper())):
            table[s] = out
            if len(s) == 2:  # a mark in the other case ("Oá") still marks its base
                table[s[0] + s[1].swapcase()] = out
    bases = "".join(sorted({s[0] for s in table if len(s) == 2}))
    marks = "".join(sorted({s[1] for s in table if len(s) == 2}))
    singles = "".join(sorted(s for s in table if len(s) == 1))
    pattern = re.compile(f"[{re.escape(bases)}][{re.escape(marks)}]|[{re.escape(singles)}]")
    return table, pattern


def _from_vni(text: str) -> str:
    """Convert VNI text (bytes seen as Windows-1252 characters) to Unicode."""
    table, pattern = _vni_decoding()

    def one(m: re.Match[str]) -> str:
        s = m.group()
        if s in table:
            return table[s]
        return table.get(s[0], s[0]) + s[1:]  # a base with a mark it cannot take

    return pattern.sub(one, text)


@cache
def _vni_chars() -> re.Pattern[str]:
    """A character class matching any VNI mark or single letter."""
    spellings = _vni_decoding()[0]
    chars = {s[-1] for s in spellings}  # the mark of a pair, or a single letter
    return re.compile("[" + re.escape("".join(sorted(chars))) + "]")


# -- bytes --------------------------------------------------------------------------
@cache
def _cp1252_table() -> str:
    """256-character decoding table: Windows-1252, Latin-1 for the five bytes it leaves undefined."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256))


def _as_cp1252(data: bytes) -> str:
    """Bytes as Windows-1252 characters; never fails."""
    return codecs.charmap_decode(data, "strict", _cp1252_table())[0]


def _decode_cp1258(data: bytes) -> str | None:
    """Windows-1258 reading (NFC), or None when ``data`` holds bytes the code page leaves undefined."""
    try:
        return unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        return None


_DECODERS: dict[str, Callable[[bytes], str | None]] = {
    "windows-1258": _decode_cp1258,
    "tcvn3": lambda data: unicodedata.normalize("NFC", _from_tcvn3(_as_cp1252(data))),
    "vni": lambda data: unicodedata.normalize("NFC", _from_vni(_as_cp1252(data))),
}


def _sample(data: bytes) -> bytes:
    """The first bytes of ``data``, cut at a line end when there is one."""
    if len(data) <= _SAMPLE_BYTES:
        return data
    head = data[:_SAMPLE_BYTES]
    cut = head.rfind(b"\n")
    return head[: cut + 1] if cut > 0 else head


def decode_legacy_bytes(data: bytes) -> tuple[str, str]:
    """Decode bytes that are not UTF-8/UTF-16 as Windows-1258, TCVN3 or VNI.

    Returns (NFC text, "windows-1258" | "tcvn3" | "vni"): the reading whose letters most
    often form real Vietnamese syllables. Raises :class:`InputError` when no reading reaches
    a reasonable share (binary data, French or English in Latin-1...).

    >>> decode_legacy_bytes("Céng hßa x· héi".encode("latin-1"))
    ('Cộng hòa xã hội', 'tcvn3')
    """
    sample = _sample(data)
    best_name, best_share = "", 0.0
    for name, decoder in _DECODERS.items():
        text = decoder(sample)
        share = _share(text) if text is not None else 0.0
        if share > best_share:
            best_name, best_share = name, share
    text = _DECODERS[best_name](data) if best_share >= _MIN_SHARE else None
    if text is None:
        raise InputError(_REFUSAL)
    return text, best_name


# -- Unicode text -------------------------------------------------------------------
_CONVERTERS: dict[str, Callable[[str], str]] = {"tcvn3": _from_tcvn3, "vni": _from_vni}


def _repair_line(line: str) -> tuple[str, str | None]:
    """One line converted from TCVN3 or VNI when that clearly gives more real syllables."""
    before = _share(line)
    best: tuple[float, str, str | None] = (before + _CLEAR_GAIN, line, None)
    for name, chars in (("tcvn3", _tcvn3_chars()), ("vni", _vni_chars())):
        if chars.search(line):
            converted = unicodedata.normalize("NFC", _CONVERTERS[name](line))
            share = _share(converted)
            if share >= _MIN_SHARE and share >= best[0]:
                best = (share, converted, name)
    return best[1], best[2]


_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")


def _repair_leftover(line: str, name: str, legacy_document: bool) -> str:
    """A line of a document already found in encoding ``name``: converted when conversion
    loses no syllable and the line holds a character Vietnamese does not use
    ("Sè 610/TB-SGD§T"), or, in a document mostly in that encoding, when it holds
    nothing but Latin-1 letters, which Unicode Vietnamese rarely manages ("Sè: 8/CT")."""
    only_latin1 = legacy_document and not _BEYOND_LATIN1.search(line) and _LEGACY_LETTER.search(line)
    if not _SUSPICIOUS.search(line) and not only_latin1:
        return line
    converted = unicodedata.normalize("NFC", _CONVERTERS[name](line))
    return converted if _share(converted) >= _share(line) else line


def repair_legacy_text(text: str) -> tuple[str, str | None]:
    """Convert the TCVN3 and VNI lines of Unicode ``text``, leaving Unicode lines alone.

    Returns (text, the encoding most converted lines were in, or None when nothing
    changed). A line is converted when conversion clearly raises its share of real
    syllables, so a Unicode line with a foreign "ñ" stays as it is; then, in a document
    where some lines were converted, lines too short to judge ("Sè 610/TB-SGD§T") are
    converted too if they hold a character Vietnamese does not use and lose nothing.
    Text without any such character returns at once.

    >>> repair_legacy_text("Céng hßa x· héi\\nNgày 5 tháng 3")
    ('Cộng hòa xã hội\\nNgày 5 tháng 3', 'tcvn3')
    """
    if not _SUSPICIOUS.search(text):
        return text, None
    lines = text.splitlines(keepends=True)
    found: Counter[str] = Counter()
    out: list[str | None] = []
    for line in lines:
        # a line without a character Vietnamese never uses is judged later, with the document
        fixed, name = _repair_line(line) if _SUSPICIOUS.search(line) else (line, None)
        out.append(fixed if name else None)
        if name:
            found[name] += 1
    if not found:
        return text, None
    main = found.most_common(1)[0][0]
    legacy_document = found[main] >= _LEGACY_DOCUMENT_LINES
    return "".join(
        o if o is not None else _repair_leftover(line, main, legacy_document)
        for o, line in zip(out, lines, strict=True)
    ), main


# -- encoding -----------------------------------------------------------------------
@cache
def _tcvn3_encoding() -> dict[str, int]:
    """Unicode letter -> TCVN3 byte; toned capitals take their lower-case code (.VnTimeH)."""
    table = {v: ord(k) for k, v in _data()["tcvn3"]["map"].items()}
    for letter, code in list(table.items()):
        table.setdefault(letter.upper(), code)
    return table


def _encode_tcvn3(text: str) -> bytes:
    """TCVN3 bytes of ``text``; ValueError for a character TCVN3 cannot carry."""
    table, out = _tcvn3_encoding(), bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in table:
            out.append(table[ch])
            continue
        code = ch.encode("cp1252")  # UnicodeEncodeError (a ValueError) outside Windows-1252
        if chr(code[0]) in _data()["tcvn3"]["map"]:
            raise ValueError(f"TCVN3 cannot carry {ch!r}: its byte is a TCVN3 letter")
        out += code
    return bytes(out)


def _encode_vni(text: str) -> bytes:
    """VNI-Windows bytes of ``text``; ValueError for a character VNI cannot carry."""
    table = _vni_encoding()
    spelled = "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text))
    if not spelled.isascii() and _from_vni(spelled) != unicodedata.normalize("NFC", text):
        raise ValueError("VNI cannot carry this text unambiguously")
    return spelled.encode("cp1252")


def _encode_cp1258(text: str) -> bytes:
    """Windows-1258 bytes of ``text``: tone marks as combining characters where needed."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in nfd if c in _TONE_CHARS)
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONE_CHARS))
            out += (base + tones).encode("cp1258")  # UnicodeEncodeError (a ValueError) if still impossible
    return bytes(out)


def encode_legacy(text: str, encoding: str) -> bytes:
    """Write Vietnamese ``text`` as "tcvn3", "vni" or "windows-1258" bytes.

    The inverse of :func:`decode_legacy_bytes` for Vietnamese text, except that TCVN3 has
    no toned capitals: those in mixed-case words ("Ủy ban") read back in lower case.
    Raises ValueError for a character the encoding cannot carry.
    """
    encoders = {"tcvn3": _encode_tcvn3, "vni": _encode_vni, "windows-1258": _encode_cp1258}
    if encoding not in encoders:
        raise ValueError(f"unknown legacy encoding {encoding!r}")
    return encoders[encoding](text)
