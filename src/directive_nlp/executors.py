"""Where batch work runs: local worker processes, or a Dask distributed cluster.

Both are handed back as a :class:`concurrent.futures.Executor` (Dask's through
``Client.get_executor``), so the batch has one code path and a user who outgrows one
machine changes one flag. Dask is imported only when a scheduler is named.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .errors import InputError

CONNECT_TIMEOUT = "10s"  # how long to try reaching a Dask scheduler


class InlineExecutor(Executor):
    """Runs each call at submit time in this process: one worker, no pickling."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        fut: Future[Any] = Future()
        try:
            fut.set_result(fn(*args, **kwargs))
        except BaseException as e:  # the future carries it, as a pool's would
            fut.set_exception(e)
        return fut


@dataclass
class Pool:
    executor: Executor
    slots: int  # how many calls can run at once
    kind: str  # "inline", "processes" or "dask"
    factory: Callable[[], Executor] | None = None  # makes a fresh executor after a crash

    def renew(self) -> None:
        """Replace a broken process pool (a worker died) with a new one."""
        if self.factory is None:
            raise RuntimeError(f"a {self.kind} pool cannot be renewed")
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self.factory()


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _process_pool(workers: int, initializer: Callable[[], None] | None) -> ProcessPoolExecutor:
    """Workers forked from this process where the platform forks (no ``__main__``
    guard needed in a user's script, and data and model already loaded here are
    shared copy-on-write); spawned elsewhere."""
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=initializer)
    # start every worker now, before a caller's progress thread runs
    for f in [pool.submit(os.getpid) for _ in range(workers)]:
        f.result()
    return pool


@contextmanager
def open_pool(
    workers: int | None = None, scheduler: str | None = None, initializer: Callable[[], None] | None = None
) -> Iterator[Pool]:
    """An executor for the batch: Dask when ``scheduler`` is an address, else
    ``workers`` local processes (default: the usable cores; 1 runs in this process)."""
    if scheduler:
        yield from _dask_pool(scheduler)
        return
    n = workers or default_workers()
    if initializer:
        initializer()  # in this process too: forked workers inherit it warm
    if n <= 1:
        yield Pool(InlineExecutor(), 1, "inline")
        return
    pool = Pool(_process_pool(n, initializer), n, "processes", lambda: _process_pool(n, initializer))
    try:
        yield pool
    finally:
        pool.executor.shutdown(wait=True, cancel_futures=True)


def _dask_pool(address: str) -> Iterator[Pool]:
    try:
        from distributed import Client
    except ImportError:
        raise InputError("--scheduler needs Dask: pip install 'directive-nlp[dask]'") from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise InputError(f"cannot reach the Dask scheduler at {address} ({type(e).__name__})") from None
    try:
        threads = sum(client.nthreads().values()) or 1
        yield Pool(client.get_executor(pure=False), threads, "dask")
    finally:
        client.close()
