"""Leave-one-set-out evaluation of the learned component (transforms/coder/learned.py); not collected by pytest.

    .venv/bin/python -m tests.learn_eval                 # folds at the shipped settings, per fold and pooled
    .venv/bin/python -m tests.learn_eval --sweep         # the same for a range of thresholds (to choose one)
    .venv/bin/python -m tests.learn_eval --filter        # the filter of rule events (measured, not shipped)

The folds are the 45 sets of TRAIN_SETS: the nine readable ones (seed, dev, holdout, blind, blind2, blind3, blind4,
blind7, blind8) and the thirty-six model-only ones (blind5, blind6, blind9 to blind17, blind25 to blind27, blind35 to
blind38, blind43 to blind60: loaded here as data; only aggregate numbers are printed, never a sentence, a gold entry
or a document's text; blind55 to 60 are still unread, blind5, 6 and 9 to 13 have been read to tune the rules since
the seventh session, blind14 to 17, 25 to 27, 35 to 38 and 43 to 54 since the ninth). For each set it trains the
component on the other sets of the training pool (COMPONENT_POOL: the readable sets, or all 45), codes the left-out
set with the rules plus that model, and scores it with the
project's scorer (../shared/eval/score.py, its own functions) next to the rules alone and to the previous settings
(PREVIOUS). The pooled figures are given apart for the readable folds (the rules' own tuning sets: the rules rarely
err there) and for the model-only folds, which resemble unseen prose: the settings are chosen on those (best pooled
F1 with the readable folds' pooled F1 not more than 0.01 below the previous settings'). blind18 to blind24, blind28
to blind34, blind39 to blind42 and blind61 to blind72 are never loaded here: they are the lead's test pool (blind12-17
were, until coder 0.11.0 took them into the model's data). Since coder 0.13.0 the component also reads silent
sentences that name one side (pipeline._context_candidate); the folds here score only its reading of sentences that
name two or more."""
from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.util
import io
import json
import math
import pathlib
import re
import sys

from tests.evalsets import SHARED, _sets
from transforms.coder import learned as L
from transforms.coder import pipeline as P
from transforms.coder.pipeline import code_document, learned_event

READABLE = ("seed", "dev", "holdout", "blind", "blind2", "blind3", "blind4", "blind7", "blind8")
MODEL_ONLY = ("blind5", "blind6", "blind9", "blind10", "blind11",     # model training data (5, 6, 9-13 read since session 7)
              "blind12", "blind13", "blind14", "blind15", "blind16", "blind17", "blind25", "blind26", "blind27",
              "blind35", "blind36", "blind37", "blind38",
              "blind43", "blind44", "blind45", "blind46", "blind47", "blind48",
              "blind49", "blind50", "blind51", "blind52", "blind53", "blind54",
              "blind55", "blind56", "blind57", "blind58", "blind59", "blind60")
TRAIN_SETS = READABLE + MODEL_ONLY
# which sets the shipped classifier and role ranking learn from: all 45. Measured on the folds (--pool-sets): with
# the five model-only sets of coder 0.10.0, adding their gold to the training gave 1-5 fewer matching events on
# their folds at every threshold; with eleven (blind12-17 added, coder 0.11.0) it gives more: model-only pooled F1
# 0.5251 (readable) -> 0.5301 (all), 476 -> 484 matching; readable folds 0.8782 -> 0.8829. With fourteen (blind25-27
# added, written as model data) the two are within two matching events: 0.5584 (readable, 632) and 0.5570 (all,
# 630) on the model-only folds, 0.8796 / 0.8801 on the readable ones; "all" is kept (eight events ahead with eleven
# sets, two behind with fourteen: no sign that the unread sets' gold misleads it). With eighteen (blind35-38 added in
# the eighth session, written as fresh sets and scored once before): on the fourteen earlier model-only folds 0.6349
# (23 sets) -> 0.6375 (27 sets), 738 -> 741 matching; readable folds 0.8831 -> 0.8863. With thirty-six (blind43-60
# added in the ninth) the rules alone score 0.5408 on the model-only folds and the rules plus the component 0.5637;
# more epochs (20), min_count 1 or l2 1e-3 move that by less than 0.002, and trigger-type features by 0.0009. The
# learning curve is flat (tenth session: each fold trained on the readable sets plus a random share of the
# model-only ones): 11 training sets 0.5591, 23 sets 0.5607, all 45 0.5637 on the model-only folds
COMPONENT_POOL = "all"
HYPER = dict(epochs=12, rate=0.2, l2=1e-4, min_count=2, seed=13, min_sides=2, gate=True)
RANKER = True         # the learned role ranking (on the model-only folds: 4-6 matching events more than the fixed
                      # rule at the same threshold; on the readable folds about even)
