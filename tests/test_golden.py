"""Whole documents of the project's corpus against reviewed golden output
(regenerate with scripts/update_golden.py and review the diff)."""

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from update_golden import DOCS, summary  # noqa: E402


@pytest.mark.parametrize("name", DOCS)
def test_golden(name):
    text = (ROOT / "corpus" / "docs" / name).read_text(encoding="utf-8")
    expected = json.loads(
        (ROOT / "tests" / "golden" / (name.removesuffix(".txt") + ".json")).read_text(encoding="utf-8")
    )
    assert summary(text) == expected
