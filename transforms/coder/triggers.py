"""The trigger lexicon (transforms/data/triggers.yaml) compiled once into a single regex."""
from __future__ import annotations

import functools
import re
import string
from dataclasses import dataclass

try:                                   # the regex parser (used only to index patterns by their first letter)
    import re._parser as _sre_parse    # Python >= 3.11
    from re._constants import (ASSERT, ASSERT_NOT, AT, BRANCH, IN, LITERAL, MAX_REPEAT, MIN_REPEAT, RANGE,
                               SUBPATTERN)
except ImportError:                    # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse     # type: ignore[no-redef]
    from sre_constants import (ASSERT, ASSERT_NOT, AT, BRANCH, IN, LITERAL, MAX_REPEAT,  # type: ignore
                               MIN_REPEAT, RANGE, SUBPATTERN)

from transforms.coder._cache import cached, compile_regex
from transforms.coder._data import load_yaml

FRAMES = ("verb", "noun", "reverse", "symmetric")
_GAP = re.compile(r"~(\d+)~")


@dataclass(frozen=True)
class Trigger:
    event_type: str
    mode: str | None
    frame: str
    needs_target: bool = False
    explicit_agent: bool = False
    target_subject: bool = False
    first_only: bool = False
    of: str | None = None          # "agent" | "patient" for noun frames
    from_agent: bool = False
    context: re.Pattern | None = None
    fallback_target: bool = False  # an implicit recipient may come from context (like FALLBACK_TARGET types)
    lexical: bool = False          # from verb_classes.yaml (a single word by lemma), not a hand-written pattern


def _expand(pattern: str) -> str:
    # "~3~" -> up to three words (and the spaces around them); "[A-Z]" means a capital even though the
    # lexicon is matched case-insensitively ("was in Kabul", not "is in electricity")
    pattern = pattern.replace("[A-Z]", "(?-i:[A-Z])")
    return _GAP.sub(lambda m: r"(?:[\w'’$%.,()-]+\s+){0," + m.group(1) + "}?", pattern)


_VERB_TAGS = ("VBD", "VBN", "VBZ")
_NOT_IZE = re.compile(r"^(?:promis|compromis|exercis|advis|revis|surpris|supervis|despis|premis|appris|rais|prais)")


def _spellings(word: str) -> set[str]:
    """British and American spellings of an inflected form ("criticised" / "criticized")."""
    out = {word}
    m = re.match(r"^(.*[^aeiou])is(e|es|ed|ing)$", word)
    if m and len(m.group(1)) >= 3 and not _NOT_IZE.match(word):
        out.add(f"{m.group(1)}iz{m.group(2)}")
    if word.startswith("honour"):
        out.add("honor" + word[6:])
    m = re.match(r"^(.*[aeiou][^aeiou]+[aeiou]l)l(ed|ing)$", word)
    if m:
        out.add(m.group(1) + m.group(2))          # travelled / traveled
    return out


def _forms(lemma: str, pos: str, ing: bool = False) -> list[str]:
    """The inflected forms of a lemma (lemminflect), longest first."""
    import lemminflect

    head, _, rest = lemma.partition(" ")
    if pos == "VERB":
        table = lemminflect.getAllInflections(head, upos="VERB") or lemminflect.getAllInflectionsOOV(head, upos="VERB")
        tags = _VERB_TAGS + (("VBG",) if ing else ())
    else:
        table = lemminflect.getAllInflections(head, upos="NOUN") or {}
        tags = ("NN", "NNS")
    words: set[str] = set() if pos == "VERB" else {head}
    # "sanctions", "attacks", "talks": a present-tense form that is also a plural noun is left to triggers.yaml
    plurals = set(lemminflect.getAllInflections(head, upos="NOUN").get("NNS", ())) if pos == "VERB" else set()
    for tag in tags:
        for w in table.get(tag, ()):
            if tag == "VBZ" and w in plurals:
                continue
            if "-" not in w:
                words |= _spellings(w)
    return sorted((f"{w} {rest}".strip() for w in words), key=_LONGEST_FIRST)


def _LONGEST_FIRST(form: str) -> tuple[int, str]:
    """Longest first, ties alphabetical: the same order in every process (a set's order follows the string hash
    seed, and the cached trigger index must agree with the cached lemma entries another process built)."""
    return -len(form), form


def lemma_entries() -> list[dict]:
    """verb_classes.yaml as trigger entries (patterns = the inflected forms of each class's lemmas)."""
    return cached("lemma_entries", _lemma_entries)


