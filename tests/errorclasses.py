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
false positive (in a sentence that holds a gold event, or in one that holds none).

Each duplicate is also classed by its relation to its twin (the extracted event paired with the gold event it
matches), in numbers only: the two actor pairs, which side the gold leaves null (a gold with a null party accepts
many events), the two dates, the sentence distance, the trigger word and mode, the type and which comes first.

With --by-party it also prints the precision of the coder's events by type and by how each party was found (named in
the sentence, taken from context, or null): numbers only, like the classes, so it too may run on any set.

    .venv/bin/python -m tests.errorclasses --set dev --list-dups   # readable sets only: each duplicate's
                                                                   # sentence next to its twin's

--list-dups prints sentences, so it refuses every set that devset/README.md does not mark "tuned on" (the
never-read sets among them) before reading any of it."""
from __future__ import annotations

import argparse
import collections
import importlib.util
import pathlib
import sys

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
        right = [x for x in typed if S.actors_match(g, x)]
        if any(S.dates_compatible(g, x) for x in right):
            counts["missed: type, actors and date right; the event paired with another gold"] += 1
        elif right:
            counts["missed: type and actors right; date wrong"] += 1
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


DUP_DIMENSIONS = ("actors", "gold null", "dates", "distance", "trigger", "type", "order")
NEVER_READ = frozenset(f"blind{n}" for n in range(14, 35))  # blind5, 6, 9-13: read from the seventh session on


def _undated(x: dict) -> bool:
    return x.get("event_date") is None or str(x.get("date_precision") or "none").lower() == "none"


def dup_relation(S, gold: dict, dup: dict, twin: dict) -> dict[str, str]:
    """Number-only features of a duplicate's relation to its twin (no word of either sentence): one value per
    dimension of DUP_DIMENSIONS."""
    d, t = _sides(S, dup), _sides(S, twin)
    if d == t:
        actors = "same pair"
    elif d == t[::-1]:
        actors = "reversed pair"
    elif None in d and None not in t:
        actors = "duplicate has a null party"
    elif None in t and None not in d:
        actors = "twin has a null party"
    else:
        actors = "different parties"
    null1, null2 = (gold.get(k) in (None, "UNK") for k in ("actor1", "actor2"))
    gold_null = {(False, False): "none", (True, False): "actor1", (False, True): "actor2", (True, True): "both"}[
        (null1, null2)]
    if _undated(dup) or _undated(twin):
        dates = "one undated" if _undated(dup) != _undated(twin) else "both undated"
    elif dup["event_date"] == twin["event_date"] and dup["date_precision"] == twin["date_precision"]:
        dates = "same date"
    elif dup["date_precision"] != twin["date_precision"]:
        dates = "different precisions"
    else:
        dates = "different dates"
    if "sentence_index" in dup and "sentence_index" in twin:
        gap = abs(dup["sentence_index"] - twin["sentence_index"])
        distance = "0" if gap == 0 else "1-3" if gap <= 3 else "4+"
    else:
        distance = "0" if dup["evidence"] == twin["evidence"] else "unknown"
    word = lambda x: str(x.get("trigger") or "").lower()                # noqa: E731
    if "trigger" not in dup:
        trigger = "unknown"
    elif word(dup) and word(dup) == word(twin):
        trigger = "same word"
    elif dup.get("mode") == twin.get("mode"):
        trigger = "same mode, another word"
    else:
        trigger = "another mode"
    if "sentence_index" not in dup:
        order = "unknown"
    elif dup["sentence_index"] == twin["sentence_index"]:
        order = "same sentence"
    else:
        order = "after its twin" if dup["sentence_index"] > twin["sentence_index"] else "before its twin"
    return {"actors": actors, "gold null": gold_null, "dates": dates, "distance": distance, "trigger": trigger,
            "type": str(dup.get("event_type") or "").upper(), "order": order}


def duplicates(S, gold_events: list[dict], extracted: list[dict]) -> list[tuple[dict, dict, dict]]:
    """(gold event, duplicate, twin) for each duplicate of one document: the twin is the extracted event paired
    with the first gold event (in the scorer's ranking) that the duplicate matches."""
    candidates = [S.ranked(gold_events, x) for x in extracted]
    owner = S.best_pairing(candidates)
    paired = set(owner.values())
    by_id = {g["id"]: g for g in gold_events}
    out = []
    for i, x in enumerate(extracted):
        if i in paired or not candidates[i]:
            continue
        gid = next(gid for gid in candidates[i] if gid in owner)
        out.append((by_id[gid], x, extracted[owner[gid]]))
    return out


def dup_classes(S, gold_events: list[dict], extracted: list[dict]) -> collections.Counter:
    """Counts of (dimension, value) over the duplicates of one document (see dup_relation)."""
    counts: collections.Counter = collections.Counter()
    for g, x, t in duplicates(S, gold_events, extracted):
        for dim, value in dup_relation(S, g, x, t).items():
            counts[(dim, value)] += 1
    return counts


def readable(name: str, status_table: str) -> bool:
    """Whether a set may be read: never one of the never-read sets, and only one that devset/README.md's status
    table marks "tuned on" (a set it does not list, or lists otherwise, is refused)."""
    if name in NEVER_READ:
        return False
    for line in status_table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) < 2:
            continue
        first = cells[0].replace("*", "")
        if first.split(" ")[0] == name or f"`{name}/`" in first:
            return cells[1].replace("*", "").strip().lower() == "tuned on"
    return False


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


