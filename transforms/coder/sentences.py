"""Sentence splitting that keeps offsets into the original text.

Two steps, both offset-preserving:
1. `mask_footnotes(text)` blanks footnote markers glued to words or punctuation ("economy.1",
   "million)6", "policy3 under") with spaces, so the text keeps its length and every offset still
   indexes the original.
2. `split_sentences(text)` finds boundaries: paragraph breaks, and . ! ? (plus closing quotes or
   brackets) followed by space and an upper-case letter, digit, quote or bullet - except after
   abbreviations ("Dr.", "Dec.", "U.S."), initials ("J. Smith") and decimal points.
"""
from __future__ import annotations

import re

from transforms.coder._starts import starting as _starting

# a 1-3 digit marker glued to a lower-case word, a closing bracket/quote, or to sentence punctuation
# that follows a word (not a digit: "987.9 million" keeps its decimal), then space/end.
_FOOTNOTE = re.compile(
    r"(?:(?<=[a-z\)\]”’\"'])|(?<=[a-z\)\]”’\"'][.,;:]))(\d{1,3})(?=[\s,;:.)]|$)"
    r"|(?<=(?:19|20)\d\d\.)(\d{1,2})(?=\s*$|\s*\n|\s+[A-Z“\"‘])",
    re.M,
)
_FOOTNOTE_SCAN = _starting(_FOOTNOTE)
# words after which a full stop is not a sentence end
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col maj capt cmdr adm sgt st mt ft sen rep gov pres amb hon rev
jan feb mar apr jun jul aug sep sept oct nov dec vs etc approx est dept univ inc ltd co corp
fig figs vol pp ed eds al cf ie eg viz
""".split())
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9•\-–])|\n\s*\n|\n")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
# two- or three-letter initials that transliterate one Cyrillic/Perso-Arabic sound ("Sh. Delawar",
# "Kh. Saidov", "Zh. Tokayev"): none of them is an English word that could end a sentence
_DIGRAPH_INITIAL = re.compile(r"(?:Sh|Kh|Zh|Ch|Gh|Ts|Dzh|Dj|Yu|Ya|Yo|Ye|Sch|Shch)")
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")


def mask_footnotes(text: str) -> str:
    """The text with glued footnote markers replaced by spaces (same length, same offsets)."""
    if not any(c.isdigit() for c in text):
        return text
    # speed only: the markers found by a scan tried only at digits (_starts.py; the same matches as _FOOTNOTE.sub's)
    parts, last = [], 0
    for m in _FOOTNOTE_SCAN.finditer(text):
        parts += (text[last:m.start()], " " * (m.end() - m.start()))
        last = m.end()
    if not parts:
        return text
    parts.append(text[last:])
    return "".join(parts)


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the '.' at index `dot` ends an abbreviation or an initial."""
    start = max(0, dot - 20)
    m = _WORD_BEFORE.search(text, start, dot + 1)
    if not m:
        return False
    word = m.group(1)
    if "." in word:                      # U.S. / e.g. / i.e.
        return True
    if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
        return True
    if _DIGRAPH_INITIAL.fullmatch(word) and _NAME_AFTER.match(text, dot + 1):  # "Sh. Delawar"
        return True
    if word.lower() in ("no", "nos", "art", "para"):   # "No. 5", "Art. 3"
        rest = text[dot + 1:dot + 4].lstrip()
        return bool(rest) and rest[0].isdigit()
    return word.lower() in ABBREVIATIONS


def split_sentences(text: str, masked: str | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, whitespace trimmed; `masked` is
    `mask_footnotes(text)` when the caller has it already."""
    work = masked if masked is not None else mask_footnotes(text)
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(work):
        if m.group(0)[0] not in "\n":
            dot = m.start() + m.group(0).find(".") if "." in m.group(0) else -1
            if dot >= 0 and m.group(0).startswith(".") and _is_abbreviation(work, dot):
                continue
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        if end <= start:
            start = max(start, m.end())
            continue
        start = max(m.end(), _push(text, start, end, spans))
    _push(text, start, len(text), spans)
    return spans


def _push(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> int:
    """Append the trimmed span; return where it really ended (after a glued footnote marker)."""
    while start < end and text[start].isspace():
        start += 1
    # a sentence keeps its trailing footnote marker ("economy.1") but not trailing spaces
    while end < len(text) and end > start and text[end - 1] in ".!?)”’\"'" and text[end].isdigit():
        nxt = end
        while nxt < len(text) and text[nxt].isdigit():
            nxt += 1
        if nxt - end > 3:
            break
        end = nxt
    real_end = end
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
    return real_end
