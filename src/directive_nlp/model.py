"""The statistical model that refines the task rules.

Two small models, trained by ``scripts/train_model.py`` on the project's annotated corpus
(train split only) and shipped as reviewable JSON in ``directive_nlp/models/``:

- a task-vs-narrative classifier over clauses (logistic regression over the rules'
  signals and the clause's first words): :meth:`TaskModel.task_probability`;
- an actor-span tagger (linear-chain CRF, BIO over syllables):
  :meth:`TaskModel.actor_spans`.

Inference is pure Python (a weighted sum; Viterbi and forward-backward over three
labels): loading reads two JSON files, imports nothing heavy and trains nothing.
The featurizers below are shared by training and inference, so both see the same
features.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache, reduce
from itertools import repeat
from operator import add, itemgetter
from pathlib import Path
from typing import Any

from . import actors as ac
from .vntext import CharTable, fold

__all__ = [
    "ACTOR_FILE",
    "FEATURE_SETS",
    "FORMAT",
    "LABELS",
    "TASK_FILE",
    "TaskModel",
    "actor_token_features",
    "bio_spans",
    "default_model_dir",
    "load_model",
    "task_features",
    "tokenize",
]

TASK_FILE = "task_classifier.json"
ACTOR_FILE = "actor_tagger.json"
FORMAT = 1
LABELS = ("B", "I", "O")

# ------------------------------------------------------------------ clause features (task classifier)

_FOLDED_WORD = re.compile(r"[a-z0-9]+")
_LENGTH_BINS = (3, 6, 10, 20, 40)
_MAX_WORDS = 15


def _length_bin(n: int) -> str:
    for b in _LENGTH_BINS:
        if n <= b:
            return f"<={b}"
    return f">{_LENGTH_BINS[-1]}"


def task_features(clause_text: str, signals: dict[str, float]) -> list[str]:
    """Feature strings of a clause: the rules' signals (single and in pairs); a short label
    before a colon ('Cơ quan chủ trì: ...', 'Khai giảng: ngày ...'), kept apart from the
    words after it; the folded words of the opening (first word, first two, uni- and
    bigrams of the first 15); its length, punctuation and structure."""
    feats = list(_signal_features(tuple(k for k, v in signals.items() if k != "words" and v)))
    seg = clause_text.strip()
    seg_facts = [_token_facts(tok) for tok in seg.split()]
    m = _LABEL_COLON.match(seg)
    body, body_facts = seg, seg_facts
    if m and len(m.group(1).split()) <= 5:
        feats += ["colon_label", f"colon_label={' '.join(_FOLDED_WORD.findall(fold(m.group(1))))}"]
        body = seg[m.end(1) + 1 :].strip()
        body_facts = [_token_facts(tok) for tok in body.split()]
    head = _head_words(body_facts)
    feats.append(f"len={_length_bin(len(seg_facts))}")
    if head:
        feats.append(f"w1={head[0]}")
        feats.append(f"w12={' '.join(head[:2])}")
    feats += [f"u={w}" for w in sorted(set(head))]
    feats += [f"b={b}" for b in sorted({f"{x} {y}" for x, y in zip(head, head[1:], strict=False)})]
    feats += _shape_features(seg, seg_facts)
    feats += _structure_features(body, body_facts)
    return feats


@lru_cache(maxsize=4096)  # a clause has a handful of signals on: few combinations occur
def _signal_features(on: tuple[str, ...]) -> tuple[str, ...]:
    """The signals that are on, single and in pairs, in name order."""
    names = sorted(on)
    pairs = [f"s2={a}&{b}" for i, a in enumerate(names) for b in names[i + 1 :]]
    return (*[f"s={k}" for k in names], *pairs)


_LABEL_COLON = re.compile(r"^([^:;,.()]{2,40}):\s*\S")
_MARKERS = ("đã", "đang", "sẽ", "được", "chưa", "còn", "nếu", "khi", "để")


_TokenFacts = tuple[tuple[str, ...], tuple[str, ...], int, int]


@lru_cache(maxsize=65536)  # tokens (mostly syllables) repeat across clauses and documents
def _token_facts(token: str) -> _TokenFacts:
    """What the clause features read from one whitespace-free token: its folded words, the
    tense and condition markers among its lower-case words, its upper-case letters and its
    letters. A clause's words, markers and counts are those of its tokens in order: no
    word crosses whitespace, and folding and lower-casing never join nor split words at it
    (NFD leaves whitespace, which no mark attaches across, as it is)."""
    letters = token.translate(_LETTER_CASE)  # "U" per upper-case letter, "l" per other letter
    words = set(_WORDS.findall(token.lower()))
    markers = tuple(w for w in _MARKERS if w in words)
    return tuple(_FOLDED_WORD.findall(fold(token))), markers, letters.count("U"), len(letters)


def _head_words(facts: list[_TokenFacts]) -> list[str]:
    """The first words of the folded text (``_FOLDED_WORD.findall(fold(text))[:_MAX_WORDS]``),
    from its tokens' :func:`_token_facts`."""
    head: list[str] = []
    for words, *_ in facts:
        if len(head) >= _MAX_WORDS:
            break
        head += words
    return head[:_MAX_WORDS]


