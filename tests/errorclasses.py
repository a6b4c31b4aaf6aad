"""Why the coder misses: pooled counts of error classes over evaluation sets (not collected by pytest).

    .venv/bin/python -m tests.errorclasses --set blind5 --set blind6 ...   # counts only, pooled

It prints numbers and class names, never a sentence, so it may run on the never-read sets without
reading them (devset/README.md): it tells which kind of work would pay on unseen prose (vocabulary, roles,
types, dates) without showing what the prose says. Pairing is the project scorer's own
(../shared/eval/score.py: same matching rule, same one-to-one pairing).

Each gold event the scorer leaves unpaired falls in one class:
- its sentence yields no event at all, split by what the coder's lexicon sees there: no trigger, a trigger
  of another type, or a trigger of the gold's type; and by how many distinct actors are named (0, 1, 2+);
- its sentence yields events, but none with both the gold's type and actors: the type is right and the
  actors are not (swapped, initiator wrong, recipient wrong or missing), the actors are right and the type
  is not, or both are wrong;
- an event of the right type and actors exists but its date disagrees, or it went to another gold event.
Each extracted event left unpaired is a duplicate (the same sentence as its paired twin, or another) or a
false positive (in a sentence that holds a gold event, or in one that holds none)."""
from __future__ import annotations