def _lemma_entries() -> list[dict]:
    data = load_yaml("verb_classes.yaml")
    out = []
    for section, pos in (("verbs", "VERB"), ("nouns", "NOUN")):
        for e in data.get(section) or ():
            forms: list[str] = []
            for lemma in e["lemmas"]:
                forms.extend(f for f in _forms(lemma, pos, bool(e.get("ing"))) if f not in forms)
            entry = {k: v for k, v in e.items() if k not in ("lemmas", "ing")}
            entry["patterns"] = [re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=_LONGEST_FIRST)]
            entry["lemma"] = True
            out.append(entry)
            if pos == "VERB" and not e.get("ing"):
                # the progressive ("were suspending", "is still delivering", "has been talking to"): finite, so an
                # act; the bare -ing form of these classes stays out (a participle or a gerund)
                ing = [f for lemma in e["lemmas"] for f in _progressive(lemma)]
                if ing:
                    out.append({**entry, "patterns": [_PROGRESSIVE + re.escape(f).replace(r"\ ", r"\s+")
                                                      for f in sorted(set(ing), key=_LONGEST_FIRST)]})
                if ing and e["type"] in _INCHOATIVE_TYPES:
                    out.append({**entry, "patterns": [_INCHOATIVE + re.escape(f).replace(r"\ ", r"\s+")
                                                      for f in sorted(set(ing), key=_LONGEST_FIRST)]})
            if pos == "VERB":
                # the plural present after a plural subject ("the Taliban accuse", "officials meet"); a base form
                # that is also a noun ("Taliban attack on") only when no preposition or verb follows it
                base = [_plain(lemma) for lemma in e["lemmas"]]
                out.append({**entry, "patterns": [_PLURAL_SUBJECT + f + (_NOT_NOUN_USE if _is_noun(lemma) else "")
                                                      for lemma, f in sorted(zip(e["lemmas"], base),
                                                                             key=lambda x: len(x[1]), reverse=True)]})
    return out


