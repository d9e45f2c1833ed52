"""The command line: a thin shell over the library. Parses arguments, calls it, prints.

Bad input gives one line on stderr and a non-zero exit; output files are written
atomically (a temporary file renamed into place), so a failure never leaves half a file.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from .atomic import write_atomic

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn Vietnamese government directives into validated JSON (structure, tasks, deadlines, references).",
)

EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 1


def _fail(message: str, code: int = EXIT_BAD_INPUT) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"not an ISO date (YYYY-MM-DD): {value!r}") from None


def _run_one(path: str, reference_date: str | None, use_model: bool) -> str:
    """Extract one input ('-' = stdin) and return its JSON; raises InputError."""
    from .pipeline import Options, extract
    from .reading import read_bytes, read_path

    if path == "-":
        text, source = read_bytes(sys.stdin.buffer.read(), None)
    else:
        text, source = read_path(path)
    doc = extract(text, source=source, options=Options(reference_date=reference_date, use_model=use_model))
    return doc.model_dump_json()


@app.command()
def extract(
    file: Annotated[
        str, typer.Argument(help="The document (.txt, .md, .html, .docx, .pdf with a text layer); '-' reads stdin.")
    ],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the JSON here (atomically) instead of stdout.")
    ] = None,
    pretty: Annotated[bool, typer.Option("--pretty", help="Indent the JSON.")] = False,
    reference_date: Annotated[
        str | None,
        typer.Option("--reference-date", help="ISO date anchoring relative deadlines (default: the issue date)."),
    ] = None,
    no_model: Annotated[bool, typer.Option("--no-model", help="Rules alone, without the statistical model.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback on internal errors.")] = False,
) -> None:
    """Extract one directive and print its JSON."""
    from .errors import InputError

    ref = _check_date(reference_date)
    try:
        out = _run_one(file, ref, not no_model)
    except InputError as e:
        raise _fail(f"{file}: {e}") from None
    except Exception as e:  # an internal fault: one line, unless --debug
        if debug:
            raise
        raise _fail(f"{file}: internal error ({type(e).__name__}: {e})", EXIT_INTERNAL) from None
    if pretty:
        out = json.dumps(json.loads(out), ensure_ascii=False, indent=2)
    if output is None:
        sys.stdout.write(out + "\n")
    else:
        try:
            write_atomic(output, out + "\n")
        except OSError as e:
            raise _fail(f"cannot write {output}: {e.strerror}") from None


@app.command()
def schema(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the schema here instead of stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of the output."""
    from . import json_schema

    text = json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)


@app.command()
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Folders (searched for .txt/.md/.html/.docx/.pdf), glob patterns or files."),
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="JSON Lines output; an existing one is resumed, not overwritten.")
    ],
    parquet: Annotated[
        Path | None, typer.Option("--parquet", help="Also write flat tables as Parquet files into this folder.")
    ] = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-j", min=1, help="Local worker processes (default: all cores).")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Run on a Dask cluster instead: tcp://host:8786.")
    ] = None,
    reference_date: Annotated[
        str | None, typer.Option("--reference-date", help="ISO date anchoring relative deadlines in every document.")
    ] = None,
    no_model: Annotated[bool, typer.Option("--no-model", help="Rules alone, without the statistical model.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress display.")] = False,
) -> None:
    """Extract a whole archive into one JSON line per document, in parallel; resumable."""
    from .batch import BatchOptions, run_batch
    from .errors import InputError
    from .progress import BatchProgress

    options = BatchOptions(_check_date(reference_date), not no_model)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with BatchProgress(enabled=not quiet) as progress:
            summary = run_batch(
                inputs, out, workers=workers, scheduler=scheduler, options=options, on_progress=progress.update
            )
        if parquet is not None:
            from .parquet_out import write_parquet

            write_parquet(out, parquet)
    except InputError as e:
        raise _fail(str(e)) from None
    except OSError as e:
        raise _fail(f"{e.filename or out}: {e.strerror}") from None
    typer.echo(summary_line(summary), err=True)
    if summary.errors and summary.errors == summary.written and not summary.skipped:
        raise typer.Exit(EXIT_BAD_INPUT)


def summary_line(summary: Any) -> str:
    rate = summary.written / summary.seconds if summary.seconds else 0.0
    parts = [
        f"{summary.written - summary.errors} extracted",
        f"{summary.errors} errors",
        f"{summary.skipped} skipped (already done or duplicate)",
        f"{summary.seconds:.1f}s, {rate:.1f} docs/s",
    ]
    if summary.truncated_bytes:
        parts.append(f"cut a partial last line ({summary.truncated_bytes} bytes) before resuming")
    return ", ".join(parts)


@app.command()
def export(
    results: Annotated[Path, typer.Argument(help="A JSON Lines output of `batch`.")],
    parquet: Annotated[Path, typer.Argument(help="Folder for the Parquet tables.")],
) -> None:
    """Write the flat tables (documents, tasks, actors, deadlines, ...) of a batch output as Parquet."""
    from .errors import InputError
    from .parquet_out import write_parquet

    if not results.is_file():
        raise _fail(f"no such file: {results}")
    try:
        counts = write_parquet(results, parquet)
    except InputError as e:
        raise _fail(str(e)) from None
    except ValueError as e:
        raise _fail(f"{results} is not a batch output ({type(e).__name__})") from None
    typer.echo(", ".join(f"{n} {t}" for t, n in counts.items()), err=True)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
