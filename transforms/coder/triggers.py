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
    return sorted((f"{w} {rest}".strip() for w in words), key=len, reverse=True)


def lemma_entries() -> list[dict]:
    """verb_classes.yaml as trigger entries (patterns = the inflected forms of each class's lemmas)."""
    data = load_yaml("verb_classes.yaml")
    out = []
    for section, pos in (("verbs", "VERB"), ("nouns", "NOUN")):
        for e in data.get(section) or ():
            forms: list[str] = []
            for lemma in e["lemmas"]:
                forms.extend(f for f in _forms(lemma, pos, bool(e.get("ing"))) if f not in forms)
            entry = {k: v for k, v in e.items() if k not in ("lemmas", "ing")}
            entry["patterns"] = [re.escape(f).replace(r"\ ", r"\s+") for f in sorted(forms, key=len, reverse=True)]
            entry["lemma"] = True
            out.append(entry)
            if pos == "VERB" and not e.get("ing"):
                # the progressive ("were suspending", "is still delivering", "has been talking to"): finite, so an
                # act; the bare -ing form of these classes stays out (a participle or a gerund)
                ing = [f for lemma in e["lemmas"] for f in _progressive(lemma)]
                if ing:
                    out.append({**entry, "patterns": [_PROGRESSIVE + re.escape(f).replace(r"\ ", r"\s+")
                                                      for f in sorted(set(ing), key=len, reverse=True)]})
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
    "neighbors", "diplomats", "capitals", "envoys", "donors", "agencies", "both", "regularly", "routinely")) + \
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


def _progressive(lemma: str) -> list[str]:
    import lemminflect

    head, _, rest = lemma.partition(" ")
    table = lemminflect.getAllInflections(head, upos="VERB") or lemminflect.getAllInflectionsOOV(head, upos="VERB")
    return [f"{w} {rest}".strip() for v in table.get("VBG", ()) if "-" not in v for w in _spellings(v)]


@functools.lru_cache(maxsize=1)
def compiled() -> tuple[re.Pattern, tuple[Trigger, ...]]:
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
    alternatives = [f"(?P<t{i}_{k}>{p})" for k, (i, p) in enumerate(parts)]
    _ALTERNATIVES[:] = [(f"t{i}_{k}", p) for k, (i, p) in enumerate(parts)]
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.I)
    return regex, tuple(triggers)


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
def _indexed() -> tuple[dict[str, re.Pattern], dict[str, re.Pattern]]:
    """The trigger alternation split by first character: at each word start only the patterns that can begin
    with that character are tried (same alternatives, same order, same group names as `compiled()`).
    Two indexes: the hand-written patterns (triggers.yaml) and the lemma classes (verb_classes.yaml)."""
    _, triggers = compiled()
    out = []
    for lexical in (False, True):
        buckets: dict[str, list[str]] = {k: [] for k in _KEYS}
        for name, pattern in _ALTERNATIVES:
            if triggers[int(name[1:].split("_", 1)[0])].lexical != lexical:
                continue
            first = _first_chars(list(_sre_parse.parse(pattern, re.I)))
            keys = _KEYS if first is _ANY else {c for c in first if c in _KEYS} or _KEYS
            for k in buckets:
                if k in keys:
                    buckets[k].append(f"(?P<{name}>{pattern})")
        out.append({k: re.compile(r"(?:" + "|".join(v) + r")(?![\w-])", re.I) for k, v in buckets.items() if v})
    return out[0], out[1]


_WORD_START = re.compile(r"(?<![\w-])[\w$]")
_ALTERNATIVES: list[tuple[str, str]] = []


def _scan(sentence: str, index: dict[str, re.Pattern]) -> list[re.Match]:
    out: list[re.Match] = []
    pos = 0
    for w in _WORD_START.finditer(sentence):
        i = w.start()
        if i < pos:
            continue
        rx = index.get(sentence[i].lower())
        if rx is None:
            continue
        m = rx.match(sentence, i)
        if m is not None and m.end() > i:
            out.append(m)
            pos = m.end()
    return out


def find_triggers(sentence: str) -> list[re.Match]:
    """Trigger matches in a sentence, left to right, not overlapping: the hand-written patterns first, then
    the lemma classes wherever no hand-written pattern matched (patterns indexed by their first character)."""
    hand, lexical = _indexed()
    out = _scan(sentence, hand)
    extra = [m for m in _scan(sentence, lexical)
             if not any(m.start() < h.end() and h.start() < m.end() for h in out)]
    if extra:
        out = sorted(out + extra, key=lambda m: m.start())
    return out


def trigger_of(match: re.Match) -> Trigger:
    _, triggers = compiled()
    name = match.lastgroup or ""
    return triggers[int(name[1:].split("_", 1)[0])]
