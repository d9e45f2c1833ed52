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
from functools import reduce
from itertools import repeat
from operator import add
from pathlib import Path
from typing import Any

from . import actors as ac
from .vntext import fold

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
    on = sorted(k for k, v in signals.items() if k != "words" and v)
    feats = [f"s={k}" for k in on]
    feats += [f"s2={a}&{b}" for i, a in enumerate(on) for b in on[i + 1 :]]
    seg = clause_text.strip()
    m = _LABEL_COLON.match(seg)
    body = seg
    if m and len(m.group(1).split()) <= 5:
        feats += ["colon_label", f"colon_label={' '.join(_FOLDED_WORD.findall(fold(m.group(1))))}"]
        body = seg[m.end(1) + 1 :].strip()
    head = _FOLDED_WORD.findall(fold(body))[:_MAX_WORDS]
    feats.append(f"len={_length_bin(len(seg.split()))}")
    if head:
        feats.append(f"w1={head[0]}")
        feats.append(f"w12={' '.join(head[:2])}")
    feats += [f"u={w}" for w in sorted(set(head))]
    feats += [f"b={b}" for b in sorted({f"{x} {y}" for x, y in zip(head, head[1:], strict=False)})]
    feats += _shape_features(seg)
    feats += _structure_features(body)
    return feats


_LABEL_COLON = re.compile(r"^([^:;,.()]{2,40}):\s*\S")
_MARKERS = ("đã", "đang", "sẽ", "được", "chưa", "còn", "nếu", "khi", "để")


def _structure_features(body: str) -> list[str]:
    """Where the first predicate cue stands, whether an actor's name opens the clause, and
    tense and condition markers (accent-sensitive: 'đã' is not 'đa')."""
    out = []
    cues = ac.predicates(body, 0, len(body))
    if not cues:
        out.append("cue_at=none")
    else:
        n = len(body[: cues[0]].split())
        out.append(f"cue_at={'0' if n == 0 else '1-3' if n <= 3 else '4-10' if n <= 10 else '>10'}")
    if ac.is_head_at(body, 0):
        out.append("head_start")
    words = set(_WORDS.findall(body.lower()))
    out += [f"m={w}" for w in _MARKERS if w in words]
    return out


_WORDS = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _shape_features(seg: str) -> list[str]:
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
    letters = "".join(filter(str.isalpha, seg))
    if letters and sum(map(str.isupper, letters)) / len(letters) > 0.8:
        out.append("all_caps")
    if seg[:1].islower():
        out.append("starts_lower")
    if seg[:1] in '("“':
        out.append("starts_paren")
    if _DIGIT.search(seg):
        out.append("has_digit")
    if _YEAR.search(seg):
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
    (:func:`directive_nlp.tasks.clause_actors`), so the tagger learns when to trust them."""
    words = [text[a:b] for a, b in toks]
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
        w, lw = words[i], low[i]
        f = [f"w={w}", f"l={lw}", f"f={fold(lw)}", f"shape={shapes[i + 1]}", f"p2={lw[:2]}", f"s2={lw[-2:]}"]
        if any(map(str.isdigit, w)):
            f.append("has_digit")
        f += [f"l[-2]={lowp[i]}", f"l[-1]={lowp[i + 1]}", f"l[1]={lowp[i + 3]}", f"l[2]={lowp[i + 4]}"]
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


def _argmax(xs: list[float]) -> int:
    """The first index of the largest value (as ``max(range(n), key=xs.__getitem__)``)."""
    return xs.index(max(xs))


def _logsumexp(xs: list[float]) -> float:
    m = max(xs)
    return m + math.log(sum(math.exp(x - m) for x in xs))


class _Crf:
    """A linear-chain CRF read from JSON: emission sums, Viterbi, forward-backward."""

    def __init__(self, labels: list[str], state: dict[str, dict[str, float]], trans: dict[str, dict[str, float]],
                 feature_set: str) -> None:  # fmt: skip
        self.labels = tuple(labels)
        self.feature_set = feature_set
        # attribute -> weight per label, in label order (absent labels 0)
        self.state = {f: tuple(float(ws.get(lab, 0.0)) for lab in self.labels) for f, ws in state.items()}
        self.trans = [[float(trans.get(a, {}).get(b, 0.0)) for b in self.labels] for a in self.labels]

    def emissions(self, feats: list[list[str]]) -> list[list[float]]:
        get, zeros = self.state.get, [0.0] * len(self.labels)
        out = []
        for fs in feats:
            known = [ws for ws in map(get, fs) if ws is not None]
            # per label, the weights added one by one from 0.0 in feature order (as a
            # loop would: not sum(), which rounds differently from Python 3.12 on)
            out.append([reduce(add, col, 0.0) for col in zip(*known, strict=True)] if known else list(zeros))
        return out

    def viterbi(self, em: list[list[float]]) -> list[int]:
        k_range = range(len(self.labels))
        # the columns of the transition matrix: into label b from each label a
        into = [[self.trans[a][b] for a in k_range] for b in k_range]
        score = list(em[0])
        back: list[list[int]] = []
        for row in em[1:]:
            ptr = [_argmax(list(map(add, score, col))) for col in into]
            score = [score[ptr[b]] + self.trans[ptr[b]][b] + row[b] for b in k_range]
            back.append(ptr)
        path = [_argmax(score)]
        for ptr in reversed(back):
            path.append(ptr[path[-1]])
        return path[::-1]

    def marginals(self, em: list[list[float]]) -> list[list[float]]:
        """P(label k at position i), by forward-backward in log space."""
        k_range = range(len(self.labels))
        alpha = [list(em[0])]
        for row in em[1:]:
            prev = alpha[-1]
            alpha.append([_logsumexp([prev[a] + self.trans[a][b] for a in k_range]) + row[b] for b in k_range])
        beta = [[0.0] * len(self.labels)]
        for row in reversed(em[1:]):
            nxt = beta[-1]
            beta.append([_logsumexp([self.trans[a][b] + row[b] + nxt[b] for b in k_range]) for a in k_range])
        beta.reverse()
        z = _logsumexp(alpha[-1])
        return [[math.exp(al[k] + be[k] - z) for k in k_range] for al, be in zip(alpha, beta, strict=True)]


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
        em = self._crf.emissions(actor_token_features(clause_text, toks, self._crf.feature_set))
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
