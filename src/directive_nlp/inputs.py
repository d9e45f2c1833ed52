"""Which files a batch reads: folders (searched recursively, hidden entries skipped),
glob patterns ("archive/**/*.docx") and single files, each in a stable sorted order.
Generators throughout, so listing an archive of any size takes constant memory."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".docx", ".pdf"})
_GLOB_CHARS = frozenset("*?[")


def _walk(root: Path) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                yield Path(folder) / name


def iter_inputs(specs: Iterable[str | Path]) -> Iterator[Path]:
    """Every input file named by ``specs``; a name that matches nothing is yielded
    as is, so that the batch records it as an error instead of forgetting it."""
    for spec in specs:
        s = str(spec)
        p = Path(s)
        if p.is_dir():
            yield from _walk(p)
        elif _GLOB_CHARS & set(s) and not p.exists():
            for m in sorted(glob.iglob(s, recursive=True)):
                mp = Path(m)
                if mp.is_file():
                    yield mp
                elif mp.is_dir():
                    yield from _walk(mp)
        else:
            yield p


def count_inputs(specs: Iterable[str | Path]) -> int:
    return sum(1 for _ in iter_inputs(specs))
