"""directive-nlp: Vietnamese government directives → validated JSON.

>>> from directive_nlp import extract
>>> doc = extract("Số: 04/CT-UBND ...")

Importing the package is cheap: the pipeline loads on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Document", "InputError", "__version__", "extract", "extract_file", "json_schema"]

if TYPE_CHECKING:
    from pathlib import Path

    from .errors import InputError
    from .schema import Document


def extract(text: str, *, reference_date: str | None = None, use_model: bool = True) -> Document:
    """Extract structure, references, deadlines and tasks from the text of one directive."""
    from .pipeline import Options
    from .pipeline import extract as run

    return run(text, options=Options(reference_date=reference_date, use_model=use_model))


def extract_file(path: str | Path, *, reference_date: str | None = None, use_model: bool = True) -> Document:
    """Like :func:`extract`, for a file (.txt, .md, .html, .docx, .pdf with a text layer)."""
    from .pipeline import Options
    from .pipeline import extract as run
    from .reading import read_path

    text, source = read_path(path)
    return run(text, source=source, options=Options(reference_date=reference_date, use_model=use_model))


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the output."""
    from .schema import Document

    return Document.model_json_schema()


def __getattr__(name: str) -> Any:
    if name == "Document":
        from .schema import Document

        return Document
    if name == "InputError":
        from .errors import InputError

        return InputError
    raise AttributeError(name)
