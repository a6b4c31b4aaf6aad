"""How far two annotators agree: score a second annotator's gold against a set's gold with the project's scorer
(not collected by pytest).

    .venv/bin/python -m tests.agreement --gold devset/blind43/gold --other /tmp/second/blind43

Each of the other annotator's events is loaded as if a coder had extracted it (its first listed type, its
actors, date and precision, quantity, fatalities, location and evidence) into a real DuckDB file, and
../shared/eval/score.py scores that file against `--gold`, exactly as it scores the coder. With `--both`
the roles are swapped too (the set's gold as the extraction, the other annotator's as the gold), since the
scorer is not symmetric: a gold's list of admissible types and its null actors accept more than one reading.
The F1 of one careful annotator against another is the ceiling a coder can be expected to reach on that
set's gold; devset/agreement/README.md reports it. `--show` prints sentences, so, as in tests/errorclasses.py, it
refuses a set that devset/README.md does not mark "tuned on" (the test pool's second annotations are scored, never
read)."""
from __future__ import annotations

import argparse
import datetime as dt
import pathlib
import subprocess
import sys
import tempfile

import yaml

from tests.errorclasses import readable
from tests.test_devset import scored_warehouse

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def _date(value, precision: str):
    if value is None or precision == "none":
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if len(text) == 4:
        text += "-01-01"
    elif len(text) == 7:
        text += "-01"
    return dt.date.fromisoformat(text)


def _code(value):
    return None if value in (None, "", "null", "UNK") else str(value)


def gold_as_events(gold_dir: pathlib.Path) -> tuple[list[tuple], list[tuple]]:
    """(documents rows, events rows) reading every gold YAML in `gold_dir` as one annotator's extraction."""
    documents, events = [], []
    files = sorted(gold_dir.glob("*.yaml"))
    if not files:
        raise SystemExit(f"{gold_dir}: no gold YAML files")
    for path in files:
        try:
            gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise SystemExit(f"{path}: not YAML ({exc})") from None
        doc = str(gold.get("doc") or path.stem)
        documents.append((doc, f"file:///gold/{doc}.yaml"))
        for event in gold.get("events") or []:
            types = event.get("type") or []
            types = [types] if isinstance(types, str) else list(types)
            if not types:
                raise SystemExit(f"{path}: event {event.get('id')} has no type")
            precision = str(event.get("precision") or "none")
            quantity = event.get("quantity") or {}
            events.append((doc, _date(event.get("date"), precision), precision, _code(event.get("actor1")),
                           _code(event.get("actor2")), str(types[0]).upper(), quantity.get("value"),
                           quantity.get("unit"), event.get("fatalities"), event.get("location"),
                           event.get("evidence")))
    return documents, events


def write_warehouse(path: pathlib.Path, gold_dir: pathlib.Path) -> int:
    documents, events = gold_as_events(gold_dir)
    scored_warehouse(path, documents, events)
    return len(events)


def score(extraction: pathlib.Path, gold: pathlib.Path, show: bool = False) -> str:
    with tempfile.TemporaryDirectory(prefix="caravan-agreement-") as tmp:
        db = pathlib.Path(tmp) / "other.duckdb"
        write_warehouse(db, extraction)
        cmd = [sys.executable, str(SHARED / "eval" / "score.py"), "--db", str(db), "--gold", str(gold)]
        run = subprocess.run(cmd + (["--show"] if show else []), capture_output=True, text=True)
    if run.returncode not in (0, 1):
        raise SystemExit(run.stderr.strip() or f"score.py exited {run.returncode}")
    if show:
        return run.stdout.strip()
    return " | ".join(ln for ln in run.stdout.strip().splitlines() if ln.startswith(("dates right", "F1")))


def set_of(folder: pathlib.Path) -> str | None:
    """The evaluation set a gold folder (or a second annotation of it) belongs to: devset/<set>/gold and
    devset/agreement/<set> name their set, devset/gold is the dev set; any other folder is nobody's."""
    parts = folder.resolve().parts
    devset = (ROOT / "devset").resolve().parts
    if parts[:len(devset)] != devset or len(parts) == len(devset):
        return None
    rest = parts[len(devset):]
    if rest == ("gold",):
        return "dev"
    if rest[0] == "agreement" and len(rest) > 1:
        return rest[1]
    return rest[0] if len(rest) > 1 and rest[1] == "gold" else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.agreement", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", required=True, type=pathlib.Path, help="the set's gold folder")
    parser.add_argument("--other", required=True, type=pathlib.Path, help="the second annotator's gold folder")
    parser.add_argument("--both", action="store_true", help="also score the set's gold against the other's")
    parser.add_argument("--show", action="store_true", help="print the scorer's misses too")
    args = parser.parse_args(argv)
    if not (SHARED / "eval" / "score.py").exists():
        parser.error(f"{SHARED / 'eval' / 'score.py'} not found: the scorer lives beside the checkout")
    if args.show:
        table = (ROOT / "devset" / "README.md").read_text(encoding="utf-8")
        named = dict.fromkeys(set_of(folder) for folder in (args.gold, args.other))
        refused = [n for n in named if n is not None and not readable(n, table)]
        if refused:
            parser.error(f"--show prints sentences: refused for {', '.join(refused)} (not marked \"tuned on\" in "
                         "devset/README.md; never-read sets are never shown)")
    print("other vs gold: " + score(args.other, args.gold, args.show))
    if args.both:
        print("gold vs other: " + score(args.gold, args.other, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
