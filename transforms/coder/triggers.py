"""The trigger lexicon (transforms/data/triggers.yaml) compiled once into a single regex."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

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


def _expand(pattern: str) -> str:
    # "~3~" -> up to three words (and the spaces around them)
    return _GAP.sub(lambda m: r"(?:[\w'’$%.,()-]+\s+){0," + m.group(1) + "}?", pattern)


@functools.lru_cache(maxsize=1)
def compiled() -> tuple[re.Pattern, tuple[Trigger, ...]]:
    entries = load_yaml("triggers.yaml")["triggers"]
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
            fallback_target=bool(e.get("fallback_target")),
        ))
        for p in e["patterns"]:
            parts.append((i, _expand(p)))
    # longer literal patterns first so that "provided a security guarantee" beats "provided ... aid"
    # only when it is more specific; order in the file breaks ties (specific entries come first).
    alternatives = [f"(?P<t{i}_{k}>{p})" for k, (i, p) in enumerate(parts)]
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", re.I)
    return regex, tuple(triggers)


def trigger_of(match: re.Match) -> Trigger:
    _, triggers = compiled()
    name = match.lastgroup or ""
    return triggers[int(name[1:].split("_", 1)[0])]
