"""Leave-one-set-out evaluation of the learned component (transforms/coder/learned.py); not collected by pytest.

    .venv/bin/python -m tests.learn_eval                 # folds at the shipped threshold, per fold and pooled
    .venv/bin/python -m tests.learn_eval --sweep         # the same for a range of thresholds (to choose one)

For each readable set (seed, dev, holdout, blind, blind2, blind3, blind4, blind7, blind8) it trains the component
on the other eight sets' gold, codes the left-out set with the rules plus that model, and scores it with the
project's scorer (../shared/eval/score.py, its own functions) next to the rules alone. It also counts the events
the component adds and how many of them match a gold event. The never-read sets are not read here."""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import io
import json
import pathlib
import sys

from tests.evalsets import SHARED, _sets
from transforms.coder import learned as L
from transforms.coder.pipeline import code_document, learned_event

READABLE = ("seed", "dev", "holdout", "blind", "blind2", "blind3", "blind4", "blind7", "blind8")
HYPER = dict(epochs=12, rate=0.2, l2=1e-4, min_count=2, seed=13, min_sides=2, gate=True)
RANKER = False        # learn the role ranking (measured: +10 of 482 gold sentences' roles leave-set-out, but one
                      # matching event fewer on the folds; not shipped) or keep the fixed rule in learned.roles
TRAIN_SIDES = 1       # train on every codable sentence naming a side (measured better than 2+ on the folds)
THRESHOLD = 0.80      # chosen on the folds: best pooled F1 with no fold losing more than 0.01 (see --sweep)
POOL = "all"          # train on every codable sentence naming enough sides ("all") or only the rule-silent ones


