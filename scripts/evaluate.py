#!/usr/bin/env python3
"""Per-field precision / recall / F1 of directive-nlp against annotated gold.

    python scripts/evaluate.py                         # corpus/, all documents
    python scripts/evaluate.py --split test            # the held-out split only
    python scripts/evaluate.py --no-model              # rules alone
    python scripts/evaluate.py --compare               # rules alone vs rules + model, side by side
    python scripts/evaluate.py --gold DIR --docs DIR   # another annotated set (same gold format)

Gold format: one JSON per document (see corpus/README.md). Fields are compared as:
header.* exact (spaces, case, Đ/D ignored; "A|B" = either), signer.name exact, sections as
(label, parent label) pairs, legal references by type + number (+ year when both have one),
deadlines by value ("YYYY"/"YYYY-MM" = any day in it; a time must agree when gold has one),
recipients and task actors by fuzzy name similarity, tasks found by a phrase they contain.
Items marked optional count only when found.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
TYPE_ALIASES = {"QYD": "QD", "TTLT": "TT", "CV": "CV"}


def plain(s: str) -> str:
    s = unicodedata.normalize("NFD", (s or "").lower().replace("đ", "d"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return re.sub(r"[^\w]+", " ", s).strip()


def type_key(v: object) -> str:
    from directive_nlp.doctypes import from_word

    s = str(v or "").strip()
    hit = from_word(s)
    code = hit[0] if hit else s
    code = plain(code).upper().replace(" ", "")
    return TYPE_ALIASES.get(code, code)


def similar(a: str, b: str) -> float:
    a, b = plain(a), plain(b)
    if not a or not b:
        return 0.0
    return max(fuzz.ratio(a, b), fuzz.token_set_ratio(a, b) if min(len(a), len(b)) > 12 else 0) / 100


def match_names(pred: list[str], gold: list[str], threshold: float) -> tuple[int, int]:
    """Greedy one-to-one; 'A|B' alternatives; a leading '?' marks an optional item."""
    pool = list(pred)
    tp = counted = 0
    for g in sorted(gold, key=lambda x: x.startswith("?")):
        opt = g.startswith("?")
        scores = [(max(similar(alt, p) for alt in g.lstrip("?").split("|")), i) for i, p in enumerate(pool)]
        best = max(scores, default=(0.0, -1))
        if best[0] >= threshold:
            pool.pop(best[1])
            tp += 1
            counted += 1
        elif not opt:
            counted += 1
    return tp, counted


def same_time(pred: str, gold: str) -> bool:
    if "|" in gold:
        return any(same_time(pred, g) for g in gold.split("|"))
    pred, gold = pred[:16], gold[:16]
    if len(gold) in (4, 7):
        return pred[: len(gold)] == gold
    if len(gold) > 10 and gold[10:] != "T00:00":
        return pred == gold
    return pred[:10] == gold[:10]


def dl_value(d: object) -> str:
    if isinstance(d, dict):
        return str(d.get("value") or "")
    return str(d or "")


def ref_key(r: dict) -> tuple[str, str, int | None]:
    num = re.sub(r"\D", "", str(r.get("number") or "").split("/")[0].split("-")[0]).lstrip("0") or "0"
    year = r.get("year")
    try:
        year = int(year) if year not in (None, "") else None
    except (TypeError, ValueError):
        year = None
    return type_key(r.get("doc_type")), num, year


def section_pairs(sections: list[dict]) -> list[tuple[str, str]]:
    by_id = {s["id"]: s for s in sections}

    def lab(s: dict) -> str:
        x = re.sub(r"[.):/\s]+$", "", str(s.get("label") or "")).upper()
        x = re.sub(r"^(ĐIỀU|PHẦN|CHƯƠNG|MỤC)\s+", "", x)
        return "" if x in ("-", "+", "•", "*", "–", "_") else x

    out = []
    for s in sections:
        if not lab(s):
            continue
        parent = by_id.get(s.get("parent_id"))
        while parent is not None and not lab(parent):
            parent = by_id.get(parent.get("parent_id"))
        out.append((lab(s), lab(parent) if parent else ""))
    return out


def score(gold: dict, pred: dict) -> dict[str, tuple[int, int, int]]:
    out: dict[str, tuple[int, int, int]] = {}
    gh, ph = gold.get("header") or {}, pred.get("header") or {}
    for k in ("number", "doc_type", "issued_date", "place"):
        if k in gh:
            p = ph.get(k)
            alts = str(gh[k]).split("|")
            if k == "doc_type":
                ok = any(type_key(p) == type_key(a) for a in alts)
            elif k == "issued_date":
                ok = any(str(p or "")[:10] == a for a in alts)
            else:
                ok = any(plain(str(p or "")).replace(" ", "") == plain(a).replace(" ", "") for a in alts)
            out[f"header.{k}"] = (int(ok), 1, 1)
    gs = gold.get("signer") or {}
    if gs.get("name"):
        out["signer.name"] = (int(plain((pred.get("signer") or {}).get("name") or "") == plain(gs["name"])), 1, 1)
    if "sections" in gold:
        gp = [(a.upper(), b.upper()) for a, b in gold["sections"]]
        pp = section_pairs(pred.get("sections") or [])
        pool = list(pp)
        tp = sum(1 for g in gp if g in pool and not pool.remove(g))  # type: ignore[func-returns-value]
        out["sections"] = (tp, len(pp), len(gp))
    if "legal_references" in gold:
        pr = [ref_key(r) for r in pred.get("legal_references") or [] if re.search(r"\d", str(r.get("number") or ""))]
        tp = counted = 0
        for g in sorted(gold["legal_references"], key=lambda r: bool(r.get("optional"))):
            gk = ref_key(g)
            hit = next(
                (i for i, pk in enumerate(pr) if pk[:2] == gk[:2] and (None in (pk[2], gk[2]) or pk[2] == gk[2])), None
            )
            if hit is not None:
                pr.pop(hit)
                tp += 1
                counted += 1
            else:
                counted += not g.get("optional")
        out["legal_references"] = (tp, tp + len(pr), counted)
    if "deadlines" in gold:
        pv = [dl_value(d) for d in pred.get("deadlines") or [] if dl_value(d)]
        pool, tp, counted = list(pv), 0, 0
        for g in sorted(gold["deadlines"], key=lambda d: bool(d.get("optional"))):
            hit = next((i for i, p in enumerate(pool) if same_time(p, g["value"])), None)
            if hit is not None:
                pool.pop(hit)
                tp += 1
                counted += 1
            else:
                counted += not g.get("optional")
        out["deadlines"] = (tp, len(pv), counted)
    if "recipients" in gold:
        pn = [r.get("name") or "" for r in pred.get("recipients") or [] if not r.get("archive")]
        tp, counted = match_names(pn, gold["recipients"], 0.8)
        out["recipients"] = (tp, len(pn), counted)
    if "tasks" in gold:
        out.update(score_tasks(gold, pred.get("tasks") or []))
    return out


def part_of(pred: str, gold_text: str) -> bool:
    """A predicted task is (part of) a gold task: one holds the other, or most of its word 4-grams are in it."""
    if not pred or not gold_text:
        return False
    if pred in gold_text or gold_text in pred:
        return True
    pw, gw = pred.split(), gold_text.split()
    if len(pw) < 4:
        return False
    grams = {tuple(gw[i : i + 4]) for i in range(len(gw) - 3)}
    mine = [tuple(pw[i : i + 4]) for i in range(len(pw) - 3)]
    return sum(g in grams for g in mine) >= 0.6 * len(mine)


def name_pairs(pred: list[str], gold: list[str], threshold: float) -> list[tuple[int, str]]:
    """(index into pred, gold name) for each one-to-one match, greedy as match_names."""
    pool = list(range(len(pred)))
    pairs = []
    for g in sorted(gold, key=lambda x: x.startswith("?")):
        scores = [(max(similar(alt, pred[i]) for alt in g.lstrip("?").split("|")), i) for i in pool]
        best = max(scores, default=(0.0, -1))
        if best[0] >= threshold:
            pool.remove(best[1])
            pairs.append((best[1], g))
    return pairs


def score_tasks(gold: dict, ptasks: list[dict]) -> dict[str, tuple[int, int, int]]:
    """tasks.found / actors / deadline as ../shared/eval/score.py; where the gold lists every task
    (tasks_complete) also tasks.precision and tasks.roles (lead vs coordinating), and
    tasks.not_tasks_rejected where it lists phrases that are not tasks."""
    complete = bool(gold.get("tasks_complete"))
    found = a_tp = a_pred = a_gold = d_ok = d_n = r_ok = r_n = 0
    for g in gold["tasks"]:
        needle = plain(g["contains"])
        hit = next((t for t in ptasks if needle in plain(t.get("text", ""))), None)
        a_gold += len(g.get("actors", []))
        d_n += "deadline" in g
        if hit is None:
            continue
        found += 1
        if "actors" in g:
            actors = hit.get("actors") or []
            names = [a.get("name") or "" for a in actors]
            a_pred += len(names)
            pairs = name_pairs(names, g["actors"], 0.7)
            a_tp += len(pairs)
            if complete:
                support = {plain(x) for s in g.get("support", []) for x in s.lstrip("?").split("|")}
                for i, ga in pairs:
                    gold_lead = not any(plain(x) in support for x in ga.lstrip("?").split("|"))
                    r_n += 1
                    r_ok += gold_lead == ((actors[i].get("role") or "lead") == "lead")
        if "deadline" in g and same_time(dl_value(hit.get("deadline")), g["deadline"]):
            d_ok += 1
    n = len(gold["tasks"])
    out = {"tasks.found": (found, n, n), "tasks.actors": (a_tp, a_pred, a_gold)}
    if d_n:
        out["tasks.deadline"] = (d_ok, d_n, d_n)
    if complete:
        gtexts = [(plain(g["contains"]), plain(g.get("text") or g["contains"])) for g in gold["tasks"]]
        ok = sum(
            any(needle in pt or part_of(pt, gt) for needle, gt in gtexts)
            for pt in (plain(t.get("text", "")) for t in ptasks)
        )
        out["tasks.precision"] = (ok, len(ptasks), len(ptasks))
        out["tasks.roles"] = (r_ok, r_n, r_n)
    if gold.get("not_tasks"):
        ptexts = [plain(t.get("text", "")) for t in ptasks]
        kept_out = sum(not any(plain(x) in pt for pt in ptexts) for x in gold["not_tasks"])
        out["tasks.not_tasks_rejected"] = (kept_out, len(gold["not_tasks"]), len(gold["not_tasks"]))
    return out


def prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else (1.0 if not ngold else 0.0)
    r = tp / ngold if ngold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(gold_dir: Path, docs_dir: Path, split: str, use_model: bool) -> dict[str, list[int]]:
    from directive_nlp.pipeline import Options, extract

    totals: dict[str, list[int]] = {}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if split != "all" and gold.get("split", "train") != split:
            continue
        text = (docs_dir / gold["doc"]).read_text(encoding="utf-8")
        pred = json.loads(extract(text, options=Options(use_model=use_model)).model_dump_json())
        for field, (tp, npred, ngold) in score(gold, pred).items():
            t = totals.setdefault(field, [0, 0, 0, 0])
            t[0] += tp
            t[1] += npred
            t[2] += ngold
            t[3] += 1
    return totals


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "corpus" / "gold")
    ap.add_argument("--docs", type=Path, default=ROOT / "corpus" / "docs")
    ap.add_argument("--split", choices=["all", "train", "test"], default="all")
    ap.add_argument("--no-model", action="store_true")
    ap.add_argument("--compare", action="store_true", help="rules alone vs rules + model")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    runs = [("rules", False), ("rules+model", True)] if args.compare else [("", not args.no_model)]
    results = {name: evaluate(args.gold, args.docs, args.split, model) for name, model in runs}
    if args.json:
        print(
            json.dumps(
                {
                    n: {f: dict(zip(("tp", "pred", "gold"), t[:3], strict=True)) for f, t in r.items()}
                    for n, r in results.items()
                }
            )
        )
        return 0
    print(f"gold {args.gold}  split {args.split}")
    head = (
        "".join(f"{n or 'P R F1':>24}" for n, _ in runs)
        if args.compare
        else f"{'P':>7}{'R':>7}{'F1':>7}   tp/pred/gold"
    )
    print(f"{'field':<20}{head}")
    fields = list(next(iter(results.values())))
    for f in fields:
        row = f"{f:<20}"
        for name, _ in runs:
            tp, npred, ngold, _docs = results[name].get(f, [0, 0, 0, 0])
            p, r, f1 = prf(tp, npred, ngold)
            row += f"{p:7.2f}{r:7.2f}{f1:7.2f}" + ("   " if args.compare else f"   {tp}/{npred}/{ngold}")
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
