"""Load the package's data files once. Data lives in ``directive_nlp/data/*.json``."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """Parse ``data/<name>`` (JSON) from the installed package; cached for the process."""
    path = resources.files("directive_nlp") / "data" / name
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)
