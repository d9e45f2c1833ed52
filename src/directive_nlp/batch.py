"""Batch extraction over an archive: one JSON line per document, in input order.

The same function runs on local worker processes or on a Dask cluster (see
:mod:`executors`). A document that fails becomes an error record and the run goes on;
a run that is killed and started again with the same output skips the documents
already written (by sha256) and loses, repeats or truncates no line (see
:mod:`jsonl_store`). At most a few documents per worker are in flight, so memory
stays flat however large the archive.
"""

from __future__ import annotations

import hashlib
import json
import resource
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from .atomic import write_atomic
from .errors import InputError
from .executors import Pool, open_pool
from .inputs import count_inputs, iter_inputs
from .jsonl_store import Appender, Done, recover
from .reading import MAX_BYTES
from .schema import SCHEMA_VERSION

IN_FLIGHT_PER_SLOT = 4


@dataclass(frozen=True)
class BatchOptions:
    reference_date: str | None = None
    use_model: bool = True


class Result(NamedTuple):
    """What a worker sends back for one document."""

    line: str
    ok: bool
    chars: int
    rss_kb: int
    worker: str


@dataclass
class Summary:
    total: int = 0  # inputs listed
    written: int = 0  # lines appended this run (documents and error records)
    errors: int = 0  # error records among them
    skipped: int = 0  # already in the output, or the same bytes as an earlier input
    chars: int = 0  # characters of text extracted
    seconds: float = 0.0
    resumed_lines: int = 0  # lines the output held when the run started
    truncated_bytes: int = 0  # a partial last line cut off at the start
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # per worker


def error_record(file: str, sha256: str | None, nbytes: int | None, kind: str, message: str) -> str:
    """One JSON line for a document that could not be extracted."""
    record = {
        "schema_version": SCHEMA_VERSION,
        "source": {"file": file, "sha256": sha256, "bytes": nbytes},
        "error": {"type": kind, "message": message},
    }
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _peak_rss_kb() -> int:
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # KiB on Linux


_WARM_UP = (
    "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\nSố: 1/CT-UBND\nNinh Bình, ngày 5 tháng 1 năm 2024\nCHỈ THỊ\n"
    "Về việc triển khai nhiệm vụ năm 2024\n"
    "Thực hiện Nghị định số 12/2023/NĐ-CP ngày 1/3/2023 của Chính phủ, Chủ tịch UBND tỉnh yêu cầu:\n"
    "1. Sở Y tế chủ trì, phối hợp với UBND các huyện báo cáo kết quả trước 17h00 ngày 20/1/2024.\n"
    "2. Sở Tài chính bố trí kinh phí, hoàn thành trong quý I/2024.\n"
    "Nơi nhận:\n- Như trên;\n- Bộ Y tế (b/c);\n- TT Tỉnh ủy, TT HĐND tỉnh;\n- Lưu: VT.\n"
    "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n"
)


def warm_up() -> None:
    """Load the data files, compile the patterns and load the model once per process,
    before the first document (a directive touching every stage)."""
    from .pipeline import Options, extract

    extract(_WARM_UP, options=Options())


def extract_line(data: bytes, name: str, sha256: str, options: BatchOptions) -> Result:
    """Bytes of one document → its JSON line (or error record). Never raises."""
    import os

    from .pipeline import Options, extract
    from .reading import read_bytes

    worker = f"{os.uname().nodename}:{os.getpid()}"
    try:
        text, source = read_bytes(data, name)
        doc = extract(text, source=source, options=Options(options.reference_date, options.use_model))
        return Result(doc.model_dump_json(), True, len(doc.text), _peak_rss_kb(), worker)
    except InputError as e:
        line = error_record(name, sha256, len(data), "InputError", str(e))
    except RecursionError:
        line = error_record(name, sha256, len(data), "RecursionError", "the document is nested too deeply")
    except Exception as e:  # an internal fault on one document must not stop the archive
        line = error_record(name, sha256, len(data), type(e).__name__, str(e)[:500])
    return Result(line, False, 0, _peak_rss_kb(), worker)


class _Job(NamedTuple):
    name: str
    data: bytes
    sha256: str


Pending = tuple[_Job | None, "Future[Result]"]


def _ready(result: Result) -> Future[Result]:
    fut: Future[Result] = Future()
    fut.set_result(result)
    return fut