TRAIN_SIDES = 2       # train on every codable sentence naming 2+ sides (with the ranker: better than 1+ on the
                      # model-only folds; the examples are then the sentences the component may code)
THRESHOLD = 0.35      # 0.30 chosen on the model-only folds (see --sweep): pooled F1 there 0.5351 (0.25: 0.5388, 0.45:
                      # 0.5326, 0.80: 0.5250), the readable folds' pooled F1 within 0.01 of the previous settings'.
                      # Again with eleven model-only sets and COMPONENT_POOL all (coder 0.11.0): 0.5301 (0.15:
                      # 0.5299, 0.25: 0.5297, 0.35: 0.5291, 0.40: 0.5272, 0.60: 0.5237, 0.90: 0.5161); 0.35 shipped,
                      # as good within one matching event (481 against 484), because at 0.30 that model reads "The
                      # Taliban greeted Russia's decision" as a meeting (CONSULT 0.32, CONCEDE 0.25, SUPPORT 0.18;
                      # tests/test_coder_lexicon_coop.py), a sense of "greet" the codebook rules out. With fourteen
                      # model-only sets 0.35 is the best threshold outright: 0.5570 (0.15: 0.5561, 0.30: 0.5564,
                      # 0.40: 0.5563, 0.60: 0.5541, 0.90: 0.5484)
                      # Not 0.25: there the model codes "the pandemic halted trade across the Uzbek-Afghan border"
                      # (p 0.27; tests/test_coder_not_events.py), a non-act the project's own tests rule out
SECOND = 0.0          # --second T (measured in the tenth session, not shipped): in a sentence the rules coded
                      # (asserted, two sides named) the component adds an event of a type none of the rule events there
                      # has, at probability T. On the 36 model-only folds: off 0.5637; 0.8 0.5696 (readable folds 0.8814
                      # -> 0.8788; without the attendance-list guard 0.5695 at 0.5, 0.5702 at 0.6, 0.5689 at 0.9). Most
                      # of it hedges one act with a second type: it breaks five of the codebook's tests ("torpedoed
                      # talks" read as talks, "met the Taliban's demands" as a meeting, the ambassador who "called on"
                      # the president to hand over credentials as support); kept to the same polarity (cooperation /
                      # conflict) as the rule events it is 0.5677 and still breaks two, and kept to sentences with a
                      # second clause (";", "and" + a verb ...) 0.5651. Duplicates rise from 5.5 % to 5.9-6.0 % of what
                      # is extracted. Adding it also where the type is coded but the ranked pair differs scores 0.5765,
                      # with duplicates at 7.6 %: a second reading of the same act, not a second act
POOL = "all"          # train on every codable sentence naming enough sides ("all") or only the rule-silent ones
PREVIOUS = dict(pool_sets="readable", sides=1, ranker=False, threshold=0.80)    # the first round's settings (never released)


