"""Typed records, one per pipeline stage (raw page -> document -> event).

Pure data: no I/O, no Prefect, no DuckDB. Every stage hands the next one of these.
"""
from __future__ import annotations

import datetime as dt
import functools
import hashlib
from dataclasses import dataclass, field
from typing import Any

PRECISIONS = ("day", "month", "year", "none")
DATE_SOURCES = ("explicit", "relative", "publication", "none")


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def doc_id_for(url: str) -> str:
    """A document's id: derived from the address it was read from, so a reload is an upsert."""
    return "d_" + sha256_hex(url.strip())[:20]


@dataclass(frozen=True)
class RawPage:
    """What one fetch (or file read) returned: bytes plus HTTP metadata. Landed immutably by content hash."""

    source_id: str
    url: str                      # the address asked for (http(s) URL or file:// URI)
    final_url: str                # after redirects
    status: int                   # HTTP status (200 for files)
    content_type: str | None
    body: bytes
    fetched_at: dt.datetime
    headers: dict[str, str] = field(default_factory=dict)
    # feed context: when a feed item's page could not be fetched, the item's own content is used
    feed_title: str | None = None
    feed_published: dt.datetime | None = None

    @functools.cached_property
    def content_hash(self) -> str:
        # computed once per page (the incremental check and parse_document both ask); frozen fields, so
        # the value cannot go stale (cached_property writes the instance __dict__, not through __setattr__)
        return sha256_hex(self.body)


@dataclass(frozen=True)
class Document:
    """A parsed article: main text without boilerplate, plus metadata."""

    doc_id: str
    source_id: str
    url: str                      # where it was read from (fetched URL, file:// URI, or feed item link)
    canonical_url: str | None
    title: str | None
    author: str | None
    published_at: dt.date | None
    published_precision: str      # day | month | year | none
    language: str | None
    text: str
    content_hash: str             # hash of the raw bytes this was parsed from
    text_hash: str                # hash of `text`
    parser: str                   # e.g. "trafilatura-2.3.1" or "plain"


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str                     # USD, EUR, RUB, tonnes, percent, people, km, ...
    text: str                     # as written, e.g. "$ 987.9 million"


@dataclass(frozen=True)
class Event:
    """One coded event, traceable to its sentence. Offsets index Document.text."""

    doc_id: str
    sentence_index: int
    start_char: int               # sentence start in Document.text
    end_char: int                 # sentence end in Document.text
    evidence: str                 # == Document.text[start_char:end_char]
    actor1: str | None            # actor codes (KAZ, TALIBAN, ISKP, ...); None when unnamed
    actor2: str | None
    event_type: str               # PLOVER root type, upper case
    mode: str | None              # e.g. visit, phone, multilateral, firearms
    event_date: dt.date | None
    date_precision: str           # day | month | year | none
    date_source: str              # explicit | relative | none
    date_text: str | None         # the words the date came from
    quantity_value: float | None = None
    quantity_unit: str | None = None
    quantity_text: str | None = None
    fatalities: int | None = None
    location: str | None = None
    location_country: str | None = None
    trigger: str | None = None    # the words that signalled the event type
    actor1_text: str | None = None
    actor2_text: str | None = None
    confidence: float = 0.5
    coder_version: str = ""
    status: str = "asserted"      # asserted | negated | hypothetical | planned (only asserted reach timelines)

    def fingerprint(self) -> str:
        """Stable across re-extraction: the document, the sentence text and the coding (not offsets)."""
        key = "|".join([
            self.doc_id, " ".join(self.evidence.split()).lower(), self.event_type,
            self.actor1 or "", self.actor2 or "",
        ])
        return "f_" + sha256_hex(key)[:20]

    def event_id(self) -> str:
        """Unique per document, sentence and full coding (date and quantity included)."""
        key = "|".join([
            self.fingerprint(), str(self.event_date or ""), self.date_precision,
            "" if self.quantity_value is None else repr(float(self.quantity_value)), self.quantity_unit or "",
            self.mode or "",
        ])
        return "e_" + sha256_hex(key)[:20]

    def as_row(self) -> dict[str, Any]:
        from dataclasses import asdict

        row = asdict(self)
        row["event_id"] = self.event_id()
        row["fingerprint"] = self.fingerprint()
        return row
