"""tests/errorclasses.py: each unpaired gold or extracted event lands in the class that explains it, with the
project scorer's own pairing (skips where ../shared is absent)."""
from __future__ import annotations

import datetime as dt

import pytest

from tests import errorclasses


@pytest.fixture(scope="module")
def S(shared_dir):
    return errorclasses.scorer()


def gold(gid, a1, a2, types, evidence, date="2023-05-03", precision="day", **extra):
    return {"id": gid, "actor1": a1, "actor2": a2, "type": types, "date": date, "precision": precision,
            "evidence": evidence, **extra}


def extracted(a1, a2, event_type, sentence, day=dt.date(2023, 5, 3), precision="day"):
    return {"url": "file:///doc.html", "actor1": a1, "actor2": a2, "event_type": event_type, "event_date": day,
            "date_precision": precision, "evidence": sentence, "quantity_value": None, "quantity_unit": None,
            "fatalities": None}


MET = "Uzbek officials met Taliban ministers in Termez on 3 May 2023."
SENT = "Kazakhstan sent flour to Pakistan the same day."
SHELLED = "Tajik guards shelled a Taliban post on 3 May 2023."
AGAIN = "The Termez meeting of 3 May 2023 was the first of its kind."
NOISE = "Kyrgyz diplomats praised the weather in Bishkek."


def test_matched_missed_duplicates_and_false_positives_each_get_their_class(S):
    golds = [gold("g1", "UZB", "TALIBAN", ["CONSULT"], "met taliban ministers", symmetric=True),
             gold("g2", "KAZ", "AFG", ["AID"], "sent flour"),
             gold("g3", "TJK", "TALIBAN", ["ASSAULT"], "shelled a taliban post")]
    events = [extracted("UZB", "TALIBAN", "CONSULT", MET),
              extracted("KAZ", "PAK", "AID", SENT),
              extracted("TALIBAN", "UZB", "CONSULT", AGAIN),
              extracted("KGZ", None, "SUPPORT", NOISE)]
    looks = {"shelled a taliban post": ({"ASSAULT"}, 2)}
    counts = errorclasses.classify(S, golds, events, looks.get)
    assert counts["gold"] == 3 and counts["extracted"] == 4 and counts["matched"] == 1
    assert counts["missed: type right, actors wrong (recipient wrong)"] == 1
    assert counts["missed: no event in its sentence; a trigger of its type; actors named 2+"] == 1
    assert counts["duplicate: another sentence"] == 1           # symmetric gold: the reversed pair matches too
    assert counts["false positive: in a sentence holding none"] == 1
    classes = {k: v for k, v in counts.items() if k not in ("gold", "extracted", "matched")}
    assert sum(v for k, v in classes.items() if k.startswith("missed")) == 3 - 1
    assert sum(v for k, v in classes.items() if not k.startswith("missed")) == 4 - 1


def test_wrong_types_dates_and_swaps_are_told_apart(S):
    golds = [gold("a", "KAZ", "AFG", ["AID"], "delivered wheat"),
             gold("b", "UZB", "TALIBAN", ["AGREE"], "signed a deal"),
             gold("c", "TKM", "AFG", ["COOPERATE"], "opened a rail link", date="2023-06", precision="month"),
             gold("d", "TJK", "TALIBAN", ["ACCUSE"], "blamed the taliban")]
    events = [extracted("KAZ", "AFG", "SUPPORT", "Kazakhstan delivered wheat to Afghanistan."),
              extracted("TALIBAN", "UZB", "AGREE", "Uzbekistan signed a deal with the Taliban."),
              extracted("TKM", "AFG", "COOPERATE", "Turkmenistan opened a rail link to Herat.", day=dt.date(2023, 9, 1)),
              extracted("PAK", "IRN", "ACCUSE", "Tajikistan blamed the Taliban for the raid, and Pakistan Iran."),
              extracted("PAK", "IRN", "ACCUSE", "Pakistan blamed Iran for a raid that Tajikistan blamed the Taliban for.")]
    counts = errorclasses.classify(S, golds, events)
    assert counts["matched"] == 0
    assert counts["missed: actors right, type wrong"] == 1
    assert counts["missed: type right, actors wrong (swapped)"] == 1
    assert counts["missed: type and actors right; date wrong or event taken"] == 1
    assert counts["missed: type right, actors wrong (both wrong)"] == 1
    assert counts["false positive: in a sentence holding a gold event"] == 5


def test_the_report_prints_counts_and_never_a_sentence(shared_dir, capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("CARAVAN_CACHE_DIR", str(tmp_path / "cache"))
    assert errorclasses.main(["--set", "seed"]) == 0
    out = capsys.readouterr().out
    assert "pooled: P" in out and "gold" in out
    seed_text = (shared_dir / "seed" / "idsa-central-asia-taliban-2024-02-19.txt").read_text(encoding="utf-8")
    lines = out.splitlines()
    assert lines[0] == "sets: seed" and lines[-1].startswith("pooled: P")
    for line in lines[1:-1]:
        count, label = line.split(None, 1)
        assert count.isdigit()
        assert label in ("gold", "extracted", "matched") or label.startswith(("missed: ", "duplicate: ", "false positive: "))
        assert label.split(": ", 1)[-1] not in seed_text


def test_outcomes_by_gold_type(S):
    golds = [gold("g1", "UZB", "TALIBAN", ["CONSULT"], "met taliban ministers"),
             gold("g2", "KAZ", "AFG", ["AID", "SUPPORT"], "sent flour"),
             gold("g3", "TJK", "TALIBAN", ["ASSAULT"], "shelled a taliban post"),
             gold("g4", "TKM", "TALIBAN", ["CONSULT"], "received a taliban envoy")]
    events = [extracted("UZB", "TALIBAN", "CONSULT", MET), extracted("KAZ", "PAK", "AID", SENT)]
    looks = {"shelled a taliban post": ({"ASSAULT"}, 2), "received a taliban envoy": (set(), 2)}
    counts = errorclasses.by_type(S, golds, events, looks.get)
    assert counts[("CONSULT", "gold")] == 2 and counts[("CONSULT", "matched")] == 1
    assert counts[("CONSULT", "no trigger")] == 1
    assert counts[("AID", "sentence coded")] == 1 and ("SUPPORT", "gold") not in counts
    assert counts[("ASSAULT", "trigger")] == 1
