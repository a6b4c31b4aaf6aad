"""Score the coder on every evaluation set in one process, without Prefect (not collected by pytest).

    .venv/bin/python -m tests.evalsets                 # totals for seed, dev, holdout, blind, blind2, ...
    .venv/bin/python -m tests.evalsets --set dev --show  # one set, with its misses (never --show a blind set
                                                         # you are measuring with: see its README)

It runs the same path as tests/test_devset.py (the real parser and coder, a real DuckDB file) and the
project's scorer (../shared/eval/score.py), printing each scorer's last line."""
from __future__ import annotations

import argparse
import pathlib
import subprocess
import sys
import tempfile

from tests.test_devset import SEED, SETS, _page, documents_in, write_warehouse
from transforms.parse import parse_document

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _sets() -> dict[str, tuple[list, pathlib.Path]]:
    found = {}
    seed_html = SHARED / "seed" / f"{SEED}.html"
    if seed_html.exists():
        doc = parse_document(_page(seed_html.resolve().as_uri(), seed_html.read_bytes(), "text/html"))
        found["seed"] = (lambda: [doc], SHARED / "eval" / "gold")
    for name, (docs_dir, feeds_dir, gold_dir, _floor) in SETS.items():
        found[name] = ((lambda d=docs_dir, f=feeds_dir: documents_in(ROOT / d, ROOT / f)), ROOT / gold_dir)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.evalsets", description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", dest="names", help="a set to score (repeatable; default all)")
    parser.add_argument("--show", action="store_true", help="print the scorer's misses too")
    args = parser.parse_args(argv)
    sets = _sets()
    names = args.names or list(sets)
    unknown = [n for n in names if n not in sets]
    if unknown:
        parser.error(f"unknown set(s) {', '.join(unknown)}; known: {', '.join(sets)}")
    with tempfile.TemporaryDirectory(prefix="caravan-eval-") as tmp:
        for name in names:
            load, gold = sets[name]
            db = pathlib.Path(tmp) / f"{name}.duckdb"
            write_warehouse(db, load())
            cmd = [sys.executable, str(SHARED / "eval" / "score.py"), "--db", str(db), "--gold", str(gold)]
            run = subprocess.run(cmd + (["--show"] if args.show else []), capture_output=True, text=True)
            lines = run.stdout.strip().splitlines()
            if args.show:
                print(f"== {name}\n" + run.stdout.strip())
            else:
                tail = [ln for ln in lines if ln.startswith(("dates right", "F1"))]
                print(f"{name:8} " + " | ".join(tail))
            if run.returncode not in (0, 1):
                print(run.stderr.strip(), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