def scorer():
    spec = importlib.util.spec_from_file_location("caravan_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


SCORE = scorer()


def _norm(text: str) -> str:
    return " ".join(str(text).split()).lower()


def collect(names=READABLE) -> dict:
    """set -> (gold by doc key, [(doc, rule events, candidates)]): the coder run once per document, rules only."""
    sets = _sets()
    out = {}
    for name in names:
        load, gold_dir = sets[name]
        golds = SCORE.load_gold(gold_dir)
        docs = []
        for doc in load():
            trace: list = []
            events = code_document(doc, model=None, trace=trace)
            docs.append((doc, events, trace))
        out[name] = (golds, docs)
    return out


def gold_in(doc, cand, golds) -> list[dict]:
    """The gold events whose evidence phrase lies inside the candidate's sentence."""
    gold = golds.get(SCORE.doc_key(doc.url))
    if not gold:
        return []
    sentence = _norm((doc.text or "")[cand.start:cand.end])
    return [g for g in gold.get("events") or [] if g.get("evidence") and _norm(g["evidence"]) in sentence]


def label_of(doc, cand, golds) -> str:
    found = gold_in(doc, cand, golds)
    return str(found[0]["type"][0]).upper() if found else "NONE"


def examples(data: dict, names, pool: str = POOL, sides: int = TRAIN_SIDES) -> list[tuple[list[str], str]]:
    out = []
    for name in names:
        golds, docs = data[name]
        for doc, _events, trace in docs:
            for cand in trace:
                if pool == "silent" and not cand.silent or cand.sides < sides:
                    continue
                out.append((list(cand.feats), label_of(doc, cand, golds)))
    return out


def training_hash(data: dict, names) -> str:
    """A hash of what the model is trained on: each example's features and label, in order."""
    h = hashlib.sha256()
    for feats, label in examples(data, names):
        h.update((label + "\t" + " ".join(feats) + "\n").encode("utf-8"))
    return h.hexdigest()[:16]


def as_row(doc, ev) -> dict:
    return dict(url=doc.url, event_date=ev.event_date, date_precision=ev.date_precision, actor1=ev.actor1,
                actor2=ev.actor2, event_type=ev.event_type, quantity_value=ev.quantity_value,
                quantity_unit=ev.quantity_unit, fatalities=ev.fatalities, location=ev.location, evidence=ev.evidence)


def score_rows(golds, rows) -> dict:
    with contextlib.redirect_stdout(io.StringIO()):
        t = SCORE.score(golds, rows, False)
    p = SCORE.ratio(t["tp"] + t["dup"], t["extracted"])
    r = SCORE.ratio(t["tp"], t["gold"])
    t.update(p=p, r=r, f1=SCORE.ratio(2 * p * r, p + r))
    return t


def added_events(model: L.Model, docs, threshold: float):
    """(doc, event) the component adds to the rules' events at this threshold (as code_document does)."""
    out = []
    for doc, events, trace in docs:
        coded = {ev.sentence_index for ev in events}
        for cand in trace:
            if not cand.silent or cand.sides < model.min_sides or cand.index in coded or \
                    model.gate and not cand.asserted:
                continue
            p = model.probabilities(list(cand.feats))
            best = max(range(1, len(p)), key=lambda i: (p[i], -i))
            if p[best] >= threshold:
                out.append((doc, learned_event(doc, cand, model.labels[best], p[best], model)))
    return out


def ranker_groups(data: dict, names) -> list:
    """(gold type, [(pair features, the pair agrees with a gold event of the sentence)]) per gold sentence."""
    out = []
    for name in names:
        golds, docs = data[name]
        for doc, _events, trace in docs:
            for cand in trace:
                found = gold_in(doc, cand, golds)
                if not found or not cand.pairs:
                    continue
                out.append((str(found[0]["type"][0]).upper(),
                            [(feats, any(SCORE.actors_match(g, dict(actor1=a, actor2=b)) for g in found))
                             for a, b, feats in cand.pairs]))
    return out


def train_model(data: dict, names, hyper=HYPER, pool=POOL, sides=TRAIN_SIDES, ranker=RANKER, meta=None) -> dict:
    model = L.train(examples(data, names, pool, sides), meta=meta, **hyper)
    if ranker:
        model["ranker"] = L.train_ranker(ranker_groups(data, names), seed=hyper.get("seed", 13))
    return model


def fold_models(data: dict, hyper=HYPER, pool=POOL, sides=TRAIN_SIDES, ranker=RANKER) -> dict:
    return {name: L.Model(train_model(data, [n for n in data if n != name], hyper, pool, sides, ranker))
            for name in data}


def role_accuracy(data: dict, models: dict) -> None:
    """Leave-set-out role accuracy on every gold sentence naming 2+ sides: the fixed rule vs the model's ranking."""
    n = rule = learned = 0
    for name, (golds, docs) in data.items():
        for doc, _events, trace in docs:
            for cand in trace:
                found = gold_in(doc, cand, golds)
                if not found or cand.sides < 2:
                    continue
                n += 1
                rule += any(SCORE.actors_match(g, dict(actor1=cand.actor1, actor2=cand.actor2)) for g in found)
                pick = models[name].roles(str(found[0]["type"][0]).upper(), cand.pairs) or (cand.actor1, cand.actor2)
                learned += any(SCORE.actors_match(g, dict(actor1=pick[0], actor2=pick[1])) for g in found)
    print(f"roles on {n} gold sentences naming 2+ sides (leave-set-out): rule {rule} ({rule / max(n, 1):.3f}), "
          f"learned ranking {learned} ({learned / max(n, 1):.3f})")


def evaluate(data: dict, models: dict, threshold: float, verbose: bool = True) -> dict:
    pooled = {k: dict(gold=0, extracted=0, tp=0, dup=0, fp=0, date_ok=0, date_n=0) for k in ("rules", "both")}
    added_n = added_ok = 0
    per = {}
    for name, (golds, docs) in data.items():
        rules = [as_row(doc, ev) for doc, events, _ in docs for ev in events]
        extra = added_events(models[name], docs, threshold)
        both = rules + [as_row(doc, ev) for doc, ev in extra]
        ok = 0
        for doc, ev in extra:
            gold = golds.get(SCORE.doc_key(doc.url)) or {}
            ok += any(SCORE.matches(g, as_row(doc, ev)) for g in gold.get("events") or [])
        a, b = score_rows(golds, rules), score_rows(golds, both)
        per[name] = (a, b, len(extra), ok)
        added_n += len(extra)
        added_ok += ok
        for key, t in (("rules", a), ("both", b)):
            for k in pooled[key]:
                pooled[key][k] += t[k]
        if verbose:
            print(f"{name:8} rules F1 {a['f1']:.3f} P {a['p']:.3f} R {a['r']:.3f} | +learned F1 {b['f1']:.3f} "
                  f"P {b['p']:.3f} R {b['r']:.3f} | added {len(extra)}, matching gold {ok}, "
                  f"tp {a['tp']}->{b['tp']}, dup {a['dup']}->{b['dup']}, dates {a['date_ok']}/{a['date_n']}->"
                  f"{b['date_ok']}/{b['date_n']}")
    for key in pooled:
        t = pooled[key]
        p = SCORE.ratio(t["tp"] + t["dup"], t["extracted"])
        r = SCORE.ratio(t["tp"], t["gold"])
        t.update(p=p, r=r, f1=SCORE.ratio(2 * p * r, p + r))
    a, b = pooled["rules"], pooled["both"]
    if verbose:
        print(f"POOLED   rules F1 {a['f1']:.3f} P {a['p']:.3f} R {a['r']:.3f} (tp {a['tp']}, dup {a['dup']}, "
              f"extracted {a['extracted']}, dates {a['date_ok']}/{a['date_n']}) | +learned F1 {b['f1']:.3f} "
              f"P {b['p']:.3f} R {b['r']:.3f} (tp {b['tp']}, dup {b['dup']}, extracted {b['extracted']}, dates "
              f"{b['date_ok']}/{b['date_n']}) | added {added_n}, matching gold {added_ok} at threshold {threshold}")
        worst = min(per, key=lambda n: per[n][1]["f1"] - per[n][0]["f1"])
        print(f"worst fold change: {worst} {per[worst][1]['f1'] - per[worst][0]['f1']:+.3f}")
    return dict(pooled=pooled, per=per, added=added_n, added_ok=added_ok)


def retyper(data: dict, models: dict) -> None:
    """The optional second use, measured and not shipped: where a sentence holds one rule event and the fold's
    model puts another type (or NONE) at or above a threshold, retype that event (or drop it)."""
    import dataclasses

    for variant in ("retype", "drop", "drop-if-NONE"):
        for th in (0.6, 0.8, 0.9, 0.95):
            pooled = dict(gold=0, extracted=0, tp=0, dup=0)
            changed, worst = 0, 0.0
            for name, (golds, docs) in data.items():
                model, rows = models[name], []
                for doc, events, trace in docs:
                    by_index = {c.index: c for c in trace}
                    count: dict = {}
                    for ev in events:
                        count[ev.sentence_index] = count.get(ev.sentence_index, 0) + 1
                    for ev in events:
                        cand = by_index.get(ev.sentence_index)
                        if cand is not None and count[ev.sentence_index] == 1:
                            p = model.probabilities(list(cand.feats))
                            best = max(range(1, len(p)), key=lambda i: (p[i], -i))
                            if variant == "drop-if-NONE" and p[0] >= th:
                                changed += 1
                                continue
                            if variant != "drop-if-NONE" and model.labels[best] != ev.event_type and p[best] >= th:
                                changed += 1
                                if variant == "drop":
                                    continue
                                ev = dataclasses.replace(ev, event_type=model.labels[best])
                        rows.append(as_row(doc, ev))
                t = score_rows(golds, rows)
                base = score_rows(golds, [as_row(doc, ev) for doc, events, _ in docs for ev in events])
                worst = min(worst, t["f1"] - base["f1"])
                for k in pooled:
                    pooled[k] += t[k]
            p = SCORE.ratio(pooled["tp"] + pooled["dup"], pooled["extracted"])
            r = SCORE.ratio(pooled["tp"], pooled["gold"])
            print(f"{variant:12} threshold {th:.2f}: {changed} rule events changed, pooled F1 "
                  f"{SCORE.ratio(2 * p * r, p + r):.4f}, worst fold {worst:+.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.learn_eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sweep", action="store_true", help="score a range of thresholds")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--pool", default=POOL, choices=("all", "silent"))
    parser.add_argument("--train-sides", type=int, default=TRAIN_SIDES)
    parser.add_argument("--retyper", action="store_true", help="measure retyping or dropping rule events instead")
    parser.add_argument("--ranker", action="store_true", help="learn the role ranking instead of the fixed rule")
    parser.add_argument("--hyper", default=None, help="JSON overriding the training's hyper-parameters")
    args = parser.parse_args(argv)
    data = collect()
    hyper = dict(HYPER, **(json.loads(args.hyper) if args.hyper else {}))
    models = fold_models(data, hyper, args.pool, args.train_sides, args.ranker)
    role_accuracy(data, models)
    shipped = L.default_model()
    if shipped is not None and args.threshold is None and shipped.threshold != THRESHOLD:
        print(f"note: the shipped model's threshold {shipped.threshold} differs from THRESHOLD {THRESHOLD}")
    if args.retyper:
        print(f"rules only: pooled F1 {evaluate(data, models, 2.0, verbose=False)['pooled']['rules']['f1']:.4f}")
        retyper(data, models)
        return 0
    if args.sweep:
        for th in (0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
            r = evaluate(data, models, th, verbose=False)
            worst = min(v[1]["f1"] - v[0]["f1"] for v in r["per"].values())
            print(f"threshold {th:.2f}: pooled F1 {r['pooled']['rules']['f1']:.4f} -> {r['pooled']['both']['f1']:.4f}"
                  f" (P {r['pooled']['both']['p']:.3f} R {r['pooled']['both']['r']:.3f}), added {r['added']}, "
                  f"matching gold {r['added_ok']}, worst fold {worst:+.3f}")
        return 0
    threshold = args.threshold if args.threshold is not None else (shipped.threshold if shipped else THRESHOLD)
    evaluate(data, models, threshold)
    return 0


if __name__ == "__main__":
    sys.exit(main())
