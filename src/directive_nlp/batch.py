"""Batch extraction over many files, in parallel processes; each output written
atomically, failures recorded (one JSON line each) instead of stopping the run."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = {".txt", ".md", ".html", ".htm", ".docx", ".pdf"}


@dataclass
class Summary:
    ok: int
    failed: int
    seconds: float


def iter_inputs(inputs: Iterable[Path]) -> Iterator[Path]:
    for p in inputs:
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in SUFFIXES)
        else:
            yield p


def _one(args: tuple[str, str, str | None, bool]) -> tuple[str, str | None]:
    """Returns (input path, error or None). Never raises."""
    path, out_dir, reference_date, use_model = args
    from .cli import write_atomic
    from .errors import InputError
    from .pipeline import Options, extract
    from .reading import read_path

    try:
        text, source = read_path(path)
        doc = extract(text, source=source, options=Options(reference_date=reference_date, use_model=use_model))
        write_atomic(Path(out_dir) / (Path(path).name + ".json"), doc.model_dump_json() + "\n")
        return path, None
    except InputError as e:
        return path, str(e)
    except Exception as e:  # keep the batch going; the error is recorded
        return path, f"internal error ({type(e).__name__}: {e})"


def run_batch(
    inputs: Iterable[Path],
    out_dir: Path,
    *,
    workers: int = 1,
    reference_date: str | None = None,
    use_model: bool = True,
) -> Summary:
    t0 = time.perf_counter()
    jobs = [(str(p), str(out_dir), reference_date, use_model) for p in iter_inputs(inputs)]
    results: Iterable[tuple[str, str | None]]
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            results = list(pool.map(_one, jobs, chunksize=4))
    else:
        results = [_one(j) for j in jobs]
    failures = [(p, e) for p, e in results if e]
    if failures:
        from .cli import write_atomic

        lines = "".join(json.dumps({"file": p, "error": e}, ensure_ascii=False) + "\n" for p, e in failures)
        write_atomic(out_dir / "errors.jsonl", lines)
    return Summary(len(jobs) - len(failures), len(failures), time.perf_counter() - t0)
