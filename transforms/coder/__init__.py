"""Caravan's rule-based event coder: Document -> list[Event] (pure; see docs/ARCHITECTURE.md)."""
from __future__ import annotations

CODER_VERSION = "0.21.0"

__all__ = ["CODER_VERSION", "code_document"]


def code_document(doc):
    """Code one document into events (only what the text asserts); see transforms.coder.pipeline."""
    from transforms.coder.pipeline import code_document as _code

    return _code(doc)
