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
