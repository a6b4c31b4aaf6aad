"""PLOVER event types table."""
from __future__ import annotations

from transforms.coder.types import QUADS, ROOT_TYPES, load_event_types


def test_sixteen_roots_with_quads_and_scores():
    rows = load_event_types()
    roots = {r["event_type"]: r for r in rows if r["mode"] is None}
    assert set(roots) == set(ROOT_TYPES)
    assert roots["CONSULT"]["quad_class"] == "verbal cooperation"
    assert roots["AID"]["quad_class"] == "material cooperation"
    assert roots["THREATEN"]["quad_class"] == "verbal conflict"
    assert roots["ASSAULT"]["quad_class"] == "material conflict"
    for r in rows:
        assert r["quad"] == QUADS[r["quad_class"]]
        assert -10 <= r["score"] <= 10 and r["definition"]
    assert roots["ASSAULT"]["score"] < roots["ACCUSE"]["score"] < 0 < roots["CONSULT"]["score"] < roots["AID"]["score"]
    modes = {(r["event_type"], r["mode"]) for r in rows}
    assert {("CONSULT", "visit"), ("CONSULT", "phone"), ("CONSULT", "multilateral"), ("ASSAULT", "firearms")} <= modes
