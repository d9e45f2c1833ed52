"""The batch output: a JSON Lines file that is only ever appended in whole lines, and
read back on a restart to learn which documents are already done.

A run killed at any moment leaves at most one partial last line (a ``write`` cut
short); :func:`recover` cuts it off. Every complete line names its document's sha256
first (``{"schema_version":..,"source":{"file":..,"sha256":"…"``), so the done-set is
read with a regular expression on each line's opening bytes, never a full parse.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

_SHA = re.compile(rb'"sha256":"([0-9a-f]{64})"')
_HEAD = 16384  # bytes of a line searched for its sha256 (the source object comes first)


@dataclass
class Done:
    """What an existing output already holds."""

    shas: set[str] = field(default_factory=set)
    files: set[str] = field(default_factory=set)  # error records of unreadable files (no sha256)
    lines: int = 0
    truncated_bytes: int = 0


def _cut_partial_tail(path: Path) -> int:
    """Truncate ``path`` after its last newline; returns how many bytes were cut."""
    size = path.stat().st_size
    if size == 0:
        return 0
    with path.open("rb+") as fh:
        pos = size
        while pos > 0:
            step = min(65536, pos)
            fh.seek(pos - step)
            chunk = fh.read(step)
            nl = chunk.rfind(b"\n")
            if nl >= 0:
                keep = pos - step + nl + 1
                break
            pos -= step
        else:
            keep = 0
        if keep < size:
            fh.truncate(keep)
        return size - keep


def recover(path: Path) -> Done:
    """Make ``path`` end in a whole line and collect the documents it holds."""
    done = Done()
    if not path.exists():
        return done
    done.truncated_bytes = _cut_partial_tail(path)
    with path.open("rb") as fh:
        for line in fh:
            done.lines += 1
            m = _SHA.search(line, 0, _HEAD)
            if m:
                done.shas.add(m.group(1).decode())
                continue
            try:
                source = json.loads(line).get("source") or {}
            except (ValueError, AttributeError):
                continue
            if source.get("file"):
                done.files.add(str(source["file"]))
    return done


class Appender:
    """Append whole lines to a file: each line goes out in one unbuffered write."""

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._since_sync = 0

    def write_line(self, line: str) -> None:
        data = (line.rstrip("\n") + "\n").encode("utf-8")
        view = memoryview(data)
        while view:
            n = os.write(self._fd, view)
            view = view[n:]
        self._since_sync += 1
        if self._since_sync >= 200:
            os.fsync(self._fd)
            self._since_sync = 0

    def close(self) -> None:
        if self._fd >= 0:
            os.fsync(self._fd)
            os.close(self._fd)
            self._fd = -1

    def __enter__(self) -> Appender:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
