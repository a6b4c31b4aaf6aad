"""A learned sentence classifier for the sentences the rules leave silent (pure: reads only transforms/data/).

The rule-based coder finds nothing in some sentences that name two or more parties and tell an act between them
("The Turkmen delegation and Taliban officials went through the TAPI route in Herat"). For such a sentence this
module gives the probability of each PLOVER root type (or NONE) from a multinomial logistic regression over word,
word-pair and mention features, with the parties' names replaced by placeholders (<CA>, <STATE>, <TALIBAN>, <IGO>,
<ARMED>) and places by <PLACE>, so that what it learns is how acts between parties are told, not who the parties
are. The coder's own cues keep it away from negated, modal, planned, denied, habitual sentences and headlines (the
classifier alone reads those badly). The roles come from a learned ranking of the sentence's ordered pairs of
parties of different sides (`pairs`, `train_ranker`: a conditional logit over where each party stands); a model
without one uses the fixed rule of `roles` (the passive's "by" agent, else the subject, and the first party of
another side after it).

The model is trained on the readable sets' gold; its settings (the threshold, the sentences it learns from, the
ranking) were chosen on the leave-one-set-out folds of the model-only sets, then never read by people
(tests/train_learned.py; figures: tests/learn_eval.py). It is shipped as transforms/data/learned_model.json.
Training is deterministic (fixed seed, fixed order, rounded weights), so the file regenerates byte for byte.
Events it adds carry mode "learned" and trigger None; their confidence is the model's probability.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass

from transforms.coder._data import DATA_DIR

MODEL_FILE = "learned_model.json"
LABELS = ("NONE", "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
FEATURE_SPEC = ("v1: lower-case words and adjacent pairs, party mentions as <STATE>/<CA>/<TALIBAN>/<AFG>/<IGO>/"
                "<ARMED>/<UNK>, places as <PLACE>, numbers <NUM>, years <YEAR>; 5-letter stems of longer words; "
                "preposition+placeholder per mention; count of sides; the coder's cues (unasserted, nostop)")
MODE = "learned"
SCALE = 100           # weights are stored in hundredths
MIN_CENTS = 2         # and only those of 0.02 or more
_IGOS = frozenset({"UN", "SCO", "CSTO", "EU", "CIS", "OIC", "NATO", "ADB", "WB"})
_CA = frozenset({"KAZ", "KGZ", "TJK", "TKM", "UZB"})
_SKIP_KINDS = frozenset({"others", "place", "unnamed"})
_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"(?:19|20)\d\d")


def side(code: str | None) -> str | None:
    return "AFG" if code in ("AFG", "TALIBAN") else code


def placeholder(code: str) -> str:
    if code == "TALIBAN":
        return "<TALIBAN>"
    if code == "AFG":
        return "<AFG>"
    if code in _IGOS:
        return "<IGO>"
    if code in _CA:
        return "<CA>"
    if code in (None, "UNK"):
        return "<UNK>"
    if len(code) == 3 and code.isalpha() and code.isupper():
        return "<STATE>"
    return "<ARMED>"


@dataclass(frozen=True)
class Party:
    """One named party of a sentence: its code, alias kind, preposition and offsets in the sentence."""

    code: str
    kind: str
    prep: str | None
    start: int
    end: int
    text: str


def parties(actors) -> list[Party]:
    """The sentence's named parties (roles.Placed with a code), in order; people, places and unnamed left out."""
    return [Party(a.m.code, a.m.kind, a.prep, a.start, a.end, a.m.text) for a in actors
            if a.m.code and a.m.code != "UNK" and a.m.kind not in _SKIP_KINDS]


def n_sides(ps: list[Party]) -> int:
    return len({side(p.code) for p in ps})