def _structure_features(body: str, facts: list[_TokenFacts]) -> list[str]:
    """Where the first predicate cue stands, whether an actor's name opens the clause, and
    tense and condition markers (accent-sensitive: 'đã' is not 'đa'); ``facts``: the
    :func:`_token_facts` of the body's whitespace-separated tokens."""
    out = []
    cue = ac.first_predicate(body, 0, len(body))
    if cue is None:
        out.append("cue_at=none")
    else:
        n = len(body[:cue].split())
        out.append(f"cue_at={'0' if n == 0 else '1-3' if n <= 3 else '4-10' if n <= 10 else '>10'}")
    if ac.is_head_at(body, 0):
        out.append("head_start")
    words = {w for f in facts if f[1] for w in f[1]}
    out += [f"m={w}" for w in _MARKERS if w in words]
    return out


_WORDS = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _letter_case(ch: str) -> str:
    return ("U" if ch.isupper() else "l") if ch.isalpha() else ""


_LETTER_CASE = CharTable(_letter_case)


def _shape_features(seg: str, facts: list[_TokenFacts]) -> list[str]:
    """End punctuation, case and digits of the clause; ``facts``: the :func:`_token_facts`
    of its whitespace-separated tokens."""
    out = []
    if seg.endswith(":"):
        out.append("end=:")
    elif seg.endswith("./.") or seg.endswith("/."):
        out.append("end=./.")
    elif seg.endswith(";"):
        out.append("end=;")
    elif seg.endswith("."):
        out.append("end=.")
    else:
        out.append("end=none")
    upper, letters = sum(map(itemgetter(2), facts)), sum(map(itemgetter(3), facts))
    if letters and upper / letters > 0.8:
        out.append("all_caps")
    if seg[:1].islower():
        out.append("starts_lower")
    if seg[:1] in '("“':
        out.append("starts_paren")
    if _DIGIT.search(seg):
        out.append("has_digit")
        if _YEAR.search(seg):  # a year has digits
            out.append("has_year")
    return out


# ------------------------------------------------------------------ token features (actor tagger)

_TOKEN = re.compile(r"\w+(?:[./-]\w+)*|[^\w\s]")


def tokenize(text: str) -> list[tuple[int, int]]:
    """Syllables, numbers and codes ('30/9/2021', 'Covid-19') and single punctuation marks,
    as (start, end) offsets into ``text``."""
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _shape(tok: str) -> str:
    if tok.isdigit():
        return "digit"
    if not tok[:1].isalnum():
        return "punct"
    if tok.isupper() and len(tok) > 1:
        return "upper"
    if tok[:1].isupper():
        return "title"
    return "lower"


FEATURE_SETS = ("lexical", "heads", "heads+rules")


def actor_token_features(text: str, toks: list[tuple[int, int]], feature_set: str = "heads+rules") -> list[list[str]]:
    """Per-token feature strings. "lexical": the word, its lower-case and folded forms, shape,
    prefixes and suffixes, the two words either side. "heads": also whether an actor head
    ('Sở', 'Ủy ban nhân dân', 'các đơn vị') starts or continues there and whether a predicate
    cue starts there or next. "heads+rules": also the BIO tag of the rules' own actor spans
    (:func:`directive_nlp.tasks.clause_actors`), so the tagger learns when to trust them.

    Each token's list is its :func:`word_features` followed by its context features."""
    words = [text[a:b] for a, b in toks]
    contexts = context_features(text, toks, words, feature_set)
    return [[*word_features(w), *ctx] for w, ctx in zip(words, contexts, strict=True)]