def _prepare(path: Path, done: Done, summary: Summary) -> _Job | Result | None:
    """Read and hash one input: a job to run, an error record, or None to skip."""
    name = str(path)
    try:
        size = path.stat().st_size
        # a file past the limit is refused without being read: it must not swell the batch
        data = b"" if size > MAX_BYTES else path.read_bytes()
    except OSError as e:
        if name in done.files:
            summary.skipped += 1
            return None
        done.files.add(name)
        reason = "no such file" if isinstance(e, FileNotFoundError) else (e.strerror or type(e).__name__)
        return Result(error_record(name, None, None, "InputError", f"cannot read {name}: {reason}"), False, 0, 0, "")
    if size > MAX_BYTES:
        sha = _file_sha256(path)
        if sha not in done.shas:
            done.shas.add(sha)
            message = f"the input is larger than {MAX_BYTES // (1024 * 1024)} MB"
            return Result(error_record(name, sha, size, "InputError", message), False, 0, 0, "")
        summary.skipped += 1
        return None
    sha = hashlib.sha256(data).hexdigest()
    if sha in done.shas:
        summary.skipped += 1
        return None
    done.shas.add(sha)
    return _Job(name, data, sha)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _submit(pool: Pool, job: _Job, options: BatchOptions) -> Future[Result]:
    try:
        return pool.executor.submit(extract_line, job.data, job.name, job.sha256, options)
    except BrokenProcessPool:  # a worker died earlier: start a fresh pool
        pool.renew()
        return pool.executor.submit(extract_line, job.data, job.name, job.sha256, options)


def _failed(job: _Job, kind: str, message: str) -> Result:
    return Result(error_record(job.name, job.sha256, len(job.data), kind, message[:500]), False, 0, 0, "")


def _resolve(pool: Pool, job: _Job | None, fut: Future[Result], options: BatchOptions) -> Result:
    """The result of one pending call. When a worker process dies, every call in the
    pool fails with it: each is retried on a fresh pool, and the document that kills
    a worker twice is recorded as an error."""
    try:
        return fut.result()
    except BrokenProcessPool:
        if job is None:
            raise
        for _ in range(2):
            try:
                return _submit(pool, job, options).result()
            except BrokenProcessPool:
                continue
        return _failed(job, "WorkerDied", "a worker process died on this document")
    except Exception as e:  # Dask reports a document that kills its workers as KilledWorker
        if job is None:
            raise
        return _failed(job, "WorkerDied", f"{type(e).__name__}: {e}")


def _write(result: Result, sink: Appender, summary: Summary) -> None:
    sink.write_line(result.line)
    summary.written += 1
    summary.errors += not result.ok
    summary.chars += result.chars
    if result.worker:
        mb = result.rss_kb / 1024
        summary.peak_rss_mb[result.worker] = max(mb, summary.peak_rss_mb.get(result.worker, 0.0))


def settings_path(out: Path) -> Path:
    """Where a batch output's settings are kept: beside it, ``<out>.settings.json``."""
    return out.with_name(out.name + ".settings.json")


def _check_settings(out: Path, options: BatchOptions) -> None:
    """Record the settings an output is made with; refuse to resume it with others,
    which would mix two kinds of result in one file without a trace."""
    from . import __version__

    wanted = {
        "schema_version": SCHEMA_VERSION,
        "use_model": options.use_model,
        "reference_date": options.reference_date,
    }
    path = settings_path(out)
    if path.exists():
        try:
            held = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            held = {}
        differ = sorted(k for k in wanted if held.get(k) != wanted[k])
        if differ and out.exists() and out.stat().st_size:
            shown = ", ".join(f"{k}={held.get(k)!r}" for k in differ)
            raise InputError(f"{out} was made with {shown}; resume it with the same settings or choose another --out")
    write_atomic(path, json.dumps({**wanted, "directive_nlp": __version__}, ensure_ascii=False) + "\n")


def run_batch(
    inputs: Iterable[str | Path],
    out: Path,
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    options: BatchOptions | None = None,
    on_progress: Callable[[Summary], Any] | None = None,
) -> Summary:
    """Extract every input into ``out`` (JSON Lines), resuming what ``out`` holds."""
    options = options or BatchOptions()
    specs = list(inputs)
    t0 = time.perf_counter()
    _check_settings(out, options)
    done = recover(out)
    summary = Summary(total=count_inputs(specs), resumed_lines=done.lines, truncated_bytes=done.truncated_bytes)
    with open_pool(workers, scheduler, warm_up) as pool, Appender(out) as sink:
        window = pool.slots * IN_FLIGHT_PER_SLOT
        pending: deque[Pending] = deque()

        def flush(keep: int) -> None:
            while len(pending) > keep:
                job, fut = pending.popleft()
                _write(_resolve(pool, job, fut, options), sink, summary)
                summary.seconds = time.perf_counter() - t0
                if on_progress:
                    on_progress(summary)

        for path in iter_inputs(specs):
            prepared = _prepare(path, done, summary)
            if prepared is None:
                if on_progress:
                    on_progress(summary)
                continue
            if isinstance(prepared, Result):
                pending.append((None, _ready(prepared)))
            else:
                pending.append((prepared, _submit(pool, prepared, options)))
            flush(window)
        flush(0)
    summary.seconds = time.perf_counter() - t0
    return summary
