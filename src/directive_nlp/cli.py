"""The command line: a thin shell over the library. Parses arguments, calls it, prints.

Bad input gives one line on stderr and a non-zero exit; output files are written
atomically (a temporary file renamed into place), so a failure never leaves half a file.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

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


def write_atomic(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder."""
    path = path.resolve()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
        str, typer.Argument(help="The document (.txt, .md, .html, .docx; .pdf with the pdf extra); '-' reads stdin.")
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
        list[Path], typer.Argument(help="Files or folders (folders are searched for .txt/.md/.html/.docx/.pdf).")
    ],
    out_dir: Annotated[Path, typer.Option("-o", "--out-dir", help="Folder for one <name>.json per input.")],
    workers: Annotated[int, typer.Option("--workers", "-j", help="Processes to use.")] = 1,
    reference_date: Annotated[str | None, typer.Option("--reference-date")] = None,
    no_model: Annotated[bool, typer.Option("--no-model")] = False,
) -> None:
    """Extract many directives; one JSON file each, failures listed in errors.jsonl."""
    from .batch import run_batch

    ref = _check_date(reference_date)
    out_dir.mkdir(parents=True, exist_ok=True)
    summary = run_batch(inputs, out_dir, workers=workers, reference_date=ref, use_model=not no_model)
    typer.echo(f"{summary.ok} extracted, {summary.failed} failed, {summary.seconds:.1f}s", err=True)
    if summary.failed and not summary.ok:
        raise typer.Exit(EXIT_BAD_INPUT)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
