#!/usr/bin/env python3
"""Choose how the task classifier overrules the rules, end to end and on the train split only.

    python scripts/choose_decision.py            # ~5 min: 3 folds of the real documents' train split

For each fold of the train documents of ``corpus/pool-gold`` (the documents in ``../shared/pool/docs``), a
classifier is trained on the written corpus' train split and the other folds, and the whole pipeline
is run on the held-out fold for a grid of thresholds ("keep" a rule 'yes' when P(task) >= keep, "add"
a rule 'no' when P(task) >= add). The pair with the best mean task F1 (the harmonic mean of
tasks.found and tasks.precision) is printed; it is what ``scripts/train_model.py`` writes into the
model. The test split is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import train_model as tm  # noqa: E402
from directive_nlp import model as dm  # noqa: E402
from directive_nlp import tasks  # noqa: E402
from directive_nlp.pipeline import Options, extract  # noqa: E402
from evaluate import prf, score  # noqa: E402

KEEP_GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
ADD_GRID = (0.5, 0.7, 0.9)


def task_f1(totals: dict[str, list[int]]) -> float:
    found = prf(*totals["tasks.found"])[2]
    precision = prf(*totals["tasks.precision"])[2]
    return 2 * found * precision / (found + precision) if found + precision else 0.0


def run_fold(model: dm.TaskModel, golds: list[dict], docs: Path, keep: float, add: float) -> dict[str, list[int]]:
    model.info["decision"] = {"keep": keep, "add": add, "actor": 0.8}
    totals: dict[str, list[int]] = {}
    for gold in golds:
        pred = json.loads(
            extract((docs / gold["doc"]).read_text(encoding="utf-8"), options=Options()).model_dump_json()
        )
        for field, (tp, npred, ngold) in score(gold, pred).items():
            t = totals.setdefault(field, [0, 0, 0])
            t[0] += tp
            t[1] += npred
            t[2] += ngold
    return totals


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pool-gold", type=Path, default=ROOT / "corpus" / "pool-gold")
    ap.add_argument("--pool-docs", type=Path, default=ROOT.parent / "shared" / "pool" / "docs")
    ap.add_argument("--folds", type=int, default=3)
    args = ap.parse_args()
    corpus = [e for e in tm.load_corpus(ROOT / "corpus") if e.split == "train"]
    pool = [tm._renamed(e, "pool/") for e in tm.load_corpus(args.pool_gold, docs=args.pool_docs) if e.split == "train"]
    golds = {
        "pool/" + g["doc"]: g
        for g in (json.loads(p.read_text(encoding="utf-8")) for p in sorted(args.pool_gold.glob("*.json")))
        if g["split"] == "train"
    }
    names = sorted(golds)
    sums: dict[tuple[float, float], list[float]] = {}
    for k in range(args.folds):
        held = set(names[k :: args.folds])
        train = corpus + [e for e in pool if e.doc not in held]
        params = tm.train_logreg([dm.task_features(e.text, e.signals) for e in train], [e.label for e in train], 0.003)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            tm.write_json(folder / dm.TASK_FILE, {"format": dm.FORMAT, "decision": {}, **params})
            (folder / dm.ACTOR_FILE).write_bytes((dm.default_model_dir() / dm.ACTOR_FILE).read_bytes())
            model = dm.load_model(folder)
            assert model is not None
            tasks._load_model = lambda model=model: model  # type: ignore[assignment]
            for keep in KEEP_GRID:
                for add in ADD_GRID:
                    totals = run_fold(model, [golds[n] for n in sorted(held)], args.pool_docs, keep, add)
                    sums.setdefault((keep, add), []).append(task_f1(totals))
        print(f"fold {k + 1}/{args.folds} done ({len(held)} documents held out)", flush=True)
    for (keep, add), f1s in sorted(sums.items()):
        print(f"keep {keep:<5} add {add:<4} mean task F1 {sum(f1s) / len(f1s):.3f}  {[round(f, 3) for f in f1s]}")
    best = max(sums, key=lambda k: (round(sum(sums[k]) / len(sums[k]), 3), -k[0], k[1]))
    print(json.dumps({"keep": best[0], "add": best[1], "actor": 0.8}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