@lru_cache(maxsize=65536)  # words repeat across clauses and documents
def word_features(word: str) -> tuple[str, ...]:
    """The features of a token that depend on its own text alone: the word, its lower-case
    and folded forms, shape, two-letter prefix and suffix, whether it holds a digit."""
    lw = word.lower()
    out = (f"w={word}", f"l={lw}", f"f={fold(lw)}", f"shape={_shape(word)}", f"p2={lw[:2]}", f"s2={lw[-2:]}")
    return (*out, "has_digit") if any(map(str.isdigit, word)) else out


def context_features(
    text: str, toks: list[tuple[int, int]], words: list[str], feature_set: str = "heads+rules"
) -> list[list[str]]:
    """The features of each token that depend on its neighbours and on the rules (see
    :func:`actor_token_features`); ``words`` are the tokens' texts."""
    low = [w.lower() for w in words]
    lexical_only = feature_set == "lexical"
    heads: dict[int, int] = {}
    cues: set[int] = set()
    if not lexical_only:
        head_at = ac.head_re().match
        for i, (a, _) in enumerate(toks):
            m = head_at(text, a)
            if m is not None:  # a match at ``a`` starts there: ac.is_head_at holds
                heads[i] = m.end()
        cues = set(ac.predicates(text, 0, len(text)))
    last_cue = _last_cue(text, toks, sorted(cues))
    in_head = _covered(toks, heads)
    rule_tags = _rule_tags(text, toks) if feature_set == "heads+rules" else []
    out = []
    n = len(toks)
    # the neighbours' lower-case forms and shapes, padded so that index i + 2 + d is token i + d
    lowp = ["<s>", "<s>", *low, "</s>", "</s>"]
    shapes = ["<s>", *map(_shape, words), "</s>"]  # index i + 1 is token i
    for i in range(n):
        lw = low[i]
        f = [f"l[-2]={lowp[i]}", f"l[-1]={lowp[i + 1]}", f"l[1]={lowp[i + 3]}", f"l[2]={lowp[i + 4]}"]
        f.append(f"l[-1:0]={lowp[i + 1]}|{lw}")
        f.append(f"l[0:1]={lw}|{lowp[i + 3]}")
        f.append(f"shape[-1:1]={shapes[i]}|{shapes[i + 2]}")
        if i == 0:
            f.append("bos")
        if i == n - 1:
            f.append("eos")
        if not lexical_only:
            if i in heads:
                f.append("head_start")
            if i in in_head:
                f.append("in_head")
            if toks[i][0] in cues:
                f.append("cue_start")
            if i + 1 < n and toks[i + 1][0] in cues:
                f.append("cue_next")
            if i and toks[i - 1][0] in cues:
                f.append("cue_prev")
            f.append(f"last_cue={last_cue[i]}")
        if rule_tags:
            f.append(f"rule={rule_tags[i]}")
            f.append(f"rule[-1:0]={rule_tags[i - 1] if i else '<s>'}|{rule_tags[i]}")
        out.append(f)
    return out


def _covered(toks: list[tuple[int, int]], heads: dict[int, int]) -> set[int]:
    """Tokens inside a head phrase: from its first token while a token starts before its
    end (tokens are in text order, so the first one past the end stops the walk)."""
    out: set[int] = set()
    for i, end in heads.items():
        for j in range(i, len(toks)):
            if toks[j][0] >= end:
                break
            out.add(j)
    return out


def _last_cue(text: str, toks: list[tuple[int, int]], cues: list[int]) -> list[str]:
    """For each token, the (folded, two-word) predicate cue most recently opened before it:
    subjects stand before any cue, coordinators after 'phối hợp với', objects after 'giao'."""
    out, k, current = [], 0, "none"
    for a, _ in toks:
        while k < len(cues) and cues[k] < a:
            current = " ".join(fold(text[cues[k] : cues[k] + 30]).split()[:2])
            k += 1
        out.append(current)
    return out


def _rule_tags(text: str, toks: list[tuple[int, int]]) -> list[str]:
    """BIO tags of the actor spans the rules find in the clause (leads and coordinators)."""
    from .tasks import clause_actors  # here: tasks may import this module

    leads, coords = clause_actors(text, 0, len(text))
    tags = ["O"] * len(toks)
    for a, b in sorted([(x, y) for x, y, _ in leads] + coords):
        inside = [i for i, (s, e) in enumerate(toks) if s >= a and e <= b]
        for k, i in enumerate(inside):
            tags[i] = "B" if k == 0 else "I"
    return tags