def scorer():
    spec = importlib.util.spec_from_file_location("caravan_score", SHARED / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


SCORE = scorer()


def _norm(text: str) -> str:
    return " ".join(str(text).split()).lower()


def collect(names=TRAIN_SETS) -> dict:
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


def training_hash(data: dict, names, sides: int = TRAIN_SIDES) -> str:
    """A hash of what the model is trained on: each example's features and label, in order."""
    h = hashlib.sha256()
    for feats, label in examples(data, names, POOL, sides):
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


def added_events(model: L.Model, docs, threshold: float, second: float | None = None):
    """(doc, event) the component adds to the rules' events at this threshold (as code_document does) in a silent
    sentence; with `second` (default SECOND; 0, as shipped: never) also, as measured, in a sentence the rules coded,
    a type none of its rule events has, at that probability."""
    second = SECOND if second is None else second
    out = []
    for doc, events, trace in docs:
        coded: dict[int, set[str]] = {}
        for ev in events:
            coded.setdefault(ev.sentence_index, set()).add(ev.event_type)
        for cand in trace:
            if cand.sides < model.min_sides or model.gate and not cand.asserted:
                continue
            p = model.probabilities(list(cand.feats))
            best = max(range(1, len(p)), key=lambda i: (p[i], -i))
            label = model.labels[best]
            if cand.silent and cand.index not in coded and p[best] >= threshold or \
                    not cand.silent and cand.index in coded and second and p[best] >= max(second, threshold) and \
                    label not in coded[cand.index] and not _attendance(doc, cand):
                out.append((doc, learned_event(doc, cand, label, p[best], model)))
    return out


def _attendance(doc, cand) -> bool:
    """A list of attendees without a host (the coder gives the component no candidate there when it codes)."""
    sentence = (doc.text or "")[cand.start:cand.end]
    return bool(P._attendees_after(sentence) or P._attendees_before(sentence))


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


def pool_of(data: dict, pool_sets: str = COMPONENT_POOL) -> list[str]:
    """The sets a component learns from: the readable ones, or all the training sets loaded."""
    return [n for n in data if pool_sets == "all" or n in READABLE]


def fold_models(data: dict, hyper=HYPER, pool=POOL, sides=TRAIN_SIDES, ranker=RANKER,
                pool_sets: str = COMPONENT_POOL) -> dict:
    """set -> the model trained on the pool's other sets (sets with the same training sets share one model)."""
    out, made = {}, {}
    for name in data:
        names = tuple(n for n in pool_of(data, pool_sets) if n != name)
        if names not in made:
            made[names] = L.Model(train_model(data, list(names), hyper, pool, sides, ranker))
        out[name] = made[names]
    return out


def role_accuracy(data: dict, models: dict) -> None:
    """Leave-set-out role accuracy on every gold sentence naming 2+ sides: the fixed rule vs the model's ranking,
    for the readable and the model-only folds (counts only)."""
    for group, names in (("readable", READABLE), ("model-only", MODEL_ONLY)):
        n = rule = learned = 0
        for name in names:
            if name not in data:
                continue
            golds, docs = data[name]
            for doc, _events, trace in docs:
                for cand in trace:
                    found = gold_in(doc, cand, golds)
                    if not found or cand.sides < 2:
                        continue
                    n += 1
                    rule += any(SCORE.actors_match(g, dict(actor1=cand.actor1, actor2=cand.actor2)) for g in found)
                    pick = models[name].roles(str(found[0]["type"][0]).upper(), cand.pairs) or \
                        (cand.actor1, cand.actor2)
                    learned += any(SCORE.actors_match(g, dict(actor1=pick[0], actor2=pick[1])) for g in found)
        print(f"roles on {n} {group} gold sentences naming 2+ sides (leave-set-out): rule {rule} "
              f"({rule / max(n, 1):.3f}), learned ranking {learned} ({learned / max(n, 1):.3f})")


def _pooled(ts: list[dict]) -> dict:
    t = {k: sum(x[k] for x in ts) for k in ("gold", "extracted", "tp", "dup", "fp", "date_ok", "date_n")}
    p = SCORE.ratio(t["tp"] + t["dup"], t["extracted"])
    r = SCORE.ratio(t["tp"], t["gold"])
    t.update(p=p, r=r, f1=SCORE.ratio(2 * p * r, p + r))
    return t


def _fig(t: dict) -> str:
    return f"F1 {t['f1']:.4f} P {t['p']:.3f} R {t['r']:.3f} tp {t['tp']} dup {t['dup']} ext {t['extracted']}"


def evaluate(data: dict, models: dict, threshold: float, verbose: bool = True, keep=None, before=None) -> dict:
    """Per fold and pooled (readable folds / model-only folds): the rules alone, the rules with the component
    (and, with `keep`, only the rule events keep(doc, event) accepts), and with `before` = (models, threshold)
    the previous settings. Counts of the events added and dropped and how many of them match a gold event."""
    per, rows_by = {}, {}
    counts = dict(added=0, added_ok=0, dropped=0, dropped_ok=0)
    for name, (golds, docs) in data.items():
        def ok(doc, ev, golds=golds):
            gold = golds.get(SCORE.doc_key(doc.url)) or {}
            return any(SCORE.matches(g, as_row(doc, ev)) for g in gold.get("events") or [])

        rules = [(doc, ev) for doc, events, _ in docs for ev in events]
        kept = [(doc, ev) for doc, ev in rules if keep is None or keep(doc, ev)]
        extra = added_events(models[name], docs, threshold)
        counts["added"] += len(extra)
        counts["added_ok"] += sum(ok(doc, ev) for doc, ev in extra)
        counts["dropped"] += len(rules) - len(kept)
        counts["dropped_ok"] += sum(ok(doc, ev) for doc, ev in rules if keep is not None and not keep(doc, ev))
        a = score_rows(golds, [as_row(doc, ev) for doc, ev in rules])
        b = score_rows(golds, [as_row(doc, ev) for doc, ev in kept + extra])
        was = None
        if before is not None:
            was = score_rows(golds, [as_row(doc, ev) for doc, ev in rules + added_events(before[0][name], docs,
                                                                                         before[1])])
        per[name] = (a, b, len(extra), was)
        if verbose:
            print(f"{name:8} rules {_fig(a)} | " + (f"previous F1 {was['f1']:.4f} | " if was else "") +
                  f"new {_fig(b)} | added {len(extra)}")
    out = dict(per=per, **counts)
    for group, names in (("readable", READABLE), ("model-only", MODEL_ONLY)):
        names = [n for n in names if n in per]
        if not names:
            continue
        out[group] = dict(rules=_pooled([per[n][0] for n in names]), new=_pooled([per[n][1] for n in names]))
        if before is not None:
            out[group]["previous"] = _pooled([per[n][3] for n in names])
        if verbose:
            g = out[group]
            print(f"POOLED {group:10} rules {_fig(g['rules'])}" +
                  (f" | previous {_fig(g['previous'])}" if before is not None else "") + f" | new {_fig(g['new'])}")
    if verbose:
        print(f"added {counts['added']} events ({counts['added_ok']} matching a gold event) at threshold "
              f"{threshold}; rule events dropped {counts['dropped']} ({counts['dropped_ok']} matching)")
    return out


# ---- the filter of rule events (measured, not shipped): P(a rule event matches gold) from generic features ----

FILTER_SPEC = ("type, mode, trigger's first word (5 letters), confidence, date source/precision, each role's "
               "placeholder and how it was found (subject, by-agent, other preposition, outside the sentence, "
               "pronoun, null), the sentence classifier's P(NONE) and P(type) in tenths and its best label, sentence "
               "length and position, sides named, quotation, reported speech, future/modal cues, rule events in the "
               "sentence")
_PRONOUN = frozenset({"it", "its", "they", "them", "their", "he", "she", "his", "her", "we", "our", "the group",
                      "the country", "the movement", "the government", "the organisation", "the organization"})
_SAID = re.compile(r"\b(?:said|says|say|told|according to|stated|claimed|reported|announced|added)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|would|could|may|might|should|plans?|planned|intends?|expected|hopes?)\b", re.I)
_QUOTE = re.compile(r"[\"“”«»]")


def _how(code, text, sentence: str, parties) -> str:
    """How a role was found: null, a pronoun or anaphor, outside the sentence (its words are not there), else the
    preposition of its mention among the sentence's parties ("-": the subject position; "np": not a named party)."""
    if code is None:
        return "null"
    if text is None or text not in sentence:
        return "ctx"
    if text.lower() in _PRONOUN:
        return "pron"
    prep = next((p[2] for p in parties if p[0] == code), "np")
    return prep or "-"


def event_features(ev, cand, probs, labels, n_in_sentence: int, n_sentences: int) -> list[str]:
    """The filter's features of a rule event; `cand` is its sentence's candidate (None when the sentence names no
    side), `probs` the sentence classifier's probabilities there."""
    sentence = ev.evidence or ""
    feats = {"bias", f"t:{ev.event_type}", f"m:{ev.mode}", f"tm:{ev.event_type}_{ev.mode}",
             f"cf:{round(float(ev.confidence or 0), 2)}", f"ds:{ev.date_source}", f"dp:{ev.date_precision}"}
    trig = re.findall(r"[a-z]+", (ev.trigger or "").lower())
    feats.add(f"tr:{trig[0][:5] if trig else '-'}")
    parties = cand.parties if cand is not None else ()
    h1 = _how(ev.actor1, ev.actor1_text, sentence, parties)
    h2 = _how(ev.actor2, ev.actor2_text, sentence, parties)
    p1 = L.placeholder(ev.actor1) if ev.actor1 else "-"
    p2 = L.placeholder(ev.actor2) if ev.actor2 else "-"
    feats.update({f"h1:{h1}", f"h2:{h2}", f"h12:{h1}_{h2}", f"a1:{p1}", f"a2:{p2}", f"a12:{p1}_{p2}",
                  f"th1:{ev.event_type}_{h1}", f"th2:{ev.event_type}_{h2}"})
    if cand is None:
        feats.update({"nocls", "ns:0"})
    else:
        feats.add(f"ns:{min(cand.sides, 4)}")
        feats.update(f for f in cand.feats if f.startswith("c:"))
    if probs is not None:
        best = max(range(1, len(probs)), key=lambda i: (probs[i], -i))
        own = probs[labels.index(ev.event_type)] if ev.event_type in labels else 0.0
        feats.update({f"pn:{min(int(probs[0] * 10), 9)}", f"pt:{min(int(own * 10), 9)}",
                      f"pb:{'same' if labels[best] == ev.event_type else 'other'}",
                      f"pbt:{ev.event_type}_{labels[best] if probs[best] > probs[0] else 'NONE'}"})
    words = len(sentence.split())
    feats.update({f"len:{min(words // 10, 5)}", f"pos:{min(ev.sentence_index, 4)}",
                  f"rel:{min(int(5 * ev.sentence_index / max(n_sentences, 1)), 4)}",
                  f"nev:{min(n_in_sentence, 3)}", f"q:{bool(_QUOTE.search(sentence))}",
                  f"said:{bool(_SAID.search(sentence))}", f"fut:{bool(_FUTURE.search(sentence))}",
                  f"qty:{ev.quantity_value is not None}", f"loc:{ev.location is not None}"})
    return sorted(feats)


def train_binary(examples: list[tuple[list[str], bool]], *, epochs: int = 10, rate: float = 0.1, l2: float = 1e-3,
                 min_count: int = 3, seed: int = 13, **_other) -> dict[str, float]:
    """A logistic regression by plain SGD over (features, keep?) examples; deterministic."""
    import numpy as np

    vocab, index = L.vocabulary(examples, min_count)
    rows = [(np.array([index[f] for f in feats if f in index], dtype=np.int64), 1.0 if y else 0.0)
            for feats, y in examples]
    w = np.zeros(len(vocab))
    for epoch in range(epochs):
        lr = rate / (1.0 + epoch)
        for k in np.random.default_rng(seed).permutation(len(rows)):
            idx, y = rows[k]
            p = 1.0 / (1.0 + math.exp(-max(min(float(w[idx].sum()), 30.0), -30.0)))
            w[idx] -= lr * ((p - y) + l2 * w[idx])
    return {f: float(x) for f, x in zip(vocab, w)}


FILTER_HYPER: dict = {}


def _keep_p(weights: dict, feats: list[str]) -> float:
    return 1.0 / (1.0 + math.exp(-max(min(sum(weights.get(f, 0.0) for f in feats), 30.0), -30.0)))


def filter_rows(data: dict, name: str, model: L.Model) -> list:
    """(doc, event, filter features, matches a gold event?) for every rule event of a set."""
    golds, docs = data[name]
    out = []
    for doc, events, trace in docs:
        by = {c.index: c for c in trace}
        n_sent = max([c.index for c in trace] + [e.sentence_index for e in events] + [1])
        per: dict[int, int] = {}
        for ev in events:
            per[ev.sentence_index] = per.get(ev.sentence_index, 0) + 1
        gold = (golds.get(SCORE.doc_key(doc.url)) or {}).get("events") or []
        for ev in events:
            cand = by.get(ev.sentence_index)
            probs = model.probabilities(list(cand.feats)) if cand is not None else None
            feats = event_features(ev, cand, probs, model.labels, per[ev.sentence_index], n_sent)
            out.append((doc, ev, feats, any(SCORE.matches(g, as_row(doc, ev)) for g in gold)))
    return out


def filter_measure(data: dict, models: dict, threshold: float, filter_sets: str, hyper=HYPER, pool=POOL,
                   sides=TRAIN_SIDES, ranker=RANKER, pool_sets: str = COMPONENT_POOL) -> None:
    """Leave-one-set-out with nested stacking: for fold k the filter learns from the other sets' rule events, each
    set's classifier probabilities from a model trained without it and without k; then drops the rule events of k
    below each threshold. `filter_sets`: all (the 13 other sets), model (the model-only ones: first-sight prose
    only) or dom (all, the readable sets' events marked so that the bias fits first-sight prose)."""
    cache: dict = {}

    def cls(excl) -> L.Model:
        names = tuple(n for n in pool_of(data, pool_sets) if n not in excl)
        if names not in cache:
            cache[names] = L.Model(train_model(data, list(names), hyper, pool, sides, ranker))
        return cache[names]

    probs: dict = {}
    for k in data:
        train = []
        for j in data:
            if j == k or filter_sets == "model" and j in READABLE:
                continue
            mark = ["dom:read"] if filter_sets == "dom" and j in READABLE else []
            train += [(f + mark, y) for _, _, f, y in filter_rows(data, j, cls({k, j}))]
        w = train_binary(train, **FILTER_HYPER)
        for doc, ev, f, _y in filter_rows(data, k, cls({k})):
            probs[id(ev)] = _keep_p(w, f)
    base = evaluate(data, models, threshold, verbose=False)
    print(f"no filter: readable {_fig(base['readable']['new'])} | model-only {_fig(base['model-only']['new'])}")
    for th in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5):
        r = evaluate(data, models, threshold, verbose=False, keep=lambda doc, ev: probs[id(ev)] >= th)
        folds = " ".join(f"{n} {r['per'][n][1]['f1'] - base['per'][n][1]['f1']:+.3f}" for n in MODEL_ONLY)
        print(f"filter ({filter_sets}) at {th:.2f}: readable {_fig(r['readable']['new'])} | model-only "
              f"{_fig(r['model-only']['new'])} | dropped {r['dropped']} ({r['dropped_ok']} matching) | {folds}")