def tokens(sentence: str, ps: list[Party], places: list[tuple[int, int]] = ()) -> list[str]:
    """The sentence's words, lower case, with each party as its placeholder and each place named as <PLACE>."""
    spans = sorted([(p.start, p.end, placeholder(p.code)) for p in ps] + [(a, b, "<PLACE>") for a, b in places])
    out: list[str] = []
    at = 0
    for start, end, mark in spans:
        if start < at:
            continue
        out.extend(_words(sentence[at:start]))
        out.append(mark)
        at = end
    out.extend(_words(sentence[at:]))
    return out


def _words(chunk: str) -> list[str]:
    out = []
    for w in _WORD.findall(chunk.lower()):
        if w[0].isdigit():
            out.append("<YEAR>" if _YEAR.fullmatch(w) else "<NUM>")
        else:
            out.append(w.replace("’", "'"))
    return out


def features(sentence: str, ps: list[Party], cues: list[str] = (), places: list[tuple[int, int]] = ()) -> list[str]:
    """The sentence's features (sorted, each once); `cues` are the coder's own sentence flags ("unasserted":
    a negation, modality, plan, denial or not-yet word; "nostop": no closing full stop, as in a title)."""
    toks = tokens(sentence, ps, places)
    feats = {"bias", f"ns:{min(n_sides(ps), 4)}"}
    feats.update("c:" + c for c in cues)
    feats.update("w:" + t for t in toks)
    feats.update("s:" + t[:5] for t in toks if len(t) > 5 and t[0] != "<")
    feats.update(f"b:{a}_{b}" for a, b in zip(["<S>"] + toks, toks + ["</S>"]))
    for p in ps:
        feats.add(f"p:{p.prep or '-'}_{placeholder(p.code)}")
    return sorted(feats)


# "was taken round the free trade zone by", "were shown the bridge by the": a passive verb, its agent after "by"
_PASSIVE_BY = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?[a-z]+[^,;:]{0,60}?\bby\s+(?:the\s+)?$")


def roles(sentence: str, ps: list[Party]) -> tuple[str | None, str | None, int]:
    """(actor1, actor2, head): the agent of a passive ("... was signed by X") or the first party in subject
    position is actor1; actor2 is the first party of another side after it (else before it). The head (where the
    act is told, for its date) is the end of actor1's mention."""
    if not ps:
        return None, None, 0
    subj = next((p for p in ps if p.prep is None), ps[0])
    agent = next((p for p in ps if p.prep == "by" and p.start > subj.start and
                  _PASSIVE_BY.search(sentence, subj.end, p.start)), None)
    if agent is not None and side(agent.code) != side(subj.code):
        return agent.code, subj.code, agent.end
    after = [p for p in ps if p.start > subj.start and side(p.code) != side(subj.code)]
    other = after[0] if after else next((p for p in ps if side(p.code) != side(subj.code)), None)
    return subj.code, other.code if other else None, subj.end