# ------------------------------------------------------------------ inference


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    e = math.exp(x)
    return e / (1.0 + e)


def _logsumexp3(a: float, b: float, c: float) -> float:
    """log(exp(a) + exp(b) + exp(c)), stably: the largest plus the log of a sum of at most 1s."""
    m = max(a, b, c)
    return m + math.log(sum((math.exp(a - m), math.exp(b - m), math.exp(c - m))))


def _best_of_three(a: float, b: float, c: float) -> tuple[int, float]:
    """The index and value of the largest of three, the first one on a tie."""
    if a >= b:
        return (0, a) if a >= c else (2, c)
    return (1, b) if b >= c else (2, c)


class _Crf:
    """A linear-chain CRF over the three BIO labels, read from JSON: emission sums,
    Viterbi, forward-backward. Inference is written out for three labels (a loop over
    labels costs several times as much in Python)."""

    def __init__(self, labels: list[str], state: dict[str, dict[str, float]], trans: dict[str, dict[str, float]],
                 feature_set: str) -> None:  # fmt: skip
        if len(labels) != len(LABELS):
            raise ValueError(f"the actor tagger has {len(labels)} labels, not the three of BIO")
        self.labels = tuple(labels)
        self.feature_set = feature_set
        # attribute -> weight per label, in label order (absent labels 0)
        self.state = {f: tuple(float(ws.get(lab, 0.0)) for lab in self.labels) for f, ws in state.items()}
        self.trans = [[float(trans.get(a, {}).get(b, 0.0)) for b in self.labels] for a in self.labels]
        self._word_sums: dict[str, tuple[float, ...]] = {}  # see token_emissions

    def emissions(self, feats: list[list[str]]) -> list[list[float]]:
        get, zeros = self.state.get, [0.0] * len(self.labels)
        out = []
        for fs in feats:
            known = [ws for ws in map(get, fs) if ws is not None]
            # per label, the weights added one by one from 0.0 in feature order (as a
            # loop would: not sum(), which rounds differently from Python 3.12 on)
            out.append([reduce(add, col, 0.0) for col in zip(*known, strict=True)] if known else list(zeros))
        return out

    def token_emissions(self, words: list[str], contexts: list[list[str]]) -> list[list[float]]:
        """:meth:`emissions` of :func:`actor_token_features`, the same numbers: each word's
        own features come first, so their running sum is a function of the word, kept
        per word; the context features are added on to it one by one, in order."""
        get = self.state.get
        out = []
        for word, ctx in zip(words, contexts, strict=True):
            b, i, o = self._word_sum(word)
            for wb, wi, wo in filter(None, map(get, ctx)):  # the known features' weights
                b += wb
                i += wi
                o += wo
            out.append([b, i, o])
        return out

    def _word_sum(self, word: str) -> tuple[float, ...]:
        acc = self._word_sums.get(word)
        if acc is None:
            if len(self._word_sums) >= 65536:
                self._word_sums.clear()  # a bound on memory over a long batch
            acc = tuple(self.emissions([list(word_features(word))])[0])
            self._word_sums[word] = acc
        return acc

    def viterbi(self, em: list[list[float]]) -> list[int]:
        (t00, t01, t02), (t10, t11, t12), (t20, t21, t22) = self.trans  # t_ab: from label a to b
        s0, s1, s2 = em[0]
        back: list[tuple[int, int, int]] = []
        for e0, e1, e2 in em[1:]:
            p0, m0 = _best_of_three(s0 + t00, s1 + t10, s2 + t20)  # the best way into label 0
            p1, m1 = _best_of_three(s0 + t01, s1 + t11, s2 + t21)
            p2, m2 = _best_of_three(s0 + t02, s1 + t12, s2 + t22)
            s0, s1, s2 = m0 + e0, m1 + e1, m2 + e2
            back.append((p0, p1, p2))
        path = [_best_of_three(s0, s1, s2)[0]]
        for ptr in reversed(back):
            path.append(ptr[path[-1]])
        return path[::-1]

    def marginals(self, em: list[list[float]]) -> list[list[float]]:
        """P(label k at position i), by forward-backward in log space."""
        (t00, t01, t02), (t10, t11, t12), (t20, t21, t22) = self.trans
        a0, a1, a2 = em[0]
        alpha = [(a0, a1, a2)]
        for e0, e1, e2 in em[1:]:
            a0, a1, a2 = (
                _logsumexp3(a0 + t00, a1 + t10, a2 + t20) + e0,
                _logsumexp3(a0 + t01, a1 + t11, a2 + t21) + e1,
                _logsumexp3(a0 + t02, a1 + t12, a2 + t22) + e2,
            )
            alpha.append((a0, a1, a2))
        b0 = b1 = b2 = 0.0
        beta = [(b0, b1, b2)]
        for e0, e1, e2 in reversed(em[1:]):
            b0, b1, b2 = (
                _logsumexp3(t00 + e0 + b0, t01 + e1 + b1, t02 + e2 + b2),
                _logsumexp3(t10 + e0 + b0, t11 + e1 + b1, t12 + e2 + b2),
                _logsumexp3(t20 + e0 + b0, t21 + e1 + b1, t22 + e2 + b2),
            )
            beta.append((b0, b1, b2))
        beta.reverse()
        z = _logsumexp3(*alpha[-1])
        return [[math.exp(al[k] + be[k] - z) for k in range(3)] for al, be in zip(alpha, beta, strict=True)]