def by_mode(S, gold_events: list[dict], extracted: list[dict]) -> collections.Counter:
    """The right-type, wrong-party misses of one document by (how the parties are wrong, the gold's types, the modes
    of the coder's events of that type in its sentence): the coder's own category names, no word of the text."""
    counts: collections.Counter = collections.Counter()
    owner = S.best_pairing([S.ranked(gold_events, x) for x in extracted])
    for g in gold_events:
        if g["id"] in owner:
            continue
        phrase = str(g.get("evidence") or "").lower()
        types = {t.upper() for t in g["type"]}
        typed = [x for x in extracted if phrase and phrase in str(x["evidence"] or "").lower()
                 and str(x["event_type"] or "").upper() in types]
        if not typed or any(S.actors_match(g, x) for x in typed):
            continue
        modes = ", ".join(sorted({str(x.get("mode")) for x in typed}))
        counts[(_actor_error(S, g, typed), "/".join(sorted(types)), modes)] += 1
    return counts


def _party(code, text, sentence: str) -> str:
    if code is None:
        return "null"
    return "named" if text and str(text).lower() in sentence.lower() else "context"


def by_party(S, gold_events: list[dict], extracted: list[dict]) -> collections.Counter:
    """How the coder's events of one document fare by (type, how each party was found: named in the sentence, taken
    from context, or null; the learned component's events, which keep no party text, apart as TYPE/learned): counts
    of ("all", key) and ("right", key), right being matched or a duplicate (what the scorer counts correct for
    precision). Coder 0.21.0's filter of one-party events was found with these counts."""
    counts: collections.Counter = collections.Counter()
    candidates = [S.ranked(gold_events, x) for x in extracted]
    paired = set(S.best_pairing(candidates).values())
    for i, x in enumerate(extracted):
        sentence = str(x.get("evidence") or "")
        kind = str(x.get("event_type") or "").upper() + ("/learned" if x.get("mode") == "learned" else "")
        key = (kind, _party(x.get("actor1"), x.get("actor1_text"), sentence),
               _party(x.get("actor2"), x.get("actor2_text"), sentence))
        counts[("all", key)] += 1
        counts[("right", key)] += i in paired or bool(candidates[i])
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


def coded(S, docs) -> dict[str, list[dict]]:
    """Each document's events as the scorer reads them from the warehouse (the same columns, url for the key),
    plus the sentence index, trigger word and mode the warehouse does not hold (for the duplicates' classes)."""
    from transforms.coder import code_document

    by_doc: dict[str, list[dict]] = collections.defaultdict(list)
    for doc in docs:
        for e in code_document(doc):
            by_doc[S.doc_key(doc.url)].append({
                "url": doc.url, "event_date": e.event_date, "date_precision": e.date_precision, "actor1": e.actor1,
                "actor2": e.actor2, "event_type": e.event_type, "quantity_value": e.quantity_value,
                "quantity_unit": e.quantity_unit, "fatalities": e.fatalities, "location": e.location,
                "evidence": e.evidence, "sentence_index": e.sentence_index, "trigger": e.trigger, "mode": e.mode,
                "actor1_text": e.actor1_text, "actor2_text": e.actor2_text})
    return by_doc


