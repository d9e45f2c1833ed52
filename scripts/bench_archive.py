#!/usr/bin/env python3
"""Archive-scale figures for `batch` (prints; asserts nothing). Builds an archive of
N documents from corpus/ (each a distinct file: its number changed; one in ten saved
as .docx and one in ten as .html), then runs the batch with 1 and 2 workers, with and
without the model, and measures on the same text underthesea's `ner` (sentence by
sentence) and `word_tokenize` for scale. Targets from issue 6 are printed beside.

python scripts/bench_archive.py                 # 2,000 documents
python scripts/bench_archive.py --docs 500 --keep /tmp/archive
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

_NUMBER = re.compile(r"(Số\s*:?\s*)(\d+)")


def build_archive(folder: Path, n: int) -> int:
    """N distinct documents from the corpus; returns their total characters."""
    from archive_builders import write  # the tests' writers: one way to make .docx/.html

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "docs").glob("*.txt"))]
    chars = 0
    for i in range(n):
        base = texts[i % len(texts)]
        text, k = _NUMBER.subn(rf"\g<1>{i + 1}", base, count=1)
        if not k:
            text = f"{base}\nTrang {i + 1}\n"
        chars += len(text)
        sub = folder / f"{i // 500:03d}"
        if i % 10 == 3:
            write(sub / f"d{i:05d}.docx", _docx(text))
        elif i % 10 == 7:
            body = "".join(f"<p>{line}</p>" for line in text.splitlines())
            write(sub / f"d{i:05d}.html", f"<!DOCTYPE html><html><body><main>{body}</main></body></html>")
        else:
            write(sub / f"d{i:05d}.txt", text)
    return chars


def _docx(text: str) -> bytes:
    import io

    import docx

    d = docx.Document()
    for line in text.splitlines():
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def run(folder: Path, workers: int, use_model: bool) -> dict[str, float]:
    from directive_nlp.batch import BatchOptions, run_batch

    with tempfile.TemporaryDirectory() as tmp:
        s = run_batch([folder], Path(tmp) / "out.jsonl", workers=workers, options=BatchOptions(use_model=use_model))
    return {
        "docs": s.written,
        "errors": s.errors,
        "seconds": s.seconds,
        "docs_s": s.written / s.seconds,
        "chars_s_core": s.chars / s.seconds / workers,
        "rss": max(s.peak_rss_mb.values(), default=0.0),
    }


def underthesea_rates(folder: Path, sample_docs: int) -> tuple[float, float, int]:
    """chars/s of underthesea ner (per sentence) and word_tokenize on corpus text."""
    from underthesea import ner, word_tokenize

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt"))[:sample_docs]]
    sentences = [s for t in texts for line in t.splitlines() for s in re.split(r"(?<=[.;:])\s+", line) if s.strip()]
    chars = sum(map(len, sentences))
    ner(sentences[0])
    t0 = time.perf_counter()
    for s in sentences:
        ner(s)
    ner_rate = chars / (time.perf_counter() - t0)
    t0 = time.perf_counter()
    for s in sentences:
        word_tokenize(s)
    return ner_rate, chars / (time.perf_counter() - t0), chars


def cold_extract_seconds(repeats: int = 5) -> float:
    exe = Path(sys.executable).with_name("directive-nlp")
    sample = ROOT / "corpus" / "docs" / "c1-tb-syt-quangnam-2022-giao-ban-kham-chua-benh.txt"
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        subprocess.run([str(exe), "extract", str(sample)], check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--keep", type=Path, help="build the archive here and keep it")
    ap.add_argument("--ner-docs", type=int, default=40, help="documents timed with underthesea")
    args = ap.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="dnlp-archive-"))
    if folder.exists():
        shutil.rmtree(folder)
    chars = build_archive(folder, args.docs)
    print(f"archive: {args.docs} documents, {chars / 1e6:.1f}M characters ({folder})")
    runs = {}
    for label, workers, model in [("full, 1 worker", 1, True), ("full, 2 workers", 2, True),
                                  ("rules-only, 1 worker", 1, False), ("rules-only, 2 workers", 2, False)]:  # fmt: skip
        r = runs[label] = run(folder, workers, model)
        print(
            f"{label:<22} {r['docs_s']:7.1f} docs/s  {r['chars_s_core'] / 1e3:7.0f}k chars/s per core  "
            f"peak RSS {r['rss']:5.0f} MB/worker  ({r['seconds']:.1f}s, {r['errors']:.0f} errors)"
        )
    ner_rate, wt_rate, sample = underthesea_rates(folder, args.ner_docs)
    full = runs["full, 1 worker"]["chars_s_core"]
    rules = runs["rules-only, 1 worker"]["chars_s_core"]
    speedup = runs["full, 2 workers"]["docs_s"] / runs["full, 1 worker"]["docs_s"]
    speedup_rules = runs["rules-only, 2 workers"]["docs_s"] / runs["rules-only, 1 worker"]["docs_s"]
    cold = cold_extract_seconds()
    rss = max(r["rss"] for r in runs.values())
    import resource

    main_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"underthesea on {sample / 1e3:.0f}k chars: ner {ner_rate / 1e3:.0f}k chars/s, "
        f"word_tokenize {wt_rate / 1e3:.0f}k chars/s"
    )
    rows = [
        ("full pipeline, chars/s per core", f"{full / 1e3:.0f}k", ">= 250k", full >= 250e3),
        ("  ... / underthesea ner per sentence", f"{full / ner_rate:.1f}x", ">= 20x", full / ner_rate >= 20),
        ("  ... / underthesea word_tokenize", f"{full / wt_rate:.2f}x", "(scale)", True),
        ("rules-only, chars/s per core", f"{rules / 1e3:.0f}k", ">= 2000k", rules >= 2e6),
        ("2 workers / 1 worker (full)", f"{speedup:.2f}x", ">= 1.8x", speedup >= 1.8),
        ("2 workers / 1 worker (rules-only)", f"{speedup_rules:.2f}x", ">= 1.8x", speedup_rules >= 1.8),
        ("peak RSS per worker", f"{rss:.0f} MB", "<= 400 MB", rss <= 400),
        ("peak RSS, the process running the batch", f"{main_rss:.0f} MB", "(flat)", True),
        ("extract, fresh process, small file", f"{cold:.2f}s", "<= 1.0s", cold <= 1.0),
    ]
    print()
    for name, value, target, ok in rows:
        print(f"{name:<40} {value:>9}  target {target:<9} {'met' if ok else 'NOT MET'}")
    if not args.keep:
        shutil.rmtree(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