def pairs(sentence: str, ps: list[Party]) -> list[tuple[str, str, tuple]]:
    """The ordered pairs (actor1, actor2, features) of the sentence's parties of different sides (each code by its
    first mention, at most six), for the learned role ranking."""
    firsts: list[Party] = []
    for p in ps:
        if all(p.code != q.code for q in firsts):
            firsts.append(p)
    firsts = firsts[:6]
    subj = next((k for k, p in enumerate(firsts) if p.prep is None), None)
    info = []
    for k, p in enumerate(firsts):
        before = re.findall(r"[a-z]+", sentence[max(0, p.start - 25):p.start].lower())[-2:]
        passive = p.prep == "by" and _PASSIVE_BY.search(sentence, 0, p.start) is not None
        info.append(dict(prep=p.prep or "-", ph=placeholder(p.code), kind=p.kind, rank=min(k, 3),
                         subj="s" if k == subj else "o", prev=before[-1] if before else "^",
                         prev2="_".join(before) if before else "^", passive=passive))
    out = []
    for i, a in enumerate(firsts):
        for j, b in enumerate(firsts):
            if i == j or side(a.code) == side(b.code):
                continue
            x, y = info[i], info[j]
            f = {"bias", f"o:{'ab' if i < j else 'ba'}", f"ap:{x['prep']}", f"bp:{y['prep']}",
                 f"apb:{x['prep']}_{y['prep']}", f"ah:{x['ph']}", f"bh:{y['ph']}", f"ahb:{x['ph']}_{y['ph']}",
                 f"ak:{x['kind']}", f"bk:{y['kind']}", f"ar:{x['rank']}", f"br:{y['rank']}",
                 f"arb:{x['rank']}_{y['rank']}", f"as:{x['subj']}", f"bs:{y['subj']}", f"aw:{x['prev']}",
                 f"bw:{y['prev']}", f"aw2:{x['prev2']}", f"bw2:{y['prev2']}", f"apass:{x['passive']}",
                 f"bpass:{y['passive']}", f"gap:{min(abs(b.start - a.end) // 20, 5)}"}
            between = sentence[min(a.end, b.end):max(a.start, b.start)].lower()
            f.update("btw:" + w for w in re.findall(r"[a-z]+", between)[:8])
            out.append((a.code, b.code, tuple(sorted(f))))
    return out


class Model:
    """A trained classifier: feature -> (label, weight) pairs, a bias per label, the emit threshold and the rules of
    emission (how many sides a sentence must name; whether a sentence with a negation, modality, plan or not-yet
    word or without a closing full stop is left alone)."""

    def __init__(self, data: dict):
        self.labels = tuple(data["labels"])
        self.threshold = float(data["threshold"])
        self.min_sides = int(data.get("min_sides", 2))
        self.gate = bool(data.get("gate", True))
        self.ranker = data.get("ranker") or {}
        import numpy as np      # (already loaded with spaCy; here so that importing this module stays light)

        self._np = np
        self.index = {f: i for i, f in enumerate(data["weights"])}
        self.matrix = np.zeros((len(self.index) + 1, len(self.labels)))     # the last row stays zero
        for f, w in data["weights"].items():
            for k in range(0, len(w), 2):
                self.matrix[self.index[f], w[k]] = w[k + 1] / SCALE
        self.bias = np.array(data["bias"], dtype=float) / SCALE
        self.data = data

    def probabilities(self, feats: list[str]) -> list[float]:
        np = self._np
        rows = [self.index[f] for f in feats if f in self.index]
        z = self.bias + self.matrix[rows].sum(axis=0) if rows else self.bias.copy()
        ex = np.exp(z - z.max())
        return [float(x) for x in ex / ex.sum()]

    def roles(self, label: str, pairs) -> tuple[str, str] | None:
        """The best-ranked (actor1, actor2) of the candidate pairs for an act of this type (None: no ranker)."""
        if not self.ranker or not pairs:
            return None
        best, top = None, None
        for a, b, feats in pairs:
            score = sum(self.ranker.get(f, 0.0) + self.ranker.get(f"{label}|{f}", 0.0) for f in feats)
            if top is None or score > top:
                best, top = (a, b), score
        return best

    def predict(self, feats: list[str]) -> tuple[str, float]:
        """The most probable label other than NONE and its probability (NONE when none reaches the threshold)."""
        p = self.probabilities(feats)
        best = max(range(1, len(p)), key=lambda i: (p[i], -i))
        if p[best] < self.threshold:
            return "NONE", p[0]
        return self.labels[best], p[best]


@functools.lru_cache(maxsize=1)
def default_model() -> Model | None:
    path = DATA_DIR / MODEL_FILE
    if not path.exists():
        return None
    with open(path, encoding="utf-8") as fh:
        return Model(json.load(fh))


def vocabulary(examples, min_count: int) -> tuple[list[str], dict[str, int]]:
    """The features seen at least `min_count` times in (features, label) examples (and the bias), sorted, with
    their column numbers."""
    counts: dict[str, int] = {}
    for feats, _ in examples:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= min_count or f == "bias")
    return vocab, {f: i for i, f in enumerate(vocab)}


