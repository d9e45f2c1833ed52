"""The pipeline: normalize → header → closing and sections → mentions → tasks → model.

Each stage is a pure function of the previous stages' values. The CLI, batch
processing and the spaCy component all call :func:`extract`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .closing import Closing, find_closing
from .header import HeaderResult, parse_header
from .normalize import Normalized, normalize
from .schema import Deadline, Document, LegalReference, Recipient, Section, Source
from .sections import find_sections


@dataclass(frozen=True)
class Options:
    reference_date: str | None = None  # ISO date anchoring relative deadlines (default: the issue date)
    use_model: bool = True  # rules plus the statistical model; False runs the rules alone


@dataclass
class Layout:
    """Where the parts of the document are: used by the later stages."""

    body_start: int
    body_end: int
    attachment_start: int | None
    skip: list[tuple[int, int]] = field(default_factory=list)  # recipients, signer, footnotes
    regions: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass
class Stages:
    """Everything the stages before the task stage produced for one document."""

    norm: Normalized
    head: HeaderResult
    closing: Closing
    layout: Layout
    sections: list[Section]
    references: list[LegalReference]
    deadlines: list[Deadline]


def run_stages(text: str, opts: Options) -> Stages:
    """normalize → header → closing → sections → references → deadlines."""
    norm = normalize(text)
    head = parse_header(norm.text, signed_at=norm.signed_at)
    closing = find_closing(norm.text, head.body_start, head.header.addressees)
    layout = _layout(norm.text, head.body_start, closing.body_end, closing.attachment_start, closing.spans)
    if norm.footnotes_start is not None:
        layout.skip.append((norm.footnotes_start, len(norm.text)))
    sections = find_sections(norm.text, layout.regions, layout.skip)
    references = _references(norm.text, head.own_number_spans)
    deadlines = _deadlines(norm.text, head, references, opts)
    return Stages(norm, head, closing, layout, sections, references, deadlines)


def extract(text: str, *, source: Source | None = None, options: Options | None = None) -> Document:
    """Turn the text of one directive into a validated :class:`Document`."""
    opts = options or Options()
    st = run_stages(text, opts)
    norm, head, closing, sections, references, deadlines = (
        st.norm,
        st.head,
        st.closing,
        st.sections,
        st.references,
        st.deadlines,
    )
    recipients = _resolve_article_refs(closing.recipients, sections, norm.text)
    tasks = _tasks(norm.text, head, st.layout, sections, references, deadlines, opts)
    warnings = list(norm.warnings) + head.warnings
    if not closing.signer.name:
        warnings.append("no signer name found")
    doc = Document(
        source=source or Source(),
        header=head.header,
        sections=sections,
        recipients=recipients,
        signer=closing.signer,
        legal_references=references,
        deadlines=deadlines,
        tasks=tasks,
        text=norm.text,
        warnings=warnings,
    )
    return Document.model_validate(doc.model_dump())


def _layout(text: str, body_start: int, body_end: int, attachment: int | None, spans: list[tuple[int, int]]) -> Layout:
    regions = [(body_start, max(body_start, body_end), "main")]
    if attachment is not None and attachment >= body_end:
        regions.append((attachment, len(text), "attachment"))
    return Layout(body_start, body_end, attachment, list(spans), regions)


def _resolve_article_refs(recipients: list[Recipient], sections: list[Section], text: str) -> list[Recipient]:
    """'Như Điều 3' → the bodies that article makes responsible."""
    out = []
    for r in recipients:
        if r.refers_to and r.refers_to.startswith("Điều"):
            art = next((s for s in sections if s.kind == "article" and s.label == r.refers_to), None)
            if art is not None:
                r = r.model_copy(update={"members": _article_bodies(text[art.body_start : art.end])})
        out.append(r)
    return out


def _article_bodies(article: str) -> list[str]:
    import re

    m = re.search(r"\b(chịu trách nhiệm|có trách nhiệm|chịu trách nhiệm thi hành|tổ chức thực hiện)\b", article)
    head = article[: m.start()] if m else article
    parts = [p.strip(" ,.;") for p in re.split(r";", head) if p.strip(" ,.;")]
    return parts


def _references(text: str, own: list[tuple[int, int]]) -> list[LegalReference]:
    try:
        from .references import find_references
    except ImportError:
        return []
    return find_references(text, exclude=own)


def _deadlines(text, head, references, opts):  # type: ignore[no-untyped-def]
    try:
        from .deadlines import find_deadlines
    except ImportError:
        return []
    exclude = [(r.start, r.end) for r in references] + head.own_number_spans
    if head.date_span:
        exclude.append(head.date_span)
    return find_deadlines(
        text, issued_date=head.header.issued_date, reference_date=opts.reference_date, exclude=exclude
    )


def _tasks(text, head, layout, sections, references, deadlines, opts):  # type: ignore[no-untyped-def]
    try:
        from .tasks import assemble_tasks
    except ImportError:
        return []
    return assemble_tasks(text, head.header, layout, sections, references, deadlines, use_model=opts.use_model)
