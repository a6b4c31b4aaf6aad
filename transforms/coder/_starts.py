"""A faster `finditer` for patterns that sre cannot skip through: the same matches, tried only where one can start.

Python's regex engine skips quickly to a match only when the pattern opens with a literal or a set of literal
characters; a pattern that opens with an optional word ("since", "after" ...), a `\\b`, or a letter under re.I
is tried at every position of the text, in C but op by op. `starting(rx)` works out from the regex itself the
lower-cased first characters (up to _LEN) every match must begin with, and returns an object that behaves as
`rx` except that `finditer` first looks for those beginnings in the lower-cased text, with one alternation of
literals that sre does skip through, and tries `rx.match` only there. It gives exactly `rx.finditer`'s matches:
`rx.match(text, i)` is what `finditer` tries at position i (look-behinds and `\\b` see the text before i), and
the positions left out are ones where no match can start.

The beginnings are compared on `text.lower()`, which needs the text's lower case to line up with it and its
`\\d`, `\\s`, `\\w` to be ASCII ones. So the fast path runs only on a "safe" text: every non-ASCII character in it is
neither a letter, a digit, a space nor `_` (curly quotes and dashes are fine), so case folding (İ ı ſ K) and the
Unicode classes cannot reach it; any other text runs `rx.finditer` as is. A pattern some match of which may start
anywhere (its beginning unknown) also runs as is. Edits to a pattern keep this right: its beginnings are derived
from the pattern each time the module loads."""
from __future__ import annotations

import re

try:
    import re._parser as _sre_parse    # Python >= 3.11
    from re._constants import (ASSERT, ASSERT_NOT, AT, AT_END, AT_END_STRING, ATOMIC_GROUP, BRANCH, CATEGORY,
                               CATEGORY_DIGIT, CATEGORY_SPACE, CATEGORY_WORD, IN, LITERAL, MAX_REPEAT, MIN_REPEAT,
                               POSSESSIVE_REPEAT, RANGE, SUBPATTERN)
except ImportError:                    # pragma: no cover - Python 3.10 (no atomic groups)
    import sre_parse as _sre_parse     # type: ignore[no-redef]
    from sre_constants import (ASSERT, ASSERT_NOT, AT, AT_END, AT_END_STRING, BRANCH, CATEGORY,  # type: ignore
                               CATEGORY_DIGIT, CATEGORY_SPACE, CATEGORY_WORD, IN, LITERAL, MAX_REPEAT, MIN_REPEAT,
                               RANGE, SUBPATTERN)
    ATOMIC_GROUP = POSSESSIVE_REPEAT = object()

_LEN = 3            # beginnings of at most three characters
_CAP = 400          # more beginnings than this: keep shorter ones
_SPREAD = 14        # beginnings with more first characters than this (every digit, most letters): as is, cheaper

_ASCII = [chr(c) for c in range(128)]
_CATEGORIES = {cat: [c for c in _ASCII if re.match(rx, c)]
               for cat, rx in ((CATEGORY_DIGIT, r"\d"), (CATEGORY_SPACE, r"\s"), (CATEGORY_WORD, r"\w"))}
# a character that is not ASCII and that a letter, digit, space or word class could match (or re.I fold)
_UNSAFE = re.compile(r"(?=[^\x00-\x7f])[\w\s]")


def _chars(items) -> list[str] | None:
    """The lower-cased ASCII characters an IN set matches in a safe text, or None (anything / unknown)."""
    out: set[str] = set()
    for op, av in items:
        if op == LITERAL:
            c = chr(av)
            if not c.isascii():
                return None
            out.add(c.lower())
        elif op == RANGE:
            lo, hi = av
            if hi >= 128:
                return None
            out.update(chr(c).lower() for c in range(lo, hi + 1))
        elif op == CATEGORY and av in _CATEGORIES:
            out.update(c.lower() for c in _CATEGORIES[av])
        else:                           # NEGATE, a negated class: anything
            return None
    return sorted(out)


