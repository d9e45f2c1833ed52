#!/usr/bin/env python3
"""Check hand-made gold against its documents: the shape of each file, and that every phrase it quotes
(task `contains` and `text`, `not_tasks`) occurs in the document once markdown emphasis and line breaks are
read away. Standard library only, so annotators can run it without installing the project.

    python scripts/check_gold.py corpus/pool-gold --docs ../shared/pool/docs
    python scripts/check_gold.py corpus/pool-gold/abc.json --docs ../shared/pool/docs

Exit 0 when every file is clean, 1 when a problem was printed, 2 on bad arguments.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

DOC_TYPES = {
    "QĐ",
    "KH",
    "CT",
    "CV",
    "TB",
    "NQ",
    "CĐ",
    "TT",
    "NĐ",
    "HD",
    "KL",
    "QYD",
    "QC",
    "CTR",
    "BC",
    "ĐA",
    "PA",
    "TTLT",
    "VBHN",
    "LUAT",
    "PL",
    "TTR",
    "QĐ/TW",
    "HĐ",
}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$")


def plain(s: str) -> str:
    """Lower case, no diacritics, đ → d, punctuation and emphasis read as spaces (as ../shared/eval/score.py)."""
    s = unicodedata.normalize("NFD", unicodedata.normalize("NFC", s or "").lower().replace("đ", "d"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn")
    return re.sub(r"[^\w]+", " ", s).strip()


def document_text(raw: str) -> str:
    """The document as annotators quote it: emphasis markers dropped (also inside words), lines joined."""
    return plain(re.sub(r"\*+|_{2,}", "", raw))


def check_dates(where: str, value: object) -> list[str]:
    values = str(value or "").split("|")
    return [f"{where}: {value!r} is not an ISO date, month, year or time" for v in values if not DATE.match(v)]


def check_task(i: int, task: dict, text: str) -> list[str]:
    out = []
    where = f"tasks[{i}]"
    for key in ("contains", "text"):
        if not isinstance(task.get(key), str) or not task[key].strip():
            out.append(f"{where}: no {key}")
        elif plain(task[key]) not in text:
            out.append(f"{where}.{key} not in the document: {task[key][:70]!r}")
    if task.get("contains") and task.get("text") and plain(task["contains"]) not in plain(task["text"]):
        out.append(f"{where}: contains is not inside text")
    words = len(str(task.get("contains") or "").split())
    if task.get("contains") and not 3 <= words <= 14:
        out.append(f"{where}: contains has {words} words (4–10 expected)")
    actors = task.get("actors", [])
    if not isinstance(actors, list) or not all(isinstance(a, str) and a.strip() for a in actors):
        out.append(f"{where}: actors must be a list of names")
    for s in task.get("support", []):
        if s not in actors:
            out.append(f"{where}: support {s!r} is not one of the actors")
    if "deadline" in task:
        out += check_dates(f"{where}.deadline", task["deadline"])
    return out


def check_file(path: Path, docs: Path) -> list[str]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        return [f"not readable JSON: {e}"]
    doc = docs / str(gold.get("doc", ""))
    if not gold.get("doc") or not doc.is_file():
        return [f"doc {gold.get('doc')!r} is not a file under {docs}"]
    text = document_text(doc.read_text(encoding="utf-8"))
    out = []
    if gold.get("split") not in ("train", "test"):
        out.append("split must be train or test")
    header = gold.get("header", {})
    if header.get("doc_type") and header["doc_type"] not in DOC_TYPES:
        out.append(f"header.doc_type {header['doc_type']!r} is not a known code")
    if header.get("issued_date"):
        out += check_dates("header.issued_date", header["issued_date"])
    for i, d in enumerate(gold.get("deadlines", [])):
        out += check_dates(f"deadlines[{i}].value", d.get("value"))
    if gold.get("tasks_complete") is not True:
        out.append("tasks_complete must be true")
    tasks = gold.get("tasks", [])
    for i, task in enumerate(tasks):
        out += check_task(i, task, text)
    needles = [plain(t.get("contains", "")) for t in tasks]
    for n in {n for n in needles if needles.count(n) > 1}:
        out.append(f"two tasks share the phrase {n!r}")
    for i, phrase in enumerate(gold.get("not_tasks", [])):
        if plain(phrase) not in text:
            out.append(f"not_tasks[{i}] not in the document: {phrase[:70]!r}")
    if gold.get("task_count") not in (None, len(tasks)):
        out.append(f"task_count {gold.get('task_count')} but {len(tasks)} tasks listed")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("gold", type=Path, help="a gold folder or one gold file")
    ap.add_argument("--docs", type=Path, required=True, help="the folder of the documents the gold names")
    args = ap.parse_args()
    files = sorted(args.gold.glob("*.json")) if args.gold.is_dir() else [args.gold]
    if not files:
        print(f"error: no gold files in {args.gold}", file=sys.stderr)
        return 2
    bad = 0
    for path in files:
        problems = check_file(path, args.docs)
        bad += bool(problems)
        for p in problems:
            print(f"{path.name}: {p}")
    print(f"{len(files) - bad} of {len(files)} gold files clean")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
