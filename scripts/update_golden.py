#!/usr/bin/env python3
"""Regenerate tests/golden/*.json from a few corpus documents (one per layout).

Run after an intended change, then review `git diff tests/golden` like any other diff.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = [
    "c1-ct-ttg-2016-phong-chay-chua-chay-rung.txt",  # A: markdown tables
    "c3-tb-bldtbxh-2019-ket-luan-giao-ban-gdnn.txt",  # B: merged header lines
    "c3-cv-cucthue-bacninh-2022-quyet-toan-tncn-ocr.txt",  # C: OCR, hard wrap
    "c3-web-pgddt-haichau-2024-nhiem-vu-trong-tam-nam-hoc.txt",  # W: web page
    "c2-qd-ubnd-danang-2024-thoi-gian-nam-hoc.txt",  # M: decision with an attached plan
]


def summary(text: str) -> dict:
    """The reviewable projection of a document's extraction (no offsets, no long text)."""
    from directive_nlp import extract

    doc = extract(text)
    by_id = {s.id: s for s in doc.sections}
    return {
        "header": doc.header.model_dump(exclude={"start", "end"}),
        "signer": doc.signer.model_dump(exclude={"start", "end"}),
        "sections": [[s.label, by_id[s.parent_id].label if s.parent_id else ""] for s in doc.sections],
        "recipients": [[r.name, r.purpose, r.archive] for r in doc.recipients],
        "legal_references": [r.canonical or f"{r.doc_type} {r.number}" for r in doc.legal_references],
        "deadlines": [[d.text, d.value] for d in doc.deadlines],
        "tasks": [
            {
                "text": t.text[:90],
                "actors": [[a.name, a.role, a.source] for a in t.actors],
                "deadline": t.deadline.value if t.deadline else None,
            }
            for t in doc.tasks
        ],
    }


def main() -> int:
    out = ROOT / "tests" / "golden"
    out.mkdir(exist_ok=True)
    for name in DOCS:
        text = (ROOT / "corpus" / "docs" / name).read_text(encoding="utf-8")
        path = out / (name.removesuffix(".txt") + ".json")
        path.write_text(json.dumps(summary(text), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