# a plural subject right before a base verb form (zero-width, so the match is the verb itself)
_PLURAL_SUBJECT = "(?:" + "|".join(f"(?<=\\b{w} )" for w in (
    "they", "we", "Taliban", "officials", "authorities", "governments", "leaders", "sides", "forces", "guards",
    "officers", "militants", "fighters", "ministers", "delegations", "countries", "states", "neighbours",
    "neighbors", "diplomats", "capitals", "envoys", "donors", "agencies", "both", "regularly", "routinely",
    "companies", "firms", "exporters", "mills", "producers", "suppliers", "traders", "merchants", "utilities")) + \
    "".join(f"|(?<=\\b(?-i:[A-Z])[a-z]{{{n}}} )" for n in range(3, 12)) + ")" + \
    "".join(f"(?<!\\b{w} )" for w in (     # "Dushanbe and Kabul keep", not "This visit", "Their support"
        "This", "That", "These", "Those", "Their", "There", "When", "What", "Where", "With", "From", "After",
        "Under", "Since", "Such", "Some", "Each", "Both", "Many", "Most", "Other", "Every", "Last", "Next", "While",
        "Until", "Before", "During", "Without", "Against", "About", "Only", "Even", "Also", "Here", "Then", "Year",
        "Month", "Week", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
_NOT_NOUN_USE = r"(?= (?!(?:on|of|in|at|against|by|for|from|with|to|was|were|is|are|has|had|have|and|or|that)\b|" \
                r"\w+ed\b)[\w$])"
_VERB_ONLY = frozenset({"meet"})


def _plain(lemma: str) -> str:
    return re.escape(lemma).replace(r"\ ", r"\s+")


def _is_noun(lemma: str) -> bool:
    import lemminflect

    head = lemma.partition(" ")[0]
    return head not in _VERB_ONLY and bool(lemminflect.getAllInflections(head, upos="NOUN").get("NN"))


# the auxiliary (and an adverb) right before a progressive form: zero-width, so the match is the verb itself
_PROGRESSIVE = "(?:" + "|".join(f"(?<=\\b{w} )" for w in (
    "is", "are", "was", "were", "been", "still", "now", "already", "also", "reportedly", "currently")) + ")"
# a coercive act begun or carried on is told as done: "began expelling", "started deporting", "continued arresting"
_INCHOATIVE = "(?:" + "|".join(f"(?<=\\b{w} )" for w in ("began", "begun", "started", "continued", "resumed")) + ")"
_INCHOATIVE_TYPES = frozenset({"COERCE", "SANCTION", "MOBILIZE", "RETREAT", "PROTEST", "REJECT"})


def _progressive(lemma: str) -> list[str]:
    import lemminflect

    head, _, rest = lemma.partition(" ")
    table = lemminflect.getAllInflections(head, upos="VERB") or lemminflect.getAllInflectionsOOV(head, upos="VERB")
    return [f"{w} {rest}".strip() for v in table.get("VBG", ()) if "-" not in v for w in _spellings(v)]


@functools.lru_cache(maxsize=1)
def compiled() -> tuple[re.Pattern, tuple[Trigger, ...]]:
    """The whole lexicon as one alternation (the scans use the indexes below; this is their reference)."""
    triggers = _lexicon()
    alternatives = [f"(?P<{name}>{p})" for name, p in _ALTERNATIVES]
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.I)
    return regex, triggers


@functools.lru_cache(maxsize=1)
def _lexicon() -> tuple[Trigger, ...]:
    """The triggers, in file order; fills _ALTERNATIVES (group name, pattern) in the alternation's order."""
    entries = load_yaml("triggers.yaml")["triggers"] + lemma_entries()
    triggers: list[Trigger] = []
    parts: list[tuple[int, str]] = []
    for i, e in enumerate(entries):
        if e["frame"] not in FRAMES:
            raise ValueError(f"triggers.yaml: unknown frame {e['frame']!r}")
        triggers.append(Trigger(
            event_type=e["type"], mode=e.get("mode"), frame=e["frame"],
            needs_target=bool(e.get("needs_target")), explicit_agent=bool(e.get("explicit_agent")),
            target_subject=bool(e.get("target_subject")), first_only=bool(e.get("first_only")),
            of=e.get("of"), from_agent=bool(e.get("from_agent")),
            context=re.compile(e["context"], re.I) if e.get("context") else None,
            fallback_target=bool(e.get("fallback_target")), lexical=bool(e.get("lemma")),
        ))
        for p in e["patterns"]:
            parts.append((i, _expand(p)))
    # longer literal patterns first so that "provided a security guarantee" beats "provided ... aid"
    # only when it is more specific; order in the file breaks ties (specific entries come first).
    _ALTERNATIVES[:] = [(f"t{i}_{k}", p) for k, (i, p) in enumerate(parts)]
    return tuple(triggers)


_ANY = None      # "could start with any character"
_KEYS = frozenset(string.ascii_lowercase + string.digits + "$")


def _first_chars(items) -> set | None:
    """The lower-case characters a parsed regex sequence can start with, or None when it could start with
    anything (a character class, a category, a dot). Zero-width assertions are skipped."""
    out: set = set()
    for op, av in items:
        if op == LITERAL:
            out.add(chr(av).lower())
            return out
        if op in (AT, ASSERT, ASSERT_NOT):
            continue
        if op == IN:
            chars: set = set()
            for iop, iav in av:
                if iop == LITERAL:
                    chars.add(chr(iav).lower())
                elif iop == RANGE and iav[1] - iav[0] < 64:
                    chars.update(chr(c).lower() for c in range(iav[0], iav[1] + 1))
                else:                     # a category (\\w), a negated set: anything
                    return _ANY
            return out | chars
        if op == BRANCH:
            for branch in av[1]:
                first = _first_chars(branch)
                if first is _ANY:
                    return _ANY
                out |= first
            return out
        if op == SUBPATTERN:
            first = _first_chars(av[-1])
            if first is _ANY:
                return _ANY
            out |= first
            return out
        if op in (MAX_REPEAT, MIN_REPEAT):
            lo, _hi, sub = av
            first = _first_chars(sub)
            if first is _ANY:
                return _ANY
            out |= first
            if lo > 0:
                return out
            continue                     # optional: the next item may come first
        return _ANY
    return _ANY if not out else out


@functools.lru_cache(maxsize=1)
def _indexed() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """The trigger alternation split by first character: at each word start only the patterns that can begin
    with that character are tried (same alternatives, same order, same group names as `compiled()`).
    Two indexes: the hand-written patterns (triggers.yaml) and the lemma classes (verb_classes.yaml).
    Each maps a first character to its alternatives' group names; `_bucket` compiles one when needed."""
    _lexicon()
    return cached("trigger_index", _build_index)


def _build_index() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    triggers = _lexicon()
    out = []
    for lexical in (False, True):
        buckets: dict[str, list[str]] = {k: [] for k in _KEYS}
        for name, pattern in _ALTERNATIVES:
            if triggers[int(name[1:].split("_", 1)[0])].lexical != lexical:
                continue
            first = _first_chars(_parsed(name))
            keys = _KEYS if first is _ANY else {c for c in first if c in _KEYS} or _KEYS
            for k in buckets:
                if k in keys:
                    buckets[k].append(name)
        out.append({k: tuple(v) for k, v in buckets.items() if v})
    return out[0], out[1]


@functools.lru_cache(maxsize=None)
def _parsed(name: str) -> list:
    return list(_sre_parse.parse(_by_name()[name], re.I))


@functools.lru_cache(maxsize=None)
def _bucket(names: tuple[str, ...]) -> re.Pattern:
    """The alternatives `names`, in that order, as one pattern (a first-character bucket, or a narrowed one)."""
    by_name = _by_name()
    return compile_regex(r"(?:" + "|".join(f"(?P<{n}>{by_name[n]})" for n in names) + r")(?![\w-])", re.I)


_WORD_START = re.compile(r"(?<![\w-])[\w$]")
_ALTERNATIVES: list[tuple[str, str]] = []
_PREFIX_LEN = 6          # the narrowed indexes key on a word's first six characters (lower-cased ASCII)
_PREFIX_CAP = 512        # more prefixes than this for one pattern: stop expanding (a shorter prefix is kept)


def _prefixes(items, states: set) -> set:
    """Extend the prefixes in `states` by the parsed regex sequence `items`. A state is (text, open):
    open prefixes are extended; a closed one (full length, or cut where the pattern stops being literal)
    stands for "this, then anything". Every match of the sequence starts with one of the returned prefixes
    (an over-approximation: zero-width assertions are skipped, anything unknown cuts)."""
    for op, av in items:
        if not any(o for _, o in states):
            return states
        if op == LITERAL:
            states = _extend(states, [chr(av)])
        elif op == IN:
            chars: list[str] = []
            for iop, iav in av:
                if iop == LITERAL:
                    chars.append(chr(iav))
                elif iop == RANGE and iav[1] - iav[0] < 64:
                    chars.extend(chr(c) for c in range(iav[0], iav[1] + 1))
                else:                       # a category, a negation: anything
                    chars = []
                    break
            states = _extend(states, chars) if chars else _cut(states)
        elif op in (AT, ASSERT, ASSERT_NOT):
            continue
        elif op == BRANCH:
            out: set = set()
            for branch in av[1]:
                out |= _prefixes(branch, states)
            states = out
        elif op == SUBPATTERN:
            states = _prefixes(av[-1], states)
        elif op in (MAX_REPEAT, MIN_REPEAT):
            lo, hi, sub = av
            if lo > _PREFIX_LEN:
                return _cut(states)
            out = set(states) if lo == 0 else set()
            cur = states
            for r in range(1, min(hi, _PREFIX_LEN + 1) + 1):
                cur = _prefixes(sub, cur)
                if r >= lo:
                    out |= cur
            if hi > _PREFIX_LEN + 1:
                out |= _cut(cur)
            states = out
        else:
            return _cut(states)
        if len(states) > _PREFIX_CAP:
            return _cut({(t[:3], o) for t, o in states})
    return states


def _extend(states: set, chars: list[str]) -> set:
    out = set()
    for text, is_open in states:
        if not is_open:
            out.add((text, False))
            continue
        for c in chars:
            low = c.lower()
            if not (c.isascii() and low.isascii() and len(low) == 1):
                out.add((text, False))       # a non-ASCII character may fold onto an ASCII one: cut here
                continue
            out.add((text + low, len(text) + 1 < _PREFIX_LEN))
    return out


def _cut(states: set) -> set:
    return {(text, False) for text, _ in states}


@functools.lru_cache(maxsize=1)
def _prefix_table() -> dict[str, tuple[str, ...]]:
    """Group name -> the lower-case prefixes (at most _PREFIX_LEN characters) its matches can start with."""
    _lexicon()
    return cached("trigger_prefixes", _build_prefix_table)


def _build_prefix_table() -> dict[str, tuple[str, ...]]:
    return {name: tuple(sorted({t for t, _ in _prefixes(_parsed(name), {("", True)})})) for name, _ in _ALTERNATIVES}


_NARROW: tuple[dict, dict] = ({}, {})     # per index: six-character key -> compiled pattern or None


@functools.lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    return dict(_ALTERNATIVES)


def _narrowed(which: int, index: dict[str, tuple[str, ...]], key: str) -> re.Pattern | None:
    """The first-character pattern of `index` cut down to the alternatives whose prefixes agree with `key`
    (same alternatives, same order, same group names): at a word starting with `key` it matches exactly as
    the first-character pattern does, since the alternatives left out cannot match there. A key shorter than
    _PREFIX_LEN was cut (a non-ASCII character, or the sentence's end): prefixes that extend it are kept."""
    table = _prefix_table()
    cut = len(key) < _PREFIX_LEN
    keep = tuple(name for name in index[key[0]]
                 if any(key.startswith(p) or cut and p.startswith(key) for p in table[name]))
    rx = _bucket(keep) if keep else None
    _NARROW[which][key] = rx
    return rx


_CUT = r"(?=[^\x00-\x7f]|\Z)"       # where a key is cut short: a non-ASCII character, the end


def _trie(words: set[str]) -> str:
    """A regex (no groups) matching any of `words` as a trie, or any beginning of one followed by _CUT;
    '' in `words` matches the empty string."""
    if "" in words:
        return ""
    heads: dict[str, set[str]] = {}
    for w in words:
        heads.setdefault(w[0], set()).add(w[1:])
    parts = []
    for c in sorted(heads):
        rest = _trie(heads[c])
        parts.append(re.escape(c) + (f"(?:{rest})" if rest else ""))
    return "|".join(parts + [_CUT])


@functools.lru_cache(maxsize=1)
def _starts() -> re.Pattern:
    """The word starts worth trying: a word whose lower-cased first six characters begin with some
    alternative's prefix, or whose key is cut short by a non-ASCII character or the end of the sentence
    before it stops agreeing with one. A superset of where `_scan` can match, with either index."""
    table = _prefix_table()
    names = [name for name, _ in _ALTERNATIVES]
    # an alternative that may start anywhere (after a look-behind: "(?<=was )(?:\w+ly )?opened") is tried whole
    anywhere = [_by_name()[name] for name in names if "" in table[name]]
    trie = _trie({p for name in names for p in table[name] if p})
    return compile_regex(r"(?<![\w-])(?=[\w$])(?:(?=" + trie + r")" + "".join(f"|(?={a})" for a in anywhere) + ")",
                      re.I)


@functools.lru_cache(maxsize=1)
def _starts_lowered() -> re.Pattern | None:
    """_starts() without re.I, run over an ASCII sentence's lower case: the same positions (no letter of its pattern
    is upper case, none is case-sensitive), found faster (sre compares characters as they are). None otherwise."""
    pattern = _starts().pattern
    if re.search(r"[A-Z]|\(\?[a-zA-Z]*-", re.sub(r"\\.", "", pattern)):
        return None
    return compile_regex(pattern, 0)


def _candidates(sentence: str) -> list[tuple[int, str, str]]:
    """(start, lower-cased first character, key) of the word starts both scans try; key is the lower-cased
    first six characters, cut before a non-ASCII one ('' when the sentence's lower case changes its length)."""
    low = sentence.lower()
    aligned = len(low) == len(sentence)
    ascii_only = sentence.isascii()
    out = []
    fast = _starts_lowered() if ascii_only else None
    for w in fast.finditer(low) if fast is not None else (_starts() if aligned else _WORD_START).finditer(sentence):
        i = w.start()
        key = ""
        if aligned:
            key = low[i:i + _PREFIX_LEN]
            if not ascii_only:
                raw = sentence[i:i + _PREFIX_LEN]
                if not raw.isascii():
                    key = key[:next(k for k, ch in enumerate(raw) if not ch.isascii())]
        out.append((i, sentence[i].lower(), key))
    return out


def _scan(sentence: str, index: dict[str, tuple[str, ...]], which: int = 0,
          candidates: list[tuple[int, str, str]] | None = None) -> list[re.Match]:
    out: list[re.Match] = []
    pos = 0
    narrow = _NARROW[which]
    for i, c, key in _candidates(sentence) if candidates is None else candidates:
        if i < pos or c not in index:
            continue
        if key:
            try:
                rx = narrow[key]
            except KeyError:
                rx = _narrowed(which, index, key)
            if rx is None:
                continue
        else:
            rx = _bucket(index[c])
        m = rx.match(sentence, i)
        if m is not None and m.end() > i:
            out.append(m)
            pos = m.end()
    return out


def find_triggers(sentence: str) -> list[re.Match]:
    """Trigger matches in a sentence, left to right, not overlapping: the hand-written patterns first, then
    the lemma classes wherever no hand-written pattern matched (patterns indexed by their first character,
    then narrowed by the word's first six)."""
    hand, lexical = _indexed()
    candidates = _candidates(sentence)
    if not candidates:
        return []
    out = _scan(sentence, hand, 0, candidates)
    extra = [m for m in _scan(sentence, lexical, 1, candidates)
             if not any(m.start() < h.end() and h.start() < m.end() for h in out)]
    if extra:
        out = sorted(out + extra, key=lambda m: m.start())
    return out


def trigger_of(match: re.Match) -> Trigger:
    triggers = _lexicon()
    name = match.lastgroup or ""
    return triggers[int(name[1:].split("_", 1)[0])]