def _pair(x: dict) -> str:
    date = x["event_date"].isoformat() if x.get("event_date") else "-"
    return (f"{x['actor1']}->{x['actor2']} {x['event_type']} {date}/{x['date_precision']} "
            f"#{x.get('sentence_index')} [{x.get('trigger')}|{x.get('mode')}]")


def list_dups(S, name: str, gold: dict, key: str, extracted: list[dict]) -> None:
    """Print each duplicate of one document next to its twin (sentences: readable sets only)."""
    for g, x, t in duplicates(S, gold.get("events") or [], extracted):
        rel = dup_relation(S, g, x, t)
        print(f"== {name} {key} gold {g['id']} {g['actor1']}->{g.get('actor2')} {g['type']} {g.get('date')}")
        print("   " + "; ".join(f"{k}: {v}" for k, v in rel.items()))
        print(f"   dup  {_pair(x)} | {' '.join(str(x['evidence']).split())}")
        print(f"   twin {_pair(t)} | {' '.join(str(t['evidence']).split())}")


def main(argv: list[str] | None = None) -> int:
    from tests.evalsets import _sets

    parser = argparse.ArgumentParser(prog="python -m tests.errorclasses", description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", dest="names", required=True, help="a set to pool (repeatable)")
    parser.add_argument("--by-type", action="store_true", help="also a table of outcomes by the gold's type")
    parser.add_argument("--by-mode", action="store_true",
                        help="also the right-type, wrong-party misses by how (the gold's type, the coder's modes)")
    parser.add_argument("--by-party", action="store_true",
                        help="also the precision of the coder's events by type and how each party was found")
    parser.add_argument("--list-dups", action="store_true",
                        help="print each duplicate's sentence next to its twin's (readable sets only)")
    args = parser.parse_args(argv)
    S = scorer()
    sets = _sets()
    unknown = [n for n in args.names if n not in sets]
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; known: {', '.join(sets)}")
    if args.list_dups:
        table = (ROOT / "devset" / "README.md").read_text(encoding="utf-8")
        refused = [n for n in args.names if not readable(n, table)]
        if refused:
            parser.error(f"--list-dups prints sentences: refused for {', '.join(refused)} (not marked \"tuned on\" "
                         "in devset/README.md; never-read sets are never listed)")
    total: collections.Counter = collections.Counter()
    kinds: collections.Counter = collections.Counter()
    dups: collections.Counter = collections.Counter()
    modes_seen: collections.Counter = collections.Counter()
    parties: collections.Counter = collections.Counter()
    for name in args.names:
        load, gold_dir = sets[name]
        docs = load()
        looks = {S.doc_key(d.url): sentence_lexicon(d) for d in docs}
        by_doc = coded(S, docs)
        for key, gold in S.load_gold(gold_dir).items():
            events = gold.get("events") or []
            total += classify(S, events, by_doc.get(key, []), looks.get(key))
            kinds += by_type(S, events, by_doc.get(key, []), looks.get(key))
            dups += dup_classes(S, events, by_doc.get(key, []))
            if args.by_mode:
                modes_seen += by_mode(S, events, by_doc.get(key, []))
            if args.by_party:
                parties += by_party(S, events, by_doc.get(key, []))
            if args.list_dups:
                list_dups(S, name, gold, key, by_doc.get(key, []))
    head = ("gold", "extracted", "matched")
    print(f"sets: {', '.join(args.names)}")
    for name in head:
        print(f"{total[name]:6d}  {name}")
    for name in sorted(k for k in total if k not in head):
        print(f"{total[name]:6d}  {name}")
    if args.by_mode:
        for (kind, types, modes), n in sorted(modes_seen.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"{n:6d}  actors wrong by mode: {kind}: {types} [{modes}]")
    if args.by_party:
        for (_, key), n in sorted(((k, v) for k, v in parties.items() if k[0] == "all"), key=lambda kv: (-kv[1], kv[0])):
            right = parties[("right", key)]
            print(f"{n:6d}  by party: {key[0]} {key[1]} -> {key[2]}: {right} right ({right / n:.2f})")
    for dim in DUP_DIMENSIONS:
        for (d, value), n in sorted(dups.items(), key=lambda kv: (-kv[1], kv[0])):
            if d == dim:
                print(f"{n:6d}  duplicate twin: {dim}: {value}")
    extracted, gold = total["extracted"], total["gold"]
    n_dups = sum(v for k, v in total.items() if k.startswith("duplicate"))
    p = (total["matched"] + n_dups) / extracted if extracted else 0.0
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