class TaskModel:
    """The trained task classifier and actor tagger (see the module docstring)."""

    def __init__(self, task: dict[str, Any], actor: dict[str, Any]) -> None:
        self._bias = float(task["bias"])
        self._weights: dict[str, float] = {k: float(v) for k, v in task["weights"].items()}
        self.threshold = float(task.get("threshold", 0.5))
        self.info = {k: v for k, v in task.items() if k not in ("weights", "bias")}
        self._crf = _Crf(
            list(actor["labels"]),
            actor["state"],
            actor["transitions"],
            str(actor.get("feature_set", "heads+rules")),
        )

    def task_probability(self, clause_text: str, signals: dict[str, float]) -> float:
        """P(the clause is a task) in [0, 1]."""
        z = self._bias + sum(map(self._weights.get, task_features(clause_text, signals), repeat(0.0)))
        return _sigmoid(z)

    def actor_spans(self, clause_text: str) -> list[tuple[int, int, float]]:
        """Actor names in the clause: (start, end, confidence) offsets into ``clause_text``;
        confidence is the mean marginal probability of the span's labels."""
        toks = tokenize(clause_text)
        if not toks:
            return []
        words = [clause_text[a:b] for a, b in toks]
        em = self._crf.token_emissions(words, context_features(clause_text, toks, words, self._crf.feature_set))
        path = [self._crf.labels[k] for k in self._crf.viterbi(em)]
        spans = bio_spans(path)
        if not spans:
            return []  # most clauses: no need for the marginals
        marg = self._crf.marginals(em)
        index = {lab: k for k, lab in enumerate(self._crf.labels)}
        out = []
        for i, j in spans:
            conf = sum(marg[t][index[path[t]]] for t in range(i, j)) / (j - i)
            out.append((toks[i][0], toks[j - 1][1], round(conf, 4)))
        return out


def bio_spans(labels: list[str]) -> list[tuple[int, int]]:
    """Token spans [i, j) of a BIO sequence; an 'I' after 'O' opens a span."""
    out: list[tuple[int, int]] = []
    start = None
    for k, lab in enumerate([*labels, "O"]):
        if lab == "B" or lab == "O" or (lab == "I" and start is None):
            if start is not None:
                out.append((start, k))
            start = k if lab in ("B", "I") else None
    return out


# ------------------------------------------------------------------ loading


def default_model_dir() -> Path:
    """The model files shipped inside the package."""
    return Path(__file__).resolve().parent / "models"


_CACHE: dict[tuple[str, int, int], TaskModel] = {}


def load_model(path: str | Path | None = None) -> TaskModel | None:
    """Load the model from a folder holding the two JSON files (default: the shipped ones).
    Cached per folder (and file modification time); None when the files are missing,
    unreadable or of another format."""
    folder = Path(path) if path is not None else default_model_dir()
    task_path, actor_path = folder / TASK_FILE, folder / ACTOR_FILE
    try:
        key = (str(folder.resolve()), task_path.stat().st_mtime_ns, actor_path.stat().st_mtime_ns)
    except OSError:
        return None
    if key in _CACHE:
        return _CACHE[key]
    try:
        task = json.loads(task_path.read_text(encoding="utf-8"))
        actor = json.loads(actor_path.read_text(encoding="utf-8"))
        if task.get("format") != FORMAT or actor.get("format") != FORMAT:
            return None
        model = TaskModel(task, actor)
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    _CACHE[key] = model
    return model
