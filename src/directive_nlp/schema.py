"""The output contract: Pydantic v2 models validated on the way out.

Field names marked "fixed" are read by other tools (the scorer, analysts' notebooks);
do not rename them. Every extracted thing carries ``start``/``end`` character offsets
into ``Document.text``, the normalized text the output carries.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


class Span(_Model):
    """A piece of the normalized text: ``text[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"end {self.end} < start {self.start}")
        return self


class Source(_Model):
    file: str | None = None
    sha256: str | None = None
    format: str = "text"
    encoding: str | None = None
    bytes: int | None = None


HeaderSource = Literal["header", "caption", "signature", "metadata", "lede"]


class Header(_Model):
    issuer: str | None = None  # the issuing body ("SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    issuer_parent: str | None = None  # the superior body line ("ỦY BAN NHÂN DÂN TỈNH AN GIANG")
    number: str | None = None  # fixed: "04/CT-UBND"
    doc_type: str | None = None  # fixed: official code ("CT", "QĐ", "CV" for a công văn)
    doc_type_name: str | None = None  # fixed: "Chỉ thị"
    issued_date: str | None = None  # fixed: ISO date
    issued_date_source: Literal["date_line", "signature", "caption", "metadata", "lede", None] = None
    place: str | None = None  # fixed
    subject: str | None = None  # fixed: trích yếu / "V/v ..."
    urgency: str | None = None  # KHẨN, THƯỢNG KHẨN, HỎA TỐC
    confidentiality: str | None = None  # MẬT, TỐI MẬT, TUYỆT MẬT
    addressees: list[str] = Field(default_factory=list)  # "Kính gửi:" list
    # where each field was read: "header" (the document's own header block), "caption" (an attachment's
    # "kèm theo ..." caption), "signature" (the signature stamp), "metadata" (the page's metadata table or
    # caption), "lede" (a news page's first sentence)
    sources: dict[str, HeaderSource] = Field(default_factory=dict)
    start: int | None = None
    end: int | None = None


class Section(Span):
    id: str  # fixed, unique in the document
    label: str  # fixed: as printed without trailing "." or ")": "I", "3", "a", "2.1", "Điều 1"
    level: int = Field(ge=1)  # fixed
    parent_id: str | None = None  # fixed
    kind: Literal["part", "chapter", "article", "roman", "letter_upper", "arabic", "multilevel", "letter", "bullet"]
    title: str | None = None  # fixed: the heading text, when the section has one
    is_heading: bool = False  # a heading ("I. NHIỆM VỤ") rather than an item whose body is content
    body_start: int = Field(ge=0)  # where the content after the label starts
    part: Literal["main", "attachment", "appendix"] = "main"


class Recipient(Span):
    text: str  # fixed: the line as printed
    name: str  # fixed: the recipient without purpose/punctuation
    purpose: str | None = None  # fixed: báo cáo, thực hiện, để biết, phối hợp, đăng công báo, ...
    archive: bool = False  # fixed: "Lưu: VT, ..."
    members: list[str] = Field(default_factory=list)  # fixed: expanded bodies
    refers_to: str | None = None  # "Như trên" → the Kính gửi list; "Như Điều 3" → that article


class Signer(_Model):
    authority: str | None = None  # fixed: KT, TM, TL, TUQ, Q
    on_behalf_of: str | None = None  # fixed
    title: str | None = None  # fixed
    name: str | None = None  # fixed
    start: int | None = None
    end: int | None = None


class LegalReference(Span):
    text: str
    doc_type: str | None = None  # code: LUẬT, NĐ, TT, TTLT, QĐ, NQ, CT, KL, KH, CV, ĐA, HD, TB, CTr, QyĐ, PL, TTr
    doc_type_name: str | None = None
    number: str | None = None  # "51"
    year: int | None = None
    code: str | None = None  # the symbol after the number/year: "TT-BGDĐT", "NQ/TW"
    canonical: str | None = None  # "51/2020/TT-BGDĐT", "29-NQ/TW"
    date: str | None = None  # ISO, when printed
    issuer: str | None = None  # when printed: "Bộ GDĐT"
    malformed: bool = False


Grain = Literal["minute", "hour", "day", "week", "month", "quarter", "year", "school_year"]
Relation = Literal["before", "by", "on", "from", "within", "until"]


class Deadline(Span):
    text: str
    value: str | None = None  # ISO date or date-time; null when it cannot be resolved
    grain: Grain | None = None
    relation: Relation | None = None
    recurrence: str | None = None  # daily, weekly, monthly, quarterly, yearly
    earliest: str | None = None  # the period the expression names: first day
    latest: str | None = None  # ... last day
    anchor: Literal["absolute", "document", "event"] | None = None


ActorRole = Literal["lead", "coordinate", "support"]
ActorSource = Literal["explicit", "item_lead", "heading", "preamble", "addressee", "assignment", "inherited"]


class Actor(_Model):
    name: str  # fixed: as printed
    normalized: str | None = None  # canonical form ("Ủy ban nhân dân tỉnh")
    role: ActorRole = "lead"
    source: ActorSource = "explicit"
    start: int | None = None  # offsets when the name is printed in the text
    end: int | None = None


class Task(Span):
    id: str  # fixed
    section_id: str | None = None  # fixed
    text: str  # fixed: the assignment as printed
    actors: list[Actor] = Field(default_factory=list)  # fixed
    deadline: Deadline | None = None  # fixed
    legal_references: list[LegalReference] = Field(default_factory=list)
    recurrence: str | None = None
    confidence: float = Field(ge=0.0, le=1.0)


ZoneKind = Literal["furniture", "metadata", "header", "preamble", "body", "closing", "attachment"]


class Zone(Span):
    """A part of the page: its furniture or metadata, or a part of the document."""

    kind: ZoneKind


class Document(_Model):
    schema_version: str = SCHEMA_VERSION
    # "document", or "not_a_document" for a page that is no administrative document (a Q&A or news
    # article, a blank form): its header stays empty and no tasks are read from it
    kind: Literal["document", "not_a_document"] = "document"
    source: Source = Field(default_factory=Source)
    header: Header = Field(default_factory=Header)
    sections: list[Section] = Field(default_factory=list)
    recipients: list[Recipient] = Field(default_factory=list)
    signer: Signer = Field(default_factory=Signer)
    legal_references: list[LegalReference] = Field(default_factory=list)
    deadlines: list[Deadline] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    zones: list[Zone] = Field(default_factory=list)
    text: str
    warnings: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _offsets_inside_text(self) -> Document:
        n = len(self.text)
        spans: list[Span] = [
            *self.sections,
            *self.recipients,
            *self.legal_references,
            *self.deadlines,
            *self.tasks,
            *self.zones,
        ]
        for s in spans:
            if s.end > n:
                raise ValueError(f"{type(s).__name__} ends at {s.end}, past the text ({n})")
        ids = [s.id for s in self.sections]
        if len(ids) != len(set(ids)):
            raise ValueError("section ids are not unique")
        return self
