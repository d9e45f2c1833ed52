"""Stage 2 — zones: where the page's furniture and metadata are, and where the document's header,
preamble, body, closing and attachments are. Every later stage reads only the zones it belongs to."""

from .find import DOCUMENT_KINDS, Zone, Zones, find_zones

__all__ = ["DOCUMENT_KINDS", "Zone", "Zones", "find_zones"]
