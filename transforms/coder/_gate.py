"""A cheap necessary condition for a regex search: the literal text some part of every match must contain.

`gated(rx)` returns a `search(text)` that answers exactly as `rx.search(text)` but first checks, on the
lower-cased text, for the literal strings one of which every match must contain (worked out from the
regex itself, so edits to the pattern keep the gate right). Without such a string the regex runs as is.
Case folding: under re.I four non-ASCII characters match ASCII letters (İ ı ſ K); a text holding one
skips the gate. Otherwise a text char matches an ASCII literal only if it lower-cases to it."""
from __future__ import annotations

import re

try:
    import re._parser as _sre_parse    # Python >= 3.11
    from re._constants import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN
except ImportError:                    # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse     # type: ignore[no-redef]
    from sre_constants import BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN  # type: ignore

_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


_LAST: tuple = (None, None)      # the last text and its lower case (None when the gate must not be used)


def _lowered(text: str) -> str | None:
    """`text.lower()`, or None when `text` holds a character re.I folds onto ASCII; the gates of one
    sentence share it (a one-entry cache, replaced as a whole tuple: safe across threads)."""
    global _LAST
    last = _LAST
    if last[0] is text:
        return last[1]
    low = None if _FOLDS_TO_ASCII.search(text) else text.lower()
    _LAST = (text, low)
    return low


def _plain(c: str) -> str | None:
    """The character as it appears lower-cased in matching text, or None when case folding makes that unsure."""
    if c.isascii():
        return c.lower()
    return c if c.lower() == c == c.upper() == c.casefold() else None


def _needs(items) -> set[str] | None:
    """Strings one of which every match of the parsed sequence contains, or None."""
    best: set[str] | None = None
    run = ""

    def better(a, b):
        if b is None:
            return a
        if a is None:
            return b
        return a if min(map(len, a)) >= min(map(len, b)) else b

    for op, av in list(items) + [(None, None)]:
        if op == LITERAL and _plain(chr(av)) is not None:
            run += _plain(chr(av))
            continue
        if run:
            best = better(best, {run})
            run = ""
        need = None
        if op == SUBPATTERN:
            need = _needs(av[-1])
        elif op == BRANCH:
            parts = [_needs(b) for b in av[1]]
            need = None if any(p is None for p in parts) else set().union(*parts)
        elif op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
            need = _needs(av[2])
        best = better(best, need)
    if best is not None and "" in best:
        return None
    return best


def gated(rx: re.Pattern):
    """`rx.search` with the literal gate in front (the same answers)."""
    need = _needs(_sre_parse.parse(rx.pattern, rx.flags))
    if not need or not isinstance(rx.pattern, str):
        return rx.search
    words = tuple(sorted(need, key=len, reverse=True))
    search = rx.search

    def gated_search(text: str, *args):
        low = _lowered(text)
        if low is not None and not any(w in low for w in words):
            return None
        return search(text, *args)

    gated_search.words = words  # type: ignore[attr-defined]
    return gated_search


class Gated:
    """`rx` (a Pattern, or a wrapper of one from _starts.py) whose `search` and `finditer` answer at once, with
    None and no matches, when the text searched holds none of the literals every match contains (the same
    answers); the rest is `rx`'s own. With `pos` (and `endpos`) only that window is checked: a match lies inside
    it, and the literals are taken from what a match consumes, never from a look-around."""

    def __init__(self, rx, words: tuple[str, ...]) -> None:
        self.rx = rx
        self.words = words

    def __getattr__(self, name):
        return getattr(self.rx, name)

    def _open(self, text: str, *args) -> bool:
        if args:        # a window, as re reads pos and endpos (clamped to the text, never from its end)
            lo = max(0, args[0])
            window = text[lo:max(lo, min(args[1], len(text)))] if len(args) > 1 else text[lo:]
            low = window.lower() if window.isascii() or _FOLDS_TO_ASCII.search(window) is None else None
        else:
            low = _lowered(text)
        return low is None or any(w in low for w in self.words)

    def search(self, text: str, *args):
        return self.rx.search(text, *args) if self._open(text, *args) else None

    def finditer(self, text: str, *args):
        return self.rx.finditer(text, *args) if self._open(text, *args) else iter(())


def gating(rx):
    """`rx` (or a wrapper with `.pattern` and `.flags`) behind its literal gate, or `rx` itself without one."""
    need = _needs(_sre_parse.parse(rx.pattern, rx.flags))
    if not need or not isinstance(rx.pattern, str):
        return rx
    return Gated(rx, tuple(sorted(need, key=len, reverse=True)))
