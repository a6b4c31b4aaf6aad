"""Train the learned component on its training pool and write transforms/data/learned_model.json (not collected
by pytest). Deterministic: the same gold, documents and coder give the same bytes.

    .venv/bin/python -m tests.train_learned            # write the model file
    .venv/bin/python -m tests.train_learned --check    # exit 1 when the committed file differs from a fresh training

The hyper-parameters, the sides, the role ranking and the threshold are the ones chosen leave-one-set-out on the
model-only sets' folds (tests/learn_eval.py); the classifier and the ranking learn from the sets of
learn_eval.COMPONENT_POOL (since coder 0.11.0 all 23: the readable sets and the fourteen model-only ones; its
comment gives the measurements). The file records both: `train_sets` (what the weights learnt from) and
`chosen_on` (whose folds chose the settings)."""
from __future__ import annotations

import argparse
import sys

from tests import learn_eval as E
from transforms.coder import learned as L
from transforms.coder._data import DATA_DIR


def build(data: dict | None = None) -> str:
    data = data if data is not None else E.collect(E.TRAIN_SETS if E.COMPONENT_POOL == "all" else E.READABLE)
    names = E.pool_of(data)
    meta = dict(train_sets=names, chosen_on=list(E.MODEL_ONLY), train_hash=E.training_hash(data, names), pool=E.POOL,
                train_sides=E.TRAIN_SIDES)
    hyper = dict(E.HYPER, threshold=E.THRESHOLD)
    return L.dumps(E.train_model(data, names, hyper, E.POOL, E.TRAIN_SIDES, E.RANKER, meta))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.train_learned", description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed file instead of writing")
    args = parser.parse_args(argv)
    text = build()
    path = DATA_DIR / L.MODEL_FILE
    if args.check:
        same = path.exists() and path.read_text(encoding="utf-8") == text
        print(f"{path.name}: {'matches' if same else 'DIFFERS from'} a fresh training")
        return 0 if same else 1
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path} ({len(text)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