def _grow(states: set, chars: list[str] | None, limit: int = _LEN) -> set:
    """Each open text extended by one of `chars` (None: closed where it stands); one that reaches `limit`
    characters closes."""
    out = set()
    for text, is_open in states:
        if not is_open or chars is None:
            out.add((text, False))
        else:
            for c in chars:
                out.add((text + c, len(text) + 1 < limit))
    return out


def _begin(items, states: set, backwards: bool = False) -> set:
    """Extend the beginnings in `states` (text, open) by a parsed regex sequence: every match of the sequence,
    in a safe text, lower-cased, starts with one of the returned texts (an open one still grows; a closed one
    stands for "this, then anything"). Zero-width assertions are skipped: an over-approximation.

    `backwards`: the same read from the other end (see `endings` below): the (reversed) last characters of
    every match, up to _TAIL of them, in a text whose last _TAIL characters are printable ASCII."""
    limit = _TAIL if backwards else _LEN
    for op, av in (reversed(list(items)) if backwards else items):
        if not any(o for _, o in states):
            return states
        if op == LITERAL:
            c = chr(av)
            states = _grow(states, [c.lower()] if c.isascii() and (c.isprintable() or not backwards) else None, limit)
        elif op == IN:
            states = _grow(states, _chars_printable(av) if backwards else _chars(av), limit)
        elif op in (AT, ASSERT, ASSERT_NOT):
            continue
        elif op == BRANCH:
            out: set = set()
            for branch in av[1]:
                out |= _begin(branch, states, backwards)
            states = out
        elif op == SUBPATTERN:
            states = _begin(av[-1], states, backwards)
        elif op == ATOMIC_GROUP:
            states = _begin(av, states, backwards)
        elif op in (MAX_REPEAT, MIN_REPEAT, POSSESSIVE_REPEAT):
            lo, hi, sub = av
            out = set(states) if lo == 0 else set()
            cur = states
            for r in range(1, min(hi, limit) + 1):
                cur = _begin(sub, cur, backwards)
                if r >= lo:
                    out |= cur
            if hi > limit:
                out |= {(t, False) for t, _ in cur}
            states = out
        else:                           # ANY, NOT_LITERAL, GROUPREF ...: anything
            states = _grow(states, None, limit)
        if backwards:
            k = _TAIL
            while len(states) > _CAP and k > 1:      # too many: keep fewer of the last characters
                k -= 1
                states = {(t, o) if len(t) < k else (t[:k], False) for t, o in states}
        elif len(states) > _CAP:                # too many: keep the first characters only
            states = {(t[:1], False) for t, _ in states}
    return states


def beginnings(rx: re.Pattern) -> set[str] | None:
    """The lower-cased beginnings every match of `rx` in a safe text starts with, or None when one may be empty."""
    if not isinstance(rx.pattern, str) or rx.flags & re.ASCII:
        return None
    found = {t for t, _ in _begin(_sre_parse.parse(rx.pattern, rx.flags), {("", True)})}
    if "" in found:
        return None
    return found


_LAST: tuple = (None, None)      # the last text and its lower case (None: not safe); replaced as a whole tuple


def _safe_lower(text: str) -> str | None:
    """`text.lower()` when the text is safe (see above) and its lower case lines up with it, else None; the
    patterns run over one sentence share it."""
    global _LAST
    last = _LAST
    if last[0] is text:
        return last[1]
    low = text.lower() if text.isascii() or _UNSAFE.search(text) is None else None
    if low is not None and len(low) != len(text):
        low = None
    _LAST = (text, low)
    return low


