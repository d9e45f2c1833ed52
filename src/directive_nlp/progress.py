"""The batch progress display (rich), on stderr and only on a terminal: files done
out of all, documents per second, errors so far, time left."""

from __future__ import annotations

import sys
from typing import Any


class BatchProgress:
    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> BatchProgress:
        if self.enabled:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self._progress = Progress(
                TextColumn("[bold]batch"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f} docs/s"),
                TextColumn("{task.fields[errors]} errors"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("batch", total=None, rate=0.0, errors=0)
        return self

    def update(self, summary: Any) -> None:
        if self._progress is None:
            return
        done = summary.written + summary.skipped
        rate = summary.written / summary.seconds if summary.seconds else 0.0
        self._progress.update(self._task, total=summary.total, completed=done, rate=rate, errors=summary.errors)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()
