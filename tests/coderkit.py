"""Short texts as Documents for the coder's tests (a plain module: pytest does not collect it)."""
from __future__ import annotations

import datetime as dt

from transforms.coder import code_document
from transforms.models import Document, doc_id_for, sha256_hex


def text_document(text: str, published: dt.date | None, name: str = "test-doc") -> Document:
    """`text` as a plain-text document read from file:///tmp/<name>.txt, published (at day precision) on `published`."""
    url = f"file:///tmp/{name}.txt"
    return Document(doc_id_for(url), "test", url, None, None, None, published, "day", "en", text,
                    sha256_hex(text), sha256_hex(text), "plain")


def triples(doc: Document) -> list[tuple]:
    """(actor1, actor2, event_type) of every event the coder finds in `doc`, in order."""
    return [(e.actor1, e.actor2, e.event_type) for e in code_document(doc)]


_DEFAULT = object()


class ModuleCoder:
    """One test module's shorthands for its texts: documents named `name`, published on `published` unless a
    call says otherwise. `doc` gives the Document, `events` the coder's Events, `coded` their triples (see
    `triples`), `types` the set of their event types and `dated` each event's parties, type and date."""

    def __init__(self, name: str, published: dt.date | None) -> None:
        self.name = name
        self.published = published

    def doc(self, text: str, published=_DEFAULT) -> Document:
        return text_document(text, self.published if published is _DEFAULT else published, self.name)

    def events(self, text: str, published=_DEFAULT) -> list:
        return code_document(self.doc(text, published))

    def coded(self, text: str, published=_DEFAULT) -> list[tuple]:
        return triples(self.doc(text, published))

    def types(self, text: str, published=_DEFAULT) -> set[str]:
        return {t for _, _, t in self.coded(text, published)}

    def dated(self, text: str, published=_DEFAULT) -> list[tuple]:
        """(actor1, actor2, type, date as text, precision) of each event."""
        return [(e.actor1, e.actor2, e.event_type, str(e.event_date), e.date_precision)
                for e in self.events(text, published)]
