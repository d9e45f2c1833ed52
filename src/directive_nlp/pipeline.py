"""The pipeline: normalize → header → closing and sections → mentions → tasks → model.

Each stage is a pure function of the previous stages' values. The CLI, batch
processing and the spaCy component all call :func:`extract`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .closing import Closing, find_closing
from .header import HeaderResult, parse_header
from .normalize import Normalized, normalize
from .schema import Deadline, Document, LegalReference, Recipient, Section, Signer, Source, Zone
from .sections import find_sections
from .zones import Zones, find_zones


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
    zones: Zones
    head: HeaderResult
    closing: Closing
    layout: Layout
    sections: list[Section]
    references: list[LegalReference]
    deadlines: list[Deadline]


def run_stages(text: str, opts: Options) -> Stages:
    """normalize → zones → header → closing → sections → references → deadlines."""
    norm = normalize(text)
    zones = find_zones(norm.text)
    head = parse_header(norm.text, zones, signed_at=norm.signed_at)
    closing = find_closing(norm.text, zones, head.header.addressees)
    layout = _layout(norm, zones, closing)
    sections = find_sections(norm.text, layout.regions, layout.skip)
    references = _references(norm.text, zones, head.own_number_spans)
    deadlines = _deadlines(norm.text, zones, head, references, opts)
    return Stages(norm, zones, head, closing, layout, sections, references, deadlines)


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
    tasks = _tasks(norm.text, head, st.layout, sections, references, deadlines, opts) if st.zones.is_document else []
    warnings = list(norm.warnings) + head.warnings
    if not st.zones.is_document:
        warnings.append("not an administrative document (a question-and-answer or news page, or a blank form)")
    signer = closing.signer
    if not signer.name and head.listed_signer:
        signer = Signer(name=head.listed_signer)  # a page with no signature block: its metadata table's 'Người ký'
    elif st.zones.is_document and not signer.name:
        warnings.append("no signer name found")
    doc = Document(
        source=source or Source(),
        header=head.header,
        sections=sections,
        recipients=recipients,
        signer=signer,
        legal_references=references,
        deadlines=deadlines,
        tasks=tasks,
        zones=[Zone(kind=z.kind, start=z.start, end=z.end) for z in st.zones.zones],  # type: ignore[arg-type]
        kind="document" if st.zones.is_document else "not_a_document",
        text=norm.text,
        warnings=warnings,
    )
    return Document.model_validate(doc.model_dump())


def _layout(norm: Normalized, zones: Zones, closing: Closing) -> Layout:
    """The regions later stages read (the body and each attachment) and the spans inside them they skip
    (page furniture, footnotes, the closing's recipients and signer)."""
    regions = [(z.start, z.end, "main" if z.kind == "body" else "attachment") for z in zones.of("body", "attachment")]
    skip = [(z.start, z.end) for z in zones.of("furniture", "metadata", "closing")] + list(closing.spans)
    if norm.footnotes_start is not None:
        skip.append((norm.footnotes_start, len(norm.text)))
    body = zones.span("body")
    body_start = body[0] if body else (regions[0][0] if regions else len(norm.text))
    body_end = body[1] if body else body_start
    attachment = zones.first("attachment")
    return Layout(body_start, body_end, attachment.start if attachment else None, skip, regions)


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


def _outside_document(zones: Zones) -> list[tuple[int, int]]:
    return [(z.start, z.end) for z in zones.of("furniture", "metadata")]


def _references(text: str, zones: Zones, own: list[tuple[int, int]]) -> list[LegalReference]:
    from .references import find_references

    return find_references(text, exclude=own + _outside_document(zones))


def _deadlines(text: str, zones: Zones, head: HeaderResult, references: list[LegalReference], opts: Options):  # type: ignore[no-untyped-def]
    """Deadlines of the body and attachments: never the header's, the legal bases', the closing's or the page's."""
    from .deadlines import find_deadlines

    exclude = [(r.start, r.end) for r in references] + head.own_number_spans + _outside_document(zones)
    exclude += [(z.start, z.end) for z in zones.of("header", "preamble", "closing")]
    if head.date_span:
        exclude.append(head.date_span)
    return find_deadlines(
        text, issued_date=head.header.issued_date, reference_date=opts.reference_date, exclude=exclude
    )


def _tasks(text, head, layout, sections, references, deadlines, opts):  # type: ignore[no-untyped-def]
    from .tasks import assemble_tasks

    return assemble_tasks(text, head.header, layout, sections, references, deadlines, use_model=opts.use_model)
