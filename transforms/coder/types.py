"""PLOVER event types (transforms/data/event_types.yaml) as rows for the `event_types` table."""
from __future__ import annotations

import functools

from transforms.coder._data import load_yaml

ROOT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
              "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
QUADS = {"verbal cooperation": 1, "material cooperation": 2, "verbal conflict": 3, "material conflict": 4}


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[dict, ...]:
    rows: list[dict] = []
    for entry in load_yaml("event_types.yaml")["types"]:
        quad_class = entry["quad_class"]
        base = {"event_type": entry["event_type"], "quad_class": quad_class, "quad": QUADS[quad_class]}
        rows.append({**base, "mode": None, "score": float(entry["score"]), "definition": entry["definition"]})
        for mode in entry.get("modes") or []:
            rows.append({**base, "mode": mode["mode"], "score": float(mode.get("score", entry["score"])),
                         "definition": mode["definition"]})
    found = [r["event_type"] for r in rows if r["mode"] is None]
    if sorted(found) != sorted(ROOT_TYPES):
        raise ValueError(f"event_types.yaml must define exactly the 16 PLOVER root types, has {found}")
    return tuple(rows)


def load_event_types() -> list[dict]:
    """Rows {event_type, mode (None for the root row), quad_class, quad, score, definition}."""
    return [dict(r) for r in _rows()]


@functools.lru_cache(maxsize=1)
def score_of() -> dict[tuple[str, str | None], float]:
    return {(r["event_type"], r["mode"]): r["score"] for r in _rows()}