def retyper(data: dict, models: dict) -> None:
    """The optional second use, measured and not shipped: where a sentence holds one rule event and the fold's
    model puts another type (or NONE) at or above a threshold, retype that event (or drop it)."""
    import dataclasses

    for variant in ("retype", "drop", "drop-if-NONE"):
        for th in (0.6, 0.8, 0.9, 0.95):
            per, changed = {}, 0
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
                per[name] = score_rows(golds, rows)
            groups = " | ".join(f"{g} {_fig(_pooled([per[n] for n in names if n in per]))}"
                                for g, names in (("readable", READABLE), ("model-only", MODEL_ONLY)))
            print(f"{variant:12} threshold {th:.2f}: {changed} rule events changed | {groups}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.learn_eval", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sweep", action="store_true", help="score a range of thresholds")
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--pool", default=POOL, choices=("all", "silent"))
    parser.add_argument("--pool-sets", default=COMPONENT_POOL, choices=("readable", "all"),
                        help="the sets the component learns from (the folds are always all 14)")
    parser.add_argument("--train-sides", type=int, default=TRAIN_SIDES)
    parser.add_argument("--retyper", action="store_true", help="measure retyping or dropping rule events instead")
    parser.add_argument("--ranker", type=int, default=int(RANKER), help="1: learn the role ranking; 0: fixed rule")
    parser.add_argument("--filter", default=None, choices=("all", "model", "dom"),
                        help="measure a learned filter of rule events trained on these sets' events")
    parser.add_argument("--second", type=float, default=None,
                        help="measure a second event in coded sentences at this probability (see SECOND)")
    parser.add_argument("--hyper", default=None, help="JSON overriding the training's hyper-parameters")
    parser.add_argument("--filter-hyper", default=None, help="JSON: the filter's hyper-parameters (train_binary)")
    args = parser.parse_args(argv)
    FILTER_HYPER.update(json.loads(args.filter_hyper) if args.filter_hyper else {})
    data = collect()
    hyper = dict(HYPER, **(json.loads(args.hyper) if args.hyper else {}))
    models = fold_models(data, hyper, args.pool, args.train_sides, bool(args.ranker), args.pool_sets)
    role_accuracy(data, models)
    shipped = L.default_model()
    if shipped is not None and args.threshold is None and shipped.threshold != THRESHOLD:
        print(f"note: the shipped model's threshold {shipped.threshold} differs from THRESHOLD {THRESHOLD}")
    threshold = args.threshold if args.threshold is not None else THRESHOLD
    if args.second is not None:
        globals()["SECOND"] = args.second
    if args.retyper:
        r = evaluate(data, models, 2.0, verbose=False)
        print(f"rules only: readable {_fig(r['readable']['rules'])} | model-only {_fig(r['model-only']['rules'])}")
        retyper(data, models)
        return 0
    if args.filter:
        filter_measure(data, models, threshold, args.filter, hyper, args.pool, args.train_sides, bool(args.ranker),
                       args.pool_sets)
        return 0
    if args.sweep:
        for th in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9):
            r = evaluate(data, models, th, verbose=False)
            print(f"threshold {th:.2f}: readable {_fig(r['readable']['new'])} | model-only "
                  f"{_fig(r['model-only']['new'])} | added {r['added']} ({r['added_ok']} matching)")
        return 0
    prev = fold_models(data, HYPER, POOL, PREVIOUS["sides"], PREVIOUS["ranker"], PREVIOUS["pool_sets"])
    evaluate(data, models, threshold, before=(prev, PREVIOUS["threshold"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