def train(examples: list[tuple[list[str], str]], *, epochs: int = 12, rate: float = 0.2, l2: float = 1e-4,
          min_count: int = 2, seed: int = 13, threshold: float = 0.5, min_sides: int = 2, gate: bool = True,
          meta: dict | None = None) -> dict:
    """A multinomial logistic regression by plain SGD over (features, label) examples; deterministic (the order
    is a fixed-seed shuffle, the weights are rounded). Returns the model's JSON-ready data."""
    import numpy as np

    vocab, index = vocabulary(examples, min_count)
    rows = [(np.array([index[f] for f in feats if f in index], dtype=np.int64), LABELS.index(label))
            for feats, label in examples]
    w = np.zeros((len(vocab), len(LABELS)))
    order = np.random.default_rng(seed).permutation(len(rows)) if rows else []
    for epoch in range(epochs):
        lr = rate / (1.0 + epoch)
        for k in order:
            idx, y = rows[k]
            z = w[idx].sum(axis=0)
            z -= z.max()
            p = np.exp(z)
            p /= p.sum()
            p[y] -= 1.0
            w[idx] -= lr * (p[None, :] + l2 * w[idx])
    # sparse and in hundredths: feature -> [label index, weight x 100, label index, weight x 100, ...]
    cents = np.rint(w * SCALE).astype(np.int64)
    weights = {}
    for f, row in zip(vocab, cents):
        if f == "bias":
            continue
        kept = [int(x) for i, c in enumerate(row) if abs(c) >= MIN_CENTS for x in (i, c)]
        if kept:
            weights[f] = kept
    bias = [int(c) for c in cents[index["bias"]]] if "bias" in index else [0] * len(LABELS)
    data = dict(meta or {})
    data.update(format=1, feature_spec=FEATURE_SPEC, labels=list(LABELS), threshold=threshold, min_sides=min_sides,
                gate=gate, bias=bias,
                weights=weights, hyper=dict(epochs=epochs, rate=rate, l2=l2, min_count=min_count, seed=seed))
    return data


def train_ranker(groups: list[tuple[str, list[tuple[tuple, bool]]]], *, epochs: int = 10, rate: float = 0.2,
                 l2: float = 1e-4, seed: int = 13) -> dict[str, float]:
    """A conditional logit over each sentence's candidate pairs: groups of (type, [(pair features, right?)]) ->
    feature weights (each feature also conjoined with the type, "TYPE|feature"). Deterministic."""
    import numpy as np

    index: dict[str, int] = {}
    rows = []
    for label, cands in groups:
        if not any(ok for _, ok in cands) or len(cands) < 2:
            continue
        mats = []
        for feats, _ok in cands:
            names = list(feats) + [f"{label}|{f}" for f in feats]
            mats.append(np.array([index.setdefault(f, len(index)) for f in names], dtype=np.int64))
        y = np.array([1.0 if ok else 0.0 for _, ok in cands])
        rows.append((mats, y / y.sum()))
    vocab = sorted(index, key=index.get)
    w = np.zeros(len(vocab))
    order = np.random.default_rng(seed).permutation(len(rows)) if rows else []
    for epoch in range(epochs):
        lr = rate / (1.0 + epoch)
        for k in order:
            mats, y = rows[k]
            z = np.array([w[m].sum() for m in mats])
            z -= z.max()
            p = np.exp(z)
            p /= p.sum()
            for m, g in zip(mats, p - y):
                w[m] -= lr * (g + l2 * w[m])
    return {f: float(x) + 0.0 for f, x in zip(vocab, np.round(w, 3)) if abs(x) >= 0.0005}


def dumps(data: dict) -> str:
    """The model file's text (compact, keys sorted: the same model gives the same bytes)."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"
