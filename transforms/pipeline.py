"""The pure middle of a refresh: raw pages -> documents -> events, with the incremental rules.

No I/O here: the flow fetches and lands the bytes, this decides what to parse and code, and the
warehouse loads the result. The same function runs in-process or on a Dask worker.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from transforms.coder import CODER_VERSION, code_document
from transforms.errors import ParseError
from transforms.models import Document, Event, RawPage, doc_id_for
from transforms.parse import parse_document


@dataclass
class PageResult:
    url: str
    doc_id: str
    action: str                   # parsed | unchanged | metadata | failed
    error: str | None = None


@dataclass
class ProcessResult:
    documents: list[Document] = field(default_factory=list)
    events: dict[str, list[Event]] = field(default_factory=dict)   # doc_id -> complete new event list
    pages: list[PageResult] = field(default_factory=list)
    non_asserted: int = 0

    def count(self, action: str) -> int:
        return sum(1 for p in self.pages if p.action == action)


def process_pages(pages: list[RawPage], known_docs: dict[str, dict], *, force: bool = False,
                  coder_version: str = CODER_VERSION) -> ProcessResult:
    """Parse and code a batch of landed pages.

    known_docs: doc_id -> {"content_hash", "text_hash", "coder_version"} from the warehouse.
    A page whose bytes and the coder are unchanged is skipped; a page whose bytes changed but whose
    text did not only refreshes the document's metadata; otherwise its events are re-extracted and
    replace the old ones. `force` re-parses and re-codes everything (reprocess).
    """
    result = ProcessResult()
    for raw in pages:
        doc_id = doc_id_for(raw.url)
        known = known_docs.get(doc_id) or {}
        same_coder = known.get("coder_version") == coder_version
        if not force and known.get("content_hash") == raw.content_hash and same_coder:
            result.pages.append(PageResult(raw.url, doc_id, "unchanged"))
            continue
        try:
            doc = parse_document(raw)
        except ParseError as exc:
            result.pages.append(PageResult(raw.url, doc_id, "failed", f"parse: {exc}"))
            continue
        result.documents.append(doc)
        if not force and known.get("text_hash") == doc.text_hash and same_coder:
            result.pages.append(PageResult(raw.url, doc_id, "metadata"))
            continue
        try:
            events = code_document(doc)
        except Exception as exc:  # the coder must never take a run down; record and go on
            result.documents.pop()
            result.pages.append(PageResult(raw.url, doc_id, "failed", f"coder: {type(exc).__name__}: {exc}"))
            continue
        asserted = [e for e in events if e.status == "asserted"]
        result.non_asserted += len(events) - len(asserted)
        result.events[doc_id] = events
        result.pages.append(PageResult(raw.url, doc_id, "parsed"))
    return result