import argparse
import collections
import importlib.util
import pathlib
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def scorer():
    """../shared/eval/score.py as a module (its functions are the matching rule)."""
    spec = importlib.util.spec_from_file_location("caravan_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _sides(S, event: dict) -> tuple:
    return S.side(event["actor1"]), S.side(event.get("actor2"))


def _actor_error(S, gold: dict, candidates: list[dict]) -> str:
    """How the right-typed events of a sentence get the gold's actors wrong (the first telling case)."""
    g = _sides(S, gold)
    found = []
    for x in candidates:
        xs = _sides(S, x)
        if xs == g[::-1]:
            return "swapped"
        ok1 = g[0] in (None, "UNK") or g[0] == xs[0]
        ok2 = g[1] in (None, "UNK") or g[1] == xs[1]
        if ok1 and not ok2:
            found.append("recipient missing" if xs[1] is None else "recipient wrong")
        elif ok2 and not ok1:
            found.append("initiator missing" if xs[0] is None else "initiator wrong")
        else:
            found.append("both wrong")
    return found[0]


def classify(S, gold_events: list[dict], extracted: list[dict], lexicon=None) -> collections.Counter:
    """Counts of error classes for one document. ``lexicon(evidence) -> (trigger types, actor count) | None``
    describes the sentence holding a gold evidence phrase (None: the phrase was not found in the text)."""
    counts: collections.Counter = collections.Counter()
    candidates = [S.ranked(gold_events, x) for x in extracted]
    owner = S.best_pairing(candidates)
    paired = set(owner.values())
    counts["gold"] += len(gold_events)
    counts["extracted"] += len(extracted)
    counts["matched"] += len(owner)
    for g in gold_events:
        if g["id"] in owner:
            continue
        phrase = str(g.get("evidence") or "").lower()
        same = [x for x in extracted if phrase and phrase in str(x["evidence"] or "").lower()]
        types = {t.upper() for t in g["type"]}
        if not same:
            seen = lexicon(phrase) if lexicon is not None else None
            if seen is None:
                counts["missed: no event in its sentence"] += 1
            else:
                trig, actors = seen
                what = "a trigger of its type" if trig & types else ("another trigger" if trig else "no trigger")
                counts[f"missed: no event in its sentence; {what}; actors named {min(actors, 2)}"
                       f"{'+' if actors >= 2 else ''}"] += 1
            continue
        typed = [x for x in same if str(x["event_type"] or "").upper() in types]
        if any(S.actors_match(g, x) for x in typed):
            counts["missed: type and actors right; date wrong or event taken"] += 1
        elif typed:
            counts[f"missed: type right, actors wrong ({_actor_error(S, g, typed)})"] += 1
        elif any(S.actors_match(g, x) for x in same):
            counts["missed: actors right, type wrong"] += 1
        else:
            counts["missed: type and actors wrong"] += 1
    evidence = [str(g.get("evidence") or "").lower() for g in gold_events]
    for i, x in enumerate(extracted):
        if i in paired:
            continue
        sentence = str(x["evidence"] or "")
        if candidates[i]:
            twins = [extracted[owner[gid]] for gid in candidates[i] if gid in owner]
            alike = any(t["evidence"] == sentence for t in twins)
            counts["duplicate: " + ("same sentence as its twin" if alike else "another sentence")] += 1
        elif any(p and p in sentence.lower() for p in evidence):
            counts["false positive: in a sentence holding a gold event"] += 1
        else:
            counts["false positive: in a sentence holding none"] += 1
    return counts


def by_type(S, gold_events: list[dict], extracted: list[dict], lexicon=None) -> collections.Counter:
    """Counts of (gold type, outcome) for one document: matched; missed in a sentence that yields events;
    missed in a sentence that yields none, with or without a trigger there (the gold's first type)."""
    counts: collections.Counter = collections.Counter()
    owner = S.best_pairing([S.ranked(gold_events, x) for x in extracted])
    for g in gold_events:
        kind = str(g["type"][0]).upper()
        phrase = str(g.get("evidence") or "").lower()
        if g["id"] in owner:
            outcome = "matched"
        elif any(phrase and phrase in str(x["evidence"] or "").lower() for x in extracted):
            outcome = "sentence coded"
        else:
            seen = lexicon(phrase) if lexicon is not None else None
            outcome = "no trigger" if seen is not None and not seen[0] else "trigger"
        counts[(kind, "gold")] += 1
        counts[(kind, outcome)] += 1
    return counts


TYPE_COLUMNS = ("gold", "matched", "sentence coded", "trigger", "no trigger")


def sentence_lexicon(doc):
    """For one document: evidence phrase -> (types of the triggers in its sentence, distinct actors named)."""
    from transforms.coder.mentions import find_mentions
    from transforms.coder.sentences import mask_footnotes, split_sentences
    from transforms.coder.triggers import find_triggers, trigger_of

    masked = mask_footnotes(doc.text or "")
    spans = split_sentences(doc.text or "", masked)
    mentions = find_mentions(masked, doc.published_at)
    lowered = masked.lower()

    def look(phrase: str):
        at = lowered.find(phrase) if phrase else -1
        span = next(((s, e) for s, e in spans if s <= at < e), None)
        if span is None:
            return None
        s, e = span
        types = {trigger_of(m).event_type for m in find_triggers(masked[s:e])} - {"NONE"}
        actors = {m.code for m in mentions if s <= m.start < e and m.code}
        return types, len(actors)

    return look


def main(argv: list[str] | None = None) -> int:
    from tests.evalsets import _sets
    from tests.test_devset import write_warehouse

    parser = argparse.ArgumentParser(prog="python -m tests.errorclasses", description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", dest="names", required=True, help="a set to pool (repeatable)")
    parser.add_argument("--by-type", action="store_true", help="also a table of outcomes by the gold's type")
    args = parser.parse_args(argv)
    S = scorer()
    sets = _sets()
    unknown = [n for n in args.names if n not in sets]
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; known: {', '.join(sets)}")
    total: collections.Counter = collections.Counter()
    kinds: collections.Counter = collections.Counter()
    with tempfile.TemporaryDirectory(prefix="caravan-classes-") as tmp:
        for name in args.names:
            load, gold_dir = sets[name]
            docs = load()
            db = pathlib.Path(tmp) / f"{name}.duckdb"
            write_warehouse(db, docs)
            looks = {S.doc_key(d.url): sentence_lexicon(d) for d in docs}
            by_doc: dict[str, list[dict]] = collections.defaultdict(list)
            for event in S.load_events(str(db)):
                by_doc[S.doc_key(event["url"])].append(event)
            for key, gold in S.load_gold(gold_dir).items():
                total += classify(S, gold.get("events") or [], by_doc.get(key, []), looks.get(key))
                kinds += by_type(S, gold.get("events") or [], by_doc.get(key, []), looks.get(key))
    head = ("gold", "extracted", "matched")
    print(f"sets: {', '.join(args.names)}")
    for name in head:
        print(f"{total[name]:6d}  {name}")
    for name in sorted(k for k in total if k not in head):
        print(f"{total[name]:6d}  {name}")
    extracted, gold = total["extracted"], total["gold"]
    dups = sum(v for k, v in total.items() if k.startswith("duplicate"))
    p = (total["matched"] + dups) / extracted if extracted else 0.0
    r = total["matched"] / gold if gold else 0.0
    if args.by_type:
        print("by gold type (missed: in a sentence coded / with a trigger but no event / with no trigger):")
        print(f"{'type':10}" + "".join(f"{c:>16}" for c in TYPE_COLUMNS))
        for kind in sorted({k for k, _ in kinds}, key=lambda k: (-kinds[(k, "gold")], k)):
            print(f"{kind:10}" + "".join(f"{kinds[(kind, c)]:16d}" for c in TYPE_COLUMNS))
    print(f"pooled: P {p:.3f} R {r:.3f} F1 {2 * p * r / (p + r) if p + r else 0.0:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
