"""Flat tables of batch output, for pandas, Polars and DuckDB: documents, tasks,
actors, deadlines, legal_references, recipients. Pure functions from one output
record (the parsed JSON line, a document or an error record) to rows; every row
carries the document's ``sha256``, the key that joins the tables."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Row = dict[str, Any]

# column name → type ("string", "int", "float", "bool", "date", "strings"); the order is the table's
COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "sha256": "string", "file": "string", "format": "string", "encoding": "string", "bytes": "int",
        "issuer": "string", "issuer_parent": "string", "number": "string", "doc_type": "string",
        "doc_type_name": "string", "issued_date": "date", "place": "string", "subject": "string",
        "urgency": "string", "confidentiality": "string", "signer_authority": "string",
        "signer_title": "string", "signer_name": "string", "n_sections": "int", "n_tasks": "int",
        "n_deadlines": "int", "n_legal_references": "int", "n_recipients": "int", "chars": "int",
        "warnings": "strings", "error_type": "string", "error_message": "string",
    },
    "tasks": {
        "sha256": "string", "task_id": "string", "section_id": "string", "text": "string",
        "lead": "string", "deadline_text": "string", "deadline_value": "string", "deadline_date": "date",
        "deadline_grain": "string", "deadline_relation": "string", "recurrence": "string",
        "n_actors": "int", "n_legal_references": "int", "confidence": "float", "start": "int", "end": "int",
    },
    "actors": {
        "sha256": "string", "task_id": "string", "name": "string", "normalized": "string",
        "role": "string", "source": "string", "start": "int", "end": "int",
    },
    "deadlines": {
        "sha256": "string", "text": "string", "value": "string", "date": "date", "grain": "string",
        "relation": "string", "recurrence": "string", "earliest": "date", "latest": "date",
        "anchor": "string", "start": "int", "end": "int",
    },
    "legal_references": {
        "sha256": "string", "text": "string", "doc_type": "string", "doc_type_name": "string",
        "number": "string", "year": "int", "code": "string", "canonical": "string", "date": "date",
        "issuer": "string", "malformed": "bool", "start": "int", "end": "int",
    },
    "recipients": {
        "sha256": "string", "text": "string", "name": "string", "purpose": "string",
        "archive": "bool", "members": "strings", "refers_to": "string", "start": "int", "end": "int",
    },
}  # fmt: skip


def _day(value: str | None) -> str | None:
    """The date part of an ISO date or date-time."""
    return value[:10] if value else None


def _document(rec: dict[str, Any], sha: str | None) -> Row:
    src, head, signer = rec.get("source") or {}, rec.get("header") or {}, rec.get("signer") or {}
    err = rec.get("error") or {}
    row: Row = {k: src.get(k) for k in ("file", "format", "encoding", "bytes")}
    row |= {k: head.get(k) for k in COLUMNS["documents"] if k in head}
    row |= {f"signer_{k}": signer.get(k) for k in ("authority", "title", "name")}
    for key in ("sections", "tasks", "deadlines", "legal_references", "recipients"):
        row[f"n_{key}"] = len(rec.get(key) or []) if not err else None
    row |= {
        "sha256": sha,
        "chars": len(rec["text"]) if "text" in rec else None,
        "warnings": rec.get("warnings") or [],
        "error_type": err.get("type"),
        "error_message": err.get("message"),
    }
    return row


def _task(task: dict[str, Any], sha: str | None) -> Row:
    dl = task.get("deadline") or {}
    actors = task.get("actors") or []
    lead = next((a.get("normalized") or a["name"] for a in actors if a.get("role") == "lead"), None)
    return {
        "sha256": sha, "task_id": task["id"], "section_id": task.get("section_id"), "text": task["text"],
        "lead": lead, "deadline_text": dl.get("text"), "deadline_value": dl.get("value"),
        "deadline_date": _day(dl.get("value")), "deadline_grain": dl.get("grain"),
        "deadline_relation": dl.get("relation"), "recurrence": task.get("recurrence"),
        "n_actors": len(actors), "n_legal_references": len(task.get("legal_references") or []),
        "confidence": task.get("confidence"), "start": task["start"], "end": task["end"],
    }  # fmt: skip


def rows(rec: dict[str, Any]) -> Iterator[tuple[str, Row]]:
    """(table name, row) for every row one output record contributes."""
    sha = (rec.get("source") or {}).get("sha256")
    yield "documents", _document(rec, sha)
    for task in rec.get("tasks") or []:
        yield "tasks", _task(task, sha)
        for actor in task.get("actors") or []:
            yield "actors", {"sha256": sha, "task_id": task["id"], **_pick(actor, "actors")}
    for dl in rec.get("deadlines") or []:
        yield "deadlines", {**_pick(dl, "deadlines"), "sha256": sha, "date": _day(dl.get("value"))}
    for ref in rec.get("legal_references") or []:
        yield "legal_references", {**_pick(ref, "legal_references"), "sha256": sha}
    for rcp in rec.get("recipients") or []:
        yield "recipients", {**_pick(rcp, "recipients"), "sha256": sha}


def _pick(obj: dict[str, Any], table: str) -> Row:
    return {k: obj.get(k) for k in COLUMNS[table] if k in obj}