class Starting:
    """`rx` with a `finditer` that tries only where a match can begin (everything else is `rx`'s own)."""

    def __init__(self, rx: re.Pattern, starts: set[str]) -> None:
        self.rx = rx
        # one alternation of literals (longest first within a shared beginning): sre skips to their first letters
        self.starts = re.compile("|".join(re.escape(s) for s in sorted(starts, key=lambda s: (-len(s), s))))
        # a beginning is first tried case-blind on the lower case when the pattern allows it (see `lowered` below)
        self.probe = re.compile(rx.pattern, rx.flags & ~re.IGNORECASE).match if _case_free(rx) else None

    def __getattr__(self, name):
        return getattr(self.rx, name)

    def _matches(self, text: str, low: str, pos: int, end: int):
        """`rx`'s matches left to right, tried only where one can begin; a None once the lower case and the text
        disagree, or at an empty match (finditer's own rules, not worth copying): the caller then asks `rx`."""
        find, match, probe = self.starts.search, self.rx.match, self.probe
        while True:
            c = find(low, pos, end)
            if c is None:
                return
            i = c.start()
            if probe is not None:
                p = probe(low, i, end)
                if p is None:
                    pos = i + 1
                    continue
                m = match(text, i, end)
                if m is None or m.end() != p.end():     # not as the lower case said
                    yield None
                    return
            else:
                m = match(text, i, end)
            if m is None:
                pos = i + 1
                continue
            if m.end() == i:
                yield None
                return
            yield m
            pos = m.end()

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        low = _safe_lower(text) if 0 <= pos <= end <= len(text) else None
        if low is not None:
            out = list(self._matches(text, low, pos, end))
            if not out or out[-1] is not None:
                return iter(out)
        return self.rx.finditer(text, pos) if endpos is None else self.rx.finditer(text, pos, endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        """`rx.search`'s answer: the first match, tried only where one can begin (left to right, as sre does)."""
        end = len(text) if endpos is None else endpos
        low = _safe_lower(text) if 0 <= pos <= end <= len(text) else None
        if low is not None:
            m = next(self._matches(text, low, pos, end), False)
            if m is not None:
                return m or None
        return self.rx.search(text, pos) if endpos is None else self.rx.search(text, pos, endpos)


def starting(rx: re.Pattern, spread: int = _SPREAD):
    """`rx`, or a `Starting` wrapper when the beginnings of its matches are known (and start with at most
    `spread` different characters: a long scan over a whole text may pay with more, measure it)."""
    starts = beginnings(rx)
    if starts is None or len({s[0] for s in starts}) > spread:
        return rx
    return Starting(rx, starts)


# A pattern under re.I costs sre a case fold per character compared. On a safe text (see above) the same pattern
# without re.I over the text's lower case finds the same matches, as long as the pattern spells no letter in upper
# case and turns re.I off nowhere ("(?-i:"): its literals and classes are lower case, the text is, and no fold can
# reach a safe text. `lowered(rx)` runs that scan and takes each match from `rx` itself at the start found (the
# groups then hold the text as written); a match that does not end where the scan's did sends the whole scan back
# to `rx`, as does a text that is not safe.
_CASED = re.compile(r"[A-Z]|\(\?[a-zA-Z]*-")


class Lowered:
    """`rx` (re.I) with `finditer` and `search` run case-blind by sre on the lower case (the same matches)."""

    def __init__(self, rx: re.Pattern) -> None:
        self.rx = rx
        self.low = re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)

    def __getattr__(self, name):
        return getattr(self.rx, name)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        low = _safe_lower(text) if 0 <= pos <= end <= len(text) else None
        if low is None:
            return self.rx.finditer(text, pos) if endpos is None else self.rx.finditer(text, pos, endpos)
        out = []
        match = self.rx.match
        for c in self.low.finditer(low, pos, end):
            m = match(text, c.start(), end)
            if m is None or m.end() != c.end():
                return self.rx.finditer(text, pos) if endpos is None else self.rx.finditer(text, pos, endpos)
            out.append(m)
        return iter(out)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        low = _safe_lower(text) if 0 <= pos <= end <= len(text) else None
        if low is None:
            return self.rx.search(text, pos) if endpos is None else self.rx.search(text, pos, endpos)
        c = self.low.search(low, pos, end)
        m = None if c is None else self.rx.match(text, c.start(), end)
        if c is not None and (m is None or m.end() != c.end()):
            return self.rx.search(text, pos) if endpos is None else self.rx.search(text, pos, endpos)
        return m


