"""Write the flat tables (:mod:`tables`) of a batch output as Parquet files, one per
table, streaming the JSON Lines in chunks so memory stays flat. Each file is written
under a temporary name and renamed into place, so a reader never sees half a file."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError
from .tables import COLUMNS, Row, rows

CHUNK_DOCS = 2000


def _arrow_schema(table: str) -> Any:
    import pyarrow as pa

    types = {
        "string": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "date": pa.date32(),
        "strings": pa.list_(pa.string()),
    }
    return pa.schema([(name, types[kind]) for name, kind in COLUMNS[table].items()])


def _coerce(row: Row, table: str) -> Row:
    out: Row = {}
    for name, kind in COLUMNS[table].items():
        value = row.get(name)
        if kind == "date" and value is not None:
            try:
                value = date.fromisoformat(value[:10])
            except ValueError:
                value = None
        out[name] = value
    return out


def write_parquet(jsonl: Path, out_dir: Path) -> dict[str, int]:
    """Tables of ``jsonl`` into ``out_dir/<table>.parquet``; returns rows per table."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("--parquet needs pyarrow: pip install 'directive-nlp[parquet]'") from None
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = {t: out_dir / f".{t}.parquet.tmp" for t in COLUMNS}
    writers = {t: pq.ParquetWriter(tmp[t], _arrow_schema(t), compression="zstd") for t in COLUMNS}
    counts = dict.fromkeys(COLUMNS, 0)
    buffers: dict[str, list[Row]] = {t: [] for t in COLUMNS}

    def flush() -> None:
        for t, buf in buffers.items():
            if buf:
                writers[t].write_table(pa.Table.from_pylist(buf, schema=_arrow_schema(t)))
                counts[t] += len(buf)
                buf.clear()

    try:
        with jsonl.open(encoding="utf-8") as fh:
            for i, line in enumerate(fh, 1):
                for table, row in rows(json.loads(line)):
                    buffers[table].append(_coerce(row, table))
                if i % CHUNK_DOCS == 0:
                    flush()
        flush()
        for w in writers.values():
            w.close()
        for t, path in tmp.items():
            os.replace(path, out_dir / f"{t}.parquet")
    finally:
        for w in writers.values():
            w.close()
        for path in tmp.values():
            path.unlink(missing_ok=True)
    return counts
