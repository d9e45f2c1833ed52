#!/usr/bin/env python3
"""Speed and memory figures on a fixed document set (prints; asserts nothing).

python scripts/bench.py                 # corpus/docs, scaling up to 10 MB
python scripts/bench.py --full          # scaling up to 50 MB (the bad-input target)
python scripts/bench.py --docs DIR      # another folder of .txt documents
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=Path, default=ROOT / "corpus" / "docs")
    ap.add_argument("--full", action="store_true", help="scale to 50 MB")
    ap.add_argument("--no-model", action="store_true")
    args = ap.parse_args()

    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import directive_nlp"], check=True)
    print(f"import directive_nlp (fresh process): {time.perf_counter() - t0:.2f}s")

    from directive_nlp.pipeline import Options, extract

    opts = Options(use_model=not args.no_model)
    docs = sorted(args.docs.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in docs]
    if not texts:
        print(f"no .txt documents in {args.docs}")
        return 1
    t0 = time.perf_counter()
    extract(texts[0], options=opts)
    print(f"first extract (loads data and model): {time.perf_counter() - t0:.2f}s")
    times = []
    for text in texts:
        t0 = time.perf_counter()
        extract(text, options=opts)
        times.append(time.perf_counter() - t0)
    chars = sum(map(len, texts))
    print(
        f"{len(texts)} documents, {chars / 1e3:.0f}k chars: median {statistics.median(times) * 1e3:.0f} ms, "
        f"max {max(times) * 1e3:.0f} ms, {chars / sum(times) / 1e3:.0f}k chars/s"
    )
    base = "\n".join(texts)
    sizes = [1, 5, 10] + ([50] if args.full else [])
    for mb in sizes:
        text = base * (mb * 1024 * 1024 // len(base.encode("utf-8")) + 1)
        t0 = time.perf_counter()
        extract(text, options=opts)
        dt = time.perf_counter() - t0
        print(f"{mb:>3} MB in one document: {dt:6.1f}s ({dt / mb:.2f} s/MB)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