def _case_free(rx: re.Pattern) -> bool:
    """Under re.I, with no upper-case letter (escapes and group names aside) and no case-sensitive group."""
    return isinstance(rx, re.Pattern) and isinstance(rx.pattern, str) and bool(rx.flags & re.IGNORECASE) and \
        not rx.flags & re.ASCII and not _CASED.search(re.sub(r"\(\?P<\w+>|\(\?P=\w+\)|\\.", "", rx.pattern))


def lowered(rx: re.Pattern):
    """`rx`, or a `Lowered` wrapper when it is case-free (_case_free)."""
    return Lowered(rx) if _case_free(rx) else rx


# The same idea at the other end. Many rules look back from a position: `rx.search(text, lo, i)` with a pattern
# that ends in `$`, so every match ends at i (the search end). sre still tries every start in the window. The
# last characters of a match are known from the regex as well (read backwards), so when the text just before i
# ends with none of them there is no match, and the search is skipped. Checked on the last _TAIL characters only
# when they are printable ASCII (so `$` cannot stop before a final newline, and `\s` is a plain space there).
_TAIL = 6
_PRINTABLE = {cat: [c for c in chars if c.isprintable()] for cat, chars in _CATEGORIES.items()}


def _chars_printable(items) -> list[str] | None:
    out = _chars([(op, av) for op, av in items if not (op == CATEGORY and av in _CATEGORIES)])
    if out is None:
        return None
    extra = [c.lower() for op, av in items if op == CATEGORY and av in _CATEGORIES for c in _PRINTABLE[av]]
    return sorted({c for c in out + extra if c.isprintable()})


def endings(rx: re.Pattern) -> tuple[str, ...] | None:
    """The lower-cased last characters one of which every match of `rx` ends with, when every match ends at the
    search end (the pattern ends in `$`, not MULTILINE); else None."""
    if not isinstance(rx.pattern, str) or rx.flags & (re.ASCII | re.MULTILINE):
        return None
    parsed = list(_sre_parse.parse(rx.pattern, rx.flags))
    if not parsed or parsed[-1][0] != AT or parsed[-1][1] not in (AT_END, AT_END_STRING):
        return None
    found = {t[::-1] for t, _ in _begin(parsed[:-1], {("", True)}, backwards=True)}
    if "" in found:
        return None
    return tuple(sorted(found))


class Ending:
    """`rx` with a `search` that answers None at once when the text before the search end cannot end a match."""

    def __init__(self, rx: re.Pattern, ends: tuple[str, ...]) -> None:
        self.rx = rx
        self.ends = ends
        self.by_length = tuple((k, frozenset(e for e in ends if len(e) == k)) for k in sorted({len(e) for e in ends}))

    def __getattr__(self, name):
        return getattr(self.rx, name)

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else max(0, min(endpos, len(text)))
        tail = text[max(pos, end - _TAIL, 0):end]
        if tail.isascii() and tail.isprintable():
            low = tail.lower()
            for k, ends in self.by_length:
                if low[-k:] in ends:
                    break
            else:
                return None
        return self.rx.search(text, pos) if endpos is None else self.rx.search(text, pos, endpos)


def ending(rx: re.Pattern):
    """`rx`, or an `Ending` wrapper when every match ends at the search end and its last characters are known."""
    ends = endings(rx)
    if ends is None or any(len(e) <= 2 and not e.strip() for e in ends):
        return rx       # "any word, then a space" ends a match: the check would cost more than it saves
    return Ending(rx, ends)
